// Measures sample quality (core/quality.h) on a worker thread of its own: one report, or several
// sampler settings in a row for the "quality against sampling steps" chart. Each request has its own
// cancel token, which only the GUI sets; the worker keeps the classifier and the test statistics
// between requests. Nothing thrown on the worker leaves it: a failure ends the request with its reason.
#pragma once

#include "modelsnapshot.h"
#include "quality.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

struct QualityRequest {
    SnapshotPtr model;
    bool useEma = true;
    ddpm::QualityOptions options;           // count and batch; its sampler is replaced by each of `runs`
    std::vector<ddpm::SamplerOptions> runs; // measured in this order: one setting, or qualitySweep()
    std::optional<int> threads;             // CPU threads for the worker (0: all cores); none: as they are
    QString classifierPath;                 // empty: the shipped classifier (bundled.h)
    ddpm::Denoiser denoiser;                // empty: the snapshot's network (set by tests to inject faults)
};

Q_DECLARE_METATYPE(ddpm::QualityReport)

class QualityWorker;

class QualityController : public QObject {
    Q_OBJECT
public:
    explicit QualityController(QObject* parent = nullptr);
    ~QualityController() override;

    // Starts a measurement; returns its id, or 0 when one is still running or there is no model.
    quint64 start(const QualityRequest& request);
    void cancel(); // the running request stops at its next step and ends as not completed
    bool isRunning() const { return m_running != 0; }
    void shutdown(); // cancels and waits for the worker thread (the destructor does it too)

Q_SIGNALS:
    // `done` of `total` image-steps (an image taken one step of the reverse process) of run `run`.
    void progress(quint64 id, int run, int runs, qint64 done, qint64 total);
    void reportReady(quint64 id, int run, const ddpm::QualityReport& report);
    // completed: every run measured. error: why it stopped; empty when completed or cancelled.
    void finished(quint64 id, bool completed, const QString& error);

private:
    void onFinished(quint64 id, bool completed, const QString& error);

    QThread m_thread;
    QualityWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_lastId = 0;
    quint64 m_running = 0;
};
