#include "schedule.h"

#include "sizelimits.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ddpm {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<double> linspace(double a, double b, int n)
{
    std::vector<double> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        v[static_cast<size_t>(i)] = n == 1 ? a : a + (b - a) * static_cast<double>(i) / (n - 1);
    return v;
}

std::vector<double> makeBetas(const ScheduleOptions& o)
{
    const int T = o.steps;
    switch (o.kind) {
    case ScheduleKind::Linear:
        return linspace(o.betaStart, o.betaEnd, T);
    case ScheduleKind::Quadratic: {
        auto v = linspace(std::sqrt(o.betaStart), std::sqrt(o.betaEnd), T);
        for (double& b : v)
            b *= b;
        return v;
    }
    case ScheduleKind::Sigmoid: {
        // β_t = β_start + (β_end − β_start)·sigmoid(x_t), x evenly spaced on [−6, 6].
        auto x = linspace(-6.0, 6.0, T);
        for (double& b : x)
            b = o.betaStart + (o.betaEnd - o.betaStart) / (1.0 + std::exp(-b));
        return x;
    }
    case ScheduleKind::Cosine: {
        // ᾱ(t) = f(t)/f(0), f(t) = cos²(((t/T) + s)/(1 + s) · π/2);  β_t = min(1 − ᾱ_t/ᾱ_{t−1}, cap).
        auto f = [&](double t) {
            const double c = std::cos(((t / T) + o.cosineOffset) / (1.0 + o.cosineOffset) * kPi / 2);
            return c * c;
        };
        std::vector<double> v(static_cast<size_t>(T));
        for (int i = 0; i < T; ++i)
            v[static_cast<size_t>(i)] = std::min(1.0 - f(i + 1) / f(i), o.maxBeta);
        return v;
    }
    }
    return {};
}

} // namespace

const std::vector<ScheduleKind>& scheduleKinds()
{
    static const std::vector<ScheduleKind> kinds{ScheduleKind::Linear, ScheduleKind::Cosine, ScheduleKind::Sigmoid,
                                                 ScheduleKind::Quadratic};
    return kinds;
}

std::string scheduleKindName(ScheduleKind kind)
{
    return scheduleKindNames().at(static_cast<size_t>(kind));
}

Result<ScheduleKind> parseScheduleKind(const std::string& name)
{
    for (auto k : scheduleKinds())
        if (scheduleKindName(k) == name)
            return k;
    return fail(DDPM_MSG("Engine", "unknown schedule '%1' (expected one of %2)"), name, nameList(scheduleKindNames()));
}

Result<NoiseSchedule> NoiseSchedule::create(const ScheduleOptions& o)
{
    if (o.steps < 1 || o.steps > limits::kMaxTimesteps)
        return fail(DDPM_MSG("Engine", "the number of diffusion steps must be between 1 and %1, not %2"),
                    limits::kMaxTimesteps, o.steps);
    if (o.kind != ScheduleKind::Cosine) {
        if (!(o.betaStart > 0.0 && o.betaStart < 1.0 && o.betaEnd > 0.0 && o.betaEnd < 1.0))
            return fail(DDPM_MSG("Engine", "β must lie strictly between 0 and 1"));
        if (o.betaStart > o.betaEnd)
            return fail(DDPM_MSG("Engine", "β_start must not be larger than β_end"));
        // Below about 1e-16, 1 − β is 1 in double precision: x_1 would be x_0 and 1/√(1 − ᾱ_1) infinite.
        if (1.0 - o.betaStart == 1.0)
            return fail(DDPM_MSG("Engine", "β_start %1 is too small: 1 − β rounds to 1, so the first step would add "
                                           "no noise"),
                        o.betaStart);
    } else if (!(o.cosineOffset >= 0.0 && o.maxBeta > 0.0 && o.maxBeta < 1.0)) {
        return fail(DDPM_MSG("Engine", "the cosine schedule needs s ≥ 0 and 0 < β cap < 1"));
    }
    return NoiseSchedule(o);
}

NoiseSchedule::NoiseSchedule(const ScheduleOptions& options)
    : m_options(options)
{
    m_beta = makeBetas(options);
    const size_t T = m_beta.size();
    m_alpha.resize(T);
    m_alphaBar.resize(T);
    m_alphaBarPrev.resize(T);
    m_sqrtAlphaBar.resize(T);
    m_sqrtOneMinusAlphaBar.resize(T);
    m_posteriorVariance.resize(T);
    m_posteriorMeanCoefX0.resize(T);
    m_posteriorMeanCoefXt.resize(T);
    m_snr.resize(T);
    // ᾱ_t through its logarithm, Σ log1p(−β_s), and 1 − ᾱ_t as −expm1 of it: 1 − Π(1 − β) by subtraction
    // loses the digits of a tiny β (β_1 = 1e-12 would come out 1.00009e-12).
    double logProd = 0.0, prevOneMinus = 0.0;
    for (size_t i = 0; i < T; ++i) {
        const double beta = m_beta[i];
        const double alpha = 1.0 - beta;
        const double prev = std::exp(logProd);
        logProd += std::log1p(-beta);
        const double prod = std::exp(logProd), oneMinus = -std::expm1(logProd);
        m_alpha[i] = alpha;
        m_alphaBar[i] = prod;
        m_alphaBarPrev[i] = prev;
        m_sqrtAlphaBar[i] = std::sqrt(prod);
        m_sqrtOneMinusAlphaBar[i] = std::sqrt(oneMinus);
        m_posteriorVariance[i] = beta * prevOneMinus / oneMinus;
        m_posteriorMeanCoefX0[i] = beta * std::sqrt(prev) / oneMinus;
        m_posteriorMeanCoefXt[i] = prevOneMinus * std::sqrt(alpha) / oneMinus;
        m_snr[i] = prod / oneMinus;
        prevOneMinus = oneMinus;
    }
}

} // namespace ddpm
