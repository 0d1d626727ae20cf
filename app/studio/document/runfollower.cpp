#include "runfollower.h"

#include "modeldocument.h"
#include "trainingcontroller.h"

#include <QFileInfo>

RunFollower::RunFollower(ModelDocument* document, TrainingController* training, std::function<QString()> device,
                         QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_training(training)
    , m_device(std::move(device))
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &RunFollower::poll);
    // Another model, or training this one here: the studio no longer shows the run.
    connect(document, &ModelDocument::pathChanged, this, [this](const QString& path) {
        if (isFollowing() && QFileInfo(path) != QFileInfo(m_path))
            stop();
    });
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        if (isFollowing() && (s == TrainingController::State::Running || s == TrainingController::State::Paused))
            stop();
    });
}

RunFollower::Stamp RunFollower::stampOf(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return {info.lastModified(), info.size()};
}

void RunFollower::follow(const QString& checkpoint)
{
    m_path = checkpoint;
    m_stamp = stampOf(checkpoint);
    m_refreshes = 0;
    m_document->setReadOnlyPath(checkpoint);
    m_document->open(checkpoint, m_device());
    m_timer.start();
    Q_EMIT followingChanged(true);
}

void RunFollower::stop()
{
    if (!isFollowing())
        return;
    m_timer.stop();
    m_path.clear();
    Q_EMIT followingChanged(false);
}

void RunFollower::poll()
{
    if (!isFollowing())
        return;
    const Stamp now = stampOf(m_path);
    if (now.size < 0 || now == m_stamp) // not there for the moment (a run that restarts), or unchanged
        return;
    if (m_training->runOn()) // training here took over
        return stop();
    m_stamp = now;
    ++m_refreshes;
    m_document->open(m_path, m_device());
}
