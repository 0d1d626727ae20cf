// `ddpm toy`: DDPM in two dimensions (core/toy2d.h). Trains the small MLP denoiser on a 2-D data set
// (or loads one, or uses the exact score of the eight-Gaussian ring), samples points with a chosen
// sampler and writes them as CSV. JSON on stdout: the loss, for gmm8 the learned score's error against
// the closed form and each mode's share of the samples, the network evaluations and the time.
#include "commands.h"

#include "atomicfile.h"
#include "device.h"
#include "losshistory.h"
#include "names.h"
#include "sampler.h"
#include "sizelimits.h"
#include "toy2d.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include <unistd.h>

namespace ddpm::cli {

namespace {

struct ToyArgs {
    CLI::App* command = nullptr;
    bool given(const char* option) const { return command->count(option) > 0; }
    std::string data = "gmm8", sampler = "ancestral", out, save, load, schedule = kDefaultSchedule;
    int64_t points = 20000, steps = toy::ToyTrainOptions{}.steps;
    int count = 2000, levels = 0, correctorSteps = SamplerOptions{}.langevinSteps, fixedT = SamplerOptions{}.fixedT,
        T = ScheduleOptions{}.steps, threads = 0;
    double snr = SamplerOptions{}.snr, langevinStep = SamplerOptions{}.langevinStep;
    uint64_t seed = 0;
    bool exact = false, replace = false;
};

// The sampler names of the 2-D command: the paper's and score-based vocabulary alike.
Result<SamplerOptions> samplerFor(const ToyArgs& a)
{
    SamplerOptions o;
    o.clipX0 = false; // points are not in [−1, 1]
    o.seed = a.seed;
    o.count = a.count;
    o.langevinSteps = a.correctorSteps;
    o.snr = a.snr;
    o.langevinStep = a.langevinStep;
    o.fixedT = a.fixedT;
    if (auto known = toy::setSampler(a.sampler, o); !known)
        return known.failure();
    o.ddimSteps = a.levels > 0 ? a.levels : toy::defaultToyLevels(o.kind);
    return o;
}

// The model to sample: loaded (--load), or a fresh MLP on the schedule asked for. 0, or an exit code.
int prepareModel(const ToyArgs& a, toy::ToyModel& model)
{
    if (!a.load.empty()) {
        auto loaded = toy::loadToyModel(a.load);
        if (!loaded)
            return fail(loaded.error());
        model = std::move(loaded.value());
        return 0;
    }
    auto kind = parseScheduleKind(a.schedule);
    if (!kind)
        return fail(kind.error(), 2);
    model.schedule.kind = kind.value();
    model.schedule.steps = a.T;
    if (auto valid = NoiseSchedule::create(model.schedule); !valid)
        return fail(valid.error(), 2);
    model.model = toy::ToyMlp();
    model.model->initialise(a.seed);
    model.data = a.data;
    return 0;
}

// Algorithm 1 on the data set's points, progress on stderr, then --save. 0, or an exit code.
int trainModel(const ToyArgs& a, toy::ToyModel& model, const Diffusion& diffusion, nlohmann::ordered_json& j)
{
    auto data = toy::toyData(a.data, a.points, a.seed);
    if (!data)
        return fail(data.failure());
    toy::ToyTrainOptions to;
    to.steps = a.steps;
    to.seed = a.seed;
    double emaLoss = NAN;
    auto last = std::chrono::steady_clock::now();
    const bool tty = ::isatty(STDERR_FILENO); // redrawn in place on a terminal, a line each in a log
    auto trained = toy::trainToy(
        model.model, diffusion, data.value(), to,
        [&](const toy::ToyProgress& p) {
            emaLoss = runningAverage(emaLoss, p.loss); // as the score view's toy training shows it
            const auto now = std::chrono::steady_clock::now();
            if (now - last > std::chrono::seconds(1) || p.step == to.steps) {
                last = now;
                std::fprintf(stderr, "%sddpm toy: step %lld of %lld, loss %.4f%s", tty ? "\r" : "",
                             static_cast<long long>(p.step), static_cast<long long>(to.steps), emaLoss,
                             tty ? "   " : "\n");
            }
        },
        &interrupted());
    if (tty)
        std::fprintf(stderr, "\n");
    if (!trained)
        return fail(trained.error());
    if (!trained.value())
        return failInterrupted();
    model.steps = a.steps;
    j["training_steps"] = a.steps;
    j["loss"] = emaLoss;
    if (!a.save.empty())
        if (auto s = toy::saveToyModel(a.save, model); !s)
            return fail(s.error());
    return 0;
}

// The learned score against the closed form, at points of q_t, at a tenth, a quarter and half of T.
nlohmann::ordered_json scoreErrors(const Denoiser& denoiser, const Diffusion& diffusion,
                                   const toy::GaussianMixture& mixture, uint64_t seed)
{
    nlohmann::ordered_json err;
    int previous = 0;
    for (int share : {10, 4, 2}) {
        const int t = std::max(1, diffusion.steps() / share); // t ≥ 1 however small T; each t once
        if (t == previous)
            continue;
        previous = t;
        const double abar = diffusion.schedule().alphaBar()[static_cast<size_t>(t - 1)];
        const auto x0 = mixture.sample(4000, seed + 1);
        const auto xt = std::sqrt(abar) * x0 + std::sqrt(1.0 - abar) * torch::randn_like(x0);
        const auto tIndex = torch::full({xt.size(0)}, t - 1, torch::kInt64);
        const auto learned = -denoiser(xt, tIndex) / std::sqrt(1.0 - abar);
        err["t=" + std::to_string(t)] = toy::scoreRelativeError(learned, mixture.score(xt, abar));
    }
    return err;
}

// Each mode's share of the samples, and how far they are from the mode they belong to, against the
// mixture's own σ = 0.08.
void describeRingSamples(const toy::GaussianMixture& mixture, const torch::Tensor& samples, nlohmann::ordered_json& j)
{
    j["mode_shares"] = toy::componentShares(mixture, samples);
    const auto r = mixture.responsibilities(samples, 1.0).argmax(1);
    double spread = 0;
    for (int64_t i = 0; i < samples.size(0); ++i) {
        const auto& mu = mixture.means[static_cast<size_t>(r[i].item<int64_t>())];
        spread += std::pow(samples[i][0].item<double>() - mu.first, 2) +
                  std::pow(samples[i][1].item<double>() - mu.second, 2);
    }
    j["rms_distance_to_mode"] = std::sqrt(spread / (2.0 * static_cast<double>(samples.size(0))));
}

// Settings a --load model fixes, and training settings with --exact (nothing is trained): refused rather
// than ignored. Returns 0, or 2 after the message.
int refuseUnusedSettings(const ToyArgs& a)
{
    if (!a.load.empty())
        for (const char* option : {"--data", "--schedule", "--T", "--steps", "--points"})
            if (a.given(option))
                return fail(std::string(option) +
                                ": the --load model has its own data set, schedule and training; "
                                "leave " +
                                option + " out",
                            2);
    if (a.exact)
        for (const char* option : {"--steps", "--points"})
            if (a.given(option))
                return fail(std::string(option) +
                                ": --exact samples with the mixture's exact score and trains no "
                                "network; leave " +
                                option + " out",
                            2);
    return 0;
}

int toy(const ToyArgs& a)
{
    configureThreads(a.threads); // 0: all cores, as in every command
    if (const int rc = checkTableOutput("--out", a.out))
        return rc;
    if (!a.save.empty()) // a model: written whole, and an existing file only replaced with --replace
        if (const int rc = checkModelOutput("--save", a.save, a.replace))
            return rc;
    if (!a.save.empty() && sameFile(a.out, a.save))
        return fail("--out and --save name the same file (" + a.out + "): give each its own", 2);
    if (!a.load.empty() && sameFile(a.out, a.load))
        return fail("--out " + a.out + " is the --load model: the points would replace it", 2);
    if (a.data.rfind("csv:", 0) == 0)
        for (const auto& [option, path] : {std::pair{"--out", a.out}, std::pair{"--save", a.save}})
            if (!path.empty() && sameFile(path, a.data.substr(4)))
                return fail(std::string(option) + " " + path + " is the --data file: it would replace the points", 2);
    auto sampler = samplerFor(a);
    if (!sampler)
        return fail(sampler.error(), 2);
    if (a.exact && a.data != "gmm8")
        return fail("--exact needs --data gmm8: only the mixture's score is known in closed form", 2);
    if (!a.save.empty() && (a.exact || !a.load.empty()))
        return fail(std::string("--save keeps a model this run trains; with ") + (a.exact ? "--exact" : "--load") +
                        " none is trained",
                    2);
    if (const int rc = refuseUnusedSettings(a))
        return rc;
    const auto start = std::chrono::steady_clock::now();
    stopOnSignals(false);

    toy::ToyModel model;
    if (const int rc = prepareModel(a, model); rc != 0)
        return rc;
    const int T = model.schedule.steps; // checked before the training, as ddpm sample checks --steps
    if (auto s = checkSamplerSteps(sampler.value(), T); !s && a.given("--levels"))
        return fail("--levels " + std::to_string(a.levels) + ": " + s.error(), 2);
    if (a.fixedT > T)
        return fail(
            "--fixed-t " + std::to_string(a.fixedT) + ": the model has T = " + std::to_string(T) + " noise levels", 2);
    nlohmann::ordered_json j;
    const std::string data = a.load.empty() ? a.data : model.data; // what the model was trained on
    j["data"] = data;
    const Diffusion diffusion(NoiseSchedule(model.schedule), Prediction::Epsilon);
    const auto mixture = toy::ringOfEight();
    if (a.load.empty() && !a.exact)
        if (const int rc = trainModel(a, model, diffusion, j); rc != 0)
            return rc;
    const Denoiser denoiser = a.exact ? toy::exactDenoiser(mixture, diffusion) : toy::toyDenoiser(model.model);
    if (data == "gmm8" && !a.exact)
        j["score_relative_error"] = scoreErrors(denoiser, diffusion, mixture, a.seed);

    ReverseProcess process(diffusion, denoiser, sampler.value(), {2});
    if (!process.run(&interrupted()))
        return failInterrupted();
    const torch::Tensor samples = process.current();
    if (auto s = writeFileAtomically(a.out, toy::pointsCsv(samples)); !s)
        return fail(s.error());
    j["sampler"] = a.sampler;
    j["samples"] = a.count;
    j["network_evaluations_per_sample"] = samplerEvaluations(sampler.value(), diffusion.steps());
    if (data == "gmm8")
        describeRingSamples(mixture, samples, j);
    j["out"] = a.out;
    j["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    printJson(j);
    return 0;
}

} // namespace

void addToyCommand(CommandLine& cli)
{
    auto a = std::make_shared<ToyArgs>();
    auto* c = cli.add("toy", "train and sample DDPM on 2-D points, where the score is known",
                      "trains the small MLP denoiser on a 2-D data set by Algorithm 1 (or loads one, or uses the "
                      "exact score of the eight-Gaussian ring), samples points with ancestral sampling, "
                      "predictor-corrector, DDIM, annealed Langevin dynamics or Langevin at one noise level, and "
                      "writes them as CSV (x,y per row)",
                      [a] { return toy(*a); });
    a->command = c;
    auto dataNames = toy::toyDataNames();
    dataNames.push_back("csv:FILE");
    addText(c, "--data", a->data, listOfChoices(dataNames), "DATA");
    addText(c, "--out", a->out, "the samples as CSV", "FILE")->required();
    addText(c, "--sampler", a->sampler, listOfChoices(toy::toySamplerNames()), "S");
    addNumber(c, "--steps", a->steps, 0, static_cast<double>(limits::kMaxSteps), "training steps", "N");
    addNumber(c, "--points", a->points, 1, static_cast<double>(limits::kMaxToyPoints), "training points drawn", "N");
    addNumber(c, "--count", a->count, 1, static_cast<double>(limits::kMaxToyPoints), "points to sample", "N");
    addNumber(c, "--levels", a->levels, 0, static_cast<double>(limits::kMaxTimesteps),
              "noise levels of ddim and langevin, visits of langevin-fixed (0: " + std::to_string(toy::kToyDdimLevels) +
                  " for ddim, else " + std::to_string(toy::kToyLevels) + ")",
              "L");
    addNumber(c, "--corrector-steps", a->correctorSteps, 1, static_cast<double>(limits::kMaxLangevinSteps),
              "Langevin steps per level (pc's corrector, langevin, langevin-fixed)", "K");
    addNumber(c, "--snr", a->snr, 0.0, limits::kMaxSnr, "the corrector's signal-to-noise ratio r", "R");
    addNumber(c, "--langevin-step", a->langevinStep, limits::kMinLangevinStep, limits::kMaxLangevinStep,
              "c in the Langevin step size η_t = c (1 − ᾱ_t)", "C");
    addNumber(c, "--fixed-t", a->fixedT, 0, static_cast<double>(limits::kMaxTimesteps),
              "langevin-fixed's level (0: " + std::to_string(kFixedLevelPercent) + " % of T)", "T");
    addText(c, "--schedule", a->schedule, listOfChoices(scheduleKindNames()), "S");
    addNumber(c, "--T", a->T, 2, static_cast<double>(limits::kMaxTimesteps), "diffusion steps", "T");
    addText(c, "--save", a->save, "save the trained model", "FILE");
    addText(c, "--load", a->load, "sample a model saved with --save instead of training", "FILE");
    c->add_flag("--replace", a->replace, "let --save overwrite an existing file");
    c->add_flag("--exact", a->exact, "sample with the mixture's exact score (gmm8 only), no network");
    addNumber(c, "--seed", a->seed, 0, limits::kMaxSeed, "training data, initialisation and sampling noise", "S");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
}

} // namespace ddpm::cli
