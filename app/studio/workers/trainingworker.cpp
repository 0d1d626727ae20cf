#include "trainingworker.h"

#include "device.h"
#include "imageio.h"
#include "modelfile.h"
#include "messages.h"
#include "sampler.h"

#include <QDir>
#include <QTemporaryFile>

#include <future>
#include <utility>

using namespace ddpm;

void ProgressBuffer::add(const StepStats& s, const std::vector<double>& bins, int threads)
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

TrainingProgress ProgressBuffer::take()
{
    QMutexLocker lock(&m_mutex);
    m_notifyPending.store(false);
    TrainingProgress p = m_pending;
    m_pending.points.clear();
    return p;
}

TrainingWorker::TrainingWorker(BackgroundWorker& background, BackgroundWorker& reader,
                               std::shared_ptr<ProgressBuffer> progress, std::shared_ptr<std::atomic<bool>> shutdown,
                               std::shared_ptr<std::atomic<int>> previewInterval)
    : m_background(background)
    , m_reader(reader)
    , m_progress(std::move(progress))
    , m_shutdown(std::move(shutdown))
    , m_previewInterval(std::move(previewInterval))
{
}

void TrainingWorker::newModel(const ModelConfig& config, const QString& device, const QString& startFrom)
{
    std::unique_ptr<Trainer> trainer;
    QString error;
    onReader([&] {
        error = guarded(TrainingController::tr("creating the model"), [&]() -> QString {
            auto d = parseDevice(device.toStdString());
            if (!d)
                return ddpm::errorText(d);
            if (startFrom.isEmpty()) {
                trainer = std::make_unique<Trainer>(config, d.value());
                return {};
            }
            auto opened = openModelFile(startFrom.toStdString());
            if (!opened)
                return ddpm::errorText(opened);
            trainer = std::make_unique<Trainer>(warmStartConfig(opened->config, config), d.value());
            auto s = trainer->startFrom(opened.value(), startFrom.toStdString());
            return s ? QString() : ddpm::errorText(s);
        });
    });
    if (!error.isEmpty())
        return Q_EMIT failed(error); // the current model stays as it was
    if (trainer)                     // else the studio is closing and the reader dropped the task
        install(std::move(trainer), QString());
}

void TrainingWorker::open(const QString& path, const QString& device)
{
    std::unique_ptr<Trainer> trainer;
    QString error;
    onReader([&] {
        error = guarded(TrainingController::tr("opening %1").arg(path), [&]() -> QString {
            auto d = parseDevice(device.toStdString());
            if (!d)
                return ddpm::errorText(d);
            auto t = Trainer::resume(path.toStdString(), d.value());
            if (!t)
                return ddpm::errorText(t);
            trainer = std::move(t.value());
            return {};
        });
    });
    if (!error.isEmpty())
        return Q_EMIT failed(error); // the current model stays as it was
    if (trainer)                     // else the studio is closing and the reader dropped the task
        install(std::move(trainer), path);
}

void TrainingWorker::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = std::move(data);
    if (m_inRun) { // a run trains on the data it began with; the new set from the next Start (train())
        m_dataWaiting = true;
        return;
    }
    // A data set the model cannot train on is fine to look at: Start says why (prepareRun), no dialog now.
    if (m_trainer && m_data)
        attachData(false);
}

void TrainingWorker::save(const QString& path, quint64 request, qint64 totalSteps)
{
    if (!m_trainer)
        return Q_EMIT saveFailed(TrainingController::tr("There is no model to save."), request);
    if (totalSteps > 0)
        m_trainer->setTotalSteps(totalSteps);
    const QString error = guarded(TrainingController::tr("saving %1").arg(path), [&]() -> QString {
        auto s = m_trainer->save(path.toStdString());
        return s ? QString() : ddpm::errorText(s);
    });
    if (!error.isEmpty())
        return Q_EMIT saveFailed(error, request);
    Q_EMIT saved(path, request, m_trainer->stepCount());
}

void TrainingWorker::snapshot()
{
    if (!m_trainer)
        return Q_EMIT snapshotFailed();
    SnapshotPtr snap;
    const QString error = guarded(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); });
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return Q_EMIT snapshotFailed();
    }
    Q_EMIT snapshotReady(snap);
}

void TrainingWorker::preview(const std::atomic<bool>* cancel)
{
    if (!m_trainer || (cancel && cancel->load()) || m_shutdown->load())
        return;
    QImage grid;
    QString error;
    onReader([&] {
        error = guarded(TrainingController::tr("drawing the preview samples"), [&] { grid = drawPreview(cancel); });
    });
    if (!error.isEmpty())
        Q_EMIT failed(error);
    else if (!grid.isNull())
        Q_EMIT previewReady(grid, m_trainer->stepCount());
}

void TrainingWorker::setPrecision(const QString& name)
{
    m_precision = name;
    if (!m_trainer)
        return;
    if (const QString error = applyPrecision(*m_trainer); !error.isEmpty())
        return Q_EMIT failed(error);
    snapshot(); // the window and the sampler compute in the new precision
}

void TrainingWorker::setThreads(int threads)
{
    m_threads = threads;
    useThreads(threads);
}

void TrainingWorker::onReader(const std::function<void()>& work)
{
    auto through = std::make_shared<std::promise<void>>();
    auto done = through->get_future();
    // The task holds the only promise: a task the reader drops (the studio closing) breaks it, and so does
    // one that throws, either of which ends the wait as well as finishing does.
    m_reader.post([through = std::move(through), &work, threads = m_threads] {
        useFreeThreads(threads);
        work(); // guards its own errors
        through->set_value();
    });
    done.wait();
}

void TrainingWorker::train(quint64 request, std::shared_ptr<RunControl> control, const TrainingRequest& r)
{
    useThreads(r.threads);
    m_inRun = true;
    QString error = guarded(TrainingController::tr("training"), [&] { return loop(request, *control, r); });
    m_inRun = false;
    notify(true);
    m_background.runPending();                                 // what was asked for during the last step
    const bool dataCame = std::exchange(m_dataWaiting, false); // a data set chosen during the run
    SnapshotPtr snap;
    qint64 step = -1; // no model
    if (m_trainer) {
        step = m_trainer->stepCount();
        const QString e = guarded(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); });
        if (error.isEmpty())
            error = e;
        // The data set chosen during the run from now on; or, after a failed step (which may have ended
        // the batch prefetcher), a fresh prefetcher at the current step, so that the next Start can go on.
        if (m_data && dataCame) // one the model cannot train on: the Training view says so, and Start
            attachData(false);  // why; not a dialog at Stop, which did not ask for it
        else if (!error.isEmpty() && m_data && m_dataAttached)
            attachData(false);
    }
    Q_EMIT runEnded(request, snap, step, error);
}

SnapshotPtr TrainingWorker::makeSnapshot() const
{
    return std::make_shared<const ModelSnapshot>(m_trainer->state());
}

QString TrainingWorker::applyPrecision(Trainer& trainer) const
{
    auto p = parsePrecision(m_precision.toStdString(), trainer.device());
    if (!p)
        return ddpm::errorText(p);
    trainer.setPrecision(p.value());
    return {};
}

// Replaces the trainer only once everything about the new one worked.
void TrainingWorker::install(std::unique_ptr<Trainer> trainer, const QString& source)
{
    if (const QString error = applyPrecision(*trainer); !error.isEmpty())
        return Q_EMIT failed(error);
    std::swap(m_trainer, trainer);
    SnapshotPtr snap;
    const QString error = guarded(TrainingController::tr("copying the model"), [&] { snap = makeSnapshot(); });
    if (!error.isEmpty()) {
        std::swap(m_trainer, trainer); // back to the last good one
        return Q_EMIT failed(error);
    }
    m_dataAttached = false;
    if (m_data) // a model opened beside a data set it cannot train on (other classes) opens to sample: Start says why
        attachData(false);
    Q_EMIT modelInstalled(snap, source);
}

void TrainingWorker::attachData(bool report)
{
    QString refusal; // the trainer's reason not to train on the set (other classes, no labels)
    const QString error = guarded(TrainingController::tr("preparing the data set"), [&]() -> QString {
        m_dataAttached = false;
        const auto& u = m_trainer->config().unet;
        if (m_data->channels() != u.imageChannels() || m_data->height() != u.imageSize()) {
            // Start says so; the window loads the data set again at the model's size
            m_dataProblem = TrainingController::tr(
                "The data set does not fit the model yet (image size or channels): it is being read again at "
                "the model's size. Press Start when it is in.");
            return QString();
        }
        auto s = m_trainer->setDataset(*m_data);
        m_dataAttached = static_cast<bool>(s);
        if (!s)
            refusal = ddpm::errorText(s);
        return QString();
    });
    if (!error.isEmpty() || !refusal.isEmpty()) {
        m_dataAttached = false;
        m_dataProblem = TrainingController::tr("The model cannot train on this data set: %1")
                            .arg(error.isEmpty() ? refusal : error);
    }
    // An exception is reported at once; a refusal where asked, else by the next Start.
    if (!error.isEmpty() || (report && !refusal.isEmpty()))
        Q_EMIT failed(error.isEmpty() ? refusal : error);
}

// The model moves by way of a checkpoint: the trainer is replaced only when the copy on the new device
// is complete.
QString TrainingWorker::moveTo(const QString& device)
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

// What a Start asks for before its first step: the device, the precision, the form's options.
QString TrainingWorker::prepareRun(const TrainingRequest& r)
{
    if (!m_trainer)
        return TrainingController::tr("There is no model to train.");
    if (!m_dataAttached)
        return m_data ? m_dataProblem
                      : TrainingController::tr("The data set is still loading; press Start when it is in.");
    if (!r.device.isEmpty()) {
        const QString error =
            guarded(TrainingController::tr("moving the model to %1").arg(r.device), [&] { return moveTo(r.device); });
        if (!error.isEmpty())
            return error; // training does not start; the model stays where it was
    }
    if (r.precision) {
        m_precision = *r.precision;
        if (const QString error = applyPrecision(*m_trainer); !error.isEmpty())
            return error;
    }
    if (r.options) {
        if (auto s = m_trainer->setTrainOptions(r.options->mergedInto(m_trainer->config().train)); !s)
            return ddpm::errorText(s);
    }
    return {};
}

// The steps of one Start; returns "" or why it stopped early.
QString TrainingWorker::loop(quint64 request, const RunControl& control, const TrainingRequest& r)
{
    if (control.stop.load())
        return {}; // stopped before it began
    if (const QString error = prepareRun(r); !error.isEmpty())
        return error;
    if (m_trainer->stepCount() >= control.totalSteps.load())
        return TrainingController::stepsReached(m_trainer->stepCount());
    Q_EMIT runStarted(request);
    TrainingRun run;
    run.target = [&] { return static_cast<int64_t>(control.totalSteps.load()); }; // the form's Steps may move it
    run.stopRequested = [&] { return control.stop.load(); };
    run.betweenSteps = [&] {
        m_background.runPending();
        if (!control.pause.load() || control.stop.load())
            return;
        notify(true);
        Q_EMIT runPaused(request, true);
        m_background.waitUntil([&] { return !control.pause.load() || control.stop.load(); });
        if (!control.stop.load())
            Q_EMIT runPaused(request, false);
    };
    run.afterStep = [&](const StepStats& s) {
        m_progress->add(s, m_trainer->binLoss(), torch::get_num_threads());
        notify(false);
        const int every = m_previewInterval->load();
        if (every > 0 && s.step % every == 0)
            if (const QImage grid = drawPreview(&control.stop); !grid.isNull())
                Q_EMIT previewReady(grid, m_trainer->stepCount());
    };
    const auto s = runTraining(*m_trainer, run);
    return s ? QString() : ddpm::errorText(s);
}

void TrainingWorker::notify(bool force)
{
    if (!force && m_sinceNotify.isValid() && m_sinceNotify.elapsed() < 100)
        return;
    m_sinceNotify.restart();
    if (m_progress->claimNotification()) // else the GUI gets these points with the pending one
        Q_EMIT progressAvailable();
}

QImage TrainingWorker::drawPreview(const std::atomic<bool>* cancel)
{
    // 16 samples from fixed noise with the EMA weights: DDIM, 25 steps, so the cost stays small. A
    // class-conditional model (up to 10 classes) shows a row of 4 per class, guided as sampling is by default.
    const auto& c = m_trainer->config();
    constexpr int kColumns = 4;
    const int64_t classes = c.unet.numClasses();
    const bool rowPerClass = classes > 0 && classes <= 10;
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 25;
    o.count = rowPerClass ? static_cast<int>(classes) * kColumns : 16;
    o.seed = 1234;
    const std::vector<int64_t> shape{c.unet.imageChannels(), c.unet.imageSize(), c.unet.imageSize()};
    const auto denoiser =
        rowPerClass
            ? guidedDenoiser(makeClassDenoiser(m_trainer->ema()),
                             torch::arange(classes, torch::kInt64).repeat_interleave(kColumns), kDefaultGuidance)
            : makeDenoiser(m_trainer->ema());
    ReverseProcess rp(m_trainer->diffusion(), denoiser, o, shape);
    if (!rp.run(cancel ? cancel : m_shutdown.get()))
        return {};
    return makeGrid(batchToImages(rp.current()), kColumns, 2, 1);
}
