#include "toy2d.h"

#include "schedule.h"
#include "sizelimits.h"
#include "tensorfile.h"
#include "unet.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace ddpm::toy {

namespace {

constexpr double kPi = 3.14159265358979323846;

torch::Tensor meansTensor(const GaussianMixture& m, double scale)
{
    auto out = torch::empty({m.components(), 2}, torch::kFloat64);
    auto a = out.accessor<double, 2>();
    for (int k = 0; k < m.components(); ++k) {
        a[k][0] = scale * m.means[static_cast<size_t>(k)].first;
        a[k][1] = scale * m.means[static_cast<size_t>(k)].second;
    }
    return out;
}

torch::Tensor doubles(const std::vector<double>& v)
{
    return torch::tensor(v, torch::kFloat64);
}

// Per point and component: log w_k + log N(x; √ᾱ μ_k, V_k I), in float64, and the components' means
// and variances at ᾱ.
struct Diffused {
    torch::Tensor logJoint, means, variances;
};

Diffused diffused(const GaussianMixture& m, const torch::Tensor& x, double alphaBar)
{
    const auto xs = x.to(torch::kFloat64);
    const auto means = meansTensor(m, std::sqrt(alphaBar));                    // [K, 2]
    const auto variances = alphaBar * doubles(m.variances) + (1.0 - alphaBar); // [K]
    const auto d2 = (xs.unsqueeze(1) - means.unsqueeze(0)).pow(2).sum(2);      // [n, K]
    const auto logJoint = doubles(m.weights).log().unsqueeze(0) - d2 / (2.0 * variances.unsqueeze(0)) -
                          (2.0 * kPi * variances).log().unsqueeze(0);
    return {logJoint, means, variances};
}

torch::Tensor moons(int64_t n, at::Generator& gen)
{
    // Two interleaved half circles (as scikit-learn draws them), noise σ = 0.05, centred and scaled
    // into about [−1.3, 1.3].
    const int64_t outer = n / 2;
    auto theta = torch::rand({n}, gen, torch::kFloat64) * kPi;
    auto which = torch::arange(n, torch::kInt64) >= outer;
    auto x = torch::where(which, 1.0 - theta.cos(), theta.cos());
    auto y = torch::where(which, 0.5 - theta.sin(), theta.sin());
    auto pts = torch::stack({x, y}, 1) + 0.05 * torch::randn({n, 2}, gen, torch::kFloat64);
    return ((pts - torch::tensor({0.5, 0.25}, torch::kFloat64)) / 1.2).to(torch::kFloat32);
}

torch::Tensor swissRoll(int64_t n, at::Generator& gen)
{
    // r = θ for θ in [1.5π, 4.5π], scaled by 1/(4.5π) into the unit disc, noise σ = 0.02.
    auto theta = 1.5 * kPi * (1.0 + 2.0 * torch::rand({n}, gen, torch::kFloat64));
    auto pts = torch::stack({theta * theta.cos(), theta * theta.sin()}, 1) / (4.5 * kPi);
    return (pts + 0.02 * torch::randn({n, 2}, gen, torch::kFloat64)).to(torch::kFloat32);
}

} // namespace

torch::Tensor GaussianMixture::sample(int64_t n, uint64_t seed, std::vector<int>* component) const
{
    auto gen = at::detail::createCPUGenerator(seed);
    const auto which = torch::multinomial(doubles(weights), n, true, gen);
    const auto noise = torch::randn({n, 2}, gen, torch::kFloat64);
    const auto means = meansTensor(*this, 1.0).index_select(0, which);
    const auto sd = doubles(variances).sqrt().index_select(0, which).unsqueeze(1);
    if (component) {
        component->resize(static_cast<size_t>(n));
        auto w = which.accessor<int64_t, 1>();
        for (int64_t i = 0; i < n; ++i)
            (*component)[static_cast<size_t>(i)] = static_cast<int>(w[i]);
    }
    return (means + sd * noise).to(torch::kFloat32);
}

torch::Tensor GaussianMixture::logDensity(const torch::Tensor& x, double alphaBar) const
{
    return diffused(*this, x, alphaBar).logJoint.logsumexp(1).to(torch::kFloat32);
}

torch::Tensor GaussianMixture::responsibilities(const torch::Tensor& x, double alphaBar) const
{
    return diffused(*this, x, alphaBar).logJoint.softmax(1).to(torch::kFloat32);
}

torch::Tensor GaussianMixture::score(const torch::Tensor& x, double alphaBar) const
{
    // ∇ log Σ_k w_k N(x; m_k, V_k I) = Σ_k r_k(x) (m_k − x)/V_k.
    const auto d = diffused(*this, x, alphaBar);
    const auto r = d.logJoint.softmax(1);                                          // [n, K]
    const auto toMean = d.means.unsqueeze(0) - x.to(torch::kFloat64).unsqueeze(1); // [n, K, 2]
    const auto perComponent = toMean / d.variances.view({1, -1, 1});               // [n, K, 2]
    return (r.unsqueeze(2) * perComponent).sum(1).to(torch::kFloat32);
}

GaussianMixture ringOfEight()
{
    GaussianMixture m;
    for (int k = 0; k < 8; ++k) {
        const double a = 2.0 * kPi * k / 8.0;
        m.weights.push_back(1.0 / 8.0);
        m.means.emplace_back(std::cos(a), std::sin(a));
        m.variances.push_back(0.08 * 0.08);
    }
    return m;
}

const std::vector<std::string>& toyDataNames()
{
    static const std::vector<std::string> names{"gmm8", "moons", "swissroll"};
    return names;
}

const std::vector<std::string>& toySamplerNames()
{
    static const std::vector<std::string> names{"ancestral", "pc", "ddim", "langevin", "langevin-fixed"};
    return names;
}

Status setSampler(const std::string& name, SamplerOptions& options)
{
    options.corrector = CorrectorKind::None;
    if (name == "ancestral" || name == "ddpm") {
        options.kind = SamplerKind::Ddpm;
    } else if (name == "pc") {
        options.kind = SamplerKind::Ddpm;
        options.corrector = CorrectorKind::Langevin;
    } else if (name == "ddim") {
        options.kind = SamplerKind::Ddim;
        options.eta = 0.0;
    } else if (name == "langevin") {
        options.kind = SamplerKind::Langevin;
    } else if (name == "langevin-fixed") {
        options.kind = SamplerKind::LangevinFixed;
    } else {
        return fail(DDPM_MSG("Engine", "unknown sampler '%1' (expected one of %2)"), name, nameList(toySamplerNames()));
    }
    return Ok{};
}

Result<torch::Tensor> toyData(const std::string& spec, int64_t n, uint64_t seed)
{
    if (n < 1 || n > limits::kMaxToyPoints)
        return fail(DDPM_MSG("Engine", "the number of points must be between 1 and %1"),
                    std::to_string(limits::kMaxToyPoints));
    if (spec.rfind("csv:", 0) == 0)
        return readPointsCsv(spec.substr(4));
    auto gen = at::detail::createCPUGenerator(seed);
    if (spec == "gmm8")
        return ringOfEight().sample(n, seed);
    if (spec == "moons")
        return moons(n, gen);
    if (spec == "swissroll")
        return swissRoll(n, gen);
    Error unknown =
        fail(DDPM_MSG("Engine", "unknown 2-D data set '%1' (expected gmm8, moons, swissroll or csv:FILE)"), spec);
    unknown.usage = true; // a name that means nothing: a bad option, as an unknown image data set is
    return unknown;
}

Result<torch::Tensor> readPointsCsv(const std::string& path)
{
    errno = 0;
    std::ifstream in(path);
    if (!in)
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno ? errno : ENOENT));
    std::vector<float> values;
    std::string line;
    int64_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream row(line);
        double x = 0, y = 0;
        std::string rest;
        if (!(row >> x >> y) || (row >> rest) || !std::isfinite(x) || !std::isfinite(y)) {
            if (lineNo == 1 && values.empty())
                continue; // a header
            return fail(DDPM_MSG("Engine", "%1, line %2: expected two numbers, x and y"), path, std::to_string(lineNo));
        }
        if (std::abs(x) > limits::kMaxToyCoordinate || std::abs(y) > limits::kMaxToyCoordinate)
            return fail(DDPM_MSG("Engine", "%1, line %2: x and y must lie within ±%3 (the diffusion ends in "
                                           "N(0, I): points of about ±1 suit it; scale them)"),
                        path, std::to_string(lineNo), limits::kMaxToyCoordinate);
        if (static_cast<int64_t>(values.size() / 2) >= limits::kMaxToyPoints)
            return fail(DDPM_MSG("Engine", "%1 has more than %2 points"), path, std::to_string(limits::kMaxToyPoints));
        values.push_back(static_cast<float>(x));
        values.push_back(static_cast<float>(y));
    }
    if (values.empty())
        return fail(DDPM_MSG("Engine", "%1 holds no points (x,y rows)"), path);
    return torch::tensor(values).view({-1, 2}).clone();
}

std::string pointsCsv(const torch::Tensor& points)
{
    const auto p = points.to(torch::kFloat32).contiguous().view({-1, 2});
    auto a = p.accessor<float, 2>();
    std::ostringstream out;
    out.precision(7);
    out << "x,y\n";
    for (int64_t i = 0; i < p.size(0); ++i)
        out << a[i][0] << ',' << a[i][1] << '\n';
    return out.str();
}

Denoiser exactDenoiser(const GaussianMixture& mixture, const Diffusion& diffusion)
{
    const auto& s = diffusion.schedule();
    return [mixture, &s](const torch::Tensor& x, const torch::Tensor& tIndex) {
        const auto points = x.reshape({x.size(0), 2}).to(torch::kCPU);
        const auto ts = tIndex.to(torch::kCPU, torch::kInt64).contiguous();
        const int64_t* t = ts.data_ptr<int64_t>();
        auto out = torch::empty({x.size(0), 2}, torch::kFloat32);
        // The samplers pass one t for all points; other callers may mix them: each t on its own.
        for (const int64_t i : std::set<int64_t>(t, t + ts.numel())) {
            const auto mask = ts == i;
            const double abar = s.alphaBar()[static_cast<size_t>(i)];
            out.index_put_({mask}, -std::sqrt(1.0 - abar) * mixture.score(points.index({mask}), abar));
        }
        return out.reshape(x.sizes()).to(x.device());
    };
}

ToyMlpImpl::ToyMlpImpl(int64_t width_, int64_t blockCount)
    : width(width_)
    , embedDim(width_)
{
    embed1 = register_module("embed1", torch::nn::Linear(embedDim, width));
    embed2 = register_module("embed2", torch::nn::Linear(width, width));
    in = register_module("in", torch::nn::Linear(2, width));
    for (int64_t b = 0; b < blockCount; ++b) {
        const std::string name = "block" + std::to_string(b);
        first.push_back(register_module(name + "_fc1", torch::nn::Linear(width, width)));
        tembProj.push_back(register_module(name + "_temb", torch::nn::Linear(width, width)));
        second.push_back(register_module(name + "_fc2", torch::nn::Linear(width, width)));
    }
    out = register_module("out", torch::nn::Linear(width, 2));
}

void ToyMlpImpl::initialise(uint64_t seed)
{
    auto gen = at::detail::createCPUGenerator(seed);
    torch::NoGradGuard noGrad;
    for (const auto& m : modules(false))
        if (auto* layer = m->as<torch::nn::LinearImpl>()) {
            const double bound = 1.0 / std::sqrt(static_cast<double>(layer->weight.size(1)));
            layer->weight.uniform_(-bound, bound, gen);
            layer->bias.uniform_(-bound, bound, gen);
        }
}

namespace {

// A dense layer. On the CPU the product runs as a 1×1 convolution over the batch, which oneDNN does
// over ten times faster than the reference BLAS does the same fp32 matrix product (the MLP's
// training step went from about 85 to 6 ms on two cores); the result is the same product.
torch::Tensor dense(torch::nn::Linear& layer, const torch::Tensor& x)
{
    if (!x.is_cpu())
        return layer(x);
    const auto& w = layer->weight; // [out, in]
    const std::vector<int64_t> one{1, 1}, zero{0, 0};
    const auto y = torch::conv2d(x.reshape({x.size(0), x.size(1), 1, 1}), w.reshape({w.size(0), w.size(1), 1, 1}),
                                 layer->bias, one, zero, one, 1);
    return y.reshape({x.size(0), w.size(0)});
}

} // namespace

torch::Tensor ToyMlpImpl::forward(const torch::Tensor& x, const torch::Tensor& tIndex)
{
    const auto points = x.reshape({x.size(0), 2}).to(torch::kFloat32);
    const auto temb = torch::silu(dense(embed2, torch::silu(dense(embed1, timestepEmbedding(tIndex, embedDim)))));
    auto h = dense(in, points);
    for (size_t b = 0; b < first.size(); ++b)
        h = h + dense(second[b], torch::silu(dense(first[b], torch::silu(h)) + dense(tembProj[b], temb)));
    return dense(out, torch::silu(h)).reshape(x.sizes());
}

Result<bool> trainToy(ToyMlp& model, const Diffusion& diffusion, const torch::Tensor& data, const ToyTrainOptions& o,
                      const std::function<void(const ToyProgress&)>& onStep, const std::atomic<bool>* cancel)
{
    if (data.dim() != 2 || data.size(1) != 2 || data.size(0) < 1)
        return fail(DDPM_MSG("Engine", "2-D training needs points as [N, 2]"));
    // One thread for the calling thread's LibTorch while it trains: the MLP's products are too small to
    // split, and two OpenMP threads spin-wait at every one of them: beside another busy program on two
    // cores, tst_toy2d went from 50 s to over 600 s. The caller's count comes back at the end.
    struct OneThread {
        int before = torch::get_num_threads();
        OneThread() { torch::set_num_threads(1); }
        ~OneThread() { torch::set_num_threads(before); }
        OneThread(const OneThread&) = delete;
        OneThread& operator=(const OneThread&) = delete;
    } oneThread;
    auto gen = at::detail::createCPUGenerator(o.seed);
    torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(o.lr));
    const auto points = data.to(torch::kFloat32);
    const int64_t warmup = std::min<int64_t>(100, std::max<int64_t>(1, o.steps / 10));
    model->train();
    for (int64_t step = 0; step < o.steps; ++step) {
        if (cancel && cancel->load())
            return false;
        const double lr =
            step < warmup
                ? o.lr * static_cast<double>(step + 1) / static_cast<double>(warmup)
                : o.lr * (0.1 + 0.45 * (1.0 + std::cos(kPi * static_cast<double>(step - warmup) /
                                                       static_cast<double>(std::max<int64_t>(1, o.steps - warmup)))));
        for (auto& group : adam.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        const auto index = torch::randint(points.size(0), {o.batch}, gen, torch::kInt64);
        const auto x0 = points.index_select(0, index);
        const auto tIndex = torch::randint(diffusion.steps(), {o.batch}, gen, torch::kInt64);
        const auto eps = torch::randn({o.batch, 2}, gen, torch::kFloat32);
        const auto xt = diffusion.qSample(x0, tIndex, eps);
        const auto loss = (model->forward(xt, tIndex) - diffusion.target(x0, eps, tIndex)).pow(2).mean();
        const double value = loss.item<double>();
        if (!std::isfinite(value))
            return fail(DDPM_MSG("Engine", "the loss became %1 at step %2: the model was not changed by that step"),
                        std::to_string(value), std::to_string(step + 1));
        adam.zero_grad();
        loss.backward();
        adam.step();
        if (onStep)
            onStep({step + 1, value});
    }
    model->eval();
    return true;
}

namespace {

// A number as text that reads back to the same double (std::to_string keeps six decimals: 1e-7 became 0).
std::string exactText(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    return buf;
}

} // namespace

Status saveToyModel(const std::string& path, const ToyModel& m)
{
    TensorFile f;
    for (const auto& p : m.model->named_parameters())
        f.tensors[p.key()] = p.value().detach().to(torch::kCPU).contiguous();
    f.metadata["ddpm.kind"] = "toy2d";
    f.metadata["ddpm.schedule"] = scheduleKindName(m.schedule.kind);
    f.metadata["ddpm.T"] = std::to_string(m.schedule.steps);
    f.metadata["ddpm.beta_start"] = exactText(m.schedule.betaStart);
    f.metadata["ddpm.beta_end"] = exactText(m.schedule.betaEnd);
    f.metadata["ddpm.cosine_offset"] = exactText(m.schedule.cosineOffset);
    f.metadata["ddpm.max_beta"] = exactText(m.schedule.maxBeta);
    f.metadata["ddpm.data"] = m.data;
    f.metadata["ddpm.steps"] = std::to_string(m.steps);
    f.metadata["ddpm.blocks"] = std::to_string(m.model->first.size());
    return writeTensorFile(path, f);
}

Result<ToyModel> loadToyModel(const std::string& path)
{
    auto file = readTensorFile(path);
    if (!file)
        return file.failure();
    if (file->meta("ddpm.kind") != "toy2d")
        return fail(DDPM_MSG("Engine", "%1 is not a 2-D toy model (ddpm toy --save writes those)"), path);
    const auto in = file->tensor("in.weight");
    const int64_t blocks = std::atoll(file->meta("ddpm.blocks", "0").c_str());
    if (!in.defined() || in.dim() != 2 || in.size(1) != 2 || in.size(0) < 1 || in.size(0) > 4096 || blocks < 0 ||
        blocks > 64)
        return fail(DDPM_MSG("Engine", "%1: the toy model's shapes are not valid"), path);
    ToyModel m;
    m.model = ToyMlp(in.size(0), blocks);
    torch::NoGradGuard noGrad;
    for (auto& p : m.model->named_parameters()) {
        const auto t = file->tensor(p.key());
        if (!t.defined() || t.sizes() != p.value().sizes() || t.scalar_type() != torch::kFloat32)
            return fail(DDPM_MSG("Engine", "%1: the toy model's shapes are not valid"), path);
        p.value().copy_(t);
    }
    auto kind = parseScheduleKind(file->meta("ddpm.schedule", "linear"));
    if (!kind)
        return kind.failure();
    m.schedule.kind = kind.value();
    // A value left out (a file from before it was written) is the schedule's default; one that is there
    // is a whole finite number ("50abc", "nan" and an ddpm.T beyond the limits are refused, not read as
    // something else).
    std::string invalid;
    const auto number = [&](const char* key, double fallback) {
        const std::string text = file->meta(key);
        if (text.empty())
            return fallback;
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(v)) {
            invalid = invalid.empty() ? std::string(key) + " = " + text : invalid;
            return fallback;
        }
        return v;
    };
    const ScheduleOptions defaults;
    const double steps = number("ddpm.T", defaults.steps);
    if (invalid.empty() && (steps != std::floor(steps) || steps < 1 || steps > limits::kMaxTimesteps))
        invalid = "ddpm.T = " + file->meta("ddpm.T");
    m.schedule.steps = invalid.empty() ? static_cast<int>(steps) : defaults.steps;
    m.schedule.betaStart = number("ddpm.beta_start", defaults.betaStart);
    m.schedule.betaEnd = number("ddpm.beta_end", defaults.betaEnd);
    m.schedule.cosineOffset = number("ddpm.cosine_offset", defaults.cosineOffset);
    m.schedule.maxBeta = number("ddpm.max_beta", defaults.maxBeta);
    if (!invalid.empty())
        return fail(DDPM_MSG("Engine", "%1: the toy model's setting %2 is not valid"), path, invalid);
    if (auto valid = NoiseSchedule::create(m.schedule); !valid)
        return valid.failure();
    m.data = file->meta("ddpm.data");
    m.steps = std::atoll(file->meta("ddpm.steps", "0").c_str());
    m.model->eval();
    return m;
}

Denoiser toyDenoiser(ToyMlp& model)
{
    return [model](const torch::Tensor& x, const torch::Tensor& tIndex) mutable {
        torch::NoGradGuard noGrad;
        return model->forward(x, tIndex);
    };
}

double scoreRelativeError(const torch::Tensor& learned, const torch::Tensor& exact)
{
    const auto diff = (learned - exact).to(torch::kFloat64).reshape({-1, 2}).norm(2, 1).mean().item<double>();
    const auto scale = exact.to(torch::kFloat64).reshape({-1, 2}).norm(2, 1).mean().item<double>();
    return scale > 0.0 ? diff / scale : diff;
}

std::vector<double> componentShares(const GaussianMixture& mixture, const torch::Tensor& points)
{
    const auto nearest = mixture.responsibilities(points.reshape({-1, 2}), 1.0).argmax(1);
    std::vector<double> shares(static_cast<size_t>(mixture.components()), 0.0);
    auto a = nearest.accessor<int64_t, 1>();
    for (int64_t i = 0; i < nearest.size(0); ++i)
        shares[static_cast<size_t>(a[i])] += 1.0;
    for (double& s : shares)
        s /= static_cast<double>(std::max<int64_t>(1, nearest.size(0)));
    return shares;
}

double shareNearModes(const GaussianMixture& mixture, const torch::Tensor& points, double sigmas)
{
    const auto p = points.reshape({-1, 2}).to(torch::kFloat64);
    if (p.size(0) == 0 || mixture.components() == 0)
        return 0.0;
    auto near = torch::zeros({p.size(0)}, torch::kBool);
    for (int64_t k = 0; k < mixture.components(); ++k) {
        const auto& [mx, my] = mixture.means[static_cast<size_t>(k)];
        const double reach = sigmas * std::sqrt(mixture.variances[static_cast<size_t>(k)]);
        const auto d2 = (p.select(1, 0) - mx).square() + (p.select(1, 1) - my).square();
        near = near.logical_or(d2 <= reach * reach);
    }
    return near.to(torch::kFloat64).mean().item<double>();
}

} // namespace ddpm::toy
