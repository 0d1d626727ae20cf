// The model open in the studio as a document: its file, whether training changed it since it was
// read or written, new / open / save, and "keep your work?" before anything replaces it. The weights
// themselves live with the training worker (trainingcontroller.h); this holds what a window title, a
// sidecar's hash and the Recent menu need to know about the file.
//
// Asking before unsaved work is dropped runs a continuation instead of a nested event loop: the
// question is asked, training is stopped, the model saved if the user chose so, and only then does
// `next` run (at once when nothing needs waiting for).
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "config.h"
#endif

#include <QObject>
#include <QString>

#include <functional>

class QWidget;
class Settings;
class TrainingController;

class ModelDocument : public QObject {
    Q_OBJECT
public:
    ModelDocument(TrainingController* training, Settings& settings, QWidget* dialogParent);

    QString path() const { return m_path; }
    bool isDemo() const;
    bool isDirty() const;
    // The file name for titles ("Untitled model"; the demo model says it is read-only).
    QString displayName() const;
    static QString untitledName(); // "Untitled model": a model in no file
    // Where Save writes without asking: the file, unless there is none, it is the shipped demo model or
    // the checkpoint of a run the studio follows (runfollower.h).
    QString savePath() const;
    // A file the studio must never write while it is the model's (a followed run's checkpoint).
    void setReadOnlyPath(const QString& path) { m_readOnlyPath = path; }
    bool isReadOnly() const;

    // `startFrom`: a checkpoint whose weights the new model starts from (TrainingWorker::newModel).
    void newModel(const ddpm::ModelConfig& config, const QString& device, const QString& startFrom = {});
    void open(const QString& path, const QString& device);
    void save(const QString& path);
    // The worker reports the model it installed (`source` empty for a new one) or a save it made.
    void setPath(const QString& path);

    // True when dropping the model now would lose training progress (a run on, or unsaved steps).
    bool hasWorkToKeep() const;
    // Asks before unsaved progress is dropped (Save, Discard, Cancel), then runs `next` once training has
    // stopped and the model is saved where the user chose so; runs `cancelled` instead when the user
    // cancels or the save fails. Runs `next` at once when there is nothing to keep.
    void keepWorkThen(std::function<void()> next, std::function<void()> cancelled = {});

Q_SIGNALS:
    void pathChanged(const QString& path);

private:
    // Runs `next` once no training run is on (stopping it first).
    void whenStopped(std::function<void()> next);
    // Stops training, saves to `path`, and runs `next(ok)` once the save is answered and the run ended.
    void saveThen(const QString& path, std::function<void(bool)> next);

    TrainingController* m_training;
    Settings& m_settings;
    QWidget* m_dialogParent;
    QString m_path;
    QString m_readOnlyPath;
};
