// The forward process q(x_t | x_0) and q(x_t | x_{t−1}) of Ho et al. 2020 (eq. 2 and 4), and the
// conversions between what a network predicts (ε, x0 or v) and the quantities the samplers need.
#pragma once

#include "result.h"
#include "schedule.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace ddpm {

// What the network is trained to output.
enum class Prediction { Epsilon, X0, V }; // as predictionNames() (names.h) lists them
std::string predictionName(Prediction p);
Result<Prediction> parsePrediction(const std::string& name);

class Diffusion {
public:
    Diffusion(NoiseSchedule schedule, Prediction prediction, torch::Device device = torch::kCPU);

    const NoiseSchedule& schedule() const { return m_schedule; }
    Prediction prediction() const { return m_prediction; }
    torch::Device device() const { return m_device; }
    int steps() const { return m_schedule.steps(); }

    // A table entry per batch element, shaped [B, 1, 1, 1] (rank 4: images; 2: points) for
    // broadcasting; tIndex is the 0-based timestep index (t − 1) as an int64 tensor [B] on any device.
    torch::Tensor gather(const torch::Tensor& table, const torch::Tensor& tIndex, int64_t rank = 4) const;
    const torch::Tensor& sqrtAlphaBarTable() const { return m_sqrtAlphaBar; }
    const torch::Tensor& sqrtOneMinusAlphaBarTable() const { return m_sqrtOneMinusAlphaBar; }

    // Closed form, eq. 4: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε.
    torch::Tensor qSample(const torch::Tensor& x0, const torch::Tensor& tIndex, const torch::Tensor& eps) const;
    // One Markov step, eq. 2: x_t = √(1−β_t)·x_{t−1} + √β_t·z.
    torch::Tensor qStep(const torch::Tensor& xPrev, int t, const torch::Tensor& z) const;

    // x_t for each paper timestep in `timesteps` (0 means x0 itself) of one image x0 [C,H,W] (or a
    // batch), all with the same ε: the forward strip. Returns one tensor per timestep.
    std::vector<torch::Tensor> forwardStrip(const torch::Tensor& x0, const std::vector<int>& timesteps,
                                            const torch::Tensor& eps) const;
    // The same timesteps reached by running the Markov chain q(x_t | x_{t−1}) step by step.
    std::vector<torch::Tensor> forwardChain(const torch::Tensor& x0, const std::vector<int>& timesteps,
                                            at::Generator& generator) const;

    // Training target for the chosen parametrisation: ε, x0 or v = √ᾱ·ε − √(1−ᾱ)·x0.
    torch::Tensor target(const torch::Tensor& x0, const torch::Tensor& eps, const torch::Tensor& tIndex) const;
    // From the network's output at (x_t, t) to (x̂0, ε̂).
    std::pair<torch::Tensor, torch::Tensor> predictX0Eps(const torch::Tensor& output, const torch::Tensor& xt,
                                                         const torch::Tensor& tIndex) const;

private:
    NoiseSchedule m_schedule;
    Prediction m_prediction;
    torch::Device m_device;
    torch::Tensor m_sqrtAlphaBar, m_sqrtOneMinusAlphaBar;
};

// Evenly spaced paper timesteps 0, …, T for views that show noising (count ≥ 2 frames).
std::vector<int> evenlySpacedTimesteps(int T, int count);

// The forward strips the studio draws (its Data and Schedules views): x_0 and every tenth of the way to x_T.
constexpr int kForwardStripFrames = 11;
inline std::vector<int> forwardStripTimesteps(int T)
{
    return evenlySpacedTimesteps(T, kForwardStripFrames);
}

} // namespace ddpm
