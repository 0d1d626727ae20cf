// The training and sampling controllers on their workers, without a window: training runs and reports
// progress, stop lands within one step, pause holds, a NaN loss stops with a message, sampling delivers
// one frame per step (at the timesteps the engine reports) and can be cancelled.
#include "animation.h"
#include "dataview.h"
#include "dialogs.h"
#include "exporter.h"
#include "modelfile.h"
#include "trainer.h"
#include "language.h"
#include "bundled.h"
#include "fixtures.h"
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
using namespace studiotest;

namespace {
// A tiny model on `data` training towards a million steps (stop() ends it), without previews; false when
// the model did not come.
bool startLongRun(TrainingController& c, std::shared_ptr<const Dataset> data = tinyData())
{
    QSignalSpy ready(&c, &TrainingController::modelReady);
    c.newModel(tinyConfig(), QStringLiteral("cpu"));
    if (!ready.wait(20000))
        return false;
    c.setDataset(std::move(data));
    c.setPreviewInterval(0);
    c.start(1000000);
    return true;
}
} // namespace

class TestControllers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void snapshotWithoutModelFails();
    void initTestCase();
    void trainingRunsAndReports();
    void stopLandsWithinOneStep();
    void pauseAndResume();
    void savedWhilePausedIsClean();
    void startBehindAnOpenTrainsItUnsaved();
    void startSaysWhyTheDataDoNotServe();
    void dataChosenDuringARunWaitsForTheNextStart();
    void unusableDataChosenDuringARunIsSaidAtStart();
    void nanLossStopsWithMessage();
    void samplingDeliversEveryStep();
    void samplingCancels();
    void newModelFromWeights();

private:
    QTemporaryDir m_dir;
};

void TestControllers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dialogs::setSilent(true);
    torch::set_num_threads(2);
}

// A copy asked for with no model to copy says it cannot come (SamplingRuns stops waiting on it), without
// a snapshot.
void TestControllers::snapshotWithoutModelFails()
{
    TrainingController c;
    QSignalSpy failed(&c, &TrainingController::snapshotFailed);
    QSignalSpy ready(&c, &TrainingController::snapshotReady);
    c.requestSnapshot();
    QVERIFY(failed.wait(30000));
    QVERIFY(ready.isEmpty());
}

void TestControllers::trainingRunsAndReports()
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

void TestControllers::stopLandsWithinOneStep()
{
    TrainingController c;
    QSignalSpy finished(&c, &TrainingController::finished);
    QVERIFY(startLongRun(c));
    qint64 seen = 0;
    QTRY_VERIFY_WITH_TIMEOUT((seen = std::max(seen, c.takeProgress().step)) >= 3, 60000);
    seen = std::max(seen, c.takeProgress().step);
    c.stop();
    QVERIFY(finished.wait(30000));
    const qint64 final = finished.first().first().toLongLong();
    // The step running when stop was asked for may finish; no further step starts.
    QVERIFY2(final <= seen + 1, qPrintable(QStringLiteral("stopped at %1, asked at %2").arg(final).arg(seen)));
}

void TestControllers::pauseAndResume()
{
    TrainingController c;
    QSignalSpy states(&c, &TrainingController::stateChanged);
    QSignalSpy finished(&c, &TrainingController::finished);
    QVERIFY(startLongRun(c));
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

// Saved while paused: nothing is unsaved, then or after a Stop without another step. Trained on after a
// save: the steps since are.
void TestControllers::savedWhilePausedIsClean()
{
    TrainingController c;
    QSignalSpy finished(&c, &TrainingController::finished);
    QVERIFY(startLongRun(c));
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step >= 2, 60000);
    c.pause();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), TrainingController::State::Paused, 30000);
    QSignalSpy saved(&c, &TrainingController::saved);
    c.save(m_dir.filePath(QStringLiteral("paused-then-stopped.ckpt")));
    QVERIFY(saved.wait(20000));
    QVERIFY(!c.isDirty()); // the file holds the paused model: nothing is unsaved (the title has no "*")
    c.takeProgress();      // the steps before the pause, all in the file
    QVERIFY(!c.isDirty());
    c.stop();
    QVERIFY(finished.wait(30000));
    QVERIFY(!c.isDirty());

    c.start(1000000);
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step > finished.first().first().toLongLong(), 60000);
    c.pause();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), TrainingController::State::Paused, 30000);
    c.save(m_dir.filePath(QStringLiteral("paused-then-resumed.ckpt")));
    QVERIFY(saved.wait(20000));
    c.takeProgress(); // every step before the pause
    const qint64 savedAt = c.step();
    QVERIFY(!c.isDirty());
    c.resume();
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step > savedAt, 60000);
    QVERIFY(c.isDirty()); // trained on since the save
    c.stop();
    QVERIFY(finished.wait(30000));
    QVERIFY(c.isDirty());
}

void TestControllers::startBehindAnOpenTrainsItUnsaved()
{
    // Start pressed while a checkpoint is still loading: the run trains the model opened, and its steps are
    // unsaved work (the window asks before they are lost).
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy saved(&c, &TrainingController::saved);
    c.newModel(tinyConfig(), QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    c.setDataset(tinyData());
    c.start(2);
    QVERIFY(finished.wait(60000));
    const QString path = m_dir.filePath(QStringLiteral("opened-then-trained.ckpt"));
    c.save(path);
    QVERIFY(saved.wait(20000));
    QVERIFY(!c.isDirty());
    c.openCheckpoint(path, QStringLiteral("cpu"));
    c.start(5); // queued behind the open
    QVERIFY(finished.wait(60000));
    QCOMPARE(c.step(), qint64(5));
    QCOMPARE(c.snapshot()->step, 5);
    QVERIFY(c.isDirty());
}

void TestControllers::nanLossStopsWithMessage()
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

// Start with data the model cannot train on says why, in the data's own terms: a class-conditional
// model on images without labels is told so (not that the image size is wrong), and no step is taken.
void TestControllers::startSaysWhyTheDataDoNotServe()
{
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy failed(&c, &TrainingController::failed);
    QSignalSpy finished(&c, &TrainingController::finished);
    auto config = tinyConfig();
    QVERIFY(setClasses(config, {"a", "b", "c", "d"}));
    c.newModel(config, QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    auto unlabelled = std::make_shared<Dataset>(*tinyData());
    unlabelled->labels = torch::Tensor();
    unlabelled->classNames.clear();
    QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
    c.setDataset(unlabelled);
    c.requestSnapshot(); // answered after the data set above
    QVERIFY(snapshots.wait(20000));
    QVERIFY(failed.isEmpty()); // a data set the model cannot train on may be looked at: no message yet
    c.start(5);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toLongLong(), 0);
    QVERIFY(!failed.isEmpty());
    const QString message = failed.last().first().toString();
    QVERIFY2(message.contains(QStringLiteral("labels")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("image size")), qPrintable(message));
    // Named classes that are not the model's: the same, and Start names both lists.
    auto shapes = std::make_shared<Dataset>(*tinyData());
    shapes->classNames = syntheticClassNames();
    failed.clear();
    c.setDataset(shapes);
    c.requestSnapshot();
    QVERIFY(snapshots.wait(20000));
    QVERIFY(failed.isEmpty());
    c.start(5);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toLongLong(), 0);
    QVERIFY(!failed.isEmpty());
    const QString classes = failed.last().first().toString();
    QVERIFY2(classes.contains(QStringLiteral("(disc, square, triangle, ring) are not the model's (a, b, c, d)")),
             qPrintable(classes));
}

// A data set chosen while a run is on (the user browsing the Data view) does not change what the run
// trains on; the next Start takes it. The trainer's recorded data set tells which one it holds.
void TestControllers::dataChosenDuringARunWaitsForTheNextStart()
{
    TrainingController c;
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
    auto first = std::make_shared<Dataset>(*tinyData());
    first->spec = "synthetic:200";
    QVERIFY(startLongRun(c, first));
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step >= 1, 60000);
    auto second = loadDataSpec("synthetic:64", 1, 16);
    QVERIFY(second);
    c.setDataset(std::make_shared<const Dataset>(second.value()));
    snapshots.clear();
    c.requestSnapshot(); // answered between steps, after the data set above
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 30000);
    QCOMPARE(snapshots.last().first().value<SnapshotPtr>()->config.dataSpec, std::string("synthetic:200"));
    c.stop();
    QVERIFY(finished.wait(30000));
    snapshots.clear();
    c.requestSnapshot();
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 30000);
    QCOMPARE(snapshots.last().first().value<SnapshotPtr>()->config.dataSpec, std::string("synthetic:64"));
}

// A data set the model cannot train on, chosen while it trains (a class-conditional model, a set without
// labels): Stop ends the run without a word about it (the user asked for nothing); the next Start says why.
void TestControllers::unusableDataChosenDuringARunIsSaidAtStart()
{
    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy failed(&c, &TrainingController::failed);
    QSignalSpy finished(&c, &TrainingController::finished);
    auto config = tinyConfig();
    QVERIFY(setClasses(config, syntheticClassNames()));
    c.newModel(config, QStringLiteral("cpu"));
    QVERIFY(ready.wait(20000));
    auto shapes = std::make_shared<Dataset>(*tinyData());
    shapes->classNames = syntheticClassNames();
    c.setDataset(shapes);
    c.setPreviewInterval(0);
    c.start(1000000);
    QTRY_VERIFY_WITH_TIMEOUT(c.takeProgress().step >= 1, 60000);
    auto unlabelled = std::make_shared<Dataset>(*tinyData());
    unlabelled->labels = torch::Tensor();
    unlabelled->classNames.clear();
    c.setDataset(unlabelled);
    c.stop();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.last().at(1).toBool()); // it trained
    QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
    c.requestSnapshot(); // answered after the run's end and the data set's attachment
    QVERIFY(snapshots.wait(20000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    c.start(c.step() + 5);
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.last().at(1).toBool());
    QVERIFY(!failed.isEmpty());
    QVERIFY2(failed.last().first().toString().contains(QStringLiteral("labels")),
             qPrintable(failed.last().first().toString()));
}

void TestControllers::samplingDeliversEveryStep()
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
    // The window shows the steps the worker reports: the sampler's own timesteps, frame by frame.
    const auto visited = started.first().first().value<std::vector<int>>();
    QCOMPARE(static_cast<int>(visited.size()), 12);
    const auto frames = s.takeFrames();
    QCOMPARE(frames.size(), 13); // one per step, then x_0
    int lastT = 1001;
    for (int i = 0; i < frames.size(); ++i) {
        QCOMPARE(frames[i].step, i);
        QCOMPARE(frames[i].t, i < 12 ? visited[static_cast<size_t>(i)] : 0);
        QVERIFY(frames[i].t < lastT);
        lastT = frames[i].t;
        QCOMPARE(frames[i].xt.size(), 3);
        QCOMPARE(frames[i].x0Hat.size(), 3);
        QCOMPARE(frames[i].epsHat.size(), 3);
        QCOMPARE(frames[i].xt.first().size(), QSize(16, 16));
    }
    QCOMPARE(frames.last().t, 0);
    QCOMPARE(s.finalImages().size(), 3);

    // Each panel shows its own tensor: a network that says ε̂ = 1.5 everywhere gives an ε̂ panel at
    // 1.5 / 3 on its [−3, 3] scale (grey (0.5 + 1) / 2 · 255 ≈ 191), and an x̂₀ that is not x_t.
    finished.clear();
    r.denoiser = [](const torch::Tensor& x, const torch::Tensor&) { return torch::full_like(x, 1.5); };
    r.options.ddimSteps = 2;
    r.options.count = 1;
    r.options.clipX0 = false;
    s.start(r);
    QVERIFY(finished.wait(60000));
    const auto constant = s.takeFrames();
    QCOMPARE(constant.size(), 3);
    const QImage eps = constant[0].epsHat.first().convertToFormat(QImage::Format_Grayscale8);
    for (const QPoint p : {QPoint(0, 0), QPoint(7, 9), QPoint(15, 15)})
        QVERIFY2(std::abs(qGray(eps.pixel(p)) - 191) <= 1, qPrintable(QString::number(qGray(eps.pixel(p)))));
    QVERIFY(constant[0].x0Hat.first() != constant[0].xt.first());
}

void TestControllers::samplingCancels()
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

    // Cancelled, then asked for again at once with the same settings (before the cancel has landed): a new
    // run, which finishes.
    r.options.kind = SamplerKind::Ddim;
    r.options.ddimSteps = 3;
    QVERIFY(s.start(r) != 0);
    QVERIFY(available.wait(60000));
    s.cancel();
    finished.clear();
    QVERIFY(s.start(r) != 0);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QCOMPARE(finished.last().first().toBool(), true);
}

// File → New model from weights: a new model at step 0, with the classes and training settings asked for,
// whose weights are the other model's EMA weights (a class embedding it lacks starts at zero), and whose
// network and schedule are the other model's; a file that is no checkpoint is refused in words, and the
// model before stays.
void TestControllers::newModelFromWeights()
{
    Trainer source(tinyConfig(), torch::kCPU); // trained three steps: its weights are not a fresh model's
    QVERIFY(source.setDataset(*tinyData()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(source.step());
    const QString path = m_dir.filePath(QStringLiteral("source.ckpt"));
    QVERIFY(source.save(path.toStdString()));

    TrainingController c;
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy failed(&c, &TrainingController::failed);
    ModelConfig settings = tinyConfig(5e-4);
    QVERIFY(setClasses(settings, {"circle", "square", "triangle"}));
    settings.train.batch = 4;
    c.newModel(settings, QStringLiteral("cpu"), path);
    QVERIFY(ready.wait(20000));
    QCOMPARE(failed.count(), 0);
    const auto snap = c.snapshot();
    QCOMPARE(snap->step, 0);
    QVERIFY(snap->config.conditional());
    QCOMPARE(snap->config.train.batch, 4);
    QCOMPARE(snap->config.train.lr, 5e-4);
    std::map<std::string, torch::Tensor> theirs;
    for (const auto& p : source.state().ema->named_parameters())
        theirs.emplace(p.key(), p.value());
    int compared = 0, embeddings = 0;
    for (const auto& p : snap->ema->named_parameters()) {
        if (p.key().rfind("class_emb.", 0) == 0) {
            QVERIFY(p.value().eq(0).all().item<bool>());
            ++embeddings;
            continue;
        }
        QVERIFY2(theirs.count(p.key()) && torch::equal(p.value(), theirs.at(p.key())), p.key().c_str());
        ++compared;
    }
    QCOMPARE(compared, int(theirs.size()));
    QVERIFY(embeddings > 0);

    // The network, schedule and prediction are the source's, whatever the form says.
    ModelConfig cosine = tinyConfig();
    cosine.schedule.kind = ScheduleKind::Cosine;
    Trainer other(cosine, torch::kCPU);
    const QString otherPath = m_dir.filePath(QStringLiteral("cosine.ckpt"));
    QVERIFY(other.save(otherPath.toStdString()));
    c.newModel(tinyConfig(), QStringLiteral("cpu"), otherPath);
    QVERIFY(ready.wait(20000));
    QCOMPARE(c.snapshot()->config.schedule.kind, ScheduleKind::Cosine);
    QVERIFY(!c.snapshot()->config.conditional());
    const auto cosineSnap = c.snapshot();

    // A file that is no checkpoint: refused in words, and the model before stays.
    const QString junk = m_dir.filePath(QStringLiteral("junk.ckpt"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a checkpoint at all");
    f.close();
    c.newModel(tinyConfig(), QStringLiteral("cpu"), junk);
    QVERIFY(failed.wait(20000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("junk.ckpt")), qPrintable(message));
    QCOMPARE(c.snapshot(), cosineSnap);
    QCOMPARE(ready.count(), 2);
}

QTEST_MAIN(TestControllers)
#include "tst_controllers.moc"
