// File → Follow training run… (issue 21): the studio shows a run going on elsewhere (`ddpm train` on a
// server writing a checkpoint every --save-every steps, over a shared folder, or in another process) by
// opening its checkpoint again whenever the run writes a new one, so the loss chart, the heat map and the
// previews follow the run. The run's file is never written: the document keeps it read-only (Save asks
// for another file), and reading it is all the studio does (the run replaces its checkpoint atomically,
// so a read never sees half a file). Following ends when the user trains, opens or makes another model.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class ModelDocument;
class TrainingController;

class RunFollower : public QObject {
    Q_OBJECT
public:
    // `device` names the device models are opened on (the Training view's choice).
    RunFollower(ModelDocument* document, TrainingController* training, std::function<QString()> device,
                QObject* parent = nullptr);

    void follow(const QString& checkpoint);
    void stop();
    bool isFollowing() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    int refreshes() const { return m_refreshes; } // checkpoints opened again since follow()
    // Looks at the file now (the timer does every two seconds).
    void poll();

Q_SIGNALS:
    void followingChanged(bool following);

private:
    struct Stamp {
        QDateTime modified;
        qint64 size = -1;
        bool operator==(const Stamp& o) const { return modified == o.modified && size == o.size; }
    };
    static Stamp stampOf(const QString& path);

    ModelDocument* m_document;
    TrainingController* m_training;
    std::function<QString()> m_device;
    QTimer m_timer;
    QString m_path;
    Stamp m_stamp;
    int m_refreshes = 0;
};
