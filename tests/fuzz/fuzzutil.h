// Helpers for the harnesses that reach LibTorch: fuzzbasics.h, one-time thread setup, and reading every
// byte of a tensor so that ASan sees a tensor larger than its storage.
#pragma once

#include "fuzzbasics.h"

#include <torch/torch.h>

namespace fuzz {

// One thread: LibTorch's pool would otherwise spin up per input, and libFuzzer runs one input at a time.
inline void setupOnce()
{
    static const bool done = [] {
        ::setenv("OMP_NUM_THREADS", "1", 0);
        torch::set_num_threads(1);
        return true;
    }();
    (void)done;
}

// Reads every byte of a CPU tensor's data through memcpy, which ASan checks: a tensor whose sizes
// claim more than its storage holds shows up here even though LibTorch itself is not instrumented.
inline void touch(const torch::Tensor& t)
{
    if (!t.defined())
        return;
    const torch::Tensor c = t.contiguous();
    const size_t bytes = static_cast<size_t>(c.numel()) * c.element_size();
    if (bytes == 0)
        return;
    if (c.storage().nbytes() < bytes + static_cast<size_t>(c.storage_offset()) * c.element_size())
        std::abort(); // a tensor larger than its storage: a reader bug
    static std::string sink;
    sink.resize(bytes);
    std::memcpy(sink.data(), c.data_ptr(), bytes);
}

} // namespace fuzz
