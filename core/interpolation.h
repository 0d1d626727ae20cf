// Walking between two images (Ho et al. 2020, §4.3 and Fig. 8; Song et al. 2021, §5.3 for DDIM):
//
// DDPM: both images noised to step t with the same ε, mixed x_t = (1 − λ) x_t^a + λ x_t^b, and every
// mixture denoised from t with the same reverse noise, so that the images differ only by λ. At t = 0 the
// mixture is the pixels' own; at large t the images are new ones that keep less of either.
// DDIM: both images inverted deterministically (η = 0) to x_T, interpolated spherically, and decoded with
// the same steps; the endpoints come back as the images themselves, within the ODE's discretisation
// error.
#pragma once

#include "result.h"
#include "sampler.h"

#include <torch/torch.h>

#include <atomic>
#include <string>
#include <vector>

namespace ddpm {

enum class InterpolationMode { Ddpm, Ddim };
std::string interpolationModeName(InterpolationMode mode);
Result<InterpolationMode> parseInterpolationMode(const std::string& name);

struct InterpolationOptions {
    InterpolationMode mode = InterpolationMode::Ddpm;
    int t = 500;         // DDPM: the paper timestep both images are noised to (0: mix the pixels); see defaultWalkT
    int lambdas = 9;     // λ evenly from 0 to 1 (at least 2)
    int ddimSteps = 100; // DDIM: the steps of the inversion and of the decoding
    uint64_t seed = 0;   // the forward ε and the reverse noise (DDPM)
    bool clipX0 = true;  // DDPM's denoising (DDIM decodes unclipped, as it inverts: clipping bends the path back)
    int classChoice = kUnconditional; // a class-conditional model's class for both
    double guidance = 0.0;            // classifier-free guidance w towards classChoice (0 without a class)
};

// Where a walk between two images starts when no t is given, for a model of T steps: halfway, T / 2, as
// Ho et al. 2020's Figure 8 walks from t = 500 of 1000 (the command's and the studio's default alike).
inline int defaultWalkT(int steps)
{
    return steps / 2;
}

// λ_k = k / (n − 1), k = 0 … n − 1.
std::vector<double> interpolationLambdas(int count);
// Spherical interpolation of each row of a and b (flattened): sin((1−λ)θ)/sin θ · a + sin(λθ)/sin θ · b,
// θ the angle between them; linear where they are (nearly) parallel.
torch::Tensor slerp(const torch::Tensor& a, const torch::Tensor& b, double lambda);
// DDIM's deterministic encoder (η = 0): x0 [N, C, H, W] to x_T along the `steps` DDIM timesteps, each step
// x_next = √ᾱ_next x̂0 + √(1 − ᾱ_next) ε̂ with ε̂ from the current x (at the first timestep for x0 itself).
// Returns an undefined tensor when cancelled.
torch::Tensor ddimInvert(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0, int steps,
                         const std::atomic<bool>* cancel = nullptr);

// A walk ready to be denoised: the mixtures at startT, one per λ, and how to denoise them.
struct InterpolationRun {
    std::vector<double> lambdas;
    torch::Tensor start; // [L, C, H, W] on the diffusion's device
    int startT = 0;      // 0: nothing to denoise (pixel mixing)
    SamplerOptions sampler;
};

// How a walk is denoised, without the images: its λ, sampler (count = λ count) and startT (0 for DDPM at
// t = 0: nothing to denoise; T for DDIM). `steps` is the model's T. prepareInterpolation returns the same.
InterpolationRun planInterpolation(const InterpolationOptions& options, int steps);
// a and b: [C, H, W] in [−1, 1]. Fails on images of other shapes or options out of range; an undefined
// start when cancelled.
Result<InterpolationRun> prepareInterpolation(const Sampling& model, const torch::Tensor& a, const torch::Tensor& b,
                                              const InterpolationOptions& options,
                                              const std::atomic<bool>* cancel = nullptr);

} // namespace ddpm
