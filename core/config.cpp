#include "config.h"

#include "dataset.h"
#include "sizelimits.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdio>

namespace ddpm {

Status validateTrainOptions(const TrainOptions& options)
{
    if (options.batch < 1 || options.batch > limits::kMaxBatch)
        return fail(DDPM_MSG("Engine", "the batch size must be between 1 and %1"), limits::kMaxBatch);
    if (!kLearningRateRange.contains(options.lr)) // the words below say its ends (options.h)
        return fail(DDPM_MSG("Engine", "the learning rate must be above 0 and at most 1"));
    if (options.warmupSteps < 0)
        return fail(DDPM_MSG("Engine", "the warm-up cannot be negative"));
    if (options.warmupSteps > limits::kMaxSteps)
        return fail(DDPM_MSG("Engine", "the warm-up must be at most %1 steps"), limits::kMaxSteps);
    if (!kEmaDecayRange.contains(options.emaDecay))
        return fail(DDPM_MSG("Engine", "the EMA decay must be at least 0 and below 1"));
    if (!(options.gradClip > 0) || !std::isfinite(options.gradClip))
        return fail(DDPM_MSG("Engine", "the gradient clipping norm must be above 0"));
    if (options.totalSteps < 0 || options.totalSteps > limits::kMaxTrainingSteps)
        return fail(DDPM_MSG("Engine", "the number of training steps must be between 0 and %1"),
                    limits::kMaxTrainingSteps);
    if (!kShareRange.contains(options.pUncond))
        return fail(DDPM_MSG("Engine", "the share of examples without their class must be between 0 and 1"));
    if (options.lossBins < 1 || options.lossBins > limits::kMaxLossBins)
        return fail(DDPM_MSG("Engine", "the number of loss bins must be between 1 and %1"), limits::kMaxLossBins);
    return Ok{};
}

std::vector<std::string> classNamesOf(const ModelConfig& config)
{
    if (!config.conditional())
        return {};
    return config.classNames.empty() ? numberedClassNames(config.unet.numClasses()) : config.classNames;
}

Status setClasses(ModelConfig& config, const std::vector<std::string>& names)
{
    if (names.size() < 2)
        return fail(DDPM_MSG("Engine", "a class-conditional model needs a data set with labels of at least two "
                                       "classes (Fashion-MNIST, MNIST or IDX with a labels file, CIFAR-10, the "
                                       "synthetic shapes, or an image folder with one subfolder per class)"));
    if (static_cast<int64_t>(names.size()) > limits::kMaxClasses)
        return fail(DDPM_MSG("Engine", "at most %1 classes"), limits::kMaxClasses);
    config.unet.numClasses(static_cast<int64_t>(names.size()));
    config.classNames = names;
    return Ok{};
}

Status setClasses(ModelConfig& config, const Dataset& data)
{
    const auto& names = data.classNames;
    // The classes are numbered up to the largest label: labels {0, 7} make eight, six of them empty, and
    // a model would draw noise for those. Negative labels are the trainer's to refuse.
    if (names.size() >= 2 && data.labels.defined() && data.labels.numel() > 0 &&
        data.labels.min().item<int64_t>() >= 0) {
        const auto counts =
            torch::bincount(data.labels.to(torch::kInt64).flatten(), {}, static_cast<int64_t>(names.size()));
        std::vector<std::string> empty;
        for (int64_t k = 0; k < static_cast<int64_t>(names.size()); ++k)
            if (counts[k].item<int64_t>() == 0)
                empty.push_back(names[static_cast<size_t>(k)]);
        if (empty.size() == 1)
            return fail(DDPM_MSG("Engine", "the data set's class %1 has no images: a class-conditional model needs "
                                           "images of every class"),
                        listClassNames(empty));
        if (!empty.empty())
            return fail(DDPM_MSG("Engine", "%1 of the data set's %2 classes have no images (%3): a class-conditional "
                                           "model needs images of every class"),
                        empty.size(), names.size(), listClassNames(empty));
    }
    return setClasses(config, names);
}

ModelConfig warmStartConfig(const ModelConfig& from, const ModelConfig& settings)
{
    ModelConfig c = from;
    c.unet.numClasses(settings.unet.numClasses());
    c.classNames = settings.classNames;
    c.train = settings.train;
    c.dataSpec = settings.dataSpec;
    c.initFrom.clear(); // Trainer::startFrom names the file
    return c;
}

Result<ModelConfig> makeConfig(const std::string& preset)
{
    auto unet = unetPreset(preset);
    if (!unet)
        return unet.failure();
    ModelConfig c;
    c.preset = preset;
    c.unet = unet.value();
    return c;
}

namespace {

using C = ModelConfig;
using V = ConfigValue;

int64_t integer(const V& v)
{
    return std::get<int64_t>(v);
}
// An int setting read from a file: a value beyond int's range becomes the nearest bound, which the
// validators refuse, rather than wrapping round to a plausible number (2³² + 1000 steps read as 1000).
int narrowInt(const V& v)
{
    return static_cast<int>(
        std::clamp<int64_t>(integer(v), std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}
// accepts() of an int setting: a stored value beyond int's range is refused with its own words, rather
// than reported as the bound narrowInt() would make of it.
bool fitsInt(const V& v)
{
    return integer(v) >= std::numeric_limits<int>::min() && integer(v) <= std::numeric_limits<int>::max();
}
double real(const V& v)
{
    return std::get<double>(v);
}
const std::string& text(const V& v)
{
    return std::get<std::string>(v);
}
const std::vector<int64_t>& list(const V& v)
{
    return std::get<std::vector<int64_t>>(v);
}
const std::vector<std::string>& names(const V& v)
{
    return std::get<std::vector<std::string>>(v);
}

} // namespace

const std::vector<ConfigField>& configFields()
{
    constexpr bool listed = true, unlisted = false;
    constexpr auto anyValue = nullptr;
    constexpr bool optional = true;
    // In the order checkpoints have always stored them.
    static const std::vector<ConfigField> fields{
        {"preset", listed, [](const C& c) -> V { return c.preset; }, [](C& c, const V& v) { c.preset = text(v); },
         anyValue},
        {"model.ch", listed, [](const C& c) -> V { return c.unet.ch(); },
         [](C& c, const V& v) { c.unet.ch(integer(v)); }, anyValue},
        {"model.ch_mult", listed, [](const C& c) -> V { return c.unet.chMult(); },
         [](C& c, const V& v) { c.unet.chMult(list(v)); }, anyValue},
        {"model.num_res_blocks", listed, [](const C& c) -> V { return c.unet.numResBlocks(); },
         [](C& c, const V& v) { c.unet.numResBlocks(integer(v)); }, anyValue},
        {"model.attn_resolutions", listed, [](const C& c) -> V { return c.unet.attnResolutions(); },
         [](C& c, const V& v) { c.unet.attnResolutions(list(v)); }, anyValue},
        {"model.dropout", listed, [](const C& c) -> V { return c.unet.dropout(); },
         [](C& c, const V& v) { c.unet.dropout(real(v)); }, anyValue},
        {"model.image_channels", listed, [](const C& c) -> V { return c.unet.imageChannels(); },
         [](C& c, const V& v) { c.unet.imageChannels(integer(v)); }, anyValue},
        {"model.image_size", listed, [](const C& c) -> V { return c.unet.imageSize(); },
         [](C& c, const V& v) { c.unet.imageSize(integer(v)); }, anyValue},
        {"schedule.kind", listed, [](const C& c) -> V { return scheduleKindName(c.schedule.kind); },
         [](C& c, const V& v) { c.schedule.kind = parseScheduleKind(text(v)).value(); },
         [](const V& v) { return parseScheduleKind(text(v)).ok(); }},
        {"schedule.steps", listed, [](const C& c) -> V { return int64_t{c.schedule.steps}; },
         [](C& c, const V& v) { c.schedule.steps = narrowInt(v); }, fitsInt},
        {"schedule.beta_start", listed, [](const C& c) -> V { return c.schedule.betaStart; },
         [](C& c, const V& v) { c.schedule.betaStart = real(v); }, anyValue},
        {"schedule.beta_end", listed, [](const C& c) -> V { return c.schedule.betaEnd; },
         [](C& c, const V& v) { c.schedule.betaEnd = real(v); }, anyValue},
        {"schedule.cosine_s", unlisted, [](const C& c) -> V { return c.schedule.cosineOffset; },
         [](C& c, const V& v) { c.schedule.cosineOffset = real(v); }, anyValue},
        {"schedule.max_beta", unlisted, [](const C& c) -> V { return c.schedule.maxBeta; },
         [](C& c, const V& v) { c.schedule.maxBeta = real(v); }, anyValue},
        {"prediction", listed, [](const C& c) -> V { return predictionName(c.prediction); },
         [](C& c, const V& v) { c.prediction = parsePrediction(text(v)).value(); },
         [](const V& v) { return parsePrediction(text(v)).ok(); }},
        {"data", listed, [](const C& c) -> V { return c.dataSpec; }, [](C& c, const V& v) { c.dataSpec = text(v); },
         anyValue},
        {"train.batch", listed, [](const C& c) -> V { return int64_t{c.train.batch}; },
         [](C& c, const V& v) { c.train.batch = narrowInt(v); }, fitsInt},
        {"train.lr", listed, [](const C& c) -> V { return c.train.lr; }, [](C& c, const V& v) { c.train.lr = real(v); },
         anyValue},
        {"train.warmup_steps", listed, [](const C& c) -> V { return int64_t{c.train.warmupSteps}; },
         [](C& c, const V& v) { c.train.warmupSteps = narrowInt(v); }, fitsInt},
        {"train.grad_clip", listed, [](const C& c) -> V { return c.train.gradClip; },
         [](C& c, const V& v) { c.train.gradClip = real(v); }, anyValue},
        {"train.ema_decay", listed, [](const C& c) -> V { return c.train.emaDecay; },
         [](C& c, const V& v) { c.train.emaDecay = real(v); }, anyValue},
        {"train.hflip", listed, [](const C& c) -> V { return c.train.hflip; },
         [](C& c, const V& v) { c.train.hflip = std::get<bool>(v); }, anyValue},
        {"train.seed", listed, [](const C& c) -> V { return static_cast<int64_t>(c.train.seed); },
         [](C& c, const V& v) { c.train.seed = static_cast<uint64_t>(integer(v)); }, anyValue},
        {"train.total_steps", listed, [](const C& c) -> V { return c.train.totalSteps; },
         [](C& c, const V& v) { c.train.totalSteps = integer(v); }, anyValue},
        {"train.loss_bins", unlisted, [](const C& c) -> V { return int64_t{c.train.lossBins}; },
         [](C& c, const V& v) { c.train.lossBins = narrowInt(v); }, fitsInt},
        // Class-conditional models (issue 20): absent from older checkpoints, which are unconditional.
        {"model.num_classes", listed, [](const C& c) -> V { return c.unet.numClasses(); },
         [](C& c, const V& v) { c.unet.numClasses(integer(v)); }, anyValue, optional},
        {"model.class_names", listed, [](const C& c) -> V { return c.classNames; },
         [](C& c, const V& v) { c.classNames = names(v); }, anyValue, optional},
        {"train.p_uncond", listed, [](const C& c) -> V { return c.train.pUncond; },
         [](C& c, const V& v) { c.train.pUncond = real(v); }, anyValue, optional},
        // Warm starts: absent from older checkpoints, and empty for a model trained from scratch.
        {"init", listed, [](const C& c) -> V { return c.initFrom; }, [](C& c, const V& v) { c.initFrom = text(v); },
         anyValue, optional},
    };
    return fields;
}

} // namespace ddpm
