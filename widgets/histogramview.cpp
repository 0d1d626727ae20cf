#include "histogramview.h"

#include "chartaxes.h"

#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {

const QColor kBarColor(70, 130, 180, 190);
const QColor kNormalColor(214, 39, 40);
constexpr int kPad = 6; // around the header and the plot

double normalDensity(double x)
{
    constexpr double invSqrt2Pi = 0.39894228040143267794;
    return invSqrt2Pi * std::exp(-0.5 * x * x);
}

QString tickText(double value, double step)
{
    if (std::abs(value) < step * 1e-6)
        value = 0.0;
    const int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

HistogramView::HistogramView(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

HistogramView::~HistogramView() = default;

void HistogramView::setValues(const QVector<float>& values, int bins, double lo, double hi)
{
    if (bins < 1 || !(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi)) {
        clear();
        return;
    }
    m_lo = lo;
    m_hi = hi;
    QVector<qint64> counts(bins, 0);
    const double width = (hi - lo) / bins;
    qint64 count = 0;
    qint64 outside = 0;
    double sum = 0.0;
    double sumSquares = 0.0;
    for (const float value : values) {
        if (!std::isfinite(value))
            continue;
        const double v = value;
        ++count;
        sum += v;
        sumSquares += v * v;
        if (v < lo || v > hi) {
            ++outside;
            continue;
        }
        const int index = std::min(bins - 1, int((v - lo) / width));
        ++counts[index];
    }

    m_count = count;
    m_outside = outside;
    m_mean = count > 0 ? sum / double(count) : 0.0;
    m_std = count > 0 ? std::sqrt(std::max(0.0, sumSquares / double(count) - m_mean * m_mean)) : 0.0;
    m_densities.fill(0.0, bins);
    if (count > 0) {
        for (int i = 0; i < bins; ++i)
            m_densities[i] = double(counts[i]) / (double(count) * width);
    }
    update();
}

void HistogramView::clear()
{
    m_densities.clear();
    m_count = 0;
    m_outside = 0;
    m_mean = 0.0;
    m_std = 0.0;
    update();
}

QVector<double> HistogramView::binDensities() const
{
    return m_densities;
}

int HistogramView::binCount() const
{
    return int(m_densities.size());
}

double HistogramView::rangeLow() const
{
    return m_lo;
}

double HistogramView::rangeHigh() const
{
    return m_hi;
}

double HistogramView::binWidth() const
{
    return m_densities.isEmpty() ? 0.0 : (m_hi - m_lo) / double(m_densities.size());
}

qint64 HistogramView::sampleCount() const
{
    return m_count;
}

qint64 HistogramView::outsideCount() const
{
    return m_outside;
}

double HistogramView::mean() const
{
    return m_mean;
}

double HistogramView::standardDeviation() const
{
    return m_std;
}

void HistogramView::setTitle(const QString& title)
{
    m_title = title;
    update();
}

QString HistogramView::title() const
{
    return m_title;
}

void HistogramView::setNormalCurveVisible(bool visible)
{
    m_showNormal = visible;
    update();
}

bool HistogramView::isNormalCurveVisible() const
{
    return m_showNormal;
}

QSize HistogramView::sizeHint() const
{
    return QSize(360, 220);
}

QSize HistogramView::minimumSizeHint() const
{
    return QSize(160, 100);
}

void HistogramView::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(rect(), palette().color(QPalette::Base));

    const QRect header = drawHeader(painter);
    if (m_densities.isEmpty() || m_count == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(0, header.bottom(), 0, 0), Qt::AlignCenter, tr("No values"));
        return;
    }

    double yMax = *std::max_element(m_densities.cbegin(), m_densities.cend());
    if (m_showNormal)
        yMax = std::max(yMax, normalDensity(std::clamp(0.0, m_lo, m_hi)));
    yMax = yMax > 0.0 ? yMax * 1.08 : 1.0;
    const double yStep = ChartAxes::niceStep(yMax, 4);

    const QFontMetrics metrics = fontMetrics();
    const int lineHeight = metrics.height();
    int yLabelWidth = 0;
    for (double y = 0.0; y <= yMax + 1e-12; y += yStep)
        yLabelWidth = std::max(yLabelWidth, metrics.horizontalAdvance(tickText(y, yStep)));

    const QRect area(kPad + yLabelWidth + 6, header.bottom() + kPad + lineHeight / 2,
                     std::max(10, width() - (kPad + yLabelWidth + 6) - kPad - metrics.averageCharWidth()),
                     std::max(10, height() - header.bottom() - kPad - lineHeight / 2 - lineHeight - 8));
    const Plot plot{area, m_lo, m_hi, yMax};
    drawGrid(painter, plot, yStep, yLabelWidth);
    drawBars(painter, plot);
    if (m_showNormal)
        drawNormalCurve(painter, plot);
    drawXAxis(painter, plot);
}

// Title on the left, statistics on the right; the statistics on a line of their own below the title
// where both do not fit side by side. Returns where the header lies.
QRect HistogramView::drawHeader(QPainter& painter) const
{
    const QFontMetrics metrics = fontMetrics();
    QRect header(kPad, kPad / 2, width() - 2 * kPad, metrics.height());
    painter.setPen(palette().color(QPalette::Text));
    QString stats;
    if (m_count > 0) {
        stats = tr("n = %1   mean %2   std %3")
                    .arg(m_count)
                    .arg(QLocale().toString(m_mean, 'f', 3))
                    .arg(QLocale().toString(m_std, 'f', 3));
        if (m_outside > 0)
            stats += QStringLiteral("   ") + tr("%n outside", nullptr, int(m_outside));
    }
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int statsWidth = std::min(metrics.horizontalAdvance(stats), header.width());
    const bool twoLines = !m_title.isEmpty() && !stats.isEmpty() &&
                          boldMetrics.horizontalAdvance(m_title) + kPad + statsWidth > header.width();
    const QRect statsRect = twoLines ? header.translated(0, metrics.height()) : header;
    painter.drawText(statsRect, Qt::AlignRight | Qt::AlignVCenter,
                     metrics.elidedText(stats, Qt::ElideRight, header.width()));
    if (!m_title.isEmpty()) {
        painter.setFont(bold);
        const int titleWidth = twoLines ? header.width() : std::max(0, header.width() - statsWidth - kPad);
        painter.drawText(QRect(header.left(), header.top(), titleWidth, header.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, boldMetrics.elidedText(m_title, Qt::ElideRight, titleWidth));
        painter.setFont(font());
    }
    return twoLines ? header.united(statsRect) : header;
}

// Grid lines and y ticks, the labels right-aligned in the labelWidth left of the plot.
void HistogramView::drawGrid(QPainter& painter, const Plot& plot, double yStep, int labelWidth) const
{
    const int lineHeight = fontMetrics().height();
    const QColor textColor = palette().color(QPalette::Text);
    const QColor gridColor = palette().color(QPalette::Mid);
    for (double y = 0.0; y <= plot.yMax + 1e-12; y += yStep) {
        const double py = plot.mapY(y);
        QColor faint = gridColor;
        faint.setAlpha(80);
        painter.setPen(QPen(faint, 1));
        painter.drawLine(QPointF(plot.area.left(), py), QPointF(plot.area.right(), py));
        painter.setPen(textColor);
        painter.drawText(QRectF(kPad, py - lineHeight / 2.0, labelWidth, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                         tickText(y, yStep));
    }
}

void HistogramView::drawBars(QPainter& painter, const Plot& plot) const
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(kBarColor);
    const double barWidth = double(plot.area.width()) / m_densities.size();
    const double gap = barWidth > 4.0 ? 1.0 : 0.0;
    for (int i = 0; i < m_densities.size(); ++i) {
        if (m_densities[i] <= 0.0)
            continue;
        const double x0 = plot.area.left() + i * barWidth;
        const double top = plot.mapY(std::min(m_densities[i], plot.yMax));
        painter.drawRect(QRectF(x0 + gap / 2, top, barWidth - gap, plot.area.bottom() - top));
    }
}

// The N(0, 1) density over the bars, with its legend in the top right corner of the plot.
void HistogramView::drawNormalCurve(QPainter& painter, const Plot& plot) const
{
    QPainterPath path;
    const int samples = std::max(2, plot.area.width() / 2);
    for (int i = 0; i <= samples; ++i) {
        const double x = m_lo + (m_hi - m_lo) * i / samples;
        const QPointF point(plot.mapX(x), plot.mapY(normalDensity(x)));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(kNormalColor, 2));
    painter.drawPath(path);

    const QFontMetrics metrics = fontMetrics();
    const int lineHeight = metrics.height();
    const QString legend = tr("N(0, 1)");
    const int legendWidth = metrics.horizontalAdvance(legend);
    const int lx = plot.area.right() - legendWidth - 28;
    const int ly = plot.area.top() + lineHeight / 2 + 2;
    painter.drawLine(lx, ly, lx + 20, ly);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(lx + 24, ly - lineHeight / 2, legendWidth + 2, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     legend);
}

// The axes, and ticks on x at a step that keeps their labels about 60 px apart.
void HistogramView::drawXAxis(QPainter& painter, const Plot& plot) const
{
    const QFontMetrics metrics = fontMetrics();
    const QRect& area = plot.area;
    painter.setPen(QPen(palette().color(QPalette::Text), 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());
    const double xStep = ChartAxes::niceStep(m_hi - m_lo, std::max(2, area.width() / 60));
    for (double x = std::ceil(m_lo / xStep) * xStep; x <= m_hi + 1e-9; x += xStep) {
        const double px = plot.mapX(x);
        painter.drawLine(QPointF(px, area.bottom()), QPointF(px, area.bottom() + 3));
        const QString text = tickText(x, xStep);
        const int textWidth = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(px - textWidth / 2.0 - 2, area.bottom() + 4, textWidth + 4, metrics.height()),
                         Qt::AlignCenter, text);
    }
}
