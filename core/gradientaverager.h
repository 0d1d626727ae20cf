// Gradients averaged over the ranks of a data-parallel job while the backward pass is still running
// (issue 21), as torch.distributed's DistributedDataParallel does, with only LibTorch's public interface
// (a hook on each parameter) so that the engine builds with LibTorch 1.13 and 2.x alike.
//
// The parameters are packed, last first (the order in which the backward pass produces their gradients),
// into buckets of about `bucketBytes`. A parameter's hook copies its gradient into its bucket the moment
// autograd has it; a bucket's all-reduce starts as soon as the bucket and every bucket before it are
// complete, so every rank starts its all-reduces in the same order whatever order the gradients come in.
// finishStep() starts what the pass did not reach (a parameter without a gradient counts as zeros),
// waits for every bucket and writes the averages into the parameters' gradients.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace ddpm {

class Distributed;
class PendingSum;

class GradientAverager {
public:
    GradientAverager(Distributed& job, std::vector<torch::Tensor> parameters, int64_t bucketBytes = int64_t{25} << 20);
    ~GradientAverager(); // removes the hooks
    GradientAverager(const GradientAverager&) = delete;
    GradientAverager& operator=(const GradientAverager&) = delete;

    // Call before the step's backward pass, and finishStep() after it; the hooks ignore a backward pass
    // outside a step. finishStep() throws std::runtime_error when a rank is gone (Distributed's reason).
    void beginStep();
    void finishStep();

    size_t bucketCount() const { return m_buckets.size(); }
    // In the last step: the buckets whose all-reduce the backward pass started, and how many gradients
    // the pass had still to produce when the first one started (more than none: the two overlapped).
    size_t startedDuringBackward() const { return m_startedByHooks; }
    size_t gradientsOutstandingAtFirstStart() const { return m_outstandingAtFirst; }

private:
    void arrived(size_t parameter, const torch::Tensor& grad);
    void startCompleteBuckets();

    struct Slot {
        size_t bucket = 0;
        int64_t offset = 0;
        bool arrived = false;
    };
    struct Bucket {
        torch::Tensor flat;
        std::vector<size_t> members;
        size_t pending = 0;
        std::shared_ptr<PendingSum> sum;
    };
    Distributed& m_job;
    std::vector<torch::Tensor> m_parameters;
    std::vector<Slot> m_slots;
    std::vector<Bucket> m_buckets;
    std::vector<unsigned> m_hooks;
    size_t m_next = 0;        // the first bucket not started
    size_t m_outstanding = 0; // gradients still to come in this step
    size_t m_startedByHooks = 0;
    size_t m_outstandingAtFirst = 0;
    bool m_inStep = false;
};

} // namespace ddpm
