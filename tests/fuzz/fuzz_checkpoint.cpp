// Checkpoints and classifiers as files a stranger may send: loadCheckpoint and loadClassifier on the
// input written to a scratch file. An input that starts with the format-1 magic "DDPMCKPT" (magic,
// u32 version, u64 payload length, u32 CRC-32 of the payload, payload) gets its length and CRC
// rewritten to match, so that mutations get past the container checks to the archive checks.
#include "classifier.h"
#include "fuzzutil.h"
#include "trainer.h"

#include <zlib.h>

#include <cstring>
#include <vector>

namespace {

constexpr size_t kLegacyHeader = 24;

void putLe(uint8_t* at, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        at[i] = static_cast<uint8_t>(v >> (8 * i));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::setupOnce();
    static fuzz::ScratchFile file(".ckpt");
    std::vector<uint8_t> bytes(data, data + size);
    if (size >= kLegacyHeader && std::memcmp(data, "DDPMCKPT", 8) == 0) {
        const size_t payload = size - kLegacyHeader;
        putLe(bytes.data() + 12, payload, 8);
        const uLong crc = crc32(crc32(0L, Z_NULL, 0), bytes.data() + kLegacyHeader, static_cast<uInt>(payload));
        putLe(bytes.data() + 20, static_cast<uint32_t>(crc), 4);
    }
    if (!file.write(bytes.data(), bytes.size()))
        return 0;
    if (auto model = ddpm::loadCheckpoint(file.path(), torch::kCPU)) {
        fuzz::note("checkpoint loaded, step " + std::to_string(model->step));
        for (const auto& p : model->ema->parameters())
            fuzz::touch(p);
        // A checkpoint that loads must run: one denoising step of a small model at its own size.
        const auto& o = model->config.unet;
        if (o.imageSize() <= 32 && o.ch() <= 64) {
            torch::NoGradGuard noGrad;
            model->ema->eval();
            const auto x = torch::zeros({1, o.imageChannels(), o.imageSize(), o.imageSize()});
            fuzz::touch(model->ema->forward(x, torch::zeros({1}, torch::kLong)));
        }
    } else {
        fuzz::note("checkpoint: " + model.failure().message());
    }
    if (auto classifier = ddpm::loadClassifier(file.path(), torch::kCPU)) {
        fuzz::note("classifier loaded");
        // A classifier that loads must classify a 28×28 image.
        const auto images = torch::zeros({1, 1, 28, 28}, torch::kUInt8);
        fuzz::touch(classifier->probabilities(ddpm::classifierInputFromBytes(images)));
    } else
        fuzz::note("classifier: " + classifier.failure().message());
    return 0;
}
