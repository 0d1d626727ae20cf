#include "scorecontroller.h"

#include "losshistory.h"
#include "messages.h"
#include "unet.h"

#include <QElapsedTimer>
#include <QPointer>

#include <cmath>

using namespace ddpm;

namespace {

ToyModelPtr copyOf(toy::ToyMlp& model)
{
    auto copy = std::make_shared<toy::ToyMlpImpl>(model->width, static_cast<int64_t>(model->first.size()));
    torch::NoGradGuard noGrad;
    copyWeights(*model, *copy);
    copy->eval();
    return copy;
}

} // namespace

QVector<QPointF> pointsOf(const torch::Tensor& x)
{
    const auto p = x.to(torch::kCPU, torch::kFloat32).contiguous().view({-1, 2});
    const float* d = p.data_ptr<float>();
    QVector<QPointF> out;
    out.reserve(static_cast<int>(p.size(0)));
    for (int64_t i = 0; i < p.size(0); ++i)
        out << QPointF(d[2 * i], d[2 * i + 1]);
    return out;
}

torch::Tensor tensorOf(const QVector<QPointF>& points)
{
    auto out = torch::empty({static_cast<int64_t>(points.size()), 2}, torch::kFloat32);
    float* d = out.data_ptr<float>();
    for (const QPointF& p : points) {
        *d++ = static_cast<float>(p.x());
        *d++ = static_cast<float>(p.y());
    }
    return out;
}

ScoreController::ScoreController(QObject* parent)
    : QObject(parent)
    , m_worker(QStringLiteral("score"), ThreadPriority::Depth::Nice)
{
}

ScoreController::~ScoreController()
{
    m_training.cancel();
    m_sampling.cancel();
    m_worker.stop();
}

void ScoreController::train(const torch::Tensor& points, const ScheduleOptions& schedule, int64_t steps, uint64_t seed)
{
    const auto ticket = m_training.next();
    const auto report = reporterFor(this, &ScoreController::m_training, ticket.id);
    m_worker.post([points, schedule, steps, seed, ticket, report] {
        QString error;
        bool completed = false;
        error = guarded(ScoreController::tr("training the 2-D model"), [&]() -> QString {
            toy::ToyMlp model;
            model->initialise(seed);
            const Diffusion diffusion(NoiseSchedule(schedule), Prediction::Epsilon);
            toy::ToyTrainOptions o;
            o.steps = steps;
            o.seed = seed;
            QElapsedTimer since;
            since.start();
            double smoothed = NAN;
            int64_t reached = 0; // the steps taken: all of them, or fewer when stopped
            auto r = toy::trainToy(
                model, diffusion, points, o,
                [&](const toy::ToyProgress& p) {
                    reached = p.step;
                    smoothed = runningAverage(smoothed, p.loss);
                    if (p.step % 20 == 0 || p.step == steps)
                        report([step = p.step, steps, loss = smoothed](ScoreController& c) {
                            Q_EMIT c.trainingProgress(step, steps, loss);
                        });
                    if (since.elapsed() > 700 && p.step < steps) { // the field follows the training
                        since.restart();
                        report([copy = copyOf(model), step = p.step](ScoreController& c) {
                            Q_EMIT c.modelUpdated(copy, step);
                        });
                    }
                },
                ticket.cancel.get());
            if (!r)
                return errorText(r);
            completed = r.value();
            if (reached > 0) // the model as far as it was trained (a stopped run keeps its steps)
                report([copy = copyOf(model), reached](ScoreController& c) { Q_EMIT c.modelUpdated(copy, reached); });
            return {};
        });
        report([completed, error, id = ticket.id](ScoreController& c) {
            c.m_training.finish(id);
            Q_EMIT c.trainingFinished(completed, error);
        });
    });
}

void ScoreController::sample(const ToyModelPtr& model, const ScheduleOptions& schedule, const SamplerOptions& options)
{
    const auto ticket = m_sampling.next();
    const auto report = reporterFor(this, &ScoreController::m_sampling, ticket.id);
    m_worker.post([report, model, schedule, options, ticket] {
        auto run = std::make_shared<ParticleRun>();
        run->options = options;
        run->exact = !model;
        bool completed = false;
        const QString error = guarded(ScoreController::tr("sampling the 2-D model"), [&] {
            const Diffusion diffusion(NoiseSchedule(schedule), Prediction::Epsilon);
            Denoiser denoiser;
            if (model) {
                denoiser = [model](const torch::Tensor& x, const torch::Tensor& t) {
                    torch::NoGradGuard noGrad;
                    return model->forward(x, t);
                };
            } else {
                denoiser = toy::exactDenoiser(toy::ringOfEight(), diffusion);
            }
            ReverseProcess process(diffusion, denoiser, options, {2});
            run->evaluations = samplerEvaluations(options, diffusion.steps());
            completed = process.run(ticket.cancel.get(), [&](const ReverseStep& s) {
                run->t.push_back(s.t);
                run->frames << pointsOf(s.xt);
            });
            if (completed) {
                run->t.push_back(0);
                run->frames << pointsOf(process.current());
            }
        });
        report([run, completed, error, id = ticket.id](ScoreController& c) {
            c.m_sampling.finish(id);
            Q_EMIT c.samplingFinished(completed ? run : nullptr, error);
        });
    });
}

void ScoreController::afterPending(std::function<void()> then)
{
    // Reports are queued calls to this object from the worker's thread, delivered in order: this one,
    // queued after the tasks before it have run, comes after everything they reported.
    m_worker.post([self = QPointer<ScoreController>(this), then = std::move(then)] {
        QMetaObject::invokeMethod(self.data(), then, Qt::QueuedConnection);
    });
}

void ScoreController::cancelTraining()
{
    m_training.cancel();
}

void ScoreController::cancelSampling()
{
    m_sampling.cancel();
}

void ScoreController::discard()
{
    m_training.drop();
    m_sampling.drop();
}
