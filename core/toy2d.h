// DDPM in two dimensions, where the truth is known: data sets of points, a Gaussian mixture whose
// diffused density and score have closed forms at every t, a small MLP denoiser with the U-Net's time
// embedding, and its training by Algorithm 1 with the same schedules and Diffusion. Points are [N, 2]
// float32 tensors; the samplers of sampler.h run on them unchanged (a point is an "image" of shape {2}).
//
// The fact the score view shows: with ε-prediction, ε̂(x_t, t) ≈ −√(1 − ᾱ_t) ∇ log q_t(x_t), so the
// network's score is s_θ(x, t) = −ε̂(x, t)/√(1 − ᾱ_t) (Ho et al. 2020, §3.2; Vincent 2011).
#pragma once

#include "diffusion.h"
#include "result.h"
#include "sampler.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ddpm::toy {

// An isotropic Gaussian mixture in 2-D: weights (summing to 1), means, and one variance a component.
struct GaussianMixture {
    std::vector<double> weights;
    std::vector<std::pair<double, double>> means;
    std::vector<double> variances;

    int components() const { return static_cast<int>(weights.size()); }
    // n points drawn with the seed, [n, 2]; `component` (optional) gets each point's component.
    torch::Tensor sample(int64_t n, uint64_t seed, std::vector<int>* component = nullptr) const;
    // The mixture diffused to ᾱ (q_t for ᾱ = ᾱ_t, the data for ᾱ = 1): components
    // N(√ᾱ μ_k, (ᾱ σ_k² + 1 − ᾱ) I). Log density [n], score ∇ log q [n, 2], and each component's
    // posterior probability given the point [n, K].
    torch::Tensor logDensity(const torch::Tensor& x, double alphaBar) const;
    torch::Tensor score(const torch::Tensor& x, double alphaBar) const;
    torch::Tensor responsibilities(const torch::Tensor& x, double alphaBar) const;
};

// Eight equal Gaussians on the unit circle, σ = 0.08 each (well apart: neighbours 0.77 away).
GaussianMixture ringOfEight();

// The toy data sets: "gmm8", "moons", "swissroll" (all within about [−1.3, 1.3]²) and "csv:FILE"
// (x, y per row, an optional header line). The names the command and the view list.
const std::vector<std::string>& toyDataNames();

// The samplers of the 2-D command and the score view, in the paper's and the score-based vocabulary alike:
// "ancestral" (or "ddpm": Algorithm 2), "pc" (Algorithm 2 with a Langevin corrector), "ddim" (η = 0, the
// probability flow), "langevin" (annealed) and "langevin-fixed". setSampler sets the kind, corrector and
// η of options for one of them, and refuses any other name.
const std::vector<std::string>& toySamplerNames();
Status setSampler(const std::string& name, SamplerOptions& options);
// The noise levels a 2-D sampler visits unless told (SamplerOptions::ddimSteps): DDIM's kToyDdimLevels,
// annealed Langevin's kToyLevels, and langevin-fixed visits its one level as often (the ancestral sampler
// visits every t whatever this says).
constexpr int kToyDdimLevels = 50, kToyLevels = 100;
inline int defaultToyLevels(SamplerKind kind)
{
    return kind == SamplerKind::Ddim ? kToyDdimLevels : kToyLevels;
}
Result<torch::Tensor> toyData(const std::string& spec, int64_t n, uint64_t seed);
// Points as CSV and back: "x,y" rows. Reading refuses rows that are not two finite numbers, with the
// line number, and more than limits::kMaxToyPoints rows.
Result<torch::Tensor> readPointsCsv(const std::string& path);
std::string pointsCsv(const torch::Tensor& points);

// ε̂ of the exact score: ε*(x, t) = −√(1 − ᾱ_t) ∇ log q_t(x), for the samplers (Denoiser) and tests.
Denoiser exactDenoiser(const GaussianMixture& mixture, const Diffusion& diffusion);

// The denoiser: x [N, 2] and t [N] to ε̂ [N, 2]. The U-Net's sinusoidal time embedding and two-layer
// embedding MLP, then residual blocks of width `width`, each adding its own projection of the embedding.
struct ToyMlpImpl : torch::nn::Module {
    explicit ToyMlpImpl(int64_t width = 128, int64_t blocks = 3);
    // The weights drawn again as LibTorch's Linear draws them (uniform within ±1/√fan_in), from a generator
    // seeded with `seed` rather than the process's global one: a run is repeated by its seed alone.
    void initialise(uint64_t seed);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& tIndex);

    int64_t width, embedDim;
    torch::nn::Linear embed1{nullptr}, embed2{nullptr}, in{nullptr}, out{nullptr};
    std::vector<torch::nn::Linear> first, tembProj, second; // of each block
};
TORCH_MODULE(ToyMlp);

struct ToyTrainOptions {
    int64_t steps = 4000;
    int batch = 256;
    double lr = 2e-3; // Adam; linear warm-up over the first 100 steps, then cosine decay to a tenth
    uint64_t seed = 0;
};

// What a training step reports.
struct ToyProgress {
    int64_t step = 0; // steps done
    double loss = 0;  // L_simple of the step's batch
};

// Algorithm 1 on the points: t uniform, ε ~ N(0, I), ‖ε − ε̂(√ᾱ_t x0 + √(1−ᾱ_t) ε, t)‖². onStep sees
// every step; returns false when cancelled. A non-finite loss stops it with an error.
Result<bool> trainToy(ToyMlp& model, const Diffusion& diffusion, const torch::Tensor& data,
                      const ToyTrainOptions& options, const std::function<void(const ToyProgress&)>& onStep = {},
                      const std::atomic<bool>* cancel = nullptr);

// The model and its schedule in a tensor file (tensorfile.h: no code, written atomically), and back:
// the width and block count come from the file's shapes, which are checked before any weight is read.
struct ToyModel {
    ToyMlp model{nullptr};
    ScheduleOptions schedule;
    std::string data; // the data set it was trained on
    int64_t steps = 0;
};
Status saveToyModel(const std::string& path, const ToyModel& model);
Result<ToyModel> loadToyModel(const std::string& path);

// The model as the samplers see it.
Denoiser toyDenoiser(ToyMlp& model);

// The mean relative error of a score field against the exact one at points x:
// mean ‖s_θ − s‖ / mean ‖s‖.
double scoreRelativeError(const torch::Tensor& learned, const torch::Tensor& exact);

// The share of points nearest each mixture component (by the data-level posterior), [K].
std::vector<double> componentShares(const GaussianMixture& mixture, const torch::Tensor& points);
// The share of points within `sigmas` standard deviations of some component's mean (Euclidean, in 2-D):
// the mixture's own samples score 1 − exp(−sigmas²/2) where the components lie apart (0.989 for 3σ);
// points between or beyond the modes, which componentShares still counts for the nearest one, do not.
double shareNearModes(const GaussianMixture& mixture, const torch::Tensor& points, double sigmas = 3.0);

} // namespace ddpm::toy
