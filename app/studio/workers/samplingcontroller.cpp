#include "samplingcontroller.h"

#include "samplingworker.h"

using namespace ddpm;

namespace {

// The same request again: it would draw the very same images.
bool sameRequest(const SamplingRequest& a, const SamplingRequest& b)
{
    if (a.denoiser || b.denoiser)
        return false; // a function cannot be compared
    if (a.start.defined() != b.start.defined())
        return false;
    if (a.start.defined() && (!a.start.is_same(b.start) || a.startT != b.startT))
        return false;
    if (a.walk.has_value() != b.walk.has_value())
        return false;
    if (a.walk) {
        const auto &x = *a.walk, &y = *b.walk;
        if (!x.a.is_same(y.a) || !x.b.is_same(y.b) || x.options.mode != y.options.mode || x.options.t != y.options.t ||
            x.options.lambdas != y.options.lambdas || x.options.ddimSteps != y.options.ddimSteps)
            return false; // seed, clipping and class are the options' own, compared below
    }
    return a.model == b.model && a.useEma == b.useEma && a.threads == b.threads && a.options == b.options;
}

} // namespace

SamplingController::SamplingController(QObject* parent)
    : QObject(parent)
    , m_frames(std::make_shared<FrameBuffer>())
{
    qRegisterMetaType<std::vector<int>>();
    m_worker = new SamplingWorker(m_frames);
    m_background.adopt(m_worker);
    m_background.setUncaughtHandler(
        [w = m_worker](const QString& message) { Q_EMIT w->runEnded(0, false, {}, message); });
    connect(m_worker, &SamplingWorker::runStarted, this, &SamplingController::onRunStarted);
    connect(m_worker, &SamplingWorker::framesAvailable, this, &SamplingController::framesAvailable);
    connect(m_worker, &SamplingWorker::runEnded, this, &SamplingController::onRunEnded);
}

SamplingController::~SamplingController()
{
    shutdown();
}

void SamplingController::shutdown()
{
    if (m_background.isStopped())
        return;
    m_requests.drop();
    m_background.stop();
    m_framesOf = 0;
    // Frames and signals still queued for the GUI belong to no request now: dropped, and nothing starts.
    m_active.reset();
    m_frames->clear();
}

quint64 SamplingController::start(const SamplingRequest& request)
{
    if (!request.model || m_background.isStopped())
        return 0;
    if (isRunning() && m_active && sameRequest(*m_active, request))
        return 0;                          // already on its way: one run, however often it is asked for
    const auto ticket = m_requests.next(); // the newest request wins
    SamplingRequest r = request;
    r.request = ticket.id;
    m_frames->clear();
    m_active = r;
    m_framesOf = r.request;
    auto* w = m_worker;
    m_background.post([w, r, cancel = ticket.cancel] { w->process(r, *cancel); });
    return r.request;
}

void SamplingController::cancel()
{
    m_requests.cancel();
    m_active.reset(); // the same settings asked for again start a new run, not "already on its way"
}

QList<SampleFrame> SamplingController::takeFrames()
{
    return m_frames->take(m_framesOf);
}

void SamplingController::onRunStarted(quint64 request, const std::vector<int>& timesteps, int threads)
{
    if (!m_requests.isCurrent(request))
        return; // superseded
    m_workerThreads = threads;
    Q_EMIT started(timesteps);
}

void SamplingController::onRunEnded(quint64 request, bool completed, const QList<QImage>& finals, const QString& error)
{
    if (request == 0 && !error.isEmpty()) // a fault outside any request's own guard
        return Q_EMIT failed(error);
    if (!m_requests.isCurrent(request))
        return; // a newer request is on its way: this run was superseded
    m_requests.finish(request);
    m_active.reset();
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        Q_EMIT finished(false, true);
        return;
    }
    if (completed)
        m_final = finals;
    Q_EMIT finished(completed, false);
}
