#include "exports.h"

#include "threadpriority.h"

#include "animation.h"
#include "device.h"
#include "imageio.h"
#include "imagestrip.h"
#include "messages.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QtConcurrentRun>

#include <algorithm>
#include <new>
#include <cmath>

using namespace ddpm;

namespace {

using WeightsFile = Exports::WeightsFile;
using Job = Exports::Job;

// Runs on the export's thread: the SHA-256 of the weights' file, when it is still as it was.
QString hashOf(const WeightsFile& f)
{
    const QFileInfo info(f.path);
    return !f.path.isEmpty() && info.exists() && info.size() == f.size && info.lastModified() == f.modified
               ? sha256OfFile(f.path)
               : QStringLiteral("unsaved");
}

// The export of `meta` for `source`'s weights: the hash filled in on the export's thread, then `write`.
template <typename Write> Job withHash(ExportMeta meta, const WeightsFile& source, Write write)
{
    return [meta, source, write]() mutable {
        meta.checkpointSha256 = hashOf(source);
        return write(meta);
    };
}

Job refusal(const QString& why)
{
    return [why] { return Status(Error{why.toStdString()}); };
}

WeightsFile weightsOfRun(const RunOrigin& origin)
{
    return {origin.file, origin.fileSize, origin.fileModified};
}

// A run's strip or animation is the whole run or where it was stopped, never the part that is there yet.
QString stillRunning()
{
    return Exports::tr("The reverse process is still running: export it when it ends, or after Cancel (the export "
                       "then records the step it stopped at).");
}

} // namespace

Exports::Exports(Sources sources, QObject* parent)
    : QObject(parent)
    , m_sources(std::move(sources))
{
    m_pool.setMaxThreadCount(1);
}

Exports::~Exports()
{
    waitForFinished();
}

ExportMeta Exports::baseMeta(const QString& kind) const
{
    ExportMeta m;
    if (const auto snap = m_sources.model ? m_sources.model() : SnapshotPtr()) {
        m.schedule = QString::fromStdString(scheduleKindName(snap->config.schedule.kind));
        m.preset = QString::fromStdString(snap->config.preset);
        m.trainingStep = snap->step;
        m.steps = snap->config.schedule.steps;
    }
    if (m_sources.trainingStep) // during a run the model's snapshot is the one it started from
        m.trainingStep = m_sources.trainingStep();
    m.kind = kind;
    return m;
}

ExportMeta Exports::reverseMeta(const QString& kind) const
{
    ExportMeta m = baseMeta(kind);
    const RunOrigin& origin = m_sources.reverse->shown().origin; // the run shown: what made the images exported
    const auto& r = origin.request;
    std::vector<std::string> classNames;
    if (r.model) {
        m.schedule = QString::fromStdString(scheduleKindName(r.model->config.schedule.kind));
        m.preset = QString::fromStdString(r.model->config.preset);
        m.trainingStep = r.model->step;
        if (r.model->config.conditional())
            classNames = r.model->config.classNames;
    }
    m.seed = r.options.seed;
    describeSampler(m, r.options, classNames);
    if (!origin.kind.isEmpty())
        m.sampler += QStringLiteral(" (") + origin.kind + QLatin1Char(')');
    // The run's steps, not the frames kept (a long run keeps every k-th).
    const auto& shown = m_sources.reverse->shown();
    m.steps = shown.total > 0 ? shown.stepCount() : std::max(0, static_cast<int>(shown.frames.size()) - 1);
    if (!shown.completed && !shown.frames.isEmpty() && shown.frames.last().t > 0)
        m.stepsTaken = shown.frames.last().step; // stopped: its last frame is x_t after that many steps
    m.weights = QString::fromStdString(weightsNames().at(r.useEma ? 0 : 1));
    m.scale = kind == kSampleName ? 1 : ReverseRuns::kExportScale; // a folder's samples at the model's size
    return m;
}

Job Exports::sampleGrid(const QString& path) const
{
    const auto finals = m_sources.reverse->finalImages(); // of the run shown
    if (finals.isEmpty())
        return refusal(tr("There are no samples yet: run the reverse process first."));
    const int columns = squareGridColumns(static_cast<int>(finals.size()));
    return withHash(reverseMeta(QStringLiteral("grid")), weightsOfRun(m_sources.reverse->shown().origin),
                    [finals, columns, path](const ExportMeta& m) {
                        return exportImage(makeGrid(finals, columns, kGridPadding, ReverseRuns::kExportScale), path, m);
                    });
}

Job Exports::samplesToFolder(const QString& folder, bool replaceEarlier) const
{
    const auto finals = m_sources.reverse->finalImages();
    if (finals.isEmpty())
        return refusal(tr("There are no samples yet: run the reverse process first."));
    return withHash(reverseMeta(kSampleName), weightsOfRun(m_sources.reverse->shown().origin),
                    [finals, folder, replaceEarlier](const ExportMeta& m) {
                        return exportImagesToFolder(finals, folder, kSampleName, m, replaceEarlier);
                    });
}

Job Exports::reverseStrip(const QString& path) const
{
    const ReverseRuns& runs = *m_sources.reverse;
    if (runs.shown().frames.isEmpty())
        return refusal(tr("There is no reverse process to export yet."));
    if (runs.shown().running)
        return refusal(stillRunning());
    // The strip as the view draws it: x_T … x_0.
    QList<QList<QImage>> columns;
    QStringList labels;
    ExportMeta meta = reverseMeta(QStringLiteral("strip"));
    for (int i : runs.stripFrames()) {
        const SampleFrame& f = runs.shown().frames[i];
        columns << ReverseRuns::stripColumn(f);
        labels << ReverseRuns::columnLabel(f);
        meta.frameTimesteps << f.t;
    }
    return withHash(meta, weightsOfRun(runs.shown().origin),
                    [image = ImageStrip::render(columns, labels, ReverseRuns::kExportScale),
                     path](const ExportMeta& m) { return exportImage(image, path, m); });
}

int Exports::animationDelayMs() const
{
    // Played as the view plays it (12 fps: 83 ms, which a GIF keeps as 80), within 1 to 50 fps.
    const int fps = m_sources.animationFps ? m_sources.animationFps() : 0;
    return fps > 0 ? std::clamp(static_cast<int>(std::lround(1000.0 / fps)), 20, 1000) : kAnimationDelayMs;
}

Job Exports::reverseAnimation(const QString& path, bool webp) const
{
    const auto sources = m_sources.reverse->animationSources(); // the grids are drawn by the job
    if (sources.isEmpty())
        return refusal(tr("There is no reverse process to export yet."));
    if (m_sources.reverse->shown().running)
        return refusal(stillRunning());
    // The name tells a file's type to file managers and browsers: no GIF under a .png name.
    const QString type = webp ? QStringLiteral("webp") : QStringLiteral("gif");
    if (QFileInfo(path).suffix().compare(type, Qt::CaseInsensitive) != 0)
        return refusal(tr("The name %1 does not end in .%2: an animation of this kind is saved under a name that "
                          "does.")
                           .arg(QFileInfo(path).fileName(), type));
    ExportMeta meta = reverseMeta(type);
    meta.frameTimesteps = m_sources.reverse->animationTimesteps();
    return withHash(meta, weightsOfRun(m_sources.reverse->shown().origin),
                    [sources, path, webp, delayMs = animationDelayMs()](const ExportMeta& m) -> Status {
                        auto frames = ReverseRuns::animationFramesFrom(sources);
                        holdLastFrame(frames, delayMs); // the final x0 a second before the loop
                        auto bytes = webp ? encodeWebP(frames, delayMs) : encodeGif(frames, delayMs);
                        if (!bytes)
                            return bytes.failure();
                        return exportFile(bytes.value(), path, m); // with its sidecar, or neither
                    });
}

Job Exports::forwardStrip(const QString& path) const
{
    const ForwardStrip strip = m_sources.forward();
    if (strip.frames.isEmpty())
        return refusal(tr("There is no image to noise yet: choose a data set."));
    ExportMeta m = baseMeta(QStringLiteral("forward-strip"));
    m.schedule = QString::fromStdString(scheduleKindName(strip.schedule.kind));
    m.steps = strip.schedule.steps;
    m.sampler = QStringLiteral("forward");
    m.seed = strip.noiseSeed;
    m.image = strip.image;
    m.data = strip.dataSpec;
    m.scale = ReverseRuns::kExportScale;
    QList<QList<QImage>> columns;
    for (const QImage& frame : strip.frames)
        columns << QList<QImage>{frame};
    return withHash(m, m_sources.currentWeights(),
                    [image = ImageStrip::render(columns, strip.labels, ReverseRuns::kExportScale),
                     path](const ExportMeta& meta) { return exportImage(image, path, meta); });
}

Job Exports::lossCsv(const QString& path) const
{
    const LossHistory history = m_sources.lossHistory(); // a bounded copy
    if (history.empty())
        return refusal(tr("There is no loss history yet: train the model first."));
    return [history, path] { return ddpm::exportLossCsv(history, path); };
}

Job Exports::lossChart(const QString& path) const
{
    return withHash(
        baseMeta(QStringLiteral("loss-chart")), m_sources.currentWeights(),
        [image = m_sources.lossChartImage(), path](const ExportMeta& m) { return exportImage(image, path, m); });
}

Job Exports::qualityCsv(const QString& path) const
{
    auto csv = m_sources.quality->csv();
    if (!csv)
        return [failure = csv.failure()] { return Status(failure); };
    return [bytes = csv.value(), path] { return saveBytesAtomically(bytes, path); };
}

bool Exports::run(Job job, const QString& what, const QString& done)
{
    if (m_watcher)
        return false;
    // The job holds copies of what it writes (no widget, no `this`), and no exception leaves it.
    m_watcher = new QFutureWatcher<Status>(this);
    connect(m_watcher, &QFutureWatcher<Status>::finished, this, [this, done] {
        const Status s = m_watcher->result();
        m_watcher->deleteLater();
        m_watcher = nullptr;
        if (!s)
            Q_EMIT failed(ddpm::errorText(s));
        else
            Q_EMIT written(done);
    });
    Q_EMIT writing(what);
    m_watcher->setFuture(QtConcurrent::run(&m_pool, [job = std::move(job)]() -> Status {
        ThreadPriority::lowerCurrentThread(); // below the window, as the other workers
        try {
            return job();
        } catch (const std::bad_alloc&) {
            return Error{tr("The export ran out of memory; export fewer images or frames.").toStdString()};
        } catch (const std::exception& e) {
            return Error{
                tr("The export failed: %1").arg(QString::fromStdString(ddpm::exceptionSummary(e))).toStdString()};
        } catch (...) {
            return Error{tr("The export failed.").toStdString()};
        }
    }));
    return true;
}

void Exports::waitForFinished()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}
