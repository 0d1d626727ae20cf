// Helpers shared by the fuzz harnesses: a scratch file rewritten per input, one-time process setup,
// and a quiet-by-default note for seeing how far an input got (FUZZ_VERBOSE=1).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace fuzz {

// One thread: LibTorch's pool would otherwise spin up per input, and libFuzzer runs one input at a time.
inline void setupOnce()
{
    static const bool done = [] {
        ::setenv("OMP_NUM_THREADS", "1", 0);
        torch::set_num_threads(1);
        return true;
    }();
    (void)done;
}

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

// Reads every byte of a CPU tensor's data through memcpy, which ASan checks: a tensor whose sizes
// claim more than its storage holds shows up here even though LibTorch itself is not instrumented.
inline void touch(const torch::Tensor& t)
{
    if (!t.defined())
        return;
    const torch::Tensor c = t.contiguous();
    const size_t bytes = static_cast<size_t>(c.numel()) * c.element_size();
    if (bytes == 0)
        return;
    if (c.storage().nbytes() < bytes + static_cast<size_t>(c.storage_offset()) * c.element_size())
        std::abort(); // a tensor larger than its storage: a reader bug
    static std::string sink;
    sink.resize(bytes);
    std::memcpy(sink.data(), c.data_ptr(), bytes);
}

} // namespace fuzz
