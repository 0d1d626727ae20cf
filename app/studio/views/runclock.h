// Speed, time left and elapsed time of a run of steps: one home for how the views show them
// ("8.1 steps/s · 0:00:05 left", then "50 steps in 0:00:06").
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

class RunClock {
    Q_DECLARE_TR_FUNCTIONS(RunClock)
public:
    // A run of `total` steps starts now (0 done).
    void start(qint64 total);
    void update(qint64 done) { m_done = done; }
    void stop(); // the run ended: the elapsed time stops counting

    bool isValid() const { return m_total > 0; }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    double elapsedSeconds() const;
    double stepsPerSecond() const; // 0 before the first step
    double secondsLeft() const;    // negative while unknown

    // "12 of 50 steps · 8.1 steps/s · 0:00:05 left" while running; "50 steps in 0:00:06 (8.1 steps/s)"
    // once stopped (or "stopped after 12 of 50 steps, 0:00:02" when it ended early).
    QString text() const;
    // h:mm:ss, a dash for a negative or absurd duration.
    static QString duration(double seconds);

private:
    QElapsedTimer m_timer;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_stoppedMs = -1;
};
