// Shuffled training batches of x0 in [−1, 1], with their timesteps and noise, prepared on a thread of
// their own while the network computes. Batch k is a pure function of (seed, k), so a resumed run
// continues the same sequence. An exception on the prefetching thread is not lost: take() rethrows it
// on the thread that trains, where the trainer turns it into a message.
#pragma once

#include <torch/torch.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ddpm {

class BatchPrefetcher {
public:
    struct Batch {
        int64_t index = 0;
        torch::Tensor x0;     // float [B, C, H, W], CPU
        torch::Tensor tIndex; // int64 [B]
        torch::Tensor eps;    // float [B, C, H, W]
        torch::Tensor labels; // int64 [B], kNoClass where dropped; undefined for an unconditional model
    };
    // For a class-conditional model, `labels` (int64 [N]) gives each image's class; a batch carries them,
    // each replaced by kNoClass with probability pUncond.
    BatchPrefetcher(torch::Tensor images, int batch, int timesteps, bool hflip, uint64_t seed, int64_t firstBatch,
                    int depth = 3, torch::Tensor labels = {}, double pUncond = 0);
    ~BatchPrefetcher();
    // The next batch; rethrows what making it threw.
    Batch take();

    // For tests: called on the prefetching thread before batch k is made; may throw.
    static void setFaultHook(std::function<void(int64_t k)> hook);

private:
    Batch make(int64_t k);
    void loop();

    torch::Tensor m_images, m_labels;
    double m_pUncond = 0;
    int m_batch, m_timesteps;
    bool m_hflip;
    uint64_t m_seed;
    int64_t m_nextToMake;
    int m_depth;
    std::vector<int64_t> m_perm;
    int64_t m_permEpoch = -1;
    std::deque<Batch> m_queue;
    std::exception_ptr m_error; // set once making a batch failed; the thread then ends
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ddpm
