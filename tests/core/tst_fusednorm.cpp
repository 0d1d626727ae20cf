// The fused GroupNorm–SiLU(–dropout) kernels (core/fusednorm.h) against LibTorch's own operations:
// values and gradients in fp32 and bf16, NaN propagation, dropout statistics, and the fast exp.
#include "dropout.h"
#include "fusednorm.h"

#include <QtTest>

#include <cmath>

using namespace ddpm;

class TestFusedNorm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fastExpAccuracy();
    void fusedGroupNormMatchesLibTorch_data();
    void fusedGroupNormMatchesLibTorch();
    void fusedGroupNormPropagatesNaN();
    void fusedDropout_data();
    void fusedDropout();
};

void TestFusedNorm::fastExpAccuracy()
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

void TestFusedNorm::fusedGroupNormMatchesLibTorch_data()
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

void TestFusedNorm::fusedGroupNormMatchesLibTorch()
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

    std::string node; // the fused output's autograd node: the fused kernel's, not LibTorch's composition
    auto run = [&](bool fused) -> std::vector<torch::Tensor> {
        auto x = x0.clone().requires_grad_();
        auto gamma = gamma0.clone().requires_grad_();
        auto beta = beta0.clone().requires_grad_();
        auto b = bias ? bias0.clone().requires_grad_() : torch::Tensor();
        auto y = fused ? groupNormAct(x, groups, gamma, beta, 1e-6, silu, outType, b)
                       : groupNormActReference(x, groups, gamma, beta, 1e-6, silu, outType, b);
        if (fused)
            node = y.grad_fn() ? y.grad_fn()->name() : "none";
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
    QVERIFY2(node.find("GroupNormAct") != std::string::npos, node.c_str()); // not compared with itself
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

void TestFusedNorm::fusedGroupNormPropagatesNaN()
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

void TestFusedNorm::fusedDropout_data()
{
    QTest::addColumn<bool>("nhwc");
    QTest::newRow("nchw") << false;
    QTest::newRow("nhwc") << true;
}

void TestFusedNorm::fusedDropout()
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
    QVERIFY2(y.grad_fn() && std::string(y.grad_fn()->name()).find("GroupNormAct") != std::string::npos,
             y.grad_fn() ? y.grad_fn()->name().c_str() : "no autograd node"); // the fused kernel ran
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

QTEST_GUILESS_MAIN(TestFusedNorm)
#include "tst_fusednorm.moc"
