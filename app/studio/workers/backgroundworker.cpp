#include "backgroundworker.h"

#include "device.h"
#include "messages.h"
#include "threadpriority.h"

#include <QCoreApplication>
#include <QMetaObject>

QString thrownText(const QString& what, const std::exception* e)
{
    const ddpm::Error task(what.toStdString()); // already in the user's language
    return ddpm::errorText(e ? ddpm::describeException(*e, task) : ddpm::describeUnknownException(task));
}

void useThreads(std::optional<int> threads)
{
    if (!threads)
        return;
    // LibTorch sets a thread's count up lazily, at its first parallel operation, from the last count any
    // thread asked for; have that happen first so that it cannot undo this one.
    (void)torch::get_num_threads();
    ddpm::configureThreads(*threads);
}

void useFreeThreads(std::optional<int> threads)
{
    useThreads(threads && *threads > 0 ? *threads : ddpm::freeCpuCores());
}

BackgroundWorker::BackgroundWorker(const QString& name, std::optional<ThreadPriority::Depth> depth)
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    // Below the GUI's priority, set on the thread itself before LibTorch starts its pool there.
    QObject::connect(
        &m_thread, &QThread::started, m_context,
        [d = depth.value_or(ThreadPriority::depth())] { ThreadPriority::lowerCurrentThread(d); }, Qt::DirectConnection);
    m_thread.setObjectName(name);
    m_thread.start();
}

BackgroundWorker::~BackgroundWorker()
{
    stop();
}

void BackgroundWorker::adopt(QObject* object)
{
    object->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, object, &QObject::deleteLater);
}

void BackgroundWorker::setUncaughtHandler(std::function<void(const QString&)> handler)
{
    m_uncaught = std::move(handler);
}

void BackgroundWorker::post(std::function<void()> task)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopped.load())
        return;
    m_tasks.push_back(std::move(task));
    m_changed.wakeAll();
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(
        m_context, [this] { runPending(); }, Qt::QueuedConnection);
}

void BackgroundWorker::wake()
{
    QMutexLocker lock(&m_mutex);
    m_woken = true;
    m_changed.wakeAll();
}

void BackgroundWorker::runPending()
{
    for (;;) {
        std::function<void()> task;
        {
            QMutexLocker lock(&m_mutex);
            m_drainScheduled = false;
            if (m_tasks.empty() || m_stopped.load())
                return;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        // Each task guards its own work; this catches what a task let through.
        const QString error = guarded(QCoreApplication::translate("BackgroundWorker", "a background task"), task);
        if (!error.isEmpty() && m_uncaught)
            m_uncaught(error);
    }
}

void BackgroundWorker::waitUntil(const std::function<bool()>& ready)
{
    for (;;) {
        runPending();
        if (m_stopped.load() || ready())
            return;
        QMutexLocker lock(&m_mutex);
        if (!m_tasks.empty() || m_stopped.load())
            continue;
        if (!m_woken)
            m_changed.wait(&m_mutex);
        m_woken = false;
    }
}

void BackgroundWorker::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopped.store(true);
        m_tasks.clear();
        m_changed.wakeAll();
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

Requests::Ticket Requests::next()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_current = ++m_last;
    return Ticket{m_current, m_cancel};
}

void Requests::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void Requests::drop()
{
    cancel();
    m_cancel.reset();
    m_current = 0;
}

void Requests::finish(quint64 id)
{
    if (id != m_current)
        return;
    m_current = 0;
    m_cancel.reset();
}
