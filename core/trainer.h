// Training, Ho et al. 2020 Algorithm 1: sample x0, t ~ U{1…T}, ε ~ N(0, I); take a gradient step on
// ‖target − net(√ᾱ_t x0 + √(1−ᾱ_t) ε, t)‖². Adam with linear warm-up, gradient-norm clipping and an
// EMA of the weights. Batches are prepared ahead of the step on a thread of their own
// (batchprefetcher.h); the checkpoint's layout is in checkpoint.cpp.
#pragma once

#include "batchprefetcher.h"
#include "config.h"
#include "dataset.h"
#include "device.h"
#include "diffusion.h"
#include "losshistory.h"
#include "modelstate.h"
#include "sampler.h"
#include "result.h"
#include "unet.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ddpm {

struct OpenedFile; // modelfile.h

class Distributed;
class GradientAverager;

struct StepStats {
    int64_t step = 0; // steps completed after this one
    double loss = 0.0;
    double gradNorm = 0.0; // before clipping
    double lr = 0.0;
    double imagesPerSec = 0.0; // over the last few steps
    double stepsPerSec = 0.0;
};

// Whether `config`'s model can train on `data`: its size, and for a class-conditional model labels of
// its own classes. Trainer::setDataset refuses what this refuses; the studio says so before a Start.
Status checkTrainingData(const ModelConfig& config, const Dataset& data);

class Trainer {
public:
    Trainer(const ModelConfig& config, torch::Device device);
    ~Trainer();

    // The data set must already fit the model (fitToModel / loadDataSpec). One loaded by loadDataSpec
    // becomes the config's dataSpec, which checkpoints record.
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
    const LossHistory& lossHistory() const { return m_history; }
    // Mean loss per timestep bin (bin k covers t in [kT/bins + 1, (k+1)T/bins]); NaN for bins not
    // seen yet. A running average that follows the model as it improves.
    const std::vector<double>& binLoss() const { return m_binLoss; }
    // binLoss() as it was every few steps (thinned to at most a few hundred entries), for heat maps.
    const std::vector<BinLossSnapshot>& binLossHistory() const { return m_binHistory; }
    double learningRate(int64_t step) const;
    // Learning rate, warm-up, EMA decay, clipping, batch, seed and flips for the steps from now on
    // (the loss bins stay as they are). A change of batch, seed or flips restarts the batch sequence
    // from the current step.
    Status setTrainOptions(const TrainOptions& options);
    // This trainer as one rank of a data-parallel job (distributed.h), or null for a process of its own.
    // Every rank makes the same global batch (config.train.batch, which must split evenly over the ranks:
    // a failure otherwise) and trains on its slice of it; the gradients, the loss and each example's loss
    // (for the per-t bins) are averaged over the ranks, so every rank takes the same step. Rank 0's weights
    // are copied to the others first. Dropout draws the masks of the whole batch and applies this rank's.
    Status setDistributed(std::shared_ptr<Distributed> distributed);
    // How the network computes from now on (the weights, the optimizer and the EMA stay fp32).
    void setPrecision(Precision p);
    Precision precision() const { return m_model->precision(); }
    // The step count the run aims for (kept in checkpoints so a resumed run knows it).
    void setTotalSteps(int64_t steps) { m_config.train.totalSteps = steps; }

    // A frozen copy of the model (weights cloned) that other threads may use while training goes on.
    ModelState state() const;

    // Checkpoint (modelfile.h): model, EMA, optimizer, step, RNG state, configuration, loss history.
    Status save(const std::string& path) const;
    // Restores a trainer from a checkpoint to continue training where it stopped.
    static Result<std::unique_ptr<Trainer>> resume(const std::string& path, torch::Device device);
    // A warm start, before the first step: the raw and EMA weights become the EMA weights of the model in
    // `path`, which must have this model's architecture, image shape, schedule and prediction (the one
    // that differs is named otherwise). A class embedding that model lacks starts at zero, so a
    // class-conditional model started from an unconditional one first predicts exactly what that one
    // does, for every class. The step count, optimizer and histories stay those of a new run; the config's
    // initFrom names the file.
    Status startFrom(const std::string& path);
    // The same from a file already opened (`path` names it in messages).
    Status startFrom(OpenedFile& opened, const std::string& path);
    // The configuration settings startFrom requires to be equal: the network's shape, the schedule and
    // the prediction (not the classes or the dropout).
    static bool sharedByWarmStart(const std::string& configKey);

private:
    Result<StepStats> stepUnguarded();
    // The gradients, the loss and the examples' losses averaged over the ranks (distributed runs only).
    void averageOverRanks(torch::Tensor& loss, torch::Tensor& perExample, int64_t first);
    Status checkBatchSplits(int64_t batch) const;
    void restartPrefetcher();
    void updateEma();

    ModelConfig m_config;
    torch::Device m_device;
    Diffusion m_diffusion;
    UNet m_model{nullptr};
    UNet m_ema{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optimizer;
    torch::Tensor m_images, m_labels; // m_labels: a class-conditional model's, else undefined
    std::unique_ptr<BatchPrefetcher> m_prefetcher;
    std::shared_ptr<Distributed> m_distributed;
    std::unique_ptr<GradientAverager> m_averager; // the gradients' all-reduce during the backward pass
    int64_t m_step = 0;
    // The raw network is a copy of the EMA one, as read from a file of EMA weights only or started from
    // another model's (ModelState::samplingOnly), until the next step.
    bool m_rawIsEmaCopy = false;
    LossHistory m_history;
    std::vector<double> m_binLoss;
    std::vector<BinLossSnapshot> m_binHistory;
    int64_t m_binHistoryEvery = 10;
    std::deque<std::pair<std::chrono::steady_clock::time_point, int>> m_recent;
};

// One run of training steps, as `ddpm train` and the studio's worker run it. Every hook may be empty.
struct TrainingRun {
    std::function<int64_t()> target;                 // the step to stop at, read before every step (it may move)
    std::function<bool()> stopRequested;             // read before every step
    std::function<void()> betweenSteps;              // before every step: the studio runs its queued tasks there
    std::function<void(const StepStats&)> afterStep; // progress, logs, previews
    int64_t saveEvery = 0;                           // a checkpoint to savePath every N steps (not at the target)
    std::string savePath;
    std::function<void(const Status&)> saved; // told how each periodic save went
};
// Steps until the target is reached, a stop is requested or a step fails (its reason is returned;
// the model keeps the last good step). The trainer's total steps follow the target.
Status runTraining(Trainer& trainer, const TrainingRun& run);

} // namespace ddpm
