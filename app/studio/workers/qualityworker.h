// The quality thread's side of QualityController: measures one request, keeping the classifier and the
// test set's statistics between requests.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "qualitycontroller.h"

#include "classifier.h"
#endif

#include <QObject>

#include <atomic>
#include <memory>

class QualityWorker : public QObject {
    Q_OBJECT
public:
    // Always ends with finished(request, …).
    void run(quint64 request, const QualityRequest& r, const std::atomic<bool>& cancel);
    // QualityController::findNeighbours on this thread: the neighbours, or why there are none.
    // `stop`: the window closes (the reference, when it is built first, stops at its next chunk).
    QString findNeighbours(quint64 request, const NeighboursRequest& r, const std::atomic<bool>& stop,
                           ddpm::TrainingNeighbours& found);

Q_SIGNALS:
    // The first request of a session describes the Fashion-MNIST images with the classifier first:
    // `done` of `total` images (a measurement's, a lookup's).
    void preparing(quint64 request, qint64 done, qint64 total);
    void lookupPreparing(quint64 request, qint64 done, qint64 total);
    void progress(quint64 request, int run, int runs, qint64 done, qint64 total);
    void reportReady(quint64 request, int run, const ddpm::QualityReport& report);
    void finished(quint64 request, bool completed, const QString& error);

private:
    QString measure(quint64 request, const QualityRequest& r, const std::atomic<bool>& cancel, bool& completed);
    // The classifier and a reference whose floor has `floorCount` images (0: any reference already made,
    // else 1,000). A cancelled reference returns no error and leaves m_reference empty.
    QString prepare(const QString& classifierFile, int floorCount, const ddpm::ReferenceProgress& progress,
                    const std::atomic<bool>* cancel);

    std::unique_ptr<ddpm::TrainedClassifier> m_classifier;
    QString m_classifierPath;
    std::unique_ptr<ddpm::QualityReference> m_reference;
};
