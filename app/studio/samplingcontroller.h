// Runs the reverse process on a worker thread, one step at a time. Each step's x_t, x̂0 and ε̂ are
// turned into images on the worker and buffered; the GUI is told with at most one pending signal.
// A new request cancels the one running (the newest wins), and cancel() lands between two steps.
// Every request carries its own cancellation token, which only the GUI sets; a request identical to
// the one already on its way is ignored, so repeated clicks make one run.
#pragma once

#include "modelsnapshot.h"

#include "sampler.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

struct SampleFrame {
    int generation = 0; // which request made it
    int step = 0;       // 0-based
    int t = 0;          // paper timestep of x_t
    QList<QImage> xt, x0Hat, epsHat;
    torch::Tensor xtState; // x_t itself, [N, C, H, W] in fp16 on the CPU: "Fork here" continues it
};

struct SamplingRequest {
    SnapshotPtr model;
    ddpm::SamplerOptions options;
    bool useEma = true;
    torch::Tensor start; // optional x_t to start from ("denoise from here"), [N, C, H, W]
    int startT = 0;
    std::optional<int> threads; // CPU threads for the sampling thread (0: all cores); none: as they are
    ddpm::Denoiser denoiser;    // used instead of the model's network when set (tests, oracles)
    int generation = 0;         // set by start()
};

class SamplingWorker;
struct SamplingChannel;

class SamplingController : public QObject {
    Q_OBJECT
public:
    explicit SamplingController(QObject* parent = nullptr);
    ~SamplingController() override;

    // Returns the request's generation, or 0 when it was not started: no model, or the same request
    // (same model copy, options and start) is already on its way or running.
    int start(const SamplingRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    QList<SampleFrame> takeFrames();
    // The final images of the last completed run.
    QList<QImage> finalImages() const { return m_final; }
    // LibTorch's intra-op threads as the sampling thread saw them in the current (or last) run.
    int workerThreads() const { return m_workerThreads; }
    void shutdown(); // stops the worker; afterwards start() refuses and queued results are dropped

Q_SIGNALS:
    void started(int totalSteps);
    void framesAvailable();
    void finished(bool completed);
    void failed(const QString& message);

private:
    void onRunStarted(int generation, int totalSteps, int threads);
    void onRunEnded(int generation, bool completed, const QList<QImage>& finals, const QString& error);

    QThread m_thread;
    SamplingWorker* m_worker = nullptr;
    std::shared_ptr<SamplingChannel> m_channel;
    bool m_running = false;
    int m_generation = 0;
    std::optional<SamplingRequest> m_active;     // the request on its way or running
    std::shared_ptr<std::atomic<bool>> m_cancel; // the active request's token
    QList<QImage> m_final;
    int m_workerThreads = 0;
    bool m_shutDown = false; // after shutdown(): nothing starts, nothing queued is delivered
};
