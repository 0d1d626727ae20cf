// The U-Net of the paper's official code: shapes, parameter counts, gradients.
#include "unet.h"

#include <QtTest>

#include <cmath>

using namespace ddpm;

class TestUNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parameterCounts_data();
    void parameterCounts();
    void outputShape_data();
    void outputShape();
    void gradientsReachEveryParameter();
    void timestepEmbeddingClosedForm();
    void dependsOnTimestep();
    void invalidOptionsRefused();
};

void TestUNet::parameterCounts_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<qint64>("params");
    // The reference count was cross-checked with scripts/reference_unet.py (PyTorch); the cifar
    // count is the paper's CIFAR-10 model (35.7 M).
    QTest::newRow("reference") << QStringLiteral("reference") << qint64(1623169);
    QTest::newRow("cifar") << QStringLiteral("cifar") << qint64(35746307);
}

void TestUNet::parameterCounts()
{
    QFETCH(QString, preset);
    QFETCH(qint64, params);
    UNet net(unetPreset(preset.toStdString()).value());
    QCOMPARE(qint64(net->parameterCount()), params);
}

void TestUNet::outputShape_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("tiny") << QStringLiteral("tiny");
    QTest::newRow("reference") << QStringLiteral("reference");
}

void TestUNet::outputShape()
{
    QFETCH(QString, preset);
    auto o = unetPreset(preset.toStdString()).value();
    UNet net(o);
    net->eval();
    torch::NoGradGuard g;
    auto x = torch::randn({3, o.imageChannels(), o.imageSize(), o.imageSize()});
    auto y = net->forward(x, torch::tensor({0, 500, 999}));
    QCOMPARE(y.sizes(), x.sizes());
    QVERIFY(torch::isfinite(y).all().item<bool>());
}

void TestUNet::gradientsReachEveryParameter()
{
    UNet net(unetPreset("tiny").value());
    auto x = torch::randn({2, 1, 16, 16});
    auto y = net->forward(x, torch::tensor({3, 700}));
    // A loss that depends on the output's every element.
    (y - torch::randn_like(y)).pow(2).mean().backward();
    int n = 0;
    for (const auto& p : net->named_parameters()) {
        QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QVERIFY2(p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
        ++n;
    }
    QVERIFY(n > 20);
}

void TestUNet::timestepEmbeddingClosedForm()
{
    const int64_t dim = 8;
    auto e = timestepEmbedding(torch::tensor({0.0, 7.0, 123.0}), dim);
    QCOMPARE(e.sizes(), torch::IntArrayRef({3, 8}));
    for (int b = 0; b < 3; ++b) {
        const double t = std::vector<double>{0, 7, 123}[b];
        for (int i = 0; i < 4; ++i) {
            const double f = std::exp(-std::log(10000.0) * i / 3.0);
            QVERIFY(std::abs(e[b][i].item<double>() - std::sin(t * f)) < 1e-4);
            QVERIFY(std::abs(e[b][4 + i].item<double>() - std::cos(t * f)) < 1e-4);
        }
    }
}

void TestUNet::dependsOnTimestep()
{
    UNet net(unetPreset("tiny").value());
    net->eval();
    torch::NoGradGuard g;
    // Start from trained-looking weights: undo the near-zero output init so t visibly matters.
    for (auto& p : net->parameters())
        p.normal_(0, 0.05);
    auto x = torch::randn({1, 1, 16, 16}).expand({2, 1, 16, 16}).contiguous();
    auto y = net->forward(x, torch::tensor({10, 900}));
    QVERIFY((y[0] - y[1]).abs().max().item<double>() > 1e-4);
}

void TestUNet::invalidOptionsRefused()
{
    auto o = unetPreset("reference").value();
    QVERIFY(validateUNetOptions(o));
    QVERIFY(!validateUNetOptions(UNetOptions(o).imageSize(30)));
    QVERIFY(!validateUNetOptions(UNetOptions(o).imageChannels(2)));
    QVERIFY(!validateUNetOptions(UNetOptions(o).chMult({})));
    QVERIFY(!unetPreset("huge"));
}

QTEST_GUILESS_MAIN(TestUNet)
#include "tst_unet.moc"
