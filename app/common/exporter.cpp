#include "exporter.h"

#include "sha256.h"

#include "animation.h"
#include "imageio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QPainter>

#include <cerrno>
#include <signal.h>

namespace ddpm {

QString appVersion()
{
    return QStringLiteral(DDPM_VERSION);
}

QString sha256OfFile(const QString& path)
{
    return QString::fromStdString(sha256OfFile(QFile::encodeName(path).toStdString()));
}

void describeSampler(ExportMeta& meta, const SamplerOptions& o, const std::vector<std::string>& classNames)
{
    if (!classNames.empty()) {
        meta.classChoice = QString::fromStdString(classChoiceName(o.classChoice, classNames));
        meta.guidance = o.guidance;
        meta.classCycle.clear();
        if (o.classChoice == kEveryClass) // as sampleLabels gives them
            for (const auto& name : classNames)
                meta.classCycle << QString::fromStdString(name);
    }
    const bool corrected = o.corrector == CorrectorKind::Langevin && !isLangevinSampler(o.kind);
    meta.sampler =
        QString::fromStdString(samplerKindName(o.kind)) + (corrected ? QStringLiteral("+langevin") : QString());
    meta.eta = o.kind == SamplerKind::Ddim ? o.eta : std::nan(""); // DDPM is DDIM's η = 1 only with σ² = β̃
    meta.spacing = o.kind == SamplerKind::Ddim ? QString::fromStdString(timestepSpacingName(o.spacing)) : QString();
    // σ_t² is chosen only by ancestral sampling: DDIM's follows from η, Langevin has none.
    meta.variance = o.kind == SamplerKind::Ddpm ? QString::fromStdString(varianceKindName(o.variance)) : QString();
    meta.clipX0 = o.clipX0;
    meta.snr = corrected ? o.snr : 0.0;
    meta.langevinStep = isLangevinSampler(o.kind) ? o.langevinStep : 0.0;
    meta.langevinSteps = corrected || isLangevinSampler(o.kind) ? o.langevinSteps : 0;
}

namespace {
// What made a run's images: the sampler and its settings, the weights and the class.
void addSampler(QJsonObject& o, const ExportMeta& m)
{
    o[QStringLiteral("sampler")] = m.sampler;
    if (std::isfinite(m.eta))
        o[QStringLiteral("eta")] = m.eta;
    if (!m.spacing.isEmpty())
        o[QStringLiteral("spacing")] = m.spacing;
    if (!m.variance.isEmpty())
        o[QStringLiteral("variance")] = m.variance;
    o[QStringLiteral("clip_x0")] = m.clipX0;
    if (m.snr > 0)
        o[QStringLiteral("snr")] = m.snr;
    if (m.langevinStep > 0)
        o[QStringLiteral("langevin_step")] = m.langevinStep;
    if (m.langevinSteps > 0)
        o[QStringLiteral("langevin_steps")] = m.langevinSteps;
    if (m.image >= 0)
        o[QStringLiteral("image")] = m.image;
    if (!m.walk.isEmpty())
        o[QStringLiteral("walk")] = m.walk;
    o[QStringLiteral("weights")] = m.weights;
    if (!m.classChoice.isEmpty()) {
        // One image of a run over every class: its own class, and that the run took them all.
        const bool own = m.image >= 0 && !m.classCycle.isEmpty();
        o[QStringLiteral("class")] = own ? m.classCycle[m.image % m.classCycle.size()] : m.classChoice;
        if (own)
            o[QStringLiteral("class_choice")] = m.classChoice;
        o[QStringLiteral("guidance")] = m.guidance;
    }
}
} // namespace

QJsonObject metaToJson(const ExportMeta& m)
{
    QJsonObject o;
    o[QStringLiteral("kind")] = m.kind;
    const bool chart = m.kind == QLatin1String("loss-chart");
    const bool forward = m.kind == QLatin1String("forward-strip");
    if (!chart) { // a seed as text: a 64-bit one would lose digits as a JSON number (a double)
        o[QStringLiteral("seed")] = QString::number(m.seed);
        o[QStringLiteral("schedule")] = m.schedule;
        o[QStringLiteral("steps")] = m.steps;
        if (m.stepsTaken >= 0) // a run stopped part of the way: its last image is not x_0
            o[QStringLiteral("steps_taken")] = m.stepsTaken;
    }
    if (forward) {
        o[QStringLiteral("data")] = m.data;
        o[QStringLiteral("image")] = m.image;
    } else if (!chart) {
        addSampler(o, m);
    }
    if (m.scale > 0)
        o[QStringLiteral("scale")] = m.scale;
    if (!m.frameTimesteps.isEmpty()) {
        QJsonArray t;
        for (int v : m.frameTimesteps)
            t.append(v);
        o[QStringLiteral("frame_t")] = t;
    }
    o[QStringLiteral("model_preset")] = m.preset;
    o[QStringLiteral("training_step")] = m.trainingStep;
    // Never an empty checksum: a file that could not be read says so.
    o[QStringLiteral("checkpoint_sha256")] =
        m.checkpointSha256.isEmpty() ? QStringLiteral("unavailable") : m.checkpointSha256;
    o[QStringLiteral("app")] = QStringLiteral("DDPM Studio");
    o[QStringLiteral("app_version")] = appVersion();
    return o;
}

QString sidecarPath(const QString& exportPath)
{
    return exportPath + QStringLiteral(".json");
}

Status writeSidecar(const QString& exportPath, const ExportMeta& meta)
{
    return saveBytesAtomically(QJsonDocument(metaToJson(meta)).toJson(QJsonDocument::Indented),
                               sidecarPath(exportPath));
}

Status exportFile(const QByteArray& bytes, const QString& path, const ExportMeta& meta)
{
    return saveFilesTogether(
        {{path, bytes}, {sidecarPath(path), QJsonDocument(metaToJson(meta)).toJson(QJsonDocument::Indented)}});
}

Status exportImage(const QImage& image, const QString& path, const ExportMeta& meta)
{
    auto bytes = encodeImage(image, path);
    if (!bytes)
        return bytes.failure();
    return exportFile(bytes.value(), path, meta);
}

QString exportedImageName(const QString& baseName, qint64 index)
{
    return QStringLiteral("%1-%2.png").arg(baseName).arg(index, 5, 10, QLatin1Char('0'));
}

bool isExportedImageName(const QString& baseName, const QString& fileName)
{
    const QRegularExpression name(
        QStringLiteral("^%1(-\\d{5,}|_\\d{4,})\\.png(\\.json)?$").arg(QRegularExpression::escape(baseName)));
    return name.match(fileName).hasMatch();
}

QStringList earlierExports(const QString& folder, const QString& baseName)
{
    const QDir dir(folder);
    if (!dir.exists())
        return {};
    QStringList found;
    for (const QString& f : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name))
        if (isExportedImageName(baseName, f))
            found << dir.filePath(f);
    return found;
}

namespace {

QString folderError(const char* text, const QString& a, const QString& b = {})
{
    const QString t = QCoreApplication::translate("Exporter", text);
    return b.isEmpty() ? t.arg(a) : t.arg(a, b);
}

// Moves each of `names` from `from` into `to` (same file system: renames); on a failure moves back the ones
// it moved and returns the name that failed.
QString moveAll(const QStringList& names, const QDir& from, const QDir& to)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!QDir().rename(from.filePath(names[i]), to.filePath(names[i]))) {
            for (qsizetype j = 0; j < i; ++j)
                QDir().rename(to.filePath(names[j]), from.filePath(names[j]));
            return names[i];
        }
    }
    return {};
}

} // namespace

Status exportImagesToFolder(const QList<QImage>& images, const QString& folder, const QString& baseName,
                            const ExportMeta& meta, bool replaceEarlier)
{
    if (!QDir().mkpath(folder))
        return Error{
            folderError(QT_TRANSLATE_NOOP("Exporter", "Cannot create the folder '%1'."), folder).toStdString()};
    const QStringList earlier = earlierExports(folder, baseName);
    const int earlierCount = static_cast<int>(earlier.size());
    if (earlierCount > 0 && !replaceEarlier) // (English has no translation to pick a plural form)
        return Error{
            (earlierCount == 1
                 ? QCoreApplication::translate("Exporter", "'%1' already holds a file of an earlier export (%2): new "
                                                           "and old files would mix. Choose another folder, or replace "
                                                           "the earlier export.")
                 : QCoreApplication::translate("Exporter",
                                               "'%1' already holds %n files of an earlier export (%2 …): "
                                               "new and old files would mix. Choose another folder, or "
                                               "replace the earlier export.",
                                               nullptr, earlierCount))
                .arg(folder, QFileInfo(earlier.first()).fileName())
                .toStdString()};
    // 1. The whole new export in a hidden folder beside the earlier one: a failure (a full disk) removes it
    // and leaves the earlier export as it was.
    QTemporaryDir staged(stagingFolderTemplate(folder, baseName));
    if (!staged.isValid())
        return Error{folderError(QT_TRANSLATE_NOOP("Exporter", "Cannot write into the folder '%1': it takes no new "
                                                               "files (%2). The earlier files, if any, are unchanged."),
                                 folder, staged.errorString())
                         .toStdString()};
    QStringList names;
    for (int i = 0; i < images.size(); ++i) {
        const QString name = exportedImageName(baseName, i);
        ExportMeta m = meta;
        m.kind = QStringLiteral("sample");
        m.image = i; // sample-00000.png is image 0 of the run
        if (auto s = exportImage(images[i], QDir(staged.path()).filePath(name), m); !s) // named as the user knows it
            return Error{QString::fromStdString(s.error()).replace(staged.path(), folder).toStdString()};
        names << name << QFileInfo(sidecarPath(name)).fileName();
    }
    QStringList earlierNames;
    for (const QString& f : earlier)
        earlierNames << QFileInfo(f).fileName();
    return replaceWithStaged(staged.path(), names, folder, earlierNames);
}

QString stagingFolderTemplate(const QString& folder, const QString& baseName)
{
    const QDir dir(folder);
    const QString prefix = QStringLiteral(".%1-new-").arg(baseName);
#ifdef Q_OS_UNIX
    for (const QString& name :
         dir.entryList({prefix + QLatin1Char('*')}, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QStringList parts = name.mid(prefix.size()).split(QLatin1Char('-'));
        bool number = false;
        const qint64 owner = parts.size() == 2 ? parts.first().toLongLong(&number) : 0;
        if (number && owner > 0 && ::kill(static_cast<pid_t>(owner), 0) != 0 && errno == ESRCH)
            QDir(dir.filePath(name)).removeRecursively();
    }
#endif
    return dir.filePath(prefix + QString::number(QCoreApplication::applicationPid()) + QStringLiteral("-XXXXXX"));
}

Status replaceWithStaged(const QString& stagedFolder, const QStringList& names, const QString& folder,
                         const QStringList& earlierNames)
{
    // The earlier files aside, the new ones into place (renames: no copy, nothing half-written); a failure
    // puts the earlier files back.
    const QDir target(folder), staged(stagedFolder);
    QTemporaryDir aside(target.filePath(QStringLiteral(".earlier-XXXXXX")));
    if (!aside.isValid())
        return Error{folderError(QT_TRANSLATE_NOOP("Exporter", "Cannot write into the folder '%1': it takes no new "
                                                               "files (%2). The earlier files, if any, are unchanged."),
                                 folder, aside.errorString())
                         .toStdString()};
    if (const QString failed = moveAll(earlierNames, target, QDir(aside.path())); !failed.isEmpty())
        return Error{
            folderError(QT_TRANSLATE_NOOP(
                            "Exporter", "Cannot replace '%1' of the earlier export. The earlier files are unchanged."),
                        target.filePath(failed))
                .toStdString()};
    if (const QString failed = moveAll(names, staged, target); !failed.isEmpty()) {
        moveAll(earlierNames, QDir(aside.path()), target);
        return Error{
            folderError(QT_TRANSLATE_NOOP("Exporter", "Cannot move '%1' into place. The earlier files are unchanged."),
                        target.filePath(failed))
                .toStdString()};
    }
    return Ok{}; // the hidden folder goes with the earlier files
}

Status exportLossCsv(const LossHistory& history, const QString& path)
{
    QByteArray csv("step,loss,loss_min,loss_max,steps\n");
    const auto number = [](double v) { return QByteArray::number(v, 'g', 9); };
    for (const auto& b : history.buckets()) // older steps, folded: the mean over `steps` steps ending at `step`
        csv += QByteArray::number(static_cast<qlonglong>(b.lastStep)) + ',' + number(b.mean) + ',' + number(b.min) +
               ',' + number(b.max) + ',' + QByteArray::number(static_cast<qlonglong>(b.count)) + '\n';
    for (const auto& p : history.recent()) {
        const QByteArray loss = number(static_cast<double>(p.loss));
        csv += QByteArray::number(static_cast<qlonglong>(p.step)) + ',' + loss + ',' + loss + ',' + loss + ",1\n";
    }
    return saveBytesAtomically(csv, path);
}

QImage makeStrip(const QList<QList<QImage>>& framesPerStep, int scale, int padding)
{
    if (framesPerStep.isEmpty() || framesPerStep.first().isEmpty())
        return {};
    const int cols = static_cast<int>(framesPerStep.size());
    const int rows = static_cast<int>(framesPerStep.first().size());
    QList<QImage> ordered;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            ordered.append(r < framesPerStep[c].size() ? framesPerStep[c][r] : QImage());
    return makeGrid(ordered, cols, padding, scale);
}

} // namespace ddpm
