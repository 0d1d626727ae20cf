#include "curvechart.h"

#include "chartaxes.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

CurveChart::CurveChart(QWidget* parent)
    : QChartView(new QChart, parent)
{
    QChart* chart = this->chart();
    ChartAxes::localize(chart);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // a curve's stroke, not a square

    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%.6g"));
    m_xAxis = x;
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    ChartAxes::keepTicksOnZoom(m_xAxis); // the defaults updateRanges() uses

    m_markerSeries = new QLineSeries;
    m_markerSeries->setName(tr("Marker"));
    QPen markerPen(QColor(90, 90, 90), 1.5, Qt::DashLine);
    m_markerSeries->setPen(markerPen);
    m_markerSeries->setVisible(false);
    chart->addSeries(m_markerSeries);
    m_markerSeries->attachAxis(m_xAxis);
    hideMarkerFromLegend();

    createYAxis();
    updateRanges();
    setRenderHint(QPainter::Antialiasing);
}

CurveChart::~CurveChart() = default;

void CurveChart::createYAxis()
{
    const ChartAxes::Ranges r = dataRanges(m_logY);
    QList<QAbstractSeries*> series(m_series.cbegin(), m_series.cend());
    series.append(m_markerSeries);
    m_yAxis =
        ChartAxes::replaceYAxis(chart(), m_yAxis, m_logY, r.yMin, r.yMax, m_yTitle, QStringLiteral("%.6g"), series);
}

void CurveChart::setCurves(const QList<Curve>& curves)
{
    m_curves = curves;
    rebuildSeries();
    updateRanges();
}

QList<Curve> CurveChart::curves() const
{
    return m_curves;
}

void CurveChart::rebuildSeries()
{
    removeCurveSeries();

    // The marker goes last so that it is drawn over the curves.
    chart()->removeSeries(m_markerSeries);

    for (const Curve& curve : std::as_const(m_curves)) {
        auto* series = new QLineSeries;
        series->setName(curve.name);
        QVector<QPointF> points;
        points.reserve(curve.points.size());
        for (const QPointF& p : curve.points) {
            if (shown(p, m_logY))
                points.append(p);
        }
        series->replace(points);
        chart()->addSeries(series);
        if (curve.color.isValid())
            series->setPen(QPen(curve.color, 2));
        else
            series->setPen(QPen(series->color(), 2));
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        m_series.append(series);
    }

    chart()->addSeries(m_markerSeries);
    m_markerSeries->attachAxis(m_xAxis);
    m_markerSeries->attachAxis(m_yAxis);
    hideMarkerFromLegend();
    chart()->legend()->setVisible(
        std::any_of(m_curves.cbegin(), m_curves.cend(), [](const Curve& c) { return !c.name.isEmpty(); }));
}

void CurveChart::removeCurveSeries()
{
    for (QLineSeries* series : std::as_const(m_series)) {
        chart()->removeSeries(series);
        delete series;
    }
    m_series.clear();
}

void CurveChart::setLogY(bool logY)
{
    if (logY == m_logY)
        return;
    m_logY = logY;
    removeCurveSeries(); // the curves and the marker may hold values a log axis cannot show
    m_markerSeries->clear();
    createYAxis();
    rebuildSeries();
    updateRanges();
}

bool CurveChart::isLogY() const
{
    return m_logY;
}

void CurveChart::setLogX(bool logX)
{
    if (logX == m_logX)
        return;
    m_logX = logX;
    removeCurveSeries(); // the curves and the marker may hold values a log axis cannot show
    m_markerSeries->clear();
    const QString title = m_xAxis->titleText();
    const ChartAxes::Ranges r = dataRanges(m_logY);
    if (logX) // the old axis takes the new range first: a log domain warns about a non-positive minimum
        m_xAxis->setRange(r.xMin, r.xMax);
    chart()->removeAxis(m_xAxis);
    delete m_xAxis;
    if (logX) {
        auto* axis = new QLogValueAxis;
        ChartAxes::setLogRange(axis, r.xMin, r.xMax);
        m_xAxis = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%.6g"));
        ChartAxes::setLinearRange(axis, r.xMin, r.xMax);
        m_xAxis = axis;
    }
    m_xAxis->setTitleText(title);
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    ChartAxes::keepTicksOnZoom(m_xAxis);
    m_markerSeries->attachAxis(m_xAxis);
    rebuildSeries();
    updateRanges();
}

bool CurveChart::isLogX() const
{
    return m_logX;
}

bool CurveChart::shown(const QPointF& p, bool logY) const
{
    return std::isfinite(p.x()) && std::isfinite(p.y()) && (!logY || p.y() > 0.0) && (!m_logX || p.x() > 0.0);
}

void CurveChart::setAxisTitles(const QString& x, const QString& y)
{
    m_xAxis->setTitleText(x);
    m_yTitle = y;
    m_yAxis->setTitleText(y);
}

void CurveChart::setMarker(double x)
{
    m_hasMarker = std::isfinite(x);
    m_markerX = x;
    updateMarker();
}

void CurveChart::clearMarker()
{
    m_hasMarker = false;
    updateMarker();
}

bool CurveChart::hasMarker() const
{
    return m_hasMarker;
}

double CurveChart::markerX() const
{
    return m_markerX;
}

QList<QLineSeries*> CurveChart::curveSeries() const
{
    return m_series;
}

QLineSeries* CurveChart::markerSeries() const
{
    return m_markerSeries;
}

QAbstractAxis* CurveChart::xAxis() const
{
    return m_xAxis;
}

QAbstractAxis* CurveChart::yAxis() const
{
    return m_yAxis;
}

double CurveChart::yAxisMin() const
{
    if (m_logY)
        return static_cast<QLogValueAxis*>(m_yAxis)->min();
    return static_cast<QValueAxis*>(m_yAxis)->min();
}

double CurveChart::yAxisMax() const
{
    if (m_logY)
        return static_cast<QLogValueAxis*>(m_yAxis)->max();
    return static_cast<QValueAxis*>(m_yAxis)->max();
}

void CurveChart::hideMarkerFromLegend()
{
    // A legend marker follows its series' visibility, so this is needed after every show.
    for (QLegendMarker* marker : chart()->legend()->markers(m_markerSeries))
        marker->setVisible(false);
}

void CurveChart::updateMarker()
{
    if (!m_hasMarker) {
        m_markerSeries->clear();
        m_markerSeries->setVisible(false);
        return;
    }
    m_markerSeries->replace(QVector<QPointF>{QPointF(m_markerX, yAxisMin()), QPointF(m_markerX, yAxisMax())});
    m_markerSeries->setVisible(true);
    hideMarkerFromLegend();
}

ChartAxes::Ranges CurveChart::dataRanges(bool logY) const
{
    ChartAxes::Ranges r{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                        std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
    for (const Curve& curve : std::as_const(m_curves)) {
        for (const QPointF& p : curve.points) {
            if (!shown(p, logY))
                continue;
            r.xMin = std::min(r.xMin, p.x());
            r.xMax = std::max(r.xMax, p.x());
            r.yMin = std::min(r.yMin, p.y());
            r.yMax = std::max(r.yMax, p.y());
        }
    }
    if (r.xMin > r.xMax)
        r = ChartAxes::Ranges{m_logX ? 1.0 : 0.0, m_logX ? 10.0 : 1.0, logY ? 0.01 : 0.0, 1.0};
    if (r.xMax - r.xMin <= 0.0) {
        r.xMin = m_logX ? r.xMin / 2.0 : r.xMin - 0.5;
        r.xMax = m_logX ? r.xMax * 2.0 : r.xMax + 0.5;
    }
    ChartAxes::padY(r, logY, 1.2, 0.03);
    return r;
}

void CurveChart::updateRanges()
{
    const ChartAxes::Ranges r = dataRanges(m_logY);
    ChartAxes::setRange(m_xAxis, r.xMin, r.xMax);
    ChartAxes::setRange(m_yAxis, r.yMin, r.yMax);
    updateMarker();
}
