#include "modeldocument.h"

#include "bundled.h"
#include "dialogs.h"
#include "settings.h"
#include "trainingcontroller.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <memory>

ModelDocument::ModelDocument(TrainingController* training, Settings& settings, QWidget* dialogParent)
    : QObject(training)
    , m_training(training)
    , m_settings(settings)
    , m_dialogParent(dialogParent)
{
}

bool ModelDocument::isDemo() const
{
    return isDemoModel(m_path);
}

bool ModelDocument::isDirty() const
{
    return m_training->isDirty();
}

QString ModelDocument::untitledName()
{
    return tr("Untitled model");
}

QString ModelDocument::displayName() const
{
    if (m_path.isEmpty())
        return untitledName();
    const QString name = QFileInfo(m_path).fileName();
    if (isDemo())
        return tr("%1 (demo, read-only)").arg(name);
    return isReadOnly() ? tr("%1 (a run's checkpoint, read-only)").arg(name) : name;
}

bool ModelDocument::isReadOnly() const
{
    return isDemo() || (!m_path.isEmpty() && QFileInfo(m_path) == QFileInfo(m_readOnlyPath));
}

QString ModelDocument::savePath() const
{
    return isReadOnly() ? QString() : m_path; // the demo model stays as shipped, a followed run's file its run's
}

void ModelDocument::newModel(const ddpm::ModelConfig& config, const QString& device, const QString& startFrom)
{
    // The path stays until the new model is in (modelReady): one that cannot be made leaves the open file.
    m_training->newModel(config, device, startFrom);
}

void ModelDocument::open(const QString& path, const QString& device)
{
    m_training->openCheckpoint(path, device);
}

void ModelDocument::save(const QString& path)
{
    m_training->save(path);
}

void ModelDocument::setPath(const QString& path)
{
    if (path == m_path)
        return;
    m_path = path;
    // Another file, or a copy: a followed run's checkpoint opens as any other file from then on.
    if (!m_readOnlyPath.isEmpty() && QFileInfo(path) != QFileInfo(m_readOnlyPath))
        m_readOnlyPath.clear();
    Q_EMIT pathChanged(path);
}

bool ModelDocument::hasWorkToKeep() const
{
    return m_training->runOn() || m_training->isDirty();
}

void ModelDocument::keepWorkThen(std::function<void()> next, std::function<void()> cancelled)
{
    if (!hasWorkToKeep())
        return next();
    // A run pauses while the user decides: what Save writes is the step the question names, not one
    // that has moved on behind the dialog. A Cancel lets it go on; Save and Discard end it.
    const bool pausedHere = m_training->state() == TrainingController::State::Running;
    if (pausedHere) {
        m_training->pause();
        // The step under way ends first (well under a second for the small presets): wait for it, a few
        // seconds at most and without taking input, so that the question names the step Save would write.
        if (m_training->state() == TrainingController::State::Running) {
            QEventLoop loop;
            QTimer::singleShot(3000, &loop, &QEventLoop::quit);
            connect(m_training, &TrainingController::stateChanged, &loop, [&loop](TrainingController::State now) {
                if (now != TrainingController::State::Running)
                    loop.quit();
            });
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        }
    }
    auto goOn = [this, pausedHere, cancelled = std::move(cancelled)] {
        if (pausedHere)
            m_training->resume();
        if (cancelled)
            cancelled();
    };
    const auto answer = Dialogs::question(
        m_dialogParent, tr("Unsaved training"),
        tr("The model has training progress that is not saved (step %L1). Save it first?").arg(m_training->step()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return goOn();
    if (answer == QMessageBox::Discard)
        return whenStopped(std::move(next));
    QString path = savePath();
    if (path.isEmpty())
        path = Dialogs::savePath(m_dialogParent, tr("Save the model"), QStringLiteral("models"),
                                 m_settings.exportFolder() + QStringLiteral("/model.ckpt"),
                                 tr("DDPM checkpoints (*.ckpt)"));
    if (path.isEmpty())
        return goOn();
    saveThen(path, [next = std::move(next), goOn = std::move(goOn)](bool ok) {
        if (ok)
            next(); // the next thing (quit, a new model) ends the paused run
        else        // the failure itself is shown by the failed() signal that follows saveFailed(); the run
            goOn(); // was ended for the save, so resume() finds nothing to wake
    });
}

void ModelDocument::whenStopped(std::function<void()> next)
{
    // Training ends within one step; what the user asked for next (a new model, another checkpoint)
    // would otherwise be refused because a run is on.
    m_training->stop();
    if (!m_training->runOn())
        return next();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_training, &TrainingController::stateChanged, this, [this, connection, next] {
        if (m_training->runOn())
            return;
        disconnect(*connection);
        next();
    });
}

void ModelDocument::saveThen(const QString& path, std::function<void(bool)> next)
{
    // The answer to this save request and the end of the run, in either order; other failures (a failed
    // step) do not end the wait.
    struct Wait {
        quint64 request = 0;
        bool answered = false, ok = false, done = false;
        QList<QMetaObject::Connection> connections;
    };
    auto wait = std::make_shared<Wait>();
    const auto check = [this, wait, next] {
        if (wait->done || !wait->answered || m_training->runOn())
            return;
        wait->done = true;
        for (const auto& c : wait->connections)
            disconnect(c);
        next(wait->ok);
    };
    m_training->stop();
    wait->connections << connect(m_training, &TrainingController::saved, this,
                                 [wait, check](const QString&, quint64 id) {
                                     if (id == wait->request) {
                                         wait->answered = wait->ok = true;
                                         check();
                                     }
                                 });
    wait->connections << connect(m_training, &TrainingController::saveFailed, this,
                                 [wait, check](const QString&, quint64 id) {
                                     if (id == wait->request) {
                                         wait->answered = true;
                                         check();
                                     }
                                 });
    wait->connections << connect(m_training, &TrainingController::stateChanged, this, check);
    wait->request = m_training->save(path);
}
