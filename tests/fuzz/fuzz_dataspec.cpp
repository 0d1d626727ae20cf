// Data-set specs (--data SPEC, the studio's data field): loadDataSpec on the input's text, with a
// folder loader that refuses (folders are Qt's image readers, fuzz_image) and fitting to the model's
// channels and size that the first byte picks. Nothing big is loaded: the harness works in a scratch
// folder holding tiny IDX and CIFAR files (and a tiny Fashion-MNIST, DDPM_FASHION_MNIST_DIR), and skips
// specs that name a path outside it ('/' or '..'), a synthetic set of more than 64 images, or the
// default 10,000.
#include "dataset.h"
#include "fuzzutil.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

void writeFile(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<uint8_t> idxImages(int n, int rows, int cols)
{
    std::vector<uint8_t> b{0, 0, 8, 3,
                           0, 0, 0, static_cast<uint8_t>(n),
                           0, 0, 0, static_cast<uint8_t>(rows),
                           0, 0, 0, static_cast<uint8_t>(cols)};
    for (int i = 0; i < n * rows * cols; ++i)
        b.push_back(static_cast<uint8_t>(i * 37));
    return b;
}

std::vector<uint8_t> idxLabels(int n)
{
    std::vector<uint8_t> b{0, 0, 8, 1, 0, 0, 0, static_cast<uint8_t>(n)};
    for (int i = 0; i < n; ++i)
        b.push_back(static_cast<uint8_t>(i % 10));
    return b;
}

// The scratch folder, made once and entered: relative specs resolve inside it.
void enterSandbox()
{
    static const bool done = [] {
        std::string dir = fuzz::scratchFolder() + "/ddpm-fuzz-spec-XXXXXX";
        if (!::mkdtemp(dir.data()) || ::chdir(dir.c_str()) != 0)
            std::abort();
        static std::string made = dir;
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(made, ec);
        });
        writeFile("images.idx", idxImages(3, 4, 4));
        writeFile("labels.idx", idxLabels(3));
        std::vector<uint8_t> cifar(2 * 3073);
        for (size_t i = 0; i < cifar.size(); ++i)
            cifar[i] = static_cast<uint8_t>(i % 3073 == 0 ? i / 3073 : i * 13);
        writeFile("data_batch_1.bin", cifar);
        writeFile("test_batch.bin", std::vector<uint8_t>(cifar.begin(), cifar.begin() + 3073));
        writeFile("train-images-idx3-ubyte", idxImages(2, 28, 28));
        writeFile("train-labels-idx1-ubyte", idxLabels(2));
        writeFile("t10k-images-idx3-ubyte", idxImages(1, 28, 28));
        writeFile("t10k-labels-idx1-ubyte", idxLabels(1));
        ::setenv("DDPM_FASHION_MNIST_DIR", dir.c_str(), 1);
        return true;
    }();
    (void)done;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::setupOnce();
    enterSandbox();
    if (size < 1 || size > 256)
        return 0;
    const int64_t channels = (data[0] & 1) ? 3 : 1;
    static const int64_t kSizes[] = {4, 8, 16, 28, 32, 7};
    const int64_t side = kSizes[(data[0] >> 1) % 6];
    const std::string spec(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string arg = spec.find(':') == std::string::npos ? std::string{} : spec.substr(spec.find(':') + 1);
    if (spec.find('/') != std::string::npos || spec.find("..") != std::string::npos)
        return 0; // a path outside the scratch folder: /dev/zero, /proc, a user's big files
    if (spec.rfind("synthetic", 0) == 0 && (arg.empty() || std::atoll(arg.c_str()) > 64))
        return 0; // thousands of procedural images: slow, and not the parser
    const ddpm::FolderLoader refuse = [](const std::string& dir, int64_t, int64_t) -> ddpm::Result<ddpm::Dataset> {
        return ddpm::Error{"folders are not read here: " + dir};
    };
    auto ds = ddpm::loadDataSpec(spec, channels, side, refuse);
    if (!ds) {
        fuzz::note(ds.failure().message());
        return 0;
    }
    fuzz::note("loaded " + std::to_string(ds->size()) + " images");
    fuzz::touch(ds->images);
    fuzz::touch(ds->labels);
    if (ds->size() > 0 && (ds->channels() != channels || ds->height() != side || ds->width() != side))
        std::abort(); // loadDataSpec promises a set that fits the model
    return 0;
}
