// The U-Net of the paper's official code: shapes, parameter counts, gradients.
#include "dropout.h"
#include "fusednorm.h"
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
    void batchedMatmulEqualsBmm();
    void dropoutStatistics();
    void bf16MixedMatchesFp32();
    void precisionNames();
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
    torch::manual_seed(8);
    for (auto& p : net->parameters())
        p.normal_(0, 0.3);
    auto x = torch::randn({1, 1, 16, 16}).expand({2, 1, 16, 16}).contiguous();
    auto y = net->forward(x, torch::tensor({10, 900}));
    QVERIFY((y[0] - y[1]).abs().max().item<double>() > 1e-2 * y.abs().max().item<double>());
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

void TestUNet::batchedMatmulEqualsBmm()
{
    auto a = torch::randn({5, 7, 3}, torch::requires_grad());
    auto b = torch::randn({5, 3, 11}, torch::requires_grad());
    auto y = batchedMatmul(a, b);
    auto ref = torch::bmm(a, b);
    QCOMPARE(y.sizes(), ref.sizes());
    QVERIFY(torch::allclose(y, ref, 1e-4, 1e-5));
    auto g = torch::randn_like(y);
    auto grads = torch::autograd::grad({y}, {a, b}, {g});
    auto refGrads = torch::autograd::grad({ref}, {a, b}, {g});
    QVERIFY(torch::allclose(grads[0], refGrads[0], 1e-4, 1e-5));
    QVERIFY(torch::allclose(grads[1], refGrads[1], 1e-4, 1e-5));
}

void TestUNet::dropoutStatistics()
{
    torch::manual_seed(3);
    auto x = torch::ones({400000});
    auto y = fastDropout(x, 0.1, true);
    const auto dropped = (y == 0).to(torch::kFloat64);
    const double zeros = dropped.mean().item<double>();
    // 40,000 expected zeros: the standard deviation of the fraction is 0.0005.
    QVERIFY2(std::abs(zeros - 0.1) < 0.003, qPrintable(QString::number(zeros)));
    QVERIFY(std::abs(y.mean().item<double>() - 1.0) < 0.01); // inverted scaling keeps the mean
    // p is rounded to 3277/32768; the kept values are scaled by exactly 1/q.
    const double q = 1.0 - 3277.0 / 32768.0;
    QVERIFY(torch::allclose(y.masked_select(y != 0), torch::full({1}, 1.0 / q), 1e-7, 0.0));
    // Four neighbouring elements share one random draw: their masks must still be independent, and
    // every lane must drop at the same rate.
    auto lanes = dropped.view({-1, 4});
    for (int a = 0; a < 4; ++a) {
        const double rate = lanes.select(1, a).mean().item<double>();
        QVERIFY2(std::abs(rate - 0.1) < 0.004, qPrintable(QStringLiteral("lane %1: %2").arg(a).arg(rate)));
        for (int b = a + 1; b < 4; ++b) {
            const double both = (lanes.select(1, a) * lanes.select(1, b)).mean().item<double>();
            QVERIFY2(std::abs(both - 0.01) < 0.002,
                     qPrintable(QStringLiteral("lanes %1,%2: %3").arg(a).arg(b).arg(both)));
        }
    }
    // The gradient passes where the value was kept, scaled the same way.
    auto leaf = torch::ones({1000}, torch::requires_grad());
    auto out = fastDropout(leaf, 0.5, true);
    out.sum().backward();
    QVERIFY(torch::equal(leaf.grad(), out.detach()));
    // An odd element count still works (the draw is rounded up to four elements).
    QVERIFY(fastDropout(torch::ones({3, 5, 7}), 0.1, true).sizes().vec() == (std::vector<int64_t>{3, 5, 7}));
    QVERIFY(torch::equal(fastDropout(x, 0.1, false), x));
    QVERIFY(torch::equal(fastDropout(x, 0.0, true), x));
}

void TestUNet::bf16MixedMatchesFp32()
{
    // The same fp32 weights computed in bf16 mixed precision: the output agrees with fp32 to bf16's
    // resolution (8 bits of mantissa, errors averaging over many terms), the gradients reach the fp32
    // master weights, and the weights themselves stay fp32.
    torch::manual_seed(3);
    auto o = unetPreset("reference").value();
    o.dropout(0.0);
    UNet net(o);
    // Wake every layer up: the shrunken last convs would otherwise hide the error of the blocks.
    {
        torch::NoGradGuard guard;
        for (auto& p : net->parameters())
            if (p.dim() == 4 && p.abs().max().item<double>() < 1e-3)
                p.normal_(0.0, 0.05);
    }
    auto x = torch::randn({4, 1, 32, 32});
    auto t = torch::tensor({0, 250, 600, 999}, torch::kInt64);
    auto fp32 = net->forward(x, t);
    net->setPrecision(Precision::Bf16);
    QCOMPARE(net->precision(), Precision::Bf16);
    // Every block that computes in a precision got it (res blocks, attention, the middle ones).
    int blocks = 0;
    for (const auto& m : net->modules(false))
        if (const auto* b = dynamic_cast<const PrecisionAware*>(m.get())) {
            QCOMPARE(b->precision(), Precision::Bf16);
            ++blocks;
        }
    QVERIFY(blocks >= 3);
    auto bf16 = net->forward(x, t);
    QCOMPARE(bf16.scalar_type(), torch::kFloat32);
    const double rel = ((bf16 - fp32).norm() / fp32.norm()).item<double>();
    QVERIFY2(rel < 0.03, qPrintable(QString::number(rel)));
    QVERIFY2(rel > 1e-5, "bf16 was not used"); // the precision switch did something
    bf16.pow(2).mean().backward();
    for (const auto& p : net->named_parameters()) {
        QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QCOMPARE(p.value().grad().scalar_type(), torch::kFloat32);
        QCOMPARE(p.value().scalar_type(), torch::kFloat32);
    }
    // A clone keeps the precision; fp32 again gives the fp32 output exactly.
    QCOMPARE(cloneUNet(net)->precision(), Precision::Bf16);
    net->setPrecision(Precision::Fp32);
    QVERIFY(torch::equal(net->forward(x, t), fp32));
}

void TestUNet::precisionNames()
{
    QCOMPARE(parsePrecision("fp32", torch::kCPU).value(), Precision::Fp32);
    QCOMPARE(parsePrecision("bf16", torch::kCPU).value(), Precision::Bf16);
    QVERIFY(!parsePrecision("fp16", torch::kCPU));
    QCOMPARE(parsePrecision("auto", torch::kCPU).value(), cpuHasFastBf16() ? Precision::Bf16 : Precision::Fp32);
    QCOMPARE(QString::fromStdString(precisionName(Precision::Bf16)), QStringLiteral("bf16"));
}

QTEST_GUILESS_MAIN(TestUNet)
#include "tst_unet.moc"
