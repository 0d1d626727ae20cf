// Noise schedules against their closed forms (Ho et al. 2020 §4; Nichol & Dhariwal 2021 eq. 17).
#include "schedule.h"

#include <QtTest>

#include <cmath>
#include <utility>

using namespace ddpm;

class TestSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearMatchesClosedForm();
    void quadraticAndSigmoidMatchClosedForm();
    void cosineMatchesClosedForm();
    void cosineBetaCapped();
    void derivedTables_data();
    void derivedTables();
    void posteriorMatchesGaussianConditioning_data();
    void posteriorMatchesGaussianConditioning();
    void invalidOptionsRefused();
    void kindNamesRoundTrip();
};

void TestSchedule::linearMatchesClosedForm()
{
    const NoiseSchedule s(ScheduleOptions{});
    QCOMPARE(s.steps(), 1000);
    QVERIFY(std::abs(s.beta()[0] - 1e-4) < 1e-15);
    QVERIFY(std::abs(s.beta()[999] - 0.02) < 1e-15);
    for (int t = 1; t <= 1000; ++t) {
        const double expected = 1e-4 + (t - 1) * (0.02 - 1e-4) / 999.0;
        QVERIFY2(std::abs(s.beta()[t - 1] - expected) < 1e-15, qPrintable(QString::number(t)));
    }
    // ᾱ_T of the paper's schedule is about 4.04e-5 (log ᾱ_T = Σ log(1 − β_t)).
    double logAbar = 0;
    for (int t = 1; t <= 1000; ++t)
        logAbar += std::log1p(-(1e-4 + (t - 1) * (0.02 - 1e-4) / 999.0));
    QVERIFY(std::abs(s.alphaBar()[999] - std::exp(logAbar)) < 1e-12);
    QVERIFY(s.alphaBar()[999] > 4.0e-5 && s.alphaBar()[999] < 4.1e-5);
    // A tiny β keeps its digits in 1 − ᾱ: 1 − ᾱ_1 = β_1, 1 − ᾱ_2 = β_1 + β_2 − β_1 β_2 (not rounded away
    // by subtracting from 1), and β̃_2 = β_2 (1 − ᾱ_1)/(1 − ᾱ_2).
    ScheduleOptions tiny;
    tiny.steps = 10;
    tiny.betaStart = 1e-12;
    tiny.betaEnd = 2e-12;
    const NoiseSchedule small(tiny);
    const double b1 = small.beta()[0], b2 = small.beta()[1];
    const auto relative = [](double got, double expected) { return std::abs(got - expected) / expected; };
    QVERIFY2(relative(std::pow(small.sqrtOneMinusAlphaBar()[0], 2), b1) < 1e-12,
             qPrintable(QString::number(std::pow(small.sqrtOneMinusAlphaBar()[0], 2) / b1 - 1)));
    QVERIFY(relative(std::pow(small.sqrtOneMinusAlphaBar()[1], 2), b1 + b2 - b1 * b2) < 1e-12);
    QVERIFY(relative(small.posteriorVariance()[1], b2 * b1 / (b1 + b2 - b1 * b2)) < 1e-12);
}

void TestSchedule::quadraticAndSigmoidMatchClosedForm()
{
    ScheduleOptions q;
    q.kind = ScheduleKind::Quadratic;
    q.steps = 500;
    const NoiseSchedule sq(q);
    ScheduleOptions g = q;
    g.kind = ScheduleKind::Sigmoid;
    const NoiseSchedule sg(g);
    for (int i = 0; i < 500; ++i) {
        const double r = std::sqrt(1e-4) + i * (std::sqrt(0.02) - std::sqrt(1e-4)) / 499.0;
        QVERIFY(std::abs(sq.beta()[i] - r * r) < 1e-15);
        const double x = -6.0 + 12.0 * i / 499.0;
        QVERIFY(std::abs(sg.beta()[i] - (1e-4 + (0.02 - 1e-4) / (1 + std::exp(-x)))) < 1e-15);
    }
    // The sigmoid schedule is monotone and symmetric around its middle.
    for (int i = 1; i < 500; ++i)
        QVERIFY(sg.beta()[i] > sg.beta()[i - 1]);
    QVERIFY(std::abs(sg.beta()[0] + sg.beta()[499] - (1e-4 + 0.02)) < 1e-12);
}

void TestSchedule::cosineMatchesClosedForm()
{
    ScheduleOptions o;
    o.kind = ScheduleKind::Cosine;
    const NoiseSchedule s(o);
    const double pi = std::acos(-1.0);
    auto f = [&](double t) {
        const double c = std::cos((t / 1000.0 + 0.008) / 1.008 * pi / 2);
        return c * c;
    };
    // Where no β was capped, ᾱ_t = f(t)/f(0) exactly.
    for (int t = 1; t <= 990; ++t)
        QVERIFY2(std::abs(s.alphaBar()[t - 1] - f(t) / f(0)) < 1e-12, qPrintable(QString::number(t)));
}

void TestSchedule::cosineBetaCapped()
{
    ScheduleOptions o;
    o.kind = ScheduleKind::Cosine;
    for (int T : {10, 100, 1000, 4000}) {
        o.steps = T;
        const NoiseSchedule s(o);
        double maxBeta = 0;
        for (double b : s.beta())
            maxBeta = std::max(maxBeta, b);
        QVERIFY(maxBeta <= 0.999);
        QCOMPARE(s.beta().back(), 0.999); // the last step hits the cap: f(T) = cos²(π/2) = 0
    }
}

void TestSchedule::derivedTables_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("linear") << int(ScheduleKind::Linear);
    QTest::newRow("cosine") << int(ScheduleKind::Cosine);
    QTest::newRow("sigmoid") << int(ScheduleKind::Sigmoid);
    QTest::newRow("quadratic") << int(ScheduleKind::Quadratic);
}

void TestSchedule::derivedTables()
{
    QFETCH(int, kind);
    ScheduleOptions o;
    o.kind = ScheduleKind(kind);
    const NoiseSchedule s(o);
    double prod = 1, logProd = 0;
    for (int i = 0; i < s.steps(); ++i) {
        const double b = s.beta()[i];
        QVERIFY(b > 0 && b < 1);
        QCOMPARE(s.alpha()[i], 1 - b);
        QCOMPARE(s.alphaBarPrev()[i], prod);
        prod *= 1 - b;
        logProd += std::log1p(-b);
        const double oneMinus = -std::expm1(logProd); // 1 − ᾱ_t to the last digit (1 − prod loses some)
        QVERIFY(std::abs(s.alphaBar()[i] - prod) <= 4e-15 * std::max(1.0, prod)); // exp(Σ log1p) and Π round apart
        QVERIFY(std::abs(s.sqrtAlphaBar()[i] - std::sqrt(prod)) < 1e-15);
        QVERIFY(std::abs(s.sqrtOneMinusAlphaBar()[i] - std::sqrt(oneMinus)) < 1e-15);
        QVERIFY(std::abs(s.snr()[i] - prod / oneMinus) <= 1e-12 * s.snr()[i]);
        if (i > 0)
            QVERIFY(s.snr()[i] < s.snr()[i - 1]);
        // β̃_t lies between 0 and β_t (eq. 7 and §3.2).
        QVERIFY(s.posteriorVariance()[i] >= 0 && s.posteriorVariance()[i] <= b + 1e-15);
    }
    QCOMPARE(s.posteriorVariance()[0], 0.0); // β̃_1 = 0
    QCOMPARE(s.posteriorMeanCoefX0()[0], 1.0);
    QCOMPARE(s.posteriorMeanCoefXt()[0], 0.0);
}

void TestSchedule::posteriorMatchesGaussianConditioning_data()
{
    QTest::addColumn<int>("t");
    for (int t : {2, 10, 250, 999, 1000})
        QTest::newRow(qPrintable(QStringLiteral("t=%1").arg(t))) << t;
}

void TestSchedule::posteriorMatchesGaussianConditioning()
{
    // q(x_{t−1} | x_t, x0) ∝ N(x_t; √α_t x_{t−1}, β_t) · N(x_{t−1}; √ᾱ_{t−1} x0, 1 − ᾱ_{t−1}): the
    // product of Gaussians has precision α_t/β_t + 1/(1 − ᾱ_{t−1}).
    QFETCH(int, t);
    const NoiseSchedule s(ScheduleOptions{});
    const int i = t - 1;
    const double a = s.alpha()[i], b = s.beta()[i], abPrev = s.alphaBar()[i - 1];
    const double precision = a / b + 1 / (1 - abPrev);
    const double var = 1 / precision;
    QVERIFY(std::abs(s.posteriorVariance()[i] - var) < 1e-12 * var);
    // Mean = var · (√α_t/β_t · x_t + √ᾱ_{t−1}/(1 − ᾱ_{t−1}) · x0).
    QVERIFY(std::abs(s.posteriorMeanCoefXt()[i] - var * std::sqrt(a) / b) < 1e-12);
    QVERIFY(std::abs(s.posteriorMeanCoefX0()[i] - var * std::sqrt(abPrev) / (1 - abPrev)) < 1e-12);
}

void TestSchedule::invalidOptionsRefused()
{
    ScheduleOptions o;
    o.steps = 0;
    QVERIFY(!NoiseSchedule::create(o));
    o = {};
    o.betaStart = 0.03;
    QVERIFY(!NoiseSchedule::create(o));
    o = {};
    o.betaEnd = 1.5;
    auto r = NoiseSchedule::create(o);
    QVERIFY(!r);
    QVERIFY(!r.error().empty());
    QVERIFY(NoiseSchedule::create(ScheduleOptions{}));
    // β_1 so small that 1 − β_1 is 1: the first step adds no noise and √(1 − ᾱ_1) is 0 (inf in ε → x0).
    o = {};
    o.betaStart = 1e-17;
    r = NoiseSchedule::create(o);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("too small")), r.error().c_str());
    o.betaStart = 1e-12; // small, but every table stays finite
    r = NoiseSchedule::create(o);
    QVERIFY(r);
    QVERIFY(std::isfinite(1.0 / r->sqrtOneMinusAlphaBar()[0]) && r->sqrtOneMinusAlphaBar()[0] > 0);
    // β must lie strictly between 0 and 1 at both ends (a negative β_1 would take noise away).
    for (const auto& [start, end] : {std::pair{-0.01, 0.02}, std::pair{0.0, 0.02}, std::pair{1e-4, 1.0}}) {
        o = {};
        o.betaStart = start;
        o.betaEnd = end;
        r = NoiseSchedule::create(o);
        QVERIFY2(!r && QString::fromStdString(r.error()).contains(QStringLiteral("strictly between 0 and 1")),
                 qPrintable(QStringLiteral("%1 … %2").arg(start).arg(end)));
    }
    // The cosine schedule: a cap of 1 would make ᾱ_T = 0 (x̂₀ = x_t / 0), a negative offset a β_1 below 0.
    ScheduleOptions cosine;
    cosine.kind = ScheduleKind::Cosine;
    QVERIFY(NoiseSchedule::create(cosine));
    for (const auto& [offset, cap] : {std::pair{0.008, 1.0}, std::pair{0.008, 0.0}, std::pair{-0.1, 0.999}}) {
        cosine.cosineOffset = offset;
        cosine.maxBeta = cap;
        r = NoiseSchedule::create(cosine);
        QVERIFY2(!r && QString::fromStdString(r.error()).contains(QStringLiteral("s ≥ 0 and 0 < β cap < 1")),
                 qPrintable(QStringLiteral("s %1, cap %2").arg(offset).arg(cap)));
    }
}

void TestSchedule::kindNamesRoundTrip()
{
    for (auto k : {ScheduleKind::Linear, ScheduleKind::Cosine, ScheduleKind::Sigmoid, ScheduleKind::Quadratic})
        QCOMPARE(int(parseScheduleKind(scheduleKindName(k)).value()), int(k));
    QVERIFY(!parseScheduleKind("exponential"));
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
