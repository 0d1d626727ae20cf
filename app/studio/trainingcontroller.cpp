#include "trainingcontroller.h"

#include "imageio.h"
#include "messages.h"
#include "sampler.h"
#include "trainer.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <chrono>

using namespace ddpm;

// Lives on the worker thread. Runs posted tasks in order; the training loop drains them between
// steps, so a save or a snapshot asked for during training lands at a step boundary.
class TrainingWorker : public QObject {
public:
    explicit TrainingWorker(TrainingController* owner)
        : m_owner(owner)
    {
    }

    void post(std::function<void()> task)
    {
        QMutexLocker lock(&m_taskMutex);
        m_tasks.push_back(std::move(task));
        if (!m_inLoop)
            QMetaObject::invokeMethod(this, [this] { drain(); }, Qt::QueuedConnection);
    }

    void drain()
    {
        for (;;) {
            std::function<void()> task;
            {
                QMutexLocker lock(&m_taskMutex);
                if (m_tasks.empty())
                    return;
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            task();
        }
    }

    void setInLoop(bool in)
    {
        QMutexLocker lock(&m_taskMutex);
        m_inLoop = in;
    }

    // --- run on the worker thread ------------------------------------------------------------

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
        return s;
    }

    void installTrainer(std::unique_ptr<Trainer> trainer, const QString& source)
    {
        m_trainer = std::move(trainer);
        m_previewNoise = torch::Tensor();
        if (m_data)
            attachData();
        auto snap = makeSnapshot();
        QMetaObject::invokeMethod(m_owner, [o = m_owner, snap, source] {
            o->m_hasModel = true;
            o->m_dirty = false;
            o->m_step = snap->step;
            o->m_snapshot = snap;
            o->setState(TrainingController::State::Idle);
            Q_EMIT o->modelReady(snap, source);
        });
    }

    void attachData()
    {
        const auto& u = m_trainer->config().unet;
        if (m_data->channels() != u.imageChannels() || m_data->height() != u.imageSize()) {
            m_dataAttached = false;
            return;
        }
        m_dataAttached = static_cast<bool>(m_trainer->setDataset(*m_data));
    }

    void fail(const QString& message)
    {
        QMetaObject::invokeMethod(m_owner, [o = m_owner, message] { Q_EMIT o->failed(message); });
    }

    void buffer(const StepStats& s)
    {
        QMutexLocker lock(&m_progressMutex);
        m_pending.points.append(QPointF(static_cast<double>(s.step), s.loss));
        m_pending.step = s.step;
        m_pending.loss = s.loss;
        m_pending.stepsPerSec = s.stepsPerSec;
        m_pending.imagesPerSec = s.imagesPerSec;
        m_pending.lr = s.lr;
        m_pending.gradNorm = s.gradNorm;
        const auto& bins = m_trainer->binLoss();
        m_pending.binLoss = QVector<double>(bins.begin(), bins.end());
    }

    void notify(bool force)
    {
        if (!force && m_sinceNotify.isValid() && m_sinceNotify.elapsed() < 100)
            return;
        m_sinceNotify.restart();
        if (m_notifyPending.exchange(true))
            return; // the GUI has not read the last one yet: it will get these points with it
        QMetaObject::invokeMethod(m_owner, [o = m_owner] { Q_EMIT o->progressAvailable(); });
    }

    TrainingProgress take()
    {
        QMutexLocker lock(&m_progressMutex);
        m_notifyPending.store(false);
        TrainingProgress p = m_pending;
        m_pending.points.clear();
        return p;
    }

    void preview(const std::atomic<bool>* cancel = nullptr)
    {
        // 16 samples from fixed noise with the EMA weights: DDIM, 25 steps, so the cost stays small.
        const auto& c = m_trainer->config();
        SamplerOptions o;
        o.kind = SamplerKind::Ddim;
        o.ddimSteps = 25;
        o.count = 16;
        o.seed = 1234;
        auto denoiser = makeDenoiser(m_trainer->ema());
        ReverseProcess rp(m_trainer->diffusion(), denoiser, o, {c.unet.imageChannels(), c.unet.imageSize(), c.unet.imageSize()});
        if (!rp.run(cancel))
            return;
        const QImage grid = makeGrid(batchToImages(rp.current()), 4, 2, 1);
        const qint64 step = m_trainer->stepCount();
        QMetaObject::invokeMethod(m_owner, [o = m_owner, grid, step] { Q_EMIT o->previewReady(grid, step); });
    }

    void train(qint64 totalSteps)
    {
        auto* o = m_owner;
        if (!m_trainer)
            return fail(TrainingController::tr("There is no model to train."));
        if (!m_dataAttached)
            return fail(TrainingController::tr("The data set does not fit the model (image size or channels); choose another data set or preset."));
        m_trainer->setTotalSteps(totalSteps);
        if (m_trainer->stepCount() >= totalSteps)
            return fail(TrainingController::tr("The model has already reached step %1; raise the number of steps to continue.")
                            .arg(m_trainer->stepCount()));
        o->m_stop.store(false);
        setInLoop(true);
        QMetaObject::invokeMethod(o, [o] { o->setState(TrainingController::State::Running); });
        QString error;
        bool paused = false;
        while (m_trainer->stepCount() < totalSteps && !o->m_stop.load()) {
            drain();
            if (o->m_pause.load()) {
                if (!paused) {
                    paused = true;
                    notify(true);
                    QMetaObject::invokeMethod(o, [o] { o->setState(TrainingController::State::Paused); });
                }
                QThread::msleep(20);
                continue;
            }
            if (paused) {
                paused = false;
                QMetaObject::invokeMethod(o, [o] { o->setState(TrainingController::State::Running); });
            }
            auto s = m_trainer->step();
            if (!s) {
                error = ddpm::errorText(s);
                break;
            }
            buffer(s.value());
            notify(false);
            const int every = o->m_previewInterval.load();
            if (every > 0 && s->step % every == 0)
                preview(&o->m_stop);
        }
        notify(true);
        setInLoop(false);
        drain();
        const qint64 step = m_trainer->stepCount();
        auto snap = makeSnapshot();
        QMetaObject::invokeMethod(o, [o, snap, step, error] {
            o->m_snapshot = snap;
            o->m_step = step;
            o->m_pause.store(false);
            o->setState(TrainingController::State::Idle);
            if (!error.isEmpty())
                Q_EMIT o->failed(error);
            Q_EMIT o->snapshotReady(snap);
            Q_EMIT o->finished(step);
        });
    }

    TrainingController* m_owner;
    std::unique_ptr<Trainer> m_trainer;
    std::shared_ptr<const Dataset> m_data;
    bool m_dataAttached = false;
    torch::Tensor m_previewNoise;
    QMutex m_taskMutex;
    std::deque<std::function<void()>> m_tasks;
    bool m_inLoop = false;
    QMutex m_progressMutex;
    TrainingProgress m_pending;
    std::atomic<bool> m_notifyPending{false};
    QElapsedTimer m_sinceNotify;
};

TrainingController::TrainingController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<SnapshotPtr>();
    m_worker = new TrainingWorker(this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
}

TrainingController::~TrainingController() { shutdown(); }

void TrainingController::shutdown()
{
    if (!m_thread.isRunning())
        return;
    m_stop.store(true);
    m_pause.store(false);
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::post(std::function<void()> task) { m_worker->post(std::move(task)); }

void TrainingController::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void TrainingController::newModel(const ModelConfig& config, const QString& device)
{
    if (m_state == State::Running || m_state == State::Paused)
        return;
    m_device = device;
    auto* w = m_worker;
    post([w, config, device] {
        auto d = parseDevice(device.toStdString());
        if (!d)
            return w->fail(ddpm::errorText(d));
        try {
            w->installTrainer(std::make_unique<Trainer>(config, d.value()), QString());
        } catch (const std::exception& e) {
            w->fail(tr("The model could not be created: %1").arg(QString::fromUtf8(e.what())));
        }
    });
}

void TrainingController::openCheckpoint(const QString& path, const QString& device)
{
    if (m_state == State::Running || m_state == State::Paused)
        return;
    m_device = device;
    auto* w = m_worker;
    post([w, path, device] {
        auto d = parseDevice(device.toStdString());
        if (!d)
            return w->fail(ddpm::errorText(d));
        auto t = Trainer::resume(path.toStdString(), d.value());
        if (!t)
            return w->fail(ddpm::errorText(t)); // the current model stays as it was
        w->installTrainer(std::move(t.value()), path);
    });
}

void TrainingController::setDataset(std::shared_ptr<const Dataset> data)
{
    auto* w = m_worker;
    post([w, data] {
        w->m_data = data;
        if (w->m_trainer && data)
            w->attachData();
    });
}

void TrainingController::start(qint64 totalSteps)
{
    if (!m_hasModel || m_state == State::Running || m_state == State::Paused)
        return;
    m_stop.store(false);
    m_pause.store(false);
    m_dirty = true;
    setState(State::Running);
    auto* w = m_worker;
    QMetaObject::invokeMethod(w, [w, totalSteps] { w->train(totalSteps); }, Qt::QueuedConnection);
}

void TrainingController::pause()
{
    if (m_state == State::Running)
        m_pause.store(true);
}

void TrainingController::resume()
{
    if (m_state == State::Paused || m_pause.load())
        m_pause.store(false);
}

void TrainingController::stop()
{
    m_stop.store(true);
    m_pause.store(false);
}

void TrainingController::save(const QString& path)
{
    auto* w = m_worker;
    post([w, path] {
        if (!w->m_trainer)
            return w->fail(tr("There is no model to save."));
        auto s = w->m_trainer->save(path.toStdString());
        if (!s)
            return w->fail(ddpm::errorText(s));
        QMetaObject::invokeMethod(w->m_owner, [o = w->m_owner, path] {
            if (o->m_state == State::Idle)
                o->m_dirty = false;
            Q_EMIT o->saved(path);
        });
    });
}

void TrainingController::requestSnapshot()
{
    auto* w = m_worker;
    post([w] {
        if (!w->m_trainer)
            return;
        auto snap = w->makeSnapshot();
        QMetaObject::invokeMethod(w->m_owner, [o = w->m_owner, snap] {
            o->m_snapshot = snap;
            Q_EMIT o->snapshotReady(snap);
        });
    });
}

void TrainingController::requestPreview()
{
    auto* w = m_worker;
    post([w] {
        if (w->m_trainer)
            w->preview();
    });
}

TrainingProgress TrainingController::takeProgress()
{
    auto p = m_worker->take();
    if (p.step > 0)
        m_step = p.step;
    return p;
}
