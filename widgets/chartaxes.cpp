#include "chartaxes.h"

#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ChartAxes {

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

void setLogRange(QLogValueAxis* axis, double min, double max, int maxLabels)
{
    const double decades = std::log10(max) - std::log10(min);
    const int decadesPerLabel = std::max(1, int(std::ceil(decades / std::max(1, maxLabels))));
    axis->setBase(std::pow(10.0, decadesPerLabel));
    // Minor ticks between powers of ten only; over 10^k steps they would be far too many.
    axis->setMinorTickCount(decadesPerLabel == 1 ? -1 : 0);
    axis->setRange(min, max);
}

} // namespace ChartAxes
