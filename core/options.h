// How a model is trained and how it is sampled: plain values with the engine's defaults, in a header
// without LibTorch so that the studio's settings take their defaults from here (app/studio/settings).
#pragma once

#include "names.h"

#include <cstdint>
#include <string>

namespace ddpm {

// The values a number may take: the one home of a bound that the engine checks, that ddpm's options refuse
// and that the studio's fields keep to. An open end is itself outside.
struct NumberRange {
    double min, max;
    bool minOpen = false, maxOpen = false;
    constexpr bool contains(double v) const
    {
        return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max); // false for NaN
    }
};
inline constexpr NumberRange kLearningRateRange{0.0, 1.0, true, false}; // above 0, at most 1
inline constexpr NumberRange kEmaDecayRange{0.0, 1.0, false, true};     // 0 (no average) up to below 1
inline constexpr NumberRange kShareRange{0.0, 1.0};                     // a share, 0 and 1 included

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
    // Class-conditional models: the share of examples trained with the "no class" label instead of their
    // own, so that one network also predicts unconditionally (classifier-free guidance needs both).
    double pUncond = 0.1;
};

// Langevin-fixed's level when SamplerOptions::fixedT is 0, in per cent of T: where √(1 − ᾱ_t) is about 0.1
// for the linear schedule.
constexpr int kFixedLevelPercent = 3;

// Indexed as samplerKindNames(), varianceKindNames() and correctorKindNames() (names.h) list them.
// Langevin: annealed Langevin dynamics with the network's score s = −ε̂/√(1 − ᾱ_t) (Song & Ermon 2019);
// LangevinFixed: Langevin at one small noise level only, which gets the modes' weights wrong.
enum class SamplerKind { Ddpm, Ddim, Langevin, LangevinFixed };
enum class VarianceKind { Beta, BetaTilde }; // σ_t² = β_t or σ_t² = β̃_t
enum class CorrectorKind { None, Langevin }; // predictor–corrector (Song et al. 2021, Algorithm 5)
// DDIM's S timesteps from T (the names diffusers gives them): Linspace spreads them evenly over T … 1, both
// ends kept, so its last step goes from t = 1, where almost no noise is left, to 0; Trailing steps down from
// T by T/S (T, T − T/S, …, T/S): every step spans T/S timesteps, and none of the S network evaluations goes
// to that nearly noise-free last step (Lin et al. 2024, "Common Diffusion Noise Schedules and Sample Steps
// Are Flawed").
enum class TimestepSpacing { Linspace, Trailing };

// The label of "no class" (an unconditional prediction from a class-conditional network).
constexpr int64_t kNoClass = -1;

// Which class a class-conditional model draws (SamplerOptions::classChoice): a class index 0 … K−1 or
// one of these.
constexpr int kUnconditional = -1; // no class: the model's unconditional prediction
constexpr int kEveryClass = -2;    // image i from class i mod K: equal shares of every class

struct SamplerOptions {
    SamplerKind kind = SamplerKind::Ddpm;
    VarianceKind variance = VarianceKind::BetaTilde;
    int ddimSteps = 50; // DDIM: how many steps from T (or the start), placed by `spacing`; Langevin: how many
                        // noise levels, evenly from T (or the start) to 1; langevin-fixed: how many times its
                        // one level is visited
    double eta = 0.0;   // DDIM only: 0 deterministic, 1 DDPM-like
    TimestepSpacing spacing = TimestepSpacing::Linspace; // DDIM only: where its steps lie
    // Langevin steps x ← x + (η/2) s + √η z. The samplers Langevin and LangevinFixed take langevinSteps
    // of them at each level with η_t = langevinStep · (1 − ᾱ_t); the corrector (DDPM and DDIM) takes
    // langevinSteps after each step but the last, x ← x + ε s + √(2ε) z with ε = 2 α_t snr² (1 − ᾱ_t):
    // Song et al.'s 2 α_t (snr ‖z‖ / ‖s‖)² where ‖z‖² = D and ‖s‖² = D / (1 − ᾱ_t), as where the noise
    // dominates x_t: a fixed step, not their adaptive one (ReverseProcess::correct, README).
    CorrectorKind corrector = CorrectorKind::None;
    int langevinSteps = 1;
    double langevinStep = 0.5;
    double snr = 0.16;  // as Song et al. 2021 for CIFAR-10
    int fixedT = 0;     // langevin-fixed's level (0: kFixedLevelPercent % of T)
    bool clipX0 = true; // clip x̂0 to [−1, 1] before forming the posterior mean
    uint64_t seed = 0;
    int count = 16;         // images
    int64_t firstImage = 0; // index of the first image: image i's noise is a function of (seed, i) alone,
                            // so a count drawn in chunks gives the same images as one batch
    // Every image draws image firstImage's noise (interpolation: the images then differ only by where they
    // start).
    bool sharedNoise = false;
    int classChoice = kUnconditional;
    // Classifier-free guidance (Ho & Salimans 2022) in the convention ε̃ = (1 + w) ε̂(x, t, c) − w ε̂(x, t, ∅):
    // w = 0 is the plain class-conditional model; some libraries write the same as s = 1 + w.
    double guidance = 0.0;
};

// Their names, as ddpm's options and the studio's settings write them (names.h); parsed in sampler.h.
inline const std::string& samplerKindName(SamplerKind kind)
{
    return samplerKindNames().at(static_cast<size_t>(kind));
}
inline const std::string& varianceKindName(VarianceKind kind)
{
    return varianceKindNames().at(static_cast<size_t>(kind));
}
inline const std::string& correctorKindName(CorrectorKind kind)
{
    return correctorKindNames().at(static_cast<size_t>(kind));
}
inline const std::string& timestepSpacingName(TimestepSpacing spacing)
{
    return timestepSpacingNames().at(static_cast<size_t>(spacing));
}

// What a class-conditional model draws when nobody says: every class in equal shares, guided with this w.
constexpr double kDefaultGuidance = 1.0;

// Every field: two runs with equal options draw the same images.
inline bool operator==(const SamplerOptions& a, const SamplerOptions& b)
{
    return a.kind == b.kind && a.variance == b.variance && a.ddimSteps == b.ddimSteps && a.eta == b.eta &&
           a.spacing == b.spacing && a.clipX0 == b.clipX0 && a.seed == b.seed && a.count == b.count &&
           a.firstImage == b.firstImage && a.corrector == b.corrector && a.langevinSteps == b.langevinSteps &&
           a.langevinStep == b.langevinStep && a.snr == b.snr && a.fixedT == b.fixedT &&
           a.classChoice == b.classChoice && a.guidance == b.guidance && a.sharedNoise == b.sharedNoise;
}
inline bool operator!=(const SamplerOptions& a, const SamplerOptions& b)
{
    return !(a == b);
}

} // namespace ddpm
