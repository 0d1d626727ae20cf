// Data set parsers: the real Fashion-MNIST, and malformed IDX and CIFAR files refused with a message.
#include "dataset.h"
#include "pixels.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <zlib.h>

using namespace ddpm;

namespace {
std::vector<uint8_t> idx(uint8_t type, std::vector<uint32_t> dims, size_t payload)
{
    std::vector<uint8_t> b{0, 0, type, static_cast<uint8_t>(dims.size())};
    for (auto d : dims)
        for (int s = 24; s >= 0; s -= 8)
            b.push_back(static_cast<uint8_t>(d >> s));
    for (size_t i = 0; i < payload; ++i)
        b.push_back(static_cast<uint8_t>(i * 7));
    return b;
}

void writeFile(const QString& path, const std::vector<uint8_t>& b)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(reinterpret_cast<const char*>(b.data()), static_cast<qint64>(b.size()));
}

void writeGz(const QString& path, const std::vector<uint8_t>& b, size_t keep)
{
    // gzip-compress, then keep only the first `keep` bytes of the compressed stream.
    const QByteArray tmp = (path + QStringLiteral(".full")).toLocal8Bit();
    gzFile g = gzopen(tmp.constData(), "wb");
    gzwrite(g, b.data(), static_cast<unsigned>(b.size()));
    gzclose(g);
    QFile f(QString::fromLocal8Bit(tmp));
    f.open(QIODevice::ReadOnly);
    QByteArray all = f.readAll();
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(all.left(static_cast<qsizetype>(std::min<size_t>(keep, static_cast<size_t>(all.size())))));
}
} // namespace

class TestDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realFashionMnist();
    void malformedIdx_data();
    void malformedIdx();
    void imagesFileGivenAsLabels();
    void idxGzipRoundTripAndTruncation();
    void cifar();
    void malformedCifar();
    void syntheticShapes();
    void pixelsMapLinearlyToModelRange();
    void specsOfTheSameImages();
    void foldersMeanTheirTrainingImages();
    void fitToModel_data();
    void fitToModel();
    void specErrors();

private:
    QTemporaryDir m_dir;
};

void TestDataset::realFashionMnist()
{
    if (!fashionMnistAvailable())
        QSKIP("dataset-fashion-mnist is not installed");
    auto ds = loadMnistDir(fashionMnistDir(), "fashion-mnist");
    QVERIFY2(ds, ds.ok() ? "" : ds.error().c_str());
    QCOMPARE(ds->size(), 70000);
    QCOMPARE(ds->height(), 28);
    QCOMPARE(ds->width(), 28);
    QCOMPARE(ds->channels(), 1);
    QVERIFY(ds->labels.defined());
    QCOMPARE(ds->labels.min().item<int64_t>(), 0);
    QCOMPARE(ds->labels.max().item<int64_t>(), 9);
    // Each class has 7000 images (6000 train + 1000 test).
    auto counts = torch::bincount(ds->labels);
    QCOMPARE(counts.min().item<int64_t>(), 7000);
    QCOMPARE(counts.max().item<int64_t>(), 7000);
    // Real pictures: dark background, bright garments.
    const double mean = ds->images.to(torch::kFloat32).mean().item<double>();
    QVERIFY(mean > 40 && mean < 110);
    // The spec means the 60,000 training images; the 10,000 test images stay out unless asked for.
    auto fitted = loadDataSpec("fashion-mnist", 1, 32);
    QVERIFY(fitted);
    QCOMPARE(fitted->size(), 60000);
    QCOMPARE(fitted->height(), 32);
    QVERIFY(torch::equal(fitted->images[123].narrow(1, 2, 28).narrow(2, 2, 28), ds->images[123]));
    auto train = loadDataSpec("fashion-mnist:train", 1, 28);
    auto test = loadDataSpec("fashion-mnist:test", 1, 28);
    auto all = loadDataSpec("fashion-mnist:all", 1, 28);
    QVERIFY(train && test && all);
    QCOMPARE(train->size(), 60000);
    QCOMPARE(test->size(), 10000);
    QCOMPARE(all->size(), 70000);
    QCOMPARE(torch::bincount(train->labels).min().item<int64_t>(), 6000);
    QCOMPARE(torch::bincount(test->labels).max().item<int64_t>(), 1000);
    // The test split is the tail of the whole set, and no training image is in it.
    QVERIFY(torch::equal(test->images, ds->images.narrow(0, 60000, 10000)));
    QVERIFY(torch::equal(train->images, ds->images.narrow(0, 0, 60000)));
    auto bad = loadDataSpec("fashion-mnist:validation", 1, 28);
    QVERIFY(!bad);
    QVERIFY2(bad.error().find("validation") != std::string::npos, bad.error().c_str());
}

void TestDataset::malformedIdx_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    auto q = [](const std::vector<uint8_t>& v) {
        return QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size()));
    };
    QTest::newRow("wrong magic") << q({0x50, 0x4b, 3, 4, 0, 0, 0, 0}) << QStringLiteral("wrong magic");
    QTest::newRow("tiny") << q({0, 0}) << QStringLiteral("only 2 bytes");
    QTest::newRow("float type") << q(idx(0x0D, {1, 2, 2}, 16)) << QStringLiteral("type 13");
    QTest::newRow("labels not images") << q(idx(0x08, {10}, 10)) << QStringLiteral("holds labels");
    QTest::newRow("four dimensions") << q(idx(0x08, {1, 1, 2, 2}, 4)) << QStringLiteral("4 dimensions");
    QTest::newRow("truncated header") << q({0, 0, 8, 3, 0, 0, 0, 1, 0, 0})
                                      << QStringLiteral("truncated inside its header");
    QTest::newRow("truncated data") << q(idx(0x08, {10, 28, 28}, 5000)) << QStringLiteral("truncated");
    QTest::newRow("sizes disagree") << q(idx(0x08, {2, 4, 4}, 40)) << QStringLiteral("sizes disagree");
    QTest::newRow("absurd count") << q(idx(0x08, {4000000000u, 28, 28}, 10)) << QStringLiteral("impossible size");
    QTest::newRow("absurd side") << q(idx(0x08, {1, 100000, 28}, 10)) << QStringLiteral("impossible size");
    QTest::newRow("zero images") << q(idx(0x08, {0, 28, 28}, 0)) << QStringLiteral("impossible size");
}

void TestDataset::malformedIdx()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    std::vector<uint8_t> b(bytes.begin(), bytes.end());
    auto r = parseIdxImages(b, "test");
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
}

void TestDataset::imagesFileGivenAsLabels()
{
    const auto images = idx(0x08, {2, 2, 2}, 8), labels = idx(0x08, {2}, 2);
    auto wrong = parseIdxLabels(images, "x");
    QVERIFY(!wrong);
    QVERIFY2(QString::fromStdString(wrong.error()).contains(QStringLiteral("holds images, not labels")),
             wrong.error().c_str());
    auto right = parseIdxLabels(labels, "x"); // the control
    QVERIFY2(right, right ? "" : right.error().c_str());
    QCOMPARE(right->size(0), 2);
}

void TestDataset::idxGzipRoundTripAndTruncation()
{
    auto good = idx(0x08, {3, 5, 4}, 60);
    const QString plain = m_dir.filePath(QStringLiteral("plain-idx3-ubyte"));
    const QString gz = m_dir.filePath(QStringLiteral("good.gz"));
    const QString cut = m_dir.filePath(QStringLiteral("cut.gz"));
    writeFile(plain, good);
    writeGz(gz, good, 1 << 20);
    writeGz(cut, good, 30);
    auto a = loadIdx(plain.toStdString());
    auto b = loadIdx(gz.toStdString());
    QVERIFY(a && b);
    QCOMPARE(a->images.sizes(), torch::IntArrayRef({3, 1, 5, 4}));
    QVERIFY(torch::equal(a->images, b->images));
    QCOMPARE(int(a->images[0][0][0][1].item<uint8_t>()), 7);
    auto c = loadIdx(cut.toStdString());
    QVERIFY(!c);
    QVERIFY2(QString::fromStdString(c.error()).contains(QStringLiteral("truncated")), c.error().c_str());
    // Labels must match the images in number.
    const QString labels = m_dir.filePath(QStringLiteral("labels"));
    writeFile(labels, idx(0x08, {4}, 4));
    auto d = loadIdx(plain.toStdString(), labels.toStdString());
    QVERIFY(!d);
    QVERIFY(QString::fromStdString(d.error()).contains(QStringLiteral("4 labels for 3 images")));
}

void TestDataset::cifar()
{
    std::vector<uint8_t> b;
    for (int r = 0; r < 3; ++r) {
        b.push_back(static_cast<uint8_t>(r * 4));
        for (int i = 0; i < 3072; ++i)
            b.push_back(static_cast<uint8_t>(i < 1024 ? 200 : (i < 2048 ? 100 : r)));
    }
    auto ds = parseCifar10(b, "test");
    QVERIFY(ds);
    QCOMPARE(ds->size(), 3);
    QCOMPARE(ds->images.sizes(), torch::IntArrayRef({3, 3, 32, 32}));
    QCOMPARE(ds->labels[2].item<int64_t>(), 8);
    QCOMPARE(int(ds->images[1][0][5][5].item<uint8_t>()), 200); // red plane first
    QCOMPARE(int(ds->images[1][1][5][5].item<uint8_t>()), 100);
    QCOMPARE(int(ds->images[2][2][31][31].item<uint8_t>()), 2);
    const QString dir = m_dir.filePath(QStringLiteral("cifar"));
    QDir().mkpath(dir);
    writeFile(dir + QStringLiteral("/data_batch_1.bin"), b);
    writeFile(dir + QStringLiteral("/data_batch_2.bin"), b);
    auto all = loadDataSpec("cifar10:" + dir.toStdString(), 1, 16);
    QVERIFY2(all, all.ok() ? "" : all.error().c_str());
    QCOMPARE(all->size(), 6);
    QCOMPARE(all->images.sizes(), torch::IntArrayRef({6, 1, 16, 16}));
}

void TestDataset::malformedCifar()
{
    std::vector<uint8_t> b(3073 * 2 + 100, 0);
    auto r = parseCifar10(b, "test");
    QVERIFY(!r);
    QVERIFY(QString::fromStdString(r.error()).contains(QStringLiteral("3073")));
    std::vector<uint8_t> badLabel(3073, 0);
    badLabel[0] = 42;
    r = parseCifar10(badLabel, "test");
    QVERIFY(!r);
    QVERIFY(QString::fromStdString(r.error()).contains(QStringLiteral("label 42")));
    QVERIFY(!parseCifar10({}, "test"));
    QVERIFY(!loadCifar10(m_dir.filePath(QStringLiteral("nothing-here")).toStdString()));
}

void TestDataset::syntheticShapes()
{
    auto a = makeSyntheticShapes(40, 3, 24, 9), b = makeSyntheticShapes(40, 3, 24, 9),
         c = makeSyntheticShapes(40, 3, 24, 10);
    QCOMPARE(a.images.sizes(), torch::IntArrayRef({40, 3, 24, 24}));
    QVERIFY(torch::equal(a.images, b.images));
    QVERIFY(!torch::equal(a.images, c.images));
    // Every image has a shape on a black background: some bright pixels, a black corner region.
    for (int i = 0; i < 40; ++i) {
        QVERIFY(a.images[i].max().item<uint8_t>() >= 110);
        QVERIFY(a.images[i].to(torch::kFloat32).mean().item<double>() < 200);
    }
    QCOMPARE(std::get<0>(torch::_unique(a.labels)).numel(), 4);
}

void TestDataset::pixelsMapLinearlyToModelRange()
{
    // Ho et al. §3.3: level k ↦ −1 + 2k/255, so 0 ↦ −1 and 255 ↦ 1; back by rounding, every level exactly.
    const auto levels = torch::arange(256, torch::kInt64).to(torch::kUInt8);
    const auto x = pixelsToModel(levels);
    QCOMPARE(x.scalar_type(), torch::kFloat32);
    for (int k : {0, 1, 127, 128, 254, 255})
        QVERIFY2(std::abs(x[k].item<double>() - (-1.0 + 2.0 * k / 255.0)) < 1e-6, qPrintable(QString::number(k)));
    QVERIFY(torch::equal(modelToPixels(x), levels));
    // A sample a little off a level rounds to it; outside [−1, 1] clamps; bf16 samples work too.
    const auto off = torch::tensor({-1.5, -1.0 + 0.9 / 255.0, 0.0, 1.0 - 1.1 / 255.0, 3.0}, torch::kFloat32);
    QVERIFY(torch::equal(modelToPixels(off), torch::tensor({0, 0, 128, 254, 255}, torch::kInt64).to(torch::kUInt8)));
    // A bf16 sample is read as the float it holds, not computed in bf16 on the way (whose 8-bit mantissa
    // would move many of a thousand values between levels): it maps as its float32 value does.
    const auto bf16 = torch::linspace(-1.0, 1.0, 1000, torch::kFloat32).to(torch::kBFloat16);
    const auto back = modelToPixels(bf16);
    QCOMPARE(back.scalar_type(), torch::kUInt8);
    QVERIFY(torch::equal(back, modelToPixels(bf16.to(torch::kFloat32))));
}

// An MNIST-style or CIFAR-10 folder holds a training and a test split, as Fashion-MNIST does: its spec means
// the training images unless a split is named, and the held-out spec names the test images.
void TestDataset::foldersMeanTheirTrainingImages()
{
    const QString mnist = m_dir.filePath(QStringLiteral("mnist-splits"));
    QVERIFY(QDir().mkpath(mnist));
    writeFile(mnist + QStringLiteral("/train-images-idx3-ubyte"), idx(0x08, {5, 4, 4}, 80));
    writeFile(mnist + QStringLiteral("/t10k-images-idx3-ubyte"), idx(0x08, {3, 4, 4}, 48));
    const std::string m = "mnist:" + mnist.toStdString();
    const auto sizeOf = [](const std::string& spec) {
        auto ds = loadDataSpec(spec, 1, 4);
        return ds ? ds->size() : -1;
    };
    QCOMPARE(sizeOf(m), 5);
    QCOMPARE(sizeOf(m + ":train"), 5);
    QCOMPARE(sizeOf(m + ":test"), 3);
    QCOMPARE(sizeOf(m + ":all"), 8);
    QCOMPARE(sizeOf(m + ":"), 5); // a colon and nothing after it: no split named
    auto misspelt = loadDataSpec(m + ":tset", 1, 4);
    QVERIFY(!misspelt);
    QVERIFY2(misspelt.error().find("unknown split 'tset'") != std::string::npos, misspelt.error().c_str());
    QVERIFY(sameDataSpec(m, m + ":train"));
    QVERIFY(sameDataSpec(m + ":", m));
    QVERIFY(!sameDataSpec(m, m + ":test"));
    QCOMPARE(heldOutDataSpec(m), m + ":test");
    QCOMPARE(heldOutDataSpec(m + ":train"), m + ":test");
    QVERIFY(heldOutDataSpec(m + ":all").empty()); // a model of both splits has seen every image there is
    QVERIFY(heldOutDataSpec(m + ":test").empty());
    QCOMPARE(folderDataSpec("mnist", mnist.toStdString()), m);
    // A folder of training images only has nothing held out; one of test images only loads them by name.
    const QString trainOnly = m_dir.filePath(QStringLiteral("mnist-train-only"));
    const QString testOnly = m_dir.filePath(QStringLiteral("mnist-test-only"));
    QVERIFY(QDir().mkpath(trainOnly) && QDir().mkpath(testOnly));
    writeFile(trainOnly + QStringLiteral("/train-images-idx3-ubyte"), idx(0x08, {5, 4, 4}, 80));
    writeFile(testOnly + QStringLiteral("/t10k-images-idx3-ubyte"), idx(0x08, {3, 4, 4}, 48));
    QVERIFY(heldOutDataSpec("mnist:" + trainOnly.toStdString()).empty());
    auto onlyTestImages = loadDataSpec("mnist:" + testOnly.toStdString(), 1, 4);
    QVERIFY(!onlyTestImages);
    QVERIFY2(onlyTestImages.error().find("mnist:" + testOnly.toStdString() + ":test") != std::string::npos,
             onlyTestImages.error().c_str());
    QCOMPARE(folderDataSpec("mnist", testOnly.toStdString()), "mnist:" + testOnly.toStdString() + ":test");
    QCOMPARE(sizeOf(folderDataSpec("mnist", testOnly.toStdString())), 3);
    // Labels for the training images only: the training split has its classes; both splits together use
    // none (the test images' are missing, and labels shorter than the images would pair the wrong ones),
    // and the note names the missing file.
    writeFile(mnist + QStringLiteral("/train-labels-idx1-ubyte"), {0, 0, 0x08, 1, 0, 0, 0, 5, 0, 1, 2, 1, 0});
    const auto labelled = loadDataSpec(m + ":train", 1, 4);
    QVERIFY(labelled && labelled->labels.defined());
    QCOMPARE(labelled->labels.size(0), int64_t{5});
    const auto both = loadDataSpec(m + ":all", 1, 4);
    QVERIFY(both);
    QCOMPARE(both->size(), 8);
    QVERIFY(!both->labels.defined());
    QVERIFY2(both->note.find("no labels used") != std::string::npos &&
                 both->note.find("t10k-labels-idx1-ubyte") != std::string::npos,
             both->note.c_str());
    // A folder whose own name ends in ":test" is that folder, not a split.
    const QString named = m_dir.filePath(QStringLiteral("looks-like-a-split:test"));
    QVERIFY(QDir().mkpath(named));
    writeFile(named + QStringLiteral("/train-images-idx3-ubyte"), idx(0x08, {2, 4, 4}, 32));
    QCOMPARE(sizeOf("mnist:" + named.toStdString()), 2);

    std::vector<uint8_t> batch(3073 * 2, 0); // two images, labels 0
    const QString cifar = m_dir.filePath(QStringLiteral("cifar-splits"));
    QVERIFY(QDir().mkpath(cifar));
    writeFile(cifar + QStringLiteral("/data_batch_1.bin"), batch);
    writeFile(cifar + QStringLiteral("/data_batch_2.bin"), batch);
    writeFile(cifar + QStringLiteral("/test_batch.bin"), std::vector<uint8_t>(3073, 0));
    const std::string c = "cifar10:" + cifar.toStdString();
    QCOMPARE(sizeOf(c), 4);
    QCOMPARE(sizeOf(c + ":test"), 1);
    QCOMPARE(sizeOf(c + ":all"), 5);
    QCOMPARE(heldOutDataSpec(c), c + ":test");
    // Images to test on: the test split unless the spec names a split.
    QCOMPARE(testDataSpec(c), c + ":test");
    QCOMPARE(testDataSpec(c + ":train"), c + ":train");
    QCOMPARE(testDataSpec(c + ":all"), c + ":all");
    QCOMPARE(testDataSpec("fashion-mnist"), std::string("fashion-mnist:test"));
    QCOMPARE(testDataSpec("fashion-mnist:train"), std::string("fashion-mnist:train"));
    QCOMPARE(testDataSpec("synthetic:50"), std::string("synthetic:50"));
    QVERIFY(sameDataSpec(c + ":train", c));
    // One batch file is one set of images: no split to name.
    const std::string file = "cifar10:" + (cifar + QStringLiteral("/test_batch.bin")).toStdString();
    QCOMPARE(sizeOf(file), 1);
    QVERIFY(heldOutDataSpec(file).empty()); // one batch: nothing known to be held out
    auto split = loadDataSpec(file + ":test", 1, 4);
    QVERIFY(!split);
    QVERIFY2(split.error().find("is one batch file") != std::string::npos, split.error().c_str());
    // A folder without training images says how to load what it has.
    const QString onlyTest = m_dir.filePath(QStringLiteral("cifar-test-only"));
    QVERIFY(QDir().mkpath(onlyTest));
    writeFile(onlyTest + QStringLiteral("/test_batch.bin"), std::vector<uint8_t>(3073, 0));
    auto none = loadDataSpec("cifar10:" + onlyTest.toStdString(), 1, 4);
    QVERIFY(!none);
    QVERIFY2(none.error().find(":test") != std::string::npos, none.error().c_str());
    QCOMPARE(sizeOf("cifar10:" + onlyTest.toStdString() + ":test"), 1);
    QCOMPARE(folderDataSpec("cifar10", onlyTest.toStdString()), "cifar10:" + onlyTest.toStdString() + ":test");
    QCOMPARE(folderDataSpec("cifar10", cifar.toStdString()), c);
    QCOMPARE(heldOutDataSpec(""), std::string("fashion-mnist:test"));
    QCOMPARE(heldOutDataSpec("fashion-mnist"), std::string("fashion-mnist:test"));
    QCOMPARE(heldOutDataSpec("fashion-mnist:train"), std::string("fashion-mnist:test"));
    QVERIFY(heldOutDataSpec("fashion-mnist:all").empty());
    QVERIFY(heldOutDataSpec("synthetic:120").empty());
    auto notANumber = loadDataSpec("synthetic:abc", 1, 4);
    QVERIFY(!notANumber);
    QVERIFY2(notANumber.error().find("whole number of images between 1 and 1000000, not 'abc'") != std::string::npos,
             notANumber.error().c_str());
    auto unknown = loadDataSpec("mnsit:" + mnist.toStdString(), 1, 4);
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().find("mnist:DIR[:train|test|all]") != std::string::npos, unknown.error().c_str());
}

void TestDataset::specsOfTheSameImages()
{
    QVERIFY(sameDataSpec("fashion-mnist", "fashion-mnist:train"));
    QVERIFY(sameDataSpec("fashion-mnist:train", "fashion-mnist"));
    QVERIFY(sameDataSpec("fashion-mnist:", "fashion-mnist:train"));
    QVERIFY(!sameDataSpec("fashion-mnist", "fashion-mnist:test"));
    QVERIFY(!sameDataSpec("fashion-mnist", "fashion-mnist:all"));
    QVERIFY(sameDataSpec("synthetic", "synthetic:10000"));
    QVERIFY(!sameDataSpec("synthetic", "synthetic:120"));
    QVERIFY(sameDataSpec("folder:/data/a", "folder:/data/a"));
    QVERIFY(!sameDataSpec("folder:/data/a", "folder:/data/b"));
    // A relative path is the same images as its absolute path from here, and is recorded as that.
    const std::string here = QDir::currentPath().toStdString();
    QCOMPARE(absoluteDataSpec("folder:imgs"), "folder:" + here + "/imgs");
    QCOMPARE(absoluteDataSpec("mnist:data/../mnist:test"), "mnist:" + here + "/data/../mnist:test");
    QCOMPARE(absoluteDataSpec("idx:train-images.gz"), "idx:" + here + "/train-images.gz");
    QCOMPARE(absoluteDataSpec("cifar10:/abs/batches:all"), std::string("cifar10:/abs/batches:all"));
    QCOMPARE(absoluteDataSpec("synthetic:120"), std::string("synthetic:120"));
    QCOMPARE(absoluteDataSpec("fashion-mnist:test"), std::string("fashion-mnist:test"));
    QVERIFY(sameDataSpec("folder:imgs", "folder:" + here + "/imgs"));
    // What the default means is what loading gives: "synthetic" holds kDefaultSyntheticImages images.
    QCOMPARE(loadDataSpec("synthetic", 1, 16).value().size(), kDefaultSyntheticImages);
}

void TestDataset::fitToModel_data()
{
    QTest::addColumn<int>("inC");
    QTest::addColumn<int>("inSide");
    QTest::addColumn<int>("outC");
    QTest::addColumn<int>("outSide");
    QTest::newRow("pad 28→32") << 1 << 28 << 1 << 32;
    QTest::newRow("area 32→16") << 1 << 32 << 1 << 16;
    QTest::newRow("rgb→grey") << 3 << 32 << 1 << 32;
    QTest::newRow("grey→rgb") << 1 << 16 << 3 << 16;
}

void TestDataset::fitToModel()
{
    // Images with gradients and a different pattern per channel, so that nearest-neighbour scaling,
    // wrong grey weights or swapped channels cannot pass; the expected pixels are computed here, pixel by
    // pixel, from what each operation means.
    QFETCH(int, inC);
    QFETCH(int, inSide);
    QFETCH(int, outC);
    QFETCH(int, outSide);
    auto pattern = [](int c, int y, int x) {
        return (c == 0 ? 7 * y + 3 * x : c == 1 ? 40 + 5 * x : 230 - 6 * y) % 256;
    };
    auto images = torch::empty({2, inC, inSide, inSide}, torch::kUInt8);
    auto in = images.accessor<uint8_t, 4>();
    for (int n = 0; n < 2; ++n)
        for (int c = 0; c < inC; ++c)
            for (int y = 0; y < inSide; ++y)
                for (int x = 0; x < inSide; ++x)
                    in[n][c][y][x] = static_cast<uint8_t>((pattern(c, y, x) + 11 * n) % 256);
    Dataset d{"t", images, {}, {}};
    auto f = ddpm::fitToModel(d, outC, outSide);
    QCOMPARE(f.images.sizes(), torch::IntArrayRef({2, outC, outSide, outSide}));
    auto out = f.images.accessor<uint8_t, 4>();
    for (int n = 0; n < 2; ++n)
        for (int c = 0; c < outC; ++c)
            for (int y = 0; y < outSide; ++y)
                for (int x = 0; x < outSide; ++x) {
                    double expected = 0;
                    int slack = 0;
                    if (inSide < outSide) { // centred on black
                        const int m = (outSide - inSide) / 2;
                        const bool inside = y >= m && y < m + inSide && x >= m && x < m + inSide;
                        expected = inside ? in[n][c][y - m][x - m] : 0;
                    } else if (inSide > outSide) { // the mean of each k×k block (area), rounded
                        const int k = inSide / outSide;
                        double sum = 0;
                        for (int dy = 0; dy < k; ++dy)
                            for (int dx = 0; dx < k; ++dx)
                                sum += in[n][c][y * k + dy][x * k + dx];
                        expected = std::nearbyint(sum / (k * k));
                    } else if (inC == 3 && outC == 1) { // ITU-R BT.601 luma
                        const double luma = 0.299 * in[n][0][y][x] + 0.587 * in[n][1][y][x] + 0.114 * in[n][2][y][x];
                        expected = std::nearbyint(luma);
                        slack = 1; // float against double at a half
                    } else {       // grey into every channel
                        expected = in[n][0][y][x];
                    }
                    const int got = out[n][c][y][x];
                    QVERIFY2(std::abs(got - expected) <= slack,
                             qPrintable(QStringLiteral("image %1 channel %2 (%3, %4): %5, expected %6")
                                            .arg(n)
                                            .arg(c)
                                            .arg(x)
                                            .arg(y)
                                            .arg(got)
                                            .arg(expected)));
                }
}

void TestDataset::specErrors()
{
    const QString tiny = m_dir.filePath(QStringLiteral("many-tiny-idx3-ubyte"));
    writeFile(tiny, idx(0x08, {6000, 1, 1}, 6000));
    QVERIFY(!loadDataSpec("imagenet", 1, 32));
    QVERIFY(!loadDataSpec("mnist:/no/such/dir", 1, 32));
    auto file = loadDataSpec("mnist:" + tiny.toStdString(), 1, 32); // a file where the folder goes
    QVERIFY2(!file &&
                 QString::fromStdString(file.error()).contains(QStringLiteral("is a file: mnist: takes the folder")),
             file ? "loaded" : file.error().c_str());
    QVERIFY(!loadDataSpec("folder:/tmp", 1, 32)); // no folder loader in core
    auto s = loadDataSpec("synthetic:50", 1, 16);
    QVERIFY(s);
    QCOMPARE(s->size(), 50);
    for (const char* loose : {"synthetic:1e3", "synthetic:12abc", "synthetic: 5"}) {
        auto r = loadDataSpec(loose, 1, 16); // not 1 or 12 images: the whole count is read, or nothing
        QVERIFY2(!r && QString::fromStdString(r.error()).contains(QStringLiteral("between 1 and 1000000")), loose);
    }

    // 6,000 images of one pixel (a few kB) would take 4.4 GiB at 3×512×512: refused before any is made.
    const std::string spec = "idx:" + tiny.toStdString();
    auto large = loadDataSpec(spec, 3, 512);
    QVERIFY(!large);
    QVERIFY2(
        QString::fromStdString(large.error()).contains(QStringLiteral("6000 images of 3×512×512 would take 4 GiB")),
        large.error().c_str());
    auto fits = loadDataSpec(spec, 1, 32);
    QVERIFY2(fits, fits ? "" : fits.error().c_str());
    QCOMPARE(fits->size(), 6000);
}

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
