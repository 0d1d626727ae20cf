#include "checkpoint.h"
#include "checkpointparts.h"

#include "classifier.h"
#include "sizelimits.h"
#include "trainer.h"

#include <caffe2/serialize/inline_container.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <type_traits>
#include <variant>

namespace ddpm {

namespace checkpointparts {

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

Status weightsFinite(const std::string& prefix, const std::string& path, torch::nn::Module& module)
{
    torch::NoGradGuard guard;
    for (const auto& [name, t] : namedState(module))
        if (t.is_floating_point() && !torch::isfinite(t).all().item<bool>())
            return fail(DDPM_MSG("Engine", "'%1' is damaged: its %2 weights hold values that are not numbers (%3)"),
                        path, prefix == "weights" ? std::string("classifier") : prefix, name);
    return Ok{};
}

} // namespace checkpointparts

using namespace checkpointparts;

namespace {

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
    int formatVersion() const override { return kCheckpointVersion; }

    bool has(const std::string& key) override { return m_values.contains(key); }

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
        if (v.is_array() && !v.empty() && v.front().is_string() && v.size() <= limits::kMaxClasses) {
            std::vector<std::string> names;
            for (const auto& e : v) {
                if (!e.is_string())
                    return std::nullopt;
                names.push_back(e.get<std::string>());
            }
            return names;
        }
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
        return weightsFinite(prefix, m_path, module);
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
                    return fail(DDPM_MSG("Engine", "the optimizer state in '%1' does not match the model (%2)"), m_path,
                                p.key());
                const int64_t steps = step.item<int64_t>();
                if (steps < 0 || steps > limits::kMaxTrainingSteps)
                    return fail(DDPM_MSG("Engine", "the optimizer state in '%1' does not match the model (%2)"), m_path,
                                p.key());
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
    if (size.value() == 0) // a save that never wrote, a copy cut short
        return fail(DDPM_MSG("Engine", "'%1' is empty (0 bytes): it holds no model"), path);
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
    if (index.meta("ddpm.kind") == "toy2d") // written by ddpm toy --save
        return fail(DDPM_MSG("Engine", "'%1' is a 2-D toy model (ddpm toy --save): open it with ddpm toy --load"),
                    path);
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

CheckpointWriter::CheckpointWriter(const std::string& format)
    : m_format(format)
{
}

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
    std::string missing, wrongType; // the first setting that is absent, the first of another type
    bool unknownName = false;
    std::string outOfRange; // the first number no int setting can hold, with its value
    for (const auto& field : configFields()) {
        auto value = r.value(field.key);
        // A real number written without a fraction reads back as an integer.
        if (value && std::holds_alternative<int64_t>(*value) && std::holds_alternative<double>(field.get(c)))
            value = static_cast<double>(std::get<int64_t>(*value));
        // An empty list reads back as a list of numbers whatever it held.
        if (value && std::holds_alternative<std::vector<int64_t>>(*value) &&
            std::get<std::vector<int64_t>>(*value).empty() &&
            std::holds_alternative<std::vector<std::string>>(field.get(c)))
            value = std::vector<std::string>{};
        const bool stored = value || r.has(field.key);
        if (!stored && field.optional)
            continue;
        if (!stored) {
            if (missing.empty())
                missing = field.key;
        } else if (!value || value->index() != field.get(c).index()) {
            if (wrongType.empty())
                wrongType = field.key;
        } else if (field.accepts && !field.accepts(*value)) {
            if (const auto* number = std::get_if<int64_t>(&*value); number && outOfRange.empty())
                outOfRange = std::string(field.key) + " = " + std::to_string(*number);
            else if (!number)
                unknownName = true;
        } else {
            field.set(c, *value);
        }
    }
    if (!missing.empty())
        return fail(DDPM_MSG("Engine", "'%1' is incomplete: the setting '%2' is missing"), path, missing);
    if (!wrongType.empty())
        return fail(DDPM_MSG("Engine", "'%1' is damaged: the setting '%2' holds the wrong kind of value"), path,
                    wrongType);
    if (!outOfRange.empty())
        return fail(DDPM_MSG("Engine", "'%1' is damaged: its setting %2 is far beyond any valid value"), path,
                    outOfRange);
    if (unknownName)
        return fail(DDPM_MSG("Engine", "'%1' names an unknown schedule or prediction"), path);
    if (auto v = validateUNetOptions(c.unet); !v)
        return fail(DDPM_MSG("Engine", "'%1' describes an invalid model: %2"), path, v.failure());
    if (auto s = NoiseSchedule::create(c.schedule); !s)
        return fail(DDPM_MSG("Engine", "'%1' describes an invalid schedule: %2"), path, s.failure());
    if (!c.classNames.empty() && static_cast<int64_t>(c.classNames.size()) != c.unet.numClasses())
        return fail(DDPM_MSG("Engine", "'%1' names %2 classes for a model of %3"), path,
                    static_cast<int64_t>(c.classNames.size()), c.unet.numClasses());
    if (auto t = validateTrainOptions(c.train); !t)
        return fail(DDPM_MSG("Engine", "'%1' has invalid training settings: %2"), path, t.failure());
    return c;
}

bool holdsACheckpoint(const std::string& path)
{
    std::error_code e;
    if (!std::filesystem::is_regular_file(path, e)) // a pipe would block the read
        return false;
    std::ifstream f(path, std::ios::binary);
    std::string head(64, '\0');
    f.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(std::max<std::streamsize>(0, f.gcount())));
    return looksLikeTensorFile(head) ||
           head.rfind(std::string(checkpointparts::kLegacyMagic, sizeof checkpointparts::kLegacyMagic), 0) == 0;
}

} // namespace ddpm
