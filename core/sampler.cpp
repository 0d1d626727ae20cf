#include "sampler.h"

#include "names.h"
#include "sizelimits.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace ddpm {

namespace {

// The kind whose name is `name` in `names`, in the order of the kinds.
template <typename Kind> std::optional<Kind> kindNamed(const std::vector<std::string>& names, const std::string& name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        return std::nullopt;
    return static_cast<Kind>(it - names.begin());
}

} // namespace

Result<SamplerKind> parseSamplerKind(const std::string& name)
{
    if (const auto kind = kindNamed<SamplerKind>(samplerKindNames(), name))
        return *kind;
    return fail(DDPM_MSG("Engine", "unknown sampler '%1' (expected one of %2)"), name, nameList(samplerKindNames()));
}

Result<TimestepSpacing> parseTimestepSpacing(const std::string& name)
{
    if (const auto spacing = kindNamed<TimestepSpacing>(timestepSpacingNames(), name))
        return *spacing;
    return fail(DDPM_MSG("Engine", "unknown timestep spacing '%1' (expected one of %2)"), name,
                nameList(timestepSpacingNames()));
}

Result<CorrectorKind> parseCorrectorKind(const std::string& name)
{
    if (const auto kind = kindNamed<CorrectorKind>(correctorKindNames(), name))
        return *kind;
    return fail(DDPM_MSG("Engine", "unknown corrector '%1' (expected one of %2)"), name,
                nameList(correctorKindNames()));
}

bool isLangevinSampler(SamplerKind kind)
{
    return kind == SamplerKind::Langevin || kind == SamplerKind::LangevinFixed;
}

Result<VarianceKind> parseVarianceKind(const std::string& name)
{
    if (name == "betatilde") // an older spelling
        return VarianceKind::BetaTilde;
    if (const auto kind = kindNamed<VarianceKind>(varianceKindNames(), name))
        return *kind;
    return fail(DDPM_MSG("Engine", "unknown variance '%1' (expected one of %2)"), name, nameList(varianceKindNames()));
}

std::vector<int> ddimTimesteps(int startT, int steps, TimestepSpacing spacing)
{
    steps = std::clamp(steps, 1, std::max(1, startT));
    std::vector<int> ts;
    for (int k = steps - 1; k >= 0; --k) {
        // Linspace: evenly spaced over 1 … startT, always including startT itself. Trailing: startT and
        // its multiples of startT / steps below it, the smallest startT / steps.
        const double t = spacing == TimestepSpacing::Trailing ? static_cast<double>(startT) * (k + 1) / steps
                         : steps == 1                         ? startT
                                                              : 1.0 + static_cast<double>(startT - 1) * k / (steps - 1);
        const int rounded = std::max(1, static_cast<int>(std::lround(t)));
        if (ts.empty() || ts.back() != rounded)
            ts.push_back(rounded);
    }
    return ts;
}

Status checkSamplerSteps(const SamplerOptions& options, int T)
{
    const bool ok = options.ddimSteps >= 1 && options.ddimSteps <= T;
    if (options.kind == SamplerKind::Ddim && !ok)
        return fail(DDPM_MSG("Engine", "DDIM takes between 1 and %1 steps"), T);
    if (options.kind == SamplerKind::Langevin && !ok)
        return fail(DDPM_MSG("Engine", "annealed Langevin takes between 1 and %1 noise levels"), T);
    return Ok{};
}

int langevinFixedT(const SamplerOptions& options, int startT)
{
    if (options.fixedT > 0)
        return std::clamp(options.fixedT, 1, std::max(1, startT));
    return std::clamp(static_cast<int>(std::lround(kFixedLevelPercent / 100.0 * startT)), 1, std::max(1, startT));
}

std::vector<int> samplerTimesteps(const SamplerOptions& options, int startT)
{
    if (options.kind == SamplerKind::Ddim)
        return ddimTimesteps(startT, options.ddimSteps, options.spacing);
    if (options.kind == SamplerKind::Langevin) // every level down to the least noisy
        return ddimTimesteps(startT, options.ddimSteps);
    if (options.kind == SamplerKind::LangevinFixed)
        return std::vector<int>(static_cast<size_t>(std::max(1, options.ddimSteps)), langevinFixedT(options, startT));
    std::vector<int> ts;
    for (int t = startT; t >= 1; --t)
        ts.push_back(t);
    return ts;
}

double langevinStepSize(const NoiseSchedule& s, const SamplerOptions& o, int t)
{
    return o.langevinStep * (1.0 - s.alphaBar().at(static_cast<size_t>(t - 1)));
}

double scoreScale(const NoiseSchedule& s, int t)
{
    return 1.0 / s.sqrtOneMinusAlphaBar().at(static_cast<size_t>(t - 1));
}

double samplerSigma(const NoiseSchedule& s, const SamplerOptions& o, int t, int tNext)
{
    if (t < 1 || t > s.steps())
        return 0.0;
    const auto i = static_cast<size_t>(t - 1);
    if (isLangevinSampler(o.kind))
        return std::sqrt(langevinStepSize(s, o, t));
    if (o.kind == SamplerKind::Ddpm) {
        if (t == 1)
            return 0.0; // z = 0 at t = 1
        return std::sqrt(o.variance == VarianceKind::Beta ? s.beta()[i] : s.posteriorVariance()[i]);
    }
    const double abar = s.alphaBar()[i];
    const double abarNext = tNext > 0 ? s.alphaBar()[static_cast<size_t>(tNext - 1)] : 1.0;
    return o.eta * std::sqrt((1.0 - abarNext) / (1.0 - abar)) * std::sqrt(std::max(0.0, 1.0 - abar / abarNext));
}

int64_t samplerEvaluations(const SamplerOptions& options, int startT)
{
    return samplerEvaluations(options, samplerTimesteps(options, startT));
}

int64_t samplerEvaluations(const SamplerOptions& options, const std::vector<int>& timesteps)
{
    const auto n = static_cast<int64_t>(timesteps.size());
    const int64_t k = std::max(1, options.langevinSteps);
    if (isLangevinSampler(options.kind)) // annealed Langevin's last denoising step is one more
        return n * k + (options.kind == SamplerKind::Langevin ? 1 : 0);
    return options.corrector == CorrectorKind::Langevin ? n + (n - 1) * k : n;
}

ReverseProcess::ReverseProcess(const Diffusion& diffusion, Denoiser denoiser, const SamplerOptions& options,
                               std::vector<int64_t> imageShape)
    : m_diffusion(diffusion)
    , m_denoiser(std::move(denoiser))
    , m_options(options)
{
    std::vector<int64_t> shape{options.count};
    shape.insert(shape.end(), imageShape.begin(), imageShape.end());
    m_x = noiseLike(torch::empty(shape, torch::dtype(torch::kFloat32).device(diffusion.device())));
    init(diffusion.steps());
}

ReverseProcess::ReverseProcess(const Diffusion& diffusion, Denoiser denoiser, const SamplerOptions& options,
                               torch::Tensor xStart, int startT)
    : m_diffusion(diffusion)
    , m_denoiser(std::move(denoiser))
    , m_options(options)
{
    m_x = xStart.to(diffusion.device(), torch::kFloat32);
    init(std::clamp(startT, 1, diffusion.steps()));
}

void ReverseProcess::init(int startT)
{
    m_timesteps = samplerTimesteps(m_options, startT);
}

torch::Tensor ReverseProcess::noiseLike(const torch::Tensor& like)
{
    const int64_t n = like.size(0);
    if (!m_noise || m_noise->count() != n)
        m_noise.emplace(m_options.seed, m_options.firstImage, n, m_options.sharedNoise);
    return m_noise->normal(like.sizes().slice(1)).to(like.device());
}

int defaultSamplingBatch(torch::Device device)
{
    return device.is_cuda() ? 512 : 64;
}

torch::Tensor sampleLabels(const SamplerOptions& options, int64_t first, int64_t n, int64_t numClasses)
{
    if (options.classChoice >= 0)
        return torch::full({n}, options.classChoice, torch::kInt64);
    if (options.classChoice == kEveryClass && numClasses > 0)
        return torch::arange(first, first + n, torch::kInt64).remainder(numClasses);
    return torch::full({n}, kNoClass, torch::kInt64);
}

Denoiser guidedDenoiser(ClassDenoiser net, torch::Tensor labels, double guidance)
{
    return [net = std::move(net), labels = std::move(labels), w = guidance](const torch::Tensor& x,
                                                                            const torch::Tensor& tIndex) {
        const auto y = labels.to(x.device());
        if (w == 0.0)
            return net(x, tIndex, y);
        const auto both =
            net(torch::cat({x, x}), torch::cat({tIndex, tIndex}), torch::cat({y, torch::full_like(y, kNoClass)}));
        const auto halves = both.chunk(2);
        return (1.0 + w) * halves[0] - w * halves[1];
    };
}

Result<int> parseClassChoice(const std::string& text, const std::vector<std::string>& classNames)
{
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    const std::string wanted = lower(text);
    if (wanted.empty() || wanted == "none")
        return kUnconditional;
    if (wanted == "all")
        return kEveryClass;
    for (size_t k = 0; k < classNames.size(); ++k)
        if (lower(classNames[k]) == wanted)
            return static_cast<int>(k);
    char* end = nullptr;
    const long k = std::strtol(text.c_str(), &end, 10);
    if (end != text.c_str() && *end == '\0' && k >= 0 && k < static_cast<long>(classNames.size()))
        return static_cast<int>(k);
    if (classNames.empty())
        return fail(DDPM_MSG("Engine", "this model was trained without classes: it cannot be asked for '%1'"), text);
    std::string known;
    for (size_t k = 0; k < classNames.size() && k < 20; ++k)
        known += (k ? ", " : "") + std::to_string(k) + " " + classNames[k];
    return fail(DDPM_MSG("Engine", "no class '%1': the model knows %2 (all, or none)"), text, known);
}

std::string classChoiceName(int choice, const std::vector<std::string>& classNames)
{
    if (choice == kEveryClass)
        return "all";
    if (choice >= 0 && choice < static_cast<int>(classNames.size()))
        return classNames[static_cast<size_t>(choice)];
    return choice >= 0 ? std::to_string(choice) : "none";
}

Status Sampling::checkClasses(const SamplerOptions& options) const
{
    if (!std::isfinite(options.guidance) || options.guidance < 0 || options.guidance > limits::kMaxGuidance)
        return fail(DDPM_MSG("Engine", "the guidance weight must be between 0 and %1"), limits::kMaxGuidance);
    const int64_t k = numClasses();
    if (k == 0 && (options.classChoice != kUnconditional || options.guidance != 0))
        return fail(DDPM_MSG("Engine", "this model was trained without classes: it cannot be asked for one or guided"));
    if (options.classChoice >= k || options.classChoice < kEveryClass)
        return fail(DDPM_MSG("Engine", "there is no class %1: the model knows %2 (0 to %3)"), options.classChoice, k,
                    k - 1);
    if (options.classChoice == kUnconditional && options.guidance != 0)
        return fail(DDPM_MSG("Engine", "guidance needs a class to guide towards"));
    return Ok{};
}

Denoiser Sampling::denoiserFor(const SamplerOptions& options, int64_t first, int64_t n) const
{
    if (!classDenoiser || (options.classChoice == kUnconditional && options.guidance == 0))
        return denoiser;
    return guidedDenoiser(classDenoiser, sampleLabels(options, first, n, numClasses()), options.guidance);
}

bool sampleInChunks(const Diffusion& diffusion, const Denoiser& denoiser, const SamplerOptions& options,
                    const std::vector<int64_t>& imageShape, int batch,
                    const std::function<void(const ReverseProcess& chunk, int64_t firstImage)>& onChunk,
                    const std::function<void(const ReverseProcess& chunk, const ReverseStep& step)>& onStep,
                    const std::atomic<bool>* cancel)
{
    return sampleInChunks(Sampling{diffusion, denoiser, imageShape, {}, {}}, options, batch, onChunk, onStep, cancel);
}

bool sampleInChunks(const Sampling& sampling, const SamplerOptions& options, int batch,
                    const std::function<void(const ReverseProcess& chunk, int64_t firstImage)>& onChunk,
                    const std::function<void(const ReverseProcess& chunk, const ReverseStep& step)>& onStep,
                    const std::atomic<bool>* cancel)
{
    batch = std::max(1, batch);
    for (int64_t first = 0; first < options.count; first += batch) {
        SamplerOptions o = options;
        o.count = static_cast<int>(std::min<int64_t>(batch, options.count - first));
        o.firstImage = options.firstImage + first;
        ReverseProcess chunk(sampling.diffusion, sampling.denoiserFor(o, o.firstImage, o.count), o,
                             sampling.imageShape);
        std::function<void(const ReverseStep&)> perStep;
        if (onStep)
            perStep = [&](const ReverseStep& s) { onStep(chunk, s); };
        if (!chunk.run(cancel, perStep))
            return false;
        if (onChunk)
            onChunk(chunk, o.firstImage);
    }
    return true;
}

std::pair<torch::Tensor, torch::Tensor> ReverseProcess::predict(const torch::Tensor& x, int t)
{
    const auto& s = m_diffusion.schedule();
    const auto i = static_cast<size_t>(t - 1);
    auto tIndex = torch::full({x.size(0)}, t - 1, torch::dtype(torch::kInt64).device(x.device()));
    auto [x0Hat, epsHat] = m_diffusion.predictX0Eps(m_denoiser(x, tIndex), x, tIndex);
    if (m_options.clipX0) {
        x0Hat = x0Hat.clamp(-1.0, 1.0);
        // Keep ε̂ consistent with the clipped x̂0 (x_t = √ᾱ x̂0 + √(1−ᾱ) ε̂).
        epsHat = (x - s.sqrtAlphaBar()[i] * x0Hat) / s.sqrtOneMinusAlphaBar()[i];
    }
    return {x0Hat, epsHat};
}

torch::Tensor ReverseProcess::langevin(torch::Tensor x, int t, torch::Tensor epsHat)
{
    // Annealed Langevin dynamics at level t (Song & Ermon 2019, Algorithm 1) with s = −ε̂/√(1 − ᾱ_t):
    // x ← x + (η/2) s + √η z, η = langevinStep · (1 − ᾱ_t), i.e. x ← x − (η/2)/√(1−ᾱ_t) ε̂ + √η z.
    const double eta = langevinStepSize(m_diffusion.schedule(), m_options, t);
    const double scale = scoreScale(m_diffusion.schedule(), t);
    const int k = std::max(1, m_options.langevinSteps);
    for (int step = 0; step < k; ++step) {
        if (step > 0)
            epsHat = predict(x, t).second;
        const auto score = -epsHat * scale;
        x = x + (0.5 * eta) * score + std::sqrt(eta) * noiseLike(x);
    }
    return x;
}

torch::Tensor ReverseProcess::correct(torch::Tensor x, int t)
{
    // The Langevin corrector of Song et al. 2021 (Algorithm 5, VP), x ← x + ε s + √(2ε) z, with the step
    // their ε = 2 α_t (r ‖z‖ / ‖s‖)² takes where ‖z‖² = D and ‖s‖² = D / (1 − ᾱ_t), as they are for
    // images: ε = 2 α_t r² (1 − ᾱ_t). One step for every image and state: a step that grew where the
    // score is small (a mode's centre, between modes: common in 2-D) would spread the samples without a
    // Metropolis test to undo it, and images stay independent of their batch.
    const auto& s = m_diffusion.schedule();
    const auto i = static_cast<size_t>(t - 1);
    const double alpha = 1.0 - s.beta()[i];
    const double oneMinusAlphaBar = s.sqrtOneMinusAlphaBar()[i] * s.sqrtOneMinusAlphaBar()[i];
    const double eps = 2.0 * alpha * m_options.snr * m_options.snr * oneMinusAlphaBar;
    for (int step = 0; step < std::max(1, m_options.langevinSteps); ++step) {
        const auto score = -predict(x, t).second / s.sqrtOneMinusAlphaBar()[i];
        x = x + eps * score + std::sqrt(2.0 * eps) * noiseLike(x);
    }
    return x;
}

ReverseStep ReverseProcess::next()
{
    torch::NoGradGuard noGrad; // thread-local: taken in whichever thread samples
    const auto& s = m_diffusion.schedule();
    const int t = m_timesteps[static_cast<size_t>(m_next)];
    const int tNext = m_next + 1 < totalSteps() ? m_timesteps[static_cast<size_t>(m_next) + 1] : 0;
    const auto i = static_cast<size_t>(t - 1);

    auto [x0Hat, epsHat] = predict(m_x, t);

    ReverseStep step;
    step.step = m_next;
    step.t = t;
    step.tNext = tNext;
    step.xt = m_x.to(torch::kCPU);
    step.x0Hat = x0Hat.to(torch::kCPU);
    step.epsHat = epsHat.to(torch::kCPU);

    torch::Tensor xNext;
    if (isLangevinSampler(m_options.kind)) {
        xNext = langevin(m_x, t, epsHat);
        // Annealed Langevin ends at its last level (t = 1 but for one level) with noise still in x: its last step is
        // the denoising step of Song & Ermon 2020 (Tweedie's formula E[x0 | x_t] = (x_t − √(1 − ᾱ_t) ε̂)/√ᾱ_t, x̂0), so
        // that it ends on an image as the other samplers do. Langevin at one level keeps its samples of that level.
        if (m_options.kind == SamplerKind::Langevin && tNext == 0)
            xNext = predict(xNext, t).first;
    } else if (m_options.kind == SamplerKind::Ddpm) {
        // Algorithm 2 written with the posterior mean μ̃_t(x_t, x̂0) of eq. 7, which equals
        // 1/√α_t (x_t − β_t/√(1−ᾱ_t) ε̂) when x̂0 is not clipped.
        auto mean = s.posteriorMeanCoefX0()[i] * x0Hat + s.posteriorMeanCoefXt()[i] * m_x;
        const double sigma = samplerSigma(s, m_options, t, tNext); // 0 at t = 1: no z
        xNext = t > 1 ? mean + sigma * noiseLike(m_x) : mean;
    } else {
        // DDIM, eq. 12 with σ_t(η) of eq. 16.
        const double abarNext = tNext > 0 ? s.alphaBar()[static_cast<size_t>(tNext - 1)] : 1.0;
        const double sigma = samplerSigma(s, m_options, t, tNext);
        const double dirCoef = std::sqrt(std::max(0.0, 1.0 - abarNext - sigma * sigma));
        xNext = std::sqrt(abarNext) * x0Hat + dirCoef * epsHat;
        if (sigma > 0.0)
            xNext = xNext + sigma * noiseLike(m_x);
    }
    if (m_options.corrector == CorrectorKind::Langevin && !isLangevinSampler(m_options.kind) && tNext > 0)
        xNext = correct(xNext, tNext);
    m_x = xNext;
    ++m_next;
    return step;
}

bool ReverseProcess::run(const std::atomic<bool>* cancel, const std::function<void(const ReverseStep&)>& onStep)
{
    while (!done()) {
        if (cancel && cancel->load())
            return false;
        auto step = next();
        if (onStep)
            onStep(step);
    }
    return true;
}

} // namespace ddpm
