// The likelihood bound's profile (core/likelihood.h: boundProfile) on a background worker below the
// window's priority, for the Quality view's bound panel: one request at a time, progress as it goes,
// the profile at the end or why it stopped.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "backgroundworker.h"
#include "modelsnapshot.h"

#include "likelihood.h"
#endif

#include <QObject>

#include <memory>
#include <vector>

using BoundProfile = std::vector<ddpm::BoundProfilePoint>;

class BoundController : public QObject {
    Q_OBJECT
public:
    explicit BoundController(QObject* parent = nullptr);
    ~BoundController() override;

    // Measures the bound's terms of the first `count` images of `dataSpec` (fitted to the model) at
    // `timesteps` with the model's EMA weights; the request before is cancelled.
    void measure(const SnapshotPtr& model, const std::string& dataSpec, int count, const std::vector<int>& timesteps);
    void cancel();
    // Cancels and drops what the measurement still reports: it was of a model that is gone.
    void discard();
    bool isRunning() const { return m_requests.active(); }

Q_SIGNALS:
    void progress(int done, int total);
    // The profile, L_T in bits per dimension and the images' dimensions; profile empty and `error` the
    // reason (empty when cancelled) when it did not finish.
    void finished(const std::shared_ptr<const BoundProfile>& profile, double priorBits, const QString& error);

private:
    Requests m_requests;
    BackgroundWorker m_worker{QStringLiteral("bound"), ThreadPriority::Depth::Nice}; // last: stopped first
};
