// The training thread's side of TrainingController: owns the trainer, and runs what the controller
// posts (new, open, save, snapshot, preview, a training run) on the background worker, in order. A
// training run (core's runTraining) runs the tasks posted meanwhile between two steps, so a save or a
// snapshot asked for during training lands at a step boundary, and waits on a condition while paused.
// The worker keeps the last good trainer: a failed task leaves the model, its step count and its
// savability as they were.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "trainingcontroller.h"

#include "trainer.h"
#endif

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

// Progress: the worker buffers, the GUI takes. At most one notification is pending at a time.
class ProgressBuffer {
public:
    void add(const ddpm::StepStats& s, const std::vector<double>& bins, int threads);
    // True when the caller should notify (no notification is pending yet).
    bool claimNotification() { return !m_notifyPending.exchange(true); }
    TrainingProgress take();

private:
    QMutex m_mutex;
    TrainingProgress m_pending;
    std::atomic<bool> m_notifyPending{false};
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    // `reader` runs the work of a model at rest (onReader()).
    TrainingWorker(BackgroundWorker& background, BackgroundWorker& reader, std::shared_ptr<ProgressBuffer> progress,
                   std::shared_ptr<std::atomic<bool>> shutdown, std::shared_ptr<std::atomic<int>> previewInterval);

    // All of these run on the worker thread.
    // A new model of `config`; with `startFrom`, a model started from that checkpoint's weights instead
    // (its network, schedule and prediction; the classes and training settings of `config`).
    void newModel(const ddpm::ModelConfig& config, const QString& device, const QString& startFrom = {});
    void open(const QString& path, const QString& device);
    void setDataset(std::shared_ptr<const ddpm::Dataset> data);
    // `totalSteps` > 0: the target the file keeps (the form's Steps), set on the trainer first.
    void save(const QString& path, quint64 request, qint64 totalSteps = 0);
    void snapshot();
    // The preview samples of the model as it is; `cancel` (set when another model is on its way) ends it early.
    void preview(const std::atomic<bool>* cancel);
    // "auto", "fp32" or "bf16": how the network computes from now on (training and the snapshots the
    // sampler uses).
    void setPrecision(const QString& name);
    void setThreads(int threads);
    // One Start: always ends with runEnded(request, …).
    void train(quint64 request, std::shared_ptr<RunControl> control, const TrainingRequest& r);

Q_SIGNALS:
    void modelInstalled(SnapshotPtr snapshot, const QString& source);
    void snapshotReady(SnapshotPtr snapshot);
    void snapshotFailed(); // a copy asked for could not be made (failed() says why)
    void runStarted(quint64 request);
    void runPaused(quint64 request, bool paused);
    void runEnded(quint64 request, SnapshotPtr snapshot, qint64 step, const QString& error);
    void progressAvailable();
    void previewReady(const QImage& grid, qint64 step);
    void saved(const QString& path, quint64 request, qint64 step);
    void saveFailed(const QString& message, quint64 request);
    void failed(const QString& message);

private:
    SnapshotPtr makeSnapshot() const;
    QString applyPrecision(ddpm::Trainer& trainer) const;
    void install(std::unique_ptr<ddpm::Trainer> trainer, const QString& source);
    void attachData(bool report);
    QString moveTo(const QString& device);
    QString prepareRun(const TrainingRequest& r);
    QString loop(quint64 request, const RunControl& control, const TrainingRequest& r);
    void notify(bool force);
    // The preview grid; null when it was cancelled.
    QImage drawPreview(const std::atomic<bool>* cancel);
    // Runs `work` on the reader thread and sleeps until it is through, so that `work` may use the trainer.
    // Opening a file and drawing the preview of a model at rest run there, at a nice value below the
    // window rather than at the training thread's SCHED_IDLE: they share the cores with a busy program
    // instead of waiting for one to come free, which a run being followed on the same machine (File →
    // Follow training run) never lets happen. A training run keeps its own previews on this thread.
    void onReader(const std::function<void()>& work);

    BackgroundWorker& m_background;
    BackgroundWorker& m_reader;
    std::optional<int> m_threads; // the Preferences' CPU threads, for the reader as for this thread
    std::shared_ptr<ProgressBuffer> m_progress;
    std::shared_ptr<std::atomic<bool>> m_shutdown;
    std::shared_ptr<std::atomic<int>> m_previewInterval;
    std::unique_ptr<ddpm::Trainer> m_trainer;
    QString m_precision = QString::fromStdString(ddpm::precisionNames().front());
    std::shared_ptr<const ddpm::Dataset> m_data;
    bool m_inRun = false;       // within train(): a new data set waits for the run's end
    bool m_dataWaiting = false; // m_data came during a run and is not attached yet
    QString m_dataProblem;      // why m_data is not attached, for Start to say
    bool m_dataAttached = false;
    QElapsedTimer m_sinceNotify;
};
