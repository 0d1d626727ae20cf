#include "trainingcontroller.h"

#include "trainingworker.h"

#include <cmath>

using namespace ddpm;

// ---------------------------------------------------------------------------------------------
// Form options

TrainFormOptions TrainFormOptions::from(const TrainOptions& t)
{
    TrainFormOptions o;
    o.batch = t.batch;
    o.lr = t.lr;
    o.warmupSteps = t.warmupSteps;
    o.emaDecay = t.emaDecay;
    o.seed = t.seed;
    return o;
}

TrainOptions TrainFormOptions::mergedInto(TrainOptions t) const
{
    t.batch = batch;
    t.lr = lr;
    t.warmupSteps = warmupSteps;
    t.emaDecay = emaDecay;
    t.seed = seed;
    return t;
}

bool TrainFormOptions::operator==(const TrainFormOptions& o) const
{
    // The form's spin boxes round what they show; compare as they would.
    auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)); };
    return batch == o.batch && near(lr, o.lr) && warmupSteps == o.warmupSteps && near(emaDecay, o.emaDecay) &&
           seed == o.seed;
}

// ---------------------------------------------------------------------------------------------
// The controller (GUI thread)

TrainingController::TrainingController(QObject* parent)
    : QObject(parent)
    , m_progress(std::make_shared<ProgressBuffer>())
{
    qRegisterMetaType<SnapshotPtr>();
    m_worker = new TrainingWorker(m_background, m_reader, m_progress, m_shutdown, m_previewInterval);
    m_background.adopt(m_worker);
    m_background.setUncaughtHandler([w = m_worker](const QString& message) { Q_EMIT w->failed(message); });
    connect(m_worker, &TrainingWorker::modelInstalled, this, &TrainingController::onModelInstalled);
    connect(m_worker, &TrainingWorker::snapshotReady, this, &TrainingController::onSnapshot);
    connect(m_worker, &TrainingWorker::snapshotFailed, this, &TrainingController::snapshotFailed);
    connect(m_worker, &TrainingWorker::runStarted, this, &TrainingController::onRunStarted);
    connect(m_worker, &TrainingWorker::runPaused, this, &TrainingController::onRunPaused);
    connect(m_worker, &TrainingWorker::runEnded, this, &TrainingController::onRunEnded);
    connect(m_worker, &TrainingWorker::progressAvailable, this, &TrainingController::progressAvailable);
    connect(m_worker, &TrainingWorker::previewReady, this, &TrainingController::previewReady);
    connect(m_worker, &TrainingWorker::saved, this, [this](const QString& path, quint64 request, qint64 step) {
        m_savedStep = step; // a run paused or on: clean if it ends at this step (onRunEnded)
        // Idle, or paused at the step written: the file holds the model as it is (a resumed run makes it
        // dirty again, onRunPaused).
        if ((m_state == State::Idle && step == m_step) || (m_state == State::Paused && step >= m_step))
            m_dirty = false;
        Q_EMIT saved(path, request);
    });
    connect(m_worker, &TrainingWorker::saveFailed, this, [this](const QString& message, quint64 request) {
        Q_EMIT saveFailed(message, request);
        Q_EMIT failed(message);
    });
    connect(m_worker, &TrainingWorker::failed, this, &TrainingController::failed);
}

TrainingController::~TrainingController()
{
    shutdown();
}

void TrainingController::shutdown()
{
    if (m_background.isStopped())
        return;
    m_shutdown->store(true);
    m_previewDropped->store(true);
    if (m_run) {
        m_run->stop.store(true);
        m_run->pause.store(false);
    }
    m_background.stop(); // first: the training thread may be waiting for a task of the reader
    m_reader.stop();
}

void TrainingController::runOnWorker(std::function<void()> task)
{
    m_background.post(std::move(task));
}

void TrainingController::afterPending(std::function<void()> then)
{
    // The worker's signals reach this object as queued calls, delivered in order: this one, queued after
    // the tasks before it have run, comes after everything they reported.
    m_background.post([self = QPointer<TrainingController>(this), then = std::move(then)] {
        QMetaObject::invokeMethod(self.data(), then, Qt::QueuedConnection);
    });
}

void TrainingController::post(std::function<void(TrainingWorker&)> task)
{
    auto* w = m_worker;
    m_background.post([w, task = std::move(task)] { task(*w); });
}

void TrainingController::postOpening(std::function<void(TrainingWorker&)> task)
{
    if (m_opening++ == 0)
        Q_EMIT openingChanged(true);
    // A preview of the model being replaced, drawn or waiting, ends now rather than hold the open up behind
    // it for minutes (a class-conditional reference model's takes that on a busy CPU).
    m_previewDropped->store(true);
    post([this, drop = m_previewDropped, task = std::move(task)](TrainingWorker& w) {
        drop->store(false); // the previews of the model this installs are wanted
        // When the task is through, thrown or not: queued behind the model's own signals, sent by then.
        struct Through {
            TrainingController* c;
            ~Through()
            {
                QMetaObject::invokeMethod(
                    c,
                    [c = c] {
                        if (c->m_openedEarly > 0) // counted off when its model arrived
                            --c->m_openedEarly;
                        else if (--c->m_opening == 0)
                            Q_EMIT c->openingChanged(false);
                    },
                    Qt::QueuedConnection);
            }
        } through{this};
        task(w);
    });
}

void TrainingController::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void TrainingController::newModel(const ModelConfig& config, const QString& device, const QString& startFrom)
{
    if (runOn())
        return;
    m_device = device;
    postOpening([config, device, startFrom](TrainingWorker& w) { w.newModel(config, device, startFrom); });
}

void TrainingController::openCheckpoint(const QString& path, const QString& device)
{
    if (runOn())
        return;
    m_device = device;
    postOpening([path, device](TrainingWorker& w) { w.open(path, device); });
}

void TrainingController::setDataset(std::shared_ptr<const Dataset> data)
{
    post([data](TrainingWorker& w) { w.setDataset(data); });
}

void TrainingController::setPrecision(const QString& precision)
{
    m_precision = precision;
    post([precision](TrainingWorker& w) { w.setPrecision(precision); });
}

void TrainingController::setCpuThreads(int threads)
{
    m_threads = threads;
    post([threads](TrainingWorker& w) { w.setThreads(threads); });
}

void TrainingController::start(qint64 totalSteps)
{
    TrainingRequest r;
    r.totalSteps = totalSteps;
    start(r);
}

void TrainingController::start(const TrainingRequest& request)
{
    if (!m_hasModel || runOn())
        return;
    TrainingRequest r = request;
    if (!r.threads)
        r.threads = m_threads;
    if (!r.precision)
        r.precision = m_precision;
    if (!r.device.isEmpty())
        m_device = r.device;
    auto control = std::make_shared<RunControl>();
    control->totalSteps.store(r.totalSteps);
    m_targetSteps = r.totalSteps;
    m_run = control;
    const quint64 id = ++m_startId;
    m_dirtyBeforeRun = m_dirty;
    m_stepBeforeRun = m_step;
    m_dirty = true;
    setState(State::Running);
    post([id, control, r](TrainingWorker& w) { w.train(id, control, r); });
}

QString TrainingController::stepsReached(qint64 step)
{
    return tr("The model has already reached step %L1; raise the number of steps to continue.").arg(step);
}

void TrainingController::pause()
{
    if (m_state == State::Running && m_run)
        m_run->pause.store(true);
}

void TrainingController::resume()
{
    if (m_run)
        m_run->pause.store(false);
    m_background.wake();
}

void TrainingController::setTotalSteps(qint64 steps)
{
    m_targetSteps = std::max<qint64>(1, steps);
    if (m_run && runOn())
        m_run->totalSteps.store(std::max<qint64>(1, steps));
}

void TrainingController::stop()
{
    if (!m_run)
        return;
    m_run->stop.store(true);
    m_run->pause.store(false);
    m_background.wake();
}

quint64 TrainingController::save(const QString& path)
{
    const quint64 request = ++m_saveId;
    // The file keeps the Steps the form shows, the target a resumed run trains to (paused too: the run takes
    // a new target only at its next step); a target the model has passed, the model's own.
    const qint64 target = m_targetSteps > m_step ? m_targetSteps : 0;
    post([path, request, target](TrainingWorker& w) { w.save(path, request, target); });
    return request;
}

void TrainingController::requestSnapshot()
{
    post([](TrainingWorker& w) { w.snapshot(); });
}

void TrainingController::requestPreview()
{
    post([drop = m_previewDropped](TrainingWorker& w) { w.preview(drop.get()); });
}

TrainingProgress TrainingController::takeProgress()
{
    auto p = m_progress->take();
    if (p.step > 0) {
        m_step = p.step;
        m_workerThreads = p.threads;
        if (runOn() && m_step > m_savedStep) // steps the last save did not see (it ran before the pause)
            m_dirty = true;
    }
    return p;
}

void TrainingController::onModelInstalled(SnapshotPtr snapshot, const QString& source)
{
    // Only opens and new models install one. It is there: a Start made on modelReady trains it.
    if (m_opening > 0) {
        ++m_openedEarly;
        if (--m_opening == 0)
            Q_EMIT openingChanged(false);
    }
    m_hasModel = true;
    m_savedStep = -1;
    m_step = snapshot->step;
    m_snapshot = snapshot;
    if (!runOn()) { // a Start already queued behind it keeps its state, and trains this model
        m_dirty = false;
        setState(State::Idle);
    } else {
        m_dirty = true;
        m_dirtyBeforeRun = false;
        m_stepBeforeRun = snapshot->step;
    }
    Q_EMIT modelReady(snapshot, source);
}

void TrainingController::onSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = snapshot;
    Q_EMIT snapshotReady(snapshot);
}

void TrainingController::onRunStarted(quint64 request)
{
    if (request == m_startId && m_state == State::Paused)
        setState(State::Running);
}

void TrainingController::onRunPaused(quint64 request, bool paused)
{
    if (request != m_startId || !runOn())
        return;
    if (!paused) // training again: the model moves on from what a save while paused wrote
        m_dirty = true;
    setState(paused ? State::Paused : State::Running);
}

void TrainingController::onRunEnded(quint64 request, SnapshotPtr snapshot, qint64 step, const QString& error)
{
    if (snapshot)
        m_snapshot = snapshot;
    if (step >= 0)
        m_step = step;
    if (m_step == m_stepBeforeRun)
        m_dirty = m_dirtyBeforeRun; // nothing was trained
    else if (m_step == m_savedStep)
        m_dirty = false; // saved while paused (or just before the end), and not trained since
    if (request == m_startId)
        setState(State::Idle);
    if (!error.isEmpty())
        Q_EMIT failed(error);
    if (snapshot)
        Q_EMIT snapshotReady(snapshot);
    Q_EMIT finished(m_step, m_step != m_stepBeforeRun);
}
