// DDPM in 2-D (core/toy2d.h) and the Langevin samplers (core/sampler.h) against closed forms: the
// mixture's score is the gradient of its log density, and its diffused density is the forward process's
// marginal; the MLP trained by Algorithm 1 learns that score (−ε̂/√(1 − ᾱ_t)); ancestral sampling,
// annealed Langevin and predictor–corrector with the exact score reproduce the mixture, each mode's
// share and spread; Langevin at one small noise level does not get unbalanced weights right.
#include "oracle.h"
#include "sampler.h"
#include "tensorfile.h"
#include "toy2d.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace ddpm;
using namespace ddpm::toy;

namespace {

Diffusion linearDiffusion(int T = 1000)
{
    ScheduleOptions o;
    o.steps = T;
    return Diffusion(NoiseSchedule(o), Prediction::Epsilon);
}

// Two modes on the x axis, 0.8 and 0.2 of the mass, σ = 0.08: mirror images but for their weights.
GaussianMixture unbalancedPair()
{
    GaussianMixture m;
    m.weights = {0.8, 0.2};
    m.means = {{-1.0, 0.0}, {1.0, 0.0}};
    m.variances = {0.0064, 0.0064};
    return m;
}

torch::Tensor sampleWith(const Diffusion& d, const Denoiser& denoiser, SamplerOptions o, int count)
{
    o.count = count;
    o.clipX0 = false;
    ReverseProcess p(d, denoiser, o, {2});
    p.run();
    return p.current();
}

// Root-mean-square distance of samples to their nearest mode's mean, per coordinate: σ = 0.08 when the
// modes are reproduced, larger when samples are smeared between them or noisy.
double rmsToMode(const GaussianMixture& m, const torch::Tensor& x)
{
    const auto nearest = m.responsibilities(x, 1.0).argmax(1);
    double sum = 0;
    for (int64_t i = 0; i < x.size(0); ++i) {
        const auto& mu = m.means[static_cast<size_t>(nearest[i].item<int64_t>())];
        sum += std::pow(x[i][0].item<double>() - mu.first, 2) + std::pow(x[i][1].item<double>() - mu.second, 2);
    }
    return std::sqrt(sum / (2.0 * static_cast<double>(x.size(0))));
}

// `spreadTolerance`: how far above σ = 0.08 the samples' spread may be (annealed Langevin's steps shrink
// with the noise, so its last levels move points little: it ends a little wider than the data; see the
// predictor–corrector row for the corrector).
void checkReproducesRing(const torch::Tensor& samples, const char* what, double spreadTolerance = 0.015)
{
    const auto ring = ringOfEight();
    const auto shares = componentShares(ring, samples);
    const double n = static_cast<double>(samples.size(0));
    const double se = std::sqrt(0.125 * 0.875 / n);
    for (double s : shares)
        QVERIFY2(
            std::abs(s - 0.125) < 4.5 * se,
            qPrintable(QStringLiteral("%1: a mode's share %2, expected 0.125 ± %3").arg(what).arg(s).arg(4.5 * se)));
    const double rms = rmsToMode(ring, samples);
    QVERIFY2(rms > 0.08 - 0.015 && rms < 0.08 + spreadTolerance,
             qPrintable(QStringLiteral("%1: rms distance to the mode %2, expected 0.08").arg(what).arg(rms)));
    // The ring's mean is the origin: the samples' mean within five standard errors (per coordinate the
    // mixture's variance is 0.5 + 0.0064).
    const auto mean = samples.mean(0);
    const double meanSe = std::sqrt(0.5064 / n);
    QVERIFY(std::abs(mean[0].item<double>()) < 5 * meanSe);
    QVERIFY(std::abs(mean[1].item<double>()) < 5 * meanSe);
}

} // namespace

class TestToy2d : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One thread: 2-D points are too few to split, and under ctest -j2 two OpenMP threads per test spin
    // against the other test's.
    void initTestCase() { torch::set_num_threads(1); }

    // The ring's own samples lie within 3σ of a mode with probability 1 − exp(−9/2) (a 2-D Gaussian's
    // radius is Rayleigh-distributed); points at the centre, or halfway between two modes, lie near none,
    // though componentShares still gives each to its nearest mode.
    void shareNearModesMatchesTheRayleighLaw()
    {
        const auto ring = ringOfEight();
        const int64_t n = 40000;
        const auto data = ring.sample(n, 3);
        for (double k : {1.0, 2.0, 3.0}) {
            const double expected = 1.0 - std::exp(-k * k / 2.0);
            const double se = std::sqrt(expected * (1.0 - expected) / static_cast<double>(n));
            const double got = shareNearModes(ring, data, k);
            QVERIFY2(std::abs(got - expected) < 5.0 * se,
                     qPrintable(QStringLiteral("%1σ: %2, expected %3").arg(k).arg(got).arg(expected)));
        }
        const double halfway = std::acos(-1.0) / 8.0; // between the modes at angles 0 and π/4
        const auto between = torch::tensor({0.0, 0.0, std::cos(halfway), std::sin(halfway)}).reshape({2, 2});
        QCOMPARE(shareNearModes(ring, between), 0.0);
        QCOMPARE(componentShares(ring, between.narrow(0, 1, 1))[0] + componentShares(ring, between.narrow(0, 1, 1))[1],
                 1.0);
        QCOMPARE(shareNearModes(ring, torch::tensor({1.0, 0.0}).reshape({1, 2})), 1.0);
    }

    void scoreIsTheGradientOfTheLogDensity()
    {
        const auto ring = ringOfEight();
        for (double abar : {1.0, 0.9, 0.5, 0.05}) {
            auto x = (torch::randn({64, 2}, torch::kFloat64) * 1.2).requires_grad_(true);
            const auto logq = ring.logDensity(x, abar).sum();
            const auto grad = torch::autograd::grad({logq}, {x})[0];
            const auto score = ring.score(x.detach(), abar).to(torch::kFloat64);
            const double err = (grad - score).abs().max().item<double>();
            QVERIFY2(err < 1e-3 * (1.0 + score.abs().max().item<double>()),
                     qPrintable(QStringLiteral("ᾱ = %1: max |∇ log q − score| = %2").arg(abar).arg(err)));
        }
    }

    void diffusedDensityIsTheForwardMarginal()
    {
        const auto ring = ringOfEight();
        const auto d = linearDiffusion();
        for (int t : {1, 100, 300, 600}) {
            const double abar = d.schedule().alphaBar()[static_cast<size_t>(t - 1)];
            // It integrates to 1 (a 400 × 400 grid over [−4, 4]²).
            const auto axis = torch::linspace(-4.0, 4.0, 400, torch::kFloat64);
            const double h = 8.0 / 399.0;
            const auto grid = torch::stack(torch::meshgrid({axis, axis}, "ij"), 2).reshape({-1, 2}).to(torch::kFloat32);
            const double mass = ring.logDensity(grid, abar).to(torch::kFloat64).exp().sum().item<double>() * h * h;
            QVERIFY2(std::abs(mass - 1.0) < 2e-3, qPrintable(QStringLiteral("t = %1: mass %2").arg(t).arg(mass)));
            // The density's own second moment per coordinate, by the same quadrature: ᾱ (1/2 + σ²) + 1 − ᾱ
            // (means on the unit circle scaled by √ᾱ, each component's variance ᾱ σ² + 1 − ᾱ).
            const auto density = ring.logDensity(grid, abar).to(torch::kFloat64).exp();
            const double quadM2 =
                (density * grid.to(torch::kFloat64).pow(2).sum(1)).sum().item<double>() * h * h / 2.0 / mass;
            const double closedM2 = abar * (0.5 + 0.0064) + 1.0 - abar;
            QVERIFY2(std::abs(quadM2 - closedM2) < 2e-3 * closedM2,
                     qPrintable(QStringLiteral("t = %1: E x² %2, expected %3").arg(t).arg(quadM2).arg(closedM2)));
            // Noised samples of the data have the diffused density's second moment per coordinate:
            // ᾱ (1/2 + σ²) + 1 − ᾱ (the means lie on the unit circle).
            // The noise from a generator of its own (the global one's state depends on the tests before), and
            // the bound five standard errors of the mean of x² (about 1.6 %; a fixed 1 % failed one run in
            // a few hundred).
            const auto x0 = ring.sample(100000, 7);
            const auto eps = torch::randn(x0.sizes(), at::detail::createCPUGenerator(11 + t), x0.options());
            const auto xt = d.qSample(x0, torch::full({x0.size(0)}, t - 1, torch::kInt64), eps);
            const auto squares = xt.pow(2).to(torch::kFloat64).flatten();
            const double m2 = squares.mean().item<double>();
            const double standardError = squares.std().item<double>() / std::sqrt(double(squares.numel()));
            const double expected = abar * (0.5 + 0.0064) + 1.0 - abar;
            QVERIFY2(std::abs(m2 - expected) < 5.0 * standardError,
                     qPrintable(QStringLiteral("t = %1: E x² %2, expected %3 (standard error %4)")
                                    .arg(t)
                                    .arg(m2)
                                    .arg(expected)
                                    .arg(standardError)));
        }
    }

    void exactDenoiserIsTheScaledScore()
    {
        const auto ring = ringOfEight();
        const auto d = linearDiffusion();
        const auto denoiser = exactDenoiser(ring, d);
        const auto x = torch::randn({10, 2});
        const auto tIndex = torch::tensor({0, 0, 99, 99, 499, 499, 998, 998, 10, 10}, torch::kInt64);
        const auto eps = denoiser(x, tIndex);
        for (int64_t i = 0; i < 10; ++i) {
            const double abar = d.schedule().alphaBar()[static_cast<size_t>(tIndex[i].item<int64_t>())];
            const auto expected = -std::sqrt(1.0 - abar) * ring.score(x.narrow(0, i, 1), abar);
            QVERIFY(torch::allclose(eps.narrow(0, i, 1), expected, 1e-5, 1e-6));
        }
    }

    // A toy run is repeated by its seed: the network's first weights come from it, not from the process's
    // generator, and are spread as LibTorch's Linear spreads them (uniform within ±1/√fan_in).
    void seedDecidesTheFirstWeights()
    {
        ToyMlp a, b, c; // drawn one after the other from the process's generator: all different
        a->initialise(7);
        b->initialise(7);
        c->initialise(8);
        const auto pa = a->parameters(), pb = b->parameters(), pc = c->parameters();
        QCOMPARE(pa.size(), pb.size());
        bool anyDiffers = false;
        for (size_t i = 0; i < pa.size(); ++i) {
            QVERIFY(torch::equal(pa[i], pb[i]));
            anyDiffers = anyDiffers || !torch::equal(pa[i], pc[i]);
        }
        QVERIFY(anyDiffers);
        const auto& w = a->embed2->weight; // 128 inputs: within ±1/√128, and filling that range
        const double bound = 1.0 / std::sqrt(128.0);
        QVERIFY(w.abs().max().item<double>() <= bound);
        QVERIFY(w.abs().max().item<double>() > 0.95 * bound);
        QVERIFY(std::abs(w.mean().item<double>()) < 0.05 * bound);
    }

    // Denoising score matching: the MLP trained by Algorithm 1 on samples of the ring learns its
    // score. Untrained, the error is about 1; after 3,000 steps it is below 0.3 at a tenth of T and
    // below 0.2 at a quarter and half of T.
    void learnedScoreApproachesTheClosedForm()
    {
        const auto ring = ringOfEight();
        const auto d = linearDiffusion();
        torch::manual_seed(3);
        ToyMlp model;
        auto errorAt = [&](int t) {
            const double abar = d.schedule().alphaBar()[static_cast<size_t>(t - 1)];
            const auto x0 = ring.sample(4000, 11);
            const auto xt = std::sqrt(abar) * x0 + std::sqrt(1.0 - abar) * torch::randn_like(x0);
            const auto eps = toyDenoiser(model)(xt, torch::full({xt.size(0)}, t - 1, torch::kInt64));
            return scoreRelativeError(-eps / std::sqrt(1.0 - abar), ring.score(xt, abar));
        };
        const double before = errorAt(250);
        QVERIFY2(before > 0.5, qPrintable(QStringLiteral("untrained error %1").arg(before)));
        ToyTrainOptions o;
        o.steps = 3000;
        const auto trained = trainToy(model, d, ring.sample(20000, 5), o);
        QVERIFY(trained && trained.value());
        // Sharper at small t, so harder: the bound is looser there.
        for (const auto& [t, bound] : {std::pair{100, 0.3}, std::pair{250, 0.2}, std::pair{500, 0.2}}) {
            const double err = errorAt(t);
            qInfo("t = %d: relative score error %.3f (bound %.2f)", t, err, bound);
            QVERIFY2(err < bound, qPrintable(QStringLiteral("t = %1: relative score error %2").arg(t).arg(err)));
        }
        // Its samples fall in the ring's modes in the right shares, but about twice as wide as the data
        // (measured 0.17 against σ = 0.08): below t = 100 the score is still rough after 3,000 steps.
        SamplerOptions so;
        so.seed = 4;
        checkReproducesRing(sampleWith(d, toyDenoiser(model), so, 2000), "trained, ancestral", 0.17);
    }

    void exactScoreSamplersReproduceTheMixture_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("corrector");
        QTest::addColumn<int>("levels");
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("spread");
        QTest::newRow("ancestral") << int(SamplerKind::Ddpm) << int(CorrectorKind::None) << 0 << 1 << 0.015;
        // The corrector's step is one for every point (ε = 2 α_t r² (1 − ᾱ_t)): a step from each point's
        // ‖z‖/‖s‖, which in 2-D varies far more than an image's, left the samples a quarter too wide (0.100).
        QTest::newRow("predictor-corrector")
            << int(SamplerKind::Ddpm) << int(CorrectorKind::Langevin) << 0 << 1 << 0.015;
        QTest::newRow("ddim") << int(SamplerKind::Ddim) << int(CorrectorKind::None) << 100 << 1 << 0.015;
        QTest::newRow("annealed langevin")
            << int(SamplerKind::Langevin) << int(CorrectorKind::None) << 1000 << 2 << 0.03;
    }
    void exactScoreSamplersReproduceTheMixture()
    {
        QFETCH(int, kind);
        QFETCH(int, corrector);
        QFETCH(int, levels);
        QFETCH(int, steps);
        QFETCH(double, spread);
        const auto d = linearDiffusion();
        SamplerOptions o;
        o.kind = static_cast<SamplerKind>(kind);
        o.corrector = static_cast<CorrectorKind>(corrector);
        o.ddimSteps = levels;
        o.langevinSteps = steps;
        o.seed = 21;
        checkReproducesRing(sampleWith(d, exactDenoiser(ringOfEight(), d), o, 1500), QTest::currentDataTag(), spread);
    }

    // Annealing is what gets the weights right: Langevin at one small noise level leaves each point in
    // the basin it started in (about half and half from N(0, I)), while annealed Langevin, started the
    // same way, puts 0.8 of them in the heavy mode.
    void singleLevelLangevinGetsTheWeightsWrong()
    {
        const auto pair = unbalancedPair();
        const auto d = linearDiffusion();
        const auto exact = exactDenoiser(pair, d);
        SamplerOptions fixed;
        fixed.kind = SamplerKind::LangevinFixed;
        fixed.ddimSteps = 400;
        fixed.seed = 8;
        const auto fixedShares = componentShares(pair, sampleWith(d, exact, fixed, 2000));
        SamplerOptions annealed = fixed;
        annealed.kind = SamplerKind::Langevin;
        annealed.ddimSteps = 1000;
        annealed.langevinSteps = 2;
        const auto annealedShares = componentShares(pair, sampleWith(d, exact, annealed, 2000));
        qInfo("heavy mode's share: fixed level %.3f, annealed %.3f (the data: 0.8)", fixedShares[0], annealedShares[0]);
        QVERIFY2(std::abs(annealedShares[0] - 0.8) < 0.04, qPrintable(QString::number(annealedShares[0])));
        QVERIFY2(fixedShares[0] < 0.65, qPrintable(QString::number(fixedShares[0])));
    }

    // What each sampler costs in network evaluations, counted on the denoiser's calls.
    void evaluationsAreCounted_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("corrector");
        QTest::addColumn<int>("steps");
        QTest::newRow("ddpm") << int(SamplerKind::Ddpm) << int(CorrectorKind::None) << 1;
        QTest::newRow("ddpm+corrector×2") << int(SamplerKind::Ddpm) << int(CorrectorKind::Langevin) << 2;
        QTest::newRow("ddim+corrector×1") << int(SamplerKind::Ddim) << int(CorrectorKind::Langevin) << 1;
        QTest::newRow("langevin×3") << int(SamplerKind::Langevin) << int(CorrectorKind::None) << 3;
        QTest::newRow("langevin-fixed×2") << int(SamplerKind::LangevinFixed) << int(CorrectorKind::None) << 2;
    }
    void evaluationsAreCounted()
    {
        QFETCH(int, kind);
        QFETCH(int, corrector);
        QFETCH(int, steps);
        const auto d = linearDiffusion(40);
        int calls = 0;
        const auto oracle = gaussianOracle(d, 0.0, 0.5);
        const Denoiser counting = [&](const torch::Tensor& x, const torch::Tensor& t) {
            ++calls;
            return oracle(x, t);
        };
        SamplerOptions o;
        o.kind = static_cast<SamplerKind>(kind);
        o.corrector = static_cast<CorrectorKind>(corrector);
        o.langevinSteps = steps;
        o.ddimSteps = 10;
        o.count = 3;
        ReverseProcess p(d, counting, o, {1, 4, 4});
        QVERIFY(p.run());
        QCOMPARE(static_cast<int64_t>(calls), samplerEvaluations(o, 40));
        QVERIFY(torch::isfinite(p.current()).all().item<bool>());
    }

    // The 2-D samplers by name, as the command and the score view pick them: each name sets its kind,
    // corrector and η, and a name switched to drops the corrector of the one before.
    void samplerNamesSetKindCorrectorAndEta()
    {
        struct Case {
            const char* name;
            SamplerKind kind;
            CorrectorKind corrector;
        };
        const Case cases[] = {{"ancestral", SamplerKind::Ddpm, CorrectorKind::None},
                              {"ddpm", SamplerKind::Ddpm, CorrectorKind::None},
                              {"pc", SamplerKind::Ddpm, CorrectorKind::Langevin},
                              {"ddim", SamplerKind::Ddim, CorrectorKind::None},
                              {"langevin", SamplerKind::Langevin, CorrectorKind::None},
                              {"langevin-fixed", SamplerKind::LangevinFixed, CorrectorKind::None}};
        QCOMPARE(toySamplerNames().size(), size_t{5}); // every listed name is a case below
        for (const auto& name : toySamplerNames())
            QVERIFY2(std::any_of(std::begin(cases), std::end(cases), [&](const Case& c) { return name == c.name; }),
                     name.c_str());
        SamplerOptions o;
        o.eta = 1.0;
        QVERIFY(setSampler("pc", o));
        for (const auto& c : cases) {
            QVERIFY2(setSampler(c.name, o), c.name);
            QVERIFY2(o.kind == c.kind && o.corrector == c.corrector, c.name);
        }
        QVERIFY(setSampler("ddim", o));
        QCOMPARE(o.eta, 0.0); // the probability flow
        const auto unknown = setSampler("euler", o);
        QVERIFY(!unknown);
        QVERIFY(QString::fromStdString(unknown.error()).contains(QStringLiteral("'euler'")));
    }

    void pointsCsvRoundTripsAndRefusesJunk()
    {
        QTemporaryDir dir;
        const auto points = ringOfEight().sample(50, 1);
        const QString good = dir.filePath(QStringLiteral("p.csv"));
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromStdString(pointsCsv(points)));
        }
        auto read = readPointsCsv(good.toStdString());
        QVERIFY(read);
        QVERIFY(torch::allclose(read.value(), points, 1e-5, 1e-6));
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x,y\n0.5,0.25\n0.1,nan\n");
        }
        auto refused = readPointsCsv(bad.toStdString());
        QVERIFY(!refused);
        QVERIFY2(QString::fromStdString(refused.error()).contains(QStringLiteral("line 3")), refused.error().c_str());
        {
            QFile f(bad); // far out: training on it ends in an infinite loss at the first step
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("0.5,0.25\n1e30,0\n");
        }
        auto far = readPointsCsv(bad.toStdString());
        QVERIFY2(!far && far.error().find("line 2: x and y must lie within ±100") != std::string::npos,
                 far ? "read" : far.error().c_str());
        QVERIFY(!toyData("spiral", 10, 0));
        for (const auto& name : toyDataNames()) {
            auto data = toyData(name, 500, 2);
            QVERIFY(data);
            QCOMPARE(data->sizes(), (std::vector<int64_t>{500, 2}));
            QVERIFY(data->abs().max().item<double>() < 1.6);
        }
    }

    void savedModelLoadsTheSame()
    {
        QTemporaryDir dir;
        torch::manual_seed(1);
        ToyModel m;
        m.model = ToyMlp(32, 2);
        m.data = "moons";
        m.steps = 7;
        const auto path = dir.filePath(QStringLiteral("toy.safetensors")).toStdString();
        QVERIFY(saveToyModel(path, m));
        auto loaded = loadToyModel(path);
        QVERIFY(loaded);
        QCOMPARE(loaded->data, std::string("moons"));
        QCOMPARE(loaded->steps, int64_t{7});
        const auto x = torch::randn({5, 2});
        const auto t = torch::tensor({0, 5, 50, 500, 999}, torch::kInt64);
        QVERIFY(torch::equal(toyDenoiser(m.model)(x, t), toyDenoiser(loaded->model)(x, t)));
        // Every schedule number comes back exactly, however many digits it has (six decimals lost 1e-7).
        m.schedule.kind = ScheduleKind::Cosine;
        m.schedule.steps = 321;
        m.schedule.betaStart = 1e-7;
        m.schedule.betaEnd = 0.0123456789012345;
        m.schedule.cosineOffset = 0.0123;
        m.schedule.maxBeta = 0.9876543;
        QVERIFY(saveToyModel(path, m));
        loaded = loadToyModel(path);
        QVERIFY2(loaded, loaded.error().c_str());
        QCOMPARE(loaded->schedule.kind, ScheduleKind::Cosine);
        QCOMPARE(loaded->schedule.steps, 321);
        QCOMPARE(loaded->schedule.betaStart, 1e-7);
        QCOMPARE(loaded->schedule.betaEnd, 0.0123456789012345);
        QCOMPARE(loaded->schedule.cosineOffset, 0.0123);
        QCOMPARE(loaded->schedule.maxBeta, 0.9876543);

        // A setting that is not a whole finite number in range is refused, naming it, rather than read as
        // something else (T = 4294968296 was once -2147483648, "50abc" 50).
        const auto file = readTensorFile(path);
        QVERIFY(file);
        const std::vector<std::pair<std::string, std::string>> broken = {
            {"ddpm.T", "4294968296"}, {"ddpm.T", "1e10"}, {"ddpm.T", "nan"},          {"ddpm.T", "50abc"},
            {"ddpm.T", "12.5"},       {"ddpm.T", "0"},    {"ddpm.beta_end", "0.02x"}, {"ddpm.max_beta", "inf"}};
        for (const auto& [key, value] : broken) {
            TensorFile changed = file.value();
            changed.metadata[key] = value;
            QVERIFY(writeTensorFile(path, changed));
            const auto refused = loadToyModel(path);
            QVERIFY2(!refused, (key + " = " + value).c_str());
            QVERIFY2(refused.error().find(key + " = " + value) != std::string::npos, refused.error().c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestToy2d)
#include "tst_toy2d.moc"
