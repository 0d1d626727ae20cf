// The Training view's note on a followed run (TrainingView::followNote, trainingview.h): how the run
// looks from its files (RunFollower), in words.
#include "trainingview.h"

#include "runclock.h"

#include <QDateTime>

#include <algorithm>

QString TrainingView::followNote(const FollowedRun& run, const QString& file)
{
    const double age =
        run.lastWritten.isValid()
            ? std::max<qint64>(0, run.lastWritten.secsTo(QDateTime::currentDateTime())) // a server's clock may be ahead
            : -1;
    using S = FollowedRun::State;
    switch (run.state) {
    case S::Waiting:
        return tr("Following %1: waiting for the run to write it.").arg(file);
    case S::Writing:
        return tr("Following %1, written %2 ago. Start trains a copy here; the run's file stays as it is.")
            .arg(file, RunClock::duration(age));
    case S::Quiet:
        return tr("Following %1: nothing written for %2; the run may have stopped.").arg(file, RunClock::duration(age));
    case S::Finished:
        return tr("Following %1: the run finished at step %L2.").arg(file).arg(run.step);
    case S::Gone:
        return tr("Following %1: the file is gone; it opens again when the run writes it.").arg(file);
    case S::Unreadable: // the reason is a sentence of its own (the engine's, without its full stop)
        return tr("Following %1: the checkpoint last written cannot be opened: %2")
            .arg(file, run.problem.endsWith(QLatin1Char('.')) ? run.problem : run.problem + QLatin1Char('.'));
    }
    return {};
}
