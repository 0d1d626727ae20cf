#include "imagestrip.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 4;
constexpr int kColumnSpacing = 4;
constexpr int kRowSpacing = 2;
constexpr int kLabelGap = 2;
constexpr int kLabelPadding = 6;
constexpr int kPreferredRowHeight = 64;

} // namespace

struct ImageStrip::Layout {
    int columns = 0;
    int rows = 0;
    int imageWidth = 0;
    int imageHeight = 0;
    int columnWidth = 0;
    int labelWidth = 0;    // widest label plus padding
    int labelHeight = 0;   // 0 when there are no labels
    int labelEvery = 1;    // > 1 when the columns are too narrow for every label
    int rowLabelWidth = 0; // room left of the first column for the row labels (0: none)

    int columnX(int column) const { return kMargin + rowLabelWidth + column * (columnWidth + kColumnSpacing); }

    // Left of row `row`, right-aligned against the first column.
    QRect rowLabelRect(int row, int textHeight) const
    {
        const int top = kMargin + row * (imageHeight + kRowSpacing) + (imageHeight - textHeight) / 2;
        return QRect(kMargin, top, std::max(0, rowLabelWidth - kLabelPadding), textHeight);
    }

    QRect imageRect(int row, int column) const
    {
        return QRect(columnX(column) + (columnWidth - imageWidth) / 2, kMargin + row * (imageHeight + kRowSpacing),
                     imageWidth, imageHeight);
    }

    int imagesHeight() const { return rows * imageHeight + std::max(0, rows - 1) * kRowSpacing; }

    bool hasLabel(int column) const { return column % labelEvery == 0; }

    // Centred under the column; as wide as the label when that is wider than the column.
    QRect labelRect(int column) const
    {
        const int width = std::max(columnWidth, labelWidth);
        const int left = std::max(0, columnX(column) + (columnWidth - width) / 2);
        return QRect(left, kMargin + imagesHeight() + kLabelGap, width, labelHeight);
    }

    QRect columnRect(int column) const
    {
        const int height = imagesHeight() + (labelHeight > 0 ? kLabelGap + labelHeight : 0);
        return QRect(columnX(column), kMargin, columnWidth, height);
    }

    QSize totalSize() const
    {
        const int width =
            2 * kMargin + rowLabelWidth + columns * columnWidth + std::max(0, columns - 1) * kColumnSpacing;
        const int height = 2 * kMargin + imagesHeight() + (labelHeight > 0 ? kLabelGap + labelHeight : 0);
        return QSize(width, height);
    }
};

ImageStrip::ImageStrip(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

ImageStrip::~ImageStrip() = default;

void ImageStrip::setFrames(const QList<QList<QImage>>& rows, const QStringList& columnLabels)
{
    m_columns.clear();
    m_rowCount = int(rows.size());
    int columnCount = int(columnLabels.size());
    for (const QList<QImage>& row : rows)
        columnCount = std::max(columnCount, int(row.size()));

    m_columns.resize(columnCount);
    for (int c = 0; c < columnCount; ++c) {
        QList<QImage>& column = m_columns[c];
        column.resize(m_rowCount);
        for (int r = 0; r < m_rowCount; ++r) {
            if (c < rows.at(r).size())
                column[r] = rows.at(r).at(c);
        }
    }
    m_labels = columnLabels;
    while (m_labels.size() < columnCount)
        m_labels.append(QString());
    m_currentIndex = -1;
    updateGeometry();
    update();
}

void ImageStrip::appendColumn(const QList<QImage>& column, const QString& label)
{
    if (column.size() > m_rowCount) {
        m_rowCount = int(column.size());
        for (QList<QImage>& existing : m_columns)
            existing.resize(m_rowCount);
    }
    QList<QImage> padded = column;
    padded.resize(m_rowCount);
    m_columns.append(padded);
    m_labels.append(label);
    updateGeometry();
    update();
}

void ImageStrip::clear()
{
    m_columns.clear();
    m_labels.clear();
    m_rowLabels.clear();
    m_rowCount = 0;
    m_currentIndex = -1;
    updateGeometry();
    update();
}

void ImageStrip::setRowLabels(const QStringList& labels)
{
    m_rowLabels = labels;
    updateGeometry();
    update();
}

QStringList ImageStrip::rowLabels() const
{
    return m_rowLabels;
}

int ImageStrip::rowLabelWidth(const QFontMetrics& metrics) const
{
    int width = 0;
    for (int r = 0; r < std::min(m_rowCount, int(m_rowLabels.size())); ++r) {
        if (!m_rowLabels.at(r).isEmpty())
            width = std::max(width, metrics.horizontalAdvance(m_rowLabels.at(r)) + kLabelPadding);
    }
    return width;
}

int ImageStrip::count() const
{
    return int(m_columns.size());
}

int ImageStrip::rowCount() const
{
    return m_rowCount;
}

QImage ImageStrip::frame(int row, int column) const
{
    if (column < 0 || column >= m_columns.size() || row < 0 || row >= m_rowCount)
        return {};
    return m_columns.at(column).at(row);
}

QStringList ImageStrip::columnLabels() const
{
    return m_labels;
}

int ImageStrip::currentIndex() const
{
    return m_currentIndex;
}

void ImageStrip::setCurrentIndex(int index)
{
    index = count() == 0 ? -1 : std::clamp(index, -1, count() - 1);
    if (index == m_currentIndex)
        return;
    m_currentIndex = index;
    update();
}

QSize ImageStrip::frameSize() const
{
    QSize size(0, 0);
    for (const QList<QImage>& column : m_columns) {
        for (const QImage& image : column)
            size = size.expandedTo(image.size());
    }
    return size;
}

bool ImageStrip::hasLabels() const
{
    return std::any_of(m_labels.cbegin(), m_labels.cend(), [](const QString& label) { return !label.isEmpty(); });
}

ImageStrip::Layout ImageStrip::layoutFor(double scale, const QFontMetrics& metrics) const
{
    Layout layout;
    layout.columns = count();
    layout.rows = m_rowCount;
    const QSize frame = frameSize();
    layout.imageWidth = std::max(1, int(std::lround(frame.width() * scale)));
    layout.imageHeight = std::max(1, int(std::lround(frame.height() * scale)));
    int labelWidth = 0;
    for (const QString& label : m_labels) {
        if (!label.isEmpty())
            labelWidth = std::max(labelWidth, metrics.horizontalAdvance(label) + kLabelPadding);
    }
    layout.labelWidth = labelWidth;
    layout.columnWidth = std::max(layout.imageWidth, labelWidth);
    layout.labelHeight = hasLabels() ? metrics.height() : 0;
    layout.rowLabelWidth = rowLabelWidth(metrics);
    return layout;
}

ImageStrip::Layout ImageStrip::widgetLayout() const
{
    const QFontMetrics metrics = fontMetrics();
    const QSize frame = frameSize();
    if (count() == 0 || m_rowCount == 0 || frame.isEmpty())
        return layoutFor(1.0, metrics);

    // Fit the height, and the width too so that every column (and every reserved one) stays visible.
    const int labelBlock = hasLabels() ? metrics.height() + kLabelGap : 0;
    const int availableHeight = height() - 2 * kMargin - labelBlock - std::max(0, m_rowCount - 1) * kRowSpacing;
    const double perColumn =
        double(width() - 2 * kMargin - rowLabelWidth(metrics) - (columnSlots() - 1) * kColumnSpacing) /
        double(columnSlots());
    double scale =
        std::min(double(availableHeight) / double(m_rowCount * frame.height()), perColumn / double(frame.width()));
    // Whole multiples keep every source pixel the same size on screen.
    if (scale >= 1.0)
        scale = std::floor(scale);
    scale = std::max(scale, 0.1);

    Layout layout = layoutFor(scale, metrics);
    if (layout.labelWidth > perColumn && layout.labelWidth > layout.imageWidth) {
        // The labels do not fit side by side: share the width out evenly and label every n-th column.
        layout.columnWidth = std::max(layout.imageWidth, int(perColumn));
        layout.labelEvery =
            int(std::ceil(double(layout.labelWidth + kColumnSpacing) / double(layout.columnWidth + kColumnSpacing)));
    }
    return layout;
}

QRect ImageStrip::columnRect(int column) const
{
    if (column < 0 || column >= count())
        return {};
    return widgetLayout().columnRect(column);
}

int ImageStrip::columnAt(const QPoint& position) const
{
    const Layout layout = widgetLayout();
    for (int c = 0; c < layout.columns; ++c) {
        if (layout.columnRect(c).contains(position))
            return c;
    }
    return -1;
}

void ImageStrip::paintStrip(QPainter& painter, const Layout& layout, const QColor& textColor, bool highlight) const
{
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QColor highlightColor = palette().color(QPalette::Highlight);

    if (highlight && m_currentIndex >= 0 && m_currentIndex < layout.columns) {
        const QRect frame = layout.columnRect(m_currentIndex).adjusted(-2, -2, 2, 2);
        QColor fill = highlightColor;
        fill.setAlpha(50);
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(highlightColor, 2));
        painter.setBrush(fill);
        painter.drawRoundedRect(QRectF(frame).adjusted(1, 1, -1, -1), 3, 3);
        painter.restore();
    }

    if (layout.rowLabelWidth > 0) {
        const int textHeight = painter.fontMetrics().height();
        painter.setPen(textColor);
        for (int r = 0; r < std::min(layout.rows, int(m_rowLabels.size())); ++r)
            painter.drawText(layout.rowLabelRect(r, textHeight), Qt::AlignRight | Qt::AlignVCenter, m_rowLabels.at(r));
    }

    for (int c = 0; c < layout.columns; ++c) {
        const QList<QImage>& column = m_columns.at(c);
        for (int r = 0; r < layout.rows; ++r) {
            const QRect target = layout.imageRect(r, c);
            const QImage& image = column.at(r);
            if (image.isNull()) {
                painter.fillRect(target, palette().color(QPalette::Mid));
                continue;
            }
            // Keep the aspect ratio of frames smaller than the largest one.
            const QSize fitted = image.size().scaled(target.size(), Qt::KeepAspectRatio);
            const QRect drawRect(target.x() + (target.width() - fitted.width()) / 2,
                                 target.y() + (target.height() - fitted.height()) / 2, fitted.width(), fitted.height());
            painter.drawImage(drawRect, image);
        }
        if (layout.labelHeight > 0 && layout.hasLabel(c) && !m_labels.at(c).isEmpty()) {
            const bool current = highlight && c == m_currentIndex;
            QFont font = painter.font();
            font.setBold(current);
            painter.setFont(font);
            painter.setPen(textColor);
            painter.drawText(layout.labelRect(c), Qt::AlignHCenter | Qt::AlignTop, m_labels.at(c));
        }
    }
}

void ImageStrip::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    if (count() == 0 || m_rowCount == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No frames yet"));
        return;
    }
    painter.setFont(font());
    paintStrip(painter, widgetLayout(), palette().color(QPalette::WindowText), true);
}

void ImageStrip::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int column = columnAt(event->position().toPoint());
    if (column < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    setCurrentIndex(column);
    Q_EMIT columnClicked(column);
    event->accept();
}

bool ImageStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int column = columnAt(help->pos());
        if (column >= 0 && !m_labels.at(column).isEmpty()) {
            QToolTip::showText(help->globalPos(), m_labels.at(column), this, columnRect(column));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

QImage ImageStrip::renderToImage(int scale) const
{
    if (count() == 0 || m_rowCount == 0 || frameSize().isEmpty())
        return {};
    scale = std::max(1, scale);

    // Measure the text on an image, the device the result is painted on.
    QImage probe(1, 1, QImage::Format_RGB32);
    const QFontMetrics metrics(font(), &probe);
    const Layout layout = layoutFor(scale, metrics);

    QImage image(layout.totalSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font());
    paintStrip(painter, layout, Qt::black, false);
    painter.end();
    return image;
}

QImage ImageStrip::render(const QList<QList<QImage>>& columns, const QStringList& columnLabels, int scale,
                          const QStringList& rowLabels)
{
    ImageStrip strip; // never shown: it lays out and paints
    for (qsizetype c = 0; c < columns.size(); ++c)
        strip.appendColumn(columns[c], c < columnLabels.size() ? columnLabels[c] : QString());
    if (!rowLabels.isEmpty())
        strip.setRowLabels(rowLabels);
    return strip.renderToImage(scale);
}

QSize ImageStrip::sizeHint() const
{
    const QSize frame = frameSize();
    if (count() == 0 || frame.isEmpty())
        return QSize(320, 96);
    const double scale = std::max(1, kPreferredRowHeight / frame.height());
    return layoutFor(scale, fontMetrics()).totalSize();
}

void ImageStrip::setMaxRowHeight(int pixels)
{
    m_maxRowHeight = std::max(16, pixels);
    updateGeometry();
}

void ImageStrip::setReservedColumns(int columns)
{
    m_reservedColumns = std::max(0, columns);
    updateGeometry();
    update();
}

double ImageStrip::fillScale(int width, const QFontMetrics& metrics) const
{
    const QSize frame = frameSize();
    const double perColumn =
        double(width - 2 * kMargin - rowLabelWidth(metrics) - (columnSlots() - 1) * kColumnSpacing) /
        double(columnSlots());
    double scale = std::min(perColumn / double(frame.width()), double(m_maxRowHeight) / double(frame.height()));
    return scale >= 1.0 ? std::floor(scale) : std::max(scale, 0.1);
}

bool ImageStrip::hasHeightForWidth() const
{
    return count() > 0 && m_rowCount > 0 && !frameSize().isEmpty();
}

int ImageStrip::heightForWidth(int width) const
{
    if (!hasHeightForWidth())
        return QWidget::heightForWidth(width);
    const QFontMetrics metrics = fontMetrics();
    return std::max(minimumSizeHint().height(), layoutFor(fillScale(width, metrics), metrics).totalSize().height());
}

QSize ImageStrip::minimumSizeHint() const
{
    const int labelBlock = hasLabels() ? fontMetrics().height() + kLabelGap : 0;
    return QSize(64 + rowLabelWidth(fontMetrics()), 2 * kMargin + labelBlock + std::max(1, m_rowCount) * 16);
}
