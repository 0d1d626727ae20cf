#include "boundcontroller.h"

#include "dataset.h"
#include "imageio.h"
#include "messages.h"
#include "modelstate.h"
#include "pixels.h"

using namespace ddpm;

BoundController::BoundController(QObject* parent)
    : QObject(parent)
{
}

BoundController::~BoundController()
{
    m_requests.cancel();
    m_worker.stop();
}

void BoundController::measure(const SnapshotPtr& model, const std::string& dataSpec, int count,
                              const std::vector<int>& timesteps)
{
    if (!model)
        return;
    const auto ticket = m_requests.next();
    const auto report = reporterFor(this, &BoundController::m_requests, ticket.id);
    m_worker.post([model, dataSpec, count, timesteps, ticket, report] {
        auto profile = std::make_shared<BoundProfile>();
        double prior = 0;
        const QString error = guarded(BoundController::tr("measuring the likelihood bound"), [&]() -> QString {
            const auto sampling = samplingFrom(*model, Weights::Ema, /*ownCopy=*/true);
            auto data = loadDataSpec(dataSpec, sampling.imageShape[0], sampling.imageShape[1], qtFolderLoader());
            if (!data)
                return errorText(data);
            const int64_t n = std::min<int64_t>(count, data->size());
            const auto x0 = pixelsToModel(data->images.narrow(0, 0, n)).to(sampling.diffusion.device());
            prior = bitsPerDim(priorTerm(sampling.diffusion, x0).mean().item<double>(), x0[0].numel());
            auto r = boundProfile(
                sampling.diffusion, sampling.denoiser, x0, timesteps, BoundOptions{},
                [&](int done, int total) {
                    report([done, total](BoundController& c) { Q_EMIT c.progress(done, total); });
                },
                ticket.cancel.get());
            if (!r)
                return isBoundCancelled(r.failure()) ? QString() : errorText(r);
            *profile = std::move(r.value());
            return {};
        });
        report([profile, prior, error, id = ticket.id](BoundController& c) {
            c.m_requests.finish(id);
            Q_EMIT c.finished(profile->empty() ? nullptr : profile, prior, error);
        });
    });
}

void BoundController::cancel()
{
    m_requests.cancel();
}

void BoundController::discard()
{
    m_requests.drop();
}
