#include "interpolation.h"

#include "sizelimits.h"

#include <algorithm>
#include <cmath>

namespace ddpm {

std::string interpolationModeName(InterpolationMode mode)
{
    return mode == InterpolationMode::Ddim ? "ddim" : "ddpm";
}

Result<InterpolationMode> parseInterpolationMode(const std::string& name)
{
    if (name == "ddpm")
        return InterpolationMode::Ddpm;
    if (name == "ddim")
        return InterpolationMode::Ddim;
    return fail(DDPM_MSG("Engine", "unknown interpolation mode '%1' (ddpm or ddim)"), name);
}

std::vector<double> interpolationLambdas(int count)
{
    std::vector<double> out;
    for (int k = 0; k < count; ++k)
        out.push_back(count > 1 ? static_cast<double>(k) / (count - 1) : 0.0);
    return out;
}

torch::Tensor slerp(const torch::Tensor& a, const torch::Tensor& b, double lambda)
{
    const auto fa = a.reshape({a.size(0), -1}).to(torch::kFloat64), fb = b.reshape({b.size(0), -1}).to(torch::kFloat64);
    const auto cosine = ((fa * fb).sum(1) / (fa.norm(2, 1) * fb.norm(2, 1)).clamp_min(1e-30)).clamp(-1.0, 1.0);
    const auto theta = torch::acos(cosine);
    const auto s = torch::sin(theta);
    const auto parallel = s.abs() < 1e-6;
    const auto safe = torch::where(parallel, torch::ones_like(s), s);
    auto wa = torch::where(parallel, torch::full_like(s, 1.0 - lambda), torch::sin((1.0 - lambda) * theta) / safe);
    auto wb = torch::where(parallel, torch::full_like(s, lambda), torch::sin(lambda * theta) / safe);
    return (wa.unsqueeze(1) * fa + wb.unsqueeze(1) * fb).reshape(a.sizes()).to(a.scalar_type());
}

torch::Tensor ddimInvert(const Diffusion& diffusion, const Denoiser& denoiser, const torch::Tensor& x0, int steps,
                         const std::atomic<bool>* cancel)
{
    auto ascending = ddimTimesteps(diffusion.steps(), steps);
    std::reverse(ascending.begin(), ascending.end());
    const auto& s = diffusion.schedule();
    auto x = x0.to(diffusion.device(), torch::kFloat32);
    int current = 0; // paper timestep of x (0: the image)
    for (int next : ascending) {
        if (cancel && cancel->load())
            return {};
        const int at = current > 0 ? current : next; // ε̂ of the image itself: asked at the first timestep
        const auto tIndex = torch::full({x.size(0)}, at - 1, torch::dtype(torch::kInt64).device(x.device()));
        const auto epsHat = diffusion.predictX0Eps(denoiser(x, tIndex), x, tIndex).second;
        const double abarCur = current > 0 ? s.alphaBar()[static_cast<size_t>(current - 1)] : 1.0;
        const double abarNext = s.alphaBar()[static_cast<size_t>(next - 1)];
        const auto x0Cur = (x - std::sqrt(1.0 - abarCur) * epsHat) / std::sqrt(abarCur);
        x = std::sqrt(abarNext) * x0Cur + std::sqrt(1.0 - abarNext) * epsHat;
        current = next;
    }
    return x;
}

namespace {

Status checkOptions(const Sampling& model, const torch::Tensor& a, const torch::Tensor& b,
                    const InterpolationOptions& o)
{
    const std::vector<int64_t> shape(a.sizes().begin(), a.sizes().end());
    if (shape != model.imageShape || b.sizes() != a.sizes())
        return fail(DDPM_MSG("Engine", "both images must have the model's shape"));
    if (o.lambdas < 2 || o.lambdas > limits::kMaxWalkImages)
        return fail(DDPM_MSG("Engine", "between 2 and %1 interpolation steps λ"), limits::kMaxWalkImages);
    // Every image of a walk is the same class (or none): "every class" would label its two ends
    // differently in the inversion and its images by their places in the walk.
    if (o.classChoice == kEveryClass)
        return fail(DDPM_MSG("Engine", "a walk between two images takes one class, or none"));
    if (o.mode == InterpolationMode::Ddpm && (o.t < 0 || o.t > model.diffusion.steps()))
        return fail(DDPM_MSG("Engine", "t must lie between 0 and %1"), model.diffusion.steps());
    SamplerOptions so;
    so.classChoice = o.classChoice;
    so.guidance = o.guidance;
    if (o.mode == InterpolationMode::Ddim) {
        so.kind = SamplerKind::Ddim;
        so.ddimSteps = o.ddimSteps;
    }
    if (auto s = checkSamplerSteps(so, model.diffusion.steps()); !s)
        return s;
    return model.checkClasses(so);
}

} // namespace

InterpolationRun planInterpolation(const InterpolationOptions& o, int steps)
{
    InterpolationRun run;
    run.lambdas = interpolationLambdas(o.lambdas);
    run.sampler.count = o.lambdas;
    run.sampler.seed = o.seed;
    run.sampler.clipX0 = o.clipX0;
    run.sampler.classChoice = o.classChoice;
    run.sampler.guidance = o.guidance;
    run.sampler.sharedNoise = true;
    if (o.mode == InterpolationMode::Ddpm) {
        run.sampler.kind = SamplerKind::Ddpm;
        run.startT = o.t;
    } else {
        run.sampler.kind = SamplerKind::Ddim;
        run.sampler.eta = 0.0;
        run.sampler.ddimSteps = o.ddimSteps;
        run.sampler.clipX0 = false; // the inversion's path, walked back
        run.startT = steps;
    }
    return run;
}

Result<InterpolationRun> prepareInterpolation(const Sampling& model, const torch::Tensor& a, const torch::Tensor& b,
                                              const InterpolationOptions& o, const std::atomic<bool>* cancel)
{
    if (auto s = checkOptions(model, a, b, o); !s)
        return s.failure();
    torch::NoGradGuard guard;
    const auto& d = model.diffusion;
    InterpolationRun run = planInterpolation(o, d.steps());
    const auto ends = torch::stack({a, b}).to(d.device(), torch::kFloat32);
    std::vector<torch::Tensor> mixtures;
    if (o.mode == InterpolationMode::Ddpm) {
        auto noisy = ends;
        if (o.t > 0) {
            auto gen = at::detail::createCPUGenerator(o.seed * 0x9E3779B97F4A7C15ull + 17);
            const auto eps = torch::randn(a.sizes(), gen, torch::kFloat32).to(d.device()).unsqueeze(0).expand_as(ends);
            noisy = d.qSample(ends, torch::full({2}, o.t - 1, torch::dtype(torch::kInt64).device(d.device())), eps);
        }
        for (double lambda : run.lambdas)
            mixtures.push_back((1.0 - lambda) * noisy[0] + lambda * noisy[1]);
    } else {
        const auto latent = ddimInvert(d, model.denoiserFor(run.sampler, 0, 2), ends, o.ddimSteps, cancel);
        if (!latent.defined())
            return run;
        for (double lambda : run.lambdas)
            mixtures.push_back(slerp(latent.narrow(0, 0, 1), latent.narrow(0, 1, 1), lambda)[0]);
    }
    run.start = torch::stack(mixtures);
    return run;
}

} // namespace ddpm
