// Conversions between raw sample buffers and QImage, and pixel-art friendly image helpers.
#pragma once

#include <QColor>
#include <QImage>
#include <QList>

namespace ImageConvert {

// Builds an image from a planar (CHW) float buffer of channels × height × width values.
// Values are clamped to [lo, hi] and mapped linearly to 0..255 (rounded to nearest; NaN maps to 0).
// One channel gives Format_Grayscale8, three give Format_RGB888. Any other channel count, a null
// buffer, a non-positive size or lo == hi gives a null QImage.
QImage imageFromPlanar(const float* data, int channels, int height, int width, float lo = -1.0f,
                       float hi = 1.0f);

// Lays the images out in a grid of `columns` columns (at most images.size()), every cell as large as
// the largest image, with `padding` pixels of `background` around and between the cells; each image is
// centred in its cell. Result size: columns × cellW + (columns + 1) × padding, and likewise for rows.
// An empty list gives a null QImage.
QImage tileImages(const QList<QImage>& images, int columns, int padding = 2,
                  QColor background = QColor(Qt::black));

// Enlarges the image by an integer factor with nearest-neighbour sampling (scale < 1 counts as 1).
QImage scaledPixelArt(const QImage& image, int scale);

} // namespace ImageConvert
