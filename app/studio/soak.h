// The studio under a long, repetitive session, as a user would drive it: train a little, sample, scrub
// through the run, switch views, export, again and again (scripts/soak.sh runs it under Xvfb). It
// measures what such a session must not show: memory that keeps growing, the window freezing (a 10 ms
// timer that fires late), warnings from Qt. The report is JSON.
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class MainWindow;

// The application object of the studio. While a soak runs it times every event the GUI thread delivers
// (the outermost delivery: a slot called by a queued signal, a paint, a timer) and keeps the slowest,
// so that a stall can be traced to what took the time. Otherwise it only passes events on.
class StudioApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override;
    static void setTiming(bool on);
    // The slowest deliveries over 30 ms: "receiver class (object name) event type", milliseconds, and
    // what the soak was doing.
    struct SlowEvent {
        QString what;
        double ms = 0;
        QString phase;
    };
    static QList<SlowEvent> slowest();
    static void setPhase(const QString& phase);
};

class SoakDriver : public QObject {
    Q_OBJECT
public:
    SoakDriver(MainWindow& window, double minutes, const QString& reportPath, const QString& exportFolder,
               QObject* parent = nullptr);
    void start();
    // Qt's messages while the soak runs (warnings and worse are counted; the offscreen plugin's notes
    // about window hints are not).
    static void installMessageCounter();

Q_SIGNALS:
    void finished(int exitCode); // 0: within every bound

private:
    enum class Phase { Train, Sample, Scrub, Views, Export };
    void next();
    void advanceTraining();
    void beginSamplePhase();
    void advanceSampling();
    void advanceScrubbing();
    void advanceViews();
    void advanceExports();
    void tick();
    void sampleMemory();
    void finish();
    static double rssMb();

    MainWindow& m_window;
    double m_minutes;
    QString m_reportPath, m_exportFolder;
    QElapsedTimer m_clock, m_sinceTick, m_phaseClock;
    QTimer m_tick, m_step, m_memory;
    Phase m_phase = Phase::Train;
    int m_cycle = 0, m_scrubAt = 0, m_viewAt = 0, m_exportAt = 0;
    double m_rssAfterWarmup = 0, m_rssMax = 0, m_worstStallMs = 0;
    int m_stallsOver50 = 0;
    // Each stall, told apart by what the GUI thread did meanwhile: it ran (its own work took the time)
    // or it waited for a core (the machine was busy); and by the phase of the cycle it came in.
    int m_stallsBusy = 0, m_stallsWaiting = 0;
    int m_phaseStalls[5] = {};
    double m_phaseWorstMs[5] = {};
    double m_tickCpuMs = 0; // the GUI thread's CPU time at the last tick
    bool m_trainStarted = false, m_stopAsked = false;
    QElapsedTimer m_stopClock;
    int m_stuck = 0;
    QList<double> m_rssSeries; // MB, every 10 s
};
