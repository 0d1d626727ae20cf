// Interpolation between two images (issue 20 §2), with exact denoisers: λ = 0 and λ = 1 are each image's
// own reconstruction, t = 0 mixes the pixels, the same seed gives the same walk, DDIM inversion followed by
// decoding returns the image (closer with more steps), slerp's closed form, and refused options.
#include "dataset.h"
#include "interpolation.h"
#include "oracle.h"
#include "sampler.h"

#include <QtTest>

#include <cmath>

using namespace ddpm;

namespace {

// Decodes a prepared walk to its images.
torch::Tensor decode(const Sampling& model, const InterpolationRun& run)
{
    if (run.startT == 0)
        return run.start;
    ReverseProcess rp(model.diffusion, model.denoiserFor(run.sampler, 0, run.sampler.count), run.sampler, run.start,
                      run.startT);
    rp.run();
    return rp.current();
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestInterpolation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void endpointsAreOwnReconstructions();
    void tZeroMixesPixels();
    void sameSeedSameWalk();
    void ddimInversionReturnsTheImage();
    void slerpClosedForm();
    void refusesBadOptions();
    void classChoiceReachesTheWalk();

private:
    Diffusion m_diffusion{NoiseSchedule(ScheduleOptions{}), Prediction::Epsilon};
    Sampling m_model{m_diffusion, {}, {1, 8, 8}, {}, {}};
    torch::Tensor m_a, m_b;
};

void TestInterpolation::initTestCase()
{
    torch::set_num_threads(1);
    // Data whose pixels are N(0, 0.5²): its exact denoiser makes a reverse process that depends on x_t.
    m_model.denoiser = gaussianOracle(m_diffusion, 0.0, 0.5);
    torch::manual_seed(3);
    m_a = (torch::randn({1, 8, 8}) * 0.5).clamp(-1, 1);
    m_b = (torch::randn({1, 8, 8}) * 0.5).clamp(-1, 1);
}

void TestInterpolation::endpointsAreOwnReconstructions()
{
    InterpolationOptions o;
    o.t = 300;
    o.lambdas = 5;
    const auto walk = decode(m_model, prepareInterpolation(m_model, m_a, m_b, o).value());
    // A walk from an image to itself: every λ the same mixture, denoised with the same noise.
    const auto onlyA = decode(m_model, prepareInterpolation(m_model, m_a, m_a, o).value());
    const auto onlyB = decode(m_model, prepareInterpolation(m_model, m_b, m_b, o).value());
    QCOMPARE(walk.size(0), int64_t(5));
    QVERIFY(maxDiff(onlyA[0], onlyA[4]) == 0.0); // shared noise: the same image every time
    QVERIFY(maxDiff(walk[0], onlyA[0]) < 1e-5);
    QVERIFY(maxDiff(walk[4], onlyB[0]) < 1e-5);
    QVERIFY(maxDiff(walk[2], onlyA[0]) > 1e-2 && maxDiff(walk[2], onlyB[0]) > 1e-2); // the middle is neither
    // The mixture at t is linear in λ, and its ends are both images noised to t = 300 with the same ε
    // (eq. 4): x_t^b − x_t^a = √ᾱ_300 (b − a), and (x_t^a − √ᾱ_300 a)/√(1 − ᾱ_300) is a draw of N(0, I).
    const auto run = prepareInterpolation(m_model, m_a, m_b, o).value();
    QVERIFY(maxDiff(run.start[2], 0.5 * (run.start[0] + run.start[4])) < 1e-6);
    double abar = 1;
    for (int i = 0; i < 300; ++i)
        abar *= 1 - m_diffusion.schedule().beta()[static_cast<size_t>(i)];
    QVERIFY(maxDiff(run.start[4] - run.start[0], std::sqrt(abar) * (m_b - m_a)) < 1e-5);
    const auto eps = (run.start[0] - std::sqrt(abar) * m_a) / std::sqrt(1 - abar);
    const double epsMean = eps.mean().item<double>(), epsStd = eps.std().item<double>();
    QVERIFY2(std::abs(epsMean) < 0.5 && epsStd > 0.7 && epsStd < 1.3, // 64 draws
             qPrintable(QStringLiteral("ε mean %1, standard deviation %2").arg(epsMean).arg(epsStd)));
    QCOMPARE(run.startT, 300);
    QCOMPARE(run.lambdas, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
}

void TestInterpolation::tZeroMixesPixels()
{
    InterpolationOptions o;
    o.t = 0;
    o.lambdas = 3;
    const auto run = prepareInterpolation(m_model, m_a, m_b, o).value();
    QCOMPARE(run.startT, 0);
    QVERIFY(maxDiff(run.start[0], m_a) < 1e-7);
    QVERIFY(maxDiff(run.start[1], 0.5 * m_a + 0.5 * m_b) < 1e-7);
    QVERIFY(maxDiff(run.start[2], m_b) < 1e-7);
}

void TestInterpolation::sameSeedSameWalk()
{
    InterpolationOptions o;
    o.t = 200;
    o.lambdas = 4;
    o.seed = 11;
    const auto first = decode(m_model, prepareInterpolation(m_model, m_a, m_b, o).value());
    const auto again = decode(m_model, prepareInterpolation(m_model, m_a, m_b, o).value());
    QVERIFY(torch::equal(first, again));
    o.seed = 12;
    const auto other = decode(m_model, prepareInterpolation(m_model, m_a, m_b, o).value());
    QVERIFY(maxDiff(first, other) > 1e-3);
}

void TestInterpolation::ddimInversionReturnsTheImage()
{
    // Invert to x_T and decode with the same steps, unclipped: the ODE's discretisation error only.
    auto roundTrip = [&](int steps) {
        InterpolationOptions o;
        o.mode = InterpolationMode::Ddim;
        o.ddimSteps = steps;
        o.lambdas = 2;
        o.clipX0 = false;
        const auto walk = decode(m_model, prepareInterpolation(m_model, m_a, m_b, o).value());
        return std::max(maxDiff(walk[0], m_a), maxDiff(walk[1], m_b));
    };
    // Euler steps both ways: the error is of first order in the step (measured 0.26, 0.11, 0.028 and 0.0056
    // at 20, 50, 200 and 1000 steps). The stated bounds (the README's): 0.035 of every pixel at 200 steps,
    // 0.008 at all 1000, and at least 3× smaller at 1000 than at 200.
    const double at200 = roundTrip(200), at1000 = roundTrip(1000);
    QVERIFY2(at200 < 0.035, qPrintable(QStringLiteral("200 steps: %1").arg(at200)));
    QVERIFY2(at1000 < 0.008, qPrintable(QStringLiteral("1000 steps: %1").arg(at1000)));
    QVERIFY2(at1000 * 3 < at200, qPrintable(QStringLiteral("200 steps %1, 1000 steps %2").arg(at200).arg(at1000)));
    // Clipping x̂₀ (the default, and the DDPM walk's) would bend the decoding away from the inversion's path:
    // a DDIM walk decodes unclipped whatever the options say.
    InterpolationOptions clipped;
    clipped.mode = InterpolationMode::Ddim;
    clipped.clipX0 = true;
    QVERIFY(!planInterpolation(clipped, 1000).sampler.clipX0);
    clipped.mode = InterpolationMode::Ddpm;
    QVERIFY(planInterpolation(clipped, 1000).sampler.clipX0);
    // The latent of an image is close to Gaussian noise of unit variance (the data's variance is 0.25).
    const auto latent = ddimInvert(m_diffusion, m_model.denoiser, torch::randn({64, 1, 8, 8}) * 0.5, 100);
    QVERIFY(std::abs(latent.std().item<double>() - 1.0) < 0.05);
}

void TestInterpolation::slerpClosedForm()
{
    const auto a = torch::tensor({1.0f, 0.0f}).view({1, 2}), b = torch::tensor({0.0f, 1.0f}).view({1, 2});
    QVERIFY(maxDiff(slerp(a, b, 0.0), a) < 1e-7);
    QVERIFY(maxDiff(slerp(a, b, 1.0), b) < 1e-7);
    const auto mid = slerp(a, b, 0.5); // on the unit circle, at 45°
    QVERIFY(std::abs(mid.norm().item<double>() - 1.0) < 1e-6);
    QVERIFY(std::abs(mid[0][0].item<double>() - std::sqrt(0.5)) < 1e-6);
    QVERIFY(maxDiff(slerp(a, a * 2, 0.5), a * 1.5) < 1e-6); // parallel: linear
    // A quarter of the way along the quarter circle: at 22.5° (a normalised straight line gives 18.4°).
    const auto quarter = slerp(a, b, 0.25);
    QVERIFY(std::abs(quarter[0][0].item<double>() - std::cos(M_PI / 8)) < 1e-6);
    QVERIFY(std::abs(quarter[0][1].item<double>() - std::sin(M_PI / 8)) < 1e-6);
    // Unequal lengths 60° apart (Shoemake): sin((1 − λ)θ)/sin θ · a + sin(λθ)/sin θ · c with θ = π/3.
    const auto c = torch::tensor({1.0f, static_cast<float>(std::sqrt(3.0))}).view({1, 2}); // |c| = 2 at 60°
    const double wa = std::sin(0.75 * M_PI / 3) / std::sin(M_PI / 3),
                 wc = std::sin(0.25 * M_PI / 3) / std::sin(M_PI / 3);
    const auto expected =
        torch::tensor({static_cast<float>(wa + wc), static_cast<float>(wc * std::sqrt(3.0))}).view({1, 2});
    QVERIFY2(maxDiff(slerp(a, c, 0.25), expected) < 1e-6,
             qPrintable(QString::number(maxDiff(slerp(a, c, 0.25), expected))));
}

void TestInterpolation::refusesBadOptions()
{
    InterpolationOptions o;
    o.lambdas = 1;
    QVERIFY(!prepareInterpolation(m_model, m_a, m_b, o));
    o.lambdas = 3;
    o.t = 1001;
    QVERIFY(!prepareInterpolation(m_model, m_a, m_b, o));
    o.t = 10;
    QVERIFY(!prepareInterpolation(m_model, m_a, torch::zeros({1, 4, 4}), o));
    o.classChoice = 2; // an unconditional model has no class 2
    QVERIFY(!prepareInterpolation(m_model, m_a, m_b, o));
    o.classChoice = kEveryClass; // a walk is one class throughout
    const auto everyClass = prepareInterpolation(m_model, m_a, m_b, o);
    QVERIFY(!everyClass);
    QVERIFY2(everyClass.error().find("one class, or none") != std::string::npos, everyClass.error().c_str());
    QVERIFY(!parseInterpolationMode("linear"));
    QCOMPARE(parseInterpolationMode("ddim").value(), InterpolationMode::Ddim);
}

void TestInterpolation::classChoiceReachesTheWalk()
{
    // A class-conditional model that knows one image per class (no class: image 0) predicts x̂0 = that class's
    // image from any x_t, so a walk denoised towards class 2 ends on image 2 at every λ, in both modes.
    torch::manual_seed(5);
    const auto images = (torch::rand({3, 1, 8, 8}) - 0.5) * 1.6;
    const Diffusion& d = m_diffusion;
    ClassDenoiser oracle = [&d, images](const torch::Tensor& x, const torch::Tensor& tIndex,
                                        const torch::Tensor& labels) {
        const auto x0 = images.index_select(0, labels.clamp_min(0));
        return (x - d.gather(d.sqrtAlphaBarTable(), tIndex) * x0) / d.gather(d.sqrtOneMinusAlphaBarTable(), tIndex);
    };
    const Sampling model{m_diffusion, {}, {1, 8, 8}, oracle, numberedClassNames(3)};
    for (const auto mode : {InterpolationMode::Ddpm, InterpolationMode::Ddim}) {
        for (const int c : {0, 2}) {
            InterpolationOptions o;
            o.mode = mode;
            o.t = 300;
            o.ddimSteps = 20;
            o.lambdas = 3;
            o.classChoice = c;
            const auto run = prepareInterpolation(model, m_a, m_b, o);
            QVERIFY2(run, run ? "" : run.error().c_str());
            const auto walk = decode(model, run.value());
            for (int64_t k = 0; k < 3; ++k)
                QVERIFY2(maxDiff(walk[k], images[c]) < 1e-3,
                         qPrintable(QStringLiteral("%1, class %2, λ %3: %4 off")
                                        .arg(QString::fromStdString(interpolationModeName(mode)))
                                        .arg(c)
                                        .arg(k)
                                        .arg(maxDiff(walk[k], images[c]))));
        }
    }
}

QTEST_GUILESS_MAIN(TestInterpolation)
#include "tst_interpolation.moc"
