// Training, Algorithm 1: the loss falls, warm-up and EMA follow their formulas, batches are
// reproducible, and a non-finite loss stops training without touching the weights.
#include "checkpoint.h"
#include "trainer.h"

#include <QtTest>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <new>
#include <stdexcept>

using namespace ddpm;

namespace {
ModelConfig tinyConfig()
{
    auto c = makeConfig("tiny").value();
    c.train.batch = 32;
    c.train.lr = 1e-3;
    c.train.warmupSteps = 20;
    c.train.seed = 4;
    c.dataSpec = "synthetic";
    return c;
}

std::vector<torch::Tensor> snapshot(UNet& m)
{
    std::vector<torch::Tensor> out;
    for (auto& p : m->parameters())
        out.push_back(p.detach().clone());
    return out;
}
} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void stepIsAlgorithmOne_data();
    void stepIsAlgorithmOne();
    void lossFallsOnSyntheticShapes();
    void warmupAndEma();
    void gradientNormIsClipped();
    void batchesReproducible();
    void flipsAreHorizontal();
    void nonFiniteLossStopsAndKeepsWeights();
    void nonFiniteGradientStopsAndKeepsWeights();
    void refusesMismatchedData();
    void recordsTheDataItTrainsOn();
    void failureOnPrefetchThreadBecomesError();
    void outOfMemoryNamesRemedy();
    void libtorchErrorIsOneLine();
    void trainOptionsApplyToNextSteps();
    void runTrainingFollowsItsHooks();
    void bf16LearnsAsWellAsFp32();
};

void TestTrainer::stepIsAlgorithmOne_data()
{
    QTest::addColumn<int>("prediction");
    QTest::newRow("epsilon") << int(Prediction::Epsilon);
    QTest::newRow("x0") << int(Prediction::X0);
    QTest::newRow("v") << int(Prediction::V);
}

// Algorithm 1, written out here: for the batch the trainer draws (x0, t, ε: a pure function of the seed and
// the step), x_t = √ᾱ_t x0 + √(1−ᾱ_t) ε with ᾱ_t = Π_{s ≤ t}(1 − β_s) from the β table, and the loss is
// the mean of ‖target − net(x_t, t)‖² with the target ε, x0 or v = √ᾱ_t ε − √(1−ᾱ_t) x0. The step's
// reported loss must be that, for the network as it was before the step.
void TestTrainer::stepIsAlgorithmOne()
{
    QFETCH(int, prediction);
    auto c = tinyConfig();
    c.unet.dropout(0.0); // no masks to draw: the network is a function of its input
    c.prediction = static_cast<Prediction>(prediction);
    c.train.hflip = true;
    Trainer trainer(c, torch::kCPU);
    trainer.setPrecision(Precision::Fp32); // bf16 would round x_t's last bits differently
    const auto data = makeSyntheticShapes(200, 1, 16);
    QVERIFY(trainer.setDataset(data));
    const auto& beta = trainer.diffusion().schedule().beta();
    std::vector<double> abar(beta.size());
    double product = 1;
    for (size_t i = 0; i < beta.size(); ++i)
        abar[i] = product *= 1 - beta[i];
    // The output layer starts at zero (as the paper's does), so the first steps' loss is the target's
    // square whatever x_t is: a few steps first make the network depend on its input.
    for (int k = 0; k < 30; ++k)
        QVERIFY(trainer.step());
    for (int64_t k = 30; k < 32; ++k) {
        BatchPrefetcher same(data.images, c.train.batch, int(beta.size()), c.train.hflip, c.train.seed, k);
        const auto batch = same.take();
        const auto a = torch::tensor(abar, torch::kFloat64).index_select(0, batch.tIndex).view({-1, 1, 1, 1});
        const auto x0 = batch.x0.to(torch::kFloat64), eps = batch.eps.to(torch::kFloat64);
        const auto xt = a.sqrt() * x0 + (1 - a).sqrt() * eps;
        const auto target = c.prediction == Prediction::Epsilon ? eps
                            : c.prediction == Prediction::X0    ? x0
                                                                : a.sqrt() * eps - (1 - a).sqrt() * x0;
        double expected = 0;
        {
            torch::NoGradGuard noGrad;
            trainer.model()->train();
            const auto out = trainer.model()->forward(xt.to(torch::kFloat32), batch.tIndex, torch::Tensor());
            expected = (out.to(torch::kFloat64) - target).square().mean().item<double>();
        }
        const auto s = trainer.step();
        QVERIFY2(s, s.ok() ? "" : s.error().c_str());
        QVERIFY2(
            std::abs(s->loss - expected) < 1e-5 * expected,
            qPrintable(QStringLiteral("step %1: loss %2, Algorithm 1 gives %3").arg(k + 1).arg(s->loss).arg(expected)));
    }
    // t is uniform on 1 … T: the batches of many steps reach both ends and fill ten equal bins evenly.
    BatchPrefetcher many(data.images, 500, int(beta.size()), false, 9, 0);
    std::vector<int64_t> t;
    for (int k = 0; k < 20; ++k) {
        const auto tIndex = many.take().tIndex;
        t.insert(t.end(), tIndex.data_ptr<int64_t>(), tIndex.data_ptr<int64_t>() + tIndex.numel());
    }
    QCOMPARE(*std::min_element(t.begin(), t.end()), int64_t(0));
    QCOMPARE(*std::max_element(t.begin(), t.end()), int64_t(beta.size() - 1));
    std::vector<int> bins(10);
    for (const int64_t ti : t)
        ++bins[static_cast<size_t>(ti * 10 / int64_t(beta.size()))];
    for (const int count : bins) // 1,000 expected in each, standard deviation 30
        QVERIFY2(std::abs(count - 1000) < 150, qPrintable(QString::number(count)));
}

void TestTrainer::lossFallsOnSyntheticShapes()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(2000, 1, 16)));
    std::vector<double> losses;
    for (int i = 0; i < 300; ++i) {
        auto s = trainer.step();
        QVERIFY2(s, s.ok() ? "" : s.error().c_str());
        losses.push_back(s->loss);
        QVERIFY(s->gradNorm > 0);
    }
    auto mean = [&](size_t from, size_t to) {
        double m = 0;
        for (size_t i = from; i < to; ++i)
            m += losses[i];
        return m / static_cast<double>(to - from);
    };
    const double start = mean(0, 10), end = mean(270, 300);
    QVERIFY2(end < 0.35 * start, qPrintable(QStringLiteral("start %1 end %2").arg(start).arg(end)));
    QCOMPARE(trainer.stepCount(), 300);
    QCOMPARE(int(trainer.lossHistory().size()), 300);
    int seenBins = 0;
    for (double b : trainer.binLoss())
        seenBins += std::isfinite(b) ? 1 : 0;
    QCOMPARE(seenBins, 10);
    // A heat-map column every 10 steps.
    QCOMPARE(int(trainer.binLossHistory().size()), 30);
    QCOMPARE(trainer.binLossHistory()[4].step, 50);
    QCOMPARE(trainer.binLossHistory().back().binLoss, trainer.binLoss());
    // Loss per bin: the low-noise end (small t) is hardest for ε-prediction.
    QVERIFY(trainer.binLoss().front() > trainer.binLoss().back());
}

void TestTrainer::warmupAndEma()
{
    auto c = tinyConfig();
    c.train.emaDecay = 0.5;
    Trainer trainer(c, torch::kCPU);
    QCOMPARE(trainer.learningRate(0), c.train.lr / 20);
    QCOMPARE(trainer.learningRate(9), c.train.lr * 10 / 20);
    QCOMPARE(trainer.learningRate(500), c.train.lr);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(100, 1, 16)));
    auto emaBefore = snapshot(trainer.ema());
    auto s = trainer.step();
    QVERIFY(s);
    QCOMPARE(s->lr, c.train.lr / 20);
    // After step 1: d = min(0.5, (1 + 1)/(10 + 1)) and ema = d·ema + (1 − d)·θ.
    const double d = std::min(0.5, 2.0 / 11.0);
    auto params = trainer.model()->parameters();
    auto ema = trainer.ema()->parameters();
    for (size_t i = 0; i < params.size(); ++i)
        QVERIFY(torch::allclose(ema[i], d * emaBefore[i] + (1 - d) * params[i], 1e-5, 1e-6));
    // From step 9 on the warm-up's (1 + n)/(10 + n) is above the decay asked for, which takes over: at step
    // 10, d = min(0.5, 11/20) = 0.5.
    for (int k = 1; k < 9; ++k)
        QVERIFY(trainer.step());
    const auto before10 = snapshot(trainer.ema());
    QVERIFY(trainer.step());
    QCOMPARE(trainer.stepCount(), int64_t(10));
    const auto params10 = trainer.model()->parameters();
    const auto ema10 = trainer.ema()->parameters();
    for (size_t i = 0; i < params10.size(); ++i)
        QVERIFY(torch::allclose(ema10[i], 0.5 * before10[i] + 0.5 * params10[i], 1e-5, 1e-6));
}

void TestTrainer::gradientNormIsClipped()
{
    // Adam's first moment after one step is (1 − β₁) g for the gradient it was given: its norm is 0.1 times
    // the clipped norm min(‖g‖, clip), read back from the checkpoint.
    QTemporaryDir dir;
    for (const double clip : {1e-3, 1e6}) {
        auto c = tinyConfig();
        c.train.gradClip = clip;
        Trainer trainer(c, torch::kCPU);
        QVERIFY(trainer.setDataset(makeSyntheticShapes(100, 1, 16)));
        const auto s = trainer.step();
        QVERIFY(s);
        QVERIFY(s->gradNorm > 1e-3 && s->gradNorm < 1e6);
        const auto path = dir.filePath(QStringLiteral("clip.ckpt")).toStdString();
        QVERIFY(trainer.save(path));
        auto reader = CheckpointReader::open(path);
        QVERIFY(reader);
        double squares = 0;
        for (const auto& p : trainer.model()->named_parameters()) {
            const auto avg = reader.value()->tensor("optimizer." + p.key() + ".exp_avg");
            QVERIFY2(avg.defined(), p.key().c_str());
            squares += avg.to(torch::kFloat64).square().sum().item<double>();
        }
        const double expected = 0.1 * std::min(s->gradNorm, clip);
        QVERIFY2(std::abs(std::sqrt(squares) - expected) < 1e-3 * expected,
                 qPrintable(QStringLiteral("clip %1: first moment's norm %2, expected %3 (gradient norm %4)")
                                .arg(clip)
                                .arg(std::sqrt(squares))
                                .arg(expected)
                                .arg(s->gradNorm)));
    }
}

void TestTrainer::batchesReproducible()
{
    auto images = makeSyntheticShapes(50, 1, 16).images;
    BatchPrefetcher a(images, 8, 1000, true, 3, 0), b(images, 8, 1000, true, 3, 5), c(images, 8, 1000, true, 4, 0);
    std::vector<BatchPrefetcher::Batch> fromA;
    for (int k = 0; k < 8; ++k)
        fromA.push_back(a.take());
    auto b5 = b.take();
    QCOMPARE(b5.index, 5);
    QVERIFY(torch::equal(b5.x0, fromA[5].x0));
    QVERIFY(torch::equal(b5.tIndex, fromA[5].tIndex));
    QVERIFY(torch::equal(b5.eps, fromA[5].eps));
    QVERIFY(!torch::equal(c.take().eps, fromA[0].eps));
    QVERIFY(fromA[0].x0.min().item<double>() >= -1.0 && fromA[0].x0.max().item<double>() <= 1.0);
    // An epoch of 50 images in batches of 8 visits every image before repeating one.
    BatchPrefetcher e(torch::arange(50, torch::kUInt8).view({50, 1, 1, 1}), 10, 1000, false, 1, 0);
    std::set<int> seen;
    for (int k = 0; k < 5; ++k) {
        auto x = ((e.take().x0 + 1) * 127.5).round().to(torch::kInt64);
        for (int j = 0; j < 10; ++j)
            seen.insert(static_cast<int>(x[j].item<int64_t>()));
    }
    QCOMPARE(int(seen.size()), 50);
}

void TestTrainer::flipsAreHorizontal()
{
    // Twelve 4×4 images whose pixel (h, w) is 16 i + 4 h + w: a batch row is image i as it is or mirrored
    // left to right (never upside down), a batch of twelve is one epoch (every image once), and with flips
    // on about half the rows are mirrored.
    auto images = torch::arange(4 * 4, torch::kInt64).view({1, 1, 4, 4}) + 16 * torch::arange(12).view({12, 1, 1, 1});
    images = images.to(torch::kUInt8);
    for (const bool hflip : {false, true}) {
        BatchPrefetcher prefetcher(images, 12, 1000, hflip, 6, 0);
        int flipped = 0;
        for (int k = 0; k < 20; ++k) {
            const auto rows = ((prefetcher.take().x0 + 1) * 127.5).round().to(torch::kInt64);
            std::vector<int> seen(12);
            for (int64_t j = 0; j < 12; ++j) {
                const int64_t i = rows[j][0][0][0].item<int64_t>() / 16;
                QVERIFY(i >= 0 && i < 12);
                ++seen[static_cast<size_t>(i)];
                const auto source = images[i].to(torch::kInt64);
                const bool same = torch::equal(rows[j], source), mirrored = torch::equal(rows[j], source.flip({2}));
                QVERIFY2(same || mirrored, qPrintable(QStringLiteral("batch %1 row %2").arg(k).arg(j)));
                flipped += mirrored ? 1 : 0;
            }
            QCOMPARE(seen, std::vector<int>(12, 1));
        }
        if (hflip) // 240 rows: a share of 0.5 ± 0.032
            QVERIFY2(flipped > 80 && flipped < 160, qPrintable(QString::number(flipped)));
        else
            QCOMPARE(flipped, 0);
    }
}

void TestTrainer::nonFiniteLossStopsAndKeepsWeights()
{
    auto c = tinyConfig();
    c.train.lr = 1e30; // Adam's steps are about lr in size: the weights blow up within a few steps
    c.train.warmupSteps = 0;
    Trainer trainer(c, torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(100, 1, 16)));
    std::vector<torch::Tensor> before;
    Result<StepStats> s = StepStats{};
    int steps = 0;
    while (s && steps < 50) {
        before = snapshot(trainer.model());
        s = trainer.step();
        ++steps;
    }
    QVERIFY2(!s, "the loss never became non-finite");
    QVERIFY(QString::fromStdString(s.error()).contains(QStringLiteral("step %1").arg(steps)));
    auto after = trainer.model()->parameters();
    for (size_t i = 0; i < after.size(); ++i)
        QVERIFY(torch::equal(after[i], before[i]));
    QCOMPARE(trainer.stepCount(), steps - 1);
}

// A finite loss whose gradient is not (an overflow in the backward pass, here made by a hook on one
// weight): the step is refused before the optimizer moves, and the weights and their average stay those of
// the step before.
void TestTrainer::nonFiniteGradientStopsAndKeepsWeights()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(100, 1, 16)));
    QVERIFY(trainer.step());
    const auto before = snapshot(trainer.model()), emaBefore = snapshot(trainer.ema());
    auto weight = trainer.model()->parameters().front();
    weight.register_hook([](torch::Tensor g) { return g * std::numeric_limits<float>::infinity(); });
    const auto s = trainer.step();
    QVERIFY(!s);
    QVERIFY2(QString::fromStdString(s.error()).contains(
                 QStringLiteral("the gradient became non-finite at step 2; training stopped and the model "
                                "keeps the weights of step 1")),
             s.error().c_str());
    QCOMPARE(trainer.stepCount(), 1);
    const auto after = trainer.model()->parameters(), emaAfter = trainer.ema()->parameters();
    for (size_t i = 0; i < after.size(); ++i)
        QVERIFY(torch::equal(after[i], before[i]) && torch::equal(emaAfter[i], emaBefore[i]));
}

void TestTrainer::refusesMismatchedData()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(!trainer.setDataset(makeSyntheticShapes(10, 1, 32)));
    QVERIFY(!trainer.setDataset(makeSyntheticShapes(10, 3, 16)));
    QVERIFY(!trainer.step());
}

// The checkpoint names the data set the model was trained on, whatever the config said when it was made
// (the studio makes its first model before the data set is in); a refused set changes nothing.
void TestTrainer::recordsTheDataItTrainsOn()
{
    QTemporaryDir dir;
    Trainer trainer(tinyConfig(), torch::kCPU);
    QCOMPARE(trainer.config().dataSpec, std::string("synthetic"));
    auto data = loadDataSpec("synthetic:40", 1, 16);
    QVERIFY2(data, data.ok() ? "" : data.error().c_str());
    QCOMPARE(data->spec, std::string("synthetic:40"));
    QVERIFY(trainer.setDataset(data.value()));
    QCOMPARE(trainer.config().dataSpec, std::string("synthetic:40"));
    auto wrongSize = loadDataSpec("synthetic:20", 1, 32);
    QVERIFY(wrongSize);
    QVERIFY(!trainer.setDataset(wrongSize.value()));
    QCOMPARE(trainer.config().dataSpec, std::string("synthetic:40"));
    QVERIFY(trainer.step());
    const std::string path = dir.filePath(QStringLiteral("m.ckpt")).toStdString();
    QVERIFY(trainer.save(path));
    auto reopened = Trainer::resume(path, torch::kCPU);
    QVERIFY2(reopened, reopened.ok() ? "" : reopened.error().c_str());
    QCOMPARE(reopened.value()->config().dataSpec, std::string("synthetic:40"));
}

void TestTrainer::failureOnPrefetchThreadBecomesError()
{
    // Batch 3 fails on the prefetching thread: steps 1–3 run, step 4 reports why, and the model keeps
    // the weights and the step count of step 3 and can still be saved and reopened.
    BatchPrefetcher::setFaultHook([](int64_t k) {
        if (k == 3)
            throw std::runtime_error("the disk went away");
    });
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(100, 1, 16)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(trainer.step());
    const auto before = snapshot(trainer.model());
    auto s = trainer.step();
    BatchPrefetcher::setFaultHook({});
    QVERIFY(!s);
    const QString message = QString::fromStdString(s.error());
    QVERIFY2(message.contains(QLatin1String("the disk went away")) && message.contains(QLatin1String("step 4")),
             qPrintable(message));
    QCOMPARE(trainer.stepCount(), 3);
    auto after = trainer.model()->parameters();
    for (size_t i = 0; i < after.size(); ++i)
        QVERIFY(torch::equal(after[i], before[i]));
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("kept.ckpt")).toStdString();
    QVERIFY(trainer.save(path));
    auto reopened = loadCheckpoint(path, torch::kCPU);
    QVERIFY(reopened);
    QCOMPARE(reopened->step, 3);
}

void TestTrainer::outOfMemoryNamesRemedy()
{
    BatchPrefetcher::setFaultHook([](int64_t) { throw std::bad_alloc(); });
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(100, 1, 16)));
    auto s = trainer.step();
    BatchPrefetcher::setFaultHook({});
    QVERIFY(!s);
    const QString message = QString::fromStdString(s.error());
    QVERIFY2(message.contains(QLatin1String("ran out of memory")) && message.contains(QLatin1String("smaller batch")),
             qPrintable(message));
    QCOMPARE(trainer.stepCount(), 0);
}

void TestTrainer::libtorchErrorIsOneLine()
{
    // A real LibTorch error (a shape mismatch) carries a C++ stack trace; the user sees its first line.
    try {
        (void)torch::matmul(torch::ones({2, 3}), torch::ones({2, 3}));
        QFAIL("no exception");
    } catch (const std::exception& e) {
        QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1Char('\n'))); // what LibTorch gives
        const auto message = QString::fromStdString(describeException(e, Error{"sampling"}).message());
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
        QVERIFY2(message.startsWith(QLatin1String("sampling failed: ")) && message.contains(QLatin1String("shapes")),
                 qPrintable(message));
        QVERIFY(!message.contains(QLatin1String("frame #")));
    }
    // LibTorch's CPU allocator says "can't allocate memory": that is running out of memory too.
    try {
        (void)torch::empty({int64_t{1} << 52}, torch::kUInt8);
        QFAIL("no exception");
    } catch (const std::exception& e) {
        const auto message = QString::fromStdString(describeException(e, Error{"loading the data"}).message());
        QVERIFY2(message.contains(QLatin1String("ran out of memory")), qPrintable(message));
    }
}

void TestTrainer::trainOptionsApplyToNextSteps()
{
    // Two trainers with the same start agree step for step until one changes its settings.
    Trainer a(tinyConfig(), torch::kCPU), b(tinyConfig(), torch::kCPU);
    const auto data = makeSyntheticShapes(100, 1, 16);
    QVERIFY(a.setDataset(data) && b.setDataset(data));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(a.step()->loss, b.step()->loss);
    auto options = b.config().train;
    options.seed = 99;
    options.batch = 5;
    options.lr = 3e-4;
    options.warmupSteps = 0;
    options.emaDecay = 0.5;
    QVERIFY(b.setTrainOptions(options));
    QCOMPARE(b.config().train.batch, 5);
    QCOMPARE(b.learningRate(b.stepCount()), 3e-4);
    QVERIFY(a.step()->loss != b.step()->loss);
    QCOMPARE(b.stepCount(), 3);
    // The saved checkpoint carries the new settings.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("b.ckpt")).toStdString();
    QVERIFY(b.save(path));
    auto reopened = loadCheckpoint(path, torch::kCPU);
    QVERIFY(reopened);
    QCOMPARE(reopened->config.train.batch, 5);
    QCOMPARE(reopened->config.train.seed, uint64_t{99});
    QCOMPARE(reopened->config.train.emaDecay, 0.5);
    // Nonsense is refused and changes nothing.
    options.batch = 0;
    QVERIFY(!b.setTrainOptions(options));
    QCOMPARE(b.config().train.batch, 5);
}

void TestTrainer::bf16LearnsAsWellAsFp32()
{
    // Issue 9's bar: the same run (tiny preset, same seed, so the same batches, timesteps and noise) in
    // bf16 mixed precision ends with a mean loss over its last 100 of 1,000 steps within 3 % of fp32.
    if (!fashionMnistAvailable())
        QSKIP("dataset-fashion-mnist is not installed");
    auto data = loadDataSpec("fashion-mnist", 1, 16);
    QVERIFY(data);
    auto lastHundred = [&](Precision precision) {
        auto c = makeConfig("tiny").value();
        c.train.batch = 32;
        c.train.seed = 3;
        Trainer trainer(c, torch::kCPU);
        trainer.setPrecision(precision);
        if (trainer.precision() != precision) // the trainer reports what it runs: bf16 really on
            return std::nan("");
        [&] { QVERIFY(trainer.setDataset(data.value())); }();
        double sum = 0;
        for (int i = 0; i < 1000; ++i) {
            auto s = trainer.step();
            if (!s)
                return std::nan("");
            if (i >= 900)
                sum += s->loss;
        }
        return sum / 100;
    };
    const double fp32 = lastHundred(Precision::Fp32);
    const double bf16 = lastHundred(Precision::Bf16);
    qInfo("mean loss of steps 901-1000: fp32 %.5f, bf16 %.5f", fp32, bf16);
    QVERIFY(std::isfinite(fp32) && std::isfinite(bf16));
    QVERIFY(fp32 < 0.1);   // it did learn (the loss starts near 1)
    QVERIFY(bf16 != fp32); // the two runs did compute differently (a no-op setPrecision would not)
    QVERIFY2(std::abs(bf16 - fp32) <= 0.03 * fp32, qPrintable(QStringLiteral("%1 against %2").arg(bf16).arg(fp32)));
}

// One run of steps as `ddpm train` and the studio run it: the target read before every step (it may
// move during the run), a stop honoured before the next step, a save every N steps but not at the
// target, the hooks called once per step.
void TestTrainer::runTrainingFollowsItsHooks()
{
    QTemporaryDir dir;
    auto c = tinyConfig();
    c.train.batch = 4;
    Trainer trainer(c, torch::kCPU);
    QVERIFY(trainer.setDataset(makeSyntheticShapes(40, 1, 16)));
    int64_t target = 4;
    int between = 0, after = 0;
    std::vector<int64_t> steps;
    int saves = 0;
    TrainingRun run;
    run.target = [&] { return target; };
    run.betweenSteps = [&] { ++between; };
    run.afterStep = [&](const StepStats& s) {
        ++after;
        steps.push_back(s.step);
        if (s.step == 2)
            target = 6; // the form's Steps raised during the run
    };
    run.saveEvery = 3;
    run.savePath = dir.filePath(QStringLiteral("run.ckpt")).toStdString();
    run.saved = [&](const Status& s) {
        QVERIFY(s);
        ++saves;
    };
    QVERIFY(runTraining(trainer, run));
    QCOMPARE(trainer.stepCount(), int64_t{6});
    QCOMPARE(trainer.config().train.totalSteps, int64_t{6}); // the trainer knows the moved target
    QCOMPARE(after, 6);
    QCOMPARE(between, 7); // before every step, and once more to find the target reached
    QCOMPARE(steps, (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(saves, 1); // at step 3; step 6 is the target, which the caller saves itself
    QCOMPARE(loadCheckpoint(run.savePath, torch::kCPU)->step, int64_t{3});

    // A stop asked for after step 7 ends the run there, whatever the target.
    bool stop = false;
    TrainingRun stopping;
    stopping.target = [] { return int64_t{100}; };
    stopping.stopRequested = [&] { return stop; };
    stopping.afterStep = [&](const StepStats& s) { stop = s.step >= 7; };
    QVERIFY(runTraining(trainer, stopping));
    QCOMPARE(trainer.stepCount(), int64_t{7});

    // A failed step ends the run with its reason.
    Trainer empty(c, torch::kCPU); // no data set
    stop = false;
    const auto failed = runTraining(empty, stopping);
    QVERIFY(!failed);
    QVERIFY2(QString::fromStdString(failed.error()).contains(QStringLiteral("data set")), failed.error().c_str());
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
