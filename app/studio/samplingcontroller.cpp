#include "samplingcontroller.h"

#include "imageio.h"
#include "trainer.h"

#include <QElapsedTimer>
#include <QMetaObject>

using namespace ddpm;

class SamplingWorker : public QObject {
public:
    explicit SamplingWorker(SamplingController* owner)
        : m_owner(owner)
    {
    }

    void process()
    {
        auto* o = m_owner;
        std::optional<SamplingRequest> request;
        {
            QMutexLocker lock(&o->m_mutex);
            request.swap(o->m_pending);
        }
        if (!request)
            return; // a newer call already took it
        o->m_cancel.store(false);
        try {
            run(*request);
        } catch (const std::exception& e) {
            const QString message = SamplingController::tr("Sampling failed: %1").arg(QString::fromUtf8(e.what()));
            const int generation = request->generation;
            QMetaObject::invokeMethod(o, [o, message, generation] {
                if (generation != o->m_generation.load())
                    return;
                o->m_running = false;
                Q_EMIT o->failed(message);
                Q_EMIT o->finished(false);
            });
        }
    }

    void run(const SamplingRequest& r)
    {
        auto* o = m_owner;
        const auto& c = r.model->config;
        Diffusion diffusion(NoiseSchedule(c.schedule), c.prediction, r.model->device);
        auto denoiser = makeDenoiser(r.useEma ? r.model->ema : r.model->model);
        std::unique_ptr<ReverseProcess> rp;
        if (r.start.defined())
            rp = std::make_unique<ReverseProcess>(diffusion, denoiser, r.options, r.start, r.startT);
        else
            rp = std::make_unique<ReverseProcess>(diffusion, denoiser, r.options,
                                                  std::vector<int64_t>{c.unet.imageChannels(), c.unet.imageSize(), c.unet.imageSize()});
        const int total = rp->totalSteps();
        QMetaObject::invokeMethod(o, [o, total] { Q_EMIT o->started(total); });
        QElapsedTimer since;
        since.start();
        auto notify = [&](bool force) {
            if (!force && since.elapsed() < 60)
                return;
            since.restart();
            if (!o->m_notifyPending.exchange(true))
                QMetaObject::invokeMethod(o, [o] { Q_EMIT o->framesAvailable(); });
        };
        const bool completed = rp->run(&o->m_cancel, [&](const ReverseStep& s) {
            SampleFrame f;
            f.generation = r.generation;
            f.step = s.step;
            f.t = s.t;
            f.xt = batchToImages(s.xt);
            f.x0Hat = batchToImages(s.x0Hat);
            f.epsHat = batchToImages(s.epsHat / 3.0); // ε̂ shown on [−3, 3]
            {
                QMutexLocker lock(&o->m_mutex);
                o->m_frames.append(std::move(f));
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
            QMutexLocker lock(&o->m_mutex);
            o->m_frames.append(std::move(f));
        }
        notify(true);
        const QList<QImage> finals = completed ? batchToImages(rp->current()) : QList<QImage>{};
        const int generation = r.generation;
        QMetaObject::invokeMethod(o, [o, completed, finals, generation] {
            if (generation != o->m_generation.load())
                return; // a newer request is on its way: this run was superseded
            o->m_running = false;
            if (completed)
                o->m_final = finals;
            Q_EMIT o->finished(completed);
        });
    }

    SamplingController* m_owner;
};

SamplingController::SamplingController(QObject* parent)
    : QObject(parent)
{
    m_worker = new SamplingWorker(this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("sampling"));
    m_thread.start();
}

SamplingController::~SamplingController() { shutdown(); }

void SamplingController::shutdown()
{
    if (!m_thread.isRunning())
        return;
    m_cancel.store(true);
    {
        QMutexLocker lock(&m_mutex);
        m_pending.reset();
    }
    m_thread.quit();
    m_thread.wait();
}

void SamplingController::start(const SamplingRequest& request)
{
    if (!request.model)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_pending = request;
        m_pending->generation = ++m_generation;
        m_frames.clear();
    }
    m_cancel.store(true); // the newest request wins
    m_running = true;
    auto* w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->process(); }, Qt::QueuedConnection);
}

void SamplingController::cancel() { m_cancel.store(true); }

QList<SampleFrame> SamplingController::takeFrames()
{
    QMutexLocker lock(&m_mutex);
    m_notifyPending.store(false);
    QList<SampleFrame> out;
    for (auto& f : m_frames)
        if (f.generation == m_generation.load())
            out.append(std::move(f));
    m_frames.clear();
    return out;
}
