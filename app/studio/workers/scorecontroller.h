// The score view's background work: training the 2-D MLP denoiser (core/toy2d.h) and running a sampler
// on particles, on a BackgroundWorker thread below the window's priority. The GUI gets copies of the
// model as it trains (every few hundred steps and at the end), the loss every few steps, and each
// sampler run's particles at every step; it computes the fields it draws from its own copy.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "backgroundworker.h"

#include "sampler.h"
#include "schedule.h"
#include "toy2d.h"
#endif

#include <QObject>
#include <QPointF>
#include <QVector>

#include <functional>
#include <memory>
#include <vector>

// 2-D points as a [N, 2] tensor (any device or type) and back: the one conversion between the engine's
// points and the plot's.
QVector<QPointF> pointsOf(const torch::Tensor& x);
torch::Tensor tensorOf(const QVector<QPointF>& points);

// A copy of the model for the GUI thread (nothing else holds it).
using ToyModelPtr = std::shared_ptr<ddpm::toy::ToyMlpImpl>;

// A sampler run on particles: their positions before each step and at the end, and each frame's t.
struct ParticleRun {
    std::vector<int> t; // paper timestep of each frame (0: the end)
    QVector<QVector<QPointF>> frames;
    ddpm::SamplerOptions options;
    int64_t evaluations = 0; // network evaluations per particle
    bool exact = false;      // the mixture's exact score instead of the network
};

class ScoreController : public QObject {
    Q_OBJECT
public:
    explicit ScoreController(QObject* parent = nullptr);
    ~ScoreController() override;

    // Trains a fresh model on `points` [N, 2] for `steps` steps; the run before is cancelled.
    void train(const torch::Tensor& points, const ddpm::ScheduleOptions& schedule, int64_t steps, uint64_t seed);
    // Runs the sampler on options.count particles with `model` (or the exact score of the eight-Gaussian
    // ring when `model` is null).
    void sample(const ToyModelPtr& model, const ddpm::ScheduleOptions& schedule, const ddpm::SamplerOptions& options);
    void cancelTraining();
    void cancelSampling();
    // Cancels both and drops whatever they still report (the data set changed: their results are of the
    // old one).
    void discard();
    // Calls `then` here (the GUI thread) once every task posted before has run and what it reported has
    // been delivered: what a test waits on to know that nothing more is coming, rather than a time.
    void afterPending(std::function<void()> then);
    bool isTraining() const { return m_training.active(); }
    bool isSampling() const { return m_sampling.active(); }

Q_SIGNALS:
    void trainingProgress(qint64 step, qint64 total, double loss);
    void modelUpdated(const ToyModelPtr& model, qint64 step);
    void trainingFinished(bool completed, const QString& error);
    void samplingFinished(const std::shared_ptr<const ParticleRun>& run, const QString& error);

private:
    BackgroundWorker m_worker;
    Requests m_training, m_sampling;
};
