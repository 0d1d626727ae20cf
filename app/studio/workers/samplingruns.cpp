#include "samplingruns.h"

#include "interpolation.h"
#include "messages.h"

#include "modeldocument.h"
#include "reverseview.h"
#include "settings.h"
#include "trainingcontroller.h"

#include <QFileInfo>

using namespace ddpm;

SamplingRuns::SamplingRuns(TrainingController* training, SamplingController* sampling, ReverseView* view,
                           const ModelDocument* document, const Settings& settings, QObject* parent)
    : QObject(parent)
    , m_training(training)
    , m_sampling(sampling)
    , m_view(view)
    , m_document(document)
    , m_settings(settings)
{
}

void SamplingRuns::sample()
{
    const auto snap = m_training->snapshot();
    if (!snap)
        return Q_EMIT failed(tr("There is no model to sample from yet."));
    SamplingRequest r;
    r.model = snap;
    r.options = m_view->samplerOptions();
    r.useEma = m_view->useEma();
    runWithCurrentWeights(r, tr("Sampling with the weights of step %1"));
}

void SamplingRuns::runWithCurrentWeights(const SamplingRequest& request, const QString& title, const QString& kind,
                                         const QString& note)
{
    if (m_training->state() == TrainingController::State::Idle)
        return run(request, title.arg(request.model->step), kind, note);
    // The newest request is the one run when the copy arrives; one copy is asked for.
    const bool waiting = m_awaitsSnapshot.has_value();
    m_awaitsSnapshot = PendingRun{request, title, kind, note};
    if (waiting)
        return;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_training, &TrainingController::snapshotReady, this, [this, conn](SnapshotPtr s) {
        disconnect(*conn);
        if (!m_awaitsSnapshot)
            return;
        auto p = *m_awaitsSnapshot;
        m_awaitsSnapshot.reset();
        p.request.model = s;
        run(p.request, p.title.arg(s->step), p.kind, p.note);
    });
    m_training->requestSnapshot();
}

void SamplingRuns::run(SamplingRequest request, const QString& title, const QString& kind, const QString& note)
{
    request.threads = m_settings.get(setting::CpuThreads); // applied on the sampling thread
    // What the run's exports will say: the file the weights came from, as it is now (its size and time,
    // so that an export after a later save does not hash another file), and what kind of run it is.
    RunOrigin origin;
    origin.request = request;
    origin.kind = kind;
    const QString path = m_document->path();
    if (!path.isEmpty() && !m_training->isDirty() && request.model && request.model->step == m_training->step()) {
        const QFileInfo info(path);
        origin.file = path;
        origin.fileSize = info.size();
        origin.fileModified = info.lastModified();
    }
    if (m_sampling->start(request))
        m_view->begin(origin, title, note); // its steps arrive with SamplingController::started
    else // the same run is already on its way: one run, however often it is asked for
        Q_EMIT message(tr("Already sampling with these settings; change one to start a new run."));
    Q_EMIT runShown();
}

void SamplingRuns::denoiseFromHere(const torch::Tensor& xt, int t, const QString& scheduleNote)
{
    const auto snap = m_training->snapshot();
    if (!snap)
        return;
    const auto& u = snap->config.unet;
    if (xt.size(1) != u.imageChannels() || xt.size(2) != u.imageSize())
        return Q_EMIT failed(tr("This image does not fit the model; load a data set of the model's size."));
    SamplingRequest r;
    r.model = snap;
    r.options = m_view->samplerOptions();
    r.options.count = static_cast<int>(xt.size(0)); // one x_t, continued as several images
    r.useEma = m_view->useEma();
    r.start = xt;
    r.startT = std::min(t, snap->config.schedule.steps);
    // During training, with the weights trained so far (not the last saved ones). The step is the
    // title's last placeholder, filled in when the weights are there.
    runWithCurrentWeights(r,
                          r.options.count == 1
                              ? tr("Denoising the chosen image from t = %1 with the weights of step %2").arg(r.startT)
                              : tr("Denoising the chosen image from t = %1 as %2 images, each with its own "
                                   "noise, with the weights of step %3")
                                    .arg(r.startT)
                                    .arg(r.options.count),
                          QStringLiteral("denoise-from-here"), scheduleNote);
}

void SamplingRuns::interpolate(const torch::Tensor& a, const torch::Tensor& b, int t, const QString& which)
{
    const auto snap = m_training->snapshot();
    if (!snap)
        return;
    InterpolationOptions o;
    o.t = std::min(t, snap->config.schedule.steps);
    o.lambdas = 9;
    const auto view = m_view->samplerOptions();
    o.seed = view.seed;
    o.clipX0 = view.clipX0;
    o.classChoice = view.classChoice == kEveryClass ? kUnconditional : view.classChoice;
    const auto prepared = prepareInterpolation(samplingFrom(*snap, Weights::Ema), a, b, o);
    if (!prepared)
        return Q_EMIT failed(ddpm::errorText(prepared));
    SamplingRequest r;
    r.model = snap;
    r.options = prepared->sampler;
    r.options.variance = view.variance;
    r.useEma = m_view->useEma();
    r.start = prepared->start;
    r.startT = prepared->startT;
    runWithCurrentWeights(r,
                          tr("Interpolating between images %1 from t = %2, λ = 0 … 1 in 9 steps, with the weights of "
                             "step %3")
                              .arg(which)
                              .arg(r.startT),
                          QStringLiteral("interpolation"));
}

void SamplingRuns::forkAt(const torch::Tensor& xt, int t, int forks, int image)
{
    // The same network and sampler as the run the frame came from (the run shown, which may be an earlier
    // one of the Runs list), with noise of its own for each fork.
    SamplingRequest r = m_view->origin().request;
    if (!r.model)
        return;
    r.options.count = forks;
    r.options.firstImage = 0;
    r.options.seed = r.options.seed + 1;
    QString note;
    if (r.options.kind == SamplerKind::Ddim && r.options.eta == 0.0) {
        r.options.eta = 1.0; // η = 0 adds no noise after x_t: every fork would be the same image
        note = tr(" (DDIM with η = 1: η = 0 adds no noise, so the forks would not differ)");
    }
    r.start = xt.expand({forks, xt.size(1), xt.size(2), xt.size(3)}).contiguous();
    r.startT = t;
    run(r,
        tr("Image %1 forked at t = %2 into %3 continuations, each with fresh noise%4")
            .arg(image + 1)
            .arg(t)
            .arg(forks)
            .arg(note),
        QStringLiteral("fork")); // exports say where the strip came from
}
