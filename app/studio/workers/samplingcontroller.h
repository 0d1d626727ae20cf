// Runs the reverse process on a background worker (backgroundworker.h), one step at a time; the steps'
// images arrive through takeFrames() (samplingworker.h). A new request cancels the one running (the
// newest wins), and cancel() lands between two steps. A request identical to the one already on its
// way is ignored, so repeated clicks make one run.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "backgroundworker.h"
#include "modelsnapshot.h"

#include "interpolation.h"
#include "sampler.h"
#endif

#include <QImage>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

struct SampleFrame {
    quint64 request = 0; // which request made it
    int step = 0;        // 0-based
    int t = 0;           // paper timestep of x_t
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
    // A walk between two images [C, H, W] (core/interpolation.h), prepared on the sampling thread, since
    // DDIM's inversion runs the network: it gives the run's start and startT; `options` are its plan's.
    struct Walk {
        torch::Tensor a, b;
        ddpm::InterpolationOptions options;
    };
    std::optional<Walk> walk;
    quint64 request = 0; // set by start()
};

class SamplingWorker;
class FrameBuffer;

class SamplingController : public QObject {
    Q_OBJECT
public:
    explicit SamplingController(QObject* parent = nullptr);
    ~SamplingController() override;

    // Returns the request's number, or 0 when it was not started: no model, or the same request (same
    // model copy, options and start) is already on its way or running.
    quint64 start(const SamplingRequest& request);
    void cancel();
    bool isRunning() const { return m_requests.active(); }
    QList<SampleFrame> takeFrames();
    // The final images of the last completed run.
    QList<QImage> finalImages() const { return m_final; }
    // LibTorch's intra-op threads as the sampling thread saw them in the current (or last) run.
    int workerThreads() const { return m_workerThreads; }
    void shutdown(); // stops the worker; afterwards start() refuses and queued results are dropped

Q_SIGNALS:
    // The paper timesteps the run visits, from its start down (the engine's samplerTimesteps).
    void started(const std::vector<int>& timesteps);
    void framesAvailable();
    void finished(bool completed, bool failed); // failed: ended by an error (failed() came first)
    void failed(const QString& message);

private:
    void onRunStarted(quint64 request, const std::vector<int>& timesteps, int threads);
    void onRunEnded(quint64 request, bool completed, const QList<QImage>& finals, const QString& error);

    std::shared_ptr<FrameBuffer> m_frames;
    SamplingWorker* m_worker = nullptr; // lives on the background thread
    Requests m_requests;
    std::optional<SamplingRequest> m_active; // the request on its way or running
    quint64 m_framesOf = 0;                  // the request whose frames takeFrames() hands out
    QList<QImage> m_final;
    int m_workerThreads = 0;
    // Below the window but not idle: work the user waits for shares the cores with a busy program (a run
    // followed on the same machine) rather than wait for one to come free (threadpriority.h).
    BackgroundWorker m_background{QStringLiteral("sampling"), ThreadPriority::Depth::Nice}; // last: stopped first
};
