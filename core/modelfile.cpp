#include "modelfile.h"

#include "classifier.h"
#include "device.h"
#include "sizelimits.h"
#include "trainer.h"

#include <cmath>
#include <new>

namespace ddpm {

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

Result<OpenedFile> openModelFile(const std::string& path)
{
    // Nothing thrown leaves it: the studio opens files in its menus' slots (an old-format file is read
    // whole, and one larger than the memory throws std::bad_alloc).
    try {
        auto reader = CheckpointReader::open(path);
        if (!reader)
            return reader.failure();
        auto config = readModelConfig(*reader.value());
        if (!config)
            return config.failure();
        auto step = readStep(*reader.value());
        if (!step)
            return step.failure();
        return OpenedFile{std::move(reader).value(), config.value(), step.value()};
    } catch (const std::bad_alloc&) {
        return fail(DDPM_MSG("Engine", "%1 is too large to read into this computer's memory"), path);
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "reading %1"), path));
    }
}

Result<ModelState> loadCheckpoint(const std::string& path, torch::Device device)
{
    auto opened = openModelFile(path);
    if (!opened)
        return opened.failure();
    auto& r = *opened->reader;
    ModelState m;
    m.device = device;
    m.config = opened->config;
    m.step = opened->step;
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
    auto opened = openModelFile(in);
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
