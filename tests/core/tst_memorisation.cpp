// The memorisation check (issue 20 §3): nearest neighbours against brute force, and on real Fashion-MNIST
// pixels that training images score near 100 %, held-out test images near the 1 % the threshold is set
// at, and noise 0 %.
#include "dataset.h"
#include "memorisation.h"

#include <QtTest>

#include <cmath>

using namespace ddpm;

class TestMemorisation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void neighboursMatchBruteForce();
    void copiesHeldOutAndNoise();
};

void TestMemorisation::initTestCase()
{
    torch::set_num_threads(2);
}

void TestMemorisation::neighboursMatchBruteForce()
{
    torch::manual_seed(5);
    const auto refs = torch::randn({300, 7}), queries = torch::randn({50, 7});
    const auto nn = nearestNeighbours(queries, refs, 3);
    QCOMPARE(nn.index.sizes(), (std::vector<int64_t>{50, 3}));
    for (int64_t i = 0; i < 50; ++i) {
        const auto d = (refs.to(torch::kFloat64) - queries[i].to(torch::kFloat64)).pow(2).sum(1).sqrt();
        const auto [sorted, order] = d.sort();
        for (int64_t j = 0; j < 3; ++j) {
            QCOMPARE(nn.index[i][j].item<int64_t>(), order[j].item<int64_t>());
            QVERIFY(std::abs(nn.distance[i][j].item<double>() - sorted[j].item<double>()) < 1e-9);
        }
    }
    // A query that is a reference row: distance 0 to itself.
    const auto self = nearestNeighbours(refs.narrow(0, 10, 2), refs);
    QCOMPARE(self.index[0][0].item<int64_t>(), int64_t(10));
    QVERIFY(self.distance[1][0].item<double>() < 1e-6);
}

void TestMemorisation::copiesHeldOutAndNoise()
{
    if (!fashionMnistAvailable())
        QSKIP("Fashion-MNIST is not installed");
    const auto train = loadDataSpec("fashion-mnist:train", 1, 28).value().images.narrow(0, 0, 10000);
    const auto test = loadDataSpec("fashion-mnist:test", 1, 28).value().images;
    const auto pixels = [](const torch::Tensor& images) { return images.reshape({images.size(0), -1}); };
    // The threshold from 3,000 test images; 2,000 others are the "samples" of a model that generalises.
    const auto reference = makeMemorisationReference(pixels(train), pixels(test.narrow(0, 0, 3000)), 0.01);
    QVERIFY(reference.threshold > 0);
    QCOMPARE(reference.heldOut, int64_t(3000));

    // A "model" that returns training images: every sample is a copy.
    const auto copies = measureMemorisation(pixels(train.narrow(0, 500, 400)), reference);
    QCOMPARE(copies.share, 1.0);
    QCOMPARE(copies.closest.size(), size_t(8));
    QCOMPARE(copies.closest[0].distance, 0.0);
    QCOMPARE(copies.nearest[7].distance, 0.0); // image 507 itself (or an exact duplicate of it)

    // Held-out images score about the percentile: 2,000 draws at p = 0.01, standard error 0.0022.
    const auto heldOut = measureMemorisation(pixels(test.narrow(0, 3000, 2000)), reference);
    QVERIFY2(heldOut.share > 0.001 && heldOut.share < 0.03, qPrintable(QString::number(heldOut.share)));

    // Noise is far from every training image.
    auto g = at::detail::createCPUGenerator(9);
    const auto noise = torch::randint(0, 256, {300, 784}, g, torch::kFloat32);
    QCOMPARE(measureMemorisation(noise, reference).share, 0.0);

    // Without a reference nothing is claimed.
    QVERIFY(std::isnan(measureMemorisation(noise, MemorisationReference{}).share));
}

QTEST_GUILESS_MAIN(TestMemorisation)
#include "tst_memorisation.moc"
