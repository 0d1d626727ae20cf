// Animated exports of the reverse process: GIF through giflib, WebP through libwebp's animation
// encoder. Both are encoded in memory and written with QSaveFile, so a failure leaves any earlier
// file untouched. Decoders are here too, for reading exports back (tests, previews).
#pragma once

#include "result.h"

#include <QImage>
#include <QList>
#include <QString>

#include <vector>

namespace ddpm {

// How a reverse process becomes an animation, the same for `ddpm sample --gif` and the studio's exports:
// at most kAnimationFrames frames spread evenly over the steps, kAnimationDelayMs a frame where no speed is
// chosen, the final images held about a second, the images of a frame in a grid as near square as they allow.
inline constexpr int kAnimationFrames = 100;
inline constexpr int kAnimationDelayMs = 80;
// The steps 0 … total shown: min(total + 1, maxFrames) of them, evenly spaced, both ends included.
std::vector<int> animationSteps(int total, int maxFrames = kAnimationFrames);
// Repeats the last frame so that it stays about a second (at least one more frame) at delayMs a frame.
void holdLastFrame(QList<QImage>& frames, int delayMs);
// Columns of a near-square grid of `images` images: ⌈√images⌉.
int squareGridColumns(int images);

// The widest and highest frame each format can hold (WebP: libwebp's WEBP_MAX_DIMENSION; GIF: a 16-bit
// field), and the refusal of a larger one, said before the frames are drawn where the size is known then.
int maxAnimationSide(bool webp);
Status checkAnimationSize(QSize frame, bool webp);

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
