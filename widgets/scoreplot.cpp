#include "scoreplot.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

ScorePlot::ScorePlot(QWidget* parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(false);
}

void ScorePlot::setExtent(double extent)
{
    m_extent = std::max(1e-3, extent);
    update();
}

void ScorePlot::setDensity(const QImage& density)
{
    m_density = density;
    update();
}

void ScorePlot::setArrows(int set, const QVector<QPointF>& origins, const QVector<QPointF>& vectors, double spacing)
{
    if (set < 0 || set >= kArrowSets)
        return;
    m_arrows[set] = {origins, vectors.mid(0, origins.size()), spacing};
    update();
}

void ScorePlot::setDataPoints(const QVector<QPointF>& points)
{
    m_data = points;
    update();
}

void ScorePlot::setParticles(const QVector<QPointF>& points)
{
    m_particles = points;
    update();
}

void ScorePlot::setDrawingEnabled(bool enabled)
{
    m_drawing = enabled;
    setCursor(enabled ? Qt::CrossCursor : Qt::ArrowCursor);
}

QColor ScorePlot::arrowColor(int set)
{
    return set == 0 ? QColor(20, 20, 20) : QColor(0, 150, 230);
}

QRectF ScorePlot::plotRect() const
{
    const double side = std::max(10, std::min(width(), height()) - 8);
    return QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side);
}

QPointF ScorePlot::toPlane(const QPointF& w) const
{
    const QRectF r = plotRect();
    return QPointF(-m_extent + 2.0 * m_extent * (w.x() - r.left()) / r.width(),
                   m_extent - 2.0 * m_extent * (w.y() - r.top()) / r.height());
}

QPointF ScorePlot::toWidget(const QPointF& p) const
{
    const QRectF r = plotRect();
    return QPointF(r.left() + (p.x() + m_extent) / (2.0 * m_extent) * r.width(),
                   r.top() + (m_extent - p.y()) / (2.0 * m_extent) * r.height());
}

void ScorePlot::paintArrows(QPainter& p, int set) const
{
    const Arrows& a = m_arrows[set];
    if (a.origins.isEmpty())
        return;
    // The longest arrows (the 95th percentile, so that one huge vector does not shrink all others)
    // are drawn one grid spacing long; longer ones are clamped there.
    QVector<double> lengths;
    lengths.reserve(a.vectors.size());
    for (const QPointF& v : a.vectors)
        lengths << std::hypot(v.x(), v.y());
    QVector<double> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    const double ref = sorted.isEmpty() ? 0.0 : sorted[static_cast<int>(0.95 * (sorted.size() - 1))];
    if (!(ref > 0.0) || !std::isfinite(ref))
        return;
    const double pixelsPerUnit = plotRect().width() / (2.0 * m_extent);
    const double maxPixels = 0.9 * a.spacing * pixelsPerUnit;
    p.setPen(QPen(arrowColor(set), set == 0 ? 1.3 : 1.1));
    p.setBrush(arrowColor(set));
    for (int i = 0; i < a.origins.size() && i < a.vectors.size(); ++i) {
        if (!std::isfinite(lengths[i]) || lengths[i] <= 0.0)
            continue;
        const double pixels = std::min(maxPixels, maxPixels * lengths[i] / ref);
        const QPointF from = toWidget(a.origins[i]);
        const QPointF dir(a.vectors[i].x() / lengths[i], -a.vectors[i].y() / lengths[i]); // y grows downwards
        const QPointF to = from + dir * pixels;
        p.drawLine(from, to);
        const double head = std::min(4.0, 0.35 * pixels);
        if (head >= 1.0) {
            const QPointF side(-dir.y(), dir.x());
            QPainterPath tip;
            tip.moveTo(to);
            tip.lineTo(to - dir * head + side * head * 0.5);
            tip.lineTo(to - dir * head - side * head * 0.5);
            tip.closeSubpath();
            p.drawPath(tip);
        }
    }
}

void ScorePlot::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = plotRect();
    p.fillRect(r, Qt::white);
    if (!m_density.isNull())
        p.drawImage(r, m_density);
    // Axes through the origin and a frame.
    p.setPen(QPen(QColor(0, 0, 0, 60), 1, Qt::DashLine));
    p.drawLine(toWidget({-m_extent, 0}), toWidget({m_extent, 0}));
    p.drawLine(toWidget({0, -m_extent}), toWidget({0, m_extent}));
    p.setPen(QPen(QColor(0, 0, 0, 120), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    p.setClipRect(r);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(90, 90, 90, 70));
    for (const QPointF& d : m_data)
        p.drawEllipse(toWidget(d), 1.5, 1.5);
    for (int set = kArrowSets - 1; set >= 0; --set)
        paintArrows(p, set);
    p.setPen(QPen(QColor(120, 0, 0, 200), 0.8));
    p.setBrush(QColor(230, 40, 40, 200));
    for (const QPointF& q : m_particles)
        p.drawEllipse(toWidget(q), 2.2, 2.2);
}

void ScorePlot::addPointAt(const QPointF& widgetPos)
{
    if (!m_drawing || !plotRect().contains(widgetPos))
        return;
    const QPointF plane = toPlane(widgetPos);
    // A drag adds points a little apart, not one per mouse event.
    if (std::hypot(plane.x() - m_lastAdded.x(), plane.y() - m_lastAdded.y()) < 0.02 * m_extent)
        return;
    m_lastAdded = plane;
    Q_EMIT pointAdded(plane);
}

void ScorePlot::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_lastAdded = QPointF(1e9, 1e9);
        addPointAt(event->position());
    }
    QWidget::mousePressEvent(event);
}

void ScorePlot::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        addPointAt(event->position());
    QWidget::mouseMoveEvent(event);
}
