// Everything that defines a model and how it is trained: kept in every checkpoint.
#pragma once

#include "diffusion.h"
#include "schedule.h"
#include "unet.h"

#include <cstdint>
#include <string>

namespace ddpm {

struct TrainOptions {
    int batch = 64;
    double lr = 2e-4;          // Adam, as in the paper
    int warmupSteps = 500;     // linear warm-up of the learning rate
    double gradClip = 1.0;     // global gradient-norm clipping
    double emaDecay = 0.999;   // EMA of the weights (ramped up during the first steps)
    bool hflip = false;        // random horizontal flips
    uint64_t seed = 0;
    int64_t totalSteps = 10000;
    int lossBins = 10;         // loss per timestep bin
};

struct ModelConfig {
    std::string preset = "reference";
    UNetOptions unet;
    ScheduleOptions schedule;
    Prediction prediction = Prediction::Epsilon;
    std::string dataSpec = "synthetic";
    TrainOptions train;
};

// A configuration for a named preset with the paper's linear schedule.
Result<ModelConfig> makeConfig(const std::string& preset);

// The configuration and a few scalars as one JSON object (for `ddpm info` and sidecars).
std::string configToJson(const ModelConfig& config, int indent = 2);
std::string jsonEscape(const std::string& s);

} // namespace ddpm
