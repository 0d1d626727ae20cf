// Axis helpers shared by the chart widgets: round tick steps and log axes that stay readable over
// many decades.
#pragma once

class QLogValueAxis;
class QValueAxis;

namespace ChartAxes {

// A step of 1, 2 or 5 × 10^k that splits `span` into about `targetTicks` intervals.
double niceStep(double span, int targetTicks);

// Shows exactly [min, max] with ticks at round multiples of a nice step (anchored at 0).
// A step below minimumStep is raised to it (1 for whole-number axes such as training steps).
void setLinearRange(QValueAxis* axis, double min, double max, int targetTicks = 5,
                    double minimumStep = 0.0);

// Shows [min, max] (both > 0) with a label at every power of ten, or every 10^k over many decades
// so that at most about maxLabels labels are drawn.
void setLogRange(QLogValueAxis* axis, double min, double max, int maxLabels = 7);

} // namespace ChartAxes
