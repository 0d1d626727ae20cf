// The U-Net of the paper's official code: shapes, parameter counts, gradients.
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
    void fastExpAccuracy();
    void fusedGroupNormMatchesLibTorch_data();
    void fusedGroupNormMatchesLibTorch();
    void fusedGroupNormPropagatesNaN();
    void fusedDropout_data();
    void fusedDropout();
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
            QVERIFY2(std::abs(both - 0.01) < 0.002, qPrintable(QStringLiteral("lanes %1,%2: %3").arg(a).arg(b).arg(both)));
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

void TestUNet::fastExpAccuracy()
{
    // Against the correctly rounded e^x over the range the kernels see (SiLU of normalised values), and
    // at the clamps: relative error below 3e-7, about two units in the last place of a float.
    double worst = 0;
    for (int i = 0; i <= 200000; ++i) {
        const double x = -87.0 + 175.0 * i / 200000.0;
        const double exact = std::exp(static_cast<double>(static_cast<float>(x)));
        worst = std::max(worst, std::abs(fastExp(static_cast<float>(x)) - exact) / exact);
    }
    QVERIFY2(worst < 3e-7, qPrintable(QString::number(worst)));
    QCOMPARE(fastExp(0.0f), 1.0f);
    QVERIFY(std::isnan(fastExp(std::nanf(""))));
    QVERIFY(std::isfinite(fastExp(1000.0f)) && fastExp(-1000.0f) >= 0.0f); // clamped, never inf
}

void TestUNet::fusedGroupNormMatchesLibTorch_data()
{
    QTest::addColumn<bool>("silu");
    QTest::addColumn<bool>("bf16");
    QTest::addColumn<int>("groups");
    QTest::addColumn<bool>("bias");
    QTest::addColumn<bool>("nhwc");
    QTest::newRow("silu fp32") << true << false << 3 << false << false;
    QTest::newRow("silu bf16") << true << true << 3 << false << false;
    QTest::newRow("norm fp32") << false << false << 4 << false << false;
    QTest::newRow("norm bf16") << false << true << 1 << false << false;
    // With a per-(image, channel) bias added first, the input in the output's type (the U-Net's conv1
    // output plus its time embedding).
    QTest::newRow("bias silu fp32") << true << false << 3 << true << false;
    QTest::newRow("bias silu bf16") << true << true << 4 << true << false;
    // Channels-last tensors, as the U-Net keeps them on the CPU: the per-image kernels.
    QTest::newRow("silu fp32 nhwc") << true << false << 3 << false << true;
    QTest::newRow("silu bf16 nhwc") << true << true << 4 << false << true;
    QTest::newRow("norm bf16 nhwc") << false << true << 2 << false << true;
    QTest::newRow("bias silu fp32 nhwc") << true << false << 3 << true << true;
    QTest::newRow("bias silu bf16 nhwc") << true << true << 6 << true << true;
}

void TestUNet::fusedGroupNormMatchesLibTorch()
{
    // The fused pass against torch::group_norm → silu → conversion, value and every gradient, on an
    // odd shape (5×7 pixels, 12 channels) with a mean far from zero, as after a residual add.
    QFETCH(bool, silu);
    QFETCH(bool, bf16);
    QFETCH(int, groups);
    QFETCH(bool, bias);
    QFETCH(bool, nhwc);
    torch::manual_seed(11);
    const auto outType = bf16 ? torch::kBFloat16 : torch::kFloat32;
    const auto inType = bias ? outType : torch::kFloat32;
    auto x0 = (torch::randn({3, 12, 5, 7}) * 2.0 + 3.0).to(inType);
    if (nhwc)
        x0 = x0.contiguous(at::MemoryFormat::ChannelsLast);
    auto gamma0 = torch::randn({12}) * 0.5 + 1.0;
    auto beta0 = torch::randn({12}) * 0.5;
    auto bias0 = bias ? torch::randn({3, 12}) : torch::Tensor();
    auto gy = torch::randn({3, 12, 5, 7}).to(outType);

    auto run = [&](bool fused) -> std::vector<torch::Tensor> {
        auto x = x0.clone().requires_grad_();
        auto gamma = gamma0.clone().requires_grad_();
        auto beta = beta0.clone().requires_grad_();
        auto b = bias ? bias0.clone().requires_grad_() : torch::Tensor();
        auto y = fused ? groupNormAct(x, groups, gamma, beta, 1e-6, silu, outType, b)
                       : groupNormActReference(x, groups, gamma, beta, 1e-6, silu, outType, b);
        y.backward(gy);
        if (fused && nhwc && !y.is_contiguous(at::MemoryFormat::ChannelsLast))
            return {};
        std::vector<torch::Tensor> r{y.to(torch::kFloat32), x.grad(), gamma.grad(), beta.grad()};
        if (bias)
            r.push_back(b.grad());
        return r;
    };
    const auto fused = run(true);
    QVERIFY2(!fused.empty(), "the output of a channels-last input is channels-last");
    const auto reference = run(false);
    QCOMPARE(fused[0].sizes().vec(), x0.sizes().vec());
    QCOMPARE(fused[1].scalar_type(), inType); // dx in x's type and layout
    QCOMPARE(fused[1].is_contiguous(at::MemoryFormat::ChannelsLast), nhwc);
    // fp32: float rounding only. bf16: a value may differ by one bf16 rounding step (2^-8 relative)
    // where the fp32 values straddle a rounding boundary (so may dx when x is bf16); the other gradients
    // are computed from the same bf16 incoming gradient in fp32 and agree as closely as in fp32.
    const double bf16Tol = 1.0 / 128;
    const char* names[] = {"value", "dx", "dgamma", "dbeta", "dbias"};
    for (size_t i = 0; i < fused.size(); ++i) {
        double tol = 2e-5;
        if (i == 0)
            tol = bf16 ? bf16Tol : 1e-5;
        if (i == 1 && inType == torch::kBFloat16)
            tol = bf16Tol;
        const auto f = fused[i].to(torch::kFloat32), r = reference[i].to(torch::kFloat32);
        const double err = ((f - r).abs().max() / r.abs().max()).item<double>();
        QVERIFY2(err < tol, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(names[i])).arg(err)));
    }
    // In bf16 nearly every value is the identically rounded one.
    if (bf16) {
        const double same = (fused[0] == reference[0]).to(torch::kFloat64).mean().item<double>();
        QVERIFY2(same > 0.99, qPrintable(QString::number(same)));
    }
}

void TestUNet::fusedGroupNormPropagatesNaN()
{
    // A NaN in one image's group makes that group NaN and leaves the other images alone, so the trainer's
    // non-finite loss check still sees it.
    auto x = torch::randn({2, 8, 4, 4});
    x[1][5][2][2] = std::nan("");
    auto y = groupNormAct(x, 2, torch::ones({8}), torch::zeros({8}), 1e-6, true, torch::kBFloat16).to(torch::kFloat32);
    QVERIFY(torch::isfinite(y[0]).all().item<bool>());
    QVERIFY(torch::isnan(y[1].narrow(0, 4, 4)).all().item<bool>());
    QVERIFY(torch::isfinite(y[1].narrow(0, 0, 4)).all().item<bool>());
}

void TestUNet::fusedDropout_data()
{
    QTest::addColumn<bool>("nhwc");
    QTest::newRow("nchw") << false;
    QTest::newRow("nhwc") << true;
}

void TestUNet::fusedDropout()
{
    // Dropout fused into GroupNorm–SiLU: the kept values are exactly silu(GN(x))/q, the drop rate is p,
    // masks of different calls differ, manual_seed repeats them, and the backward pass applies the same
    // mask as the forward (compared with LibTorch's composition times the mask read off the output).
    torch::manual_seed(5);
    torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(8, 32).eps(1e-6));
    QFETCH(bool, nhwc);
    auto x0 = torch::randn({16, 32, 16, 16}) + 0.5;
    if (nhwc)
        x0 = x0.contiguous(at::MemoryFormat::ChannelsLast);
    const auto p = 0.1;
    const double q = 1.0 - std::llround(p * (1 << 24)) / double(1 << 24);
    auto x = x0.clone().requires_grad_();
    auto y = groupNormSiluDropout(x, norm, p, true, torch::kFloat32);
    auto reference = torch::silu(torch::group_norm(x0, 8, norm->weight.detach(), norm->bias.detach(), 1e-6));
    const auto kept = (y != 0).to(torch::kFloat32);
    const double dropRate = 1.0 - kept.mean().item<double>(); // 131,072 values: σ = 0.0008
    QVERIFY2(std::abs(dropRate - p) < 0.004, qPrintable(QString::number(dropRate)));
    QVERIFY(torch::allclose(y, reference * kept / q, 1e-5, 1e-6));
    // Neighbours and channels independent: the drop rate of pairs is p².
    auto d = 1.0 - kept;
    const double pairs = (d.narrow(3, 0, 15) * d.narrow(3, 1, 15)).mean().item<double>();
    QVERIFY2(std::abs(pairs - p * p) < 0.002, qPrintable(QString::number(pairs)));
    const double across = (d.narrow(1, 0, 31) * d.narrow(1, 1, 31)).mean().item<double>();
    QVERIFY2(std::abs(across - p * p) < 0.002, qPrintable(QString::number(across)));

    auto gy = torch::randn_like(y);
    y.backward(gy);
    auto xr = x0.clone().requires_grad_();
    auto w = norm->weight.detach().clone().requires_grad_();
    auto b = norm->bias.detach().clone().requires_grad_();
    (torch::silu(torch::group_norm(xr, 8, w, b, 1e-6)) * kept / q).backward(gy);
    const auto rel = [](const torch::Tensor& a, const torch::Tensor& r) {
        return ((a - r).abs().max() / r.abs().max()).item<double>();
    };
    QVERIFY2(rel(x.grad(), xr.grad()) < 2e-5, qPrintable(QString::number(rel(x.grad(), xr.grad()))));
    QVERIFY(rel(norm->weight.grad(), w.grad()) < 2e-5);
    QVERIFY(rel(norm->bias.grad(), b.grad()) < 2e-5);

    // Another call draws another mask; the same seed the same one; bf16 output the same mask.
    auto again = groupNormSiluDropout(x0, norm, p, true, torch::kFloat32);
    QVERIFY(!torch::equal(again != 0, y != 0));
    torch::manual_seed(77);
    auto first = groupNormSiluDropout(x0, norm, p, true, torch::kFloat32);
    torch::manual_seed(77);
    auto second = groupNormSiluDropout(x0, norm, p, true, torch::kBFloat16);
    QVERIFY(torch::equal(first != 0, second != 0));
    // Not training, or p = 0: no dropout at all.
    QVERIFY(torch::allclose(groupNormSiluDropout(x0, norm, p, false, torch::kFloat32), reference, 1e-5, 1e-6));
    QVERIFY((groupNormSiluDropout(x0, norm, 0.0, true, torch::kFloat32) != 0).all().item<bool>());
}

QTEST_GUILESS_MAIN(TestUNet)
#include "tst_unet.moc"
