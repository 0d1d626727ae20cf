#include "oracle.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ddpm {

namespace {
// From an exact (x̂0, ε̂) pair to what a network of the given parametrisation would output.
torch::Tensor asOutput(const Diffusion& d, const torch::Tensor& x0, const torch::Tensor& eps,
                       const torch::Tensor& tIndex)
{
    return d.target(x0, eps, tIndex);
}
} // namespace

Denoiser singleImageOracle(const Diffusion& diffusion, torch::Tensor x0Star)
{
    const Diffusion* d = &diffusion;
    return [d, x0Star](const torch::Tensor& x, const torch::Tensor& tIndex) {
        auto x0 = x0Star.to(x.device()).expand_as(x);
        const auto a = d->gather(d->sqrtAlphaBarTable(), tIndex, x.dim());
        const auto s = d->gather(d->sqrtOneMinusAlphaBarTable(), tIndex, x.dim());
        auto eps = (x - a * x0) / s;
        return asOutput(*d, x0, eps, tIndex);
    };
}

Denoiser gaussianOracle(const Diffusion& diffusion, double mean, double stddev)
{
    const Diffusion* d = &diffusion;
    return [d, mean, stddev](const torch::Tensor& x, const torch::Tensor& tIndex) {
        const auto a = d->gather(d->sqrtAlphaBarTable(), tIndex, x.dim());
        const auto s = d->gather(d->sqrtOneMinusAlphaBarTable(), tIndex, x.dim());
        const double v = stddev * stddev;
        auto eps = s * (x - a * mean) / (a * a * v + s * s);
        auto x0 = (x - s * eps) / a;
        return asOutput(*d, x0, eps, tIndex);
    };
}

ChainMoments gaussianChainMoments(const NoiseSchedule& schedule, const std::vector<int>& timesteps,
                                  const SamplerOptions& o, double mu, double sd, double startMean, double startVar)
{
    const auto& abar = schedule.alphaBar();
    const auto& beta = schedule.beta();
    ChainMoments out;
    double m = startMean, v = startVar; // x_T ~ N(0, 1) unless told otherwise
    for (size_t k = 0; k < timesteps.size(); ++k) {
        const int t = timesteps[k];
        out.t.push_back(t);
        out.mean.push_back(m);
        out.var.push_back(v);
        const int s = o.kind == SamplerKind::Ddim ? (k + 1 < timesteps.size() ? timesteps[k + 1] : 0) : t - 1;
        const double a = abar[static_cast<size_t>(t - 1)], as = s > 0 ? abar[static_cast<size_t>(s - 1)] : 1.0;
        // The exact ε̂ = c (x − √ᾱ μ), and x̂0 = (x − √(1−ᾱ) ε̂)/√ᾱ, both as p x + q.
        const double c = std::sqrt(1.0 - a) / (a * sd * sd + 1.0 - a);
        const double epsP = c, epsQ = -c * std::sqrt(a) * mu;
        const double x0P = (1.0 - std::sqrt(1.0 - a) * epsP) / std::sqrt(a),
                     x0Q = -std::sqrt(1.0 - a) * epsQ / std::sqrt(a);
        double p = 0, q = 0, noise = 0;
        if (o.kind == SamplerKind::Ddpm) {
            // Posterior mean (eq. 7) from x̂0 and x_t; σ² = β_t or β̃_t, none at t = 1.
            const double b = beta[static_cast<size_t>(t - 1)];
            const double cx0 = std::sqrt(as) * b / (1.0 - a), cxt = std::sqrt(1.0 - b) * (1.0 - as) / (1.0 - a);
            p = cx0 * x0P + cxt;
            q = cx0 * x0Q;
            noise = t == 1 ? 0.0 : (o.variance == VarianceKind::Beta ? b : (1.0 - as) / (1.0 - a) * b);
        } else {
            // DDIM (Song et al. 2021, eq. 12) with σ²(η) of eq. 16.
            noise = o.eta * o.eta * (1.0 - as) / (1.0 - a) * (1.0 - a / as);
            const double w = std::sqrt(std::max(0.0, 1.0 - as - noise));
            p = std::sqrt(as) * x0P + w * epsP;
            q = std::sqrt(as) * x0Q + w * epsQ;
        }
        m = p * m + q;
        v = p * p * v + noise;
    }
    out.t.push_back(0);
    out.mean.push_back(m);
    out.var.push_back(v);
    return out;
}

std::vector<MarginalCheck> checkGaussianChain(const Diffusion& diffusion, const Denoiser& denoiser,
                                              const SamplerOptions& options, double mu, double sd,
                                              const std::vector<int64_t>& shape, const std::vector<int>& targets)
{
    // The moments are worked out for DDPM's and DDIM's steps alone: Langevin's steps and a corrector's
    // change them in ways gaussianChainMoments does not follow, so no check (and no pass) for those.
    if (isLangevinSampler(options.kind) || options.corrector != CorrectorKind::None)
        return {};
    SamplerOptions o = options;
    o.clipX0 = false; // the moments are those of the unclipped chain
    ReverseProcess rp(diffusion, denoiser, o, shape);
    const auto expected = gaussianChainMoments(diffusion.schedule(), rp.timesteps(), o, mu, sd);
    // The visited timesteps nearest the targets (DDIM skips most t), in the chain's order.
    std::map<int, torch::Tensor, std::greater<int>> frames;
    const auto& ts = rp.timesteps();
    for (int target : targets)
        frames[*std::min_element(ts.begin(), ts.end(), [target](int a, int b) {
            return std::abs(a - target) < std::abs(b - target);
        })] = torch::Tensor();
    rp.run(nullptr, [&](const ReverseStep& step) {
        auto it = frames.find(step.t);
        if (it != frames.end())
            it->second = step.xt.to(torch::kCPU, torch::kFloat64);
    });
    frames[0] = rp.current().to(torch::kCPU, torch::kFloat64);

    std::vector<MarginalCheck> out;
    for (const auto& [t, xt] : frames) {
        const auto at = std::find(expected.t.begin(), expected.t.end(), t);
        const size_t k = static_cast<size_t>(at - expected.t.begin());
        out.push_back(checkMarginal(t, xt, expected.mean[k], expected.var[k]));
    }
    return out;
}

MarginalCheck checkMarginal(int t, const torch::Tensor& x, double expectedMean, double expectedVar)
{
    MarginalCheck c;
    c.t = t;
    c.expectedMean = expectedMean;
    c.expectedVar = expectedVar;
    if (!x.defined() || x.numel() < 2) // the run ended early: nothing to compare, not a pass
        return c;
    const auto x64 = x.to(torch::kCPU, torch::kFloat64);
    const double n = static_cast<double>(x64.numel());
    c.mean = x64.mean().item<double>();
    c.var = x64.var().item<double>();
    // Standard errors of a sample mean and variance of n independent Gaussian draws.
    const double seMean = std::sqrt(expectedVar / n), seVar = expectedVar * std::sqrt(2.0 / (n - 1));
    c.z = std::max(std::abs(c.mean - expectedMean) / seMean, std::abs(c.var - expectedVar) / seVar);
    c.pass = std::isfinite(c.z) && c.z < 5.0;
    return c;
}

} // namespace ddpm
