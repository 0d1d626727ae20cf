#include "quality.h"

#include "config.h"
#include "device.h"
#include "pixels.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace ddpm {

// ---------------------------------------------------------------------------------------------
// Statistics and the Fréchet distance

FeatureStats featureStats(const torch::Tensor& features)
{
    const auto f = features.detach().to(torch::kCPU, torch::kFloat64);
    FeatureStats s;
    s.count = f.size(0);
    s.mean = f.mean(0);
    const auto centred = f - s.mean;
    s.cov = centred.t().mm(centred) / static_cast<double>(std::max<int64_t>(1, s.count - 1));
    return s;
}

namespace {
torch::Tensor symmetric(const torch::Tensor& m)
{
    return 0.5 * (m + m.t());
}

// S^½ of a symmetric positive semi-definite S: V diag(√max(λ, 0)) Vᵀ.
torch::Tensor sqrtSymmetric(const torch::Tensor& s)
{
    auto [lambda, v] = torch::linalg_eigh(symmetric(s), "L");
    return (v * lambda.clamp_min(0.0).sqrt().unsqueeze(0)).mm(v.t());
}
} // namespace

double frechetDistance(const FeatureStats& a, const FeatureStats& b)
{
    const auto mu1 = a.mean.to(torch::kFloat64), mu2 = b.mean.to(torch::kFloat64);
    const auto s1 = a.cov.to(torch::kFloat64), s2 = b.cov.to(torch::kFloat64);
    const auto d = mu1 - mu2;
    const double meanTerm = d.dot(d).item<double>();
    // tr (Σ1 Σ2)^½ = tr (Σ1^½ Σ2 Σ1^½)^½: the latter is symmetric, so its eigenvalues are real and ≥ 0.
    const auto s1h = sqrtSymmetric(s1);
    const auto m = symmetric(s1h.mm(s2).mm(s1h));
    const double crossTerm = torch::linalg_eigvalsh(m, "L").clamp_min(0.0).sqrt().sum().item<double>();
    const double fd = meanTerm + s1.trace().item<double>() + s2.trace().item<double>() - 2.0 * crossTerm;
    return std::max(0.0, fd);
}

// ---------------------------------------------------------------------------------------------
// The reference

namespace {
constexpr const char* kCancelled = DDPM_MSG("Engine", "the quality measurement was cancelled");

// The classifier's features of uint8 images, a chunk at a time (a multiple of classify's batch, so the
// features are those of one call); undefined when cancelled.
torch::Tensor describe(const TrainedClassifier& classifier, const torch::Tensor& images, int64_t& done, int64_t total,
                       const ReferenceProgress& progress, const std::atomic<bool>* cancel)
{
    constexpr int64_t kChunk = 2000;
    std::vector<torch::Tensor> parts;
    for (int64_t s = 0; s < images.size(0); s += kChunk) {
        if (cancel && cancel->load())
            return {};
        const int64_t n = std::min(kChunk, images.size(0) - s);
        parts.push_back(classifier.features(classifierInputFromBytes(images.narrow(0, s, n))));
        done += n;
        if (progress)
            progress(done, total);
    }
    return torch::cat(parts);
}

Status checkFloorCount(int64_t count, int64_t trainImages)
{
    if (count < 2 || count > trainImages)
        return fail(DDPM_MSG("Engine", "the quality floor takes between 2 and %1 images, not %2"), trainImages, count);
    return Ok{};
}

void setFloor(QualityReference& r, int64_t count, uint64_t seed)
{
    const auto& trainFeatures = r.memorisation.train;
    auto generator = at::detail::createCPUGenerator(seed);
    const auto pick = torch::randperm(trainFeatures.size(0), generator, torch::kInt64).narrow(0, 0, count);
    r.fidFloor = frechetDistance(featureStats(trainFeatures.index_select(0, pick)), r.test);
    r.floorCount = count;
}
} // namespace

Result<QualityReference> makeQualityReference(const TrainedClassifier& classifier, const Dataset& test,
                                              const Dataset& train, int64_t count, uint64_t seed,
                                              const ReferenceProgress& progress, const std::atomic<bool>* cancel)
{
    auto fits = [](const Dataset& d) {
        return d.size() >= 2 && d.images.scalar_type() == torch::kUInt8 && d.channels() == 1 &&
               d.height() == kClassifierImageSize && d.width() == kClassifierImageSize;
    };
    if (!fits(test) || !fits(train))
        return fail(DDPM_MSG("Engine", "the quality reference needs grey %1×%1 test and training images"),
                    kClassifierImageSize);
    if (auto s = checkFloorCount(count, train.size()); !s)
        return s.failure();
    try {
        // Each image through the classifier once: the floor's training images are rows of all of them.
        // Two phases in one count: each image described, then each test image's nearest training image.
        int64_t done = 0;
        const int64_t total = test.size() + train.size() + test.size();
        const auto testFeatures = describe(classifier, test.images, done, total, progress, cancel);
        const auto trainFeatures = testFeatures.defined()
                                       ? describe(classifier, train.images, done, total, progress, cancel)
                                       : torch::Tensor();
        if (!trainFeatures.defined())
            return fail(kCancelled);
        QualityReference r;
        r.test = featureStats(testFeatures);
        const int64_t described = done;
        r.memorisation = makeMemorisationReference(
            trainFeatures, testFeatures, 0.01,
            [&](int64_t found) {
                if (progress)
                    progress(described + found, total);
            },
            cancel);
        if (!r.memorisation.defined())
            return fail(kCancelled);
        r.trainImages = train.images;
        setFloor(r, count, seed);
        return r;
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "measuring the quality reference")));
    }
}

Status checkFashionMnistClassifier(const TrainedClassifier& classifier, const std::string& file)
{
    if (classifier.classNames == fashionMnistClassNames())
        return Ok{};
    const std::string first = classifier.classNames.empty() ? std::string("none") : classifier.classNames.front();
    if (file.empty()) // a classifier not read from a file here
        return fail(DDPM_MSG("Engine", "the classifier classifies other classes than Fashion-MNIST's (its first: %1): "
                                       "quality is measured with a classifier of Fashion-MNIST's ten classes"),
                    first);
    return fail(DDPM_MSG("Engine", "'%1' classifies other classes than Fashion-MNIST's (its first: %2): quality is "
                                   "measured with a classifier of Fashion-MNIST's ten classes"),
                file, first);
}

Result<QualityReference> fashionMnistReference(const TrainedClassifier& classifier, int64_t count, uint64_t seed,
                                               const ReferenceProgress& progress, const std::atomic<bool>* cancel)
{
    if (auto s = checkFashionMnistClassifier(classifier, std::string()); !s)
        return s.failure();
    auto test = loadDataSpec("fashion-mnist:test", 1, kClassifierImageSize);
    if (!test)
        return test.failure();
    auto train = loadDataSpec("fashion-mnist:train", 1, kClassifierImageSize);
    if (!train)
        return train.failure();
    return makeQualityReference(classifier, test.value(), train.value(), count, seed, progress, cancel);
}

Result<QualityReference> withFloor(const QualityReference& reference, int64_t count, uint64_t seed)
{
    if (!reference.memorisation.train.defined() || !reference.test.mean.defined())
        return fail(DDPM_MSG("Engine", "the quality reference holds no training features"));
    if (auto s = checkFloorCount(count, reference.memorisation.train.size(0)); !s)
        return s.failure();
    try {
        QualityReference r = reference;
        setFloor(r, count, seed);
        return r;
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "measuring the quality reference")));
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring a model

SamplerOptions defaultQualitySampler()
{
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 100;
    o.eta = 0.0;
    o.seed = 0;
    return o;
}

std::vector<SamplerOptions> guidanceSweep(const SamplerOptions& base)
{
    std::vector<SamplerOptions> out;
    for (double w : {0.0, 0.5, 1.0, 2.0, 4.0}) {
        SamplerOptions o = base;
        o.classChoice = kEveryClass;
        o.guidance = w;
        out.push_back(o);
    }
    return out;
}

std::vector<SamplerOptions> runsFitting(const std::vector<SamplerOptions>& runs, int timesteps)
{
    std::vector<SamplerOptions> out;
    for (const auto& r : runs)
        if (checkSamplerSteps(r, timesteps))
            out.push_back(r);
    return out;
}

std::vector<SamplerOptions> qualitySweep(const SamplerOptions& base)
{
    std::vector<SamplerOptions> out;
    for (int steps : {10, 20, 50, 100, 250}) {
        SamplerOptions o = base;
        o.kind = SamplerKind::Ddim;
        o.ddimSteps = steps;
        o.eta = 0.0;
        out.push_back(o);
    }
    SamplerOptions ddpm = base;
    ddpm.kind = SamplerKind::Ddpm; // all T steps
    out.push_back(ddpm);
    // At about 100 and 250 network evaluations: DDIM with a Langevin corrector step after each step,
    // and annealed Langevin (1 and 2 steps a level).
    for (int steps : {50, 125}) {
        SamplerOptions pc = base;
        pc.kind = SamplerKind::Ddim;
        pc.eta = 0.0;
        pc.ddimSteps = steps;
        pc.corrector = CorrectorKind::Langevin;
        pc.langevinSteps = 1;
        out.push_back(pc);
    }
    for (const auto& [levels, k] : {std::pair{100, 1}, std::pair{125, 2}}) {
        SamplerOptions langevin = base;
        langevin.kind = SamplerKind::Langevin;
        langevin.ddimSteps = levels;
        langevin.langevinSteps = k;
        out.push_back(langevin);
    }
    return out;
}

bool isCancelled(const Error& error)
{
    return !error.literal && error.text == kCancelled;
}

namespace {

// The share of samples whose predicted class is the one asked for, overall and per class asked; left NaN
// without a class asked or where the model's classes are not the classifier's.
void measureAgreement(QualityReport& r, const Sampling& model, const SamplerOptions& so, const torch::Tensor& predicted)
{
    if (!model.classDenoiser || so.classChoice == kUnconditional || model.classNames != r.classNames)
        return;
    const auto asked = sampleLabels(so, 0, so.count, model.numClasses());
    const auto hit = (predicted.to(torch::kInt64) == asked).to(torch::kFloat64);
    r.classAgreement = hit.mean().item<double>();
    for (int64_t k = 0; k < model.numClasses(); ++k) {
        const auto mine = asked == k;
        const auto n = mine.sum().item<int64_t>();
        r.classAgreementPerClass.push_back(n > 0 ? hit.masked_select(mine).mean().item<double>()
                                                 : std::numeric_limits<double>::quiet_NaN());
    }
}

// Likely copies in the classifier's features, and the closest pairs' nearest training images in pixels.
void measureCopies(QualityReport& r, const QualityReference& reference, const torch::Tensor& features,
                   const torch::Tensor& input)
{
    r.memorisation = measureMemorisation(features, reference.memorisation);
    if (!reference.trainImages.defined() || r.memorisation.closest.empty())
        return;
    std::vector<int64_t> rows;
    for (const auto& p : r.memorisation.closest)
        rows.push_back(p.sample);
    const auto pick = torch::tensor(rows, torch::kInt64);
    const auto near = nearestTrainingImages(reference, input.index_select(0, pick), features.index_select(0, pick), 1);
    for (size_t i = 0; i < rows.size(); ++i)
        r.closestInPixels.push_back({rows[i], near.inPixels.index[static_cast<int64_t>(i)][0].item<int64_t>(),
                                     near.inPixels.distance[static_cast<int64_t>(i)][0].item<double>()});
    r.closestSamples = near.samples;
    r.closestTrain = near.featureImages.select(1, 0);
    r.closestTrainInPixels = near.pixelImages.select(1, 0);
}

} // namespace

TrainingNeighbours nearestTrainingImages(const QualityReference& reference, const torch::Tensor& input,
                                         const torch::Tensor& features, int64_t k)
{
    torch::NoGradGuard guard;
    TrainingNeighbours n;
    // The classifier's input back to grey levels, as the training images are stored.
    n.samples = modelToPixels(input);
    n.inFeatures = nearestNeighbours(features, reference.memorisation.train, k);
    n.inPixels = nearestNeighbours(n.samples, reference.trainImages, k);
    const auto gather = [&](const torch::Tensor& index) {
        auto shape = reference.trainImages.sizes().vec();
        shape.erase(shape.begin());
        shape.insert(shape.begin(), {index.size(0), index.size(1)});
        return reference.trainImages.index_select(0, index.flatten()).view(shape);
    };
    n.featureImages = gather(n.inFeatures.index);
    n.pixelImages = gather(n.inPixels.index);
    n.featureThreshold = reference.memorisation.threshold;
    n.featurePercentile = reference.memorisation.percentile;
    return n;
}

Result<QualityReport> measureQuality(const Diffusion& diffusion, const Denoiser& denoiser,
                                     const std::vector<int64_t>& imageShape, const TrainedClassifier& classifier,
                                     const QualityReference& reference, const QualityOptions& options,
                                     const std::function<void(int done, int total)>& progress,
                                     const std::atomic<bool>* cancel)
{
    return measureQuality(Sampling{diffusion, denoiser, imageShape, {}, {}}, classifier, reference, options, progress,
                          cancel);
}

Result<QualityReport> measureQuality(const Sampling& model, const TrainedClassifier& classifier,
                                     const QualityReference& reference, const QualityOptions& options,
                                     const std::function<void(int done, int total)>& progress,
                                     const std::atomic<bool>* cancel)
{
    const auto& diffusion = model.diffusion;
    const auto& imageShape = model.imageShape;
    if (imageShape.size() != 3 || imageShape[0] != 1)
        return fail(DDPM_MSG("Engine", "quality is measured for grey models only; this model makes %1-channel images"),
                    imageShape.empty() ? 0 : imageShape[0]);
    if (options.count < 2)
        return fail(DDPM_MSG("Engine", "quality needs at least 2 samples, not %1"), options.count);
    if (reference.floorCount != options.count)
        return fail(DDPM_MSG("Engine", "the quality reference's floor was measured with %1 images, not %2"),
                    reference.floorCount, options.count);
    SamplerOptions so = options.sampler;
    so.count = options.count;
    so.firstImage = 0;
    if (auto s = model.checkClasses(so); !s)
        return s.failure();
    const int steps = static_cast<int>(samplerTimesteps(so, diffusion.steps()).size());
    const int batch = options.batch > 0 ? options.batch : defaultSamplingBatch(diffusion.device());
    const int64_t total = static_cast<int64_t>(so.count) * steps;
    const auto clampInt = [](int64_t v) {
        return static_cast<int>(std::min<int64_t>(v, std::numeric_limits<int>::max()));
    };
    try {
        std::vector<torch::Tensor> chunks; // uint8, as PNGs would hold them
        int64_t done = 0;
        const auto t0 = std::chrono::steady_clock::now();
        const bool completed = sampleInChunks(
            model, so, batch,
            [&](const ReverseProcess& chunk, int64_t) { chunks.push_back(quantiseLikePng(chunk.current())); },
            [&](const ReverseProcess&, const ReverseStep& step) {
                done += step.xt.size(0);
                if (progress)
                    progress(clampInt(done), clampInt(total));
            },
            cancel);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!completed)
            return fail(kCancelled);
        auto input = classifierInputFromModelBytes(torch::cat(chunks, 0));
        if (!input)
            return input.failure();
        const auto out = classifier.classify(input.value());
        const auto stats = featureStats(out.features);

        QualityReport r;
        r.count = so.count;
        r.sampler = samplerKindName(so.kind) + (so.corrector == CorrectorKind::Langevin && !isLangevinSampler(so.kind)
                                                    ? "+" + correctorKindName(so.corrector)
                                                    : "");
        r.steps = static_cast<int>(samplerEvaluations(so, diffusion.steps())); // a corrector step costs one too
        r.eta = so.kind == SamplerKind::Ddim ? so.eta : 1.0;
        if (so.kind == SamplerKind::Ddim)
            r.spacing = timestepSpacingName(so.spacing);
        r.seed = so.seed;
        r.fid = frechetDistance(stats, reference.test);
        r.fidFloor = reference.fidFloor;
        r.ratio = reference.fidFloor > 0 ? r.fid / reference.fidFloor : std::numeric_limits<double>::infinity();
        const auto [confidence, predicted] = out.probabilities.max(1);
        r.meanConfidence = confidence.to(torch::kFloat64).mean().item<double>();
        const auto classes = out.probabilities.size(1);
        const auto counts = torch::bincount(predicted, {}, classes).to(torch::kInt64).contiguous();
        r.classNames = classifier.classNames;
        r.classCounts.assign(counts.data_ptr<int64_t>(), counts.data_ptr<int64_t>() + classes);
        for (auto c : r.classCounts)
            r.classShares.push_back(static_cast<double>(c) / r.count);
        r.samplingSeconds = seconds;
        r.secondsPerImage = seconds / r.count;
        if (model.classDenoiser) {
            r.classChoice = classChoiceName(so.classChoice, model.classNames);
            r.guidance = so.guidance;
        }
        measureAgreement(r, model, so, predicted);
        measureCopies(r, reference, out.features, input.value());
        return r;
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "measuring the sample quality")));
    }
}

// ---------------------------------------------------------------------------------------------
// Output

namespace {
std::string num(double v)
{
    if (!std::isfinite(v))
        return "null";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string csvNum(double v)
{
    return std::isfinite(v) ? num(v) : std::string{};
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}
} // namespace

std::string qualityReportToJson(const QualityReport& r, int indent)
{
    // Non-finite numbers (no reference yet) are written as null.
    const auto number = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
    };
    nlohmann::ordered_json o;
    o["count"] = r.count;
    o["sampler"] = r.sampler;
    o["steps"] = r.steps;
    o["eta"] = number(r.eta);
    if (!r.spacing.empty())
        o["spacing"] = r.spacing;
    o["seed"] = r.seed;
    o["fid"] = number(r.fid);
    o["fid_floor"] = number(r.fidFloor);
    o["ratio"] = number(r.ratio);
    o["mean_confidence"] = number(r.meanConfidence);
    o["seconds_per_image"] = number(r.secondsPerImage);
    o["sampling_seconds"] = number(r.samplingSeconds);
    o["class_names"] = r.classNames;
    o["class_counts"] = r.classCounts;
    auto shares = nlohmann::ordered_json::array();
    for (double v : r.classShares)
        shares.push_back(number(v));
    o["class_shares"] = shares;
    if (!std::isnan(r.memorisation.share)) {
        auto pairs = [&](const std::vector<NearPair>& list) {
            auto a = nlohmann::ordered_json::array();
            for (const auto& p : list)
                a.push_back({{"sample", p.sample}, {"train_image", p.train}, {"distance", number(p.distance)}});
            return a;
        };
        o["memorisation"] = {{"share", number(r.memorisation.share)},
                             {"threshold", number(r.memorisation.threshold)},
                             {"percentile", r.memorisation.percentile},
                             {"closest", pairs(r.memorisation.closest)},
                             {"closest_in_pixels", pairs(r.closestInPixels)}};
    }
    if (!r.classChoice.empty()) {
        o["class"] = r.classChoice;
        o["guidance"] = number(r.guidance);
        o["class_agreement"] = number(r.classAgreement);
        auto perClass = nlohmann::ordered_json::array();
        for (double v : r.classAgreementPerClass)
            perClass.push_back(number(v));
        o["class_agreement_per_class"] = perClass;
    }
    return o.dump(indent > 0 ? indent : -1);
}

std::string qualityCsvHeader(const std::vector<std::string>& classNames)
{
    std::string s =
        "sampler,steps,eta,spacing,seed,count,fid,fid_floor,ratio,mean_confidence,seconds_per_image,class,guidance,"
        "class_agreement,memorisation_share";
    for (const auto& name : classNames)
        s += "," + csvField("share " + name);
    return s + "\n";
}

std::string qualityReportToCsvRow(const QualityReport& r)
{
    std::string s = r.sampler + "," + std::to_string(r.steps) + "," + csvNum(r.eta) + "," + r.spacing + "," +
                    std::to_string(r.seed) + "," + std::to_string(r.count) + "," + csvNum(r.fid) + "," +
                    csvNum(r.fidFloor) + "," + csvNum(r.ratio) + "," + csvNum(r.meanConfidence) + "," +
                    csvNum(r.secondsPerImage) + "," + csvField(r.classChoice) + "," +
                    (r.classChoice.empty() ? std::string() : csvNum(r.guidance)) + "," + csvNum(r.classAgreement) +
                    "," + csvNum(r.memorisation.share);
    for (double share : r.classShares)
        s += "," + csvNum(share);
    return s + "\n";
}

} // namespace ddpm
