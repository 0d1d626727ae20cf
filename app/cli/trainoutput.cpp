#include "trainoutput.h"

#include "commandline.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace ddpm::cli {

int checkRoomForCheckpoint(const std::string& out, int64_t parameters)
{
    namespace fs = std::filesystem;
    std::error_code e;
    const fs::path folder = fs::absolute(fs::path(out), e).parent_path();
    const auto space = fs::space(folder, e);
    if (e)
        return 0; // unknown: the save says what happens
    // The weights, their EMA and Adam's two moments in float32: the file's bulk (the loss history and the
    // settings are small beside it). A new file is written whole beside the one it replaces.
    const auto needed = static_cast<uintmax_t>(parameters) * 16;
    if (space.available >= needed)
        return 0;
    // Free space rounded down and the need up, so that the two never read alike.
    const auto mib = [](uintmax_t bytes, bool up) {
        char text[32];
        const double tenths = static_cast<double>(bytes) / (1 << 20) * 10;
        std::snprintf(text, sizeof text, "%.1f", (up ? std::ceil(tenths) : std::floor(tenths)) / 10);
        return std::string(text);
    };
    return fail("--out " + out + ": its disk has " + mib(space.available, false) +
                    " MiB free, and the checkpoint needs about " + mib(needed, true) +
                    " MiB: free some space, or name a folder on another disk",
                2);
}

std::string savedState(const std::string& out, long long savedStep)
{
    return savedStep >= 0 ? "'" + out + "' was last saved at step " + std::to_string(savedStep)
                          : "'" + out + "' is as it was before this run";
}

int saveOrRescue(const Trainer& trainer, const std::string& out, long long savedStep)
{
    const auto step = static_cast<long long>(trainer.stepCount());
    const auto saved = trainer.save(out);
    if (saved) {
        std::fprintf(stderr, "ddpm: saved %s at step %lld\n", out.c_str(), step);
        return 0;
    }
    std::fprintf(stderr, "ddpm: %s\n", saved.error().c_str());
    std::error_code e;
    const auto folder = std::filesystem::temp_directory_path(e);
    const std::string rescue =
        (e ? std::filesystem::path("/tmp") : folder) /
        ("ddpm-unsaved-step" + std::to_string(step) + "-" + std::to_string(::getpid()) + ".ckpt");
    if (auto r = trainer.save(rescue); !r)
        return fail("the model at step " + std::to_string(step) + " is not saved (" + r.error() + "); " +
                    savedState(out, savedStep));
    return fail("the model at step " + std::to_string(step) + " is saved to " + rescue +
                " instead: move it where it belongs (" + savedState(out, savedStep) + ")");
}

} // namespace ddpm::cli
