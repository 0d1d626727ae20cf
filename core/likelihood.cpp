#include "likelihood.h"

#include "device.h"
#include "imagenoise.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ddpm {

namespace {

constexpr const char* kCancelled = DDPM_MSG("Engine", "the likelihood bound was cancelled");

torch::Tensor sumPerImage(const torch::Tensor& x)
{
    return x.flatten(1).sum(1);
}

// A schedule table (indexed by t − 1) as a float64 tensor on `like`'s device.
torch::Tensor table(const std::vector<double>& values, const torch::Tensor& like)
{
    return torch::tensor(values, torch::kFloat64).to(like.device());
}

// Entry tIndex of `values` for each image, shaped [B, 1, 1, 1].
torch::Tensor perImage(const std::vector<double>& values, const torch::Tensor& tIndex)
{
    return table(values, tIndex).index_select(0, tIndex).view({-1, 1, 1, 1});
}

// σ_t² of the bound for every t, indexed by t − 1.
std::vector<double> boundVariances(const NoiseSchedule& s, VarianceKind variance)
{
    std::vector<double> v(static_cast<size_t>(s.steps()));
    for (int t = 1; t <= s.steps(); ++t)
        v[static_cast<size_t>(t - 1)] = boundVariance(s, variance, t);
    return v;
}

} // namespace

double boundVariance(const NoiseSchedule& s, VarianceKind variance, int t)
{
    const auto i = static_cast<size_t>(t - 1);
    if (t == 1)
        return s.posteriorVariance().at(1);
    return variance == VarianceKind::Beta ? s.beta().at(i) : s.posteriorVariance().at(i);
}

torch::Tensor gaussianKL(const torch::Tensor& mean1, const torch::Tensor& var1, const torch::Tensor& mean2,
                         const torch::Tensor& var2)
{
    const auto kl = 0.5 * (torch::log(var2) - torch::log(var1) + (var1 + (mean1 - mean2).square()) / var2 - 1.0);
    return sumPerImage(kl.expand_as(mean1));
}

torch::Tensor discretisedGaussianNll(const torch::Tensor& x0, const torch::Tensor& mean, const torch::Tensor& var)
{
    // With z = (value − μ)/σ, Φ(z) = ½ erfc(−z/√2). A bin's mass is taken as a difference of the two tails
    // on the side away from the mean, where both are small, so that a bin far from μ keeps its digits.
    const double r = 1.0 / std::sqrt(2.0), half = 1.0 / 255.0;
    const auto sd = torch::sqrt(var);
    const auto lo = (x0 - half - mean) / sd, hi = (x0 + half - mean) / sd;
    const auto above = 0.5 * (torch::erfc(lo * r) - torch::erfc(hi * r)); // the bin right of μ
    const auto below = 0.5 * (torch::erfc(-hi * r) - torch::erfc(-lo * r));
    auto p = torch::where(lo > 0, above, below);
    p = torch::where(x0 < -0.999, 0.5 * torch::erfc(-hi * r), p); // the bin (−∞, −1 + 1/255]
    p = torch::where(x0 > 0.999, 0.5 * torch::erfc(lo * r), p);   // the bin [1 − 1/255, ∞)
    return sumPerImage(-torch::log(p.clamp_min(1e-300)));
}

torch::Tensor priorTerm(const Diffusion& diffusion, const torch::Tensor& x0)
{
    const auto& s = diffusion.schedule();
    const double abar = s.alphaBar().back();
    const auto x = x0.to(torch::kFloat64);
    const auto one = torch::ones({1}, x.options());
    return gaussianKL(std::sqrt(abar) * x, (1.0 - abar) * one, torch::zeros_like(x), one);
}

namespace {

// The term of each image and the network's ε̂ at the same x_t.
std::pair<torch::Tensor, torch::Tensor> termsAndEps(const Diffusion& diffusion, const Denoiser& denoiser,
                                                    const torch::Tensor& x0, const torch::Tensor& tIndex,
                                                    const torch::Tensor& eps, const BoundOptions& options)
{
    const auto& s = diffusion.schedule();
    const auto xt = diffusion.qSample(x0, tIndex, eps);
    torch::Tensor output;
    {
        torch::NoGradGuard noGrad;
        output = denoiser(xt, tIndex);
    }
    auto [x0HatRaw, epsHat] = diffusion.predictX0Eps(output, xt, tIndex);
    auto x0Hat = x0HatRaw.to(torch::kFloat64);
    if (options.clipX0)
        x0Hat = x0Hat.clamp(-1.0, 1.0);
    const auto x = x0.to(torch::kFloat64), xtd = xt.to(torch::kFloat64);
    const auto c0 = perImage(s.posteriorMeanCoefX0(), tIndex), ct = perImage(s.posteriorMeanCoefXt(), tIndex);
    const auto modelMean = c0 * x0Hat + ct * xtd;
    const auto modelVar = perImage(boundVariances(s, options.variance), tIndex);
    // At t = 1 the posterior variance is 0 and the term is the decoder's; elsewhere the posterior's
    // variance is used as is (the KL is computed for every image and kept where t > 1).
    const auto posteriorVar = perImage(s.posteriorVariance(), tIndex).clamp_min(1e-300);
    const auto kl = gaussianKL(c0 * x + ct * xtd, posteriorVar, modelMean, modelVar);
    const auto decoder = discretisedGaussianNll(x, modelMean, modelVar);
    return {torch::where(tIndex.to(kl.device()) == 0, decoder, kl), epsHat};
}

} // namespace

torch::Tensor boundTerms(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0,
                         const torch::Tensor& tIndex, const torch::Tensor& eps, const BoundOptions& options)
{
    return termsAndEps(diffusion, denoiser, x0, tIndex, eps, options).first;
}

Result<std::vector<BoundProfilePoint>> boundProfile(const Diffusion& diffusion, const Denoiser& denoiser,
                                                    const torch::Tensor& x0, const std::vector<int>& timesteps,
                                                    const BoundOptions& options,
                                                    const std::function<void(int, int)>& progress,
                                                    const std::atomic<bool>* cancel)
{
    if (diffusion.steps() < 2) // β̃ at t = 1 is β̃₂'s, as in variationalBound
        return fail(DDPM_MSG("Engine", "the likelihood bound needs a schedule of at least 2 steps"));
    try {
        const auto x = x0.to(diffusion.device(), torch::kFloat32);
        const int64_t batch = x.size(0), dims = x[0].numel();
        // The k-th draw of each image's noise goes to timesteps[k]: with timesteps 1 … T in order the same
        // noise as variationalBound's.
        ImageNoise noise(options.seed, options.firstImage, batch);
        std::vector<BoundProfilePoint> out;
        for (size_t k = 0; k < timesteps.size(); ++k) {
            if (cancel && cancel->load())
                return fail(kCancelled);
            const int t = std::clamp(timesteps[k], 1, diffusion.steps());
            const auto eps = noise.normal(x.sizes().slice(1)).to(x.device());
            const auto tIndex = torch::full({batch}, t - 1, torch::dtype(torch::kInt64).device(x.device()));
            const auto [terms, epsHat] = termsAndEps(diffusion, denoiser, x, tIndex, eps, options);
            const auto bits = terms.cpu() / (static_cast<double>(dims) * std::log(2.0));
            BoundProfilePoint p;
            p.t = t;
            p.bitsPerDim = bits.mean().item<double>();
            p.standardError = batch > 1 ? bits.std().item<double>() / std::sqrt(static_cast<double>(batch)) : 0.0;
            const auto each = bits.to(torch::kFloat64).contiguous();
            p.perImage.assign(each.data_ptr<double>(), each.data_ptr<double>() + each.numel());
            p.simpleLoss = (eps - epsHat.to(eps.device(), torch::kFloat32)).pow(2).mean().item<double>();
            out.push_back(p);
            if (progress)
                progress(static_cast<int>(k + 1), static_cast<int>(timesteps.size()));
        }
        return out;
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "computing the likelihood bound")));
    }
}

namespace {
// The points sorted by t, and the weight of each in the sum over t = 1 … T: each t's term interpolated
// linearly between the measured t's (held flat beyond the first and the last), exact when every t was
// measured.
std::vector<double> profileWeights(std::vector<BoundProfilePoint>& p, int T)
{
    std::stable_sort(p.begin(), p.end(), [](const auto& a, const auto& b) { return a.t < b.t; });
    std::vector<double> w(p.size(), 0.0);
    size_t k = 0;
    for (int t = 1; t <= T && !p.empty(); ++t) {
        while (k + 1 < p.size() && p[k + 1].t <= t)
            ++k;
        if (t <= p.front().t) {
            w.front() += 1.0;
        } else if (k + 1 >= p.size()) {
            w.back() += 1.0;
        } else {
            const double f = static_cast<double>(t - p[k].t) / static_cast<double>(p[k + 1].t - p[k].t);
            w[k] += 1.0 - f;
            w[k + 1] += f;
        }
    }
    return w;
}
} // namespace

double profileTotal(const std::vector<BoundProfilePoint>& profile, int T, double priorBitsPerDim)
{
    std::vector<BoundProfilePoint> p = profile;
    const auto w = profileWeights(p, T);
    double sum = priorBitsPerDim;
    for (size_t k = 0; k < p.size(); ++k)
        sum += w[k] * p[k].bitsPerDim;
    return sum;
}

double profileTotalError(const std::vector<BoundProfilePoint>& profile, int T)
{
    std::vector<BoundProfilePoint> p = profile;
    const auto w = profileWeights(p, T);
    const size_t n = p.empty() ? 0 : p.front().perImage.size();
    if (n < 2 || std::any_of(p.begin(), p.end(), [n](const auto& q) { return q.perImage.size() != n; }))
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> totals(n, 0.0);
    for (size_t k = 0; k < p.size(); ++k)
        for (size_t i = 0; i < n; ++i)
            totals[i] += w[k] * p[k].perImage[i];
    double mean = 0.0;
    for (double x : totals)
        mean += x / static_cast<double>(n);
    double squares = 0.0;
    for (double x : totals)
        squares += (x - mean) * (x - mean);
    return std::sqrt(squares / static_cast<double>(n - 1) / static_cast<double>(n));
}

Result<BoundResult> variationalBound(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0,
                                     const BoundOptions& options, const std::function<void(int, int)>& progress,
                                     const std::atomic<bool>* cancel)
{
    const int T = diffusion.steps();
    if (T < 2)
        return fail(DDPM_MSG("Engine", "the likelihood bound needs a schedule of at least 2 steps"));
    try {
        const auto x = x0.to(diffusion.device(), torch::kFloat32);
        const int64_t batch = x.size(0);
        BoundResult r;
        r.dims = x[0].numel();
        r.prior = priorTerm(diffusion, x).cpu();
        r.terms = torch::empty({batch, T}, torch::kFloat64);
        ImageNoise noise(options.seed, options.firstImage, batch);
        for (int t = 1; t <= T; ++t) {
            if (cancel && cancel->load())
                return fail(kCancelled);
            const auto eps = noise.normal(x.sizes().slice(1)).to(x.device());
            const auto tIndex = torch::full({batch}, t - 1, torch::dtype(torch::kInt64).device(x.device()));
            r.terms.select(1, t - 1).copy_(boundTerms(diffusion, denoiser, x, tIndex, eps, options).cpu());
            if (progress)
                progress(t, T);
        }
        r.total = r.prior + r.terms.sum(1);
        return r;
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "computing the likelihood bound")));
    }
}

bool isBoundCancelled(const Error& error)
{
    return !error.literal && error.text == kCancelled;
}

torch::Tensor boundEstimate(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0,
                            const BoundOptions& options)
{
    const int T = diffusion.steps();
    const int exact = std::min(T, kExactBoundTerms);
    const auto x = x0.to(diffusion.device(), torch::kFloat32);
    const int64_t batch = x.size(0);
    ImageNoise noise(options.seed ^ 0x9e3779b97f4a7c15ULL, options.firstImage, batch); // not the full bound's
    const auto term = [&](const torch::Tensor& tIndex) {
        const auto eps = noise.normal(x.sizes().slice(1)).to(x.device());
        return boundTerms(diffusion, denoiser, x, tIndex, eps, options).cpu();
    };
    auto total = priorTerm(diffusion, x).cpu();
    for (int t = 1; t <= exact; ++t)
        total += term(torch::full({batch}, t - 1, torch::dtype(torch::kInt64).device(x.device())));
    if (T > exact) {
        const auto tIndex = noise.randint(exact, T).to(x.device());
        total += static_cast<double>(T - exact) * term(tIndex);
    }
    return total;
}

} // namespace ddpm
