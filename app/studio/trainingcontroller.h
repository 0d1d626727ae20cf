// Owns the trainer and the worker thread it runs on. The GUI never touches the trainer: it posts
// tasks that the worker runs between steps, and reads progress that the worker buffers. Progress
// notifications are coalesced (at most one pending), so they never pile up when the GUI is slow.
#pragma once

#include "modelsnapshot.h"

#include "config.h"
#include "dataset.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPointF>
#include <QThread>
#include <QVector>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

namespace ddpm {
class Trainer;
}

struct TrainingProgress {
    QVector<QPointF> points;   // (step, loss) since the last take
    QVector<double> binLoss;   // latest loss per timestep bin
    qint64 step = 0;
    double loss = 0;
    double stepsPerSec = 0;
    double imagesPerSec = 0;
    double lr = 0;
    double gradNorm = 0;
};

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Empty, Idle, Running, Paused };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return m_state; }
    bool hasModel() const { return m_hasModel; }
    bool isDirty() const { return m_dirty; } // trained since the last save or load
    qint64 step() const { return m_step; }
    SnapshotPtr snapshot() const { return m_snapshot; }
    QString device() const { return m_device; }

    // All of these return at once; results arrive as signals.
    void newModel(const ddpm::ModelConfig& config, const QString& device);
    void openCheckpoint(const QString& path, const QString& device);
    void setDataset(std::shared_ptr<const ddpm::Dataset> data);
    void setPreviewInterval(int steps) { m_previewInterval.store(std::max(0, steps)); }
    void start(qint64 totalSteps);
    void pause();
    void resume();
    void stop();
    void save(const QString& path);
    void requestSnapshot();
    // Samples from the fixed preview noise with the current EMA weights (previewReady).
    void requestPreview();
    // Blocks until the worker has stopped (used when the window closes).
    void shutdown();

    // Called by the GUI when progressAvailable() arrives.
    TrainingProgress takeProgress();

Q_SIGNALS:
    void stateChanged(TrainingController::State state);
    void modelReady(SnapshotPtr snapshot, const QString& sourcePath);
    void snapshotReady(SnapshotPtr snapshot);
    void progressAvailable();
    void previewReady(const QImage& grid, qint64 step);
    void saved(const QString& path);
    void failed(const QString& message);
    void finished(qint64 step);

private:
    friend class TrainingWorker;
    void post(std::function<void()> task);
    void setState(State s);

    QThread m_thread;
    TrainingWorker* m_worker = nullptr;
    State m_state = State::Empty;
    bool m_hasModel = false;
    bool m_dirty = false;
    qint64 m_step = 0;
    QString m_device;
    SnapshotPtr m_snapshot;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_pause{false};
    std::atomic<int> m_previewInterval{200};
};
