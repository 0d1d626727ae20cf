#include "oracle.h"

namespace ddpm {

namespace {
// From an exact (x̂0, ε̂) pair to what a network of the given parametrisation would output.
torch::Tensor asOutput(const Diffusion& d, const torch::Tensor& x0, const torch::Tensor& eps, const torch::Tensor& tIndex)
{
    return d.target(x0, eps, tIndex);
}
} // namespace

Denoiser singleImageOracle(const Diffusion& diffusion, torch::Tensor x0Star)
{
    const Diffusion* d = &diffusion;
    return [d, x0Star](const torch::Tensor& x, const torch::Tensor& tIndex) {
        auto x0 = x0Star.to(x.device()).expand_as(x);
        const auto a = d->gather(d->sqrtAlphaBarTable(), tIndex);
        const auto s = d->gather(d->sqrtOneMinusAlphaBarTable(), tIndex);
        auto eps = (x - a * x0) / s;
        return asOutput(*d, x0, eps, tIndex);
    };
}

Denoiser gaussianOracle(const Diffusion& diffusion, double mean, double stddev)
{
    const Diffusion* d = &diffusion;
    return [d, mean, stddev](const torch::Tensor& x, const torch::Tensor& tIndex) {
        const auto a = d->gather(d->sqrtAlphaBarTable(), tIndex);
        const auto s = d->gather(d->sqrtOneMinusAlphaBarTable(), tIndex);
        const double v = stddev * stddev;
        auto eps = s * (x - a * mean) / (a * a * v + s * s);
        auto x0 = (x - s * eps) / a;
        return asOutput(*d, x0, eps, tIndex);
    };
}

} // namespace ddpm
