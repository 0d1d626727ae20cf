#include "imagedecode.h"

#include <QFileInfo>
#include <QImageReader>

#include <algorithm>

namespace ddpm {

QImage decodeDatasetImage(const QString& file, int channels, int size)
{
    // Only regular files that hold something: a link to a pipe or a device would block the read, or never end,
    // and /proc's files say they are empty (each read of one made Qt warn).
    const QFileInfo info(file);
    if (!info.isFile() || info.size() == 0 || size < 1 || (channels != 1 && channels != 3))
        return {};
    // A side of 8192 pixels at most, and no decoding that needs more than 256 MB (8192² RGBA): Qt's own
    // default of 128 MB would refuse a 6000 × 6000 photo. The limit also holds where a file's size says
    // less than its decoding takes: a GIF of a few bytes whose logical screen is 17921 × 14648 claims
    // 1 × 40 pixels and made Qt allocate 1 GB for 2 s (found by fuzz_image).
    constexpr int kMaxPhotoSide = 8192;
    QImageReader::setAllocationLimit(256);
    QImageReader reader(file);
    reader.setAutoTransform(true);
    // No vector drawings, by content: drawing an SVG's text needs a QGuiApplication, which the ddpm command
    // has not (Qt aborted the process), and a drawing is no photograph to learn from. Every raster format a
    // plugin reads (PNG, JPEG, WebP, HEIF …) is read.
    static const QList<QByteArray> vector{"svg", "svgz", "pdf"};
    if (vector.contains(reader.format().toLower()))
        return {};
    // Refuse absurd sizes before decoding anything. A large photo is decoded at a few times the model's
    // size where the format can (JPEG).
    const QSize sz = reader.size();
    if (sz.isValid() && (sz.width() > kMaxPhotoSide || sz.height() > kMaxPhotoSide))
        return {};
    const int enough = std::max(256, 4 * size);
    if (sz.isValid() && std::min(sz.width(), sz.height()) > 2 * enough)
        reader.setScaledSize(sz.scaled(enough, enough, Qt::KeepAspectRatioByExpanding));
    if (!reader.canRead())
        return {};
    QImage img = reader.read();
    if (img.isNull())
        return {};
    // Centre crop to a square, then smooth resize.
    const int side = std::min(img.width(), img.height());
    img = img.copy((img.width() - side) / 2, (img.height() - side) / 2, side, side)
              .scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return img.convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
}

} // namespace ddpm
