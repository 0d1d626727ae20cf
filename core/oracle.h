// Exact denoisers for data distributions whose posterior is known in closed form. They stand in for
// a perfectly trained network, so the samplers can be checked against the answer they must give.
#pragma once

#include "diffusion.h"
#include "sampler.h"

#include <torch/torch.h>

namespace ddpm {

// Data set of one image x0*: ε*(x_t, t) = (x_t − √ᾱ_t·x0*)/√(1−ᾱ_t), returned in the diffusion's
// parametrisation (ε, x0 or v).
Denoiser singleImageOracle(const Diffusion& diffusion, torch::Tensor x0Star);

// Data whose pixels are independent N(μ, s²): E[ε | x_t] = √(1−ᾱ)(x_t − √ᾱ μ)/(ᾱ s² + 1 − ᾱ).
Denoiser gaussianOracle(const Diffusion& diffusion, double mean, double stddev);

} // namespace ddpm
