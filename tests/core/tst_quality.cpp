// Sample quality: the Fréchet distance against closed forms, the shipped classifier on real
// Fashion-MNIST images, real images near the floor and noise far above it, the sample→classifier
// converter against fitToModel, the whole measurement with an exact denoiser, and broken files.
#include "checkpoint.h"
#include "classifier.h"
#include "dataset.h"
#include "oracle.h"
#include "quality.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <set>

using namespace ddpm;

namespace {

const std::string kShippedClassifier = DDPM_SOURCE_DIR "/resources/models/fashion-mnist-classifier.ckpt";

FeatureStats gaussian(const torch::Tensor& mean, const torch::Tensor& cov)
{
    return FeatureStats{mean.to(torch::kFloat64), cov.to(torch::kFloat64), 1000};
}

// A random rotation: the Q of a QR decomposition of a Gaussian matrix.
torch::Tensor randomRotation(int64_t n, at::Generator& g)
{
    auto a = torch::empty({n, n}, torch::kFloat64).normal_(0.0, 1.0, g);
    return std::get<0>(torch::linalg_qr(a));
}

} // namespace

class TestQuality : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void frechetDiagonal_data();
    void frechetDiagonal();
    void frechetCommutingRotated();
    void frechetNonCommuting2x2();
    void featureStatsRecoverGaussian();
    void converterInvertsPadding_data();
    void converterInvertsPadding();
    void converterRefusesColour();
    void classifierFileRoundTrip();
    void classifierOfOtherClassesRefused();
    void brokenClassifierFiles();
    void trainingIsSeeded();
    void shippedClassifierAccuracy();
    void realNearFloorNoiseFar();
    void referenceProgressFloorAndCancel();
    void measureWithExactDenoiser();

private:
    bool haveData();
    QTemporaryDir m_dir;
    Dataset m_test, m_train;
    Result<TrainedClassifier> m_shipped = Error{"not loaded"};
};

void TestQuality::initTestCase()
{
    QVERIFY(m_dir.isValid());
    torch::set_num_threads(2);
    m_shipped = loadClassifier(kShippedClassifier);
    if (fashionMnistAvailable()) {
        auto test = loadDataSpec("fashion-mnist:test", 1, kClassifierImageSize);
        auto train = loadDataSpec("fashion-mnist:train", 1, kClassifierImageSize);
        QVERIFY2(test && train, test.ok() ? train.error().c_str() : test.error().c_str());
        m_test = test.value();
        m_train = train.value();
    }
}

bool TestQuality::haveData()
{
    return m_test.size() == 10000 && m_train.size() == 60000;
}

void TestQuality::frechetDiagonal_data()
{
    QTest::addColumn<int>("dim");
    QTest::addColumn<bool>("singular"); // some variances exactly 0
    QTest::newRow("1-d") << 1 << false;
    QTest::newRow("5-d") << 5 << false;
    QTest::newRow("128-d") << 128 << false;
    QTest::newRow("128-d rank-deficient") << 128 << true;
}

void TestQuality::frechetDiagonal()
{
    // For diagonal Σ1 = diag(a), Σ2 = diag(b): d² = Σ (μ1 − μ2)² + Σ (√a − √b)².
    QFETCH(int, dim);
    QFETCH(bool, singular);
    auto g = at::detail::createCPUGenerator(7 + dim);
    auto mu1 = torch::empty({dim}, torch::kFloat64).normal_(0.0, 1.0, g);
    auto mu2 = torch::empty({dim}, torch::kFloat64).normal_(0.5, 2.0, g);
    auto a = torch::empty({dim}, torch::kFloat64).uniform_(0.1, 4.0, g);
    auto b = torch::empty({dim}, torch::kFloat64).uniform_(0.1, 4.0, g);
    if (singular && dim > 4)
        a.narrow(0, 0, dim / 4).zero_();
    double expected = 0.0;
    for (int64_t i = 0; i < dim; ++i) {
        const double d = mu1[i].item<double>() - mu2[i].item<double>();
        const double s = std::sqrt(a[i].item<double>()) - std::sqrt(b[i].item<double>());
        expected += d * d + s * s;
    }
    const double got = frechetDistance(gaussian(mu1, torch::diag(a)), gaussian(mu2, torch::diag(b)));
    QVERIFY2(std::abs(got - expected) <= 1e-8 * std::max(1.0, expected),
             qPrintable(QStringLiteral("%1 against %2").arg(got, 0, 'g', 15).arg(expected, 0, 'g', 15)));
    // Symmetric, and zero from a distribution to itself.
    QVERIFY(std::abs(frechetDistance(gaussian(mu2, torch::diag(b)), gaussian(mu1, torch::diag(a))) - expected) <=
            1e-8 * std::max(1.0, expected));
    QVERIFY(frechetDistance(gaussian(mu1, torch::diag(a)), gaussian(mu1, torch::diag(a))) < 1e-9);
}

void TestQuality::frechetCommutingRotated()
{
    // Σ1 = Q diag(a) Qᵀ and Σ2 = Q diag(b) Qᵀ commute: the distance is that of the diagonal case.
    const int64_t n = 16;
    auto g = at::detail::createCPUGenerator(3);
    auto q = randomRotation(n, g);
    auto a = torch::empty({n}, torch::kFloat64).uniform_(0.05, 3.0, g);
    auto b = torch::empty({n}, torch::kFloat64).uniform_(0.05, 3.0, g);
    auto mu1 = torch::empty({n}, torch::kFloat64).normal_(0.0, 1.0, g);
    auto mu2 = torch::empty({n}, torch::kFloat64).normal_(0.0, 1.0, g);
    const double expected = (mu1 - mu2).pow(2).sum().item<double>() + (a.sqrt() - b.sqrt()).pow(2).sum().item<double>();
    const auto s1 = q.mm(torch::diag(a)).mm(q.t()), s2 = q.mm(torch::diag(b)).mm(q.t());
    const double got = frechetDistance(gaussian(mu1, s1), gaussian(mu2, s2));
    QVERIFY2(std::abs(got - expected) < 1e-8 * expected,
             qPrintable(QStringLiteral("%1 against %2").arg(got, 0, 'g', 15).arg(expected, 0, 'g', 15)));
}

void TestQuality::frechetNonCommuting2x2()
{
    // For 2×2 M ⪰ 0, tr √M = √(tr M + 2√det M); with M = Σ1^½ Σ2 Σ1^½: tr M = tr Σ1Σ2 and
    // det M = det Σ1 · det Σ2. Σ1 and Σ2 below do not commute.
    auto s1 = torch::tensor({2.0, 0.7, 0.7, 1.0}, torch::kFloat64).view({2, 2});
    auto s2 = torch::tensor({0.5, -0.3, -0.3, 3.0}, torch::kFloat64).view({2, 2});
    QVERIFY(!torch::allclose(s1.mm(s2), s2.mm(s1)));
    auto mu1 = torch::tensor({0.3, -1.0}, torch::kFloat64), mu2 = torch::tensor({1.0, 2.0}, torch::kFloat64);
    const double det1 = 2.0 * 1.0 - 0.49, det2 = 0.5 * 3.0 - 0.09;
    const double trProduct = s1.mm(s2).trace().item<double>();
    const double expected = 0.49 + 9.0 + 3.0 + 3.5 - 2.0 * std::sqrt(trProduct + 2.0 * std::sqrt(det1 * det2));
    const double got = frechetDistance(gaussian(mu1, s1), gaussian(mu2, s2));
    QVERIFY2(std::abs(got - expected) < 1e-10,
             qPrintable(QStringLiteral("%1 against %2").arg(got, 0, 'g', 15).arg(expected, 0, 'g', 15)));
}

void TestQuality::featureStatsRecoverGaussian()
{
    // Draws x = μ + L z from N(μ, L Lᵀ) recover μ and Σ.
    const int64_t n = 8, draws = 40000;
    auto g = at::detail::createCPUGenerator(11);
    auto mu = torch::empty({n}, torch::kFloat64).normal_(0.0, 2.0, g);
    auto l = torch::empty({n, n}, torch::kFloat64).normal_(0.0, 0.5, g).tril() + torch::eye(n, torch::kFloat64);
    auto sigma = l.mm(l.t());
    auto z = torch::empty({draws, n}, torch::kFloat64).normal_(0.0, 1.0, g);
    auto x = (mu + z.mm(l.t())).to(torch::kFloat32); // features come as float32
    const auto s = featureStats(x);
    QCOMPARE(s.count, draws);
    QCOMPARE(s.mean.scalar_type(), torch::kFloat64);
    QCOMPARE(s.cov.sizes(), sigma.sizes());
    QVERIFY2((s.mean - mu).abs().max().item<double>() < 0.05, "mean");
    QVERIFY2((s.cov - sigma).abs().max().item<double>() < 0.1 * sigma.abs().max().item<double>(), "covariance");
    // Unbiased: two points give (x1 − x2)(x1 − x2)ᵀ / 2.
    auto two = torch::tensor({1.0, 2.0, 4.0, -2.0}, torch::kFloat64).view({2, 2});
    auto d = (two[0] - two[1]).view({2, 1});
    QVERIFY(torch::allclose(featureStats(two).cov, d.mm(d.t()) / 2.0));
    // The distance of the estimate from the truth is small against the distance between the two.
    const double self = frechetDistance(s, gaussian(mu, sigma));
    QVERIFY2(self < 0.01, qPrintable(QString::number(self)));
}

void TestQuality::converterInvertsPadding_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("28 as it is") << 28;
    QTest::newRow("32 reference preset") << 32;
    QTest::newRow("33 odd padding") << 33;
    QTest::newRow("64") << 64;
}

void TestQuality::converterInvertsPadding()
{
    // fitToModel pads 28×28 images to the model's size; a sample equal to such an image comes back as the
    // original image, also when it is off by less than half a grey level (quantised like a PNG).
    QFETCH(int, size);
    const Dataset original = haveData() ? Dataset{"test", m_test.images.narrow(0, 0, 16), {}, {}}
                                        : makeSyntheticShapes(16, 1, kClassifierImageSize, 5);
    const Dataset fitted = fitToModel(original, 1, size);
    QCOMPARE(fitted.height(), int64_t(size));
    auto g = at::detail::createCPUGenerator(1);
    auto wobble = torch::empty(fitted.images.sizes(), torch::kFloat32).uniform_(-0.45, 0.45, g) / 127.5;
    const auto samples = fitted.images.to(torch::kFloat32) / 127.5 - 1.0 + wobble;
    auto input = classifierInputFromSamples(samples);
    QVERIFY2(input, input.ok() ? "" : input.error().c_str());
    QCOMPARE(input->sizes(), torch::IntArrayRef({16, 1, 28, 28}));
    QVERIFY(torch::equal(input.value(), classifierInputFromBytes(original.images)));
    QVERIFY(torch::equal(quantiseLikePng(samples), fitted.images));
    // The same through the bytes a PNG would hold.
    QVERIFY(torch::equal(classifierInputFromModelBytes(fitted.images).value(), input.value()));
    QCOMPARE(input->min().item<float>() >= -1.0f && input->max().item<float>() <= 1.0f, true);
}

void TestQuality::converterRefusesColour()
{
    auto colour = classifierInputFromSamples(torch::zeros({2, 3, 32, 32}));
    QVERIFY(!colour);
    QVERIFY2(colour.error().find("grey") != std::string::npos, colour.error().c_str());
    QVERIFY(!classifierInputFromSamples(torch::zeros({2, 1, 32, 30})));
    QVERIFY(!classifierInputFromSamples(torch::zeros({32, 32})));
    // A smaller model's images are resampled up to 28×28.
    auto small = classifierInputFromSamples(torch::zeros({2, 1, 16, 16}));
    QVERIFY(small);
    QCOMPARE(small->sizes(), torch::IntArrayRef({2, 1, 28, 28}));
}

void TestQuality::classifierFileRoundTrip()
{
    auto g = at::detail::createCPUGenerator(2);
    TrainedClassifier c;
    c.net = Classifier(ClassifierOptions().width(8).features(16));
    c.net->initialise(g);
    c.classNames = fashionMnistClassNames();
    c.testAccuracy = 0.5;
    c.testCount = 123;
    const auto path = m_dir.filePath(QStringLiteral("small.ckpt")).toStdString();
    QVERIFY(saveClassifier(c, path));
    auto loaded = loadClassifier(path);
    QVERIFY2(loaded, loaded.ok() ? "" : loaded.error().c_str());
    QCOMPARE(loaded->classNames, c.classNames);
    QCOMPARE(loaded->testAccuracy, 0.5);
    QCOMPARE(loaded->testCount, int64_t(123));
    QCOMPARE(loaded->net->options().width(), int64_t(8));
    auto x = torch::rand({5, 1, 28, 28}, torch::kFloat32) * 2 - 1;
    const auto a = c.classify(x, 2), b = loaded->classify(x, 2), whole = loaded->classify(x);
    QVERIFY(torch::equal(a.features, b.features));
    QVERIFY(torch::equal(a.probabilities, b.probabilities));
    QVERIFY(torch::allclose(whole.features, b.features, 1e-4, 1e-5)); // the batch changes the rounding only
    QCOMPARE(a.features.sizes(), torch::IntArrayRef({5, 16}));
    QVERIFY(torch::allclose(a.probabilities.sum(1), torch::ones({5})));
}

void TestQuality::classifierOfOtherClassesRefused()
{
    // Digits' classifier: its features mean nothing for clothes, and the reference refuses it before any
    // image goes through it (the command and the studio alike); Fashion-MNIST's own is the control.
    auto g = at::detail::createCPUGenerator(3);
    TrainedClassifier c;
    c.net = Classifier(ClassifierOptions().width(8).features(16));
    c.net->initialise(g);
    c.classNames = numberedClassNames(10);
    const auto refused = checkFashionMnistClassifier(c, "digits.ckpt");
    QVERIFY(!refused);
    QVERIFY2(refused.error().find("'digits.ckpt' classifies other classes than Fashion-MNIST's (its first: 0)") !=
                 std::string::npos,
             refused.error().c_str());
    int calls = 0;
    const auto reference = fashionMnistReference(c, 10, 0, [&calls](int64_t, int64_t) { ++calls; });
    QVERIFY(!reference);
    QVERIFY2(reference.error().find("other classes") != std::string::npos, reference.error().c_str());
    QCOMPARE(calls, 0);
    c.classNames = fashionMnistClassNames();
    QVERIFY(checkFashionMnistClassifier(c, "fashion.ckpt"));
}

void TestQuality::brokenClassifierFiles()
{
    auto g = at::detail::createCPUGenerator(2);
    TrainedClassifier c;
    c.net = Classifier(ClassifierOptions().width(8).features(16));
    c.net->initialise(g);
    c.classNames = fashionMnistClassNames();
    const auto good = m_dir.filePath(QStringLiteral("good.ckpt"));
    QVERIFY(saveClassifier(c, good.toStdString()));
    QFile in(good);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    auto write = [&](const QString& name, const QByteArray& data) {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(data);
        return f.fileName().toStdString();
    };
    auto expectFailure = [](const std::string& path, const char* words) {
        auto r = loadClassifier(path);
        QVERIFY2(!r, path.c_str());
        QVERIFY2(r.error().find(words) != std::string::npos, r.error().c_str());
    };
    expectFailure(write(QStringLiteral("truncated.ckpt"), bytes.left(bytes.size() / 2)), "truncated");
    expectFailure(write(QStringLiteral("garbage.ckpt"), QByteArray(4096, '\x5a')), "not a DDPM Studio");
    expectFailure(write(QStringLiteral("empty.ckpt"), QByteArray()), "empty.ckpt");
    expectFailure(m_dir.filePath(QStringLiteral("absent.ckpt")).toStdString(), "absent.ckpt");
    QByteArray flipped = bytes;
    flipped[flipped.size() - 100] = static_cast<char>(flipped[flipped.size() - 100] ^ 0x10);
    expectFailure(write(QStringLiteral("flipped.ckpt"), flipped), "checksum");

    // Valid containers that are not classifiers, or whose weights do not fit what they describe.
    CheckpointWriter model("ddpm-studio-checkpoint");
    const auto modelPath = m_dir.filePath(QStringLiteral("model.ckpt")).toStdString();
    QVERIFY(model.write(modelPath));
    expectFailure(modelPath, "not a classifier");

    CheckpointWriter wrong("ddpm-studio-classifier");
    wrong.value("classifier.width", int64_t{16}); // the weights are width 8
    wrong.value("classifier.features", int64_t{16});
    wrong.value("classifier.classes", int64_t{10});
    wrong.value("image_size", int64_t{28});
    wrong.value("class_names", std::string("a\nb\nc\nd\ne\nf\ng\nh\ni\nj"));
    wrong.value("test_accuracy", 0.5);
    wrong.module("weights", *c.net);
    const auto wrongPath = m_dir.filePath(QStringLiteral("wrong.ckpt")).toStdString();
    QVERIFY(wrong.write(wrongPath));
    expectFailure(wrongPath, "do not match");

    CheckpointWriter incomplete("ddpm-studio-classifier");
    const auto incompletePath = m_dir.filePath(QStringLiteral("incomplete.ckpt")).toStdString();
    QVERIFY(incomplete.write(incompletePath));
    expectFailure(incompletePath, "incomplete");
}

void TestQuality::trainingIsSeeded()
{
    // A few steps on synthetic shapes (four classes): the same seed gives the same weights, another seed
    // others; a raised cancel flag stops it with a message; wrong data is refused.
    const Dataset shapes = makeSyntheticShapes(256, 1, kClassifierImageSize, 9);
    ClassifierTrainOptions o;
    o.net.width(4).features(8).classes(4);
    o.epochs = 1;
    o.batch = 64;
    auto a = trainClassifier(shapes, shapes, o);
    auto b = trainClassifier(shapes, shapes, o);
    o.seed = 1;
    auto c = trainClassifier(shapes, shapes, o);
    QVERIFY2(a && b && c, a.ok() ? "" : a.error().c_str());
    const auto pa = a->net->parameters(), pb = b->net->parameters(), pc = c->net->parameters();
    bool differs = false;
    for (size_t i = 0; i < pa.size(); ++i) {
        QVERIFY(torch::equal(pa[i], pb[i]));
        differs = differs || !torch::equal(pa[i], pc[i]);
    }
    QVERIFY(differs);
    QCOMPARE(a->classNames.size(), size_t(4));
    QCOMPARE(a->testCount, int64_t(256));
    // The classes are named as the training set names them (numbers where it names none): `ddpm quality`
    // tells a Fashion-MNIST classifier by its names.
    Dataset named = shapes;
    named.classNames = {"disc", "square", "ring", "bar"};
    QCOMPARE(trainClassifier(named, shapes, o)->classNames, named.classNames);
    Dataset unnamed = shapes;
    unnamed.classNames.clear();
    QCOMPARE(trainClassifier(unnamed, shapes, o)->classNames, (std::vector<std::string>{"0", "1", "2", "3"}));

    std::atomic<bool> cancel{true};
    auto cancelled = trainClassifier(shapes, shapes, o, {}, &cancel);
    QVERIFY(!cancelled);
    QVERIFY2(cancelled.error().find("cancelled") != std::string::npos, cancelled.error().c_str());
    QVERIFY(!trainClassifier(makeSyntheticShapes(16, 1, 32, 1), shapes, o)); // 32×32
    QVERIFY(!trainClassifier(shapes, Dataset{"unlabelled", shapes.images, {}, {}}, o));
}

void TestQuality::shippedClassifierAccuracy()
{
    QVERIFY2(m_shipped, m_shipped.ok() ? "" : m_shipped.error().c_str());
    QCOMPARE(m_shipped->classNames, fashionMnistClassNames());
    QVERIFY(m_shipped->testAccuracy >= 0.90);
    if (!haveData())
        QSKIP("Fashion-MNIST is not installed (/usr/share/datasets/fashion-mnist; dataset-fashion-mnist)");
    // 200 test images spread over the set.
    const auto pick = torch::arange(0, 10000, 50, torch::kInt64);
    const Dataset some{"some", m_test.images.index_select(0, pick), m_test.labels.index_select(0, pick), {}};
    const double accuracy = classifierAccuracy(m_shipped.value(), some);
    QVERIFY2(accuracy >= 0.85, qPrintable(QString::number(accuracy)));
    const auto features = m_shipped->features(classifierInputFromBytes(some.images));
    QCOMPARE(features.sizes(), torch::IntArrayRef({200, 128}));
    QVERIFY(features.min().item<float>() >= 0.0f); // after a ReLU
}

void TestQuality::realNearFloorNoiseFar()
{
    QVERIFY2(m_shipped, m_shipped.ok() ? "" : m_shipped.error().c_str());
    if (!haveData())
        QSKIP("Fashion-MNIST is not installed (/usr/share/datasets/fashion-mnist; dataset-fashion-mnist)");
    const int64_t n = 500;
    auto reference = makeQualityReference(m_shipped.value(), m_test, m_train, n, 1);
    QVERIFY2(reference, reference.ok() ? "" : reference.error().c_str());
    QCOMPARE(reference->floorCount, n);
    QCOMPARE(reference->test.count, int64_t(10000));
    const double floor = reference->fidFloor;
    QVERIFY2(floor > 0.0, qPrintable(QString::number(floor)));

    // Another 500 training images, drawn independently of the floor's.
    const auto pick = torch::arange(59999, 59999 - 2 * n, -2, torch::kInt64);
    const auto real = featureStats(m_shipped->features(classifierInputFromBytes(m_train.images.index_select(0, pick))));
    const double fidReal = frechetDistance(real, reference->test);
    auto g = at::detail::createCPUGenerator(4);
    const auto uniform = torch::empty({n, 1, 28, 28}).uniform_(-1.0, 1.0, g);
    const auto normal = torch::empty({n, 1, 28, 28}).normal_(0.0, 0.5, g).clamp(-1.0, 1.0);
    const double fidUniform = frechetDistance(
        featureStats(m_shipped->features(classifierInputFromSamples(uniform).value())), reference->test);
    const double fidNormal =
        frechetDistance(featureStats(m_shipped->features(classifierInputFromSamples(normal).value())), reference->test);
    qInfo("floor %.3f, real %.3f, uniform noise %.1f, gaussian noise %.1f", floor, fidReal, fidUniform, fidNormal);
    QVERIFY(fidReal < 1.5 * floor && fidReal > floor / 1.5);
    QVERIFY(fidUniform > 20.0 * floor);
    QVERIFY(fidNormal > 20.0 * floor);

    // The reference refuses what it cannot use.
    QVERIFY(!makeQualityReference(m_shipped.value(), m_test, m_train, 1, 0));
    QVERIFY(!makeQualityReference(m_shipped.value(), m_test, m_train, 60001, 0));
    QVERIFY(!makeQualityReference(m_shipped.value(), fitToModel(m_test, 1, 32), m_train, n, 0));
}

void TestQuality::referenceProgressFloorAndCancel()
{
    // Small sets keep it quick: 1,000 test and 3,000 training images, more than one chunk each.
    QVERIFY2(m_shipped, m_shipped.ok() ? "" : m_shipped.error().c_str());
    const auto& classifier = m_shipped.value();
    const Dataset test = makeSyntheticShapes(1000, 1, kClassifierImageSize, 5);
    const Dataset train = makeSyntheticShapes(3000, 1, kClassifierImageSize, 6);
    std::vector<int64_t> seen;
    int64_t totalSeen = 0;
    auto full = makeQualityReference(classifier, test, train, 300, 1, [&](int64_t done, int64_t total) {
        seen.push_back(done);
        totalSeen = total;
    });
    QVERIFY2(full, full.ok() ? "" : full.error().c_str());
    // 4,000 images described, then 1,000 test images' nearest training images found.
    QCOMPARE(totalSeen, int64_t(5000));
    QVERIFY(seen.size() >= 4);
    QVERIFY(std::find(seen.begin(), seen.end(), int64_t(4000)) != seen.end());
    QCOMPARE(seen.back(), int64_t(5000));
    QVERIFY(std::adjacent_find(seen.begin(), seen.end(), std::greater_equal<>()) == seen.end()); // rising
    // Described a chunk at a time, the features are those of one pass of the classifier.
    QVERIFY(torch::equal(full->memorisation.train, classifier.features(classifierInputFromBytes(train.images))));

    // Another floor from the kept features is the floor a fresh reference draws; the rest stays.
    auto other = withFloor(full.value(), 500, 2);
    auto fresh = makeQualityReference(classifier, test, train, 500, 2);
    QVERIFY(other && fresh);
    QCOMPARE(other->floorCount, int64_t(500));
    QCOMPARE(other->fidFloor, fresh->fidFloor);
    QVERIFY(other->fidFloor != full->fidFloor);
    QCOMPARE(other->memorisation.threshold, full->memorisation.threshold);
    QVERIFY(torch::equal(other->test.cov, full->test.cov));
    QVERIFY(!withFloor(full.value(), 3001));
    QVERIFY(!withFloor(full.value(), 1));
    QVERIFY(!withFloor(QualityReference{}, 10));

    // Cancelled after the first chunk: no reference, and the failure says it was cancelled.
    std::atomic<bool> cancel{false};
    int calls = 0;
    auto stopped = makeQualityReference(
        classifier, test, train, 300, 1,
        [&](int64_t, int64_t) {
            ++calls;
            cancel = true;
        },
        &cancel);
    QVERIFY(!stopped);
    QVERIFY(isCancelled(stopped.failure()));
    QCOMPARE(calls, 1);
    // Cancelled once every image is described: the nearest-image phase stops too.
    cancel = false;
    int64_t last = 0;
    auto late = makeQualityReference(
        classifier, test, train, 300, 1,
        [&](int64_t done, int64_t) {
            last = done;
            if (done == 4000)
                cancel = true;
        },
        &cancel);
    QVERIFY(!late);
    QVERIFY(isCancelled(late.failure()));
    QCOMPARE(last, int64_t(4000));
}

void TestQuality::measureWithExactDenoiser()
{
    // A model that knows only one image (the exact denoiser of a one-image data set) makes that image
    // every time: every sample lands in its class, the features have no spread, and the distance is
    // |μ − μ_test|² + tr Σ_test. The images do not depend on the chunk size.
    QVERIFY2(m_shipped, m_shipped.ok() ? "" : m_shipped.error().c_str());
    const Dataset one = haveData() ? Dataset{"one", m_test.images.narrow(0, 1, 1), m_test.labels.narrow(0, 1, 1), {}}
                                   : makeSyntheticShapes(1, 1, kClassifierImageSize, 3);
    const auto padded = fitToModel(one, 1, 32).images.to(torch::kFloat32) / 127.5 - 1.0;
    Diffusion diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    const auto denoiser = singleImageOracle(diffusion, padded[0]);
    const auto& classifier = m_shipped.value();
    const auto expectedInput = classifierInputFromBytes(one.images);
    const auto expected = classifier.classify(expectedInput);
    const int64_t predicted = expected.probabilities.argmax(1).item<int64_t>();

    QualityReference reference;
    reference.test = haveData() ? featureStats(classifier.features(classifierInputFromBytes(m_test.images)))
                                : featureStats(classifier.features(torch::rand({64, 1, 28, 28}) * 2 - 1));
    reference.fidFloor = 2.0;
    reference.floorCount = 24;
    // A training set that holds the one image (as row 3) among others: every sample is a copy of it.
    const auto others = haveData() ? m_test.images.narrow(0, 100, 40) : makeSyntheticShapes(40, 1, 28, 4).images;
    const auto heldOut = haveData() ? m_test.images.narrow(0, 200, 40) : makeSyntheticShapes(40, 1, 28, 5).images;
    reference.trainImages = torch::cat({others.narrow(0, 0, 3), one.images, others.narrow(0, 3, 37)});
    reference.memorisation =
        makeMemorisationReference(classifier.features(classifierInputFromBytes(reference.trainImages)),
                                  classifier.features(classifierInputFromBytes(heldOut)), 0.01);
    QualityOptions o;
    o.count = 24;
    o.sampler.ddimSteps = 10;
    o.batch = 7;
    int calls = 0, lastDone = 0, lastTotal = 0;
    auto report = measureQuality(diffusion, denoiser, {1, 32, 32}, classifier, reference, o, [&](int done, int total) {
        ++calls;
        QVERIFY(done > lastDone);
        lastDone = done;
        lastTotal = total;
    });
    QVERIFY2(report, report.ok() ? "" : report.error().c_str());
    QCOMPARE(lastDone, 24 * 10);
    QCOMPARE(lastTotal, 24 * 10);
    QCOMPARE(calls, 4 * 10); // chunks of 7, 7, 7 and 3, ten steps each
    QCOMPARE(report->count, 24);
    QCOMPARE(report->sampler, std::string("ddim"));
    QCOMPARE(report->steps, 10);
    QCOMPARE(report->classCounts[static_cast<size_t>(predicted)], int64_t(24));
    QCOMPARE(report->classShares[static_cast<size_t>(predicted)], 1.0);
    QVERIFY(std::abs(report->meanConfidence - expected.probabilities.max().item<double>()) < 1e-6);
    const auto& test = reference.test;
    const auto d = expected.features[0].to(torch::kFloat64) - test.mean;
    const double closedForm = d.dot(d).item<double>() + test.cov.trace().item<double>();
    QVERIFY2(std::abs(report->fid - closedForm) < 1e-6 * closedForm,
             qPrintable(QStringLiteral("%1 against %2").arg(report->fid).arg(closedForm)));
    QCOMPARE(report->ratio, report->fid / 2.0);
    // The closest pairs as images: the samples as the classifier saw them, and the copied image as the
    // nearest training image both in features and in pixels.
    QCOMPARE(report->memorisation.share, 1.0);
    QCOMPARE(report->closestSamples.size(0), int64_t(report->memorisation.closest.size()));
    QCOMPARE(report->closestInPixels.front().train, int64_t(3));
    QCOMPARE(report->memorisation.closest.front().train, int64_t(3));
    QVERIFY(report->closestTrain[0].equal(one.images[0]));
    QVERIFY(report->closestTrainInPixels[0].equal(one.images[0]));
    const auto sampleGreys = report->closestSamples[0].to(torch::kInt32) - one.images[0].to(torch::kInt32);
    QVERIFY2(sampleGreys.abs().max().item<int>() <= 2, "the sample is the one image, to the rounding of grey levels");
    // Any image's nearest training images: the one image finds itself first at distance 0 in both spaces,
    // then another; the images handed back are those rows of the training set.
    const auto input = classifierInputFromBytes(one.images);
    const auto near = nearestTrainingImages(reference, input, classifier.features(input), 2);
    QCOMPARE(near.inPixels.index.sizes(), (std::vector<int64_t>{1, 2}));
    QCOMPARE(near.inPixels.index[0][0].item<int64_t>(), int64_t(3));
    QCOMPARE(near.inFeatures.index[0][0].item<int64_t>(), int64_t(3));
    QCOMPARE(near.inPixels.distance[0][0].item<double>(), 0.0);
    QVERIFY(near.inPixels.distance[0][1].item<double>() > 0.0);
    QVERIFY(near.samples[0].equal(one.images[0]));
    QVERIFY(near.pixelImages[0][1].equal(reference.trainImages[near.inPixels.index[0][1].item<int64_t>()]));
    QVERIFY(near.featureImages[0][0].equal(one.images[0]));
    // With the threshold the measurement counts against, for the lookup to show the distances' scale.
    QCOMPARE(near.featureThreshold, reference.memorisation.threshold);
    QCOMPARE(near.featurePercentile, reference.memorisation.percentile);
    QVERIFY(std::isfinite(near.featureThreshold) && near.featureThreshold > 0);
    QVERIFY(report->secondsPerImage > 0.0);

    o.batch = 24; // one chunk: the same images
    auto whole = measureQuality(diffusion, denoiser, {1, 32, 32}, classifier, reference, o);
    QVERIFY(whole);
    QCOMPARE(whole->fid, report->fid);

    // Cancelled, a floor of another count, a colour model: failures, the first one recognisable.
    std::atomic<bool> cancel{true};
    auto cancelled = measureQuality(diffusion, denoiser, {1, 32, 32}, classifier, reference, o, {}, &cancel);
    QVERIFY(!cancelled);
    QVERIFY(isCancelled(cancelled.failure()));
    o.count = 25;
    auto otherCount = measureQuality(diffusion, denoiser, {1, 32, 32}, classifier, reference, o);
    QVERIFY(!otherCount && !isCancelled(otherCount.failure()));
    o.count = 24;
    QVERIFY(!measureQuality(diffusion, denoiser, {3, 32, 32}, classifier, reference, o));

    // The sweep a chart draws.
    const auto sweep = qualitySweep();
    QCOMPARE(sweep.size(), size_t(10));
    const int ddimSteps[] = {10, 20, 50, 100, 250};
    for (size_t i = 0; i < 5; ++i) {
        QCOMPARE(sweep[i].kind, SamplerKind::Ddim);
        QCOMPARE(sweep[i].ddimSteps, ddimSteps[i]);
        QCOMPARE(sweep[i].eta, 0.0);
    }
    QCOMPARE(sweep[5].kind, SamplerKind::Ddpm);
    SamplerOptions trailing = defaultQualitySampler(); // the base's spacing reaches every row (DDIM's rows use it)
    trailing.spacing = TimestepSpacing::Trailing;
    for (const auto& sweepOf : {qualitySweep(trailing), guidanceSweep(trailing)})
        for (const auto& row : sweepOf)
            QCOMPARE(row.spacing, TimestepSpacing::Trailing);
    // The Langevin rows at about 100 and 250 network evaluations (T = 1000): a corrector after DDIM steps,
    // then annealed Langevin.
    const int64_t budgets[] = {99, 249, 101, 251}; // annealed Langevin: its levels and the final denoising step
    for (size_t i = 6; i < 10; ++i) {
        QCOMPARE(samplerEvaluations(sweep[i], 1000), budgets[i - 6]);
        QCOMPARE(sweep[i].kind, i < 8 ? SamplerKind::Ddim : SamplerKind::Langevin);
        QCOMPARE(sweep[i].corrector, i < 8 ? CorrectorKind::Langevin : CorrectorKind::None);
    }
    // A model of T = 100 runs what fits in 100 steps, each once: DDIM 10 … 100, DDPM, the corrector after
    // 50 DDIM steps and annealed Langevin on 100 levels; the 250-step and 125-level rows are left out.
    QCOMPARE(runsFitting(sweep, 1000).size(), sweep.size());
    const auto fitting = runsFitting(sweep, 100);
    QCOMPARE(fitting.size(), size_t(7));
    for (const auto& run : fitting)
        QVERIFY(run.kind == SamplerKind::Ddpm || (run.ddimSteps >= 1 && run.ddimSteps <= 100));
    QCOMPARE(fitting[3].ddimSteps, 100);
    QCOMPARE(fitting[4].kind, SamplerKind::Ddpm);
    QCOMPARE(fitting[5].corrector, CorrectorKind::Langevin);
    QCOMPARE(fitting[6].kind, SamplerKind::Langevin);
    QCOMPARE(fitting[6].ddimSteps, 100);
    // One JSON object and a CSV row as long as its header.
    const auto json = nlohmann::json::parse(qualityReportToJson(report.value()));
    QVERIFY(json.is_object());
    QCOMPARE(json.at("fid_floor").get<double>(), report->fidFloor);
    QCOMPARE(json.at("class_shares").size(), report->classShares.size());
    const auto header = qualityCsvHeader(report->classNames), row = qualityReportToCsvRow(report.value());
    QCOMPARE(std::count(header.begin(), header.end(), ','), std::count(row.begin(), row.end(), ','));
    // Each column holds the JSON's value of its name (6 significant digits), so no two are swapped; the
    // class shares follow in the JSON's order.
    const QStringList names = QString::fromStdString(header).trimmed().split(QLatin1Char(',')),
                      cells = QString::fromStdString(row).trimmed().split(QLatin1Char(','));
    QCOMPARE(cells.size(), names.size());
    const auto agrees = [](double got, double want) { return std::abs(got - want) <= 5e-6 * std::abs(want) + 1e-12; };
    int compared = 0, shares = 0;
    for (int i = 0; i < names.size(); ++i) {
        const std::string key = names[i].toStdString();
        const auto& value = names[i].startsWith(QLatin1String("share ")) ? json.at("class_shares").at(shares++)
                            : json.contains(key)                         ? json.at(key)
                                                                         : nlohmann::json();
        if (value.is_number()) {
            QVERIFY2(agrees(cells[i].toDouble(), value.get<double>()),
                     qPrintable(names[i] + QStringLiteral(": ") + cells[i]));
            ++compared;
        } else if (value.is_string()) {
            QCOMPARE(cells[i].toStdString(), value.get<std::string>());
        }
    }
    QVERIFY2(compared >= 8 && shares == static_cast<int>(report->classShares.size()), qPrintable(names.join(',')));
    QVERIFY(report->fid != report->fidFloor && report->meanConfidence != report->secondsPerImage); // a swap shows
    QCOMPARE(cells[names.indexOf(QStringLiteral("spacing"))], QStringLiteral("linspace"));

    // DDIM's timestep spacing reaches the sampler and is reported: trailing's ten steps are from t = 1000,
    // 900, …, 100 (network inputs t − 1), linspace's last from t = 1. Other samplers report none.
    for (const auto spacing : {TimestepSpacing::Linspace, TimestepSpacing::Trailing}) {
        std::set<int64_t> seen;
        const Denoiser recording = [&](const torch::Tensor& x, const torch::Tensor& tIndex) {
            seen.insert(tIndex.min().item<int64_t>());
            return denoiser(x, tIndex);
        };
        QualityOptions few = o;
        few.sampler.spacing = spacing;
        const auto r = measureQuality(diffusion, recording, {1, 32, 32}, classifier, reference, few);
        QVERIFY2(r, r.ok() ? "" : r.error().c_str());
        QCOMPARE(seen.size(), size_t(10));
        QCOMPARE(*seen.rbegin(), int64_t(999));
        QCOMPARE(*seen.begin(), spacing == TimestepSpacing::Trailing ? int64_t(99) : int64_t(0));
        QCOMPARE(r->spacing, timestepSpacingName(spacing));
        QCOMPARE(nlohmann::json::parse(qualityReportToJson(r.value())).at("spacing").get<std::string>(), r->spacing);
        QVERIFY(QString::fromStdString(qualityReportToCsvRow(r.value()))
                    .startsWith(QStringLiteral("ddim,10,0,%1,").arg(QString::fromStdString(r->spacing))));
    }
    QualityOptions ddpm = o;
    ddpm.sampler.kind = SamplerKind::Ddpm;
    ddpm.sampler.spacing = TimestepSpacing::Trailing; // DDPM takes every step: no spacing to report
    Diffusion shortRun(NoiseSchedule([] {
                           ScheduleOptions s;
                           s.steps = 20;
                           return s;
                       }()),
                       Prediction::Epsilon);
    const auto plain =
        measureQuality(shortRun, singleImageOracle(shortRun, padded[0]), {1, 32, 32}, classifier, reference, ddpm);
    QVERIFY2(plain, plain.ok() ? "" : plain.error().c_str());
    QVERIFY(plain->spacing.empty());
    QVERIFY(!nlohmann::json::parse(qualityReportToJson(plain.value())).contains("spacing"));
    QVERIFY(QString::fromStdString(qualityReportToCsvRow(plain.value())).startsWith(QStringLiteral("ddpm,20,1,,")));
}

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"
