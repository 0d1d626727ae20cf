#include "tensorfile.h"

#include "device.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace ddpm {

torch::Tensor TensorFile::tensor(const std::string& name) const
{
    const auto it = tensors.find(name);
    return it == tensors.end() ? torch::Tensor() : it->second;
}

std::string TensorFile::meta(const std::string& key, const std::string& fallback) const
{
    const auto it = metadata.find(key);
    return it == metadata.end() ? fallback : it->second;
}

namespace {

struct DtypeName {
    torch::Dtype dtype;
    const char* name;
    size_t bytes;
};
constexpr DtypeName kDtypes[] = {
    {torch::kFloat64, "F64", 8},   {torch::kFloat32, "F32", 4}, {torch::kFloat16, "F16", 2},
    {torch::kBFloat16, "BF16", 2}, {torch::kInt64, "I64", 8},   {torch::kInt32, "I32", 4},
    {torch::kInt16, "I16", 2},     {torch::kInt8, "I8", 1},     {torch::kUInt8, "U8", 1},
    {torch::kBool, "BOOL", 1},
};

const DtypeName* byDtype(torch::Dtype d)
{
    for (const auto& e : kDtypes)
        if (e.dtype == d)
            return &e;
    return nullptr;
}
const DtypeName* byName(const std::string& n)
{
    for (const auto& e : kDtypes)
        if (n == e.name)
            return &e;
    return nullptr;
}

uint32_t crcUpdate(uint32_t c, const void* data, size_t n);
std::string hex32(uint32_t v);

constexpr const char* kDataCrc = "ddpm.crc32";
constexpr const char* kHeaderCrc = "ddpm.header_crc32";

// Whether `key` is `name` with exactly one byte changed (a flipped bit in the file).
bool oneByteApart(const std::string& key, const std::string& name)
{
    if (key.size() != name.size())
        return false;
    size_t differ = 0;
    for (size_t i = 0; i < key.size() && differ < 2; ++i)
        differ += key[i] != name[i] ? 1 : 0;
    return differ == 1;
}

// The CRC-32 of what the header says, in a fixed form: every metadata entry but the two checksums, and
// every tensor's dtype, shape and byte range. The data's CRC leaves the header out, where a flipped bit
// would change a setting (β_end 0.02 to 0.03) and still open.
std::string headerChecksum(const std::map<std::string, std::string>& metadata,
                           const std::map<std::string, TensorIndex::Entry>& entries)
{
    std::string text;
    for (const auto& [k, v] : metadata)
        if (k != kDataCrc && k != kHeaderCrc)
            text += k + '\0' + v + '\n';
    for (const auto& [name, e] : entries) {
        const auto* d = byDtype(e.dtype);
        text += name + '\0' + (d ? d->name : "?") + '\0';
        for (int64_t n : e.shape)
            text += std::to_string(n) + ',';
        text += '\0' + std::to_string(e.begin) + '-' + std::to_string(e.end) + '\n';
    }
    return hex32(crcUpdate(crcUpdate(0, nullptr, 0), text.data(), text.size()));
}

uint32_t crcUpdate(uint32_t c, const void* data, size_t n)
{
    const auto* p = static_cast<const Bytef*>(data);
    uLong acc = c;
    while (n > 0) {
        const auto k = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
        acc = crc32(acc, p, k);
        p += k;
        n -= k;
    }
    return static_cast<uint32_t>(acc);
}

std::string hex32(uint32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return buf;
}

// The deepest nesting of objects and arrays in a JSON text (strings skipped), so that a header of
// a million '[' is refused before the recursive parser sees it.
int64_t jsonDepth(const std::string& s)
{
    int64_t depth = 0, deepest = 0;
    bool inString = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

Result<uint64_t> checkRegularFile(const std::string& path, uint64_t maxBytes)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
    if (S_ISDIR(st.st_mode))
        return fail(DDPM_MSG("Engine", "'%1' is a folder, not a file"), path);
    if (!S_ISREG(st.st_mode))
        return fail(DDPM_MSG("Engine", "'%1' is not a regular file (a device, a pipe or a socket): it is not read"),
                    path);
    if (static_cast<uint64_t>(st.st_size) > maxBytes)
        return fail(DDPM_MSG("Engine", "'%1' is larger than the %2 MiB this program reads"), path, maxBytes >> 20);
    return static_cast<uint64_t>(st.st_size);
}

bool looksLikeTensorFile(const std::string& first)
{
    if (first.size() < 9)
        return false;
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i)
        n |= uint64_t{static_cast<unsigned char>(first[static_cast<size_t>(i)])} << (8 * i);
    return n >= 2 && n <= limits::kMaxHeaderBytes && first[8] == '{';
}

Status writeTensorFile(const std::string& path, const TensorFile& file)
{
    struct Entry {
        const std::string* name;
        torch::Tensor t;
        size_t bytes;
    };
    std::vector<Entry> entries;
    std::map<std::string, TensorIndex::Entry> index; // what the header says, for its checksum
    nlohmann::json header = nlohmann::json::object();
    uint64_t offset = 0;
    uint32_t crc = crcUpdate(0, nullptr, 0);
    try {
        for (const auto& [name, tensor] : file.tensors) {
            if (name == "__metadata__" || !tensor.defined())
                return fail(DDPM_MSG("Engine", "cannot write '%1': the tensor '%2' cannot be stored"), path, name);
            const auto* d = byDtype(tensor.scalar_type());
            if (!d)
                return fail(DDPM_MSG("Engine", "cannot write '%1': the tensor '%2' has a type this format lacks"), path,
                            name);
            auto t = tensor.detach().to(torch::kCPU).contiguous();
            const size_t bytes = static_cast<size_t>(t.numel()) * d->bytes;
            header[name] = {{"dtype", d->name}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
            index[name] = {d->dtype, t.sizes().vec(), offset, offset + bytes};
            offset += bytes;
            if (bytes > 0)
                crc = crcUpdate(crc, t.data_ptr(), bytes);
            entries.push_back({&name, t, bytes});
        }
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot write '%1': %2"), path, exceptionSummary(e));
    }
    auto meta = nlohmann::json::object();
    for (const auto& [k, v] : file.metadata)
        meta[k] = v;
    meta[kDataCrc] = hex32(crc);
    // Over the metadata as it will be read back: the dump below replaces bytes that are not UTF-8.
    std::map<std::string, std::string> written;
    const auto readBack = nlohmann::json::parse(meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    for (auto it = readBack.begin(); it != readBack.end(); ++it)
        written[it.key()] = it.value().get<std::string>();
    meta[kHeaderCrc] = headerChecksum(written, index);
    header["__metadata__"] = meta;
    std::string text = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    while ((8 + text.size()) % 8 != 0)
        text.push_back(' ');
    return writeFileAtomicallyWith(path, [&](std::FILE* f) {
        unsigned char len[8];
        for (int i = 0; i < 8; ++i)
            len[i] = static_cast<unsigned char>((uint64_t{text.size()} >> (8 * i)) & 0xff);
        if (std::fwrite(len, 1, 8, f) != 8 || std::fwrite(text.data(), 1, text.size(), f) != text.size())
            return false;
        for (const auto& e : entries)
            if (e.bytes > 0 && std::fwrite(e.t.data_ptr(), 1, e.bytes, f) != e.bytes)
                return false;
        return true;
    });
}

std::string TensorIndex::meta(const std::string& key, const std::string& fallback) const
{
    const auto it = metadata.find(key);
    return it == metadata.end() ? fallback : it->second;
}

namespace {

// Refused as a whole: the file may not be a tensor file at all.
Error damaged(const std::string& name, const char* why)
{
    return fail(DDPM_MSG("Engine", "'%1' is damaged or not a tensor file: %2"), name, fail(why));
}

Error malformedEntry(const std::string& name, const std::string& key)
{
    return fail(DDPM_MSG("Engine", "'%1' is damaged: the entry of tensor '%2' is malformed"), name, key);
}

// The JSON text after the 8-byte length, read only when the length fits the file and the limit;
// leaves `f` at the start of the data section.
Result<std::string> readHeaderText(std::FILE* f, uint64_t size, const std::string& name)
{
    if (size < 8)
        return damaged(name, DDPM_MSG("Engine", "it is shorter than its header"));
    unsigned char len[8];
    if (std::fread(len, 1, 8, f) != 8)
        return fail(DDPM_MSG("Engine", "cannot read '%1'"), name);
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i)
        n |= uint64_t{len[i]} << (8 * i);
    if (n > limits::kMaxHeaderBytes || n > size - 8)
        return fail(DDPM_MSG("Engine", "'%1' is truncated or damaged: its header claims %2 bytes, and the file holds "
                                       "%3 in all"),
                    name, n, size);
    std::string text(n, '\0');
    if (n > 0 && std::fread(text.data(), 1, n, f) != n)
        return fail(DDPM_MSG("Engine", "'%1' is truncated inside its header"), name);
    return text;
}

// The header as a JSON object. The nesting is measured before parsing because the parser recurses.
Result<nlohmann::json> parseHeader(const std::string& text, const std::string& name)
{
    if (jsonDepth(text) > limits::kMaxHeaderDepth)
        return damaged(name, DDPM_MSG("Engine", "its header is nested too deeply"));
    auto header = nlohmann::json::parse(text, nullptr, false);
    if (header.is_discarded() || !header.is_object())
        return damaged(name, DDPM_MSG("Engine", "its header is not a JSON object"));
    if (header.size() > static_cast<size_t>(limits::kMaxTensors))
        return damaged(name, DDPM_MSG("Engine", "it names too many tensors"));
    return header;
}

// The strings under "__metadata__", added to `out`.
Status readMetadata(const nlohmann::json& value, const std::string& name, std::map<std::string, std::string>& out)
{
    if (!value.is_object())
        return damaged(name, DDPM_MSG("Engine", "its metadata is not an object"));
    for (const auto& [k, v] : value.items()) {
        if (!v.is_string() || v.get_ref<const std::string&>().size() > limits::kMaxMetadataValueBytes)
            return damaged(name, DDPM_MSG("Engine", "a metadata value is not a string"));
        out[k] = v.get<std::string>();
    }
    return Ok{};
}

// One tensor's entry, valid on its own; checkLayout then checks the entries against each other.
struct HeaderEntry {
    std::string name;
    const DtypeName* dtype;
    std::vector<int64_t> shape;
    uint64_t begin, end;
};

// The entry of tensor `key`: exactly dtype, shape and data_offsets, a known dtype, and a byte range
// as long as the shape needs.
Result<HeaderEntry> parseEntry(const std::string& key, const nlohmann::json& value, const std::string& name)
{
    if (!value.is_object() || value.size() != 3 || !value.contains("dtype") || !value.contains("shape") ||
        !value.contains("data_offsets"))
        return malformedEntry(name, key);
    const auto& dt = value["dtype"];
    const auto& shape = value["shape"];
    const auto& offsets = value["data_offsets"];
    const DtypeName* d = dt.is_string() ? byName(dt.get<std::string>()) : nullptr;
    if (!d)
        return fail(DDPM_MSG("Engine", "'%1' stores tensor '%2' in a type this program does not read"), name, key);
    if (!shape.is_array() || shape.size() > static_cast<size_t>(limits::kMaxTensorRank) || !offsets.is_array() ||
        offsets.size() != 2 || !offsets[0].is_number_unsigned() || !offsets[1].is_number_unsigned())
        return malformedEntry(name, key);
    HeaderEntry e{key, d, {}, offsets[0].get<uint64_t>(), offsets[1].get<uint64_t>()};
    uint64_t bytes = d->bytes;
    bool tooLarge = false;
    for (const auto& s : shape) {
        if (!s.is_number_unsigned())
            return malformedEntry(name, key);
        const uint64_t dim = s.get<uint64_t>();
        if (dim > limits::kMaxCheckpointBytes || (dim != 0 && bytes > limits::kMaxCheckpointBytes / dim))
            tooLarge = true; // more bytes than any file read (checked before the product can overflow)
        else
            bytes *= dim;
        e.shape.push_back(static_cast<int64_t>(std::min<uint64_t>(dim, INT64_MAX)));
    }
    if (tooLarge)
        return fail(DDPM_MSG("Engine", "'%1' is damaged: tensor '%2' is larger than the file"), name, key);
    if (e.begin > e.end || e.end - e.begin != bytes)
        return fail(DDPM_MSG("Engine", "'%1' is damaged: the bytes of tensor '%2' do not match its shape"), name, key);
    return e;
}

// The byte ranges, sorted, must tile the data section of `dataSize` bytes, which starts `dataStart` bytes
// into the file: no overlaps, no gaps, nothing missing at the end and nothing after it.
Status checkLayout(std::vector<HeaderEntry>& entries, uint64_t dataStart, uint64_t dataSize, const std::string& name)
{
    std::sort(entries.begin(), entries.end(), [](const HeaderEntry& a, const HeaderEntry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    uint64_t at = 0;
    for (const auto& e : entries) {
        if (e.begin != at)
            return damaged(name, DDPM_MSG("Engine", "its tensors overlap or leave gaps"));
        at = e.end;
    }
    if (at > dataSize)
        return fail(DDPM_MSG("Engine", "'%1' is truncated: %2 of %3 bytes are there"), name, dataStart + dataSize,
                    dataStart + at); // the file's bytes, as a file manager counts them
    if (at < dataSize)
        return fail(DDPM_MSG("Engine", "'%1' has unexpected bytes after the checkpoint"), name);
    return Ok{};
}

// Reads and validates the header; leaves `f` at the start of the data section.
Result<TensorIndex> readTensorIndex(std::FILE* f, uint64_t size, const std::string& name)
{
    auto text = readHeaderText(f, size, name);
    if (!text)
        return text.failure();
    const auto header = parseHeader(text.value(), name);
    if (!header)
        return header.failure();
    std::vector<HeaderEntry> entries;
    TensorIndex out;
    // Metadata and entries in one pass in key order: the first problem in that order is the one reported.
    for (const auto& [key, value] : header.value().items()) {
        if (key == "__metadata__") {
            if (auto m = readMetadata(value, name, out.metadata); !m)
                return m.failure();
            continue;
        }
        auto e = parseEntry(key, value, name);
        if (!e)
            return e.failure();
        entries.push_back(std::move(e).value());
    }
    // A checksum's key with one byte changed would turn its check off as a deliberate edit does (which
    // removes the key or renames it to another word): that is damage, as a changed value is.
    for (const char* checksum : {kHeaderCrc, kDataCrc})
        for (const auto& [key, value] : out.metadata)
            if (oneByteApart(key, checksum))
                return fail(DDPM_MSG("Engine", "'%1' is damaged: its header has the key \"%2\" where its checksum's "
                                               "\"%3\" belongs"),
                            name, key, std::string(checksum));
    const uint64_t headerBytes = text->size();
    if (auto s = checkLayout(entries, 8 + headerBytes, size - 8 - headerBytes, name); !s)
        return s.failure();
    for (auto& e : entries)
        out.entries[e.name] = {e.dtype->dtype, std::move(e.shape), e.begin, e.end};
    out.dataStart = 8 + headerBytes;
    // Files written before the header had its checksum have none, and open as before.
    if (const auto stored = out.meta(kHeaderCrc);
        !stored.empty() && stored != headerChecksum(out.metadata, out.entries))
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its header does not match its checksum (a setting or a "
                                       "tensor's shape changed after the file was written; a deliberate edit must "
                                       "also remove \"ddpm.header_crc32\")"),
                    name);
    return out;
}

// The index's entries in file order.
std::vector<std::pair<const std::string*, const TensorIndex::Entry*>> inFileOrder(const TensorIndex& index)
{
    std::vector<std::pair<const std::string*, const TensorIndex::Entry*>> order;
    for (const auto& [name, e] : index.entries)
        order.emplace_back(&name, &e);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.second->begin != b.second->begin ? a.second->begin < b.second->begin : a.second->end < b.second->end;
    });
    return order;
}

Error checksumMismatch(const std::string& name)
{
    return fail(DDPM_MSG("Engine", "'%1' is damaged: its checksum does not match its contents"), name);
}

} // namespace

Result<TensorFile> readTensorFile(std::FILE* f, uint64_t size, const std::string& name)
{
    auto index = readTensorIndex(f, size, name);
    if (!index)
        return index.failure();
    TensorFile out;
    out.metadata = index->metadata;
    uint32_t crc = crcUpdate(0, nullptr, 0);
    try {
        for (const auto& [tensorName, e] : inFileOrder(index.value())) {
            auto t = torch::empty(e->shape, torch::TensorOptions().dtype(e->dtype));
            const uint64_t bytes = e->end - e->begin;
            if (bytes > 0) {
                if (std::fread(t.data_ptr(), 1, bytes, f) != bytes)
                    return fail(DDPM_MSG("Engine", "'%1' is truncated: tensor '%2' is cut short"), name, *tensorName);
                crc = crcUpdate(crc, t.data_ptr(), bytes);
            }
            out.tensors[*tensorName] = t;
        }
    } catch (const std::exception& ex) {
        return fail(DDPM_MSG("Engine", "'%1' cannot be read: %2"), name, exceptionSummary(ex));
    }
    const auto stored = out.meta(kDataCrc);
    if (!stored.empty() && stored != hex32(crc))
        return checksumMismatch(name);
    return out;
}

namespace {

// `path` opened for reading when it is a regular file within the size limit: opened without blocking
// (a FIFO would wait for a writer) and checked on the open descriptor.
Result<std::pair<int, uint64_t>> openRegular(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
    struct stat st { };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return checkRegularFile(path, limits::kMaxCheckpointBytes).ok()
                   ? fail(DDPM_MSG("Engine",
                                   "'%1' is not a regular file (a device, a pipe or a socket): it is not read"),
                          path)
                   : checkRegularFile(path, limits::kMaxCheckpointBytes).failure();
    }
    if (static_cast<uint64_t>(st.st_size) > limits::kMaxCheckpointBytes) {
        ::close(fd);
        return fail(DDPM_MSG("Engine", "'%1' is larger than the %2 MiB this program reads"), path,
                    limits::kMaxCheckpointBytes >> 20);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return std::make_pair(fd, static_cast<uint64_t>(st.st_size));
}

} // namespace

Result<TensorFile> readTensorFile(const std::string& path)
{
    auto opened = openRegular(path);
    if (!opened)
        return opened.failure();
    std::FILE* f = ::fdopen(opened->first, "rb");
    if (!f) {
        ::close(opened->first);
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
    }
    auto r = readTensorFile(f, opened->second, path);
    std::fclose(f);
    return r;
}

TensorFileView::TensorFileView(std::string path, int fd, TensorIndex index)
    : m_path(std::move(path))
    , m_fd(fd)
    , m_index(std::move(index))
{
}

TensorFileView::~TensorFileView()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::shared_ptr<TensorFileView>> TensorFileView::open(const std::string& path)
{
    auto opened = openRegular(path);
    if (!opened)
        return opened.failure();
    const int fd = opened->first;
    const int dupFd = ::dup(fd);
    std::FILE* f = dupFd >= 0 ? ::fdopen(dupFd, "rb") : nullptr;
    if (!f) {
        if (dupFd >= 0)
            ::close(dupFd);
        ::close(fd);
        return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
    }
    auto index = readTensorIndex(f, opened->second, path);
    if (!index) {
        std::fclose(f);
        ::close(fd);
        return index.failure();
    }
    // The checksum of the whole data section, streamed: nothing of it is kept.
    const auto stored = index->meta(kDataCrc);
    if (!stored.empty()) {
        uint32_t crc = crcUpdate(0, nullptr, 0);
        std::vector<char> chunk(size_t{1} << 20);
        uint64_t left = opened->second - index->dataStart;
        while (left > 0) {
            const size_t want = static_cast<size_t>(std::min<uint64_t>(left, chunk.size()));
            if (std::fread(chunk.data(), 1, want, f) != want)
                break;
            crc = crcUpdate(crc, chunk.data(), want);
            left -= want;
        }
        if (left > 0 || stored != hex32(crc)) {
            std::fclose(f);
            ::close(fd);
            return left > 0 ? fail(DDPM_MSG("Engine", "cannot read '%1'"), path) : checksumMismatch(path);
        }
    }
    std::fclose(f);
    return std::shared_ptr<TensorFileView>(new TensorFileView(path, fd, std::move(index).value()));
}

Result<torch::Tensor> TensorFileView::read(const std::string& name) const
{
    const auto it = m_index.entries.find(name);
    if (it == m_index.entries.end())
        return fail(DDPM_MSG("Engine", "'%1' holds no tensor '%2'"), m_path, name);
    const auto& e = it->second;
    try {
        auto t = torch::empty(e.shape, torch::TensorOptions().dtype(e.dtype));
        auto* p = static_cast<char*>(t.data_ptr());
        uint64_t done = 0;
        const uint64_t bytes = e.end - e.begin;
        while (done < bytes) {
            const ssize_t n = ::pread(m_fd, p + done, static_cast<size_t>(std::min<uint64_t>(bytes - done, 1u << 30)),
                                      static_cast<off_t>(m_index.dataStart + e.begin + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return fail(DDPM_MSG("Engine", "'%1' is truncated: tensor '%2' is cut short"), m_path, name);
            done += static_cast<uint64_t>(n);
        }
        return t;
    } catch (const std::exception& ex) {
        return fail(DDPM_MSG("Engine", "'%1' cannot be read: %2"), m_path, exceptionSummary(ex));
    }
}

} // namespace ddpm
