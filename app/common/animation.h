// Animated exports of the reverse process: GIF through giflib, WebP through libwebp's animation
// encoder. Both are encoded in memory and written with QSaveFile, so a failure leaves any earlier
// file untouched. Decoders are here too, for reading exports back (tests, previews).
#pragma once

#include "result.h"

#include <QImage>
#include <QList>
#include <QString>

namespace ddpm {

// Frames must share one size. delayMs is the time each frame shows; the animation loops forever.
Result<QByteArray> encodeGif(const QList<QImage>& frames, int delayMs);
Result<QByteArray> encodeWebP(const QList<QImage>& frames, int delayMs, bool lossless = true);
Status writeGif(const QList<QImage>& frames, int delayMs, const QString& path);
Status writeWebP(const QList<QImage>& frames, int delayMs, const QString& path);

struct DecodedAnimation {
    int width = 0;
    int height = 0;
    QList<QImage> frames; // full canvases, RGBA
};
Result<DecodedAnimation> decodeGif(const QByteArray& bytes);
Result<DecodedAnimation> decodeWebP(const QByteArray& bytes);

} // namespace ddpm
