// The studio's window, offscreen: views build and show data, the scrubber and fork act on the run shown,
// exports write files with their sidecars, the window fits small screens, precision reaches trainer and
// sampler, the quality panel measures and cancels, form changes during a run take effect, Preferences
// keeps the form, denoise from here works while training, engine errors are translated.
#include "animation.h"
#include "dataset.h"
#include "dataview.h"
#include "dialogs.h"
#include "exporter.h"
#include "modelfile.h"
#include "language.h"
#include "bundled.h"
#include "classpicker.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "messages.h"
#include "neighbourlookup.h"
#include "copiespanel.h"
#include "qualitycontroller.h"
#include "qualityview.h"
#include "reverseview.h"
#include "runactions.h"
#include "schedulesview.h"
#include "settings.h"
#include "trainingview.h"

#include "binheatmap.h"
#include "curvechart.h"
#include "imagestrip.h"
#include "losschart.h"
#include "timestepscrubber.h"

#include <QtTest>
#include <QImageReader>

#include <QMenu>

#include <algorithm>

#include <QAction>
#include <QDialog>
#include <QTableWidget>
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
#include <QTranslator>

using namespace ddpm;
using namespace studiotest;

namespace {
// Takes installTranslations' catalogues out again, and with them the language it noted as the one in use
// (later windows' Language menus tick it), and puts the locale back.
void uninstallTranslations(const QList<QTranslator*>& translators, const QLocale& locale)
{
    for (auto* t : translators)
        QCoreApplication::removeTranslator(t);
    QObject owner;
    for (auto* t : installTranslations(QString(), &owner)) // no language chosen, as the tests start
        QCoreApplication::removeTranslator(t);
    QLocale::setDefault(locale);
}
} // namespace

class TestStudio : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void windowViewsShowData();
    void reverseScrubberKeys();
    void forkContinuesTheSameXt();
    void exportsFromTheWindow();
    void reverseExportsWaitForTheRunsEnd();
    void windowFitsSmallScreens();
    void windowFitsSmallScreensInEveryLanguage();
    void precisionReachesTrainerAndSampler();
    void samplerFormRemembered();
    void qualityPanelMeasuresCancelsExports();
    void stepsAndPreviewChangedDuringRun();
    void preferencesOkKeepsTheForm();
    void denoiseFromHereWhileTraining();
    void denoiseFromHereTakesTheImagesClass();
    void engineErrorsTranslated();
    void conditionalModelGuidedAndInterpolated();

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

std::unique_ptr<MainWindow> TestStudio::makeWindow(Settings& settings)
{
    return studiotest::makeWindow(settings, m_dir.path());
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
    // Start pressed while a data set is still loading (a new model's, at its size): nothing is refused,
    // training begins once the data is in, on that data.
    w->trainingView()->setTotalSteps(6);
    w->loadData(QStringLiteral("synthetic:150"));
    QVERIFY(!w->isReady());
    w->startTraining();
    QCOMPARE(w->training()->state(), TrainingController::State::Idle); // not on the data being replaced
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->runOn() || w->training()->step() == 6, 60000);
    QVERIFY2(w->dataView()->statusText().contains(QStringLiteral("150 images")),
             qPrintable(w->dataView()->statusText()));
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
    QVERIFY(w->reverseView()->runButton()->isEnabled());
    QTest::mouseClick(w->reverseView()->runButton(), Qt::LeftButton); // as the user starts it
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
    QVERIFY(w->exports()->reverseStrip(strip)());
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
    QVERIFY(w->exports()->sampleGrid(before)());
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
    QVERIFY(!w->exports()->sampleGrid(grid)());
    QVERIFY(!QFile::exists(grid));
    QAction* gridAction = actionNamed(w.get(), QStringLiteral("&Sample grid as PNG…"));
    QAction* gifAction = actionNamed(w.get(), QStringLiteral("Reverse process as animated &GIF…"));
    QVERIFY(gridAction && gifAction);
    auto* exportMenu = qobject_cast<QMenu*>(gridAction->parent());
    QVERIFY(exportMenu);
    QAction* lossCsvAction = actionNamed(w.get(), QStringLiteral("&Loss history as CSV…"));
    QAction* lossChartAction = actionNamed(w.get(), QStringLiteral("Loss &chart as PNG…"));
    QAction* forwardAction = actionNamed(w.get(), QStringLiteral("&Forward-process strip as PNG…"));
    QVERIFY(lossCsvAction && lossChartAction && forwardAction);
    Q_EMIT exportMenu->aboutToShow();
    QVERIFY(!gridAction->isEnabled());
    QVERIFY(!gifAction->isEnabled());
    QVERIFY(!lossCsvAction->isEnabled() && !lossChartAction->isEnabled()); // a new model has no loss yet
    QVERIFY(forwardAction->isEnabled());                                   // the data set's first image
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 5;
    o.spacing = TimestepSpacing::Trailing; // the form's choice reaches the run and the sidecars
    o.count = 4;
    o.seed = 99;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    Q_EMIT exportMenu->aboutToShow();
    QVERIFY(gridAction->isEnabled());
    QVERIFY(gifAction->isEnabled());
    QVERIFY(w->exports()->sampleGrid(grid)());
    QCOMPARE(QImage(grid).size(), QSize(2 * 64 + 3 * 2, 2 * 64 + 3 * 2));
    QFile side(sidecarPath(grid));
    QVERIFY(side.open(QIODevice::ReadOnly));
    const auto meta = QJsonDocument::fromJson(side.readAll()).object();
    QCOMPARE(meta.value(QStringLiteral("seed")).toString(), QStringLiteral("99"));
    QCOMPARE(meta.value(QStringLiteral("sampler")).toString(), QStringLiteral("ddim"));
    QCOMPARE(meta.value(QStringLiteral("steps")).toInt(), 5);
    QCOMPARE(meta.value(QStringLiteral("spacing")).toString(), QStringLiteral("trailing"));
    QCOMPARE(meta.value(QStringLiteral("weights")).toString(), QStringLiteral("ema"));
    QCOMPARE(meta.value(QStringLiteral("model_preset")).toString(), QStringLiteral("tiny"));
    QCOMPARE(meta.value(QStringLiteral("checkpoint_sha256")).toString(), QStringLiteral("unsaved"));
    QCOMPARE(meta.value(QStringLiteral("scale")).toInt(), ReverseRuns::kExportScale);
    QVERIFY(!meta.contains(QStringLiteral("frame_t"))); // a grid's images are all x_0

    const QString gif = m_dir.filePath(QStringLiteral("rev.gif")), webp = m_dir.filePath(QStringLiteral("rev.webp"));
    w->reverseView()->scrubber()->setFps(10); // the animation plays as the view does: 100 ms a frame
    QVERIFY(w->exports()->reverseGif(gif)());
    QVERIFY(w->exports()->reverseWebP(webp)());
    // The animation's sidecar says which timestep each frame shows: DDIM's 5 steps, x_T … x_0.
    {
        QFile gifSide(sidecarPath(gif));
        QVERIFY(gifSide.open(QIODevice::ReadOnly));
        const auto frameT = QJsonDocument::fromJson(gifSide.readAll()).object().value(QStringLiteral("frame_t"));
        const int T = w->training()->snapshot()->config.schedule.steps;
        const auto expected = samplerTimesteps(o, T);
        QCOMPARE(expected.back(), static_cast<int>(std::lround(T / 5.0))); // trailing: T, …, T/5
        QCOMPARE(frameT.toArray().size(), 6);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(frameT.toArray().at(i).toInt(), expected[static_cast<size_t>(i)]);
        QCOMPARE(frameT.toArray().at(5).toInt(), 0);
    }
    // An animation under another type's name is refused, and nothing is written.
    const QString misnamed = m_dir.filePath(QStringLiteral("rev-as.png"));
    const Status refused = w->exports()->reverseGif(misnamed)();
    QVERIFY(!refused && refused.error().find("does not end in .gif") != std::string::npos);
    QVERIFY(!w->exports()->reverseWebP(gif)());
    QVERIFY(!QFile::exists(misnamed));
    {
        QImageReader reader(gif); // Qt's own GIF reader: the delay the file carries
        QVERIFY(reader.canRead());
        QVERIFY(!reader.read().isNull());
        QCOMPARE(reader.nextImageDelay(), 100);
    }
    QFile g(gif), p(webp);
    QVERIFY(g.open(QIODevice::ReadOnly) && p.open(QIODevice::ReadOnly));
    auto ga = decodeGif(g.readAll());
    auto wa = decodeWebP(p.readAll());
    QVERIFY(ga && wa);
    // The six frames of the run, then the final x0 held a second (10 more frames of 100 ms).
    QCOMPARE(ga->frames.size(), 6 + 10);
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
    QVERIFY(w->exports()->reverseStrip(strip)());
    QVERIFY(!QImage(strip).isNull());
    {
        // The strip's columns are the run's x_T … x_0, and its sidecar says which timestep each shows.
        QFile stripSide(sidecarPath(strip));
        QVERIFY(stripSide.open(QIODevice::ReadOnly));
        const auto frameT = QJsonDocument::fromJson(stripSide.readAll()).object().value(QStringLiteral("frame_t"));
        const auto expected = samplerTimesteps(o, w->training()->snapshot()->config.schedule.steps);
        QCOMPARE(frameT.toArray().size(), 6);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(frameT.toArray().at(i).toInt(), expected[static_cast<size_t>(i)]);
        QCOMPARE(frameT.toArray().at(5).toInt(), 0);
        QVERIFY(QImage(strip).width() >= 6 * 16 * ReverseRuns::kExportScale);
    }
    QVERIFY(w->exports()->forwardStrip(fwd)());
    QVERIFY(QImage(fwd).width() >= 11 * 16 * ReverseRuns::kExportScale);
    QFile fwdSide(sidecarPath(fwd));
    QVERIFY(fwdSide.open(QIODevice::ReadOnly));
    const auto fwdMeta = QJsonDocument::fromJson(fwdSide.readAll()).object();
    QCOMPARE(fwdMeta.value(QStringLiteral("kind")).toString(), QStringLiteral("forward-strip"));
    // The ε that noised it and the image, so that the strip can be made again.
    QCOMPARE(fwdMeta.value(QStringLiteral("seed")).toString(), QString::number(w->dataView()->noiseSeed()));
    QCOMPARE(fwdMeta.value(QStringLiteral("image")).toInt(), w->dataView()->selectedImage());
    QCOMPARE(fwdMeta.value(QStringLiteral("data")).toString(), QStringLiteral("synthetic:120"));
    QCOMPARE(fwdMeta.value(QStringLiteral("scale")).toInt(), ReverseRuns::kExportScale); // each image enlarged
    const QString folder = m_dir.filePath(QStringLiteral("samples"));
    QVERIFY(w->exports()->samplesToFolder(folder, false)());
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.png")}).size(), 4);
    // Again into the same folder: refused with the reason unless the earlier export is replaced (the
    // menu item asks), so old and new files never mix.
    const auto mixed = w->exports()->samplesToFolder(folder, false)();
    QVERIFY(!mixed);
    QVERIFY2(mixed.error().find("earlier export") != std::string::npos, mixed.error().c_str());
    QVERIFY(w->exports()->samplesToFolder(folder, true)());
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.png")}).size(), 4);

    // Loss CSV and chart after a short run.
    w->trainingView()->setTotalSteps(3);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 60000);
    QTRY_COMPARE(w->trainingView()->lossChart()->rawPoints().size(), 3);
    Q_EMIT exportMenu->aboutToShow();
    QVERIFY(lossCsvAction->isEnabled() && lossChartAction->isEnabled());
    // Trained, the model has raw weights of its own: the form's choice reaches the run and its sidecar.
    auto* weights = [&]() -> QComboBox* {
        for (auto* box : w->reverseView()->findChildren<QComboBox*>())
            if (box->count() == 2 && box->itemData(1).userType() == QMetaType::Bool)
                return box;
        return nullptr;
    }();
    QVERIFY(weights);
    weights->setCurrentIndex(weights->findData(false));
    QVERIFY(!w->reverseView()->useEma());
    finished.clear();
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QVERIFY(!w->reverseView()->origin().request.useEma);
    const QString rawGrid = m_dir.filePath(QStringLiteral("raw.png"));
    QVERIFY(w->exports()->sampleGrid(rawGrid)());
    {
        QFile rawSide(sidecarPath(rawGrid));
        QVERIFY(rawSide.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(rawSide.readAll()).object().value(QStringLiteral("weights")).toString(),
                 QStringLiteral("raw"));
    }
    weights->setCurrentIndex(weights->findData(true));
    const QString csv = m_dir.filePath(QStringLiteral("loss.csv")), chart = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(w->exports()->lossCsv(csv)());
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = c.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[0], QByteArray("step,loss,loss_min,loss_max,steps"));
    const auto points = w->trainingView()->lossHistory().points(); // each step's loss, as trained
    QCOMPARE(points.size(), size_t(3));
    for (int i = 0; i < 3; ++i) {
        const QList<QByteArray> cells = rows[i + 1].split(',');
        QCOMPARE(cells.size(), 5);
        QCOMPARE(cells[0].toLongLong(), static_cast<qlonglong>(points[static_cast<size_t>(i)].step));
        QCOMPARE(cells[1].toFloat(), points[static_cast<size_t>(i)].loss);
        QCOMPARE(cells[4], QByteArray("1"));
    }
    w->setView(MainWindow::Reverse); // from another view, the chart is not Qt's default 300 × 220 of a hidden tab
    QVERIFY(w->exports()->lossChart(chart)());
    QVERIFY2(QImage(chart).width() >= 900 && QImage(chart).height() >= 500,
             qPrintable(QStringLiteral("%1 × %2").arg(QImage(chart).width()).arg(QImage(chart).height())));
    int curve = 0; // the smoothed loss's blue line, drawn (the points that came since the last redraw too)
    const QImage drawn = QImage(chart).convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < drawn.height(); ++y)
        for (int x = 0; x < drawn.width(); ++x)
            curve += qBlue(drawn.pixel(x, y)) > qRed(drawn.pixel(x, y)) + 60;
    QVERIFY2(curve > 300, qPrintable(QString::number(curve)));
    // During a run the chart's sidecar names the step it shows, not the step the run started from.
    w->trainingView()->setTotalSteps(100000);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 6, 60000);
    const qint64 stepShown = w->training()->step();
    const QString during = m_dir.filePath(QStringLiteral("during.png"));
    QVERIFY(w->exports()->lossChart(during)());
    QFile duringSide(sidecarPath(during));
    QVERIFY(duringSide.open(QIODevice::ReadOnly));
    const qint64 recorded =
        QJsonDocument::fromJson(duringSide.readAll()).object().value(QStringLiteral("training_step")).toInteger();
    QVERIFY2(recorded >= stepShown, qPrintable(QStringLiteral("%1 against %2").arg(recorded).arg(stepShown)));
    w->training()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 60000);
    // From the menu, the export is written on a worker thread: the window goes on (the status bar shows
    // it), a second export meanwhile is refused with a message, and the file arrives with its sidecar.
    const QString menuGif = m_dir.filePath(QStringLiteral("menu.gif"));
    Dialogs::setNextSavePath(menuGif);
    gifAction->trigger();
    QVERIFY(w->isExporting()); // still writing when the menu's action returns: not on the GUI thread
    const QString secondGif = m_dir.filePath(QStringLiteral("second.gif"));
    Dialogs::setNextSavePath(secondGif);
    gifAction->trigger();
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("Still writing the last export")),
             qPrintable(w->statusBar()->currentMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(!w->isExporting(), 30000);
    QVERIFY(QFile::exists(menuGif) && QFile::exists(sidecarPath(menuGif)));
    QVERIFY(!QFile::exists(secondGif));
    QVERIFY(w->lastError().isEmpty() || !w->lastError().contains(QStringLiteral("export")));
    // A failed export leaves the earlier file as it was.
    const QByteArray before = [&] {
        QFile f(grid);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    QVERIFY(!w->exports()->sampleGrid(m_dir.filePath(QStringLiteral("no/such/dir/grid.png")))());
    QFile again(grid);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), before);
}

// A reverse run still drawing is not exported (strip, animations) and not forked; cancelled, it is, and its
// sidecar says the step it stopped at.
void TestStudio::reverseExportsWaitForTheRunsEnd()
{
    Settings settings(m_dir.filePath(QStringLiteral("live-exports.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    SamplerOptions o; // DDPM's T steps: long enough to be caught part of the way
    o.count = 2;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    auto* view = w->reverseView();
    QTRY_VERIFY_WITH_TIMEOUT(view->frameCount() >= 3, 60000);
    QVERIFY(view->shownRunIsLive());
    // While frames still come: the strip and the animations are not offered and not written, and Fork here
    // (which would replace the run) waits.
    QAction* gifAction = actionNamed(w.get(), QStringLiteral("Reverse process as animated &GIF…"));
    QVERIFY(gifAction);
    Q_EMIT qobject_cast<QMenu*>(gifAction->parent())->aboutToShow();
    QVERIFY(!gifAction->isEnabled());
    const QString gif = m_dir.filePath(QStringLiteral("live.gif")), strip = m_dir.filePath(QStringLiteral("live.png"));
    const Status refused = w->exports()->reverseGif(gif)();
    QVERIFY2(!refused && refused.error().find("still running") != std::string::npos,
             refused ? "exported" : refused.error().c_str());
    QVERIFY(!w->exports()->reverseStrip(strip)());
    QVERIFY(!QFile::exists(gif) && !QFile::exists(strip));
    view->scrubber()->setValue(1);
    QVERIFY(!view->forkButton()->isEnabled());
    // Cancelled: what was drawn is exported, and its sidecar says where the run stopped.
    QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(!view->shownRunIsLive());
    Q_EMIT qobject_cast<QMenu*>(gifAction->parent())->aboutToShow();
    QVERIFY(gifAction->isEnabled());
    QVERIFY(view->forkButton()->isEnabled());
    QVERIFY(w->exports()->reverseGif(gif)());
    QFile side(sidecarPath(gif));
    QVERIFY(side.open(QIODevice::ReadOnly));
    const auto meta = QJsonDocument::fromJson(side.readAll()).object();
    QCOMPARE(meta.value(QStringLiteral("steps")).toInt(), 1000);
    const int taken = meta.value(QStringLiteral("steps_taken")).toInt(-1);
    QVERIFY2(taken >= 2 && taken < 1000, qPrintable(QString::number(taken)));
    QCOMPARE(taken, view->frames().last().step);
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
    // With a run shown: its title and timing line must not widen the window either.
    QVERIFY(sampleDdim(*w, 8, 4));
    QTRY_VERIFY(!w->reverseView()->timingText().isEmpty());
    // A first window (no size remembered) is no larger than its screen's free area, so that the status bar
    // is not below the screen's edge; where the screen is smaller than the least the views need, that least.
    {
        Settings freshSettings(m_dir.filePath(QStringLiteral("first.ini")));
        freshSettings.setLastDataSpec(QStringLiteral("synthetic:120"));
        MainWindow first(freshSettings);
        const QSize free = first.screen()->availableGeometry().size();
        const QSize least0 = first.minimumSizeHint().expandedTo(first.minimumSize());
        QVERIFY2(first.width() <= std::max(free.width(), least0.width()) &&
                     first.height() <= std::max(free.height(), least0.height()),
                 qPrintable(QStringLiteral("%1×%2 on a screen of %3×%4")
                                .arg(first.width())
                                .arg(first.height())
                                .arg(free.width())
                                .arg(free.height())));
    }
    w->resize(1000, 650);
    w->show();
    for (int v = MainWindow::Data; v <= MainWindow::Score; ++v) {
        w->setView(MainWindow::View(v));
        QCoreApplication::processEvents();
        const QSize least = w->minimumSizeHint().expandedTo(w->minimumSize());
        QVERIFY2(least.width() <= 1000 && least.height() <= 650,
                 qPrintable(QStringLiteral("view %1 needs %2×%3").arg(v).arg(least.width()).arg(least.height())));
        QCOMPARE(w->width(), 1000);
    }
    // A message the status bar's fields would cut: the model's and the precision's step aside while it
    // shows, the step stays; a short one leaves them; with the message gone they are back.
    const auto field = [&](const QString& start) {
        for (auto* label : w->statusBar()->findChildren<QLabel*>())
            if (label->text().startsWith(start))
                return label;
        return static_cast<QLabel*>(nullptr);
    };
    QLabel* model = field(QStringLiteral("Model: "));
    QLabel* step = field(QStringLiteral("Step "));
    QVERIFY(model && step);
    w->statusBar()->showMessage(QStringLiteral("fashion-mnist-conditional.ckpt wurde bei Schritt 16.525 geöffnet, "
                                               "und noch etwas mehr Text, der Platz braucht"));
    QVERIFY(!model->isVisible());
    QVERIFY(step->isVisible());
    w->resize(3000, 650); // room for both: the fields come back
    QTRY_VERIFY(model->isVisible());
    w->resize(1000, 650);
    QTRY_VERIFY(!model->isVisible());
    w->statusBar()->showMessage(QStringLiteral("Saved"));
    QVERIFY(model->isVisible());
    w->statusBar()->clearMessage();
    QVERIFY(model->isVisible() && step->isVisible());
}

// German and Chinese texts are longer or wider than English ones: in every language the window still fits a
// screen 1,024 pixels wide (each view's least width, the widest of which the window takes, named if not).
void TestStudio::windowFitsSmallScreensInEveryLanguage()
{
    for (const QString& language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
        const QLocale locale;
        QObject owner;
        const auto translators = installTranslations(language, &owner);
        const auto restore = qScopeGuard([&] { uninstallTranslations(translators, locale); });
        Settings settings(m_dir.filePath(QStringLiteral("small-%1.ini").arg(language)));
        auto w = makeWindow(settings);
        QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
        auto* tabs = w->findChild<QTabWidget*>();
        QString widths;
        for (int i = 0; i < tabs->count(); ++i)
            widths += QStringLiteral(" %1: %2").arg(tabs->tabText(i)).arg(tabs->widget(i)->minimumSizeHint().width());
        const QSize least = w->minimumSizeHint().expandedTo(w->minimumSize());
        QVERIFY2(
            least.width() <= 1000 && least.height() <= 650,
            qPrintable(
                QStringLiteral("%1: %2×%3 (%4)").arg(language).arg(least.width()).arg(least.height()).arg(widths)));
        Dialogs::setNextAnswer(QMessageBox::Discard);
        w->close();
        QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 30000);
    }
    QVERIFY(installedLanguage().isEmpty()); // the later tests' windows in no language chosen
}

void TestStudio::precisionReachesTrainerAndSampler()
{
    // The form's precision reaches the model between steps (the sampler's snapshot computes in it),
    // the status bar says which one runs, training keeps it, and the settings remember it.
    Settings settings(m_dir.filePath(QStringLiteral("precision.ini")));
    settings.set(setting::Precision, QStringLiteral("fp32"));
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
    w->close();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 30000);
    QCOMPARE(settings.get(setting::Precision), QStringLiteral("bf16"));
}

void TestStudio::samplerFormRemembered()
{
    // The Reverse view's sampler, as the user left it, is the form the next window opens with (DDIM's steps
    // and η are kept while ancestral sampling is chosen).
    Settings settings(m_dir.filePath(QStringLiteral("sampler.ini")));
    SamplerOptions asked;
    asked.kind = SamplerKind::Ddpm;
    asked.ddimSteps = 37;
    asked.eta = 0.4;
    asked.spacing = TimestepSpacing::Trailing;
    asked.variance = VarianceKind::Beta;
    asked.corrector = CorrectorKind::Langevin;
    asked.langevinSteps = 3;
    asked.snr = 0.3;
    asked.count = 7;
    asked.clipX0 = false;
    {
        auto w = makeWindow(settings);
        QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
        w->reverseView()->setSamplerOptions(asked);
        w->setView(MainWindow::Quality); // the view the user left is the one the next window opens on
        Dialogs::setNextAnswer(QMessageBox::Discard);
        w->close();
        QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 30000);
    }
    QCOMPARE(settings.get(setting::Sampler), QStringLiteral("ddpm"));
    QCOMPARE(settings.get(setting::Variance), QStringLiteral("beta"));
    QCOMPARE(settings.get(setting::SamplerSteps), 37);
    QCOMPARE(settings.get(setting::Spacing), QStringLiteral("trailing"));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const auto got = w->reverseView()->samplerOptions();
    QCOMPARE(w->findChild<QTabWidget*>()->currentWidget(), static_cast<QWidget*>(w->qualityView()));
    QCOMPARE(int(got.kind), int(asked.kind));
    QCOMPARE(got.ddimSteps, asked.ddimSteps);
    QCOMPARE(got.eta, asked.eta);
    QCOMPARE(int(got.spacing), int(asked.spacing));
    QCOMPARE(int(got.variance), int(asked.variance));
    QCOMPARE(int(got.corrector), int(asked.corrector));
    QCOMPARE(got.langevinSteps, asked.langevinSteps);
    QCOMPARE(got.snr, asked.snr);
    QCOMPARE(got.count, asked.count);
    QCOMPARE(got.clipX0, asked.clipX0);
    Dialogs::setNextAnswer(QMessageBox::Discard);
    w->close();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 30000);
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
    connect(w->quality(), &QualityController::progress, view, [&] {
        shown.append({view->progressValue(), view->statusText()});
    });
    // The session's first measurement has the classifier describe the 70,000 Fashion-MNIST images first.
    QSignalSpy preparing(w->quality(), &QualityController::preparing);
    QString preparingShown;
    connect(w->quality(), &QualityController::preparing, view, [&] { preparingShown = view->statusText(); });
    QTest::mouseClick(view->measureButton(), Qt::LeftButton);
    QVERIFY(!view->measureButton()->isEnabled()); // one measurement at a time
    QVERIFY(view->cancelButton()->isEnabled());
    QVERIFY(finished.wait(180000));
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY2(finished.first().at(2).toString().isEmpty(), qPrintable(finished.first().at(2).toString()));
    QVERIFY(preparing.size() >= 2);
    QCOMPARE(preparing.last().at(1).toLongLong(), 80000); // 70,000 described, 10,000 nearest images found
    QCOMPARE(preparing.last().at(2).toLongLong(), 80000);
    QVERIFY2(preparingShown.startsWith(QStringLiteral("Preparing the Fashion-MNIST reference")) &&
                 preparingShown.endsWith(QStringLiteral(": 100 %")),
             qPrintable(preparingShown));
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
    // The samples nearest to the training set, as images beside their nearest training images.
    QVERIFY(r.closestSamples.defined());
    QCOMPARE(view->copiesPanel()->table()->rowCount(), int(r.memorisation.closest.size()));
    QVERIFY(view->copiesPanel()->summaryText().contains(QStringLiteral("50 samples")));

    // The sweep, cancelled during its first setting: it ends as not completed, without an error. Its
    // floor of 200 images comes from the features already there: no image is described again.
    finished.clear();
    progress.clear();
    preparing.clear();
    o.count = 200;
    view->setOptions(o);
    QTest::mouseClick(view->sweepButton(), Qt::LeftButton);
    QVERIFY(progress.wait(120000));
    QVERIFY2(shown.last().second.startsWith(QStringLiteral("Setting 1 of ")), qPrintable(shown.last().second));
    QVERIFY(shown.last().first < 1000 / 2);
    QVERIFY(preparing.isEmpty());
    QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(finished.first().at(2).toString().isEmpty());
    QVERIFY(view->measureButton()->isEnabled());
    QCOMPARE(view->reports().size(), 1);

    // CSV: a header and one row per report, the model's step last.
    const QString csv = m_dir.filePath(QStringLiteral("quality.csv"));
    QVERIFY(w->exports()->qualityCsv(csv)());
    const QStringList lines = QString::fromUtf8(readFile(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("sampler,steps,")));
    QVERIFY(lines[0].endsWith(QStringLiteral(",model_step")));
    QVERIFY(lines[1].startsWith(QStringLiteral("ddim,4,")));
    QVERIFY(lines[1].endsWith(QStringLiteral(",") + QString::number(w->training()->step())));

    // Any image of a finished run: its nearest training images, found on the quality thread.
    SamplerOptions two;
    two.kind = SamplerKind::Ddim;
    two.ddimSteps = 3;
    two.count = 2;
    w->reverseView()->setSamplerOptions(two);
    QSignalSpy sampled(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(sampled.wait(60000));
    QTRY_VERIFY(w->reverseView()->runActions()->neighboursButton()->isEnabled());
    QSignalSpy found(w->quality(), &QualityController::neighboursFound);
    QSignalSpy lookupPreparing(w->quality(), &QualityController::neighboursPreparing);
    w->reverseView()->runActions()->findNeighbours(2);
    QVERIFY(w->neighbourLookup()->dialog() && w->neighbourLookup()->dialog()->isVisible());
    QVERIFY(found.wait(180000));
    QVERIFY(lookupPreparing.isEmpty()); // the measurement's reference serves it
    const auto near = found.first().at(1).value<TrainingNeighbours>();
    QCOMPARE(near.inPixels.index.sizes(), (std::vector<int64_t>{1, 4}));
    const double direct =
        (near.samples[0].to(torch::kFloat64) - near.pixelImages[0][0].to(torch::kFloat64)).norm().item<double>();
    QVERIFY(std::abs(direct - near.inPixels.distance[0][0].item<double>()) < 1e-6);
    QCOMPARE(w->neighbourLookup()->panel()->table()->rowCount(), 4);
    QVERIFY(w->neighbourLookup()->statusText().isEmpty());
    QVERIFY(w->neighbourLookup()->panel()->summaryText().startsWith(QStringLiteral("Image 2 ")));
    w->neighbourLookup()->dialog()->close();

    // Another model: the results of this one go.
    w->newModel();
    QTRY_VERIFY_WITH_TIMEOUT(view->reports().isEmpty(), 60000);
    QVERIFY(!w->exports()->qualityCsv(csv)());

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

    // Cancelled while the classifier describes the images: it ends then, as cancelled, without an error.
    QualityController fresh;
    QSignalSpy freshPreparing(&fresh, &QualityController::preparing);
    QSignalSpy freshDone(&fresh, &QualityController::finished);
    QualityRequest first;
    first.model = w->training()->snapshot();
    first.runs = {o.sampler};
    first.options.count = 50;
    QVERIFY(fresh.start(first) != 0);
    QVERIFY(freshPreparing.wait(60000));
    fresh.cancel();
    QVERIFY(freshDone.wait(60000));
    QCOMPARE(freshDone.first().at(1).toBool(), false);
    QVERIFY(freshDone.first().at(2).toString().isEmpty());
    QVERIFY(freshPreparing.last().at(1).toLongLong() < 70000);
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
    auto* pause = w->trainingView()->pauseButton();
    auto* stop = w->trainingView()->stopButton();
    QVERIFY(!pause->isEnabled() && !stop->isEnabled()); // nothing to pause or stop yet
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(c->step() >= 2, 60000);
    QVERIFY(pause->isEnabled() && stop->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton); // the user's Pause
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), TrainingController::State::Paused, 30000);
    c->takeProgress();
    const qint64 at = c->step();
    // Paused says so, and has no speed (nor a time left) while it lasts.
    QVERIFY2(w->statusBar()->currentMessage().startsWith(QStringLiteral("Training paused at step")),
             qPrintable(w->statusBar()->currentMessage()));
    QTRY_VERIFY2(
        w->trainingView()->statisticsLabel()->text().contains(QStringLiteral("Steps/s</td><td align='right'>–")),
        qPrintable(w->trainingView()->statisticsLabel()->text()));
    QSignalSpy previews(c, &TrainingController::previewReady);
    QSignalSpy finished(c, &TrainingController::finished);
    w->trainingView()->setTotalSteps(at + 3);
    w->trainingView()->setPreviewInterval(1);
    QTest::mouseClick(pause, Qt::LeftButton); // now Resume
    QTRY_VERIFY2_WITH_TIMEOUT(!w->statusBar()->currentMessage().startsWith(QStringLiteral("Training paused")),
                              qPrintable(w->statusBar()->currentMessage()), 30000); // it goes on
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
    // The user's Stop ends a run long before its target.
    w->trainingView()->setTotalSteps(1000000);
    finished.clear();
    w->startTraining();
    const qint64 from = c->step();
    QTRY_VERIFY_WITH_TIMEOUT(c->step() >= from + 2, 60000); // stopped while it runs
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(c->state(), TrainingController::State::Idle);
    QVERIFY(c->step() < at + 1000);
    QVERIFY(!pause->isEnabled() && !stop->isEnabled());
}

// Preferences opened and closed with OK (to change something else) leaves the training form's device,
// precision and preview interval as the user set them; it once put the values saved at the last exit back.
void TestStudio::preferencesOkKeepsTheForm()
{
    Settings settings(m_dir.filePath(QStringLiteral("prefs-ok.ini")));
    settings.set(setting::Precision, QStringLiteral("fp32"));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setPrecision(QStringLiteral("bf16"));
    w->trainingView()->setPreviewInterval(0);
    QAction* prefs = actionNamed(w.get(), QStringLiteral("&Preferences…"));
    QVERIFY(prefs);
    // Every File command a user reaches by key has a shortcut here too (offscreen, like a desktop-less
    // X11, has no platform Save As or Preferences key), and no two of the window's actions share one.
    QMap<QString, QString> owner;
    for (const QAction* a : w->findChildren<QAction*>()) {
        for (const auto& key : a->shortcuts()) {
            const QString k = key.toString();
            QVERIFY2(!owner.contains(k),
                     qPrintable(k + QStringLiteral(": ") + owner.value(k) + QStringLiteral(", ") + a->text()));
            owner[k] = a->text();
        }
    }
    for (const QString& text :
         {QStringLiteral("&New model"), QStringLiteral("&Open…"), QStringLiteral("&Save"), QStringLiteral("Save &as…"),
          QStringLiteral("&Preferences…"), QStringLiteral("&Quit")}) {
        const QAction* a = actionNamed(w.get(), text);
        QVERIFY2(a && !a->shortcut().isEmpty(), qPrintable(text));
    }
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
    const auto match =
        QRegularExpression(QStringLiteral("with the weights of step (\\d+)")).match(w->reverseView()->title());
    QVERIFY2(match.hasMatch(), qPrintable(w->reverseView()->title()));
    QVERIFY2(match.captured(1).toLongLong() >= 3, qPrintable(w->reverseView()->title()));
    QVERIFY(w->reverseView()->title().contains(QStringLiteral("t = 400")));
    // The run names its model, which stays right once another is opened.
    QVERIFY2(w->reverseView()->title().startsWith(QStringLiteral("Untitled model · ")),
             qPrintable(w->reverseView()->title()));
    // DDIM with η = 0 adds no noise after x_t: the images (the Data view's count) would be one. The run uses
    // η = 1, says so, and its images differ.
    QCOMPARE(w->reverseView()->origin().request.options.eta, 1.0);
    QVERIFY2(w->reverseView()->noteText().contains(QStringLiteral("η = 1")), qPrintable(w->reverseView()->noteText()));
    const QList<QImage> images = w->reverseView()->finalImages();
    QVERIFY(images.size() >= 2);
    QVERIFY(images.at(0) != images.at(1));
    QSignalSpy trainingDone(w->training(), &TrainingController::finished);
    w->training()->stop();
    QVERIFY(trainingDone.wait(30000));
}

// "Denoise from here" with a class-conditional model asked for every class: a data image is denoised
// towards its own class (every class would give image i class i mod K), and the note says so; a class
// chosen in the Reverse view is kept.
void TestStudio::denoiseFromHereTakesTheImagesClass()
{
    auto c = tinyConfig();
    c.unet.numClasses(4);
    c.classNames = {"a", "b", "c", "d"};
    const QString path = m_dir.filePath(QStringLiteral("conditional-tiny.ckpt"));
    {
        Trainer trainer(c, torch::kCPU);
        QVERIFY(trainer.save(path.toStdString()));
    }
    Settings settings(m_dir.filePath(QStringLiteral("denoise-class.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->openCheckpoint(path);
    QTRY_VERIFY_WITH_TIMEOUT(
        w->isReady() && w->training()->snapshot() && w->training()->snapshot()->config.unet.numClasses() == 4, 60000);
    auto labelled = makeSyntheticShapes(8, 1, 16);
    labelled.labels = torch::full({8}, 2, torch::kInt64);
    w->dataView()->setDataset(std::make_shared<const Dataset>(labelled), QStringLiteral("synthetic:8"));
    w->dataView()->selectImage(3);
    w->dataView()->setT(5);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 2;
    o.count = 1;
    o.classChoice = kEveryClass;
    o.guidance = 1.0;
    w->reverseView()->setSamplerOptions(o);
    QCOMPARE(w->reverseView()->samplerOptions().classChoice, kEveryClass);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    QTest::mouseClick(w->dataView()->denoiseButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(w->reverseView()->origin().request.options.classChoice, 2);
    QCOMPARE(w->reverseView()->origin().request.options.guidance, 1.0);
    QVERIFY2(w->reverseView()->noteText().contains(QStringLiteral("own class, c")),
             qPrintable(w->reverseView()->noteText()));
    o.classChoice = 1;
    w->reverseView()->setSamplerOptions(o);
    QTest::mouseClick(w->dataView()->denoiseButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(w->reverseView()->origin().request.options.classChoice, 1);
    QVERIFY2(!w->reverseView()->noteText().contains(QStringLiteral("own class")),
             qPrintable(w->reverseView()->noteText()));

    // Fork here on an image of an every-class run: its continuations keep that image's class (image 3 of
    // 4 is class 2), not class j mod K for continuation j.
    o.classChoice = kEveryClass;
    o.count = 4;
    w->reverseView()->setSamplerOptions(o);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QCOMPARE(w->reverseView()->origin().request.options.classChoice, kEveryClass);
    w->reverseView()->scrubber()->setValue(1);
    w->reverseView()->setForkChoice(2, 3);
    QTest::mouseClick(w->reverseView()->forkButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(w->reverseView()->title().contains(QStringLiteral("forked")));
    QCOMPARE(w->reverseView()->origin().request.options.count, 3);
    QCOMPARE(w->reverseView()->origin().request.options.classChoice, 2);

    // Start on a data set without labels: refused at once (not after a run has begun), saying how to give
    // it labels; the model is kept.
    QTemporaryDir images;
    QImage grey(16, 16, QImage::Format_Grayscale8);
    for (int i = 0; i < 3; ++i) {
        grey.fill(40 * i);
        QVERIFY(grey.save(images.filePath(QStringLiteral("%1.png").arg(i))));
    }
    w->loadData(QStringLiteral("folder:") + images.path());
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady() && w->dataView()->statusText().contains(QStringLiteral("3 images")), 60000);
    w->startTraining();
    QVERIFY2(w->lastError().contains(QStringLiteral("no labels")) &&
                 w->lastError().contains(QStringLiteral("one subfolder per class")),
             qPrintable(w->lastError()));
    QCOMPARE(w->training()->state(), TrainingController::State::Idle);
    QCOMPARE(w->training()->snapshot()->config.unet.numClasses(), 4);
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
    const auto restore = qScopeGuard([&] { uninstallTranslations(translators, locale); });
    QCOMPARE(translators.size(), 2); // Qt's own (standard buttons) and the app's
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Datei"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    const auto tr = [](const char* text) { return QCoreApplication::translate("Engine", text); };

    // Fashion-MNIST's class names are shown in the user's language; a folder's own names as they are.
    const QStringList germanClasses = classDisplayNames(fashionMnistClassNames());
    QCOMPARE(germanClasses.size(), 10);
    QCOMPARE(germanClasses.at(1), QStringLiteral("Hose"));
    QCOMPARE(germanClasses.at(9), QStringLiteral("Stiefelette"));
    QCOMPARE(classDisplayNames(cifar10ClassNames()).at(3), QStringLiteral("Katze"));
    // A folder's own classes stay as they are, even one named as a CIFAR-10 class.
    QCOMPARE(classDisplayNames({"cat", "my-own-class"}),
             (QStringList{QStringLiteral("cat"), QStringLiteral("my-own-class")}));
    {
        QualityView quality; // the class table and the class asked for, as a German user reads them
        QualityReport r;
        r.count = 10;
        r.classNames = fashionMnistClassNames();
        r.classShares.assign(10, 0.1);
        r.classCounts.assign(10, 1);
        r.classChoice = "Trouser";
        quality.addReport(r, 1);
        QCOMPARE(quality.classTable()->item(1, 0)->text(), QStringLiteral("Hose"));
        QVERIFY2(quality.summaryText().contains(QStringLiteral("Hose, ")), qPrintable(quality.summaryText()));
    }
    QCOMPARE(engineText("bf16 mixed (AVX512-BF16)"), QStringLiteral("bf16 gemischt (AVX512-BF16)"));

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
    QAction* deutsch = actionNamed(w.get(), QStringLiteral("Deutsch"));
    QAction* english = actionNamed(w.get(), QStringLiteral("English"));
    QVERIFY(deutsch && english);
    QVERIFY(deutsch->isChecked());
    QVERIFY(!english->isChecked());
    // Another language asks whether to restart: Cancel keeps the one chosen before, and the tick goes back
    // to the language in effect; No keeps the new one for the next start; the one in effect asks nothing.
    Dialogs::setNextAnswer(QMessageBox::Cancel);
    english->trigger();
    QVERIFY(!Dialogs::answerPending());
    QVERIFY(settings.language().isEmpty());
    QVERIFY(deutsch->isChecked() && !english->isChecked());
    Dialogs::setNextAnswer(QMessageBox::No);
    english->trigger();
    QVERIFY(!Dialogs::answerPending());
    QCOMPARE(settings.language(), QStringLiteral("en"));
    QVERIFY(english->isChecked() && !deutsch->isChecked());
    Dialogs::setNextAnswer(QMessageBox::Cancel); // not taken: German is in effect
    deutsch->trigger();
    QVERIFY(Dialogs::answerPending());
    Dialogs::question(nullptr, {}, {}, QMessageBox::Ok, QMessageBox::Ok); // takes the answer left waiting
    QCOMPARE(settings.language(), QStringLiteral("de"));
    QVERIFY(deutsch->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QSignalSpy failed(w->training(), &TrainingController::failed);
    w->openCheckpoint(bad);
    QVERIFY(failed.wait(30000));
    const QString expected = german.arg(bad, QString::number(cut.size()), QString::number(bytes.size()));
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

// A class-conditional model from the form, on the synthetic shapes' four classes: the Reverse view offers
// them, a chosen class and guidance reach the sampler, and "Interpolate with…" runs a walk of 9 images
// with one noise for all.
void TestStudio::conditionalModelGuidedAndInterpolated()
{
    Settings settings(m_dir.filePath(QStringLiteral("conditional.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QVERIFY(!w->training()->snapshot()->config.conditional());
    auto* picker = w->reverseView()->classPicker();
    QVERIFY(!picker->classBox()->isEnabled()); // an unconditional model: nothing to choose
    Dialogs::setNextAnswer(QMessageBox::Discard);
    w->trainingView()->conditionalBox()->click(); // a new model, on the data set's classes
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->snapshot() && w->training()->snapshot()->config.conditional(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QCOMPARE(w->training()->snapshot()->config.classNames, syntheticClassNames());
    QCOMPARE(picker->classBox()->count(), 2 + 4);
    // A data set the model cannot train on is named so before a Start, with the trainer's reason: here a
    // folder without one subfolder per class, so without labels. The shapes again: nothing to say.
    const auto pending = [&] { return w->trainingView()->pendingLabel()->text(); };
    QVERIFY2(!pending().contains(QStringLiteral("cannot train")), qPrintable(pending()));
    const QString unlabelled = m_dir.filePath(QStringLiteral("unlabelled"));
    QVERIFY(QDir().mkpath(unlabelled));
    for (int i = 0; i < 3; ++i) {
        QImage image(20, 20, QImage::Format_Grayscale8);
        image.fill(40 * i);
        QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(unlabelled).arg(i)));
    }
    w->loadData(QStringLiteral("folder:") + unlabelled);
    QTRY_VERIFY_WITH_TIMEOUT(pending().contains(QStringLiteral("cannot train")), 60000);
    QVERIFY2(pending().contains(QStringLiteral("needs a data set with labels")), qPrintable(pending()));
    QVERIFY2(!pending().contains(QStringLiteral("goes on with")), qPrintable(pending()));
    // Labels of other classes: said before, and Start refuses before anything changes (a followed run's file,
    // the document) with the trainer's reason.
    const QString animals = m_dir.filePath(QStringLiteral("animals"));
    for (const char* name : {"cat", "dog"}) {
        QVERIFY(QDir().mkpath(animals + QLatin1Char('/') + QLatin1String(name)));
        QImage image(20, 20, QImage::Format_Grayscale8);
        image.fill(100);
        QVERIFY(image.save(QStringLiteral("%1/%2/0.png").arg(animals, QLatin1String(name))));
    }
    w->loadData(QStringLiteral("folder:") + animals);
    QTRY_VERIFY_WITH_TIMEOUT(pending().contains(QStringLiteral("are not the model's")), 60000);
    const int warnings = Dialogs::warningCount();
    w->startTraining();
    QCOMPARE(Dialogs::warningCount(), warnings + 1);
    QVERIFY2(w->lastError().contains(QStringLiteral("cannot train")), qPrintable(w->lastError()));
    QCOMPARE(w->training()->state(), TrainingController::State::Idle);
    w->loadData(QStringLiteral("synthetic:120"));
    QTRY_VERIFY_WITH_TIMEOUT(!pending().contains(QStringLiteral("cannot train")) && w->isReady(), 60000);
    QVERIFY(picker->classBox()->isEnabled());
    SamplerOptions shown;
    picker->apply(shown);
    QCOMPARE(shown.classChoice, kEveryClass); // every class, guided as ddpm sample does by default
    QCOMPARE(shown.guidance, kDefaultGuidance);

    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 5;
    o.count = 4;
    o.classChoice = 2;
    o.guidance = 3.0;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(w->reverseView()->frameCount(), 6);
    QCOMPARE(w->reverseView()->origin().request.options.classChoice, 2);
    QCOMPARE(w->reverseView()->origin().request.options.guidance, 3.0);
    // The grid's sidecar names the class and the guidance, as `ddpm sample`'s does.
    const QString grid = m_dir.filePath(QStringLiteral("guided.png"));
    QVERIFY(w->exports()->sampleGrid(grid)());
    QFile side(sidecarPath(grid));
    QVERIFY(side.open(QIODevice::ReadOnly));
    const auto meta = QJsonDocument::fromJson(side.readAll()).object();
    QCOMPARE(meta.value(QStringLiteral("class")).toString(),
             QString::fromStdString(w->training()->snapshot()->config.classNames[2]));
    QCOMPARE(meta.value(QStringLiteral("guidance")).toDouble(), 3.0);
    QCOMPARE(meta.value(QStringLiteral("steps")).toInt(), 5);

    const auto a = w->dataView()->currentImage(), b = a.flip({2});
    InterpolationOptions walk;
    walk.t = 20;
    Q_EMIT w->dataView()->interpolateRequested(a, b, walk, QStringLiteral("0 → flipped"), -1, -1);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(w->reverseView()->frameCount(), 21); // t = 20 … 1, then x_0
    const auto& request = w->reverseView()->origin().request;
    QCOMPARE(request.options.count, 9);
    QVERIFY(request.options.sharedNoise);
    QCOMPARE(request.startT, 20);
    QVERIFY(request.walk && request.walk->a.equal(a) && request.walk->b.equal(b));
    // The walk's x_20, prepared on the sampling thread: the middle mixture halfway between the ends.
    const auto x20 = w->reverseView()->frames().first().xtState.to(torch::kFloat32);
    QCOMPARE(w->reverseView()->frames().first().t, 20);
    QVERIFY(torch::allclose(x20[4], 0.5 * (x20[0] + x20[8]), 1e-2, 1e-2)); // kept in fp16

    // Between two images of that finished run, with DDIM: inverted to x_T, mixed, decoded in 4 steps.
    QVERIFY(w->reverseView()->runActions()->interpolateButton()->isEnabled());
    const auto ends = w->reverseView()->frames().last().xtState.to(torch::kFloat32);
    InterpolationOptions ddim;
    ddim.mode = InterpolationMode::Ddim;
    ddim.ddimSteps = 4;
    ddim.lambdas = 5;
    w->reverseView()->runActions()->interpolateImages(2, 9, ddim);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(w->reverseView()->frameCount(), 5); // four DDIM steps from x_T, then x_0
    const auto& walked = w->reverseView()->origin().request;
    QCOMPARE(walked.options.kind, SamplerKind::Ddim);
    QCOMPARE(walked.options.eta, 0.0);
    QCOMPARE(walked.options.count, 5);
    QCOMPARE(walked.startT, w->training()->snapshot()->config.schedule.steps);
    QVERIFY(walked.walk && walked.walk->a.equal(ends[1]) && walked.walk->b.equal(ends[8]));
    QVERIFY(w->reverseView()->title().contains(QStringLiteral("2 → 9")));
    const auto decoded = w->reverseView()->frames().last().xtState.to(torch::kFloat32);
    QCOMPARE(decoded.size(0), int64_t(5));
    QVERIFY(!torch::allclose(decoded[0], decoded[4])); // the two ends stay apart
    // A fork of the walk continues the x_t it was asked to, not the walk.
    const SampleFrame at = w->reverseView()->frames()[1]; // a copy: the fork becomes the run shown
    w->reverseView()->setForkChoice(2, 2);
    w->reverseView()->scrubber()->setValue(1);
    w->reverseView()->requestFork();
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(w->reverseView()->frameCount() >= 2);
    QVERIFY(!w->reverseView()->origin().request.walk);
    QCOMPARE(w->reverseView()->frames().first().t, at.t);
    QVERIFY(torch::allclose(w->reverseView()->frames().first().xtState[0].to(torch::kFloat32),
                            at.xtState[2].to(torch::kFloat32), 1e-3, 1e-3));

    // A run of every class: a walk between two images of one class keeps the class and its guidance; one
    // between images of two classes is denoised without a class, and its note says so.
    const int k = static_cast<int>(w->training()->snapshot()->config.unet.numClasses());
    QVERIFY(k >= 2);
    o.classChoice = kEveryClass;
    o.guidance = 2.0;
    o.count = k + 1;
    o.ddimSteps = 2;
    w->reverseView()->setSamplerOptions(o);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(w->reverseView()->runActions()->interpolateButton()->isEnabled());
    ddim.ddimSteps = 2;
    ddim.lambdas = 3;
    w->reverseView()->runActions()->interpolateImages(1, k + 1, ddim); // both of class 0
    QVERIFY(finished.wait(60000));
    const auto* sameClass =
        w->reverseView()->origin().request.walk ? &*w->reverseView()->origin().request.walk : nullptr;
    QVERIFY(sameClass);
    QCOMPARE(sameClass->options.classChoice, 0);
    QCOMPARE(sameClass->options.guidance, 2.0);
    QVERIFY2(w->reverseView()->noteText().isEmpty(), qPrintable(w->reverseView()->noteText()));
    w->reverseView()->setSamplerOptions(o);
    w->startSampling();
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(w->reverseView()->runActions()->interpolateButton()->isEnabled());
    w->reverseView()->runActions()->interpolateImages(1, 2, ddim); // classes 0 and 1
    QVERIFY(finished.wait(60000));
    QVERIFY(w->reverseView()->origin().request.walk);
    QCOMPARE(w->reverseView()->origin().request.walk->options.classChoice, kUnconditional);
    QCOMPARE(w->reverseView()->origin().request.walk->options.guidance, 0.0);
    QVERIFY2(w->reverseView()->noteText().contains(QStringLiteral("two classes")),
             qPrintable(w->reverseView()->noteText()));
    // The same for two images of the data set, by their labels.
    Q_EMIT w->dataView()->interpolateRequested(a, b, ddim, QStringLiteral("data"), 1, 1);
    QVERIFY(finished.wait(60000));
    QVERIFY(w->reverseView()->origin().request.walk);
    QCOMPARE(w->reverseView()->origin().request.walk->options.classChoice, 1);
    QCOMPARE(w->reverseView()->origin().request.walk->options.guidance, 2.0);
    Q_EMIT w->dataView()->interpolateRequested(a, b, ddim, QStringLiteral("data"), 0, 1);
    QVERIFY(finished.wait(60000));
    QCOMPARE(w->reverseView()->origin().request.walk->options.classChoice, kUnconditional);
    QVERIFY(w->reverseView()->noteText().contains(QStringLiteral("two classes")));
    Q_EMIT w->dataView()->interpolateRequested(a, b, ddim, QStringLiteral("data"), -1, -1); // no labels
    QVERIFY(finished.wait(60000));
    QCOMPARE(w->reverseView()->origin().request.walk->options.classChoice, kUnconditional);
    QVERIFY2(w->reverseView()->noteText().contains(QStringLiteral("classes are not known")),
             qPrintable(w->reverseView()->noteText()));
    Dialogs::setNextAnswer(QMessageBox::Discard);
    w->close();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 30000);
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
