// Dropout as the U-Net's residual blocks use it where the fused kernels (fusednorm.h) do not apply.
#pragma once

#include <torch/torch.h>

namespace ddpm {

// Inverted dropout while training: x · mask / q with mask ~ Bernoulli(q), q = 1 − p with p rounded to a
// multiple of 1/32768, so that one 63-bit draw gives the mask of four elements (see dropout.cpp).
torch::Tensor fastDropout(const torch::Tensor& x, double p, bool training);

} // namespace ddpm
