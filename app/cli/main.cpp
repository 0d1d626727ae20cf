// ddpm: the headless DDPM engine.
//   ddpm schedule | train | info | export | convert | bench | selfcheck | train-classifier | nll | toy
//        | sample | quality | interpolate            (ddpm COMMAND --help for the options)
// The commands that need only the engine live in commands.cpp and traincommand.cpp, shared with the
// build without Qt; the Qt build adds those that write images (sample, here; interpolate), find the
// bundled classifier (quality, in qualitycommand.cpp), and image folders as training data.
#include "animation.h"
#include "atomicfile.h"
#include "device.h"
#include "exporter.h"
#include "imageio.h"
#include "samplingoptions.h"
#include "schedule.h"
#include "sha256.h"
#include "sizelimits.h"

#include <QFile>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <unistd.h>

namespace ddpm::cli {
namespace {

struct SampleArgs {
    CLI::App* command = nullptr;
    std::string checkpoint, out,
        sampler = samplerKindName(SamplerOptions{}.kind), variance = varianceKindName(SamplerOptions{}.variance),
        weights = weightsNames().front(), strip, gif, device = deviceNames().front(),
        precision = precisionNames().front(), outDir, corrector = correctorKindName(SamplerOptions{}.corrector),
        classChoice, spacing = timestepSpacingName(SamplerOptions{}.spacing);
    SamplerOptions options;
    int frames = 10, scale = 2, threads = 0, batch = 0;
    bool noClip = false;
    bool replace = false;
    bool given(const char* option) const { return command->count(option) > 0; }
};

// The sampler options with --sampler, --variance and --no-clip applied. Every failure is a usage error.
Result<SamplerOptions> samplerOptions(const SampleArgs& a)
{
    SamplerOptions so = a.options;
    auto kind = parseSamplerKind(a.sampler);
    auto var = parseVarianceKind(a.variance);
    auto corrector = parseCorrectorKind(a.corrector);
    auto spacing = parseTimestepSpacing(a.spacing);
    if (!spacing)
        return spacing.failure();
    if (!kind)
        return kind.failure();
    if (!var)
        return var.failure();
    if (!corrector)
        return corrector.failure();
    so.kind = kind.value();
    so.corrector = corrector.value();
    so.variance = var.value();
    so.spacing = spacing.value();
    so.clipX0 = !a.noClip;
    // Options the sampler does not use are said to be unused rather than silently dropped.
    if (a.given("--steps") && so.kind == SamplerKind::Ddpm)
        std::fprintf(stderr, "ddpm: note: --steps is for ddim and the Langevin samplers; ddpm takes every one of the "
                             "T steps\n");
    for (const char* ddimOnly : {"--eta", "--spacing"})
        if (a.given(ddimOnly) && so.kind != SamplerKind::Ddim)
            std::fprintf(stderr, "ddpm: note: %s is for ddim; %s does not use it\n", ddimOnly, a.sampler.c_str());
    if (a.given("--variance") && so.kind != SamplerKind::Ddpm)
        std::fprintf(stderr, "ddpm: note: --variance is for ddpm; %s does not use it\n", a.sampler.c_str());
    noteUnusedLangevinOptions(a.command, so);
    if (a.given("--frames") && !a.given("--strip"))
        std::fprintf(stderr, "ddpm: note: --frames sets the frames of --strip; it is not used here\n");
    return so;
}

// Where --out-dir's images go. With --replace over an earlier run, the new images are drawn into a hidden
// folder inside it and take the old ones' place only once they are all there: a run that fails or is
// interrupted leaves the earlier images as they were.
struct OutDir {
    QString dir;         // --out-dir; empty: none
    QStringList earlier; // an earlier run's sample-*.png and sidecars, replaced at the end
    std::unique_ptr<QTemporaryDir> staging;
    QStringList made; // the folders this run made for it, deepest first: removed again while empty

    // Removes the folders this run made while they hold nothing (an interrupted run that wrote nothing).
    void removeMadeFolders() const
    {
        for (const QString& folder : made)
            QDir().rmdir(folder);
    }

    QString writeDir() const { return staging ? staging->path() : dir; }

    // Replaces the earlier images with the staged ones. 0, or 1 after the message.
    int commit() const
    {
        if (!staging)
            return 0;
        if (auto s = replaceWithStaged(staging->path(), QDir(staging->path()).entryList(QDir::Files), dir, earlier); !s)
            return fail(s.error());
        return 0;
    }
};

// --out-dir made ready: created, and an earlier run's sample-*.png refused, or replaced at the end with
// --replace, so that old and new images do not mix. Returns 0, or the exit code after the message.
int prepareOutDir(const SampleArgs& a, OutDir& out)
{
    out.dir = QFile::decodeName(a.outDir.c_str());
    if (out.dir.isEmpty())
        return 0;
    if (QFile::encodeName(out.dir).toStdString() != a.outDir) // Qt 6 would make a folder of another name
        return fail("--out-dir " + a.outDir + ": the folder name is not UTF-8: give one that is", 2);
    if (QFileInfo(out.dir).exists() && !QFileInfo(out.dir).isDir())
        return fail("--out-dir " + a.outDir + " is a file, not a folder", 2);
    std::error_code made;
    for (QString f = QDir::cleanPath(QFileInfo(out.dir).absoluteFilePath()); !QFileInfo::exists(f);
         f = QFileInfo(f).path())
        out.made << f; // from the folder asked for up to the first one that is there
    std::filesystem::create_directories(a.outDir, made);
    if (made || !QFileInfo(out.dir).isDir())
        return fail("--out-dir " + a.outDir +
                        ": cannot create the folder: " + (made ? made.message() : std::string("it is not a folder")),
                    2);
    {
        // A folder that takes no files is said now, not after the sampling.
        QTemporaryFile probe(QDir(out.dir).filePath(QStringLiteral(".ddpm-probe-XXXXXX")));
        if (!probe.open())
            return fail("--out-dir " + a.outDir + ": cannot write in the folder: " + probe.errorString().toStdString(),
                        2);
    }
    for (const QString& f : earlierExports(out.dir, kSampleName))
        out.earlier << QFileInfo(f).fileName();
    const auto images = std::count_if(out.earlier.begin(), out.earlier.end(),
                                      [](const QString& f) { return f.endsWith(QLatin1String(".png")); });
    if (!out.earlier.isEmpty() && !a.replace)
        return fail("'" + a.outDir + "' already holds " + std::to_string(images) + " image" + (images == 1 ? "" : "s") +
                        " of an earlier run (" + out.earlier.first().toStdString() +
                        " ...): choose another folder, or pass --replace to replace them",
                    2);
    if (!out.earlier.isEmpty()) {
        out.staging = std::make_unique<QTemporaryDir>(stagingFolderTemplate(out.dir, kSampleName));
        if (!out.staging->isValid())
            return fail("cannot write in '" + a.outDir + "': " + out.staging->errorString().toStdString());
    }
    return 0;
}

// The files asked for, checked before the first step rather than after hours of sampling: a name that no
// image writer takes, a folder that is missing or takes no files. Returns 0, or 2 after the message.
int checkOutputs(const SampleArgs& a)
{
    // option, path: the model read is among them, so that no image replaces it
    std::vector<std::pair<std::string, std::string>> given{{"--checkpoint", a.checkpoint}};
    const auto check = [&given](const std::string& option, const std::string& path, bool gif) {
        for (const auto& [earlier, other] : given) // one file would end up holding only the last image
            if (sameFile(other, path))
                return fail(earlier + " and " + option + " name the same file (" + path + "): give each its own", 2);
        if (auto w = checkImageOutput(path, gif); !w)
            return fail(option + " " + path + ": " + w.error(), 2);
        given.emplace_back(option, path);
        return 0;
    };
    for (const auto& [option, path] : {std::pair{"--out", a.out}, std::pair{"--strip", a.strip},
                                       std::pair{"--gif", a.gif}}) // --out-dir writes sample-00000.png …
        if (!a.outDir.empty() && !path.empty() &&
            isExportedImageName(kSampleName, QFileInfo(QFile::decodeName(path.c_str())).fileName()) &&
            QDir::cleanPath(QFileInfo(QFile::decodeName(path.c_str())).absolutePath()) ==
                QDir::cleanPath(QDir(QFile::decodeName(a.outDir.c_str())).absolutePath()))
            return fail(
                std::string(option) + " " + path + " is one of the files --out-dir writes: give it another name", 2);
    if (!a.out.empty())
        if (const int rc = check("--out", a.out, false))
            return rc;
    if (a.given("--strip"))
        if (const int rc = check("--strip", a.strip, false))
            return rc;
    if (a.given("--gif"))
        if (const int rc = check("--gif", a.gif, true))
            return rc;
    return 0;
}

// The frames of the strip and the GIF: the strip's evenly spaced steps (x_T first, x_0 last) and the
// GIF's (animationSteps: up to kAnimationFrames), of the first kAnimatedImages images only, so that memory
// stays the same whatever --count. Each is composed whole in memory, every image drawn --scale times as wide
// and as high: at most limits::kMaxComposedBytes each.

struct ReverseFrames {
    static constexpr int kAnimatedImages = 64;

    ReverseFrames(int count, int total, int stripFrames, bool withStrip, bool withGif)
        : animated(std::min(count, kAnimatedImages))
        , wantStrip(withStrip)
        , wantGif(withGif)
    {
        auto chosen = [&](int k, int n) {
            return static_cast<int>(std::lround(static_cast<double>(total) * k / (n - 1)));
        };
        for (int k = 0; k < stripFrames; ++k)
            stripAt.push_back(chosen(k, stripFrames));
        gifAt = animationSteps(total);
        strip.resize(wantStrip ? stripFrames : 0);
        gif.resize(wantGif ? static_cast<int>(gifAt.size()) : 0);
    }

    // Keeps x, the images after `taken` steps of the chunk whose first image is `imagesDone`, where a
    // frame wants them.
    void keep(int taken, const torch::Tensor& x, int64_t imagesDone)
    {
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
            gif[static_cast<int>(g - gifAt.begin())].append(images);
    }

    // The timestep each of `at`'s frames shows, of a run through `timesteps`: after k steps, the k-th (0: x_0).
    static QList<int> timestepsOf(const std::vector<int>& at, const std::vector<int>& timesteps)
    {
        QList<int> out;
        for (int taken : at)
            out << (taken < static_cast<int>(timesteps.size()) ? timesteps[static_cast<size_t>(taken)] : 0);
        return out;
    }

    const int animated; // the images the strip and the GIF show
    const bool wantStrip, wantGif;
    std::vector<int> stripAt, gifAt; // the steps taken at each frame
    QList<QList<QImage>> strip, gif; // each frame's images
};

// The bytes of `frames` grids of `images` images of `shape` (C, H, W) in `columns` columns at `scale`.
int64_t composedBytes(int64_t frames, int64_t images, int64_t columns, const std::vector<int64_t>& shape, int scale)
{
    return frames * gridBytes(images, shape[0], shape[1], shape[2], columns, scale);
}

// Whether --gif names an animated WebP rather than a GIF.
bool gifIsWebP(const SampleArgs& a)
{
    return QFileInfo(QFile::decodeName(a.gif.c_str())).suffix().toLower() == QLatin1String("webp");
}

// 2 after the message when the grid (--out), the strip or the GIF could not be composed in memory, or the
// GIF's frames would be larger than its format holds.
int checkComposedSizes(const SampleArgs& a, const std::vector<int64_t>& shape, int count, const ReverseFrames& frames)
{
    struct Output {
        bool wanted;
        const char* option;
        int64_t frames, images, columns;
    };
    const Output outputs[] = {
        {!a.out.empty(), "--out", 1, count, squareGridColumns(count)},
        {frames.wantStrip, "--strip", 1, static_cast<int64_t>(frames.stripAt.size()) * frames.animated,
         static_cast<int64_t>(frames.stripAt.size())},
        {frames.wantGif, "--gif", static_cast<int64_t>(frames.gifAt.size()), frames.animated,
         squareGridColumns(frames.animated)},
    };
    for (const Output& o : outputs) {
        const int64_t bytes = o.wanted ? composedBytes(o.frames, o.images, o.columns, shape, a.scale) : 0;
        if (bytes > limits::kMaxComposedBytes)
            return fail(std::string(o.option) + " at --scale " + std::to_string(a.scale) + ": its images would take " +
                            std::to_string((bytes + (int64_t{1} << 30) - 1) >> 30) +
                            " GiB while they are put together " + "(at most " +
                            std::to_string(limits::kMaxComposedBytes >> 30) +
                            "); give a smaller --scale, --count or --frames",
                        2);
    }
    if (frames.wantGif) {
        const QSize frame = gridSize(frames.animated, QSize(static_cast<int>(shape[2]), static_cast<int>(shape[1])),
                                     squareGridColumns(frames.animated), kGridPadding, a.scale);
        if (auto s = checkAnimationSize(frame, gifIsWebP(a)); !s)
            return fail("--gif " + a.gif + " at --scale " + std::to_string(a.scale) + ": " + s.error() +
                            " Give a smaller --scale or --count.",
                        2);
    }
    return 0;
}

// The message of a run whose image `written` (from 0) could not be written into --out-dir, and what is kept:
// the earlier images (a --replace run), the images before it, or nothing (the folders made for it go again,
// while empty). Returns 1.
int writeFailed(const SampleArgs& a, const OutDir& out, const QString& writeError, int written)
{
    const int rc = fail(writeError.toStdString());
    if (out.staging) // the new images go with the hidden folder
        std::fprintf(stderr, "ddpm: the earlier images in %s are kept\n", a.outDir.c_str());
    else if (written > 0)
        std::fprintf(stderr, "ddpm: the first %d image%s of this run (with sidecars) are in %s\n", written,
                     written == 1 ? "" : "s", a.outDir.c_str());
    else
        out.removeMadeFolders();
    return rc;
}

// A Langevin step or a corrector's costs a network evaluation as a step does: " (N network evaluations)"
// where they differ from the run's `steps`, else nothing.
std::string costNote(const SamplerOptions& so, int T, int steps)
{
    const auto evaluations = samplerEvaluations(so, T);
    return evaluations != steps ? " (" + std::to_string(evaluations) + " network evaluations)" : std::string();
}

// The images drawn in chunks of `batch` (Algorithm 2 or DDIM): each chunk's images written to --out-dir
// with their sidecars (`meta`) when it ends and kept in `finals` when a grid is written, the frames kept
// in `frames`, a progress line on a terminal and the speed at the end. Returns 0, or 1 after the message.
int drawImages(const SampleArgs& a, const Sampling& model, const SamplerOptions& so, int batch, int total,
               ExportMeta meta, ReverseFrames& frames, QList<QImage>& finals, const OutDir& out)
{
    meta.kind = kSampleName;
    meta.scale = 1; // each sample at the model's size
    const QString outDir = out.writeDir();
    int64_t imagesDone = 0; // images of the chunks finished: the first index of the chunk running
    stopOnSignals(true);    // SIGTERM and SIGHUP too: the hidden folder of a --replace run goes with the run
    std::fprintf(stderr, "ddpm: drawing %d image%s, %d step%s each%s%s%s\n", so.count, so.count == 1 ? "" : "s", total,
                 total == 1 ? "" : "s", costNote(so, model.diffusion.steps(), total).c_str(),
                 a.outDir.empty() ? "" : ", into ", a.outDir.c_str());
    const bool tty = ::isatty(STDERR_FILENO);
    QString writeError;
    int written = 0; // images (and sidecars) written into --out-dir
    const auto t0 = std::chrono::steady_clock::now();
    long long imageSteps = 0;
    int reported = 0; // the last tenth said, in a log
    const bool completed = sampleInChunks(
        model, so, batch,
        [&](const ReverseProcess& chunk, int64_t first) {
            frames.keep(chunk.stepsTaken(), chunk.current(), imagesDone);
            const auto images = batchToImages(chunk.current());
            for (int j = 0; j < images.size() && !outDir.isEmpty() && writeError.isEmpty(); ++j) {
                const QString file = QDir(outDir).filePath(exportedImageName(kSampleName, first + j));
                meta.image = static_cast<int>(first + j); // with the seed, its noise (and class, for all)
                if (auto st = exportImage(images[j], file, meta); !st) {
                    writeError = QString::fromStdString(st.error());
                    interrupted().store(true); // no more chunks: their images could not be kept either
                } else {
                    ++written;
                }
            }
            if (!a.out.empty())
                finals.append(images);
            imagesDone += chunk.current().size(0);
        },
        [&](const ReverseProcess& chunk, const ReverseStep& step) {
            frames.keep(step.step, step.xt, imagesDone); // x_t before the step: after step.step steps, x_T first
            imageSteps += step.xt.size(0);
            if (tty) {
                std::fprintf(stderr, "\rsampling: images %d/%d, step %d/%d", static_cast<int>(imagesDone), so.count,
                             step.step + 1, total);
            } else if (const int percent =
                           static_cast<int>(10 * imageSteps /
                                            std::max<long long>(1, static_cast<long long>(so.count) * total)) *
                           10;
                       percent > reported) { // a log: a line every tenth, as the other commands write
                reported = percent;
                std::fprintf(stderr, "ddpm sample: %d%%\n", percent);
            }
        },
        &interrupted());
    if (tty)
        std::fprintf(stderr, "\n");
    if (!writeError.isEmpty()) // the sampling stopped at the first image that could not be written
        return writeFailed(a, out, writeError, written);
    if (!completed) {
        if (out.staging) // the new images go with the hidden folder
            std::fprintf(stderr, "ddpm: interrupted; the earlier images in %s are kept\n", a.outDir.c_str());
        else if (outDir.isEmpty() || imagesDone == 0) {
            out.removeMadeFolders(); // the folders made for the images go as well (only while empty)
            std::fprintf(stderr, "ddpm: interrupted; nothing was written\n");
        } else // the finished batches are in --out-dir, each image whole
            std::fprintf(stderr,
                         "ddpm: interrupted after %lld of %d images: those are in %s; the grid, strip and GIF were "
                         "not written\n",
                         static_cast<long long>(imagesDone), so.count, a.outDir.c_str());
        return interruptedExitCode();
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr,
                 "ddpm: %d image%s, %d step%s each, in batches of %d: %.1f image-steps/s, peak memory %.0f MiB\n",
                 so.count, so.count == 1 ? "" : "s", total, total == 1 ? "" : "s", std::min(batch, so.count),
                 secs > 0 ? static_cast<double>(imageSteps) / secs : 0.0, peakRssMb());
    return 0;
}

// How the images were made, for the sidecars of the grid, the strip and the GIF; the caller sets the kind.
ExportMeta sampleMeta(const SampleArgs& a, const ModelState& m, const SamplerOptions& so, int total)
{
    ExportMeta meta;
    meta.seed = so.seed;
    meta.schedule = QString::fromStdString(scheduleKindName(m.config.schedule.kind));
    describeSampler(meta, so, m.config.conditional() ? m.config.classNames : std::vector<std::string>{});
    meta.steps = total;
    meta.weights = QString::fromStdString(a.weights);
    meta.preset = QString::fromStdString(m.config.preset);
    meta.trainingStep = m.step;
    meta.checkpointSha256 = QString::fromStdString(ddpm::sha256OfFile(a.checkpoint)); // by its bytes
    return meta;
}

// The files asked for, each with its sidecar: the grid of all the images (--out), the strip (--strip) and
// the GIF (--gif). Returns 0, or 1 after the message.
int writeImages(const SampleArgs& a, const SamplerOptions& so, ExportMeta meta, const QList<QImage>& finals,
                const ReverseFrames& frames, const std::vector<int>& timesteps)
{
    meta.scale = a.scale;
    if ((frames.wantStrip || frames.wantGif) && frames.animated < so.count)
        std::fprintf(stderr, "ddpm: the strip and the GIF show the first %d of the %d images\n", frames.animated,
                     so.count);
    const QString out = QFile::decodeName(a.out.c_str());
    if (!out.isEmpty()) {
        meta.kind = QStringLiteral("grid");
        if (auto s = exportImage(makeGrid(finals, squareGridColumns(so.count), kGridPadding, a.scale), out, meta); !s)
            return fail(s.error());
    }
    if (frames.wantStrip) {
        meta.kind = QStringLiteral("strip");
        meta.frameTimesteps = ReverseFrames::timestepsOf(frames.stripAt, timesteps);
        if (auto s = exportImage(makeStrip(frames.strip, a.scale), QFile::decodeName(a.strip.c_str()), meta); !s)
            return fail(s.error());
    }
    if (frames.wantGif) {
        QList<QImage> gif;
        for (const auto& frame : frames.gif)
            gif.append(makeGrid(frame, squareGridColumns(frames.animated), kGridPadding, a.scale));
        holdLastFrame(gif, kAnimationDelayMs);
        const bool webp = gifIsWebP(a);
        meta.kind = webp ? QStringLiteral("webp") : QStringLiteral("gif");
        meta.frameTimesteps = ReverseFrames::timestepsOf(frames.gifAt, timesteps);
        auto bytes = webp ? encodeWebP(gif, kAnimationDelayMs) : encodeGif(gif, kAnimationDelayMs);
        if (!bytes)
            return fail(bytes.error());
        if (auto s = exportFile(bytes.value(), QFile::decodeName(a.gif.c_str()), meta); !s) // with its sidecar
            return fail(s.error());
    }
    return 0;
}

int sample(const SampleArgs& a)
{
    if (a.checkpoint.empty())
        return fail("--checkpoint CKPT is required", 2);
    if (a.out.empty() && a.outDir.empty())
        return fail("--out PNG (a grid) or --out-dir DIR (one PNG per image) is required", 2);
    auto so = samplerOptions(a);
    if (!so)
        return fail(so.error(), 2);
    if (const int rc = checkOutputs(a))
        return rc;
    std::optional<Compute> compute;
    std::optional<OpenedModel> opened;
    if (const int rc = openModelFor(a.checkpoint, a.weights, a.threads, a.device, a.precision, compute, opened))
        return rc;
    if (const int rc = applyClassChoice(a.command, a.classChoice, opened->sampling, so.value()))
        return rc;
    if (auto s = checkSamplerSteps(so.value(), opened->sampling.diffusion.steps()); !s)
        return fail("--steps " + std::to_string(so->ddimSteps) + ": " + s.error(), 2);
    const int batch = a.batch == 0 ? defaultSamplingBatch(compute->device) : a.batch;
    const auto timesteps = samplerTimesteps(so.value(), opened->sampling.diffusion.steps());
    const int total = static_cast<int>(timesteps.size());
    int stripFrames = a.frames;
    if (a.given("--strip") && stripFrames > total + 1) { // x_T and the images after each step: no more to show
        std::fprintf(stderr,
                     "ddpm: note: --frames %d: the run passes through %d states (x_T … x_0); the strip shows "
                     "those\n",
                     stripFrames, total + 1);
        stripFrames = total + 1;
    }
    ReverseFrames frames(so->count, total, stripFrames, a.given("--strip"), a.given("--gif"));
    if (const int rc = checkComposedSizes(a, opened->sampling.imageShape, so->count, frames))
        return rc;
    OutDir out; // made once everything else is known to be right: a refused run leaves no folder behind
    if (const int rc = prepareOutDir(a, out))
        return rc;
    QList<QImage> finals; // kept only when a grid is written
    const ExportMeta meta = sampleMeta(a, opened->model, so.value(), total);
    if (const int rc = drawImages(a, opened->sampling, so.value(), batch, total, meta, frames, finals, out))
        return rc;
    if (const int rc = out.commit())
        return rc;
    if (const int rc = writeImages(a, so.value(), meta, finals, frames, timesteps))
        return rc;
    std::fprintf(stderr, "ddpm: wrote %s\n", (a.out.empty() ? a.outDir : a.out).c_str());
    return 0;
}

void addSampleCommand(CommandLine& cli)
{
    auto a = std::make_shared<SampleArgs>();
    auto* c = cli.add("sample", "draw images with DDPM or DDIM; strips and GIFs of the reverse process",
                      "run the reverse process (Algorithm 2 or DDIM)", [a] { return sample(*a); });
    a->command = c;
    addText(c, "--checkpoint", a->checkpoint, "checkpoint to sample from", "CKPT")->required();
    addText(c, "--out", a->out, "grid of the samples (PNG)", "PNG");
    addNumber(c, "--count", a->options.count, 1, static_cast<double>(limits::kMaxSamples), "number of images", "N");
    addText(c, "--sampler", a->sampler, kSamplerHelp, "S");
    addNumber(c, "--steps", a->options.ddimSteps, 1, static_cast<double>(limits::kMaxTimesteps), kStepsHelp, "S");
    addNumber(c, "--eta", a->options.eta, 0, limits::kMaxEta, "DDIM η", "E");
    addSpacingOption(c, a->spacing);
    addText(c, "--variance", a->variance, "DDPM σ²: " + listOfChoices(varianceKindNames()), "V");
    addLangevinOptions(c, a->options, a->corrector);
    addClassOptions(c, a->classChoice, a->options);
    c->add_flag("--no-clip", a->noClip, "do not clip x̂0 to [-1, 1]");
    addText(c, "--weights", a->weights, kWeightsHelp, "W");
    addNumber(c, "--seed", a->options.seed, 0, limits::kMaxSeed, "random seed", "S");
    const std::string firstImages = "the first " + std::to_string(ReverseFrames::kAnimatedImages) + " samples";
    addText(c, "--strip", a->strip, "strip of the reverse process per sample (PNG; " + firstImages + ")", "PNG");
    addNumber(c, "--frames", a->frames, 2, static_cast<double>(limits::kMaxStripFrames), "frames in the strip", "K");
    addText(c, "--gif", a->gif,
            "the reverse process as an animated GIF, or an animated WebP where FILE ends in .webp (" + firstImages +
                ")",
            "FILE");
    addNumber(c, "--scale", a->scale, 1, static_cast<double>(limits::kMaxExportScale), "enlarge images by this factor",
              "N");
    addText(c, "--device", a->device, kDeviceHelp, "D");
    addNumber(c, "--threads", a->threads, 0, static_cast<double>(limits::kMaxThreads), kThreadsHelp, "N");
    addNumber(c, "--batch", a->batch, 0, static_cast<double>(limits::kMaxSamplingBatch), kSamplingBatchHelp, "B");
    addText(c, "--precision", a->precision, kPrecisionHelp, "P");
    addText(c, "--out-dir", a->outDir,
            "also write every sample as its own PNG with a JSON sidecar (sample-00000.png …, native size)", "DIR");
    c->add_flag("--replace", a->replace,
                "replace the images of an earlier run in --out-dir, once the new ones are all drawn (a run that "
                "fails or is interrupted keeps them)");
}

} // namespace
} // namespace ddpm::cli

int main(int argc, char** argv)
{
    using namespace ddpm::cli;
    ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
    QCoreApplication app(argc, argv); // for the bundled classifier's path, next to the program
    // Qt sets the user's locale for everything; numbers printed with printf (the log's rows, CSV tables,
    // JSON) keep a decimal point under a German or French locale.
    std::setlocale(LC_NUMERIC, "C");
    QCoreApplication::setApplicationName(QStringLiteral("ddpm"));
    QCoreApplication::setApplicationVersion(ddpm::appVersion());
    // An image in a folder that cannot be read is skipped and named in the command's own note; the image
    // plugins' own words for it ("libpng error: Invalid IHDR data") would only repeat it, in their terms.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*.warning=false")); // and .jpeg
    CommandLine cli("ddpm");
    Environment env;
    env.folderLoader = ddpm::qtFolderLoader();
    addEngineCommands(cli, env);
    addSampleCommand(cli);
    addQualityCommand(cli);
    addInterpolateCommand(cli, env);
    return cli.run(argc, argv);
}
