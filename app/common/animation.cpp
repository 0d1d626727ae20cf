#include "animation.h"

#include "imageio.h"

#include <QCoreApplication>

#include <gif_lib.h>
#include <webp/demux.h>
#include <webp/encode.h>
#include <webp/mux.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace ddpm {

std::vector<int> animationSteps(int total, int maxFrames)
{
    const int count = std::max(1, std::min(total + 1, maxFrames));
    std::vector<int> steps;
    for (int k = 0; k < count; ++k)
        steps.push_back(count == 1 ? total
                                   : static_cast<int>(std::lround(static_cast<double>(total) * k / (count - 1))));
    return steps;
}

int maxAnimationSide(bool webp)
{
    return webp ? WEBP_MAX_DIMENSION : 65535;
}

Status checkAnimationSize(QSize frame, bool webp)
{
    if (frame.width() <= maxAnimationSide(webp) && frame.height() <= maxAnimationSide(webp))
        return Ok{};
    const QString message =
        webp
            ? QCoreApplication::translate("Animation",
                                          "The animation's frames would be %1 × %2 pixels, and a WebP animation "
                                          "can be at most %3 pixels wide and high (a GIF %4).")
            : QCoreApplication::translate("Animation",
                                          "The animation's frames would be %1 × %2 pixels, and a GIF can be at most %3 "
                                          "pixels wide and high.");
    QString said = message.arg(frame.width()).arg(frame.height()).arg(maxAnimationSide(webp));
    if (webp)
        said = said.arg(maxAnimationSide(false));
    return Error{said.toStdString()};
}

void holdLastFrame(QList<QImage>& frames, int delayMs)
{
    if (frames.isEmpty())
        return;
    const QImage last = frames.last();
    const int copies = std::max(1, static_cast<int>(std::lround(1000.0 / std::max(1, delayMs))));
    for (int i = 0; i < copies; ++i)
        frames.append(last);
}

int squareGridColumns(int images)
{
    return std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(images)))));
}

namespace {

int writeToByteArray(GifFileType* gif, const GifByteType* data, int len)
{
    static_cast<QByteArray*>(gif->UserData)->append(reinterpret_cast<const char*>(data), len);
    return len;
}

struct ReadState {
    const QByteArray* bytes;
    int pos;
};

int readFromByteArray(GifFileType* gif, GifByteType* out, int len)
{
    auto* s = static_cast<ReadState*>(gif->UserData);
    const int n = std::max(0, std::min(len, static_cast<int>(s->bytes->size()) - s->pos));
    std::memcpy(out, s->bytes->constData() + s->pos, static_cast<size_t>(n));
    s->pos += n;
    return n;
}

Status checkFrames(const QList<QImage>& frames, bool webp)
{
    if (frames.isEmpty())
        return Error{QCoreApplication::translate("Animation", "There are no frames to write.").toStdString()};
    for (const auto& f : frames)
        if (f.size() != frames.first().size() || f.isNull())
            return Error{QCoreApplication::translate("Animation", "All frames of an animation must have the same size.")
                             .toStdString()};
    return checkAnimationSize(frames.first().size(), webp);
}

// A grey animation shares one palette, the 256 grey levels; each colour frame brings its own.
ColorMapObject* makeGreyMap()
{
    ColorMapObject* map = GifMakeMapObject(256, nullptr);
    for (int i = 0; i < 256; ++i)
        map->Colors[i] =
            GifColorType{static_cast<GifByteType>(i), static_cast<GifByteType>(i), static_cast<GifByteType>(i)};
    return map;
}

// Loop forever (NETSCAPE2.0 application extension).
bool putLoopForever(GifFileType* gif)
{
    const unsigned char loop[3] = {1, 0, 0};
    return EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
           EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0") == GIF_OK && EGifPutExtensionBlock(gif, 3, loop) == GIF_OK &&
           EGifPutExtensionTrailer(gif) == GIF_OK;
}

bool putFrameDelay(GifFileType* gif, int delayMs)
{
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = std::max(1, delayMs / 10);
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType ext[4];
    const size_t len = EGifGCBToExtension(&gcb, ext);
    return EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(len), ext) == GIF_OK;
}

// A grey frame's pixels are its own indices into the grey palette.
void greyIndices(const QImage& frame, std::vector<GifByteType>& indices)
{
    const int w = frame.width(), h = frame.height();
    const QImage g = frame.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
        std::memcpy(indices.data() + static_cast<size_t>(y) * w, g.constScanLine(y), static_cast<size_t>(w));
}

// Colour frames: giflib's median-cut quantiser gives each frame its own palette. Returns the palette (the
// caller frees it), or null when quantising failed.
ColorMapObject* quantise(const QImage& frame, std::vector<GifByteType>& indices)
{
    const int w = frame.width(), h = frame.height();
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    std::vector<GifByteType> r(indices.size()), g(indices.size()), b(indices.size());
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const size_t i = static_cast<size_t>(y) * w + x;
            r[i] = line[3 * x];
            g[i] = line[3 * x + 1];
            b[i] = line[3 * x + 2];
        }
    }
    int mapSize = 256;
    ColorMapObject* map = GifMakeMapObject(256, nullptr);
    if (GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h), &mapSize, r.data(), g.data(), b.data(),
                          indices.data(), map->Colors) != GIF_OK) {
        GifFreeMapObject(map);
        return nullptr;
    }
    return map;
}

// One frame: its delay, its image descriptor (with a palette of its own in colour) and its pixels, through
// `indices` (a buffer of one frame's size). Returns null, or what failed.
const char* putFrame(GifFileType* gif, const QImage& frame, bool grey, int delayMs, std::vector<GifByteType>& indices)
{
    if (!putFrameDelay(gif, delayMs))
        return "delay";
    const int w = frame.width(), h = frame.height();
    ColorMapObject* localMap = nullptr;
    if (grey) {
        greyIndices(frame, indices);
    } else {
        localMap = quantise(frame, indices);
        if (!localMap)
            return "palette";
    }
    const int descOk = EGifPutImageDesc(gif, 0, 0, w, h, false, localMap);
    if (localMap)
        GifFreeMapObject(localMap);
    if (descOk != GIF_OK)
        return "frame";
    for (int y = 0; y < h; ++y)
        if (EGifPutLine(gif, indices.data() + static_cast<size_t>(y) * w, w) != GIF_OK)
            return "pixels";
    return nullptr;
}

} // namespace

Result<QByteArray> encodeGif(const QList<QImage>& frames, int delayMs)
{
    if (auto s = checkFrames(frames, false); !s)
        return s.failure();
    const int w = frames.first().width(), h = frames.first().height();
    const bool grey = std::all_of(frames.begin(), frames.end(), [](const QImage& f) { return f.isGrayscale(); });
    QByteArray out;
    int err = 0;
    GifFileType* gif = EGifOpen(&out, writeToByteArray, &err);
    if (!gif)
        return Error{QCoreApplication::translate("Animation", "The GIF encoder could not start: %1")
                         .arg(GifErrorString(err))
                         .toStdString()};
    auto fail = [&](const char* what) -> Result<QByteArray> {
        int e = 0;
        EGifCloseFile(gif, &e);
        return Error{QCoreApplication::translate("Animation", "Encoding the GIF failed (%1).")
                         .arg(QString::fromLatin1(what))
                         .toStdString()};
    };
    ColorMapObject* globalMap = grey ? makeGreyMap() : nullptr;
    EGifSetGifVersion(gif, true);
    const int screenOk = EGifPutScreenDesc(gif, w, h, 8, 0, globalMap);
    if (globalMap)
        GifFreeMapObject(globalMap);
    if (screenOk != GIF_OK)
        return fail("screen");
    if (!putLoopForever(gif))
        return fail("loop");
    std::vector<GifByteType> indices(static_cast<size_t>(w) * h);
    for (const QImage& frame : frames)
        if (const char* what = putFrame(gif, frame, grey, delayMs, indices))
            return fail(what);
    if (EGifCloseFile(gif, &err) != GIF_OK)
        return Error{QCoreApplication::translate("Animation", "Encoding the GIF failed: %1")
                         .arg(GifErrorString(err))
                         .toStdString()};
    return out;
}

Result<QByteArray> encodeWebP(const QList<QImage>& frames, int delayMs, bool lossless)
{
    if (auto s = checkFrames(frames, true); !s)
        return s.failure();
    const int w = frames.first().width(), h = frames.first().height();
    WebPAnimEncoderOptions encOptions;
    WebPConfig config;
    if (!WebPAnimEncoderOptionsInit(&encOptions) || !WebPConfigInit(&config))
        return Error{
            QCoreApplication::translate("Animation", "The WebP library is not the version this program was built with.")
                .toStdString()};
    encOptions.anim_params.loop_count = 0;
    config.lossless = lossless ? 1 : 0;
    config.quality = lossless ? 50 : 90;
    WebPAnimEncoder* enc = WebPAnimEncoderNew(w, h, &encOptions);
    if (!enc)
        return Error{QCoreApplication::translate("Animation", "The WebP encoder could not start.").toStdString()};
    int timestamp = 0;
    bool ok = true;
    for (const QImage& f : frames) {
        const QImage rgba = f.convertToFormat(QImage::Format_RGBA8888);
        WebPPicture pic;
        WebPPictureInit(&pic);
        pic.use_argb = 1;
        pic.width = w;
        pic.height = h;
        ok = WebPPictureImportRGBA(&pic, rgba.constBits(), static_cast<int>(rgba.bytesPerLine())) &&
             WebPAnimEncoderAdd(enc, &pic, timestamp, &config);
        WebPPictureFree(&pic);
        if (!ok)
            break;
        timestamp += std::max(1, delayMs);
    }
    WebPData data;
    WebPDataInit(&data);
    ok = ok && WebPAnimEncoderAdd(enc, nullptr, timestamp, nullptr) && WebPAnimEncoderAssemble(enc, &data);
    QByteArray out;
    if (ok)
        out = QByteArray(reinterpret_cast<const char*>(data.bytes), static_cast<qsizetype>(data.size));
    const QString why = QString::fromUtf8(WebPAnimEncoderGetError(enc));
    WebPDataClear(&data);
    WebPAnimEncoderDelete(enc);
    if (!ok)
        return Error{
            QCoreApplication::translate("Animation", "Encoding the WebP animation failed: %1").arg(why).toStdString()};
    return out;
}

Status writeGif(const QList<QImage>& frames, int delayMs, const QString& path)
{
    auto bytes = encodeGif(frames, delayMs);
    if (!bytes)
        return bytes.failure();
    return saveBytesAtomically(bytes.value(), path);
}

Status writeWebP(const QList<QImage>& frames, int delayMs, const QString& path)
{
    auto bytes = encodeWebP(frames, delayMs);
    if (!bytes)
        return bytes.failure();
    return saveBytesAtomically(bytes.value(), path);
}

Result<DecodedAnimation> decodeGif(const QByteArray& bytes)
{
    ReadState state{&bytes, 0};
    int err = 0;
    GifFileType* gif = DGifOpen(&state, readFromByteArray, &err);
    if (!gif)
        return Error{QCoreApplication::translate("Animation", "This is not a GIF file.").toStdString()};
    if (DGifSlurp(gif) != GIF_OK) {
        DGifCloseFile(gif, &err);
        return Error{QCoreApplication::translate("Animation", "The GIF file is damaged.").toStdString()};
    }
    DecodedAnimation a;
    a.width = gif->SWidth;
    a.height = gif->SHeight;
    QImage canvas(a.width, a.height, QImage::Format_RGBA8888);
    canvas.fill(Qt::black);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage& s = gif->SavedImages[i];
        const ColorMapObject* map = s.ImageDesc.ColorMap ? s.ImageDesc.ColorMap : gif->SColorMap;
        if (!map)
            continue;
        for (int y = 0; y < s.ImageDesc.Height; ++y)
            for (int x = 0; x < s.ImageDesc.Width; ++x) {
                const int idx = s.RasterBits[y * s.ImageDesc.Width + x];
                if (idx >= map->ColorCount)
                    continue;
                const GifColorType c = map->Colors[idx];
                canvas.setPixelColor(s.ImageDesc.Left + x, s.ImageDesc.Top + y, QColor(c.Red, c.Green, c.Blue));
            }
        a.frames.append(canvas.copy());
    }
    DGifCloseFile(gif, &err);
    return a;
}

Result<DecodedAnimation> decodeWebP(const QByteArray& bytes)
{
    WebPData data{reinterpret_cast<const uint8_t*>(bytes.constData()), static_cast<size_t>(bytes.size())};
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options))
        return Error{
            QCoreApplication::translate("Animation", "The WebP library is not the version this program was built with.")
                .toStdString()};
    options.color_mode = MODE_RGBA;
    WebPAnimDecoder* dec = WebPAnimDecoderNew(&data, &options);
    if (!dec)
        return Error{QCoreApplication::translate("Animation", "This is not a WebP animation.").toStdString()};
    WebPAnimInfo info;
    WebPAnimDecoderGetInfo(dec, &info);
    DecodedAnimation a;
    a.width = static_cast<int>(info.canvas_width);
    a.height = static_cast<int>(info.canvas_height);
    while (WebPAnimDecoderHasMoreFrames(dec)) {
        uint8_t* buf = nullptr;
        int timestamp = 0;
        if (!WebPAnimDecoderGetNext(dec, &buf, &timestamp))
            break;
        a.frames.append(QImage(buf, a.width, a.height, a.width * 4, QImage::Format_RGBA8888).copy());
    }
    WebPAnimDecoderDelete(dec);
    return a;
}

} // namespace ddpm
