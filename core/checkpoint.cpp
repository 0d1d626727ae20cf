#include "checkpoint.h"

#include "trainer.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <variant>

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
            return fail(DDPM_MSG("Engine", "cannot write '%1': %2 (the previous file, if any, is unchanged)"), path,
                        why);
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
        return fail(DDPM_MSG("Engine", "'%1' is a checkpoint of format version %2; this program reads version %3"),
                    path, version, kCheckpointVersion);
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

// ---------------------------------------------------------------------------------------------
// The checkpoint schema: what a trainer writes into the container, and how it is read back

namespace {

using torch::serialize::InputArchive;
using torch::serialize::OutputArchive;

// The configuration's fields (configFields(), config.cpp) as archive values, and back.
c10::IValue archiveValue(const ConfigValue& value)
{
    return std::visit([](const auto& v) { return c10::IValue(v); }, value);
}

std::optional<ConfigValue> configValue(const c10::IValue& v)
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

void writeConfig(OutputArchive& a, const ModelConfig& c)
{
    for (const auto& field : configFields())
        a.write(field.key, archiveValue(field.get(c)));
}

Result<ModelConfig> readConfig(InputArchive& a, const std::string& path)
{
    c10::IValue format;
    if (!a.try_read("format", format) || !format.isString() || format.toStringRef() != "ddpm-studio-checkpoint")
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    ModelConfig c;
    std::string missing; // the first setting that is absent or of another type
    bool unknownName = false;
    for (const auto& field : configFields()) {
        c10::IValue stored;
        const auto value = a.try_read(field.key, stored) ? configValue(stored) : std::nullopt;
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
    if (c.train.batch < 1 || c.train.lossBins < 1)
        return fail(DDPM_MSG("Engine", "'%1' has invalid training settings"), path);
    return c;
}

torch::Tensor historyTensor(const std::vector<LossPoint>& h)
{
    auto t = torch::empty({static_cast<int64_t>(h.size()), 2}, torch::kFloat64);
    auto* p = t.data_ptr<double>();
    for (size_t i = 0; i < h.size(); ++i) {
        p[2 * i] = static_cast<double>(h[i].step);
        p[2 * i + 1] = h[i].loss;
    }
    return t;
}

std::vector<LossPoint> historyFrom(const torch::Tensor& t)
{
    std::vector<LossPoint> h;
    if (!t.defined() || t.dim() != 2 || t.size(1) != 2)
        return h;
    auto c = t.to(torch::kFloat64).contiguous();
    const auto* p = c.data_ptr<double>();
    for (int64_t i = 0; i < c.size(0); ++i)
        h.push_back({static_cast<int64_t>(p[2 * i]), static_cast<float>(p[2 * i + 1])});
    return h;
}

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

std::vector<BinLossSnapshot> binHistoryFrom(const torch::Tensor& t)
{
    std::vector<BinLossSnapshot> h;
    if (!t.defined() || t.dim() != 2 || t.size(1) < 2)
        return h;
    auto c = t.to(torch::kFloat64).contiguous();
    const auto* p = c.data_ptr<double>();
    const auto cols = c.size(1);
    for (int64_t i = 0; i < c.size(0); ++i)
        h.push_back({static_cast<int64_t>(p[i * cols]), std::vector<double>(p + i * cols + 1, p + (i + 1) * cols)});
    return h;
}

// The weights' storage type: fp32, or fp16 in a sampling-only checkpoint (exportSamplingCheckpoint).
torch::Dtype storedWeightsType(InputArchive& a)
{
    c10::IValue v;
    if (a.try_read("weights_dtype", v) && v.isString() && v.toStringRef() == "float16")
        return torch::kHalf;
    return torch::kFloat32;
}

bool isSamplingOnly(InputArchive& a)
{
    c10::IValue v;
    return a.try_read("sampling_only", v) && v.isBool() && v.toBool();
}

Status loadModule(InputArchive& a, const std::string& key, UNet& model, torch::Device device, const std::string& path)
{
    InputArchive sub;
    if (!a.try_read(key, sub))
        return fail(DDPM_MSG("Engine", "'%1' holds no %2 weights"), path, key);
    try {
        // Loading replaces each parameter's storage: the module must have the stored type first.
        const auto stored = storedWeightsType(a);
        if (stored != torch::kFloat32)
            model->to(stored);
        // Loading replaces tensors whatever their shape: weights that disagree with the configuration
        // would only fail later, in the middle of a step.
        std::vector<std::pair<std::string, std::vector<int64_t>>> expected;
        for (const auto& p : model->named_parameters())
            expected.emplace_back(p.key(), p.value().sizes().vec());
        model->load(sub);
        const auto loaded = model->named_parameters();
        for (const auto& [name, shape] : expected) {
            const auto* t = loaded.find(name);
            if (!t || t->sizes().vec() != shape)
                return fail(DDPM_MSG("Engine",
                                     "the %1 weights in '%2' do not match the model its configuration describes (%3)"),
                            key, path, name);
        }
        model->to(torch::kFloat32);
        model->to(device);
    } catch (const std::exception& e) {
        return fail(
            DDPM_MSG("Engine", "the %1 weights in '%2' do not match the model its configuration describes (%3)"), key,
            path, exceptionSummary(e));
    }
    return Ok{};
}

} // namespace

Status Trainer::save(const std::string& path) const
{
    try {
        OutputArchive a;
        a.write("format", c10::IValue(std::string("ddpm-studio-checkpoint")));
        writeConfig(a, m_config);
        a.write("step", c10::IValue(m_step));
        OutputArchive model, ema, optim;
        m_model->save(model);
        m_ema->save(ema);
        m_optimizer->save(optim);
        a.write("model", model);
        a.write("ema", ema);
        a.write("optimizer", optim);
        a.write("loss_history", historyTensor(m_history));
        a.write("bin_loss", torch::tensor(m_binLoss, torch::kFloat64));
        a.write("bin_loss_history", binHistoryTensor(m_binHistory, m_binLoss.size()));
        a.write("bin_loss_history_every", c10::IValue(m_binHistoryEvery));
        // RNG: batches are a function of (seed, step); dropout draws from the global generator.
        auto gen = at::detail::getDefaultCPUGenerator();
        torch::Tensor state;
        {
            std::lock_guard<std::mutex> lock(gen.mutex());
            state = gen.get_state();
        }
        a.write("rng.cpu", state);
        return writeCheckpointFile(a, path);
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot save the checkpoint: %1"), e.what());
    }
}

namespace {

struct OpenedCheckpoint {
    std::shared_ptr<InputArchive> archive;
    ModelConfig config;
};

// The container checked and the configuration read: what resuming and loading share.
Result<OpenedCheckpoint> openCheckpoint(const std::string& path)
{
    auto archive = readCheckpointFile(path);
    if (!archive)
        return archive.failure();
    auto config = readConfig(*archive.value(), path);
    if (!config)
        return config.failure();
    return OpenedCheckpoint{archive.value(), config.value()};
}

} // namespace

Result<std::unique_ptr<Trainer>> Trainer::resume(const std::string& path, torch::Device device)
{
    auto opened = openCheckpoint(path);
    if (!opened)
        return opened.failure();
    auto& a = *opened->archive;
    const ModelConfig& config = opened->config;
    auto trainer = std::make_unique<Trainer>(config, device);
    const bool samplingOnly = isSamplingOnly(a);
    if (auto s = loadModule(a, "ema", trainer->m_ema, device, path); !s)
        return s.failure();
    if (samplingOnly) {
        // Training goes on from the averaged weights with a fresh optimizer.
        torch::NoGradGuard guard;
        auto src = trainer->m_ema->parameters();
        auto dst = trainer->m_model->parameters();
        for (size_t i = 0; i < src.size(); ++i)
            dst[i].copy_(src[i]);
    } else if (auto s = loadModule(a, "model", trainer->m_model, device, path); !s) {
        return s.failure();
    }
    try {
        InputArchive optim;
        if (!samplingOnly && !a.try_read("optimizer", optim))
            return fail(DDPM_MSG("Engine", "'%1' holds no optimizer state"), path);
        if (!samplingOnly)
            trainer->m_optimizer->load(optim);
        c10::IValue step;
        a.read("step", step);
        trainer->m_step = step.toInt();
        torch::Tensor history, bins, rng;
        if (a.try_read("loss_history", history))
            trainer->m_history = historyFrom(history);
        if (a.try_read("bin_loss", bins) && bins.numel() == static_cast<int64_t>(trainer->m_binLoss.size())) {
            auto b = bins.to(torch::kFloat64).contiguous();
            std::copy(b.data_ptr<double>(), b.data_ptr<double>() + b.numel(), trainer->m_binLoss.begin());
        }
        torch::Tensor binHistory;
        if (a.try_read("bin_loss_history", binHistory))
            trainer->m_binHistory = binHistoryFrom(binHistory);
        c10::IValue every;
        if (a.try_read("bin_loss_history_every", every) && every.isInt() && every.toInt() > 0)
            trainer->m_binHistoryEvery = every.toInt();
        if (a.try_read("rng.cpu", rng)) {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(rng);
        }
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "the optimizer state or step in '%1' cannot be read (%2)"), path,
                    exceptionSummary(e));
    }
    for (auto& p : trainer->m_ema->parameters())
        p.set_requires_grad(false);
    return trainer;
}

Result<LoadedModel> loadCheckpoint(const std::string& path, torch::Device device)
{
    auto opened = openCheckpoint(path);
    if (!opened)
        return opened.failure();
    auto& a = *opened->archive;
    const ModelConfig& config = opened->config;
    LoadedModel m;
    m.config = config;
    m.model = UNet(m.config.unet);
    m.ema = UNet(m.config.unet);
    m.samplingOnly = isSamplingOnly(a);
    if (auto s = loadModule(a, "ema", m.ema, device, path); !s)
        return s.failure();
    if (m.samplingOnly)
        m.model = cloneUNet(m.ema);
    else if (auto s = loadModule(a, "model", m.model, device, path); !s)
        return s.failure();
    m.model->eval();
    m.ema->eval();
    try {
        c10::IValue step;
        a.read("step", step);
        m.step = step.toInt();
        torch::Tensor history, bins;
        if (a.try_read("loss_history", history))
            m.lossHistory = historyFrom(history);
        if (a.try_read("bin_loss", bins)) {
            auto b = bins.to(torch::kFloat64).contiguous();
            m.binLoss.assign(b.data_ptr<double>(), b.data_ptr<double>() + b.numel());
        }
        torch::Tensor binHistory;
        if (a.try_read("bin_loss_history", binHistory))
            m.binLossHistory = binHistoryFrom(binHistory);
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "the step count in '%1' cannot be read (%2)"), path, exceptionSummary(e));
    }
    return m;
}

Status exportSamplingCheckpoint(const std::string& in, const std::string& out, bool half, size_t maxHistoryPoints)
{
    auto loaded = loadCheckpoint(in, torch::kCPU);
    if (!loaded)
        return loaded.failure();
    try {
        OutputArchive a;
        a.write("format", c10::IValue(std::string("ddpm-studio-checkpoint")));
        writeConfig(a, loaded->config);
        a.write("step", c10::IValue(loaded->step));
        a.write("sampling_only", c10::IValue(true));
        a.write("weights_dtype", c10::IValue(std::string(half ? "float16" : "float32")));
        UNet weights = cloneUNet(loaded->ema);
        if (half)
            weights->to(torch::kHalf);
        OutputArchive ema;
        weights->save(ema);
        a.write("ema", ema);
        // The loss curve thinned to a few thousand points, the newest kept.
        auto history = loaded->lossHistory;
        if (maxHistoryPoints > 0 && history.size() > maxHistoryPoints) {
            std::vector<LossPoint> thinned;
            const double every = static_cast<double>(history.size()) / static_cast<double>(maxHistoryPoints);
            for (size_t k = 0; k < maxHistoryPoints; ++k)
                thinned.push_back(history[static_cast<size_t>(k * every)]);
            thinned.back() = history.back();
            history = std::move(thinned);
        }
        a.write("loss_history", historyTensor(history));
        a.write("bin_loss", torch::tensor(loaded->binLoss, torch::kFloat64));
        a.write("bin_loss_history", binHistoryTensor(loaded->binLossHistory, loaded->binLoss.size()));
        return writeCheckpointFile(a, out);
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot write the sampling checkpoint: %1"), exceptionSummary(e));
    }
}

} // namespace ddpm
