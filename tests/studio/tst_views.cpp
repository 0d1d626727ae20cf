// The studio's views do what they show: "Denoise from here" noises with the model's own schedule and
// continues one x_t as several images; the heat map spans a resumed run; the loss chart starts on a log
// axis; the Data view's x_t is large and says how the images were fitted; the Reverse view counts its
// steps one way and reports σ_t, η and log-SNR; the help panel gives each live value the meaning it has
// in the view on screen; a language restart takes the new language and the model open now.
#include "classpicker.h"
#include "copiespanel.h"
#include "dataloader.h"
#include "dataview.h"
#include "guidancechart.h"
#include "dialogs.h"
#include "helppanel.h"
#include "imageio.h"
#include "pixels.h"
#include "interpolatedialog.h"
#include "imageview.h"
#include "language.h"
#include "mainwindow.h"
#include "qualityview.h"
#include "reverseview.h"
#include "runactions.h"
#include "schedulesview.h"
#include "settings.h"
#include "settingsbinder.h"
#include "runclock.h"
#include "spacingbox.h"
#include "trainingview.h"

#include "binheatmap.h"
#include "curvechart.h"
#include "imagestrip.h"
#include "losschart.h"
#include "timestepscrubber.h"

#include <QtTest>

#include <QChart>
#include <QChartView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QLabel>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QLegend>
#include <QLegendMarker>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QScopeGuard>
#include <QXYSeries>

#include <algorithm>
#include <array>
#include <cmath>

using namespace ddpm;

namespace {
DatasetPtr dataOf(Dataset d)
{
    return std::make_shared<const Dataset>(std::move(d));
}

ScheduleOptions scheduleOf(ScheduleKind kind, int steps = 1000)
{
    ScheduleOptions o;
    o.kind = kind;
    o.steps = steps;
    return o;
}

// eq. 4 with the schedule's own ᾱ_t.
torch::Tensor forwardOracle(const torch::Tensor& x0, const torch::Tensor& eps, const ScheduleOptions& options, int t)
{
    const double abar = NoiseSchedule(options).alphaBar()[static_cast<size_t>(t - 1)];
    return std::sqrt(abar) * x0 + std::sqrt(1.0 - abar) * eps;
}

bool close(const torch::Tensor& a, const torch::Tensor& b)
{
    return a.sizes() == b.sizes() && torch::allclose(a, b, 1e-5, 1e-6);
}

QString labelText(QWidget* root, const QString& contains)
{
    for (auto* l : root->findChildren<QLabel*>())
        if (l->text().contains(contains))
            return l->text();
    return {};
}
} // namespace

class TestViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chineseInterfaceHasAFont();
    void nearestImagesOnlyForFashionMnistModels();
    void denoiseFromHereUsesModelSchedule_data();
    void denoiseFromHereUsesModelSchedule();
    void denoiseButtonNeedsModel();
    void dataTileIsLarge();
    void sizeCaption_data();
    void sizeCaption();
    void heatMapCoversResumedRun();
    void otherDataSetNoted();
    void lossChartStartsOnLogAxis();
    void stepsTypedCountWhenDone();
    void reverseCountsAndLiveValues_data();
    void reverseCountsAndLiveValues();
    void reverseCountsNetworkEvaluations();
    void reverseStepsLabelFollowsTheMethod();
    void reverseTitleHasHat();
    void reverseKeepsEarlierRuns();
    void reverseFramesWithinBudget();
    void shownRunIsNotDropped();
    void helpMeaningFollowsView();
    void schedulesOverlaidAndLabelled();
    void restartArguments_data();
    void restartArguments();
    void windowDenoisesSeveralImagesWithModelSchedule();
    void qualityGuidanceSweepAndCopies();
    void qualitySummaryShowsEveryRow();
    void qualityRatioBelowOneIsExplained();
    void qualityTrailingDdimHasItsOwnCurve();
    void dataViewValuesAndStripClicks();
    void interpolateDialogAsksForTheWalk();
    void reverseStripClicksAndFormStates();
    void formsKeptBetweenSessions();
    void runClockDurations();

private:
    QTemporaryDir m_dir;
};

void TestViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dialogs::setSilent(true);
    torch::set_num_threads(2);
}

void TestViews::denoiseFromHereUsesModelSchedule_data()
{
    QTest::addColumn<int>("model");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("t");
    QTest::addColumn<int>("count");
    QTest::newRow("model linear, combo cosine") << int(ScheduleKind::Linear) << int(ScheduleKind::Cosine) << 300 << 3;
    QTest::newRow("model cosine, combo linear") << int(ScheduleKind::Cosine) << int(ScheduleKind::Linear) << 120 << 1;
    QTest::newRow("model sigmoid, combo quadratic")
        << int(ScheduleKind::Sigmoid) << int(ScheduleKind::Quadratic) << 700 << 2;
    QTest::newRow("same schedule") << int(ScheduleKind::Linear) << int(ScheduleKind::Linear) << 500 << 4;
}

// The model only knows the x_t of its own schedule: the x_t handed on is √ᾱ_t x0 + √(1−ᾱ_t) ε with the
// model's ᾱ_t whatever the Data view's combo shows, repeated once per image asked for; the view then
// shows that schedule, so what is denoised is what is on screen.
void TestViews::denoiseFromHereUsesModelSchedule()
{
    QFETCH(int, model);
    QFETCH(int, shown);
    QFETCH(int, t);
    QFETCH(int, count);
    const auto modelOptions = scheduleOf(ScheduleKind(model));
    const auto shownOptions = scheduleOf(ScheduleKind(shown));

    DataView view;
    auto labelled = makeSyntheticShapes(12, 1, 16);
    labelled.labels = (torch::arange(12, torch::kInt64) * 7) % 4; // image 5's class: 35 mod 4 = 3
    view.setDataset(dataOf(labelled), QStringLiteral("synthetic"));
    view.setModelSchedule(modelOptions);
    view.setSchedule(shownOptions);
    view.selectImage(5);
    view.setT(t);
    view.setDenoiseCount(count);
    QCOMPARE(view.schedule().kind, ScheduleKind(shown));

    torch::Tensor emitted;
    int emittedT = -1;
    QString note;
    int label = -2;
    connect(&view, &DataView::denoiseFromHere, this,
            [&](const torch::Tensor& xt, int at, const QString& n, int imageLabel) {
                emitted = xt;
                emittedT = at;
                note = n;
                label = imageLabel;
            });
    QVERIFY(view.denoiseButton()->isEnabled());
    QTest::mouseClick(view.denoiseButton(), Qt::LeftButton);
    QVERIFY(emitted.defined());
    QCOMPARE(emittedT, t);
    QCOMPARE(label, 3); // the chosen image's class, for a class-conditional model to denoise towards
    QCOMPARE(emitted.size(0), count);

    const auto x0 = view.currentImage();
    const auto eps = view.noise();
    const auto expected = forwardOracle(x0, eps, modelOptions, t);
    for (int i = 0; i < count; ++i)
        QVERIFY2(close(emitted[i], expected), qPrintable(QString::number(i)));
    if (model != shown)
        QVERIFY(!close(emitted[0], forwardOracle(x0, eps, shownOptions, t))); // the test tells them apart
    // The view now shows the schedule it denoised with, and says so when it switched (the Reverse view
    // shows the note under its title).
    QCOMPARE(view.schedule().kind, ScheduleKind(model));
    QCOMPARE(note.isEmpty(), model == shown);
    if (model != shown) {
        QVERIFY2(note.contains(QString::fromStdString(scheduleKindName(ScheduleKind(model)))), qPrintable(note));
        QVERIFY2(note.contains(QString::fromStdString(scheduleKindName(ScheduleKind(shown)))), qPrintable(note));
    }
    QVERIFY(view.tile()->image() == tensorToImage(expected));
}

void TestViews::denoiseButtonNeedsModel()
{
    DataView view;
    view.setDataset(dataOf(makeSyntheticShapes(4, 1, 16)), QStringLiteral("synthetic"));
    view.setT(100);
    QVERIFY(!view.denoiseButton()->isEnabled()); // no model yet
    QVERIFY(!view.denoiseStart().defined());
    view.setModelSchedule(scheduleOf(ScheduleKind::Linear));
    QVERIFY(view.denoiseButton()->isEnabled());
    view.setT(0); // the clean image: nothing to denoise
    QVERIFY(!view.denoiseButton()->isEnabled());
}

// At the size the window opens with, the x_t tile is big enough to see the noise in, and square.
void TestViews::dataTileIsLarge()
{
    DataView view;
    view.setDataset(dataOf(fitToModel(makeSyntheticShapes(8, 1, 28), 1, 32)), QStringLiteral("fashion-mnist"));
    view.setModelSchedule(scheduleOf(ScheduleKind::Linear));
    view.resize(1380, 780);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QSize tile = view.tile()->size();
    const int shown = std::min(tile.width(), tile.height()); // the image keeps its aspect ratio
    QVERIFY2(shown >= 320, qPrintable(QStringLiteral("%1×%2").arg(tile.width()).arg(tile.height())));
    QVERIFY(!view.tile()->image().isNull());
    // Narrower windows still keep it at 256 px or more.
    view.resize(900, 640);
    QTRY_VERIFY(std::min(view.tile()->width(), view.tile()->height()) >= 256);
}

void TestViews::sizeCaption_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("native");
    QTest::addColumn<int>("fitted");
    QTest::addColumn<bool>("blackBorder");
    QTest::addColumn<QString>("caption");
    QTest::newRow("Fashion-MNIST padded")
        << "fashion-mnist" << 28 << 32 << true << QStringLiteral("28×28, padded to 32×32");
    QTest::newRow("MNIST folder padded") << "mnist:/data/mnist" << 28 << 32 << true
                                         << QStringLiteral("28×28, padded to 32×32");
    QTest::newRow("Fashion-MNIST at 28") << "fashion-mnist" << 28 << 28 << true << QStringLiteral("28×28");
    QTest::newRow("CIFAR-10 scaled") << "cifar10:/data/cifar" << 32 << 16 << false
                                     << QStringLiteral("32×32, scaled to 16×16");
    QTest::newRow("synthetic") << "synthetic" << 32 << 32 << true << QStringLiteral("32×32");
    QTest::newRow("border not black: not padding") << "fashion-mnist" << 32 << 32 << false << QStringLiteral("32×32");
}

void TestViews::sizeCaption()
{
    QFETCH(QString, spec);
    QFETCH(int, native);
    QFETCH(int, fitted);
    QFETCH(bool, blackBorder);
    QFETCH(QString, caption);
    Dataset d;
    d.name = "test";
    if (blackBorder)
        d = fitToModel(makeSyntheticShapes(6, 1, native), 1, fitted);
    else
        d.images = torch::full({6, 1, fitted, fitted}, 128, torch::kUInt8);
    if (blackBorder && native == fitted) // no padding was done: make the border count as image
        d.images.narrow(2, 0, 1).fill_(200);
    DataView view;
    view.setDataset(dataOf(d), spec);
    view.setModelSchedule(scheduleOf(ScheduleKind::Linear));
    QCOMPARE(view.sizeCaption(), caption);
    QVERIFY(!labelText(&view, caption).isEmpty()); // the data set's line says it
    view.setT(250);
    QVERIFY(!labelText(&view, QStringLiteral("t = 250 · ") + caption).isEmpty()); // and so does the tile
}

// A run trained to step 1,000 and resumed to 3,000 carries a bin-loss history of 300 entries from
// step 10: the heat map spans all of it, not only its last 200 entries (steps 1,010–3,000).
void TestViews::heatMapCoversResumedRun()
{
    auto snap = std::make_shared<ModelSnapshot>();
    snap->config = makeConfig("tiny").value();
    snap->step = 3000;
    const int bins = snap->config.train.lossBins;
    snap->binLoss.assign(static_cast<size_t>(bins), 0.05);
    for (int s = 10; s <= 3000; s += 10)
        snap->binLossHistory.push_back({s, std::vector<double>(static_cast<size_t>(bins), 1.0 / s)});
    for (int s = 1; s <= 3000; ++s)
        snap->lossHistory.push_back({s, static_cast<float>(1.0 / s)});

    TrainingView view;
    view.showModel(snap);
    const QVector<int> steps = view.heatMap()->steps();
    QVERIFY(!steps.isEmpty());
    QCOMPARE(steps.first(), 10);
    QCOMPARE(steps.last(), 3000);
    QVERIFY(steps.size() <= view.heatMap()->maxSnapshots());
    QCOMPARE(view.heatMap()->binCount(), bins);

    // A preview of another model goes when this one is shown; a new model's caption says when samples come.
    view.showPreview(QImage(64, 64, QImage::Format_Grayscale8), 3000);
    QVERIFY(!view.previewImage().isNull());
    auto fresh = std::make_shared<ModelSnapshot>();
    fresh->config = snap->config;
    view.showModel(fresh);
    QVERIFY(view.previewImage().isNull());
    const auto labels = view.findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel* l) {
        return l->text() == QLatin1String("Samples appear here while training");
    }));
    view.showModel(snap);

    // Training goes on: the newest column follows, the first stays.
    TrainingProgress p;
    p.step = 3010;
    p.binLoss = QVector<double>(bins, 0.04);
    p.points = {QPointF(3010, 0.04)};
    view.addProgress(p);
    QCOMPARE(view.heatMap()->steps().first(), 10);
    QCOMPARE(view.heatMap()->steps().last(), 3010);
}

// Steps reach a running training at once, but typed digits only when the typing is done: typing 6000
// must not end a run at step 6 on the way.
void TestViews::stepsTypedCountWhenDone()
{
    TrainingView view;
    view.setTotalSteps(10000);
    QSpinBox* steps = nullptr;
    for (auto* spin : view.findChildren<QSpinBox*>())
        if (spin->value() == 10000)
            steps = spin;
    QVERIFY(steps);
    QSignalSpy changed(&view, &TrainingView::totalStepsChanged);
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("6000"));
    QCOMPARE(changed.count(), 0);
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), 6000);
    QCOMPARE(view.totalSteps(), 6000);
    QTest::keyClick(steps, Qt::Key_Up); // the arrows count at once
    QCOMPARE(changed.count(), 2);
}

// A trained model that the next Start would train on another data set says so; the same data set, or a
// model not trained yet, says nothing of it.
void TestViews::otherDataSetNoted()
{
    TrainingView view;
    auto snap = std::make_shared<ModelSnapshot>();
    snap->config = makeConfig("tiny").value();
    snap->config.dataSpec = "synthetic:64";
    view.showModel(snap);
    view.setDataSpec(QStringLiteral("fashion-mnist"));
    QVERIFY2(!view.pendingLabel()->text().contains(QStringLiteral("trained on")),
             qPrintable(view.pendingLabel()->text())); // step 0
    auto trained = std::make_shared<ModelSnapshot>(*snap);
    trained->step = 40;
    view.setModelSnapshot(trained);
    const QString note = view.pendingLabel()->text();
    QVERIFY2(note.contains(DataLoader::displayName(QStringLiteral("synthetic:64"))) &&
                 note.contains(DataLoader::displayName(QStringLiteral("fashion-mnist"))),
             qPrintable(note));
    view.setDataSpec(QStringLiteral("synthetic:64"));
    QVERIFY2(!view.pendingLabel()->text().contains(QStringLiteral("trained on")),
             qPrintable(view.pendingLabel()->text()));
    // The same images named two ways: the demo models record fashion-mnist:train, the studio loads
    // fashion-mnist.
    trained->config.dataSpec = "fashion-mnist:train";
    view.setModelSnapshot(trained);
    view.setDataSpec(QStringLiteral("fashion-mnist"));
    QVERIFY2(!view.pendingLabel()->text().contains(QStringLiteral("trained on")),
             qPrintable(view.pendingLabel()->text()));
    // Another split of the same set: the note tells them apart by their specs.
    view.setDataSpec(QStringLiteral("fashion-mnist:test"));
    QVERIFY2(view.pendingLabel()->text().contains(QStringLiteral("(fashion-mnist:train)")) &&
                 view.pendingLabel()->text().contains(QStringLiteral("(fashion-mnist:test)")),
             qPrintable(view.pendingLabel()->text()));
    // A Start trains on it: the note goes for the run that uses it, and comes for a data set loaded during
    // the run (the run goes on with the one it began with).
    view.setState(TrainingController::State::Running);
    QVERIFY2(!view.pendingLabel()->text().contains(QStringLiteral("trained on")),
             qPrintable(view.pendingLabel()->text()));
    view.setDataSpec(QStringLiteral("synthetic:64"));
    QVERIFY2(view.pendingLabel()->text().contains(QStringLiteral("(fashion-mnist:test)")) == false &&
                 view.pendingLabel()->text().contains(DataLoader::displayName(QStringLiteral("synthetic:64"))),
             qPrintable(view.pendingLabel()->text()));
    view.setState(TrainingController::State::Idle);
}

void TestViews::lossChartStartsOnLogAxis()
{
    TrainingView view;
    QVERIFY(qobject_cast<QLogValueAxis*>(view.lossChart()->yAxis()));
    QCheckBox* log = nullptr;
    for (auto* c : view.findChildren<QCheckBox*>())
        if (c->text() == TrainingView::tr("Log scale"))
            log = c;
    QVERIFY(log);
    QVERIFY(log->isChecked()); // the box says what the chart does
    log->setChecked(false);
    QVERIFY(!qobject_cast<QLogValueAxis*>(view.lossChart()->yAxis()));
    log->setChecked(true);
    QVERIFY(qobject_cast<QLogValueAxis*>(view.lossChart()->yAxis()));
}

void TestViews::reverseCountsAndLiveValues_data()
{
    QTest::addColumn<QString>("sampler");
    QTest::addColumn<double>("eta");
    QTest::newRow("DDPM, β̃") << "ddpm:beta-tilde" << 0.0;
    QTest::newRow("DDPM, β") << "ddpm:beta" << 0.0;
    QTest::newRow("DDIM every step, η = 1") << "ddim" << 1.0;
    QTest::newRow("DDIM every step, η = 0") << "ddim" << 0.0;
}

// A run of N steps: frame i is step i + 1 of N in the scrubber's label and in the line under it. The
// live values give σ_t as the sampler draws it, checked against closed forms: DDPM σ_t² = β_t or
// β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) (0 at t = 1); DDIM over every timestep with η = 1 is DDPM with
// β̃_t, with η = 0 it adds nothing.
// One spin box counts DDIM's steps, annealed Langevin's noise levels and the rounds of Langevin steps at
// the one level: its label says which, as the method changes.
void TestViews::reverseStepsLabelFollowsTheMethod()
{
    ReverseView view;
    const std::pair<SamplerKind, const char*> cases[] = {{SamplerKind::Langevin, "Noise levels"},
                                                         {SamplerKind::Ddim, "Steps"},
                                                         {SamplerKind::LangevinFixed, "Rounds at the level"},
                                                         {SamplerKind::Ddpm, "Steps"}};
    for (const auto& [kind, label] : cases) {
        SamplerOptions o;
        o.kind = kind;
        view.setSamplerOptions(o);
        QCOMPARE(view.samplerOptions().kind, kind);
        QCOMPARE(view.stepsLabel()->text(), QString::fromLatin1(label));
    }
    // DDPM takes every one of the model's T steps: the box shows T, and DDIM's count comes back with DDIM.
    view.setModelSteps(400);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 37;
    view.setSamplerOptions(o);
    QCOMPARE(view.stepsBox()->text(), QStringLiteral("37"));
    const QSize size = view.stepsBox()->sizeHint();
    o.kind = SamplerKind::Ddpm;
    view.setSamplerOptions(o);
    QVERIFY(!view.stepsBox()->isEnabled());
    QCOMPARE(view.stepsBox()->text(), QStringLiteral("400"));
    QCOMPARE(view.stepsBox()->sizeHint(), size); // the form does not jump
    QCOMPARE(view.samplerOptions().ddimSteps, 37);
    o.kind = SamplerKind::Ddim;
    view.setSamplerOptions(o);
    QCOMPARE(view.stepsBox()->text(), QStringLiteral("37"));
}

namespace {
// A run's frames as the worker sends them: x_t at each timestep visited, then x_0 (one black 2×2 image).
QList<SampleFrame> framesThrough(const std::vector<int>& timesteps)
{
    QList<SampleFrame> frames;
    QImage pixel(2, 2, QImage::Format_Grayscale8);
    pixel.fill(0);
    for (size_t i = 0; i <= timesteps.size(); ++i) {
        SampleFrame f;
        f.step = static_cast<int>(i);
        f.t = i < timesteps.size() ? timesteps[i] : 0;
        f.xt = f.x0Hat = f.epsHat = {pixel};
        frames << f;
    }
    return frames;
}

// A run of a tiny model of T steps with `options`, begun in the view as the window begins one: its origin,
// then the timesteps the worker reports (returned).
std::vector<int> beginRun(ReverseView& view, const SamplerOptions& options, int T)
{
    auto snap = std::make_shared<ModelSnapshot>();
    snap->config = makeConfig("tiny").value();
    snap->config.schedule = scheduleOf(ScheduleKind::Linear, T);
    RunOrigin origin;
    origin.request.model = snap;
    origin.request.options = options;
    view.begin(origin, QStringLiteral("run"));
    const auto timesteps = samplerTimesteps(options, T);
    view.setTimesteps(timesteps);
    return timesteps;
}
} // namespace

// A Langevin run's steps are its noise levels; its cost, K Langevin steps at each and the last denoising
// step, is said when it ends, and the runs list names K.
void TestViews::reverseCountsNetworkEvaluations()
{
    constexpr int T = 20, levels = 3, k = 2;
    SamplerOptions o;
    o.kind = SamplerKind::Langevin;
    o.ddimSteps = levels;
    o.langevinSteps = k;
    ReverseView view;
    view.setSamplerOptions(o);
    const auto timesteps = beginRun(view, o, T);
    QCOMPARE(view.stepCount(), levels);
    view.addFrames(framesThrough(timesteps));
    view.end(true, false);
    view.scrubber()->setValue(levels);
    QCOMPARE(view.stepText(),
             ReverseView::tr("Done: x₀ after %L1 steps (%L2 network evaluations).").arg(levels).arg(levels * k + 1));
    QVERIFY2(view.runList()->itemText(0).contains(QStringLiteral("Langevin 3 × 2")),
             qPrintable(view.runList()->itemText(0)));
}

void TestViews::reverseCountsAndLiveValues()
{
    QFETCH(QString, sampler);
    QFETCH(double, eta);
    constexpr int T = 20;
    SamplerOptions o;
    o.kind = sampler == QLatin1String("ddim") ? SamplerKind::Ddim : SamplerKind::Ddpm;
    o.variance = sampler == QLatin1String("ddpm:beta") ? VarianceKind::Beta : VarianceKind::BetaTilde;
    o.ddimSteps = T;
    o.eta = eta;

    ReverseView view;
    view.setSamplerOptions(o);
    QSignalSpy live(&view, &ReverseView::liveValuesChanged);
    beginRun(view, o, T);
    QCOMPARE(view.stepCount(), T);
    view.addFrames(framesThrough(samplerTimesteps(o, T))); // every timestep, then x_0

    const NoiseSchedule s(scheduleOf(ScheduleKind::Linear, T));
    for (int i : {0, 3, T - 2, T - 1}) {
        const int t = T - i;
        view.scrubber()->setValue(i);
        QTRY_VERIFY(!live.isEmpty());
        const auto v = live.last().first().value<QMap<QString, QString>>();
        QCOMPARE(v.value(QStringLiteral("t")), QString::number(t));
        QCOMPARE(v.value(QStringLiteral("step")), QStringLiteral("%1 / %2").arg(i + 1).arg(T));
        QVERIFY2(view.stepText().startsWith(QStringLiteral("Step %L1 of %L2:").arg(i + 1).arg(T)),
                 qPrintable(view.stepText()));
        const QString label = view.scrubber()->labelText();
        QVERIFY2(label.contains(QStringLiteral("step %L1 of %L2").arg(i + 1).arg(T)), qPrintable(label));

        const auto k = static_cast<size_t>(t - 1);
        const double abar = s.alphaBar()[k];
        const double abarPrev = t > 1 ? s.alphaBar()[k - 1] : 1.0;
        const double betaTilde = s.beta()[k] * (1.0 - abarPrev) / (1.0 - abar);
        double sigma = 0.0;
        if (sampler == QLatin1String("ddpm:beta"))
            sigma = t > 1 ? std::sqrt(s.beta()[k]) : 0.0;
        else if (sampler == QLatin1String("ddpm:beta-tilde"))
            sigma = t > 1 ? std::sqrt(betaTilde) : 0.0;
        else
            sigma = eta * std::sqrt(betaTilde);
        QVERIFY(v.contains(QStringLiteral("sigma")));
        QVERIFY2(std::abs(v.value(QStringLiteral("sigma")).toDouble() - sigma) <= 1e-3 * std::max(sigma, 1e-3),
                 qPrintable(v.value(QStringLiteral("sigma")) + QStringLiteral(" vs ") + QString::number(sigma)));
        const double logSnr = std::log(abar / (1.0 - abar));
        QVERIFY(std::abs(v.value(QStringLiteral("log_snr")).toDouble() - logSnr) <= 1e-3 * std::abs(logSnr) + 1e-4);
        QCOMPARE(v.contains(QStringLiteral("eta")), sampler == QLatin1String("ddim"));
        if (sampler == QLatin1String("ddim"))
            QCOMPARE(v.value(QStringLiteral("eta")).toDouble(), eta);
        QVERIFY(!view.noisePanelImage().isNull());
        QVERIFY(view.noisePanelMessage().isEmpty());
    }
    view.scrubber()->setValue(T);
    QCOMPARE(view.stepText(), ReverseView::tr("Done: x₀ after %L1 steps.").arg(T));
    // x₀ has no prediction: the noise panel says so instead of showing a grey square (ε̂ = 0).
    QVERIFY(view.noisePanelImage().isNull());
    QVERIFY(view.noisePanelMessage().contains(QStringLiteral("no noise")));
    view.scrubber()->setValue(T - 1);
    QVERIFY(!view.noisePanelImage().isNull());
    QVERIFY(view.noisePanelMessage().isEmpty());
    const auto done = live.last().first().value<QMap<QString, QString>>();
    QCOMPARE(done.value(QStringLiteral("step")), QStringLiteral("%1 / %1").arg(T));
}

void TestViews::reverseTitleHasHat()
{
    ReverseView view;
    const QString hat = QStringLiteral("x\u0302\u2080"); // x, combining circumflex, subscript zero
    QVERIFY(!labelText(&view, QStringLiteral("predicted clean image ") + hat).isEmpty());
}

// "step" counts training steps in the Training view and the denoising steps of the run in the Reverse
// view; the help says which.
void TestViews::helpMeaningFollowsView()
{
    HelpPanel help;
    const QMap<QString, QString> values{{QStringLiteral("step"), QStringLiteral("3 / 50")},
                                        {QStringLiteral("t"), QStringLiteral("940")}};
    help.setTopic(HelpPanel::Reverse);
    help.setLiveValues(values);
    QString text = help.textBrowser()->toPlainText();
    QVERIFY2(!text.contains(HelpPanel::tr("training steps so far")), qPrintable(text));
    QVERIFY(text.contains(HelpPanel::tr("denoising step of this run, of all its steps")));
    help.setTopic(HelpPanel::Training);
    text = help.textBrowser()->toPlainText();
    QVERIFY(text.contains(HelpPanel::tr("training steps so far")));
    QVERIFY(!text.contains(HelpPanel::tr("denoising step of this run, of all its steps")));
}

void TestViews::schedulesOverlaidAndLabelled()
{
    SchedulesView view;
    view.setImage(torch::zeros({1, 16, 16}));
    const QStringList kinds{QStringLiteral("linear"), QStringLiteral("cosine"), QStringLiteral("sigmoid"),
                            QStringLiteral("quadratic")};
    for (auto* chart : {view.betaChart(), view.alphaBarChart(), view.logSnrChart()}) {
        QStringList names;
        for (const auto& c : chart->curves())
            names << c.name;
        QCOMPARE(names, kinds);
    }
    // Each chart draws its own quantity of each schedule at t = 1 … T: β_t, ᾱ_t and the natural log of
    // SNR_t = ᾱ_t / (1 − ᾱ_t).
    for (int k = 0; k < kinds.size(); ++k) {
        ScheduleOptions o;
        o.kind = parseScheduleKind(kinds[k].toStdString()).value();
        const NoiseSchedule s(o);
        for (int t : {1, 300, 1000}) {
            const auto i = static_cast<size_t>(t - 1);
            const QPointF b = view.betaChart()->curves()[k].points[t - 1],
                          a = view.alphaBarChart()->curves()[k].points[t - 1],
                          l = view.logSnrChart()->curves()[k].points[t - 1];
            QCOMPARE(b, QPointF(t, s.beta()[i]));
            QCOMPARE(a, QPointF(t, s.alphaBar()[i]));
            QCOMPARE(l.x(), double(t));
            QVERIFY(std::abs(l.y() - std::log(s.alphaBar()[i] / (1.0 - s.alphaBar()[i]))) <
                    1e-9 * (1 + std::abs(l.y())));
        }
    }
    QCOMPARE(view.strips()->rowCount(), 4);
    QCOMPARE(view.strips()->rowLabels(), kinds);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(view.strips()->frame(row, 10).isNull(), false);
    // At the paper's T = 1000 every schedule ends in noise; at T = 20 the β range of three of them leaves
    // ᾱ_T near exp(−20 · 0.01), and the view says so (cosine, set by ᾱ_t alone, still reaches noise).
    QVERIFY2(view.noteText().isEmpty(), qPrintable(view.noteText()));
    view.setSteps(20);
    QVERIFY2(view.noteText().startsWith(
                 QStringLiteral("At T = 20 the schedules linear, sigmoid, quadratic leave ᾱ_T up to")),
             qPrintable(view.noteText()));
    QVERIFY(!view.noteText().contains(QStringLiteral("cosine")));
    view.setSteps(500); // quadratic alone: Σβ ≈ 3.6 there, about 5 for linear and sigmoid
    QVERIFY2(view.noteText().startsWith(QStringLiteral("At T = 500 the quadratic schedule leaves ᾱ_T at")),
             qPrintable(view.noteText()));
    view.setSteps(1000);
    QVERIFY(view.noteText().isEmpty());
}

void TestViews::restartArguments_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QStringList>("after");
    QTest::newRow("started with --language and --checkpoint")
        << QStringList{"--language", "de", "--checkpoint", "/a.ckpt", "--settings", "s.ini"} << "zh_CN"
        << "/b.ckpt" << QStringList{"--settings", "s.ini", "--language", "zh_CN", "--checkpoint", "/b.ckpt"};
    QTest::newRow("--opt=value forms, --data dropped")
        << QStringList{"--language=de", "--checkpoint=/a.ckpt", "--data=synthetic"} << "en"
        << "/a.ckpt" << QStringList{"--language", "en", "--checkpoint", "/a.ckpt"};
    QTest::newRow("system default, new unsaved model")
        << QStringList{"--language", "de", "--checkpoint", "/a.ckpt"} << ""
        << "" << QStringList{};
    QTest::newRow("plain start") << QStringList{} << "de"
                                 << "/m.ckpt" << QStringList{"--language", "de", "--checkpoint", "/m.ckpt"};
}

void TestViews::restartArguments()
{
    QFETCH(QStringList, before);
    QFETCH(QString, language);
    QFETCH(QString, checkpoint);
    QFETCH(QStringList, after);
    QCOMPARE(::restartArguments(before, language, checkpoint), after);
}

// In the window: the data view shows another schedule than the model's; "Denoise from here" with 3
// images starts every image from the model-schedule x_t and ends with 3 different images.
void TestViews::windowDenoisesSeveralImagesWithModelSchedule()
{
    Settings settings(m_dir.filePath(QStringLiteral("views.ini")));
    settings.set(setting::Preset, QStringLiteral("tiny"));
    settings.setLastDataSpec(QStringLiteral("synthetic:60"));
    settings.set(setting::Device, QStringLiteral("cpu"));
    settings.set(setting::PreviewInterval, 1000);
    settings.set(setting::Schedule, QStringLiteral("linear"));
    settings.set(setting::Sampler, QStringLiteral("ddpm"));
    settings.setExportFolder(m_dir.path());
    MainWindow w(settings);
    w.resize(1300, 850);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.isReady(), 60000);
    const auto model = w.training()->snapshot()->config.schedule;
    QCOMPARE(model.kind, ScheduleKind::Linear);

    auto* data = w.dataView();
    data->setSchedule(scheduleOf(ScheduleKind::Cosine, model.steps));
    data->setT(6);
    data->setDenoiseCount(3);
    const auto expected = forwardOracle(data->currentImage(), data->noise(), model, 6);
    QSignalSpy finished(w.sampling(), &SamplingController::finished);
    QTest::mouseClick(data->denoiseButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.last().first().toBool());
    QTRY_COMPARE(w.reverseView()->frameCount(), 7); // t = 6 … 1, then x_0
    const auto& first = w.reverseView()->frames().first();
    QCOMPARE(first.t, 6);
    QCOMPARE(first.xt.size(), 3);
    for (const QImage& image : first.xt)
        QVERIFY(image == tensorToImage(expected));
    const auto finals = w.sampling()->finalImages();
    QCOMPARE(finals.size(), 3);
    QVERIFY(finals[0] != finals[1] && finals[1] != finals[2]); // each with its own noise

    // The help panel shows the Reverse view's values in their meaning, and the Training view's loss.
    auto* help = w.findChild<HelpPanel*>();
    QVERIFY(help);
    w.reverseView()->scrubber()->setValue(1);
    QTRY_VERIFY(help->liveValues().contains(QStringLiteral("sigma")));
    QCOMPARE(help->liveValues().value(QStringLiteral("step")), QStringLiteral("2 / 6"));
    w.setView(MainWindow::Training);
    w.trainingView()->setTotalSteps(3);
    QSignalSpy trained(w.training(), &TrainingController::finished);
    w.startTraining();
    QVERIFY(trained.wait(60000));
    QTRY_COMPARE_WITH_TIMEOUT(help->liveValues().value(QStringLiteral("step")), QStringLiteral("3"), 10000);
    QVERIFY(help->liveValues().contains(QStringLiteral("loss")));
    QVERIFY(help->textBrowser()->toPlainText().contains(HelpPanel::tr("training steps so far")));
}

void TestViews::chineseInterfaceHasAFont()
{
    // scripts/setup.sh installs a CJK font: without one the Chinese interface is empty boxes.
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    QVERIFY2(!families.isEmpty(), "no font with Simplified Chinese glyphs is installed (fonts-wqy-microhei)");
    const QFont font(families.first());
    const QFontMetrics metrics(font);
    for (const QChar c : QStringLiteral("训练模型"))
        QVERIFY2(metrics.inFont(c), qPrintable(families.first()));
}

namespace {
QualityReport guidedReport(double w, double fid, double agreement)
{
    QualityReport r;
    r.count = 100;
    r.sampler = "ddim";
    r.steps = 100;
    r.fid = fid;
    r.fidFloor = 2.0;
    r.classChoice = "all";
    r.guidance = w;
    r.classAgreement = agreement;
    return r;
}
} // namespace

void TestViews::qualityGuidanceSweepAndCopies()
{
    QualityView view;
    view.setAvailable(true);
    QVERIFY(!view.guidanceButton()->isEnabled()); // an unconditional model: no guidance to sweep
    view.setConditional(true);
    QVERIFY(view.guidanceButton()->isEnabled());
    QSignalSpy asked(&view, &QualityView::measureRequested);
    view.guidanceButton()->click();
    QCOMPARE(asked.size(), 1);
    const auto runs = asked.first().at(1).value<std::vector<SamplerOptions>>();
    const std::vector<double> ws{0.0, 0.5, 1.0, 2.0, 4.0};
    QCOMPARE(runs.size(), ws.size());
    for (size_t i = 0; i < runs.size(); ++i) {
        QCOMPARE(runs[i].guidance, ws[i]);
        QCOMPARE(runs[i].classChoice, kEveryClass);
        QCOMPARE(runs[i].ddimSteps, view.options().sampler.ddimSteps); // the form's sampler
    }
    view.measureButton()->click();
    QCOMPARE(asked.last().at(1).value<std::vector<SamplerOptions>>().size(), size_t(1));

    // The Guidance chart: the guided reports sorted by w, agreement in per cent; an unconditional report
    // and a report without a class agreement are not on it. The steps chart keeps w = 1 and the unconditional one.
    QualityReport plain;
    plain.count = 100;
    plain.sampler = "ddim";
    plain.steps = 50;
    plain.fid = 9.0;
    plain.fidFloor = 2.0;
    view.addReport(guidedReport(2.0, 6.0, 0.96), 10);
    view.addReport(guidedReport(0.0, 12.0, 0.7), 10);
    view.addReport(plain, 10);
    view.addReport(guidedReport(1.0, 8.0, 0.9), 10);
    view.addReport(guidedReport(4.0, 7.0, std::numeric_limits<double>::quiet_NaN()), 10);
    QCOMPARE(view.guidanceChart()->pointCount(), 3);
    const auto agreement = view.guidanceChart()->agreementPoints();
    QCOMPARE(agreement.size(), 3);
    QCOMPARE(agreement[0], QPointF(0.0, 70.0));
    QCOMPARE(agreement[1], QPointF(1.0, 90.0));
    QCOMPARE(agreement[2], QPointF(2.0, 96.0));
    auto* steps = qobject_cast<QXYSeries*>(view.chartView()->chart()->series().first());
    QVERIFY(steps);
    QCOMPARE(steps->count(), 2);
    QCOMPARE(steps->at(0), QPointF(50, 9.0));
    QCOMPARE(steps->at(1), QPointF(100, 8.0));
    // The legend names the curves that are drawn: the Langevin ones once one of theirs is measured, so that
    // the names of a narrow window's legend are not elided into five alike.
    const auto shownNames = [&] {
        QStringList names;
        for (auto* marker : view.chartView()->chart()->legend()->markers())
            if (marker->isVisible())
                names << marker->label();
        return names;
    };
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(shownNames().contains(QualityView::tr("Fréchet distance")));
    QVERIFY2(!shownNames().contains(QualityView::tr("annealed Langevin")), qPrintable(shownNames().join(u',')));
    QualityReport langevin = plain;
    langevin.sampler = "langevin";
    view.addReport(langevin, 10);
    QVERIFY2(shownNames().contains(QualityView::tr("annealed Langevin")), qPrintable(shownNames().join(u',')));
    QVERIFY(!shownNames().contains(QualityView::tr("with a Langevin corrector")));

    // The nearest training images: one row per closest pair, its distances in the captions.
    QCOMPARE(view.copiesPanel()->table()->rowCount(), 0); // those reports had no training images
    QVERIFY(view.copiesPanel()->summaryText().contains(QStringLiteral("no training images")));
    QualityReport copies = plain;
    copies.memorisation.share = 0.5;
    copies.memorisation.threshold = 1.25;
    copies.memorisation.closest = {{3, 17, 0.5}, {0, 4, 1.5}};
    copies.closestInPixels = {{3, 17, 12.0}, {0, 9, 300.0}};
    copies.closestSamples = torch::zeros({2, 1, 28, 28}, torch::kUInt8);
    copies.closestTrain = torch::full({2, 1, 28, 28}, 255, torch::kUInt8);
    copies.closestTrainInPixels = copies.closestTrain.clone();
    view.addReport(copies, 11);
    auto* table = view.copiesPanel()->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("sample 4"));
    QVERIFY(table->item(0, 1)->text().contains(QStringLiteral("training image 18"))); // numbered from 1
    QVERIFY(table->item(0, 1)->text().contains(QStringLiteral("0.50")));
    QVERIFY(table->item(1, 2)->text().contains(QStringLiteral("training image 10")));
    QVERIFY(!table->item(1, 2)->icon().isNull());
    QVERIFY(view.copiesPanel()->summaryText().startsWith(QStringLiteral("50.0 %")));
    view.clearResults();
    QCOMPARE(table->rowCount(), 0);
    QCOMPARE(view.guidanceChart()->pointCount(), 0);
}

// A distance under its floor (50 samples: the statistics of two small sets) is not shown as a model
// better than its data without a word; a ratio above 1 is shown as it is.
void TestViews::qualityRatioBelowOneIsExplained()
{
    QualityView view;
    QualityReport r;
    r.count = 50;
    r.fid = 23.45;
    r.fidFloor = 54.96;
    r.ratio = r.fid / r.fidFloor;
    view.addReport(r, 1);
    QVERIFY2(view.summaryText().contains(QStringLiteral("0.43× (below 1: at 50 samples both distances are noisy")),
             qPrintable(view.summaryText()));
    // Each number in its own row: the distance, the floor of as many real images, the confidence.
    r.meanConfidence = 0.875;
    view.addReport(r, 1);
    for (const char* shown :
         {"Fréchet distance</td><td><b>23.450<", "Floor (50 real training images)</td><td><b>54.960<",
          "Mean classifier confidence</td><td><b>0.875<"})
        QVERIFY2(view.summaryText().contains(QString::fromUtf8(shown)), qPrintable(view.summaryText()));
    r.fid = 90.0;
    r.ratio = r.fid / r.fidFloor;
    view.addReport(r, 2);
    QVERIFY2(view.summaryText().contains(QStringLiteral("1.64×")) &&
                 !view.summaryText().contains(QStringLiteral("below 1")),
             qPrintable(view.summaryText()));
}

// DDIM with trailing timesteps: the form asks for it (only for DDIM), the summary names it, and the chart
// draws it as a curve of its own rather than zigzagging through the evenly spaced runs at the same steps.
void TestViews::qualityTrailingDdimHasItsOwnCurve()
{
    QualityView view;
    view.setAvailable(true);
    auto* spacing = view.findChild<SpacingBox*>();
    QComboBox* sampler = nullptr;
    for (auto* box : view.findChildren<QComboBox*>())
        if (box->findData(static_cast<int>(SamplerKind::Ddpm)) >= 0 && box != spacing)
            sampler = box;
    QVERIFY(sampler && spacing);
    QCOMPARE(view.options().sampler.spacing, TimestepSpacing::Linspace);
    spacing->setCurrentIndex(1);
    QCOMPARE(view.options().sampler.spacing, TimestepSpacing::Trailing);
    QVERIFY(spacing->isEnabled());
    sampler->setCurrentIndex(sampler->findData(static_cast<int>(SamplerKind::Ddpm)));
    QVERIFY(spacing->isEnabled()); // DDPM takes every step, but "Measure against steps" has DDIM rows
    QCOMPARE(qualitySweep(view.options().sampler).front().spacing, TimestepSpacing::Trailing);
    QualityOptions o = view.options();
    o.sampler.spacing = TimestepSpacing::Linspace;
    view.setOptions(o);
    QCOMPARE(spacing->currentIndex(), 0);

    const auto seriesNamed = [&](const QString& name) -> QXYSeries* {
        for (auto* chartView : view.findChildren<QChartView*>()) // not the Guidance chart's
            for (auto* s : chartView->chart()->series())
                if (chartView->chart()->title() == QStringLiteral("Quality against network evaluations"))
                    if (s->name() == name)
                        return qobject_cast<QXYSeries*>(s);
        return nullptr;
    };
    QXYSeries* even = seriesNamed(QStringLiteral("Fréchet distance"));
    QXYSeries* trailing = seriesNamed(QStringLiteral("DDIM, trailing timesteps"));
    QVERIFY(even && trailing);
    QualityReport r;
    r.count = 500;
    r.sampler = "ddim";
    r.spacing = "trailing";
    r.fidFloor = 2.0;
    for (const auto& [steps, fid] : {std::pair{10, 30.0}, std::pair{50, 12.0}}) {
        r.steps = steps;
        r.fid = fid;
        view.addReport(r, 7);
    }
    QVERIFY2(view.summaryText().contains(QStringLiteral("DDIM, 50 steps, trailing timesteps")),
             qPrintable(view.summaryText()));
    r.spacing = "linspace";
    r.steps = 10;
    r.fid = 40.0;
    view.addReport(r, 7);
    QVERIFY(!view.summaryText().contains(QStringLiteral("trailing")));
    QCOMPARE(trailing->points(), (QList<QPointF>{{10, 30.0}, {50, 12.0}}));
    QCOMPARE(even->points(), (QList<QPointF>{{10, 40.0}}));
}

// The Data view's numbers are those of the timestep shown (β_t is β[t − 1] of the 0-based schedule), and a
// click on a strip column shows that column's timestep.
void TestViews::dataViewValuesAndStripClicks()
{
    DataView view;
    view.setDataset(dataOf(makeSyntheticShapes(6, 1, 16)), QStringLiteral("synthetic"));
    const auto options = scheduleOf(ScheduleKind::Cosine, 200);
    view.setSchedule(options);
    const NoiseSchedule s(options);
    QSignalSpy live(&view, &DataView::liveValuesChanged);
    for (int t : {1, 2, 77, 200}) {
        view.setT(t);
        QTRY_VERIFY(!live.isEmpty());
        const auto v = live.last().first().value<QMap<QString, QString>>();
        const auto i = static_cast<size_t>(t - 1);
        QCOMPARE(v.value(QStringLiteral("t")), QString::number(t));
        QCOMPARE(v.value(QStringLiteral("beta")), QString::number(s.beta()[i], 'g', 6));
        QCOMPARE(v.value(QStringLiteral("alpha_bar")), QString::number(s.alphaBar()[i], 'g', 6));
        QCOMPARE(v.value(QStringLiteral("snr")), QString::number(s.snr()[i], 'g', 6));
        live.clear();
    }
    auto* strip = view.findChild<ImageStrip*>();
    QVERIFY(strip);
    const auto columns = forwardStripTimesteps(options.steps);
    for (int c : {1, 4, static_cast<int>(columns.size()) - 1}) {
        Q_EMIT strip->columnClicked(c);
        QCOMPARE(view.currentT(), columns[static_cast<size_t>(c)]);
    }
}

// "Interpolate with…" as the user asks it: the dialog opens on the image shown and t, and the walk asked
// for is handed on with those two images of the data set (numbered from 1 in the dialog, as the thumbnails
// are), their classes and the dialog's settings.
void TestViews::interpolateDialogAsksForTheWalk()
{
    DataView view;
    auto labelled = makeSyntheticShapes(12, 1, 16);
    labelled.labels = torch::arange(12, torch::kInt64) % 5;
    view.setDataset(dataOf(labelled), QStringLiteral("synthetic"));
    view.setModelSchedule(scheduleOf(ScheduleKind::Linear, 400));
    view.selectImage(2); // thumbnail 3
    view.setT(150);
    QPushButton* interpolate = nullptr;
    for (auto* b : view.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Interpolate with…"))
            interpolate = b;
    QVERIFY(interpolate && interpolate->isEnabled());
    torch::Tensor a, b;
    InterpolationOptions walk;
    int labelA = -2, labelB = -2;
    connect(&view, &DataView::interpolateRequested, this,
            [&](const torch::Tensor& ta, const torch::Tensor& tb, const InterpolationOptions& o, const QString&, int la,
                int lb) {
                a = ta;
                b = tb;
                walk = o;
                labelA = la;
                labelB = lb;
            });
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<InterpolateDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // A check that fails returns from here: the dialog is closed all the same, and the test fails at once.
        const auto close = qScopeGuard([&] { answered ? dialog->accept() : dialog->reject(); });
        const auto box = [&](const char* name) { return dialog->findChild<QSpinBox*>(QLatin1String(name)); };
        QVERIFY(box("from") && box("to") && box("t") && box("lambdas"));
        QCOMPARE(box("from")->value(), 3);
        QCOMPARE(box("t")->value(), 150);
        box("to")->setValue(9);
        box("t")->setValue(123);
        box("lambdas")->setValue(6);
        answered = true;
    });
    interpolate->click();
    QVERIFY(answered);
    QVERIFY(a.defined() && b.defined());
    QVERIFY(a.equal(pixelsToModel(labelled.images[2])));
    QVERIFY(b.equal(pixelsToModel(labelled.images[8])));
    QCOMPARE(labelA, 2);
    QCOMPARE(labelB, 8 % 5);
    QCOMPARE(walk.mode, InterpolationMode::Ddpm);
    QCOMPARE(walk.t, 123);
    QCOMPARE(walk.lambdas, 6);
}

// A click on a column of the Reverse view's strip shows that column's step; the form's DDIM-only and
// corrector-only controls are enabled where they apply.
void TestViews::reverseStripClicksAndFormStates()
{
    constexpr int T = 20;
    SamplerOptions o;
    o.kind = SamplerKind::Ddpm;
    ReverseView view;
    view.setSamplerOptions(o);
    const auto timesteps = beginRun(view, o, T);
    auto frames = framesThrough(timesteps);
    const auto grey = [](int level) {
        QImage image(2, 2, QImage::Format_Grayscale8);
        image.fill(QColor(level, level, level));
        return image;
    };
    for (auto& f : frames) { // x_t, x̂₀ and ε̂ told apart by their grey
        f.xt = {grey(0)};
        f.x0Hat = {grey(128)};
        f.epsHat = {grey(255)};
    }
    view.addFrames(frames);
    view.end(true, false);
    const std::array<int, 3> greys{0, 128, 255};
    for (int kind : {0, 1, 2}) { // each panel its own tensor
        const QImage shown = view.gridAt(3, kind, 1);
        QCOMPARE(qGray(shown.pixel(shown.width() / 2, shown.height() / 2)), greys[static_cast<size_t>(kind)]);
    }
    const QStringList labels = view.strip()->columnLabels();
    QVERIFY2(labels.size() >= 3 && labels.size() < view.frames().size(), qPrintable(labels.join(' ')));
    for (int c = 1; c < labels.size(); ++c) {
        Q_EMIT view.strip()->columnClicked(c);
        QCOMPARE(ReverseRuns::columnLabel(view.frames().at(view.scrubber()->value())), labels.at(c));
    }

    auto* eta = view.findChild<QDoubleSpinBox*>(QStringLiteral("eta"));
    auto* snr = view.findChild<QDoubleSpinBox*>(QStringLiteral("snr"));
    auto* spacing = view.findChild<SpacingBox*>();
    QVERIFY(eta && snr && spacing && eta != snr);
    for (const auto kind : {SamplerKind::Ddpm, SamplerKind::Ddim, SamplerKind::Langevin}) {
        for (const auto corrector : {CorrectorKind::None, CorrectorKind::Langevin}) {
            SamplerOptions form;
            form.kind = kind;
            form.corrector = corrector;
            view.setSamplerOptions(form);
            const bool ddim = kind == SamplerKind::Ddim;
            QCOMPARE(eta->isEnabled(), ddim);
            QCOMPARE(spacing->isEnabled(), ddim);
            QCOMPARE(snr->isEnabled(), kind != SamplerKind::Langevin && corrector == CorrectorKind::Langevin);
        }
    }
}

// The training form and the sampler as the user left them are what the next window opens with: written to
// the settings when the window closes and read back into fresh forms (SettingsBinder).
void TestViews::formsKeptBetweenSessions()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("forms.ini")));
    auto asked = makeConfig("tiny").value();
    asked.train.batch = 12;
    asked.train.lr = 3e-4;
    asked.train.emaDecay = 0.995;
    asked.train.warmupSteps = 77;
    asked.train.seed = 42;
    asked.schedule.kind = ScheduleKind::Cosine;
    {
        TrainingView training;
        ReverseView reverse;
        training.setFormConfig(asked);
        training.setTotalSteps(2345);
        training.setDevice(QStringLiteral("cpu"));
        training.setPrecision(QStringLiteral("fp32"));
        training.setPreviewInterval(250);
        SettingsBinder(settings, &training, &reverse).saveForms();
    }
    QCOMPARE(settings.get(setting::BatchSize), 12);
    QCOMPARE(settings.get(setting::TotalSteps), 2345);
    TrainingView training;
    ReverseView reverse;
    SettingsBinder(settings, &training, &reverse).restoreForms();
    const auto got = training.formConfig();
    QCOMPARE(got.preset, asked.preset);
    QCOMPARE(got.train.batch, asked.train.batch);
    QCOMPARE(got.train.lr, asked.train.lr);
    QCOMPARE(got.train.emaDecay, asked.train.emaDecay);
    QCOMPARE(got.train.warmupSteps, asked.train.warmupSteps);
    QCOMPARE(got.train.seed, asked.train.seed);
    QCOMPARE(int(got.schedule.kind), int(asked.schedule.kind));
    QCOMPARE(training.totalSteps(), qint64(2345));
    QCOMPARE(training.device(), QStringLiteral("cpu"));
    QCOMPARE(training.precision(), QStringLiteral("fp32"));
    QCOMPARE(training.previewInterval(), 250);
}

// Durations as the views show them: h:mm:ss, minutes and seconds within their hour and minute.
void TestViews::runClockDurations()
{
    QCOMPARE(RunClock::duration(0), QStringLiteral("0:00:00"));
    QCOMPARE(RunClock::duration(59.4), QStringLiteral("0:00:59"));
    QCOMPARE(RunClock::duration(3725), QStringLiteral("1:02:05"));
    QCOMPARE(RunClock::duration(36000 + 59 * 60 + 1), QStringLiteral("10:59:01"));
    QCOMPARE(RunClock::duration(-1), QStringLiteral("–"));
}

// A guided report with copies has nine rows, two of them wrapped: on screen they all show, the pane
// above the charts growing for them (up to 40 % of the height); once the user has dragged the splitter,
// it stays where they left it and the summary scrolls.
void TestViews::qualitySummaryShowsEveryRow()
{
    QualityView view;
    view.resize(1000, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setAvailable(true);
    view.setConditional(true);
    QualityReport r = guidedReport(1.0, 8.0, 0.9);
    r.memorisation.share = 0.01;
    r.memorisation.threshold = 1.7;
    r.memorisation.closest = {{0, 1, 1.6}};
    view.addReport(r, 10);
    auto* scroll = view.findChild<QScrollArea*>();
    QVERIFY(scroll);
    auto* summary = qobject_cast<QLabel*>(scroll->widget());
    QVERIFY(summary);
    QVERIFY(summary->text().contains(QStringLiteral("Likely copies")));
    const int needed = summary->heightForWidth(scroll->viewport()->width());
    QVERIFY2(needed > 150, qPrintable(QString::number(needed)));
    QTRY_VERIFY2(scroll->viewport()->height() >= needed,
                 qPrintable(QStringLiteral("%1 < %2").arg(scroll->viewport()->height()).arg(needed)));

    auto* split = view.findChild<QSplitter*>();
    QVERIFY(split);
    split->setSizes({60, split->sizes().at(0) + split->sizes().at(1) - 60});
    Q_EMIT split->splitterMoved(60, 1);       // as a drag reports it
    const int dragged = split->sizes().at(0); // the pane's minimum where that is more than 60
    QVERIFY(dragged < needed);
    view.addReport(r, 11);
    QCoreApplication::processEvents();
    QCOMPARE(split->sizes().at(0), dragged);
}

// Nearest training images are looked up among Fashion-MNIST's: only for a run of a model that trained on
// them (or whose data set is not recorded), and only for grey images. Another model's button says why.
void TestViews::nearestImagesOnlyForFashionMnistModels()
{
    RunActions actions;
    const auto grey = torch::zeros({2, 1, 28, 28});
    QPushButton* nearest = actions.neighboursButton();
    actions.setRun(grey, 1000, 1, true, "fashion-mnist:train");
    QVERIFY(nearest->isEnabled());
    actions.setRun(grey, 1000, 1, true, "fashion-mnist");
    QVERIFY(nearest->isEnabled());
    actions.setRun(grey, 1000, 1, true, "");
    QVERIFY(nearest->isEnabled());
    actions.setRun(grey, 1000, 1, true, "fashion-mnist:test"); // not its training images
    QVERIFY(!nearest->isEnabled());
    actions.setRun(grey, 1000, 1, true, "synthetic:200");
    QVERIFY(!nearest->isEnabled());
    QVERIFY2(nearest->toolTip().contains(DataLoader::displayName(QStringLiteral("synthetic:200"))),
             qPrintable(nearest->toolTip()));
    actions.setRun(torch::zeros({2, 3, 32, 32}), 1000, 1, true, "fashion-mnist"); // colour
    QVERIFY(!nearest->isEnabled());
}

QTEST_MAIN(TestViews)
#include "tst_views.moc"

namespace {
QList<SampleFrame> framesOf(int steps, int value, QSize size = {2, 2})
{
    QImage image(size, QImage::Format_Grayscale8);
    image.fill(value);
    QList<SampleFrame> frames;
    for (int i = 0; i <= steps; ++i) {
        SampleFrame f;
        f.step = i;
        f.t = steps - i;
        f.xt = f.x0Hat = f.epsHat = {image};
        frames << f;
    }
    return frames;
}
} // namespace

// A new run (a fork, a denoising) does not lose the one before: it stays in the Runs list, shows again
// with its own frames and title, and its exports describe it. Speed and time left while a run goes,
// the elapsed time at its end.
void TestViews::reverseKeepsEarlierRuns()
{
    ReverseView view;
    view.begin(21, QStringLiteral("first run"));
    const auto first = framesOf(20, 10);
    view.addFrames(first.mid(0, 10));
    QVERIFY2(view.timingText().contains(QStringLiteral(" of 20 steps")), qPrintable(view.timingText()));
    QVERIFY2(view.timingText().contains(QStringLiteral("left")), qPrintable(view.timingText()));
    view.addFrames(first.mid(10));
    view.end(true);
    QVERIFY2(view.timingText().startsWith(QStringLiteral("20 steps in ")), qPrintable(view.timingText()));
    QCOMPARE(view.finalImages().size(), 1);
    QCOMPARE(view.runCount(), 1);
    QVERIFY(!view.runList()->isEnabled());
    const int firstColumns = view.strip()->count();
    QVERIFY(firstColumns >= 5);
    // The strip export draws from the runs' model: the columns and labels the view shows.
    QStringList labels;
    for (int i : view.runs().stripFrames())
        labels << ReverseRuns::columnLabel(view.frames()[i]);
    QCOMPARE(labels, view.strip()->columnLabels());

    view.begin(11, QStringLiteral("fork"));
    QCOMPARE(view.runCount(), 2);
    QCOMPARE(view.shownRun(), 0);
    QCOMPARE(view.frameCount(), 0);
    QVERIFY(view.finalImages().isEmpty()); // not finished yet
    view.addFrames(framesOf(10, 200));
    view.end(true);
    QCOMPARE(view.frameCount(), 11);
    QVERIFY(view.runList()->isEnabled());
    QCOMPARE(view.runList()->count(), 2);
    // The list tells the runs apart by how they were drawn, not by their place alone.
    QCOMPARE(view.runList()->itemText(1), QStringLiteral("1 run back · DDPM · seed 0 · first run"));
    {
        ReverseView classes;
        classes.classPicker()->setClassNames({QStringLiteral("T-shirt"), QStringLiteral("Trouser")});
        RunOrigin guided;
        guided.request.options.kind = SamplerKind::Ddim;
        guided.request.options.ddimSteps = 20;
        guided.request.options.classChoice = 1;
        guided.request.options.guidance = 3.0;
        guided.request.options.seed = 7;
        classes.begin(guided, QStringLiteral("guided"));
        classes.addFrames(framesOf(2, 30));
        classes.end(true);
        guided.request.options.classChoice = kEveryClass;
        guided.request.options.eta = 1.0;
        classes.begin(guided, QStringLiteral("all"));
        QCOMPARE(classes.runList()->itemText(0),
                 QStringLiteral("newest · DDIM 20, η = 1 · every class, w = 3.0 · seed 7 · all"));
        QCOMPARE(classes.runList()->itemText(1),
                 QStringLiteral("1 run back · DDIM 20 · Trouser, w = 3.0 · seed 7 · guided"));
    }

    view.showRun(1);
    QCOMPARE(view.title(), QStringLiteral("first run"));
    QCOMPARE(view.frameCount(), 21);
    QCOMPARE(view.stepCount(), 20);
    QCOMPARE(view.finalImages().value(0).pixelColor(0, 0), QColor(10, 10, 10));
    QCOMPARE(view.strip()->count(), firstColumns); // its strip again, x_T … x_0
    QCOMPARE(view.gridAt(0, 0, 1).pixelColor(2, 2), QColor(10, 10, 10));
    view.showRun(0);
    QCOMPARE(view.title(), QStringLiteral("fork"));
    QCOMPARE(view.finalImages().value(0).pixelColor(0, 0), QColor(200, 200, 200));

    // A run cut short by the next one says so; the list keeps at most kMaxRuns.
    view.begin(11, QStringLiteral("third"));
    view.addFrames(framesOf(10, 50).mid(0, 3));
    view.begin(11, QStringLiteral("fourth"));
    view.showRun(1);
    QVERIFY2(view.title().startsWith(QStringLiteral("third")) && view.title() != QStringLiteral("third"),
             qPrintable(view.title()));
    QVERIFY(view.finalImages().isEmpty());
    for (int i = 0; i < ReverseView::kMaxRuns + 2; ++i) {
        view.begin(3, QStringLiteral("run %1").arg(i));
        view.addFrames(framesOf(2, i));
        view.end(true);
    }
    QCOMPARE(view.runCount(), ReverseView::kMaxRuns);

    // A run the user stopped and one an error ended are told apart.
    view.begin(11, QStringLiteral("stopped"));
    view.addFrames(framesOf(10, 50).mid(0, 3));
    view.end(false);
    QCOMPARE(view.title(), QStringLiteral("stopped — cancelled"));
    view.begin(11, QStringLiteral("broken"));
    view.addFrames(framesOf(10, 50).mid(0, 3));
    view.end(false, true);
    QCOMPARE(view.title(), QStringLiteral("broken — failed"));
}

// Runs beyond the history's budget give way oldest first, but never the one shown: picked in the list while
// a new run fills, it stays on screen, and Fork here and the exports act on it.
void TestViews::shownRunIsNotDropped()
{
    ReverseView view;
    QImage big(256, 256, QImage::Format_Grayscale8);
    big.fill(100);
    const auto run = [&](const QString& title, bool pickOldest) {
        constexpr int frames = 200; // 200 × 896 KiB: three runs go beyond the 512 MiB of the history
        view.begin(frames, title);
        if (pickOldest)
            view.showRun(view.runCount() - 1);
        for (int k = 0; k < frames; ++k) {
            SampleFrame f;
            f.step = k;
            f.t = frames - 1 - k;
            f.xt = f.x0Hat = f.epsHat = {big, big, big, big};
            f.xtState = torch::zeros({64, 1, 32, 32}, torch::kFloat16);
            view.addFrames({f});
        }
        view.end(true);
    };
    run(QStringLiteral("first"), false);
    run(QStringLiteral("second"), false);
    run(QStringLiteral("third"), true); // the user looks at "first" while "third" runs
    QVERIFY(view.frameBytes() <= ReverseView::kHistoryBudgetBytes);
    QCOMPARE(view.runCount(), 2);
    QVERIFY2(view.runs().shown().title.startsWith(QStringLiteral("first")), qPrintable(view.runs().shown().title));
    QVERIFY(view.title().startsWith(QStringLiteral("first")));
    QVERIFY(view.runs().live().title.startsWith(QStringLiteral("third")));
}

// 1,000 DDPM steps of 64 large images: the run keeps every k-th step within the stated budget (x_T and
// x_0 always), says so, and the scrubber and strip follow the steps kept.
void TestViews::reverseFramesWithinBudget()
{
    ReverseView view;
    view.begin(3, QStringLiteral("small"));
    view.addFrames(framesOf(2, 1));
    view.end(true);

    constexpr int T = 1000;
    view.begin(T + 1, QStringLiteral("large"));
    QImage big(256, 256, QImage::Format_Grayscale8); // 64 images of 32×32 on a grid: 64 KiB a list
    big.fill(100);
    qint64 perFrame = 0;
    for (int i = 0; i <= T; i += 50) {
        QList<SampleFrame> batch;
        for (int k = i; k < std::min(i + 50, T + 1); ++k) {
            SampleFrame f;
            f.step = k;
            f.t = T - k;
            f.xt = f.x0Hat = f.epsHat = {big, big, big, big}; // 768 KiB a frame
            f.xtState = torch::zeros({64, 1, 32, 32}, torch::kFloat16);
            perFrame = 3 * 4 * big.sizeInBytes() + static_cast<qint64>(f.xtState.nbytes());
            batch << f;
        }
        view.addFrames(batch);
    }
    view.end(true);
    QVERIFY(perFrame * (T + 1) > 2 * ReverseView::kFrameBudgetBytes); // the test needs thinning
    QVERIFY2(view.keepEvery() >= 2, qPrintable(QString::number(view.keepEvery())));
    QVERIFY(view.frameBytes() <= ReverseView::kHistoryBudgetBytes);
    QVERIFY(view.frameCount() * perFrame <= ReverseView::kFrameBudgetBytes);
    QCOMPARE(view.frames().first().step, 0);
    QCOMPARE(view.frames().last().t, 0); // x_0 kept
    for (const auto& f : view.frames())
        QVERIFY(f.t == 0 || f.step % view.keepEvery() == 0);
    QVERIFY2(view.timingText().contains(QStringLiteral("one step in %1 kept").arg(view.keepEvery())),
             qPrintable(view.timingText()));
    QCOMPARE(view.scrubber()->maximum(), view.frameCount() - 1);
    QVERIFY(view.strip()->count() >= 10 && view.strip()->count() <= 12);
    QCOMPARE(view.runCount(), 2); // the small run fits beside it
    QCOMPARE(view.stepCount(), T);
    view.scrubber()->setValue(1);
    QVERIFY2(view.stepText().startsWith(QStringLiteral("Step %L1 of %L2:").arg(view.keepEvery() + 1).arg(T)),
             qPrintable(view.stepText()));
}
