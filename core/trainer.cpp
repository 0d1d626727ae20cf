#include "trainer.h"

#include "distributed.h"
#include "dropout.h"
#include "gradientaverager.h"

#include "checkpointparts.h"
#include "modelfile.h"
#include "sha256.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <random>
#include <sstream>

namespace ddpm {

// ---------------------------------------------------------------------------------------------
// Trainer

namespace {

// The step is refused before the weights change, so the message names the step the model keeps.
Error nonFiniteLoss(double loss, int64_t step)
{
    return std::isnan(loss) ? fail(DDPM_MSG("Engine", "the loss became NaN at step %1; training stopped and the model "
                                                      "keeps the weights of step %2"),
                                   step + 1, step)
                            : fail(DDPM_MSG("Engine", "the loss became infinite at step %1; training stopped and the "
                                                      "model keeps the weights of step %2"),
                                   step + 1, step);
}

// Loss per timestep bin: a running average per bin, so that it follows the model as it improves.
void updateBinLoss(std::vector<double>& binLoss, const torch::Tensor& perSample, const torch::Tensor& tIndex,
                   int64_t steps)
{
    auto ps = perSample.detach().to(torch::kCPU).to(torch::kFloat64);
    const auto* pp = ps.data_ptr<double>();
    const auto* tp = tIndex.data_ptr<int64_t>();
    const auto bins = static_cast<int64_t>(binLoss.size());
    for (int64_t j = 0; j < ps.size(0); ++j) {
        const auto b = static_cast<size_t>(std::min(bins - 1, tp[j] * bins / steps));
        double& v = binLoss[b];
        v = runningAverage(v, pp[j]);
    }
}

// A snapshot of the bins every `every` steps. Past 400 snapshots every other one is dropped and the
// interval doubles, so the history stays a few hundred entries long however long training runs.
void recordBinHistory(std::vector<BinLossSnapshot>& history, int64_t& every, int64_t step,
                      const std::vector<double>& binLoss)
{
    if (step % every != 0)
        return;
    history.push_back({step, binLoss});
    if (history.size() > 400) {
        std::vector<BinLossSnapshot> thinned;
        for (size_t i = 1; i < history.size(); i += 2)
            thinned.push_back(std::move(history[i]));
        history = std::move(thinned);
        every *= 2;
    }
}

} // namespace

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
    copyWeights(*m_model, *m_ema);
    m_ema->eval();
    for (auto& p : m_ema->parameters())
        p.set_requires_grad(false);
    m_optimizer =
        std::make_unique<torch::optim::Adam>(m_model->parameters(), torch::optim::AdamOptions(config.train.lr));
    m_binLoss.assign(static_cast<size_t>(std::max(1, config.train.lossBins)), std::nan(""));
}

Trainer::~Trainer() = default;

Status checkTrainingData(const ModelConfig& config, const Dataset& data)
{
    const auto& u = config.unet;
    if (data.size() == 0)
        return fail(DDPM_MSG("Engine", "the data set is empty"));
    if (data.channels() != u.imageChannels() || data.height() != u.imageSize() || data.width() != u.imageSize())
        return fail(DDPM_MSG("Engine", "the data set's images do not have the model's size"));
    if (!config.conditional())
        return Ok{};
    if (!data.labels.defined())
        return fail(DDPM_MSG("Engine", "a class-conditional model needs a data set with labels; %1 has none (an "
                                       "image folder has them from one subfolder per class)"),
                    data.name);
    const int64_t maxLabel = data.labels.numel() ? data.labels.max().item<int64_t>() : -1;
    const int64_t minLabel = data.labels.numel() ? data.labels.min().item<int64_t>() : 0;
    if (minLabel < 0 || maxLabel >= u.numClasses())
        return fail(DDPM_MSG("Engine", "the data set's labels run to %1, beyond the model's %2 classes"), maxLabel,
                    u.numClasses());
    // Label k must mean the model's class k: the set's classes are the model's, or the first of them (a
    // folder whose last class is gone). Numbered names (a set that names none) say nothing either way.
    const auto& ours = config.classNames;
    const auto& theirs = data.classNames;
    const auto numbered = [](const std::vector<std::string>& n) {
        return n == numberedClassNames(static_cast<int64_t>(n.size()));
    };
    const bool prefix = theirs.size() <= ours.size() && std::equal(theirs.begin(), theirs.end(), ours.begin());
    if (!ours.empty() && !theirs.empty() && !prefix && !numbered(ours) && !numbered(theirs))
        return fail(DDPM_MSG("Engine", "the data set's classes (%1) are not the model's (%2): a class-conditional "
                                       "model trains on images of its own classes"),
                    listClassNames(theirs), listClassNames(ours));
    return Ok{};
}

Status Trainer::setDataset(const Dataset& data)
{
    if (auto fits = checkTrainingData(m_config, data); !fits)
        return fits;
    if (m_config.conditional())
        m_labels = data.labels.to(torch::kInt64).contiguous();
    m_images = data.images.contiguous();
    if (!data.spec.empty())
        m_config.dataSpec = data.spec; // what the checkpoint names as its data (resume, the held-out bound)
    restartPrefetcher();
    return Ok{};
}

void Trainer::restartPrefetcher()
{
    m_prefetcher.reset();
    if (m_images.defined())
        m_prefetcher = std::make_unique<BatchPrefetcher>(m_images, m_config.train.batch, m_diffusion.steps(),
                                                         m_config.train.hflip, m_config.train.seed, m_step,
                                                         /*depth=*/3, m_labels, m_config.train.pUncond);
}

void Trainer::setPrecision(Precision p)
{
    m_model->setPrecision(p);
    m_ema->setPrecision(p);
}

Status Trainer::setTrainOptions(const TrainOptions& options)
{
    if (auto v = validateTrainOptions(options); !v)
        return v.failure();
    if (auto split = checkBatchSplits(options.batch); !split)
        return split;
    auto& t = m_config.train;
    const bool batches = options.batch != t.batch || options.seed != t.seed || options.hflip != t.hflip;
    const int lossBins = t.lossBins; // the heat map's bins stay as the model has them
    t = options;
    t.lossBins = lossBins;
    if (batches)
        restartPrefetcher();
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
    // Whatever LibTorch or the prefetching thread throws (out of memory, a shape error, a CUDA error)
    // ends here as a message; the weights change only in the optimizer step at the end.
    try {
        return stepUnguarded();
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "training step %1"), m_step + 1));
    } catch (...) {
        return describeUnknownException(fail(DDPM_MSG("Engine", "training step %1"), m_step + 1));
    }
}

Status Trainer::setDistributed(std::shared_ptr<Distributed> distributed)
{
    m_averager.reset();
    m_distributed = std::move(distributed);
    if (auto split = checkBatchSplits(m_config.train.batch); !split) {
        m_distributed.reset();
        return split;
    }
    if (!m_distributed) // a job of one rank goes through every collective as any other
        return Ok{};
    try { // the same start on every rank, whatever each one read or initialised
        std::vector<torch::Tensor> weights;
        for (const auto* net : {&m_model, &m_ema}) {
            for (const auto& p : (*net)->parameters())
                weights.push_back(p.detach());
            for (const auto& b : (*net)->buffers())
                weights.push_back(b);
        }
        m_distributed->broadcastFromRankZero(weights);
        std::vector<torch::Tensor> trained;
        for (const auto& p : m_model->parameters())
            if (p.requires_grad())
                trained.push_back(p);
        m_averager = std::make_unique<GradientAverager>(*m_distributed, std::move(trained));
    } catch (const std::exception& e) {
        m_averager.reset();
        m_distributed.reset();
        return describeException(e, fail(DDPM_MSG("Engine", "copying the weights to every rank")));
    }
    return Ok{};
}

Status Trainer::checkBatchSplits(int64_t batch) const
{
    const int ranks = m_distributed ? m_distributed->worldSize() : 1;
    if (batch % ranks != 0)
        return fail(DDPM_MSG("Engine", "the batch of %1 does not split evenly over %2 ranks: --batch is the global "
                                       "batch, each rank takes an equal share"),
                    batch, ranks);
    return Ok{};
}

void Trainer::averageOverRanks(torch::Tensor& loss, torch::Tensor& perExample, int64_t first)
{
    torch::NoGradGuard guard;
    m_averager->finishStep(); // the gradients, whose all-reduce the backward pass started
    // The loss and every example's loss of the global batch (zeros but for this rank's slice): the average
    // of the losses is the global batch's, the average of the slices times the ranks is every example's.
    const int64_t ranks = m_distributed->worldSize();
    auto lossShared = loss.detach().to(torch::kFloat64).reshape({1}).clone();
    auto examples = torch::zeros({perExample.size(0) * ranks}, lossShared.options());
    examples.narrow(0, first, perExample.size(0)).copy_(perExample.detach());
    m_distributed->average({lossShared, examples});
    loss = lossShared[0];
    perExample = examples.mul_(static_cast<double>(ranks));
}

Result<StepStats> Trainer::stepUnguarded()
{
    if (!m_prefetcher)
        return fail(DDPM_MSG("Engine", "no data set to train on"));
    auto batch = m_prefetcher->take();
    const bool cuda = m_device.is_cuda();
    // A rank trains on its slice of the global batch: examples first … first + n − 1.
    const int64_t global = batch.x0.size(0);
    const int64_t ranks = m_distributed ? m_distributed->worldSize() : 1;
    const int64_t n = global / ranks, first = m_distributed ? m_distributed->rank() * n : 0;
    const auto mine = [&](const torch::Tensor& x) { return ranks > 1 && x.defined() ? x.narrow(0, first, n) : x; };
    auto x0 = mine(batch.x0).to(m_device, cuda);
    auto t = mine(batch.tIndex).to(m_device, cuda);
    auto eps = mine(batch.eps).to(m_device, cuda);
    const auto labels = mine(batch.labels);

    m_model->train();
    const double lr = learningRate(m_step);
    for (auto& group : m_optimizer->param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);

    // Dropout masks of this rank's slice as the whole batch would draw them (dropout.h).
    struct SliceScope {
        explicit SliceScope(BatchSlice s) { setDropoutBatchSlice(s); }
        ~SliceScope() { setDropoutBatchSlice({}); }
    } sliceScope(ranks > 1 ? BatchSlice{first, global} : BatchSlice{});
    auto xt = m_diffusion.qSample(x0, t, eps);
    auto out = m_model->forward(xt, t, labels.defined() ? labels.to(m_device, cuda) : torch::Tensor());
    auto perSample = (out - m_diffusion.target(x0, eps, t)).pow(2).mean({1, 2, 3});
    auto loss = perSample.mean();
    if (!m_averager && !std::isfinite(loss.item<double>())) // before the backward pass, where it costs nothing
        return nonFiniteLoss(loss.item<double>(), m_step);
    m_model->zero_grad(true); // grads set to none: backward writes them instead of adding to zeros
    if (m_averager)
        m_averager->beginStep();
    loss.backward();
    if (m_averager) // every rank then sees the same loss and gradients, and decides the same
        averageOverRanks(loss, perSample, first);
    const double lossValue = loss.item<double>();
    if (!std::isfinite(lossValue)) {
        m_model->zero_grad(true);
        return nonFiniteLoss(lossValue, m_step);
    }
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
    m_rawIsEmaCopy = false;
    updateEma();

    updateBinLoss(m_binLoss, perSample, batch.tIndex, m_diffusion.steps());
    m_history.push_back({m_step, static_cast<float>(lossValue)});
    recordBinHistory(m_binHistory, m_binHistoryEvery, m_step, m_binLoss);

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

ModelState Trainer::state() const
{
    ModelState s;
    s.config = m_config;
    s.step = m_step;
    s.model = cloneUNet(m_model);
    s.ema = cloneUNet(m_ema);
    s.device = m_device;
    s.samplingOnly = m_rawIsEmaCopy;
    s.lr = learningRate(std::max<int64_t>(0, m_step - 1));
    s.lossHistory = m_history;
    s.binLoss = m_binLoss;
    s.binLossHistory = m_binHistory;
    return s;
}

// ---------------------------------------------------------------------------------------------
// Checkpoints (the schema is in modelfile.h)

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
    auto opened = openModelFile(path);
    if (!opened)
        return opened.failure();
    auto& r = *opened->reader;
    auto trainer = std::make_unique<Trainer>(opened->config, device);
    const bool samplingOnly = r.flag("sampling_only").value_or(false);
    if (auto s = r.loadModule("ema", *trainer->m_ema); !s)
        return s.failure();
    trainer->m_ema->to(device);
    if (samplingOnly) {
        // Training goes on from the averaged weights with a fresh optimizer.
        copyWeights(*trainer->m_ema, *trainer->m_model);
        trainer->m_rawIsEmaCopy = true;
    } else {
        if (auto s = r.loadModule("model", *trainer->m_model); !s)
            return s.failure();
        trainer->m_model->to(device);
        if (auto s = r.loadAdam("optimizer", *trainer->m_optimizer, *trainer->m_model); !s)
            return s.failure();
    }
    trainer->m_step = opened->step;
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
            return fail(DDPM_MSG("Engine", "the random generator's state in '%1' cannot be read (%2)"), path,
                        exceptionSummary(e));
        }
    }
    for (auto& p : trainer->m_ema->parameters())
        p.set_requires_grad(false);
    return trainer;
}

bool Trainer::sharedByWarmStart(const std::string& key)
{
    const bool network = key.rfind("model.", 0) == 0 && key != "model.num_classes" && key != "model.class_names" &&
                         key != "model.dropout";
    return network || key.rfind("schedule.", 0) == 0 || key == "prediction";
}

Status Trainer::startFrom(const std::string& path)
{
    auto opened = openModelFile(path);
    if (!opened)
        return opened.failure();
    return startFrom(opened.value(), path);
}

Status Trainer::startFrom(OpenedFile& opened, const std::string& path)
{
    if (m_step != 0)
        return fail(DDPM_MSG("Engine", "a model can start from another one's weights only before its first step"));
    for (const auto& field : configFields())
        if (sharedByWarmStart(field.key) && field.get(opened.config) != field.get(m_config))
            return fail(DDPM_MSG("Engine", "'%1' cannot start this model: its %2 differs"), path, field.key);
    UNet source(opened.config.unet);
    if (auto s = opened.reader->loadModule("ema", *source); !s)
        return s.failure();
    std::map<std::string, torch::Tensor> weights;
    for (auto& [name, t] : checkpointparts::namedState(*source))
        weights.emplace(name, t);
    torch::NoGradGuard guard;
    for (auto& [name, target] : checkpointparts::namedState(*m_model)) {
        const auto it = weights.find(name);
        if (it != weights.end() && it->second.sizes() == target.sizes())
            target.copy_(it->second);
        else if (name.rfind("class_emb.", 0) == 0)
            target.zero_();
        else // the settings compared above define every other tensor
            return fail(DDPM_MSG("Engine", "'%1' cannot start this model: it has no weights for %2"), path, name);
    }
    copyWeights(*m_model, *m_ema);
    m_rawIsEmaCopy = true;
    m_config.initFrom = std::filesystem::path(path).filename().string() + ", step " + std::to_string(opened.step) +
                        ", sha256 " + sha256OfFile(path);
    return Ok{};
}

// ---------------------------------------------------------------------------------------------
// A run of steps

Status runTraining(Trainer& trainer, const TrainingRun& run)
{
    int64_t target = -1;
    for (;;) {
        if (run.betweenSteps)
            run.betweenSteps();
        if (run.stopRequested && run.stopRequested())
            return Ok{};
        if (run.target) {
            if (const int64_t t = run.target(); t != target) {
                target = t;
                trainer.setTotalSteps(target);
            }
        } else {
            target = trainer.config().train.totalSteps;
        }
        if (trainer.stepCount() >= target)
            return Ok{};
        auto s = trainer.step();
        if (!s)
            return s.failure();
        if (run.afterStep)
            run.afterStep(s.value());
        if (run.saveEvery > 0 && s->step % run.saveEvery == 0 && s->step < target) {
            auto saved = trainer.save(run.savePath);
            if (run.saved)
                run.saved(saved);
        }
    }
}

} // namespace ddpm
