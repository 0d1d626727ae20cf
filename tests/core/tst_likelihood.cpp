// The variational bound (core/likelihood.h) against closed forms: for data whose pixels are independent
// N(m, s²) the exact denoiser is known (core/oracle.h), and so is each KL term's expectation given x0;
// L_T has its closed form; the decoder's bins against a numerical integral of the Gaussian; the bound of
// discretised Gaussian data is never below that data's entropy; the one-t estimate agrees with the sum.
#include "likelihood.h"
#include "oracle.h"

#include <QtTest>

#include <cmath>

using namespace ddpm;

namespace {

constexpr double kMean = 0.1, kStd = 0.3;

Diffusion linearDiffusion()
{
    return Diffusion(NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon);
}

// Gaussian pixels rounded to the 256-level grid of [−1, 1], as 8-bit images scaled are.
torch::Tensor discretisedGaussianImages(int64_t n, int64_t side, uint64_t seed)
{
    auto gen = at::detail::createCPUGenerator(seed);
    const auto z = torch::randn({n, 1, side, side}, gen, torch::kFloat64) * kStd + kMean;
    return (((z + 1.0) * 127.5).round().clamp(0, 255) / 127.5 - 1.0).to(torch::kFloat32);
}

// The probability N(m, s²) gives bin k of the grid (edge bins open), by Simpson's rule on the density.
double binProbability(int k, double m, double s)
{
    const double centre = -1.0 + 2.0 * k / 255.0, half = 1.0 / 255.0;
    const double a = k == 0 ? m - 14 * s : centre - half, b = k == 255 ? m + 14 * s : centre + half;
    const int n = 20000; // Simpson's error on e^(λx) over steps of λh ≤ 0.005 is below 1e-11
    const double h = (b - a) / n;
    auto f = [&](double x) {
        return std::exp(-0.5 * (x - m) * (x - m) / (s * s)) / (s * std::sqrt(2 * 3.14159265358979323846));
    };
    double sum = f(a) + f(b);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 ? 4 : 2) * f(a + i * h);
    return std::max(0.0, sum * h / 3);
}

} // namespace

class TestLikelihood : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void priorMatchesClosedForm();
    void decoderMatchesIntegral();
    void firstTermIsTheDecoder();
    void klTermsMatchTheirExpectation_data();
    void klTermsMatchTheirExpectation();
    void boundIsAboveTheDataEntropy();
    void estimateAgreesWithTheSum();
    void noiseFollowsTheImageNotTheBatch();
    void decoderVarianceAtTheFirstStep();
    void profileIsTheBoundTermByTerm();
    void cancelStopsBoundAndProfile();
};

void TestLikelihood::priorMatchesClosedForm()
{
    // KL(N(√ᾱ_T x0, 1 − ᾱ_T) ‖ N(0, 1)) = ½ (−log(1 − ᾱ_T) + (1 − ᾱ_T) + ᾱ_T x0² − 1) per dimension.
    const auto d = linearDiffusion();
    const double a = d.schedule().alphaBar().back();
    const auto x0 = torch::rand({6, 1, 4, 4}, torch::kFloat64) * 2 - 1;
    const auto expected = (0.5 * (-std::log(1 - a) + (1 - a) + a * x0.square() - 1)).flatten(1).sum(1);
    const auto got = priorTerm(d, x0);
    QVERIFY(torch::allclose(got, expected, 1e-12, 1e-15));
    QVERIFY((got > 0).all().item<bool>()); // ᾱ_T > 0 leaves a little of x0 in x_T
}

void TestLikelihood::decoderMatchesIntegral()
{
    // Each bin's probability against Simpson's rule on the density, at the edges and inside, for a mean on
    // a bin, between bins and outside [−1, 1]; and the 256 bins' probabilities sum to 1.
    for (const double m : {-1.0, -0.31, 0.0, 0.5 / 255.0, 0.77, 1.2}) {
        for (const double s : {0.004, 0.02, 0.3}) {
            double total = 0;
            for (int k = 0; k < 256; ++k) {
                const auto x = torch::full({1, 1}, -1.0 + 2.0 * k / 255.0, torch::kFloat64);
                const auto nll = discretisedGaussianNll(x, torch::full({1, 1}, m, torch::kFloat64),
                                                        torch::full({1}, s * s, torch::kFloat64))
                                     .item<double>();
                const double p = std::exp(-nll), expected = binProbability(k, m, s);
                total += p;
                if (expected > 1e-250)
                    QVERIFY2(std::abs(p - expected) <= 1e-9 * expected + 1e-14,
                             qPrintable(
                                 QStringLiteral("m %1 s %2 k %3: %4 vs %5").arg(m).arg(s).arg(k).arg(p).arg(expected)));
            }
            QVERIFY2(std::abs(total - 1.0) < 1e-9, qPrintable(QString::number(total, 'g', 15)));
        }
    }
}

void TestLikelihood::firstTermIsTheDecoder()
{
    // L_0 = −log p_θ(x0 | x1) (eq. 13): at t = 1 the posterior mean is x̂0 itself (its coefficients are
    // 1 and 0), and the variance β̃_2 = β_2 (1 − ᾱ_1)/(1 − ᾱ_2). The one-image oracle of g predicts x̂0 = g
    // from any x_1, so every image's L_0 is −Σ log P(its pixel's bin | N(g, β̃_2)), whatever the noise
    // (g clipped to [−1, 1] first when x̂0 is).
    const auto d = linearDiffusion();
    const auto& beta = d.schedule().beta();
    const double abar1 = 1 - beta[0], abar2 = abar1 * (1 - beta[1]);
    const double sigma = std::sqrt(beta[1] * (1 - abar1) / (1 - abar2));
    // g: 16 levels of the grid, the two edge ones among them; the images: g, and g two levels up.
    auto levels =
        torch::tensor({0, 1, 2, 40, 100, 127, 128, 129, 160, 200, 230, 250, 252, 253, 254, 255}, torch::kFloat64);
    const auto g = (levels / 127.5 - 1).view({1, 4, 4});
    const auto up = ((levels + 2).clamp(0, 255) / 127.5 - 1).view({1, 4, 4});
    const auto x0 = torch::stack({g, up}).to(torch::kFloat32);
    // The oracle's image reaches past both ends in one pixel each: clipped, x̂0 there is −1 and 1.
    auto beyond = g.clone();
    beyond[0][0][0] = -1.02;
    beyond[0][3][3] = 1.03;
    BoundOptions o;
    for (const bool clip : {true, false}) {
        o.clipX0 = clip;
        const auto mean = (clip ? beyond.clamp(-1, 1) : beyond).flatten();
        const auto tIndex = torch::zeros({2}, torch::kInt64);
        const auto oracle = singleImageOracle(d, beyond.to(torch::kFloat32));
        const auto got = boundTerms(d, oracle, x0, tIndex, torch::randn_like(x0), o);
        for (int64_t b = 0; b < 2; ++b) {
            const auto image = b == 0 ? levels : (levels + 2).clamp(0, 255);
            double expected = 0;
            for (int64_t p = 0; p < 16; ++p)
                expected -=
                    std::log(binProbability(static_cast<int>(image[p].item<double>()), mean[p].item<double>(), sigma));
            const double value = got[b].item<double>();
            QVERIFY2(std::abs(value - expected) < 1e-4 * std::abs(expected),
                     qPrintable(QStringLiteral("image %1: L_0 %2, closed form %3").arg(b).arg(value).arg(expected)));
        }
    }
}

void TestLikelihood::klTermsMatchTheirExpectation_data()
{
    QTest::addColumn<bool>("betaVariance");
    QTest::newRow("sigma^2 = beta-tilde") << false;
    QTest::newRow("sigma^2 = beta") << true;
}

void TestLikelihood::klTermsMatchTheirExpectation()
{
    // With the exact denoiser of N(m, s²) pixels, x̂0 = m + k (x_t − √ᾱ m), k = √ᾱ s² / (ᾱ s² + 1 − ᾱ), so
    // given x0 the posterior means differ by c0 (x0 − x̂0) with E[(x0 − x̂0)² | x0] = (x0 − m)²(1 − k√ᾱ)² +
    // k²(1 − ᾱ), and E[L_{t−1} | x0] = Σ ½ log(σ²/β̃) + (β̃ + c0² E[(x0 − x̂0)² | x0]) / (2σ²) − ½.
    QFETCH(bool, betaVariance);
    const auto d = linearDiffusion();
    const auto& s = d.schedule();
    BoundOptions o;
    o.variance = betaVariance ? VarianceKind::Beta : VarianceKind::BetaTilde;
    o.clipX0 = false;
    const auto denoiser = gaussianOracle(d, kMean, kStd);
    const auto x0 = (torch::randn({2000, 1, 4, 4}) * kStd + kMean);
    for (const int t : {2, 5, 50, 300, 700, 1000}) {
        const auto i = static_cast<size_t>(t - 1);
        const double abar = s.alphaBar()[i], c0 = s.posteriorMeanCoefX0()[i], bt = s.posteriorVariance()[i];
        const double var = boundVariance(s, o.variance, t);
        const double k = std::sqrt(abar) * kStd * kStd / (abar * kStd * kStd + 1 - abar);
        const auto x = x0.to(torch::kFloat64);
        const auto err2 = (x - kMean).square() * std::pow(1 - k * std::sqrt(abar), 2) + k * k * (1 - abar);
        const auto expected = (0.5 * std::log(var / bt) + (bt + c0 * c0 * err2) / (2 * var) - 0.5).flatten(1).sum(1);
        const auto tIndex = torch::full({x0.size(0)}, t - 1, torch::kInt64);
        const auto got = boundTerms(d, denoiser, x0, tIndex, torch::randn_like(x0), o);
        const auto diff = got - expected;
        const double mean = diff.mean().item<double>(), se = diff.std().item<double>() / std::sqrt(2000.0);
        const double scale = expected.mean().item<double>();
        QVERIFY2(std::abs(mean) < 5 * se + 1e-9 * std::abs(scale),
                 qPrintable(
                     QStringLiteral("t %1: %2 off, standard error %3 (term %4)").arg(t).arg(mean).arg(se).arg(scale)));
    }
}

void TestLikelihood::boundIsAboveTheDataEntropy()
{
    // E[−log p_θ(x0)] ≥ H(data) for any model, and the bound is above −log p_θ: for discretised Gaussian
    // pixels the exact entropy is −Σ P_k log P_k over the bins. With the continuous data's exact denoiser
    // the bound stays within a bit per dimension of it; the terms add up to the total.
    const auto d = linearDiffusion();
    BoundOptions o;
    o.clipX0 = false;
    const auto x0 = discretisedGaussianImages(400, 4, 7);
    int calls = 0;
    const auto r = variationalBound(d, gaussianOracle(d, kMean, kStd), x0, o, [&](int done, int total) {
        ++calls;
        QCOMPARE(total, 1000);
        QCOMPARE(done, calls);
    });
    QVERIFY2(r, r ? "" : r.error().c_str());
    QCOMPARE(calls, 1000);
    QCOMPARE(r->dims, int64_t{16});
    QVERIFY(torch::allclose(r->total, r->prior + r->terms.sum(1), 1e-12, 0));
    QVERIFY(torch::isfinite(r->terms).all().item<bool>());
    double entropy = 0;
    for (int k = 0; k < 256; ++k) {
        const double p = binProbability(k, kMean, kStd);
        if (p > 0)
            entropy -= p * std::log(p);
    }
    const double bound = bitsPerDim(r->total.mean().item<double>(), 16);
    const double se = bitsPerDim(r->total.std().item<double>() / std::sqrt(400.0), 16);
    const double h = bitsPerDim(entropy, 1);
    QVERIFY2(bound > h - 3 * se,
             qPrintable(QStringLiteral("bound %1, entropy %2, standard error %3").arg(bound).arg(h).arg(se)));
    QVERIFY2(bound < h + 1.0, qPrintable(QStringLiteral("bound %1, entropy %2").arg(bound).arg(h)));
}

// Each image's x_t noise (and the estimate's t) depends on the seed and its index in the run alone: images
// 2–5 measured on their own (firstImage 2, as `ddpm nll --skip 2` does) give the terms they have in a run
// over all six, so a test set split over runs gives the bound of the whole.
void TestLikelihood::noiseFollowsTheImageNotTheBatch()
{
    const auto d = linearDiffusion();
    const auto denoiser = gaussianOracle(d, kMean, kStd);
    const auto x0 = discretisedGaussianImages(6, 2, 11);
    BoundOptions o;
    o.seed = 5;
    BoundOptions later = o;
    later.firstImage = 2;
    const auto whole = variationalBound(d, denoiser, x0, o);
    const auto head = variationalBound(d, denoiser, x0.narrow(0, 0, 2), o);
    const auto tail = variationalBound(d, denoiser, x0.narrow(0, 2, 4), later);
    QVERIFY(whole && head && tail);
    const auto pieces = torch::cat({head->terms, tail->terms});
    QVERIFY2(torch::allclose(whole->terms, pieces, 1e-6, 1e-9),
             qPrintable(QString::number((whole->terms - pieces).abs().max().item<double>())));
    const auto estimate = boundEstimate(d, denoiser, x0, o);
    const auto estimatePieces = torch::cat(
        {boundEstimate(d, denoiser, x0.narrow(0, 0, 2), o), boundEstimate(d, denoiser, x0.narrow(0, 2, 4), later)});
    QVERIFY(torch::allclose(estimate, estimatePieces, 1e-6, 1e-9));
    // Not the same noise for every image, nor for another seed.
    const auto shifted = variationalBound(d, denoiser, x0.narrow(0, 2, 4), o); // named as images 0–3
    QVERIFY(shifted);
    QVERIFY(!torch::allclose(shifted->terms, tail->terms, 1e-3, 1e-6));
    BoundOptions other = o;
    other.seed = 6;
    const auto reseeded = variationalBound(d, denoiser, x0, other);
    QVERIFY(reseeded && !torch::allclose(reseeded->terms, whole->terms, 1e-3, 1e-6));
}

void TestLikelihood::estimateAgreesWithTheSum()
{
    // L_T + L_0 + … + L_9 + (T − 10) · L_{t−1} at one uniform t > 10 per image is an unbiased estimate of
    // the total, and far less spread than L_T + T · L_{t−1} at one uniform t of all T.
    const auto d = linearDiffusion();
    BoundOptions o;
    o.clipX0 = false;
    const auto denoiser = gaussianOracle(d, kMean, kStd);
    const auto x0 = discretisedGaussianImages(300, 2, 11);
    const auto r = variationalBound(d, denoiser, x0, o);
    QVERIFY(r);
    const auto many = discretisedGaussianImages(30000, 2, 11); // its first 300 images are x0's
    QVERIFY(torch::equal(many.narrow(0, 0, 300), x0));
    const auto est = boundEstimate(d, denoiser, many, o);
    const double mean = est.mean().item<double>(), se = est.std().item<double>() / std::sqrt(30000.0);
    const double total = r->total.mean().item<double>(), totalSe = r->total.std().item<double>() / std::sqrt(300.0);
    QVERIFY2(std::abs(mean - total) < 4 * std::hypot(se, totalSe),
             qPrintable(QStringLiteral("estimate %1 ± %2, sum %3 ± %4").arg(mean).arg(se).arg(total).arg(totalSe)));

    // The spread of both estimates over the draw of t, from the 300 images' terms (no draw of its own):
    // Var = Var_i(E_t[estimate_i]) + E_i[Var_t(estimate_i)], with the plain estimate's t uniform on 1 … T
    // and the new one's on 11 … T. The measured spread of the 30,000 estimates agrees with its own.
    const int T = d.steps(), k = kExactBoundTerms;
    const auto spreadOf = [&](const torch::Tensor& fixed, const torch::Tensor& sampled, int64_t n) {
        const auto mean = fixed + n * sampled.mean(1);
        const auto within = (double(n) * n) * sampled.var(1, /*unbiased=*/false);
        return std::sqrt(mean.var().item<double>() + within.mean().item<double>());
    };
    const double plainSpread = spreadOf(r->prior, r->terms, T);
    const double spread = spreadOf(r->prior + r->terms.narrow(1, 0, k).sum(1), r->terms.narrow(1, k, T - k), T - k);
    const double measured = est.std().item<double>();
    QVERIFY2(spread < 0.25 * plainSpread, // measured: 36 against 270
             qPrintable(QStringLiteral("spread %1, the plain estimate's %2").arg(spread).arg(plainSpread)));
    QVERIFY2(std::abs(measured - spread) < 0.1 * spread,
             qPrintable(QStringLiteral("measured spread %1, expected %2").arg(measured).arg(spread)));
}

void TestLikelihood::decoderVarianceAtTheFirstStep()
{
    // β̃_1 = 0: the decoder takes β̃_2 for both choices; later steps take β_t or β̃_t.
    const NoiseSchedule s{ScheduleOptions{}};
    QCOMPARE(s.posteriorVariance()[0], 0.0);
    QCOMPARE(boundVariance(s, VarianceKind::Beta, 1), s.posteriorVariance()[1]);
    QCOMPARE(boundVariance(s, VarianceKind::BetaTilde, 1), s.posteriorVariance()[1]);
    QCOMPARE(boundVariance(s, VarianceKind::Beta, 7), s.beta()[6]);
    QCOMPARE(boundVariance(s, VarianceKind::BetaTilde, 7), s.posteriorVariance()[6]);
    // A one-step schedule has no β̃_2: refused with a message, not read out of range.
    ScheduleOptions single;
    single.steps = 1;
    single.betaEnd = single.betaStart;
    const auto schedule = NoiseSchedule::create(single);
    QVERIFY2(schedule, schedule.error().c_str()); // T = 1 is a schedule: the bound is what refuses it
    Diffusion one(schedule.value(), Prediction::Epsilon);
    const auto r = variationalBound(one, gaussianOracle(one, 0, 1), torch::zeros({1, 1, 2, 2}), BoundOptions{});
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("at least 2 steps")), r.error().c_str());
    const auto profile =
        boundProfile(one, gaussianOracle(one, 0, 1), torch::zeros({1, 1, 2, 2}), {1}, BoundOptions{}, {}, nullptr);
    QVERIFY(!profile);
    QVERIFY2(QString::fromStdString(profile.error()).contains(QStringLiteral("at least 2 steps")),
             profile.error().c_str());
}

// The chart's profile: measured at every t with the same seed it is the bound term by term, its total is
// the bound's; from a tenth of the t's the interpolated total stays within a few per cent; its L_simple
// is the mean ‖ε − ε̂‖², which for the exact denoiser of Gaussian data is known: per pixel,
// Var(ε | x_t) = ᾱ_t s² / (ᾱ_t s² + 1 − ᾱ_t) for data of variance s² (ε and x_t are jointly Gaussian).
void TestLikelihood::profileIsTheBoundTermByTerm()
{
    ScheduleOptions so;
    so.steps = 100;
    const Diffusion d(NoiseSchedule(so), Prediction::Epsilon);
    BoundOptions o;
    o.clipX0 = false;
    o.seed = 3;
    const auto denoiser = gaussianOracle(d, kMean, kStd);
    const auto x0 = discretisedGaussianImages(200, 4, 5);
    const auto r = variationalBound(d, denoiser, x0, o);
    QVERIFY(r);
    std::vector<int> all(100);
    for (int t = 1; t <= 100; ++t)
        all[static_cast<size_t>(t - 1)] = t;
    const auto profile = boundProfile(d, denoiser, x0, all, o);
    QVERIFY(profile);
    const int64_t dims = r->dims;
    for (const auto& p : profile.value()) {
        const double expected = bitsPerDim(r->terms.select(1, p.t - 1).mean().item<double>(), dims);
        QVERIFY2(std::abs(p.bitsPerDim - expected) <= 1e-9 * std::abs(expected) + 1e-12,
                 qPrintable(QStringLiteral("t = %1: %2 against %3").arg(p.t).arg(p.bitsPerDim).arg(expected)));
        const double abar = d.schedule().alphaBar()[static_cast<size_t>(p.t - 1)];
        const double v = kStd * kStd;
        const double lsimple = abar * v / (abar * v + 1.0 - abar);
        QVERIFY2(
            std::abs(p.simpleLoss - lsimple) < 0.1 * lsimple + 1e-4, // 3,200 pixels: 2.5 % a standard error
            qPrintable(QStringLiteral("t = %1: L_simple %2, closed form %3").arg(p.t).arg(p.simpleLoss).arg(lsimple)));
    }
    const double prior = bitsPerDim(r->prior.mean().item<double>(), dims);
    const double total = bitsPerDim(r->total.mean().item<double>(), dims);
    QVERIFY(std::abs(profileTotal(profile.value(), 100, prior) - total) < 1e-9 * total);
    // With every t measured, each image's total is its own sum of terms: the standard error of the total
    // is that of variationalBound's per-image totals (their priors aside, which barely vary), and so is
    // not the terms' standard errors added up.
    const auto ownTotals = ((r->total - r->prior) / (static_cast<double>(dims) * std::log(2.0))).to(torch::kFloat64);
    const double se = ownTotals.std().item<double>() / std::sqrt(static_cast<double>(ownTotals.size(0)));
    const double got = profileTotalError(profile.value(), 100);
    QVERIFY2(std::abs(got - se) < 1e-6 * se, qPrintable(QStringLiteral("%1 against %2").arg(got).arg(se)));
    auto oneImage = profile.value();
    for (auto& p : oneImage)
        p.perImage.resize(1);
    QVERIFY(std::isnan(profileTotalError(oneImage, 100)));
    std::vector<int> some{1, 2, 3, 5, 8, 12, 20, 35, 60, 100};
    const auto sparse = boundProfile(d, denoiser, x0, some, o);
    QVERIFY(sparse);
    const double estimate = profileTotal(sparse.value(), 100, prior);
    QVERIFY2(std::abs(estimate - total) < 0.05 * total,
             qPrintable(QStringLiteral("from 10 t's %1, from all %2").arg(estimate).arg(total)));
}

// Cancel set during a measurement (the panel's Cancel, Ctrl-C of ddpm nll): both stop after the timestep
// under way, with a failure that says it was cancelled, not a result of the steps done so far.
void TestLikelihood::cancelStopsBoundAndProfile()
{
    ScheduleOptions so;
    so.steps = 50;
    const Diffusion d(NoiseSchedule(so), Prediction::Epsilon);
    const auto denoiser = gaussianOracle(d, kMean, kStd);
    const auto x0 = discretisedGaussianImages(4, 4, 5);
    std::atomic<bool> cancel{false};
    int calls = 0;
    const auto cancelAtTwo = [&](int done, int) {
        ++calls;
        if (done == 2)
            cancel = true;
    };
    const auto bound = variationalBound(d, denoiser, x0, BoundOptions{}, cancelAtTwo, &cancel);
    QVERIFY(!bound);
    QVERIFY2(isBoundCancelled(bound.failure()), bound.error().c_str());
    QCOMPARE(calls, 2);

    cancel = false;
    calls = 0;
    const auto profile = boundProfile(d, denoiser, x0, {1, 5, 10, 20, 40}, BoundOptions{}, cancelAtTwo, &cancel);
    QVERIFY(!profile);
    QVERIFY2(isBoundCancelled(profile.failure()), profile.error().c_str());
    QCOMPARE(calls, 2);
    // The control: not cancelled, both complete.
    cancel = false;
    QVERIFY(variationalBound(d, denoiser, x0, BoundOptions{}, {}, &cancel));
    QVERIFY(boundProfile(d, denoiser, x0, {1, 5, 10, 20, 40}, BoundOptions{}, {}, &cancel));
}

QTEST_APPLESS_MAIN(TestLikelihood)
#include "tst_likelihood.moc"
