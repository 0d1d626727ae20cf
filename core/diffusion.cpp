#include "diffusion.h"
#include "names.h"

#include <cmath>

namespace ddpm {

std::string predictionName(Prediction p)
{
    return predictionNames().at(static_cast<size_t>(p));
}

Result<Prediction> parsePrediction(const std::string& name)
{
    const auto& names = predictionNames();
    for (size_t i = 0; i < names.size(); ++i)
        if (name == names[i])
            return static_cast<Prediction>(i);
    if (name == "epsilon") // the word spelt out
        return Prediction::Epsilon;
    return fail(DDPM_MSG("Engine", "unknown prediction '%1' (expected one of %2)"), name, nameList(names));
}

namespace {
torch::Tensor toTensor(const std::vector<double>& v, torch::Device device)
{
    return torch::tensor(v, torch::dtype(torch::kFloat64)).to(torch::kFloat32).to(device);
}
} // namespace

Diffusion::Diffusion(NoiseSchedule schedule, Prediction prediction, torch::Device device)
    : m_schedule(std::move(schedule))
    , m_prediction(prediction)
    , m_device(device)
{
    m_sqrtAlphaBar = toTensor(m_schedule.sqrtAlphaBar(), device);
    m_sqrtOneMinusAlphaBar = toTensor(m_schedule.sqrtOneMinusAlphaBar(), device);
}

torch::Tensor Diffusion::gather(const torch::Tensor& table, const torch::Tensor& tIndex, int64_t rank) const
{
    std::vector<int64_t> shape(static_cast<size_t>(std::max<int64_t>(rank, 1)), 1);
    shape[0] = -1;
    return table.index_select(0, tIndex.to(table.device())).view(shape);
}

torch::Tensor Diffusion::qSample(const torch::Tensor& x0, const torch::Tensor& tIndex, const torch::Tensor& eps) const
{
    return gather(m_sqrtAlphaBar, tIndex, x0.dim()) * x0 + gather(m_sqrtOneMinusAlphaBar, tIndex, x0.dim()) * eps;
}

torch::Tensor Diffusion::qStep(const torch::Tensor& xPrev, int t, const torch::Tensor& z) const
{
    const double beta = m_schedule.beta()[static_cast<size_t>(t - 1)];
    return std::sqrt(1.0 - beta) * xPrev + std::sqrt(beta) * z;
}

std::vector<torch::Tensor> Diffusion::forwardStrip(const torch::Tensor& x0, const std::vector<int>& timesteps,
                                                   const torch::Tensor& eps) const
{
    std::vector<torch::Tensor> out;
    out.reserve(timesteps.size());
    for (int t : timesteps) {
        if (t <= 0) {
            out.push_back(x0.clone());
            continue;
        }
        const auto i = static_cast<size_t>(std::min(t, steps()) - 1);
        out.push_back(m_schedule.sqrtAlphaBar()[i] * x0 + m_schedule.sqrtOneMinusAlphaBar()[i] * eps);
    }
    return out;
}

std::vector<torch::Tensor> Diffusion::forwardChain(const torch::Tensor& x0, const std::vector<int>& timesteps,
                                                   at::Generator& generator) const
{
    std::vector<torch::Tensor> out(timesteps.size());
    int maxT = 0;
    for (int t : timesteps)
        maxT = std::max(maxT, std::min(t, steps()));
    torch::Tensor x = x0.clone();
    auto record = [&](int t) {
        for (size_t k = 0; k < timesteps.size(); ++k)
            if (std::min(timesteps[k], steps()) == t || (t == 0 && timesteps[k] <= 0))
                out[k] = x.clone();
    };
    record(0);
    for (int t = 1; t <= maxT; ++t) {
        auto z = torch::randn(x.sizes(), generator, torch::dtype(torch::kFloat32)).to(x.device());
        x = qStep(x, t, z);
        record(t);
    }
    return out;
}

torch::Tensor Diffusion::target(const torch::Tensor& x0, const torch::Tensor& eps, const torch::Tensor& tIndex) const
{
    switch (m_prediction) {
    case Prediction::Epsilon:
        return eps;
    case Prediction::X0:
        return x0;
    case Prediction::V:
        return gather(m_sqrtAlphaBar, tIndex, x0.dim()) * eps - gather(m_sqrtOneMinusAlphaBar, tIndex, x0.dim()) * x0;
    }
    return eps;
}

std::pair<torch::Tensor, torch::Tensor> Diffusion::predictX0Eps(const torch::Tensor& output, const torch::Tensor& xt,
                                                                const torch::Tensor& tIndex) const
{
    const auto a = gather(m_sqrtAlphaBar, tIndex, xt.dim());
    const auto s = gather(m_sqrtOneMinusAlphaBar, tIndex, xt.dim());
    switch (m_prediction) {
    case Prediction::Epsilon:
        return {(xt - s * output) / a, output};
    case Prediction::X0:
        return {output, (xt - a * output) / s};
    case Prediction::V:
        return {a * xt - s * output, s * xt + a * output};
    }
    return {output, output};
}

std::vector<int> evenlySpacedTimesteps(int T, int count)
{
    std::vector<int> ts;
    count = std::max(2, count);
    for (int k = 0; k < count; ++k)
        ts.push_back(static_cast<int>(std::lround(static_cast<double>(T) * k / (count - 1))));
    return ts;
}

} // namespace ddpm
