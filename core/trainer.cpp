#include "trainer.h"

#include "checkpoint.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace ddpm {

// ---------------------------------------------------------------------------------------------
// BatchPrefetcher

BatchPrefetcher::BatchPrefetcher(torch::Tensor images, int batch, int timesteps, bool hflip, uint64_t seed,
                                 int64_t firstBatch, int depth)
    : m_images(std::move(images))
    , m_batch(batch)
    , m_timesteps(timesteps)
    , m_hflip(hflip)
    , m_seed(seed)
    , m_nextToMake(firstBatch)
    , m_depth(depth)
{
    m_thread = std::thread([this] { loop(); });
}

BatchPrefetcher::~BatchPrefetcher()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

BatchPrefetcher::Batch BatchPrefetcher::make(int64_t k)
{
    const int64_t N = m_images.size(0);
    std::vector<int64_t> idx(static_cast<size_t>(m_batch));
    for (int j = 0; j < m_batch; ++j) {
        const int64_t pos = k * m_batch + j;
        const int64_t epoch = pos / N;
        if (epoch != m_permEpoch) { // a fresh shuffle every epoch, a function of (seed, epoch)
            m_perm.resize(static_cast<size_t>(N));
            std::iota(m_perm.begin(), m_perm.end(), 0);
            std::mt19937_64 rng(m_seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(epoch) + 1);
            std::shuffle(m_perm.begin(), m_perm.end(), rng);
            m_permEpoch = epoch;
        }
        idx[static_cast<size_t>(j)] = m_perm[static_cast<size_t>(pos % N)];
    }
    auto gen = at::detail::createCPUGenerator(m_seed * 0xD1B54A32D192ED03ull + static_cast<uint64_t>(k) + 7);
    Batch b;
    b.index = k;
    auto x = m_images.index_select(0, torch::tensor(idx, torch::kInt64)).to(torch::kFloat32);
    x = x.mul_(2.0 / 255.0).sub_(1.0);
    if (m_hflip) {
        auto flip = torch::rand({m_batch}, gen) < 0.5;
        x = torch::where(flip.view({-1, 1, 1, 1}), x.flip({3}), x);
    }
    b.x0 = x.contiguous();
    b.tIndex = torch::randint(0, m_timesteps, {m_batch}, gen, torch::kInt64);
    b.eps = torch::randn(x.sizes(), gen, torch::dtype(torch::kFloat32));
    return b;
}

void BatchPrefetcher::loop()
{
    for (;;) {
        int64_t k;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || static_cast<int>(m_queue.size()) < m_depth; });
            if (m_stop)
                return;
            k = m_nextToMake++;
        }
        Batch b = make(k);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_queue.push_back(std::move(b));
        }
        m_cv.notify_all();
    }
}

BatchPrefetcher::Batch BatchPrefetcher::take()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [&] { return !m_queue.empty(); });
    Batch b = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    m_cv.notify_all();
    return b;
}

// ---------------------------------------------------------------------------------------------
// Trainer

Trainer::Trainer(const ModelConfig& config, torch::Device device)
    : m_config(config)
    , m_device(device)
    , m_diffusion(NoiseSchedule(config.schedule), config.prediction, device)
{
    torch::manual_seed(config.train.seed);
    m_model = UNet(config.unet);
    m_ema = UNet(config.unet);
    m_model->to(device);
    m_ema->to(device);
    {
        torch::NoGradGuard guard;
        auto src = m_model->parameters();
        auto dst = m_ema->parameters();
        for (size_t i = 0; i < src.size(); ++i)
            dst[i].copy_(src[i]);
    }
    m_ema->eval();
    for (auto& p : m_ema->parameters())
        p.set_requires_grad(false);
    m_optimizer = std::make_unique<torch::optim::Adam>(m_model->parameters(), torch::optim::AdamOptions(config.train.lr));
    m_binLoss.assign(static_cast<size_t>(std::max(1, config.train.lossBins)), std::nan(""));
}

Trainer::~Trainer() = default;

Status Trainer::setDataset(const Dataset& data)
{
    const auto& u = m_config.unet;
    if (data.size() == 0)
        return fail(DDPM_MSG("Engine", "the data set is empty"));
    if (data.channels() != u.imageChannels() || data.height() != u.imageSize() || data.width() != u.imageSize())
        return fail(DDPM_MSG("Engine", "the data set's images do not have the model's size"));
    m_prefetcher.reset();
    m_images = data.images.contiguous();
    m_prefetcher = std::make_unique<BatchPrefetcher>(m_images, m_config.train.batch, m_diffusion.steps(),
                                                     m_config.train.hflip, m_config.train.seed, m_step);
    return Ok{};
}

double Trainer::learningRate(int64_t step) const
{
    const auto& t = m_config.train;
    if (t.warmupSteps <= 0)
        return t.lr;
    return t.lr * std::min(1.0, static_cast<double>(step + 1) / t.warmupSteps);
}

void Trainer::updateEma()
{
    torch::NoGradGuard guard;
    const double d = std::min(m_config.train.emaDecay, (1.0 + m_step) / (10.0 + m_step));
    auto src = m_model->parameters();
    auto dst = m_ema->parameters();
    for (size_t i = 0; i < src.size(); ++i)
        dst[i].mul_(d).add_(src[i], 1.0 - d);
}

Result<StepStats> Trainer::step()
{
    if (!m_prefetcher)
        return fail(DDPM_MSG("Engine", "no data set to train on"));
    auto batch = m_prefetcher->take();
    const bool cuda = m_device.is_cuda();
    auto x0 = batch.x0.to(m_device, cuda);
    auto t = batch.tIndex.to(m_device, cuda);
    auto eps = batch.eps.to(m_device, cuda);

    m_model->train();
    const double lr = learningRate(m_step);
    for (auto& group : m_optimizer->param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);

    auto xt = m_diffusion.qSample(x0, t, eps);
    auto out = m_model->forward(xt, t);
    auto perSample = (out - m_diffusion.target(x0, eps, t)).pow(2).mean({1, 2, 3});
    auto loss = perSample.mean();
    const double lossValue = loss.item<double>();
    if (!std::isfinite(lossValue))
        return std::isnan(lossValue)
                   ? fail(DDPM_MSG("Engine", "the loss became NaN at step %1; training stopped and the model keeps the "
                                             "weights of step %2"),
                          m_step + 1, m_step)
                   : fail(DDPM_MSG("Engine", "the loss became infinite at step %1; training stopped and the model "
                                             "keeps the weights of step %2"),
                          m_step + 1, m_step);
    m_model->zero_grad(true); // grads set to none: backward writes them instead of adding to zeros
    loss.backward();
    const double gradNorm = torch::nn::utils::clip_grad_norm_(m_model->parameters(), m_config.train.gradClip);
    if (!std::isfinite(gradNorm)) {
        m_model->zero_grad(true);
        return fail(DDPM_MSG("Engine",
                             "the gradient became non-finite at step %1; training stopped and the model keeps the "
                             "weights of step %2"),
                    m_step + 1, m_step);
    }
    m_optimizer->step();
    ++m_step;
    updateEma();

    // Loss per timestep bin: a running average per bin.
    auto ps = perSample.detach().to(torch::kCPU).to(torch::kFloat64);
    auto tc = batch.tIndex;
    const auto* pp = ps.data_ptr<double>();
    const auto* tp = tc.data_ptr<int64_t>();
    const auto bins = static_cast<int64_t>(m_binLoss.size());
    const int64_t T = m_diffusion.steps();
    for (int64_t j = 0; j < ps.size(0); ++j) {
        const auto b = static_cast<size_t>(std::min(bins - 1, tp[j] * bins / T));
        double& v = m_binLoss[b];
        v = std::isnan(v) ? pp[j] : 0.98 * v + 0.02 * pp[j];
    }
    m_history.push_back({m_step, static_cast<float>(lossValue)});
    if (m_step % m_binHistoryEvery == 0) {
        m_binHistory.push_back({m_step, m_binLoss});
        if (m_binHistory.size() > 400) { // keep every other entry and sample half as often from now on
            std::vector<BinLossSnapshot> thinned;
            for (size_t i = 1; i < m_binHistory.size(); i += 2)
                thinned.push_back(std::move(m_binHistory[i]));
            m_binHistory = std::move(thinned);
            m_binHistoryEvery *= 2;
        }
    }

    const auto now = std::chrono::steady_clock::now();
    m_recent.emplace_back(now, m_config.train.batch);
    while (m_recent.size() > 20)
        m_recent.pop_front();
    StepStats s;
    s.step = m_step;
    s.loss = lossValue;
    s.gradNorm = gradNorm;
    s.lr = lr;
    if (m_recent.size() >= 2) {
        const double secs = std::chrono::duration<double>(now - m_recent.front().first).count();
        const double steps = static_cast<double>(m_recent.size() - 1);
        if (secs > 0) {
            s.stepsPerSec = steps / secs;
            s.imagesPerSec = s.stepsPerSec * m_config.train.batch;
        }
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Checkpoints

namespace {

using torch::serialize::InputArchive;
using torch::serialize::OutputArchive;

void writeConfig(OutputArchive& a, const ModelConfig& c)
{
    a.write("preset", c10::IValue(c.preset));
    a.write("model.ch", c10::IValue(c.unet.ch()));
    a.write("model.ch_mult", c10::IValue(c.unet.chMult()));
    a.write("model.num_res_blocks", c10::IValue(c.unet.numResBlocks()));
    a.write("model.attn_resolutions", c10::IValue(c.unet.attnResolutions()));
    a.write("model.dropout", c10::IValue(c.unet.dropout()));
    a.write("model.image_channels", c10::IValue(c.unet.imageChannels()));
    a.write("model.image_size", c10::IValue(c.unet.imageSize()));
    a.write("schedule.kind", c10::IValue(scheduleKindName(c.schedule.kind)));
    a.write("schedule.steps", c10::IValue(static_cast<int64_t>(c.schedule.steps)));
    a.write("schedule.beta_start", c10::IValue(c.schedule.betaStart));
    a.write("schedule.beta_end", c10::IValue(c.schedule.betaEnd));
    a.write("schedule.cosine_s", c10::IValue(c.schedule.cosineOffset));
    a.write("schedule.max_beta", c10::IValue(c.schedule.maxBeta));
    a.write("prediction", c10::IValue(predictionName(c.prediction)));
    a.write("data", c10::IValue(c.dataSpec));
    a.write("train.batch", c10::IValue(static_cast<int64_t>(c.train.batch)));
    a.write("train.lr", c10::IValue(c.train.lr));
    a.write("train.warmup_steps", c10::IValue(static_cast<int64_t>(c.train.warmupSteps)));
    a.write("train.grad_clip", c10::IValue(c.train.gradClip));
    a.write("train.ema_decay", c10::IValue(c.train.emaDecay));
    a.write("train.hflip", c10::IValue(c.train.hflip));
    a.write("train.seed", c10::IValue(static_cast<int64_t>(c.train.seed)));
    a.write("train.total_steps", c10::IValue(c.train.totalSteps));
    a.write("train.loss_bins", c10::IValue(static_cast<int64_t>(c.train.lossBins)));
}

struct Reader {
    InputArchive& a;
    std::string missing;
    c10::IValue get(const std::string& key)
    {
        c10::IValue v;
        if (!a.try_read(key, v) && missing.empty())
            missing = key;
        return v;
    }
    int64_t i(const std::string& key)
    {
        auto v = get(key);
        return v.isInt() ? v.toInt() : (missing.empty() ? (missing = key, 0) : 0);
    }
    double d(const std::string& key)
    {
        auto v = get(key);
        return v.isDouble() ? v.toDouble() : (missing.empty() ? (missing = key, 0.0) : 0.0);
    }
    std::string s(const std::string& key)
    {
        auto v = get(key);
        return v.isString() ? v.toStringRef() : (missing.empty() ? (missing = key, std::string{}) : std::string{});
    }
    std::vector<int64_t> list(const std::string& key)
    {
        auto v = get(key);
        if (v.isIntList())
            return v.toIntVector();
        if (missing.empty())
            missing = key;
        return {};
    }
    bool b(const std::string& key)
    {
        auto v = get(key);
        return v.isBool() ? v.toBool() : false;
    }
};

Result<ModelConfig> readConfig(InputArchive& a, const std::string& path)
{
    c10::IValue format;
    if (!a.try_read("format", format) || !format.isString() || format.toStringRef() != "ddpm-studio-checkpoint")
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio checkpoint"), path);
    Reader r{a, {}};
    ModelConfig c;
    c.preset = r.s("preset");
    c.unet.ch(r.i("model.ch"))
        .chMult(r.list("model.ch_mult"))
        .numResBlocks(r.i("model.num_res_blocks"))
        .attnResolutions(r.list("model.attn_resolutions"))
        .dropout(r.d("model.dropout"))
        .imageChannels(r.i("model.image_channels"))
        .imageSize(r.i("model.image_size"));
    auto kind = parseScheduleKind(r.s("schedule.kind"));
    c.schedule.steps = static_cast<int>(r.i("schedule.steps"));
    c.schedule.betaStart = r.d("schedule.beta_start");
    c.schedule.betaEnd = r.d("schedule.beta_end");
    c.schedule.cosineOffset = r.d("schedule.cosine_s");
    c.schedule.maxBeta = r.d("schedule.max_beta");
    auto pred = parsePrediction(r.s("prediction"));
    c.dataSpec = r.s("data");
    c.train.batch = static_cast<int>(r.i("train.batch"));
    c.train.lr = r.d("train.lr");
    c.train.warmupSteps = static_cast<int>(r.i("train.warmup_steps"));
    c.train.gradClip = r.d("train.grad_clip");
    c.train.emaDecay = r.d("train.ema_decay");
    c.train.hflip = r.b("train.hflip");
    c.train.seed = static_cast<uint64_t>(r.i("train.seed"));
    c.train.totalSteps = r.i("train.total_steps");
    c.train.lossBins = static_cast<int>(r.i("train.loss_bins"));
    if (!r.missing.empty())
        return fail(DDPM_MSG("Engine", "'%1' is incomplete: the setting '%2' is missing"), path, r.missing);
    if (!kind || !pred)
        return fail(DDPM_MSG("Engine", "'%1' names an unknown schedule or prediction"), path);
    c.schedule.kind = kind.value();
    c.prediction = pred.value();
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
    auto t = torch::full({static_cast<int64_t>(h.size()), static_cast<int64_t>(bins + 1)}, std::nan(""), torch::kFloat64);
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

Status loadModule(InputArchive& a, const std::string& key, UNet& model, torch::Device device, const std::string& path)
{
    InputArchive sub;
    if (!a.try_read(key, sub))
        return fail(DDPM_MSG("Engine", "'%1' holds no %2 weights"), path, key);
    try {
        model->load(sub);
        model->to(device);
    } catch (const std::exception&) {
        return fail(DDPM_MSG("Engine",
                             "the %1 weights in '%2' do not match the model its configuration describes"),
                    key, path);
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

Result<std::unique_ptr<Trainer>> Trainer::resume(const std::string& path, torch::Device device)
{
    auto archive = readCheckpointFile(path);
    if (!archive)
        return archive.failure();
    auto& a = *archive.value();
    auto config = readConfig(a, path);
    if (!config)
        return config.failure();
    auto trainer = std::make_unique<Trainer>(config.value(), device);
    if (auto s = loadModule(a, "model", trainer->m_model, device, path); !s)
        return s.failure();
    if (auto s = loadModule(a, "ema", trainer->m_ema, device, path); !s)
        return s.failure();
    try {
        InputArchive optim;
        if (!a.try_read("optimizer", optim))
            return fail(DDPM_MSG("Engine", "'%1' holds no optimizer state"), path);
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
    } catch (const std::exception&) {
        return fail(DDPM_MSG("Engine", "the optimizer state or step in '%1' cannot be read"), path);
    }
    for (auto& p : trainer->m_ema->parameters())
        p.set_requires_grad(false);
    return trainer;
}

Result<LoadedModel> loadCheckpoint(const std::string& path, torch::Device device)
{
    auto archive = readCheckpointFile(path);
    if (!archive)
        return archive.failure();
    auto& a = *archive.value();
    auto config = readConfig(a, path);
    if (!config)
        return config.failure();
    LoadedModel m;
    m.config = config.value();
    m.model = UNet(m.config.unet);
    m.ema = UNet(m.config.unet);
    if (auto s = loadModule(a, "model", m.model, device, path); !s)
        return s.failure();
    if (auto s = loadModule(a, "ema", m.ema, device, path); !s)
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
    } catch (const std::exception&) {
        return fail(DDPM_MSG("Engine", "the step count in '%1' cannot be read"), path);
    }
    return m;
}

Denoiser makeDenoiser(UNet model)
{
    return [model](const torch::Tensor& x, const torch::Tensor& t) mutable {
        torch::NoGradGuard guard;
        model->eval();
        return model->forward(x, t);
    };
}

Result<torch::Device> parseDevice(const std::string& name)
{
    if (name == "cpu")
        return torch::Device(torch::kCPU);
    if (name == "cuda") {
        if (!torch::cuda::is_available())
            return fail(DDPM_MSG("Engine", "CUDA was asked for, but no CUDA device is available"));
        return torch::Device(torch::kCUDA, 0);
    }
    if (name == "auto" || name.empty())
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    return fail(DDPM_MSG("Engine", "unknown device '%1' (expected auto, cpu or cuda)"), name);
}

std::string deviceDescription(torch::Device device)
{
    if (device.is_cuda())
        return "CUDA:" + std::to_string(device.index() < 0 ? 0 : device.index());
    return "CPU";
}

} // namespace ddpm
