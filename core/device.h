// Where the engine computes, and how a failure inside LibTorch becomes a message a user can act on.
#pragma once

#include "result.h"

#include <torch/torch.h>

#include <exception>
#include <string>

namespace ddpm {

// Device from "auto", "cpu" or "cuda"; "auto" takes CUDA when present.
Result<torch::Device> parseDevice(const std::string& name);
std::string deviceDescription(torch::Device device);

// Sets LibTorch's intra-op thread count for the calling thread (0: all cores) and keeps OpenBLAS from
// starting a second pool on top of it. OpenMP's count is per thread: call it on the thread that
// computes, not on the one that asks.
void configureThreads(int threads);
// The cores no other thread is running on just now (at least 1): the logical cores less the threads the
// kernel has running, not counting the caller (Linux's /proc/loadavg; the most of three looks 10 ms apart,
// so that a thread running for a moment does not count). Elsewhere all the cores.
int freeCpuCores();

// One line for an exception thrown by LibTorch or the standard library while doing `what` (an engine
// message such as "training step %1"): LibTorch's C++ stack trace is dropped, and running out of
// memory names the remedy.
Error describeException(const std::exception& e, const Error& what);
// The exception's message in one line, without LibTorch's stack trace.
std::string exceptionSummary(const std::exception& e);
Error describeUnknownException(const Error& what);

} // namespace ddpm
