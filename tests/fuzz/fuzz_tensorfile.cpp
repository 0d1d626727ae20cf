// Safetensors files (tensorfile.h), the container of checkpoints and classifiers since format 2:
// readTensorFile over the input through fmemopen, then every tensor's bytes and every metadata value.
#include "fuzzutil.h"
#include "tensorfile.h"

#include <cstdio>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::setupOnce();
    // fmemopen wants a writable buffer and, in older glibc, a size of at least 1.
    std::vector<uint8_t> copy(data, data + size);
    copy.push_back(0);
    std::FILE* f = ::fmemopen(copy.data(), size ? size : 1, "rb");
    if (!f)
        return 0;
    auto file = ddpm::readTensorFile(f, size, "fuzz.safetensors");
    std::fclose(f);
    if (!file) {
        fuzz::note(file.failure().message());
        return 0;
    }
    for (const auto& [name, t] : file->tensors) {
        fuzz::touch(t);
        (void)file->tensor(name);
    }
    for (const auto& [key, value] : file->metadata)
        (void)file->meta(key).size();
    (void)ddpm::looksLikeTensorFile(std::string(reinterpret_cast<const char*>(data), std::min<size_t>(size, 64)));
    return 0;
}
