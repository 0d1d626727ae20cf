// GroupNorm followed by SiLU (and dropout), fused: the U-Net's most frequent pair of operations, and in bf16 mixed
// precision the place where every convolution's input is converted to bf16.
//
// LibTorch runs GroupNorm, SiLU and the conversion as three passes forward and three backward, and keeps
// the GroupNorm output for SiLU's backward. Here it is one pass forward that writes silu(GN(x)) directly
// in the dtype the next convolution wants, and one backward pass that recomputes GN(x) from x and the
// per-group mean and 1/σ (the only things kept besides x). In a reference-preset training step these
// six passes took more time than the forward convolutions.
#pragma once

#include <torch/torch.h>

namespace ddpm {

// act(GroupNorm(x + bias; groups, gamma, beta, eps)) returned in outType (kFloat32 or kBFloat16), act =
// SiLU or the identity; bias, when given, is [N, C], one value per image and channel (the U-Net adds its
// time embedding so), and x may then be bf16 (a bf16 convolution's output). Differentiable in x, gamma,
// beta and bias. On the CPU for a contiguous x the fused kernels run; elsewhere (CUDA, other dtypes) the
// same value comes from LibTorch's own operations.
torch::Tensor groupNormAct(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma,
                           const torch::Tensor& beta, double eps, bool silu, torch::ScalarType outType,
                           const torch::Tensor& bias = {});
torch::Tensor groupNormAct(const torch::Tensor& x, const torch::nn::GroupNorm& norm, bool silu,
                           torch::ScalarType outType);

// dropout(silu(GroupNorm(x)), p) while training (silu(GroupNorm(x)) otherwise), in one pass as above. The
// mask is not stored: a counter-based hash of the element's index, keyed from LibTorch's generator,
// decides, and the backward pass recomputes it. p is rounded to a multiple of 2^-24; the kept values are
// scaled by exactly 1/(1 − p). Where the fused kernels do not apply, fastDropout (dropout.h) draws the mask.
torch::Tensor groupNormSiluDropout(const torch::Tensor& x, const torch::nn::GroupNorm& norm, double p, bool training,
                                   torch::ScalarType outType, const torch::Tensor& bias = {});

// The composition of LibTorch's operations the fused kernels replace (tests compare the two).
torch::Tensor groupNormActReference(const torch::Tensor& x, int64_t groups, const torch::Tensor& gamma,
                                    const torch::Tensor& beta, double eps, bool silu, torch::ScalarType outType,
                                    const torch::Tensor& bias = {});

// e^x in fp32 as the kernels compute it (relative error below 3e-7 over the whole float range).
float fastExp(float x);

} // namespace ddpm
