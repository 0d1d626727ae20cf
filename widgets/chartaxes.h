// Axis helpers shared by the chart widgets: round tick steps and log axes that stay readable over
// many decades.
#pragma once

#include <QList>
#include <QString>

class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QLogValueAxis;
class QValueAxis;

namespace ChartAxes {

// Axis and series numbers in the user's language (0,5 in German), as the rest of the window writes them.
// A label format must then name its precision ("%.6g", not "%g"): Qt Charts shows no label otherwise.
void localize(QChart* chart);

// What a chart's axes show, in data coordinates.
struct Ranges {
    double xMin;
    double xMax;
    double yMin;
    double yMax;
};

// Pads r's y range so that no point sits on the frame: on a log axis by `logFactor` each way (a nearly
// flat range, under 1 %, first widened to 1.5× each way), on a linear one by `linearFraction` of the span
// (or a tenth of |yMax|, at least 0.1, when flat). `floorAtZero`: a range that starts at zero or above
// is not padded below zero (losses, distances).
void padY(Ranges& r, bool logY, double logFactor, double linearFraction, bool floorAtZero = false);

// A step of 1, 2 or 5 × 10^k that splits `span` into about `targetTicks` intervals.
double niceStep(double span, int targetTicks);

// Shows exactly [min, max] with ticks at round multiples of a nice step (anchored at 0).
// A step below minimumStep is raised to it (1 for whole-number axes such as training steps).
void setLinearRange(QValueAxis* axis, double min, double max, int targetTicks = 5, double minimumStep = 0.0);

// Shows [min, max] (both > 0) with a label at every power of ten, or every 10^k over many decades
// so that at most about maxLabels labels are drawn; under one decade, at about four powers of a base
// below ten (1, 0.84, 0.71, … for 0.6 to 1), so that the axis still has labels.
void setLogRange(QLogValueAxis* axis, double min, double max, int maxLabels = 7);

// setLogRange() for a QLogValueAxis, setLinearRange() with the default ticks for a QValueAxis.
void setRange(QAbstractAxis* axis, double min, double max);

// Keeps the tick spacing right whenever the axis's range changes by other means (a zoom with the
// mouse): a linear axis gets a nice step for about `targetTicks` intervals (at least minimumStep), a log
// axis the base setLogRange() would choose. Without it, a zoomed chart keeps the step of the whole
// range and shows a single label per axis.
void keepTicksOnZoom(QAbstractAxis* axis, int targetTicks = 5, double minimumStep = 0.0);

// Replaces the chart's y axis `oldAxis` (may be null; it is removed and deleted) with a new
// QLogValueAxis (log) or QValueAxis on the left that shows [min, max] (both > 0 for log), with the
// given title and label format, and attaches `series` to it. Returns the new axis.
QAbstractAxis* replaceYAxis(QChart* chart, QAbstractAxis* oldAxis, bool log, double min, double max,
                            const QString& title, const QString& labelFormat, const QList<QAbstractSeries*>& series);

} // namespace ChartAxes
