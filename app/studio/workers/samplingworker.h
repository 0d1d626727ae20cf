// The sampling thread's side of SamplingController: runs one request of the reverse process, turning
// each step's x_t, x̂0 and ε̂ into images there and buffering them for the GUI, which is told with at
// most one pending signal.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "samplingcontroller.h"
#endif

#include <QMutex>
#include <QObject>

#include <atomic>

// What the GUI and the sampling thread share: the frames made and not yet taken.
class FrameBuffer {
public:
    void add(SampleFrame frame);
    // The frames of request `request`, in order; the others are dropped.
    QList<SampleFrame> take(quint64 request);
    void clear();
    // True when the caller should notify (no notification is pending yet).
    bool claimNotification() { return !m_notifyPending.exchange(true); }

private:
    QMutex m_mutex;
    QList<SampleFrame> m_frames;
    std::atomic<bool> m_notifyPending{false};
};

class SamplingWorker : public QObject {
    Q_OBJECT
public:
    explicit SamplingWorker(std::shared_ptr<FrameBuffer> frames)
        : m_frames(std::move(frames))
    {
    }

    // Runs the request unless it was cancelled before it began; always ends with runEnded.
    void process(const SamplingRequest& request, const std::atomic<bool>& cancel);

Q_SIGNALS:
    void runStarted(quint64 request, const std::vector<int>& timesteps, int threads);
    void framesAvailable();
    void runEnded(quint64 request, bool completed, const QList<QImage>& finals, const QString& error);

private:
    bool run(const SamplingRequest& r, const std::atomic<bool>& cancel, QList<QImage>& finals);

    std::shared_ptr<FrameBuffer> m_frames;
};
