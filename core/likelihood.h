// The variational bound on the negative log-likelihood that DDPM's training objective comes from (Ho et
// al. 2020, eq. 5), for 8-bit data scaled to [−1, 1]:
//   L = L_T + Σ_{t=2..T} L_{t−1} + L_0,
//   L_T     = KL(q(x_T | x_0) ‖ N(0, I)), in closed form;
//   L_{t−1} = KL(q(x_{t−1} | x_t, x_0) ‖ p_θ(x_{t−1} | x_t)), two Gaussians, with x_t drawn from q(x_t | x_0);
//   L_0     = −log p_θ(x_0 | x_1): the Gaussian N(μ_θ(x_1, 1), σ_1²) integrated over each grey level's bin
//             (width 2/255), the two edge bins open-ended (eq. 13).
// Everything here is in nats per image, summed over its C·H·W dimensions, computed in float64;
// bitsPerDim turns a mean into bits per dimension. L_simple reweights these terms (it drops the
// 1/(2σ_t²)·(coefficient)² in front of each ‖ε − ε̂‖²), which the paper found to give better samples
// and a worse bound.
#pragma once

#include "diffusion.h"
#include "options.h"
#include "result.h"
#include "sampler.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace ddpm {

struct BoundOptions {
    VarianceKind variance = VarianceKind::BetaTilde; // σ_t² of p_θ(x_{t−1} | x_t): β_t or β̃_t
    bool clipX0 = true;                              // x̂0 clipped to [−1, 1] in μ_θ, as the samplers do
    uint64_t seed = 0;                               // the noise that draws each x_t
    int64_t firstImage = 0; // x0[0]'s index in the whole run: image i's noise depends on (seed, i) alone
};

// σ_t² of p_θ(x_{t−1} | x_t) in the bound (t = 1 … T, T ≥ 2). β̃_1 is 0, so the decoder at t = 1 takes β̃_2
// whichever variance is chosen, as Ho et al.'s code does (its "clipped" log-variance).
double boundVariance(const NoiseSchedule& schedule, VarianceKind variance, int t);

// KL(N(mean1, var1) ‖ N(mean2, var2)) per element, summed over all but the first dimension: [B]. The
// variances broadcast against the means (a number, or a tensor [B, 1, 1, 1]).
torch::Tensor gaussianKL(const torch::Tensor& mean1, const torch::Tensor& var1, const torch::Tensor& mean2,
                         const torch::Tensor& var2);
// −log of the probability N(mean, var) gives each value's bin, summed per image: [B]. x0 holds values of
// the 256-level grid −1 + 2k/255.
torch::Tensor discretisedGaussianNll(const torch::Tensor& x0, const torch::Tensor& mean, const torch::Tensor& var);
// L_T per image: [B].
torch::Tensor priorTerm(const Diffusion& diffusion, const torch::Tensor& x0);

// The term of each image at its own timestep tIndex (0-based: t − 1), x_t drawn with `eps`: L_{t−1}, or
// L_0 where t = 1. One network evaluation of the batch. [B].
torch::Tensor boundTerms(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0,
                         const torch::Tensor& tIndex, const torch::Tensor& eps, const BoundOptions& options);

struct BoundResult {
    torch::Tensor prior; // [B] L_T
    torch::Tensor terms; // [B, T]: column t − 1 holds L_{t−1}, column 0 L_0
    torch::Tensor total; // [B] L_T plus the terms' sum
    int64_t dims = 0;    // C·H·W
};
// Every term of a batch of images x0 [B, C, H, W] (T network evaluations). progress(done, T) after each
// timestep; when `cancel` becomes true the result is a failure for which isBoundCancelled() is true.
Result<BoundResult> variationalBound(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0,
                                     const BoundOptions& options, const std::function<void(int, int)>& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);
bool isBoundCancelled(const Error& error);

// The cheap estimate of the total, unbiased: L_T, the terms L_0 … L_{k−1} of the first k = 10 steps
// exactly (they are the largest and vary most: L_0 alone is about half the bound), and (T − k)·(the term
// at one t drawn uniformly from k + 1 … T per image). k + 1 network evaluations of the batch. [B].
// (The plain L_T + T·L_{t−1} at one t from 1 … T draws L_0 with probability 1/T, and is so heavy-tailed
// that a hundred images put its mean far below the bound most of the time.)
constexpr int kExactBoundTerms = 10;

// Images per network call when measuring the bound (ddpm nll --batch 0): smaller than sampling's, as every
// call of a batch is a whole timestep's term for each image.
constexpr int kBoundBatchCpu = 32, kBoundBatchCuda = 256;
inline int defaultBoundBatch(torch::Device device)
{
    return device.is_cuda() ? kBoundBatchCuda : kBoundBatchCpu;
}
torch::Tensor boundEstimate(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0,
                            const BoundOptions& options);

// The bound's term and the training loss side by side at chosen timesteps, for a chart: at each t the
// term L_{t−1} (L_0 at t = 1) in bits per dimension, its standard error over the images, and L_simple's
// ‖ε − ε̂‖² per dimension at the same x_t. One network evaluation of the batch per t.
struct BoundProfilePoint {
    int t = 0;
    double bitsPerDim = 0, standardError = 0, simpleLoss = 0;
    std::vector<double> perImage; // each image's term, bits per dimension (bitsPerDim is their mean)
};
Result<std::vector<BoundProfilePoint>> boundProfile(const Diffusion& diffusion, const Denoiser& denoiser,
                                                    const torch::Tensor& x0, const std::vector<int>& timesteps,
                                                    const BoundOptions& options,
                                                    const std::function<void(int, int)>& progress = {},
                                                    const std::atomic<bool>* cancel = nullptr);
// The bound's total in bits per dimension from a profile: L_T plus the terms summed over t = 1 … T by the
// trapezoid rule between the measured t's (an estimate; exact when every t was measured).
double profileTotal(const std::vector<BoundProfilePoint>& profile, int T, double priorBitsPerDim);
// The standard error of profileTotal over the images: each image's own total from its terms, summed the
// same way, their standard deviation over √(images) (how much another set of images, and other noise,
// would move the estimate; the interpolation between the measured t's aside). NaN without per-image
// terms of at least two images at every point.
double profileTotalError(const std::vector<BoundProfilePoint>& profile, int T);

// Nats per image to bits per dimension.
inline double bitsPerDim(double nats, int64_t dims)
{
    return nats / (static_cast<double>(dims) * 0.69314718055994530942);
}

} // namespace ddpm
