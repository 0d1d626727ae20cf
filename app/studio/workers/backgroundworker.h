// The one shape of the studio's background work (training, sampling, quality measurement).
//
// A BackgroundWorker owns a thread that runs below the GUI's priority (threadpriority.h) and a queue of
// tasks that run there in the order they were posted, each inside guarded(): whatever a task throws
// becomes a message, never an exception that leaves the thread. A long task (a training run) runs the
// tasks posted meanwhile between its steps (runPending) and waits on a condition while paused
// (waitUntil), not by polling. Destroying the BackgroundWorker stops the thread and waits for it.
//
// Requests hands out numbered requests, each with a cancel token that only the GUI thread sets; a
// worker reports results with the request's number and the GUI drops those that are not current.
#pragma once

#include "threadpriority.h"

#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

// The reason a task failed, in the user's words: "`what` failed: …" (`what` names the task, lower case,
// as it goes into the middle of a sentence). `e` is null for something that is not a std::exception.
QString thrownText(const QString& what, const std::exception* e);

// Runs `f` on the calling thread; returns "" when it worked, or why it did not: the message `f` returned
// (when it returns a QString) or what it threw. Nothing it throws leaves.
template <typename F> QString guarded(const QString& what, F&& f)
{
    try {
        if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
            f();
            return {};
        } else {
            return QString(f());
        }
    } catch (const std::exception& e) {
        return thrownText(what, &e);
    } catch (...) {
        return thrownText(what, nullptr);
    }
}

// LibTorch's CPU threads for the calling thread (OpenMP's count is per thread; 0: all cores). Nothing
// when `threads` is empty.
void useThreads(std::optional<int> threads);
// useThreads for work the user starts and waits for, which shares the cores with other programs: 0 (all
// cores, the Preferences' default) and none take the cores free just now (ddpm::freeCpuCores), at
// least one, since OpenMP's barriers make each thread of a parallel region wait for the slowest and beside a
// busy program each thread gets only a slice of a core (the tiny model's open and preview took 33 s on two
// threads beside two busy ones, 2.3 s on one). A count the user chose is kept.
void useFreeThreads(std::optional<int> threads);

class BackgroundWorker {
public:
    // The thread runs at `depth` below the GUI, or at the depth set for workers (threadpriority.h).
    explicit BackgroundWorker(const QString& name, std::optional<ThreadPriority::Depth> depth = {});
    ~BackgroundWorker(); // stop()
    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    // Moves `object` (the QObject whose signals report the work) onto the thread; it is deleted when
    // the thread ends. Call before the first post.
    void adopt(QObject* object);
    // Called on the worker thread with the message when a task let something escape its own guard.
    void setUncaughtHandler(std::function<void(const QString&)> handler);

    // Thread-safe: runs `task` on the worker thread after every task posted before it. Nothing runs
    // once stop() was called.
    void post(std::function<void()> task);
    // Thread-safe: makes a waitUntil() look at its condition again.
    void wake();

    // On the worker thread, inside a long task: runs the tasks posted meanwhile, in order.
    void runPending();
    // On the worker thread: blocks until `ready()` holds or stop() is called, running the tasks posted
    // meanwhile. `ready` is looked at again after every task and every wake().
    void waitUntil(const std::function<bool()>& ready);

    // Drops what is queued, lets the running task end (cancel it first), ends the thread and waits.
    void stop();
    bool isStopped() const { return m_stopped.load(); }

private:
    QThread m_thread;
    QObject* m_context = nullptr; // lives on the thread: queued calls to it run there
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<std::function<void()>> m_tasks;
    bool m_drainScheduled = false;
    bool m_woken = false;
    std::atomic<bool> m_stopped{false};
    std::function<void(const QString&)> m_uncaught;
};

// Numbered requests with their cancel tokens; GUI thread only.
class Requests {
public:
    struct Ticket {
        quint64 id = 0;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    // A new current request; the one before it is cancelled (the newest wins).
    Ticket next();
    // Cancels the current request; it stays current until it reports its end.
    void cancel();
    // Cancels the current request and forgets it: whatever any earlier request reports is dropped.
    void drop();
    // Ends the current request (it reported its end).
    void finish(quint64 id);
    quint64 current() const { return m_current; }
    bool isCurrent(quint64 id) const { return id != 0 && id == m_current; }
    bool active() const { return m_current != 0; }

private:
    quint64 m_last = 0;
    quint64 m_current = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

// What a task posted for request `id` reports with: reporter(f) hands f(controller) to the GUI thread as
// a queued call, which is dropped there when the controller is gone or the request, one of
// controller->*requests, is no longer current. `requests` may name a private member.
template <typename Controller> auto reporterFor(Controller* controller, Requests Controller::*requests, quint64 id)
{
    return [self = QPointer<Controller>(controller), requests, id](auto f) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, requests, id, f] {
                if (self && ((*self).*requests).isCurrent(id))
                    f(*self);
            },
            Qt::QueuedConnection);
    };
}
