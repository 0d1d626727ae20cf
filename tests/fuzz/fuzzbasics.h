// Helpers shared by every fuzz harness, LibTorch-free (fuzz_image links no LibTorch): a scratch file
// rewritten per input and a quiet-by-default note for seeing how far an input got (FUZZ_VERBOSE=1).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace fuzz {

inline bool verbose()
{
    static const bool v = std::getenv("FUZZ_VERBOSE") != nullptr;
    return v;
}

inline void note(const std::string& what)
{
    if (verbose())
        std::fprintf(stderr, "  %s\n", what.c_str());
}

// A folder for scratch files: /dev/shm (memory) when writable, else $TMPDIR, else /tmp.
inline std::string scratchFolder()
{
    if (::access("/dev/shm", W_OK) == 0)
        return "/dev/shm";
    const char* tmp = std::getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

// A file created once with mkstemp, rewritten with each input, removed at exit.
class ScratchFile {
public:
    explicit ScratchFile(const std::string& suffix = {})
    {
        std::string pattern = scratchFolder() + "/ddpm-fuzz-XXXXXX" + suffix;
        m_fd = ::mkstemps(pattern.data(), static_cast<int>(suffix.size()));
        if (m_fd < 0)
            throw std::runtime_error("mkstemps failed in " + scratchFolder());
        m_path = pattern;
    }
    ~ScratchFile()
    {
        ::close(m_fd);
        ::unlink(m_path.c_str());
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    // Replaces the contents with `size` bytes; false when the disk refused.
    bool write(const uint8_t* data, size_t size)
    {
        if (::ftruncate(m_fd, 0) != 0)
            return false;
        size_t done = 0;
        while (done < size) {
            const ssize_t n = ::pwrite(m_fd, data + done, size - done, static_cast<off_t>(done));
            if (n <= 0)
                return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }
    const std::string& path() const { return m_path; }

private:
    int m_fd = -1;
    std::string m_path;
};

} // namespace fuzz
