#include "losschart.h"
#include <QGraphicsScene>
#include <QGraphicsLayout>

#include "chartaxes.h"

#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <vector>

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
    ChartAxes::localize(chart);
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
    m_redraw.setSingleShot(true);
    connect(&m_redraw, &QTimer::timeout, this, &LossChart::redrawNow);
    m_rebin.setSingleShot(true);
    connect(&m_rebin, &QTimer::timeout, this, &LossChart::updateSeries);
    const auto rebinOnScreen = [this] {
        if (isVisible())
            m_rebin.start();
    };
    connect(m_xAxis, &QValueAxis::rangeChanged, this, rebinOnScreen);
    connect(chart, &QChart::plotAreaChanged, this, rebinOnScreen);

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
        m_emaState = m_raw.isEmpty() ? p.y() : smoothedAfter(m_emaState, m_raw.last().x(), p, w);
        m_raw.append(p);
        m_smoothed.append(QPointF(p.x(), m_emaState));
        added = true;
    }
    if (!added)
        return;
    foldOlderPoints();
    scheduleRedraw();
}

void LossChart::scheduleRedraw()
{
    if (!m_sinceRedraw.isValid() || m_sinceRedraw.elapsed() >= kRedrawIntervalMs)
        return redrawNow();
    if (!m_redraw.isActive())
        m_redraw.start(static_cast<int>(kRedrawIntervalMs - m_sinceRedraw.elapsed()));
}

void LossChart::redrawNow()
{
    m_redraw.stop();
    m_sinceRedraw.restart();
    updateRanges(); // first: the lines are drawn per pixel column of the new range
    updateSeries();
    if (m_raw.isEmpty() != m_drawnEmpty) { // the empty text comes or goes
        m_drawnEmpty = m_raw.isEmpty();
        viewport()->update();
    }
}

void LossChart::setEmptyText(const QString& text)
{
    m_emptyText = text;
    viewport()->update();
}

void LossChart::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    if (!m_drawnEmpty || m_emptyText.isEmpty()) // as the lines were last drawn (redraws are throttled)
        return;
    painter->save();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(chart()->plotArea().adjusted(12, 0, -12, 0), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    painter->restore();
}

// A bounded number of points however long the run, as chart tools keep long series: the newest
// kRecentPoints at full resolution, older ones as one point per `m_stride` steps (at the first one's step,
// the mean of them), at most kOlderPoints of them: when there would be more, neighbours pair up and the
// stride doubles. A redraw then costs the same at step 1,000 and step 1,000,000, and the chart still
// starts at the run's first step. The average itself runs over every point (m_emaState).
void LossChart::foldOlderPoints()
{
    const qsizetype excess = m_raw.size() - m_older - kRecentPoints;
    if (excess <= 0)
        return;
    // The oldest recent points, `excess` of them, go into older points of m_stride steps each.
    QVector<QPointF> raw, smoothed;
    for (qsizetype i = m_older; i < m_older + excess; ++i) {
        if (m_fold.count == 0)
            m_fold.x = m_raw[i].x();
        m_fold.sumRaw += m_raw[i].y();
        m_fold.sumSmoothed += m_smoothed[i].y();
        if (++m_fold.count < m_stride)
            continue;
        const double n = static_cast<double>(m_fold.count);
        raw.append(QPointF(m_fold.x, m_fold.sumRaw / n));
        smoothed.append(QPointF(m_fold.x, m_fold.sumSmoothed / n));
        m_fold = {};
    }
    m_raw.remove(m_older, excess);
    m_smoothed.remove(m_older, excess);
    m_raw.insert(m_older, raw.size(), QPointF());
    m_smoothed.insert(m_older, smoothed.size(), QPointF());
    std::copy(raw.begin(), raw.end(), m_raw.begin() + m_older);
    std::copy(smoothed.begin(), smoothed.end(), m_smoothed.begin() + m_older);
    m_older += raw.size();
    while (m_older > kOlderPoints) {
        // Neighbours pair up (the first one's step, the mean of both); an odd last one stays.
        qsizetype out = 0;
        for (qsizetype i = 0; i < m_older; i += 2, ++out) {
            if (i + 1 < m_older) {
                m_raw[out] = QPointF(m_raw[i].x(), (m_raw[i].y() + m_raw[i + 1].y()) / 2.0);
                m_smoothed[out] = QPointF(m_smoothed[i].x(), (m_smoothed[i].y() + m_smoothed[i + 1].y()) / 2.0);
            } else {
                m_raw[out] = m_raw[i];
                m_smoothed[out] = m_smoothed[i];
            }
        }
        m_raw.remove(out, m_older - out);
        m_smoothed.remove(out, m_older - out);
        m_older = out;
        m_stride *= 2;
    }
}

void LossChart::clear()
{
    m_raw.clear();
    m_smoothed.clear();
    m_older = 0;
    m_stride = 1;
    m_fold = {};
    m_emaState = 0.0;
    chart()->zoomReset();
    redrawNow();
}

QImage LossChart::picture(const QSize& atLeast)
{
    if (m_redraw.isActive()) // points that came in since the last redraw
        redrawNow();
    if (isVisible())
        return grab().toImage();
    // Off screen its size means nothing: the chart is laid out at `atLeast` for the picture alone (the
    // layout is activated at once, so nothing is drawn at that size on screen), then as it was.
    QChart* c = chart();
    const QSizeF before = c->size();
    c->resize(atLeast);
    c->layout()->activate();
    QImage image(atLeast, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(atLeast)), c->mapRectToScene(c->rect()));
    }
    c->resize(before);
    c->layout()->activate();
    return image;
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
    weight = std::clamp(weight, 0.0, 1.0 - 1.0 / kMaxSmoothingWindow);
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    recomputeSmoothing();
    redrawNow();
}

double LossChart::smoothing() const
{
    return m_smoothing;
}

void LossChart::setSmoothingWindow(double steps)
{
    setSmoothing(1.0 - 1.0 / std::max(1.0, steps));
}

double LossChart::smoothingWindow() const
{
    return 1.0 / (1.0 - m_smoothing);
}

void LossChart::recomputeSmoothing()
{
    m_smoothed.clear();
    m_smoothed.reserve(m_raw.size());
    for (const QPointF& p : std::as_const(m_raw)) {
        m_emaState = m_smoothed.isEmpty() ? p.y() : smoothedAfter(m_emaState, m_smoothed.last().x(), p, m_smoothing);
        m_smoothed.append(QPointF(p.x(), m_emaState));
    }
}

double LossChart::smoothedAfter(double state, double previousStep, const QPointF& p, double weight)
{
    // A point k steps after the last weighs as k steps would: the thinned history's buckets of 64 steps
    // and the newest single steps are smoothed over the same number of steps.
    const double keep = std::pow(weight, std::max(1.0, p.x() - previousStep));
    return keep * state + (1.0 - keep) * p.y();
}

void LossChart::setLogScale(bool logScale)
{
    if (logScale == m_logScale)
        return;
    m_logScale = logScale;
    chart()->zoomReset();
    m_redraw.stop();
    m_sinceRedraw.restart();
    updateSeries(); // first: a log axis must not see the points it cannot show
    createYAxis();
    updateRanges(); // on screen the lines follow, per pixel column of the new range
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

QLineSeries* LossChart::rawSeries()
{
    if (m_redraw.isActive())
        redrawNow();
    return m_rawSeries;
}

QLineSeries* LossChart::smoothedSeries()
{
    if (m_redraw.isActive())
        redrawNow();
    return m_smoothedSeries;
}

QValueAxis* LossChart::xAxis()
{
    if (m_redraw.isActive())
        redrawNow();
    return m_xAxis;
}

QAbstractAxis* LossChart::yAxis()
{
    if (m_redraw.isActive())
        redrawNow();
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

// Points that came while the chart was hidden (training went on behind another tab) are in the series as
// they are (perPixelColumn knows no columns off screen): binned for the screen once it shows.
void LossChart::showEvent(QShowEvent* event)
{
    QChartView::showEvent(event);
    m_rebin.start();
}

void LossChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    if (isVisible())
        m_rebin.start();
}

void LossChart::updateSeries()
{
    m_rebin.stop();
    // One replace() per series: much faster than appending point by point.
    if (m_logScale) {
        m_rawSeries->replace(perPixelColumn(positiveOnly(m_raw)));
        m_smoothedSeries->replace(perPixelColumn(positiveOnly(m_smoothed)));
    } else {
        m_rawSeries->replace(perPixelColumn(m_raw));
        m_smoothedSeries->replace(perPixelColumn(m_smoothed));
    }
}

// The points as the plot can show them: where a column of the x range on screen holds several, one point at
// their mean step and mean loss. A column is a pixel wide, or as wide as the spacing of all but the finest
// 5 % of the points on screen where that is wider: the older points are means of many steps each (the
// checkpoint's buckets, the folds above), and the newest steps beside them must be averaged alike.
// Unchanged while the chart is not on screen or a column holds at most one step.
QVector<QPointF> LossChart::perPixelColumn(const QVector<QPointF>& points) const
{
    const double width = chart()->plotArea().width();
    const double x0 = m_xAxis->min(), x1 = m_xAxis->max();
    if (!isVisible() || width < 1.0 || !(x1 > x0))
        return points;
    std::vector<double> gaps;
    for (qsizetype i = 1; i < points.size(); ++i)
        if (points[i].x() >= x0 && points[i - 1].x() <= x1)
            gaps.push_back(points[i].x() - points[i - 1].x());
    double stepsPerColumn = (x1 - x0) / width;
    if (!gaps.empty()) {
        const auto q95 = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() * 95 / 100);
        std::nth_element(gaps.begin(), q95, gaps.end());
        stepsPerColumn = std::max(stepsPerColumn, *q95);
    }
    if (!(stepsPerColumn > 1.0))
        return points;
    QVector<QPointF> out;
    out.reserve(static_cast<qsizetype>(width) + 2);
    double sumX = 0, sumY = 0, column = 0;
    int n = 0;
    for (const QPointF& p : points) {
        const double c = std::floor((p.x() - x0) / stepsPerColumn);
        if (n > 0 && c != column) {
            out.append(QPointF(sumX / n, sumY / n));
            sumX = sumY = 0;
            n = 0;
        }
        column = c;
        sumX += p.x();
        sumY += p.y();
        ++n;
    }
    if (n > 0)
        out.append(QPointF(sumX / n, sumY / n));
    return out;
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

    ChartAxes::padY(r, logScale, 1.1, 0.05, /*floorAtZero=*/true); // losses are not negative
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
