// One model as the engine hands it out, and the one way to sample from it. A checkpoint opened for
// sampling and the frozen copy of a training model that the studio's views and sampler use are the
// same thing: configuration, raw and EMA weights, step, loss history, the device the weights are on.
#pragma once

#include "config.h"
#include "diffusion.h"
#include "losshistory.h"
#include "precision.h"
#include "result.h"
#include "sampler.h"
#include "unet.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ddpm {

// The loss per timestep bin as it was at a step (for heat maps).
struct BinLossSnapshot {
    int64_t step;
    std::vector<double> binLoss;
};

struct ModelState {
    ModelConfig config;
    int64_t step = 0;
    UNet model{nullptr}; // raw weights
    UNet ema{nullptr};   // EMA weights
    torch::Device device = torch::kCPU;
    double lr = 0; // the learning rate of the last step taken (of the first one before any)
    // EMA weights only (model is a copy of ema): a file written by exportSamplingCheckpoint, or a trainer's
    // state read from one (or started from another model's weights) before its next step.
    bool samplingOnly = false;
    int formatVersion = 0;   // of the file it came from (0: not read from a file)
    LossHistory lossHistory; // bounded (losshistory.h): copying it costs at most a few MB
    std::vector<double> binLoss;
    std::vector<BinLossSnapshot> binLossHistory;

    int64_t parameterCount() const { return model ? model->parameterCount() : 0; }
    // The shape of one image the model makes: {C, H, W}.
    std::vector<int64_t> imageShape() const;
};

// Reads a checkpoint's model for sampling and inspection (no optimizer), on `device`.
Result<ModelState> loadCheckpoint(const std::string& path, torch::Device device);

// Which weights sample: the exponential moving average (what the paper samples from) or the raw ones.
enum class Weights { Ema, Raw };                       // as weightsNames() (names.h) lists them
Result<Weights> parseWeights(const std::string& name); // "ema" or "raw"

// The model's diffusion (its schedule and parametrisation, on its device) and a denoiser running the
// chosen weights. With `ownCopy` the denoiser runs a copy of them, so that another thread may use the
// model's networks at the same time.
Sampling samplingFrom(const ModelState& model, Weights weights, bool ownCopy = false);

// A checkpoint opened for sampling: loaded on `device`, computing in `precision`. The raw weights of a
// sampling-only checkpoint (exportSamplingCheckpoint), which has none, are refused.
struct OpenedModel {
    ModelState model;
    Sampling sampling;
};
Result<OpenedModel> openForSampling(const std::string& path, torch::Device device, Precision precision,
                                    Weights weights);

// A denoiser that runs a network in eval mode ("no class" for a class-conditional one).
Denoiser makeDenoiser(UNet model);
// The same with each image's label (a class-conditional network).
ClassDenoiser makeClassDenoiser(UNet model);

} // namespace ddpm
