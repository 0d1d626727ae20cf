#include "qualityworker.h"

#include "bundled.h"
#include "messages.h"
#include "modelstate.h"

#include <QElapsedTimer>

using namespace ddpm;

void QualityWorker::run(quint64 request, const QualityRequest& r, const std::atomic<bool>& cancel)
{
    bool completed = false;
    const QString error = guarded(QualityController::tr("measuring the sample quality"), [&] {
        useFreeThreads(r.threads);
        return measure(request, r, cancel, completed);
    });
    Q_EMIT finished(request, completed && error.isEmpty(), error);
}

// The classifier and the reference statistics, loaded once and kept; returns why they are not there. The
// training images' features are kept with them: another floor is drawn from those.
QString QualityWorker::prepare(const QString& classifierFile, int floorCount, const ReferenceProgress& progress,
                               const std::atomic<bool>* cancel)
{
    const QString path = classifierFile.isEmpty() ? classifierPath() : classifierFile;
    if (path.isEmpty())
        return QualityController::tr("The quality classifier is not installed (%1).")
            .arg(QString::fromLatin1(kClassifierFile));
    if (!m_classifier || m_classifierPath != path) {
        auto c = loadClassifier(path.toStdString());
        if (!c)
            return ddpm::errorText(c);
        if (auto s = checkFashionMnistClassifier(c.value(), path.toStdString()); !s)
            return ddpm::errorText(s);
        m_classifier = std::make_unique<TrainedClassifier>(std::move(c.value()));
        m_classifierPath = path;
        m_reference.reset();
    }
    if (floorCount == 0)
        floorCount = m_reference ? static_cast<int>(m_reference->floorCount) : 1000;
    if (m_reference && m_reference->floorCount != floorCount) {
        auto ref = withFloor(*m_reference, floorCount);
        if (!ref)
            return ddpm::errorText(ref);
        *m_reference = std::move(ref.value());
    }
    if (!m_reference) {
        auto ref = fashionMnistReference(*m_classifier, floorCount, 0, progress, cancel);
        if (!ref && isCancelled(ref.failure()))
            return {};
        if (!ref)
            return QualityController::tr("Quality is measured against the Fashion-MNIST test images: %1")
                .arg(ddpm::errorText(ref));
        m_reference = std::make_unique<QualityReference>(std::move(ref.value()));
    }
    return {};
}

QString QualityWorker::measure(quint64 request, const QualityRequest& r, const std::atomic<bool>& cancel,
                               bool& completed)
{
    const auto describing = [&](int64_t done, int64_t total) { Q_EMIT preparing(request, done, total); };
    if (const QString error = prepare(r.classifierPath, r.options.count, describing, &cancel); !error.isEmpty())
        return error;
    if (!m_reference) // cancelled
        return {};
    // A copy of the weights of its own: the sampler may use the snapshot's network at the same time.
    auto sampling = samplingFrom(*r.model, r.useEma ? Weights::Ema : Weights::Raw, /*ownCopy=*/true);
    if (r.denoiser) { // a test's: unconditional
        sampling.denoiser = r.denoiser;
        sampling.classDenoiser = {};
        sampling.classNames.clear();
    }
    const int runs = static_cast<int>(r.runs.size());
    for (int i = 0; i < runs; ++i) {
        QualityOptions o = r.options;
        o.sampler = r.runs[static_cast<size_t>(i)];
        if (sampling.numClasses() > 0 && o.sampler.classChoice == kUnconditional && o.sampler.guidance == 0) {
            o.sampler.classChoice = kEveryClass; // a class-conditional model: every class, as `ddpm quality` does
            o.sampler.guidance = kDefaultGuidance;
        }
        QElapsedTimer since;
        since.start();
        auto report = measureQuality(
            sampling, *m_classifier, *m_reference, o,
            [&](int done, int total) {
                if (done == total || since.elapsed() >= 100) {
                    since.restart();
                    Q_EMIT progress(request, i, runs, done, total);
                }
            },
            &cancel);
        if (!report)
            return isCancelled(report.failure()) ? QString() : ddpm::errorText(report);
        Q_EMIT reportReady(request, i, report.value());
    }
    completed = true;
    return {};
}

QString QualityWorker::findNeighbours(quint64 request, const NeighboursRequest& r, const std::atomic<bool>& stop,
                                      TrainingNeighbours& found)
{
    useFreeThreads(r.threads);
    const auto describing = [&](int64_t done, int64_t total) { Q_EMIT lookupPreparing(request, done, total); };
    if (const QString error = prepare(r.classifierPath, 0, describing, &stop); !error.isEmpty())
        return error;
    if (!m_reference)
        return QualityController::tr("The lookup was stopped.");
    torch::NoGradGuard guard;
    auto input = classifierInputFromSamples(r.images.to(torch::kCPU));
    if (!input)
        return ddpm::errorText(input);
    found = nearestTrainingImages(*m_reference, input.value(), m_classifier->features(input.value()), r.k);
    return {};
}
