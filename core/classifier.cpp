#include "classifier.h"

#include "checkpoint.h"
#include "device.h"
#include "pixels.h"
#include "sizelimits.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ddpm {

namespace {
constexpr const char* kFormat = "ddpm-studio-classifier";
constexpr double kPi = 3.14159265358979323846;

torch::Device deviceOf(const torch::nn::Module& m)
{
    const auto params = m.parameters();
    return params.empty() ? torch::Device(torch::kCPU) : params.front().device();
}
} // namespace

// ---------------------------------------------------------------------------------------------
// The network

ClassifierImpl::ClassifierImpl(const ClassifierOptions& options)
    : m_options(options)
{
    const auto w = options.width();
    auto conv = [](int64_t in, int64_t out) { return torch::nn::Conv2dOptions(in, out, 3).padding(1); };
    conv1 = register_module("conv1", torch::nn::Conv2d(conv(1, w)));
    norm1 = register_module("norm1", torch::nn::BatchNorm2d(w));
    conv2 = register_module("conv2", torch::nn::Conv2d(conv(w, 2 * w)));
    norm2 = register_module("norm2", torch::nn::BatchNorm2d(2 * w));
    conv3 = register_module("conv3", torch::nn::Conv2d(conv(2 * w, 2 * w)));
    norm3 = register_module("norm3", torch::nn::BatchNorm2d(2 * w));
    // 28 → 14 → 7 → 3 after three 2×2 poolings.
    hidden = register_module("hidden", torch::nn::Linear(2 * w * 3 * 3, options.features()));
    out = register_module("out", torch::nn::Linear(options.features(), options.classes()));
}

torch::Tensor ClassifierImpl::features(const torch::Tensor& x)
{
    auto h = torch::max_pool2d(torch::relu(norm1(conv1(x))), 2);
    h = torch::max_pool2d(torch::relu(norm2(conv2(h))), 2);
    h = torch::max_pool2d(torch::relu(norm3(conv3(h))), 2);
    return torch::relu(hidden(h.flatten(1)));
}

torch::Tensor ClassifierImpl::logits(const torch::Tensor& features)
{
    return out(features);
}

torch::Tensor ClassifierImpl::forward(const torch::Tensor& x)
{
    return logits(features(x));
}

int64_t ClassifierImpl::parameterCount() const
{
    int64_t n = 0;
    for (const auto& p : parameters())
        n += p.numel();
    return n;
}

void ClassifierImpl::initialise(at::Generator& generator)
{
    torch::NoGradGuard noGrad;
    for (auto* c : {conv1.get(), conv2.get(), conv3.get()}) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(c->weight[0].numel()));
        c->weight.uniform_(-bound, bound, generator);
        c->bias.uniform_(-bound, bound, generator);
    }
    for (auto* l : {hidden.get(), out.get()}) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(l->weight.size(1)));
        l->weight.uniform_(-bound, bound, generator);
        l->bias.uniform_(-bound, bound, generator);
    }
}

// ---------------------------------------------------------------------------------------------
// Inference

ClassifierOutputs TrainedClassifier::classify(const torch::Tensor& images, int64_t batch) const
{
    torch::NoGradGuard noGrad;
    auto& m = *net.ptr(); // a holder of a shared module: const here means the holder
    const bool wasTraining = m.is_training();
    m.eval();
    const auto device = deviceOf(m);
    batch = std::max<int64_t>(1, batch);
    std::vector<torch::Tensor> feats, probs;
    for (int64_t s = 0; s < images.size(0); s += batch) {
        auto x = images.narrow(0, s, std::min(batch, images.size(0) - s)).to(device, torch::kFloat32);
        auto f = m.features(x);
        probs.push_back(torch::softmax(m.logits(f), 1).to(torch::kCPU));
        feats.push_back(f.to(torch::kCPU));
    }
    if (wasTraining)
        m.train();
    if (feats.empty())
        return {torch::zeros({0, m.options().features()}), torch::zeros({0, m.options().classes()})};
    return {torch::cat(feats, 0), torch::cat(probs, 0)};
}

torch::Tensor TrainedClassifier::features(const torch::Tensor& images, int64_t batch) const
{
    return classify(images, batch).features;
}

torch::Tensor TrainedClassifier::probabilities(const torch::Tensor& images, int64_t batch) const
{
    return classify(images, batch).probabilities;
}

double classifierAccuracy(const TrainedClassifier& classifier, const Dataset& data)
{
    if (data.size() == 0 || !data.labels.defined())
        return 0.0;
    const auto probs = classifier.probabilities(classifierInputFromBytes(data.images));
    const auto correct = probs.argmax(1).eq(data.labels.to(torch::kInt64)).sum().item<int64_t>();
    return static_cast<double>(correct) / static_cast<double>(data.size());
}

// ---------------------------------------------------------------------------------------------
// Training

namespace {

Status checkClassifierData(const Dataset& d, const std::string& role, int64_t classes)
{
    if (d.size() == 0)
        return fail(DDPM_MSG("Engine", "the %1 set for the classifier is empty"), role);
    if (d.images.scalar_type() != torch::kUInt8 || d.channels() != 1 || d.height() != kClassifierImageSize ||
        d.width() != kClassifierImageSize)
        return fail(DDPM_MSG("Engine", "the classifier reads grey %1×%1 images; the %2 set '%3' is not"),
                    kClassifierImageSize, role, d.name);
    if (!d.labels.defined() || d.labels.size(0) != d.size())
        return fail(DDPM_MSG("Engine", "the %1 set '%2' has no labels"), role, d.name);
    const auto lo = d.labels.min().item<int64_t>(), hi = d.labels.max().item<int64_t>();
    if (lo < 0 || hi >= classes)
        return fail(DDPM_MSG("Engine", "the %1 set '%2' has labels outside 0 … %3"), role, d.name, classes - 1);
    return Ok{};
}

Error cancelledTraining()
{
    return fail(DDPM_MSG("Engine", "the classifier's training was cancelled"));
}

} // namespace

Result<TrainedClassifier> trainClassifier(const Dataset& train, const Dataset& test, const ClassifierTrainOptions& o,
                                          const std::function<void(const ClassifierProgress&)>& progress,
                                          const std::atomic<bool>* cancel)
{
    const auto classes = o.net.classes();
    if (o.epochs < 1 || o.batch < 1 || !(o.lr > 0) || o.net.width() < 1 || o.net.features() < 1 || classes < 2)
        return fail(DDPM_MSG("Engine", "invalid classifier training settings"));
    if (auto s = checkClassifierData(train, "training", classes); !s)
        return s.failure();
    if (auto s = checkClassifierData(test, "test", classes); !s)
        return s.failure();
    try {
        auto generator = at::detail::createCPUGenerator(o.seed);
        TrainedClassifier result;
        result.net = Classifier(o.net);
        result.net->initialise(generator);
        result.net->to(o.device);
        result.net->train();
        // The training set's class names where it has one for each class (Fashion-MNIST's, CIFAR-10's, a
        // folder's), numbers otherwise: `ddpm quality` tells a Fashion-MNIST classifier by them.
        result.classNames =
            static_cast<int64_t>(train.classNames.size()) == classes ? train.classNames : std::vector<std::string>{};
        for (auto i = static_cast<int64_t>(result.classNames.size()); i < classes; ++i)
            result.classNames.push_back(std::to_string(i));
        torch::optim::Adam optimizer(result.net->parameters(), torch::optim::AdamOptions(o.lr));

        const int64_t n = train.size();
        const int64_t perEpoch = (n + o.batch - 1) / o.batch;
        const int64_t total = perEpoch * o.epochs;
        const auto labels = train.labels.to(torch::kInt64);
        int64_t step = 0;
        double lossSum = 0.0;
        int lossCount = 0;
        for (int epoch = 1; epoch <= o.epochs; ++epoch) {
            const auto order = torch::randperm(n, generator, torch::kInt64);
            for (int64_t b = 0; b < perEpoch; ++b) {
                if (cancel && cancel->load())
                    return cancelledTraining();
                const auto idx = order.narrow(0, b * o.batch, std::min<int64_t>(o.batch, n - b * o.batch));
                const auto x = classifierInputFromBytes(train.images.index_select(0, idx)).to(o.device);
                const auto y = labels.index_select(0, idx).to(o.device);
                // Cosine decay of the learning rate from lr to 0 over the whole run.
                const double lr = o.lr * 0.5 * (1.0 + std::cos(kPi * static_cast<double>(step) / total));
                for (auto& group : optimizer.param_groups())
                    static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
                optimizer.zero_grad();
                auto loss = torch::nn::functional::cross_entropy(result.net->forward(x), y);
                const double value = loss.item<double>();
                if (!std::isfinite(value))
                    return fail(DDPM_MSG("Engine", "the classifier's loss became %1 at step %2"), value, step + 1);
                loss.backward();
                optimizer.step();
                ++step;
                lossSum += value;
                ++lossCount;
                if (progress && (step % 50 == 0 || b + 1 == perEpoch)) {
                    ClassifierProgress p{epoch, o.epochs, step, total, lossSum / lossCount, -1.0};
                    if (b + 1 == perEpoch)
                        p.testAccuracy = classifierAccuracy(result, test);
                    progress(p);
                    lossSum = 0.0;
                    lossCount = 0;
                }
            }
        }
        result.net->eval();
        result.testAccuracy = classifierAccuracy(result, test);
        result.testCount = test.size();
        return result;
    } catch (const std::exception& e) {
        return describeException(e, fail(DDPM_MSG("Engine", "training the classifier")));
    }
}

// ---------------------------------------------------------------------------------------------
// The file

Status saveClassifier(const TrainedClassifier& c, const std::string& path)
{
    try {
        CheckpointWriter w(kFormat);
        w.value("classifier.width", c.net->options().width());
        w.value("classifier.features", c.net->options().features());
        w.value("classifier.classes", c.net->options().classes());
        w.value("image_size", kClassifierImageSize);
        std::string names; // one per line
        for (size_t i = 0; i < c.classNames.size(); ++i)
            names += (i ? "\n" : "") + c.classNames[i];
        w.value("class_names", names);
        w.value("test_accuracy", c.testAccuracy);
        w.value("test_count", static_cast<int64_t>(c.testCount));
        w.module("weights", *c.net);
        return w.write(path);
    } catch (const std::exception& e) {
        return fail(DDPM_MSG("Engine", "cannot save the classifier: %1"), exceptionSummary(e));
    }
}

Result<TrainedClassifier> loadClassifier(const std::string& path, torch::Device device)
{
    auto opened = CheckpointReader::open(path);
    if (!opened)
        return opened.failure();
    auto& r = *opened.value();
    const auto format = r.text("format");
    if (!format)
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio classifier"), path);
    if (*format == "ddpm-studio-checkpoint")
        return fail(DDPM_MSG("Engine", "'%1' is a model checkpoint, not a classifier"), path);
    if (*format != kFormat)
        return fail(DDPM_MSG("Engine", "'%1' is not a DDPM Studio classifier (its format is '%2')"), path, *format);
    auto readInt = [&](const char* key, int64_t lo, int64_t hi, int64_t& out) {
        const auto v = r.integer(key);
        if (!v || *v < lo || *v > hi)
            return false;
        out = *v;
        return true;
    };
    int64_t width = 0, features = 0, classes = 0, size = 0;
    const auto names = r.text("class_names");
    const auto accuracy = r.real("test_accuracy");
    if (!readInt("classifier.width", 1, limits::kMaxClassifierWidth, width) ||
        !readInt("classifier.features", 1, limits::kMaxClassifierFeatures, features) ||
        !readInt("classifier.classes", 2, limits::kMaxClasses, classes) ||
        !readInt("image_size", 1, limits::kMaxImageSide, size) || !names || !accuracy)
        return fail(DDPM_MSG("Engine", "'%1' is an incomplete classifier: a setting is missing or invalid"), path);
    if (size != kClassifierImageSize)
        return fail(DDPM_MSG("Engine", "'%1' classifies %2×%2 images; this program reads %3×%3 classifiers"), path,
                    size, kClassifierImageSize);
    TrainedClassifier c;
    std::istringstream lines(*names);
    for (std::string line; std::getline(lines, line) && static_cast<int64_t>(c.classNames.size()) <= classes;)
        c.classNames.push_back(line);
    if (static_cast<int64_t>(c.classNames.size()) != classes)
        return fail(DDPM_MSG("Engine", "'%1' names %2 classes but has %3 outputs"), path, c.classNames.size(), classes);
    c.testAccuracy = *accuracy;
    if (const auto count = r.integer("test_count"); count && *count >= 0)
        c.testCount = *count;
    c.net = Classifier(ClassifierOptions().width(width).features(features).classes(classes));
    if (!r.hasModule("weights"))
        return fail(DDPM_MSG("Engine", "'%1' holds no classifier weights"), path);
    if (auto s = r.loadModule("weights", *c.net); !s)
        return s.failure();
    c.net->to(device);
    c.net->eval();
    return c;
}

// ---------------------------------------------------------------------------------------------
// From samples and data sets to classifier input

torch::Tensor classifierInputFromBytes(const torch::Tensor& images)
{
    return pixelsToModel(images);
}

torch::Tensor quantiseLikePng(const torch::Tensor& samples)
{
    return modelToPixels(samples.detach().to(torch::kCPU)); // as tensorToImage (app/common/imageio.cpp) writes a PNG
}

Result<torch::Tensor> classifierInputFromModelBytes(const torch::Tensor& images)
{
    if (images.dim() != 4 || images.scalar_type() != torch::kUInt8)
        return fail(DDPM_MSG("Engine", "the classifier needs a batch of 8-bit images [N, C, H, W]"));
    if (images.size(1) != 1)
        return fail(DDPM_MSG("Engine",
                             "the Fashion-MNIST classifier reads grey images; these have %1 channels (quality is "
                             "measured for grey models only)"),
                    images.size(1));
    const auto side = images.size(2);
    if (images.size(3) != side || side < 8)
        return fail(DDPM_MSG("Engine", "the classifier cannot read %1×%2 images (square, 8×8 or larger)"), side,
                    images.size(3));
    const auto k = kClassifierImageSize;
    if (side >= k) {
        // fitToModel centred the 28×28 image at offset (side − 28) / 2: cut it out again.
        const auto at = (side - k) / 2;
        return classifierInputFromBytes(images.narrow(2, at, k).narrow(3, at, k));
    }
    // fitToModel shrank the 28×28 image with area resampling; enlarge it back to 28 and round as a file would.
    auto f =
        torch::nn::functional::interpolate(images.to(torch::kFloat32), torch::nn::functional::InterpolateFuncOptions()
                                                                           .size(std::vector<int64_t>{k, k})
                                                                           .mode(torch::kBilinear)
                                                                           .align_corners(false));
    return classifierInputFromBytes(f.round().clamp(0, 255).to(torch::kUInt8));
}

Result<torch::Tensor> classifierInputFromSamples(const torch::Tensor& samples)
{
    if (samples.dim() != 4)
        return fail(DDPM_MSG("Engine", "the classifier needs a batch of images [N, C, H, W]"));
    return classifierInputFromModelBytes(quantiseLikePng(samples));
}

} // namespace ddpm
