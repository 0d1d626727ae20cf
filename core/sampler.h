// The reverse process: DDPM ancestral sampling (Ho et al. 2020, Algorithm 2), DDIM (Song et al.
// 2021, eq. 12), annealed Langevin dynamics with the network's score (Song & Ermon 2019) and a Langevin
// corrector after DDPM or DDIM steps (Song et al. 2021), driven one step at a time so that views can
// show every (t, x_t, x̂0, ε̂) and a user can cancel between steps. The tensors are images [N, C, H, W]
// or, for the 2-D toy (toy2d.h), points [N, 2].
#pragma once

#include "diffusion.h"
#include "imagenoise.h"
#include "options.h"
#include "result.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <optional>
#include <vector>

namespace ddpm {

// The names of samplerKindNames(), correctorKindNames() and varianceKindNames() (names.h), back to the kinds.
Result<SamplerKind> parseSamplerKind(const std::string& name);
Result<CorrectorKind> parseCorrectorKind(const std::string& name);
Result<VarianceKind> parseVarianceKind(const std::string& name); // also reads "betatilde"
Result<TimestepSpacing> parseTimestepSpacing(const std::string& name);
bool isLangevinSampler(SamplerKind kind); // Langevin or LangevinFixed

// The network as the samplers see it: output for (x_t, tIndex) in the diffusion's parametrisation.
using Denoiser = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& tIndex)>;
// A class-conditional network: labels [N] int64, kNoClass (−1) for "no class".
using ClassDenoiser =
    std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& tIndex, const torch::Tensor& labels)>;

// The label of each of the images first … first + n − 1 that `options` draw: options.classChoice, or
// (kEveryClass) (first + i) mod numClasses, or −1 for kUnconditional.
torch::Tensor sampleLabels(const SamplerOptions& options, int64_t first, int64_t n, int64_t numClasses);
// Classifier-free guidance: the output (1 + w)·net(x, t, labels) − w·net(x, t, ∅), both halves in one
// batched call (w = 0: one plain conditional call). The output is the network's parametrisation
// (ε, x0 or v): each is an affine function of ε̂ at a given (x_t, t) whose coefficients add up to 1 under
// this combination, so guiding it guides ε̂ the same way.
Denoiser guidedDenoiser(ClassDenoiser net, torch::Tensor labels, double guidance);

// A class as a user names it: "" or "none" (kUnconditional), "all" (kEveryClass), a class number, or a
// class name (letter case ignored).
Result<int> parseClassChoice(const std::string& text, const std::vector<std::string>& classNames);
// The class choice in words: "none", "all", or the class's name.
std::string classChoiceName(int choice, const std::vector<std::string>& classNames);

// Everything a sampler needs from a model.
struct Sampling {
    Diffusion diffusion;
    Denoiser denoiser;               // unconditional ("no class" for a class-conditional model)
    std::vector<int64_t> imageShape; // {C, H, W}
    ClassDenoiser classDenoiser;     // set for a class-conditional model
    std::vector<std::string> classNames;

    int64_t numClasses() const { return classDenoiser ? static_cast<int64_t>(classNames.size()) : 0; }
    // Whether `options` ask for a class or guidance this model can give (a message saying why not).
    Status checkClasses(const SamplerOptions& options) const;
    // The denoiser for images first … first + n − 1 of a run with `options` (classes and guidance).
    Denoiser denoiserFor(const SamplerOptions& options, int64_t first, int64_t n) const;
};

// One step as handed to the views: the state x_t before the step, and what the model made of it.
struct ReverseStep {
    int step = 0;     // 0-based count of steps taken
    int t = 0;        // paper timestep of x_t (1 … T)
    int tNext = 0;    // paper timestep reached by the step (0 at the end)
    torch::Tensor xt; // [N, C, H, W], on the CPU
    torch::Tensor x0Hat;
    torch::Tensor epsHat;
};

class ReverseProcess {
public:
    // Starts from pure noise x_T drawn with the seed.
    ReverseProcess(const Diffusion& diffusion, Denoiser denoiser, const SamplerOptions& options,
                   std::vector<int64_t> imageShape /* C, H, W */);
    // Starts from a given x_t at paper timestep startT ("denoise from here").
    ReverseProcess(const Diffusion& diffusion, Denoiser denoiser, const SamplerOptions& options, torch::Tensor xStart,
                   int startT);

    // Paper timesteps visited, from the start down to 1 (DDPM) or the DDIM subsequence.
    const std::vector<int>& timesteps() const { return m_timesteps; }
    int totalSteps() const { return static_cast<int>(m_timesteps.size()); }
    int stepsTaken() const { return m_next; }
    bool done() const { return m_next >= totalSteps(); }
    // Performs one step and returns what it saw. Call only while !done().
    ReverseStep next();
    // The current state (x_T at first, x_0 when done), on the diffusion's device.
    const torch::Tensor& current() const { return m_x; }
    // Runs the remaining steps; stops early and returns false when `cancel` becomes true.
    bool run(const std::atomic<bool>* cancel = nullptr, const std::function<void(const ReverseStep&)>& onStep = {});

private:
    void init(int startT);
    // x̂0 and ε̂ of x at paper timestep t, x̂0 clipped (and ε̂ made consistent) when the options say so.
    std::pair<torch::Tensor, torch::Tensor> predict(const torch::Tensor& x, int t);
    // langevinSteps annealed-Langevin steps at level t from x (epsHat: the network's output at x).
    torch::Tensor langevin(torch::Tensor x, int t, torch::Tensor epsHat);
    // langevinSteps corrector steps at level t.
    torch::Tensor correct(torch::Tensor x, int t);
    // Standard normal noise of x's shape, image i drawn from its own generator.
    torch::Tensor noiseLike(const torch::Tensor& like);

    const Diffusion& m_diffusion;
    Denoiser m_denoiser;
    SamplerOptions m_options;
    std::optional<ImageNoise> m_noise; // one generator per image
    torch::Tensor m_x;
    std::vector<int> m_timesteps;
    int m_next = 0;
};

// Runs the reverse process for options.count images in batches of at most `batch` (the whole count
// through the network at once is slower and needs memory in proportion). onChunk receives each
// chunk's process when it is done (its current() is x_0 of images firstImage … firstImage + n − 1);
// onStep, when given, sees every step of every chunk. Returns false when cancelled.
// With a Sampling, each chunk asks it for its denoiser (denoiserFor: classes and guidance).
bool sampleInChunks(const Sampling& sampling, const SamplerOptions& options, int batch,
                    const std::function<void(const ReverseProcess& chunk, int64_t firstImage)>& onChunk,
                    const std::function<void(const ReverseProcess& chunk, const ReverseStep& step)>& onStep = {},
                    const std::atomic<bool>* cancel = nullptr);
bool sampleInChunks(const Diffusion& diffusion, const Denoiser& denoiser, const SamplerOptions& options,
                    const std::vector<int64_t>& imageShape, int batch,
                    const std::function<void(const ReverseProcess& chunk, int64_t firstImage)>& onChunk,
                    const std::function<void(const ReverseProcess& chunk, const ReverseStep& step)>& onStep = {},
                    const std::atomic<bool>* cancel = nullptr);
// A batch size for sampling that the device handles well.
int defaultSamplingBatch(torch::Device device);

// DDIM's subsequence of paper timesteps in [1, startT], descending, `steps` long at most: evenly spaced
// with both ends (Linspace), or startT · (S − k) / S for k = 0 … S − 1, rounded (Trailing).
std::vector<int> ddimTimesteps(int startT, int steps, TimestepSpacing spacing = TimestepSpacing::Linspace);

// The one home of what a run visits and how much noise each step adds; ReverseProcess, the views and
// the commands all ask these. The paper timesteps a sampler visits from startT (T for a run from noise)
// down to 1:
// every one for DDPM, the subsequence of options.spacing for DDIM, the evenly spaced one for Langevin,
// langevin-fixed's one level repeated.
std::vector<int> samplerTimesteps(const SamplerOptions& options, int startT);
// Whether a run from noise of a model with T steps can take as many steps as `options` ask: DDIM and
// the annealed Langevin sampler visit at most T levels. (A run from x_t at startT < T is cut short to
// startT by samplerTimesteps; only the commands, which start from noise, hold a user to this.)
Status checkSamplerSteps(const SamplerOptions& options, int T);
// langevin-fixed's level for a run from startT.
int langevinFixedT(const SamplerOptions& options, int startT);
// Network evaluations of a run from startT: the honest measure of a sampler's cost (a corrector step or
// a Langevin step costs one, as a DDPM or DDIM step does).
int64_t samplerEvaluations(const SamplerOptions& options, int startT);
// The same for a run that visits `timesteps` (samplerTimesteps' list, as a run reports it).
int64_t samplerEvaluations(const SamplerOptions& options, const std::vector<int>& timesteps);
// σ of the step from paper timestep t to tNext (0 after the last step): DDPM (Ho et al. 2020,
// Algorithm 2) σ_t² = β_t or β̃_t (eq. 7), none at t = 1; DDIM (Song et al. 2021, eq. 16)
// σ = η √((1 − ᾱ_s)/(1 − ᾱ_t)) √(1 − ᾱ_t/ᾱ_s) with s = tNext and ᾱ_0 = 1; the Langevin samplers
// √η_t of each of their steps at t. 0 for a t outside 1 … T.
double samplerSigma(const NoiseSchedule& schedule, const SamplerOptions& options, int t, int tNext);
// Annealed Langevin's step size at t (1 … T): η_t = langevinStep · (1 − ᾱ_t), Song & Ermon's α_i ∝ σ_i².
double langevinStepSize(const NoiseSchedule& schedule, const SamplerOptions& options, int t);
// What turns the network's −ε̂ into the score ∇ log q(x_t) at t (1 … T): 1 / √(1 − ᾱ_t).
double scoreScale(const NoiseSchedule& schedule, int t);

} // namespace ddpm
