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

// The series of preferred numbers a log axis under one decade is labelled with: the powers of
// 10^(1/n), coarsest first.
inline constexpr int kPreferredSeries[] = {2, 5, 10, 20};

// Shows [min, max] (both > 0) with a label at every power of ten, or every 10^k over many decades
// so that at most about maxLabels labels are drawn; under one decade, at the powers of 10^(1/n) for the
// first n of kPreferredSeries that gives three labels (0.016, 0.025, 0.04, 0.063 for n = 5), written in
// two digits; narrower still, at four steps of equal ratio. Sets the axis's label format to match.
void setLogRange(QLogValueAxis* axis, double min, double max, int maxLabels = 7);

// Round values to mark a log scale (a colour bar) over [min, max], both > 0: the powers of ten in it,
// or, where fewer than two, 1, 2 and 5 × 10^k, or every digit × 10^k; at most maxTicks (every m-th
// power of ten over many decades); [min, max] itself when none of these gives two.
QList<double> logTicks(double min, double max, int maxTicks = 5);

// setLogRange() for a QLogValueAxis, setLinearRange() with the default ticks for a QValueAxis.
void setRange(QAbstractAxis* axis, double min, double max);

// Keeps the tick spacing right whenever the axis's range changes by other means (a zoom with the
// mouse): a linear axis gets a nice step for about `targetTicks` intervals (at least minimumStep), a log
// axis the base setLogRange() would choose. Without it, a zoomed chart keeps the step of the whole
// range and shows a single label per axis.
void keepTicksOnZoom(QAbstractAxis* axis, int targetTicks = 5, double minimumStep = 0.0);

// Replaces the chart's y axis `oldAxis` (may be null; it is removed and deleted) with a new
// QLogValueAxis (log) or QValueAxis on the left that shows [min, max] (both > 0 for log), with the
// given title and label format (a log axis's is setLogRange()'s), and attaches `series` to it. Returns the new axis.
QAbstractAxis* replaceYAxis(QChart* chart, QAbstractAxis* oldAxis, bool log, double min, double max,
                            const QString& title, const QString& labelFormat, const QList<QAbstractSeries*>& series);

} // namespace ChartAxes
