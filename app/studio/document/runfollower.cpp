#include "runfollower.h"

#include "losshistory.h"
#include "modeldocument.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>

namespace {

// The log's rows are kept only past the checkpoint shown, so this bounds a run that never saves.
constexpr size_t kMaxRows = 200000;
// A log read at once, at most: 2 MB (some 50,000 rows) take tens of milliseconds to parse; a longer log
// (a run of millions of steps writes tens of MB) is read a piece at each turn of the event loop.
constexpr qint64 kMaxRead = qint64{2} << 20;

} // namespace

RunFollower::RunFollower(ModelDocument* document, TrainingController* training, std::function<QString()> device,
                         QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_training(training)
    , m_device(std::move(device))
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &RunFollower::poll);
    m_catchUp.setSingleShot(true);
    m_catchUp.setInterval(0);
    connect(&m_catchUp, &QTimer::timeout, this, &RunFollower::followLog);
    // Another model, or training this one here: the studio no longer shows the run.
    connect(document, &ModelDocument::pathChanged, this, [this](const QString& path) {
        if (isFollowing() && QFileInfo(path) != QFileInfo(m_path))
            stop();
    });
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        if (isFollowing() && (s == TrainingController::State::Running || s == TrainingController::State::Paused))
            stop();
    });
    // Queued: the Training view shows the checkpoint first, then the log's rows past it.
    connect(
        training, &TrainingController::modelReady, this,
        [this](const SnapshotPtr& snapshot, const QString& source) {
            if (isFollowing() && snapshot && QFileInfo(source) == QFileInfo(m_path))
                checkpointShown(snapshot->step);
        },
        Qt::QueuedConnection);
}

bool RunFollower::isLog(const QString& path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
}

bool RunFollower::startsAsLog(const QString& path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true;
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray first = file.readLine(256);
    if (first.endsWith('\n'))
        first.chop(1);
    return ddpm::isTrainingLogHeader(std::string_view(first.constData(), static_cast<size_t>(first.size())));
}

QString RunFollower::sibling(const QString& path)
{
    const QFileInfo info(path);
    return info.dir().filePath(info.completeBaseName() +
                               (isLog(path) ? QStringLiteral(".ckpt") : QStringLiteral(".csv")));
}

QString RunFollower::companion(const QString& path)
{
    const QString other = sibling(path);
    return QFileInfo(other).isFile() ? other : QString();
}

RunFollower::Stamp RunFollower::stampOf(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return {info.lastModified(), info.size()};
}

void RunFollower::follow(const QString& checkpoint, const QString& log)
{
    m_path = checkpoint;
    m_stamp = stampOf(checkpoint);
    m_refreshes = 0;
    m_log = log;
    m_logOffset = 0;
    m_skipping = false;
    m_lastRowStep = m_shownStep = -1;
    m_rows.clear();
    m_run = FollowedRun{};
    m_longestGap = 0;
    m_openProblem.clear();
    m_document->setReadOnlyPath(checkpoint);
    if (m_stamp.size >= 0) // else the run has not written it yet: poll() opens it once it has
        m_document->open(checkpoint, m_device());
    m_timer.start();
    Q_EMIT followingChanged(true);
}

void RunFollower::stop()
{
    if (!isFollowing())
        return;
    m_timer.stop();
    m_catchUp.stop();
    m_path.clear();
    m_log.clear();
    m_rows.clear();
    Q_EMIT followingChanged(false);
}

void RunFollower::poll()
{
    if (!isFollowing())
        return;
    if (m_training->runOn()) // training here took over
        return stop();
    const Stamp now = stampOf(m_path);
    if (now.size < 0 && m_shownStep < 0 && m_refreshes == 0)
        Q_EMIT waitingFor(m_path);
    // Not there for the moment (a run that restarts), or unchanged: the log alone may have news. A newer
    // checkpoint while one is still being opened (behind a preview on a busy machine) waits for the next
    // poll, so that opens do not pile up; the log's rows go on meanwhile, past the checkpoint shown, and
    // those past the new one are shown again once it is (checkpointShown).
    if (now.size >= 0 && !(now == m_stamp) && !m_training->isOpening()) {
        m_stamp = now;
        ++m_refreshes;
        m_document->open(m_path, m_device());
    }
    followLog();
    lookAtRun(now.size >= 0);
}

void RunFollower::followLog()
{
    if (!isFollowing() || m_log.isEmpty() || m_shownStep < 0) // the rows wait for the first checkpoint
        return;
    if (!readLog()) { // the log was written anew: show the checkpoint again, then the log as it is now
        m_shownStep = -1;
        m_document->open(m_path, m_device());
        return;
    }
    showRows(
        std::vector<Row>(m_rows.end() - static_cast<std::ptrdiff_t>(std::min(m_newRows, m_rows.size())), m_rows.end()));
    if (m_logBehind)
        m_catchUp.start();
}

void RunFollower::openFailed(const QString& message)
{
    if (!isFollowing())
        return;
    m_openProblem = message;
    lookAtRun(stampOf(m_path).size >= 0);
}

void RunFollower::lookAtRun(bool present)
{
    FollowedRun r;
    r.step = std::max<qint64>(0, m_shownStep);
    for (const QString& file : {m_path, m_log}) {
        const QFileInfo info(file);
        if (!file.isEmpty() && info.exists() && (!r.lastWritten.isValid() || info.lastModified() > r.lastWritten))
            r.lastWritten = info.lastModified();
    }
    if (m_run.lastWritten.isValid() && r.lastWritten > m_run.lastWritten)
        m_longestGap = std::max(m_longestGap, m_run.lastWritten.secsTo(r.lastWritten));
    const auto model = m_training->snapshot();
    const qint64 target = model && model->step == m_shownStep ? model->config.train.totalSteps : 0;
    const qint64 quietAfter = std::max(kQuietSeconds, 3 * m_longestGap);
    using S = FollowedRun::State;
    if (!present)
        r.state = m_shownStep < 0 && m_refreshes == 0 ? S::Waiting : S::Gone;
    else if (!m_openProblem.isEmpty())
        r.state = S::Unreadable, r.problem = m_openProblem;
    else if (m_shownStep >= 0 && target > 0 && m_shownStep >= target && m_lastRowStep <= m_shownStep)
        r.state = S::Finished;
    else if (r.lastWritten.isValid() && r.lastWritten.secsTo(QDateTime::currentDateTime()) > quietAfter)
        r.state = S::Quiet;
    else
        r.state = S::Writing;
    const bool changed = r.state != m_run.state || r.problem != m_run.problem;
    m_run = r;
    Q_EMIT runLooked(m_run, changed);
}

void RunFollower::checkpointShown(qint64 step)
{
    m_shownStep = step;
    m_openProblem.clear();
    if (m_log.isEmpty())
        return lookAtRun(true);
    if (!readLog()) { // read it whole again
        m_logOffset = 0;
        m_skipping = false;
        m_lastRowStep = -1;
        m_rows.clear();
        readLog();
    }
    if (m_logBehind)
        m_catchUp.start();
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), [step](const Row& r) { return r.step <= step; }),
                 m_rows.end());
    showRows(m_rows);
    lookAtRun(true);
}

bool RunFollower::readLog()
{
    m_newRows = 0;
    m_logBehind = false;
    QFile file(m_log);
    if (!file.open(QIODevice::ReadOnly))
        return true; // not there for the moment: nothing new
    if (file.size() < m_logOffset)
        return false;
    if (m_logOffset > 0 && !m_skipping) { // the file as read so far must still end a row where the last read
        char c = 0;                       // stopped
        if (!file.seek(m_logOffset - 1) || !file.getChar(&c) || c != '\n')
            return false;
    }
    file.seek(m_logOffset);
    QByteArray data = file.read(kMaxRead);
    if (m_skipping) { // inside a line longer than a piece (no row of a log: bytes a crash left): to its end
        const qsizetype lineEnd = data.indexOf('\n');
        m_logOffset += lineEnd < 0 ? data.size() : lineEnd + 1;
        m_logBehind = lineEnd < 0 && data.size() == kMaxRead;
        if (lineEnd < 0)
            return true;
        m_skipping = false;
        data.remove(0, lineEnd + 1);
    }
    const qsizetype end = data.lastIndexOf('\n');
    if (end < 0) {
        if (data.size() == kMaxRead) { // a piece without a row's end: skipped, not read again at each look
            m_logOffset += data.size();
            m_skipping = m_logBehind = true;
        }
        return true; // no complete row yet
    }
    m_logOffset += end + 1;
    m_logBehind = file.pos() < file.size(); // more may be there: the next piece at the next turn
    for (const QByteArray& line : data.left(end).split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(',');
        if (f.size() < 5)
            continue;
        bool ok[4] = {};
        Row r{f[0].toLongLong(&ok[0]), f[1].toDouble(&ok[1]), f[3].toDouble(&ok[2]), f[4].toDouble(&ok[3])};
        if (!ok[0] || !ok[1]) // the header, or a row this studio cannot read
            continue;
        if (r.step <= m_lastRowStep)
            return false; // steps go back: another run's rows
        m_lastRowStep = r.step;
        if (r.step > m_shownStep) {
            m_rows.push_back(r);
            ++m_newRows;
        }
    }
    if (m_rows.size() > kMaxRows)
        m_rows.erase(m_rows.begin(), m_rows.end() - static_cast<std::ptrdiff_t>(kMaxRows));
    return true;
}

void RunFollower::showRows(const std::vector<Row>& rows)
{
    if (rows.empty())
        return;
    TrainingProgress p;
    p.points.reserve(static_cast<qsizetype>(rows.size()));
    for (const Row& r : rows)
        p.points.append(QPointF(static_cast<double>(r.step), r.loss));
    p.step = rows.back().step;
    p.loss = rows.back().loss;
    p.lr = rows.back().lr;
    p.imagesPerSec = rows.back().imagesPerSec;
    // The log has images/s of the global batch (trainer.cpp): steps/s by the followed model's batch.
    const auto model = m_training->snapshot();
    if (model && model->config.train.batch > 0)
        p.stepsPerSec = p.imagesPerSec / static_cast<double>(model->config.train.batch);
    Q_EMIT logProgress(p);
}
