#include "atomicfile.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace ddpm {

namespace {

mode_t currentUmask()
{
    // /proc/self/status names it without changing it (umask() would, for a moment, for every thread).
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::strtol(line.c_str() + 6, nullptr, 8));
    const mode_t m = ::umask(022);
    ::umask(m);
    return m;
}

std::string dirName(const std::string& p)
{
    const auto slash = p.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : p.substr(0, slash);
}
std::string baseName(const std::string& p)
{
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

// The file a save to `path` replaces: the target of a symbolic link, followed.
std::string resolveTarget(const std::string& path)
{
    std::string p = path;
    for (int hop = 0; hop < 16; ++hop) {
        struct stat st { };
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        std::vector<char> buf(PATH_MAX + 1);
        const ssize_t n = ::readlink(p.c_str(), buf.data(), PATH_MAX);
        if (n <= 0)
            return p;
        std::string link(buf.data(), static_cast<size_t>(n));
        p = link[0] == '/' ? link : dirName(p) + "/" + link;
    }
    return p;
}

// Temporaries "<name>.tmp-<pid>-XXXXXX" beside `target` whose writing process is gone.
void removeStaleTemporaries(const std::string& target)
{
    const std::string prefix = baseName(target) + ".tmp-";
    DIR* d = ::opendir(dirName(target).c_str());
    if (!d)
        return;
    while (dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name.rfind(prefix, 0) != 0)
            continue;
        char* end = nullptr;
        const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
        if (pid <= 0 || !end || *end != '-')
            continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            ::unlink((dirName(target) + "/" + name).c_str());
    }
    ::closedir(d);
}

bool isStream(const struct stat& st)
{
    return S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode); // a socket cannot be opened by its name
}

// `path` as it is: stat follows every link, /proc's as well (/dev/stdout on a pipe names "pipe:[…]",
// which no path reaches).
bool namesStream(const std::string& path)
{
    struct stat st { };
    return ::stat(path.c_str(), &st) == 0 && isStream(st);
}

void fsyncDir(const std::string& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

namespace detail {

Result<AtomicFile> beginAtomicWrite(const std::string& path)
{
    AtomicFile a;
    if (namesStream(path)) {
        a.target = path;
        a.stream = true;
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
            return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), path, systemError(errno));
        a.f = ::fdopen(fd, "wb");
        if (!a.f) {
            const int err = errno;
            ::close(fd);
            return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), path, systemError(err));
        }
        return a;
    }
    a.target = resolveTarget(path);
    struct stat st { };
    if (::stat(a.target.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return fail(DDPM_MSG("Engine", "cannot write '%1': it is a folder"), path);
        if (!S_ISREG(st.st_mode))
            return fail(DDPM_MSG("Engine", "cannot write '%1': it is not a regular file, a pipe or a terminal"), path);
        // The rename below would replace a file this user may not write (read-only, or another user's)
        // as long as the folder is writable: refuse, as an editor does. Root may write anything, so for
        // root a file without any write permission counts as read-only.
        if (::access(a.target.c_str(), W_OK) != 0 || (::geteuid() == 0 && (st.st_mode & 0222) == 0))
            return fail(DDPM_MSG("Engine", "cannot replace '%1': the file is write-protected (read-only, or not "
                                           "this user's to write)"),
                        path);
        a.mode = static_cast<int>(st.st_mode & 07777);
    } else {
        a.mode = static_cast<int>(0666 & ~currentUmask());
    }
    removeStaleTemporaries(a.target);
    std::string tmpl = a.target + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) { // the new contents go to a file beside the target first: say which folder refused it
        const int err = errno;
        std::string folder = std::filesystem::path(a.target).parent_path().string();
        if (folder.empty())
            folder = ".";
        struct stat dir { };
        if (::stat(folder.c_str(), &dir) == 0 && !S_ISDIR(dir.st_mode))
            return fail(DDPM_MSG("Engine", "cannot write '%1': '%2' is a file, not a folder"), path, folder);
        if (::stat(folder.c_str(), &dir) != 0)
            return fail(DDPM_MSG("Engine", "cannot write '%1': the folder '%2' does not exist"), path, folder);
        return fail(DDPM_MSG("Engine", "cannot write '%1': the folder '%2' takes no new file (%3)"), path, folder,
                    systemError(err));
    }
    a.tmp = name.data();
    a.f = ::fdopen(fd, "wb");
    if (!a.f) {
        const int err = errno;
        ::close(fd);
        ::unlink(a.tmp.c_str());
        return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), path, systemError(err));
    }
    return a;
}

Status commitAtomicWrite(AtomicFile& a, bool written, int writeErrno)
{
    int err = written ? 0 : (writeErrno ? writeErrno : EIO);
    bool ok = written;
    if (a.stream) { // nothing to sync or rename: what was written is there
        if (ok && std::fflush(a.f) != 0) {
            ok = false;
            err = errno ? errno : EIO;
        }
        std::fclose(a.f);
        a.f = nullptr;
        if (!ok)
            return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), a.target, systemError(err));
        return Ok{};
    }
    if (ok) {
        errno = 0;
        ok = std::fflush(a.f) == 0 && !std::ferror(a.f);
        err = ok ? 0 : (errno ? errno : EIO);
    }
    if (ok && (::fsync(::fileno(a.f)) != 0 || ::fchmod(::fileno(a.f), static_cast<mode_t>(a.mode)) != 0)) {
        ok = false;
        err = errno;
    }
    if (std::fclose(a.f) != 0 && ok) {
        ok = false;
        err = errno;
    }
    a.f = nullptr;
    if (!ok) {
        ::unlink(a.tmp.c_str());
        return fail(DDPM_MSG("Engine", "cannot write '%1': %2 (the previous file, if any, is unchanged)"), a.target,
                    systemError(err));
    }
    if (::rename(a.tmp.c_str(), a.target.c_str()) != 0) {
        err = errno;
        ::unlink(a.tmp.c_str());
        return fail(DDPM_MSG("Engine", "cannot replace '%1': %2"), a.target, systemError(err));
    }
    fsyncDir(dirName(a.target));
    return Ok{};
}

} // namespace detail

Status checkWritable(const std::string& path)
{
    if (namesStream(path)) { // opened only to write: opening a pipe waits for its reader
        if (::access(path.c_str(), W_OK) != 0)
            return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), path, systemError(errno));
        return Ok{};
    }
    auto begun = detail::beginAtomicWrite(path);
    if (!begun)
        return begun.failure();
    std::fclose(begun->f);
    ::unlink(begun->tmp.c_str());
    return Ok{};
}

Status writeFileAtomically(const std::string& path, const std::string& bytes)
{
    return writeFileAtomicallyWith(path, [&](std::FILE* f) {
        return bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    });
}

} // namespace ddpm
