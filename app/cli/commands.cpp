// The engine's commands other than train (traincommand.cpp): schedule, info, convert, export, bench,
// selfcheck and train-classifier.
#include "commands.h"

#include "modelfile.h"
#include "classifier.h"
#include "config.h"
#include "dataset.h"
#include "device.h"
#include "oracle.h"
#include "pixels.h"
#include "precision.h"
#include "sampler.h"
#include "schedule.h"
#include "sizelimits.h"
#include "sha256.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <memory>
#include <unistd.h>
#include <variant>

namespace ddpm::cli {

namespace {

// ", N bytes" for a file; nothing for a pipe or a device, which have no size.
std::string sizeOfWritten(const std::string& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? std::string() : ", " + std::to_string(size) + " bytes";
}

// ---------------------------------------------------------------------------------------------

struct ScheduleArgs {
    CLI::App* command = nullptr;
    std::string kind = kDefaultSchedule;
    ScheduleOptions options;
    bool given(const char* option) const { return command->count(option) > 0; }
};

int schedule(const ScheduleArgs& a)
{
    ScheduleOptions o = a.options;
    auto kind = parseScheduleKind(a.kind);
    if (!kind)
        return fail(kind.error(), 2);
    o.kind = kind.value();
    if (o.kind == ScheduleKind::Cosine && (a.given("--beta-start") || a.given("--beta-end")))
        std::fprintf(stderr, "ddpm: note: the cosine schedule is set by ᾱ_t alone (Nichol & Dhariwal 2021); "
                             "--beta-start and --beta-end are for the other kinds and are not used\n");
    auto s = NoiseSchedule::create(o);
    if (!s)
        return fail(s.error(), 2);
    std::string out = "t,beta,alpha,alpha_bar,sqrt_alpha_bar,sqrt_one_minus_alpha_bar,posterior_variance,snr\n";
    char row[512];
    for (int i = 0; i < s->steps(); ++i) {
        const auto k = static_cast<size_t>(i);
        std::snprintf(row, sizeof row, "%d,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g\n", i + 1, s->beta()[k],
                      s->alpha()[k], s->alphaBar()[k], s->sqrtAlphaBar()[k], s->sqrtOneMinusAlphaBar()[k],
                      s->posteriorVariance()[k], s->snr()[k]);
        out += row;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

void noteBusyCores(int threads)
{
    // Every core is taken (0) while other programs keep some busy: OpenMP's threads wait for the slowest
    // at each step, and those sharing a core get a slice of it (16 DDIM-10 samples beside two busy
    // threads on two cores: 4.3 s on both, 2.4 s with --threads 1; 37 s beside a build). The count stays
    // the user's: it decides the bits of the result.
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency())), free = freeCpuCores();
    if (threads == 0 && free < cores)
        std::fprintf(stderr,
                     "ddpm: note: other programs are busy on these %d cores: this runs a thread on each and waits "
                     "for the slowest; --threads %d may be much faster\n",
                     cores, free);
}

} // namespace

Result<Compute> computeOptions(int threads, const std::string& device, const std::string& precision)
{
    const unsigned cores = std::thread::hardware_concurrency();
    if (cores > 0 && threads > static_cast<int>(cores)) // each waits on the others: 8 on 2 cores, 3× slower
        std::fprintf(stderr, "ddpm: note: --threads %d is more than the %u cores here, which slows LibTorch down\n",
                     threads, cores);
    configureThreads(threads);
    auto d = parseDevice(device);
    if (!d)
        return d.failure();
    if (d->is_cpu())
        noteBusyCores(threads);
    auto p = parsePrecision(precision, d.value());
    if (!p)
        return p.failure();
    return Compute{d.value(), p.value()};
}

namespace {

// The configuration as nested JSON objects: "model.ch" is {"model": {"ch": …}}.
nlohmann::json configJson(const ModelConfig& c)
{
    auto o = nlohmann::json::object();
    for (const auto& field : configFields()) {
        if (!field.listed)
            continue;
        std::string pointer = std::string("/") + field.key;
        for (char& ch : pointer)
            ch = ch == '.' ? '/' : ch;
        o[nlohmann::json::json_pointer(pointer)] =
            std::visit([](const auto& v) { return nlohmann::json(v); }, field.get(c));
    }
    return o;
}

int info(const std::vector<std::string>& paths)
{
    if (paths.empty())
        return fail("usage: ddpm info CKPT", 2);
    // `info A --checkpoint B` names two models; info describes one, and which one is not for us to guess.
    if (paths.size() > 1) {
        std::string named;
        for (const auto& p : paths)
            named += (named.empty() ? "" : ", ") + p;
        return fail("ddpm info describes one checkpoint; got " + std::to_string(paths.size()) + " (" + named +
                        "): run it once for each",
                    2);
    }
    const std::string& path = paths.front();
    auto loaded = loadCheckpoint(path, torch::kCPU);
    if (!loaded)
        return fail(loaded.error());
    const auto& m = loaded.value();
    nlohmann::json o = configJson(m.config);
    o["format_version"] = m.formatVersion;
    o["step"] = m.step;
    o["params"] = m.model->parameterCount();
    if (!m.lossHistory.empty())
        o["last_loss"] = static_cast<double>(m.lossHistory.back().loss);
    o["loss_points"] = m.lossHistory.size();
    o["sampling_only"] = m.samplingOnly;
    o["sha256"] = sha256OfFile(path);
    printJson(o);
    return 0;
}

// ---------------------------------------------------------------------------------------------

struct ExportArgs {
    std::string checkpoint, out;
    bool half = false;
    bool replace = false;
};

int exportCheckpoint(const ExportArgs& a)
{
    if (a.checkpoint.empty() || a.out.empty())
        return fail("usage: ddpm export --checkpoint CKPT --out FILE [--half]", 2);
    if (sameFile(a.checkpoint, a.out)) // it would drop the training state for good
        return fail("--out " + a.out +
                        " is the checkpoint itself: the export leaves out the training weights and the "
                        "optimizer; write it to another file",
                    2);
    if (const int rc = checkModelOutput("--out", a.out, a.replace))
        return rc;
    if (auto s = exportSamplingCheckpoint(a.checkpoint, a.out, a.half); !s)
        return fail(s.error());
    // On stderr, as every command's progress: --out may be stdout itself.
    std::fprintf(stderr, "ddpm: wrote %s (a checkpoint for sampling%s)\n", a.out.c_str(), sizeOfWritten(a.out).c_str());
    return 0;
}

// ---------------------------------------------------------------------------------------------

struct TrainClassifierArgs {
    std::string data = "fashion-mnist:train", test = "fashion-mnist:test", out, device = deviceNames().front();
    ClassifierTrainOptions options;
    int threads = 0;
    bool replace = false;
};

int trainClassifierCommand(TrainClassifierArgs a, const Environment& env)
{
    a.test = testDataSpec(a.test); // "fashion-mnist", "mnist:DIR": their test images
    if (sameDataSpec(a.test, a.data))
        std::fprintf(stderr,
                     "ddpm: note: --test and --data name the same images (%s): the accuracy is measured "
                     "on the images the classifier trained on\n",
                     a.data.c_str());
    if (a.out.empty())
        return fail("--out FILE is required", 2);
    if (const int rc = checkModelOutput("--out", a.out, a.replace))
        return rc;
    ClassifierTrainOptions o = a.options;
    configureThreads(a.threads);
    auto device = parseDevice(a.device);
    if (!device)
        return fail(device.error(), 2);
    if (device->is_cpu())
        noteBusyCores(a.threads);
    o.device = device.value();
    auto train = loadDataSpec(a.data, 1, kClassifierImageSize, env.folderLoader);
    if (!train)
        return fail(train.failure());
    auto test = loadDataSpec(a.test, 1, kClassifierImageSize, env.folderLoader);
    if (!test)
        return fail(test.failure());

    stopOnSignals(true);
    const bool tty = ::isatty(STDERR_FILENO);
    std::fprintf(stderr, "ddpm: training a classifier on %s (%lld images) for %d epoch%s on %s, seed %llu\n",
                 a.data.c_str(), static_cast<long long>(train->size()), o.epochs, o.epochs == 1 ? "" : "s",
                 deviceDescription(o.device).c_str(), static_cast<unsigned long long>(o.seed));
    const auto t0 = std::chrono::steady_clock::now();
    auto trained = trainClassifier(
        train.value(), test.value(), o,
        [&](const ClassifierProgress& s) {
            const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (s.testAccuracy >= 0) {
                std::fprintf(stderr, "%sepoch %d/%d  loss %.4f  test accuracy %.2f%%  %s\n",
                             tty ? "\r" : "ddpm train-classifier: ", s.epoch, s.epochs, s.loss, 100.0 * s.testAccuracy,
                             formatDuration(secs).c_str());
            } else if (tty || s.step % 200 == 0) {
                std::fprintf(stderr, "%sepoch %d/%d  step %lld/%lld  loss %.4f  %s%s",
                             tty ? "\r" : "ddpm train-classifier: ", s.epoch, s.epochs, static_cast<long long>(s.step),
                             static_cast<long long>(s.totalSteps), s.loss, formatDuration(secs).c_str(),
                             tty ? "   " : "\n");
            }
        },
        &interrupted());
    if (!trained && interrupted().load()) // 128 + the signal, as every command stopped by one
        return failInterrupted();
    if (!trained)
        return fail(trained.error());
    if (auto s = saveClassifier(trained.value(), a.out); !s)
        return fail(s.error());
    std::fprintf(stderr, "ddpm: wrote %s (%lld parameters%s)\n", a.out.c_str(),
                 static_cast<long long>(trained->net->parameterCount()), sizeOfWritten(a.out).c_str());
    std::printf("test accuracy %.2f%% on %lld images of %s\n", 100.0 * trained->testAccuracy,
                static_cast<long long>(trained->testCount), a.test.c_str());
    return 0;
}

// ---------------------------------------------------------------------------------------------

torch::Tensor sampleOn(torch::Device device, SamplerOptions o, const torch::Tensor& x0Star)
{
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon, device);
    ReverseProcess rp(diffusion, singleImageOracle(diffusion, x0Star.to(device)), o,
                      {x0Star.size(0), x0Star.size(1), x0Star.size(2)});
    rp.run();
    return rp.current().to(torch::kCPU);
}

} // namespace

FolderLoader folderLoaderWithoutQt()
{
    return [](const std::string& dir, int64_t, int64_t) -> Result<Dataset> {
        return Error("'folder:" + dir +
                     "': image folders are read with Qt's image readers, and this ddpm was built without Qt "
                     "(-DDDPM_WITH_QT=OFF); convert the images to IDX or CIFAR-10 binary files, or use the Qt build");
    };
}

void addEngineCommands(CommandLine& cli, const Environment& env)
{
    addScheduleCommand(cli);
    addTrainCommand(cli, env);
    addInfoCommand(cli);
    addExportCommand(cli);
    addConvertCommand(cli);
    addBenchCommand(cli);
    addSelfcheckCommand(cli);
    addTrainClassifierCommand(cli, env);
    addNllCommand(cli, env);
    addToyCommand(cli);
}

void addScheduleCommand(CommandLine& cli)
{
    auto a = std::make_shared<ScheduleArgs>();
    auto* c = cli.add("schedule", "print a noise schedule as CSV", "print a noise schedule as CSV",
                      [a] { return schedule(*a); });
    a->command = c;
    addText(c, "--kind", a->kind, listOfChoices(scheduleKindNames()), "K");
    addNumber(c, "--steps", a->options.steps, 1, static_cast<double>(limits::kMaxTimesteps),
              "number of diffusion steps T", "T");
    addNumber(c, "--beta-start", a->options.betaStart, 0, 1, "β_1", "B0");
    addNumber(c, "--beta-end", a->options.betaEnd, 0, 1, "β_T", "B1");
}

void addInfoCommand(CommandLine& cli)
{
    auto path = std::make_shared<std::vector<std::string>>();
    auto* c = cli.add("info", "print a checkpoint's configuration as JSON",
                      "print a checkpoint's configuration and step as JSON", [path] { return info(*path); });
    c->add_option("CKPT,--checkpoint", *path, "the checkpoint to describe (bare, or after --checkpoint)")
        ->type_name("")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

int convert(const std::string& in, const std::string& out, bool replace)
{
    if (in.empty() || out.empty())
        return fail("usage: ddpm convert OLD NEW", 2);
    // In place, the model stays (the file is replaced atomically); another file is a new model's output.
    if (!sameFile(in, out))
        if (const int rc = checkModelOutput("NEW", out, replace))
            return rc;
    std::string kind;
    if (auto s = convertCheckpoint(in, out, &kind); !s)
        return fail(s.error());
    std::fprintf(stderr, "ddpm: wrote %s (%s) in checkpoint format %d\n", out.c_str(), kind.c_str(),
                 kCheckpointVersion);
    return 0;
}

void addConvertCommand(CommandLine& cli)
{
    auto in = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    auto replace = std::make_shared<bool>(false);
    auto* c = cli.add("convert", "rewrite an older checkpoint or classifier in the current format",
                      "rewrite a checkpoint or classifier of an older format (a LibTorch archive) as a safetensors "
                      "file that runs no code when opened; the old file is read only if it carries no code",
                      [in, out, replace] { return convert(*in, *out, *replace); });
    c->add_option("OLD", *in, "the file to read")->type_name("");
    c->add_option("NEW", *out, "the file to write (OLD itself converts in place)")->type_name("");
    c->add_flag("--replace", *replace, "overwrite an existing NEW");
}

void addExportCommand(CommandLine& cli)
{
    auto a = std::make_shared<ExportArgs>();
    auto* c = cli.add("export", "write a small checkpoint for sampling only (EMA weights)",
                      "write a checkpoint for sampling only (EMA weights, no optimizer), as the studio's demo model is "
                      "shipped",
                      [a] { return exportCheckpoint(*a); });
    addText(c, "--checkpoint", a->checkpoint, "the trained checkpoint to read", "CKPT")->required();
    addText(c, "--out", a->out, "the sampling-only checkpoint to write", "FILE")->required();
    c->add_flag("--replace", a->replace, "overwrite an existing --out");
    c->add_flag("--half", a->half,
                "store the weights in fp16: half the size, but the images are no longer bit-identical");
}

void addBenchOptions(CLI::App* app, BenchOptions& o)
{
    addText(app, "--model", o.model, listOfChoices(unetPresetNames()), "PRESET");
    addNumber(app, "--batch", o.batch, 1, limits::kMaxBatch, "images per step", "B");
    addNumber(app, "--iters", o.iters, 1, 100000, "timed steps", "N");
    addNumber(app, "--warmup", o.warmup, 0, 100000, "untimed steps first", "W");
    addText(app, "--device", o.device, kDeviceHelp, "D");
    addNumber(app, "--threads", o.threads, 0, limits::kMaxThreads, kThreadsHelp, "N");
    addText(app, "--precision", o.precision, kPrecisionHelp, "P");
}

int bench(const BenchOptions& options)
{
    // A name that no preset, device or precision has is a usage error, as for every other command.
    if (auto c = computeOptions(options.threads, options.device, options.precision); !c)
        return fail(c.error(), 2);
    if (auto c = makeConfig(options.model); !c)
        return fail(c.error(), 2);
    auto r = runBench(options);
    if (!r)
        return fail(r.error());
    std::printf("%s\n", benchToJson(r.value()).c_str());
    return 0;
}

void addBenchCommand(CommandLine& cli)
{
    auto o = std::make_shared<BenchOptions>();
    auto* c = cli.add("bench", "measure training and denoising throughput",
                      "measure the U-Net's throughput and print one JSON line: training steps (forward, backward, "
                      "Adam) in images/s and no-grad denoising passes in image-steps/s",
                      [o] { return bench(*o); });
    addBenchOptions(c, *o);
}

void addSelfcheckOptions(CLI::App* app, std::string& device)
{
    addText(app, "--device", device, kDeviceHelp, "D");
}

int selfcheck(const std::string& deviceName)
{
    auto device = parseDevice(deviceName);
    if (!device)
        return fail(device.error(), 2);
    auto shapes = makeSyntheticShapes(1, 1, 32, 7);
    auto x0Star = pixelsToModel(shapes.images[0]);

    struct Case {
        const char* name;
        SamplerKind kind;
        VarianceKind var;
        double eta;
        SamplerOptions options(int levels, int count, uint64_t seed) const
        {
            SamplerOptions o;
            o.kind = kind;
            o.variance = var;
            o.eta = eta;
            o.ddimSteps = levels;
            o.count = count;
            o.seed = seed;
            return o;
        }
    };
    const Case cases[] = {{"ddpm-beta", SamplerKind::Ddpm, VarianceKind::Beta, 0},
                          {"ddpm-beta-tilde", SamplerKind::Ddpm, VarianceKind::BetaTilde, 0},
                          {"ddim-eta0", SamplerKind::Ddim, VarianceKind::BetaTilde, 0.0},
                          {"ddim-eta1", SamplerKind::Ddim, VarianceKind::BetaTilde, 1.0}};
    bool ok = true;
    for (const auto& c : cases) {
        const SamplerOptions o = c.options(50, 8, 42);
        auto onDevice = sampleOn(device.value(), o, x0Star);
        auto onCpu = sampleOn(torch::kCPU, o, x0Star);
        const double errTruth = (onDevice - x0Star).abs().max().item<double>();
        const double errCpu = (onDevice - onCpu).abs().max().item<double>();
        const bool pass = errTruth < 1e-3 && errCpu < 1e-3;
        ok = ok && pass;
        std::printf("{\"check\": \"%s\", \"device\": \"%s\", \"max_err_vs_x0\": %.3g, \"max_err_vs_cpu\": %.3g, "
                    "\"pass\": %s}\n",
                    c.name, deviceDescription(device.value()).c_str(), errTruth, errCpu, pass ? "true" : "false");
        std::fflush(stdout);
    }
    // The last step outputs x̂0 whatever x_1 is, so the image coming back checks that step alone. The
    // whole chain: Gaussian data and its exact denoiser, and the x_t each sampler passes near
    // t = 750, 500, 250, 100 and 15 (and x_0) against the moments its steps must give, within five
    // standard errors over 32,000 pixels.
    for (const auto& c : cases) {
        const SamplerOptions o = c.options(100, 500, 5);
        const double mu = 0.3, sd = 0.2;
        Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon, device.value());
        const auto checks = checkGaussianChain(diffusion, gaussianOracle(diffusion, mu, sd), o, mu, sd, {1, 8, 8});
        bool pass = !checks.empty();
        const MarginalCheck* worst = nullptr;
        for (const auto& m : checks) {
            pass = pass && m.pass;
            if (!worst || !(m.z <= worst->z)) // NaN counts as worst
                worst = &m;
        }
        ok = ok && pass;
        std::printf("{\"check\": \"%s-chain\", \"device\": \"%s\", \"frames\": %zu, \"worst_t\": %d, "
                    "\"worst_standard_errors\": %.3g, \"pass\": %s}\n",
                    c.name, deviceDescription(device.value()).c_str(), checks.size(), worst ? worst->t : -1,
                    worst ? worst->z : 0.0, pass ? "true" : "false");
        std::fflush(stdout);
    }
    return ok ? 0 : 1;
}

void addSelfcheckCommand(CommandLine& cli)
{
    auto device = std::make_shared<std::string>("cpu");
    auto* c =
        cli.add("selfcheck", "check the samplers against an exact denoiser on a device and the CPU",
                "check the samplers (DDPM, DDIM) against exact denoisers on the device: a one-image data set must "
                "come back (and match the CPU), and for Gaussian data every x_t along the chain must have the "
                "mean and variance its steps give; one JSON line per check",
                [device] { return selfcheck(*device); });
    addSelfcheckOptions(c, *device);
}

void addTrainClassifierCommand(CommandLine& cli, const Environment& env)
{
    auto a = std::make_shared<TrainClassifierArgs>();
    auto* c = cli.add("train-classifier", "train the Fashion-MNIST classifier that quality uses",
                      "train the Fashion-MNIST classifier that `ddpm quality` uses",
                      [a, env] { return trainClassifierCommand(*a, env); });
    addText(c, "--data", a->data, "training images with labels (grey, read at 28×28)", "SPEC");
    addText(c, "--test", a->test,
            "test images with labels, for the accuracy (a data set with a test split means that split unless one "
            "is named)",
            "SPEC");
    addText(c, "--out", a->out, "classifier file to write", "FILE")->required();
    c->add_flag("--replace", a->replace, "overwrite an existing --out");
    addNumber(c, "--epochs", a->options.epochs, 1, static_cast<double>(limits::kMaxEpochs),
              "passes over the training images", "N");
    addNumber(c, "--batch", a->options.batch, 1, static_cast<double>(limits::kMaxSamplingBatch), "batch size", "B");
    addNumber(c, "--lr", a->options.lr, 1e-9, 1, "Adam learning rate (cosine decay to 0)", "LR");
    addNumber(c, "--seed", a->options.seed, 0, limits::kMaxSeed,
              "random seed: the same seed, data and threads give the same weights", "S");
    addText(c, "--device", a->device, kDeviceHelp, "D");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
}

} // namespace ddpm::cli
