// Data-parallel training on torch.distributed's c10d (issue 21): this process as one rank of a job that
// torchrun (or a Slurm script) started, its collectives c10d's own (Gloo on CPUs, NCCL on CUDA), the
// rendezvous through c10d's TCPStore at MASTER_ADDR:MASTER_PORT. Every rank holds the same weights and
// takes the same optimizer step on gradients averaged over the ranks; see trainer.h for the batches.
//
// Built only where the LibTorch has c10d (DDPM_WITH_DISTRIBUTED; Debian's needs libgloo-dev for the
// headers); elsewhere join() says so and a job of one rank still runs as before.
#pragma once

#include "result.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ddpm {

// Where this process stands in the job, from the environment torchrun sets.
struct RankInfo {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    bool job = false; // RANK and WORLD_SIZE are set: this process is a rank of a job, maybe the only one
    bool distributed() const { return worldSize > 1; }
};
// RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT: none of them set, no job (a plain process);
// a job of one rank (torchrun --nproc_per_node=1) runs every collective, over itself;
// values that are not numbers, a rank outside 0 … WORLD_SIZE − 1 or a port outside 1 … 65535 fail.
// `get` reads a variable (null: not set); by default the process environment.
Result<RankInfo> rankFromEnvironment(const char* (*get)(const char*) = nullptr);

// Whether this build can join a job of several ranks, and the backend it would use on `device`.
bool distributedBuilt();
std::string backendFor(torch::Device device); // "gloo" or "nccl"

class ProcessGroupHolder; // c10d's process group, kept out of this header
class PendingSum;         // c10d's work of one all-reduce, likewise

class Distributed {
public:
    // Joins the job: rank 0 serves the TCPStore, the others connect to it; every collective and the
    // rendezvous give up after `timeout` (a rank that died makes the others fail, not hang).
    static Result<std::unique_ptr<Distributed>> join(const RankInfo& info, torch::Device device,
                                                     std::chrono::milliseconds timeout);
    ~Distributed();

    int rank() const { return m_info.rank; }
    int worldSize() const { return m_info.worldSize; }
    const RankInfo& info() const { return m_info; }
    std::string backend() const { return m_backend; }

    // Averages the (contiguous) tensors over the ranks, in place, one all-reduce each, all started before the
    // first is waited for. Throws std::runtime_error (with c10d's reason) when a rank is gone or the timeout
    // passes. The gradients go through GradientAverager (gradientaverager.h), which packs them in buckets.
    void average(const std::vector<torch::Tensor>& tensors);
    // Starts summing `flat` over the ranks, in place (one all-reduce; every rank must start its sums in the
    // same order); waitFor() then waits for it, throwing as average() does.
    std::shared_ptr<PendingSum> startSum(const torch::Tensor& flat);
    void waitFor(const std::shared_ptr<PendingSum>& sum);
    // Rank 0's values of the tensors on every rank, in place.
    void broadcastFromRankZero(const std::vector<torch::Tensor>& tensors);
    void barrier();

private:
    Distributed(RankInfo info, std::string backend, std::unique_ptr<ProcessGroupHolder> group,
                std::chrono::milliseconds timeout);

    RankInfo m_info;
    std::string m_backend;
    std::unique_ptr<ProcessGroupHolder> m_group;
    std::chrono::milliseconds m_timeout;
};

} // namespace ddpm
