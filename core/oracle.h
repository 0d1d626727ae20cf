// Exact denoisers for data distributions whose posterior is known in closed form. They stand in for
// a perfectly trained network, so the samplers can be checked against the answer they must give.
#pragma once

#include "diffusion.h"
#include "sampler.h"

#include <torch/torch.h>

#include <vector>

namespace ddpm {

// Data set of one image x0*: ε*(x_t, t) = (x_t − √ᾱ_t·x0*)/√(1−ᾱ_t), returned in the diffusion's
// parametrisation (ε, x0 or v).
Denoiser singleImageOracle(const Diffusion& diffusion, torch::Tensor x0Star);

// Data whose pixels are independent N(μ, s²): E[ε | x_t] = √(1−ᾱ)(x_t − √ᾱ μ)/(ᾱ s² + 1 − ᾱ).
Denoiser gaussianOracle(const Diffusion& diffusion, double mean, double stddev);

// What a sampler's chain must give for that Gaussian data and its exact denoiser: every step is affine
// in x_t plus fresh noise (x' = p x_t + q + σ z), so the mean and variance of each pixel are carried in
// closed form from x_T ~ N(0, 1) over the visited timesteps, the sampler's own discretisation included
// (DDIM over 100 of 1,000 steps is not q(x_t), and β̃ is not the true reverse variance). Element k is
// x_t before step k (t = timesteps[k]); the last element, t = 0, is x_0. Unclipped x̂0.
struct ChainMoments {
    std::vector<int> t;
    std::vector<double> mean, var;
};
// A chain that starts elsewhere ("denoise from here": x_t of noised data, timesteps from t down) gives
// its start's moments: for Gaussian data noised to t, q(x_t) = N(√ᾱ_t μ, ᾱ_t s² + 1 − ᾱ_t). DDPM's and
// DDIM's steps (options.kind Ddpm, any other as DDIM), without a corrector.
ChainMoments gaussianChainMoments(const NoiseSchedule& schedule, const std::vector<int>& timesteps,
                                  const SamplerOptions& options, double mean, double stddev, double startMean = 0.0,
                                  double startVar = 1.0);

// One frame of a chain checked against those moments: the sample's mean and variance, the expected
// ones, and the larger of the two deviations in standard errors (pass below 5).
struct MarginalCheck {
    int t = 0;
    double mean = 0, var = 0, expectedMean = 0, expectedVar = 0, z = 0;
    bool pass = false;
};
// The mean and variance of x's elements (independent draws) against the expected ones.
MarginalCheck checkMarginal(int t, const torch::Tensor& x, double expectedMean, double expectedVar);

// Runs the sampler with `denoiser` (gaussianOracle(diffusion, mean, stddev), or a deliberately broken
// one) on images of `shape` and checks the x_t it passes nearest each target timestep, and x_0. This
// sees the whole chain, where "the one-image oracle's image comes back" sees only the last step (at
// t = 1 a sampler outputs x̂0 whatever x_1 is, so a denoiser wrong at every t > 1 passes that). DDPM and
// DDIM without a corrector only: for Langevin or a corrector the result is empty (nothing checked, no pass).
std::vector<MarginalCheck> checkGaussianChain(const Diffusion& diffusion, const Denoiser& denoiser,
                                              const SamplerOptions& options, double mean, double stddev,
                                              const std::vector<int64_t>& shape,
                                              const std::vector<int>& targets = {750, 500, 250, 100, 15});

} // namespace ddpm
