// The reverse process checked with exact denoisers: for a data set of one image every sampler must
// return that image; for Gaussian data the samples must have the data's mean and spread.
#include "oracle.h"
#include "sampler.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>

using namespace ddpm;

namespace {
torch::Tensor testImage()
{
    // A smooth pattern strictly inside (−1, 1) so clipping never touches it.
    auto y = torch::linspace(-1, 1, 8).view({8, 1});
    auto x = torch::linspace(-1, 1, 8).view({1, 8});
    return (0.8 * torch::sin(3 * x) * torch::cos(2 * y)).unsqueeze(0); // [1, 8, 8]
}

// ᾱ_t = Π_{s ≤ t} (1 − β_s) from the β table alone (element i holds t = i + 1), so that the checks
// below do not lean on the schedule's derived tables.
std::vector<double> alphaBarFromBeta(const std::vector<double>& beta)
{
    std::vector<double> abar(beta.size());
    double prod = 1.0;
    for (size_t i = 0; i < beta.size(); ++i)
        abar[i] = prod *= 1.0 - beta[i];
    return abar;
}

// The exact ε predictor for data whose pixels are i.i.d. N(μ, s²), written here from the closed
// form rather than taken from core/oracle.cpp: x_t ~ N(√ᾱ_t μ, ᾱ_t s² + 1 − ᾱ_t) (eq. 4), hence
// E[ε | x_t] = √(1−ᾱ_t) (x_t − √ᾱ_t μ) / (ᾱ_t s² + 1 − ᾱ_t). For Prediction::Epsilon.
Denoiser exactGaussianEps(const std::vector<double>& alphaBar, double mu, double sd)
{
    auto table = torch::tensor(alphaBar, torch::kFloat64);
    return [table, mu, sd](const torch::Tensor& x, const torch::Tensor& tIndex) {
        auto a = table.index_select(0, tIndex.cpu()).view({-1, 1, 1, 1}).to(x.device());
        auto eps = (1.0 - a).sqrt() * (x.to(torch::kFloat64) - a.sqrt() * mu) / (a * sd * sd + 1.0 - a);
        return eps.to(x.scalar_type());
    };
}
// For pixels i.i.d. N(μ, s²) and the exact ε above, every sampler step is affine in x_t plus fresh
// noise: x' = p x + q + σ z. Carried from x_T ~ N(0, 1) over the run's timesteps, that gives the mean
// and variance x_0 must have, discretisation bias included (DDIM over 200 of 1,000 steps is not q).
// Element k: x_t before step k; the last: x_0.
std::vector<std::pair<double, double>> chainMomentsAlong(const std::vector<double>& abar,
                                                         const std::vector<double>& beta,
                                                         const std::vector<int>& timesteps, const SamplerOptions& o,
                                                         double mu, double sd)
{
    std::vector<std::pair<double, double>> out;
    double m = 0.0, v = 1.0;
    for (size_t k = 0; k < timesteps.size(); ++k) {
        out.emplace_back(m, v);
        const int t = timesteps[k];
        const int s = o.kind == SamplerKind::Ddim ? (k + 1 < timesteps.size() ? timesteps[k + 1] : 0) : t - 1;
        const double a = abar[static_cast<size_t>(t - 1)], as = s > 0 ? abar[static_cast<size_t>(s - 1)] : 1.0;
        const double c = std::sqrt(1.0 - a) / (a * sd * sd + 1.0 - a); // ε̂ = c (x − √ā μ)
        const double epsP = c, epsQ = -c * std::sqrt(a) * mu;
        const double x0P = (1.0 - std::sqrt(1.0 - a) * epsP) / std::sqrt(a),
                     x0Q = -std::sqrt(1.0 - a) * epsQ / std::sqrt(a);
        double p = 0, q = 0, var = 0;
        if (o.kind == SamplerKind::Ddpm) {
            const double b = beta[static_cast<size_t>(t - 1)];
            const double A = std::sqrt(as) * b / (1.0 - a), B = std::sqrt(1.0 - b) * (1.0 - as) / (1.0 - a);
            p = A * x0P + B;
            q = A * x0Q;
            var = t == 1 ? 0.0 : (o.variance == VarianceKind::Beta ? b : (1.0 - as) / (1.0 - a) * b);
        } else {
            var = o.eta * o.eta * (1.0 - as) / (1.0 - a) * (1.0 - a / as);
            const double w = std::sqrt(std::max(0.0, 1.0 - as - var));
            p = std::sqrt(as) * x0P + w * epsP;
            q = std::sqrt(as) * x0Q + w * epsQ;
        }
        m = p * m + q;
        v = p * p * v + var;
    }
    out.emplace_back(m, v);
    return out;
}
std::pair<double, double> chainMoments(const std::vector<double>& abar, const std::vector<double>& beta,
                                       const std::vector<int>& timesteps, const SamplerOptions& o, double mu, double sd)
{
    return chainMomentsAlong(abar, beta, timesteps, o, mu, sd).back();
}
} // namespace

class TestSampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oracleReturnsTheImage_data();
    void oracleReturnsTheImage();
    void gaussianDataStatistics_data();
    void gaussianDataStatistics();
    void intermediateMarginals_data();
    void intermediateMarginals();
    void chainCheckCatchesBrokenDenoisers_data();
    void chainCheckCatchesBrokenDenoisers();
    void marginalCheckJudgesByStandardErrors();
    void ddimEtaZeroIgnoresSeed_data();
    void ddimEtaZeroIgnoresSeed();
    void oneStepSpread_data();
    void oneStepSpread();
    void ddimOneStep_data();
    void ddimOneStep();
    void stepInterface_data();
    void stepInterface();
    void langevinStepsInClosedForm_data();
    void langevinStepsInClosedForm();
    void cancelBetweenSteps();
    void sameSeedSameImages();
    void chunksGiveTheSameImages_data();
    void chunksGiveTheSameImages();
    void ddimTimestepSequence();
    void samplerTimestepsAndSigma();
    void langevinFixedLevel();
    void denoiseFromHere();
    void denoiseFromHereChain_data();
    void denoiseFromHereChain();
};

void TestSampler::oracleReturnsTheImage_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("variance");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("prediction");
    QTest::addColumn<bool>("clip");
    QTest::newRow("ddpm beta eps") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0
                                   << int(Prediction::Epsilon) << false;
    QTest::newRow("ddpm beta-tilde eps") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0
                                         << int(Prediction::Epsilon) << false;
    QTest::newRow("ddpm beta-tilde clip")
        << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0 << int(Prediction::Epsilon) << true;
    QTest::newRow("ddim eta0 eps") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.0
                                   << int(Prediction::Epsilon) << false;
    QTest::newRow("ddim eta1 eps") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 1.0
                                   << int(Prediction::Epsilon) << false;
    QTest::newRow("ddpm v") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0 << int(Prediction::V) << false;
    QTest::newRow("ddim x0") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.5 << int(Prediction::X0)
                             << false;
    // Annealed Langevin's last level leaves √(1 − ᾱ_1) ≈ 0.01 of noise; its final denoising step removes it.
    QTest::newRow("langevin eps") << int(SamplerKind::Langevin) << int(VarianceKind::Beta) << 0.0
                                  << int(Prediction::Epsilon) << false;
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
    QCOMPARE(rp.totalSteps(), o.kind == SamplerKind::Ddpm ? 1000 : 50);
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
    QTest::addColumn<bool>("bf16");
    QTest::newRow("ddpm beta-tilde") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0 << false;
    QTest::newRow("ddpm beta") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0 << false;
    QTest::newRow("ddim eta0") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.0 << false;
    QTest::newRow("ddim eta1") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 1.0 << false;
    // The same bar with the denoiser seen through bf16 mixed precision: its input x_t and its output
    // rounded to bf16 (8 significant bits), as the bf16 U-Net's first and last convolutions see them.
    QTest::newRow("ddpm beta-tilde bf16") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0 << true;
    QTest::newRow("ddim eta0 bf16") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.0 << true;
    QTest::newRow("ddim eta1 bf16") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 1.0 << true;
}

void TestSampler::gaussianDataStatistics()
{
    // Pixels i.i.d. N(μ, s²): the exact ε predictor is closed form, and the sampled pixels must
    // follow N(μ, s²).
    QFETCH(int, sampler);
    QFETCH(int, variance);
    QFETCH(double, eta);
    QFETCH(bool, bf16);
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
    Denoiser denoiser = gaussianOracle(d, mu, sd);
    if (bf16) {
        const auto round = [](const torch::Tensor& v) { return v.to(torch::kBFloat16).to(torch::kFloat32); };
        denoiser = [exact = denoiser, round](const torch::Tensor& x, const torch::Tensor& t) {
            return round(exact(round(x), t));
        };
    }
    ReverseProcess rp(d, denoiser, o, {1, 8, 8});
    rp.run();
    auto x = rp.current().to(torch::kFloat64);
    const double m = x.mean().item<double>(), s = x.std().item<double>();
    // Against what this chain must give (its own discretisation included), five standard errors of the
    // mean and of the standard deviation over these 16,384 pixels; the chain's target is near N(μ, s²).
    const auto [chainMean, chainVar] =
        chainMoments(alphaBarFromBeta(d.schedule().beta()), d.schedule().beta(), rp.timesteps(), o, mu, sd);
    const double chainSd = std::sqrt(chainVar);
    QVERIFY2(std::abs(chainMean - mu) < 0.01 && std::abs(chainSd - sd) < 0.03,
             qPrintable(QStringLiteral("chain %1 ± %2").arg(chainMean).arg(chainSd)));
    const double n = static_cast<double>(x.numel());
    const double meanTol = 5.0 * chainSd / std::sqrt(n), sdTol = 5.0 * chainSd / std::sqrt(2.0 * n);
    QVERIFY2(std::abs(m - chainMean) < meanTol,
             qPrintable(QStringLiteral("mean %1, the chain gives %2 (bar %3)").arg(m).arg(chainMean).arg(meanTol)));
    QVERIFY2(std::abs(s - chainSd) < sdTol,
             qPrintable(QStringLiteral("std %1, the chain gives %2 (bar %3)").arg(s).arg(chainSd).arg(sdTol)));
}

void TestSampler::intermediateMarginals_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("variance");
    QTest::addColumn<double>("eta");
    // The chain's own bias on Var x_t relative to q(x_t), at the timesteps checked (T = 1000,
    // linear): measured with the closed-form recurrence of the per-pixel mean and variance (every
    // step is affine in x_t for Gaussian data), about twice the largest value found there.
    QTest::addColumn<double>("varSlack");
    // 0.2 %: β̃ leaves out c0² Var[x0 | x_t], the spread of x̂0 the reverse q(x_{t−1} | x_t) adds.
    QTest::newRow("ddpm beta-tilde") << int(SamplerKind::Ddpm) << int(VarianceKind::BetaTilde) << 0.0 << 0.005;
    // +0.9 %: β is the upper bound of Ho et al. §3.2.
    QTest::newRow("ddpm beta") << int(SamplerKind::Ddpm) << int(VarianceKind::Beta) << 0.0 << 0.02;
    // 100 DDIM steps, at t = 102: −0.9 % with η = 0, −2 % with η = 1.
    QTest::newRow("ddim eta0") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 0.0 << 0.02;
    QTest::newRow("ddim eta1") << int(SamplerKind::Ddim) << int(VarianceKind::Beta) << 1.0 << 0.04;
}

void TestSampler::intermediateMarginals()
{
    // Pixels i.i.d. N(μ, s²) and the exact ε̂: every x_t the chain passes through must follow what the
    // chain's affine steps give (ddpm::checkGaussianChain, five standard errors), and that must lie near
    // q(x_t) = N(√ᾱ_t μ, ᾱ_t s² + 1 − ᾱ_t) (eq. 4), not only x_0. A wrong coefficient in the middle of the
    // chain shows here even where the end statistics survive it (σ × 1.2 over t = 300 … 700 moves
    // Var x_0 by 1 % but Var x_500 by 40 %); the frame near t = 15 sees the last steps but one.
    QFETCH(int, sampler);
    QFETCH(int, variance);
    QFETCH(double, eta);
    QFETCH(double, varSlack);
    const double mu = 0.3, sd = 0.2;
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto abar = alphaBarFromBeta(schedule.beta());
    SamplerOptions o;
    o.kind = SamplerKind(sampler);
    o.variance = VarianceKind(variance);
    o.eta = eta;
    o.clipX0 = false;
    o.ddimSteps = 100;
    // 32 000 pixels: standard errors of 0.6 % of the spread on the mean and 0.8 % on the variance,
    // and each tensor stays under LibTorch's grain size (32 768) so no step wakes the OpenMP pool,
    // which on a busy machine costs ten times the work itself.
    o.count = 500;
    o.seed = 5;

    // The engine's moments against this file's own recurrence (written from β alone), at every step.
    const ReverseProcess probe(d, exactGaussianEps(abar, mu, sd), o, {1, 8, 8});
    const auto engine = gaussianChainMoments(schedule, probe.timesteps(), o, mu, sd);
    const auto mine = chainMomentsAlong(abar, schedule.beta(), probe.timesteps(), o, mu, sd);
    QCOMPARE(engine.t.size(), mine.size());
    for (size_t k = 0; k < mine.size(); ++k) {
        QVERIFY(std::abs(engine.mean[k] - mine[k].first) < 1e-12);
        QVERIFY(std::abs(engine.var[k] - mine[k].second) < 1e-12);
    }

    const auto checks = checkGaussianChain(d, exactGaussianEps(abar, mu, sd), o, mu, sd, {1, 8, 8});
    QCOMPARE(checks.size(), size_t(6)); // 750, 500, 250, 100, 15 and x_0
    QVERIFY(checks[4].t >= 10 && checks[4].t <= 20);
    for (const MarginalCheck& c : checks) {
        QVERIFY2(c.pass, qPrintable(QStringLiteral("t = %1: mean %2 variance %3, the chain gives %4 and %5 (%6 SE)")
                                        .arg(c.t)
                                        .arg(c.mean)
                                        .arg(c.var)
                                        .arg(c.expectedMean)
                                        .arg(c.expectedVar)
                                        .arg(c.z)));
        // The chain's own bias against q(x_t), exact numbers (the mean's, at most 0.002, is x_T ~ N(0, 1)
        // missing √ᾱ_T μ), where the slacks above hold: near t = 15 the chains' variance is below q's by
        // 2 % (β̃), 9 % (DDIM η = 0) and 20 % (η = 1), the part of the discretisation the last steps undo.
        if (c.t < 100)
            continue;
        const double a = abar[static_cast<size_t>(c.t - 1)];
        const double qMean = std::sqrt(a) * mu, qVar = a * sd * sd + 1.0 - a;
        QVERIFY2(std::abs(c.expectedMean - qMean) < 0.003 && std::abs(c.expectedVar / qVar - 1.0) < varSlack,
                 qPrintable(QStringLiteral("t = %1: the chain gives %2 and %3, q(x_t) has %4 and %5")
                                .arg(c.t)
                                .arg(c.expectedMean)
                                .arg(c.expectedVar)
                                .arg(qMean)
                                .arg(qVar)));
    }
}

void TestSampler::chainCheckCatchesBrokenDenoisers_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("breakage");
    for (int b = 0; b < 3; ++b) {
        const char* what[] = {"eps x0 for t > 1", "eps x2 for t > 1", "x0-hat off by 300 for t in 300..700"};
        QTest::newRow(qPrintable(QStringLiteral("ddpm, %1").arg(QLatin1String(what[b]))))
            << int(SamplerKind::Ddpm) << b;
        QTest::newRow(qPrintable(QStringLiteral("ddim, %1").arg(QLatin1String(what[b]))))
            << int(SamplerKind::Ddim) << b;
    }
}

void TestSampler::chainCheckCatchesBrokenDenoisers()
{
    // Denoisers wrong in the middle of the chain: the one-image oracle's image still comes back (the
    // last step outputs x̂0 whatever x_1 is), and the chain check fails.
    QFETCH(int, sampler);
    QFETCH(int, breakage);
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto abar = alphaBarFromBeta(schedule.beta());
    auto breakIt = [&](Denoiser exact) -> Denoiser {
        return [exact, breakage, abar](const torch::Tensor& x, const torch::Tensor& tIndex) {
            auto eps = exact(x, tIndex);
            const int t = static_cast<int>(tIndex[0].item<int64_t>()) + 1;
            if (breakage == 0 && t > 1)
                return eps * 0.0;
            if (breakage == 1 && t > 1)
                return eps * 2.0;
            if (breakage == 2 && t >= 300 && t <= 700) {
                // x̂0 = (x − √(1−ᾱ) ε̂)/√ᾱ moves by 300 when ε̂ moves by −300 √ᾱ/√(1−ᾱ).
                const double a = abar[static_cast<size_t>(t - 1)];
                return eps - 300.0 * std::sqrt(a) / std::sqrt(1.0 - a);
            }
            return eps;
        };
    };
    SamplerOptions o;
    o.kind = SamplerKind(sampler);
    o.variance = VarianceKind::BetaTilde;
    o.clipX0 = false;
    o.ddimSteps = 100;
    o.count = 500;
    o.seed = 5;
    const double mu = 0.3, sd = 0.2;
    const auto checks = checkGaussianChain(d, breakIt(exactGaussianEps(abar, mu, sd)), o, mu, sd, {1, 8, 8});
    int failed = 0;
    for (const MarginalCheck& c : checks)
        failed += c.pass ? 0 : 1;
    QVERIFY2(failed > 0, "a broken denoiser passed the chain check");

    if (breakage < 2) { // the blind spot the chain check closes
        o.count = 4;
        const auto x0 = testImage();
        ReverseProcess rp(d, breakIt(singleImageOracle(d, x0)), o, {1, 8, 8});
        rp.run();
        const double err = (rp.current() - x0.unsqueeze(0)).abs().max().item<double>();
        QVERIFY2(err < 1e-3, qPrintable(QStringLiteral("the last step alone saw it: %1").arg(err)));
    }
}

void TestSampler::ddimEtaZeroIgnoresSeed_data()
{
    QTest::addColumn<double>("eta");
    QTest::addColumn<bool>("seedMatters");
    QTest::newRow("eta 0") << 0.0 << false;
    QTest::newRow("eta 0.5") << 0.5 << true;
    QTest::newRow("eta 1") << 1.0 << true;
}

void TestSampler::ddimEtaZeroIgnoresSeed()
{
    // DDIM with η = 0 (eq. 12 with σ_t = 0) is a deterministic map x_T → x_0: the seed must not
    // reach it. With η > 0 it draws fresh noise each step, so the seed must.
    QFETCH(double, eta);
    QFETCH(bool, seedMatters);
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto denoiser = exactGaussianEps(alphaBarFromBeta(schedule.beta()), 0.3, 0.2);
    auto gen = at::detail::createCPUGenerator(77);
    const auto xT = torch::randn({4, 1, 8, 8}, gen, torch::dtype(torch::kFloat32));
    auto sample = [&](uint64_t seed) {
        SamplerOptions o;
        o.kind = SamplerKind::Ddim;
        o.eta = eta;
        o.ddimSteps = 50;
        o.clipX0 = false;
        o.seed = seed;
        ReverseProcess rp(d, denoiser, o, xT, d.steps());
        rp.run();
        return rp.current().clone();
    };
    const auto x1 = sample(1), x2 = sample(2), x3 = sample(123456789);
    if (seedMatters) {
        QVERIFY(!torch::allclose(x1, x2, 1e-3, 1e-3));
        QVERIFY(!torch::allclose(x1, x3, 1e-3, 1e-3));
    } else {
        QVERIFY(torch::equal(x1, x2));
        QVERIFY(torch::equal(x1, x3));
    }
    QVERIFY(!torch::allclose(x1, xT)); // it did move
}

void TestSampler::oneStepSpread_data()
{
    QTest::addColumn<int>("variance");
    QTest::addColumn<int>("t");
    // Small t, where β̃_t / β_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) is far from 1 (0.45 at t = 2, 0.85 at
    // t = 10); at large t the two nearly agree (0.9997 at t = 600).
    QTest::newRow("beta t=2") << int(VarianceKind::Beta) << 2;
    QTest::newRow("beta-tilde t=2") << int(VarianceKind::BetaTilde) << 2;
    QTest::newRow("beta t=10") << int(VarianceKind::Beta) << 10;
    QTest::newRow("beta-tilde t=10") << int(VarianceKind::BetaTilde) << 10;
    QTest::newRow("beta t=600") << int(VarianceKind::Beta) << 600;
    QTest::newRow("beta-tilde t=600") << int(VarianceKind::BetaTilde) << 600;
    // z = 0 at t = 1 whatever the variance (Algorithm 2, line 3).
    QTest::newRow("beta t=1") << int(VarianceKind::Beta) << 1;
    QTest::newRow("beta-tilde t=1") << int(VarianceKind::BetaTilde) << 1;
}

void TestSampler::oneStepSpread()
{
    // One step of Algorithm 2 from a fixed x_t, over a large batch of identical pixels:
    // x_{t−1} = μ̃_t(x_t, x̂0) + σ_t z with μ̃_t of eq. 7 and σ_t² = β_t or β̃_t, all re-derived
    // here from β.
    QFETCH(int, variance);
    QFETCH(int, t);
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto& beta = schedule.beta();
    const auto abarTable = alphaBarFromBeta(beta);
    const auto i = static_cast<size_t>(t - 1);
    const double b = beta[i], abar = abarTable[i], abarPrev = t > 1 ? abarTable[i - 1] : 1.0;
    const double betaTilde = (1.0 - abarPrev) / (1.0 - abar) * b;
    const double sigma2 = t == 1 ? 0.0 : VarianceKind(variance) == VarianceKind::Beta ? b : betaTilde;
    const double mu = 0.3, sd = 0.2;

    // Two levels of x_t, one per image, so that a wrong weight on x_t or on x̂0 both show.
    const std::vector<double> levels{-0.7, 1.3};
    // 16 000 pixels each: the variance is known to 1.1 % (one standard error), against β̃/β = 0.85 at
    // t = 10; 32 000 in all stays under LibTorch's grain size, as in intermediateMarginals().
    auto xt = torch::cat({torch::full({1, 1, 125, 128}, levels[0]), torch::full({1, 1, 125, 128}, levels[1])});
    SamplerOptions o;
    o.kind = SamplerKind::Ddpm;
    o.variance = VarianceKind(variance);
    o.clipX0 = false;
    o.seed = 21;
    ReverseProcess rp(d, exactGaussianEps(abarTable, mu, sd), o, xt, t);
    QCOMPARE(rp.timesteps().front(), t);
    rp.next();
    const auto xPrev = rp.current().to(torch::kFloat64);

    for (size_t k = 0; k < levels.size(); ++k) {
        const double x = levels[k];
        const double eps = std::sqrt(1.0 - abar) * (x - std::sqrt(abar) * mu) / (abar * sd * sd + 1.0 - abar);
        const double x0 = (x - std::sqrt(1.0 - abar) * eps) / std::sqrt(abar);
        // Eq. 7: μ̃_t = √ᾱ_{t−1} β_t / (1 − ᾱ_t) · x̂0 + √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · x_t.
        const double meanTilde =
            std::sqrt(abarPrev) * b / (1.0 - abar) * x0 + std::sqrt(1.0 - b) * (1.0 - abarPrev) / (1.0 - abar) * x;
        const auto sample = xPrev[static_cast<int64_t>(k)];
        const double n = static_cast<double>(sample.numel());
        const double m = sample.mean().item<double>(), v = sample.var().item<double>();
        // Five standard errors, plus float32 rounding of x_{t−1} (|x| < 2).
        const double meanTol = 5.0 * std::sqrt(sigma2 / n) + 1e-6;
        const double varTol = 5.0 * sigma2 * std::sqrt(2.0 / n) + 1e-12;
        QVERIFY2(std::abs(m - meanTilde) < meanTol,
                 qPrintable(QStringLiteral("x_t = %1: mean %2, eq. 7 gives %3 (tolerance %4)")
                                .arg(x)
                                .arg(m, 0, 'g', 9)
                                .arg(meanTilde, 0, 'g', 9)
                                .arg(meanTol)));
        QVERIFY2(std::abs(v - sigma2) < varTol,
                 qPrintable(QStringLiteral("x_t = %1: variance %2, expected %3 (β %4, β̃ %5, tolerance %6)")
                                .arg(x)
                                .arg(v)
                                .arg(sigma2)
                                .arg(b)
                                .arg(betaTilde)
                                .arg(varTol)));
    }
}

void TestSampler::ddimOneStep_data()
{
    QTest::addColumn<int>("t");
    QTest::addColumn<double>("eta");
    QTest::newRow("t = 500, η = 0") << 500 << 0.0;
    QTest::newRow("t = 500, η = 0.5") << 500 << 0.5;
    QTest::newRow("t = 500, η = 1") << 500 << 1.0;
    QTest::newRow("t = 20, η = 1") << 20 << 1.0;
}

// One DDIM step from a fixed x_t to the next timestep s of the run, over many identical pixels, against
// DDIM's eq. 12 (Song et al. 2021) re-derived here: x_s = √ᾱ_s x̂0 + √(1 − ᾱ_s − σ²) ε̂ + σ z with
// σ = η √((1 − ᾱ_s)/(1 − ᾱ_t)) √(1 − ᾱ_t/ᾱ_s), ε̂ and x̂0 from the exact denoiser of N(μ, s²) data. A
// wrong weight on x̂0 or ε̂, or a σ off by its η, moves the mean or the variance past five standard errors.
void TestSampler::ddimOneStep()
{
    QFETCH(int, t);
    QFETCH(double, eta);
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto abarTable = alphaBarFromBeta(schedule.beta());
    const double mu = 0.3, sd = 0.2;
    const std::vector<double> levels{-0.7, 1.3};
    auto xt = torch::cat({torch::full({1, 1, 125, 128}, levels[0]), torch::full({1, 1, 125, 128}, levels[1])});
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 10;
    o.eta = eta;
    o.clipX0 = false;
    o.seed = 5;
    ReverseProcess rp(d, exactGaussianEps(abarTable, mu, sd), o, xt, t);
    QCOMPARE(rp.timesteps().front(), t);
    QVERIFY(rp.timesteps().size() >= 2);
    const int sStep = rp.timesteps()[1];
    QVERIFY(sStep >= 1 && sStep < t);
    rp.next();
    const auto xs = rp.current().to(torch::kFloat64);
    const double abar = abarTable[static_cast<size_t>(t - 1)], abarS = abarTable[static_cast<size_t>(sStep - 1)];
    const double sigma = eta * std::sqrt((1.0 - abarS) / (1.0 - abar)) * std::sqrt(1.0 - abar / abarS);
    for (size_t k = 0; k < levels.size(); ++k) {
        const double x = levels[k];
        const double eps = std::sqrt(1.0 - abar) * (x - std::sqrt(abar) * mu) / (abar * sd * sd + 1.0 - abar);
        const double x0 = (x - std::sqrt(1.0 - abar) * eps) / std::sqrt(abar);
        const double mean = std::sqrt(abarS) * x0 + std::sqrt(1.0 - abarS - sigma * sigma) * eps;
        const auto sample = xs[static_cast<int64_t>(k)];
        const double n = static_cast<double>(sample.numel());
        const double m = sample.mean().item<double>(), v = sample.var().item<double>();
        const double meanTol = 5.0 * sigma / std::sqrt(n) + 1e-5;
        const double varTol = 5.0 * sigma * sigma * std::sqrt(2.0 / n) + 1e-10;
        QVERIFY2(std::abs(m - mean) < meanTol, qPrintable(QStringLiteral("x_t = %1 → s = %2: mean %3, eq. 12 gives %4")
                                                              .arg(x)
                                                              .arg(sStep)
                                                              .arg(m, 0, 'g', 9)
                                                              .arg(mean, 0, 'g', 9)));
        QVERIFY2(std::abs(v - sigma * sigma) < varTol,
                 qPrintable(QStringLiteral("x_t = %1: variance %2, σ² = %3").arg(x).arg(v).arg(sigma * sigma)));
    }
}

void TestSampler::stepInterface_data()
{
    QTest::addColumn<bool>("outside");
    QTest::newRow("image inside [-1, 1]") << false;
    QTest::newRow("image partly outside, clipped") << true;
}

void TestSampler::stepInterface()
{
    // The one-image oracle of g predicts x̂0 = g from any x_t; clipped, x̂0 = clamp(g) and ε̂ is re-derived
    // from it, so a DDIM step (η = 0) is eq. 12 with the clipped x̂0 and its own ε̂.
    QFETCH(bool, outside);
    ScheduleOptions so;
    so.steps = 100;
    Diffusion d{NoiseSchedule(so), Prediction::Epsilon};
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 10;
    o.count = 2;
    o.clipX0 = true;
    auto g = testImage();
    if (outside) {
        g[0][0][0] = 1.5;
        g[0][3][4] = -1.3;
    }
    const auto x0 = g.clamp(-1, 1);
    ReverseProcess rp(d, singleImageOracle(d, g), o, {1, 8, 8});
    const auto abar = alphaBarFromBeta(d.schedule().beta());
    int steps = 0, lastT = 101;
    ReverseStep previous;
    while (!rp.done()) {
        auto s = rp.next();
        QCOMPARE(s.step, steps);
        QVERIFY(s.t < lastT);
        QVERIFY(s.tNext < s.t);
        QCOMPARE(s.xt.sizes(), torch::IntArrayRef({2, 1, 8, 8}));
        QCOMPARE(s.x0Hat.sizes(), s.xt.sizes());
        QCOMPARE(s.epsHat.sizes(), s.xt.sizes());
        if (steps == 0)
            QCOMPARE(s.t, 100); // the chain starts at T
        const auto i = static_cast<size_t>(s.t - 1);
        // The one-image oracle is exact: x̂0 is the image, and ε̂ the noise that makes x_t from it (eq. 4).
        QVERIFY(torch::allclose(s.x0Hat, x0.expand_as(s.x0Hat), 1e-4, 1e-4));
        const auto epsTrue = (s.xt - std::sqrt(abar[i]) * x0) / std::sqrt(1 - abar[i]);
        QVERIFY(torch::allclose(s.epsHat, epsTrue, 1e-3, 1e-3));
        // DDIM with η = 0 (Song et al. 2021, eq. 12): x_{t'} = √ᾱ_{t'} x̂0 + √(1−ᾱ_{t'}) ε̂, no noise.
        if (steps > 0) {
            QCOMPARE(s.t, previous.tNext);
            const auto j = static_cast<size_t>(s.t - 1), k = static_cast<size_t>(previous.t - 1);
            const auto epsBefore = (previous.xt - std::sqrt(abar[k]) * x0) / std::sqrt(1 - abar[k]);
            const auto expected = std::sqrt(abar[j]) * x0 + std::sqrt(1 - abar[j]) * epsBefore;
            QVERIFY(torch::allclose(s.xt, expected, 1e-4, 1e-4));
        }
        previous = s;
        lastT = s.t;
        ++steps;
    }
    QCOMPARE(steps, 10);
    QCOMPARE(lastT, 1);
}

void TestSampler::langevinStepsInClosedForm_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("t");
    QTest::addColumn<int>("steps");
    // Annealed Langevin at its first level t (Song & Ermon 2019): x' = x + (η/2) s(x) + √η z with
    // η = langevinStep (1 − ᾱ_t), s the score of q(x_t).
    QTest::newRow("langevin t=20") << int(SamplerKind::Langevin) << 20 << 20;
    QTest::newRow("langevin t=600") << int(SamplerKind::Langevin) << 600 << 10;
    // A predictor step, then one corrector step at the level it reached (Song et al. 2021, Algorithm 5):
    // x' = x + ε s(x) + √(2ε) z with ε = 2 α_t' snr² (1 − ᾱ_t').
    QTest::newRow("ddpm + corrector t=100") << int(SamplerKind::Ddpm) << 100 << 0;
    QTest::newRow("ddim + corrector t=300, 3 steps") << int(SamplerKind::Ddim) << 300 << 3;
}

void TestSampler::langevinStepsInClosedForm()
{
    // For pixels N(μ, s²) the score at level t is −(x − √ᾱ_t μ)/v_t, v_t = ᾱ_t s² + 1 − ᾱ_t, so a Langevin
    // step from identical pixels x has mean x − c (x − √ᾱ μ)/v and variance carried in closed form.
    QFETCH(int, sampler);
    QFETCH(int, t);
    QFETCH(int, steps);
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto& beta = schedule.beta();
    const auto abar = alphaBarFromBeta(beta);
    const double mu = 0.3, sd = 0.2;
    SamplerOptions o;
    o.kind = SamplerKind(sampler);
    o.ddimSteps = steps;
    o.variance = VarianceKind::BetaTilde;
    o.clipX0 = false;
    o.seed = 5;
    o.langevinSteps = 1;
    o.langevinStep = 0.5;
    o.snr = 0.16;
    const bool corrector = !isLangevinSampler(o.kind);
    if (corrector)
        o.corrector = CorrectorKind::Langevin;
    const std::vector<double> levels{-0.7, 1.3};
    auto xt = torch::cat({torch::full({1, 1, 125, 128}, levels[0]), torch::full({1, 1, 125, 128}, levels[1])});
    ReverseProcess rp(d, exactGaussianEps(abar, mu, sd), o, xt, t);
    QCOMPARE(rp.timesteps().front(), t);
    const int tNext = rp.timesteps().size() > 1 ? rp.timesteps()[1] : 0;
    QVERIFY(tNext > 0);
    rp.next();
    const auto after = rp.current().to(torch::kFloat64);

    const auto level = [&](int u) {
        const double a = abar[static_cast<size_t>(u - 1)];
        return std::make_pair(a, a * sd * sd + 1 - a);
    };
    for (size_t k = 0; k < levels.size(); ++k) {
        const double x = levels[k];
        const auto [a, v] = level(t);
        double mean = 0, var = 0;
        if (!corrector) {
            const double eta = o.langevinStep * (1 - a);
            mean = x - 0.5 * eta * (x - std::sqrt(a) * mu) / v;
            var = eta;
        } else {
            // The predictor: eq. 7 with β̃_t (DDPM) or eq. 12 with η = 0 (DDIM), from the exact x̂0.
            const double eps = std::sqrt(1 - a) * (x - std::sqrt(a) * mu) / v;
            const double x0 = (x - std::sqrt(1 - a) * eps) / std::sqrt(a);
            const auto [an, vn] = level(tNext);
            if (o.kind == SamplerKind::Ddpm) {
                const double b = beta[static_cast<size_t>(t - 1)];
                mean = std::sqrt(an) * b / (1 - a) * x0 + std::sqrt(1 - b) * (1 - an) / (1 - a) * x;
                var = (1 - an) / (1 - a) * b;
            } else {
                mean = std::sqrt(an) * x0 + std::sqrt(1 - an) * eps;
            }
            // The corrector at t': x' = (1 − ε/v') x + ε √ᾱ' μ / v' + √(2ε) z.
            const double step = 2 * (1 - beta[static_cast<size_t>(tNext - 1)]) * o.snr * o.snr * (1 - an);
            mean = (1 - step / vn) * mean + step * std::sqrt(an) * mu / vn;
            var = std::pow(1 - step / vn, 2) * var + 2 * step;
        }
        const auto sample = after[static_cast<int64_t>(k)];
        const double n = static_cast<double>(sample.numel());
        const double m = sample.mean().item<double>(), v2 = sample.var().item<double>();
        const double meanTol = 5 * std::sqrt(var / n) + 1e-6, varTol = 5 * var * std::sqrt(2 / n);
        QVERIFY2(std::abs(m - mean) < meanTol && std::abs(v2 - var) < varTol,
                 qPrintable(QStringLiteral("x_t = %1: mean %2 (expected %3), variance %4 (expected %5)")
                                .arg(x)
                                .arg(m, 0, 'g', 7)
                                .arg(mean, 0, 'g', 7)
                                .arg(v2, 0, 'g', 7)
                                .arg(var, 0, 'g', 7)));
    }
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

void TestSampler::chunksGiveTheSameImages_data()
{
    QTest::addColumn<int>("sampler");
    QTest::newRow("ddpm") << int(SamplerKind::Ddpm);
    QTest::newRow("ddim eta 1") << int(SamplerKind::Ddim);
}

void TestSampler::chunksGiveTheSameImages()
{
    // Image i depends on (seed, i) alone: 7 images in one batch, in chunks of 3 (3 + 3 + 1) and of 2
    // are the same images, and the chunks arrive in order with their first index.
    QFETCH(int, sampler);
    ScheduleOptions so;
    so.steps = 100;
    Diffusion d(NoiseSchedule(so), Prediction::Epsilon);
    SamplerOptions o;
    o.kind = static_cast<SamplerKind>(sampler);
    o.ddimSteps = 20;
    o.eta = 1.0;
    o.count = 7;
    o.seed = 42;
    o.clipX0 = false;
    const auto denoiser = gaussianOracle(d, 0.1, 0.4);
    auto inChunks = [&](int batch) {
        std::vector<torch::Tensor> parts;
        std::vector<int64_t> firsts;
        int steps = 0;
        const bool done = sampleInChunks(
            d, denoiser, o, {1, 3, 3}, batch,
            [&](const ReverseProcess& chunk, int64_t first) {
                parts.push_back(chunk.current().clone());
                firsts.push_back(first);
            },
            [&](const ReverseProcess&, const ReverseStep&) { ++steps; });
        [&] { QVERIFY(done); }();
        const int chunks = (7 + batch - 1) / batch;
        [&] { QCOMPARE(int(firsts.size()), chunks); }();
        for (int k = 0; k < chunks; ++k)
            [&] { QCOMPARE(firsts[static_cast<size_t>(k)], int64_t{k} * batch); }();
        [&] { QCOMPARE(steps, chunks * (o.kind == SamplerKind::Ddim ? 20 : 100)); }();
        return torch::cat(parts, 0);
    };
    ReverseProcess whole(d, denoiser, o, {1, 3, 3});
    whole.run();
    const auto x7 = inChunks(7), x3 = inChunks(3), x2 = inChunks(2);
    QVERIFY(torch::allclose(whole.current(), x7, 0, 0));
    QVERIFY(torch::allclose(x7, x3, 1e-6, 1e-6));
    QVERIFY(torch::allclose(x7, x2, 1e-6, 1e-6));
    // And the images differ from one another (each has its own noise).
    QVERIFY(!torch::allclose(x7[0], x7[1]));
    // A cancelled run stops between steps and reports it.
    std::atomic<bool> cancel{true};
    QVERIFY(!sampleInChunks(d, denoiser, o, {1, 3, 3}, 3, {}, {}, &cancel));
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
    // 5 of 1000, linspace: 1 + 999 k / 4 rounded, both ends (the last step goes from t = 1 to x₀); trailing:
    // 1000 (S − k) / S, every step as long, the last from T/S = 200.
    QCOMPARE(ddimTimesteps(1000, 5), (std::vector<int>{1000, 750, 501, 251, 1}));
    QCOMPARE(ddimTimesteps(1000, 5, TimestepSpacing::Trailing), (std::vector<int>{1000, 800, 600, 400, 200}));
    QCOMPARE(ddimTimesteps(10, 3, TimestepSpacing::Trailing), (std::vector<int>{10, 7, 3})); // 10, 6.67, 3.33
    QCOMPARE(ddimTimesteps(500, 5, TimestepSpacing::Trailing), (std::vector<int>{500, 400, 300, 200, 100})); // a fork
    QCOMPARE(ddimTimesteps(300, 1, TimestepSpacing::Trailing), std::vector<int>{300});
    // Every timestep, or more steps than there are: both are the whole chain T … 1.
    QCOMPARE(ddimTimesteps(1000, 1000, TimestepSpacing::Trailing), ddimTimesteps(1000, 1000));
    QCOMPARE(ddimTimesteps(7, 50, TimestepSpacing::Trailing), (std::vector<int>{7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(parseTimestepSpacing("trailing").value(), TimestepSpacing::Trailing);
    const auto unknown = parseTimestepSpacing("leading");
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().find("linspace, trailing") != std::string::npos, unknown.error().c_str());
}

void TestSampler::langevinFixedLevel()
{
    // Langevin at one level, left to choose it, picks the t where the noise's share √(1 − ᾱ_t) is about 0.1
    // under the paper's linear schedule (1 − ᾱ_t ≈ 1e-4 t + 1e-5 t² there, so t ≈ 30 of 1000), the same
    // fraction of a shorter chain's start, and never below 1 or above the start; a level given is kept.
    const NoiseSchedule schedule{ScheduleOptions{}};
    SamplerOptions o;
    o.kind = SamplerKind::LangevinFixed;
    const int t = langevinFixedT(o, schedule.steps());
    const double noise = schedule.sqrtOneMinusAlphaBar()[static_cast<size_t>(t - 1)];
    QVERIFY2(noise > 0.08 && noise < 0.12, qPrintable(QStringLiteral("t %1: √(1 − ᾱ) = %2").arg(t).arg(noise)));
    QCOMPARE(langevinFixedT(o, 500), (t + 1) / 2);
    QCOMPARE(langevinFixedT(o, 10), 1);
    o.fixedT = 7;
    QCOMPARE(langevinFixedT(o, 1000), 7);
    QCOMPARE(langevinFixedT(o, 5), 5);
    o.ddimSteps = 4;
    QCOMPARE(samplerTimesteps(o, 1000), std::vector<int>(4, 7));
}

void TestSampler::samplerTimestepsAndSigma()
{
    // The visited timesteps: every t from the start for DDPM, DDIM's subsequence; what ReverseProcess uses.
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    SamplerOptions o;
    o.kind = SamplerKind::Ddpm;
    auto ddpm = samplerTimesteps(o, 400);
    QCOMPARE(int(ddpm.size()), 400);
    QCOMPARE(ddpm.front(), 400);
    QCOMPARE(ddpm.back(), 1);
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 25;
    QCOMPARE(samplerTimesteps(o, 1000), ddimTimesteps(1000, 25));
    const ReverseProcess rp(d, singleImageOracle(d, testImage()), o, {1, 8, 8});
    QCOMPARE(rp.timesteps(), samplerTimesteps(o, 1000));
    // The spacing is DDIM's: a trailing run visits its timesteps, and annealed Langevin keeps its levels down
    // to t = 1 whatever the option says.
    o.spacing = TimestepSpacing::Trailing;
    QCOMPARE(samplerTimesteps(o, 1000), ddimTimesteps(1000, 25, TimestepSpacing::Trailing));
    QCOMPARE(samplerTimesteps(o, 1000).back(), 40);
    QCOMPARE(ReverseProcess(d, singleImageOracle(d, testImage()), o, {1, 8, 8}).timesteps(), samplerTimesteps(o, 1000));
    o.kind = SamplerKind::Langevin;
    QCOMPARE(samplerTimesteps(o, 1000), ddimTimesteps(1000, 25));
    o.kind = SamplerKind::Ddim;
    o.spacing = TimestepSpacing::Linspace;

    // σ against the closed forms, from β alone: DDPM √β_t and √β̃_t = √((1 − ᾱ_{t−1})/(1 − ᾱ_t) β_t), none
    // at t = 1; DDIM with η = 1 over consecutive steps is β̃ (Song et al. 2021, below eq. 16), η = 0 none.
    const auto abar = alphaBarFromBeta(schedule.beta());
    const auto& beta = schedule.beta();
    for (int t : {2, 10, 500, 1000}) {
        const auto i = static_cast<size_t>(t - 1);
        const double betaTilde = (1.0 - abar[i - 1]) / (1.0 - abar[i]) * beta[i];
        SamplerOptions p;
        p.kind = SamplerKind::Ddpm;
        p.variance = VarianceKind::Beta;
        QVERIFY(std::abs(samplerSigma(schedule, p, t, t - 1) - std::sqrt(beta[i])) < 1e-12);
        p.variance = VarianceKind::BetaTilde;
        QVERIFY(std::abs(samplerSigma(schedule, p, t, t - 1) - std::sqrt(betaTilde)) < 1e-12);
        p.kind = SamplerKind::Ddim;
        p.eta = 1.0;
        QVERIFY(std::abs(samplerSigma(schedule, p, t, t - 1) - std::sqrt(betaTilde)) < 1e-9);
        p.eta = 0.0;
        QCOMPARE(samplerSigma(schedule, p, t, t - 1), 0.0);
    }
    SamplerOptions p;
    p.kind = SamplerKind::Ddpm;
    QCOMPARE(samplerSigma(schedule, p, 1, 0), 0.0);
    QCOMPARE(samplerSigma(schedule, p, 0, 0), 0.0);
    QCOMPARE(samplerSigma(schedule, p, 1001, 1000), 0.0);
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

void TestSampler::denoiseFromHereChain_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<double>("eta");
    QTest::newRow("ddpm") << int(SamplerKind::Ddpm) << 0.0;
    QTest::newRow("ddim eta0") << int(SamplerKind::Ddim) << 0.0;
    QTest::newRow("ddim eta1") << int(SamplerKind::Ddim) << 1.0;
}

void TestSampler::denoiseFromHereChain()
{
    // "Denoise from here" over the whole chain: Gaussian data noised to t = 400 and the exact ε̂; every
    // x_t the run passes (and x_0) against the moments its steps give from q(x_400), five standard errors.
    QFETCH(int, sampler);
    QFETCH(double, eta);
    const double mu = 0.3, sd = 0.2;
    const int t = 400;
    const NoiseSchedule schedule{ScheduleOptions{}};
    const Diffusion d(schedule, Prediction::Epsilon);
    const auto abar = alphaBarFromBeta(schedule.beta());
    torch::manual_seed(17);
    auto x0 = mu + sd * torch::randn({500, 1, 8, 8});
    auto xt = d.qSample(x0, torch::full({500}, t - 1, torch::kInt64), torch::randn_like(x0));
    SamplerOptions o;
    o.kind = SamplerKind(sampler);
    o.variance = VarianceKind::BetaTilde;
    o.eta = eta;
    o.clipX0 = false;
    o.ddimSteps = 40;
    o.count = 500;
    o.seed = 8;
    ReverseProcess rp(d, exactGaussianEps(abar, mu, sd), o, xt, t);
    QCOMPARE(rp.timesteps().front(), t);
    const double a = abar[static_cast<size_t>(t - 1)];
    const auto expected =
        gaussianChainMoments(schedule, rp.timesteps(), o, mu, sd, std::sqrt(a) * mu, a * sd * sd + 1.0 - a);
    std::vector<MarginalCheck> checks;
    size_t k = 0;
    rp.run(nullptr, [&](const ReverseStep& step) {
        QCOMPARE(step.t, expected.t[k]);
        if (k % 5 == 0 || step.t <= 20)
            checks.push_back(checkMarginal(step.t, step.xt, expected.mean[k], expected.var[k]));
        ++k;
    });
    checks.push_back(checkMarginal(0, rp.current(), expected.mean.back(), expected.var.back()));
    QVERIFY(checks.size() >= 8);
    QVERIFY(std::any_of(checks.begin(), checks.end(), [](const MarginalCheck& c) { return c.t >= 10 && c.t <= 20; }));
    for (const MarginalCheck& c : checks)
        QVERIFY2(c.pass, qPrintable(QStringLiteral("t = %1: mean %2 variance %3, the chain gives %4 and %5 (%6 SE)")
                                        .arg(c.t)
                                        .arg(c.mean)
                                        .arg(c.var)
                                        .arg(c.expectedMean)
                                        .arg(c.expectedVar)
                                        .arg(c.z)));
}

// The chain checks' verdict: draws whose sample mean or variance is more than five standard errors from the
// expected one fail, within it pass. Draws with exactly the expected moments, then moved by k standard errors.
void TestSampler::marginalCheckJudgesByStandardErrors()
{
    const int n = 100000;
    const double mu = 0.3, var = 0.49;
    torch::manual_seed(4);
    auto z = torch::randn({n}, torch::kFloat64);
    z = (z - z.mean()) / z.std(); // sample mean 0, sample variance 1, exactly
    const auto draws = z * std::sqrt(var) + mu;
    const double seMean = std::sqrt(var / n), seVar = var * std::sqrt(2.0 / (n - 1));
    const auto exact = checkMarginal(7, draws, mu, var);
    QVERIFY(exact.pass);
    QVERIFY2(exact.z < 1e-6, qPrintable(QString::number(exact.z)));
    QCOMPARE(exact.t, 7);
    for (const double k : {4.9, 5.1}) {
        const auto shifted = checkMarginal(7, draws + k * seMean, mu, var);
        QVERIFY2(std::abs(shifted.z - k) < 1e-3, qPrintable(QString::number(shifted.z)));
        QCOMPARE(shifted.pass, k < 5);
        // Spread wider by k standard errors of the variance.
        const auto wider = checkMarginal(7, z * std::sqrt(var + k * seVar) + mu, mu, var);
        QVERIFY2(std::abs(wider.z - k) < 1e-3, qPrintable(QString::number(wider.z)));
        QCOMPARE(wider.pass, k < 5);
    }
    QVERIFY(!checkMarginal(7, torch::Tensor(), mu, var).pass); // nothing to compare is no pass
    QVERIFY(!checkMarginal(7, draws * std::nan(""), mu, var).pass);
}

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
