#include "samplingworker.h"

#include "imageio.h"
#include "interpolation.h"
#include "modelstate.h"

#include <QElapsedTimer>

#include <stdexcept>

using namespace ddpm;

void FrameBuffer::add(SampleFrame frame)
{
    QMutexLocker lock(&m_mutex);
    m_frames.append(std::move(frame));
}

QList<SampleFrame> FrameBuffer::take(quint64 request)
{
    QMutexLocker lock(&m_mutex);
    m_notifyPending.store(false);
    QList<SampleFrame> out;
    for (auto& f : m_frames)
        if (f.request == request)
            out.append(std::move(f));
    m_frames.clear();
    return out;
}

void FrameBuffer::clear()
{
    QMutexLocker lock(&m_mutex);
    m_frames.clear();
}

void SamplingWorker::process(const SamplingRequest& request, const std::atomic<bool>& cancel)
{
    if (cancel.load())
        return Q_EMIT runEnded(request.request, false, {}, QString()); // a newer request took its place
    bool completed = false;
    QList<QImage> finals;
    const QString error = guarded(SamplingController::tr("sampling"), [&] {
        useFreeThreads(request.threads);
        completed = run(request, cancel, finals);
    });
    Q_EMIT runEnded(request.request, completed && error.isEmpty(), finals, error);
}

bool SamplingWorker::run(const SamplingRequest& r, const std::atomic<bool>& cancel, QList<QImage>& finals)
{
    auto sampling = samplingFrom(*r.model, r.useEma ? Weights::Ema : Weights::Raw);
    if (auto s = sampling.checkClasses(r.options); !s)
        throw std::runtime_error(s.error());
    if (r.denoiser) // a test's: unconditional
        sampling.denoiser = r.denoiser;
    torch::Tensor start = r.start;
    int startT = r.startT;
    if (r.walk) { // the mixtures to denoise (DDIM: the inversion runs the network here, cancellable)
        auto walk = prepareInterpolation(sampling, r.walk->a, r.walk->b, r.walk->options, &cancel);
        if (!walk)
            throw std::runtime_error(walk.error());
        if (!walk->start.defined())
            return false; // cancelled
        start = walk->start;
        startT = walk->startT;
    }
    const int64_t images = start.defined() ? start.size(0) : r.options.count;
    const auto denoiser = r.denoiser ? r.denoiser : sampling.denoiserFor(r.options, r.options.firstImage, images);
    std::unique_ptr<ReverseProcess> rp;
    if (start.defined())
        rp = std::make_unique<ReverseProcess>(sampling.diffusion, denoiser, r.options, start, startT);
    else
        rp = std::make_unique<ReverseProcess>(sampling.diffusion, denoiser, r.options, sampling.imageShape);
    const int total = rp->totalSteps();
    Q_EMIT runStarted(r.request, rp->timesteps(), torch::get_num_threads());
    QElapsedTimer since;
    since.start();
    auto notify = [&](bool force) {
        if (!force && since.elapsed() < 60)
            return;
        since.restart();
        if (m_frames->claimNotification())
            Q_EMIT framesAvailable();
    };
    const bool completed = rp->run(&cancel, [&](const ReverseStep& s) {
        SampleFrame f;
        f.request = r.request;
        f.step = s.step;
        f.t = s.t;
        f.xt = batchToImages(s.xt);
        f.xtState = s.xt.to(torch::kCPU, torch::kHalf); // half the memory; rounding far below the noise
        f.x0Hat = batchToImages(s.x0Hat);
        f.epsHat = batchToImages(s.epsHat / 3.0); // ε̂ shown on [−3, 3]
        m_frames->add(std::move(f));
        notify(false);
    });
    if (completed) {
        // The final state x_0 as one more frame (t = 0).
        SampleFrame f;
        f.request = r.request;
        f.step = total;
        f.t = 0;
        f.xt = batchToImages(rp->current());
        f.xtState = rp->current().to(torch::kCPU, torch::kHalf); // x_0: the ends of a walk between samples
        f.x0Hat = f.xt;
        f.epsHat = batchToImages(torch::zeros_like(rp->current()));
        finals = f.xt;
        m_frames->add(std::move(f));
    }
    notify(true);
    return completed;
}
