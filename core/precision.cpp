#include "precision.h"

#include "cpufeatures.h"

#include <fstream>
#include <sstream>

namespace ddpm {

std::string precisionName(Precision p)
{
    return p == Precision::Bf16 ? "bf16" : "fp32";
}

namespace {

bool cudaHasFastBf16(torch::Device device)
{
    if (!device.is_cuda() || !torch::cuda::is_available())
        return false;
    // The CUDA runtime is not linked here; ask LibTorch through a bf16 matmul that it supports.
    try {
        auto a = torch::ones({8, 8}, torch::dtype(torch::kBFloat16).device(device));
        (void)torch::mm(a, a);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

Precision defaultPrecision(torch::Device device)
{
    if (device.is_cuda())
        return cudaHasFastBf16(device) ? Precision::Bf16 : Precision::Fp32;
    return cpuHasFastBf16() ? Precision::Bf16 : Precision::Fp32;
}

Result<Precision> parsePrecision(const std::string& name, torch::Device device)
{
    if (name == "fp32")
        return Precision::Fp32;
    if (name == "bf16")
        return Precision::Bf16;
    if (name == "auto" || name.empty())
        return defaultPrecision(device);
    return fail(DDPM_MSG("Engine", "unknown precision '%1' (expected one of %2)"), name, nameList(precisionNames()));
}

std::string precisionDescription(Precision p, torch::Device device)
{
    // Marked for translation: the studio shows them in the user's language (engineText, messages.h).
    if (p == Precision::Fp32)
        return "fp32";
    if (device.is_cuda())
        return DDPM_MSG("Engine", "bf16 mixed");
    const std::string flags = cpuFlags();
    if (flags.find(" amx_bf16 ") != std::string::npos)
        return DDPM_MSG("Engine", "bf16 mixed (AMX)");
    if (flags.find(" avx512_bf16 ") != std::string::npos)
        return DDPM_MSG("Engine", "bf16 mixed (AVX512-BF16)");
    return DDPM_MSG("Engine", "bf16 mixed (emulated: slow on this CPU)");
}

} // namespace ddpm
