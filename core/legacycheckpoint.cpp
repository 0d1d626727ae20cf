// Format 1 of the checkpoint container (checkpoint.h): read only, and only when its TorchScript archive
// carries no code.
#include "checkpointparts.h"

#include "classifier.h"
#include "sizelimits.h"
#include "trainer.h"

#include <caffe2/serialize/inline_container.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <regex>
#include <sstream>
#include <type_traits>
#include <variant>

namespace ddpm::checkpointparts {

namespace {

constexpr size_t kLegacyHeader = 8 + 4 + 8 + 4;

uint64_t le(const std::string& s, size_t at, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= uint64_t{static_cast<unsigned char>(s[at + static_cast<size_t>(i)])} << (8 * i);
    return v;
}

// Whether a TorchScript source file only declares classes with attributes: LibTorch's OutputArchive
// writes "class Module(Module):" with "__parameters__", "__buffers__" and "name : Type" lines, and a
// class needs a `def` (a method such as __setstate__) to run anything while it is loaded.
bool declaresOnly(const std::string& source)
{
    static const std::regex classLine(R"(class [A-Za-z_][A-Za-z0-9_]*\(Module\):)");
    static const std::regex listLine(R"(  __(parameters|buffers)__ = \[("[A-Za-z0-9_.]*", )*\])");
    static const std::regex type(R"([A-Za-z_][A-Za-z0-9_.]*(\[[A-Za-z0-9_., \[\]]*\])?)");
    static const std::regex attributeLine(
        R"(  [A-Za-z_][A-Za-z0-9_]* : [A-Za-z_][A-Za-z0-9_.]*(\[[A-Za-z0-9_., \[\]]*\])?)");
    static const std::regex annotationLine(
        R"(  __annotations__\["[A-Za-z0-9_.]*"\] = [A-Za-z_][A-Za-z0-9_.]*(\[[A-Za-z0-9_., \[\]]*\])?)");
    std::istringstream lines(source);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty())
            continue;
        if (line.size() > 4096)
            return false;
        if (!std::regex_match(line, classLine) && !std::regex_match(line, listLine) &&
            !std::regex_match(line, attributeLine) && !std::regex_match(line, annotationLine))
            return false;
    }
    return true;
}

// One entry of a zip's central directory, as declared (nothing is unpacked to read it).
struct ZipEntry {
    std::string name;
    uint64_t method = 0; // 0: stored, 8: deflated
    uint64_t packed = 0, unpacked = 0;
};

// The central directory of a zip of under 4 GiB (a format-1 archive is one), or nothing when it is not
// well formed.
std::optional<std::vector<ZipEntry>> zipEntries(const std::string& zip)
{
    constexpr size_t kEnd = 22, kEntry = 46;
    if (zip.size() < kEnd)
        return std::nullopt;
    const size_t lowest = zip.size() > kEnd + 0xFFFF ? zip.size() - kEnd - 0xFFFF : 0;
    size_t end = zip.size() - kEnd;
    while (le(zip, end, 4) != 0x06054b50) {
        if (end == lowest)
            return std::nullopt;
        --end;
    }
    const uint64_t count = le(zip, end + 10, 2), offset = le(zip, end + 16, 4);
    std::vector<ZipEntry> entries;
    size_t at = offset;
    for (uint64_t i = 0; i < count; ++i) {
        if (at > end || end - at < kEntry || le(zip, at, 4) != 0x02014b50)
            return std::nullopt;
        const size_t nameLength = le(zip, at + 28, 2), extra = le(zip, at + 30, 2), comment = le(zip, at + 32, 2);
        if (end - at - kEntry < nameLength + extra + comment)
            return std::nullopt;
        entries.push_back(
            {zip.substr(at + kEntry, nameLength), le(zip, at + 10, 2), le(zip, at + 20, 4), le(zip, at + 24, 4)});
        at += kEntry + nameLength + extra + comment;
    }
    return entries;
}

bool allDigits(const std::string& s, size_t from)
{
    return from < s.size() && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from), s.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
}

bool endsWith(const std::string& s, const char* tail)
{
    const size_t n = std::strlen(tail);
    return s.size() > n && s.compare(s.size() - n, n, tail) == 0;
}

// Why the archive must not be deserialised, or nothing when it carries no code. Only the records that
// LibTorch's OutputArchive writes are taken, named in any letter case (LibTorch's zip reader finds
// "code/x.py" under "CODE/x.py" too), and none is unpacked beyond 1 MiB.
std::optional<Error> archiveCarriesCode(const std::string& payload, const std::string& path)
{
    const auto refused = [&](const std::string& record) {
        return fail(DDPM_MSG("Engine", "'%1' is refused: its archive carries TorchScript code ('%2'), which would run "
                                       "when it is opened"),
                    path, record);
    };
    const auto entries = zipEntries(payload);
    if (!entries)
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its contents cannot be read"), path);
    for (const auto& e : *entries)
        if ((e.method != 0 && e.unpacked > (uint64_t{1} << 20)) || e.unpacked == 0xFFFFFFFFu ||
            (e.method == 0 && e.unpacked != e.packed))
            return fail(DDPM_MSG("Engine", "'%1' is refused: its archive entry '%2' would unpack to %3 bytes"), path,
                        e.name, e.unpacked);
    try {
        std::istringstream is(payload, std::ios::binary);
        caffe2::serialize::PyTorchStreamReader reader(&is);
        for (const auto& record : reader.getAllRecords()) {
            std::string name = record;
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            const bool data = name == "data.pkl" || name == "constants.pkl" || name == "version" ||
                              name == ".data/version" || name == "byteorder" ||
                              (name.rfind("data/", 0) == 0 && allDigits(name, 5)) ||
                              (name.rfind("constants/", 0) == 0 && allDigits(name, 10));
            if (data)
                continue;
            if (name.rfind("code/", 0) != 0 || !(endsWith(name, ".py") || endsWith(name, ".py.debug_pkl")))
                return refused(record);
            if (endsWith(name, ".debug_pkl"))
                continue; // source ranges for error messages: never executed
            auto bytes = reader.getRecord(record);
            const std::string source(static_cast<const char*>(std::get<0>(bytes).get()), std::get<1>(bytes));
            if (!declaresOnly(source))
                return refused(record);
        }
    } catch (const std::exception&) {
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its contents cannot be read"), path);
    }
    return std::nullopt;
}

std::optional<ConfigValue> fromIValue(const c10::IValue& v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isInt())
        return v.toInt();
    if (v.isDouble())
        return v.toDouble();
    if (v.isString())
        return v.toStringRef();
    if (v.isIntList())
        return v.toIntVector();
    if (v.isList()) { // class names (an empty list of them too)
        std::vector<std::string> names;
        for (const c10::IValue& e : v.toList()) {
            if (!e.isString())
                return std::nullopt;
            names.push_back(e.toStringRef());
        }
        return names;
    }
    return std::nullopt;
}

// A tensor from an archive only when it owns the bytes it describes: a TorchScript archive can
// describe a tensor of billions of rows over a few bytes with stride 0.
bool plainTensor(const torch::Tensor& t)
{
    if (!t.defined() || !t.is_contiguous() || t.dim() > limits::kMaxTensorRank)
        return false;
    return t.storage().nbytes() >= static_cast<size_t>(t.numel()) * t.element_size();
}

class LegacyReader final : public CheckpointReader {
public:
    LegacyReader(std::string path, std::shared_ptr<torch::serialize::InputArchive> archive)
        : CheckpointReader(std::move(path))
        , m_archive(std::move(archive))
    {
    }
    int formatVersion() const override { return kLegacyCheckpointVersion; }

    bool has(const std::string& key) override
    {
        try {
            c10::IValue v;
            return m_archive->try_read(key, v);
        } catch (const std::exception&) {
            return false;
        }
    }

    std::optional<ConfigValue> value(const std::string& key) override
    {
        try {
            c10::IValue v;
            if (!m_archive->try_read(key, v))
                return std::nullopt;
            return fromIValue(v);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

    torch::Tensor tensor(const std::string& key) override
    {
        try {
            torch::Tensor t;
            if (m_archive->try_read(key, t) && plainTensor(t))
                return t;
        } catch (const std::exception&) {
        }
        return {};
    }

    bool hasModule(const std::string& prefix) override
    {
        try {
            torch::serialize::InputArchive sub;
            return m_archive->try_read(prefix, sub);
        } catch (const std::exception&) {
            return false;
        }
    }

    Status loadModule(const std::string& prefix, torch::nn::Module& module) override
    {
        torch::serialize::InputArchive sub;
        try {
            if (!m_archive->try_read(prefix, sub))
                return fail(DDPM_MSG("Engine", "'%1' holds no %2 weights"), m_path, prefix);
        } catch (const std::exception&) {
            return fail(DDPM_MSG("Engine", "'%1' holds no %2 weights"), m_path, prefix);
        }
        std::vector<torch::Tensor> targets;
        std::vector<std::pair<std::string, std::vector<int64_t>>> expected;
        for (const auto& [name, t] : namedState(module)) {
            expected.emplace_back(name, t.sizes().vec());
            targets.push_back(t);
        }
        try {
            // Loading replaces each tensor's storage: the module takes the stored type first. (Module::to
            // converts integer buffers too, such as BatchNorm's num_batches_tracked: only for fp16 files,
            // which hold U-Nets, which have none.)
            const bool half = text("weights_dtype").value_or("") == "float16";
            if (half)
                module.to(torch::kHalf);
            module.load(sub);
            const auto loaded = namedState(module);
            std::map<std::string, torch::Tensor> byName(loaded.begin(), loaded.end());
            for (const auto& [name, shape] : expected) {
                const auto it = byName.find(name);
                if (it == byName.end() || it->second.sizes().vec() != shape || !plainTensor(it->second))
                    return weightsMismatch(prefix, m_path, name);
            }
            if (half)
                module.to(torch::kFloat32);
        } catch (const std::exception& e) {
            return weightsMismatch(prefix, m_path, exceptionSummary(e));
        }
        return weightsFinite(prefix, m_path, module);
    }

    Status loadAdam(const std::string& prefix, torch::optim::Adam& optimizer, torch::nn::Module& model) override
    {
        torch::serialize::InputArchive sub;
        try {
            if (!m_archive->try_read(prefix, sub))
                return fail(DDPM_MSG("Engine", "'%1' holds no optimizer state"), m_path);
            optimizer.load(sub);
        } catch (const std::exception& e) {
            return fail(DDPM_MSG("Engine", "the optimizer state or step in '%1' cannot be read (%2)"), m_path,
                        exceptionSummary(e));
        }
        // The state must belong to these parameters, with their shapes.
        auto& state = optimizer.state();
        using Map = std::decay_t<decltype(state)>;
        for (const auto& p : model.parameters()) {
            const auto it = state.find(adamKey<Map>(p));
            if (it == state.end())
                continue;
            const auto& s = static_cast<const torch::optim::AdamParamState&>(*it->second);
            if (!s.exp_avg().defined() || s.exp_avg().sizes() != p.sizes() || !s.exp_avg_sq().defined() ||
                s.exp_avg_sq().sizes() != p.sizes())
                return fail(DDPM_MSG("Engine", "the optimizer state in '%1' does not match the model (%2)"), m_path,
                            prefix);
        }
        return Ok{};
    }

private:
    std::shared_ptr<torch::serialize::InputArchive> m_archive;
};

} // namespace

Result<std::unique_ptr<CheckpointReader>> openLegacy(const std::string& path, uint64_t size)
{
    std::string data;
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f)
            return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
        data.resize(size);
        const size_t got = size ? std::fread(data.data(), 1, size, f) : 0;
        std::fclose(f);
        if (got != size)
            return fail(DDPM_MSG("Engine", "cannot read '%1'"), path);
    }
    if (data.size() < kLegacyHeader)
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    const auto version = le(data, 8, 4);
    if (version != kLegacyCheckpointVersion) // this container only ever held format 1
        return fail(DDPM_MSG("Engine", "'%1' is a checkpoint of format version %2; this program reads version %3"),
                    path, version,
                    std::to_string(kLegacyCheckpointVersion) + " (in this container) and " +
                        std::to_string(kCheckpointVersion));
    const auto length = le(data, 12, 8);
    if (data.size() - kLegacyHeader < length)
        return fail(DDPM_MSG("Engine", "'%1' is truncated: %2 of %3 bytes are there"), path, data.size(),
                    kLegacyHeader + std::min<uint64_t>(length, UINT64_MAX - kLegacyHeader)); // the file's bytes
    if (data.size() - kLegacyHeader > length)
        return fail(DDPM_MSG("Engine", "'%1' has unexpected bytes after the checkpoint"), path);
    const uint32_t stored = static_cast<uint32_t>(le(data, 20, 4));
    uLong c = crc32(0L, Z_NULL, 0);
    for (size_t at = kLegacyHeader; at < data.size();) {
        const auto n = static_cast<uInt>(std::min<size_t>(data.size() - at, 1u << 30));
        c = crc32(c, reinterpret_cast<const Bytef*>(data.data() + at), n);
        at += n;
    }
    if (static_cast<uint32_t>(c) != stored)
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its checksum does not match its contents"), path);
    data.erase(0, kLegacyHeader);
    if (auto why = archiveCarriesCode(data, path))
        return *why;
    auto archive = std::make_shared<torch::serialize::InputArchive>();
    try {
        std::istringstream is(data, std::ios::binary);
        data.clear();
        data.shrink_to_fit();
        archive->load_from(is);
    } catch (const std::exception&) {
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its contents cannot be read"), path);
    }
    return std::unique_ptr<CheckpointReader>(std::make_unique<LegacyReader>(path, archive));
}

} // namespace ddpm::checkpointparts
