// What the studio exports (sample grids and folders, reverse strips and animations, the forward strip,
// the loss history and chart, the quality measurements) and the metadata each image carries in its JSON
// sidecar. Each export is prepared on the GUI thread (copies of the images, frames and settings it
// writes) as a Job, and written by the job: on a thread of its own from the menus (run), since hashing
// a checkpoint and encoding an animation take seconds, at once where a test calls it.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "exporter.h"
#include "losshistory.h"
#include "modelsnapshot.h"
#include "qualityresults.h"
#include "result.h"
#include "reverseruns.h"
#endif

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <functional>

class Exports : public QObject {
    Q_OBJECT
public:
    // A checkpoint file as it was when weights were read from it (its hash goes into sidecars).
    struct WeightsFile {
        QString path;
        qint64 size = -1;
        QDateTime modified;
    };
    // The forward process as shown: x_0 noised at evenly spaced t, the labels, the schedule.
    struct ForwardStrip {
        QList<QImage> frames;
        QStringList labels;
        ddpm::ScheduleOptions schedule;
        QString dataSpec;      // the data set
        int image = 0;         // its image noised, from 0
        quint64 noiseSeed = 0; // the seed of the ε that noised it
    };
    // Where the exports read from: the models of what the views show (never a view's widgets), the
    // model open and its file. The loss chart's picture is the one exception by nature: it is the chart
    // as the user set it up (zoom, smoothing, log axis).
    struct Sources {
        const ReverseRuns* reverse = nullptr;
        const QualityResults* quality = nullptr;
        std::function<ForwardStrip()> forward;
        std::function<ddpm::LossHistory()> lossHistory; // bounded
        std::function<QImage()> lossChartImage;
        std::function<SnapshotPtr()> model;          // the model now open
        std::function<qint64()> trainingStep;        // its step now, training or not
        std::function<WeightsFile()> currentWeights; // its file, unless training changed the weights since
        std::function<int()> animationFps;           // the Reverse view's playback speed (none: 1000/60)
    };
    using Job = std::function<ddpm::Status()>;

    Exports(Sources sources, QObject* parent = nullptr);
    ~Exports() override; // waits for the export being written

    Job sampleGrid(const QString& path) const;
    // A folder with an earlier export is refused unless replaceEarlier.
    Job samplesToFolder(const QString& folder, bool replaceEarlier) const;
    Job reverseStrip(const QString& path) const;
    Job reverseGif(const QString& path) const { return reverseAnimation(path, false); }
    Job reverseWebP(const QString& path) const { return reverseAnimation(path, true); }
    Job forwardStrip(const QString& path) const;
    Job lossCsv(const QString& path) const;
    Job lossChart(const QString& path) const;
    Job qualityCsv(const QString& path) const;

    // Writes `job` on the export thread (below the window's priority); `what` names the file for the
    // status bar, `done` is the message when it is written. One export at a time: false while one is
    // still being written.
    bool run(Job job, const QString& what, const QString& done);
    bool isBusy() const { return m_watcher != nullptr; }
    void waitForFinished(); // a file half written would be lost; exports take seconds

Q_SIGNALS:
    void writing(const QString& what);
    void written(const QString& done);
    void failed(const QString& message);

private:
    Job reverseAnimation(const QString& path, bool webp) const;
    int animationDelayMs() const; // each frame's time in an exported animation
    ddpm::ExportMeta baseMeta(const QString& kind) const;
    ddpm::ExportMeta reverseMeta(const QString& kind) const;

    Sources m_sources;
    QFutureWatcher<ddpm::Status>* m_watcher = nullptr; // the export being written
    QThreadPool m_pool;
};
