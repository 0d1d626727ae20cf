// Runs the reverse process on a worker thread, one step at a time. Each step's x_t, x̂0 and ε̂ are
// turned into images on the worker and buffered; the GUI is told with at most one pending signal.
// A new request cancels the one running (the newest wins), and cancel() lands between two steps.
#pragma once

#include "modelsnapshot.h"

#include "sampler.h"

#include <QImage>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <optional>

struct SampleFrame {
    int generation = 0; // which request made it
    int step = 0;   // 0-based
    int t = 0;      // paper timestep of x_t
    QList<QImage> xt, x0Hat, epsHat;
};

struct SamplingRequest {
    SnapshotPtr model;
    ddpm::SamplerOptions options;
    bool useEma = true;
    torch::Tensor start; // optional x_t to start from ("denoise from here"), [N, C, H, W]
    int startT = 0;
    int generation = 0; // set by start()
};

class SamplingWorker;

class SamplingController : public QObject {
    Q_OBJECT
public:
    explicit SamplingController(QObject* parent = nullptr);
    ~SamplingController() override;

    void start(const SamplingRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    QList<SampleFrame> takeFrames();
    // The final images of the last completed run.
    QList<QImage> finalImages() const { return m_final; }
    void shutdown();

Q_SIGNALS:
    void started(int totalSteps);
    void framesAvailable();
    void finished(bool completed);
    void failed(const QString& message);

private:
    friend class SamplingWorker;
    QThread m_thread;
    SamplingWorker* m_worker = nullptr;
    bool m_running = false;
    QList<QImage> m_final;
    std::atomic<bool> m_cancel{false};
    QMutex m_mutex;
    std::optional<SamplingRequest> m_pending;
    QList<SampleFrame> m_frames;
    std::atomic<bool> m_notifyPending{false};
    std::atomic<int> m_generation{0};
};
