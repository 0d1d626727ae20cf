#include "qualitycontroller.h"

#include "qualityworker.h"

QualityController::QualityController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ddpm::QualityReport>();
    m_worker = new QualityWorker;
    m_background.adopt(m_worker);
    m_background.setUncaughtHandler([w = m_worker](const QString& message) { Q_EMIT w->finished(0, false, message); });
    connect(m_worker, &QualityWorker::progress, this,
            [this](quint64 request, int run, int runs, qint64 done, qint64 total) {
                if (m_requests.isCurrent(request) && request != m_abandoned)
                    Q_EMIT progress(request, run, runs, done, total);
            });
    // The reference serves every request after it: its progress is shown to the measurement and the lookup
    // waiting now, whichever of them (or an earlier one) asked for it.
    const auto preparingFor = [this](qint64 done, qint64 total) {
        if (m_requests.active() && m_requests.current() != m_abandoned)
            Q_EMIT preparing(m_requests.current(), done, total);
        if (m_lookups.active())
            Q_EMIT neighboursPreparing(m_lookups.current(), done, total);
    };
    connect(m_worker, &QualityWorker::preparing, this,
            [preparingFor](quint64, qint64 done, qint64 total) { preparingFor(done, total); });
    connect(m_worker, &QualityWorker::lookupPreparing, this,
            [preparingFor](quint64, qint64 done, qint64 total) { preparingFor(done, total); });
    connect(m_worker, &QualityWorker::reportReady, this,
            [this](quint64 request, int run, const ddpm::QualityReport& report) {
                if (m_requests.isCurrent(request) && request != m_abandoned)
                    Q_EMIT reportReady(request, run, report);
            });
    connect(m_worker, &QualityWorker::finished, this, &QualityController::onFinished);
}

QualityController::~QualityController()
{
    shutdown();
}

void QualityController::shutdown()
{
    m_closing.store(true); // a lookup describing the training images stops at its next chunk
    m_requests.drop();
    m_background.stop();
}

quint64 QualityController::start(const QualityRequest& request)
{
    if (isRunning() || !request.model || request.runs.empty() || m_background.isStopped())
        return 0;
    const auto ticket = m_requests.next();
    auto* w = m_worker;
    m_background.post([w, id = ticket.id, request, cancel = ticket.cancel] { w->run(id, request, *cancel); });
    return ticket.id;
}

void QualityController::cancel()
{
    m_requests.cancel();
}

void QualityController::abandon()
{
    m_requests.cancel();
    m_abandoned = m_requests.current();
}

void QualityController::onFinished(quint64 request, bool completed, const QString& error)
{
    if (request == 0) { // a fault outside the request's own guard: the request ends with it
        if (!m_requests.active())
            return;
        request = m_requests.current();
    }
    if (!m_requests.isCurrent(request))
        return;
    m_requests.finish(request);
    if (request == m_abandoned) // ends as cancelled, whatever it got to
        return Q_EMIT finished(request, false, QString());
    Q_EMIT finished(request, completed, error);
}

quint64 QualityController::findNeighbours(const NeighboursRequest& request)
{
    if (!request.images.defined() || request.images.size(0) == 0 || m_background.isStopped())
        return 0;
    const auto ticket = m_lookups.next();
    auto report = reporterFor(this, &QualityController::m_lookups, ticket.id);
    m_background.post([w = m_worker, request, report, id = ticket.id, closing = &m_closing] {
        auto found = std::make_shared<ddpm::TrainingNeighbours>();
        const QString error = guarded(tr("finding the nearest training images"),
                                      [&] { return w->findNeighbours(id, request, *closing, *found); });
        report([id, found, error](QualityController& c) {
            c.m_lookups.finish(id);
            if (error.isEmpty())
                Q_EMIT c.neighboursFound(id, *found);
            else
                Q_EMIT c.neighboursFailed(id, error);
        });
    });
    return ticket.id;
}
