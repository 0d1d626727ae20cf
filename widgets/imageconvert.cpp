#include "imageconvert.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ImageConvert {

namespace {

uchar toByte(float value, float lo, float scale)
{
    if (std::isnan(value))
        return 0;
    const float mapped = std::clamp((value - lo) * scale, 0.0f, 255.0f);
    return static_cast<uchar>(std::lround(mapped));
}

} // namespace

QImage imageFromPlanar(const float* data, int channels, int height, int width, float lo, float hi)
{
    if (!data || height <= 0 || width <= 0 || lo == hi || (channels != 1 && channels != 3))
        return {};

    const float scale = 255.0f / (hi - lo);
    const qsizetype plane = qsizetype(height) * width;
    QImage image(width, height, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    if (image.isNull())
        return {};

    for (int y = 0; y < height; ++y) {
        uchar* line = image.scanLine(y);
        const float* row = data + qsizetype(y) * width;
        if (channels == 1) {
            for (int x = 0; x < width; ++x)
                line[x] = toByte(row[x], lo, scale);
        } else {
            for (int x = 0; x < width; ++x) {
                line[3 * x + 0] = toByte(row[x], lo, scale);
                line[3 * x + 1] = toByte(row[plane + x], lo, scale);
                line[3 * x + 2] = toByte(row[2 * plane + x], lo, scale);
            }
        }
    }
    return image;
}

QImage tileImages(const QList<QImage>& images, int columns, int padding, QColor background)
{
    if (images.isEmpty())
        return {};

    const int count = int(images.size());
    columns = std::clamp(columns, 1, count);
    padding = std::max(0, padding);
    const int rows = (count + columns - 1) / columns;

    int cellWidth = 0;
    int cellHeight = 0;
    for (const QImage& image : images) {
        cellWidth = std::max(cellWidth, image.width());
        cellHeight = std::max(cellHeight, image.height());
    }

    const QImage::Format format =
        background.alpha() == 255 ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied;
    QImage result(columns * cellWidth + (columns + 1) * padding,
                  rows * cellHeight + (rows + 1) * padding, format);
    if (result.isNull())
        return {};
    result.fill(background);

    QPainter painter(&result);
    for (int i = 0; i < count; ++i) {
        const QImage& image = images.at(i);
        if (image.isNull())
            continue;
        const int column = i % columns;
        const int row = i / columns;
        const int x = padding + column * (cellWidth + padding) + (cellWidth - image.width()) / 2;
        const int y = padding + row * (cellHeight + padding) + (cellHeight - image.height()) / 2;
        painter.drawImage(QPoint(x, y), image);
    }
    return result;
}

QImage scaledPixelArt(const QImage& image, int scale)
{
    if (image.isNull() || scale <= 1)
        return image;
    return image.scaled(image.width() * scale, image.height() * scale, Qt::IgnoreAspectRatio,
                        Qt::FastTransformation);
}

} // namespace ImageConvert
