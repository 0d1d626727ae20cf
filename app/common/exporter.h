// What leaves the app: images with a JSON sidecar that says how they were made, loss histories as
// CSV. Every file is written whole or not at all.
#pragma once

#include "imageio.h"
#include "result.h"
#include "trainer.h"

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cmath>

namespace ddpm {

struct ExportMeta {
    quint64 seed = 0;
    QString schedule;
    QString sampler; // ddpm | ddim | forward
    int steps = 0;
    int stepsTaken = -1;       // a reverse run stopped before its end: the steps it took (−1: it ended)
    double eta = std::nan(""); // DDIM's η; NaN (left out) for samplers without one
    QString spacing;           // DDIM's timestep spacing (linspace | trailing); empty (left out) for the others
    QString variance;          // beta | beta-tilde; empty (left out) for samplers that do not choose σ_t²
    QString weights;           // ema | raw
    QString preset;
    qint64 trainingStep = 0;
    QString checkpointSha256;
    QString kind;        // grid, sample, strip, gif, webp, forward-strip, loss-chart (the last two without
                         // the sampler's fields)
    QString classChoice; // a class-conditional model's: the class's name, "all" or "none"; empty otherwise
    // With "all": the classes in order, image i drawn as class i mod their count (a one-image sidecar names
    // its own class).
    QStringList classCycle;
    double guidance = 0; // classifier-free guidance w (with a class choice)
    bool clipX0 = true;  // x̂0 clipped to [−1, 1] while sampling
    // Langevin steps: the corrector's signal-to-noise ratio, the annealed sampler's step; 0 when not used.
    double snr = 0;
    double langevinStep = 0;
    int langevinSteps = 0;
    // One image of a run written on its own (a folder of samples): its place in the run, from 0, which with
    // the seed decides its noise (and, for every class, its class: index mod the class count). −1: none.
    // A forward strip's: the data set's image noised, from 0 (seed: its ε's).
    int image = -1;
    QString data;  // a forward strip's data set
    int scale = 0; // how many times each image was enlarged (0: left out, as for a chart)
    // A strip's or an animation's frames in order: the timestep each shows (x_T first, 0 for x_0; an
    // animation's x_0 is then held about a second). Empty: left out.
    QList<int> frameTimesteps;
    // An interpolation's walk, so that it can be drawn again: the data set, the two images, the number of
    // λ, the mode and where the denoising starts; empty for other exports.
    QJsonObject walk;
};

// The sampler's part of a sidecar, the same for the command and the studio: its name ("+langevin" with the
// corrector), η (DDIM's; 1 for ancestral sampling), the variance (ancestral sampling's only), the clipping and the
// Langevin settings; for a class-conditional model (its classNames given) the class chosen and the guidance.
void describeSampler(ExportMeta& meta, const SamplerOptions& options, const std::vector<std::string>& classNames = {});

QString appVersion();
QString sha256OfFile(const QString& path);
QJsonObject metaToJson(const ExportMeta& meta);
QString sidecarPath(const QString& exportPath);
// Writes exportPath + ".json".
Status writeSidecar(const QString& exportPath, const ExportMeta& meta);
// An image and its sidecar, replaced together or not at all.
Status exportImage(const QImage& image, const QString& path, const ExportMeta& meta);
// Encoded bytes (a GIF, a WebP animation) and their sidecar, together or not at all.
Status exportFile(const QByteArray& bytes, const QString& path, const ExportMeta& meta);
// NAME of the samples a folder export holds (sample-00000.png …), and the kind their sidecars give.
inline const QString kSampleName = QStringLiteral("sample");
// Image `index` of a folder export, NAME-00000.png … : numbered from 0 as its sidecar's "image" and the run's
// images are (`ddpm sample --out-dir` and the studio's "Every sample as PNG" name them alike).
QString exportedImageName(const QString& baseName, qint64 index);
// Whether `fileName` is one of them or a sidecar of one (or an earlier studio's NAME_0001.png).
bool isExportedImageName(const QString& baseName, const QString& fileName);
// The files of an earlier export of NAME-00000.png … (and their sidecars, and the NAME_0001.png … of earlier
// versions of the studio) in `folder`.
QStringList earlierExports(const QString& folder, const QString& baseName);
// Every image as NAME-00000.png … into a folder, each with its sidecar. A folder that already holds an
// earlier export of that name is refused (the files would mix) unless `replaceEarlier`: then the new
// export is written whole before it replaces the earlier one's files, so that a failure (a full disk)
// leaves the earlier export as it was.
Status exportImagesToFolder(const QList<QImage>& images, const QString& folder, const QString& baseName,
                            const ExportMeta& meta, bool replaceEarlier = false);
// The template (for QTemporaryDir) of the hidden folder in `folder` where an export named `baseName` is
// staged before it replaces an earlier one: .NAME-new-PID-XXXXXX. Those that a process now ended left
// behind (a crash, kill -9) are removed first; a live process's are left alone.
QString stagingFolderTemplate(const QString& folder, const QString& baseName);
// The files `names` of the folder `staged` (inside `folder`, or on its file system) moved into `folder` in
// place of its files `earlierNames`, by renames: the earlier ones are set aside first and removed last, and
// a failure puts them back, so that the folder holds the earlier export or the new one, not a mix.
Status replaceWithStaged(const QString& staged, const QStringList& names, const QString& folder,
                         const QStringList& earlierNames);
// step,loss,loss_min,loss_max,steps rows: one per older bucket (its mean, min and max over `steps`
// steps ending at `step`), then one per recent step (steps = 1).
Status exportLossCsv(const LossHistory& history, const QString& path);

// A strip: one row per sample, one column per chosen frame. frames[k] holds the batch at frame k.
QImage makeStrip(const QList<QList<QImage>>& framesPerStep, int scale = 1, int padding = kGridPadding);

} // namespace ddpm
