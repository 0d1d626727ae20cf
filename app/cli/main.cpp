// ddpm: the headless DDPM engine.
//   ddpm schedule | train | sample | info | bench   (ddpm help COMMAND for the options)
#include "animation.h"
#include "bench.h"
#include "bundled.h"
#include "checkpoint.h"
#include "classifier.h"
#include "config.h"
#include "device.h"
#include "exporter.h"
#include "imageio.h"
#include "quality.h"
#include "sampler.h"
#include "schedule.h"
#include "trainer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <type_traits>
#include <unistd.h>

using namespace ddpm;

namespace {

std::atomic<bool> g_interrupted{false};

void onSigint(int)
{
    g_interrupted.store(true);
}

int fail(const std::string& message, int code = 1)
{
    std::fprintf(stderr, "ddpm: %s\n", message.c_str());
    return code;
}

int fail(const QString& message, int code = 1)
{
    return fail(message.toStdString(), code);
}

int fail(const char* message, int code = 1)
{
    return fail(std::string(message), code);
}

// Parses the subcommand's options; returns false after printing a one-line error.
bool parse(QCommandLineParser& p, const QStringList& args, const QString& command)
{
    p.setApplicationDescription(command);
    p.addHelpOption();
    if (!p.parse(args)) {
        fail(p.errorText(), 2);
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", p.helpText().toLocal8Bit().constData());
        std::exit(0);
    }
    if (!p.positionalArguments().isEmpty() && !command.startsWith(QLatin1String("ddpm info"))) {
        fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()), 2);
        return false;
    }
    return true;
}

template <typename T> bool number(const QCommandLineParser& p, const QString& name, T& out, double lo, double hi)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    const bool whole = std::is_integral_v<T>;
    if (!ok || !std::isfinite(v) || v < lo || v > hi || (whole && v != std::floor(v))) {
        fail(QStringLiteral("--%1 takes a %2 between %3 and %4, not '%5'")
                 .arg(name, whole ? QStringLiteral("whole number") : QStringLiteral("number"))
                 .arg(lo)
                 .arg(hi)
                 .arg(p.value(name)),
             2);
        return false;
    }
    out = static_cast<T>(v);
    return true;
}

// The names an option accepts, as the engine defines them: "a, b or c".
std::string choices(const std::vector<std::string>& names)
{
    return listOfChoices(names);
}

QCommandLineOption opt(const char* name, const std::string& help, const char* valueName = nullptr,
                       const char* def = nullptr)
{
    QCommandLineOption o(QString::fromLatin1(name), QString::fromStdString(help));
    if (valueName)
        o.setValueName(QString::fromLatin1(valueName));
    if (def)
        o.setDefaultValue(QString::fromLatin1(def));
    return o;
}

// ---------------------------------------------------------------------------------------------

int cmdSchedule(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(opt("kind", choices(scheduleKindNames()), "K", "linear"));
    p.addOption(opt("steps", "number of diffusion steps T", "T", "1000"));
    p.addOption(opt("beta-start", "β_1", "B0", "0.0001"));
    p.addOption(opt("beta-end", "β_T", "B1", "0.02"));
    if (!parse(p, args, QStringLiteral("ddpm schedule: print a noise schedule as CSV")))
        return 2;
    ScheduleOptions o;
    auto kind = parseScheduleKind(p.value(QStringLiteral("kind")).toStdString());
    if (!kind)
        return fail(kind.error(), 2);
    o.kind = kind.value();
    if (!number(p, QStringLiteral("steps"), o.steps, 1, 100000) ||
        !number(p, QStringLiteral("beta-start"), o.betaStart, 0, 1) ||
        !number(p, QStringLiteral("beta-end"), o.betaEnd, 0, 1))
        return 2;
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

// ---------------------------------------------------------------------------------------------

QString formatDuration(double secs)
{
    if (!(secs >= 0) || secs > 1e7)
        return QStringLiteral("--:--");
    const auto s = static_cast<long long>(secs);
    return s >= 3600
               ? QStringLiteral("%1:%2:%3")
                     .arg(s / 3600)
                     .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                     .arg(s % 60, 2, 10, QLatin1Char('0'))
               : QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

int cmdTrain(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(opt("data",
                    "fashion-mnist[:train|test|all] (train when not named), mnist:DIR, idx:FILE, cifar10:DIR, "
                    "folder:DIR or synthetic",
                    "SPEC"));
    p.addOption(opt("out", "checkpoint to write", "CKPT"));
    p.addOption(opt("model", choices(unetPresetNames()), "PRESET", "reference"));
    p.addOption(opt("steps", "train until this step count is reached", "N", "10000"));
    p.addOption(opt("batch", "batch size", "B", "64"));
    p.addOption(opt("lr", "Adam learning rate", "LR", "0.0002"));
    p.addOption(opt("warmup", "learning-rate warm-up steps", "N", "500"));
    p.addOption(opt("ema", "EMA decay", "D", "0.999"));
    p.addOption(opt("schedule", choices(scheduleKindNames()), "K", "linear"));
    p.addOption(opt("prediction", "eps, x0 or v", "P", "eps"));
    p.addOption(opt("hflip", "random horizontal flips"));
    p.addOption(opt("seed", "random seed", "S", "0"));
    p.addOption(opt("device", "auto, cpu or cuda", "D", "auto"));
    p.addOption(opt("threads", "CPU threads (0: all cores)", "N", "0"));
    p.addOption(opt("precision",
                    "fp32, bf16 (mixed: bf16 convolutions, fp32 weights and norms) or auto (bf16 where fast)", "P",
                    "auto"));
    p.addOption(opt("resume", "continue from this checkpoint", "CKPT"));
    p.addOption(opt("log", "CSV log of step,loss,grad_norm,lr,img_per_s", "CSV"));
    p.addOption(opt("save-every", "also save every N steps (0: only at the end)", "N", "1000"));
    if (!parse(p, args, QStringLiteral("ddpm train: train a denoising U-Net (Algorithm 1)")))
        return 2;
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail("--out CKPT is required", 2);
    int threads = 0;
    long long steps = 0;
    int saveEvery = 0;
    if (!number(p, QStringLiteral("threads"), threads, 0, 1024) || !number(p, QStringLiteral("steps"), steps, 0, 1e9) ||
        !number(p, QStringLiteral("save-every"), saveEvery, 0, 1e9))
        return 2;
    configureThreads(threads);
    auto device = parseDevice(p.value(QStringLiteral("device")).toStdString());
    if (!device)
        return fail(device.error(), 2);
    auto precision = parsePrecision(p.value(QStringLiteral("precision")).toStdString(), device.value());
    if (!precision)
        return fail(precision.error(), 2);

    std::unique_ptr<Trainer> trainer;
    if (p.isSet(QStringLiteral("resume"))) {
        auto r = Trainer::resume(p.value(QStringLiteral("resume")).toStdString(), device.value());
        if (!r)
            return fail(r.error());
        trainer = std::move(r.value());
    } else {
        auto config = makeConfig(p.value(QStringLiteral("model")).toStdString());
        if (!config)
            return fail(config.error(), 2);
        ModelConfig c = config.value();
        auto kind = parseScheduleKind(p.value(QStringLiteral("schedule")).toStdString());
        if (!kind)
            return fail(kind.error(), 2);
        c.schedule.kind = kind.value();
        auto pred = parsePrediction(p.value(QStringLiteral("prediction")).toStdString());
        if (!pred)
            return fail(pred.error(), 2);
        c.prediction = pred.value();
        if (!number(p, QStringLiteral("batch"), c.train.batch, 1, 65536) ||
            !number(p, QStringLiteral("lr"), c.train.lr, 0, 1) ||
            !number(p, QStringLiteral("warmup"), c.train.warmupSteps, 0, 1e9) ||
            !number(p, QStringLiteral("ema"), c.train.emaDecay, 0, 1) ||
            !number(p, QStringLiteral("seed"), c.train.seed, 0, 9e15))
            return 2;
        c.train.hflip = p.isSet(QStringLiteral("hflip"));
        c.dataSpec =
            p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")).toStdString() : defaultDataSpec();
        trainer = std::make_unique<Trainer>(c, device.value());
    }
    if (p.isSet(QStringLiteral("data")) && p.isSet(QStringLiteral("resume")) &&
        p.value(QStringLiteral("data")).toStdString() != trainer->config().dataSpec)
        std::fprintf(stderr, "ddpm: note: training continues on --data, not on the data set in the checkpoint\n");
    const std::string spec =
        p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")).toStdString() : trainer->config().dataSpec;
    const auto& u = trainer->config().unet;
    auto data = loadDataSpec(spec, u.imageChannels(), u.imageSize(), qtFolderLoader());
    if (!data)
        return fail(data.error());
    if (auto s = trainer->setDataset(data.value()); !s)
        return fail(s.error());
    if (!p.isSet(QStringLiteral("steps")) && p.isSet(QStringLiteral("resume")))
        steps = trainer->config().train.totalSteps;
    else if (!p.isSet(QStringLiteral("steps")))
        steps = 10000;
    trainer->setTotalSteps(steps);

    QSaveFile* log = nullptr;
    std::unique_ptr<QSaveFile> logFile;
    if (p.isSet(QStringLiteral("log"))) {
        logFile = std::make_unique<QSaveFile>(p.value(QStringLiteral("log")));
        logFile->setDirectWriteFallback(true);
        if (!logFile->open(QIODevice::WriteOnly))
            return fail(
                QStringLiteral("cannot write the log '%1': %2").arg(logFile->fileName(), logFile->errorString()));
        logFile->write("step,loss,grad_norm,lr,img_per_s\n");
        log = logFile.get();
    }

    std::signal(SIGINT, onSigint);
    std::signal(SIGTERM, onSigint);
    const bool tty = ::isatty(STDERR_FILENO);
    const long long start = trainer->stepCount();
    trainer->setPrecision(precision.value());
    std::fprintf(
        stderr, "ddpm: training %s (%lld parameters) on %s in %s, %s with %lld images, from step %lld to %lld\n",
        trainer->config().preset.c_str(), static_cast<long long>(trainer->model()->parameterCount()),
        deviceDescription(device.value()).c_str(), precisionDescription(precision.value(), device.value()).c_str(),
        spec.c_str(), static_cast<long long>(data->size()), start, steps);
    const auto t0 = std::chrono::steady_clock::now();
    auto lastPrint = t0 - std::chrono::seconds(10);
    int lastDecile = -1;
    int rc = 0;
    StepStats last;
    while (trainer->stepCount() < steps && !g_interrupted.load()) {
        auto s = trainer->step();
        if (!s) {
            std::fprintf(stderr, "%s", tty ? "\n" : "");
            rc = fail(s.error());
            break;
        }
        last = s.value();
        if (log)
            log->write(QStringLiteral("%1,%2,%3,%4,%5\n")
                           .arg(last.step)
                           .arg(last.loss, 0, 'g', 8)
                           .arg(last.gradNorm, 0, 'g', 6)
                           .arg(last.lr, 0, 'g', 6)
                           .arg(last.imagesPerSec, 0, 'f', 2)
                           .toLatin1());
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double>(now - t0).count();
        const double done = static_cast<double>(last.step - start);
        const double eta = done > 0 ? elapsed / done * static_cast<double>(steps - last.step) : -1;
        const double frac = steps > start ? done / static_cast<double>(steps - start) : 1.0;
        if (tty && (now - lastPrint > std::chrono::milliseconds(200) || last.step == steps)) {
            lastPrint = now;
            const int width = 30;
            const int filled = static_cast<int>(frac * width);
            std::string bar(static_cast<size_t>(filled), '#');
            bar.resize(width, '.');
            std::fprintf(stderr, "\r[%s] step %lld/%lld  loss %.4f  %.1f img/s  ETA %s   ", bar.c_str(),
                         static_cast<long long>(last.step), steps, last.loss, last.imagesPerSec,
                         formatDuration(eta).toLatin1().constData());
        } else if (!tty && (static_cast<int>(frac * 10) != lastDecile || now - lastPrint > std::chrono::minutes(1))) {
            // A log file or a pipe: a line every tenth of the run, and at least one a minute.
            lastDecile = static_cast<int>(frac * 10);
            lastPrint = now;
            std::fprintf(stderr, "step %lld/%lld  loss %.4f  %.1f img/s  ETA %s\n", static_cast<long long>(last.step),
                         steps, last.loss, last.imagesPerSec, formatDuration(eta).toLatin1().constData());
        }
        if (saveEvery > 0 && last.step % saveEvery == 0 && last.step < steps) {
            if (auto sv = trainer->save(out.toStdString()); !sv)
                std::fprintf(stderr, "\nddpm: %s\n", sv.error().c_str());
        }
    }
    if (tty)
        std::fprintf(stderr, "\n");
    if (g_interrupted.load())
        std::fprintf(stderr, "ddpm: interrupted at step %lld; saving the checkpoint\n",
                     static_cast<long long>(trainer->stepCount()));
    if (log && !logFile->commit())
        std::fprintf(stderr, "ddpm: cannot write the log: %s\n", logFile->errorString().toLocal8Bit().constData());
    if (auto sv = trainer->save(out.toStdString()); !sv)
        return fail(sv.error());
    std::fprintf(stderr, "ddpm: saved %s at step %lld\n", out.toLocal8Bit().constData(),
                 static_cast<long long>(trainer->stepCount()));
    return rc;
}

// ---------------------------------------------------------------------------------------------

int cmdSample(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(opt("checkpoint", "checkpoint to sample from", "CKPT"));
    p.addOption(opt("out", "grid of the samples (PNG)", "PNG"));
    p.addOption(opt("count", "number of images", "N", "16"));
    p.addOption(opt("sampler", "ddpm or ddim", "S", "ddpm"));
    p.addOption(opt("steps", "DDIM steps", "S", "50"));
    p.addOption(opt("eta", "DDIM η", "E", "0"));
    p.addOption(opt("variance", "DDPM σ²: beta or beta-tilde", "V", "beta-tilde"));
    p.addOption(opt("no-clip", "do not clip x̂0 to [-1, 1]"));
    p.addOption(opt("weights", "ema or raw", "W", "ema"));
    p.addOption(opt("seed", "random seed", "S", "0"));
    p.addOption(opt("strip", "strip of the reverse process per sample (PNG)", "PNG"));
    p.addOption(opt("frames", "frames in the strip", "K", "10"));
    p.addOption(opt("gif", "the reverse process as an animated GIF", "GIF"));
    p.addOption(opt("scale", "enlarge images by this factor", "N", "2"));
    p.addOption(opt("device", "auto, cpu or cuda", "D", "auto"));
    p.addOption(opt("threads", "CPU threads (0: all cores)", "N", "0"));
    p.addOption(opt("batch",
                    "images through the network at once (0: chosen for the device); the images do not depend on it",
                    "B", "0"));
    p.addOption(opt("precision", "fp32, bf16 (mixed) or auto (bf16 where fast)", "P", "auto"));
    p.addOption(opt("out-dir", "also write every sample as its own PNG (sample-00000.png …, native size)", "DIR"));
    if (!parse(p, args, QStringLiteral("ddpm sample: run the reverse process (Algorithm 2 or DDIM)")))
        return 2;
    const QString ckpt = p.value(QStringLiteral("checkpoint")), out = p.value(QStringLiteral("out"));
    if (ckpt.isEmpty() || out.isEmpty())
        return fail("--checkpoint CKPT and --out PNG are required", 2);
    SamplerOptions so;
    int frames = 10, scale = 2, threads = 0, batch = 0;
    if (!number(p, QStringLiteral("batch"), batch, 0, 65536) ||
        !number(p, QStringLiteral("count"), so.count, 1, 100000) ||
        !number(p, QStringLiteral("steps"), so.ddimSteps, 1, 100000) ||
        !number(p, QStringLiteral("eta"), so.eta, 0, 1) || !number(p, QStringLiteral("seed"), so.seed, 0, 9e15) ||
        !number(p, QStringLiteral("frames"), frames, 2, 1000) || !number(p, QStringLiteral("scale"), scale, 1, 32) ||
        !number(p, QStringLiteral("threads"), threads, 0, 1024))
        return 2;
    auto kind = parseSamplerKind(p.value(QStringLiteral("sampler")).toStdString());
    auto var = parseVarianceKind(p.value(QStringLiteral("variance")).toStdString());
    if (!kind)
        return fail(kind.error(), 2);
    if (!var)
        return fail(var.error(), 2);
    const QString weights = p.value(QStringLiteral("weights"));
    if (weights != QLatin1String("ema") && weights != QLatin1String("raw"))
        return fail("--weights takes ema or raw", 2);
    so.kind = kind.value();
    so.variance = var.value();
    so.clipX0 = !p.isSet(QStringLiteral("no-clip"));
    configureThreads(threads);
    auto device = parseDevice(p.value(QStringLiteral("device")).toStdString());
    if (!device)
        return fail(device.error(), 2);
    auto precision = parsePrecision(p.value(QStringLiteral("precision")).toStdString(), device.value());
    if (!precision)
        return fail(precision.error(), 2);
    auto loaded = loadCheckpoint(ckpt.toStdString(), device.value());
    if (!loaded)
        return fail(loaded.error());
    auto& m = loaded.value();
    m.model->setPrecision(precision.value());
    m.ema->setPrecision(precision.value());
    Diffusion diffusion(NoiseSchedule(m.config.schedule), m.config.prediction, device.value());
    const auto denoiser = makeDenoiser(weights == QLatin1String("ema") ? m.ema : m.model);
    const std::vector<int64_t> shape{m.config.unet.imageChannels(), m.config.unet.imageSize(),
                                     m.config.unet.imageSize()};
    if (batch == 0)
        batch = defaultSamplingBatch(device.value());
    const QString outDir = p.value(QStringLiteral("out-dir"));
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(QStringLiteral("cannot create the folder '%1'").arg(outDir));

    // Frames to keep: the strip's evenly spaced steps (x_T first, x_0 last) and up to 100 GIF frames.
    // Only these are kept, so memory grows with the images kept, not with the count.
    const int total = so.kind == SamplerKind::Ddim
                          ? static_cast<int>(ddimTimesteps(diffusion.steps(), so.ddimSteps).size())
                          : diffusion.steps();
    auto chosen = [&](int k, int n) { return static_cast<int>(std::lround(static_cast<double>(total) * k / (n - 1))); };
    std::vector<int> stripAt, gifAt;
    for (int k = 0; k < frames; ++k)
        stripAt.push_back(chosen(k, frames));
    const int gifFrames = std::min(total + 1, 100);
    for (int k = 0; k < gifFrames; ++k)
        gifAt.push_back(chosen(k, gifFrames));
    const bool wantStrip = p.isSet(QStringLiteral("strip")), wantGif = p.isSet(QStringLiteral("gif"));
    QList<QList<QImage>> strip(wantStrip ? frames : 0);
    QList<QList<QImage>> gifImages(wantGif ? gifFrames : 0);
    auto keep = [&](int taken, const torch::Tensor& x) {
        const auto s = std::find(stripAt.begin(), stripAt.end(), taken);
        const auto g = std::find(gifAt.begin(), gifAt.end(), taken);
        const bool inStrip = wantStrip && s != stripAt.end(), inGif = wantGif && g != gifAt.end();
        if (!inStrip && !inGif)
            return;
        const auto images = batchToImages(x);
        if (inStrip)
            strip[static_cast<int>(s - stripAt.begin())].append(images);
        if (inGif)
            gifImages[static_cast<int>(g - gifAt.begin())].append(images);
    };
    std::signal(SIGINT, onSigint);
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
            finals.append(images);
        },
        [&](const ReverseProcess& chunk, const ReverseStep& step) {
            keep(step.step, step.xt); // x_t before the step: after step.step steps, x_T first
            imageSteps += step.xt.size(0);
            if (tty)
                std::fprintf(stderr, "\rsampling: images %d/%d, step %d/%d", static_cast<int>(finals.size()), so.count,
                             step.step + 1, total);
        },
        &g_interrupted);
    if (tty)
        std::fprintf(stderr, "\n");
    if (!completed)
        return fail("interrupted; nothing was written");
    if (!writeError.isEmpty())
        return fail(writeError);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "ddpm: %d images, %d steps each, in batches of %d: %.1f image-steps/s, peak memory %.0f MiB\n",
                 so.count, total, batch, secs > 0 ? static_cast<double>(imageSteps) / secs : 0.0, peakRssMb());
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(so.count))));
    QList<QImage> gif;
    for (const auto& frame : gifImages)
        gif.append(makeGrid(frame, columns, 2, scale));

    ExportMeta meta;
    meta.seed = so.seed;
    meta.schedule = QString::fromStdString(scheduleKindName(m.config.schedule.kind));
    meta.sampler = QString::fromStdString(samplerKindName(so.kind));
    meta.steps = total;
    meta.eta = so.kind == SamplerKind::Ddim ? so.eta : 1.0;
    meta.variance = QString::fromStdString(varianceKindName(so.variance));
    meta.weights = weights;
    meta.preset = QString::fromStdString(m.config.preset);
    meta.trainingStep = m.step;
    meta.checkpointSha256 = sha256OfFile(ckpt);
    meta.kind = QStringLiteral("grid");
    if (auto s = exportImage(makeGrid(finals, columns, 2, scale), out, meta); !s)
        return fail(s.error());
    if (wantStrip) {
        meta.kind = QStringLiteral("strip");
        if (auto s = exportImage(makeStrip(strip, scale), p.value(QStringLiteral("strip")), meta); !s)
            return fail(s.error());
    }
    if (wantGif) {
        // Hold the last frame a little longer by repeating it.
        for (int i = 0; i < 10; ++i)
            gif.append(gif.last());
        if (auto s = writeGif(gif, 80, p.value(QStringLiteral("gif"))); !s)
            return fail(s.error());
        meta.kind = QStringLiteral("gif");
        if (auto s = writeSidecar(p.value(QStringLiteral("gif")), meta); !s)
            return fail(s.error());
    }
    std::fprintf(stderr, "ddpm: wrote %s\n", out.toLocal8Bit().constData());
    return 0;
}

// ---------------------------------------------------------------------------------------------

int cmdInfo(const QStringList& args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("CKPT"), QStringLiteral("checkpoint"));
    if (!parse(p, args, QStringLiteral("ddpm info: print a checkpoint's configuration and step as JSON")))
        return 2;
    if (p.positionalArguments().size() != 1)
        return fail("usage: ddpm info CKPT", 2);
    const QString path = p.positionalArguments().first();
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    if (!loaded)
        return fail(loaded.error());
    const auto& m = loaded.value();
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(configToJson(m.config, 0))).object();
    o[QStringLiteral("format_version")] = kCheckpointVersion;
    o[QStringLiteral("step")] = static_cast<qint64>(m.step);
    o[QStringLiteral("params")] = static_cast<qint64>(m.model->parameterCount());
    if (!m.lossHistory.empty())
        o[QStringLiteral("last_loss")] = m.lossHistory.back().loss;
    o[QStringLiteral("loss_points")] = static_cast<qint64>(m.lossHistory.size());
    o[QStringLiteral("sampling_only")] = m.samplingOnly;
    o[QStringLiteral("sha256")] = sha256OfFile(path);
    std::printf("%s", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
    return 0;
}

int cmdExport(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(opt("checkpoint", "the trained checkpoint to read", "CKPT"));
    p.addOption(opt("out", "the sampling-only checkpoint to write", "FILE"));
    p.addOption(opt("half", "store the weights in fp16: half the size, but the images are no longer bit-identical"));
    if (!parse(p, args,
               QStringLiteral("ddpm export: write a checkpoint for sampling only (EMA weights, no optimizer), "
                              "as the studio's demo model is shipped")))
        return 2;
    if (!p.isSet(QStringLiteral("checkpoint")) || !p.isSet(QStringLiteral("out")))
        return fail("usage: ddpm export --checkpoint CKPT --out FILE [--half]", 2);
    const auto in = p.value(QStringLiteral("checkpoint")).toStdString();
    const auto out = p.value(QStringLiteral("out")).toStdString();
    if (auto s = exportSamplingCheckpoint(in, out, p.isSet(QStringLiteral("half"))); !s)
        return fail(s.error());
    std::printf("ddpm: wrote %s (%lld bytes)\n", out.c_str(),
                static_cast<long long>(QFileInfo(QString::fromStdString(out)).size()));
    return 0;
}

// ---------------------------------------------------------------------------------------------

int cmdTrainClassifier(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(opt("data", "training images with labels (grey, read at 28×28)", "SPEC", "fashion-mnist:train"));
    p.addOption(opt("test", "test images with labels, for the accuracy", "SPEC", "fashion-mnist:test"));
    p.addOption(opt("out", "classifier file to write", "FILE"));
    p.addOption(opt("epochs", "passes over the training images", "N", "4"));
    p.addOption(opt("batch", "batch size", "B", "128"));
    p.addOption(opt("lr", "Adam learning rate (cosine decay to 0)", "LR", "0.002"));
    p.addOption(opt("seed", "random seed: the same seed, data and threads give the same weights", "S", "0"));
    p.addOption(opt("device", "auto, cpu or cuda", "D", "auto"));
    p.addOption(opt("threads", "CPU threads (0: all cores)", "N", "0"));
    if (!parse(p, args,
               QStringLiteral("ddpm train-classifier: train the Fashion-MNIST classifier that `ddpm quality` uses")))
        return 2;
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail("--out FILE is required", 2);
    ClassifierTrainOptions o;
    int threads = 0;
    if (!number(p, QStringLiteral("epochs"), o.epochs, 1, 1000) ||
        !number(p, QStringLiteral("batch"), o.batch, 1, 65536) || !number(p, QStringLiteral("lr"), o.lr, 1e-9, 1) ||
        !number(p, QStringLiteral("seed"), o.seed, 0, 9e15) || !number(p, QStringLiteral("threads"), threads, 0, 1024))
        return 2;
    configureThreads(threads);
    auto device = parseDevice(p.value(QStringLiteral("device")).toStdString());
    if (!device)
        return fail(device.error(), 2);
    o.device = device.value();
    const std::string trainSpec = p.value(QStringLiteral("data")).toStdString();
    const std::string testSpec = p.value(QStringLiteral("test")).toStdString();
    auto train = loadDataSpec(trainSpec, 1, kClassifierImageSize, qtFolderLoader());
    if (!train)
        return fail(train.error());
    auto test = loadDataSpec(testSpec, 1, kClassifierImageSize, qtFolderLoader());
    if (!test)
        return fail(test.error());

    std::signal(SIGINT, onSigint);
    std::signal(SIGTERM, onSigint);
    const bool tty = ::isatty(STDERR_FILENO);
    std::fprintf(stderr, "ddpm: training a classifier on %s (%lld images) for %d epochs on %s, seed %llu\n",
                 trainSpec.c_str(), static_cast<long long>(train->size()), o.epochs,
                 deviceDescription(o.device).c_str(), static_cast<unsigned long long>(o.seed));
    const auto t0 = std::chrono::steady_clock::now();
    auto trained = trainClassifier(
        train.value(), test.value(), o,
        [&](const ClassifierProgress& s) {
            const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (s.testAccuracy >= 0) {
                std::fprintf(stderr, "%sepoch %d/%d  loss %.4f  test accuracy %.2f%%  %s\n", tty ? "\r" : "", s.epoch,
                             s.epochs, s.loss, 100.0 * s.testAccuracy, formatDuration(secs).toLatin1().constData());
            } else if (tty || s.step % 200 == 0) {
                std::fprintf(stderr, "%sepoch %d/%d  step %lld/%lld  loss %.4f  %s%s", tty ? "\r" : "", s.epoch,
                             s.epochs, static_cast<long long>(s.step), static_cast<long long>(s.totalSteps), s.loss,
                             formatDuration(secs).toLatin1().constData(), tty ? "   " : "\n");
            }
        },
        &g_interrupted);
    if (!trained)
        return fail(g_interrupted.load() ? std::string("interrupted; nothing was written") : trained.error());
    if (auto s = saveClassifier(trained.value(), out.toStdString()); !s)
        return fail(s.error());
    std::fprintf(stderr, "ddpm: wrote %s (%lld parameters, %lld bytes)\n", out.toLocal8Bit().constData(),
                 static_cast<long long>(trained->net->parameterCount()), static_cast<long long>(QFileInfo(out).size()));
    std::printf("test accuracy %.2f%% on %lld images of %s\n", 100.0 * trained->testAccuracy,
                static_cast<long long>(trained->testCount), testSpec.c_str());
    return 0;
}

int cmdQuality(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(opt("checkpoint", "checkpoint of a grey model trained on Fashion-MNIST", "CKPT"));
    p.addOption(opt("count", "samples to draw (the floor uses as many real training images)", "N", "1000"));
    p.addOption(opt("sampler", "ddim or ddpm", "S", "ddim"));
    p.addOption(opt("steps", "DDIM steps", "S", "100"));
    p.addOption(opt("eta", "DDIM η", "E", "0"));
    p.addOption(opt("seed", "random seed of the samples", "S", "0"));
    p.addOption(opt("weights", "ema or raw", "W", "ema"));
    p.addOption(opt("batch",
                    "images through the network at once (0: chosen for the device); the images do not depend on it",
                    "B", "0"));
    p.addOption(opt("classifier",
                    "classifier file (default: the shipped models/fashion-mnist-classifier.ckpt, in $DDPM_DATA_DIR, "
                    "../share/ddpm-studio next to the program or the source tree's resources)",
                    "FILE"));
    p.addOption(opt("precision", "fp32, bf16 (mixed) or auto (bf16 where fast)", "P", "auto"));
    p.addOption(opt("device", "auto, cpu or cuda", "D", "auto"));
    p.addOption(opt("threads", "CPU threads (0: all cores)", "N", "0"));
    p.addOption(opt("sweep", "measure DDIM with 10, 20, 50, 100 and 250 steps and DDPM with all T steps"));
    p.addOption(opt("csv", "also write the report (or the sweep's rows) as CSV", "FILE"));
    if (!parse(p, args,
               QStringLiteral("ddpm quality: sample a model and compare the samples with the Fashion-MNIST test "
                              "images through a classifier's features (a Fréchet distance, as FID), beside the "
                              "floor that as many real training images reach; JSON on standard output")))
        return 2;
    const QString ckpt = p.value(QStringLiteral("checkpoint"));
    if (ckpt.isEmpty())
        return fail("--checkpoint CKPT is required", 2);
    QualityOptions qo;
    int threads = 0;
    if (!number(p, QStringLiteral("count"), qo.count, 2, 100000) ||
        !number(p, QStringLiteral("steps"), qo.sampler.ddimSteps, 1, 100000) ||
        !number(p, QStringLiteral("eta"), qo.sampler.eta, 0, 1) ||
        !number(p, QStringLiteral("seed"), qo.sampler.seed, 0, 9e15) ||
        !number(p, QStringLiteral("batch"), qo.batch, 0, 65536) ||
        !number(p, QStringLiteral("threads"), threads, 0, 1024))
        return 2;
    auto kind = parseSamplerKind(p.value(QStringLiteral("sampler")).toStdString());
    if (!kind)
        return fail(kind.error(), 2);
    qo.sampler.kind = kind.value();
    const QString weights = p.value(QStringLiteral("weights"));
    if (weights != QLatin1String("ema") && weights != QLatin1String("raw"))
        return fail("--weights takes ema or raw", 2);
    configureThreads(threads);
    auto device = parseDevice(p.value(QStringLiteral("device")).toStdString());
    if (!device)
        return fail(device.error(), 2);
    auto precision = parsePrecision(p.value(QStringLiteral("precision")).toStdString(), device.value());
    if (!precision)
        return fail(precision.error(), 2);
    auto loaded = loadCheckpoint(ckpt.toStdString(), device.value());
    if (!loaded)
        return fail(loaded.error());
    auto& m = loaded.value();
    if (m.config.unet.imageChannels() != 1)
        return fail(QStringLiteral("'%1' makes %2-channel images; quality is measured against Fashion-MNIST, for grey "
                                   "models only")
                        .arg(ckpt)
                        .arg(m.config.unet.imageChannels()));
    if (m.config.dataSpec.rfind("fashion-mnist", 0) != 0)
        std::fprintf(stderr, "ddpm: note: the model was trained on %s; it is compared with Fashion-MNIST\n",
                     m.config.dataSpec.c_str());
    const QString classifierFile =
        p.isSet(QStringLiteral("classifier")) ? p.value(QStringLiteral("classifier")) : classifierPath();
    if (classifierFile.isEmpty())
        return fail("no classifier found (resources/models/fashion-mnist-classifier.ckpt); name one with --classifier "
                    "or make one with `ddpm train-classifier`");
    auto classifier = loadClassifier(classifierFile.toStdString(), device.value());
    if (!classifier)
        return fail(classifier.error());
    m.model->setPrecision(precision.value());
    m.ema->setPrecision(precision.value());
    Diffusion diffusion(NoiseSchedule(m.config.schedule), m.config.prediction, device.value());
    const auto denoiser = makeDenoiser(weights == QLatin1String("ema") ? m.ema : m.model);
    const std::vector<int64_t> shape{1, m.config.unet.imageSize(), m.config.unet.imageSize()};

    std::fprintf(stderr, "ddpm: reference: Fashion-MNIST test features and the floor of %d training images\n",
                 qo.count);
    auto reference = fashionMnistReference(classifier.value(), qo.count);
    if (!reference)
        return fail(reference.error());
    const std::vector<SamplerOptions> settings =
        p.isSet(QStringLiteral("sweep")) ? qualitySweep(qo.sampler) : std::vector<SamplerOptions>{qo.sampler};

    std::signal(SIGINT, onSigint);
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
            &g_interrupted);
        if (tty)
            std::fprintf(stderr, "\n");
        if (!report)
            return fail(isCancelled(report.failure()) ? std::string("interrupted") : report.error());
        std::fprintf(stderr, "ddpm: %s: FID %.3f (floor %.3f, ratio %.2f), mean confidence %.3f, %.3f s/image\n",
                     label.c_str(), report->fid, report->fidFloor, report->ratio, report->meanConfidence,
                     report->secondsPerImage);
        reports.push_back(report.value());
    }

    auto reportObject = [](const QualityReport& r) {
        return QJsonDocument::fromJson(QByteArray::fromStdString(qualityReportToJson(r, 0))).object();
    };
    QJsonObject o;
    o[QStringLiteral("checkpoint")] = ckpt;
    o[QStringLiteral("training_step")] = static_cast<qint64>(m.step);
    o[QStringLiteral("weights")] = weights;
    o[QStringLiteral("classifier")] = classifierFile;
    o[QStringLiteral("classifier_test_accuracy")] = classifier->testAccuracy;
    if (p.isSet(QStringLiteral("sweep"))) {
        QJsonArray rows;
        for (const auto& r : reports)
            rows.append(reportObject(r));
        o[QStringLiteral("count")] = qo.count;
        o[QStringLiteral("fid_floor")] = reference->fidFloor;
        o[QStringLiteral("rows")] = rows;
    } else {
        const auto r = reportObject(reports.front());
        for (auto it = r.begin(); it != r.end(); ++it)
            o[it.key()] = it.value();
    }
    if (p.isSet(QStringLiteral("csv"))) {
        QSaveFile csv(p.value(QStringLiteral("csv")));
        std::string text = qualityCsvHeader(classifier->classNames);
        for (const auto& r : reports)
            text += qualityReportToCsvRow(r);
        if (!csv.open(QIODevice::WriteOnly) || csv.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
            !csv.commit())
            return fail(QStringLiteral("cannot write '%1': %2").arg(csv.fileName(), csv.errorString()));
    }
    std::printf("%s", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
    return 0;
}

int cmdBench(int argc, char** argv)
{
    auto options = parseBenchArgs(argc, argv, 2);
    if (!options)
        return fail(options.error(), 2);
    if (options->help) {
        std::printf("%s", benchUsage("ddpm bench").c_str());
        return 0;
    }
    auto r = runBench(options.value());
    if (!r)
        return fail(r.error());
    std::printf("%s\n", benchToJson(r.value()).c_str());
    return 0;
}

void usage(FILE* to)
{
    std::fprintf(to, "usage: ddpm COMMAND [options]\n\n"
                     "commands:\n"
                     "  schedule   print a noise schedule as CSV\n"
                     "  train      train a denoising U-Net (Ctrl-C saves and exits)\n"
                     "  sample     draw images with DDPM or DDIM; strips and GIFs of the reverse process\n"
                     "  info       print a checkpoint's configuration as JSON\n"
                     "  export     write a small checkpoint for sampling only (EMA weights)\n"
                     "  bench      measure training and denoising throughput\n"
                     "  train-classifier  train the Fashion-MNIST classifier that quality uses\n"
                     "  quality    measure sample quality: a Fréchet distance to Fashion-MNIST, beside its floor\n\n"
                     "ddpm COMMAND --help lists the options of a command.\n");
}

} // namespace

int main(int argc, char** argv)
{
    ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ddpm"));
    QCoreApplication::setApplicationVersion(appVersion());
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    QStringList args = QCoreApplication::arguments();
    args.removeAt(1); // the parser sees "ddpm --opt …"
    try {
        if (cmd == "schedule")
            return cmdSchedule(args);
        if (cmd == "train")
            return cmdTrain(args);
        if (cmd == "sample")
            return cmdSample(args);
        if (cmd == "info")
            return cmdInfo(args);
        if (cmd == "export")
            return cmdExport(args);
        if (cmd == "bench")
            return cmdBench(argc, argv);
        if (cmd == "train-classifier")
            return cmdTrainClassifier(args);
        if (cmd == "quality")
            return cmdQuality(args);
        if (cmd == "help" || cmd == "--help" || cmd == "-h") {
            usage(stdout);
            return 0;
        }
        if (cmd == "--version") {
            std::printf("ddpm %s\n", DDPM_VERSION);
            return 0;
        }
    } catch (const std::exception& e) {
        // LibTorch's errors carry a C++ stack trace: the user gets its first line, and a remedy for memory.
        return fail(describeException(e, ddpm::fail(DDPM_MSG("Engine", "the command '%1'"), cmd)).message());
    } catch (...) {
        return fail(describeUnknownException(ddpm::fail(DDPM_MSG("Engine", "the command '%1'"), cmd)).message());
    }
    usage(stderr);
    return fail("unknown command '" + cmd + "'", 2);
}
