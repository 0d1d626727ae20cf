#include "trainingcontroller.h"

#include "threadpriority.h"
#include "device.h"
#include "imageio.h"
#include "messages.h"
#include "sampler.h"
#include "trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutex>
#include <QTemporaryFile>

#include <cmath>
#include <deque>

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
// Progress: the worker buffers, the GUI takes. At most one notification is pending at a time.

class ProgressBuffer {
public:
    void add(const StepStats& s, const std::vector<double>& bins, int threads)
    {
        QMutexLocker lock(&m_mutex);
        m_pending.points.append(QPointF(static_cast<double>(s.step), s.loss));
        m_pending.step = s.step;
        m_pending.loss = s.loss;
        m_pending.stepsPerSec = s.stepsPerSec;
        m_pending.imagesPerSec = s.imagesPerSec;
        m_pending.lr = s.lr;
        m_pending.gradNorm = s.gradNorm;
        m_pending.threads = threads;
        m_pending.binLoss = QVector<double>(bins.begin(), bins.end());
    }

    // True when the caller should notify (no notification is pending yet).
    bool claimNotification() { return !m_notifyPending.exchange(true); }

    TrainingProgress take()
    {
        QMutexLocker lock(&m_mutex);
        m_notifyPending.store(false);
        TrainingProgress p = m_pending;
        m_pending.points.clear();
        return p;
    }

private:
    QMutex m_mutex;
    TrainingProgress m_pending;
    std::atomic<bool> m_notifyPending{false};
};

// ---------------------------------------------------------------------------------------------
// The worker: lives on the training thread, owns the trainer. Runs posted tasks in order; the
// training loop drains them between steps, so a save or a snapshot asked for during training lands
// at a step boundary. Every task runs inside guard(): nothing it throws leaves the thread.

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker(std::shared_ptr<ProgressBuffer> progress, std::shared_ptr<std::atomic<bool>> shutdown,
                   std::shared_ptr<std::atomic<int>> previewInterval)
        : m_progress(std::move(progress))
        , m_shutdown(std::move(shutdown))
        , m_previewInterval(std::move(previewInterval))
    {
    }

    using Task = std::function<void(TrainingWorker&)>;

    // Thread-safe: called from the GUI thread.
    void post(Task task)
    {
        QMutexLocker lock(&m_taskMutex);
        m_tasks.push_back(std::move(task));
        if (!m_inLoop)
            QMetaObject::invokeMethod(
                this, [this] { drain(); }, Qt::QueuedConnection);
    }

    // --- everything below runs on the worker thread -------------------------------------------

    void newModel(const ModelConfig& config, const QString& device)
    {
        auto d = parseDevice(device.toStdString());
        if (!d)
            return Q_EMIT failed(ddpm::errorText(d));
        std::unique_ptr<Trainer> trainer;
        const QString error = guard(TrainingController::tr("creating the model"),
                                    [&] { trainer = std::make_unique<Trainer>(config, d.value()); });
        if (!error.isEmpty())
            return Q_EMIT failed(error); // the current model stays as it was
        install(std::move(trainer), QString());
    }

    void open(const QString& path, const QString& device)
    {
        auto d = parseDevice(device.toStdString());
        if (!d)
            return Q_EMIT failed(ddpm::errorText(d));
        std::unique_ptr<Trainer> trainer;
        QString error;
        const QString thrown = guard(TrainingController::tr("opening %1").arg(path), [&] {
            auto t = Trainer::resume(path.toStdString(), d.value());
            if (t)
                trainer = std::move(t.value());
            else
                error = ddpm::errorText(t);
        });
        if (!thrown.isEmpty())
            error = thrown;
        if (!error.isEmpty())
            return Q_EMIT failed(error); // the current model stays as it was
        install(std::move(trainer), path);
    }

    void setDataset(std::shared_ptr<const Dataset> data)
    {
        m_data = std::move(data);
        if (m_trainer && m_data)
            attachData(true);
    }

    void save(const QString& path, quint64 request)
    {
        if (!m_trainer)
            return Q_EMIT saveFailed(TrainingController::tr("There is no model to save."), request);
        QString error;
        const QString thrown = guard(TrainingController::tr("saving %1").arg(path), [&] {
            if (auto s = m_trainer->save(path.toStdString()); !s)
                error = ddpm::errorText(s);
        });
        if (!thrown.isEmpty())
            error = thrown;
        if (!error.isEmpty())
            return Q_EMIT saveFailed(error, request);
        Q_EMIT saved(path, request, m_trainer->stepCount());
    }

    void snapshot()
    {
        if (!m_trainer)
            return;
        SnapshotPtr snap;
        const QString error = guard(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); });
        if (!error.isEmpty())
            return Q_EMIT failed(error);
        Q_EMIT snapshotReady(snap);
    }

    void preview(const std::atomic<bool>* cancel)
    {
        if (!m_trainer)
            return;
        const QString error =
            guard(TrainingController::tr("drawing the preview samples"), [&] { previewUnguarded(cancel); });
        if (!error.isEmpty())
            Q_EMIT failed(error);
    }

    // "auto", "fp32" or "bf16": how the network computes from now on (training and the snapshots the
    // sampler uses); applied to every model this worker holds.
    void setPrecision(const QString& name)
    {
        m_precision = name;
        if (!m_trainer)
            return;
        const QString error = applyPrecision(*m_trainer);
        if (!error.isEmpty())
            return Q_EMIT failed(error);
        SnapshotPtr snap;
        if (guard(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); }).isEmpty())
            Q_EMIT snapshotReady(snap); // the window and the sampler compute in the new precision
    }

    void setThreads(int threads)
    {
        // LibTorch sets a thread's count up lazily, at its first parallel operation, from the last
        // count any thread asked for; have that happen first so that it cannot undo this one.
        (void)torch::get_num_threads();
        configureThreads(threads);
    }

    void train(quint64 run, std::shared_ptr<RunControl> control, const TrainingRequest& request)
    {
        if (request.threads)
            setThreads(*request.threads);
        QString error;
        const QString thrown = guard(TrainingController::tr("training"), [&] { error = loop(run, *control, request); });
        if (!thrown.isEmpty())
            error = thrown;
        setInLoop(false);
        notify(true);
        drain(); // what was asked for during the last step
        SnapshotPtr snap;
        qint64 step = -1; // no model
        if (m_trainer) {
            step = m_trainer->stepCount();
            const QString e = guard(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); });
            if (error.isEmpty())
                error = e;
            // A failed step may have ended the batch prefetcher: start a fresh one at the current step
            // so that the next Start can go on.
            if (!error.isEmpty() && m_data && m_dataAttached)
                attachData(false);
        }
        Q_EMIT runEnded(run, snap, step, error);
    }

Q_SIGNALS:
    void modelInstalled(SnapshotPtr snapshot, const QString& source);
    void snapshotReady(SnapshotPtr snapshot);
    void runStarted(quint64 run);
    void runPaused(quint64 run, bool paused);
    void runEnded(quint64 run, SnapshotPtr snapshot, qint64 step, const QString& error);
    void progressAvailable();
    void previewReady(const QImage& grid, qint64 step);
    void saved(const QString& path, quint64 request, qint64 step);
    void saveFailed(const QString& message, quint64 request);
    void failed(const QString& message);

private:
    // Runs f; returns "" or, when it threw, the reason in the user's words (`what` names the task,
    // lower case, as it goes into the middle of a sentence).
    template <typename F> static QString guard(const QString& what, F&& f)
    {
        const Error task(what.toStdString()); // already in the user's language
        try {
            f();
            return {};
        } catch (const std::exception& e) {
            return ddpm::errorText(describeException(e, task));
        } catch (...) {
            return ddpm::errorText(describeUnknownException(task));
        }
    }

    void drain()
    {
        for (;;) {
            Task task;
            {
                QMutexLocker lock(&m_taskMutex);
                if (m_tasks.empty())
                    return;
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            // Each task guards its own work; this catches what a task let through.
            const QString error = guard(TrainingController::tr("a background task"), [&] { task(*this); });
            if (!error.isEmpty())
                Q_EMIT failed(error);
        }
    }

    void setInLoop(bool in)
    {
        QMutexLocker lock(&m_taskMutex);
        m_inLoop = in;
    }

    SnapshotPtr makeSnapshot()
    {
        auto s = std::make_shared<ModelSnapshot>();
        s->config = m_trainer->config();
        s->step = m_trainer->stepCount();
        s->model = cloneUNet(m_trainer->model());
        s->ema = cloneUNet(m_trainer->ema());
        s->lossHistory = m_trainer->lossHistory();
        s->binLoss = m_trainer->binLoss();
        s->binLossHistory = m_trainer->binLossHistory();
        s->device = m_trainer->device();
        s->lr = m_trainer->learningRate(std::max<int64_t>(0, s->step - 1));
        return s;
    }

    QString applyPrecision(Trainer& trainer)
    {
        auto p = parsePrecision(m_precision.toStdString(), trainer.device());
        if (!p)
            return ddpm::errorText(p);
        trainer.setPrecision(p.value());
        return {};
    }

    // Replaces the trainer only once everything about the new one worked.
    void install(std::unique_ptr<Trainer> trainer, const QString& source)
    {
        if (const QString error = applyPrecision(*trainer); !error.isEmpty())
            return Q_EMIT failed(error);
        std::swap(m_trainer, trainer);
        SnapshotPtr snap;
        const QString error = guard(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); });
        if (!error.isEmpty()) {
            std::swap(m_trainer, trainer); // back to the last good one
            return Q_EMIT failed(error);
        }
        m_dataAttached = false;
        if (m_data)
            attachData(true);
        Q_EMIT modelInstalled(snap, source);
    }

    void attachData(bool report)
    {
        m_dataAttached = false;
        QString message;
        const QString error = guard(TrainingController::tr("preparing the data set"), [&] {
            const auto& u = m_trainer->config().unet;
            if (m_data->channels() != u.imageChannels() || m_data->height() != u.imageSize())
                return; // Start says so; the window loads the data set again at the model's size
            auto s = m_trainer->setDataset(*m_data);
            m_dataAttached = static_cast<bool>(s);
            if (!s)
                message = ddpm::errorText(s);
        });
        if (!error.isEmpty()) {
            m_dataAttached = false;
            message = error;
        }
        if (report && !message.isEmpty())
            Q_EMIT failed(message);
    }

    // The model moves by way of a checkpoint: the trainer is replaced only when the copy on the new
    // device is complete.
    QString moveTo(const QString& device)
    {
        auto d = parseDevice(device.toStdString());
        if (!d)
            return ddpm::errorText(d);
        if (d.value() == m_trainer->device())
            return {};
        QTemporaryFile file(QDir::temp().filePath(QStringLiteral("ddpm-studio-move-XXXXXX.ckpt")));
        if (!file.open())
            return TrainingController::tr("The model cannot be moved to %1: no temporary file can be written (%2).")
                .arg(QString::fromStdString(deviceDescription(d.value())), file.errorString());
        file.close();
        if (auto s = m_trainer->save(file.fileName().toStdString()); !s)
            return ddpm::errorText(s);
        auto moved = Trainer::resume(file.fileName().toStdString(), d.value());
        if (!moved)
            return ddpm::errorText(moved);
        if (const QString error = applyPrecision(*moved.value()); !error.isEmpty())
            return error;
        std::swap(m_trainer, moved.value());
        if (m_data)
            attachData(true);
        Q_EMIT snapshotReady(makeSnapshot()); // the window shows the new device
        return {};
    }

    // The training loop of one Start; returns "" or why it stopped early.
    QString loop(quint64 run, const RunControl& control, const TrainingRequest& request)
    {
        if (control.stop.load())
            return {}; // stopped before it began
        if (!m_trainer)
            return TrainingController::tr("There is no model to train.");
        if (!m_dataAttached)
            return TrainingController::tr(
                "The data set does not fit the model (image size or channels); choose another data set or preset.");
        if (!request.device.isEmpty()) {
            QString error;
            const QString thrown = guard(TrainingController::tr("moving the model to %1").arg(request.device),
                                         [&] { error = moveTo(request.device); });
            if (!thrown.isEmpty() || !error.isEmpty())
                return thrown.isEmpty() ? error : thrown; // training does not start; the model stays where it was
        }
        if (request.precision) {
            m_precision = *request.precision;
            if (const QString error = applyPrecision(*m_trainer); !error.isEmpty())
                return error;
        }
        if (request.options) {
            if (auto s = m_trainer->setTrainOptions(request.options->mergedInto(m_trainer->config().train)); !s)
                return ddpm::errorText(s);
        }
        qint64 totalSteps = control.totalSteps.load();
        m_trainer->setTotalSteps(totalSteps);
        if (m_trainer->stepCount() >= totalSteps)
            return TrainingController::tr(
                       "The model has already reached step %1; raise the number of steps to continue.")
                .arg(m_trainer->stepCount());
        setInLoop(true);
        Q_EMIT runStarted(run);
        bool paused = false;
        while (!control.stop.load()) {
            drain();
            if (const qint64 total = control.totalSteps.load(); total != totalSteps) {
                totalSteps = total; // the form's Steps changed during the run
                m_trainer->setTotalSteps(totalSteps);
            }
            if (m_trainer->stepCount() >= totalSteps)
                break;
            if (control.pause.load()) {
                if (!paused) {
                    paused = true;
                    notify(true);
                    Q_EMIT runPaused(run, true);
                }
                QThread::msleep(20);
                continue;
            }
            if (paused) {
                paused = false;
                Q_EMIT runPaused(run, false);
            }
            auto s = m_trainer->step();
            if (!s)
                return ddpm::errorText(s);
            m_progress->add(s.value(), m_trainer->binLoss(), torch::get_num_threads());
            notify(false);
            const int every = m_previewInterval->load();
            if (every > 0 && s->step % every == 0)
                previewUnguarded(&control.stop);
        }
        return {};
    }

    void notify(bool force)
    {
        if (!force && m_sinceNotify.isValid() && m_sinceNotify.elapsed() < 100)
            return;
        m_sinceNotify.restart();
        if (m_progress->claimNotification()) // else the GUI gets these points with the pending one
            Q_EMIT progressAvailable();
    }

    void previewUnguarded(const std::atomic<bool>* cancel)
    {
        // 16 samples from fixed noise with the EMA weights: DDIM, 25 steps, so the cost stays small.
        const auto& c = m_trainer->config();
        SamplerOptions o;
        o.kind = SamplerKind::Ddim;
        o.ddimSteps = 25;
        o.count = 16;
        o.seed = 1234;
        auto denoiser = makeDenoiser(m_trainer->ema());
        ReverseProcess rp(m_trainer->diffusion(), denoiser, o,
                          {c.unet.imageChannels(), c.unet.imageSize(), c.unet.imageSize()});
        if (!rp.run(cancel ? cancel : m_shutdown.get()))
            return;
        Q_EMIT previewReady(makeGrid(batchToImages(rp.current()), 4, 2, 1), m_trainer->stepCount());
    }

    std::shared_ptr<ProgressBuffer> m_progress;
    std::shared_ptr<std::atomic<bool>> m_shutdown;
    std::shared_ptr<std::atomic<int>> m_previewInterval;
    std::unique_ptr<Trainer> m_trainer;
    QString m_precision = QStringLiteral("auto");
    std::shared_ptr<const Dataset> m_data;
    bool m_dataAttached = false;
    QMutex m_taskMutex;
    std::deque<Task> m_tasks;
    bool m_inLoop = false;
    QElapsedTimer m_sinceNotify;
};

// ---------------------------------------------------------------------------------------------
// The controller (GUI thread)

TrainingController::TrainingController(QObject* parent)
    : QObject(parent)
    , m_progress(std::make_shared<ProgressBuffer>())
{
    qRegisterMetaType<SnapshotPtr>();
    m_worker = new TrainingWorker(m_progress, m_shutdown, m_previewInterval);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Below the GUI's priority, set on the worker thread itself before LibTorch starts its pool there.
    connect(
        &m_thread, &QThread::started, m_worker, [] { ThreadPriority::lowerCurrentThread(); }, Qt::DirectConnection);
    connect(m_worker, &TrainingWorker::modelInstalled, this, &TrainingController::onModelInstalled);
    connect(m_worker, &TrainingWorker::snapshotReady, this, &TrainingController::onSnapshot);
    connect(m_worker, &TrainingWorker::runStarted, this, &TrainingController::onRunStarted);
    connect(m_worker, &TrainingWorker::runPaused, this, &TrainingController::onRunPaused);
    connect(m_worker, &TrainingWorker::runEnded, this, &TrainingController::onRunEnded);
    connect(m_worker, &TrainingWorker::progressAvailable, this, &TrainingController::progressAvailable);
    connect(m_worker, &TrainingWorker::previewReady, this, &TrainingController::previewReady);
    connect(m_worker, &TrainingWorker::saved, this, [this](const QString& path, quint64 request, qint64 step) {
        if (m_state == State::Idle && step == m_step)
            m_dirty = false;
        Q_EMIT saved(path, request);
    });
    connect(m_worker, &TrainingWorker::saveFailed, this, [this](const QString& message, quint64 request) {
        Q_EMIT saveFailed(message, request);
        Q_EMIT failed(message);
    });
    connect(m_worker, &TrainingWorker::failed, this, &TrainingController::failed);
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
}

TrainingController::~TrainingController()
{
    shutdown();
}

void TrainingController::shutdown()
{
    if (!m_thread.isRunning())
        return;
    m_shutdown->store(true);
    if (m_run) {
        m_run->stop.store(true);
        m_run->pause.store(false);
    }
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::runOnWorker(std::function<void()> task)
{
    post([task = std::move(task)](TrainingWorker&) { task(); });
}

void TrainingController::post(std::function<void(TrainingWorker&)> task)
{
    m_worker->post(std::move(task));
}

void TrainingController::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void TrainingController::newModel(const ModelConfig& config, const QString& device)
{
    if (runOn())
        return;
    m_device = device;
    post([config, device](TrainingWorker& w) { w.newModel(config, device); });
}

void TrainingController::openCheckpoint(const QString& path, const QString& device)
{
    if (runOn())
        return;
    m_device = device;
    post([path, device](TrainingWorker& w) { w.open(path, device); });
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
    m_run = control;
    const quint64 run = ++m_runId;
    m_dirtyBeforeRun = m_dirty;
    m_stepBeforeRun = m_step;
    m_dirty = true;
    setState(State::Running);
    auto* w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, run, control, r] { w->train(run, control, r); }, Qt::QueuedConnection);
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
}

void TrainingController::setTotalSteps(qint64 steps)
{
    if (m_run && runOn())
        m_run->totalSteps.store(std::max<qint64>(1, steps));
}

void TrainingController::stop()
{
    if (!m_run)
        return;
    m_run->stop.store(true);
    m_run->pause.store(false);
}

quint64 TrainingController::save(const QString& path)
{
    const quint64 request = ++m_saveId;
    post([path, request](TrainingWorker& w) { w.save(path, request); });
    return request;
}

void TrainingController::requestSnapshot()
{
    post([](TrainingWorker& w) { w.snapshot(); });
}

void TrainingController::requestPreview()
{
    post([](TrainingWorker& w) { w.preview(nullptr); });
}

TrainingProgress TrainingController::takeProgress()
{
    auto p = m_progress->take();
    if (p.step > 0) {
        m_step = p.step;
        m_workerThreads = p.threads;
    }
    return p;
}

void TrainingController::onModelInstalled(SnapshotPtr snapshot, const QString& source)
{
    m_hasModel = true;
    m_dirty = false;
    m_step = snapshot->step;
    m_snapshot = snapshot;
    if (!runOn()) // a Start already queued behind it keeps its state
        setState(State::Idle);
    Q_EMIT modelReady(snapshot, source);
}

void TrainingController::onSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = snapshot;
    Q_EMIT snapshotReady(snapshot);
}

void TrainingController::onRunStarted(quint64 run)
{
    if (run == m_runId && m_state == State::Paused)
        setState(State::Running);
}

void TrainingController::onRunPaused(quint64 run, bool paused)
{
    if (run != m_runId || !runOn())
        return;
    setState(paused ? State::Paused : State::Running);
}

void TrainingController::onRunEnded(quint64 run, SnapshotPtr snapshot, qint64 step, const QString& error)
{
    if (snapshot)
        m_snapshot = snapshot;
    if (step >= 0)
        m_step = step;
    if (m_step == m_stepBeforeRun)
        m_dirty = m_dirtyBeforeRun; // nothing was trained
    if (run == m_runId)
        setState(State::Idle);
    if (!error.isEmpty())
        Q_EMIT failed(error);
    if (snapshot)
        Q_EMIT snapshotReady(snapshot);
    Q_EMIT finished(m_step);
}

#include "trainingcontroller.moc"
