#include "chartaxes.h"
#include "losschart.h"

#include <QLineSeries>
#include <QLogValueAxis>
#include <QRegularExpression>
#include <QTest>
#include <QValueAxis>

#include <cmath>

namespace {

// A noisy, decaying loss curve: deterministic, positive.
QVector<QPointF> lossCurve(int first, int count)
{
    QVector<QPointF> points;
    for (int i = first; i < first + count; ++i) {
        const double noise = 0.2 * std::sin(i * 12.9898) * std::cos(i * 78.233);
        points.append(QPointF(i, (0.05 + 0.5 * std::exp(-i / 40.0)) * (1.0 + noise)));
    }
    return points;
}

// The oracle: s_0 = y_0, s_i = w·s_{i-1} + (1 − w)·y_i.
QVector<double> ema(const QVector<QPointF>& points, double w)
{
    QVector<double> result;
    double s = 0.0;
    for (int i = 0; i < points.size(); ++i) {
        s = i == 0 ? points[i].y() : w * s + (1.0 - w) * points[i].y();
        result.append(s);
    }
    return result;
}

} // namespace

class TestLossChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void smoothingIsEma_data();
    void smoothingIsEma();
    void changingSmoothingRecomputes();
    void smoothingClamps();
    void smoothingCountsSteps();
    void logScaleIsOnAtStart();
    void logAxisLabelsNarrowRanges_data();
    void logAxisLabelsNarrowRanges();
    void logTicksAreRound_data();
    void logTicksAreRound();
    void logScaleSwapsAxisType();
    void logScaleSkipsNonPositive();
    void nonFinitePointsDropped();
    void axesCoverData();
    void resetZoomRestoresFullRange();
    void zoomKeepsSeveralTicks();
    void millionPointsStayBounded();
    void clearEmpties();
    void emptyTextOnlyWhileEmpty();
    void redrawsAreThrottled();
    void onScreenOnePointPerPixelColumn();
    void pointsWhileHiddenBinnedWhenShown();
};

void TestLossChart::smoothingIsEma_data()
{
    QTest::addColumn<double>("weight");
    QTest::addColumn<int>("batches");
    QTest::newRow("no smoothing") << 0.0 << 1;
    QTest::newRow("0.5, one batch") << 0.5 << 1;
    QTest::newRow("0.9, four batches") << 0.9 << 4;
    QTest::newRow("0.99, seven batches") << 0.99 << 7;
}

void TestLossChart::smoothingIsEma()
{
    QFETCH(double, weight);
    QFETCH(int, batches);

    LossChart chart;
    chart.setSmoothing(weight);
    QCOMPARE(chart.smoothing(), weight);

    const QVector<QPointF> all = lossCurve(1, 140);
    const int per = int(all.size()) / batches;
    for (int b = 0; b < batches; ++b) {
        const int from = b * per;
        const int n = b == batches - 1 ? int(all.size()) - from : per;
        chart.appendPoints(all.mid(from, n));
    }

    QCOMPARE(chart.rawPoints(), all);
    const QVector<double> expected = ema(all, weight);
    const QVector<QPointF> smoothed = chart.smoothedPoints();
    QCOMPARE(smoothed.size(), expected.size());
    for (int i = 0; i < smoothed.size(); ++i) {
        QCOMPARE(smoothed[i].x(), all[i].x());
        QVERIFY2(std::abs(smoothed[i].y() - expected[i]) < 1e-12, qPrintable(QString::number(i)));
    }
    // What is drawn is what was computed.
    QCOMPARE(chart.rawSeries()->points(), all);
    QCOMPARE(chart.smoothedSeries()->points(), smoothed);
    if (weight == 0.0)
        QCOMPARE(smoothed, all);
}

// A thinned history (one point per 64 steps) followed by single steps: the EMA runs over steps, so a
// bucket weighs as its 64 steps and the curve is as smooth before the join as after it.
void TestLossChart::smoothingCountsSteps()
{
    LossChart chart;
    chart.setSmoothing(0.9);
    chart.appendPoints({QPointF(0, 1.0), QPointF(64, 0.0), QPointF(65, 1.0)});
    const auto s = chart.smoothedPoints();
    QCOMPARE(s.size(), 3);
    const double after64 = std::pow(0.9, 64); // 1 decayed over 64 steps of 0
    QVERIFY(std::abs(s[1].y() - after64) < 1e-12);
    QVERIFY(std::abs(s[2].y() - (0.9 * after64 + 0.1)) < 1e-12);
    chart.setSmoothing(0.5); // recomputed the same way
    QVERIFY(std::abs(chart.smoothedPoints()[1].y() - std::pow(0.5, 64)) < 1e-15);
}

void TestLossChart::changingSmoothingRecomputes()
{
    LossChart chart;
    chart.setSmoothing(0.3);
    const QVector<QPointF> all = lossCurve(0, 60);
    chart.appendPoints(all);
    chart.setSmoothing(0.95);
    const QVector<double> expected = ema(all, 0.95);
    const QVector<QPointF> smoothed = chart.smoothedSeries()->points();
    QCOMPARE(smoothed.size(), expected.size());
    for (int i = 0; i < smoothed.size(); ++i)
        QVERIFY(std::abs(smoothed[i].y() - expected[i]) < 1e-12);

    // Appending after the change continues the new average.
    const QVector<QPointF> more = lossCurve(60, 10);
    chart.appendPoints(more);
    const QVector<double> expectedAll = ema(all + more, 0.95);
    QCOMPARE(chart.smoothedPoints().size(), expectedAll.size());
    QVERIFY(std::abs(chart.smoothedPoints().last().y() - expectedAll.last()) < 1e-12);
}

void TestLossChart::smoothingClamps()
{
    LossChart chart;
    chart.setSmoothing(1.5);
    QCOMPARE(chart.smoothing(), 0.9999);
    chart.setSmoothing(-2.0);
    QCOMPARE(chart.smoothing(), 0.0);
    // A window of n steps is the weight 1 − 1/n: its EMA's impulse response sums to n steps of weight 1/n.
    chart.setSmoothingWindow(100);
    QCOMPARE(chart.smoothing(), 0.99);
    QCOMPARE(chart.smoothingWindow(), 100.0);
    chart.setSmoothingWindow(0.5); // less than a step: no smoothing
    QCOMPARE(chart.smoothing(), 0.0);
    chart.setSmoothingWindow(1e9);
    QCOMPARE(chart.smoothingWindow(), 10000.0);
}

// A loss falls by orders of magnitude: a linear axis squashes all but the first steps into a flat line.
void TestLossChart::logScaleIsOnAtStart()
{
    LossChart chart;
    QVERIFY(chart.isLogScale());
    QVERIFY(qobject_cast<QLogValueAxis*>(chart.yAxis()));
    QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 1);
    chart.appendPoints(lossCurve(0, 50));
    auto* logAxis = qobject_cast<QLogValueAxis*>(chart.yAxis());
    QVERIFY(logAxis);
    QVERIFY(logAxis->min() > 0.0);
    QCOMPARE(chart.rawSeries()->count(), 50);
}

void TestLossChart::logAxisLabelsNarrowRanges_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("powersOfTen");
    QTest::newRow("early training, 0.6 to 1") << 0.6 << 1.0 << false;
    QTest::newRow("late training, 0.03 to 0.05") << 0.03 << 0.05 << false;
    QTest::newRow("a whole run, 0.02 to 1.2") << 0.02 << 1.2 << true;
}

// A QLogValueAxis labels the powers of its base inside its range: under one decade there must still be
// a few of them (powers of ten would give one label, or none).
void TestLossChart::logAxisLabelsNarrowRanges()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(bool, powersOfTen);
    LossChart chart;
    chart.setSmoothing(0.0);
    QVector<QPointF> points;
    for (int i = 0; i < 50; ++i)
        points.append(QPointF(i, high * std::pow(low / high, i / 49.0)));
    chart.appendPoints(points);
    auto* axis = qobject_cast<QLogValueAxis*>(chart.yAxis());
    QVERIFY(axis);
    QVERIFY(axis->min() <= low && axis->max() >= high);
    const double base = axis->base();
    QCOMPARE(base == 10.0, powersOfTen);
    const int first = int(std::ceil(std::log(axis->min()) / std::log(base) - 1e-9));
    const int last = int(std::floor(std::log(axis->max()) / std::log(base) + 1e-9));
    const int labels = last - first + 1;
    QVERIFY2(labels >= (powersOfTen ? 2 : 3) && labels <= 8,
             qPrintable(QStringLiteral("%1 labels, base %2").arg(labels).arg(base)));
    // Each label as the axis writes it is a round number (two significant digits at most: 0.025, not
    // 0.0263) and stands within 3 % of the line it marks.
    for (int k = first; k <= last; ++k) {
        const double value = std::pow(base, k);
        const QString label = QString::asprintf(axis->labelFormat().toLatin1().constData(), value);
        QString digits = label.section(QLatin1Char('e'), 0, 0);
        digits.remove(QLatin1Char('.')).remove(QLatin1Char('-'));
        while (digits.startsWith(QLatin1Char('0')))
            digits.remove(0, 1);
        QVERIFY2(digits.size() <= 2, qPrintable(QStringLiteral("label %1 at %2").arg(label).arg(value)));
        QVERIFY2(std::abs(label.toDouble() / value - 1.0) < 0.03,
                 qPrintable(QStringLiteral("label %1 at %2").arg(label).arg(value)));
    }
}

void TestLossChart::logTicksAreRound_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QList<double>>("ticks");
    QTest::newRow("three decades: powers of ten") << 0.000163 << 0.203 << 5 << QList<double>{0.001, 0.01, 0.1};
    QTest::newRow("one power of ten: 1, 2, 5") << 0.02 << 0.09 << 5 << QList<double>{0.02, 0.05};
    QTest::newRow("none of 1, 2, 5 twice: digits") << 0.03 << 0.05 << 5 << QList<double>{0.03, 0.04, 0.05};
    QTest::newRow("nine decades: every other") << 1e-8 << 1.0 << 5 << QList<double>{1e-8, 1e-6, 1e-4, 1e-2, 1.0};
    QTest::newRow("a sliver: its ends") << 0.031 << 0.033 << 5 << QList<double>{0.031, 0.033};
    QTest::newRow("empty") << 0.5 << 0.5 << 5 << QList<double>{};
}

// The colour bar's marks: round values inside the range, as few as the rows allow.
void TestLossChart::logTicksAreRound()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, maxTicks);
    QFETCH(QList<double>, ticks);
    const QList<double> got = ChartAxes::logTicks(min, max, maxTicks);
    QCOMPARE(got.size(), ticks.size());
    for (int i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got.at(i) / ticks.at(i) - 1.0) < 1e-9, qPrintable(QString::number(got.at(i))));
}

void TestLossChart::logScaleSwapsAxisType()
{
    LossChart chart;
    chart.setLogScale(false);
    chart.appendPoints(lossCurve(0, 50));
    QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 1);

    chart.setLogScale(true);
    QVERIFY(chart.isLogScale());
    QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 1);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).first(), chart.yAxis());
    QVERIFY(chart.rawSeries()->attachedAxes().contains(chart.yAxis()));
    QVERIFY(chart.smoothedSeries()->attachedAxes().contains(chart.yAxis()));
    auto* logAxis = qobject_cast<QLogValueAxis*>(chart.yAxis());
    QVERIFY(logAxis);
    QVERIFY(logAxis->min() > 0.0);

    chart.setLogScale(false);
    QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 1);
    QCOMPARE(chart.rawSeries()->count(), 50);
}

void TestLossChart::logScaleSkipsNonPositive()
{
    LossChart chart;
    chart.setLogScale(false);
    chart.setSmoothing(0.0);
    chart.appendPoints({{1, 0.5}, {2, 0.0}, {3, -0.1}, {4, 0.25}});
    QCOMPARE(chart.rawSeries()->count(), 4);

    chart.setLogScale(true);
    QCOMPARE(chart.rawSeries()->count(), 2);
    QCOMPARE(chart.rawSeries()->at(0), QPointF(1, 0.5));
    QCOMPARE(chart.rawSeries()->at(1), QPointF(4, 0.25));
    QCOMPARE(chart.rawPoints().size(), 4); // kept, only hidden

    auto* logAxis = qobject_cast<QLogValueAxis*>(chart.yAxis());
    QVERIFY(logAxis->min() <= 0.25 && logAxis->min() > 0.0);
    QVERIFY(logAxis->max() >= 0.5);
}

void TestLossChart::nonFinitePointsDropped()
{
    LossChart chart;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    chart.appendPoints({{1, 0.4}, {2, nan}, {3, inf}, {4, 0.2}});
    QCOMPARE(chart.rawPoints(), QVector<QPointF>({{1, 0.4}, {4, 0.2}}));
    QCOMPARE(chart.smoothedPoints().size(), 2);
    QVERIFY(std::isfinite(chart.smoothedPoints().last().y()));
}

void TestLossChart::axesCoverData()
{
    LossChart chart;
    chart.setLogScale(false);
    chart.appendPoints({{100, 0.8}, {200, 0.3}, {300, 0.05}});
    QCOMPARE(chart.xAxis()->min(), 100.0);
    QCOMPARE(chart.xAxis()->max(), 300.0);
    auto* y = qobject_cast<QValueAxis*>(chart.yAxis());
    QVERIFY(y);
    QVERIFY(y->min() <= 0.05);
    QVERIFY(y->min() >= 0.0); // losses are not padded below zero
    QVERIFY(y->max() >= 0.8);

    chart.appendPoints({{400, 1.7}});
    QCOMPARE(chart.xAxis()->max(), 400.0);
    QVERIFY(y->max() >= 1.7);
}

void TestLossChart::resetZoomRestoresFullRange()
{
    LossChart chart;
    chart.resize(500, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.appendPoints(lossCurve(0, 100));
    QCOMPARE(chart.xAxis()->max(), 99.0);

    chart.chart()->zoom(4.0);
    QVERIFY(chart.chart()->isZoomed());
    QVERIFY(chart.xAxis()->max() - chart.xAxis()->min() < 50.0);

    // New data while zoomed keeps the view.
    chart.appendPoints(lossCurve(100, 20));
    QVERIFY(chart.xAxis()->max() - chart.xAxis()->min() < 50.0);

    chart.resetZoom();
    QVERIFY(!chart.chart()->isZoomed());
    QCOMPARE(chart.xAxis()->min(), 0.0);
    QCOMPARE(chart.xAxis()->max(), 119.0);
}

// A zoom (with the mouse: a rubber band, here zoomIn on a small rectangle) re-spaces the ticks of both
// axes, so that the zoomed chart still has several labels per axis; reset restores the full range's.
void TestLossChart::zoomKeepsSeveralTicks()
{
    LossChart chart;
    chart.resize(500, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.appendPoints(lossCurve(0, 5000));
    const double fullStep = chart.xAxis()->tickInterval();
    QVERIFY(fullStep >= 500);
    const QRectF plot = chart.chart()->plotArea();
    chart.chart()->zoomIn(QRectF(plot.center(), QSizeF(plot.width() / 40, plot.height() / 40)));
    QVERIFY(chart.chart()->isZoomed());
    const double span = chart.xAxis()->max() - chart.xAxis()->min();
    QVERIFY2(span / chart.xAxis()->tickInterval() >= 3,
             qPrintable(QStringLiteral("%1 over %2").arg(chart.xAxis()->tickInterval()).arg(span)));
    QVERIFY(chart.xAxis()->tickInterval() >= 1.0); // whole steps
    auto* y = qobject_cast<QLogValueAxis*>(chart.yAxis());
    QVERIFY(y); // log scale at start
    const double ratio = y->max() / y->min();
    QVERIFY2(std::log(ratio) / std::log(y->base()) >= 3,
             qPrintable(QStringLiteral("base %1 over %2 … %3").arg(y->base()).arg(y->min()).arg(y->max())));
    chart.resetZoom();
    QCOMPARE(chart.xAxis()->tickInterval(), fullStep);
}

// A million steps in batches as training delivers them: the chart keeps and draws at most kMaxPoints,
// the newest at full resolution, the x range still spans the run, and the smoothed value at the end is
// the exponential average of every point (computed here as the oracle).
void TestLossChart::millionPointsStayBounded()
{
    LossChart chart;
    chart.setSmoothing(0.9);
    double ema = 0;
    constexpr int n = 1'000'000, batch = 5000;
    for (int first = 0; first < n; first += batch) {
        const auto pts = lossCurve(first, batch);
        for (const QPointF& p : pts)
            ema = (first == 0 && p == pts.first()) ? p.y() : 0.9 * ema + 0.1 * p.y();
        chart.appendPoints(pts);
        QVERIFY(chart.rawPoints().size() <= LossChart::kMaxPoints);
    }
    QVERIFY(chart.rawSeries()->count() <= LossChart::kMaxPoints);
    QVERIFY(chart.smoothedSeries()->count() <= LossChart::kMaxPoints);
    const auto raw = chart.rawPoints();
    QCOMPARE(raw.last(), lossCurve(n - 1, 1).first()); // the newest point as it was
    QCOMPARE(raw[raw.size() - 2], lossCurve(n - 2, 1).first());
    QCOMPARE(raw.first().x(), 0.0); // still from the first step
    // Recent steps in full, older ones coarser but there: the first half of the run has points too.
    QVERIFY(std::count_if(raw.begin(), raw.end(), [](const QPointF& p) { return p.x() < n / 2; }) >= 100);
    QCOMPARE(chart.xAxis()->max(), double(n - 1));
    QVERIFY(std::abs(chart.smoothedPoints().last().y() - ema) < 1e-12);
    for (qsizetype i = 1; i < raw.size(); ++i)
        QVERIFY(raw[i].x() > raw[i - 1].x());
}

void TestLossChart::clearEmpties()
{
    LossChart chart;
    chart.appendPoints(lossCurve(0, 10));
    chart.clear();
    QVERIFY(chart.rawPoints().isEmpty());
    QVERIFY(chart.smoothedPoints().isEmpty());
    QCOMPARE(chart.rawSeries()->count(), 0);
    QCOMPARE(chart.smoothedSeries()->count(), 0);

    // The average starts afresh.
    chart.appendPoints({{5, 0.7}});
    QCOMPARE(chart.smoothedPoints().first().y(), 0.7);
}

// The empty chart says what will appear; the words go with the first point and come back with clear().
void TestLossChart::emptyTextOnlyWhileEmpty()
{
    LossChart chart;
    chart.resize(400, 300);
    const auto picture = [&chart] { return chart.grab().toImage(); };
    const QImage blank = picture();
    chart.setEmptyText(QStringLiteral("The loss appears here"));
    QCOMPARE(chart.emptyText(), QStringLiteral("The loss appears here"));
    const QImage worded = picture();
    QVERIFY(worded != blank); // drawn
    // The text is drawn in the plot's middle, where an empty chart has only its background.
    const QRect middle = chart.chart()->plotArea().toRect().adjusted(20, 20, -20, -20);
    QVERIFY(worded.copy(middle) != blank.copy(middle));

    chart.appendPoints(lossCurve(0, 50));
    QTest::qWait(LossChart::kRedrawIntervalMs + 50);
    const QImage withPoints = picture();
    chart.setEmptyText({});
    QCOMPARE(picture(), withPoints); // no words under the points
    chart.setEmptyText(QStringLiteral("The loss appears here"));
    chart.clear();
    const QImage cleared = picture();
    chart.setEmptyText({});
    QVERIFY(picture() != cleared); // the words are back
}

void TestLossChart::init()
{
    // Qt Charts warns when a log axis is handed a non-positive range; swapping axes must not do that.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Logarithms")));
}

// Points that stream in are kept at once and drawn at most every kRedrawIntervalMs: a burst of a
// hundred batches costs one redraw now and one when the interval has passed.
void TestLossChart::redrawsAreThrottled()
{
    LossChart chart;
    auto* drawn = qobject_cast<QXYSeries*>(chart.chart()->series().first()); // read without bringing it up to date
    QVERIFY(drawn);
    QElapsedTimer clock;
    clock.start();
    chart.appendPoints({QPointF(1, 1.0)});
    QCOMPARE(drawn->count(), 1); // the first one at once
    for (int i = 2; i <= 100; ++i)
        chart.appendPoints({QPointF(i, 1.0 / i)});
    QCOMPARE(chart.rawPoints().size(), 100);
    if (clock.elapsed() < LossChart::kRedrawIntervalMs / 2)
        QCOMPARE(drawn->count(), 1); // the rest waits
    QTRY_COMPARE_WITH_TIMEOUT(drawn->count(), 100, 5 * LossChart::kRedrawIntervalMs);
    QCOMPARE(chart.xAxis()->max(), 100.0);
    // The accessors bring a waiting redraw forward.
    chart.appendPoints({QPointF(101, 0.01)});
    QCOMPARE(chart.rawSeries()->count(), 101);
}

// On screen, a line holds one point per pixel column at most, the mean of the points in that column: a
// loss that alternates 0.02 and 0.08 step by step is drawn as 0.05 over a thousand steps, and as it is
// once zoomed in to a few steps. The kept points do not change.
void TestLossChart::onScreenOnePointPerPixelColumn()
{
    LossChart chart;
    chart.setLogScale(false);
    chart.setSmoothing(0.0);
    chart.resize(400, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVector<QPointF> alternating;
    for (int i = 0; i < 1000; ++i)
        alternating.append(QPointF(i, i % 2 == 0 ? 0.02 : 0.08));
    chart.appendPoints(alternating);
    const double width = chart.chart()->plotArea().width();
    QVERIFY2(width > 100 && width < 400, qPrintable(QString::number(width)));
    QTRY_VERIFY(chart.rawSeries()->count() <= width + 1);
    const QVector<QPointF> drawn = chart.rawSeries()->points();
    QVERIFY(drawn.size() >= width / 2);
    // Each column holds at least two whole steps; all but the last may hold an odd number of them.
    for (qsizetype i = 0; i + 1 < drawn.size(); ++i)
        QVERIFY2(std::abs(drawn[i].y() - 0.05) <= 0.03 / 3 + 1e-12,
                 qPrintable(QStringLiteral("column %1 at step %2: %3").arg(i).arg(drawn[i].x()).arg(drawn[i].y())));
    QCOMPARE(chart.smoothedSeries()->count(), drawn.size());
    QCOMPARE(chart.rawPoints(), alternating);

    chart.xAxis()->setRange(100, 120); // as a zoom leaves it
    QTRY_VERIFY(chart.rawSeries()->count() == alternating.size());
    QCOMPARE(chart.rawSeries()->at(101), QPointF(101, 0.08));

    chart.resetZoom();
    QTRY_VERIFY(chart.rawSeries()->count() <= width + 1);

    // A checkpoint's history: older steps as means of 64 steps each, then the newest steps one by one.
    // The newest are averaged over columns at least as wide as the older means, not a pixel: no more than
    // 2000 / 64 + 1 of them, none further from 0.05 than an odd 63 steps would put it (the chart's own
    // folding may pair the older means up and widen the columns further).
    chart.clear();
    QVector<QPointF> history;
    for (int b = 0; b < 300; ++b)
        history.append(QPointF(32 + 64 * b, 0.05));
    const int recentFrom = 64 * 300;
    for (int i = recentFrom; i < recentFrom + 2000; ++i)
        history.append(QPointF(i, i % 2 == 0 ? 0.02 : 0.08));
    chart.appendPoints(history);
    QTRY_VERIFY(chart.rawSeries()->count() <= width + 1);
    int recentColumns = 0;
    const QVector<QPointF> mixed = chart.rawSeries()->points();
    for (qsizetype i = 0; i + 1 < mixed.size(); ++i) {
        QVERIFY2(std::abs(mixed[i].y() - 0.05) <= 0.03 / 63 + 1e-12,
                 qPrintable(QStringLiteral("column %1 at step %2: %3").arg(i).arg(mixed[i].x()).arg(mixed[i].y())));
        recentColumns += mixed[i].x() >= recentFrom;
    }
    QVERIFY2(recentColumns >= 8 && recentColumns <= 2000 / 64 + 1, qPrintable(QString::number(recentColumns)));
}

// Training goes on behind another tab: the points that came meanwhile are drawn one per pixel column once
// the chart shows again, not as a band of every step (the chart's range has not changed, so nothing else
// would bin them).
void TestLossChart::pointsWhileHiddenBinnedWhenShown()
{
    QWidget window;
    auto* chart = new LossChart(&window);
    chart->setLogScale(false);
    chart->setSmoothing(0.0);
    chart->resize(400, 300);
    window.resize(400, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    chart->appendPoints({QPointF(0, 0.05), QPointF(1, 0.05)});
    const double width = chart->chart()->plotArea().width();
    QVERIFY2(width > 100 && width < 400, qPrintable(QString::number(width)));
    chart->hide();
    QVector<QPointF> alternating;
    for (int i = 2; i < 3000; ++i)
        alternating.append(QPointF(i, i % 2 == 0 ? 0.02 : 0.08));
    chart->appendPoints(alternating);
    QTRY_VERIFY(chart->rawSeries()->count() > width + 1); // off screen, every kept point as it is
    chart->show();
    QTRY_VERIFY2(chart->rawSeries()->count() <= width + 1, qPrintable(QString::number(chart->rawSeries()->count())));
    const QVector<QPointF> drawn = chart->rawSeries()->points();
    for (qsizetype i = 0; i + 1 < drawn.size(); ++i) // the last column may hold a step alone
        QVERIFY2(std::abs(drawn[i].y() - 0.05) <= 0.03 / 3 + 1e-12, qPrintable(QString::number(drawn[i].y())));
}

QTEST_MAIN(TestLossChart)
#include "tst_losschart.moc"
