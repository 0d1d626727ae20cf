// Image files in a `folder:DIR` data set: loadImageFolder (app/common/imageio.h, Qt's image readers,
// then centre crop, resize and conversion to a tensor) on a folder whose one file holds the input. The
// format is found from the content (PNG, JPEG, GIF, BMP, WebP, … as the installed plugins allow). Built
// only where Qt is (the ordinary build's tests; not the fuzz build without Qt).
#include "fuzzutil.h"
#include "imageio.h"

#include <QCoreApplication>
#include <filesystem>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::setupOnce();
    static int argc = 1;
    static char name[] = "fuzz_image";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
    static const std::string dir = [] {
        std::string d = fuzz::scratchFolder() + "/ddpm-fuzz-image-XXXXXX";
        if (!::mkdtemp(d.data()))
            std::abort();
        static std::string made = d;
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(made, ec);
        });
        return d;
    }();
    const std::string path = dir + "/image";
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f)
            return 0;
        const bool ok = std::fwrite(data, 1, size, f) == size;
        std::fclose(f);
        if (!ok)
            return 0;
    }
    const int64_t channels = size % 2 ? 3 : 1;
    ddpm::FolderReport report;
    auto ds = ddpm::loadImageFolder(QString::fromStdString(dir), channels, 8, &report);
    if (!ds) {
        fuzz::note(ds.failure().message());
        return 0;
    }
    fuzz::note("loaded " + std::to_string(report.loaded) + ", skipped " + std::to_string(report.skipped));
    fuzz::touch(ds->images);
    return 0;
}
