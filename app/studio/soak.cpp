#include "soak.h"

#include "atomicfile.h"

#include "mainwindow.h"
#include "reverseview.h"
#include "timestepscrubber.h"
#include "trainingview.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {
bool g_timing = false;
int g_depth = 0;
QString g_phase;
QList<StudioApplication::SlowEvent> g_slow; // the 20 slowest, slowest first
} // namespace

bool StudioApplication::notify(QObject* receiver, QEvent* event)
{
    if (!g_timing || QThread::currentThread() != thread() || g_depth > 0) {
        if (!g_timing || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++g_depth; // nested: the outermost delivery counts the time
        const bool r = QApplication::notify(receiver, event);
        --g_depth;
        return r;
    }
    ++g_depth;
    QElapsedTimer t;
    t.start();
    const bool r = QApplication::notify(receiver, event);
    --g_depth;
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    if (ms > 30 && (g_slow.size() < 20 || ms > g_slow.last().ms)) {
        const QString what = QStringLiteral("%1 (%2) event %3")
                                 .arg(QLatin1String(receiver->metaObject()->className()), receiver->objectName())
                                 .arg(static_cast<int>(event->type()));
        g_slow.append({what, ms, g_phase});
        std::sort(g_slow.begin(), g_slow.end(), [](const SlowEvent& a, const SlowEvent& b) { return a.ms > b.ms; });
        while (g_slow.size() > 20)
            g_slow.removeLast();
    }
    return r;
}

void StudioApplication::setTiming(bool on)
{
    g_timing = on;
}

QList<StudioApplication::SlowEvent> StudioApplication::slowest()
{
    return g_slow;
}

void StudioApplication::setPhase(const QString& phase)
{
    g_phase = phase;
}

namespace {
int g_warnings = 0;
QStringList g_firstWarnings;
QtMessageHandler g_previous = nullptr;

void countMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && !message.contains(QLatin1String("propagateSizeHints"))) {
        ++g_warnings;
        if (g_firstWarnings.size() < 10)
            g_firstWarnings << message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

constexpr int kTickMs = 10;

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

const char* const kPhaseNames[5] = {"train", "sample", "scrub", "views", "export"};
constexpr double kWarmupMinutes = 5.0; // memory is compared with what it was after this
} // namespace

SoakDriver::SoakDriver(MainWindow& window, double minutes, const QString& reportPath, const QString& exportFolder,
                       QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_minutes(minutes)
    , m_reportPath(reportPath)
    , m_exportFolder(exportFolder)
{
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &SoakDriver::tick);
    m_step.setSingleShot(true);
    connect(&m_step, &QTimer::timeout, this, &SoakDriver::next);
    m_memory.setInterval(10'000);
    connect(&m_memory, &QTimer::timeout, this, &SoakDriver::sampleMemory);
}

void SoakDriver::installMessageCounter()
{
    g_previous = qInstallMessageHandler(countMessages);
}

double SoakDriver::rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

void SoakDriver::start()
{
    QDir().mkpath(m_exportFolder);
    m_clock.start();
    m_sinceTick.start();
    m_tickCpuMs = threadCpuMs();
    m_tick.start();
    m_memory.start();
    sampleMemory();
    m_phase = Phase::Train;
    m_phaseClock.start();
    m_step.start(0);
}

void SoakDriver::tick()
{
    // A 10 ms timer that fires late: the GUI thread was busy (or the machine was).
    const double wall = static_cast<double>(m_sinceTick.restart());
    const double late = wall - kTickMs;
    StudioApplication::setPhase(QLatin1String(kPhaseNames[static_cast<int>(m_phase)]));
    const double cpu = threadCpuMs();
    const double ran = cpu - m_tickCpuMs;
    m_tickCpuMs = cpu;
    if (m_clock.elapsed() > 20'000) { // not while the window and the model first come up
        m_worstStallMs = std::max(m_worstStallMs, late);
        if (late > 50) {
            ++m_stallsOver50;
            (ran >= wall / 2 ? m_stallsBusy : m_stallsWaiting) += 1;
            const int phase = static_cast<int>(m_phase);
            ++m_phaseStalls[phase];
            m_phaseWorstMs[phase] = std::max(m_phaseWorstMs[phase], late);
        }
    }
}

void SoakDriver::sampleMemory()
{
    const double rss = rssMb();
    m_rssSeries << rss;
    m_rssMax = std::max(m_rssMax, rss);
    if (m_rssAfterWarmup == 0 &&
        m_clock.elapsed() >= static_cast<qint64>(std::min(kWarmupMinutes, m_minutes / 3) * 60'000))
        m_rssAfterWarmup = rss;
}

// One step of the cycle (train, sample, scrub, switch views, export, again) until the time is up; each
// step arms m_step for the next.
void SoakDriver::next()
{
    if (m_clock.elapsed() >= static_cast<qint64>(m_minutes * 60'000)) {
        finish();
        return;
    }
    // Ready (data and model in, nothing loading, training idle) before each cycle starts; not during it.
    if (m_phase == Phase::Train && !m_trainStarted && !m_window.isReady()) {
        m_step.start(200);
        m_phaseClock.restart();
        return;
    }
    switch (m_phase) {
    case Phase::Train:
        advanceTraining();
        return;
    case Phase::Sample:
        advanceSampling();
        return;
    case Phase::Scrub:
        advanceScrubbing();
        return;
    case Phase::Views:
        advanceViews();
        return;
    case Phase::Export:
        advanceExports();
        return;
    }
}

// Start once, train about 15 s, stop once, wait for the run to end (a run that does not stop within a
// minute is reported: that is a defect the soak is there to find).
void SoakDriver::advanceTraining()
{
    auto* training = m_window.training();
    if (!m_trainStarted) {
        m_trainStarted = true;
        m_stopAsked = false;
        m_window.setView(MainWindow::Training);
        m_window.trainingView()->setTotalSteps(training->step() + 1'000'000);
        m_window.startTraining();
    } else if (!m_stopAsked && m_phaseClock.elapsed() >= 15'000) {
        m_stopAsked = true;
        m_stopClock.start();
        training->stop();
    } else if (m_stopAsked && training->state() != TrainingController::State::Running) {
        beginSamplePhase();
    } else if (m_stopAsked && m_stopClock.elapsed() > 60'000) {
        ++m_stuck;
        training->stop();
        m_stopClock.restart();
    }
    m_step.start(100);
}

// Training has stopped: sample 16 images with 50 DDIM steps, a new seed each cycle.
void SoakDriver::beginSamplePhase()
{
    m_trainStarted = false;
    m_phase = Phase::Sample;
    m_phaseClock.restart();
    ddpm::SamplerOptions o = m_window.reverseView()->samplerOptions();
    o.kind = ddpm::SamplerKind::Ddim;
    o.ddimSteps = ddpm::SamplerOptions{}.ddimSteps;
    o.count = 16;
    o.seed = static_cast<uint64_t>(m_cycle);
    m_window.reverseView()->setSamplerOptions(o);
    m_window.startSampling();
}

void SoakDriver::advanceSampling()
{
    if (m_window.sampling()->isRunning() && m_phaseClock.elapsed() < 120'000) {
        m_step.start(100);
        return;
    }
    m_phase = Phase::Scrub;
    m_scrubAt = 0;
    m_step.start(20);
}

// Through every frame of the run, one every 20 ms.
void SoakDriver::advanceScrubbing()
{
    auto* scrubber = m_window.reverseView()->scrubber();
    if (m_scrubAt <= scrubber->maximum()) {
        scrubber->setValue(m_scrubAt++);
        m_step.start(20);
        return;
    }
    m_phase = Phase::Views;
    m_viewAt = 0;
    m_step.start(0);
}

void SoakDriver::advanceViews()
{
    if (m_viewAt < 5) {
        m_window.setView(MainWindow::View(m_viewAt++));
        m_step.start(300);
        return;
    }
    m_phase = Phase::Export;
    m_exportAt = 0;
    m_step.start(0);
}

// A sample grid, then the reverse process as a GIF, each after the last export has finished; then the
// next cycle.
void SoakDriver::advanceExports()
{
    if (m_window.isExporting()) {
        m_step.start(50);
        return;
    }
    if (m_exportAt == 0) {
        m_window.runExport(m_window.exports()->sampleGrid(QDir(m_exportFolder).filePath(QStringLiteral("grid.png"))),
                           QStringLiteral("grid.png"), QStringLiteral("grid"));
    } else if (m_exportAt == 1) {
        m_window.runExport(m_window.exports()->reverseGif(QDir(m_exportFolder).filePath(QStringLiteral("reverse.gif"))),
                           QStringLiteral("reverse.gif"), QStringLiteral("gif"));
    } else {
        ++m_cycle;
        m_phase = Phase::Train;
        m_phaseClock.restart();
        m_step.start(0);
        return;
    }
    ++m_exportAt;
    m_step.start(50);
}

void SoakDriver::finish()
{
    m_tick.stop();
    m_memory.stop();
    sampleMemory();
    const double last = m_rssSeries.isEmpty() ? 0 : m_rssSeries.last();
    const double base = m_rssAfterWarmup > 0 ? m_rssAfterWarmup : (m_rssSeries.isEmpty() ? 0 : m_rssSeries.first());
    const double growth = base > 0 ? 100.0 * (last - base) / base : 0;
    QJsonObject o;
    o[QStringLiteral("minutes")] = m_minutes;
    o[QStringLiteral("cycles")] = m_cycle;
    o[QStringLiteral("training_step")] = static_cast<double>(m_window.training()->step());
    o[QStringLiteral("rss_mb_after_warmup")] = base;
    o[QStringLiteral("rss_mb_end")] = last;
    o[QStringLiteral("rss_mb_max")] = m_rssMax;
    o[QStringLiteral("rss_growth_percent")] = growth;
    o[QStringLiteral("worst_stall_ms")] = m_worstStallMs;
    o[QStringLiteral("stalls_over_50_ms")] = m_stallsOver50;
    o[QStringLiteral("stalls_gui_thread_running")] = m_stallsBusy;
    o[QStringLiteral("stalls_gui_thread_waiting_for_a_core")] = m_stallsWaiting;
    QJsonObject byPhase;
    for (int i = 0; i < 5; ++i)
        byPhase[QLatin1String(kPhaseNames[i])] =
            QJsonObject{{QStringLiteral("stalls"), m_phaseStalls[i]}, {QStringLiteral("worst_ms"), m_phaseWorstMs[i]}};
    o[QStringLiteral("stalls_by_phase")] = byPhase;
    QJsonArray slow;
    for (const auto& e : StudioApplication::slowest())
        slow.append(QJsonObject{
            {QStringLiteral("what"), e.what}, {QStringLiteral("ms"), e.ms}, {QStringLiteral("phase"), e.phase}});
    o[QStringLiteral("slowest_gui_events")] = slow;
    o[QStringLiteral("qt_warnings")] = g_warnings;
    o[QStringLiteral("training_runs_that_did_not_stop_within_a_minute")] = m_stuck;
    o[QStringLiteral("first_warnings")] = QJsonArray::fromStringList(g_firstWarnings);
    QJsonArray series;
    for (double v : m_rssSeries)
        series.append(v);
    o[QStringLiteral("rss_mb_every_10_s")] = series;
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Indented);
    bool written = true;
    if (!m_reportPath.isEmpty()) {
        const auto st = ddpm::writeFileAtomically(QFile::encodeName(m_reportPath).toStdString(), json.toStdString());
        if (!st)
            std::fprintf(stderr, "soak: cannot write the report %s: %s\n", qPrintable(m_reportPath),
                         st.error().c_str());
        written = st.ok();
    }
    std::fprintf(stdout, "%s", json.constData());
    const bool ok = written && growth < 5.0 && m_stallsOver50 == 0 && g_warnings == 0 && m_cycle > 0 && m_stuck == 0;
    if (m_window.training()->state() == TrainingController::State::Running)
        m_window.training()->stop();
    Q_EMIT finished(ok ? 0 : 1);
}
