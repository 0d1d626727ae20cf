#include "trainoutput.h"

#include "commandline.h"

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
    const auto mb = [](uintmax_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); };
    return fail("--out " + out + ": its disk has " + mb(space.available) + " MB free, and the checkpoint needs about " +
                    mb(needed) + " MB: free some space, or name a folder on another disk",
                2);
}

std::string savedState(const std::string& out, long long savedStep)
{
    return savedStep >= 0 ? "'" + out + "' holds step " + std::to_string(savedStep) + ", its last save"
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
