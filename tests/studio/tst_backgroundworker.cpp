// The one worker pattern (app/studio/workers/backgroundworker.h) on its own: tasks run in order on a
// thread of their own below the GUI's priority; what a task throws is reported and the next task
// runs; a long task runs what was posted meanwhile and waits on a condition, not by polling; stop
// drops what is queued; requests are numbered and the newest cancels the one before.
#include "backgroundworker.h"
#include "threadpriority.h"

#include <QtTest>

#include <QElapsedTimer>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

class TestBackgroundWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tasksRunInOrderOnTheirThread();
    void idleDepthRunsWorkersAtSchedIdle();
    void throwsBecomeMessages();
    void guardedReturnsTheTasksMessage();
    void longTaskRunsWhatWasPosted();
    void waitingDoesNotPoll();
    void stopDropsWhatIsQueued();
    void newestRequestCancelsTheOneBefore();
};

void TestBackgroundWorker::tasksRunInOrderOnTheirThread()
{
    std::vector<int> order;
    std::atomic<int> done{0};
    std::atomic<bool> otherThread{true};
    std::atomic<int> nice{0};
    BackgroundWorker w(QStringLiteral("test"));
    const auto gui = std::this_thread::get_id();
    for (int i = 0; i < 100; ++i)
        w.post([&, i] {
            order.push_back(i); // only the worker thread touches it
            if (std::this_thread::get_id() == gui)
                otherThread = false;
            nice = ThreadPriority::currentNice();
            ++done;
        });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 100, 10000);
    QVERIFY(otherThread.load());
    for (int i = 0; i < 100; ++i)
        QCOMPARE(order[static_cast<size_t>(i)], i);
#ifdef Q_OS_LINUX
    QVERIFY2(nice.load() > ThreadPriority::currentNice(), "the worker runs below the GUI thread");
#endif
}

// The studio's own depth (main() sets it): a worker, and the threads it starts, at SCHED_IDLE, the GUI
// thread left alone.
void TestBackgroundWorker::idleDepthRunsWorkersAtSchedIdle()
{
#ifndef Q_OS_LINUX
    QSKIP("scheduling policies are Linux's");
#else
    ThreadPriority::setDepth(ThreadPriority::Depth::Idle);
    std::atomic<int> idle{-1}, childIdle{-1};
    {
        BackgroundWorker w(QStringLiteral("idle test"));
        w.post([&] {
            std::thread child([&] { childIdle = ThreadPriority::currentIsIdle() ? 1 : 0; });
            child.join();
            idle = ThreadPriority::currentIsIdle() ? 1 : 0;
        });
        QTRY_VERIFY_WITH_TIMEOUT(idle.load() >= 0, 10000);
    }
    ThreadPriority::setDepth(ThreadPriority::Depth::Nice);
    QCOMPARE(idle.load(), 1);
    QCOMPARE(childIdle.load(), 1);
    QVERIFY(!ThreadPriority::currentIsIdle());
    // At the default depth a new worker is niced only.
    std::atomic<int> niceOnly{-1};
    BackgroundWorker w(QStringLiteral("nice test"));
    w.post([&] { niceOnly = ThreadPriority::currentIsIdle() ? 0 : 1; });
    QTRY_COMPARE_WITH_TIMEOUT(niceOnly.load(), 1, 10000);
#endif
}

void TestBackgroundWorker::throwsBecomeMessages()
{
    QStringList messages;
    QMutex mutex;
    BackgroundWorker w(QStringLiteral("test"));
    w.setUncaughtHandler([&](const QString& m) {
        QMutexLocker lock(&mutex);
        messages << m;
    });
    std::atomic<bool> after{false};
    w.post([] { throw std::runtime_error("injected fault"); });
    w.post([] { throw 7; });
    w.post([&] { after = true; });
    QTRY_VERIFY_WITH_TIMEOUT(after.load(), 10000);
    QMutexLocker lock(&mutex);
    QCOMPARE(messages.size(), 2);
    QVERIFY2(messages[0].contains(QStringLiteral("injected fault")), qPrintable(messages[0]));
    QVERIFY(!messages[1].isEmpty());
}

void TestBackgroundWorker::guardedReturnsTheTasksMessage()
{
    QCOMPARE(guarded(QStringLiteral("x"), [] {}), QString());
    QCOMPARE(guarded(QStringLiteral("x"), [] { return QStringLiteral("refused"); }), QStringLiteral("refused"));
    const QString thrown =
        guarded(QStringLiteral("doing x"), []() -> QString { throw std::out_of_range("bad index"); });
    QVERIFY2(thrown.contains(QStringLiteral("bad index")), qPrintable(thrown));
}

void TestBackgroundWorker::longTaskRunsWhatWasPosted()
{
    // What the worker's tasks touch is declared before the worker, so it outlives the thread.
    std::atomic<bool> stop{false};
    std::atomic<int> ranInside{0}, steps{0};
    BackgroundWorker w(QStringLiteral("test"));
    w.post([&] {
        while (!stop.load()) {
            w.runPending(); // between two "steps"
            ++steps;
            QThread::msleep(1);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(steps.load() > 0, 10000);
    w.post([&] { ranInside = steps.load(); });
    QTRY_VERIFY_WITH_TIMEOUT(ranInside.load() > 0, 10000); // ran while the long task was still going
    QVERIFY(!stop.load());
    stop = true;
}

void TestBackgroundWorker::waitingDoesNotPoll()
{
    std::atomic<bool> resume{false}, waiting{false}, ended{false}, taskRan{false};
    std::atomic<int> looks{0};
    BackgroundWorker w(QStringLiteral("test"));
    w.post([&] {
        waiting = true;
        w.waitUntil([&] {
            ++looks;
            return resume.load();
        });
        ended = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(waiting.load(), 10000);
    QTest::qWait(300);
    const int idleLooks = looks.load();
    QVERIFY2(idleLooks <= 2, qPrintable(QStringLiteral("looked %1 times while nothing happened").arg(idleLooks)));
    w.post([&] { taskRan = true; }); // runs while the long task waits
    QTRY_VERIFY_WITH_TIMEOUT(taskRan.load(), 10000);
    QVERIFY(!ended.load());
    QElapsedTimer since;
    since.start();
    resume = true;
    w.wake();
    QTRY_VERIFY_WITH_TIMEOUT(ended.load(), 10000);
    QVERIFY(since.elapsed() < 2000);
}

void TestBackgroundWorker::stopDropsWhatIsQueued()
{
    std::atomic<bool> cancel{false}, started{false};
    std::atomic<int> later{0};
    {
        BackgroundWorker w(QStringLiteral("test"));
        w.post([&] {
            started = true;
            while (!cancel.load())
                QThread::msleep(1);
        });
        for (int i = 0; i < 5; ++i)
            w.post([&] { ++later; });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 10000);
        cancel = true; // as the controllers cancel their requests first
        w.stop();
        QVERIFY(w.isStopped());
        w.post([&] { ++later; }); // after stop: never runs
    }
    QCOMPARE(later.load(), 0);
}

void TestBackgroundWorker::newestRequestCancelsTheOneBefore()
{
    Requests r;
    QVERIFY(!r.active());
    const auto a = r.next();
    QVERIFY(r.isCurrent(a.id));
    QVERIFY(!a.cancel->load());
    const auto b = r.next();
    QVERIFY(a.cancel->load()); // the newest wins
    QVERIFY(!b.cancel->load());
    QVERIFY(!r.isCurrent(a.id));
    QVERIFY(r.isCurrent(b.id));
    r.finish(a.id); // a stale end changes nothing
    QVERIFY(r.isCurrent(b.id));
    r.cancel();
    QVERIFY(b.cancel->load());
    QVERIFY(r.isCurrent(b.id)); // cancelled, still current until it reports its end
    r.finish(b.id);
    QVERIFY(!r.active());
    const auto c = r.next();
    r.drop();
    QVERIFY(c.cancel->load());
    QVERIFY(!r.isCurrent(c.id));
    QVERIFY(!r.isCurrent(0));
}

QTEST_MAIN(TestBackgroundWorker)
#include "tst_backgroundworker.moc"
