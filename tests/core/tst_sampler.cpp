// The reverse process checked with exact denoisers: for a data set of one image every sampler must
// return that image; for Gaussian data the samples must have the data's mean and spread.
#include "oracle.h"
#include "sampler.h"

#include <QtTest>

#include <atomic>

using namespace ddpm;

namespace {
torch::Tensor testImage()
{
    // A smooth pattern strictly inside (−1, 1) so clipping never touches it.
    auto y = torch::linspace(-1, 1, 8).view({8, 1});
    auto x = torch::linspace(-1, 1, 8).view({1, 8});
    return (0.8 * torch::sin(3 * x) * torch::cos(2 * y)).unsqueeze(0); // [1, 8, 8]
}
} // namespace

class TestSampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oracleReturnsTheImage_data();
    void oracleReturnsTheImage();
    void gaussianDataStatistics_data();
    void gaussianDataStatistics();
    void stepInterface();
    void cancelBetweenSteps();
    void sameSeedSameImages();
    void ddimTimestepSequence();
    void denoiseFromHere();
};

void TestSampler::oracleReturnsTheImage_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("variance");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("prediction");
    QTest::addColumn<bool>("clip");
    QTest::newRow("ddpm beta eps") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0 << int(Prediction::Epsilon) << false;
    QTest::newRow("ddpm beta-tilde eps") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0 << int(Prediction::Epsilon) << false;
    QTest::newRow("ddpm beta-tilde clip") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0 << int(Prediction::Epsilon) << true;
    QTest::newRow("ddim eta0 eps") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.0 << int(Prediction::Epsilon) << false;
    QTest::newRow("ddim eta1 eps") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 1.0 << int(Prediction::Epsilon) << false;
    QTest::newRow("ddpm v") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0 << int(Prediction::V) << false;
    QTest::newRow("ddim x0") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.5 << int(Prediction::X0) << false;
}

void TestSampler::oracleReturnsTheImage()
{
    QFETCH(int, sampler);
    QFETCH(int, variance);
    QFETCH(double, eta);
    QFETCH(int, prediction);
    QFETCH(bool, clip);
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction(prediction));
    auto x0 = testImage();
    SamplerOptions o;
    o.kind = SamplerKind(sampler);
    o.variance = VarianceKind(variance);
    o.eta = eta;
    o.clipX0 = clip;
    o.ddimSteps = 50;
    o.count = 4;
    o.seed = 3;
    ReverseProcess rp(d, singleImageOracle(d, x0), o, {1, 8, 8});
    QCOMPARE(rp.totalSteps(), o.kind == SamplerKind::Ddim ? 50 : 1000);
    rp.run();
    QVERIFY(rp.done());
    const double err = (rp.current() - x0.unsqueeze(0)).abs().max().item<double>();
    QVERIFY2(err < 1e-3, qPrintable(QString::number(err)));
}

void TestSampler::gaussianDataStatistics_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("variance");
    QTest::addColumn<double>("eta");
    QTest::newRow("ddpm beta-tilde") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0;
    QTest::newRow("ddpm beta") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0;
    QTest::newRow("ddim eta0") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.0;
    QTest::newRow("ddim eta1") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 1.0;
}

void TestSampler::gaussianDataStatistics()
{
    // Pixels i.i.d. N(μ, s²): the exact ε predictor is closed form, and the sampled pixels must
    // follow N(μ, s²).
    QFETCH(int, sampler);
    QFETCH(int, variance);
    QFETCH(double, eta);
    const double mu = 0.3, sd = 0.2;
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    SamplerOptions o;
    o.kind = SamplerKind(sampler);
    o.variance = VarianceKind(variance);
    o.eta = eta;
    o.clipX0 = false;
    o.ddimSteps = 200;
    o.count = 256;
    o.seed = 11;
    ReverseProcess rp(d, gaussianOracle(d, mu, sd), o, {1, 8, 8});
    rp.run();
    auto x = rp.current().to(torch::kFloat64);
    const double m = x.mean().item<double>(), s = x.std().item<double>();
    QVERIFY2(std::abs(m - mu) < 0.01, qPrintable(QStringLiteral("mean %1").arg(m)));
    QVERIFY2(std::abs(s - sd) < 0.02 * 1.0, qPrintable(QStringLiteral("std %1").arg(s)));
}

void TestSampler::stepInterface()
{
    ScheduleOptions so;
    so.steps = 100;
    Diffusion d{NoiseSchedule(so), Prediction::Epsilon};
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 10;
    o.count = 2;
    auto x0 = testImage();
    ReverseProcess rp(d, singleImageOracle(d, x0), o, {1, 8, 8});
    int steps = 0, lastT = 101;
    while (!rp.done()) {
        auto s = rp.next();
        QCOMPARE(s.step, steps);
        QVERIFY(s.t < lastT);
        QVERIFY(s.tNext < s.t);
        QCOMPARE(s.xt.sizes(), torch::IntArrayRef({2, 1, 8, 8}));
        QCOMPARE(s.x0Hat.sizes(), s.xt.sizes());
        QCOMPARE(s.epsHat.sizes(), s.xt.sizes());
        // x_t = √ᾱ x̂0 + √(1−ᾱ) ε̂ holds at every step.
        const double a = d.schedule().sqrtAlphaBar()[s.t - 1], b = d.schedule().sqrtOneMinusAlphaBar()[s.t - 1];
        QVERIFY(torch::allclose(a * s.x0Hat + b * s.epsHat, s.xt, 1e-4, 1e-4));
        lastT = s.t;
        ++steps;
    }
    QCOMPARE(steps, 10);
    QCOMPARE(lastT, 1);
}

void TestSampler::cancelBetweenSteps()
{
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    SamplerOptions o;
    o.count = 1;
    ReverseProcess rp(d, singleImageOracle(d, testImage()), o, {1, 8, 8});
    std::atomic<bool> cancel{false};
    int seen = 0;
    const bool finished = rp.run(&cancel, [&](const ReverseStep&) {
        if (++seen == 7)
            cancel = true;
    });
    QVERIFY(!finished);
    QCOMPARE(seen, 7);
    QCOMPARE(rp.stepsTaken(), 7);
}

void TestSampler::sameSeedSameImages()
{
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    auto run = [&](uint64_t seed) {
        SamplerOptions o;
        o.count = 3;
        o.seed = seed;
        o.clipX0 = false;
        ReverseProcess rp(d, gaussianOracle(d, 0.0, 0.5), o, {1, 4, 4});
        rp.run();
        return rp.current();
    };
    QVERIFY(torch::equal(run(9), run(9)));
    QVERIFY(!torch::allclose(run(9), run(10)));
}

void TestSampler::ddimTimestepSequence()
{
    auto ts = ddimTimesteps(1000, 50);
    QCOMPARE(int(ts.size()), 50);
    QCOMPARE(ts.front(), 1000);
    QCOMPARE(ts.back(), 1);
    for (size_t i = 1; i < ts.size(); ++i)
        QVERIFY(ts[i] < ts[i - 1]);
    QCOMPARE(int(ddimTimesteps(10, 50).size()), 10); // never more steps than timesteps
    QCOMPARE(ddimTimesteps(300, 1), std::vector<int>{300});
}

void TestSampler::denoiseFromHere()
{
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    auto x0 = testImage();
    const int t = 400;
    auto eps = torch::randn({1, 1, 8, 8});
    auto xt = d.qSample(x0.unsqueeze(0), torch::full({1}, t - 1, torch::kInt64), eps);
    SamplerOptions o;
    o.count = 1;
    o.clipX0 = false;
    ReverseProcess rp(d, singleImageOracle(d, x0), o, xt, t);
    QCOMPARE(rp.totalSteps(), t);
    QCOMPARE(rp.timesteps().front(), t);
    rp.run();
    QVERIFY((rp.current() - x0.unsqueeze(0)).abs().max().item<double>() < 1e-3);
}

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
