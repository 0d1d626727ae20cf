// Measures sample quality (core/quality.h) on a background worker (backgroundworker.h): one report, or
// several sampler settings in a row for the "quality against sampling steps" chart. One request at a
// time; a failure ends it with its reason (qualityworker.h keeps the classifier between requests).
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "backgroundworker.h"
#include "modelsnapshot.h"
#include "quality.h"
#endif

#include <QMetaType>
#include <QObject>
#include <QString>

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

// The nearest training images of a few of a grey model's images (issue 20 §3): in the quality classifier's
// features and in pixels, among the Fashion-MNIST training images the quality reference holds.
struct NeighboursRequest {
    torch::Tensor images; // [N, 1, S, S] in [−1, 1], at the model's size
    int k = 4;
    std::optional<int> threads;
    QString classifierPath; // empty: the shipped classifier
};

class QualityWorker;

class QualityController : public QObject {
    Q_OBJECT
public:
    explicit QualityController(QObject* parent = nullptr);
    ~QualityController() override;

    // Starts a measurement; returns its request number, or 0 when one is still running or there is no model.
    quint64 start(const QualityRequest& request);
    void cancel(); // the running request stops at its next step and ends as not completed
    // As cancel, and no report or progress of it comes any more, only its end: it measured a model that is
    // no longer there.
    void abandon();
    // Looks them up on the quality thread, after a measurement running there (the first lookup builds the
    // reference: the training images' features); ends with neighboursFound or neighboursFailed. The
    // newest lookup wins. Returns its number, 0 when there is nothing to look up.
    quint64 findNeighbours(const NeighboursRequest& request);
    bool isRunning() const { return m_requests.active(); }
    void shutdown(); // cancels and waits for the worker thread (the destructor does it too)

Q_SIGNALS:
    // `done` of `total` image-steps (an image taken one step of the reverse process) of run `run`.
    void progress(quint64 request, int run, int runs, qint64 done, qint64 total);
    // Before the first measurement or lookup of a session: how far the reference got, `done` of `total`
    // (kept for the next ones), for the measurement and the lookup now waiting, whichever asked for it.
    void preparing(quint64 request, qint64 done, qint64 total);
    void neighboursPreparing(quint64 request, qint64 done, qint64 total);
    void reportReady(quint64 request, int run, const ddpm::QualityReport& report);
    // completed: every run measured. error: why it stopped; empty when completed or cancelled.
    void finished(quint64 request, bool completed, const QString& error);
    void neighboursFound(quint64 request, const ddpm::TrainingNeighbours& neighbours);
    void neighboursFailed(quint64 request, const QString& error);

private:
    void onFinished(quint64 request, bool completed, const QString& error);

    QualityWorker* m_worker = nullptr; // lives on the background thread
    Requests m_requests;
    quint64 m_abandoned = 0; // the request whose reports are dropped (abandon)
    Requests m_lookups;      // findNeighbours
    // Set by shutdown: a newer lookup does not cancel an older one (it would only begin the training
    // images' features again), closing the window does.
    std::atomic<bool> m_closing{false};
    BackgroundWorker m_background{QStringLiteral("quality"), ThreadPriority::Depth::Nice}; // last: stopped first
};
