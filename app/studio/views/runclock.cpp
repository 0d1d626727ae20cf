#include "runclock.h"

#include <QLocale>

#include <cmath>

void RunClock::start(qint64 total)
{
    m_total = total;
    m_done = 0;
    m_stoppedMs = -1;
    m_timer.start();
}

void RunClock::stop()
{
    if (m_timer.isValid() && m_stoppedMs < 0)
        m_stoppedMs = m_timer.elapsed();
}

double RunClock::elapsedSeconds() const
{
    if (!m_timer.isValid())
        return 0.0;
    return static_cast<double>(m_stoppedMs >= 0 ? m_stoppedMs : m_timer.elapsed()) / 1000.0;
}

double RunClock::stepsPerSecond() const
{
    const double s = elapsedSeconds();
    return m_done > 0 && s > 0 ? static_cast<double>(m_done) / s : 0.0;
}

double RunClock::secondsLeft() const
{
    const double speed = stepsPerSecond();
    return speed > 0 ? static_cast<double>(std::max<qint64>(0, m_total - m_done)) / speed : -1.0;
}

QString RunClock::duration(double seconds)
{
    if (!(seconds >= 0) || seconds > 1e7)
        return QStringLiteral("–");
    const auto s = static_cast<qint64>(std::llround(seconds));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString RunClock::text() const
{
    if (!isValid())
        return {};
    const double speed = stepsPerSecond();
    const QString rate = speed > 0 ? tr("%1 steps/s").arg(QLocale().toString(speed, 'f', speed < 10 ? 1 : 0))
                                   : QStringLiteral("– ") + tr("steps/s");
    if (m_stoppedMs >= 0) {
        if (m_done >= m_total)
            return tr("%L1 steps in %2 (%3)").arg(m_total).arg(duration(elapsedSeconds()), rate);
        return tr("stopped after %L1 of %L2 steps, %3").arg(m_done).arg(m_total).arg(duration(elapsedSeconds()));
    }
    return tr("%L1 of %L2 steps done · %3 · %4 left") // the frame after the last one done is step done + 1
        .arg(m_done)
        .arg(m_total)
        .arg(rate, secondsLeft() >= 0 ? duration(secondsLeft()) : QStringLiteral("–"));
}
