// Image files in a `folder:DIR` data set: decodeDatasetImage (app/common/imagedecode.h: Qt's image
// readers behind the size guards, then centre crop, resize and conversion) on a file that holds the
// input. The format is found from the content (PNG, JPEG, GIF, BMP, WebP, … as the installed plugins
// allow). Qt only, no LibTorch: Debian's LibTorch loads Qt 5 through OpenCV, and a sanitised process
// that holds Qt 5 and Qt 6 dies before its first input. Built only where Qt is.
#include "fuzzbasics.h"
#include "imagedecode.h"

#include <QCoreApplication>
#include <QImage>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_image";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
    static fuzz::ScratchFile file;
    if (!file.write(data, size))
        return 0;
    // The model's shape from the input's length: grey or colour, 8 or 28 pixels.
    const int channels = size % 2 ? 3 : 1;
    const int side = size % 4 < 2 ? 8 : 28;
    const QImage img = ddpm::decodeDatasetImage(QString::fromStdString(file.path()), channels, side);
    if (img.isNull()) {
        fuzz::note("not decoded");
        return 0;
    }
    const QImage::Format want = channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    if (img.width() != side || img.height() != side || img.format() != want)
        std::abort(); // the data set would be built from a wrongly shaped image
    // Every byte the data set copies, read where ASan sees it.
    static std::string sink;
    for (int y = 0; y < side; ++y)
        sink.assign(reinterpret_cast<const char*>(img.constScanLine(y)), static_cast<size_t>(side * channels));
    fuzz::note("decoded " + std::to_string(img.width()) + "x" + std::to_string(img.height()));
    return 0;
}
