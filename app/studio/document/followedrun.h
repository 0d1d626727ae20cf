// What the studio knows of a training run it follows (RunFollower), for the views: Qt only.
#pragma once

#include <QDateTime>
#include <QString>

// How a followed run looks from its files, at each look.
struct FollowedRun {
    enum class State {
        Waiting,    // its checkpoint is not there yet
        Writing,    // written to lately
        Quiet,      // nothing written for a while: stopped, killed, or slow
        Finished,   // the checkpoint shown is at the run's last step, and the log goes no further
        Gone,       // the checkpoint shown was removed
        Unreadable, // the last checkpoint written could not be opened
    };
    State state = State::Waiting;
    QDateTime lastWritten; // the later of the checkpoint's and the log's modification times
    qint64 step = 0;       // of the checkpoint shown
    QString problem;       // Unreadable: why
    bool live() const { return state == State::Writing; }
};
