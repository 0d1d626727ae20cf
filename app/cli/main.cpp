// ddpm: the headless DDPM engine.
//   ddpm schedule | train | sample | info | export | bench | selfcheck | train-classifier | quality
//   (ddpm COMMAND --help for the options)
// The commands that need only the engine live in commands.cpp, shared with the build without Qt;
// this file adds those that write images (sample) or find the bundled classifier (quality), and
// image folders as training data.
#include "animation.h"
#include "bundled.h"
#include "checkpoint.h"
#include "classifier.h"
#include "commands.h"
#include "config.h"
#include "device.h"
#include "exporter.h"
#include "imageio.h"
#include "quality.h"
#include "sampler.h"
#include "schedule.h"
#include "modelstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unistd.h>

namespace ddpm::cli {
namespace {

const std::string kSamplingBatchHelp =
    "images through the network at once (0: chosen for the device); the images do not depend on it";

// ---------------------------------------------------------------------------------------------

// --weights, --threads, --device and --precision applied and the checkpoint opened for sampling, as
// `sample` and `quality` take them. Returns 0, or the exit code after the message (2: a bad option).
int openModelFor(const std::string& checkpoint, const std::string& weightsName, int threads, const std::string& device,
                 const std::string& precision, std::optional<Compute>& compute, std::optional<OpenedModel>& model)
{
    const auto weights = parseWeights(weightsName);
    if (!weights)
        return fail("--weights takes ema or raw", 2);
    const auto c = computeOptions(threads, device, precision);
    if (!c)
        return fail(c.error(), 2);
    compute = c.value();
    auto opened = openForSampling(checkpoint, compute->device, compute->precision, weights.value());
    if (!opened)
        return fail(opened.error());
    model.emplace(std::move(opened).value());
    return 0;
}

struct SampleArgs {
    CLI::App* command = nullptr;
    std::string checkpoint, out, sampler = "ddpm", variance = "beta-tilde", weights = "ema", strip, gif,
                                 device = "auto", precision = "auto", outDir;
    SamplerOptions options;
    int frames = 10, scale = 2, threads = 0, batch = 0;
    bool noClip = false;
    bool replace = false;
    bool given(const char* option) const { return command->count(option) > 0; }
};

int sample(const SampleArgs& a)
{
    if (a.checkpoint.empty())
        return fail("--checkpoint CKPT is required", 2);
    if (a.out.empty() && a.outDir.empty())
        return fail("--out PNG (a grid) or --out-dir DIR (one PNG per image) is required", 2);
    SamplerOptions so = a.options;
    int batch = a.batch;
    const int frames = a.frames, scale = a.scale;
    auto kind = parseSamplerKind(a.sampler);
    auto var = parseVarianceKind(a.variance);
    if (!kind)
        return fail(kind.error(), 2);
    if (!var)
        return fail(var.error(), 2);
    so.kind = kind.value();
    so.variance = var.value();
    so.clipX0 = !a.noClip;
    std::optional<Compute> compute;
    std::optional<OpenedModel> opened;
    if (const int rc = openModelFor(a.checkpoint, a.weights, a.threads, a.device, a.precision, compute, opened))
        return rc;
    const auto device = compute->device;
    const ModelState& m = opened->model;
    const Diffusion& diffusion = opened->sampling.diffusion;
    const Denoiser& denoiser = opened->sampling.denoiser;
    const std::vector<int64_t>& shape = opened->sampling.imageShape;
    if (batch == 0)
        batch = defaultSamplingBatch(device);
    const QString outDir = QString::fromStdString(a.outDir);
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail("cannot create the folder '" + a.outDir + "'");
    if (!outDir.isEmpty()) {
        // Old and new images must not mix: an earlier run's sample-*.png are refused, or removed first.
        const QStringList earlier =
            QDir(outDir).entryList({QStringLiteral("sample-*.png"), QStringLiteral("sample-*.png.json")}, QDir::Files);
        if (!earlier.isEmpty() && !a.replace)
            return fail("'" + a.outDir + "' already holds " + std::to_string(earlier.size()) +
                            " images of an earlier run (" + earlier.first().toStdString() +
                            " ...): choose another folder, or pass --replace to remove them first",
                        2);
        for (const QString& f : earlier)
            if (!QFile::remove(QDir(outDir).filePath(f)))
                return fail("cannot remove '" + QDir(outDir).filePath(f).toStdString() + "'");
    }

    // Frames to keep: the strip's evenly spaced steps (x_T first, x_0 last) and up to 100 GIF frames, of
    // the first kAnimatedImages images only, and the final images only when a grid is written: memory
    // stays the same whatever --count.
    constexpr int kAnimatedImages = 64;
    const int animated = std::min(so.count, kAnimatedImages);
    const int total = static_cast<int>(samplerTimesteps(so, diffusion.steps()).size());
    auto chosen = [&](int k, int n) { return static_cast<int>(std::lround(static_cast<double>(total) * k / (n - 1))); };
    std::vector<int> stripAt, gifAt;
    for (int k = 0; k < frames; ++k)
        stripAt.push_back(chosen(k, frames));
    const int gifFrames = std::min(total + 1, 100);
    for (int k = 0; k < gifFrames; ++k)
        gifAt.push_back(chosen(k, gifFrames));
    const bool wantStrip = a.given("--strip"), wantGif = a.given("--gif");
    QList<QList<QImage>> strip(wantStrip ? frames : 0);
    QList<QList<QImage>> gifImages(wantGif ? gifFrames : 0);
    int64_t imagesDone = 0; // images of the chunks finished: the first index of the chunk running
    auto keep = [&](int taken, const torch::Tensor& x) {
        const auto s = std::find(stripAt.begin(), stripAt.end(), taken);
        const auto g = std::find(gifAt.begin(), gifAt.end(), taken);
        const bool inStrip = wantStrip && s != stripAt.end(), inGif = wantGif && g != gifAt.end();
        const int64_t wanted = std::min<int64_t>(x.size(0), animated - imagesDone);
        if ((!inStrip && !inGif) || wanted <= 0)
            return;
        const auto images = batchToImages(x.narrow(0, 0, wanted));
        if (inStrip)
            strip[static_cast<int>(s - stripAt.begin())].append(images);
        if (inGif)
            gifImages[static_cast<int>(g - gifAt.begin())].append(images);
    };
    stopOnSignals(false);
    const bool tty = ::isatty(STDERR_FILENO);
    QList<QImage> finals;
    QString writeError;
    const auto t0 = std::chrono::steady_clock::now();
    long long imageSteps = 0;
    const bool completed = sampleInChunks(
        diffusion, denoiser, so, shape, batch,
        [&](const ReverseProcess& chunk, int64_t first) {
            keep(chunk.stepsTaken(), chunk.current());
            const auto images = batchToImages(chunk.current());
            for (int j = 0; j < images.size() && !outDir.isEmpty() && writeError.isEmpty(); ++j) {
                const QString file =
                    QDir(outDir).filePath(QStringLiteral("sample-%1.png").arg(first + j, 5, 10, QLatin1Char('0')));
                if (auto st = saveImageAtomically(images[j], file); !st)
                    writeError = QString::fromStdString(st.error());
            }
            if (!a.out.empty())
                finals.append(images);
            imagesDone += chunk.current().size(0);
        },
        [&](const ReverseProcess& chunk, const ReverseStep& step) {
            keep(step.step, step.xt); // x_t before the step: after step.step steps, x_T first
            imageSteps += step.xt.size(0);
            if (tty)
                std::fprintf(stderr, "\rsampling: images %d/%d, step %d/%d", static_cast<int>(imagesDone), so.count,
                             step.step + 1, total);
        },
        &interrupted());
    if (tty)
        std::fprintf(stderr, "\n");
    if (!completed)
        return fail("interrupted; nothing was written");
    if (!writeError.isEmpty())
        return fail(writeError.toStdString());
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "ddpm: %d images, %d steps each, in batches of %d: %.1f image-steps/s, peak memory %.0f MiB\n",
                 so.count, total, batch, secs > 0 ? static_cast<double>(imageSteps) / secs : 0.0, peakRssMb());
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(so.count))));
    const int animatedColumns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(animated))));
    if ((wantStrip || wantGif) && animated < so.count)
        std::fprintf(stderr, "ddpm: the strip and the GIF show the first %d of the %d images\n", animated, so.count);
    QList<QImage> gif;
    for (const auto& frame : gifImages)
        gif.append(makeGrid(frame, animatedColumns, 2, scale));

    const QString out = QString::fromStdString(a.out);
    ExportMeta meta;
    meta.seed = so.seed;
    meta.schedule = QString::fromStdString(scheduleKindName(m.config.schedule.kind));
    meta.sampler = QString::fromStdString(samplerKindName(so.kind));
    meta.steps = total;
    meta.eta = so.kind == SamplerKind::Ddim ? so.eta : 1.0;
    meta.variance = QString::fromStdString(varianceKindName(so.variance));
    meta.weights = QString::fromStdString(a.weights);
    meta.preset = QString::fromStdString(m.config.preset);
    meta.trainingStep = m.step;
    meta.checkpointSha256 = sha256OfFile(QString::fromStdString(a.checkpoint));
    meta.kind = QStringLiteral("grid");
    if (!out.isEmpty()) {
        if (auto s = exportImage(makeGrid(finals, columns, 2, scale), out, meta); !s)
            return fail(s.error());
    }
    if (wantStrip) {
        meta.kind = QStringLiteral("strip");
        if (auto s = exportImage(makeStrip(strip, scale), QString::fromStdString(a.strip), meta); !s)
            return fail(s.error());
    }
    if (wantGif) {
        // Hold the last frame a little longer by repeating it.
        for (int i = 0; i < 10; ++i)
            gif.append(gif.last());
        meta.kind = QStringLiteral("gif");
        auto bytes = encodeGif(gif, 80);
        if (!bytes)
            return fail(bytes.error());
        if (auto s = exportFile(bytes.value(), QString::fromStdString(a.gif), meta); !s) // with its sidecar
            return fail(s.error());
    }
    std::fprintf(stderr, "ddpm: wrote %s\n", (a.out.empty() ? a.outDir : a.out).c_str());
    return 0;
}

void addSampleCommand(CommandLine& cli)
{
    auto a = std::make_shared<SampleArgs>();
    auto* c = cli.add("sample", "draw images with DDPM or DDIM; strips and GIFs of the reverse process",
                      "run the reverse process (Algorithm 2 or DDIM)", [a] { return sample(*a); });
    a->command = c;
    addText(c, "--checkpoint", a->checkpoint, "checkpoint to sample from", "CKPT");
    addText(c, "--out", a->out, "grid of the samples (PNG)", "PNG");
    addNumber(c, "--count", a->options.count, 1, 100000, "number of images", "N");
    addText(c, "--sampler", a->sampler, "ddpm or ddim", "S");
    addNumber(c, "--steps", a->options.ddimSteps, 1, 100000, "DDIM steps", "S");
    addNumber(c, "--eta", a->options.eta, 0, 1, "DDIM η", "E");
    addText(c, "--variance", a->variance, "DDPM σ²: beta or beta-tilde", "V");
    c->add_flag("--no-clip", a->noClip, "do not clip x̂0 to [-1, 1]");
    addText(c, "--weights", a->weights, "ema or raw", "W");
    addNumber(c, "--seed", a->options.seed, 0, 9e15, "random seed", "S");
    addText(c, "--strip", a->strip, "strip of the reverse process per sample (PNG; the first 64 samples)", "PNG");
    addNumber(c, "--frames", a->frames, 2, 1000, "frames in the strip", "K");
    addText(c, "--gif", a->gif, "the reverse process as an animated GIF (the first 64 samples)", "GIF");
    addNumber(c, "--scale", a->scale, 1, 32, "enlarge images by this factor", "N");
    addText(c, "--device", a->device, "auto, cpu or cuda", "D");
    addNumber(c, "--threads", a->threads, 0, 1024, "CPU threads (0: all cores)", "N");
    addNumber(c, "--batch", a->batch, 0, 65536, kSamplingBatchHelp, "B");
    addText(c, "--precision", a->precision, "fp32, bf16 (mixed) or auto (bf16 where fast)", "P");
    addText(c, "--out-dir", a->outDir, "also write every sample as its own PNG (sample-00000.png …, native size)",
            "DIR");
    c->add_flag("--replace", a->replace, "remove the images of an earlier run from --out-dir first");
}

// ---------------------------------------------------------------------------------------------

struct QualityArgs {
    CLI::App* command = nullptr;
    std::string checkpoint, sampler = "ddim", weights = "ema", classifier, precision = "auto", device = "auto", csv;
    QualityOptions options;
    int threads = 0;
    bool sweep = false;
    bool given(const char* option) const { return command->count(option) > 0; }
};

int quality(const QualityArgs& a)
{
    if (a.checkpoint.empty())
        return fail("--checkpoint CKPT is required", 2);
    QualityOptions qo = a.options;
    auto kind = parseSamplerKind(a.sampler);
    if (!kind)
        return fail(kind.error(), 2);
    qo.sampler.kind = kind.value();
    std::optional<Compute> compute;
    std::optional<OpenedModel> opened;
    if (const int rc = openModelFor(a.checkpoint, a.weights, a.threads, a.device, a.precision, compute, opened))
        return rc;
    const auto device = compute->device;
    const ModelState& m = opened->model;
    const Diffusion& diffusion = opened->sampling.diffusion;
    const Denoiser& denoiser = opened->sampling.denoiser;
    const std::vector<int64_t>& shape = opened->sampling.imageShape;
    if (m.config.unet.imageChannels() != 1)
        return fail("'" + a.checkpoint + "' makes " + std::to_string(m.config.unet.imageChannels()) +
                    "-channel images; quality is measured against Fashion-MNIST, for grey models only");
    if (m.config.dataSpec.rfind("fashion-mnist", 0) != 0)
        std::fprintf(stderr, "ddpm: note: the model was trained on %s; it is compared with Fashion-MNIST\n",
                     m.config.dataSpec.c_str());
    const QString classifierFile = a.given("--classifier") ? QString::fromStdString(a.classifier) : classifierPath();
    if (classifierFile.isEmpty())
        return fail("no classifier found (resources/models/fashion-mnist-classifier.ckpt); name one with --classifier "
                    "or make one with `ddpm train-classifier`");
    auto classifier = loadClassifier(classifierFile.toStdString(), device);
    if (!classifier)
        return fail(classifier.error());

    std::fprintf(stderr, "ddpm: reference: Fashion-MNIST test features and the floor of %d training images\n",
                 qo.count);
    auto reference = fashionMnistReference(classifier.value(), qo.count);
    if (!reference)
        return fail(reference.error());
    const std::vector<SamplerOptions> settings =
        a.sweep ? qualitySweep(qo.sampler) : std::vector<SamplerOptions>{qo.sampler};

    stopOnSignals(false);
    const bool tty = ::isatty(STDERR_FILENO);
    std::vector<QualityReport> reports;
    for (const auto& setting : settings) {
        QualityOptions o = qo;
        o.sampler = setting;
        const std::string label =
            samplerKindName(setting.kind) + " " +
            std::to_string(setting.kind == SamplerKind::Ddim ? setting.ddimSteps : diffusion.steps()) + " steps";
        int lastDecile = -1;
        auto report = measureQuality(
            diffusion, denoiser, shape, classifier.value(), reference.value(), o,
            [&](int done, int total) {
                const int decile = total > 0 ? static_cast<int>(10.0 * done / total) : 10;
                if (tty)
                    std::fprintf(stderr, "\rquality, %s: %3d%%", label.c_str(),
                                 total > 0 ? static_cast<int>(100.0 * done / total) : 100);
                else if (decile != lastDecile)
                    std::fprintf(stderr, "quality, %s: %d%%\n", label.c_str(), 10 * decile);
                lastDecile = decile;
            },
            &interrupted());
        if (tty)
            std::fprintf(stderr, "\n");
        if (!report)
            return fail(isCancelled(report.failure()) ? std::string("interrupted") : report.error());
        std::fprintf(stderr, "ddpm: %s: FID %.3f (floor %.3f, ratio %.2f), mean confidence %.3f, %.3f s/image\n",
                     label.c_str(), report->fid, report->fidFloor, report->ratio, report->meanConfidence,
                     report->secondsPerImage);
        reports.push_back(report.value());
    }

    // One JSON writer (nlohmann's, as core's reports): the report objects as core writes them.
    auto reportObject = [](const QualityReport& r) { return nlohmann::ordered_json::parse(qualityReportToJson(r, 0)); };
    nlohmann::ordered_json o;
    o["checkpoint"] = a.checkpoint;
    o["training_step"] = m.step;
    o["weights"] = a.weights;
    o["classifier"] = classifierFile.toStdString();
    o["classifier_test_accuracy"] = classifier->testAccuracy;
    if (a.sweep) {
        auto rows = nlohmann::ordered_json::array();
        for (const auto& r : reports)
            rows.push_back(reportObject(r));
        o["count"] = qo.count;
        o["fid_floor"] = reference->fidFloor;
        o["rows"] = rows;
    } else {
        o.update(reportObject(reports.front()));
    }
    if (a.given("--csv")) {
        QSaveFile csv(QString::fromStdString(a.csv));
        std::string text = qualityCsvHeader(classifier->classNames);
        for (const auto& r : reports)
            text += qualityReportToCsvRow(r);
        if (!csv.open(QIODevice::WriteOnly) || csv.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
            !csv.commit())
            return fail(QStringLiteral("cannot write '%1': %2").arg(csv.fileName(), csv.errorString()).toStdString());
    }
    std::printf("%s\n", o.dump(4).c_str());
    return 0;
}

void addQualityCommand(CommandLine& cli)
{
    auto a = std::make_shared<QualityArgs>();
    auto* c = cli.add("quality", "measure sample quality: a Fréchet distance to Fashion-MNIST, beside its floor",
                      "sample a model and compare the samples with the Fashion-MNIST test images through a "
                      "classifier's features (a Fréchet distance, as FID), beside the floor that as many real "
                      "training images reach; JSON on standard output",
                      [a] { return quality(*a); });
    a->command = c;
    addText(c, "--checkpoint", a->checkpoint, "checkpoint of a grey model trained on Fashion-MNIST", "CKPT");
    addNumber(c, "--count", a->options.count, 2, 100000,
              "samples to draw (the floor uses as many real training images)", "N");
    addText(c, "--sampler", a->sampler, "ddim or ddpm", "S");
    addNumber(c, "--steps", a->options.sampler.ddimSteps, 1, 100000, "DDIM steps", "S");
    addNumber(c, "--eta", a->options.sampler.eta, 0, 1, "DDIM η", "E");
    addNumber(c, "--seed", a->options.sampler.seed, 0, 9e15, "random seed of the samples", "S");
    addText(c, "--weights", a->weights, "ema or raw", "W");
    addNumber(c, "--batch", a->options.batch, 0, 65536, kSamplingBatchHelp, "B");
    addText(c, "--classifier", a->classifier,
            "classifier file (default: the shipped models/fashion-mnist-classifier.ckpt, in $DDPM_DATA_DIR, "
            "../share/ddpm-studio next to the program or the source tree's resources)",
            "FILE");
    addText(c, "--precision", a->precision, "fp32, bf16 (mixed) or auto (bf16 where fast)", "P");
    addText(c, "--device", a->device, "auto, cpu or cuda", "D");
    addNumber(c, "--threads", a->threads, 0, 1024, "CPU threads (0: all cores)", "N");
    c->add_flag("--sweep", a->sweep, "measure DDIM with 10, 20, 50, 100 and 250 steps and DDPM with all T steps");
    addText(c, "--csv", a->csv, "also write the report (or the sweep's rows) as CSV", "FILE");
}

} // namespace
} // namespace ddpm::cli

int main(int argc, char** argv)
{
    using namespace ddpm::cli;
    ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
    QCoreApplication app(argc, argv); // for the bundled classifier's path, next to the program
    QCoreApplication::setApplicationName(QStringLiteral("ddpm"));
    QCoreApplication::setApplicationVersion(ddpm::appVersion());
    CommandLine cli("ddpm");
    Environment env;
    env.folderLoader = ddpm::qtFolderLoader();
    addScheduleCommand(cli);
    addTrainCommand(cli, env);
    addSampleCommand(cli);
    addInfoCommand(cli);
    addExportCommand(cli);
    addConvertCommand(cli);
    addBenchCommand(cli);
    addSelfcheckCommand(cli);
    addTrainClassifierCommand(cli, env);
    addQualityCommand(cli);
    return cli.run(argc, argv);
}
