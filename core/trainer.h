// Training, Ho et al. 2020 Algorithm 1: sample x0, t ~ U{1…T}, ε ~ N(0, I); take a gradient step on
// ‖target − net(√ᾱ_t x0 + √(1−ᾱ_t) ε, t)‖². Adam with linear warm-up, gradient-norm clipping and an
// EMA of the weights. Batches are prepared ahead of the step on a thread of their own.
#pragma once

#include "config.h"
#include "dataset.h"
#include "diffusion.h"
#include "sampler.h"
#include "result.h"
#include "unet.h"

#include <torch/torch.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ddpm {

struct StepStats {
    int64_t step = 0;          // steps completed after this one
    double loss = 0.0;
    double gradNorm = 0.0;     // before clipping
    double lr = 0.0;
    double imagesPerSec = 0.0; // over the last few steps
    double stepsPerSec = 0.0;
};

struct LossPoint {
    int64_t step;
    float loss;
};

struct BinLossSnapshot {
    int64_t step;
    std::vector<double> binLoss;
};

// Produces shuffled batches of x0 in [−1, 1] on a background thread. Batch k is a pure function of
// (seed, k), so a resumed run continues the same sequence.
class BatchPrefetcher {
public:
    struct Batch {
        int64_t index = 0;
        torch::Tensor x0;     // float [B, C, H, W], CPU
        torch::Tensor tIndex; // int64 [B]
        torch::Tensor eps;    // float [B, C, H, W]
    };
    BatchPrefetcher(torch::Tensor images, int batch, int timesteps, bool hflip, uint64_t seed, int64_t firstBatch,
                    int depth = 3);
    ~BatchPrefetcher();
    Batch take();

private:
    Batch make(int64_t k);
    void loop();

    torch::Tensor m_images;
    int m_batch, m_timesteps;
    bool m_hflip;
    uint64_t m_seed;
    int64_t m_nextToMake;
    int m_depth;
    std::vector<int64_t> m_perm;
    int64_t m_permEpoch = -1;
    std::deque<Batch> m_queue;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

class Trainer {
public:
    Trainer(const ModelConfig& config, torch::Device device);
    ~Trainer();

    // The data set must already fit the model (fitToModel / loadDataSpec).
    Status setDataset(const Dataset& data);
    bool hasDataset() const { return m_images.defined(); }

    // One step of Algorithm 1. A non-finite loss or gradient is refused before the weights change, so
    // the model keeps the last good state.
    Result<StepStats> step();

    const ModelConfig& config() const { return m_config; }
    torch::Device device() const { return m_device; }
    Diffusion& diffusion() { return m_diffusion; }
    UNet& model() { return m_model; }
    UNet& ema() { return m_ema; }
    int64_t stepCount() const { return m_step; }
    const std::vector<LossPoint>& lossHistory() const { return m_history; }
    // Mean loss per timestep bin (bin k covers t in [kT/bins + 1, (k+1)T/bins]); NaN for bins not
    // seen yet. A running average that follows the model as it improves.
    const std::vector<double>& binLoss() const { return m_binLoss; }
    // binLoss() as it was every few steps (thinned to at most a few hundred entries), for heat maps.
    const std::vector<BinLossSnapshot>& binLossHistory() const { return m_binHistory; }
    double learningRate(int64_t step) const;
    // The step count the run aims for (kept in checkpoints so a resumed run knows it).
    void setTotalSteps(int64_t steps) { m_config.train.totalSteps = steps; }

    // Checkpoint: model, EMA, optimizer, step, RNG state, configuration, loss history.
    Status save(const std::string& path) const;
    // Restores a trainer from a checkpoint to continue training where it stopped.
    static Result<std::unique_ptr<Trainer>> resume(const std::string& path, torch::Device device);

private:
    void updateEma();

    ModelConfig m_config;
    torch::Device m_device;
    Diffusion m_diffusion;
    UNet m_model{nullptr};
    UNet m_ema{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    torch::Tensor m_images;
    std::unique_ptr<BatchPrefetcher> m_prefetcher;
    int64_t m_step = 0;
    std::vector<LossPoint> m_history;
    std::vector<double> m_binLoss;
    std::vector<BinLossSnapshot> m_binHistory;
    int64_t m_binHistoryEvery = 10;
    std::deque<std::pair<std::chrono::steady_clock::time_point, int>> m_recent;
};

// What a checkpoint holds, for sampling and inspection without an optimizer.
struct LoadedModel {
    ModelConfig config;
    int64_t step = 0;
    UNet model{nullptr};
    UNet ema{nullptr};
    std::vector<LossPoint> lossHistory;
    std::vector<double> binLoss;
    std::vector<BinLossSnapshot> binLossHistory;
};
Result<LoadedModel> loadCheckpoint(const std::string& path, torch::Device device);

// A denoiser that runs a network in eval mode.
Denoiser makeDenoiser(UNet model);

// Device from "auto", "cpu" or "cuda"; "auto" takes CUDA when present.
Result<torch::Device> parseDevice(const std::string& name);
std::string deviceDescription(torch::Device device);

} // namespace ddpm
