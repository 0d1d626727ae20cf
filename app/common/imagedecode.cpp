#include "imagedecode.h"

#include <QFileInfo>
#include <QImageReader>

#include <algorithm>

namespace ddpm {

QImage decodeDatasetImage(const QString& file, int channels, int size)
{
    // Only regular files: a link to a pipe or a device would block the read, or never end.
    if (!QFileInfo(file).isFile() || size < 1 || (channels != 1 && channels != 3))
        return {};
    constexpr int kMaxPhotoSide = 16384;
    QImageReader::setAllocationLimit(std::max(QImageReader::allocationLimit(), 1024)); // 16384² RGBA, in MB
    QImageReader reader(file);
    reader.setAutoTransform(true);
    // Refuse absurd sizes before decoding anything. A large photo (Qt refuses more than 128 MB by default:
    // about 33 megapixels) is decoded at a few times the model's size where the format can (JPEG), and
    // allowed up to the 16384-pixel side otherwise.
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
