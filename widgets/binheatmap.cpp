#include "binheatmap.h"

#include "chartaxes.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace {

constexpr int kPad = 6;
constexpr int kLegendBarWidth = 12;
constexpr int kTickLength = 4; // the colour bar's ticks
constexpr int kTickGap = 4;    // between a tick and its label

bool isValidLoss(double loss)
{
    return std::isfinite(loss) && loss > 0.0;
}

// Viridis, sampled at nine points and interpolated linearly.
QColor viridis(double t)
{
    static const QColor stops[] = {
        QColor(68, 1, 84),    QColor(71, 44, 122), QColor(59, 81, 139),  QColor(44, 113, 142), QColor(33, 144, 141),
        QColor(39, 173, 129), QColor(92, 200, 99), QColor(170, 220, 50), QColor(253, 231, 37),
    };
    constexpr int last = int(std::size(stops)) - 1;
    t = std::clamp(t, 0.0, 1.0) * last;
    const int i = std::min(last - 1, int(t));
    const double f = t - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor(int(std::lround(a.red() + f * (b.red() - a.red()))),
                  int(std::lround(a.green() + f * (b.green() - a.green()))),
                  int(std::lround(a.blue() + f * (b.blue() - a.blue()))));
}

} // namespace

BinHeatMap::BinHeatMap(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);
}

BinHeatMap::~BinHeatMap() = default;

void BinHeatMap::appendSnapshot(const QVector<double>& binLosses, int step)
{
    if (m_lastIsNewest && !m_snapshots.isEmpty())
        m_snapshots.removeLast();
    m_snapshots.append(Snapshot{step, binLosses});
    m_lastIsNewest = m_appended++ % m_keepEvery != 0;
    while (m_snapshots.size() > m_maxSnapshots)
        thin();
    m_dirty = true;
    update();
}

// Keeps columns 0, 2, 4, … and the newest, so that the map still starts at the first step and ends at
// the latest; from now on only every other snapshot appended stays.
void BinHeatMap::thin()
{
    const Snapshot newest = m_snapshots.last();
    const int kept = int(m_snapshots.size()) - (m_lastIsNewest ? 1 : 0);
    QList<Snapshot> thinned;
    for (int i = 0; i < kept; i += 2)
        thinned.append(m_snapshots.at(i));
    const bool newestDropped = (kept - 1) % 2 != 0 || m_lastIsNewest;
    if (newestDropped)
        thinned.append(newest);
    m_snapshots = thinned;
    m_lastIsNewest = newestDropped;
    m_keepEvery *= 2;
}

void BinHeatMap::clear()
{
    m_snapshots.clear();
    m_keepEvery = 1;
    m_appended = 0;
    m_lastIsNewest = false;
    m_dirty = true;
    update();
}

void BinHeatMap::setBinLabels(const QStringList& labels)
{
    m_binLabels = labels;
    updateGeometry();
    update();
}

QStringList BinHeatMap::binLabels() const
{
    return m_binLabels;
}

QStringList BinHeatMap::timestepBinLabels(int timesteps, int bins)
{
    QStringList labels;
    if (timesteps < 1 || bins < 1)
        return labels;
    for (int i = 0; i < bins; ++i) {
        const qint64 first = qint64(i) * timesteps / bins + 1;
        const qint64 last = qint64(i + 1) * timesteps / bins;
        labels.append(tr("t %1–%2").arg(first).arg(last));
    }
    return labels;
}

void BinHeatMap::setMaxSnapshots(int count)
{
    m_maxSnapshots = std::max(2, count);
    while (m_snapshots.size() > m_maxSnapshots)
        thin();
    m_dirty = true;
    update();
}

int BinHeatMap::maxSnapshots() const
{
    return m_maxSnapshots;
}

int BinHeatMap::snapshotCount() const
{
    return int(m_snapshots.size());
}

int BinHeatMap::binCount() const
{
    int bins = 0;
    for (const Snapshot& snapshot : m_snapshots)
        bins = std::max(bins, int(snapshot.losses.size()));
    return bins;
}

QVector<int> BinHeatMap::steps() const
{
    QVector<int> result;
    result.reserve(m_snapshots.size());
    for (const Snapshot& snapshot : m_snapshots)
        result.append(snapshot.step);
    return result;
}

QVector<double> BinHeatMap::snapshot(int index) const
{
    if (index < 0 || index >= m_snapshots.size())
        return {};
    return m_snapshots.at(index).losses;
}

QString BinHeatMap::rowLabel(int row) const
{
    if (row < m_binLabels.size() && !m_binLabels.at(row).isEmpty())
        return m_binLabels.at(row);
    return tr("bin %1").arg(row + 1);
}

int BinHeatMap::rowLabelWidth() const
{
    const QFontMetrics metrics = fontMetrics();
    int width = 0;
    const int rows = std::max(binCount(), int(m_binLabels.size()));
    for (int row = 0; row < rows; ++row)
        width = std::max(width, metrics.horizontalAdvance(rowLabel(row)));
    return width;
}

int BinHeatMap::legendWidth() const
{
    const QFontMetrics metrics = fontMetrics();
    int labelWidth = metrics.horizontalAdvance(tr("loss"));
    for (const double loss : legendTicks())
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(formatLoss(loss)));
    return kPad + kLegendBarWidth + kTickLength + kTickGap + labelWidth;
}

QRect BinHeatMap::plotRect() const
{
    const int lineHeight = fontMetrics().height();
    const int left = kPad + rowLabelWidth() + kPad;
    const int top = kPad + lineHeight + lineHeight / 2; // room for the legend caption
    const int right = width() - kPad - legendWidth();
    const int bottom = height() - kPad - lineHeight - 2;
    return QRect(QPoint(left, top), QPoint(std::max(left + 10, right), std::max(top + 10, bottom)));
}

void BinHeatMap::updateLogRange() const
{
    if (!m_dirty)
        return;
    double lo = std::numeric_limits<double>::max();
    double hi = std::numeric_limits<double>::lowest();
    for (const Snapshot& snapshot : m_snapshots) {
        for (const double loss : snapshot.losses) {
            if (!isValidLoss(loss))
                continue;
            lo = std::min(lo, std::log10(loss));
            hi = std::max(hi, std::log10(loss));
        }
    }
    if (lo > hi) {
        lo = -2.0;
        hi = 0.0;
    }
    m_logMin = lo;
    m_logMax = hi;
}

QColor BinHeatMap::colorFor(double loss) const
{
    if (!isValidLoss(loss))
        return palette().color(QPalette::Mid);
    const double span = m_logMax - m_logMin;
    const double t = span > 0.0 ? (std::log10(loss) - m_logMin) / span : 0.5;
    return viridis(t);
}

QString BinHeatMap::formatLoss(double loss) const
{
    return QLocale().toString(loss, 'g', 3);
}

const QImage& BinHeatMap::cellImage() const
{
    if (!m_dirty)
        return m_cache;
    updateLogRange();
    const int columns = snapshotCount();
    const int rows = binCount();
    if (columns == 0 || rows == 0) {
        m_cache = QImage();
    } else {
        m_cache = QImage(columns, rows, QImage::Format_RGB32);
        for (int c = 0; c < columns; ++c) {
            const QVector<double>& losses = m_snapshots.at(c).losses;
            for (int r = 0; r < rows; ++r)
                m_cache.setPixelColor(c, r, colorFor(r < losses.size() ? losses.at(r) : 0.0));
        }
    }
    m_dirty = false;
    return m_cache;
}

QSize BinHeatMap::sizeHint() const
{
    return QSize(480, 240);
}

QSize BinHeatMap::minimumSizeHint() const
{
    return QSize(200, 100);
}

void BinHeatMap::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const QColor textColor = palette().color(QPalette::Text);
    const QFontMetrics metrics = fontMetrics();
    const int lineHeight = metrics.height();

    const QImage& cells = cellImage();
    if (cells.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No loss snapshots yet"));
        return;
    }

    const QRect plot = plotRect();
    const int rows = cells.height();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(plot, cells);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawRect(plot.adjusted(0, 0, -1, -1));

    // Row labels; skip some when the rows are thinner than a line of text.
    const double rowHeight = double(plot.height()) / rows;
    const int every = std::max(1, int(std::ceil(lineHeight / std::max(rowHeight, 1e-6))));
    painter.setPen(textColor);
    for (int row = 0; row < rows; row += every) {
        const QRectF labelRect(kPad, plot.top() + row * rowHeight + rowHeight / 2.0 - lineHeight / 2.0,
                               plot.left() - 2 * kPad, lineHeight);
        painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, rowLabel(row));
    }

    // Steps of the first and last snapshot under the map, the axis name between them.
    const QRect stepRow(plot.left(), plot.bottom() + 3, plot.width(), lineHeight);
    const QString firstStep = QLocale().toString(m_snapshots.first().step);
    const QString lastStep = QLocale().toString(m_snapshots.last().step);
    painter.drawText(stepRow, Qt::AlignLeft | Qt::AlignTop, firstStep);
    if (m_snapshots.size() > 1)
        painter.drawText(stepRow, Qt::AlignRight | Qt::AlignTop, lastStep);
    const QString axisName = tr("training step");
    if (metrics.horizontalAdvance(firstStep) + metrics.horizontalAdvance(lastStep) +
            metrics.horizontalAdvance(axisName) + 4 * kPad <
        stepRow.width())
        painter.drawText(stepRow, Qt::AlignHCenter | Qt::AlignTop, axisName);

    // Legend: a vertical colour bar, high losses on top, labelled with loss values.
    const QRect bar(plot.right() + 1 + kPad, plot.top(), kLegendBarWidth, plot.height());
    for (int y = 0; y < bar.height(); ++y) {
        const double t = 1.0 - (bar.height() > 1 ? double(y) / (bar.height() - 1) : 0.5);
        painter.setPen(viridis(t));
        painter.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
    }
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    painter.setPen(textColor);
    painter.drawText(QRect(bar.left(), kPad / 2, width() - bar.left(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("loss"));
    const int labelLeft = bar.right() + 1 + kTickLength + kTickGap;
    const int labelWidth = width() - labelLeft;
    const double logSpan = m_logMax - m_logMin;
    for (const double loss : legendTicks()) {
        const double f = logSpan > 0.0 ? (m_logMax - std::log10(loss)) / logSpan : 0.5; // 0 at the top
        const double y = bar.top() + f * (bar.height() - 1);
        const double textTop = std::clamp(y - lineHeight / 2.0, double(bar.top()) - lineHeight / 2.0,
                                          double(bar.bottom()) - lineHeight / 2.0);
        painter.drawLine(QPointF(bar.right() + 1, y), QPointF(bar.right() + kTickLength, y));
        painter.drawText(QRectF(labelLeft, textTop, labelWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         formatLoss(loss));
    }
}

QList<double> BinHeatMap::legendTicks() const
{
    updateLogRange();
    if (!(m_logMax > m_logMin)) // one loss throughout
        return {std::pow(10.0, m_logMax)};
    const int maxTicks = height() > 8 * fontMetrics().height() ? 5 : 3;
    return ChartAxes::logTicks(std::pow(10.0, m_logMin), std::pow(10.0, m_logMax), maxTicks);
}

bool BinHeatMap::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QRect plot = plotRect();
        const int rows = binCount();
        const int columns = snapshotCount();
        if (rows > 0 && columns > 0 && plot.contains(help->pos())) {
            const int column = std::min(columns - 1, (help->pos().x() - plot.left()) * columns / plot.width());
            const int row = std::min(rows - 1, (help->pos().y() - plot.top()) * rows / plot.height());
            const Snapshot& snapshot = m_snapshots.at(column);
            const double loss = row < snapshot.losses.size() ? snapshot.losses.at(row) : 0.0;
            const QString value = isValidLoss(loss) ? formatLoss(loss) : tr("no data");
            QToolTip::showText(help->globalPos(),
                               tr("%1, step %2: loss %3").arg(rowLabel(row)).arg(snapshot.step).arg(value), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}
