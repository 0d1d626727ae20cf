// The studio's controllers and window, offscreen: training runs on its worker and reports progress,
// stop lands within one step, sampling delivers one frame per step and can be cancelled, views build
// and show data, exports write files, checkpoints from the ddpm command open and resume.
#include "animation.h"
#include "dataview.h"
#include "dialogs.h"
#include "exporter.h"
#include "language.h"
#include "bundled.h"
#include "mainwindow.h"
#include "messages.h"
#include "qualitycontroller.h"
#include "qualityview.h"
#include "reverseview.h"
#include "schedulesview.h"
#include "settings.h"
#include "trainingview.h"

#include "binheatmap.h"
#include "curvechart.h"
#include "imagestrip.h"
#include "losschart.h"
#include "timestepscrubber.h"

#include <QtTest>

#include <QMenu>

#include <algorithm>

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QChartView>
#include <QXYSeries>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QHash>
#include <QTabWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>

using namespace ddpm;

namespace {
QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ModelConfig tinyConfig(double lr = 1e-3)
{
    auto c = makeConfig("tiny").value();
    c.train.batch = 8;
    c.train.lr = lr;
    c.train.warmupSteps = 0;
    c.dataSpec = "synthetic:200";
    return c;
}

// An untrained tiny model to sample from.
std::shared_ptr<ModelSnapshot> untrainedSnapshot()
{
    auto snap = std::make_shared<ModelSnapshot>();
    snap->config = tinyConfig();
    snap->model = UNet(snap->config.unet);
    snap->ema = cloneUNet(snap->model);
    return snap;
}

std::shared_ptr<const Dataset> tinyData()
{
    return std::make_shared<const Dataset>(makeSyntheticShapes(200, 1, 16));
}
// The window's menu action with this text (menus are in English in these tests), or null.
QAction* actionNamed(const QWidget* window, const QString& text)
{
    for (auto* a : window->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}
} // namespace

class TestStudio : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainingRunsAndReports();
    void stopLandsWithinOneStep();
    void pauseAndResume();
    void nanLossStopsWithMessage();
    void samplingDeliversEveryStep();
    void samplingCancels();
    void windowViewsShowData();
    void reverseScrubberKeys();
    void forkContinuesTheSameXt();
    void exportsFromTheWindow();
    void checkpointFromTheCommand();
    void brokenCheckpointKeepsModel();
    void demoModelAtFirstLaunch();
    void windowFitsSmallScreens();
    void precisionReachesTrainerAndSampler();
    void qualityPanelMeasuresCancelsExports();
    void shippedDemoModelLoads();
    void closeDuringTraining();
    void closeWithWorkInFlight();
    void newAndOpenDuringTraining();
    void stepsAndPreviewChangedDuringRun();
    void preferencesOkKeepsTheForm();
    void denoiseFromHereWhileTraining();
    void engineErrorsTranslated();

private:
    std::unique_ptr<MainWindow> makeWindow(Settings& settings);
    QTemporaryDir m_dir;
};

void TestStudio::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dialogs::setSilent(true);
    torch::set_num_threads(2);
}

void TestStudio::trainingRunsAndReports()
{
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy progress(&c, &TrainingController::progressAvailable);
    QSignalSpy previews(&c, &TrainingController::previewReady);
    c.newModel(tinyConfig(), QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    QVERIFY(c.hasModel());
    c.setDataset(tinyData());
    c.setPreviewInterval(4);
    c.start(8);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toLongLong(), 8);
    QVERIFY(progress.count() >= 1);
    QVector<QPointF> points;
    auto p = c.takeProgress();
    points += p.points;
    QVERIFY(!points.isEmpty());
    QCOMPARE(p.step, 8);
    QCOMPARE(p.binLoss.size(), 10);
    QTRY_VERIFY(previews.count() >= 2); // steps 4 and 8
    QCOMPARE(previews.last().at(1).toLongLong(), 8);
    QVERIFY(!previews.last().first().value<QImage>().isNull());
    QCOMPARE(c.snapshot()->step, 8);
    QCOMPARE(int(c.snapshot()->lossHistory.size()), 8);
    QVERIFY(c.isDirty());
    QCOMPARE(c.state(), TrainingController::State::Idle);
}

void TestStudio::stopLandsWithinOneStep()
{
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy finished(&c, &TrainingController::finished);
    c.newModel(tinyConfig(), QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    c.setDataset(tinyData());
    c.setPreviewInterval(0);
    c.start(1000000);
    qint64 seen = 0;
    QTRY_VERIFY_WITH_TIMEOUT((seen = std::max(seen, c.takeProgress().step)) >= 3, 60000);
    seen = std::max(seen, c.takeProgress().step);
    c.stop();
    QVERIFY(finished.wait(30000));
    const qint64 final = finished.first().first().toLongLong();
    // The step running when stop was asked for may finish; no further step starts.
    QVERIFY2(final <= seen + 1, qPrintable(QStringLiteral("stopped at %1, asked at %2").arg(final).arg(seen)));
}

void TestStudio::pauseAndResume()
{
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy states(&c, &TrainingController::stateChanged);
    QSignalSpy finished(&c, &TrainingController::finished);
    c.newModel(tinyConfig(), QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    c.setDataset(tinyData());
    c.setPreviewInterval(0);
    c.start(1000000);
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step >= 2, 60000);
    c.pause();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), TrainingController::State::Paused, 30000);
    c.takeProgress();
    const qint64 at = c.step();
    // The paused loop still runs the tasks posted to it: a snapshot taken now proves it went round
    // while paused, and nothing was trained meanwhile.
    QSignalSpy snapshotReady(&c, &TrainingController::snapshotReady);
    c.requestSnapshot();
    QVERIFY(snapshotReady.wait(30000));
    QCOMPARE(snapshotReady.last().at(0).value<SnapshotPtr>()->step, at);
    const auto p = c.takeProgress();
    QVERIFY(p.points.isEmpty()); // nothing trained while paused
    QCOMPARE(c.step(), at);
    // Saving while paused works and lands at the step boundary.
    QSignalSpy saved(&c, &TrainingController::saved);
    c.save(m_dir.filePath(QStringLiteral("paused.ckpt")));
    QVERIFY(saved.wait(20000));
    c.resume();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), TrainingController::State::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step > at, 60000);
    c.stop();
    QVERIFY(finished.wait(30000));
}

void TestStudio::nanLossStopsWithMessage()
{
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy failed(&c, &TrainingController::failed);
    QSignalSpy finished(&c, &TrainingController::finished);
    c.newModel(tinyConfig(1e30), QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    c.setDataset(tinyData());
    c.setPreviewInterval(0);
    c.start(500);
    QVERIFY(finished.wait(120000));
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("at step")), qPrintable(message));
    const qint64 stopped = finished.first().first().toLongLong();
    QVERIFY(stopped < 500);
    // The last good state is kept: its weights are finite.
    for (const auto& p : c.snapshot()->model->parameters())
        QVERIFY(torch::isfinite(p).all().item<bool>());
}

void TestStudio::samplingDeliversEveryStep()
{
    auto snap = untrainedSnapshot();
    SamplingController s;
    QSignalSpy started(&s, &SamplingController::started);
    QSignalSpy finished(&s, &SamplingController::finished);
    SamplingRequest r;
    r.model = snap;
    r.options.kind = SamplerKind::Ddim;
    r.options.ddimSteps = 12;
    r.options.count = 3;
    s.start(r);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(started.first().first().toInt(), 12);
    const auto frames = s.takeFrames();
    QCOMPARE(frames.size(), 13); // one per step, then x_0
    int lastT = 1001;
    for (int i = 0; i < frames.size(); ++i) {
        QCOMPARE(frames[i].step, i);
        QVERIFY(frames[i].t < lastT);
        lastT = frames[i].t;
        QCOMPARE(frames[i].xt.size(), 3);
        QCOMPARE(frames[i].x0Hat.size(), 3);
        QCOMPARE(frames[i].epsHat.size(), 3);
        QCOMPARE(frames[i].xt.first().size(), QSize(16, 16));
    }
    QCOMPARE(frames.last().t, 0);
    QCOMPARE(s.finalImages().size(), 3);
}

void TestStudio::samplingCancels()
{
    auto snap = untrainedSnapshot();
    SamplingController s;
    QSignalSpy available(&s, &SamplingController::framesAvailable);
    QSignalSpy finished(&s, &SamplingController::finished);
    SamplingRequest r;
    r.model = snap;
    r.options.count = 2; // DDPM: 1000 steps
    s.start(r);
    QVERIFY(available.wait(60000));
    s.cancel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(s.takeFrames().size() < 1000);
    QVERIFY(!s.isRunning());
}

std::unique_ptr<MainWindow> TestStudio::makeWindow(Settings& settings)
{
    settings.setPreset(QStringLiteral("tiny"));
    settings.setLastDataSpec(QStringLiteral("synthetic:120"));
    settings.setDevice(QStringLiteral("cpu"));
    settings.setPreviewInterval(1000);
    settings.setExportFolder(m_dir.path());
    auto w = std::make_unique<MainWindow>(settings);
    w->resize(1300, 850);
    w->show();
    return w;
}

void TestStudio::windowViewsShowData()
{
    Settings settings(m_dir.filePath(QStringLiteral("views.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    // Data view: thumbnails and an 11-frame forward strip from t = 0 to T.
    QCOMPARE(w->dataView()->forwardFrames().size(), 11);
    QVERIFY(w->dataView()->findChild<ImageStrip*>()->count() == 11);
    w->dataView()->setT(500);
    QCOMPARE(w->dataView()->currentT(), 500);
    // Schedules view: four curves in each chart and four strips.
    QCOMPARE(w->schedulesView()->betaChart()->curves().size(), 4);
    QCOMPARE(w->schedulesView()->strips()->rowCount(), 4);
    // Training view: train a few steps; the chart and the heat map fill.
    w->trainingView()->setTotalSteps(6);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->step(), 6, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 30000);
    QTRY_COMPARE(w->trainingView()->lossChart()->rawPoints().size(), 6);
    QVERIFY(w->trainingView()->heatMap()->snapshotCount() >= 1);
    QVERIFY(w->windowTitle().contains(QLatin1Char('*')));
    // Every view renders: its page is not a blank background with a few labels. The most common colour
    // is the background; at least a tenth of the page is something else (charts, images, controls).
    auto* tabs = w->findChild<QTabWidget*>();
    QVERIFY(tabs);
    for (int v = 0; v < 5; ++v) {
        w->setView(MainWindow::View(v));
        const QImage shot = tabs->currentWidget()->grab().toImage();
        QVERIFY(!shot.isNull());
        QHash<QRgb, int> counts;
        int total = 0;
        for (int y = 0; y < shot.height(); y += 2)
            for (int x = 0; x < shot.width(); x += 2, ++total)
                ++counts[shot.pixel(x, y)];
        int background = 0;
        for (int c : std::as_const(counts))
            background = std::max(background, c);
        QVERIFY2(
            total - background >= total / 10,
            qPrintable(QStringLiteral("view %1: %2 of %3 pixels drawn").arg(v).arg(total - background).arg(total)));
    }
}

void TestStudio::reverseScrubberKeys()
{
    Settings settings(m_dir.filePath(QStringLiteral("reverse.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 8;
    o.count = 4;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(w->reverseView()->frameCount(), 9);
    auto* scrubber = w->reverseView()->scrubber();
    QCOMPARE(scrubber->maximum(), 8);
    scrubber->setFocus();
    QTest::keyClick(scrubber, Qt::Key_Home);
    QCOMPARE(scrubber->value(), 0);
    QTest::keyClick(scrubber, Qt::Key_Right);
    QTest::keyClick(scrubber, Qt::Key_Right);
    QCOMPARE(scrubber->value(), 2);
    QTest::keyClick(scrubber, Qt::Key_Left);
    QCOMPARE(scrubber->value(), 1);
    QTest::keyClick(scrubber, Qt::Key_End);
    QCOMPARE(scrubber->value(), 8);
    QTest::keyClick(scrubber, Qt::Key_Home);
    QTest::keyClick(scrubber, Qt::Key_Space);
    QVERIFY(scrubber->isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(scrubber->value(), 8, 10000); // plays to the end
    QVERIFY(w->reverseView()->strip()->count() >= 2);
    QCOMPARE(w->reverseView()->gridAt(3, 1, 1).isNull(), false);
}

void TestStudio::forkContinuesTheSameXt()
{
    Settings settings(m_dir.filePath(QStringLiteral("fork.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim; // η = 0: the fork must switch to η = 1 or every fork would be the same
    o.ddimSteps = 8;
    o.count = 4;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(w->reverseView()->frameCount(), 9);
    auto* view = w->reverseView();
    view->scrubber()->setValue(8); // x_0: nothing left to fork
    QVERIFY(!view->forkButton()->isEnabled());
    view->scrubber()->setValue(3);
    QVERIFY(view->forkButton()->isEnabled());
    const auto frame = view->frames()[3];
    QVERIFY(frame.t > 0);
    const torch::Tensor original = frame.xtState.narrow(0, 2, 1).to(torch::kFloat32);

    finished.clear();
    view->setForkChoice(2, 3); // the third image, three times
    QTest::mouseClick(view->forkButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().first().toBool());
    const auto& frames = view->frames();
    // Every fork starts from the chosen x_t at its t and ends somewhere of its own.
    QCOMPARE(frames.first().t, frame.t);
    QCOMPARE(frames.first().xtState.size(0), 3);
    for (int k = 0; k < 3; ++k)
        QVERIFY(torch::equal(frames.first().xtState[k].to(torch::kFloat32), original[0]));
    const auto& last = frames.last();
    QCOMPARE(last.t, 0);
    QCOMPARE(last.xt.size(), 3);
    QVERIFY(last.xt[0] != last.xt[1] && last.xt[1] != last.xt[2]);
    QVERIFY(view->title().contains(QStringLiteral("forked")));
    QVERIFY(view->title().contains(QStringLiteral("η = 1")));
    // The forks export like any other strip, and say so; the run forked from is one step back in the
    // Runs list, whole, and exports from there describe it, not the fork.
    const QString strip = m_dir.filePath(QStringLiteral("fork-strip.png"));
    QVERIFY(w->exportReverseStrip(strip));
    QVERIFY(QImage(strip).width() > 0);
    const auto samplerOf = [](const QString& image) {
        QFile side(sidecarPath(image));
        return side.open(QIODevice::ReadOnly)
                   ? QJsonDocument::fromJson(side.readAll()).object().value(QStringLiteral("sampler")).toString()
                   : QStringLiteral("(no sidecar)");
    };
    QCOMPARE(samplerOf(strip), QStringLiteral("ddim (fork)"));
    QCOMPARE(view->runCount(), 2);
    view->showRun(1);
    QCOMPARE(view->frameCount(), 9);
    QVERIFY(torch::equal(view->frames()[3].xtState, frame.xtState));
    QCOMPARE(view->finalImages().size(), 4);
    const QString before = m_dir.filePath(QStringLiteral("before-fork.png"));
    QVERIFY(w->exportSampleGrid(before));
    QCOMPARE(samplerOf(before), QStringLiteral("ddim"));
    QCOMPARE(QImage(before).size(), QSize(2 * 64 + 3 * 2, 2 * 64 + 3 * 2)); // its 4 images, not the 3 forks
}

void TestStudio::exportsFromTheWindow()
{
    Settings settings(m_dir.filePath(QStringLiteral("exports.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    // Nothing sampled yet: a clear refusal, no file, and the menu items are disabled.
    const QString grid = m_dir.filePath(QStringLiteral("grid.png"));
    QVERIFY(!w->exportSampleGrid(grid));
    QVERIFY(!QFile::exists(grid));
    QAction* gridAction = actionNamed(w.get(), QStringLiteral("Sample grid as PNG…"));
    QAction* gifAction = actionNamed(w.get(), QStringLiteral("Reverse process as animated GIF…"));
    QVERIFY(gridAction && gifAction);
    auto* exportMenu = qobject_cast<QMenu*>(gridAction->parent());
    QVERIFY(exportMenu);
    Q_EMIT exportMenu->aboutToShow();
    QVERIFY(!gridAction->isEnabled());
    QVERIFY(!gifAction->isEnabled());
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 5;
    o.count = 4;
    o.seed = 99;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    Q_EMIT exportMenu->aboutToShow();
    QVERIFY(gridAction->isEnabled());
    QVERIFY(gifAction->isEnabled());
    QVERIFY(w->exportSampleGrid(grid));
    QCOMPARE(QImage(grid).size(), QSize(2 * 64 + 3 * 2, 2 * 64 + 3 * 2));
    QFile side(sidecarPath(grid));
    QVERIFY(side.open(QIODevice::ReadOnly));
    const auto meta = QJsonDocument::fromJson(side.readAll()).object();
    QCOMPARE(meta.value(QStringLiteral("seed")).toString(), QStringLiteral("99"));
    QCOMPARE(meta.value(QStringLiteral("sampler")).toString(), QStringLiteral("ddim"));
    QCOMPARE(meta.value(QStringLiteral("steps")).toInt(), 5);
    QCOMPARE(meta.value(QStringLiteral("model_preset")).toString(), QStringLiteral("tiny"));
    QCOMPARE(meta.value(QStringLiteral("checkpoint_sha256")).toString(), QStringLiteral("unsaved"));

    const QString gif = m_dir.filePath(QStringLiteral("rev.gif")), webp = m_dir.filePath(QStringLiteral("rev.webp"));
    QVERIFY(w->exportReverseGif(gif));
    QVERIFY(w->exportReverseWebP(webp));
    QFile g(gif), p(webp);
    QVERIFY(g.open(QIODevice::ReadOnly) && p.open(QIODevice::ReadOnly));
    auto ga = decodeGif(g.readAll());
    auto wa = decodeWebP(p.readAll());
    QVERIFY(ga && wa);
    // The six frames of the run, then the final x0 held about a second (16 more frames of 60 ms).
    QCOMPARE(ga->frames.size(), 6 + 16);
    for (int i = 6; i < ga->frames.size(); ++i)
        QCOMPARE(ga->frames[i], ga->frames[5]);
    // libwebp folds a frame identical to the one before into it (a longer duration).
    const auto shown = w->reverseView()->animationFrames();
    int distinct = 0;
    for (int i = 0; i < shown.size(); ++i)
        distinct += (i == 0 || shown[i] != shown[i - 1]) ? 1 : 0;
    QCOMPARE(wa->frames.size(), distinct);
    QVERIFY(distinct >= 4);
    QCOMPARE(QSize(wa->width, wa->height), QSize(2 * 64 + 3 * 2, 2 * 64 + 3 * 2));
    QVERIFY(QFile::exists(sidecarPath(gif)) && QFile::exists(sidecarPath(webp)));

    const QString strip = m_dir.filePath(QStringLiteral("strip.png")), fwd = m_dir.filePath(QStringLiteral("fwd.png"));
    QVERIFY(w->exportReverseStrip(strip));
    QVERIFY(!QImage(strip).isNull());
    QVERIFY(w->exportForwardStrip(fwd));
    QVERIFY(QImage(fwd).width() >= 11 * 16 * 4);
    const QString folder = m_dir.filePath(QStringLiteral("samples"));
    QVERIFY(w->exportSamplesToFolder(folder));
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.png")}).size(), 4);
    // Again into the same folder: refused with the reason unless the earlier export is replaced (the
    // menu item asks), so old and new files never mix.
    const auto mixed = w->exportSamplesToFolder(folder);
    QVERIFY(!mixed);
    QVERIFY2(mixed.error().find("earlier export") != std::string::npos, mixed.error().c_str());
    QVERIFY(w->exportSamplesToFolder(folder, true));
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.png")}).size(), 4);

    // Loss CSV and chart after a short run.
    w->trainingView()->setTotalSteps(3);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 60000);
    QTRY_COMPARE(w->trainingView()->lossChart()->rawPoints().size(), 3);
    const QString csv = m_dir.filePath(QStringLiteral("loss.csv")), chart = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(w->exportLossCsv(csv));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QCOMPARE(c.readAll().trimmed().split('\n').size(), 4);
    QVERIFY(w->exportLossChart(chart));
    QVERIFY(!QImage(chart).isNull());
    // From the menu, the export is written on a worker thread: the window goes on (the status bar shows
    // it), a second export meanwhile is refused with a message, and the file arrives with its sidecar.
    const QString menuGif = m_dir.filePath(QStringLiteral("menu.gif"));
    Dialogs::setNextSavePath(menuGif);
    gifAction->trigger();
    QVERIFY(w->isExporting() || QFile::exists(menuGif));
    QTRY_VERIFY_WITH_TIMEOUT(!w->isExporting(), 30000);
    QVERIFY(QFile::exists(menuGif) && QFile::exists(sidecarPath(menuGif)));
    QVERIFY(w->lastError().isEmpty() || !w->lastError().contains(QStringLiteral("export")));
    // A failed export leaves the earlier file as it was.
    const QByteArray before = [&] {
        QFile f(grid);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    QVERIFY(!w->exportSampleGrid(m_dir.filePath(QStringLiteral("no/such/dir/grid.png"))));
    QFile again(grid);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), before);
}

void TestStudio::checkpointFromTheCommand()
{
    // Train with the ddpm command, open in the studio, resume there, save, and read it back with
    // the command: the two share one format.
    const QString ckpt = m_dir.filePath(QStringLiteral("cli.ckpt"));
    QProcess p;
    p.start(QStringLiteral(DDPM_CLI_PATH),
            {QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:120"),
             QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("4"),
             QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--out"), ckpt, QStringLiteral("--device"),
             QStringLiteral("cpu")});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);

    Settings settings(m_dir.filePath(QStringLiteral("ckpt.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QSignalSpy ready(w->training(), &TrainingController::modelReady);
    w->openCheckpoint(ckpt);
    QVERIFY(ready.wait(30000));
    QCOMPARE(w->training()->step(), 4);
    QCOMPARE(w->currentPath(), ckpt);
    QCOMPARE(w->trainingView()->lossChart()->rawPoints().size(), 4); // the loss history came along
    QVERIFY(settings.recentFiles().contains(QDir::cleanPath(ckpt)));
    w->trainingView()->setTotalSteps(7);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->step(), 7, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 30000);
    QSignalSpy saved(w->training(), &TrainingController::saved);
    w->saveTo(ckpt);
    QVERIFY(saved.wait(30000));
    QProcess info;
    info.start(QStringLiteral(DDPM_CLI_PATH), {QStringLiteral("info"), ckpt});
    QVERIFY(info.waitForFinished(60000));
    QCOMPARE(QJsonDocument::fromJson(info.readAllStandardOutput()).object().value(QStringLiteral("step")).toInt(), 7);
}

void TestStudio::brokenCheckpointKeepsModel()
{
    Settings settings(m_dir.filePath(QStringLiteral("broken.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const auto before = w->training()->snapshot();
    const QString bad = m_dir.filePath(QStringLiteral("bad.ckpt"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("DDPMCKPT but then nothing");
    f.close();
    QSignalSpy failed(w->training(), &TrainingController::failed);
    w->openCheckpoint(bad);
    QVERIFY(failed.wait(30000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("checkpoint")));
    QCOMPARE(w->training()->snapshot(), before);
    QVERIFY(w->currentPath().isEmpty());
}

// Every view is usable in a 1000×650 window: the window's smallest size (the largest of its views'
// smallest sizes, with the demo model's long preset and precision names in the form) fits.
void TestStudio::windowFitsSmallScreens()
{
    Settings settings(m_dir.filePath(QStringLiteral("small.ini")));
    auto w = makeWindow(settings);
    QVERIFY(w->openDemoModel());
    QTRY_VERIFY_WITH_TIMEOUT(isDemoModel(w->currentPath()), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->resize(1000, 650);
    w->show();
    for (int v = MainWindow::Data; v <= MainWindow::Quality; ++v) {
        w->setView(MainWindow::View(v));
        QCoreApplication::processEvents();
        const QSize least = w->minimumSizeHint().expandedTo(w->minimumSize());
        QVERIFY2(least.width() <= 1000 && least.height() <= 650,
                 qPrintable(QStringLiteral("view %1 needs %2×%3").arg(v).arg(least.width()).arg(least.height())));
        QCOMPARE(w->width(), 1000);
    }
}

void TestStudio::demoModelAtFirstLaunch()
{
    // A stand-in demo model (tiny, so the test is quick) where DDPM_DATA_DIR points.
    const QString dataDir = m_dir.filePath(QStringLiteral("bundle"));
    QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/models")));
    const QString full = m_dir.filePath(QStringLiteral("demo-full.ckpt"));
    const QString demo = dataDir + QStringLiteral("/models/fashion-mnist-demo.ckpt");
    {
        Trainer trainer(tinyConfig(), torch::kCPU);
        QVERIFY(trainer.setDataset(*tinyData()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(trainer.step());
        QVERIFY(trainer.save(full.toStdString()));
        QVERIFY(exportSamplingCheckpoint(full.toStdString(), demo.toStdString(), false));
    }
    qputenv("DDPM_DATA_DIR", dataDir.toLocal8Bit());
    auto restoreEnv = qScopeGuard([] { qunsetenv("DDPM_DATA_DIR"); });
    QCOMPARE(demoModelPath(), QFileInfo(demo).canonicalFilePath());
    const QByteArray shipped = readFile(demo);

    // First launch: no model in the settings, so the demo model opens, read-only.
    Settings settings(m_dir.filePath(QStringLiteral("demo.ini")));
    QVERIFY(settings.recentFiles().isEmpty());
    auto w = makeWindow(settings);
    QSignalSpy ready(w->training(), &TrainingController::modelReady);
    QSignalSpy sampled(w->sampling(), &SamplingController::finished);
    w->openStartupModel(/*sampleDemo=*/true);
    QTRY_VERIFY_WITH_TIMEOUT(!w->currentPath().isEmpty(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QCOMPARE(w->currentPath(), QFileInfo(demo).canonicalFilePath());
    QCOMPARE(w->training()->step(), 3);
    QVERIFY(w->windowTitle().contains(QStringLiteral("read-only")));
    // And a short DDIM run of it starts by itself: the Reverse view has a run to scrub.
    QVERIFY(sampled.wait(120000));
    QCOMPARE(w->reverseView()->samplerOptions().kind, SamplerKind::Ddim);
    QCOMPARE(w->reverseView()->frameCount(), w->reverseView()->samplerOptions().ddimSteps + 1);

    // Training it trains a copy: the path is dropped and the shipped file stays as it was.
    w->trainingView()->setTotalSteps(5);
    w->startTraining();
    QVERIFY(w->currentPath().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->step(), 5, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 30000);
    QCOMPARE(readFile(demo), shipped);
    const QString copy = m_dir.filePath(QStringLiteral("my-copy.ckpt"));
    QSignalSpy saved(w->training(), &TrainingController::saved);
    w->saveTo(copy);
    QVERIFY(saved.wait(30000));
    QCOMPARE(readFile(demo), shipped);
    // The samples were drawn from the demo model's weights (step 3) before the copy was trained and
    // saved: their sidecar names that step and the demo file's hash, not the copy's.
    const QString grid = m_dir.filePath(QStringLiteral("first-launch.png"));
    QVERIFY(w->exportSampleGrid(grid));
    QFile side(sidecarPath(grid));
    QVERIFY(side.open(QIODevice::ReadOnly));
    const auto meta = QJsonDocument::fromJson(side.readAll()).object();
    QCOMPARE(meta.value(QStringLiteral("training_step")).toInt(), 3);
    QCOMPARE(meta.value(QStringLiteral("checkpoint_sha256")).toString(), sha256OfFile(demo));
    QVERIFY(meta.value(QStringLiteral("checkpoint_sha256")).toString() != sha256OfFile(copy));
    w.reset();

    // The next launch opens the last model, not the demo; File → Open demo model brings it back.
    auto again = makeWindow(settings);
    again->openStartupModel(/*sampleDemo=*/true);
    QTRY_COMPARE_WITH_TIMEOUT(again->currentPath(), QDir::cleanPath(copy), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(again->isReady(), 60000);
    QCOMPARE(again->training()->step(), 5);
    QCOMPARE(again->reverseView()->frameCount(), 0); // only the demo model samples by itself
    QVERIFY(again->openDemoModel());
    QTRY_COMPARE_WITH_TIMEOUT(again->currentPath(), QFileInfo(demo).canonicalFilePath(), 60000);
}

void TestStudio::precisionReachesTrainerAndSampler()
{
    // The form's precision reaches the model between steps (the sampler's snapshot computes in it),
    // the status bar says which one runs, training keeps it, and the settings remember it.
    Settings settings(m_dir.filePath(QStringLiteral("precision.ini")));
    settings.setPrecision(QStringLiteral("fp32"));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QCOMPARE(w->trainingView()->precision(), QStringLiteral("fp32"));
    QCOMPARE(w->training()->snapshot()->model->precision(), Precision::Fp32);
    w->trainingView()->setPrecision(QStringLiteral("bf16"));
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->snapshot()->model->precision(), Precision::Bf16, 30000);
    QCOMPARE(w->training()->snapshot()->ema->precision(), Precision::Bf16);
    auto labels = w->statusBar()->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel* l) { return l->text().startsWith(QStringLiteral("Precision: bf16")); }));
    w->trainingView()->setTotalSteps(2);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->step(), 2, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->snapshot()->step, 2, 30000);
    QCOMPARE(w->training()->snapshot()->model->precision(), Precision::Bf16);
    Dialogs::setNextAnswer(QMessageBox::Discard); // the 2 steps need no saving
    QVERIFY(w->close());
    QCOMPARE(settings.precision(), QStringLiteral("bf16"));
}

void TestStudio::qualityPanelMeasuresCancelsExports()
{
    if (!fashionMnistAvailable())
        QSKIP("Fashion-MNIST is not installed (dataset-fashion-mnist)");
    QVERIFY2(!classifierPath().isEmpty(), "resources/models/fashion-mnist-classifier.ckpt is missing");
    Settings settings(m_dir.filePath(QStringLiteral("quality.ini")));
    auto w = makeWindow(settings);
    QVERIFY(w->openDemoModel());
    QTRY_VERIFY_WITH_TIMEOUT(isDemoModel(w->currentPath()), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->setView(MainWindow::Quality);
    auto* view = w->qualityView();
    QTRY_VERIFY(view->measureButton()->isEnabled());

    // One measurement, small and quick: 50 samples (the least the panel takes), DDIM with 4 steps.
    QualityOptions o;
    o.count = 50;
    o.sampler.ddimSteps = 4;
    view->setOptions(o);
    QSignalSpy progress(w->quality(), &QualityController::progress);
    QSignalSpy finished(w->quality(), &QualityController::finished);
    // What the view shows after each progress report (this connection runs after the window's).
    QList<QPair<int, QString>> shown;
    connect(w->quality(), &QualityController::progress, view,
            [&] { shown.append({view->progressValue(), view->statusText()}); });
    QTest::mouseClick(view->measureButton(), Qt::LeftButton);
    QVERIFY(!view->measureButton()->isEnabled()); // one measurement at a time
    QVERIFY(view->cancelButton()->isEnabled());
    QVERIFY(finished.wait(180000));
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY2(finished.first().at(2).toString().isEmpty(), qPrintable(finished.first().at(2).toString()));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(3).toLongLong(), progress.last().at(4).toLongLong()); // 200 of 200 image-steps
    QCOMPARE(progress.last().at(4).toLongLong(), 50 * 4);
    // The bar and the text follow the image-steps: full at the end, "200 of 200", never "Setting 3 of 2".
    QCOMPARE(shown.size(), progress.size());
    QCOMPARE(shown.last().first, 1000);
    QCOMPARE(shown.last().second, QStringLiteral("200 of 200 image-steps"));
    for (int i = 1; i < shown.size(); ++i)
        QVERIFY(shown[i].first >= shown[i - 1].first);
    QCOMPARE(view->reports().size(), 1);
    const auto r = view->reports().first();
    QCOMPARE(r.count, 50);
    QCOMPARE(r.steps, 4);
    QVERIFY(r.fid > 0 && r.fidFloor > 0);
    QVERIFY(r.meanConfidence > 0.1 && r.meanConfidence <= 1.0);
    QCOMPARE(view->classTable()->rowCount(), 10);
    double shares = 0;
    for (double x : r.classShares)
        shares += x;
    QVERIFY(std::abs(shares - 1.0) < 1e-9);
    QVERIFY(view->summaryText().contains(QStringLiteral("Fréchet distance")));
    auto* series = qobject_cast<QXYSeries*>(view->chartView()->chart()->series().first());
    QVERIFY(series);
    QCOMPARE(series->count(), 1);
    QCOMPARE(series->at(0), QPointF(4, r.fid));

    // The sweep, cancelled during its first setting: it ends as not completed, without an error.
    finished.clear();
    progress.clear();
    o.count = 200;
    view->setOptions(o);
    QTest::mouseClick(view->sweepButton(), Qt::LeftButton);
    QVERIFY(progress.wait(120000));
    QVERIFY2(shown.last().second.startsWith(QStringLiteral("Setting 1 of ")), qPrintable(shown.last().second));
    QVERIFY(shown.last().first < 1000 / 2);
    QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(finished.first().at(2).toString().isEmpty());
    QVERIFY(view->measureButton()->isEnabled());
    QCOMPARE(view->reports().size(), 1);

    // CSV: a header and one row per report, the model's step last.
    const QString csv = m_dir.filePath(QStringLiteral("quality.csv"));
    QVERIFY(w->exportQualityCsv(csv));
    const QStringList lines = QString::fromUtf8(readFile(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("sampler,steps,")));
    QVERIFY(lines[0].endsWith(QStringLiteral(",model_step")));
    QVERIFY(lines[1].startsWith(QStringLiteral("ddim,4,")));
    QVERIFY(lines[1].endsWith(QStringLiteral(",") + QString::number(w->training()->step())));

    // Another model: the results of this one go.
    w->newModel();
    QTRY_VERIFY_WITH_TIMEOUT(view->reports().isEmpty(), 60000);
    QVERIFY(!w->exportQualityCsv(csv));

    // A classifier that cannot be read ends the request with a reason, and the worker lives on.
    QualityController c;
    QSignalSpy done(&c, &QualityController::finished);
    QualityRequest bad;
    bad.model = w->training()->snapshot();
    bad.runs = {o.sampler};
    bad.classifierPath = m_dir.filePath(QStringLiteral("no-such-classifier.ckpt"));
    QVERIFY(c.start(bad) != 0);
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().at(1).toBool(), false);
    QVERIFY(done.first().at(2).toString().contains(QStringLiteral("no-such-classifier")));
    QVERIFY(!c.isRunning());
}

void TestStudio::shippedDemoModelLoads()
{
    // The model in resources/models: sampling-only, grey 32×32 Fashion-MNIST, trained for real.
    const QString demo = demoModelPath();
    QVERIFY2(!demo.isEmpty(), "resources/models/fashion-mnist-demo.ckpt is missing");
    auto m = loadCheckpoint(demo.toStdString(), torch::kCPU);
    QVERIFY2(m, m.ok() ? "" : m.error().c_str());
    QVERIFY(m->samplingOnly);
    QCOMPARE(m->config.unet.imageChannels(), 1);
    QCOMPARE(m->config.unet.imageSize(), 32);
    QCOMPARE(m->config.dataSpec, std::string("fashion-mnist:train"));
    QVERIFY(m->step >= 500);
    QVERIFY(!m->lossHistory.empty() && m->lossHistory.back().loss < 0.05);
}

// Closing with every worker busy (training, sampling, a snapshot asked for): the window closes at
// once, the results still queued for it are dropped, nothing is shown or added after close, and
// deleting the window afterwards (with events still posted) neither hangs nor crashes. The ASan build
// runs this too (scripts/sanitize.sh).
void TestStudio::closeWithWorkInFlight()
{
    Settings settings(m_dir.filePath(QStringLiteral("inflight.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(1000000);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 1, 60000);
    SamplerOptions o;
    o.kind = SamplerKind::Ddpm; // all T steps: still running when the window closes
    o.count = 8;
    w->reverseView()->setSamplerOptions(o);
    w->startSampling(); // waits for a copy of the training weights first
    QTRY_VERIFY_WITH_TIMEOUT(w->reverseView()->frameCount() >= 2, 60000);
    w->training()->requestSnapshot();
    Dialogs::setNextAnswer(QMessageBox::Discard);
    QVERIFY(w->close());
    QVERIFY(!w->sampling()->isRunning() || w->training()->state() == TrainingController::State::Idle);
    QCOMPARE(w->training()->state(), TrainingController::State::Idle);
    const int frames = w->reverseView()->frameCount();
    const auto stepAtClose = w->training()->step();
    QTest::qWait(300); // queued signals are delivered now
    QCOMPARE(w->reverseView()->frameCount(), frames);
    QCOMPARE(w->training()->step(), stepAtClose);
    // Post more work to the closed window's controllers: refused or dropped, never run.
    w->startSampling();
    QTest::qWait(100);
    QVERIFY(!w->sampling()->isRunning());
    w.reset();
    QTest::qWait(100); // events posted to the deleted window are discarded by Qt
}

void TestStudio::closeDuringTraining()
{
    Settings settings(m_dir.filePath(QStringLiteral("close.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(1000000);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 2, 60000);
    // Cancel keeps the window open and training running.
    Dialogs::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!w->close());
    QCOMPARE(w->training()->state(), TrainingController::State::Running);
    // Save: stops within a step, writes the checkpoint, closes and shuts the workers down.
    const QString path = m_dir.filePath(QStringLiteral("on-close.ckpt"));
    Dialogs::setNextAnswer(QMessageBox::Save);
    Dialogs::setNextSavePath(path);
    QVERIFY(w->close());
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(loaded);
    QVERIFY(loaded->step >= 2);
    w.reset(); // no hang, no crash
}

// File > New model and File > Open during training, answered "Discard": the run stops and the new
// model, or the checkpoint chosen, replaces the one in training (not refused because a run was on).
void TestStudio::newAndOpenDuringTraining()
{
    Settings settings(m_dir.filePath(QStringLiteral("new-open.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString saved = m_dir.filePath(QStringLiteral("new-open.ckpt"));
    QVERIFY(Trainer(tinyConfig(), torch::kCPU).save(saved.toStdString())); // step 0
    for (const QString& text : {QStringLiteral("&New model"), QStringLiteral("&Open…")}) {
        QAction* a = actionNamed(w.get(), text);
        QVERIFY2(a, qPrintable(text));
        w->trainingView()->setTotalSteps(1000000);
        w->startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 2, 60000);
        QSignalSpy ready(w->training(), &TrainingController::modelReady);
        Dialogs::setNextAnswer(QMessageBox::Discard);
        Dialogs::setNextSavePath(saved); // the file the Open dialog returns
        a->trigger();
        QVERIFY2(w->training()->state() == TrainingController::State::Idle, qPrintable(text));
        QVERIFY2(ready.wait(60000) || !ready.isEmpty(), qPrintable(text));
        QCOMPARE(w->training()->step(), 0);
        QVERIFY(!w->training()->isDirty());
    }
    QCOMPARE(w->currentPath(), saved);
}

// The form's Steps and Preview every stay editable during a run, and they take effect in it: raised
// while paused, the run ends exactly there with a preview after every step; lowered below the step
// reached, the run ends at once (both were once kept for the next Start only).
void TestStudio::stepsAndPreviewChangedDuringRun()
{
    Settings settings(m_dir.filePath(QStringLiteral("steps-during-run.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    auto* c = w->training();
    w->trainingView()->setPreviewInterval(0); // never
    w->trainingView()->setTotalSteps(1000000);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(c->step() >= 2, 60000);
    c->pause();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), TrainingController::State::Paused, 30000);
    c->takeProgress();
    const qint64 at = c->step();
    QSignalSpy previews(c, &TrainingController::previewReady);
    QSignalSpy finished(c, &TrainingController::finished);
    w->trainingView()->setTotalSteps(at + 3);
    w->trainingView()->setPreviewInterval(1);
    c->resume();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toLongLong(), at + 3);
    QCOMPARE(previews.count(), 3);

    w->trainingView()->setPreviewInterval(0);
    w->trainingView()->setTotalSteps(1000000);
    finished.clear();
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(c->step() >= at + 5, 60000);
    w->trainingView()->setTotalSteps(1);
    QVERIFY(finished.wait(30000));
    QCOMPARE(c->state(), TrainingController::State::Idle);
    QVERIFY(c->step() < at + 1000);
}

// Preferences opened and closed with OK (to change something else) leaves the training form's device,
// precision and preview interval as the user set them; it once put the values saved at the last exit back.
void TestStudio::preferencesOkKeepsTheForm()
{
    Settings settings(m_dir.filePath(QStringLiteral("prefs-ok.ini")));
    settings.setPrecision(QStringLiteral("fp32"));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setPrecision(QStringLiteral("bf16"));
    w->trainingView()->setPreviewInterval(0);
    QAction* prefs = actionNamed(w.get(), QStringLiteral("&Preferences…"));
    QVERIFY(prefs);
    bool shown = false;
    // Waits for the dialog however long it takes to come up (a single timer could fire before it and
    // leave the test hanging on a dialog nobody closes).
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, w.get(), [&] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            shown = true;
            poll.stop();
            dialog->accept();
        }
    });
    poll.start();
    prefs->trigger(); // returns when the dialog is closed
    poll.stop();
    QVERIFY(shown);
    QCOMPARE(w->trainingView()->precision(), QStringLiteral("bf16"));
    QCOMPARE(w->trainingView()->previewInterval(), 0);
    QCOMPARE(w->trainingView()->device(), QStringLiteral("cpu"));
}

// "Denoise from here" during training uses the weights trained so far, as Sample does, and the title
// says which step they are from (it once used the copy made when the run started, step 0 here).
void TestStudio::denoiseFromHereWhileTraining()
{
    Settings settings(m_dir.filePath(QStringLiteral("denoise-training.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QCOMPARE(w->training()->snapshot()->step, 0);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 3;
    o.count = 2;
    w->reverseView()->setSamplerOptions(o);
    w->trainingView()->setPreviewInterval(0);
    w->trainingView()->setTotalSteps(1000000);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 3, 60000);
    w->dataView()->setT(400);
    QVERIFY(w->dataView()->denoiseButton()->isEnabled());
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    QTest::mouseClick(w->dataView()->denoiseButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    const auto match = QRegularExpression(QStringLiteral("with the weights of step (\\d+)")).match(w->reverseView()->title());
    QVERIFY2(match.hasMatch(), qPrintable(w->reverseView()->title()));
    QVERIFY2(match.captured(1).toLongLong() >= 3, qPrintable(w->reverseView()->title()));
    QVERIFY(w->reverseView()->title().contains(QStringLiteral("t = 400")));
    QSignalSpy trainingDone(w->training(), &TrainingController::finished);
    w->training()->stop();
    QVERIFY(trainingDone.wait(30000));
}

// The app's catalogues load from its resources, and the engine's messages reach the user in the
// user's language: with German installed,
// a truncated checkpoint opened in the window is reported with the German text, its file name and
// byte counts filled in once (the name holds "%2", which must stay as it is), and a message nested in
// another one is translated too.
void TestStudio::engineErrorsTranslated()
{
    // The catalogues built into the app, installed the way the app does it.
    const QLocale locale;
    QObject owner;
    const auto translators = installTranslations(QStringLiteral("de"), &owner);
    const auto restore = qScopeGuard([&] {
        for (auto* t : translators)
            QCoreApplication::removeTranslator(t);
        QLocale::setDefault(locale);
    });
    QCOMPARE(translators.size(), 2); // Qt's own (standard buttons) and the app's
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Datei"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    const auto tr = [](const char* text) { return QCoreApplication::translate("Engine", text); };

    const char* truncated = "'%1' is truncated: %2 of %3 bytes are there";
    const QString german = tr(truncated);
    QVERIFY2(!german.isEmpty() && german != QLatin1String(truncated), qPrintable(german));

    const QString good = m_dir.filePath(QStringLiteral("translated.ckpt"));
    QVERIFY(Trainer(tinyConfig(), torch::kCPU).save(good.toStdString()));
    QFile in(good);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const QString bad = m_dir.filePath(QStringLiteral("kaputt %2.ckpt"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    const QByteArray cut = bytes.left(bytes.size() / 2);
    out.write(cut);
    out.close();

    Settings settings(m_dir.filePath(QStringLiteral("translated.ini")));
    auto w = makeWindow(settings);
    // The Language menu ticks the language in effect (German, as with --language de), not the one the
    // settings hold (none: the system's).
    QVERIFY(settings.language().isEmpty());
    const QAction* deutsch = actionNamed(w.get(), QStringLiteral("Deutsch"));
    const QAction* english = actionNamed(w.get(), QStringLiteral("English"));
    QVERIFY(deutsch && english);
    QVERIFY(deutsch->isChecked());
    QVERIFY(!english->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QSignalSpy failed(w->training(), &TrainingController::failed);
    w->openCheckpoint(bad);
    QVERIFY(failed.wait(30000));
    int header = 8; // the header's length, then the header (safetensors)
    for (int i = 0; i < 8; ++i)
        header += int(uchar(bytes[i])) << (8 * i);
    const QString expected =
        german.arg(bad, QString::number(cut.size() - header), QString::number(bytes.size() - header));
    QCOMPARE(failed.first().first().toString(), expected);

    const char* invalidModel = "'%1' describes an invalid model: %2";
    const char* dropout = "dropout must lie in [0, 1)";
    const Error nested = fail(invalidModel, "m.ckpt", fail(dropout));
    QCOMPARE(errorText(nested), tr(invalidModel).arg(QStringLiteral("m.ckpt"), tr(dropout)));
    QVERIFY(tr(dropout) != QLatin1String(dropout));
    // Shown on its own, a message is a sentence: its first letter is a capital.
    const char* empty = "the data set is empty";
    const QString shown = errorText(fail(empty));
    QVERIFY2(shown.at(0).isUpper() && shown.mid(1) == tr(empty).mid(1), qPrintable(shown));
    QCOMPARE(QString::fromStdString(nested.message()),
             QStringLiteral("'m.ckpt' describes an invalid model: dropout must lie in [0, 1)"));
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
