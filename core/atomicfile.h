// Saving a file so that a crash, a kill or a full disk leaves the previous file or the new one, never
// half of it: the bytes go to a temporary file beside the target, are fsynced, and renamed into place
// (the folder fsynced too). Standard library and POSIX only, so any part of the engine may use it.
#pragma once

#include "result.h"

#include <cerrno>
#include <cstdio>
#include <string>

namespace ddpm {

// Writes bytes to `path` through a temporary file in the same folder, fsync and rename: the previous
// file stays whole until the new one is complete. A symbolic link is followed (its target is
// replaced, the link kept); a new file gets the user's umask, an existing one keeps its mode. Stale
// temporaries of this program beside `path` (their writer no longer runs) are removed. A pipe or a
// character device (`/dev/stdout`, `/dev/null`) has no file to keep: it is written to directly. A
// socket or a block device is refused.
Status writeFileAtomically(const std::string& path, const std::string& bytes);

// Whether a file can be saved at `path` (its folder exists and takes new files; it is no folder itself),
// tried by creating and removing a temporary file beside it.
Status checkWritable(const std::string& path);

// The same for data written by `emit`, which gets a FILE* and returns false on a write error.
template <typename F> Status writeFileAtomicallyWith(const std::string& path, F&& emit);

namespace detail {
struct AtomicFile {
    std::string target, tmp;
    std::FILE* f = nullptr;
    int mode = 0;
    bool stream = false; // a pipe or a character device, written to directly
};
Result<AtomicFile> beginAtomicWrite(const std::string& path);
Status commitAtomicWrite(AtomicFile& a, bool written, int writeErrno);
} // namespace detail

template <typename F> Status writeFileAtomicallyWith(const std::string& path, F&& emit)
{
    auto begun = detail::beginAtomicWrite(path);
    if (!begun)
        return begun.failure();
    bool ok = false;
    int err = 0;
    try {
        errno = 0;
        ok = emit(begun->f);
        err = errno; // why a write failed (a full disk), before anything else can change it
    } catch (...) {
        ok = false;
    }
    return detail::commitAtomicWrite(begun.value(), ok, err);
}

} // namespace ddpm
