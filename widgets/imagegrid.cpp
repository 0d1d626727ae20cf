#include "imagegrid.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 6;
constexpr int kSpacing = 8;
constexpr int kCaptionGap = 2;
constexpr int kPreferredColumns = 4;

} // namespace

ImageGrid::ImageGrid(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

ImageGrid::~ImageGrid() = default;

void ImageGrid::setImages(const QList<QImage>& images, const QStringList& captions)
{
    m_images = images;
    m_captions = captions;
    m_selected = -1;
    updateGeometry();
    update();
}

void ImageGrid::clear()
{
    setImages({}, {});
}

int ImageGrid::count() const
{
    return int(m_images.size());
}

QImage ImageGrid::image(int index) const
{
    return index >= 0 && index < count() ? m_images.at(index) : QImage();
}

QStringList ImageGrid::captions() const
{
    return m_captions;
}

int ImageGrid::selectedIndex() const
{
    return m_selected;
}

void ImageGrid::setSelectedIndex(int index)
{
    if (index < -1 || index >= count() || index == m_selected)
        return;
    m_selected = index;
    update();
}

void ImageGrid::setThumbnailSize(int pixels)
{
    pixels = std::max(8, pixels);
    if (pixels == m_thumbnailSize)
        return;
    m_thumbnailSize = pixels;
    updateGeometry();
    update();
}

int ImageGrid::thumbnailSize() const
{
    return m_thumbnailSize;
}

int ImageGrid::captionHeight() const
{
    const bool any =
        std::any_of(m_captions.cbegin(), m_captions.cend(), [](const QString& caption) { return !caption.isEmpty(); });
    return any ? kCaptionGap + fontMetrics().height() : 0;
}

int ImageGrid::cellHeight() const
{
    return m_thumbnailSize + captionHeight();
}

int ImageGrid::columnsForWidth(int width) const
{
    return std::max(1, (width - 2 * kMargin + kSpacing) / (m_thumbnailSize + kSpacing));
}

int ImageGrid::columnCount() const
{
    return columnsForWidth(width());
}

QRect ImageGrid::cellRect(int index, int columns) const
{
    const int column = index % columns;
    const int row = index / columns;
    return QRect(kMargin + column * (m_thumbnailSize + kSpacing), kMargin + row * (cellHeight() + kSpacing),
                 m_thumbnailSize, cellHeight());
}

QRect ImageGrid::thumbnailRect(int index) const
{
    if (index < 0 || index >= count())
        return {};
    const QRect cell = cellRect(index, columnCount());
    return QRect(cell.topLeft(), QSize(m_thumbnailSize, m_thumbnailSize));
}

int ImageGrid::indexAt(const QPoint& position) const
{
    const int columns = columnCount();
    for (int i = 0; i < count(); ++i) {
        if (cellRect(i, columns).contains(position))
            return i;
    }
    return -1;
}

bool ImageGrid::hasHeightForWidth() const
{
    return true;
}

int ImageGrid::heightForWidth(int width) const
{
    if (count() == 0)
        return 2 * kMargin + cellHeight();
    const int columns = columnsForWidth(width);
    const int rows = (count() + columns - 1) / columns;
    return 2 * kMargin + rows * cellHeight() + (rows - 1) * kSpacing;
}

QSize ImageGrid::sizeHint() const
{
    const int columns = std::clamp(count(), 1, kPreferredColumns);
    const int width = 2 * kMargin + columns * m_thumbnailSize + (columns - 1) * kSpacing;
    return QSize(width, heightForWidth(width));
}

QSize ImageGrid::minimumSizeHint() const
{
    return QSize(2 * kMargin + m_thumbnailSize, 2 * kMargin + cellHeight());
}

void ImageGrid::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (m_images.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No images"));
        return;
    }

    const QColor highlight = palette().color(QPalette::Highlight);
    const QColor textColor = palette().color(QPalette::Text);
    const QFontMetrics metrics = fontMetrics();
    const int columns = columnCount();
    const int captionSpace = captionHeight();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);

    for (int i = 0; i < count(); ++i) {
        const QRect cell = cellRect(i, columns);
        if (!cell.intersects(event->rect()))
            continue;
        const QRect thumb(cell.topLeft(), QSize(m_thumbnailSize, m_thumbnailSize));
        painter.fillRect(thumb, palette().color(QPalette::AlternateBase));

        const QImage& image = m_images.at(i);
        if (!image.isNull()) {
            double factor = std::min(double(m_thumbnailSize) / image.width(), double(m_thumbnailSize) / image.height());
            if (factor >= 1.0)
                factor = std::floor(factor); // whole pixels for small images
            const QSize size(std::max(1, int(image.width() * factor)), std::max(1, int(image.height() * factor)));
            const QRect target(thumb.x() + (thumb.width() - size.width()) / 2,
                               thumb.y() + (thumb.height() - size.height()) / 2, size.width(), size.height());
            painter.drawImage(target, image);
        }

        const bool selected = i == m_selected;
        if (selected) {
            painter.setPen(QPen(highlight, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(thumb.adjusted(1, 1, -2, -2));
        }

        if (captionSpace > 0 && i < m_captions.size() && !m_captions.at(i).isEmpty()) {
            const QRect captionRect(cell.left(), thumb.bottom() + 1 + kCaptionGap, cell.width(), metrics.height());
            if (selected) {
                painter.fillRect(captionRect, highlight);
                painter.setPen(palette().color(QPalette::HighlightedText));
            } else {
                painter.setPen(textColor);
            }
            painter.drawText(captionRect, Qt::AlignHCenter | Qt::AlignVCenter,
                             metrics.elidedText(m_captions.at(i), Qt::ElideRight, cell.width() - 2));
        }
    }
}

void ImageGrid::selectByUser(int index)
{
    if (index < 0 || index >= count())
        return;
    m_selected = index;
    update();
    Q_EMIT imageSelected(index);
}

void ImageGrid::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const int index = indexAt(event->position().toPoint());
        if (index >= 0) {
            selectByUser(index);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void ImageGrid::keyPressEvent(QKeyEvent* event)
{
    if (count() == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int columns = columnCount();
    const int current = m_selected;
    int next = current;
    switch (event->key()) {
    case Qt::Key_Left:
        next = current < 0 ? 0 : current - 1;
        break;
    case Qt::Key_Right:
        next = current < 0 ? 0 : current + 1;
        break;
    case Qt::Key_Up:
        next = current < 0 ? 0 : current - columns;
        break;
    case Qt::Key_Down:
        next = current < 0 ? 0 : current + columns;
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = count() - 1;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    if (next >= 0 && next < count() && next != current)
        selectByUser(next);
    event->accept();
}

bool ImageGrid::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = indexAt(help->pos());
        if (index >= 0 && index < m_captions.size() && !m_captions.at(index).isEmpty()) {
            QToolTip::showText(help->globalPos(), m_captions.at(index), this, cellRect(index, columnCount()));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}
