// A model in a checkpoint file (checkpoint.h is the container): the configuration, "step", the raw
// and EMA weights under "model." and "ema.", Adam's state under "optimizer.", the loss history and
// the loss per timestep bin. The trainer writes and resumes the whole of it (Trainer::save/resume);
// loadCheckpoint (modelstate.h) reads what sampling needs.
#pragma once

#include "checkpoint.h"
#include "losshistory.h"
#include "modelstate.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace ddpm {

// The loss history as a checkpoint stores it: "loss_history" [n, 2] (step, loss) for the steps at full
// resolution and "loss_buckets" [m, 6] (first step, last step, min, max, mean, count) for the older
// ones. Reading drops steps out of range and buckets that contradict each other.
torch::Tensor historyTensor(const LossHistory& history);
torch::Tensor bucketsTensor(const LossHistory& history);
LossHistory historyFrom(const torch::Tensor& recent, const torch::Tensor& buckets);

// The loss per timestep bin ("bin_loss" [bins]) and its history ("bin_loss_history" [n, 1 + bins], the
// step first). Reading gives NaN bins, or drops rows, where the file does not fit `bins`.
torch::Tensor binHistoryTensor(const std::vector<BinLossSnapshot>& history, size_t bins);
std::vector<BinLossSnapshot> binHistoryFrom(const torch::Tensor& t, size_t bins);
std::vector<double> binLossFrom(const torch::Tensor& t, size_t bins);

// The step count, checked against the limits.
Result<int64_t> readStep(CheckpointReader& reader);

// A model checkpoint opened, with its configuration and step read and checked.
struct OpenedFile {
    std::unique_ptr<CheckpointReader> reader;
    ModelConfig config;
    int64_t step = 0;
};
Result<OpenedFile> openModelFile(const std::string& path);

// Writes a checkpoint for sampling only: the configuration, step, thinned loss history and the EMA
// weights (stored in fp16 when `half`), without the training weights and the optimizer: a few MB
// instead of tens. It loads like any other checkpoint; training from it starts from the EMA weights
// with a fresh optimizer.
Status exportSamplingCheckpoint(const std::string& in, const std::string& out, bool half,
                                size_t maxHistoryPoints = 2000);

// Rewrites a checkpoint or classifier of any readable format in the current one (the weights are
// read through the same checks as when opening). `kind` says which it was.
Status convertCheckpoint(const std::string& in, const std::string& out, std::string* kind = nullptr);

} // namespace ddpm
