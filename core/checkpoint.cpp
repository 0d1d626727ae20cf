#include "checkpoint.h"

#include "classifier.h"
#include "sizelimits.h"
#include "trainer.h"

#include <caffe2/serialize/inline_container.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <regex>
#include <sstream>
#include <type_traits>
#include <variant>

namespace ddpm {

namespace {

// ---------------------------------------------------------------------------------------------
// Adam's per-parameter state, keyed as the LibTorch in use keys it (a string in 1.x, a pointer in 2.x)

template <typename Map> typename Map::key_type adamKey(const torch::Tensor& p)
{
    using Key = typename Map::key_type;
    if constexpr (std::is_same_v<Key, std::string>)
        return c10::guts::to_string(p.unsafeGetTensorImpl());
    else
        return p.unsafeGetTensorImpl();
}

std::vector<std::pair<std::string, torch::Tensor>> namedState(const torch::nn::Module& m)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& p : m.named_parameters())
        out.emplace_back(p.key(), p.value());
    for (const auto& b : m.named_buffers())
        out.emplace_back(b.key(), b.value());
    return out;
}

Error weightsMismatch(const std::string& prefix, const std::string& path, const std::string& detail)
{
    // The classifier's weights are stored under "weights": "the classifier weights", not "the weights weights".
    return fail(DDPM_MSG("Engine", "the %1 weights in '%2' do not match the model its configuration describes (%3)"),
                prefix == "weights" ? std::string("classifier") : prefix, path, detail);
}

// ---------------------------------------------------------------------------------------------
// Format 2: a tensor file

class TensorFileReader final : public CheckpointReader {
public:
    TensorFileReader(std::string path, std::shared_ptr<TensorFileView> file, nlohmann::json values)
        : CheckpointReader(std::move(path))
        , m_file(std::move(file))
        , m_values(std::move(values))
    {
    }
    int formatVersion() const override { return 2; }

    std::optional<ConfigValue> value(const std::string& key) override
    {
        const auto it = m_values.find(key);
        if (it == m_values.end())
            return std::nullopt;
        const auto& v = *it;
        if (v.is_boolean())
            return v.get<bool>();
        if (v.is_number_integer()) {
            if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
                return std::nullopt;
            return v.get<int64_t>();
        }
        if (v.is_number_float())
            return v.get<double>();
        if (v.is_string())
            return v.get<std::string>();
        if (v.is_array() && v.size() <= 64) {
            std::vector<int64_t> list;
            for (const auto& e : v) {
                if (!e.is_number_integer() || (e.is_number_unsigned() && e.get<uint64_t>() > INT64_MAX))
                    return std::nullopt;
                list.push_back(e.get<int64_t>());
            }
            return list;
        }
        return std::nullopt;
    }

    // Read from the file when asked: the weights are held once, in the modules they are loaded into.
    torch::Tensor tensor(const std::string& key) override
    {
        if (!m_file->has(key))
            return {};
        auto t = m_file->read(key);
        return t ? t.value() : torch::Tensor();
    }

    bool hasModule(const std::string& prefix) override
    {
        const auto& entries = m_file->index().entries;
        const auto it = entries.lower_bound(prefix + ".");
        return it != entries.end() && it->first.rfind(prefix + ".", 0) == 0;
    }

    Status loadModule(const std::string& prefix, torch::nn::Module& module) override
    {
        if (!hasModule(prefix))
            return fail(DDPM_MSG("Engine", "'%1' holds no %2 weights"), m_path, prefix);
        const auto state = namedState(module);
        size_t stored = 0;
        const auto& entries = m_file->index().entries;
        for (auto it = entries.lower_bound(prefix + "."); it != entries.end() && it->first.rfind(prefix + ".", 0) == 0;
             ++it)
            ++stored;
        if (stored != state.size())
            return weightsMismatch(prefix, m_path,
                                   std::to_string(stored) + " tensors stored, " + std::to_string(state.size()) +
                                       " expected");
        try {
            torch::NoGradGuard guard;
            for (const auto& [name, target] : state) {
                const std::string key = prefix + "." + name;
                if (!m_file->has(key))
                    return weightsMismatch(prefix, m_path, name + " is missing");
                const auto entry = m_file->index().entries.at(key);
                if (entry.shape != target.sizes().vec())
                    return weightsMismatch(prefix, m_path, name);
                auto read = m_file->read(key);
                if (!read)
                    return read.failure();
                const auto t = read.value();
                if (t.sizes() != target.sizes())
                    return weightsMismatch(prefix, m_path, name);
                if (t.is_floating_point() != target.is_floating_point())
                    return weightsMismatch(prefix, m_path, name + " has another type");
                target.copy_(t);
            }
        } catch (const std::exception& e) {
            return weightsMismatch(prefix, m_path, exceptionSummary(e));
        }
        return Ok{};
    }

    Status loadAdam(const std::string& prefix, torch::optim::Adam& optimizer, torch::nn::Module& model) override
    {
        auto& state = optimizer.state();
        using Map = std::decay_t<decltype(state)>;
        bool any = false;
        try {
            for (const auto& p : model.named_parameters()) {
                const std::string base = prefix + "." + p.key();
                const auto avg = tensor(base + ".exp_avg");
                const auto sq = tensor(base + ".exp_avg_sq");
                const auto step = tensor(base + ".step");
                const auto maxSq = tensor(base + ".max_exp_avg_sq");
                if (!avg.defined() && !sq.defined() && !step.defined())
                    continue; // a parameter the optimizer has not stepped yet
                if (!avg.defined() || !sq.defined() || !step.defined() || avg.sizes() != p.value().sizes() ||
                    sq.sizes() != p.value().sizes() || step.numel() != 1 || step.scalar_type() != torch::kInt64 ||
                    (maxSq.defined() && maxSq.sizes() != p.value().sizes()))
                    return fail(DDPM_MSG("Engine", "the optimizer state in '%1' does not match the model (%2)"),
                                m_path, p.key());
                const int64_t steps = step.item<int64_t>();
                if (steps < 0 || steps > limits::kMaxTrainingSteps)
                    return fail(DDPM_MSG("Engine", "the optimizer state in '%1' does not match the model (%2)"),
                                m_path, p.key());
                auto s = std::make_unique<torch::optim::AdamParamState>();
                const auto opts = p.value().options();
                s->step(steps);
                // The file's tensors become the state (moved to the parameter's device and type if needed).
                s->exp_avg(avg.to(opts));
                s->exp_avg_sq(sq.to(opts));
                if (maxSq.defined())
                    s->max_exp_avg_sq(maxSq.to(opts));
                state[adamKey<Map>(p.value())] = std::move(s);
                any = true;
            }
        } catch (const std::exception& e) {
            return fail(DDPM_MSG("Engine", "the optimizer state or step in '%1' cannot be read (%2)"), m_path,
                        exceptionSummary(e));
        }
        if (!any && hasModule(prefix))
            return fail(DDPM_MSG("Engine", "the optimizer state in '%1' does not match the model (%2)"), m_path,
                        prefix);
        if (!any && !flag("optimizer_empty").value_or(false))
            return fail(DDPM_MSG("Engine", "'%1' holds no optimizer state"), m_path);
        return Ok{};
    }

private:
    std::shared_ptr<TensorFileView> m_file;
    nlohmann::json m_values;
};

// ---------------------------------------------------------------------------------------------
// Format 1: a header around a TorchScript archive, read only when the archive carries no code

constexpr char kLegacyMagic[8] = {'D', 'D', 'P', 'M', 'C', 'K', 'P', 'T'};
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
    static const std::regex attributeLine(R"(  [A-Za-z_][A-Za-z0-9_]* : [A-Za-z_][A-Za-z0-9_.]*(\[[A-Za-z0-9_., \[\]]*\])?)");
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

// Why the archive must not be deserialised, or nothing when it carries no code.
std::optional<Error> archiveCarriesCode(const std::string& payload, const std::string& path)
{
    try {
        std::istringstream is(payload, std::ios::binary);
        caffe2::serialize::PyTorchStreamReader reader(&is);
        for (const auto& record : reader.getAllRecords()) {
            if (record.rfind("code/", 0) != 0)
                continue;
            if (record.size() > 10 && record.compare(record.size() - 10, 10, ".debug_pkl") == 0)
                continue; // source ranges for error messages: never executed
            const bool python = record.size() > 3 && record.compare(record.size() - 3, 3, ".py") == 0;
            if (!python)
                return fail(DDPM_MSG("Engine",
                                     "'%1' is refused: its archive carries TorchScript code ('%2'), which would run "
                                     "when it is opened"),
                            path, record);
            auto data = reader.getRecord(record);
            const auto size = std::get<1>(data);
            if (size > (size_t{1} << 20))
                return fail(DDPM_MSG("Engine",
                                     "'%1' is refused: its archive carries TorchScript code ('%2'), which would run "
                                     "when it is opened"),
                            path, record);
            const std::string source(static_cast<const char*>(std::get<0>(data).get()), size);
            if (!declaresOnly(source))
                return fail(DDPM_MSG("Engine",
                                     "'%1' is refused: its archive carries TorchScript code ('%2'), which would run "
                                     "when it is opened"),
                            path, record);
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
    int formatVersion() const override { return 1; }

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
        return Ok{};
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
    if (version != 1) // this container only ever held format 1
        return fail(DDPM_MSG("Engine", "'%1' is a checkpoint of format version %2; this program reads version %3"),
                    path, version, "1 (in this container) and " + std::to_string(kCheckpointVersion));
    const auto length = le(data, 12, 8);
    if (data.size() - kLegacyHeader < length)
        return fail(DDPM_MSG("Engine", "'%1' is truncated: %2 of %3 bytes are there"), path,
                    data.size() - kLegacyHeader, length);
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

nlohmann::json toJson(const ConfigValue& v)
{
    return std::visit([](const auto& x) { return nlohmann::json(x); }, v);
}

} // namespace

// ---------------------------------------------------------------------------------------------

std::optional<int64_t> CheckpointReader::integer(const std::string& key)
{
    const auto v = value(key);
    if (v && std::holds_alternative<int64_t>(*v))
        return std::get<int64_t>(*v);
    return std::nullopt;
}
std::optional<double> CheckpointReader::real(const std::string& key)
{
    const auto v = value(key);
    if (v && std::holds_alternative<double>(*v))
        return std::get<double>(*v);
    if (v && std::holds_alternative<int64_t>(*v))
        return static_cast<double>(std::get<int64_t>(*v));
    return std::nullopt;
}
std::optional<std::string> CheckpointReader::text(const std::string& key)
{
    const auto v = value(key);
    if (v && std::holds_alternative<std::string>(*v))
        return std::get<std::string>(*v);
    return std::nullopt;
}
std::optional<bool> CheckpointReader::flag(const std::string& key)
{
    const auto v = value(key);
    if (v && std::holds_alternative<bool>(*v))
        return std::get<bool>(*v);
    return std::nullopt;
}

Result<std::unique_ptr<CheckpointReader>> CheckpointReader::open(const std::string& path)
{
    auto size = checkRegularFile(path, limits::kMaxCheckpointBytes);
    if (!size)
        return size.failure();
    std::string first(std::min<uint64_t>(size.value(), 16), '\0');
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f)
            return fail(DDPM_MSG("Engine", "cannot open '%1': %2"), path, systemError(errno));
        const size_t got = first.empty() ? 0 : std::fread(first.data(), 1, first.size(), f);
        std::fclose(f);
        first.resize(got);
    }
    if (first.size() >= 8 && std::memcmp(first.data(), kLegacyMagic, 8) == 0)
        return openLegacy(path, size.value());
    if (!looksLikeTensorFile(first))
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    auto opened = TensorFileView::open(path);
    if (!opened)
        return opened.failure();
    auto file = opened.value();
    const auto& index = file->index();
    const auto format = index.meta("format");
    if (format != "ddpm-studio-checkpoint" && format != "ddpm-studio-classifier")
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    const auto version = index.meta("format_version");
    if (version != std::to_string(kCheckpointVersion))
        return fail(DDPM_MSG("Engine", "'%1' is a checkpoint of format version %2; this program reads version %3"),
                    path, version, kCheckpointVersion);
    auto values = nlohmann::json::parse(index.meta("values", "{}"), nullptr, false);
    if (values.is_discarded() || !values.is_object())
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its settings cannot be read"), path);
    values["format"] = format;
    return std::unique_ptr<CheckpointReader>(
        std::make_unique<TensorFileReader>(path, std::move(file), std::move(values)));
}

CheckpointWriter::CheckpointWriter(const std::string& format) : m_format(format) {}

void CheckpointWriter::value(const std::string& key, const ConfigValue& v)
{
    m_values.emplace_back(key, v);
}

void CheckpointWriter::tensor(const std::string& key, const torch::Tensor& t)
{
    m_file.tensors[key] = t.detach().to(torch::kCPU).contiguous();
}

void CheckpointWriter::module(const std::string& prefix, const torch::nn::Module& module, torch::Dtype type)
{
    for (const auto& [name, t] : namedState(module))
        tensor(prefix + "." + name, t.is_floating_point() ? t.detach().to(torch::kCPU).to(type) : t);
}

void CheckpointWriter::adam(const std::string& prefix, const torch::optim::Adam& optimizer,
                            const torch::nn::Module& model)
{
    const auto& state = optimizer.state();
    using Map = std::decay_t<decltype(state)>;
    bool any = false;
    for (const auto& p : model.named_parameters()) {
        const auto it = state.find(adamKey<Map>(p.value()));
        if (it == state.end())
            continue;
        const auto& s = static_cast<const torch::optim::AdamParamState&>(*it->second);
        const std::string base = prefix + "." + p.key();
        tensor(base + ".exp_avg", s.exp_avg());
        tensor(base + ".exp_avg_sq", s.exp_avg_sq());
        if (s.max_exp_avg_sq().defined())
            tensor(base + ".max_exp_avg_sq", s.max_exp_avg_sq());
        tensor(base + ".step", torch::scalar_tensor(s.step(), torch::kInt64));
        any = true;
    }
    if (!any)
        value("optimizer_empty", true);
}

Status CheckpointWriter::write(const std::string& path)
{
    auto values = nlohmann::json::object();
    for (const auto& [k, v] : m_values)
        values[k] = toJson(v);
    m_file.metadata["format"] = m_format;
    m_file.metadata["format_version"] = std::to_string(kCheckpointVersion);
    m_file.metadata["values"] = values.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return writeTensorFile(path, m_file);
}

// ---------------------------------------------------------------------------------------------
// The configuration

void writeModelConfig(CheckpointWriter& writer, const ModelConfig& config)
{
    for (const auto& field : configFields())
        writer.value(field.key, field.get(config));
}

Result<ModelConfig> readModelConfig(CheckpointReader& r)
{
    const std::string& path = r.path();
    if (r.text("format").value_or("") != "ddpm-studio-checkpoint") {
        if (r.text("format").value_or("") == "ddpm-studio-classifier")
            return fail(DDPM_MSG("Engine", "'%1' is a classifier, not a model checkpoint"), path);
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    }
    ModelConfig c;
    std::string missing; // the first setting that is absent or of another type
    bool unknownName = false;
    for (const auto& field : configFields()) {
        auto value = r.value(field.key);
        // A real number written without a fraction reads back as an integer.
        if (value && std::holds_alternative<int64_t>(*value) && std::holds_alternative<double>(field.get(c)))
            value = static_cast<double>(std::get<int64_t>(*value));
        if (!value || value->index() != field.get(c).index()) {
            if (missing.empty())
                missing = field.key;
        } else if (field.accepts && !field.accepts(*value)) {
            unknownName = true;
        } else {
            field.set(c, *value);
        }
    }
    if (!missing.empty())
        return fail(DDPM_MSG("Engine", "'%1' is incomplete: the setting '%2' is missing"), path, missing);
    if (unknownName)
        return fail(DDPM_MSG("Engine", "'%1' names an unknown schedule or prediction"), path);
    if (auto v = validateUNetOptions(c.unet); !v)
        return fail(DDPM_MSG("Engine", "'%1' describes an invalid model: %2"), path, v.failure());
    if (auto s = NoiseSchedule::create(c.schedule); !s)
        return fail(DDPM_MSG("Engine", "'%1' describes an invalid schedule: %2"), path, s.failure());
    if (auto t = validateTrainOptions(c.train); !t)
        return fail(DDPM_MSG("Engine", "'%1' has invalid training settings: %2"), path, t.failure());
    return c;
}

// ---------------------------------------------------------------------------------------------
// The checkpoint schema: what a trainer writes, and how it is read back

namespace {

} // namespace

// The loss history: "loss_history" [n, 2] (step, loss) for the steps at full resolution, and
// "loss_buckets" [m, 6] (first step, last step, min, max, mean, count) for the older ones folded.
torch::Tensor historyTensor(const LossHistory& history)
{
    const auto& h = history.recent();
    auto t = torch::empty({static_cast<int64_t>(h.size()), 2}, torch::kFloat64);
    auto* p = t.data_ptr<double>();
    for (size_t i = 0; i < h.size(); ++i) {
        p[2 * i] = static_cast<double>(h[i].step);
        p[2 * i + 1] = h[i].loss;
    }
    return t;
}

torch::Tensor bucketsTensor(const LossHistory& history)
{
    const auto& bs = history.buckets();
    auto t = torch::empty({static_cast<int64_t>(bs.size()), 6}, torch::kFloat64);
    auto* p = t.data_ptr<double>();
    for (size_t i = 0; i < bs.size(); ++i) {
        const auto& b = bs[i];
        const double row[6] = {static_cast<double>(b.firstStep), static_cast<double>(b.lastStep), b.min, b.max, b.mean,
                               static_cast<double>(b.count)};
        std::copy(row, row + 6, p + 6 * i);
    }
    return t;
}

// Steps outside [0, kMaxTrainingSteps] are dropped; buckets that contradict each other drop the whole
// folded part (the file's recent steps still show).
LossHistory historyFrom(const torch::Tensor& recentTensor, const torch::Tensor& bucketTensor)
{
    const auto inRange = [](double step) {
        return step >= 0 && step <= static_cast<double>(limits::kMaxTrainingSteps);
    };
    std::vector<LossPoint> recent;
    if (recentTensor.defined() && recentTensor.dim() == 2 && recentTensor.size(1) == 2) {
        auto c = recentTensor.to(torch::kFloat64).contiguous();
        const auto* p = c.data_ptr<double>();
        recent.reserve(static_cast<size_t>(c.size(0)));
        for (int64_t i = 0; i < c.size(0); ++i)
            if (inRange(p[2 * i]))
                recent.push_back({static_cast<int64_t>(p[2 * i]), static_cast<float>(p[2 * i + 1])});
    }
    std::vector<LossBucket> buckets;
    if (bucketTensor.defined() && bucketTensor.dim() == 2 && bucketTensor.size(1) == 6 &&
        bucketTensor.size(0) <= static_cast<int64_t>(LossHistory::kMaxBuckets)) {
        auto c = bucketTensor.to(torch::kFloat64).contiguous();
        const auto* p = c.data_ptr<double>();
        for (int64_t i = 0; i < c.size(0); ++i) {
            const double* r = p + 6 * i;
            if (!inRange(r[0]) || !inRange(r[1]) ||
                !(r[5] >= 1 && r[5] <= static_cast<double>(limits::kMaxTrainingSteps))) {
                buckets.clear();
                break;
            }
            buckets.push_back({static_cast<int64_t>(r[0]), static_cast<int64_t>(r[1]), static_cast<float>(r[2]),
                               static_cast<float>(r[3]), r[4], static_cast<int64_t>(r[5])});
        }
    }
    LossHistory h;
    if (!h.assign(std::move(buckets), recent))
        h.assign({}, recent);
    return h;
}

namespace {

torch::Tensor binHistoryTensor(const std::vector<BinLossSnapshot>& h, size_t bins)
{
    auto t =
        torch::full({static_cast<int64_t>(h.size()), static_cast<int64_t>(bins + 1)}, std::nan(""), torch::kFloat64);
    auto* p = t.data_ptr<double>();
    for (size_t i = 0; i < h.size(); ++i) {
        p[i * (bins + 1)] = static_cast<double>(h[i].step);
        for (size_t b = 0; b < bins && b < h[i].binLoss.size(); ++b)
            p[i * (bins + 1) + 1 + b] = h[i].binLoss[b];
    }
    return t;
}

std::vector<BinLossSnapshot> binHistoryFrom(const torch::Tensor& t, size_t bins)
{
    std::vector<BinLossSnapshot> h;
    if (!t.defined() || t.dim() != 2 || t.size(1) != static_cast<int64_t>(bins + 1))
        return h;
    auto c = t.to(torch::kFloat64).contiguous();
    const auto* p = c.data_ptr<double>();
    const auto cols = c.size(1);
    for (int64_t i = 0; i < c.size(0); ++i) {
        const double step = p[i * cols];
        if (!(step >= 0 && step <= static_cast<double>(limits::kMaxTrainingSteps)))
            continue;
        h.push_back({static_cast<int64_t>(step), std::vector<double>(p + i * cols + 1, p + (i + 1) * cols)});
    }
    return h;
}

std::vector<double> binLossFrom(const torch::Tensor& t, size_t bins)
{
    if (!t.defined() || t.dim() != 1 || t.numel() != static_cast<int64_t>(bins))
        return std::vector<double>(bins, std::nan(""));
    auto b = t.to(torch::kFloat64).contiguous();
    return std::vector<double>(b.data_ptr<double>(), b.data_ptr<double>() + b.numel());
}

Result<int64_t> readStep(CheckpointReader& r)
{
    const auto step = r.integer("step");
    if (!step)
        return fail(DDPM_MSG("Engine", "'%1' is incomplete: the setting '%2' is missing"), r.path(), "step");
    if (*step < 0 || *step > limits::kMaxTrainingSteps)
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its step count %2 is impossible"), r.path(), *step);
    return *step;
}

struct Opened {
    std::unique_ptr<CheckpointReader> reader;
    ModelConfig config;
};

Result<Opened> openModel(const std::string& path)
{
    auto reader = CheckpointReader::open(path);
    if (!reader)
        return reader.failure();
    auto config = readModelConfig(*reader.value());
    if (!config)
        return config.failure();
    return Opened{std::move(reader).value(), config.value()};
}

} // namespace

Status Trainer::save(const std::string& path) const
{
    try {
        CheckpointWriter w("ddpm-studio-checkpoint");
        writeModelConfig(w, m_config);
        w.value("step", m_step);
        w.value("sampling_only", false);
        w.value("bin_loss_history_every", m_binHistoryEvery);
        w.module("model", *m_model);
        w.module("ema", *m_ema);
        w.adam("optimizer", *m_optimizer, *m_model);
        w.tensor("loss_history", historyTensor(m_history));
        w.tensor("loss_buckets", bucketsTensor(m_history));
        w.tensor("bin_loss", torch::tensor(m_binLoss, torch::kFloat64));
        w.tensor("bin_loss_history", binHistoryTensor(m_binHistory, m_binLoss.size()));
        // RNG: batches are a function of (seed, step); dropout draws from the global generator.
        auto gen = at::detail::getDefaultCPUGenerator();
        torch::Tensor state;
        {
            std::lock_guard<std::mutex> lock(gen.mutex());
            state = gen.get_state();
        }
        w.tensor("rng.cpu", state);
        return w.write(path);
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot save the checkpoint: %1"), exceptionSummary(e));
    }
}

Result<std::unique_ptr<Trainer>> Trainer::resume(const std::string& path, torch::Device device)
{
    auto opened = openModel(path);
    if (!opened)
        return opened.failure();
    auto& r = *opened->reader;
    auto step = readStep(r);
    if (!step)
        return step.failure();
    auto trainer = std::make_unique<Trainer>(opened->config, device);
    const bool samplingOnly = r.flag("sampling_only").value_or(false);
    if (auto s = r.loadModule("ema", *trainer->m_ema); !s)
        return s.failure();
    trainer->m_ema->to(device);
    if (samplingOnly) {
        // Training goes on from the averaged weights with a fresh optimizer.
        torch::NoGradGuard guard;
        auto src = trainer->m_ema->parameters();
        auto dst = trainer->m_model->parameters();
        for (size_t i = 0; i < src.size(); ++i)
            dst[i].copy_(src[i]);
    } else {
        if (auto s = r.loadModule("model", *trainer->m_model); !s)
            return s.failure();
        trainer->m_model->to(device);
        if (auto s = r.loadAdam("optimizer", *trainer->m_optimizer, *trainer->m_model); !s)
            return s.failure();
    }
    trainer->m_step = step.value();
    trainer->m_history = historyFrom(r.tensor("loss_history"), r.tensor("loss_buckets"));
    const auto bins = trainer->m_binLoss.size();
    trainer->m_binLoss = binLossFrom(r.tensor("bin_loss"), bins);
    trainer->m_binHistory = binHistoryFrom(r.tensor("bin_loss_history"), bins);
    if (const auto every = r.integer("bin_loss_history_every"); every && *every > 0 && *every < (int64_t{1} << 40))
        trainer->m_binHistoryEvery = *every;
    if (const auto rng = r.tensor("rng.cpu"); rng.defined()) {
        try {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(rng);
        } catch (const std::exception& e) {
            return fail(DDPM_MSG("Engine", "the optimizer state or step in '%1' cannot be read (%2)"), path,
                        exceptionSummary(e));
        }
    }
    for (auto& p : trainer->m_ema->parameters())
        p.set_requires_grad(false);
    return trainer;
}

Result<LoadedModel> loadCheckpoint(const std::string& path, torch::Device device)
{
    auto opened = openModel(path);
    if (!opened)
        return opened.failure();
    auto& r = *opened->reader;
    auto step = readStep(r);
    if (!step)
        return step.failure();
    LoadedModel m;
    m.config = opened->config;
    m.step = step.value();
    m.formatVersion = r.formatVersion();
    m.model = UNet(m.config.unet);
    m.ema = UNet(m.config.unet);
    m.samplingOnly = r.flag("sampling_only").value_or(false);
    if (auto s = r.loadModule("ema", *m.ema); !s)
        return s.failure();
    m.ema->to(device);
    if (m.samplingOnly) {
        m.model = cloneUNet(m.ema);
    } else {
        if (auto s = r.loadModule("model", *m.model); !s)
            return s.failure();
        m.model->to(device);
    }
    m.model->eval();
    m.ema->eval();
    m.lossHistory = historyFrom(r.tensor("loss_history"), r.tensor("loss_buckets"));
    const auto bins = static_cast<size_t>(m.config.train.lossBins);
    m.binLoss = binLossFrom(r.tensor("bin_loss"), bins);
    m.binLossHistory = binHistoryFrom(r.tensor("bin_loss_history"), bins);
    return m;
}

Status exportSamplingCheckpoint(const std::string& in, const std::string& out, bool half, size_t maxHistoryPoints)
{
    auto loaded = loadCheckpoint(in, torch::kCPU);
    if (!loaded)
        return loaded.failure();
    try {
        CheckpointWriter w("ddpm-studio-checkpoint");
        writeModelConfig(w, loaded->config);
        w.value("step", loaded->step);
        w.value("sampling_only", true);
        w.module("ema", *loaded->ema, half ? torch::kHalf : torch::kFloat32);
        // The loss curve with the newest steps at full resolution, the older ones folded (min, max, mean).
        auto history = loaded->lossHistory;
        if (maxHistoryPoints > 0)
            history.compact(maxHistoryPoints);
        w.tensor("loss_history", historyTensor(history));
        w.tensor("loss_buckets", bucketsTensor(history));
        w.tensor("bin_loss", torch::tensor(loaded->binLoss, torch::kFloat64));
        w.tensor("bin_loss_history", binHistoryTensor(loaded->binLossHistory, loaded->binLoss.size()));
        return w.write(out);
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot write the sampling checkpoint: %1"), exceptionSummary(e));
    }
}

Status convertCheckpoint(const std::string& in, const std::string& out, std::string* kind)
{
    auto reader = CheckpointReader::open(in);
    if (!reader)
        return reader.failure();
    const auto format = reader.value()->text("format").value_or("");
    reader.value().reset();
    if (format == "ddpm-studio-classifier") {
        if (kind)
            *kind = "classifier";
        auto c = loadClassifier(in, torch::kCPU);
        if (!c)
            return c.failure();
        return saveClassifier(c.value(), out);
    }
    auto opened = openModel(in);
    if (!opened)
        return opened.failure();
    const bool samplingOnly = opened->reader->flag("sampling_only").value_or(false);
    opened->reader.reset();
    if (samplingOnly) {
        if (kind)
            *kind = "sampling-only model";
        return exportSamplingCheckpoint(in, out, false, 0);
    }
    if (kind)
        *kind = "model";
    auto trainer = Trainer::resume(in, torch::kCPU);
    if (!trainer)
        return trainer.failure();
    return trainer.value()->save(out);
}

} // namespace ddpm
