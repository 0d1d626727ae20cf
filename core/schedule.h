// Noise schedules β_1 … β_T and the tables derived from them (Ho et al. 2020, §2 and §4; the cosine
// schedule of Nichol & Dhariwal 2021, eq. 17). Everything is computed in double precision.
//
// Indexing: the tables are 0-based arrays where element i holds the paper's timestep t = i + 1.
// The model sees the 0-based index i, as in the paper's official code.
#pragma once

#include "names.h"
#include "result.h"

#include <string>
#include <vector>

namespace ddpm {

enum class ScheduleKind { Linear, Cosine, Sigmoid, Quadratic };

struct ScheduleOptions {
    ScheduleKind kind = ScheduleKind::Linear;
    int steps = 1000;        // T
    double betaStart = 1e-4; // linear, sigmoid, quadratic
    double betaEnd = 0.02;
    double cosineOffset = 0.008; // s of the cosine schedule
    double maxBeta = 0.999;      // cap of the cosine schedule
};

// Every kind, in the order menus list them; their names are defined once, here and in schedule.cpp.
const std::vector<ScheduleKind>& scheduleKinds();
std::string scheduleKindName(ScheduleKind kind);
Result<ScheduleKind> parseScheduleKind(const std::string& name);

class NoiseSchedule {
public:
    NoiseSchedule()
        : NoiseSchedule(ScheduleOptions{})
    {
    }
    explicit NoiseSchedule(const ScheduleOptions& options);
    // Validates the options first (T ≥ 1, 0 < β < 1, β_start ≤ β_end …).
    static Result<NoiseSchedule> create(const ScheduleOptions& options);

    const ScheduleOptions& options() const { return m_options; }
    int steps() const { return m_options.steps; }

    // All indexed by i = t − 1.
    const std::vector<double>& beta() const { return m_beta; }
    const std::vector<double>& alpha() const { return m_alpha; }
    const std::vector<double>& alphaBar() const { return m_alphaBar; }
    const std::vector<double>& alphaBarPrev() const { return m_alphaBarPrev; } // ᾱ_{t−1}, ᾱ_0 = 1
    const std::vector<double>& sqrtAlphaBar() const { return m_sqrtAlphaBar; }
    const std::vector<double>& sqrtOneMinusAlphaBar() const { return m_sqrtOneMinusAlphaBar; }
    // β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t), eq. 7
    const std::vector<double>& posteriorVariance() const { return m_posteriorVariance; }
    // μ̃_t(x_t, x0) = posteriorMeanCoefX0 · x0 + posteriorMeanCoefXt · x_t, eq. 7
    const std::vector<double>& posteriorMeanCoefX0() const { return m_posteriorMeanCoefX0; }
    const std::vector<double>& posteriorMeanCoefXt() const { return m_posteriorMeanCoefXt; }
    // SNR_t = ᾱ_t / (1 − ᾱ_t)
    const std::vector<double>& snr() const { return m_snr; }

private:
    ScheduleOptions m_options;
    std::vector<double> m_beta, m_alpha, m_alphaBar, m_alphaBarPrev, m_sqrtAlphaBar, m_sqrtOneMinusAlphaBar,
        m_posteriorVariance, m_posteriorMeanCoefX0, m_posteriorMeanCoefXt, m_snr;
};

} // namespace ddpm
