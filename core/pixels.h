// The one mapping between stored grey levels and the model's range. Ho et al. 2020 (§3.3) scale the
// integers {0, …, 255} linearly to [−1, 1]; samples go back by rounding (x + 1)·127.5 and clamping to
// 0 … 255, which is what a PNG of them holds. Data sets keep uint8; everything the network sees or makes
// crosses here.
#pragma once

#include <torch/torch.h>

namespace ddpm {

// uint8 (or any integer) grey levels → float32 in [−1, 1], on the tensor's device. A multiply, as
// training has always read its batches (÷127.5 differs in the last bit for 111 of the 256 levels, and
// CUDA divides by a scalar as a multiply anyway).
inline torch::Tensor pixelsToModel(const torch::Tensor& pixels)
{
    return pixels.to(torch::kFloat32).mul(2.0 / 255.0).sub(1.0);
}

// Samples in [−1, 1] (any float dtype) → uint8 grey levels, on the tensor's device.
inline torch::Tensor modelToPixels(const torch::Tensor& x)
{
    return x.detach().to(torch::kFloat32).add(1.0).mul(127.5).round().clamp(0, 255).to(torch::kUInt8);
}

} // namespace ddpm
