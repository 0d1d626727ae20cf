#include "checkpoint.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ddpm {

namespace {

constexpr char kMagic[8] = {'D', 'D', 'P', 'M', 'C', 'K', 'P', 'T'};
constexpr size_t kHeader = 8 + 4 + 8 + 4;

void put32(std::string& s, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put64(std::string& s, uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t get(const std::string& s, size_t at, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= uint64_t{static_cast<unsigned char>(s[at + static_cast<size_t>(i)])} << (8 * i);
    return v;
}

uint32_t crc(const std::string& s, size_t from)
{
    uLong c = crc32(0L, Z_NULL, 0);
    const auto* p = reinterpret_cast<const Bytef*>(s.data() + from);
    size_t left = s.size() - from;
    while (left > 0) {
        const auto n = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
        c = crc32(c, p, n);
        p += n;
        left -= n;
    }
    return static_cast<uint32_t>(c);
}

} // namespace

Status writeFileAtomically(const std::string& path, const std::string& bytes)
{
    std::string tmpl = path + ".tmp-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), path, systemError(errno));
    const std::string tmp(name.data());
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const Error why = systemError(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return fail(DDPM_MSG("Engine",
                                 "cannot write '%1': %2 (the previous file, if any, is unchanged)"),
                        path, why);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0 || ::close(fd) != 0) {
        const Error why = systemError(errno);
        ::unlink(tmp.c_str());
        return fail(DDPM_MSG("Engine", "cannot write '%1': %2 (the previous file, if any, is unchanged)"), path, why);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const Error why = systemError(errno);
        ::unlink(tmp.c_str());
        return fail(DDPM_MSG("Engine", "cannot replace '%1': %2"), path, why);
    }
    return Ok{};
}

Status writeCheckpointFile(torch::serialize::OutputArchive& archive, const std::string& path)
{
    std::string payload;
    try {
        std::ostringstream os(std::ios::binary);
        archive.save_to(os);
        payload = os.str();
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot serialise the checkpoint: %1"), e.what());
    }
    std::string file(kMagic, sizeof kMagic);
    put32(file, kCheckpointVersion);
    put64(file, payload.size());
    put32(file, 0); // CRC, filled below
    file += payload;
    const uint32_t c = crc(file, kHeader);
    for (int i = 0; i < 4; ++i)
        file[20 + static_cast<size_t>(i)] = static_cast<char>((c >> (8 * i)) & 0xff);
    return writeFileAtomically(path, file);
}

Result<std::shared_ptr<torch::serialize::InputArchive>> readCheckpointFile(const std::string& path)
{
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
    std::string data;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        data.append(buf, n);
    const bool failed = std::ferror(f);
    std::fclose(f);
    if (failed)
        return fail(DDPM_MSG("Engine", "cannot read '%1'"), path);
    if (data.size() < kHeader || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    const auto version = get(data, 8, 4);
    if (version != kCheckpointVersion)
        return fail(DDPM_MSG("Engine",
                             "'%1' is a checkpoint of format version %2; this program reads version %3"),
                    path,
                    version, kCheckpointVersion);
    const auto length = get(data, 12, 8);
    if (data.size() - kHeader < length)
        return fail(DDPM_MSG("Engine", "'%1' is truncated: %2 of %3 bytes are there"), path, data.size() - kHeader,
                    length);
    if (data.size() - kHeader > length)
        return fail(DDPM_MSG("Engine", "'%1' has unexpected bytes after the checkpoint"), path);
    if (crc(data, kHeader) != static_cast<uint32_t>(get(data, 20, 4)))
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its checksum does not match its contents"), path);
    auto archive = std::make_shared<torch::serialize::InputArchive>();
    try {
        std::istringstream is(data.substr(kHeader), std::ios::binary);
        archive->load_from(is);
    } catch (const std::exception&) {
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its contents cannot be read"), path);
    }
    return archive;
}

} // namespace ddpm
