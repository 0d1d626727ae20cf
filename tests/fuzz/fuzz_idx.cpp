// IDX files (MNIST, Fashion-MNIST, KMNIST): the image and label parsers over the input's bytes, and
// the same bytes read back from a file by readMaybeGzip (raw, or gunzipped when they start with the
// gzip magic) under a 64 MiB limit.
#include "dataset.h"
#include "fuzzutil.h"

#include <vector>

namespace {

void parse(const std::vector<uint8_t>& bytes)
{
    if (auto images = ddpm::parseIdxImages(bytes, "fuzz-images"))
        fuzz::touch(images.value());
    else
        fuzz::note("images: " + images.failure().message());
    if (auto labels = ddpm::parseIdxLabels(bytes, "fuzz-labels"))
        fuzz::touch(labels.value());
    else
        fuzz::note("labels: " + labels.failure().message());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::setupOnce();
    static fuzz::ScratchFile file(".gz");
    parse(std::vector<uint8_t>(data, data + size));
    if (!file.write(data, size))
        return 0;
    if (auto bytes = ddpm::readMaybeGzip(file.path(), size_t{64} << 20))
        parse(bytes.value());
    else
        fuzz::note("gzip: " + bytes.failure().message());
    return 0;
}
