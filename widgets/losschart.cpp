#include "losschart.h"

#include "chartaxes.h"

#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace {

const QColor kLossColor(31, 119, 180);

QVector<QPointF> positiveOnly(const QVector<QPointF>& points)
{
    QVector<QPointF> result;
    result.reserve(points.size());
    std::copy_if(points.cbegin(), points.cend(), std::back_inserter(result),
                 [](const QPointF& p) { return p.y() > 0.0; });
    return result;
}

} // namespace

LossChart::LossChart(QWidget* parent)
    : QChartView(new QChart, parent)
{
    QChart* chart = this->chart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignTop);

    m_rawSeries = new QLineSeries;
    m_rawSeries->setName(tr("Loss"));
    QColor faint = kLossColor;
    faint.setAlpha(70);
    m_rawSeries->setPen(QPen(faint, 1));

    m_smoothedSeries = new QLineSeries;
    m_smoothedSeries->setName(tr("Smoothed"));
    m_smoothedSeries->setPen(QPen(kLossColor, 2));

    chart->addSeries(m_rawSeries);
    chart->addSeries(m_smoothedSeries);

    m_xAxis = new QValueAxis;
    m_xAxis->setTitleText(tr("Step"));
    m_xAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    ChartAxes::keepTicksOnZoom(m_xAxis, 5, 1.0); // whole steps, as updateRanges() sets them
    m_rawSeries->attachAxis(m_xAxis);
    m_smoothedSeries->attachAxis(m_xAxis);

    createYAxis();
    updateRanges();

    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setToolTip(tr("Drag to zoom, right-click to zoom out, double-click to show everything"));
}

LossChart::~LossChart() = default;

void LossChart::createYAxis()
{
    const ChartAxes::Ranges r = dataRanges(m_logScale);
    m_yAxis = ChartAxes::replaceYAxis(chart(), m_yAxis, m_logScale, r.yMin, r.yMax, tr("Loss"), QStringLiteral("%.3g"),
                                      {m_rawSeries, m_smoothedSeries});
}

void LossChart::appendPoints(const QVector<QPointF>& raw)
{
    const double w = m_smoothing;
    bool added = false;
    for (const QPointF& p : raw) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        m_emaState = m_raw.isEmpty() ? p.y() : w * m_emaState + (1.0 - w) * p.y();
        m_raw.append(p);
        m_smoothed.append(QPointF(p.x(), m_emaState));
        added = true;
    }
    if (!added)
        return;
    updateSeries();
    updateRanges();
}

void LossChart::clear()
{
    m_raw.clear();
    m_smoothed.clear();
    m_emaState = 0.0;
    chart()->zoomReset();
    updateSeries();
    updateRanges();
}

QVector<QPointF> LossChart::rawPoints() const
{
    return m_raw;
}

QVector<QPointF> LossChart::smoothedPoints() const
{
    return m_smoothed;
}

void LossChart::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.999);
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    recomputeSmoothing();
    updateSeries();
    updateRanges();
}

double LossChart::smoothing() const
{
    return m_smoothing;
}

void LossChart::recomputeSmoothing()
{
    m_smoothed.clear();
    m_smoothed.reserve(m_raw.size());
    for (const QPointF& p : std::as_const(m_raw)) {
        m_emaState = m_smoothed.isEmpty() ? p.y() : m_smoothing * m_emaState + (1.0 - m_smoothing) * p.y();
        m_smoothed.append(QPointF(p.x(), m_emaState));
    }
}

void LossChart::setLogScale(bool logScale)
{
    if (logScale == m_logScale)
        return;
    m_logScale = logScale;
    chart()->zoomReset();
    updateSeries();
    createYAxis();
    updateRanges();
}

bool LossChart::isLogScale() const
{
    return m_logScale;
}

void LossChart::resetZoom()
{
    chart()->zoomReset();
    updateRanges();
}

QLineSeries* LossChart::rawSeries() const
{
    return m_rawSeries;
}

QLineSeries* LossChart::smoothedSeries() const
{
    return m_smoothedSeries;
}

QValueAxis* LossChart::xAxis() const
{
    return m_xAxis;
}

QAbstractAxis* LossChart::yAxis() const
{
    return m_yAxis;
}

void LossChart::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void LossChart::updateSeries()
{
    // One replace() per series: much faster than appending point by point.
    if (m_logScale) {
        m_rawSeries->replace(positiveOnly(m_raw));
        m_smoothedSeries->replace(positiveOnly(m_smoothed));
    } else {
        m_rawSeries->replace(m_raw);
        m_smoothedSeries->replace(m_smoothed);
    }
}

ChartAxes::Ranges LossChart::dataRanges(bool logScale) const
{
    ChartAxes::Ranges r{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                        std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
    for (const QPointF& p : std::as_const(m_raw)) {
        if (logScale && p.y() <= 0.0)
            continue;
        r.xMin = std::min(r.xMin, p.x());
        r.xMax = std::max(r.xMax, p.x());
        r.yMin = std::min(r.yMin, p.y());
        r.yMax = std::max(r.yMax, p.y());
    }
    if (r.xMin > r.xMax)
        r = ChartAxes::Ranges{0.0, 1.0, logScale ? 0.01 : 0.0, 1.0};
    if (r.xMax - r.xMin <= 0.0)
        r.xMax = r.xMin + 1.0;

    if (logScale) {
        if (r.yMax / r.yMin < 1.01) {
            r.yMin /= 1.5;
            r.yMax *= 1.5;
        }
        r.yMin /= 1.1;
        r.yMax *= 1.1;
    } else {
        const double span = r.yMax - r.yMin;
        const double pad = span > 0.0 ? 0.05 * span : std::max(std::abs(r.yMax) * 0.1, 0.1);
        // Losses are not negative: do not pad the axis below zero for them.
        r.yMin = r.yMin >= 0.0 ? std::max(0.0, r.yMin - pad) : r.yMin - pad;
        r.yMax += pad;
    }
    return r;
}

void LossChart::updateRanges()
{
    if (chart()->isZoomed())
        return; // the user is looking at a region; keep it until resetZoom()

    const ChartAxes::Ranges r = dataRanges(m_logScale);
    ChartAxes::setLinearRange(m_xAxis, r.xMin, r.xMax, 5, 1.0);
    ChartAxes::setRange(m_yAxis, r.yMin, r.yMax);
}
