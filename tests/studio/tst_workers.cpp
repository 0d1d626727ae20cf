// The studio's workers under failure and impatience: whatever LibTorch or the standard library throws
// on a worker thread (a data set or batch that fails at step k, a denoiser that throws, a loader that
// runs out of memory) ends as the controller's failed signal with the model as it was; stop and cancel
// given before the worker begins are honoured; repeated Sample clicks make one run; the training form,
// the device and the CPU threads reach the thread that trains; an opened checkpoint shows its figures;
// closing waits for its own save.
#include "dataloader.h"
#include "dialogs.h"
#include "fixtures.h"
#include "imageio.h"
#include "mainwindow.h"
#include "qualitycontroller.h"
#include "reverseview.h"
#include "settings.h"
#include "threadpriority.h"
#include "trainingview.h"

#include "losschart.h"

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QLabel>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <chrono>
#include <thread>
#if defined(__linux__)
#include <sched.h>
#endif
#include <stdexcept>

using namespace ddpm;
using namespace studiotest;

namespace {

// A DDIM request of a few steps for one image from the untrained model.
SamplingRequest tinySampling(int steps, int threads)
{
    SamplingRequest r;
    r.model = untrainedSnapshot();
    r.options.kind = SamplerKind::Ddim;
    r.options.ddimSteps = steps;
    r.options.count = 1;
    r.threads = threads;
    return r;
}

// A fault injected into the batch prefetcher: batch `k` throws once; removed when it goes out of scope.
struct PrefetchFault {
    explicit PrefetchFault(int64_t k)
    {
        auto fired = std::make_shared<std::atomic<bool>>(false);
        BatchPrefetcher::setFaultHook([k, fired](int64_t batch) {
            if (batch == k && !fired->exchange(true))
                throw std::runtime_error("injected fault in batch " + std::to_string(k));
        });
    }
    ~PrefetchFault() { BatchPrefetcher::setFaultHook({}); }
};

} // namespace

class TestWorkers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    // Nothing a worker does takes the window down.
    void prefetcherFailureKeepsModel();
    void throwingDataSetKeepsModel();
    void throwingDenoiserEndsRun_data();
    void throwingDenoiserEndsRun();
    void loaderFailureReported();
    void olderLoadIsStopped();
    void throwingTaskReported();
    void throwingQualityDenoiserEndsRequest_data();
    void throwingQualityDenoiserEndsRequest();
    void abandonedQualityReportsNothing();
    // Stop and Cancel are never lost; clicks do not multiply runs.
    void stopBeforeWorkerBegins();
    void cancelBeforeWorkerBegins();
    void repeatedRequestsMakeOneRun();
    void sampleClicksWhileTrainingMakeOneRun();
    void closeWaitsForItsOwnSave();
    // The controls do what they show.
    void formChangesReachTrainer();
    void deviceChangeAppliesAtStart();
    void threadsApplyOnWorkerThreads();
    void workersRunBelowTheWindow();
    void userWorkSharesTheCores();
    void windowThreadsSetting();
    void openedCheckpointShowsItsFigures();

private:
    std::unique_ptr<MainWindow> makeWindow(Settings& settings);
    void newTrainer(TrainingController& c);
    QTemporaryDir m_dir;
};

void TestWorkers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dialogs::setSilent(true);
    torch::set_num_threads(2);
}

void TestWorkers::cleanup()
{
    BatchPrefetcher::setFaultHook({});
    torch::set_num_threads(2); // the count new threads start with
}

std::unique_ptr<MainWindow> TestWorkers::makeWindow(Settings& settings)
{
    settings.set(setting::BatchSize, 8);
    settings.set(setting::WarmupSteps, 0);
    return studiotest::makeWindow(settings, m_dir.path());
}

void TestWorkers::newTrainer(TrainingController& c)
{
    QSignalSpy ready(&c, &TrainingController::modelReady);
    c.newModel(tinyConfig(), QStringLiteral("cpu"));
    QVERIFY(ready.wait(30000));
    c.setDataset(tinyData());
    c.setPreviewInterval(0);
}

// A task that throws on the training worker (past every request's own guard) is reported with what
// it threw, and the worker goes on: idle, and between the steps of a run, which trains to its end.
void TestWorkers::throwingTaskReported()
{
    TrainingController c;
    newTrainer(c);
    QSignalSpy failed(&c, &TrainingController::failed);
    c.runOnWorker([] { throw std::runtime_error("injected task fault"); });
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.takeFirst().first().toString().contains(QLatin1String("injected task fault")), "the reason");
    c.runOnWorker([] { throw 7; });
    QVERIFY(failed.wait(30000));
    QVERIFY(!failed.takeFirst().first().toString().isEmpty());

    QSignalSpy finished(&c, &TrainingController::finished);
    connect(&c, &TrainingController::progressAvailable, &c, [&c] { c.takeProgress(); }); // as the window does
    c.start(100000);
    QTRY_VERIFY_WITH_TIMEOUT(c.step() >= 2, 30000);
    c.runOnWorker([] { throw std::runtime_error("injected fault mid-run"); });
    QVERIFY(failed.wait(30000));
    QVERIFY(failed.first().first().toString().contains(QLatin1String("injected fault mid-run")));
    const qint64 atFault = c.step();
    QTRY_VERIFY_WITH_TIMEOUT(c.step() >= atFault + 3, 30000); // the run trains on
    QCOMPARE(finished.size(), 0);
    c.stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(failed.size(), 1);
}

namespace {
// 16 images of an untrained tiny model, `runs` times DDIM with 3 steps (3 network calls a run).
QualityRequest tinyQualityRequest(int runs)
{
    QualityRequest r;
    r.model = untrainedSnapshot();
    r.options.count = 16;
    SamplerOptions so;
    so.kind = SamplerKind::Ddim;
    so.ddimSteps = 3;
    r.runs.assign(static_cast<size_t>(runs), so);
    return r;
}
} // namespace

void TestWorkers::throwingQualityDenoiserEndsRequest_data()
{
    QTest::addColumn<bool>("standard");
    QTest::newRow("std::runtime_error") << true;
    QTest::newRow("int") << false;
}

// The quality worker: a denoiser that throws in the second of two runs ends the request as not completed,
// with the reason; the next request on the same worker completes.
void TestWorkers::throwingQualityDenoiserEndsRequest()
{
    if (!fashionMnistAvailable())
        QSKIP("Fashion-MNIST is not installed: quality is measured against its test images");
    QFETCH(bool, standard);
    QualityController q;
    QSignalSpy finished(&q, &QualityController::finished);
    QSignalSpy reports(&q, &QualityController::reportReady);
    QualityRequest r = tinyQualityRequest(2);
    const SamplerOptions so = r.runs.front();
    auto calls = std::make_shared<int>(0);
    r.denoiser = [calls, standard](const torch::Tensor& x, const torch::Tensor&) -> torch::Tensor {
        if (++*calls == 5) { // the second call of the second run
            if (standard)
                throw std::runtime_error("injected quality fault");
            throw 42;
        }
        return torch::zeros_like(x);
    };
    const quint64 id = q.start(r);
    QVERIFY(id > 0);
    QVERIFY(finished.wait(120000));
    auto args = finished.takeFirst();
    QCOMPARE(args.at(0).toULongLong(), id);
    QCOMPARE(args.at(1).toBool(), false);
    const QString error = args.at(2).toString();
    QVERIFY2(standard ? error.contains(QLatin1String("injected quality fault")) : !error.isEmpty(), qPrintable(error));
    QCOMPARE(reports.size(), 1); // the first run was measured
    QVERIFY(!q.isRunning());

    r.denoiser = [](const torch::Tensor& x, const torch::Tensor&) { return torch::zeros_like(x); };
    r.runs = {so};
    const quint64 next = q.start(r);
    QVERIFY(next > id);
    QVERIFY(finished.wait(120000));
    args = finished.takeFirst();
    QCOMPARE(args.at(1).toBool(), true);
    QVERIFY2(args.at(2).toString().isEmpty(), qPrintable(args.at(2).toString()));
}

// A measurement abandoned in its last step (the model it measures was replaced) reports nothing of it
// and ends as not completed; a plain cancel that comes too late to stop it (the user's Stop, same model)
// keeps its report.
void TestWorkers::abandonedQualityReportsNothing()
{
    if (!fashionMnistAvailable())
        QSKIP("Fashion-MNIST is not installed: quality is measured against its test images");
    QualityController q; // one for both: the reference statistics are built once
    QSignalSpy finished(&q, &QualityController::finished);
    QSignalSpy reports(&q, &QualityController::reportReady);
    for (const bool abandon : {true, false}) {
        finished.clear();
        reports.clear();
        QualityRequest r = tinyQualityRequest(1);
        auto reached = std::make_shared<std::atomic<bool>>(false);
        auto release = std::make_shared<std::atomic<bool>>(false);
        auto calls = std::make_shared<int>(0);
        r.denoiser = [=](const torch::Tensor& x, const torch::Tensor&) {
            if (++*calls == 3) { // the last step: held until the test has asked
                reached->store(true);
                while (!release->load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            return torch::zeros_like(x);
        };
        QVERIFY(q.start(r) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(reached->load(), 120000);
        if (abandon)
            q.abandon();
        else
            q.cancel();
        release->store(true);
        QVERIFY(finished.wait(120000));
        QCOMPARE(reports.size(), abandon ? 0 : 1);
        QCOMPARE(finished.first().at(1).toBool(), !abandon);
        QVERIFY(!q.isRunning());
    }
}

// Batch 4 (step 5) fails on the prefetching thread: the window stays up and says why, the model keeps
// step 4, saves, reopens at step 4, and the next Start trains on.
void TestWorkers::prefetcherFailureKeepsModel()
{
    Settings settings(m_dir.filePath(QStringLiteral("prefetch.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    PrefetchFault fault(4);
    QSignalSpy failed(w->training(), &TrainingController::failed);
    QSignalSpy finished(w->training(), &TrainingController::finished);
    w->trainingView()->setTotalSteps(40);
    w->startTraining();
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("injected fault in batch 4")) && message.contains(QStringLiteral("5")),
             qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Exception raised from")), qPrintable(message));
    QCOMPARE(w->lastError(), message);
    QCOMPARE(finished.first().first().toLongLong(), 4);
    QCOMPARE(w->training()->step(), 4);
    QCOMPARE(w->training()->snapshot()->step, 4);
    QCOMPARE(w->training()->state(), TrainingController::State::Idle);

    const QString path = m_dir.filePath(QStringLiteral("after-fault.ckpt"));
    QSignalSpy saved(w->training(), &TrainingController::saved);
    w->saveTo(path);
    QVERIFY(saved.wait(30000));
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY2(loaded, loaded.error().c_str());
    QCOMPARE(loaded->step, 4);

    // Still usable: the next Start goes on from step 4 with a fresh prefetcher.
    w->trainingView()->setTotalSteps(7);
    w->startTraining();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toLongLong(), 7);
    QCOMPARE(failed.count(), 1);
}

// A data set whose images are missing throws inside LibTorch when it is attached: failed, and the
// model, its step and its savability stay as they were.
void TestWorkers::throwingDataSetKeepsModel()
{
    TrainingController c;
    newTrainer(c);
    QSignalSpy finished(&c, &TrainingController::finished);
    c.start(3);
    QVERIFY(finished.wait(60000));
    const auto before = c.snapshot();
    QSignalSpy failed(&c, &TrainingController::failed);
    auto broken = std::make_shared<Dataset>();
    broken->name = "broken";
    c.setDataset(broken); // channels() throws: the tensor is undefined
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("data set")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(c.step(), 3);
    QCOMPARE(c.snapshot(), before);
    const QString path = m_dir.filePath(QStringLiteral("after-broken-data.ckpt"));
    QSignalSpy saved(&c, &TrainingController::saved);
    const quint64 id = c.save(path);
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.first().at(1).toULongLong(), id);
    QCOMPARE(loadCheckpoint(path.toStdString(), torch::kCPU)->step, 3);
    // A good data set again: training goes on.
    c.setDataset(tinyData());
    c.start(5);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toLongLong(), 5);
}

void TestWorkers::throwingDenoiserEndsRun_data()
{
    QTest::addColumn<bool>("standard");
    QTest::newRow("std::exception") << true;
    QTest::newRow("anything else") << false;
}

// A denoiser that throws at its third call: failed with the reason, finished(false), and the next
// request runs.
void TestWorkers::throwingDenoiserEndsRun()
{
    QFETCH(bool, standard);
    SamplingController s;
    QSignalSpy failed(&s, &SamplingController::failed);
    QSignalSpy finished(&s, &SamplingController::finished);
    SamplingRequest r;
    r.model = untrainedSnapshot();
    r.options.kind = SamplerKind::Ddim;
    r.options.ddimSteps = 10;
    r.options.count = 2;
    auto calls = std::make_shared<int>(0);
    r.denoiser = [calls, standard](const torch::Tensor& x, const torch::Tensor&) -> torch::Tensor {
        if (++*calls == 3) {
            if (standard)
                throw std::runtime_error("injected denoiser fault");
            throw 42;
        }
        return torch::zeros_like(x);
    };
    QVERIFY(s.start(r) > 0);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(finished.first().at(1).toBool(), true); // ended by the error, not cancelled
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(standard ? QStringLiteral("injected denoiser fault") : QStringLiteral("unknown")),
             qPrintable(message));
    QVERIFY(!s.isRunning());
    QVERIFY(s.finalImages().isEmpty());

    r.denoiser = {};
    QVERIFY(s.start(r) > 0);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(s.finalImages().size(), 2);
}

void TestWorkers::loaderFailureReported()
{
    DataLoader loader;
    QSignalSpy loaded(&loader, &DataLoader::loaded);
    QSignalSpy failed(&loader, &DataLoader::failed);
    loader.setLoadFunction(
        [](const QString&, int, int, const std::atomic<bool>&) -> Result<Dataset> { throw std::bad_alloc(); });
    loader.load(QStringLiteral("synthetic:50"), 1, 16);
    QVERIFY(loader.isLoading());
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("out of memory")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("synthetic:50"));
    QTRY_VERIFY(!loader.isLoading());
    loader.setLoadFunction({});
    loader.load(QStringLiteral("synthetic:50"), 1, 16);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().value<DatasetPtr>()->size(), 50);
    QCOMPARE(failed.count(), 1);
}

// A newer load stops the one before it (a big folder would go on decoding for nothing), and so does the
// loader's end: the window closes at once rather than after the folder.
void TestWorkers::olderLoadIsStopped()
{
    std::atomic<int> stoppedLoads{0};
    const auto slow = [&](const QString& spec, int, int, const std::atomic<bool>& stop) -> Result<Dataset> {
        if (spec != QLatin1String("slow"))
            return makeSyntheticShapes(20, 1, 16);
        QElapsedTimer since;
        since.start();
        while (!stop.load() && since.elapsed() < 60000)
            QThread::msleep(5);
        if (stop.load())
            ++stoppedLoads;
        return Error{"stopped"};
    };
    QElapsedTimer clock;
    clock.start();
    {
        DataLoader loader;
        QSignalSpy loaded(&loader, &DataLoader::loaded);
        QSignalSpy failed(&loader, &DataLoader::failed);
        loader.setLoadFunction(slow);
        loader.load(QStringLiteral("slow"), 1, 16);
        loader.load(QStringLiteral("quick"), 1, 16);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded.first().at(1).toString(), QStringLiteral("quick"));
        QTRY_COMPARE(stoppedLoads.load(), 1);
        QTRY_VERIFY(!loader.isLoading());
        QVERIFY(failed.isEmpty()); // the older load's end is not news
        loader.load(QStringLiteral("slow"), 1, 16);
        QVERIFY(loader.isLoading());
    } // the destructor stops it
    QCOMPARE(stoppedLoads.load(), 2);
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));

    // The folder loader itself stops at its next file.
    std::atomic<bool> stop{true};
    const auto refused = loadImageFolder(QDir::currentPath(), 1, 16, nullptr, &stop);
    QVERIFY(!refused);
    QVERIFY2(refused.error().find("stopped") != std::string::npos, refused.error().c_str());
}

// stop() right after start(), while the worker is still busy with an earlier task: the run ends at once.
void TestWorkers::stopBeforeWorkerBegins()
{
    TrainingController c;
    newTrainer(c);
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy previews(&c, &TrainingController::previewReady);
    c.requestPreview(); // keeps the worker busy while Start and Stop are given
    c.start(1000000);
    c.stop();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toLongLong() <= 1,
             qPrintable(QString::number(finished.first().first().toLongLong())));
    QCOMPARE(c.state(), TrainingController::State::Idle);
    QVERIFY(!c.isDirty()); // nothing was trained
    QCOMPARE(previews.count(), 1);
}

// Cancel right after Sample, while the worker is still busy with an earlier run: the new run never begins
// (no `started`), and ends as cancelled, not failed.
void TestWorkers::cancelBeforeWorkerBegins()
{
    SamplingController s;
    QSignalSpy finished(&s, &SamplingController::finished);
    QSignalSpy started(&s, &SamplingController::started);
    // A first run holds the worker inside its network until released.
    std::atomic<bool> entered{false}, release{false};
    SamplingRequest busy;
    busy.model = untrainedSnapshot();
    busy.options.count = 1;
    busy.options.kind = SamplerKind::Ddim;
    busy.options.ddimSteps = 2;
    busy.denoiser = [&](const torch::Tensor& x, const torch::Tensor&) {
        entered = true;
        while (!release.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return torch::zeros_like(x);
    };
    QVERIFY(s.start(busy) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(entered.load(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
    SamplingRequest r;
    r.model = untrainedSnapshot();
    r.options.count = 2; // DDPM: 1000 steps
    QVERIFY(s.start(r) > 0);
    s.cancel();
    release = true;
    QTRY_VERIFY_WITH_TIMEOUT(!s.isRunning(), 60000);
    QVERIFY(!finished.isEmpty());
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(finished.last().at(1).toBool(), false); // cancelled, not failed
    QCOMPARE(started.count(), 1);                    // the busy run's: the cancelled one never began
    QVERIFY(s.takeFrames().isEmpty());
}

// The same request while it runs starts nothing new; a different one (another seed) restarts.
void TestWorkers::repeatedRequestsMakeOneRun()
{
    SamplingController s;
    QSignalSpy started(&s, &SamplingController::started);
    QSignalSpy finished(&s, &SamplingController::finished);
    SamplingRequest r;
    r.model = untrainedSnapshot();
    r.options.count = 2; // DDPM: 1000 steps, long enough to click into
    const int first = s.start(r);
    QVERIFY(first > 0);
    QVERIFY(started.wait(60000));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(s.start(r), 0);
    r.options.kind = SamplerKind::Ddim;
    r.options.ddimSteps = 5;
    const int second = s.start(r);
    QVERIFY(second > first);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(s.start(r), 0);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QTRY_COMPARE(started.count(), 2);
    QCOMPARE(s.finalImages().size(), 2);
}

// Five clicks on Sample while training: one copy of the weights, one run.
void TestWorkers::sampleClicksWhileTrainingMakeOneRun()
{
    Settings settings(m_dir.filePath(QStringLiteral("clicks.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 5;
    o.count = 2;
    w->reverseView()->setSamplerOptions(o);
    w->trainingView()->setTotalSteps(1000000);
    w->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w->training()->step() >= 1, 60000);
    QSignalSpy snapshots(w->training(), &TrainingController::snapshotReady);
    QSignalSpy started(w->sampling(), &SamplingController::started);
    QSignalSpy finished(w->sampling(), &SamplingController::finished);
    for (int i = 0; i < 5; ++i)
        w->startSampling();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    // Tasks run in order: once this snapshot is here, every one asked for before it is too.
    w->training()->requestSnapshot();
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 2, 30000);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);
    QSignalSpy trainingDone(w->training(), &TrainingController::finished);
    w->training()->stop();
    QVERIFY(trainingDone.wait(30000));
}

// Closing with Save waits for that save's own answer: a failure of another task queued before it
// (here a broken checkpoint being opened) neither ends the wait nor keeps the window open.
void TestWorkers::closeWaitsForItsOwnSave()
{
    Settings settings(m_dir.filePath(QStringLiteral("close.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(2);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 60000);
    QCOMPARE(w->training()->step(), 2);
    QVERIFY(w->training()->isDirty());
    const QString bad = m_dir.filePath(QStringLiteral("close-bad.ckpt"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a checkpoint");
    f.close();
    QSignalSpy failed(w->training(), &TrainingController::failed);
    w->openCheckpoint(bad);
    const QString path = m_dir.filePath(QStringLiteral("close-save.ckpt"));
    Dialogs::setNextAnswer(QMessageBox::Save);
    Dialogs::setNextSavePath(path);
    w->close();
    QTRY_VERIFY_WITH_TIMEOUT(w->hasClosed(), 60000);
    QCOMPARE(failed.count(), 1); // the open did fail, before the save
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY2(loaded, loaded.error().c_str());
    QCOMPARE(loaded->step, 2);
}

// Batch, learning rate, warm-up, EMA decay and seed edited after the model was made reach the
// trainer at the next Start; the form says they are waiting until then.
void TestWorkers::formChangesReachTrainer()
{
    Settings settings(m_dir.filePath(QStringLiteral("form.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QVERIFY(w->trainingView()->pendingLabel()->text().isEmpty());
    auto c = w->trainingView()->formConfig();
    c.train.batch = 4;
    c.train.lr = 5e-4;
    c.train.warmupSteps = 3;
    c.train.emaDecay = 0.99;
    c.train.seed = 7;
    w->trainingView()->setFormConfig(c);
    const QString pending = w->trainingView()->pendingLabel()->text();
    for (const char* what : {"batch size", "learning rate", "warm-up", "EMA decay", "seed"})
        QVERIFY2(pending.contains(QLatin1String(what)), qPrintable(pending));
    w->trainingView()->setTotalSteps(2);
    QSignalSpy finished(w->training(), &TrainingController::finished);
    w->startTraining();
    // The run uses them from its first step: nothing is waiting any more.
    QCOMPARE(w->training()->state(), TrainingController::State::Running);
    QVERIFY2(w->trainingView()->pendingLabel()->text().isEmpty(),
             qPrintable(w->trainingView()->pendingLabel()->text()));
    QVERIFY(finished.wait(60000));
    const auto& t = w->training()->snapshot()->config.train;
    QCOMPARE(t.batch, 4);
    QCOMPARE(t.lr, 5e-4);
    QCOMPARE(t.warmupSteps, 3);
    QCOMPARE(t.emaDecay, 0.99);
    QCOMPARE(t.seed, uint64_t(7));
    QCOMPARE(t.gradClip, tinyConfig().train.gradClip);         // what the form does not show stays
    QCOMPARE(w->training()->snapshot()->lr, 5e-4 * 2.0 / 3.0); // step 2 of a 3-step warm-up
    QTRY_VERIFY(w->trainingView()->pendingLabel()->text().isEmpty());
    // And the checkpoint saved after has them.
    const QString path = m_dir.filePath(QStringLiteral("form.ckpt"));
    QSignalSpy saved(w->training(), &TrainingController::saved);
    w->saveTo(path);
    QVERIFY(saved.wait(30000));
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(loaded);
    QCOMPARE(loaded->config.train.batch, 4);
    QCOMPARE(loaded->config.train.lr, 5e-4);
    QCOMPARE(loaded->config.train.seed, uint64_t(7));
}

// A device that cannot be had is refused at Start without touching the model; where CUDA is present
// the model moves there and trains on.
void TestWorkers::deviceChangeAppliesAtStart()
{
    TrainingController c;
    newTrainer(c);
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy failed(&c, &TrainingController::failed);
    c.start(2);
    QVERIFY(finished.wait(60000));
    TrainingRequest r;
    r.totalSteps = 4;
    r.device = QStringLiteral("cuda");
    c.start(r);
    QVERIFY(finished.wait(60000));
    if (torch::cuda::is_available()) {
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.last().first().toLongLong(), 4);
        QVERIFY(c.snapshot()->device.is_cuda());
    } else {
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("CUDA")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(finished.last().first().toLongLong(), 2);
        QVERIFY(c.snapshot()->device.is_cpu());
        QCOMPARE(c.state(), TrainingController::State::Idle);
    }
    r.device = QStringLiteral("cpu");
    r.totalSteps = 6;
    c.start(r);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toLongLong(), 6);
    QVERIFY(c.snapshot()->device.is_cpu());
}

// LibTorch's thread count is per thread: the setting reaches the threads that train and sample, also
// when it changes after they have computed.
void TestWorkers::threadsApplyOnWorkerThreads()
{
    TrainingController c;
    newTrainer(c);
    QSignalSpy finished(&c, &TrainingController::finished);
    c.start(2); // the worker has computed with the default
    QVERIFY(finished.wait(60000));
    c.setCpuThreads(1);
    c.start(4);
    QVERIFY(finished.wait(60000));
    auto p = c.takeProgress();
    QCOMPARE(p.threads, 1);
    QCOMPARE(c.workerThreads(), 1);
    TrainingRequest r;
    r.totalSteps = 6;
    r.threads = 2;
    c.start(r);
    QVERIFY(finished.wait(60000));
    QCOMPARE(c.takeProgress().threads, 2);

    SamplingController s;
    QSignalSpy done(&s, &SamplingController::finished);
    SamplingRequest sr = tinySampling(3, 1);
    QVERIFY(s.start(sr) > 0);
    QVERIFY(done.wait(60000));
    QCOMPARE(s.workerThreads(), 1);
    sr.threads = 2;
    QVERIFY(s.start(sr) > 0);
    QVERIFY(done.wait(60000));
    QCOMPARE(s.workerThreads(), 2);
}

// The workers and the OpenMP threads they start run below the GUI thread's priority, so that the window
// answers while training keeps every core busy (Linux, where /proc shows each thread's nice value; the
// OS thread takes the QThread's name, and the threads it starts inherit the name).
namespace {
struct TaskInfo {
    QString name;
    int nice = 0;
    int policy = 0;      // SCHED_OTHER 0, SCHED_IDLE 5
    qint64 cpuTicks = 0; // user and system time
};
QList<TaskInfo> processThreads()
{
    QList<TaskInfo> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // pid (comm) state ppid ...: the fields after the name.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // utime and stime are the 14th and 15th fields of the line, nice the 19th, the scheduling policy the 41st.
        if (fields.size() > 38)
            out.push_back({QString::fromUtf8(comm.readAll().trimmed()), fields[16].toInt(), fields[38].toInt(),
                           fields[11].toLongLong() + fields[12].toLongLong()});
    }
    return out;
}
} // namespace

void TestWorkers::workersRunBelowTheWindow()
{
#if !defined(__linux__)
    QSKIP("thread priorities are checked through Linux's /proc");
#else
    const int guiNice = ThreadPriority::currentNice();
    if (guiNice + ThreadPriority::kBackgroundNice > 19)
        QSKIP("the test runs at nice 10 or more: the workers cannot go lower than 19");
    TrainingController c;
    newTrainer(c);
    QSignalSpy finished(&c, &TrainingController::finished);
    TrainingRequest r;
    r.totalSteps = 2;
    r.threads = 2; // LibTorch starts its OpenMP pool on the worker thread
    c.start(r);
    QVERIFY(finished.wait(60000));
    SamplingController s;
    QSignalSpy done(&s, &SamplingController::finished);
    const SamplingRequest sr = tinySampling(2, 2);
    QVERIFY(s.start(sr) > 0);
    QVERIFY(done.wait(60000));

    int training = 0, sampling = 0;
    for (const TaskInfo& t : processThreads()) {
        if (t.name != QLatin1String("training") && t.name != QLatin1String("sampling"))
            continue;
        (t.name == QLatin1String("training") ? training : sampling) += 1;
        QVERIFY2(
            t.nice == guiNice + ThreadPriority::kBackgroundNice,
            qPrintable(QStringLiteral("%1 thread at nice %2, the GUI at %3").arg(t.name).arg(t.nice).arg(guiNice)));
    }
    QVERIFY2(training >= 2, "the training worker and its OpenMP thread");
    QVERIFY2(sampling >= 2, "the sampling worker and its OpenMP thread");
    QCOMPARE(ThreadPriority::currentNice(), guiNice); // the GUI thread itself is left alone
#endif
}

// File → Follow training run on the same machine: the run keeps every core busy, and the studio's training
// thread runs at SCHED_IDLE (main() sets it), which gets next to nothing then. Opening the run's checkpoint
// and drawing its preview run on the reader thread, and sampling on its own thread, ten nice levels down but
// not idle and on the cores free, so that they come while busy threads (standing in for the run) hold every
// core: at SCHED_IDLE the preview took minutes.
void TestWorkers::userWorkSharesTheCores()
{
#if !defined(__linux__)
    QSKIP("scheduling policies are Linux's");
#else
    if (ThreadPriority::currentNice() + ThreadPriority::kBackgroundNice > 19)
        QSKIP("the test runs at nice 10 or more: the workers cannot go lower than 19");
    const QString path = m_dir.filePath(QStringLiteral("at-rest.ckpt"));
    {
        Trainer t(tinyConfig(), torch::kCPU);
        QVERIFY(t.save(path.toStdString()));
    }
    ThreadPriority::setDepth(ThreadPriority::Depth::Idle);
    auto restore = qScopeGuard([] { ThreadPriority::setDepth(ThreadPriority::Depth::Nice); });
    TrainingController c;
    c.setCpuThreads(0); // the Preferences' default: the cores free when a task starts
    std::atomic<bool> busy{true};
    std::vector<std::thread> run;
    for (unsigned i = 0; i < std::max(2u, std::thread::hardware_concurrency()); ++i)
        run.emplace_back([&busy] {
            while (busy.load(std::memory_order_relaxed)) { }
        });
    auto endRun = qScopeGuard([&] {
        busy = false;
        for (auto& t : run)
            t.join();
    });
    // CPU time by thread name (a thread's OpenMP threads take its name).
    const auto ticks = [] {
        QHash<QString, qint64> t;
        for (const TaskInfo& info : processThreads())
            t[info.name] += info.cpuTicks;
        return t;
    };
    const auto before = ticks();
    QSignalSpy ready(&c, &TrainingController::modelReady);
    QSignalSpy previewed(&c, &TrainingController::previewReady);
    QElapsedTimer clock;
    clock.start();
    c.openCheckpoint(path, QStringLiteral("cpu"));
    QVERIFY(ready.wait(60000));
    c.requestPreview();
    QVERIFY2(previewed.wait(60000), qPrintable(QStringLiteral("no preview after %1 s").arg(clock.elapsed() / 1000)));
    qInfo("opened and previewed in %.1f s beside %zu busy threads", clock.elapsed() / 1000.0, run.size());
    const auto after = ticks();
    const qint64 onReader = after.value(QStringLiteral("reader")) - before.value(QStringLiteral("reader"));
    const qint64 onTraining = after.value(QStringLiteral("training")) - before.value(QStringLiteral("training"));
    QVERIFY2(
        onReader > onTraining,
        qPrintable(
            QStringLiteral("CPU ticks on the reader %1, on the training thread %2").arg(onReader).arg(onTraining)));
    bool trainingIdle = false, readerNice = false;
    for (const TaskInfo& t : processThreads()) {
        if (t.name == QLatin1String("training"))
            trainingIdle = t.policy == SCHED_IDLE;
        if (t.name == QLatin1String("reader"))
            readerNice =
                t.policy == SCHED_OTHER && t.nice == ThreadPriority::currentNice() + ThreadPriority::kBackgroundNice;
    }
    QVERIFY2(trainingIdle, "the training thread keeps SCHED_IDLE: a run yields every core to the window");
    QVERIFY2(readerNice, "the reader shares the cores ten nice levels below the window");

    // Sampling, which the user starts and waits for, shares them too.
    SamplingController s;
    QSignalSpy done(&s, &SamplingController::finished);
    clock.restart();
    QVERIFY(s.start(tinySampling(4, 0)) > 0);
    QVERIFY2(done.wait(60000), qPrintable(QStringLiteral("no samples after %1 s").arg(clock.elapsed() / 1000)));
    QVERIFY(done.first().first().toBool());
    qInfo("sampled in %.1f s beside %zu busy threads, on %d threads", clock.elapsed() / 1000.0, run.size(),
          s.workerThreads());
    bool samplingNice = false;
    for (const TaskInfo& t : processThreads())
        if (t.name == QLatin1String("sampling"))
            samplingNice = t.policy == SCHED_OTHER;
    QVERIFY2(samplingNice, "the sampling thread is not idle");
#endif
}

// The window hands the Preferences' thread count to both workers.
void TestWorkers::windowThreadsSetting()
{
    Settings settings(m_dir.filePath(QStringLiteral("threads.ini")));
    settings.set(setting::CpuThreads, 1);
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    w->trainingView()->setTotalSteps(2);
    w->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->step(), 2, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(w->training()->state(), TrainingController::State::Idle, 30000);
    QCOMPARE(w->training()->workerThreads(), 1);
    SamplerOptions o;
    o.kind = SamplerKind::Ddim;
    o.ddimSteps = 3;
    o.count = 1;
    w->reverseView()->setSamplerOptions(o);
    QSignalSpy done(w->sampling(), &SamplingController::finished);
    w->startSampling();
    QVERIFY(done.wait(60000));
    QCOMPARE(w->sampling()->workerThreads(), 1);
}

// After opening a checkpoint the statistics show its step, last loss and learning rate; figures not
// measured yet show as a dash, not as 0.00.
void TestWorkers::openedCheckpointShowsItsFigures()
{
    const QString path = m_dir.filePath(QStringLiteral("figures.ckpt"));
    float lastLoss = 0;
    {
        auto config = tinyConfig();
        config.dataSpec = "synthetic:120"; // the window's data set: no note that Start would change it
        Trainer t(config, torch::kCPU);
        QVERIFY(t.setDataset(*tinyData()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(t.step());
        lastLoss = t.lossHistory().back().loss;
        QVERIFY(t.save(path.toStdString()));
    }
    Settings settings(m_dir.filePath(QStringLiteral("figures.ini")));
    auto w = makeWindow(settings);
    QTRY_VERIFY_WITH_TIMEOUT(w->isReady(), 60000);
    QSignalSpy ready(w->training(), &TrainingController::modelReady);
    QVERIFY(w->trainingView()->startButton()->isEnabled());
    const QString before = w->windowTitle();
    w->openCheckpoint(path);
    // While the checkpoint is on its way, Start waits for it: the window's form, file and data check are
    // still the previous model's (Start on the demo model would name it as the file trained a copy of).
    QVERIFY(w->training()->isOpening());
    QVERIFY(!w->trainingView()->startButton()->isEnabled());
    w->startTraining();
    QCOMPARE(w->training()->state(), TrainingController::State::Idle);
    QCOMPARE(w->windowTitle(), before);
    QVERIFY(ready.wait(30000));
    QTRY_VERIFY(!w->training()->isOpening());
    QVERIFY(w->trainingView()->startButton()->isEnabled());
    QCOMPARE(w->training()->step(), 3); // nothing trained on either model
    QVERIFY(!w->training()->isDirty());
    const QString stats = w->trainingView()->statisticsLabel()->text();
    QVERIFY2(stats.contains(QStringLiteral("<b>3</b>")), qPrintable(stats));
    QVERIFY2(stats.contains(QString::number(lastLoss, 'f', 4)), qPrintable(stats));
    QVERIFY2(stats.contains(QString::number(1e-3, 'g', 3)), qPrintable(stats));
    QVERIFY2(!stats.contains(QStringLiteral("0.00<")), qPrintable(stats));
    QVERIFY(w->trainingView()->pendingLabel()->text().isEmpty()); // the form shows the checkpoint's settings
}

QTEST_MAIN(TestWorkers)
#include "tst_workers.moc"
