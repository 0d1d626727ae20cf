// Mixed precision: bf16 where it is fast and exact enough (convolutions and the attention products,
// through oneDNN on the CPU), fp32 for everything else (master weights, optimizer state, EMA,
// GroupNorm, SiLU, softmax, the loss). PyTorch's autocast makes the same split; here it is explicit in
// the U-Net, so LibTorch 1.13 and 2.x behave the same. Checkpoints always hold fp32 weights.
#pragma once

#include "cpufeatures.h" // cpuHasFastBf16()
#include "result.h"

#include <torch/torch.h>

#include <string>

namespace ddpm {

enum class Precision { Fp32, Bf16 };

std::string precisionName(Precision p);
// "fp32", "bf16", or "auto" (bf16 where the device computes it fast, fp32 elsewhere).
Result<Precision> parsePrecision(const std::string& name, torch::Device device);
// bf16 on a CPU with fast bf16 and on CUDA devices of compute capability 8.0 or later; fp32 otherwise.
Precision defaultPrecision(torch::Device device);
// A short description for status lines: "bf16 mixed (AVX512-BF16)", "fp32".
std::string precisionDescription(Precision p, torch::Device device);

} // namespace ddpm
