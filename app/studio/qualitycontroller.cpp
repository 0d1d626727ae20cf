#include "qualitycontroller.h"

#include "threadpriority.h"
#include "bundled.h"
#include "messages.h"

#include "device.h"
#include "trainer.h"

#include <QElapsedTimer>
#include <QMetaObject>

using namespace ddpm;

class QualityWorker : public QObject {
    Q_OBJECT
public:
    void run(quint64 id, const QualityRequest& request, std::shared_ptr<std::atomic<bool>> cancel)
    {
        const Error what(QualityController::tr("measuring the sample quality").toStdString());
        QString error;
        bool completed = false;
        try {
            completed = measure(id, request, *cancel, error);
        } catch (const std::exception& e) {
            error = ddpm::errorText(describeException(e, what));
        } catch (...) {
            error = ddpm::errorText(describeUnknownException(what));
        }
        Q_EMIT finished(id, completed && error.isEmpty(), error);
    }

Q_SIGNALS:
    void progress(quint64 id, int run, int runs, qint64 done, qint64 total);
    void reportReady(quint64 id, int run, const ddpm::QualityReport& report);
    void finished(quint64 id, bool completed, const QString& error);

private:
    bool measure(quint64 id, const QualityRequest& r, const std::atomic<bool>& cancel, QString& error)
    {
        if (r.threads) {
            // LibTorch sets a thread's count up lazily, at its first parallel operation, from the last
            // count any thread asked for; have that happen first so that it cannot undo this one.
            (void)torch::get_num_threads();
            configureThreads(*r.threads);
        }
        const QString path = r.classifierPath.isEmpty() ? classifierPath() : r.classifierPath;
        if (path.isEmpty()) {
            error = QualityController::tr("The quality classifier is not installed "
                                          "(models/fashion-mnist-classifier.ckpt).");
            return false;
        }
        if (!m_classifier || m_classifierPath != path) {
            auto c = loadClassifier(path.toStdString());
            if (!c) {
                error = ddpm::errorText(c);
                return false;
            }
            m_classifier = std::make_unique<TrainedClassifier>(std::move(c.value()));
            m_classifierPath = path;
            m_reference.reset();
        }
        if (!m_reference || m_reference->floorCount != r.options.count) {
            auto ref = fashionMnistReference(*m_classifier, r.options.count);
            if (!ref) {
                error = QualityController::tr("Quality is measured against the Fashion-MNIST test images: %1")
                            .arg(ddpm::errorText(ref));
                return false;
            }
            m_reference = std::make_unique<QualityReference>(std::move(ref.value()));
        }
        const auto& c = r.model->config;
        Diffusion diffusion(NoiseSchedule(c.schedule), c.prediction, r.model->device);
        // A copy of its own: the sampler may use the snapshot's network at the same time.
        auto denoiser = r.denoiser ? r.denoiser : makeDenoiser(cloneUNet(r.useEma ? r.model->ema : r.model->model));
        const std::vector<int64_t> shape{c.unet.imageChannels(), c.unet.imageSize(), c.unet.imageSize()};
        const int runs = static_cast<int>(r.runs.size());
        for (int i = 0; i < runs; ++i) {
            QualityOptions o = r.options;
            o.sampler = r.runs[static_cast<size_t>(i)];
            QElapsedTimer since;
            since.start();
            auto report = measureQuality(
                diffusion, denoiser, shape, *m_classifier, *m_reference, o,
                [&](int done, int total) {
                    if (done == total || since.elapsed() >= 100) {
                        since.restart();
                        Q_EMIT progress(id, i, runs, done, total);
                    }
                },
                &cancel);
            if (!report) {
                if (!isCancelled(report.failure()))
                    error = ddpm::errorText(report);
                return false;
            }
            Q_EMIT reportReady(id, i, report.value());
        }
        return true;
    }

    std::unique_ptr<TrainedClassifier> m_classifier;
    QString m_classifierPath;
    std::unique_ptr<QualityReference> m_reference;
};

QualityController::QualityController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ddpm::QualityReport>();
    m_thread.setObjectName(QStringLiteral("quality"));
    m_worker = new QualityWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Below the GUI's priority, set on the worker thread itself before LibTorch starts its pool there.
    connect(
        &m_thread, &QThread::started, m_worker, [] { ThreadPriority::lowerCurrentThread(); }, Qt::DirectConnection);
    connect(m_worker, &QualityWorker::progress, this, [this](quint64 id, int run, int runs, qint64 done, qint64 total) {
        if (id == m_running)
            Q_EMIT progress(id, run, runs, done, total);
    });
    connect(m_worker, &QualityWorker::reportReady, this,
            [this](quint64 id, int run, const ddpm::QualityReport& report) {
                if (id == m_running)
                    Q_EMIT reportReady(id, run, report);
            });
    connect(m_worker, &QualityWorker::finished, this, &QualityController::onFinished);
    m_thread.start();
}

QualityController::~QualityController()
{
    shutdown();
}

void QualityController::shutdown()
{
    if (!m_thread.isRunning())
        return;
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

quint64 QualityController::start(const QualityRequest& request)
{
    if (m_running != 0 || !request.model || request.runs.empty())
        return 0;
    const quint64 id = ++m_lastId;
    m_running = id;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto* w = m_worker;
    auto cancel = m_cancel;
    QMetaObject::invokeMethod(
        w, [w, id, request, cancel] { w->run(id, request, cancel); }, Qt::QueuedConnection);
    return id;
}

void QualityController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void QualityController::onFinished(quint64 id, bool completed, const QString& error)
{
    if (id != m_running)
        return;
    m_running = 0;
    m_cancel.reset();
    Q_EMIT finished(id, completed, error);
}

#include "qualitycontroller.moc"
