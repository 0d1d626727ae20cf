#include "samplingcontroller.h"

#include "threadpriority.h"
#include "device.h"
#include "imageio.h"
#include "messages.h"
#include "trainer.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutex>

using namespace ddpm;

// What the controller and the worker share: the request waiting to be taken (with its token) and the
// frames made for the GUI.
struct SamplingChannel {
    QMutex mutex;
    std::optional<SamplingRequest> pending;
    std::shared_ptr<std::atomic<bool>> pendingCancel;
    QList<SampleFrame> frames;
    std::atomic<bool> notifyPending{false};
};

class SamplingWorker : public QObject {
    Q_OBJECT
public:
    explicit SamplingWorker(std::shared_ptr<SamplingChannel> channel)
        : m_channel(std::move(channel))
    {
    }

    // Takes the newest request; runs it unless it was cancelled before it began. Nothing thrown
    // here leaves the thread: it ends the run with its reason.
    void process()
    {
        std::optional<SamplingRequest> request;
        std::shared_ptr<std::atomic<bool>> cancel;
        {
            QMutexLocker lock(&m_channel->mutex);
            request.swap(m_channel->pending);
            cancel = std::move(m_channel->pendingCancel);
        }
        if (!request)
            return; // a newer call already took it
        const int generation = request->generation;
        if (cancel->load())
            return Q_EMIT runEnded(generation, false, {}, QString());
        bool completed = false;
        QList<QImage> finals;
        const Error what(SamplingController::tr("sampling").toStdString());
        QString error;
        try {
            if (request->threads) {
                // LibTorch sets a thread's count up lazily, at its first parallel operation, from the
                // last count any thread asked for; have that happen first so that it cannot undo this.
                (void)torch::get_num_threads();
                configureThreads(*request->threads);
            }
            completed = run(*request, *cancel, finals);
        } catch (const std::exception& e) {
            error = ddpm::errorText(describeException(e, what));
        } catch (...) {
            error = ddpm::errorText(describeUnknownException(what));
        }
        Q_EMIT runEnded(generation, completed && error.isEmpty(), finals, error);
    }

Q_SIGNALS:
    void runStarted(int generation, int totalSteps, int threads);
    void framesAvailable();
    void runEnded(int generation, bool completed, const QList<QImage>& finals, const QString& error);

private:
    bool run(const SamplingRequest& r, const std::atomic<bool>& cancel, QList<QImage>& finals)
    {
        auto* ch = m_channel.get();
        const auto& c = r.model->config;
        Diffusion diffusion(NoiseSchedule(c.schedule), c.prediction, r.model->device);
        auto denoiser = r.denoiser ? r.denoiser : makeDenoiser(r.useEma ? r.model->ema : r.model->model);
        std::unique_ptr<ReverseProcess> rp;
        if (r.start.defined())
            rp = std::make_unique<ReverseProcess>(diffusion, denoiser, r.options, r.start, r.startT);
        else
            rp = std::make_unique<ReverseProcess>(
                diffusion, denoiser, r.options,
                std::vector<int64_t>{c.unet.imageChannels(), c.unet.imageSize(), c.unet.imageSize()});
        const int total = rp->totalSteps();
        Q_EMIT runStarted(r.generation, total, torch::get_num_threads());
        QElapsedTimer since;
        since.start();
        auto notify = [&](bool force) {
            if (!force && since.elapsed() < 60)
                return;
            since.restart();
            if (!ch->notifyPending.exchange(true))
                Q_EMIT framesAvailable();
        };
        const bool completed = rp->run(&cancel, [&](const ReverseStep& s) {
            SampleFrame f;
            f.generation = r.generation;
            f.step = s.step;
            f.t = s.t;
            f.xt = batchToImages(s.xt);
            f.xtState = s.xt.to(torch::kCPU, torch::kHalf); // half the memory; rounding far below the noise
            f.x0Hat = batchToImages(s.x0Hat);
            f.epsHat = batchToImages(s.epsHat / 3.0); // ε̂ shown on [−3, 3]
            {
                QMutexLocker lock(&ch->mutex);
                ch->frames.append(std::move(f));
            }
            notify(false);
        });
        if (completed) {
            // The final state x_0 as one more frame (t = 0).
            SampleFrame f;
            f.generation = r.generation;
            f.step = total;
            f.t = 0;
            f.xt = batchToImages(rp->current());
            f.x0Hat = f.xt;
            f.epsHat = batchToImages(torch::zeros_like(rp->current()));
            finals = f.xt;
            QMutexLocker lock(&ch->mutex);
            ch->frames.append(std::move(f));
        }
        notify(true);
        return completed;
    }

    std::shared_ptr<SamplingChannel> m_channel;
};

namespace {

bool sameOptions(const SamplerOptions& a, const SamplerOptions& b)
{
    return a.kind == b.kind && a.variance == b.variance && a.ddimSteps == b.ddimSteps && a.eta == b.eta &&
           a.clipX0 == b.clipX0 && a.seed == b.seed && a.count == b.count;
}

// The same request again: it would draw the very same images.
bool sameRequest(const SamplingRequest& a, const SamplingRequest& b)
{
    if (a.denoiser || b.denoiser)
        return false; // a function cannot be compared
    if (a.start.defined() != b.start.defined())
        return false;
    if (a.start.defined() && (!a.start.is_same(b.start) || a.startT != b.startT))
        return false;
    return a.model == b.model && a.useEma == b.useEma && a.threads == b.threads && sameOptions(a.options, b.options);
}

} // namespace

SamplingController::SamplingController(QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<SamplingChannel>())
{
    m_worker = new SamplingWorker(m_channel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Below the GUI's priority, set on the worker thread itself before LibTorch starts its pool there.
    connect(
        &m_thread, &QThread::started, m_worker, [] { ThreadPriority::lowerCurrentThread(); }, Qt::DirectConnection);
    connect(m_worker, &SamplingWorker::runStarted, this, &SamplingController::onRunStarted);
    connect(m_worker, &SamplingWorker::framesAvailable, this, &SamplingController::framesAvailable);
    connect(m_worker, &SamplingWorker::runEnded, this, &SamplingController::onRunEnded);
    m_thread.setObjectName(QStringLiteral("sampling"));
    m_thread.start();
}

SamplingController::~SamplingController()
{
    shutdown();
}

void SamplingController::shutdown()
{
    if (!m_thread.isRunning())
        return;
    if (m_cancel)
        m_cancel->store(true);
    {
        QMutexLocker lock(&m_channel->mutex);
        m_channel->pending.reset();
    }
    m_thread.quit();
    m_thread.wait();
    // Frames and signals still queued for the GUI belong to no run now: dropped, and nothing starts.
    m_shutDown = true;
    ++m_generation;
    m_running = false;
    m_active.reset();
    QMutexLocker lock(&m_channel->mutex);
    m_channel->frames.clear();
}

int SamplingController::start(const SamplingRequest& request)
{
    if (!request.model || m_shutDown)
        return 0;
    if (m_running && m_active && sameRequest(*m_active, request))
        return 0; // already on its way: one run, however often it is asked for
    if (m_cancel)
        m_cancel->store(true); // the newest request wins
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    SamplingRequest r = request;
    r.generation = ++m_generation;
    {
        QMutexLocker lock(&m_channel->mutex);
        m_channel->pending = r;
        m_channel->pendingCancel = cancel;
        m_channel->frames.clear();
    }
    m_active = r;
    m_cancel = cancel;
    m_running = true;
    auto* w = m_worker;
    QMetaObject::invokeMethod(
        w, [w] { w->process(); }, Qt::QueuedConnection);
    return r.generation;
}

void SamplingController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

QList<SampleFrame> SamplingController::takeFrames()
{
    QMutexLocker lock(&m_channel->mutex);
    m_channel->notifyPending.store(false);
    QList<SampleFrame> out;
    for (auto& f : m_channel->frames)
        if (f.generation == m_generation)
            out.append(std::move(f));
    m_channel->frames.clear();
    return out;
}

void SamplingController::onRunStarted(int generation, int totalSteps, int threads)
{
    if (generation != m_generation)
        return; // superseded
    m_workerThreads = threads;
    Q_EMIT started(totalSteps);
}

void SamplingController::onRunEnded(int generation, bool completed, const QList<QImage>& finals, const QString& error)
{
    if (generation != m_generation)
        return; // a newer request is on its way: this run was superseded
    m_running = false;
    m_active.reset();
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        Q_EMIT finished(false);
        return;
    }
    if (completed)
        m_final = finals;
    Q_EMIT finished(completed);
}

#include "samplingcontroller.moc"
