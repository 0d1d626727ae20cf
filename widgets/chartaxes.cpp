#include "chartaxes.h"

#include <QAbstractSeries>
#include <QChart>
#include <QLocale>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ChartAxes {

void localize(QChart* chart)
{
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
}

void padY(Ranges& r, bool logY, double logFactor, double linearFraction, bool floorAtZero)
{
    if (logY) {
        if (r.yMax / r.yMin < 1.01) {
            r.yMin /= 1.5;
            r.yMax *= 1.5;
        }
        r.yMin /= logFactor;
        r.yMax *= logFactor;
        return;
    }
    const double span = r.yMax - r.yMin;
    const double pad = span > 0.0 ? linearFraction * span : std::max(std::abs(r.yMax) * 0.1, 0.1);
    r.yMin = floorAtZero && r.yMin >= 0.0 ? std::max(0.0, r.yMin - pad) : r.yMin - pad;
    r.yMax += pad;
}

double niceStep(double span, int targetTicks)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / std::max(1, targetTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction < 1.5 ? 1.0 : fraction < 3.0 ? 2.0 : fraction < 7.0 ? 5.0 : 10.0;
    return nice * magnitude;
}

void setLinearRange(QValueAxis* axis, double min, double max, int targetTicks, double minimumStep)
{
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(std::max(minimumStep, niceStep(max - min, targetTicks)));
    axis->setRange(min, max);
}

namespace {
// How many powers of 10^(1/n) lie in [min, max].
int powersInRange(double min, double max, int n)
{
    const int first = int(std::ceil(std::log10(min) * n - 1e-9));
    const int last = int(std::floor(std::log10(max) * n + 1e-9));
    return last - first + 1;
}

// The base, minor ticks and label format of a log axis over [min, max]; the range itself is left alone.
void setLogTicks(QLogValueAxis* axis, double min, double max, int maxLabels)
{
    if (!(min > 0.0) || !(max > min) || !std::isfinite(max))
        return;
    const double decades = std::log10(max) - std::log10(min);
    axis->setMinorTickCount(0);
    if (decades < 1.0) {
        // Less than a decade (a loss between 0.6 and 1): powers of ten would label one line at most.
        // Label preferred numbers instead, the powers of 10^(1/n) (for n = 5: 1, 1.6, 2.5, 4, 6.3), in
        // two digits, which are within 3 % of them; the coarsest series that gives three labels.
        for (const int n : kPreferredSeries) {
            if (powersInRange(min, max, n) >= 3) {
                axis->setBase(std::pow(10.0, 1.0 / n));
                axis->setLabelFormat(QStringLiteral("%.2g"));
                return;
            }
        }
        // Narrower still (a deep zoom): four steps of equal ratio, in enough digits to tell them apart.
        axis->setBase(std::pow(10.0, std::max(decades, 0.002) / 4.0));
        axis->setLabelFormat(QStringLiteral("%.4g"));
        return;
    }
    const int decadesPerLabel = std::max(1, int(std::ceil(decades / std::max(1, maxLabels))));
    axis->setBase(std::pow(10.0, decadesPerLabel));
    axis->setLabelFormat(QStringLiteral("%.6g")); // 0.0001 and 1000 as they are, 1e+06 beyond
    // Minor ticks between powers of ten only; over 10^k steps they would be far too many.
    axis->setMinorTickCount(decadesPerLabel == 1 ? -1 : 0);
}
} // namespace

QList<double> logTicks(double min, double max, int maxTicks)
{
    QList<double> ticks;
    if (!(min > 0.0) || !(max > min) || !std::isfinite(max))
        return ticks;
    // Mantissas tried in turn: powers of ten; then 1, 2, 5; then every digit.
    static const QList<QList<double>> families = {{1.0}, {1.0, 2.0, 5.0}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    const int lowest = int(std::floor(std::log10(min))), highest = int(std::ceil(std::log10(max)));
    for (const QList<double>& mantissas : families) {
        ticks.clear();
        for (int k = lowest; k <= highest; ++k)
            for (const double m : mantissas) {
                const double v = m * std::pow(10.0, k);
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9))
                    ticks.append(v);
            }
        if (ticks.size() >= 2)
            break;
    }
    if (ticks.size() < 2) // under a ninth of a decade: its two ends
        return {min, max};
    if (ticks.size() > maxTicks) { // many decades: every m-th power of ten
        const int every = int(std::ceil(double(ticks.size()) / std::max(1, maxTicks)));
        QList<double> thinned;
        for (int i = 0; i < ticks.size(); i += every)
            thinned.append(ticks.at(i));
        return thinned;
    }
    return ticks;
}

void setLogRange(QLogValueAxis* axis, double min, double max, int maxLabels)
{
    setLogTicks(axis, min, max, maxLabels);
    axis->setRange(min, max);
}

void keepTicksOnZoom(QAbstractAxis* axis, int targetTicks, double minimumStep)
{
    if (auto* logAxis = qobject_cast<QLogValueAxis*>(axis)) {
        QObject::connect(logAxis, &QLogValueAxis::rangeChanged, logAxis,
                         [logAxis](qreal min, qreal max) { setLogTicks(logAxis, min, max, 7); });
    } else if (auto* valueAxis = qobject_cast<QValueAxis*>(axis)) {
        QObject::connect(valueAxis, &QValueAxis::rangeChanged, valueAxis,
                         [valueAxis, targetTicks, minimumStep](qreal min, qreal max) {
                             valueAxis->setTickInterval(std::max(minimumStep, niceStep(max - min, targetTicks)));
                         });
    }
}

void setRange(QAbstractAxis* axis, double min, double max)
{
    if (auto* logAxis = qobject_cast<QLogValueAxis*>(axis))
        setLogRange(logAxis, min, max);
    else if (auto* valueAxis = qobject_cast<QValueAxis*>(axis))
        setLinearRange(valueAxis, min, max);
}

QAbstractAxis* replaceYAxis(QChart* chart, QAbstractAxis* oldAxis, bool log, double min, double max,
                            const QString& title, const QString& labelFormat, const QList<QAbstractSeries*>& series)
{
    // The new axis's domain starts from the old one's range, and a log domain warns about a
    // non-positive minimum: give both axes the new range before the swap.
    if (oldAxis) {
        if (log)
            oldAxis->setRange(min, max);
        chart->removeAxis(oldAxis);
        delete oldAxis;
    }
    QAbstractAxis* axis = nullptr;
    if (log) {
        auto* logAxis = new QLogValueAxis; // its label format is setLogRange()'s
        setLogRange(logAxis, min, max);
        axis = logAxis;
    } else {
        auto* valueAxis = new QValueAxis;
        valueAxis->setLabelFormat(labelFormat);
        setLinearRange(valueAxis, min, max);
        axis = valueAxis;
    }
    keepTicksOnZoom(axis);
    axis->setTitleText(title);
    chart->addAxis(axis, Qt::AlignLeft);
    for (QAbstractSeries* s : series)
        s->attachAxis(axis);
    return axis;
}

} // namespace ChartAxes
