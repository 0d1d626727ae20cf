// `ddpm interpolate` (Qt build): walk between two data-set images (core/interpolation.h) and write the walk
// as a PNG grid: a row per shown step of the denoising (the last row the images it ends at), the two
// images themselves at the ends of each row, with a sidecar of how it was made.
#include "commands.h"

#include "exporter.h"
#include "imageio.h"
#include "interpolation.h"
#include "modelstate.h"
#include "pixels.h"
#include "samplingoptions.h"
#include "sha256.h"
#include "sizelimits.h"

#include <QFile>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace ddpm::cli {

namespace {

struct InterpolateArgs {
    CLI::App* command = nullptr;
    std::string checkpoint, data = "fashion-mnist:test", out, mode = "ddpm", classChoice,
                            weights = weightsNames().front(), device = deviceNames().front(),
                            precision = precisionNames().front();
    int64_t a = 0, b = 1;
    int frames = 1, scale = 2, threads = 0;
    bool noClip = false;
    InterpolationOptions options;
    bool given(const char* option) const { return command->count(option) > 0; }
};

// Image i of the data set as the model takes it, [C, H, W] in [−1, 1].
Result<torch::Tensor> imageOf(const Dataset& data, int64_t i, const char* option)
{
    if (i < 0 || i >= data.size())
        return Error(std::string(option) + " " + std::to_string(i) + ": the data set has images 0 to " +
                     std::to_string(data.size() - 1));
    return pixelsToModel(data.images[i]);
}

// Rows of the grid: the state at `frames` evenly spaced steps of the denoising (the mixtures first, the
// images last), each between the two images.
QList<QImage> walkGrid(const Sampling& model, const InterpolationRun& run, int frames, const torch::Tensor& a,
                       const torch::Tensor& b)
{
    std::vector<torch::Tensor> rows;
    if (run.startT > 0) {
        ReverseProcess rp(model.diffusion, model.denoiserFor(run.sampler, 0, run.sampler.count), run.sampler, run.start,
                          run.startT);
        // The states before steps 0, total/(frames − 1), … (all but the last row), then the images made.
        const int total = rp.totalSteps();
        std::vector<int> shown;
        for (int k = 0; k + 1 < frames; ++k)
            shown.push_back(static_cast<int>(std::lround(static_cast<double>(total) * k / (frames - 1))));
        rp.run(&interrupted(), [&](const ReverseStep& s) {
            if (std::find(shown.begin(), shown.end(), s.step) != shown.end())
                rows.push_back(s.xt.to(torch::kCPU));
        });
        rows.push_back(rp.current().to(torch::kCPU));
    } else {
        rows.push_back(run.start.to(torch::kCPU));
    }
    QList<QImage> grid;
    for (const auto& row : rows) {
        grid << tensorToImage(a);
        grid << batchToImages(row);
        grid << tensorToImage(b);
    }
    return grid;
}

// --t (DDPM) or --steps (DDIM) against the model's T, said with the option's name before the data set
// loads; the other one, given, is said to be unused. Returns 0, or 2 after the message.
int checkWalkSteps(const InterpolateArgs& a, const InterpolationOptions& o, int T)
{
    const bool ddim = o.mode == InterpolationMode::Ddim;
    if (a.given(ddim ? "--t" : "--steps")) // said, so that a user does not think the walk used it
        std::fprintf(stderr, "ddpm: note: %s is for --mode %s; this walk (--mode %s) does not use it\n",
                     ddim ? "--t" : "--steps", ddim ? "ddpm" : "ddim", a.mode.c_str());
    if (o.mode == InterpolationMode::Ddpm && o.t > T)
        return fail("--t " + std::to_string(o.t) + ": the model has T = " + std::to_string(T) +
                        " steps; --t takes 0 (the pixels mixed) … " + std::to_string(T),
                    2);
    if (o.mode == InterpolationMode::Ddim) {
        SamplerOptions steps;
        steps.kind = SamplerKind::Ddim;
        steps.ddimSteps = o.ddimSteps;
        if (auto s = checkSamplerSteps(steps, T); !s)
            return fail("--steps " + std::to_string(o.ddimSteps) + ": " + s.error(), 2);
    }
    return 0;
}

// The walk's sidecar: what drew it, and what it takes to draw it again (`rows` of it were drawn).
ExportMeta walkMeta(const InterpolateArgs& a, const ModelState& model, const Sampling& sampling,
                    const InterpolationOptions& o, const InterpolationRun& run, int rows)
{
    ExportMeta meta;
    meta.kind = QStringLiteral("interpolation");
    meta.scale = a.scale;
    meta.seed = o.seed;
    meta.sampler = QString::fromStdString(interpolationModeName(o.mode));
    meta.steps = o.mode == InterpolationMode::Ddim ? o.ddimSteps : o.t;
    meta.schedule = QString::fromStdString(scheduleKindName(model.config.schedule.kind));
    if (o.mode == InterpolationMode::Ddpm) // DDIM's decoding has no σ_t² to choose
        meta.variance = QString::fromStdString(varianceKindName(run.sampler.variance));
    else {
        meta.eta = run.sampler.eta; // η = 0: the inversion and the decoding are deterministic
        meta.spacing = QString::fromStdString(timestepSpacingName(run.sampler.spacing));
    }
    meta.clipX0 = run.sampler.clipX0;
    if (!sampling.classNames.empty()) {
        meta.classChoice = QString::fromStdString(classChoiceName(o.classChoice, sampling.classNames));
        meta.guidance = o.guidance;
    }
    meta.weights = QString::fromStdString(a.weights);
    meta.preset = QString::fromStdString(model.config.preset);
    meta.trainingStep = model.step;
    meta.checkpointSha256 = QString::fromStdString(ddpm::sha256OfFile(a.checkpoint)); // by its bytes
    meta.walk = QJsonObject{{QStringLiteral("data"), QString::fromStdString(a.data)},
                            {QStringLiteral("a"), static_cast<qint64>(a.a)},
                            {QStringLiteral("b"), static_cast<qint64>(a.b)},
                            {QStringLiteral("lambdas"), o.lambdas},
                            {QStringLiteral("mode"), QString::fromStdString(a.mode)},
                            {QStringLiteral("start_t"), run.startT},
                            // the rows drawn: one where the walk starts at t = 0, or fewer steps than --frames
                            {QStringLiteral("frames"), rows}};
    return meta;
}

int interpolate(const InterpolateArgs& a, const Environment& env)
{
    if (sameFile(a.out, a.checkpoint))
        return fail("--out " + a.out + " is the checkpoint: the image would replace the model", 2);
    if (auto w = checkImageOutput(a.out); !w) // before the walk, not after it
        return fail("--out " + a.out + ": " + w.error(), 2);
    InterpolationOptions o = a.options;
    const auto mode = parseInterpolationMode(a.mode);
    if (!mode)
        return fail(mode.error(), 2);
    o.mode = mode.value();
    o.clipX0 = !a.noClip;
    const auto weights = parseWeights(a.weights);
    const auto compute = computeOptions(a.threads, a.device, a.precision);
    if (!weights || !compute)
        return fail(!weights ? kWeightsRefusal : compute.error(), 2);
    auto opened = openForSampling(a.checkpoint, compute->device, compute->precision, weights.value());
    if (!opened)
        return fail(opened.error());
    const auto& model = opened->sampling;
    const auto choice = parseClassChoice(a.classChoice, model.classNames);
    if (!choice || choice.value() == kEveryClass)
        return fail(choice ? std::string("--class: one class, or none") : choice.error(), 2);
    o.classChoice = choice.value();
    const int T = model.diffusion.steps();
    if (!a.given("--t")) // halfway, whatever the model's T (the studio's default too)
        o.t = defaultWalkT(T);
    if (const int rc = checkWalkSteps(a, o, T))
        return rc;
    if (!a.given("--guidance")) // as `sample`: a class is guided with the default weight, no class is not
        o.guidance = o.classChoice == kUnconditional ? 0.0 : kDefaultGuidance;
    auto data = loadDataSpec(a.data, model.imageShape[0], model.imageShape[1], env.folderLoader);
    if (!data)
        return fail(data.failure());
    const auto imageA = imageOf(data.value(), a.a, "--a"), imageB = imageOf(data.value(), a.b, "--b");
    if (!imageA || !imageB)
        return fail(!imageA ? imageA.error() : imageB.error(), 2);
    stopOnSignals(false);
    auto run = prepareInterpolation(model, imageA.value(), imageB.value(), o, &interrupted());
    if (!run)
        return fail(run.error(), 2);
    if (!run->start.defined())
        return failInterrupted();
    const auto grid = walkGrid(model, run.value(), a.frames, imageA.value(), imageB.value());
    if (interrupted().load())
        return failInterrupted();
    const ExportMeta meta =
        walkMeta(a, opened->model, model, o, run.value(), static_cast<int>(grid.size() / (o.lambdas + 2)));
    if (auto s = exportImage(makeGrid(grid, o.lambdas + 2, 2, a.scale), QFile::decodeName(a.out.c_str()), meta); !s)
        return fail(s.error());
    std::fprintf(stderr, "ddpm: wrote %s: images %lld and %lld of %s, %s at %s, %d values of λ\n", a.out.c_str(),
                 static_cast<long long>(a.a), static_cast<long long>(a.b), a.data.c_str(), a.mode.c_str(),
                 o.mode == InterpolationMode::Ddim ? "x_T" : ("t = " + std::to_string(o.t)).c_str(), o.lambdas);
    return 0;
}

} // namespace

void addInterpolateCommand(CommandLine& cli, const Environment& env)
{
    auto a = std::make_shared<InterpolateArgs>();
    auto* c = cli.add("interpolate", "walk between two images: noise, mix and denoise (or invert with DDIM)",
                      "interpolate between two data-set images (Ho et al. 2020, Fig. 8): both noised to t with the "
                      "same noise, mixed (1 − λ) x_t^a + λ x_t^b and denoised with the same reverse noise; or, with "
                      "--mode ddim, both inverted to x_T, interpolated spherically and decoded",
                      [a, env] { return interpolate(*a, env); });
    a->command = c;
    addText(c, "--checkpoint", a->checkpoint, "the trained checkpoint", "CKPT")->required();
    addText(c, "--out", a->out, "the walk as a PNG grid (the two images at the ends of each row)", "PNG")->required();
    addText(c, "--data", a->data, "the data set the two images come from", "SPEC");
    addNumber(c, "--a", a->a, 0, static_cast<double>(limits::kMaxImages), "the first image's index", "I");
    addNumber(c, "--b", a->b, 0, static_cast<double>(limits::kMaxImages), "the second image's index", "J");
    addNumber(c, "--t", a->options.t, 0, static_cast<double>(limits::kMaxTimesteps),
              "ddpm: the timestep both are noised to (0: mix the pixels); the model's T / 2 when not given", "T")
        ->default_str("");
    addText(c, "--mode", a->mode, "ddpm (noise, mix, denoise) or ddim (invert, slerp, decode)", "M");
    addNumber(c, "--lambdas", a->options.lambdas, 2, static_cast<double>(limits::kMaxWalkImages),
              "images of the walk, λ from 0 to 1", "N");
    addNumber(c, "--steps", a->options.ddimSteps, 1, static_cast<double>(limits::kMaxTimesteps),
              "ddim: steps of the inversion and the decoding", "S");
    addNumber(c, "--frames", a->frames, 1, static_cast<double>(limits::kMaxWalkFrames),
              "rows: the walk at this many steps of the denoising", "K");
    addNumber(c, "--seed", a->options.seed, 0, limits::kMaxSeed, "the forward and reverse noise", "S");
    addText(c, "--class", a->classChoice, "a class-conditional model's class for both (its number or name)", "K");
    addGuidanceOption(c, a->options.guidance, "with a class when not given, 0 without one");
    c->add_flag("--no-clip", a->noClip, "do not clip x̂0 to [-1, 1] while denoising");
    addNumber(c, "--scale", a->scale, 1, static_cast<double>(limits::kMaxExportScale), "enlarge images by this factor",
              "N");
    addText(c, "--weights", a->weights, kWeightsHelp, "W");
    addText(c, "--device", a->device, kDeviceHelp, "D");
    addText(c, "--precision", a->precision, kPrecisionHelp, "P");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
}

} // namespace ddpm::cli
