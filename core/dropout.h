// Dropout as the U-Net's residual blocks use it where the fused kernels (fusednorm.h) do not apply.
#pragma once

#include <torch/torch.h>

namespace ddpm {

// Inverted dropout while training: x · mask / q with mask ~ Bernoulli(q), q = 1 − p with p rounded to a
// multiple of 1/32768, so that one 63-bit draw gives the mask of four elements (see dropout.cpp).
torch::Tensor fastDropout(const torch::Tensor& x, double p, bool training);

// Which examples of a global batch the calling thread's tensors hold (data-parallel training, trainer.h):
// examples first … first + n − 1 of `total`. Dropout then gives each element the mask it would get in the
// whole batch, so that a rank drops what one process training the whole batch would. total 0: the
// tensors are the whole batch (the default).
struct BatchSlice {
    int64_t first = 0;
    int64_t total = 0;
};
void setDropoutBatchSlice(BatchSlice slice);
BatchSlice dropoutBatchSlice();

} // namespace ddpm
