#include "samplingruns.h"

#include "interpolation.h"
#include "messages.h"

#include "modeldocument.h"
#include "reverseview.h"
#include "settings.h"
#include "trainingcontroller.h"

#include <QLocale>
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
        return run(request, title.arg(QLocale().toString(request.model->step)), kind, note);
    // The newest request is the one run when the copy arrives; one copy is asked for.
    const bool waiting = m_awaitsSnapshot.has_value();
    m_awaitsSnapshot = PendingRun{request, title, kind, note};
    if (waiting)
        return;
    auto conn = std::make_shared<QMetaObject::Connection>();
    auto failed = std::make_shared<QMetaObject::Connection>();
    // A copy that fails (its message is shown) leaves nothing waiting: the next Sample asks again. Only the
    // copy's own failure: a failed save or preview meanwhile leaves the copy on its way.
    *failed = connect(m_training, &TrainingController::snapshotFailed, this, [this, conn, failed] {
        disconnect(*conn);
        disconnect(*failed);
        m_awaitsSnapshot.reset();
    });
    *conn = connect(m_training, &TrainingController::snapshotReady, this, [this, conn, failed](SnapshotPtr s) {
        disconnect(*conn);
        disconnect(*failed);
        if (!m_awaitsSnapshot)
            return;
        auto p = *m_awaitsSnapshot;
        m_awaitsSnapshot.reset();
        p.request.model = s;
        run(p.request, p.title.arg(QLocale().toString(s->step)), p.kind, p.note);
    });
    m_training->requestSnapshot();
}

void SamplingRuns::run(SamplingRequest request, const QString& title, const QString& kind, const QString& note,
                       const RunOrigin* continues)
{
    request.threads = m_settings.get(setting::CpuThreads); // applied on the sampling thread
    // What the run's exports will say: the file the weights came from, as it is now (its size and time,
    // so that an export after a later save does not hash another file), and what kind of run it is.
    RunOrigin origin;
    origin.request = request;
    origin.kind = kind;
    const QString path = m_document->path();
    origin.modelName = path.isEmpty() ? ModelDocument::untitledName() : QFileInfo(path).fileName();
    if (continues) { // the weights of the run it continues, wherever they came from
        origin.file = continues->file;
        origin.fileSize = continues->fileSize;
        origin.fileModified = continues->fileModified;
        origin.modelName = continues->modelName;
    } else if (!path.isEmpty() && !m_training->isDirty() && request.model &&
               request.model->step == m_training->step()) {
        const QFileInfo info(path);
        origin.file = path;
        origin.fileSize = info.size();
        origin.fileModified = info.lastModified();
    }
    if (m_sampling->start(request)) // its steps arrive with SamplingController::started
        m_view->begin(origin, tr("%1 · %2").arg(origin.modelName, title), note); // which model, once another is open
    else // the same run is already on its way: one run, however often it is asked for
        Q_EMIT message(tr("Already sampling with these settings; change one to start a new run."));
    Q_EMIT runShown();
}

void SamplingRuns::denoiseFromHere(const torch::Tensor& xt, int t, const QString& scheduleNote, int label)
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
    QString note = scheduleNote;
    const auto addNote = [&note](const QString& more) {
        note = (note.isEmpty() ? QString() : note + QLatin1Char(' ')) + more;
    };
    // "Every class" would pull image i towards class i mod K, whatever the image shows: a data image is
    // denoised towards its own class (a class, or none, chosen in the Reverse view is kept).
    const auto names = classNamesOf(snap->config);
    if (r.options.classChoice == kEveryClass && label >= 0 && label < static_cast<int>(names.size())) {
        r.options.classChoice = label;
        addNote(tr("Towards the image's own class, %1, with guidance w = %2 (the Reverse view's “Every class” "
                   "would give each image another class).")
                    .arg(classDisplayNames(names).value(label), QLocale().toString(r.options.guidance, 'f', 1)));
    }
    if (r.options.count > 1 && r.options.kind == SamplerKind::Ddim && r.options.eta == 0.0) {
        r.options.eta = 1.0; // as Fork here does: η = 0 adds no noise after x_t, so the images would be one
        addNote(
            tr("DDIM with η = 1 here: η = 0 adds no noise, so the %1 images would be the same.").arg(r.options.count));
    }
    // During training, with the weights trained so far (not the last saved ones). The step is the
    // title's last placeholder, filled in when the weights are there.
    runWithCurrentWeights(r,
                          r.options.count == 1
                              ? tr("Denoising the chosen image from t = %1 with the weights of step %2").arg(r.startT)
                              : tr("Denoising the chosen image from t = %1 as %2 images, each with its own "
                                   "noise, with the weights of step %3")
                                    .arg(r.startT)
                                    .arg(r.options.count),
                          QStringLiteral("denoise-from-here"), note);
}

void SamplingRuns::interpolate(const torch::Tensor& a, const torch::Tensor& b, const InterpolationOptions& walk,
                               const QString& which, int labelA, int labelB)
{
    // A data set's labels are the model's classes when it trained on that set (as denoiseFromHere takes them).
    const auto snap = m_training->snapshot();
    const int k = snap ? static_cast<int>(snap->config.unet.numClasses()) : 0;
    const auto known = [k](int label) { return label >= 0 && label < k ? label : -1; };
    walkBetween(a, b, walk, which, nullptr, known(labelA), known(labelB));
}

void SamplingRuns::interpolateRun(const torch::Tensor& a, const torch::Tensor& b, const InterpolationOptions& walk,
                                  const QString& which, int from, int to)
{
    const RunOrigin origin = m_view->origin(); // a copy: the walk becomes the run shown
    const auto& model = origin.request.model;
    if (!model)
        return;
    // Each image of an "every class" run drew a class of its own (1-based, as forkAt finds it).
    const auto& o = origin.request.options;
    const int64_t k = model->config.unet.numClasses();
    const auto classOf = [&](int image) {
        return o.classChoice == kEveryClass && k > 0 && image > 0
                   ? static_cast<int>(sampleLabels(o, o.firstImage + image - 1, 1, k)[0].item<int64_t>())
                   : -1;
    };
    walkBetween(a, b, walk, which, &origin, classOf(from), classOf(to));
}

void SamplingRuns::walkBetween(const torch::Tensor& a, const torch::Tensor& b, const InterpolationOptions& walk,
                               const QString& which, const RunOrigin* of, int classA, int classB)
{
    const auto snap = of ? of->request.model : m_training->snapshot();
    if (!snap)
        return;
    const auto& u = snap->config.unet;
    if (a.dim() != 3 || a.size(0) != u.imageChannels() || a.size(1) != u.imageSize() || b.sizes() != a.sizes())
        return Q_EMIT failed(tr("These images do not fit the model; load a data set of the model's size."));
    SamplingRequest::Walk w{a, b, walk};
    w.options.t = std::min(w.options.t, snap->config.schedule.steps);
    w.options.ddimSteps = std::min(w.options.ddimSteps, snap->config.schedule.steps);
    // A run's walk keeps the run's class and guidance (its model's classes, not those of the model open now).
    const auto view = m_view->samplerOptions();
    const auto& classes = of ? of->request.options : view;
    w.options.seed = view.seed;
    w.options.clipX0 = view.clipX0;
    w.options.classChoice = classes.classChoice;
    QString classNote;
    if (classes.classChoice == kEveryClass) { // "every class" means each image's own
        const int ca = classA, cb = classB;
        w.options.classChoice = ca >= 0 && ca == cb ? ca : kUnconditional;
        if (w.options.classChoice == kUnconditional && ca >= 0 && cb >= 0) {
            const QStringList names = classDisplayNames(classNamesOf(snap->config)); // in the user's language
            const auto name = [&](int c) { return c < names.size() ? names[c] : QString::number(c); };
            classNote = tr("The images are of two classes (%1, %2): the walk is denoised without a class, so its ends "
                           "can differ from them.")
                            .arg(name(ca), name(cb));
        } else if (w.options.classChoice == kUnconditional && snap->config.unet.numClasses() > 0) {
            classNote = tr("The images' classes are not known: the walk is denoised without a class, so its ends can "
                           "differ from them.");
        }
    }
    w.options.guidance = w.options.classChoice == kUnconditional ? 0.0 : classes.guidance;
    const auto plan = planInterpolation(w.options, snap->config.schedule.steps);
    SamplingRequest r;
    r.model = snap;
    r.options = plan.sampler;
    r.options.variance = view.variance;
    r.useEma = of ? of->request.useEma : m_view->useEma();
    r.startT = plan.startT;
    r.walk = w;
    const int n = w.options.lambdas;
    const QString title =
        walk.mode == InterpolationMode::Ddim
            ? tr("Interpolating between images %1: both inverted with DDIM (η = 0, %2 steps) to the noise at t = T, "
                 "mixed spherically "
                 "in %3 steps of λ, and decoded, with the weights of step %4")
                  .arg(which)
                  .arg(w.options.ddimSteps)
                  .arg(n)
            : tr("Interpolating between images %1 from t = %2, λ = 0 … 1 in %3 steps, with the weights of step %4")
                  .arg(which)
                  .arg(w.options.t)
                  .arg(n);
    if (of) // the weights that made the run's images, whatever has been opened or trained since
        run(r, title.arg(QLocale().toString(snap->step)), QStringLiteral("interpolation"), classNote, of);
    else
        runWithCurrentWeights(r, title, QStringLiteral("interpolation"), classNote);
}

void SamplingRuns::forkAt(const torch::Tensor& xt, int t, int forks, int image)
{
    // The same network and sampler as the run the frame came from (the run shown, which may be an earlier
    // one of the Runs list), with noise of its own for each fork.
    const RunOrigin from = m_view->origin();
    SamplingRequest r = from.request;
    if (!r.model)
        return;
    // An "every class" run gives each image a class of its own (i mod K): the forks keep this image's.
    if (const int64_t classes = r.model->config.unet.numClasses(); r.options.classChoice == kEveryClass && classes > 0)
        r.options.classChoice =
            static_cast<int>(sampleLabels(r.options, r.options.firstImage + image, 1, classes)[0].item<int64_t>());
    r.options.count = forks;
    r.options.firstImage = 0;
    r.walk.reset(); // a fork of a walk continues its x_t, not the walk
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
        QStringLiteral("fork"), QString(), &from); // exports say where the strip came from
}
