// The open model as a document: checkpoints from the ddpm command open and resume, a broken file keeps
// the model, the demo model opens at first launch, closing or replacing a model in training asks and
// keeps (or drops) the work before it goes on, and nothing runs after the window closed.
#include "animation.h"
#include "dataview.h"
#include "dialogs.h"
#include "droppedfile.h"
#include "exporter.h"
#include "modelfile.h"
#include "modeldocument.h"
#include "language.h"
#include "bundled.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "helppanel.h"
#include "runfollower.h"
#include "samplingcontroller.h"
#include "messages.h"
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

#include <QMenu>
#include <QStatusBar>

#include <algorithm>

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QChartView>
#include <QXYSeries>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QJsonDocument>
#include <QMimeData>
#include <QUrl>
#include <QJsonObject>
#include <QProcess>
#include <QHash>
#include <QTabWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopeGuard>
#include <QTemporaryDir>

using namespace ddpm;

namespace {
// Everything the window's training worker was asked before has run, and what it reported has arrived:
// what a test that checks that nothing more comes waits for, rather than a time.
void settle(MainWindow& w)
{
    auto drained = std::make_shared<bool>(false); // outlives a wait that timed out
    w.training()->afterPending([drained] { *drained = true; });
    QTRY_VERIFY_WITH_TIMEOUT(*drained, 60000);
}
} // namespace
using namespace studiotest;

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkpointFromTheCommand();
    void checkpointOpenedWhileTheFirstDataSetLoads();
    void savedFileKeepsTheFormsSteps();
    void brokenCheckpointKeepsModel();
    void demoModelAtFirstLaunch();
    void shippedDemoModelLoads();
    void closeWithWorkInFlight();
    void closeDuringTraining();
    void loweredTargetSaysWhyItStopped();
    void newAndOpenDuringTraining();
    void newModelFromWeightsShowsSamples();
    void savedModelNamesItsDataAndSurvivesAFailedNew();
    void droppedFilesAreTaken();
    void droppedFilesOpen();
    void followsARunReadOnly();
    void followsARunsLog();
    void anotherModelEndsFollowing();
    void followsACheckpointToCome();
    void followedRunSaysHowItGoes();
    void anotherModelCancelsSampling();
    void forkAndWalkUseTheirRunsWeights();

private:
    std::unique_ptr<MainWindow> makeWindow(Settings& settings);
    QTemporaryDir m_dir;
};

void TestDocument::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dialogs::setSilent(true);
    torch::set_num_threads(2);
}

std::unique_ptr<MainWindow> TestDocument::makeWindow(Settings& settings)
{
    return studiotest::makeWindow(settings, m_dir.path());
}

void TestDocument::checkpointFromTheCommand()
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

// `ddpm-studio --checkpoint` of a 16×16 model: the window starts reading its data set at its own model's
// size (32×32) and the checkpoint opens before that is in. The set is read again at the model's size, and
// Start trains, without choosing the data set again.
void TestDocument::checkpointOpenedWhileTheFirstDataSetLoads()
{
    const QString ckpt = m_dir.filePath(QStringLiteral("small-image.ckpt"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.save(ckpt.toStdString()));
    Settings settings(m_dir.filePath(QStringLiteral("firstload.ini")));
    settings.set(setting::Preset, QStringLiteral("reference"));
    settings.setLastDataSpec(QStringLiteral("synthetic:60000")); // seconds to make: the checkpoint comes first
    settings.set(setting::Device, QStringLiteral("cpu"));
    MainWindow w(settings);
    w.openCheckpoint(ckpt);
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPath() == ckpt, 60000);
    QCOMPARE(w.training()->snapshot()->config.unet.imageSize(), int64_t{16});
    QTRY_VERIFY_WITH_TIMEOUT(w.isReady() && w.data()->height() == 16, 60000);
    w.trainingView()->setTotalSteps(2);
    w.startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->step(), 2, 60000);
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
}

// The Steps a user sets between runs are the target the saved file keeps, and the form shows it again when
// the file is opened (a run stopped by lowering Steps, then Steps raised again, saved the lowered target).
void TestDocument::savedFileKeepsTheFormsSteps()
{
    Settings settings(m_dir.filePath(QStringLiteral("target.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(3);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->step(), 3, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 30000);
    w->trainingView()->setTotalSteps(250);
    const QString path = m_dir.filePath(QStringLiteral("target.ckpt"));
    QSignalSpy saved(w->training(), &TrainingController::saved);
    w->saveTo(path);
    QVERIFY(saved.wait(30000));
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(loaded);
    QCOMPARE(loaded->config.train.totalSteps, int64_t{250});
    QCOMPARE(loaded->step, int64_t{3});

    Settings other(m_dir.filePath(QStringLiteral("target2.ini")));
    auto again = makeWindow(other);
    QTRY_VERIFY_WITH_TIMEOUT(again->isReady(), 60000);
    again->trainingView()->setTotalSteps(9000);
    again->openCheckpoint(path);
    QTRY_VERIFY_WITH_TIMEOUT(again->currentPath() == path && again->training()->step() == 3, 60000);
    QCOMPARE(again->trainingView()->totalSteps(), qint64{250});
}

void TestDocument::brokenCheckpointKeepsModel()
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

    // With unsaved training, File > Open of that file is refused before anything is asked: no question
    // about the training (the answer set for one stays unused), and the model is as it was.
    w->trainingView()->setTotalSteps(2);
    QSignalSpy finished(w->training(), &TrainingController::finished);
    w->startTraining();
    QVERIFY(finished.wait(60000));
    QVERIFY(w->document()->hasWorkToKeep());
    const auto trained = w->training()->snapshot();
    const QString alsoBad = m_dir.filePath(QStringLiteral("also-bad.ckpt"));
    QVERIFY(QFile::copy(bad, alsoBad));
    Dialogs::setNextAnswer(QMessageBox::Discard);
    w->openCheckpointAsked(alsoBad);
    const bool unasked = Dialogs::answerPending();
    if (unasked) // used up, so that no later question takes it
        Dialogs::question(w.get(), QString(), QString(), QMessageBox::Discard, QMessageBox::Discard);
    QVERIFY(unasked);
    QVERIFY2(w->lastError().contains(QStringLiteral("also-bad.ckpt")), qPrintable(w->lastError()));
    settle(*w);
    QCOMPARE(w->training()->snapshot(), trained);
    QVERIFY(w->document()->hasWorkToKeep());
}

void TestDocument::demoModelAtFirstLaunch()
{
    // A stand-in demo model (tiny, so the test is quick) where DDPM_DATA_DIR points.
    const QString dataDir = m_dir.filePath(QStringLiteral("bundle"));
    QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/models")));
    const QString full = m_dir.filePath(QStringLiteral("demo-full.ckpt"));
    const QString demo = dataDir + QStringLiteral("/models/fashion-mnist-demo.ckpt");
    QVERIFY(saveTrainedTiny(full, 3));
    QVERIFY(exportSamplingCheckpoint(full.toStdString(), demo.toStdString(), false));
    qputenv("DDPM_DATA_DIR", dataDir.toLocal8Bit());
    auto restoreEnv = qScopeGuard([] { qunsetenv("DDPM_DATA_DIR"); });
    QCOMPARE(demoModelPath(), QFileInfo(demo).canonicalFilePath());
    {
        // A class-conditional demo beside it is the one that opens (a stand-in file: only the choice is tested).
        const QString conditional = dataDir + QStringLiteral("/models/fashion-mnist-conditional.ckpt");
        QVERIFY(QFile::copy(demo, conditional));
        QCOMPARE(demoModelPath(), QFileInfo(conditional).canonicalFilePath());
        QVERIFY(QFile::remove(conditional));
        QCOMPARE(demoModelPath(), QFileInfo(demo).canonicalFilePath());
    }
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
    // A model named like an image is refused with a message, nothing written.
    const QString png = m_dir.filePath(QStringLiteral("my-copy.png"));
    w->saveTo(png);
    QVERIFY2(w->lastError().contains(QStringLiteral("my-copy.png")) && w->lastError().contains(QStringLiteral(".ckpt")),
             qPrintable(w->lastError()));
    QVERIFY(!QFile::exists(png));
    w->saveTo(copy);
    QVERIFY(saved.wait(30000));
    QCOMPARE(readFile(demo), shipped);
    // The samples were drawn from the demo model's weights (step 3) before the copy was trained and
    // saved: their sidecar names that step and the demo file's hash, not the copy's.
    const QString grid = m_dir.filePath(QStringLiteral("first-launch.png"));
    QVERIFY(w->exports()->sampleGrid(grid)());
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

void TestDocument::shippedDemoModelLoads()
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
void TestDocument::closeWithWorkInFlight()
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
    w->close(); // asks, stops training, then closes
    QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 30000);
    QVERIFY(!w->sampling()->isRunning());
    QCOMPARE(w->training()->state(), TrainingController::State::Idle);
    const int frames = w->reverseView()->frameCount();
    const auto stepAtClose = w->training()->step();
    QCoreApplication::sendPostedEvents(); // the stopped workers' last reports
    QCOMPARE(w->reverseView()->frameCount(), frames);
    QCOMPARE(w->training()->step(), stepAtClose);
    // Post more work to the closed window's controllers: refused or dropped, never run.
    w->startSampling();
    QCoreApplication::sendPostedEvents();
    QVERIFY(!w->sampling()->isRunning());
    w.reset();
    QCoreApplication::sendPostedEvents(); // events posted to the deleted window are discarded by Qt
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestDocument::closeDuringTraining()
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
    QVERIFY(!w->hasClosed());
    // The run paused while asked, and goes on after the Cancel.
    const qint64 asked = w->training()->step();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Running, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() > asked, 60000);
    // Save: the run pauses before the question, so the step it names is the step written; then the
    // checkpoint is written, the window closes and shuts the workers down.
    const QString path = m_dir.filePath(QStringLiteral("on-close.ckpt"));
    Dialogs::setNextAnswer(QMessageBox::Save);
    Dialogs::setNextSavePath(path);
    w->close();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 60000);
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(loaded);
    QVERIFY(loaded->step >= 2);
    const QString named = QStringLiteral("(step %1)").arg(QLocale().toString(static_cast<qint64>(loaded->step)));
    QVERIFY2(Dialogs::lastQuestion().contains(named),
             qPrintable(Dialogs::lastQuestion() + QStringLiteral(" vs ") + named));
    w.reset(); // no hang, no crash
}

// Steps lowered below the step a run has reached: it stops where it is, and the status bar says the
// target was lowered rather than that it was reached.
void TestDocument::loweredTargetSaysWhyItStopped()
{
    Settings settings(m_dir.filePath(QStringLiteral("lowered.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(1000000);
    QSignalSpy finished(w->training(), &TrainingController::finished);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 4, 60000);
    w->trainingView()->setTotalSteps(2);
    QVERIFY(finished.wait(60000));
    const qint64 step = finished.first().first().toLongLong();
    QVERIFY(step >= 4);
    const QString message = w->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("stopped at step %L1: the target was lowered to 2").arg(step)),
             qPrintable(message));
}

// File > New model and File > Open during training, answered "Discard": the run stops and the new
// model, or the checkpoint chosen, replaces the one in training (not refused because a run was on).
void TestDocument::newAndOpenDuringTraining()
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
        a->trigger();                    // asks, stops the run, then makes or opens the model
        QTRY_VERIFY2_WITH_TIMEOUT(w->training()->state() == TrainingController::State::Idle, qPrintable(text), 30000);
        // modelReady may come while the state is awaited: wait for it only when it has not come yet.
        QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty(), qPrintable(text), 60000);
        QCOMPARE(w->training()->step(), 0);
        QVERIFY(!w->training()->isDirty());
    }
    QCOMPARE(w->currentPath(), saved);
}

// File > New model from weights…: the new model is at step 0 but its weights are trained, so the Training
// view draws its samples at once, as for an opened model; a plain new model draws none until it trains.
void TestDocument::newModelFromWeightsShowsSamples()
{
    Settings settings(m_dir.filePath(QStringLiteral("warm.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString source = m_dir.filePath(QStringLiteral("warm-source.ckpt"));
    QVERIFY(saveTrainedTiny(source, 3));
    QSignalSpy ready(w->training(), &TrainingController::modelReady);
    QSignalSpy previews(w->training(), &TrainingController::previewReady);
    w->newModel(source);
    QVERIFY(ready.wait(30000));
    QCOMPARE(w->training()->step(), 0);
    QVERIFY(!w->reverseView()->rawWeightsDistinct()); // taken from the source's EMA weights: no raw ones
    QTRY_COMPARE_WITH_TIMEOUT(previews.size(), 1, 30000);
    QCOMPARE(previews.first().at(1).toLongLong(), 0);
    QVERIFY(!w->trainingView()->previewImage().isNull());

    // A fresh model: no preview. A snapshot asked for after it is answered after any preview the window
    // asked for when the model came (one worker, in order), so none can still be on its way.
    previews.clear();
    ready.clear();
    w->newModel();
    QVERIFY(ready.wait(30000));
    QSignalSpy snapshots(w->training(), &TrainingController::snapshotReady);
    w->training()->requestSnapshot();
    QVERIFY(snapshots.wait(30000));
    QCOMPARE(previews.size(), 0);
    QVERIFY(w->trainingView()->previewImage().isNull());
    QVERIFY(w->reverseView()->rawWeightsDistinct());
}

// The window's first model is made before its data set is in; once trained and saved, the checkpoint
// names the data set it was trained on. A New model from weights that cannot be read leaves that file
// open: its name, and Save writing to it.
void TestDocument::savedModelNamesItsDataAndSurvivesAFailedNew()
{
    Settings settings(m_dir.filePath(QStringLiteral("named.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(2);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady() && w->training()->step() == 2, 60000);
    const QString path = m_dir.filePath(QStringLiteral("named.ckpt"));
    QSignalSpy saved(w->training(), &TrainingController::saved);
    w->saveTo(path);
    QVERIFY(saved.wait(30000));
    auto m = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY2(m, m.ok() ? "" : m.error().c_str());
    QCOMPARE(m->config.dataSpec, std::string("synthetic:120"));

    const QString notAModel = m_dir.filePath(QStringLiteral("notes.ckpt"));
    {
        QFile f(notAModel);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are notes, not a model\n");
    }
    QSignalSpy failed(w->training(), &TrainingController::failed);
    w->newModel(notAModel);
    QVERIFY(failed.wait(30000));
    QCOMPARE(w->currentPath(), path);
    QCOMPARE(w->document()->savePath(), path);
    QVERIFY(w->windowTitle().contains(QStringLiteral("named.ckpt")));
}

// What a file or folder dragged onto the window is taken as, by its name and, for a folder, what it holds.
void TestDocument::droppedFilesAreTaken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto touch = [&](const QString& name) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly);
    };
    QVERIFY(touch(QStringLiteral("mnist/train-images-idx3-ubyte.gz")));
    QVERIFY(touch(QStringLiteral("cifar/data_batch_1.bin")));
    QVERIFY(touch(QStringLiteral("cifar-later/data_batch_3.bin"))); // any of the five training batches
    QVERIFY(touch(QStringLiteral("pictures/a.png")));
    for (const char* name : {"model.ckpt", "old.PT", "run.csv", "t10k-images-idx3-ubyte", "x.idx.gz", "batch.bin",
                             "notes.txt", "photo.png"})
        QVERIFY(touch(QString::fromLatin1(name)));
    const auto kind = [&](const QString& name) { return droppedFile(dir.filePath(name)).kind; };
    const auto spec = [&](const QString& name) { return droppedFile(dir.filePath(name)).spec; };
    QCOMPARE(spec(QStringLiteral("mnist")), QStringLiteral("mnist:") + dir.filePath(QStringLiteral("mnist")));
    QCOMPARE(spec(QStringLiteral("cifar")), QStringLiteral("cifar10:") + dir.filePath(QStringLiteral("cifar")));
    QCOMPARE(spec(QStringLiteral("cifar-later")),
             QStringLiteral("cifar10:") + dir.filePath(QStringLiteral("cifar-later")));
    QCOMPARE(spec(QStringLiteral("pictures")), QStringLiteral("folder:") + dir.filePath(QStringLiteral("pictures")));
    QCOMPARE(kind(QStringLiteral("model.ckpt")), DroppedFile::Checkpoint);
    QCOMPARE(kind(QStringLiteral("old.PT")), DroppedFile::Checkpoint);
    QCOMPARE(kind(QStringLiteral("run.csv")), DroppedFile::RunLog);
    QCOMPARE(spec(QStringLiteral("t10k-images-idx3-ubyte")),
             QStringLiteral("idx:") + dir.filePath(QStringLiteral("t10k-images-idx3-ubyte")));
    QCOMPARE(spec(QStringLiteral("x.idx.gz")), QStringLiteral("idx:") + dir.filePath(QStringLiteral("x.idx.gz")));
    QCOMPARE(spec(QStringLiteral("batch.bin")), QStringLiteral("cifar10:") + dir.filePath(QStringLiteral("batch.bin")));
    QCOMPARE(kind(QStringLiteral("notes.txt")), DroppedFile::None);
    QCOMPARE(kind(QStringLiteral("photo.png")), DroppedFile::None);
    QCOMPARE(kind(QStringLiteral("missing.ckpt")), DroppedFile::None);

    QMimeData two;
    two.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("model.ckpt"))),
                 QUrl::fromLocalFile(dir.filePath(QStringLiteral("run.csv")))});
    QCOMPARE(droppedFile(&two).kind, DroppedFile::None);
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.org/model.ckpt"))});
    QCOMPARE(droppedFile(&remote).kind, DroppedFile::None);
    QMimeData text;
    text.setText(dir.filePath(QStringLiteral("model.ckpt")));
    QCOMPARE(droppedFile(&text).kind, DroppedFile::None);
}

// Dropped on the window as from a file manager: a checkpoint opens, a folder of images becomes the data
// set (the Data view shows it), a text file is refused at the drag.
void TestDocument::droppedFilesOpen()
{
    Settings settings(m_dir.filePath(QStringLiteral("drop.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const auto drag = [&](const QString& path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = w->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QCoreApplication::sendEvent(w.get(), &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w.get(), &drop);
        return drop.isAccepted();
    };
    const QString notes = m_dir.filePath(QStringLiteral("drop-notes.txt"));
    {
        QFile f(notes);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(!drag(notes));

    const QString model = m_dir.filePath(QStringLiteral("dropped.ckpt"));
    QVERIFY(saveTrainedTiny(model, 2));
    QSignalSpy ready(w->training(), &TrainingController::modelReady);
    QVERIFY(drag(model));
    QVERIFY(ready.wait(30000));
    QCOMPARE(w->currentPath(), model);
    QCOMPARE(w->training()->step(), 2);

    const QString pictures = m_dir.filePath(QStringLiteral("dropped-pictures"));
    QVERIFY(QDir().mkpath(pictures));
    for (int i = 0; i < 6; ++i) {
        QImage image(16, 16, QImage::Format_Grayscale8);
        image.fill(40 * i);
        QVERIFY(image.save(QDir(pictures).filePath(QStringLiteral("p%1.png").arg(i))));
    }
    w->setView(MainWindow::Training);
    QVERIFY(drag(pictures));
    QTRY_COMPARE_WITH_TIMEOUT(settings.lastDataSpec(), QStringLiteral("folder:") + pictures, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QVERIFY(w->dataView()->isVisible()); // the Data view shows what came
    const QString loaded = w->dataView()->statusText();
    QVERIFY2(loaded.contains(QStringLiteral("6 images")), qPrintable(loaded));

    // A folder with nothing to read: the error is shown, and the line under the picker says again what is
    // still loaded, not the error, beside thumbnails of the earlier images.
    const QString empty = m_dir.filePath(QStringLiteral("dropped-nothing"));
    QVERIFY(QDir().mkpath(empty));
    {
        QFile readme(QDir(empty).filePath(QStringLiteral("readme.txt")));
        QVERIFY(readme.open(QIODevice::WriteOnly) && readme.write("not an image") > 0);
    }
    const QString before = w->lastError();
    QVERIFY(drag(empty));
    QTRY_VERIFY_WITH_TIMEOUT(w->lastError() != before, 60000);
    QVERIFY2(w->lastError().contains(QStringLiteral("no readable")), qPrintable(w->lastError()));
    QCOMPARE(w->dataView()->statusText(), loaded);
    QCOMPARE(settings.lastDataSpec(), QStringLiteral("folder:") + pictures);
}

// File > Follow training run…: a run elsewhere writes its checkpoint again and again; the studio opens each
// new one, never writes the run's file, and stops following when it trains the model itself.
void TestDocument::followsARunReadOnly()
{
    Settings settings(m_dir.filePath(QStringLiteral("follow.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString run = m_dir.filePath(QStringLiteral("run.ckpt"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(followRun(*w, trainer, run));
    QCOMPARE(w->currentPath(), run);
    QVERIFY(w->document()->isReadOnly());
    QVERIFY(w->document()->savePath().isEmpty()); // Save asks for another file
    QVERIFY(w->document()->displayName().contains(QStringLiteral("read-only")));

    // Unchanged: nothing is read again. The run goes on and writes: the studio opens the new checkpoint.
    w->follower()->poll();
    QCOMPARE(w->follower()->refreshes(), 0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString()));
    w->follower()->poll();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() == 5, 60000);
    QCOMPARE(w->follower()->refreshes(), 1);
    QCOMPARE(w->trainingView()->lossHistory().points().size(), size_t(5));

    // Sampling the followed model goes on when the run writes its next checkpoint (it is not another model).
    SamplerOptions o; // DDPM, 1,000 steps
    o.count = 8;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QTRY_VERIFY_WITH_TIMEOUT(w->reverseView()->frameCount() > 1, 60000);
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString()));
    w->follower()->poll();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() == 6, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QVERIFY(finished.last().first().toBool()); // completed, not cancelled

    // The run's file caught half-written: said in the status bar, not in a dialog at every refresh; the
    // model shown stays, following goes on, and the whole file is opened once it is back.
    const QByteArray whole = readFile(run);
    const int warnings = Dialogs::warningCount();
    {
        QFile half(run);
        QVERIFY(half.open(QIODevice::WriteOnly) && half.write(whole.left(whole.size() / 2)) == whole.size() / 2);
    }
    w->follower()->poll();
    QTRY_VERIFY_WITH_TIMEOUT(w->lastError().contains(QStringLiteral("truncated")), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!w->training()->isOpening(), 60000);
    QCOMPARE(Dialogs::warningCount(), warnings);
    QVERIFY(w->follower()->isFollowing());
    QCOMPARE(w->training()->step(), 6);
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString()));
    w->follower()->poll();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() == 7, 60000);

    // Training here ends following; it trains a copy, and the run's file stays as the run wrote it.
    const QByteArray written = readFile(run);
    w->trainingView()->setTotalSteps(8);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(!w->follower()->isFollowing(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->state() == TrainingController::State::Idle, 60000);
    QVERIFY(w->currentPath().isEmpty());
    QCOMPARE(readFile(run), written);
}

// Following a run that has not written its checkpoint yet: no error, a word that the studio waits, and the
// checkpoint opens once the run writes it.
void TestDocument::followsACheckpointToCome()
{
    Settings settings(m_dir.filePath(QStringLiteral("tocome.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    // A table that is not a training log (the loss CSV the studio exports) is refused, by its first line.
    const QString table = m_dir.filePath(QStringLiteral("exported-loss.csv"));
    {
        QFile f(table);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("step,loss,loss_min,loss_max,steps\n1,0.5,0.5,0.5,1\n");
    }
    int warnings = Dialogs::warningCount();
    Dialogs::setNextSavePath(table);
    actionNamed(w.get(), QStringLiteral("&Follow training run…"))->trigger();
    QVERIFY(!w->follower()->isFollowing());
    QCOMPARE(Dialogs::warningCount(), warnings + 1);
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("not a training log")),
             qPrintable(w->statusBar()->currentMessage()));

    // A checkpoint in a folder that is not there: no run writes it, and the studio does not wait for it.
    Dialogs::setNextSavePath(m_dir.filePath(QStringLiteral("no-such-folder/run.ckpt")));
    actionNamed(w.get(), QStringLiteral("&Follow training run…"))->trigger();
    QVERIFY(!w->follower()->isFollowing());
    QCOMPARE(Dialogs::warningCount(), warnings + 2);
    QVERIFY2(w->lastError().contains(QStringLiteral("does not exist")), qPrintable(w->lastError()));

    const QString run = m_dir.filePath(QStringLiteral("tocome.ckpt"));
    QVERIFY(!QFileInfo::exists(run));
    warnings = Dialogs::warningCount();
    Dialogs::setNextSavePath(run);
    actionNamed(w.get(), QStringLiteral("&Follow training run…"))->trigger();
    QVERIFY(w->follower()->isFollowing());
    QCOMPARE(w->follower()->path(), run);
    QCOMPARE(w->follower()->logPath(), m_dir.filePath(QStringLiteral("tocome.csv"))); // its log, once it writes one
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("opens once the run writes it")),
             qPrintable(w->statusBar()->currentMessage()));
    w->follower()->poll();
    settle(*w);
    QCOMPARE(Dialogs::warningCount(), warnings); // no "no such file"
    QCOMPARE(w->training()->step(), 0);
    // The word that the studio waits comes back whenever the status bar is free (a menu's tip took it).
    w->statusBar()->clearMessage();
    w->follower()->poll();
    QVERIFY2(w->statusBar()->currentMessage().contains(m_dir.path()), qPrintable(w->statusBar()->currentMessage()));

    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(*tinyData()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString()));
    w->follower()->poll();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() == 3, 60000);
    QCOMPARE(w->currentPath(), run);
    QVERIFY(w->document()->isReadOnly());
    QCOMPARE(Dialogs::warningCount(), warnings);
}

// What the studio says of a followed run as its files change: written lately; nothing written for ten
// minutes (a run killed: no speed, no time left); finished at its last step (and a Start, refused, leaves
// the run followed); a checkpoint that cannot be opened; a checkpoint gone. No dialog for any of them.
void TestDocument::followedRunSaysHowItGoes()
{
    Settings settings(m_dir.filePath(QStringLiteral("howitgoes.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString run = m_dir.filePath(QStringLiteral("howitgoes.ckpt"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    trainer.setTotalSteps(4);
    const int warnings = Dialogs::warningCount();
    QVERIFY(followRun(*w, trainer, run)); // at step 2 of 4
    using S = FollowedRun::State;
    auto note = [&] { return w->trainingView()->pendingLabel()->text(); };
    QTRY_COMPARE_WITH_TIMEOUT(w->follower()->run().state, S::Writing, 30000);
    QVERIFY2(note().contains(QStringLiteral("Following howitgoes.ckpt, written 0:00:0")), qPrintable(note()));

    // Nothing written for ten minutes.
    {
        QFile f(run);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-600), QFileDevice::FileModificationTime));
    }
    w->follower()->poll();
    QCOMPARE(w->follower()->run().state, S::Quiet);
    QVERIFY2(note().contains(QStringLiteral("nothing written for 0:10:0")) &&
                 note().contains(QStringLiteral("may have stopped")),
             qPrintable(note()));
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("may have stopped")),
             qPrintable(w->statusBar()->currentMessage()));

    // Its last step written.
    QVERIFY(trainer.step() && trainer.step() && trainer.save(run.toStdString()));
    w->follower()->poll();
    QTRY_COMPARE_WITH_TIMEOUT(w->follower()->run().state, S::Finished, 60000);
    QCOMPARE(w->training()->step(), 4);
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("the run finished at step 4")),
             qPrintable(w->statusBar()->currentMessage()));
    // Start on it is refused before the run's file is let go: still followed, still read-only.
    QCOMPARE(w->trainingView()->totalSteps(), 4);
    w->trainingView()->startButton()->click();
    QCOMPARE(Dialogs::warningCount(), warnings + 1);
    QVERIFY2(w->lastError().contains(QStringLiteral("already reached step 4")), qPrintable(w->lastError()));
    QVERIFY(w->follower()->isFollowing());
    QCOMPARE(w->currentPath(), run);
    QVERIFY(w->document()->isReadOnly());

    // Half a file: said in the Training view until a good one comes.
    QVERIFY(QFile::resize(run, 1000));
    w->follower()->poll();
    QTRY_COMPARE_WITH_TIMEOUT(w->follower()->run().state, S::Unreadable, 60000);
    QVERIFY2(note().contains(QStringLiteral("cannot be opened")) && note().contains(QStringLiteral("damaged")),
             qPrintable(note()));

    // Gone.
    QVERIFY(QFile::remove(run));
    w->follower()->poll();
    QCOMPARE(w->follower()->run().state, S::Gone);
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("the file is gone")),
             qPrintable(w->statusBar()->currentMessage()));
    QCOMPARE(Dialogs::warningCount(), warnings + 1); // the refused Start's alone
}

// A new model made while following: the run's next checkpoint does not replace it, and the run's file
// opened again later is an ordinary file, no longer read-only.
void TestDocument::anotherModelEndsFollowing()
{
    Settings settings(m_dir.filePath(QStringLiteral("unfollow.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString run = m_dir.filePath(QStringLiteral("unfollowed.ckpt"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(followRun(*w, trainer, run));
    QVERIFY(w->document()->isReadOnly());
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString())); // the run writes again …
    w->newModel();                            // … and the user starts a new model before the next poll
    w->follower()->poll();
    QVERIFY(!w->follower()->isFollowing());
    QTRY_VERIFY_WITH_TIMEOUT(w->currentPath().isEmpty() && w->training()->step() == 0, 60000);
    settle(*w); // the run's checkpoint, had it been opened, would be in by now
    QCOMPARE(w->training()->step(), qint64(0));
    QVERIFY(w->currentPath().isEmpty());
    w->openCheckpoint(run);
    QTRY_VERIFY_WITH_TIMEOUT(w->currentPath() == run && w->training()->step() == 3, 60000);
    QVERIFY(!w->document()->isReadOnly());
    QCOMPARE(w->document()->savePath(), run);
}

// A sampling run of the model before does not go on, nor land in the Reverse view, once another model is in.
void TestDocument::anotherModelCancelsSampling()
{
    Settings settings(m_dir.filePath(QStringLiteral("cancelsampling.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    SamplerOptions o; // DDPM, 1,000 steps
    o.count = 16;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    QSignalSpy ready(w->training(), &TrainingController::modelReady);
    w->startSampling();
    QTRY_VERIFY_WITH_TIMEOUT(w->reverseView()->frameCount() > 1, 60000);
    w->newModel();
    QVERIFY(ready.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(!w->sampling()->isRunning(), 30000);
    QVERIFY(finished.isEmpty() || !finished.last().first().toBool()); // not completed
    QVERIFY(w->reverseView()->frameCount() < 1001);
}

// A run of one checkpoint forked after another checkpoint at the same step is open: the fork's exports
// name the file the forked run's weights came from, and a walk between the fork's images runs on them too.
void TestDocument::forkAndWalkUseTheirRunsWeights()
{
    Settings settings(m_dir.filePath(QStringLiteral("forkfile.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString a = m_dir.filePath(QStringLiteral("fork-a.ckpt")), b = m_dir.filePath(QStringLiteral("fork-b.ckpt"));
    QVERIFY(saveTrainedTiny(a, 2) && saveTrainedTiny(b, 2));
    w->openCheckpoint(a);
    QTRY_VERIFY_WITH_TIMEOUT(w->currentPath() == a && w->isReady(), 60000);
    QVERIFY(sampleDdim(*w, 4, 2));
    QCOMPARE(w->reverseView()->origin().file, a);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    w->openCheckpoint(b);
    QTRY_VERIFY_WITH_TIMEOUT(w->currentPath() == b && w->isReady(), 60000);
    auto* view = w->reverseView();
    view->scrubber()->setValue(2);
    view->setForkChoice(0, 2);
    QTest::mouseClick(view->forkButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY(view->title().contains(QStringLiteral("forked")));
    QCOMPARE(view->origin().file, a);
    // A walk between two images of that run uses the weights that made them, not those open now.
    const auto forkModel = view->origin().request.model;
    QVERIFY(forkModel && forkModel != w->training()->snapshot());
    InterpolationOptions walk;
    walk.mode = InterpolationMode::Ddim;
    walk.ddimSteps = 2;
    walk.lambdas = 3;
    QVERIFY(view->runActions()->interpolateButton()->isEnabled());
    view->runActions()->interpolateImages(1, 2, walk);
    QVERIFY(finished.wait(60000));
    QVERIFY(view->origin().request.walk);
    QCOMPARE(view->origin().request.model, forkModel);
    QCOMPARE(view->origin().file, a);
}

void TestDocument::followsARunsLog()
{
    Settings settings(m_dir.filePath(QStringLiteral("followlog.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    const QString run = m_dir.filePath(QStringLiteral("logged.ckpt")),
                  log = m_dir.filePath(QStringLiteral("logged.csv"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(*tinyData()));
    for (int i = 0; i < 2; ++i)
        QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString()));
    const auto row = [](int step, const char* loss) {
        return QByteArray::number(step) + ',' + loss + ",0.5,0.0002,100.00\n";
    };
    const QByteArray header = "step,loss,grad_norm,lr,img_per_s\n";
    const auto write = [](const QString& path, const QByteArray& bytes, QIODevice::OpenMode mode) {
        QFile f(path);
        return f.open(mode) && f.write(bytes) == bytes.size();
    };
    // The run's log as `ddpm train --log` writes it, its last row half-written.
    QVERIFY(write(log, header + row(1, "0.9") + row(2, "0.8") + row(3, "0.7") + "4,0.6", QIODevice::WriteOnly));
    QCOMPARE(RunFollower::companion(log), run);
    QCOMPARE(RunFollower::companion(run), log);

    // Pointed at the log, the studio follows the checkpoint of its name and the log.
    Dialogs::setNextSavePath(log);
    actionNamed(w.get(), QStringLiteral("&Follow training run…"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w->follower()->isFollowing() && w->training()->step() == 2, 60000);
    QCOMPARE(w->follower()->path(), run);
    QCOMPARE(w->follower()->logPath(), log);
    LossChart* chart = w->trainingView()->lossChart();
    const auto steps = [chart] {
        QList<int> s;
        for (const QPointF& p : chart->rawPoints())
            s << static_cast<int>(p.x());
        return s;
    };
    // The checkpoint's steps 1 and 2, then the log's complete row past them, not the half-written one.
    QTRY_COMPARE_WITH_TIMEOUT(steps(), (QList<int>{1, 2, 3}), 10000);
    QCOMPARE(chart->rawPoints().constLast().y(), 0.7);
    const double checkpointLoss = chart->rawPoints().at(1).y();
    QVERIFY(checkpointLoss != 0.8); // step 2 is the checkpoint's own

    // The run writes on: the rest of row 4, and row 5.
    QVERIFY(write(log, QByteArray(",0.5,0.0002,100.00\n") + row(5, "0.5"), QIODevice::Append));
    w->follower()->poll();
    QCOMPARE(steps(), (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(chart->rawPoints().at(3).y(), 0.6);
    // The help panel's values follow the log too: its step, not the checkpoint's, beside its loss.
    w->setView(MainWindow::Training);
    auto* help = w->findChild<HelpPanel*>();
    QVERIFY(help);
    QTRY_COMPARE(help->liveValues().value(QStringLiteral("step")), QStringLiteral("5"));
    QCOMPARE(help->liveValues().value(QStringLiteral("loss")), QStringLiteral("0.5"));
    // The log's speed (100 images/s at the run's batch of 8) gives steps/s and the time left.
    const QString stats = w->trainingView()->statisticsLabel()->text();
    QVERIFY2(stats.contains(QLocale().toString(100.0 / tinyConfig().train.batch, 'f', 2)), qPrintable(stats));
    QVERIFY2(!stats.contains(QStringLiteral("ETA</td><td align='right'>–")), qPrintable(stats));

    // A checkpoint at step 4: steps 1 … 4 come from it, 5 still from the log.
    for (int i = 0; i < 2; ++i)
        QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString()));
    w->follower()->poll();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() == 4, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(steps(), (QList<int>{1, 2, 3, 4, 5}), 10000);
    QCOMPARE(chart->rawPoints().at(3).y(), static_cast<double>(trainer.lossHistory().back().loss));
    QCOMPARE(chart->rawPoints().at(4).y(), 0.5);

    // The run is resumed and writes its log anew (a new file: rows to its checkpoint, then its own).
    QSaveFile again(log);
    QVERIFY(again.open(QIODevice::WriteOnly));
    again.write(header + row(1, "0.9") + row(2, "0.8") + row(3, "0.7") + row(4, "0.6") + row(5, "0.45"));
    QVERIFY(again.commit());
    w->follower()->poll();
    QTRY_COMPARE_WITH_TIMEOUT(chart->rawPoints().constLast().y(), 0.45, 20000);
    QCOMPARE(steps(), (QList<int>{1, 2, 3, 4, 5}));
    QVERIFY(write(log, row(6, "0.4"), QIODevice::Append));
    w->follower()->poll();
    QCOMPARE(steps(), (QList<int>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(w->follower()->refreshes(), 1); // the checkpoint itself was read again once

    // A busy studio: a newer checkpoint is still being opened when the log writes on. The new row shows at
    // once, and a checkpoint written again meanwhile is opened once the one under way is in, not queued
    // behind it.
    for (int i = 0; i < 2; ++i)
        QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString())); // step 6
    w->follower()->poll();
    QVERIFY(w->training()->isOpening());
    QCOMPARE(w->follower()->refreshes(), 2);
    QVERIFY(write(log, row(7, "0.35"), QIODevice::Append));
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(run.toStdString())); // step 7
    w->follower()->poll();
    QCOMPARE(steps().constLast(), 7);
    QCOMPARE(chart->rawPoints().constLast().y(), 0.35);
    QCOMPARE(w->follower()->refreshes(), 2);
    // (The open under way may have read step 7's file already: it was replaced whole, either is fine.)
    QTRY_VERIFY_WITH_TIMEOUT(!w->training()->isOpening() && w->training()->step() >= 6, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(steps(), (QList<int>{1, 2, 3, 4, 5, 6, 7}), 10000);
    w->follower()->poll();
    QCOMPARE(w->follower()->refreshes(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() == 7, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(steps(), (QList<int>{1, 2, 3, 4, 5, 6, 7}), 10000);
    QCOMPARE(chart->rawPoints().constLast().y(), static_cast<double>(trainer.lossHistory().back().loss));

    // A long log (a run of a hundred thousand steps and more, megabytes): it is read a piece at a time, each
    // at its own turn of the event loop, so the window never waits for all of it; all of it comes.
    QByteArray rows;
    constexpr int kMore = 120000;
    for (int step = 8; step < 8 + kMore; ++step)
        rows += row(step, "0.3");
    QVERIFY(rows.size() > 3'000'000);
    QVERIFY(write(log, rows, QIODevice::Append));
    QSignalSpy pieces(w->follower(), &RunFollower::logProgress);
    w->follower()->poll();
    QCOMPARE(pieces.count(), 1); // the first piece, at once; not the whole log
    QVERIFY(steps().constLast() < 7 + kMore);
    QTRY_COMPARE_WITH_TIMEOUT(steps().constLast(), 7 + kMore, 20000);
    qsizetype shown = 0;
    for (const auto& piece : pieces)
        shown += piece.at(0).value<TrainingProgress>().points.size();
    QCOMPARE(shown, kMore); // every row once, in more than one piece
    QVERIFY(pieces.count() > 1);

    // Bytes without a row's end longer than a piece (what a crash can leave): skipped to the next line, and
    // the rows written after them come.
    QVERIFY(write(log, QByteArray(3'000'000, '\0') + '\n' + row(8 + kMore, "0.2") + row(9 + kMore, "0.2"),
                  QIODevice::Append));
    w->follower()->poll();
    QTRY_COMPARE_WITH_TIMEOUT(steps().constLast(), 9 + kMore, 20000);
}

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
