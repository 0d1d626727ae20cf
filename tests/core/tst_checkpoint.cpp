// Checkpoints: round trip, resume that continues exactly, and broken files refused with a message.
#include "modelfile.h"
#include "atomicfile.h"
#include "classifier.h"
#include "trainer.h"

#include "../common/smalldisk.h"

#include <QtTest>

#include <torch/script.h>
#include <zlib.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QStorageInfo>
#include <cstring>
#include <limits>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace ddpm;

namespace {
ModelConfig tinyConfig()
{
    auto c = makeConfig("tiny").value();
    c.train.batch = 8;
    c.train.seed = 21;
    c.train.warmupSteps = 3;
    c.schedule.kind = ScheduleKind::Cosine;
    c.prediction = Prediction::V;
    c.dataSpec = "synthetic";
    return c;
}

QByteArray readAll(const QString& p)
{
    QFile f(p);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeAll(const QString& p, const QByteArray& b)
{
    QFile f(p);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(b);
}

// Adam's state of two trainers, parameter by parameter: the same steps and the same moments, bit for bit.
bool optimizerStatesEqual(Trainer& x, Trainer& y)
{
    const auto px = x.model()->parameters(), py = y.model()->parameters();
    // The optimizer is private: compare through a checkpoint of each, tensor by tensor.
    QTemporaryDir dir;
    const auto fx = dir.filePath(QStringLiteral("x.ckpt")).toStdString();
    const auto fy = dir.filePath(QStringLiteral("y.ckpt")).toStdString();
    if (!x.save(fx) || !y.save(fy))
        return false;
    auto rx = readTensorFile(fx), ry = readTensorFile(fy);
    if (!rx || !ry)
        return false;
    int compared = 0;
    for (const auto& [name, t] : rx->tensors) {
        if (name.rfind("optimizer.", 0) != 0)
            continue;
        const auto other = ry->tensor(name);
        if (!other.defined() || !torch::equal(t, other))
            return false;
        ++compared;
    }
    // exp_avg, exp_avg_sq and step of every parameter.
    return compared == 3 * int(px.size()) && compared == 3 * int(py.size());
}

// The container of format 1, as earlier versions wrote it: magic, version, length, CRC-32 and a
// LibTorch archive. Only for tests that check such files still open.
QByteArray format1File(const QByteArray& payload)
{
    QByteArray file("DDPMCKPT", 8);
    auto put = [&](uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            file.append(char((v >> (8 * i)) & 0xff));
    };
    put(1, 4);
    put(payload.size(), 8);
    put(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(payload.data()), uInt(payload.size())), 4);
    return file + payload;
}

void writeFormat1(torch::serialize::OutputArchive& archive, const QString& path)
{
    std::ostringstream os(std::ios::binary);
    archive.save_to(os);
    const std::string payload = os.str();
    writeAll(path, format1File(QByteArray(payload.data(), qsizetype(payload.size()))));
}

// The rest of a sampling-only checkpoint (step 10, the EMA weights only) after the settings a test wrote.
bool finishEmaOnly(CheckpointWriter& w, const UNet& weights, const QString& path)
{
    w.value("step", int64_t{10});
    w.value("sampling_only", true);
    w.module("ema", *weights);
    return static_cast<bool>(w.write(path.toStdString()));
}

// The checkpoint schema of format 1, written the way Trainer::save wrote it then.
void writeFormat1Checkpoint(Trainer& t, const QString& path)
{
    torch::serialize::OutputArchive a;
    a.write("format", c10::IValue(std::string("ddpm-studio-checkpoint")));
    for (const auto& field : configFields())
        a.write(field.key, std::visit([](const auto& v) { return c10::IValue(v); }, field.get(t.config())));
    a.write("step", c10::IValue(t.stepCount()));
    a.write("sampling_only", c10::IValue(true)); // as the demo model shipped: EMA weights only
    a.write("weights_dtype", c10::IValue(std::string("float32")));
    torch::serialize::OutputArchive ema;
    t.ema()->save(ema);
    a.write("ema", ema);
    a.write("loss_history", torch::tensor({1.0, 0.5, 2.0, 0.25}, torch::kFloat64).reshape({2, 2}));
    writeFormat1(a, path);
}
} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void failedResultRefusesItsValue();
    void everySettingSurvivesTheFile();
    void resumeContinuesExactly();
    void binLossHistoryKept();
    void samplingOnlyCheckpoint();
    void brokenFilesRefused_data();
    void brokenFilesRefused();
    void weightsThatDisagreeRefused_data();
    void weightsThatDisagreeRefused();
    void failedWriteKeepsOldFile();
    void failedWriteOverAFileKeepsIt_data();
    void failedWriteOverAFileKeepsIt();
    void headerBitFlipRefused();
    void messageKeepsItsArguments();
    void codeCarryingArchiveRefused_data();
    void codeCarryingArchiveRefused();
    void format1StillOpens();
    void tensorFileHeadersValidated_data();
    void tensorFileHeadersValidated();
    void onlyRegularFilesOpened();
    void savesKeepModeAndFollowLinks();
    void streamsWrittenDirectly();
    void staleTemporariesRemoved();
    void sizesFromFileLimited_data();
    void sizesFromFileLimited();
    void settingsAbsentOrOfAnotherKindNamed_data();
    void settingsAbsentOrOfAnotherKindNamed();
    void weightsThatAreNotNumbersRefused();
    void laterFormatAndClassCountRefused();
    void fullDiskKeepsOldFile();

private:
    QTemporaryDir m_dir;
    Dataset m_data;
};

void TestCheckpoint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = makeSyntheticShapes(64, 1, 16, 5);
}

// A failure's value asked for (a caller that skipped ok()) is a logic_error naming the failure, not a read
// of an empty optional; a success gives its value.
void TestCheckpoint::failedResultRefusesItsValue()
{
    const auto missing = CheckpointReader::open("/no/such/folder/model.ckpt");
    QVERIFY(!missing);
    try {
        (void)missing.value();
        QFAIL("the value of a failure was given");
    } catch (const std::logic_error& e) {
        QVERIFY2(std::string(e.what()).find(missing.error()) != std::string::npos, e.what());
    }
    const Result<int> three = 3;
    QCOMPARE(three.value(), 3);
    Result<int> failed = fail("no %1 here", "value");
    QVERIFY_THROWS_EXCEPTION(std::logic_error, (void)failed.value());
    QVERIFY_THROWS_EXCEPTION(std::logic_error, (void)std::move(failed).value());
}

void TestCheckpoint::roundTrip()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(m_data));
    for (int i = 0; i < 3; ++i)
        QVERIFY(trainer.step());
    const QString path = m_dir.filePath(QStringLiteral("a.ckpt"));
    QVERIFY(trainer.save(path.toStdString()));
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY2(loaded, loaded.ok() ? "" : loaded.error().c_str());
    QCOMPARE(loaded->step, 3);
    QCOMPARE(loaded->config.preset, std::string("tiny"));
    QCOMPARE(int(loaded->config.schedule.kind), int(ScheduleKind::Cosine));
    QCOMPARE(int(loaded->config.prediction), int(Prediction::V));
    QCOMPARE(loaded->config.train.batch, 8);
    QCOMPARE(loaded->config.unet.chMult(), trainer.config().unet.chMult());
    QCOMPARE(int(loaded->lossHistory.size()), 3);
    QCOMPARE(loaded->lossHistory.recent()[2].loss, trainer.lossHistory().recent()[2].loss);
    torch::NoGradGuard g;
    trainer.model()->eval();
    auto x = torch::randn({2, 1, 16, 16});
    auto t = torch::tensor({5, 600});
    QVERIFY(torch::equal(loaded->model->forward(x, t), trainer.model()->forward(x, t)));
    QVERIFY(torch::equal(loaded->ema->forward(x, t), trainer.ema()->forward(x, t)));
}

void TestCheckpoint::everySettingSurvivesTheFile()
{
    // Every setting away from its default, written and read back: each member as it was set (compared
    // member by member here, not through the schema's own getters), and every row of configFields() differs
    // from the default, so a setting added without a value here fails too.
    auto c = makeConfig("tiny").value();
    const auto defaults = c;
    c.preset = "custom";
    c.unet.ch(8).chMult({1, 1, 2}).numResBlocks(2).attnResolutions({4}).dropout(0.05).imageChannels(3).imageSize(8);
    c.schedule.kind = ScheduleKind::Cosine;
    c.schedule.steps = 50;
    c.schedule.betaStart = 2e-4;
    c.schedule.betaEnd = 0.03;
    c.schedule.cosineOffset = 0.01;
    c.schedule.maxBeta = 0.98;
    c.prediction = Prediction::V;
    c.dataSpec = "synthetic:100";
    c.train.batch = 6;
    c.train.lr = 3e-4;
    c.train.warmupSteps = 7;
    c.train.gradClip = 0.7;
    c.train.emaDecay = 0.99;
    c.train.hflip = !defaults.train.hflip;
    c.train.seed = 12345;
    c.train.totalSteps = 777;
    c.train.lossBins = 12;
    QVERIFY(setClasses(c, {"cat", "dog", "owl"}));
    c.train.pUncond = 0.25;
    c.initFrom = "other.ckpt";
    for (const auto& field : configFields())
        QVERIFY2(field.get(c) != field.get(defaults), field.key);

    Trainer trainer(c, torch::kCPU);
    const auto path = m_dir.filePath(QStringLiteral("settings.ckpt")).toStdString();
    QVERIFY(trainer.save(path));
    auto reader = CheckpointReader::open(path);
    QVERIFY(reader);
    const auto read = readModelConfig(*reader.value());
    QVERIFY2(read, read ? "" : read.error().c_str());
    const auto& r = read.value();
    QCOMPARE(r.preset, c.preset);
    QCOMPARE(r.unet.ch(), c.unet.ch());
    QCOMPARE(r.unet.chMult(), c.unet.chMult());
    QCOMPARE(r.unet.numResBlocks(), c.unet.numResBlocks());
    QCOMPARE(r.unet.attnResolutions(), c.unet.attnResolutions());
    QCOMPARE(r.unet.dropout(), c.unet.dropout());
    QCOMPARE(r.unet.imageChannels(), c.unet.imageChannels());
    QCOMPARE(r.unet.imageSize(), c.unet.imageSize());
    QCOMPARE(r.unet.numClasses(), int64_t(3));
    QCOMPARE(int(r.schedule.kind), int(c.schedule.kind));
    QCOMPARE(r.schedule.steps, c.schedule.steps);
    QCOMPARE(r.schedule.betaStart, c.schedule.betaStart);
    QCOMPARE(r.schedule.betaEnd, c.schedule.betaEnd);
    QCOMPARE(r.schedule.cosineOffset, c.schedule.cosineOffset);
    QCOMPARE(r.schedule.maxBeta, c.schedule.maxBeta);
    QCOMPARE(int(r.prediction), int(c.prediction));
    QCOMPARE(r.dataSpec, c.dataSpec);
    QCOMPARE(r.classNames, c.classNames);
    QCOMPARE(r.train.batch, c.train.batch);
    QCOMPARE(r.train.lr, c.train.lr);
    QCOMPARE(r.train.warmupSteps, c.train.warmupSteps);
    QCOMPARE(r.train.gradClip, c.train.gradClip);
    QCOMPARE(r.train.emaDecay, c.train.emaDecay);
    QCOMPARE(r.train.hflip, c.train.hflip);
    QCOMPARE(r.train.seed, c.train.seed);
    QCOMPARE(r.train.totalSteps, c.train.totalSteps);
    QCOMPARE(r.train.lossBins, c.train.lossBins);
    QCOMPARE(r.train.pUncond, c.train.pUncond);
    QCOMPARE(r.initFrom, c.initFrom);
}

void TestCheckpoint::resumeContinuesExactly()
{
    // 6 steps straight through, against 3 steps + save + resume + 3 steps: the same weights, EMA and
    // optimizer state (tiny has no dropout, and batch k is a function of (seed, k)).
    Trainer straight(tinyConfig(), torch::kCPU);
    QVERIFY(straight.setDataset(m_data));
    for (int i = 0; i < 6; ++i)
        QVERIFY(straight.step());

    const QString path = m_dir.filePath(QStringLiteral("resume.ckpt"));
    {
        Trainer first(tinyConfig(), torch::kCPU);
        QVERIFY(first.setDataset(m_data));
        for (int i = 0; i < 3; ++i)
            QVERIFY(first.step());
        QVERIFY(first.save(path.toStdString()));
    }
    auto resumed = Trainer::resume(path.toStdString(), torch::kCPU);
    QVERIFY2(resumed, resumed.ok() ? "" : resumed.error().c_str());
    auto& second = *resumed.value();
    QCOMPARE(second.stepCount(), 3);
    QVERIFY(second.setDataset(m_data));
    for (int i = 0; i < 3; ++i)
        QVERIFY(second.step());
    QCOMPARE(second.stepCount(), 6);
    QCOMPARE(int(second.lossHistory().size()), 6);
    // Bit-exact: the engine's batches, noise and optimizer state are restored exactly.
    auto a = straight.model()->parameters(), b = second.model()->parameters();
    auto ea = straight.ema()->parameters(), eb = second.ema()->parameters();
    for (size_t i = 0; i < a.size(); ++i) {
        QVERIFY(torch::equal(a[i], b[i]));
        QVERIFY(torch::equal(ea[i], eb[i]));
    }
    QVERIFY(optimizerStatesEqual(straight, second));
    for (int i = 0; i < 6; ++i)
        QCOMPARE(second.lossHistory().recent()[size_t(i)].loss, straight.lossHistory().recent()[size_t(i)].loss);
}

void TestCheckpoint::samplingOnlyCheckpoint()
{
    // The demo model's form: EMA weights only, in fp32 (bit-identical) or fp16 (rounded), without the
    // optimizer; it loads for sampling and resumes training from the EMA weights.
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(m_data));
    for (int i = 0; i < 8; ++i)
        QVERIFY(trainer.step());
    const auto full = m_dir.filePath(QStringLiteral("full.ckpt")).toStdString();
    const auto lean = m_dir.filePath(QStringLiteral("lean.ckpt")).toStdString();
    const auto half = m_dir.filePath(QStringLiteral("half.ckpt")).toStdString();
    QVERIFY(trainer.save(full));
    QVERIFY(exportSamplingCheckpoint(full, lean, false, 5));
    QVERIFY(exportSamplingCheckpoint(full, half, true));
    QVERIFY(QFileInfo(QString::fromStdString(lean)).size() < QFileInfo(QString::fromStdString(full)).size() / 2);
    QVERIFY(QFileInfo(QString::fromStdString(half)).size() < QFileInfo(QString::fromStdString(lean)).size() * 2 / 3);

    auto loaded = loadCheckpoint(lean, torch::kCPU);
    QVERIFY2(loaded, loaded.ok() ? "" : loaded.error().c_str());
    QVERIFY(loaded->samplingOnly);
    QCOMPARE(loaded->step, 8);
    // The newest 5 steps as they were, the 3 before folded into a bucket (their min, max and mean).
    QCOMPARE(int(loaded->lossHistory.size()), 8);
    QCOMPARE(int(loaded->lossHistory.recent().size()), 5);
    QCOMPARE(loaded->lossHistory.back().loss, trainer.lossHistory().back().loss);
    QCOMPARE(int(loaded->lossHistory.buckets().size()), 1);
    const auto& b = loaded->lossHistory.buckets().front();
    QCOMPARE(b.firstStep, int64_t{1});
    QCOMPARE(b.lastStep, int64_t{3});
    const auto& all = trainer.lossHistory().recent();
    QCOMPARE(b.min, std::min({all[0].loss, all[1].loss, all[2].loss}));
    QCOMPARE(b.max, std::max({all[0].loss, all[1].loss, all[2].loss}));
    // The loss per timestep bin comes along as it was (its history: binLossHistoryKept).
    QCOMPARE(loaded->binLoss.size(), trainer.binLoss().size());
    QVERIFY(!trainer.binLoss().empty());
    for (size_t i = 0; i < trainer.binLoss().size(); ++i) // NaN: a bin no step has drawn yet
        QVERIFY(std::isnan(trainer.binLoss()[i]) ? std::isnan(loaded->binLoss[i])
                                                 : loaded->binLoss[i] == trainer.binLoss()[i]);
    auto ema = trainer.ema()->parameters();
    auto leanEma = loaded->ema->parameters(), leanModel = loaded->model->parameters();
    auto halfLoaded = loadCheckpoint(half, torch::kCPU);
    QVERIFY2(halfLoaded, halfLoaded.ok() ? "" : halfLoaded.error().c_str());
    auto halfEma = halfLoaded->ema->parameters();
    bool halfRounded = false;
    for (size_t i = 0; i < ema.size(); ++i) {
        QVERIFY(torch::equal(leanEma[i], ema[i]));
        QVERIFY(torch::equal(leanModel[i], ema[i]));
        QCOMPARE(halfEma[i].scalar_type(), torch::kFloat32);
        QVERIFY(torch::equal(halfEma[i], ema[i].to(torch::kHalf).to(torch::kFloat32)));
        halfRounded = halfRounded || !torch::equal(halfEma[i], ema[i]);
    }
    QVERIFY(halfRounded);

    // Training from it starts at its step from the averaged weights, with a fresh optimizer.
    auto resumed = Trainer::resume(half, torch::kCPU);
    QVERIFY2(resumed, resumed.ok() ? "" : resumed.error().c_str());
    QCOMPARE(resumed.value()->stepCount(), 8);
    auto model = resumed.value()->model()->parameters();
    for (size_t i = 0; i < model.size(); ++i)
        QVERIFY(torch::equal(model[i], halfEma[i]));
    QVERIFY(resumed.value()->state().samplingOnly); // its raw weights are the EMA ones, as read
    QVERIFY(resumed.value()->setDataset(m_data));
    QVERIFY(resumed.value()->step());
    QCOMPARE(resumed.value()->stepCount(), 9);
    QVERIFY(!resumed.value()->state().samplingOnly); // until a step makes them its own
    QVERIFY(!Trainer::resume(full, torch::kCPU).value()->state().samplingOnly);

    // A sampling-only file is not a source for another export's training weights, but exports again.
    QVERIFY(exportSamplingCheckpoint(lean, m_dir.filePath(QStringLiteral("again.ckpt")).toStdString(), false));
    QVERIFY(!exportSamplingCheckpoint(m_dir.filePath(QStringLiteral("none.ckpt")).toStdString(), lean, false));
    QVERIFY(loadCheckpoint(lean, torch::kCPU)); // the failed export left the file as it was
}

void TestCheckpoint::binLossHistoryKept()
{
    auto c = tinyConfig();
    c.train.batch = 4;
    Trainer trainer(c, torch::kCPU);
    QVERIFY(trainer.setDataset(m_data));
    for (int i = 0; i < 20; ++i)
        QVERIFY(trainer.step());
    const QString path = m_dir.filePath(QStringLiteral("bins.ckpt"));
    QVERIFY(trainer.save(path.toStdString()));
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(loaded);
    QCOMPARE(int(loaded->binLossHistory.size()), 2);
    QCOMPARE(loaded->binLossHistory[1].step, 20);
    const auto& a = loaded->binLossHistory[1].binLoss;
    const auto& b = trainer.binLossHistory()[1].binLoss;
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i)
        QVERIFY(std::isnan(a[i]) ? std::isnan(b[i]) : a[i] == b[i]);
    auto resumed = Trainer::resume(path.toStdString(), torch::kCPU);
    QVERIFY(resumed);
    QCOMPARE(int(resumed.value()->binLossHistory().size()), 2);
    // A sampling-only export keeps the heat map's rows.
    const QString lean = m_dir.filePath(QStringLiteral("bins-lean.ckpt"));
    QVERIFY(exportSamplingCheckpoint(path.toStdString(), lean.toStdString(), true));
    const auto exported = loadCheckpoint(lean.toStdString(), torch::kCPU);
    QVERIFY(exported);
    QCOMPARE(int(exported->binLossHistory.size()), 2);
    for (size_t k = 0; k < 2; ++k) {
        QCOMPARE(exported->binLossHistory[k].step, trainer.binLossHistory()[k].step);
        const auto& e = exported->binLossHistory[k].binLoss;
        const auto& t = trainer.binLossHistory()[k].binLoss;
        QCOMPARE(e.size(), t.size());
        for (size_t i = 0; i < e.size(); ++i)
            QVERIFY(std::isnan(t[i]) ? std::isnan(e[i]) : e[i] == t[i]);
    }
}

void TestCheckpoint::brokenFilesRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("truncated");
    QTest::newRow("flipped byte") << QStringLiteral("flip") << QStringLiteral("damaged");
    QTest::newRow("not a checkpoint") << QStringLiteral("text") << QStringLiteral("not a DDPM Studio checkpoint");
    QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("is empty (0 bytes): it holds no model");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot open");
    QTest::newRow("trailing bytes") << QStringLiteral("append") << QStringLiteral("unexpected bytes");
}

void TestCheckpoint::brokenFilesRefused()
{
    QFETCH(QString, damage);
    QFETCH(QString, message);
    const QString good = m_dir.filePath(QStringLiteral("good.ckpt"));
    if (!QFile::exists(good)) {
        Trainer trainer(tinyConfig(), torch::kCPU);
        QVERIFY(trainer.save(good.toStdString()));
    }
    const QByteArray bytes = readAll(good);
    const QString bad = m_dir.filePath(QStringLiteral("bad-%1.ckpt").arg(damage));
    if (damage == QLatin1String("truncate"))
        writeAll(bad, bytes.left(bytes.size() / 2));
    else if (damage == QLatin1String("flip")) {
        QByteArray b = bytes;
        b[b.size() / 2] = char(b[b.size() / 2] ^ 0x5a);
        writeAll(bad, b);
    } else if (damage == QLatin1String("text"))
        writeAll(bad, "step,loss\n1,0.5\n");
    else if (damage == QLatin1String("empty"))
        writeAll(bad, {});
    else if (damage == QLatin1String("append"))
        writeAll(bad, bytes + "xyz");
    auto r = loadCheckpoint(bad.toStdString(), torch::kCPU);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
    QVERIFY(!Trainer::resume(bad.toStdString(), torch::kCPU));
}

// A well-formed checkpoint whose weights are not those of the network its configuration describes
// (wider, or without its attention layers) is refused when it is opened, with a message that says so, instead of
// failing later in the middle of a step (LibTorch's loading replaces tensors whatever their shape).
void TestCheckpoint::weightsThatDisagreeRefused_data()
{
    QTest::addColumn<int>("weightsCh");
    QTest::addColumn<bool>("weightsAttention");
    QTest::newRow("agree (control)") << 16 << true;
    QTest::newRow("wider weights") << 32 << true;
    QTest::newRow("weights without attention") << 16 << false;
}

void TestCheckpoint::weightsThatDisagreeRefused()
{
    QFETCH(int, weightsCh);
    QFETCH(bool, weightsAttention);
    const ModelConfig described = tinyConfig(); // ch 16, attention at 8×8
    QCOMPARE(described.unet.ch(), 16);
    QVERIFY(!described.unet.attnResolutions().empty());
    UNetOptions other = described.unet;
    other.ch(weightsCh);
    if (!weightsAttention)
        other.attnResolutions({});
    QVERIFY(validateUNetOptions(other));
    torch::manual_seed(3);
    UNet weights(other);

    CheckpointWriter w("ddpm-studio-checkpoint");
    writeModelConfig(w, described);
    w.value("step", int64_t{100});
    w.value("sampling_only", true);
    w.module("ema", *weights);
    const QString path = m_dir.filePath(QStringLiteral("disagree-%1-%2.ckpt").arg(weightsCh).arg(weightsAttention));
    QVERIFY(w.write(path.toStdString()));

    auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
    if (weightsCh == described.unet.ch() && weightsAttention) {
        QVERIFY2(r, r ? "" : r.error().c_str());
        QCOMPARE(r->ema->parameterCount(), weights->parameterCount());
        return;
    }
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(
                 QStringLiteral("do not match the model its configuration describes")),
             r.error().c_str());
}

void TestCheckpoint::failedWriteKeepsOldFile()
{
    const QString path = m_dir.filePath(QStringLiteral("keep.ckpt"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.save(path.toStdString()));
    const QByteArray before = readAll(path);
    // Writing into a folder that does not exist fails before anything is renamed.
    const auto failed = trainer.save(m_dir.filePath(QStringLiteral("no/such/dir/x.ckpt")).toStdString());
    QVERIFY(!failed);
    QVERIFY2(failed.error().find("the folder '" + m_dir.filePath(QStringLiteral("no/such/dir")).toStdString() +
                                 "' does not exist") != std::string::npos,
             failed.error().c_str());
    // Into a "folder" that is a file: said so, not that it does not exist.
    const auto intoFile = trainer.save((path + QStringLiteral("/x.ckpt")).toStdString());
    QVERIFY2(!intoFile &&
                 intoFile.error().find("'" + path.toStdString() + "' is a file, not a folder") != std::string::npos,
             intoFile ? "saved" : intoFile.error().c_str());
    QCOMPARE(readAll(path), before);
    QVERIFY(loadCheckpoint(path.toStdString(), torch::kCPU));
    // No temporary files are left behind.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.tmp-*")}).size(), 0);
}

// An engine message is a template and its arguments (so the studio can translate it). Filled in, it
// names the file and the sizes, and a file name that itself holds "%2" is not filled in again.
void TestCheckpoint::messageKeepsItsArguments()
{
    const QString good = m_dir.filePath(QStringLiteral("args.ckpt"));
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.save(good.toStdString()));
    const QByteArray bytes = readAll(good);
    const QString bad = m_dir.filePath(QStringLiteral("odd %2 name.ckpt"));
    const QByteArray cut = bytes.left(bytes.size() - 1000);
    writeAll(bad, cut);
    auto r = loadCheckpoint(bad.toStdString(), torch::kCPU);
    QVERIFY(!r);
    // The sizes are the file's, as a file manager shows them: what is there, what the header asks for.
    const QString expected = QStringLiteral("'%1' is truncated: %2 of %3 bytes are there")
                                 .arg(bad, QString::number(cut.size()), QString::number(bytes.size()));
    QCOMPARE(QString::fromStdString(r.error()), expected);
    QVERIFY(!r.failure().literal);
    QCOMPARE(r.failure().text, std::string("'%1' is truncated: %2 of %3 bytes are there"));
    QCOMPARE(r.failure().args.size(), size_t(3));
    QCOMPARE(QString::fromStdString(r.failure().args[0].text), bad);
    QVERIFY(r.failure().args[0].literal);
}

// A checkpoint of the old container whose TorchScript archive carries a class with a __setstate__
// (tests/fixtures/make_code_carrying_checkpoint.py): LibTorch's loader runs it and creates a marker
// file; opening it in any of the program's ways is refused, says why, and runs nothing.
// The fixture as written, and varied: its code records named in capitals (LibTorch's zip reader finds
// "code/x.py" under "CODE/x.py" too), and a record whose declared size would unpack far beyond its bytes.
void TestCheckpoint::codeCarryingArchiveRefused_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("message");
    QTest::newRow("as written") << QString() << QStringLiteral("carries TorchScript code ('code/__torch__.py')");
    QTest::newRow("code in capitals") << QStringLiteral("CODE")
                                      << QStringLiteral("carries TorchScript code ('CODE/__torch__.py')");
    QTest::newRow("code in mixed case") << QStringLiteral("Code")
                                        << QStringLiteral("carries TorchScript code ('Code/__torch__.py')");
    QTest::newRow("unpacks to 16 MiB") << QStringLiteral("bomb")
                                       << QStringLiteral("'archive/code/__torch__.py' would unpack to 16777216 bytes");
}

void TestCheckpoint::codeCarryingArchiveRefused()
{
    QFETCH(QString, variant);
    QFETCH(QString, message);
    const char* marker = "/tmp/ddpm-studio-security-marker"; // the path the fixture's code writes
    const QByteArray fixture = readAll(QStringLiteral(DDPM_SOURCE_DIR "/tests/fixtures/code-carrying.ckpt"));
    QVERIFY(fixture.size() > 24);
    QByteArray payload = fixture.mid(24);
    const QByteArray codeRecord("archive/code/__torch__.py");
    if (variant == QLatin1String("bomb")) {
        // The central directory's entry (signature PK\1\2, its name 46 bytes on) declares 16 MiB unpacked.
        qsizetype name = -1;
        for (qsizetype at = payload.indexOf(codeRecord); at >= 0; at = payload.indexOf(codeRecord, at + 1))
            if (at > 46 && payload.mid(at - 46, 4) == QByteArray("PK\x01\x02", 4) &&
                (uchar(payload[at - 46 + 28]) | uchar(payload[at - 46 + 29]) << 8) == codeRecord.size())
                name = at;
        QVERIFY(name > 46);
        const uint32_t declared = 16u << 20;
        for (int i = 0; i < 4; ++i)
            payload[name - 46 + 24 + i] = char((declared >> (8 * i)) & 0xff);
    } else if (!variant.isEmpty()) {
        payload.replace(codeRecord.left(13), "archive/" + variant.toLatin1() + '/');
    }
    const QString path = m_dir.filePath(QStringLiteral("code-%1.ckpt").arg(variant));
    writeAll(path, format1File(payload));
    ::unlink(marker);
    if (variant != QLatin1String("bomb")) {
        // The control: deserialised by torch::jit::load, as format 1 was read before, the code runs.
        std::istringstream is(std::string(payload.constData(), size_t(payload.size())), std::ios::binary);
        try {
            torch::jit::load(is);
        } catch (const std::exception&) {
        }
        QVERIFY2(QFile::exists(QString::fromLatin1(marker)),
                 "the file's code did not run under torch::jit::load: the checks below would prove nothing");
        ::unlink(marker);
    }
    const std::string file = path.toStdString();
    auto loaded = loadCheckpoint(file, torch::kCPU);
    QVERIFY(!loaded);
    QVERIFY2(QString::fromStdString(loaded.error()).contains(message), loaded.error().c_str());
    QVERIFY(!Trainer::resume(file, torch::kCPU));
    QVERIFY(!CheckpointReader::open(file));
    const QString converted = m_dir.filePath(QStringLiteral("converted.ckpt"));
    QVERIFY(!convertCheckpoint(file, converted.toStdString()));
    QVERIFY2(!QFile::exists(QString::fromLatin1(marker)), "opening the checkpoint ran the code inside it");
    QVERIFY(!QFile::exists(converted));
}

// Checkpoints of the old container without code (the demo model and anything users saved) still open,
// bit for bit, and convert to the current format; the shipped demo model is of the current format.
void TestCheckpoint::format1StillOpens()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(m_data));
    for (int i = 0; i < 3; ++i)
        QVERIFY(trainer.step());
    const QString old = m_dir.filePath(QStringLiteral("format1.ckpt"));
    writeFormat1Checkpoint(trainer, old);
    auto loaded = loadCheckpoint(old.toStdString(), torch::kCPU);
    QVERIFY2(loaded, loaded.ok() ? "" : loaded.error().c_str());
    QCOMPARE(loaded->formatVersion, 1);
    QCOMPARE(loaded->step, 3);
    QCOMPARE(int(loaded->lossHistory.size()), 2);
    QCOMPARE(loaded->lossHistory.recent()[1].step, int64_t{2});
    const QString now = m_dir.filePath(QStringLiteral("format2.ckpt"));
    QVERIFY(convertCheckpoint(old.toStdString(), now.toStdString()));
    auto converted = loadCheckpoint(now.toStdString(), torch::kCPU);
    QVERIFY2(converted, converted.ok() ? "" : converted.error().c_str());
    QCOMPARE(converted->formatVersion, kCheckpointVersion);
    const auto e = trainer.ema()->parameters(), a = loaded->ema->parameters(), b = converted->ema->parameters();
    QCOMPARE(a.size(), e.size());
    for (size_t i = 0; i < e.size(); ++i) {
        QVERIFY(torch::equal(a[i], e[i]));
        QVERIFY(torch::equal(b[i], e[i]));
    }
    // The new file is a plain safetensors file: its header names the tensors.
    const QByteArray bytes = readAll(now);
    QVERIFY(bytes.mid(8, 1) == "{");
    QVERIFY(bytes.contains("\"ema.conv_in.weight\"") || bytes.contains("\"ema."));
    auto demo = loadCheckpoint(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt", torch::kCPU);
    QVERIFY2(demo, demo.ok() ? "" : demo.error().c_str());
    QCOMPARE(demo->formatVersion, kCheckpointVersion);
    // The shipped classifier too (its BatchNorm counts stay integers through the conversion).
    auto classifier = loadClassifier(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-classifier.ckpt", torch::kCPU);
    QVERIFY2(classifier, classifier.ok() ? "" : classifier.error().c_str());
    QCOMPARE(int(classifier->classNames.size()), 10);
    auto reader = CheckpointReader::open(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-classifier.ckpt");
    QVERIFY(reader);
    QCOMPARE(reader.value()->formatVersion(), kCheckpointVersion);

    // A damaged file of format 1 is refused with its reason, not read as weights: a byte of the stored
    // tensors flipped (the checksum), the file cut short, bytes after it.
    const QByteArray whole = readAll(old);
    const auto refusal = [this](const QByteArray& bytes) {
        const QString path = m_dir.filePath(QStringLiteral("format1-damaged.ckpt"));
        writeAll(path, bytes);
        auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
        return r ? std::string("opened") : r.error();
    };
    QByteArray flipped = whole;
    flipped[flipped.size() - 4000] = static_cast<char>(flipped.at(flipped.size() - 4000) ^ 0x10);
    QVERIFY(refusal(flipped).find("its checksum does not match its contents") != std::string::npos);
    const std::string cut = refusal(whole.left(whole.size() - 100));
    QVERIFY2(cut.find("is truncated: " + std::to_string(whole.size() - 100) + " of " + std::to_string(whole.size()) +
                      " bytes") != std::string::npos,
             cut.c_str());
    QVERIFY(refusal(whole + "more").find("unexpected bytes after the checkpoint") != std::string::npos);
    QVERIFY(refusal(whole) == "opened"); // the control
}

void TestCheckpoint::tensorFileHeadersValidated_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("dataBytes");
    QTest::addColumn<QString>("message"); // empty: valid
    const QByteArray a = R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]})";
    QTest::newRow("valid (control)") << "{" + a + "}" << 8 << QString();
    QTest::newRow("overlap") << "{" + a + R"(,"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})" << 12
                             << QStringLiteral("overlap or leave gaps");
    QTest::newRow("gap") << "{" + a + R"(,"b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})" << 20
                         << QStringLiteral("overlap or leave gaps");
    QTest::newRow("shape against bytes") << QByteArray(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})") << 8
                                         << QStringLiteral("do not match its shape");
    QTest::newRow("past the end") << "{" + a + "}" << 4 << QStringLiteral("truncated");
    QTest::newRow("trailing bytes") << "{" + a + "}" << 12 << QStringLiteral("unexpected bytes");
    QTest::newRow("huge by shape")
        << QByteArray(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})") << 8
        << QStringLiteral("larger than the file");
    QTest::newRow("negative size") << QByteArray(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})") << 8
                                   << QStringLiteral("malformed");
    QTest::newRow("unknown type") << QByteArray(R"({"a":{"dtype":"F8","shape":[2],"data_offsets":[0,2]}})") << 2
                                  << QStringLiteral("type this program does not read");
    QTest::newRow("extra field") << QByteArray(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],"x":1}})") << 8
                                 << QStringLiteral("malformed");
    QTest::newRow("metadata not text") << QByteArray(R"({"__metadata__":{"k":1}})") << 0
                                       << QStringLiteral("not a string");
    QTest::newRow("deeply nested") << "{\"__metadata__\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}" << 0
                                   << QStringLiteral("nested too deeply");
    QTest::newRow("not JSON") << QByteArray("{\"a\":") << 0 << QStringLiteral("not a JSON object");
    QTest::newRow("rank too high") << QByteArray(
                                          R"({"a":{"dtype":"U8","shape":[1,1,1,1,1,1,1,1,1],"data_offsets":[0,1]}})")
                                   << 1 << QStringLiteral("malformed");
}

void TestCheckpoint::tensorFileHeadersValidated()
{
    QFETCH(QByteArray, header);
    QFETCH(int, dataBytes);
    QFETCH(QString, message);
    QByteArray file;
    for (int i = 0; i < 8; ++i)
        file.append(char((uint64_t(header.size()) >> (8 * i)) & 0xff));
    file += header;
    QByteArray data(dataBytes, '\0');
    const float values[2] = {1.5f, -2.0f};
    if (dataBytes >= 8)
        std::memcpy(data.data(), values, 8);
    file += data;
    const QString path = m_dir.filePath(QStringLiteral("header.safetensors"));
    writeAll(path, file);
    auto r = readTensorFile(path.toStdString());
    if (message.isEmpty()) {
        QVERIFY2(r, r.ok() ? "" : r.error().c_str());
        QVERIFY(torch::equal(r->tensor("a"), torch::tensor({1.5f, -2.0f})));
        return;
    }
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
    // The same header announced as longer than the file is refused before it is read.
    QByteArray claims = file;
    claims[4] = char(0x01);
    writeAll(path, claims);
    auto c = readTensorFile(path.toStdString());
    QVERIFY(!c);
    QVERIFY2(c.error().find("is truncated or damaged: its header claims ") != std::string::npos &&
                 c.error().find("and the file holds " + std::to_string(claims.size()) + " in all") != std::string::npos,
             c.error().c_str());
}

// A device, a pipe or a folder is refused before anything is read (a FIFO would block, /dev/zero never ends).
void TestCheckpoint::onlyRegularFilesOpened()
{
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.ckpt"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    const std::pair<std::string, QString> cases[] = {
        {"/dev/zero", QStringLiteral("not a regular file")},
        {fifo.toStdString(), QStringLiteral("not a regular file")},
        {m_dir.path().toStdString(), QStringLiteral("is a folder")},
    };
    for (const auto& [path, message] : cases) {
        QElapsedTimer timer;
        timer.start();
        auto r = loadCheckpoint(path, torch::kCPU);
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
        QVERIFY(!readTensorFile(path));
        QVERIFY(timer.elapsed() < 5000);
    }
}

// A bit flipped in the header (β_end 0.02 read as 0.03, T = 1000 as 1001) is caught like one in the
// weights, by the header's own checksum; a file without that checksum (an older one) still opens.
// A write that fails half-way over an existing file (a full disk, an error in what writes it): the file
// keeps its bytes, no temporary is left, and the message says the file is unchanged. Without root (no
// small disk to fill, fullDiskKeepsOldFile) this is the test that the target is not written in place.
void TestCheckpoint::failedWriteOverAFileKeepsIt_data()
{
    QTest::addColumn<bool>("throws");
    QTest::newRow("write error") << false;
    QTest::newRow("exception") << true;
}

void TestCheckpoint::failedWriteOverAFileKeepsIt()
{
    QFETCH(bool, throws);
    const QString path = m_dir.filePath(QStringLiteral("kept-%1.bin").arg(throws));
    const std::string before(100000, 'a');
    QVERIFY(writeFileAtomically(path.toStdString(), before));
    const auto status = writeFileAtomicallyWith(path.toStdString(), [throws](std::FILE* f) {
        const std::string half(70000, 'b');
        if (std::fwrite(half.data(), 1, half.size(), f) != half.size() || std::fflush(f) != 0)
            return false;
        if (throws)
            throw std::runtime_error("the encoder gave up");
        errno = ENOSPC;
        return false;
    });
    QVERIFY(!status);
    QVERIFY2(status.error().find("the previous file, if any, is unchanged") != std::string::npos,
             status.error().c_str());
    if (!throws)
        QVERIFY2(status.error().find("the disk is full") != std::string::npos, status.error().c_str());
    QCOMPARE(readAll(path), QByteArray::fromStdString(before));
    const QString name = QFileInfo(path).fileName();
    QCOMPARE(QDir(m_dir.path()).entryList({name + QLatin1Char('*')}, QDir::Files | QDir::Hidden), QStringList{name});
}

void TestCheckpoint::headerBitFlipRefused()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    const QString path = m_dir.filePath(QStringLiteral("header.ckpt"));
    QVERIFY(trainer.save(path.toStdString()));
    const QByteArray good = readAll(path);
    QVERIFY(loadCheckpoint(path.toStdString(), torch::kCPU));
    for (const char* from : {"\\\"schedule.beta_end\\\":0.02", "\\\"schedule.steps\\\":1000"}) {
        const int at = good.indexOf(from);
        QVERIFY2(at > 0, from);
        QByteArray bad = good;
        const int digit = at + int(std::strlen(from)) - 1; // the last digit: 2 → 3, or 0 → 1
        bad[digit] = char(bad[digit] ^ 0x01);
        writeAll(path, bad);
        const auto opened = loadCheckpoint(path.toStdString(), torch::kCPU);
        QVERIFY2(!opened, from);
        QVERIFY2(QString::fromStdString(opened.error()).contains(QStringLiteral("checksum")), opened.error().c_str());
        QVERIFY(!readTensorFile(path.toStdString())); // the whole-file reader checks it too
    }
    // Without the header's checksum (as written before it existed), the same bytes open.
    const int key = good.indexOf("\"ddpm.header_crc32\":\"");
    QVERIFY(key > 0);
    // But a bit flipped in the checksum's key is damage, not a file without one (each checksum's key).
    for (const char* name : {"\"ddpm.header_crc32\":\"", "\"ddpm.crc32\":\""}) {
        QByteArray flipped = good;
        const int at = good.indexOf(name);
        QVERIFY2(at > 0, name);
        flipped[at + 1] = char(flipped[at + 1] ^ 0x01); // "edpm.…"
        writeAll(path, flipped);
        const auto damaged = loadCheckpoint(path.toStdString(), torch::kCPU);
        QVERIFY2(!damaged && damaged.error().find("is damaged: its header has the key \"edpm.") != std::string::npos,
                 damaged ? name : damaged.error().c_str());
    }
    QByteArray older = good;
    older.replace(key, 19, "\"ddpm.old_field_32\"");
    writeAll(path, older);
    const auto opened = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY2(opened, opened ? "" : opened.error().c_str());
    // Metadata that is not UTF-8 (a path in Latin-1) is written as U+FFFD, and the checksum is over that.
    TensorFile latin;
    latin.metadata["ddpm.data"] = "csv:/data/caf\xe9.csv";
    latin.tensors["x"] = torch::ones({2});
    const std::string file = m_dir.filePath(QStringLiteral("latin.safetensors")).toStdString();
    QVERIFY(writeTensorFile(file, latin));
    const auto read = readTensorFile(file);
    QVERIFY2(read, read ? "" : read.error().c_str());
    QCOMPARE(read->meta("ddpm.data"), std::string("csv:/data/caf\xef\xbf\xbd.csv"));
}

// A new checkpoint gets the user's umask, a replaced one keeps its mode; saving through a symbolic link
// replaces the file it points to and keeps the link.
void TestCheckpoint::savesKeepModeAndFollowLinks()
{
    Trainer trainer(tinyConfig(), torch::kCPU);
    const QString path = m_dir.filePath(QStringLiteral("mode.ckpt"));
    const mode_t old = ::umask(027);
    const auto saved = trainer.save(path.toStdString());
    ::umask(old);
    QVERIFY(saved);
    struct stat st { };
    QCOMPARE(::stat(path.toLocal8Bit().constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0640);
    QCOMPARE(::chmod(path.toLocal8Bit().constData(), 0600), 0);
    QVERIFY(trainer.save(path.toStdString()));
    QCOMPARE(::stat(path.toLocal8Bit().constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    // A file made read-only is not replaced (a rename would, the folder being writable), even by root.
    QCOMPARE(::chmod(path.toLocal8Bit().constData(), 0444), 0);
    const QByteArray before = readAll(path);
    const auto refused = trainer.save(path.toStdString());
    QVERIFY(!refused);
    QVERIFY2(QString::fromStdString(refused.error()).contains(QStringLiteral("read-only")), refused.error().c_str());
    QCOMPARE(readAll(path), before);
    QCOMPARE(::chmod(path.toLocal8Bit().constData(), 0600), 0);

    const QString link = m_dir.filePath(QStringLiteral("link.ckpt"));
    QVERIFY(QFile::link(path, link));
    QVERIFY(trainer.setDataset(m_data));
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(link.toStdString()));
    QVERIFY(QFileInfo(link).isSymLink());
    auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(r);
    QCOMPARE(r->step, 1);
    // A relative link (latest.ckpt → runs/run5.ckpt) names its target from the link's folder, not from the
    // folder the program runs in.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("runs")));
    const QString target = m_dir.filePath(QStringLiteral("runs/run5.ckpt")),
                  latest = m_dir.filePath(QStringLiteral("latest.ckpt"));
    QVERIFY(trainer.save(target.toStdString()));
    QCOMPARE(::symlink("runs/run5.ckpt", latest.toLocal8Bit().constData()), 0);
    QVERIFY(QDir::current() != QDir(m_dir.path()));
    QVERIFY(trainer.step());
    QVERIFY(trainer.save(latest.toStdString()));
    QVERIFY(QFileInfo(latest).isSymLink());
    r = loadCheckpoint(target.toStdString(), torch::kCPU);
    QVERIFY(r);
    QCOMPARE(r->step, 2);
    QVERIFY(!QFileInfo::exists(QStringLiteral("runs/run5.ckpt"))); // nothing beside the program
}

// A pipe or a terminal (`--csv /dev/stdout`, `/dev/null`) has no earlier file to keep: it is written to
// directly and stays what it was; checking one does not wait for a reader. A full device says so.
void TestCheckpoint::streamsWrittenDirectly()
{
    const QString fifo = m_dir.filePath(QStringLiteral("out.csv"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(checkWritable(fifo.toStdString())); // no reader: opening it to write would block
    QVERIFY(timer.elapsed() < 5000);
    QByteArray received;
    std::thread reader([&] {
        QFile f(fifo);
        if (f.open(QIODevice::ReadOnly))
            received = f.readAll();
    });
    const auto written = writeFileAtomically(fifo.toStdString(), "t,bits\n1,0.5\n");
    if (!written) // the reader waits for a writer: let it go
        ::close(::open(fifo.toLocal8Bit().constData(), O_WRONLY));
    reader.join();
    QVERIFY2(written, written.ok() ? "" : written.error().c_str());
    QCOMPARE(received, QByteArray("t,bits\n1,0.5\n"));
    struct stat st { };
    QCOMPARE(::lstat(fifo.toLocal8Bit().constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode)); // not replaced by a regular file
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("out.csv.tmp-*")}, QDir::Files | QDir::Hidden).size(), 0);

    // A socket cannot be opened by its name: refused before any work, not after it.
    const QString socketPath = m_dir.filePath(QStringLiteral("socket.csv"));
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socketPath.toLocal8Bit().constData(), sizeof address.sun_path - 1);
    QCOMPARE(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    const auto socketRefused = checkWritable(socketPath.toStdString());
    ::close(sock);
    QVERIFY(!socketRefused);
    QVERIFY2(socketRefused.error().find("not a regular file") != std::string::npos, socketRefused.error().c_str());

    const QString toNull = m_dir.filePath(QStringLiteral("null.csv"));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), toNull));
    QVERIFY(writeFileAtomically(toNull.toStdString(), "discarded"));
    QVERIFY(QFileInfo(toNull).isSymLink());
    if (QFileInfo::exists(QStringLiteral("/dev/full"))) {
        const auto full = writeFileAtomically("/dev/full", std::string(1 << 16, 'x'));
        QVERIFY(!full);
        QVERIFY2(full.error().find("the disk is full") != std::string::npos, full.error().c_str());
    }
}

// A save removes temporaries that a killed save of this program left beside the file (their process is
// gone), and leaves those of a process that still runs.
void TestCheckpoint::staleTemporariesRemoved()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    QVERIFY(child > 0);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    const QString path = m_dir.filePath(QStringLiteral("stale.ckpt"));
    const QString dead = path + QStringLiteral(".tmp-%1-abc123").arg(child);
    const QString alive = path + QStringLiteral(".tmp-%1-xyz789").arg(::getpid());
    writeAll(dead, "half a checkpoint");
    writeAll(alive, "another save in progress");
    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.save(path.toStdString()));
    QVERIFY(!QFile::exists(dead));
    QVERIFY(QFile::exists(alive));
    QFile::remove(alive);
}

// Sizes and counts read from a file are checked against core/sizelimits.h before anything is built.
void TestCheckpoint::sizesFromFileLimited_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("width") << QStringLiteral("model.ch") << (qint64(1) << 40) << QStringLiteral("invalid model");
    QTest::newRow("depth") << QStringLiteral("model.num_res_blocks") << qint64(1000000)
                           << QStringLiteral("invalid model");
    QTest::newRow("timesteps") << QStringLiteral("schedule.steps") << qint64(1000000000)
                               << QStringLiteral("invalid schedule");
    QTest::newRow("loss bins") << QStringLiteral("train.loss_bins") << qint64(1000000000)
                               << QStringLiteral("invalid training settings");
    QTest::newRow("batch") << QStringLiteral("train.batch") << (qint64(1) << 30)
                           << QStringLiteral("invalid training settings");
    QTest::newRow("negative step") << QStringLiteral("step") << qint64(-5) << QStringLiteral("impossible");
    QTest::newRow("huge step") << QStringLiteral("step") << std::numeric_limits<qint64>::max()
                               << QStringLiteral("impossible");
    QTest::newRow("many levels") << QStringLiteral("model.ch_mult") << qint64(-1) << QStringLiteral("invalid model");
    // Beyond an int: refused, not wrapped round to the number in the low 32 bits, and named with the value
    // stored (not the bound an int would make of it).
    for (const auto& [key, value] :
         {std::pair{"schedule.steps", (qint64(1) << 32) + 1000}, std::pair{"train.batch", (qint64(1) << 32) + 8},
          std::pair{"train.warmup_steps", (qint64(1) << 32) + 5}, std::pair{"train.loss_bins", qint64(1000000000000)},
          std::pair{"schedule.steps", -(qint64(1) << 32) - 7}})
        QTest::addRow("%s = %lld", key, static_cast<long long>(value))
            << QString::fromLatin1(key) << value
            << QStringLiteral("setting %1 = %2 is far beyond any valid value").arg(QLatin1String(key)).arg(value);
}

void TestCheckpoint::sizesFromFileLimited()
{
    QFETCH(QString, key);
    QFETCH(qint64, value);
    QFETCH(QString, message);
    const ModelConfig c = tinyConfig();
    UNet weights(c.unet);
    CheckpointWriter w("ddpm-studio-checkpoint");
    writeModelConfig(w, c);
    w.value("step", int64_t{10});
    w.value("sampling_only", true);
    if (key == QLatin1String("model.ch_mult"))
        w.value(key.toStdString(), std::vector<int64_t>(40, 1));
    else
        w.value(key.toStdString(), int64_t(value));
    w.module("ema", *weights);
    const QString path = m_dir.filePath(QStringLiteral("limits.ckpt"));
    QVERIFY(w.write(path.toStdString()));
    auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
    QVERIFY(!Trainer::resume(path.toStdString(), torch::kCPU));
}

// A setting that is absent and one that holds what it cannot (text for a number, a list of numbers for
// class names) are told apart, and named; an optional setting that is there but unreadable is not taken
// for absent (and its default).
void TestCheckpoint::settingsAbsentOrOfAnotherKindNamed_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stored"); // "" absent, "text", "numbers", or "null" (as JSON has it)
    QTest::addColumn<QString>("message");
    QTest::newRow("absent") << QStringLiteral("model.ch") << QString()
                            << QStringLiteral("the setting 'model.ch' is missing");
    QTest::newRow("text for a number") << QStringLiteral("model.ch") << QStringLiteral("text")
                                       << QStringLiteral("the setting 'model.ch' holds the wrong kind of value");
    QTest::newRow("optional, text for a number")
        << QStringLiteral("train.p_uncond") << QStringLiteral("text")
        << QStringLiteral("the setting 'train.p_uncond' holds the wrong kind of value");
    QTest::newRow("optional, null") << QStringLiteral("train.p_uncond") << QStringLiteral("null")
                                    << QStringLiteral("the setting 'train.p_uncond' holds the wrong kind of value");
    QTest::newRow("optional, numbers for names")
        << QStringLiteral("model.class_names") << QStringLiteral("numbers")
        << QStringLiteral("the setting 'model.class_names' holds the wrong kind of value");
}

void TestCheckpoint::settingsAbsentOrOfAnotherKindNamed()
{
    QFETCH(QString, key);
    QFETCH(QString, stored);
    QFETCH(QString, message);
    const ModelConfig c = tinyConfig();
    UNet weights(c.unet);
    CheckpointWriter w("ddpm-studio-checkpoint");
    for (const auto& field : configFields())
        if (QString::fromLatin1(field.key) != key)
            w.value(field.key, field.get(c));
    if (stored == QLatin1String("text"))
        w.value(key.toStdString(), std::string("sixteen"));
    else if (stored == QLatin1String("numbers"))
        w.value(key.toStdString(), std::vector<int64_t>{1, 2});
    else if (stored == QLatin1String("null"))
        w.value(key.toStdString(), 0.25); // then "0.25" becomes "null" in the file's header, by hand
    const QString path = m_dir.filePath(QStringLiteral("setting.ckpt"));
    QVERIFY(finishEmaOnly(w, weights, path));
    if (stored == QLatin1String("null")) {
        QByteArray bytes = readAll(path);
        const QByteArray before = key.toLatin1() + "\\\":0.25";
        QCOMPARE(bytes.count(before), 1);
        // A deliberate edit drops the header's checksum (renamed to a key of the same length, unread).
        QCOMPARE(bytes.count("\"ddpm.header_crc32\""), 1);
        bytes.replace("\"ddpm.header_crc32\"", "\"ddpm.old_field_32\"");
        writeAll(path, bytes.replace(before, key.toLatin1() + "\\\":null"));
    }
    auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
}

// A checkpoint of a later format is refused with both versions, not read as this one's; one that names
// fewer classes than its model has is refused with both counts.
void TestCheckpoint::laterFormatAndClassCountRefused()
{
    const ModelConfig c = tinyConfig();
    UNet weights(c.unet);
    CheckpointWriter w("ddpm-studio-checkpoint");
    writeModelConfig(w, c);
    const QString later = m_dir.filePath(QStringLiteral("later.ckpt"));
    QVERIFY(finishEmaOnly(w, weights, later));
    QByteArray bytes = readAll(later);
    const auto versionField = [](int v) { return "\"format_version\":\"" + QByteArray::number(v) + "\""; };
    QCOMPARE(bytes.count(versionField(kCheckpointVersion)), 1);
    QCOMPARE(bytes.count("\"ddpm.header_crc32\""), 1); // an edit by hand: its checksum renamed, unread
    bytes.replace("\"ddpm.header_crc32\"", "\"ddpm.old_field_32\"");
    writeAll(later, bytes.replace(versionField(kCheckpointVersion), versionField(kCheckpointVersion + 1)));
    auto r = loadCheckpoint(later.toStdString(), torch::kCPU);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(
                 QStringLiteral("is a checkpoint of format version %1; this program reads version %2")
                     .arg(kCheckpointVersion + 1)
                     .arg(kCheckpointVersion)),
             r.error().c_str());

    ModelConfig conditional = c;
    QVERIFY(setClasses(conditional, std::vector<std::string>{"coat", "shirt", "bag"}));
    UNet conditionalWeights(conditional.unet);
    CheckpointWriter named("ddpm-studio-checkpoint");
    writeModelConfig(named, conditional);
    named.value("model.class_names", std::vector<std::string>{"coat", "shirt"});
    const QString twoNames = m_dir.filePath(QStringLiteral("two-names.ckpt"));
    QVERIFY(finishEmaOnly(named, conditionalWeights, twoNames));
    r = loadCheckpoint(twoNames.toStdString(), torch::kCPU);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("names 2 classes for a model of 3")),
             r.error().c_str());
}

// Weights with a NaN (a run that diverged, a damaged export): refused with the tensor named, instead
// of sampling blank images.
void TestCheckpoint::weightsThatAreNotNumbersRefused()
{
    const ModelConfig c = tinyConfig();
    UNet weights(c.unet);
    const auto named = weights->named_parameters();
    {
        torch::NoGradGuard guard;
        named[3].value().view(-1)[0] = std::numeric_limits<float>::quiet_NaN();
    }
    CheckpointWriter w("ddpm-studio-checkpoint");
    writeModelConfig(w, c);
    const QString path = m_dir.filePath(QStringLiteral("nan.ckpt"));
    QVERIFY(finishEmaOnly(w, weights, path));
    auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("values that are not numbers")) &&
                 QString::fromStdString(r.error()).contains(QString::fromStdString(named[3].key())),
             r.error().c_str());
    QVERIFY(!Trainer::resume(path.toStdString(), torch::kCPU));
}

// A full disk while saving: a clear message, the earlier checkpoint unchanged, no temporary left. On a
// small tmpfs mounted for the test (root only; skipped with a message elsewhere).
void TestCheckpoint::fullDiskKeepsOldFile()
{
    const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk"));
    DDPM_MOUNT_SMALL_DISK(disk, mountPoint, QStringLiteral("8m"));

    Trainer trainer(tinyConfig(), torch::kCPU);
    QVERIFY(trainer.setDataset(m_data));
    QVERIFY(trainer.step());
    const QString path = mountPoint + QStringLiteral("/full.ckpt");
    QVERIFY(trainer.save(path.toStdString()));
    const QByteArray before = readAll(path);
    QVERIFY(before.size() > 1 << 20);
    // Fill the disk until less than the checkpoint's size is free.
    {
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'x');
        while (QStorageInfo(mountPoint).bytesAvailable() > before.size() / 2)
            if (filler.write(block) != block.size())
                break;
    }
    QVERIFY(trainer.step());
    const auto failed = trainer.save(path.toStdString());
    QVERIFY(!failed);
    QVERIFY2(failed.error().find("unchanged") != std::string::npos, failed.error().c_str());
    QVERIFY2(failed.error().find("the disk is full") != std::string::npos, failed.error().c_str());
    QCOMPARE(readAll(path), before);
    auto loaded = loadCheckpoint(path.toStdString(), torch::kCPU);
    QVERIFY(loaded);
    QCOMPARE(loaded->step, 1);
    QCOMPARE(QDir(mountPoint).entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden).size(), 0);
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
