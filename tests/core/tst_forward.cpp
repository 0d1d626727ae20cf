// The forward process: q(x_t | x0) (eq. 4) and the Markov chain q(x_t | x_{t−1}) (eq. 2).
#include "diffusion.h"

#include <QtTest>

using namespace ddpm;

class TestForward : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closedFormStatistics_data();
    void closedFormStatistics();
    void chainAgreesWithClosedForm_data();
    void chainAgreesWithClosedForm();
    void stripSharesNoise();
    void parametrisationsInvert_data();
    void parametrisationsInvert();
    void evenlySpaced();
};

void TestForward::closedFormStatistics_data()
{
    QTest::addColumn<int>("t");
    for (int t : {1, 50, 300, 700, 1000})
        QTest::newRow(qPrintable(QStringLiteral("t=%1").arg(t))) << t;
}

void TestForward::closedFormStatistics()
{
    // For a fixed x0, x_t ~ N(√ᾱ_t x0, (1 − ᾱ_t) I).
    QFETCH(int, t);
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    torch::manual_seed(1);
    const int n = 20000;
    auto x0 = torch::linspace(-1, 1, 16).view({1, 1, 4, 4}).expand({n, 1, 4, 4});
    auto eps = torch::randn({n, 1, 4, 4}, torch::kFloat64).to(torch::kFloat32);
    auto xt = d.qSample(x0, torch::full({n}, t - 1, torch::kInt64), eps).to(torch::kFloat64);
    const double abar = d.schedule().alphaBar()[t - 1];
    auto mean = xt.mean(0);
    auto var = xt.var(0);
    auto expectedMean = std::sqrt(abar) * x0[0].to(torch::kFloat64);
    const double se = std::sqrt((1 - abar) / n);
    QVERIFY2((mean - expectedMean).abs().max().item<double>() < 5 * se + 1e-6,
             qPrintable(QString::number((mean - expectedMean).abs().max().item<double>())));
    const double varTol = 5 * (1 - abar) * std::sqrt(2.0 / n) + 1e-6;
    QVERIFY((var - (1 - abar)).abs().max().item<double>() < varTol);

    // Without randomness, exactly: x_t = √ᾱ_t x0 + √(1 − ᾱ_t) ε, with ᾱ_t = Π_{s ≤ t} (1 − β_s) of the
    // paper's linear schedule (β from 1e-4 to 0.02 over T = 1000) worked out here, not taken from the engine.
    double paperAbar = 1;
    for (int s = 1; s <= t; ++s)
        paperAbar *= 1 - (1e-4 + (s - 1) * (0.02 - 1e-4) / 999.0);
    const auto at = torch::full({2}, t - 1, torch::kInt64);
    const auto image = torch::linspace(-1, 1, 32).view({2, 1, 4, 4});
    const auto noise = torch::linspace(-2, 2, 32).view({2, 1, 4, 4});
    const auto signal = d.qSample(image, at, torch::zeros_like(image));
    QVERIFY(torch::allclose(signal, std::sqrt(paperAbar) * image, 0, 1e-6));
    const auto noisePart = d.qSample(torch::zeros_like(noise), at, noise);
    QVERIFY(torch::allclose(noisePart, std::sqrt(1 - paperAbar) * noise, 0, 1e-6));
}

void TestForward::chainAgreesWithClosedForm_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("linear") << int(ScheduleKind::Linear);
    QTest::newRow("cosine") << int(ScheduleKind::Cosine);
}

void TestForward::chainAgreesWithClosedForm()
{
    QFETCH(int, kind);
    ScheduleOptions o;
    o.kind = ScheduleKind(kind);
    o.steps = 200;
    Diffusion d(NoiseSchedule(o), Prediction::Epsilon);
    const int n = 20000;
    auto x0 = torch::full({n, 1, 1, 1}, 0.7);
    auto gen = at::detail::createCPUGenerator(5);
    const std::vector<int> ts{0, 20, 100, 200};
    auto chain = d.forwardChain(x0, ts, gen);
    QCOMPARE(int(chain.size()), 4);
    QVERIFY(torch::equal(chain[0], x0));
    for (size_t k = 1; k < ts.size(); ++k) {
        const double abar = d.schedule().alphaBar()[ts[k] - 1];
        const double m = chain[k].mean().item<double>(), v = chain[k].var().item<double>();
        QVERIFY2(std::abs(m - std::sqrt(abar) * 0.7) < 5 * std::sqrt((1 - abar) / n) + 1e-4,
                 qPrintable(QString::number(m)));
        QVERIFY2(std::abs(v - (1 - abar)) < 5 * (1 - abar) * std::sqrt(2.0 / n) + 1e-4, qPrintable(QString::number(v)));
    }
}

void TestForward::stripSharesNoise()
{
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
    auto x0 = torch::rand({1, 8, 8}) * 2 - 1;
    auto eps = torch::randn({1, 8, 8});
    auto strip = d.forwardStrip(x0, {0, 1, 500, 1000}, eps);
    QCOMPARE(int(strip.size()), 4);
    QVERIFY(torch::allclose(strip[0], x0));
    for (int k = 1; k < 4; ++k) {
        const int t = std::vector<int>{0, 1, 500, 1000}[k];
        auto expected = d.schedule().sqrtAlphaBar()[t - 1] * x0 + d.schedule().sqrtOneMinusAlphaBar()[t - 1] * eps;
        QVERIFY(torch::allclose(strip[k], expected, 1e-5, 1e-6));
    }
}

void TestForward::parametrisationsInvert_data()
{
    QTest::addColumn<int>("prediction");
    QTest::newRow("eps") << int(Prediction::Epsilon);
    QTest::newRow("x0") << int(Prediction::X0);
    QTest::newRow("v") << int(Prediction::V);
}

void TestForward::parametrisationsInvert()
{
    // The network's ideal output for (x0, ε) must give back exactly x0 and ε.
    QFETCH(int, prediction);
    Diffusion d(NoiseSchedule(ScheduleOptions{}), Prediction(prediction));
    auto x0 = torch::rand({6, 1, 4, 4}) * 2 - 1;
    auto eps = torch::randn({6, 1, 4, 4});
    auto t = torch::tensor({0, 10, 100, 500, 900, 999}, torch::kInt64);
    auto xt = d.qSample(x0, t, eps);
    auto [x0Hat, epsHat] = d.predictX0Eps(d.target(x0, eps, t), xt, t);
    QVERIFY(torch::allclose(x0Hat, x0, 1e-3, 2e-3));
    QVERIFY(torch::allclose(epsHat, eps, 1e-3, 2e-3));
    if (Prediction(prediction) == Prediction::V) {
        auto a = d.gather(d.sqrtAlphaBarTable(), t), s = d.gather(d.sqrtOneMinusAlphaBarTable(), t);
        QVERIFY(torch::allclose(d.target(x0, eps, t), a * eps - s * x0));
    }
}

void TestForward::evenlySpaced()
{
    auto ts = evenlySpacedTimesteps(1000, 11);
    QCOMPARE(int(ts.size()), 11);
    QCOMPARE(ts.front(), 0);
    QCOMPARE(ts.back(), 1000);
    QCOMPARE(ts[5], 500);
}

QTEST_GUILESS_MAIN(TestForward)
#include "tst_forward.moc"
