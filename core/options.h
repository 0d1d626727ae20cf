// How a model is trained and how it is sampled: plain values with the engine's defaults, in a header
// without LibTorch so that the studio's settings take their defaults from here (app/studio/settings).
#pragma once

#include <cstdint>

namespace ddpm {

struct TrainOptions {
    int batch = 64;
    double lr = 2e-4;        // Adam, as in the paper
    int warmupSteps = 500;   // linear warm-up of the learning rate
    double gradClip = 1.0;   // global gradient-norm clipping
    double emaDecay = 0.999; // EMA of the weights (ramped up during the first steps)
    bool hflip = false;      // random horizontal flips
    uint64_t seed = 0;
    int64_t totalSteps = 10000;
    int lossBins = 10; // loss per timestep bin
};

// Indexed as samplerKindNames() and varianceKindNames() (names.h) list them.
enum class SamplerKind { Ddpm, Ddim };
enum class VarianceKind { Beta, BetaTilde }; // σ_t² = β_t or σ_t² = β̃_t

struct SamplerOptions {
    SamplerKind kind = SamplerKind::Ddpm;
    VarianceKind variance = VarianceKind::BetaTilde;
    int ddimSteps = 50; // DDIM only: how many steps from T (or the start) down to 0
    double eta = 0.0;   // DDIM only: 0 deterministic, 1 DDPM-like
    bool clipX0 = true; // clip x̂0 to [−1, 1] before forming the posterior mean
    uint64_t seed = 0;
    int count = 16;         // images
    int64_t firstImage = 0; // index of the first image: image i's noise is a function of (seed, i) alone,
                            // so a count drawn in chunks gives the same images as one batch
};

} // namespace ddpm
