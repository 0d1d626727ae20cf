// One image file of a `folder:DIR` data set decoded by Qt's image readers, with the guards that make
// an untrusted file safe to open: only regular files, no absurd sizes, large photos decoded small.
// Qt only (no LibTorch), so that the fuzz harness for it runs under ASan (tests/fuzz/fuzz_image.cpp).
#pragma once

#include <QImage>
#include <QString>

namespace ddpm {

// The file centre-cropped to a square and resized to size×size, as Grayscale8 (channels 1) or RGB888
// (channels 3); a null image when it is not a regular file, not an image Qt can read, larger than 8192
// pixels on a side, or one whose decoding would take more than 256 MB.
QImage decodeDatasetImage(const QString& file, int channels, int size);

} // namespace ddpm
