// Class-conditional models and classifier-free guidance (issue 20 §1): the guidance formula and its one
// batched call, the labels a run draws (equal shares, the same in any chunking), naming a class, the
// U-Net's class embedding, the label dropout of the training batches, the checkpoint's classes, the
// trainer's checks, a conditional model's warm start from an unconditional one, and the class agreement of the quality
// report with exact class oracles.
#include "batchprefetcher.h"
#include "checkpoint.h"
#include "classifier.h"
#include "dataset.h"
#include "modelstate.h"
#include "quality.h"
#include "sampler.h"
#include "trainer.h"
#include "unet.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

using namespace ddpm;

namespace {

const std::string kShippedClassifier = DDPM_SOURCE_DIR "/resources/models/fashion-mnist-classifier.ckpt";

// A "network" whose output is a constant per label: k for class k, 100 for no class; it counts its calls
// and the rows it was given.
struct LabelEcho {
    int calls = 0;
    int64_t rows = 0;
    ClassDenoiser denoiser()
    {
        return [this](const torch::Tensor& x, const torch::Tensor&, const torch::Tensor& labels) {
            ++calls;
            rows += x.size(0);
            const auto value = torch::where(labels < 0, torch::full_like(labels, 100), labels).to(torch::kFloat32);
            return torch::zeros_like(x) + value.view({-1, 1, 1, 1});
        };
    }
};

// The exact ε of a data set of one image per class: row i is denoised towards images[labels[i]].
ClassDenoiser classOracle(const Diffusion& diffusion, torch::Tensor images)
{
    return [&diffusion, images](const torch::Tensor& x, const torch::Tensor& tIndex, const torch::Tensor& labels) {
        const auto x0 = images.index_select(0, labels.clamp_min(0));
        return (x - diffusion.gather(diffusion.sqrtAlphaBarTable(), tIndex) * x0) /
               diffusion.gather(diffusion.sqrtOneMinusAlphaBarTable(), tIndex);
    };
}

ModelConfig conditionalTiny(int64_t classes)
{
    auto config = makeConfig("tiny").value();
    config.unet.numClasses(classes);
    config.classNames = numberedClassNames(classes);
    config.train.batch = 8;
    return config;
}

} // namespace

class TestConditional : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void guidanceCombinesInOneCall();
    void labelsInEqualSharesAnyChunking();
    void guidanceReachesTheSamples();
    void namingAClass();
    void checksWhatAModelCanDo();
    void unetEmbedsTheClass();
    void batchesDropLabelsAtTheRate();
    void checkpointKeepsTheClasses();
    void trainerNeedsLabels();
    void warmStartFromAnUnconditionalModel();
    void agreementWithClassOracles();
};

void TestConditional::initTestCase()
{
    torch::set_num_threads(2);
}

void TestConditional::guidanceCombinesInOneCall()
{
    LabelEcho echo;
    const auto labels = torch::tensor({0, 1, 2}, torch::kInt64);
    const auto x = torch::randn({3, 1, 2, 2});
    const auto t = torch::zeros({3}, torch::kInt64);
    for (double w : {0.0, 0.5, 2.0}) {
        echo = LabelEcho{};
        const auto out = guidedDenoiser(echo.denoiser(), labels, w)(x, t);
        QCOMPARE(echo.calls, 1);
        QCOMPARE(echo.rows, w == 0.0 ? int64_t(3) : int64_t(6)); // both halves in one batch
        for (int64_t k = 0; k < 3; ++k)                          // (1 + w)·k − w·100
            QVERIFY(std::abs(out[k].mean().item<double>() - ((1 + w) * static_cast<double>(k) - w * 100.0)) < 1e-4);
    }
}

void TestConditional::labelsInEqualSharesAnyChunking()
{
    SamplerOptions o;
    o.classChoice = kEveryClass;
    const auto all = sampleLabels(o, 0, 40, 10);
    QCOMPARE(torch::bincount(all).min().item<int64_t>(), int64_t(4));
    QCOMPARE(torch::bincount(all).max().item<int64_t>(), int64_t(4));
    QVERIFY(torch::equal(sampleLabels(o, 13, 9, 10), all.narrow(0, 13, 9))); // a chunk is its part of the run
    o.classChoice = 3;
    QVERIFY(torch::equal(sampleLabels(o, 5, 4, 10), torch::full({4}, 3, torch::kInt64)));
    o.classChoice = kUnconditional;
    QVERIFY(torch::equal(sampleLabels(o, 0, 2, 10), torch::full({2}, kNoClass, torch::kInt64)));

    // Sampling in chunks of 3 gives the images one chunk of 10 gives: labels follow the image's index.
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    const auto images = torch::rand({4, 1, 4, 4}) * 2 - 1;
    Sampling s{diffusion, {}, {1, 4, 4}, classOracle(diffusion, images), numberedClassNames(4)};
    SamplerOptions so;
    so.kind = SamplerKind::Ddim;
    so.ddimSteps = 20;
    so.count = 10;
    so.classChoice = kEveryClass;
    std::vector<torch::Tensor> inThrees, inOne;
    QVERIFY(sampleInChunks(s, so, 3, [&](const ReverseProcess& c, int64_t) { inThrees.push_back(c.current()); }));
    QVERIFY(sampleInChunks(s, so, 10, [&](const ReverseProcess& c, int64_t) { inOne.push_back(c.current()); }));
    const auto a = torch::cat(inThrees), b = torch::cat(inOne);
    QVERIFY(torch::allclose(a, b, 1e-5, 1e-5));
    // DDIM with the exact denoiser of one image per class lands on image i mod 4.
    for (int64_t i = 0; i < 10; ++i)
        QVERIFY2((a[i] - images[i % 4]).abs().max().item<double>() < 1e-3, qPrintable(QString::number(i)));
}

void TestConditional::guidanceReachesTheSamples()
{
    // Classifier-free guidance (Ho & Salimans 2021): ε̃ = (1 + w) ε(x, c) − w ε(x, ∅). With the exact ε of one
    // image per class (∅ takes image 0 here) ε̃ is the exact ε of x0* = (1 + w) image_c − w image_0, so
    // deterministic DDIM, unclipped, ends on x0* for every image of the run.
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    const auto images = (torch::rand({4, 1, 4, 4}) - 0.5) * 0.8;
    Sampling s{diffusion, {}, {1, 4, 4}, classOracle(diffusion, images), numberedClassNames(4)};
    SamplerOptions so;
    so.kind = SamplerKind::Ddim;
    so.ddimSteps = 20;
    so.clipX0 = false;
    so.count = 6;
    for (const double w : {0.0, 1.5}) {
        for (const int choice : {2, kEveryClass}) {
            so.guidance = w;
            so.classChoice = choice;
            std::vector<torch::Tensor> out;
            QVERIFY(sampleInChunks(s, so, 4, [&](const ReverseProcess& c, int64_t) { out.push_back(c.current()); }));
            const auto samples = torch::cat(out);
            for (int64_t i = 0; i < so.count; ++i) {
                const int64_t c = choice == kEveryClass ? sampleLabels(so, i, 1, 4)[0].item<int64_t>() : choice;
                const auto expected = (1 + w) * images[c] - w * images[0];
                QVERIFY2((samples[i] - expected).abs().max().item<double>() < 1e-3,
                         qPrintable(QStringLiteral("w %1, image %2 of class %3").arg(w).arg(i).arg(c)));
            }
        }
    }
}

void TestConditional::namingAClass()
{
    const auto& names = fashionMnistClassNames();
    QCOMPARE(parseClassChoice("ankle BOOT", names).value(), 9);
    QCOMPARE(parseClassChoice("T-shirt/top", names).value(), 0);
    QCOMPARE(parseClassChoice("4", names).value(), 4);
    QCOMPARE(parseClassChoice("all", names).value(), kEveryClass);
    QCOMPARE(parseClassChoice("none", names).value(), kUnconditional);
    QCOMPARE(parseClassChoice("", names).value(), kUnconditional);
    QVERIFY(!parseClassChoice("10", names));
    QVERIFY(!parseClassChoice("-1", names));
    QVERIFY(!parseClassChoice("hat", names));
    QVERIFY(QString::fromStdString(parseClassChoice("hat", names).error()).contains("Ankle boot"));
    QVERIFY(!parseClassChoice("0", {})); // no classes at all
    QCOMPARE(classChoiceName(9, names), std::string("Ankle boot"));
    QCOMPARE(classChoiceName(kEveryClass, names), std::string("all"));
    QCOMPARE(classChoiceName(kUnconditional, names), std::string("none"));
}

void TestConditional::checksWhatAModelCanDo()
{
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    LabelEcho echo;
    Sampling conditional{diffusion, {}, {1, 4, 4}, echo.denoiser(), numberedClassNames(3)};
    Sampling plain{diffusion, [](const torch::Tensor& x, const torch::Tensor&) { return x; }, {1, 4, 4}, {}, {}};
    SamplerOptions o;
    QVERIFY(plain.checkClasses(o));
    QVERIFY(conditional.checkClasses(o));
    o.classChoice = 2;
    o.guidance = 4;
    QVERIFY(conditional.checkClasses(o));
    QVERIFY(!plain.checkClasses(o)); // an unconditional model has no class to give
    o.classChoice = 3;
    QVERIFY(!conditional.checkClasses(o)); // beyond its classes
    o.classChoice = kUnconditional;
    QVERIFY(!conditional.checkClasses(o)); // guidance towards no class
    o.guidance = -1;
    o.classChoice = 1;
    QVERIFY(!conditional.checkClasses(o));
    o.guidance = std::nan("");
    QVERIFY(!conditional.checkClasses(o));
}

void TestConditional::unetEmbedsTheClass()
{
    torch::manual_seed(1);
    auto options = unetPreset("tiny").value();
    UNet plain(options);
    UNet conditional(options.numClasses(4));
    // The embedding is the only new weight: (classes + 1) rows of the time embedding's width 4·ch.
    QCOMPARE(conditional->parameterCount() - plain->parameterCount(), 5 * 4 * options.ch());
    conditional->eval();
    plain->eval();
    torch::NoGradGuard guard;
    for (auto& p : conditional->parameters()) // the layers that start near zero (as the paper's): give them weights
        if (p.abs().max().item<double>() < 1e-3)
            p.normal_(0.0, 0.1);
    const auto x = torch::randn({2, 1, 16, 16});
    const auto t = torch::tensor({10, 500}, torch::kInt64);
    const auto a = conditional->forward(x, t, torch::tensor({0, 0}, torch::kInt64));
    const auto b = conditional->forward(x, t, torch::tensor({3, 3}, torch::kInt64));
    QVERIFY((a - b).abs().max().item<double>() > 1e-4); // the class changes the prediction
    const auto none = conditional->forward(x, t, torch::tensor({kNoClass, kNoClass}, torch::kInt64));
    QVERIFY(torch::equal(none, conditional->forward(x, t))); // no labels: "no class" for every image
    QVERIFY(torch::equal(plain->forward(x, t), plain->forward(x, t, torch::tensor({1, 2}, torch::kInt64))));
    bool threw = false;
    try {
        conditional->forward(x, t, torch::tensor({0, 4}, torch::kInt64));
    } catch (const std::exception&) {
        threw = true;
    }
    QVERIFY(threw);
    QVERIFY(!validateUNetOptions(unetPreset("tiny").value().numClasses(-1)));
}

void TestConditional::batchesDropLabelsAtTheRate()
{
    // Image i's pixels hold i, so a batch's rows say which images they are.
    const int64_t n = 200;
    auto images =
        torch::arange(n, torch::kInt64).to(torch::kUInt8).view({n, 1, 1, 1}).expand({n, 1, 2, 2}).contiguous();
    const auto labels = torch::arange(n, torch::kInt64).remainder(7);
    BatchPrefetcher plain(images, 50, 1000, false, 5, 0);
    BatchPrefetcher labelled(images, 50, 1000, false, 5, 0, 3, labels, 0.25);
    int64_t dropped = 0, seen = 0;
    for (int k = 0; k < 200; ++k) {
        const auto a = plain.take(), b = labelled.take();
        QVERIFY(!a.labels.defined());
        // The labels are drawn last: the images, timesteps and noise are an unconditional run's.
        QVERIFY(torch::equal(a.x0, b.x0) && torch::equal(a.tIndex, b.tIndex) && torch::equal(a.eps, b.eps));
        const auto index = ((b.x0.select(1, 0).select(1, 0).select(1, 0) + 1) * 127.5).round().to(torch::kInt64);
        const auto kept = b.labels >= 0;
        QVERIFY(torch::equal(b.labels.masked_select(kept), index.remainder(7).masked_select(kept)));
        QVERIFY(torch::equal(b.labels.masked_select(~kept),
                             torch::full({(~kept).sum().item<int64_t>()}, kNoClass, torch::kInt64)));
        dropped += (~kept).sum().item<int64_t>();
        seen += b.labels.size(0);
    }
    const double share = static_cast<double>(dropped) / static_cast<double>(seen);
    // 10,000 draws at p = 0.25: the standard error is 0.0043; 5 of them.
    QVERIFY2(std::abs(share - 0.25) < 0.022, qPrintable(QString::number(share)));
}

void TestConditional::checkpointKeepsTheClasses()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/c.ckpt").toStdString();
    auto config = conditionalTiny(4);
    config.classNames = syntheticClassNames();
    config.train.pUncond = 0.2;
    Trainer trainer(config, torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(32, 1, 16)));
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(path));
    auto loaded = loadCheckpoint(path, torch::kCPU);
    QVERIFY2(loaded, loaded.ok() ? "" : loaded.error().c_str());
    QCOMPARE(loaded->config.unet.numClasses(), int64_t(4));
    QCOMPARE(loaded->config.classNames, syntheticClassNames());
    QCOMPARE(loaded->config.train.pUncond, 0.2);
    const auto sampling = samplingFrom(loaded.value(), Weights::Ema);
    QCOMPARE(sampling.numClasses(), int64_t(4));
    const auto x = torch::randn({2, 1, 16, 16});
    const auto t = torch::tensor({3, 700}, torch::kInt64);
    const auto y = torch::tensor({1, 2}, torch::kInt64);
    torch::NoGradGuard guard;
    trainer.ema()->eval();
    QVERIFY(torch::allclose(sampling.classDenoiser(x, t, y), trainer.ema()->forward(x, t, y)));

    // A checkpoint written before classes existed (no such keys) is an unconditional model.
    auto demo = loadCheckpoint(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt", torch::kCPU);
    QVERIFY(demo);
    QVERIFY(!demo->config.conditional());
    QCOMPARE(samplingFrom(demo.value(), Weights::Ema).numClasses(), int64_t(0));

    // Names that do not match the count: refused with a reason.
    config.classNames.pop_back();
    Trainer broken(config, torch::kCPU);
    QVERIFY(broken.save(path));
    const auto refused = loadCheckpoint(path, torch::kCPU);
    QVERIFY(!refused);
    QVERIFY2(QString::fromStdString(refused.error()).contains("3 classes"), refused.error().c_str());
}

void TestConditional::trainerNeedsLabels()
{
    Trainer trainer(conditionalTiny(4), torch::kCPU);
    auto unlabelled = makeSyntheticShapes(16, 1, 16);
    unlabelled.labels = torch::Tensor();
    QVERIFY(!trainer.setDataset(unlabelled));
    auto beyond = makeSyntheticShapes(16, 1, 16);
    beyond.labels = beyond.labels + 4;
    QVERIFY(!trainer.setDataset(beyond));
    QVERIFY(trainer.setDataset(makeSyntheticShapes(16, 1, 16)));
    const auto s = trainer.step();
    QVERIFY2(s, s.ok() ? "" : s.error().c_str());
    ModelConfig c = makeConfig("tiny").value();
    Dataset two = makeSyntheticShapes(16, 1, 16);
    two.classNames = {"only one"};
    QVERIFY(!setClasses(c, two));
    two.labels = two.labels.remainder(2);
    two.classNames = {"a", "b"};
    QVERIFY(setClasses(c, two));
    QCOMPARE(c.unet.numClasses(), int64_t(2));
    QCOMPARE(c.classNames, two.classNames);
    // Classes are numbered up to the largest label: a set whose labels are all 5 has five empty classes,
    // and one image of the shapes leaves three of their four without images.
    Dataset fives = makeSyntheticShapes(16, 1, 16);
    fives.labels = torch::full({16}, 5, torch::kInt64);
    fives.classNames = numberedClassNames(6);
    const auto empty = setClasses(c, fives);
    QVERIFY(!empty);
    QVERIFY2(QString::fromStdString(empty.error())
                 .startsWith(QStringLiteral("5 of the data set's 6 classes have no "
                                            "images (0, 1, 2, 3, …)")),
             empty.error().c_str());
    Dataset one = makeSyntheticShapes(1, 1, 16);
    one.classNames = syntheticClassNames();
    const auto three = setClasses(c, one);
    QVERIFY(!three);
    QVERIFY2(QString::fromStdString(three.error()).startsWith(QStringLiteral("3 of the data set's 4 classes")),
             three.error().c_str());
    // One class without images is named as one.
    Dataset noRing = makeSyntheticShapes(16, 1, 16);
    noRing.labels = noRing.labels.remainder(3); // discs, squares and triangles only
    noRing.classNames = syntheticClassNames();
    const auto ring = setClasses(c, noRing);
    QVERIFY(!ring);
    QVERIFY2(QString::fromStdString(ring.error()).startsWith(QStringLiteral("the data set's class ring has no images")),
             ring.error().c_str());
    QCOMPARE(c.unet.numClasses(), int64_t(2)); // unchanged by a refusal
    // A model goes on with images of its own classes: other names are refused, numbered ones (a set that
    // names none, such as an IDX file of the same images) are not.
    auto named = conditionalTiny(4);
    named.classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress"};
    Trainer fashion(named, torch::kCPU);
    Dataset shapeData = makeSyntheticShapes(16, 1, 16);
    shapeData.classNames = syntheticClassNames(); // disc, square, triangle, ring
    const auto shapes = fashion.setDataset(shapeData);
    QVERIFY(!shapes);
    QVERIFY2(QString::fromStdString(shapes.error())
                 .contains(QStringLiteral("(disc, square, triangle, ring) are not "
                                          "the model's (T-shirt/top, Trouser,")),
             shapes.error().c_str());
    auto numbered = makeSyntheticShapes(16, 1, 16);
    numbered.classNames = numberedClassNames(4);
    QVERIFY(fashion.setDataset(numbered));
    auto same = makeSyntheticShapes(16, 1, 16);
    same.classNames = named.classNames;
    QVERIFY(fashion.setDataset(same));
    auto fewer = makeSyntheticShapes(16, 1, 16); // the model's first three classes: labels 0–2 mean the same
    fewer.labels = fewer.labels.remainder(3);
    fewer.classNames = {"T-shirt/top", "Trouser", "Pullover"};
    QVERIFY(fashion.setDataset(fewer));
    fewer.classNames = {"Trouser", "Pullover", "Dress"}; // not the first three: label 0 would change its meaning
    QVERIFY(!fashion.setDataset(fewer));
    c.train.pUncond = 1.5;
    QVERIFY(!validateTrainOptions(c.train));
}

void TestConditional::warmStartFromAnUnconditionalModel()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/plain.ckpt").toStdString();
    auto plainConfig = makeConfig("tiny").value();
    plainConfig.train.batch = 8;
    Trainer plain(plainConfig, torch::kCPU);
    QVERIFY(plain.setDataset(makeSyntheticShapes(32, 1, 16)));
    for (int k = 0; k < 3; ++k) // EMA and raw weights now differ: the start must take the EMA ones
        QVERIFY(plain.step());
    QVERIFY(plain.save(path));

    auto config = conditionalTiny(4);
    config.train.warmupSteps = 0; // a full step at once, so that its change shows in fp32
    config.train.lr = 1e-3;
    Trainer conditional(config, torch::kCPU);
    QVERIFY(plain.config().initFrom.empty()); // trained from scratch
    const auto started = conditional.startFrom(path);
    QVERIFY2(started, started.ok() ? "" : started.error().c_str());
    QCOMPARE(conditional.stepCount(), int64_t(0));
    // The model names where its weights came from: the file, its step and its SHA-256, which a saved
    // checkpoint keeps.
    QFile source(QString::fromStdString(path));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray digest = QCryptographicHash::hash(source.readAll(), QCryptographicHash::Sha256).toHex();
    QCOMPARE(conditional.config().initFrom, "plain.ckpt, step 3, sha256 " + digest.toStdString());
    const std::string saved = (dir.path() + "/started.ckpt").toStdString();
    QVERIFY(conditional.save(saved));
    auto reopened = loadCheckpoint(saved, torch::kCPU);
    QVERIFY2(reopened, reopened.ok() ? "" : reopened.error().c_str());
    QCOMPARE(reopened->config.initFrom, conditional.config().initFrom);
    const auto x = torch::randn({3, 1, 16, 16});
    const auto t = torch::tensor({5, 400, 999}, torch::kInt64);
    const auto y = torch::tensor({int64_t{0}, int64_t{3}, kNoClass}, torch::kInt64);
    {
        torch::NoGradGuard guard;
        plain.ema()->eval();
        conditional.model()->eval();
        conditional.ema()->eval();
        const auto expected = plain.ema()->forward(x, t);
        QVERIFY(!torch::equal(expected, plain.model()->forward(x, t)));
        // Every class, and no class, predicts exactly what the unconditional model does.
        QVERIFY(torch::equal(conditional.ema()->forward(x, t, y), expected));
        QVERIFY(torch::equal(conditional.model()->forward(x, t, y), expected));
    }
    // Training then teaches the classes: after a step they change the prediction.
    conditional.model()->train();
    QVERIFY(conditional.setDataset(makeSyntheticShapes(32, 1, 16)));
    QVERIFY(conditional.step());
    {
        torch::NoGradGuard guard;
        conditional.model()->eval();
        const auto a = conditional.model()->forward(x, t, torch::tensor({0, 0, 0}, torch::kInt64));
        const auto b = conditional.model()->forward(x, t, torch::tensor({3, 3, 3}, torch::kInt64));
        QVERIFY((a - b).abs().max().item<double>() > 0);
    }
    const auto late = conditional.startFrom(path);
    QVERIFY(!late);
    QVERIFY2(QString::fromStdString(late.error()).contains("before its first step"), late.error().c_str());

    // Another schedule or image size: refused, naming the setting.
    auto cosine = conditionalTiny(4);
    cosine.schedule.kind = ScheduleKind::Cosine;
    const auto refused = Trainer(cosine, torch::kCPU).startFrom(path);
    QVERIFY(!refused);
    QVERIFY2(QString::fromStdString(refused.error()).contains("schedule.kind differs"), refused.error().c_str());
    auto larger = conditionalTiny(4);
    larger.unet.imageSize(32);
    const auto larger_refused = Trainer(larger, torch::kCPU).startFrom(path);
    QVERIFY(!larger_refused);
    QVERIFY2(QString::fromStdString(larger_refused.error()).contains("model.image_size"),
             larger_refused.error().c_str());
}

void TestConditional::agreementWithClassOracles()
{
    if (!fashionMnistAvailable())
        QSKIP("Fashion-MNIST is not installed");
    auto classifier = loadClassifier(kShippedClassifier);
    QVERIFY(classifier);
    auto test = loadDataSpec("fashion-mnist:test", 1, kClassifierImageSize).value();
    // For each class, the first test image the classifier puts in it.
    const auto predicted =
        classifier->classify(classifierInputFromBytes(test.images.narrow(0, 0, 500))).probabilities.argmax(1);
    std::vector<int64_t> rows;
    for (int64_t k = 0; k < 10; ++k)
        rows.push_back((predicted == k).nonzero()[0].item<int64_t>());
    const auto chosen = test.images.index_select(0, torch::tensor(rows, torch::kInt64));
    const auto padded = fitToModel(Dataset{"", chosen, {}, {}}, 1, 32).images.to(torch::kFloat32) / 127.5 - 1.0;
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    QualityReference reference;
    reference.test = featureStats(classifier->features(classifierInputFromBytes(test.images.narrow(0, 0, 200))));
    reference.fidFloor = 1.0;
    reference.floorCount = 20;
    QualityOptions o;
    o.count = 20;
    o.sampler.ddimSteps = 10;
    o.sampler.classChoice = kEveryClass;
    Sampling right{diffusion, {}, {1, 32, 32}, classOracle(diffusion, padded), fashionMnistClassNames()};
    auto report = measureQuality(right, classifier.value(), reference, o);
    QVERIFY2(report, report.ok() ? "" : report.error().c_str());
    QCOMPARE(report->classAgreement, 1.0);
    QCOMPARE(report->classAgreementPerClass.size(), size_t(10));
    QCOMPARE(report->classChoice, std::string("all"));
    // The oracle that draws the next class's image: no sample agrees.
    Sampling wrong{diffusion, {}, {1, 32, 32}, classOracle(diffusion, padded.roll(-1, 0)), fashionMnistClassNames()};
    report = measureQuality(wrong, classifier.value(), reference, o);
    QVERIFY(report);
    QCOMPARE(report->classAgreement, 0.0);
    // One class asked for: the per-class figures name only it.
    o.sampler.classChoice = 7;
    report = measureQuality(right, classifier.value(), reference, o);
    QVERIFY(report);
    QCOMPARE(report->classAgreementPerClass[7], 1.0);
    QVERIFY(std::isnan(report->classAgreementPerClass[0]));
    QCOMPARE(report->classChoice, std::string("Sneaker"));
    // Other classes than the classifier's: no agreement is claimed.
    Sampling other{diffusion, {}, {1, 32, 32}, classOracle(diffusion, padded), numberedClassNames(10)};
    report = measureQuality(other, classifier.value(), reference, o);
    QVERIFY(report);
    QVERIFY(std::isnan(report->classAgreement));
}

QTEST_GUILESS_MAIN(TestConditional)
#include "tst_conditional.moc"
