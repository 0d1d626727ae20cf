// The GUI's side of training. The trainer lives on a background worker (backgroundworker.h) and is
// never touched from here: every call posts a task to trainingworker.h, and progress arrives through
// takeProgress(), with notifications coalesced (at most one pending) so they never pile up when the GUI
// is slow. Every Start gets a RunControl of its own (stop and pause flags the GUI sets and the worker
// only reads), every save a request number that comes back with its answer.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "backgroundworker.h"
#include "modelsnapshot.h"
#include "settings.h"

#include "config.h"
#include "dataset.h"
#endif

#include <QImage>
#include <QObject>
#include <QPointF>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

struct TrainingProgress {
    QVector<QPointF> points; // (step, loss) since the last take
    QVector<double> binLoss; // latest loss per timestep bin
    qint64 step = 0;
    double loss = 0;
    double stepsPerSec = 0;
    double imagesPerSec = 0;
    double lr = 0;
    double gradNorm = 0;
    int threads = 0; // LibTorch's intra-op threads as the training thread sees them
};

// The optimiser settings the training form shows. Applied to the trainer at the next Start; the
// settings the form does not show (gradient clipping, flips, loss bins) stay as the model has them.
struct TrainFormOptions {
    int batch = ddpm::TrainOptions{}.batch; // the engine's defaults (options.h)
    double lr = ddpm::TrainOptions{}.lr;
    int warmupSteps = ddpm::TrainOptions{}.warmupSteps;
    double emaDecay = ddpm::TrainOptions{}.emaDecay;
    uint64_t seed = ddpm::TrainOptions{}.seed;
    static TrainFormOptions from(const ddpm::TrainOptions& t);
    ddpm::TrainOptions mergedInto(ddpm::TrainOptions t) const;
    bool operator==(const TrainFormOptions& o) const;
    bool operator!=(const TrainFormOptions& o) const { return !(*this == o); }
};

// What one Start asks for.
struct TrainingRequest {
    qint64 totalSteps = 0;
    std::optional<TrainFormOptions> options; // none: keep the trainer's own
    QString device;                          // "auto", "cpu", "cuda"; empty: where the model is
    std::optional<int> threads;              // CPU threads for the training thread (0: all cores)
    std::optional<QString> precision;        // "auto", "fp32", "bf16"; none: as set by setPrecision
};

// Stop and pause for one run: set by the GUI, only read by the worker, never reset.
struct RunControl {
    std::atomic<bool> stop{false};
    std::atomic<bool> pause{false};
    std::atomic<qint64> totalSteps{0}; // the run ends there; the form's Steps can move it while it runs
};

class TrainingWorker;
class ProgressBuffer;

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Empty, Idle, Running, Paused };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return m_state; }
    bool runOn() const { return m_state == State::Running || m_state == State::Paused; } // a Start not yet ended
    bool hasModel() const { return m_hasModel; }
    // A new model or a checkpoint is on its way to the worker (modelReady or failed will say how it went).
    bool isOpening() const { return m_opening > 0; }
    bool isDirty() const { return m_dirty; } // trained since the last save or load
    qint64 step() const { return m_step; }
    SnapshotPtr snapshot() const { return m_snapshot; }
    QString device() const { return m_device; }
    // LibTorch's intra-op threads as the training thread saw them at the last step taken.
    int workerThreads() const { return m_workerThreads; }

    // All of these return at once; results arrive as signals.
    void newModel(const ddpm::ModelConfig& config, const QString& device, const QString& startFrom = {});
    void openCheckpoint(const QString& path, const QString& device);
    // The data set of the next Start (a run on keeps the one it began with).
    void setDataset(std::shared_ptr<const ddpm::Dataset> data);
    void setPreviewInterval(int steps) { m_previewInterval->store(std::max(0, steps)); }
    // Where the current run ends, from its next step (a run already past it ends there); between runs,
    // the target a save writes into the file (the form's Steps, where a resumed run goes on to).
    void setTotalSteps(qint64 steps);
    // LibTorch's CPU threads on the worker thread (OpenMP's count is per thread), from now on for
    // previews and snapshots, and for every Start that does not name its own (0: all cores).
    void setCpuThreads(int threads);
    // "auto", "fp32" or "bf16" for training and for the snapshots the sampler uses; applies between
    // steps (a new snapshotReady follows).
    void setPrecision(const QString& precision);
    QString precision() const { return m_precision; }
    void start(qint64 totalSteps);
    void start(const TrainingRequest& request);
    void pause();
    void resume();
    void stop();
    // Returns the request's id; saved() or saveFailed() answers it with the same id.
    quint64 save(const QString& path);
    void requestSnapshot();
    // Samples from the fixed preview noise with the current EMA weights (previewReady).
    void requestPreview();
    // Blocks until the worker has stopped (used when the window closes).
    void shutdown();
    // Runs `task` on the worker thread in order with the other requests (between steps while training).
    // Whatever it throws ends as failed() and the worker goes on: the last line of defence behind each
    // request's own guard, which the tests exercise through this.
    void runOnWorker(std::function<void()> task);
    // Calls `then` here (the GUI thread) once every task posted before has run and what it reported has
    // been delivered: what a test waits on to know that nothing more is coming, rather than a time. During
    // a training run that is between two steps, not after the run.
    void afterPending(std::function<void()> then);

    // Why a Start to `step` or fewer steps does nothing.
    static QString stepsReached(qint64 step);

    // Called by the GUI when progressAvailable() arrives.
    TrainingProgress takeProgress();

Q_SIGNALS:
    void openingChanged(bool opening);
    void stateChanged(TrainingController::State state);
    void modelReady(SnapshotPtr snapshot, const QString& sourcePath);
    void snapshotReady(SnapshotPtr snapshot);
    void snapshotFailed(); // requestSnapshot()'s copy could not be made (failed() says why)
    void progressAvailable();
    void previewReady(const QImage& grid, qint64 step);
    void saved(const QString& path, quint64 request);
    void saveFailed(const QString& message, quint64 request); // followed by failed(message)
    void failed(const QString& message);
    // A Start's end, at `step`; trained: it took a step (not refused, nor stopped before its first).
    void finished(qint64 step, bool trained);

private:
    void post(std::function<void(TrainingWorker&)> task);
    void setState(State s);
    // Posts a task that installs a model, counted in m_opening until it is through.
    void postOpening(std::function<void(TrainingWorker&)> task);
    void onModelInstalled(SnapshotPtr snapshot, const QString& source);
    void onRunStarted(quint64 request);
    void onRunPaused(quint64 request, bool paused);
    void onRunEnded(quint64 request, SnapshotPtr snapshot, qint64 step, const QString& error);
    void onSaved(const QString& path, quint64 request, bool whileIdle);
    void onSnapshot(SnapshotPtr snapshot);

    TrainingWorker* m_worker = nullptr; // lives on the background thread
    std::shared_ptr<ProgressBuffer> m_progress;
    State m_state = State::Empty;
    bool m_hasModel = false;
    int m_opening = 0;     // opens and new models posted, not yet through the worker or installed
    int m_openedEarly = 0; // of those, installed before the worker was through with them
    bool m_dirty = false;
    bool m_dirtyBeforeRun = false;
    qint64 m_savedStep = -1; // the step of this model's last save, -1 before any
    qint64 m_step = 0;
    qint64 m_stepBeforeRun = 0;
    QString m_device;
    SnapshotPtr m_snapshot;
    std::shared_ptr<RunControl> m_run; // the current (or last) Start's flags
    quint64 m_startId = 0;
    quint64 m_saveId = 0;
    qint64 m_targetSteps = 0; // the form's Steps (setTotalSteps, start): what a save writes as the target
    std::optional<int> m_threads;
    QString m_precision = QString::fromStdString(ddpm::precisionNames().front());
    int m_workerThreads = 0;
    std::shared_ptr<std::atomic<bool>> m_shutdown = std::make_shared<std::atomic<bool>>(false);
    // Set while an open or a new model is on its way (and at shutdown): the preview on hand is dropped.
    std::shared_ptr<std::atomic<bool>> m_previewDropped = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<int>> m_previewInterval =
        std::make_shared<std::atomic<int>>(setting::PreviewInterval.fallback);
    // Opens files and draws the previews of a model at rest, ten nice levels below the window even where
    // the training thread runs at SCHED_IDLE (TrainingWorker::onReader). Stopped after the training
    // thread, which may be waiting for it.
    BackgroundWorker m_reader{QStringLiteral("reader"), ThreadPriority::Depth::Nice};
    BackgroundWorker m_background{QStringLiteral("training")}; // last: stopped first
};
