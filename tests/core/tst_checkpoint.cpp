// Checkpoints: round trip, resume that continues exactly, and broken files refused with a message.
#include "checkpoint.h"
#include "trainer.h"

#include <QtTest>

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
} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void resumeContinuesExactly();
    void binLossHistoryKept();
    void samplingOnlyCheckpoint();
    void brokenFilesRefused_data();
    void brokenFilesRefused();
    void weightsThatDisagreeRefused_data();
    void weightsThatDisagreeRefused();
    void failedWriteKeepsOldFile();
    void messageKeepsItsArguments();

private:
    QTemporaryDir m_dir;
    Dataset m_data;
};

void TestCheckpoint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = makeSyntheticShapes(64, 1, 16, 5);
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
    QCOMPARE(loaded->lossHistory[2].loss, trainer.lossHistory()[2].loss);
    torch::NoGradGuard g;
    trainer.model()->eval();
    auto x = torch::randn({2, 1, 16, 16});
    auto t = torch::tensor({5, 600});
    QVERIFY(torch::equal(loaded->model->forward(x, t), trainer.model()->forward(x, t)));
    QVERIFY(torch::equal(loaded->ema->forward(x, t), trainer.ema()->forward(x, t)));
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
    auto a = straight.model()->parameters(), b = second.model()->parameters();
    auto ea = straight.ema()->parameters(), eb = second.ema()->parameters();
    for (size_t i = 0; i < a.size(); ++i) {
        QVERIFY(torch::allclose(a[i], b[i], 1e-5, 1e-7));
        QVERIFY(torch::allclose(ea[i], eb[i], 1e-5, 1e-7));
    }
    QCOMPARE(second.lossHistory()[5].loss, straight.lossHistory()[5].loss);
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
    QCOMPARE(int(loaded->lossHistory.size()), 5);
    QCOMPARE(loaded->lossHistory.back().loss, trainer.lossHistory().back().loss);
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
    QVERIFY(resumed.value()->setDataset(m_data));
    QVERIFY(resumed.value()->step());
    QCOMPARE(resumed.value()->stepCount(), 9);

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
}

void TestCheckpoint::brokenFilesRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("truncated");
    QTest::newRow("flipped byte") << QStringLiteral("flip") << QStringLiteral("damaged");
    QTest::newRow("not a checkpoint") << QStringLiteral("text") << QStringLiteral("not a DDPM Studio checkpoint");
    QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("not a DDPM Studio checkpoint");
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

    torch::serialize::OutputArchive a;
    a.write("format", c10::IValue(std::string("ddpm-studio-checkpoint")));
    for (const auto& field : configFields())
        a.write(field.key, std::visit([](const auto& v) { return c10::IValue(v); }, field.get(described)));
    a.write("step", c10::IValue(int64_t{100}));
    a.write("sampling_only", c10::IValue(true));
    a.write("weights_dtype", c10::IValue(std::string("float32")));
    torch::serialize::OutputArchive ema;
    weights->save(ema);
    a.write("ema", ema);
    const QString path = m_dir.filePath(QStringLiteral("disagree-%1-%2.ckpt").arg(weightsCh).arg(weightsAttention));
    QVERIFY(writeCheckpointFile(a, path.toStdString()));

    auto r = loadCheckpoint(path.toStdString(), torch::kCPU);
    if (weightsCh == described.unet.ch() && weightsAttention) {
        QVERIFY2(r, r ? "" : r.error().c_str());
        QCOMPARE(r->ema->parameterCount(), weights->parameterCount());
        return;
    }
    QVERIFY(!r);
    QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("do not match the model its configuration describes")),
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
    QVERIFY2(failed.error().find("no such file or folder") != std::string::npos, failed.error().c_str());
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
    constexpr int header = 24; // magic 8, version 4, length 8, CRC 4
    const QString expected = QStringLiteral("'%1' is truncated: %2 of %3 bytes are there")
                                 .arg(bad, QString::number(cut.size() - header), QString::number(bytes.size() - header));
    QCOMPARE(QString::fromStdString(r.error()), expected);
    QVERIFY(!r.failure().literal);
    QCOMPARE(r.failure().text, std::string("'%1' is truncated: %2 of %3 bytes are there"));
    QCOMPARE(r.failure().args.size(), size_t(3));
    QCOMPARE(QString::fromStdString(r.failure().args[0].text), bad);
    QVERIFY(r.failure().args[0].literal);
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
