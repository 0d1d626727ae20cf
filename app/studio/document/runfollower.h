// File → Follow training run… (issue 21): the studio shows a run going on elsewhere (`ddpm train` on a
// server writing a checkpoint every --save-every steps, over a shared folder, or in another process) by
// opening its checkpoint again whenever the run writes a new one, so the loss chart, the heat map and the
// previews follow the run. The run's file is never written: the document keeps it read-only (Save asks
// for another file), and reading it is all the studio does (the run replaces its checkpoint atomically,
// so a read never sees half a file). Following ends when the user trains, opens or makes another model.
//
// The run's CSV log (`ddpm train --log`, one row a step, flushed as it goes) brings the loss chart up to
// the step the run is at between two checkpoints: its rows past the checkpoint shown are added to the
// chart as they are written. The user points at either file; the other is the one beside it with the
// same name (run.ckpt and run.csv), or is named.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "trainingcontroller.h"
#endif

#include "followedrun.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <vector>

class ModelDocument;

class RunFollower : public QObject {
    Q_OBJECT
public:
    // `device` names the device models are opened on (the Training view's choice).
    RunFollower(ModelDocument* document, TrainingController* training, std::function<QString()> device,
                QObject* parent = nullptr);

    // Follows the run whose checkpoint is `checkpoint`, with its log `log` (none: no log).
    void follow(const QString& checkpoint, const QString& log = {});
    void stop();
    bool isFollowing() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    QString logPath() const { return m_log; }
    int refreshes() const { return m_refreshes; } // checkpoints opened again since follow()
    // Looks at the files now (the timer does every two seconds).
    void poll();

    // The run as its files show it at the last look.
    const FollowedRun& run() const { return m_run; }
    // The studio could not open the run's checkpoint as last written (the message says why).
    void openFailed(const QString& message);
    // Nothing written for this long, and longer than three times the longest wait between two writes
    // seen: the run is Quiet.
    static constexpr qint64 kQuietSeconds = 60;

    // A training log, by its name (*.csv), rather than a checkpoint.
    static bool isLog(const QString& path);
    // Whether `path` is a training log as `ddpm train --log` writes it, by its first line; an empty or
    // missing file may be one still to come.
    static bool startsAsLog(const QString& path);
    // The run's other file beside `path`: run.csv for run.ckpt and the reverse; empty when there is none.
    static QString companion(const QString& path);
    // Its name, there or not (the log of a run that has not begun writing).
    static QString sibling(const QString& path);

Q_SIGNALS:
    void followingChanged(bool following);
    // At each look while the run's checkpoint is not there and none of it has been shown yet.
    void waitingFor(const QString& checkpoint);
    // Rows of the log past the checkpoint shown, as training progress for the Training view.
    void logProgress(const TrainingProgress& progress);
    // At each look; `changed` when the state differs from the look before.
    void runLooked(const FollowedRun& run, bool changed);

private:
    struct Stamp {
        QDateTime modified;
        qint64 size = -1;
        bool operator==(const Stamp& o) const { return modified == o.modified && size == o.size; }
    };
    static Stamp stampOf(const QString& path);
    struct Row {
        qint64 step = 0;
        double loss = 0, lr = 0, imagesPerSec = 0;
    };
    void checkpointShown(qint64 step);
    // Reads the log's complete rows written since the last read. False when the log was written anew
    // (a resumed run rewrites it): the rows read before may be gone.
    bool readLog();
    // Reads the log's new rows and shows those past the checkpoint shown; a log longer than one read goes
    // on at the next turn of the event loop (m_catchUp), so that a long run's log never stalls the window.
    void followLog();
    void showRows(const std::vector<Row>& rows);
    // The run's state from its files and the checkpoint shown; said by runLooked.
    void lookAtRun(bool present);

    ModelDocument* m_document;
    TrainingController* m_training;
    std::function<QString()> m_device;
    QTimer m_timer;
    QTimer m_catchUp; // the rest of a log longer than one read
    QString m_path;
    Stamp m_stamp;
    int m_refreshes = 0;

    QString m_log;
    qint64 m_logOffset = 0;    // the end of the last complete row read
    qint64 m_lastRowStep = -1; // its step
    qint64 m_shownStep = -1;   // the step of the checkpoint shown; -1 until it is
    std::vector<Row> m_rows;   // rows past it
    size_t m_newRows = 0;      // of them, those the last read added
    bool m_logBehind = false;  // the last read stopped at its limit: more of the log is there
    bool m_skipping = false;   // m_logOffset lies inside a line longer than a read (skipped to its end)

    FollowedRun m_run;
    qint64 m_longestGap = 0; // seconds between two writes seen while following
    QString m_openProblem;   // why the checkpoint as last written did not open ("" once one does)
};
