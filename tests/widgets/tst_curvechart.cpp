#include "curvechart.h"

#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QRegularExpression>
#include <QTest>
#include <QValueAxis>

#include <cmath>

namespace {

// Linear β schedule and its ᾱ, T = 100 (Ho et al. 2020, §4).
QList<Curve> scheduleCurves()
{
    QVector<QPointF> beta;
    QVector<QPointF> alphaBar;
    double product = 1.0;
    for (int t = 1; t <= 100; ++t) {
        const double b = 1e-4 + (0.02 - 1e-4) * (t - 1) / 99.0;
        product *= 1.0 - b;
        beta.append(QPointF(t, b));
        alphaBar.append(QPointF(t, product));
    }
    return {Curve{QStringLiteral("beta"), beta, QColor(Qt::red)},
            Curve{QStringLiteral("alpha bar"), alphaBar, QColor()}};
}

} // namespace

class TestCurveChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void setCurvesCreatesSeries();
    void replacingCurvesRemovesOldSeries();
    void logYSwapsAxisAndSkipsNonPositive();
    void logXSwapsAxisAndSkipsNonPositive();
    void axisTitles();
    void marker_data();
    void marker();
};

void TestCurveChart::setCurvesCreatesSeries()
{
    CurveChart chart;
    const QList<Curve> curves = scheduleCurves();
    chart.setCurves(curves);

    const QList<QLineSeries*> series = chart.curveSeries();
    QCOMPARE(series.size(), 2);
    QCOMPARE(series[0]->name(), QStringLiteral("beta"));
    QCOMPARE(series[1]->name(), QStringLiteral("alpha bar"));
    QCOMPARE(series[0]->points(), curves[0].points);
    QCOMPARE(series[1]->points(), curves[1].points);
    QCOMPARE(series[0]->pen().color(), QColor(Qt::red));
    QCOMPARE(chart.curves().size(), 2);

    auto* x = qobject_cast<QValueAxis*>(chart.xAxis());
    QVERIFY(x);
    QCOMPARE(x->min(), 1.0);
    QCOMPARE(x->max(), 100.0);
    auto* y = qobject_cast<QValueAxis*>(chart.yAxis());
    QVERIFY(y);
    QVERIFY(y->min() <= 1e-4);
    QVERIFY(y->max() >= 1.0 - 1e-4);
}

void TestCurveChart::replacingCurvesRemovesOldSeries()
{
    CurveChart chart;
    chart.setCurves(scheduleCurves());
    chart.setCurves({Curve{QStringLiteral("log-SNR"), {{1, 9.2}, {50, 0.1}, {100, -9.0}}, QColor()}});
    QCOMPARE(chart.curveSeries().size(), 1);
    // Curves plus the (hidden) marker.
    QCOMPARE(chart.chart()->series().size(), 2);
    auto* y = qobject_cast<QValueAxis*>(chart.yAxis());
    QVERIFY(y->min() <= -9.0);
    QVERIFY(y->max() >= 9.2);
}

void TestCurveChart::logYSwapsAxisAndSkipsNonPositive()
{
    CurveChart chart;
    chart.setAxisTitles(QStringLiteral("t"), QStringLiteral("value"));
    chart.setCurves({Curve{QStringLiteral("c"), {{0, 0.0}, {1, 1e-3}, {2, -1.0}, {3, 0.5}}, QColor()}});
    QCOMPARE(chart.curveSeries().first()->count(), 4);
    chart.setMarker(2.0); // its line reaches below zero on the linear axis

    chart.setLogY(true);
    QVERIFY(chart.isLogY());
    QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 1);
    QCOMPARE(chart.yAxis()->titleText(), QStringLiteral("value"));
    QCOMPARE(chart.curveSeries().first()->points(), QVector<QPointF>({{1, 1e-3}, {3, 0.5}}));
    auto* log = qobject_cast<QLogValueAxis*>(chart.yAxis());
    QVERIFY(log->min() > 0.0 && log->min() <= 1e-3);
    QVERIFY(log->max() >= 0.5);
    QCOMPARE(chart.markerSeries()->at(0).y(), log->min());

    chart.setLogY(false);
    QCOMPARE(chart.yAxis()->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(chart.curveSeries().first()->count(), 4);
}

// A log x axis (the bound's terms against t): points at x <= 0 go, the title stays, the range covers the
// rest, and the marker and the curves are on the new axis; back to linear, all points return.
void TestCurveChart::logXSwapsAxisAndSkipsNonPositive()
{
    CurveChart chart;
    chart.setAxisTitles(QStringLiteral("t"), QStringLiteral("value"));
    chart.setCurves({Curve{QStringLiteral("c"), {{0, 1.0}, {1, 2.0}, {10, 3.0}, {1000, 4.0}}, QColor()}});
    chart.setMarker(10.0);
    chart.setLogX(true);
    QVERIFY(chart.isLogX());
    QCOMPARE(chart.xAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(chart.chart()->axes(Qt::Horizontal).size(), 1);
    QCOMPARE(chart.xAxis()->titleText(), QStringLiteral("t"));
    QCOMPARE(chart.curveSeries().first()->points(), QVector<QPointF>({{1, 2.0}, {10, 3.0}, {1000, 4.0}}));
    auto* log = qobject_cast<QLogValueAxis*>(chart.xAxis());
    QVERIFY(log->min() > 0.0 && log->min() <= 1.0);
    QVERIFY(log->max() >= 1000.0);
    QVERIFY(chart.curveSeries().first()->attachedAxes().contains(chart.xAxis()));
    QVERIFY(chart.markerSeries()->attachedAxes().contains(chart.xAxis()));
    QCOMPARE(chart.markerSeries()->at(0).x(), 10.0);
    chart.setLogX(false);
    QCOMPARE(chart.xAxis()->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(chart.curveSeries().first()->count(), 4);
}

void TestCurveChart::axisTitles()
{
    CurveChart chart;
    chart.setAxisTitles(QStringLiteral("timestep t"), QStringLiteral("beta"));
    QCOMPARE(chart.xAxis()->titleText(), QStringLiteral("timestep t"));
    QCOMPARE(chart.yAxis()->titleText(), QStringLiteral("beta"));
}

void TestCurveChart::marker_data()
{
    QTest::addColumn<bool>("logY");
    QTest::addColumn<double>("x");
    QTest::newRow("linear") << false << 37.0;
    QTest::newRow("log") << true << 80.0;
}

void TestCurveChart::marker()
{
    QFETCH(bool, logY);
    QFETCH(double, x);

    CurveChart chart;
    chart.setLogY(logY);
    chart.setCurves(scheduleCurves());
    QVERIFY(!chart.hasMarker());
    QVERIFY(!chart.markerSeries()->isVisible());

    chart.setMarker(x);
    QVERIFY(chart.hasMarker());
    QCOMPARE(chart.markerX(), x);
    QLineSeries* marker = chart.markerSeries();
    QVERIFY(marker->isVisible());
    QCOMPARE(marker->count(), 2);
    QCOMPARE(marker->at(0).x(), x);
    QCOMPARE(marker->at(1).x(), x);

    // Spans the whole y axis.
    double yMin = 0.0;
    double yMax = 0.0;
    if (logY) {
        auto* axis = qobject_cast<QLogValueAxis*>(chart.yAxis());
        yMin = axis->min();
        yMax = axis->max();
    } else {
        auto* axis = qobject_cast<QValueAxis*>(chart.yAxis());
        yMin = axis->min();
        yMax = axis->max();
    }
    QCOMPARE(marker->at(0).y(), yMin);
    QCOMPARE(marker->at(1).y(), yMax);

    // Not in the legend (checked once the chart has been laid out), still there after new curves.
    chart.resize(400, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCoreApplication::processEvents();
    const QList<QLegendMarker*> legendMarkers = chart.chart()->legend()->markers(marker);
    QCOMPARE(legendMarkers.size(), 1);
    QVERIFY(!legendMarkers.first()->isVisible());
    QCOMPARE(chart.chart()->legend()->markers(chart.curveSeries().first()).first()->isVisible(), true);
    chart.setCurves(scheduleCurves());
    QVERIFY(chart.markerSeries()->isVisible());
    QCOMPARE(chart.markerSeries()->at(0).x(), x);

    chart.clearMarker();
    QVERIFY(!chart.hasMarker());
    QVERIFY(!chart.markerSeries()->isVisible());
}

void TestCurveChart::init()
{
    // Qt Charts warns when a log axis is handed a non-positive range; swapping axes must not do that.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Logarithms")));
}

QTEST_MAIN(TestCurveChart)
#include "tst_curvechart.moc"
