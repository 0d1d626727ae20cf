// The ddpm command end to end on tiny settings: its names and outputs are an interface.
#include "animation.h"

#include "clitest.h"
#include "../common/smalldisk.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QElapsedTimer>

#include "dataset.h"
#include "tensorfile.h"
#include "trainer.h"

#include <algorithm>
#include <csignal>
#include <sys/stat.h>
#include <sys/types.h>
#include <QTemporaryDir>

#include <torch/torch.h>

using clitest::onlyWithQt;
using clitest::RowArgs;

class TestCli : public CliTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scheduleCsv();
    void dataSpecExitCodes();
    void trainInfoSampleResume();
    void bench();
    void userErrors_data();
    void userErrors();
    void optionValues_data();
    void optionValues();
    void benchHelp();
    void everyCommandHasHelp_data();
    void everyCommandHasHelp();
    void checkpointFromBuildWithoutQt();
    void sameCommandsInBothBuilds();
    void buildWithoutQtRefusesWhatNeedsQt_data();
    void buildWithoutQtRefusesWhatNeedsQt();
    void cudaWhereAvailable();
    void imageFolderWithOddFiles();
    void interruptSavesCheckpoint_data();
    void interruptSavesCheckpoint();
    void measuringStopsOnCtrlC_data();
    void measuringStopsOnCtrlC();
    void initFromMissingModel();
    void outFolderCheckedFirst();
    void outputsThatWouldLoseAFileRefused();
    void outputThatCannotBeWrittenFails();
    void optionsCheckedBeforeWork();
    void killedRunsLoseNothing();
    void failedLastSaveRescued();
    void fullDiskDuringTraining();
    void selfcheckAndExportSucceed();
    void nllOfTheDemoModel();
    void nllPiecesMakeTheWhole();
    void toyTrainsSamplesAndRefuses();
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCli::scheduleCsv()
{
    auto r = run({QStringLiteral("schedule"), QStringLiteral("--kind"), QStringLiteral("cosine"),
                  QStringLiteral("--steps"), QStringLiteral("50")});
    QCOMPARE(r.code, 0);
    const auto lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 51);
    QCOMPARE(lines[0],
             QByteArray("t,beta,alpha,alpha_bar,sqrt_alpha_bar,sqrt_one_minus_alpha_bar,posterior_variance,snr"));
    const auto first = lines[1].split(',');
    QCOMPARE(first.size(), 8);
    QCOMPARE(first[0], QByteArray("1"));
    QCOMPARE(first[6].toDouble(), 0.0); // β̃_1 = 0
    // Every value carries at least 10 significant digits.
    const auto mid = lines[25].split(',');
    for (int k = 1; k < 8; ++k) {
        QByteArray digits = mid[k];
        digits.replace("-", "").replace(".", "");
        if (digits.contains('e'))
            digits = digits.left(digits.indexOf('e'));
        while (digits.startsWith('0'))
            digits.remove(0, 1);
        QVERIFY2(digits.size() >= 10, mid[k].constData());
    }
    QCOMPARE(lines.last().split(',')[1].toDouble(), 0.999); // cosine cap at t = T
    // Each column from the β column by the paper's definitions: α_t = 1 − β_t, ᾱ_t = Π α_s, their square
    // roots, β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t (eq. 7) and SNR = ᾱ_t / (1 − ᾱ_t).
    double alphaBar = 1;
    for (int t = 1; t <= 50; ++t) {
        const auto c = lines[t].split(',');
        const double beta = c[1].toDouble(), previous = alphaBar;
        alphaBar *= 1 - beta;
        const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-12 + 1e-10 * std::abs(b); };
        QVERIFY2(near(c[2].toDouble(), 1 - beta) && near(c[3].toDouble(), alphaBar) &&
                     near(c[4].toDouble(), std::sqrt(alphaBar)) && near(c[5].toDouble(), std::sqrt(1 - alphaBar)) &&
                     near(c[6].toDouble(), (1 - previous) / (1 - alphaBar) * beta) &&
                     near(c[7].toDouble(), alphaBar / (1 - alphaBar)),
                 lines[t].constData());
    }
    QVERIFY2(!clitest::hasNote(r.err), r.err.constData());
    // β_1 and β_T given to the cosine schedule, which has no use for them: said, and the table unchanged.
    auto unused =
        run({QStringLiteral("schedule"), QStringLiteral("--kind"), QStringLiteral("cosine"), QStringLiteral("--steps"),
             QStringLiteral("50"), QStringLiteral("--beta-end"), QStringLiteral("0.05")});
    QVERIFY2(unused.code == 0 && unused.err.contains("--beta-start and --beta-end are for the other kinds"),
             unused.err.constData());
    QCOMPARE(unused.out, r.out);
    auto linear = run({QStringLiteral("schedule")});
    QCOMPARE(linear.code, 0);
    QVERIFY2(linear.err.isEmpty(), linear.err.constData());
    QCOMPARE(linear.out.trimmed().split('\n').size(), 1001);
    QVERIFY(std::abs(linear.out.trimmed().split('\n')[1000].split(',')[1].toDouble() - 0.02) < 1e-15);
}

// A data set name that cannot mean anything is a usage error (exit 2), as any other bad option; one that
// names a missing or unreadable file is a failure of the work (exit 1), as a missing checkpoint is.
void TestCli::dataSpecExitCodes()
{
    const QString out = m_dir.filePath(QStringLiteral("never.ckpt"));
    const auto train = [&](const QString& data) {
        return run({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--model"),
                    QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--out"),
                    out});
    };
    const QList<QPair<QString, int>> cases = {{QStringLiteral("bogus:1"), 2},
                                              {QStringLiteral("synthetic:many"), 2},
                                              {QStringLiteral("fashion-mnist:validation"), 2},
                                              {QStringLiteral("folder:/no/such/folder"), 1},
                                              {QStringLiteral("idx:/no/such/file"), 1}};
    for (const auto& [data, code] : cases) {
        const auto r = train(data);
        QVERIFY2(r.code == code, qPrintable(data + QStringLiteral(": exit %1, ").arg(r.code) + r.err));
    }
    QVERIFY(!QFile::exists(out));
    const auto nll = run({QStringLiteral("nll"), QStringLiteral("--checkpoint"),
                          QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt"),
                          QStringLiteral("--data"), QStringLiteral("bogus")});
    QVERIFY2(nll.code == 2 && nll.err.contains("unknown data set 'bogus'"), nll.err.constData());
    // The 2-D command alike: a name that means nothing is a bad option; a file that is not there is not.
    const auto toy = [&](const QString& data) {
        return run({QStringLiteral("toy"), QStringLiteral("--data"), data, QStringLiteral("--steps"),
                    QStringLiteral("1"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("never.csv"))});
    };
    const auto unknown = toy(QStringLiteral("bogus"));
    QVERIFY2(unknown.code == 2 && unknown.err.contains("unknown 2-D data set 'bogus'"), unknown.err.constData());
    const auto missing = toy(QStringLiteral("csv:/no/such/points.csv"));
    QVERIFY2(missing.code == 1 && missing.err.contains("cannot open '/no/such/points.csv': "), missing.err.constData());
}

void TestCli::trainInfoSampleResume()
{
    const QString ckpt = m_dir.filePath(QStringLiteral("tiny.ckpt"));
    const QString log = m_dir.filePath(QStringLiteral("log.csv"));
    auto t = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:200"),
                  QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("12"),
                  QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--out"), ckpt,
                  QStringLiteral("--log"), log, QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(t.code == 0, t.err.constData());
    QFile logFile(log);
    QVERIFY(logFile.open(QIODevice::ReadOnly));
    const auto rows = logFile.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 13);
    QCOMPARE(rows[0], QByteArray("step,loss,grad_norm,lr,img_per_s"));
    // Each row in the header's columns: the step, its loss, the gradient's norm before clipping, and the
    // learning rate of the warm-up (2e-4 reached linearly over 500 steps: step k trains at 2e-4 · k / 500).
    for (int k = 1; k <= 12; ++k) {
        const auto cells = rows[k].split(',');
        QCOMPARE(cells.size(), 5);
        QCOMPARE(cells[0].toInt(), k);
        const double loss = cells[1].toDouble(), gradNorm = cells[2].toDouble(), lr = cells[3].toDouble();
        QVERIFY2(loss > 0 && loss < 10 && gradNorm > 0 && std::isfinite(gradNorm), rows[k].constData());
        QVERIFY2(std::abs(lr - 2e-4 * k / 500) < 1e-6 * 2e-4 * k / 500, rows[k].constData());
    }

    auto info = run({QStringLiteral("info"), ckpt});
    QCOMPARE(info.code, 0);
    const auto o = QJsonDocument::fromJson(info.out).object();
    QCOMPARE(o.value(QStringLiteral("step")).toInt(), 12);
    // The last step's loss, as the log wrote it (8 significant digits).
    const double loggedLoss = rows[12].split(',')[1].toDouble();
    QVERIFY2(std::abs(o.value(QStringLiteral("last_loss")).toDouble() - loggedLoss) < 1e-7 * loggedLoss,
             info.out.constData());
    QCOMPARE(o.value(QStringLiteral("preset")).toString(), QStringLiteral("tiny"));
    QCOMPARE(o.value(QStringLiteral("model")).toObject().value(QStringLiteral("image_size")).toInt(), 16);
    QCOMPARE(o.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("linear"));
    QCOMPARE(o.value(QStringLiteral("data")).toString(), QStringLiteral("synthetic:200"));
    QCOMPARE(o.value(QStringLiteral("init")).toString(), QString()); // trained from scratch
    // A model started from it names it: file, step and the SHA-256 that `info` gives the file.
    const QString warm = m_dir.filePath(QStringLiteral("warm.ckpt"));
    auto w =
        run({QStringLiteral("train"), QStringLiteral("--init"), ckpt, QStringLiteral("--data"),
             QStringLiteral("synthetic:200"), QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--batch"),
             QStringLiteral("8"), QStringLiteral("--out"), warm, QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(w.code == 0, w.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run({QStringLiteral("info"), warm}).out)
                 .object()
                 .value(QStringLiteral("init"))
                 .toString(),
             QStringLiteral("%1, step 12, sha256 %2")
                 .arg(QFileInfo(ckpt).fileName(), o.value(QStringLiteral("sha256")).toString()));

    const QString png = m_dir.filePath(QStringLiteral("grid.png")), strip = m_dir.filePath(QStringLiteral("strip.png")),
                  gif = m_dir.filePath(QStringLiteral("rev.gif"));
    auto s = run({QStringLiteral("sample"),
                  QStringLiteral("--checkpoint"),
                  ckpt,
                  QStringLiteral("--out"),
                  png,
                  QStringLiteral("--count"),
                  QStringLiteral("4"),
                  QStringLiteral("--sampler"),
                  QStringLiteral("ddim"),
                  QStringLiteral("--steps"),
                  QStringLiteral("8"),
                  QStringLiteral("--strip"),
                  strip,
                  QStringLiteral("--frames"),
                  QStringLiteral("5"),
                  QStringLiteral("--gif"),
                  gif,
                  QStringLiteral("--scale"),
                  QStringLiteral("1"),
                  QStringLiteral("--device"),
                  QStringLiteral("cpu")});
    QVERIFY2(s.code == 0, s.err.constData());
    QImage grid(png);
    QCOMPARE(grid.size(), QSize(2 * 16 + 3 * 2, 2 * 16 + 3 * 2)); // 2×2 grid, 2-pixel padding
    QImage stripImage(strip);
    QCOMPARE(stripImage.size(), QSize(5 * 16 + 6 * 2, 4 * 16 + 5 * 2)); // 5 frames × 4 samples
    QFile gifFile(gif);
    QVERIFY(gifFile.open(QIODevice::ReadOnly));
    auto anim = ddpm::decodeGif(gifFile.readAll());
    QVERIFY(anim);
    // x_T … x_0 (9 frames), then x_0 held about a second at the GIF's own delay.
    QImageReader delays(gif);
    QVERIFY(delays.canRead() && !delays.read().isNull());
    const int delayMs = delays.nextImageDelay();
    QVERIFY2(delayMs >= 20 && delayMs <= 200, qPrintable(QString::number(delayMs)));
    const int held = static_cast<int>(anim->frames.size()) - 9;
    QVERIFY2(held >= 1 && std::abs(held * delayMs - 1000) <= delayMs / 2 + 1,
             qPrintable(QStringLiteral("%1 frames of %2 ms").arg(held).arg(delayMs)));
    for (int i = 9; i < anim->frames.size(); ++i)
        QCOMPARE(anim->frames[i], anim->frames[8]);
    QCOMPARE(QSize(anim->width, anim->height), grid.size());
    QVERIFY(QFile::exists(png + QStringLiteral(".json")));
    QVERIFY(QFile::exists(gif + QStringLiteral(".json")));
    // The sidecars say the scale, and which timestep each frame of the strip and the GIF shows: DDIM's
    // 8 steps from T, evenly spaced, then x_0.
    const auto sidecarOf = [](const QString& file) {
        QFile f(file + QStringLiteral(".json"));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    };
    QCOMPARE(sidecarOf(png).value(QStringLiteral("scale")).toInt(), 1);
    const QJsonArray stripT = sidecarOf(strip).value(QStringLiteral("frame_t")).toArray(),
                     gifT = sidecarOf(gif).value(QStringLiteral("frame_t")).toArray();
    QCOMPARE(stripT.size(), 5);
    QCOMPARE(gifT.size(), 9);
    QCOMPARE(gifT.first().toInt(), 1000); // the model's T
    QCOMPARE(gifT.last().toInt(), 0);
    for (int i = 1; i < gifT.size(); ++i)
        QVERIFY(gifT.at(i).toInt() < gifT.at(i - 1).toInt());
    for (int i = 0; i < stripT.size(); ++i) // the strip's frames are some of the GIF's: after 0, 2, 4, 6, 8 steps
        QCOMPARE(stripT.at(i).toInt(), gifT.at(2 * i).toInt());

    // Many images: the strip and the GIF show the first 64 (an 8×8 grid) and keep only those, and say so.
    // A name ending in .webp gives an animated WebP (libwebp) of the same frames.
    const QString manyGif = m_dir.filePath(QStringLiteral("many.webp")),
                  manyStrip = m_dir.filePath(QStringLiteral("many.png"));
    auto many =
        run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--count"),
             QStringLiteral("100"), QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
             QStringLiteral("2"), QStringLiteral("--gif"), manyGif, QStringLiteral("--strip"), manyStrip,
             QStringLiteral("--frames"), QStringLiteral("3"), QStringLiteral("--scale"), QStringLiteral("2"),
             QStringLiteral("--out-dir"), m_dir.filePath(QStringLiteral("many"))});
    QVERIFY2(many.code == 0, many.err.constData());
    QVERIFY2(many.err.contains("first 64 of the 100"), many.err.constData());
    QFile manyFile(manyGif);
    QVERIFY(manyFile.open(QIODevice::ReadOnly));
    QVERIFY(!ddpm::decodeGif(manyFile.peek(64))); // not a GIF under another name
    auto manyAnim = ddpm::decodeWebP(manyFile.readAll());
    QVERIFY(manyAnim);
    QCOMPARE(QSize(manyAnim->width, manyAnim->height), QSize(8 * 32 + 9 * 2, 8 * 32 + 9 * 2)); // at --scale 2
    // x_T … x_0 (libwebp merges frames that repeat the one before: x_0 held, and x_1 where it rounds to x_0).
    QVERIFY2(manyAnim->frames.size() >= 2, qPrintable(QString::number(manyAnim->frames.size())));
    QVERIFY(manyAnim->frames.first() != manyAnim->frames.last());
    QCOMPARE(sidecarOf(manyGif).value(QStringLiteral("kind")).toString(), QStringLiteral("webp"));
    QCOMPARE(QImage(manyStrip).height(), 64 * 32 + 65 * 2); // a row per image shown
    // The sidecars say the scale each was drawn at: the folder's images at the model's size.
    QCOMPARE(sidecarOf(manyGif).value(QStringLiteral("scale")).toInt(), 2);
    QCOMPARE(sidecarOf(manyStrip).value(QStringLiteral("scale")).toInt(), 2);
    const QDir manyDir(m_dir.filePath(QStringLiteral("many")));
    const QStringList manyImages = manyDir.entryList({QStringLiteral("*.png")});
    QCOMPARE(manyImages.size(), 100);
    QCOMPARE(QImage(manyDir.filePath(manyImages.first())).size(), QSize(16, 16));
    QCOMPARE(sidecarOf(manyDir.filePath(manyImages.first())).value(QStringLiteral("scale")).toInt(), 1);

    auto resumed = run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--data"),
                        QStringLiteral("synthetic:200"), QStringLiteral("--steps"), QStringLiteral("15"),
                        QStringLiteral("--out"), ckpt, QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(resumed.code == 0, resumed.err.constData());
    QCOMPARE(
        QJsonDocument::fromJson(run({QStringLiteral("info"), ckpt}).out).object().value(QStringLiteral("step")).toInt(),
        15);
    // 12 steps, then 3 more from the checkpoint, against 15 straight: the same tensors, bit for bit
    // (weights, EMA, Adam's moments and step counts, the loss history).
    const QString straight = m_dir.filePath(QStringLiteral("straight.ckpt"));
    auto s15 = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:200"),
                    QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("15"),
                    QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--out"), straight,
                    QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(s15.code == 0, s15.err.constData());
    auto a = ddpm::readTensorFile(ckpt.toStdString()), b = ddpm::readTensorFile(straight.toStdString());
    QVERIFY2(a && b, "both checkpoints read");
    QCOMPARE(a->tensors.size(), b->tensors.size());
    int weights = 0, adam = 0;
    for (const auto& [name, tensor] : a->tensors) {
        const auto other = b->tensor(name);
        QVERIFY2(other.defined(), name.c_str());
        QVERIFY2(torch::equal(tensor, other), (name + " differs between the resumed and the straight run").c_str());
        weights += name.rfind("ema.", 0) == 0 ? 1 : 0;
        adam += name.find("exp_avg") != std::string::npos ? 1 : 0;
    }
    QVERIFY2(weights > 10 && adam > 10, "the files hold the EMA weights and Adam's moments");
}

void TestCli::bench()
{
    auto r = run({QStringLiteral("bench"), QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--batch"),
                  QStringLiteral("4"), QStringLiteral("--iters"), QStringLiteral("2"), QStringLiteral("--warmup"),
                  QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    const auto o = QJsonDocument::fromJson(r.out.trimmed()).object();
    for (const char* key : {"params", "train_img_per_s", "denoise_img_steps_per_s", "peak_rss_mb", "device", "threads"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("params")).toInteger(), 176849);
    QCOMPARE(o.value(QStringLiteral("threads")).toInt(), 1);
    QVERIFY(o.value(QStringLiteral("train_img_per_s")).toDouble() > 0);
}

void TestCli::userErrors_data()
{
    QList<QStringList> lists;
    auto newRow = [&lists](const char* name) { return RowArgs{&lists, QTest::newRow(name)}; };
    // Each row with the words its message must contain: a different failure (a crash, a file that
    // cannot be opened instead of a count refused) exits non-zero too, and must not pass.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    newRow("no command") << QStringList{} << QStringLiteral("COMMAND --help");
    newRow("unknown command") << QStringList{QStringLiteral("paint")} << QStringLiteral("unknown command 'paint'");
    newRow("help on an unknown command") << QStringList{QStringLiteral("help"), QStringLiteral("paint")}
                                         << QStringLiteral("unknown command 'paint'");
    newRow("bad device") << QStringList{QStringLiteral("bench"), QStringLiteral("--device"), QStringLiteral("tpu")}
                         << QStringLiteral("unknown device 'tpu' (expected one of auto, cpu, cuda)");
    newRow("bad schedule") << QStringList{QStringLiteral("schedule"), QStringLiteral("--kind"),
                                          QStringLiteral("zigzag")}
                           << QStringLiteral("unknown schedule 'zigzag'");
    newRow("bad steps") << QStringList{QStringLiteral("schedule"), QStringLiteral("--steps"), QStringLiteral("many")}
                        << QStringLiteral("--steps takes a whole number");
    newRow("unknown option") << QStringList{QStringLiteral("schedule"), QStringLiteral("--colour")}
                             << QStringLiteral("--colour");
    newRow("train without out") << QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                                               QStringLiteral("synthetic")}
                                << QStringLiteral("--out is required");
    const QString demoModel = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    newRow("walk from beyond T")
        << QStringList{QStringLiteral("interpolate"), QStringLiteral("--checkpoint"), demoModel,
                       QStringLiteral("--data"),      QStringLiteral("synthetic:4"),  QStringLiteral("--t"),
                       QStringLiteral("5000"),        QStringLiteral("--out"),        QStringLiteral("/tmp/never.png")}
        << QStringLiteral("--t 5000: the model has T = 1000 steps");
    newRow("walk with more DDIM steps than T")
        << QStringList{QStringLiteral("interpolate"), QStringLiteral("--checkpoint"),  demoModel,
                       QStringLiteral("--data"),      QStringLiteral("synthetic:4"),   QStringLiteral("--mode"),
                       QStringLiteral("ddim"),        QStringLiteral("--steps"),       QStringLiteral("5000"),
                       QStringLiteral("--out"),       QStringLiteral("/tmp/never.png")}
        << QStringLiteral("--steps 5000: DDIM takes between 1 and 1000 steps");
    newRow("missing checkpoint") << QStringList{QStringLiteral("info"), QStringLiteral("/no/such.ckpt")}
                                 << QStringLiteral("cannot open '/no/such.ckpt'");
    newRow("info of two checkpoints") << QStringList{QStringLiteral("info"), demoModel, QStringLiteral("--checkpoint"),
                                                     QStringLiteral("/no/such.ckpt")}
                                      << QStringLiteral("describes one checkpoint; got 2");
    newRow("bad data") << QStringList{QStringLiteral("train"),        QStringLiteral("--data"),
                                      QStringLiteral("idx:/no/file"), QStringLiteral("--out"),
                                      QStringLiteral("/tmp/x.ckpt"),  QStringLiteral("--model"),
                                      QStringLiteral("tiny")}
                       << QStringLiteral("cannot open '/no/file'");
    // Where CUDA is present this run would succeed: the CUDA test (cudaWhereAvailable) covers that case.
    if (!torch::cuda::is_available())
        newRow("cuda absent") << QStringList{QStringLiteral("bench"), QStringLiteral("--device"),
                                             QStringLiteral("cuda")}
                              << QStringLiteral("no CUDA device");
    newRow("quality without checkpoint") << QStringList{QStringLiteral("quality")}
                                         << QStringLiteral("--checkpoint is required");
    // The count is refused before the file is looked at.
    newRow("quality of one image") << QStringList{QStringLiteral("quality"), QStringLiteral("--checkpoint"),
                                                  QStringLiteral("/no/such.ckpt"), QStringLiteral("--count"),
                                                  QStringLiteral("1")}
                                   << QStringLiteral("--count takes a whole number between 2 and");
    newRow("train-classifier without out")
        << QStringList{QStringLiteral("train-classifier")} << QStringLiteral("--out is required");
    newRow("not a checkpoint") << QStringList{QStringLiteral("sample"), QStringLiteral("--checkpoint"),
                                              QStringLiteral(DDPM_CLI_PATH), QStringLiteral("--out"),
                                              QStringLiteral("/tmp/x.png")}
                               << QStringLiteral("is not a DDPM Studio checkpoint");
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    newRow("init contradicted")
        << QStringList{QStringLiteral("train"),      QStringLiteral("--init"), demo,
                       QStringLiteral("--model"),    QStringLiteral("tiny"),   QStringLiteral("--out"),
                       QStringLiteral("/tmp/x.ckpt")}
        << QStringLiteral("--model tiny: the --init model's preset is reference");
    newRow("init and resume")
        << QStringList{QStringLiteral("train"), QStringLiteral("--init"),     demo, QStringLiteral("--resume"), demo,
                       QStringLiteral("--out"), QStringLiteral("/tmp/x.ckpt")}
        << QStringLiteral("--init starts a new run and --resume continues one");
    prefetch(DDPM_CLI_PATH, lists);
}

void TestCli::userErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    auto r = run(args);
    QVERIFY2(r.code == 1 || r.code == 2, qPrintable(QString::number(r.code))); // an error, not a crash
    const auto err = r.err.trimmed();
    QVERIFY2(!err.isEmpty(), "no message");
    QVERIFY2(err.split('\n').last().startsWith("ddpm: ") || err.startsWith("usage:"), err.constData());
    QVERIFY2(err.contains(message.toUtf8()), err.constData());
    QVERIFY(!err.contains("terminate called"));
}

void TestCli::optionValues_data()
{
    QList<QStringList> lists;
    auto newRow = [&lists](const char* name) { return RowArgs{&lists, QTest::newRow(name)}; };
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message"); // empty: the value is accepted (the run then fails later)
    const QString out = QStringLiteral("/tmp/never-written.ckpt");
    const QString t = QStringLiteral("train"), s = QStringLiteral("sample");
    newRow("fractional batch") << QStringList{t, QStringLiteral("--out"), out, QStringLiteral("--batch"),
                                              QStringLiteral("3.7")}
                               << QStringLiteral("--batch takes a whole number");
    newRow("negative steps, the limit in full")
        << QStringList{t, QStringLiteral("--out"), out, QStringLiteral("--steps"), QStringLiteral("-1")}
        << QStringLiteral("--steps takes a whole number between 0 and 1000000000, not '-1'");
    // The engine's ranges, open ends included: refused as the option is read, not after the data set loads.
    newRow("learning rate 0") << QStringList{t, QStringLiteral("--out"), out, QStringLiteral("--lr"),
                                             QStringLiteral("0")}
                              << QStringLiteral("--lr takes a number above 0 and at most 1, not '0'");
    newRow("learning rate 1 accepted") << QStringList{t,
                                                      QStringLiteral("--out"),
                                                      out,
                                                      QStringLiteral("--lr"),
                                                      QStringLiteral("1"),
                                                      QStringLiteral("--data"),
                                                      QStringLiteral("idx:/nonexistent")}
                                       << QString(); // refused for its data
    newRow("EMA decay 1") << QStringList{t, QStringLiteral("--out"), out, QStringLiteral("--ema"), QStringLiteral("1")}
                          << QStringLiteral("--ema takes a number of at least 0 and below 1, not '1'");
    newRow("EMA decay 0 accepted") << QStringList{t,
                                                  QStringLiteral("--out"),
                                                  out,
                                                  QStringLiteral("--ema"),
                                                  QStringLiteral("0"),
                                                  QStringLiteral("--data"),
                                                  QStringLiteral("idx:/nonexistent")}
                                   << QString(); // refused for its data
    newRow("fractional steps") << QStringList{t, QStringLiteral("--out"), out, QStringLiteral("--steps"),
                                              QStringLiteral("10.5")}
                               << QStringLiteral("--steps takes a whole number");
    newRow("fractional count") << QStringList{s,
                                              QStringLiteral("--checkpoint"),
                                              out,
                                              QStringLiteral("--out"),
                                              out,
                                              QStringLiteral("--count"),
                                              QStringLiteral("2.5")}
                               << QStringLiteral("--count takes a whole number");
    newRow("eta above 1") << QStringList{s,
                                         QStringLiteral("--checkpoint"),
                                         out,
                                         QStringLiteral("--out"),
                                         out,
                                         QStringLiteral("--eta"),
                                         QStringLiteral("1.5")}
                          << QStringLiteral("--eta takes a number between 0 and 1");
    newRow("eta below 0") << QStringList{s,
                                         QStringLiteral("--checkpoint"),
                                         out,
                                         QStringLiteral("--out"),
                                         out,
                                         QStringLiteral("--eta"),
                                         QStringLiteral("-0.1")}
                          << QStringLiteral("--eta takes a number between 0 and 1");
    newRow("eta 1 accepted") << QStringList{s,
                                            QStringLiteral("--checkpoint"),
                                            out,
                                            QStringLiteral("--out"),
                                            out,
                                            QStringLiteral("--eta"),
                                            QStringLiteral("1")}
                             << QString();
    newRow("fractional bench batch") << QStringList{QStringLiteral("bench"), QStringLiteral("--batch"),
                                                    QStringLiteral("3.7")}
                                     << QStringLiteral("whole number");
    prefetch(DDPM_CLI_PATH, lists);
}

void TestCli::optionValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    auto r = run(args);
    QCOMPARE(r.code == 0, false);
    QStringList lines = QString::fromUtf8(r.err.trimmed()).split(QLatin1Char('\n'));
    lines.removeIf([](const QString& l) { return l.startsWith(QLatin1String("ddpm: note: ")); }); // --eta for ddpm
    QCOMPARE(lines.size(), 1); // the refusal in one line
    const QString err = lines.first();
    if (message.isEmpty())
        QVERIFY2(!err.contains(QLatin1String("takes")), qPrintable(err)); // refused for another reason (no file)
    else
        QVERIFY2(err.contains(message), qPrintable(err));
}

void TestCli::benchHelp()
{
    auto r = run({QStringLiteral("bench"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char* option : {"--model", "--batch", "--iters", "--warmup", "--device", "--threads"})
        QVERIFY2(r.out.contains(option), option);
    QVERIFY(r.err.isEmpty());
}

void TestCli::everyCommandHasHelp_data()
{
    QTest::addColumn<QString>("command");
    const char* commands[] = {"schedule",   "train",     "sample",           "info",    "export", "convert",
                              "bench",      "selfcheck", "train-classifier", "quality", "nll",    "toy",
                              "interpolate"};
    for (const char* command : commands)
        QTest::newRow(command) << QString::fromLatin1(command);
    QList<QStringList> all, headless;
    for (const char* command : commands) {
        all.append({QString::fromLatin1(command), QStringLiteral("--help")});
        if (!onlyWithQt(QString::fromLatin1(command)))
            headless.append(all.last());
    }
    prefetch(DDPM_CLI_PATH, all);
    prefetch(DDPM_HEADLESS_PATH, headless);
}

void TestCli::everyCommandHasHelp()
{
    QFETCH(QString, command);
    auto r = run({command, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("Usage: ddpm " + command.toLatin1()), r.out.constData());
    QVERIFY(r.out.contains("--help"));
    QVERIFY(r.err.isEmpty());
    if (onlyWithQt(command))
        return;
    // The build without Qt has the same command with the same options.
    auto h = runHeadless({command, QStringLiteral("--help")});
    QCOMPARE(h.code, 0);
    QCOMPARE(h.out, r.out);
}

void TestCli::checkpointFromBuildWithoutQt()
{
    // A GPU server trains with the ddpm built without Qt; the checkpoint opens in the Qt build.
    const QString ckpt = m_dir.filePath(QStringLiteral("headless.ckpt"));
    auto t = runHeadless({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:64"),
                          QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"),
                          QStringLiteral("3"), QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--out"),
                          ckpt, QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(t.code == 0, t.err.constData());
    QVERIFY2(t.err.contains("ddpm: saved"), t.err.constData());

    auto info = run({QStringLiteral("info"), ckpt});
    QVERIFY2(info.code == 0, info.err.constData());
    auto headlessInfo = runHeadless({QStringLiteral("info"), ckpt});
    QCOMPARE(headlessInfo.code, 0);
    QCOMPARE(headlessInfo.out, info.out); // byte for byte
    const auto o = QJsonDocument::fromJson(info.out).object();
    QCOMPARE(o.value(QStringLiteral("step")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("preset")).toString(), QStringLiteral("tiny"));
    QCOMPARE(o.value(QStringLiteral("data")).toString(), QStringLiteral("synthetic:64"));
    QCOMPARE(o.value(QStringLiteral("train")).toObject().value(QStringLiteral("batch")).toInt(), 8);
    QCOMPARE(o.value(QStringLiteral("model")).toObject().value(QStringLiteral("ch_mult")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("loss_points")).toInt(), 3);
    // The checksum is the file's SHA-256, as Qt computes it.
    QFile file(ckpt);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(o.value(QStringLiteral("sha256")).toString().toLatin1(),
             QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());

    const QString png = m_dir.filePath(QStringLiteral("headless.png"));
    auto s = run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--out"), png,
                  QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--sampler"), QStringLiteral("ddim"),
                  QStringLiteral("--steps"), QStringLiteral("4"), QStringLiteral("--scale"), QStringLiteral("1"),
                  QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(s.code == 0, s.err.constData());
    QCOMPARE(QImage(png).size(), QSize(2 * 16 + 3 * 2, 2 * 16 + 3 * 2));

    // And back: the Qt build's checkpoint resumes in the build without Qt.
    auto resumed =
        run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"), QStringLiteral("4"),
             QStringLiteral("--out"), ckpt, QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(resumed.code == 0, resumed.err.constData());
    auto again = runHeadless({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"),
                              QStringLiteral("5"), QStringLiteral("--out"), ckpt, QStringLiteral("--device"),
                              QStringLiteral("cpu")});
    QVERIFY2(again.code == 0, again.err.constData());
    QCOMPARE(
        QJsonDocument::fromJson(run({QStringLiteral("info"), ckpt}).out).object().value(QStringLiteral("step")).toInt(),
        5);
}

void TestCli::buildWithoutQtRefusesWhatNeedsQt_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("sample") << QStringList{QStringLiteral("sample"), QStringLiteral("--checkpoint"),
                                           QStringLiteral("x.ckpt")}
                            << 2 << QStringLiteral("ddpm: sample writes images and needs the ddpm built with Qt");
    QTest::newRow("quality") << QStringList{QStringLiteral("quality")} << 2
                             << QStringLiteral("built without Qt (-DDDPM_WITH_QT=OFF)");
    QTest::newRow("interpolate") << QStringList{QStringLiteral("interpolate")} << 2
                                 << QStringLiteral("ddpm: interpolate writes images and needs the ddpm built with Qt");
    QTest::newRow("image folder") << QStringList{QStringLiteral("train"),
                                                 QStringLiteral("--data"),
                                                 QStringLiteral("folder:/tmp"),
                                                 QStringLiteral("--model"),
                                                 QStringLiteral("tiny"),
                                                 QStringLiteral("--out"),
                                                 m_dir.filePath(QStringLiteral("never.ckpt"))}
                                  << 1 << QStringLiteral("ddpm: 'folder:/tmp': image folders are read with Qt's");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("paint")} << 2
                                     << QStringLiteral("ddpm: unknown command 'paint'");
    QTest::newRow("help on sample") << QStringList{QStringLiteral("help"), QStringLiteral("sample")} << 2
                                    << QStringLiteral("ddpm: sample writes images and needs the ddpm built with Qt");
}

void TestCli::buildWithoutQtRefusesWhatNeedsQt()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    auto r = runHeadless(args);
    QCOMPARE(r.code, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

// Every command of the Qt build is one of the build without Qt too, or named in its usage as needing Qt.
void TestCli::sameCommandsInBothBuilds()
{
    const auto usage = [](const Run& r) { return QString::fromUtf8(r.out + r.err); };
    const QString qt = usage(run({QStringLiteral("--help")})),
                  headless = usage(runHeadless({QStringLiteral("--help")}));
    const QRegularExpression line(QStringLiteral("^  ([a-z-]+) "), QRegularExpression::MultilineOption);
    QStringList commands;
    for (auto it = line.globalMatch(qt); it.hasNext();)
        commands << it.next().captured(1);
    QVERIFY2(commands.size() >= 13, qPrintable(qt)); // schedule … toy, sample, quality, interpolate
    const auto needsQt = QRegularExpression(QStringLiteral("\\(([a-z, -]+): in the build with Qt\\)")).match(headless);
    QVERIFY2(needsQt.hasMatch(), qPrintable(headless));
    const QStringList onlyWithQt = needsQt.captured(1).split(QStringLiteral(", "));
    for (const QString& c : commands)
        QVERIFY2(headless.contains(QStringLiteral("\n  ") + c + QLatin1Char(' ')) != onlyWithQt.contains(c),
                 qPrintable(c + QStringLiteral(" in the build without Qt:\n") + headless));
}

void TestCli::cudaWhereAvailable()
{
    if (!torch::cuda::is_available())
        QSKIP("no CUDA device here");
    auto r = run({QStringLiteral("bench"), QStringLiteral("--device"), QStringLiteral("cuda"),
                  QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--batch"), QStringLiteral("4"),
                  QStringLiteral("--iters"), QStringLiteral("2")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out.trimmed()).object().value(QStringLiteral("device")).toString(),
             QStringLiteral("cuda"));
}

void TestCli::imageFolderWithOddFiles()
{
    const QString dir = m_dir.filePath(QStringLiteral("images"));
    QDir().mkpath(dir + QStringLiteral("/sub"));
    for (int i = 0; i < 6; ++i) {
        QImage img(40 + i, 30, QImage::Format_RGB888);
        img.fill(QColor(20 * i, 100, 200));
        QVERIFY(img.save(
            dir + QStringLiteral("/sub/img%1.%2").arg(i).arg(i % 2 ? QStringLiteral("png") : QStringLiteral("jpg"))));
    }
    QFile notes(dir + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not an image");
    notes.close();
    QFile fake(dir + QStringLiteral("/broken.png"));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("\x89PNG\r\n\x1a\n garbage");
    fake.close();
    const QString ckpt = m_dir.filePath(QStringLiteral("folder.ckpt"));
    auto r = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("folder:") + dir,
                  QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("2"),
                  QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--out"), ckpt});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.err.contains("with 6 images"));
    // What was left out is said, with the names.
    QVERIFY2(r.err.contains("2 files skipped") && r.err.contains("broken.png") && r.err.contains("notes.txt"),
             r.err.constData());
    const QString empty = m_dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(empty);
    auto e = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("folder:") + empty,
                  QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("empty-folder.ckpt"))});
    QVERIFY(e.code != 0);
    QVERIFY2(e.err.contains("no readable"), e.err.constData());
}

// Options that would only fail after the work, or spoil a file: refused at once (exit 2) and nothing
// written. On --resume the training settings given replace the checkpoint's; the network's must match.
void TestCli::optionsCheckedBeforeWork()
{
    const QString ckpt = m_dir.filePath(QStringLiteral("checked.ckpt"));
    const QStringList tiny{QStringLiteral("--data"),   QStringLiteral("synthetic:32"), QStringLiteral("--model"),
                           QStringLiteral("tiny"),     QStringLiteral("--batch"),      QStringLiteral("4"),
                           QStringLiteral("--device"), QStringLiteral("cpu")};
    for (const QStringList& bad : {QStringList{QStringLiteral("--lr"), QStringLiteral("0")},
                                   QStringList{QStringLiteral("--ema"), QStringLiteral("1")}}) {
        auto r = run(QStringList{QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("1"),
                                 QStringLiteral("--out"), ckpt} +
                     tiny + bad);
        QVERIFY2(r.code == 2, r.err.constData());
        QVERIFY(!QFile::exists(ckpt)); // no checkpoint that nothing could open
    }
    auto t = run(QStringList{QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("2"),
                             QStringLiteral("--out"), ckpt} +
                 tiny);
    QVERIFY2(t.code == 0, t.err.constData());

    const auto info = [&](const QString& path) {
        return QJsonDocument::fromJson(run({QStringLiteral("info"), path}).out).object();
    };
    const QString resumed = m_dir.filePath(QStringLiteral("checked-resumed.ckpt"));
    auto r =
        run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"), QStringLiteral("3"),
             QStringLiteral("--lr"), QStringLiteral("0.0005"), QStringLiteral("--batch"), QStringLiteral("8"),
             QStringLiteral("--out"), resumed, QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto train = info(resumed).value(QStringLiteral("train")).toObject();
    QCOMPARE(train.value(QStringLiteral("lr")).toDouble(), 0.0005);
    QCOMPARE(train.value(QStringLiteral("batch")).toInt(), 8);
    QCOMPARE(train.value(QStringLiteral("ema_decay")).toDouble(),
             info(ckpt).value(QStringLiteral("train")).toObject().value(QStringLiteral("ema_decay")).toDouble());
    const std::pair<QStringList, QString> fixedOptions[] = {
        {{QStringLiteral("--model"), QStringLiteral("reference")},
         QStringLiteral("--model reference: the checkpoint's preset is tiny; leave --model out")},
        {{QStringLiteral("--schedule"), QStringLiteral("cosine")},
         QStringLiteral("--schedule cosine: the checkpoint's noise schedule is linear; leave --schedule out")}};
    for (const auto& [fixed, message] : fixedOptions) {
        auto refused = run(QStringList{QStringLiteral("train"), QStringLiteral("--resume"), ckpt,
                                       QStringLiteral("--steps"), QStringLiteral("3"), QStringLiteral("--out"),
                                       m_dir.filePath(QStringLiteral("never.ckpt"))} +
                           fixed);
        QVERIFY2(refused.code == 2 && refused.err.contains(message.toUtf8()), refused.err.constData());
    }

    // A new run of 0 steps writes the model as initialised, and says so: not mistaken for a trained one.
    const QString untrained = m_dir.filePath(QStringLiteral("untrained.ckpt"));
    auto none = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:8"),
                     QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("0"),
                     QStringLiteral("--out"), untrained});
    QVERIFY2(none.code == 0 && none.err.contains("saved as initialised, untrained (step 0)"), none.err.constData());
    QCOMPARE(info(untrained).value(QStringLiteral("step")).toInt(), 0);

    // --steps is the step to train to: one below the checkpoint's is refused, not written as its total.
    auto behind = run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"),
                       QStringLiteral("1"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("never.ckpt"))});
    QVERIFY2(behind.code == 2 && behind.err.contains("already at step 2"), behind.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.ckpt"))));
    // Without --steps a resumed run goes as far as the checkpoint's own total (2, where it stands): nothing
    // is trained (not the default 10,000 steps) and the copy is saved as it is, exit 0.
    const QString again = m_dir.filePath(QStringLiteral("checked-again.ckpt"));
    auto asIs = run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--out"), again,
                     QStringLiteral("--device"), QStringLiteral("cpu")},
                    60000);
    QVERIFY2(asIs.code == 0, asIs.err.constData());
    QCOMPARE(info(again).value(QStringLiteral("step")).toInt(), 2);
    // info takes the checkpoint as every other command does, too.
    QCOMPARE(QJsonDocument::fromJson(run({QStringLiteral("info"), QStringLiteral("--checkpoint"), ckpt}).out)
                 .object()
                 .value(QStringLiteral("step"))
                 .toInt(),
             2);

    // A log may be a pipe (--log /dev/stdout), written as it comes; one that nothing reads would hold the
    // run for ever: refused at once.
    const QString pipe = m_dir.filePath(QStringLiteral("log-pipe.csv"));
    QCOMPARE(::mkfifo(pipe.toLocal8Bit().constData(), 0600), 0);
    auto piped = run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"),
                      QStringLiteral("3"), QStringLiteral("--log"), pipe, QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("never.ckpt")), QStringLiteral("--device"), QStringLiteral("cpu")},
                     60000);
    QVERIFY2(piped.code == 1 && piped.err.contains("a pipe that nothing reads"), piped.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.ckpt"))));
    auto toStdout =
        run({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"), QStringLiteral("3"),
             QStringLiteral("--log"), QStringLiteral("/dev/stdout"), QStringLiteral("--out"),
             m_dir.filePath(QStringLiteral("logged.ckpt")), QStringLiteral("--device"), QStringLiteral("cpu")},
            60000);
    // A pipe cannot be synced to a disk: that is no failure of the log (it said "Invalid argument" once).
    QVERIFY2(toStdout.code == 0 && !toStdout.err.contains("cannot write the log"), toStdout.err.constData());
    const auto rows = toStdout.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 2); // the header and step 3's row
    // A new run logs to stdout too: a terminal or a pipe holds no earlier run's rows to keep.
    auto fresh =
        run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:8"),
             QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("1"),
             QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--log"), QStringLiteral("/dev/stdout"),
             QStringLiteral("--out"), m_dir.filePath(QStringLiteral("fresh-logged.ckpt"))},
            60000);
    QVERIFY2(fresh.code == 0 && fresh.out.startsWith("step,loss,") && !fresh.err.contains("cannot write the log"),
             fresh.err.constData());
    QVERIFY2(rows[0].startsWith("step,loss,") && rows[1].startsWith("3,"), toStdout.out.constData());

    // Export onto its own input would drop the training state.
    const auto readAll = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray before = readAll(ckpt);
    auto self = run({QStringLiteral("export"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--out"), ckpt});
    QVERIFY2(self.code == 2 && self.err.contains("the checkpoint itself"), self.err.constData());
    QCOMPARE(readAll(ckpt), before);

    // Sample: outputs checked before any step; an exported checkpoint has no raw weights.
    const QStringList sampleArgs{QStringLiteral("sample"),    QStringLiteral("--checkpoint"), ckpt,
                                 QStringLiteral("--sampler"), QStringLiteral("ddpm"),         QStringLiteral("--count"),
                                 QStringLiteral("2")};
    for (const QStringList& out : {QStringList{QStringLiteral("--out"), QStringLiteral("/no/such/folder/x.png")},
                                   QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.gif"))},
                                   QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("ok.png")),
                                               QStringLiteral("--gif"), m_dir.filePath(QStringLiteral("g.png"))}}) {
        auto s = run(sampleArgs + out);
        QVERIFY2(s.code == 2, s.err.constData());
        QVERIFY2(!s.err.contains("ddpm sample: ") && !s.err.contains("image-steps/s"), s.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ok.png"))));
    }
    // An image named over a model (a copy of the checkpoint under a .png name) is refused, and the model kept.
    const QString modelAsPng = m_dir.filePath(QStringLiteral("model-named.png"));
    QVERIFY(QFile::copy(ckpt, modelAsPng));
    auto overModel = run(sampleArgs + QStringList{QStringLiteral("--out"), modelAsPng});
    QVERIFY2(overModel.code == 2 && overModel.err.contains("the file there is a model"), overModel.err.constData());
    QCOMPARE(readAll(modelAsPng), readAll(ckpt));
    const QString exported = m_dir.filePath(QStringLiteral("checked-export.ckpt"));
    QCOMPARE(
        run({QStringLiteral("export"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--out"), exported}).code,
        0);
    auto raw = run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), exported, QStringLiteral("--weights"),
                    QStringLiteral("raw"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("raw.png"))});
    QVERIFY2(raw.code != 0 && raw.err.contains("only the EMA weights"), raw.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("raw.png"))));

    // More DDIM steps or Langevin levels than the model has timesteps: refused, not quietly cut to T.
    const int T = info(ckpt).value(QStringLiteral("schedule")).toObject().value(QStringLiteral("steps")).toInt();
    QVERIFY(T > 1);
    const QString beyond = QString::number(T + 1);
    for (const char* sampler : {"ddim", "langevin"}) {
        for (const QString& command : {QStringLiteral("sample"), QStringLiteral("quality")}) {
            QStringList args{command,
                             QStringLiteral("--checkpoint"),
                             ckpt,
                             QStringLiteral("--sampler"),
                             QString::fromLatin1(sampler),
                             QStringLiteral("--steps"),
                             beyond};
            if (command == QLatin1String("sample"))
                args << QStringLiteral("--out") << m_dir.filePath(QStringLiteral("beyond.png"));
            auto s = run(args);
            QVERIFY2(s.code == 2 && s.err.contains(QStringLiteral("--steps %1: ").arg(beyond).toUtf8()) &&
                         s.err.contains(QStringLiteral("between 1 and %1").arg(T).toUtf8()),
                     s.err.constData());
        }
    }
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("beyond.png"))));

    // A name no preset or precision has is a usage error for bench too.
    for (const QStringList& bad : {QStringList{QStringLiteral("--model"), QStringLiteral("huge")},
                                   QStringList{QStringLiteral("--precision"), QStringLiteral("fp8")}}) {
        auto b = run(QStringList{QStringLiteral("bench")} + bad);
        QVERIFY2(b.code == 2 && b.err.contains(bad.last().toUtf8()), b.err.constData());
    }

    // --guidance's default depends on the model: the help gives none of its own ("W=0" was wrong).
    const auto help = run({QStringLiteral("sample"), QStringLiteral("--help")}).out.split('\n');
    const auto guidance =
        std::find_if(help.begin(), help.end(), [](const QByteArray& l) { return l.contains("--guidance"); });
    QVERIFY(guidance != help.end());
    QVERIFY2(!guidance->contains("W="), guidance->constData());
}

void TestCli::interruptSavesCheckpoint_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP (the terminal closed)") << int(SIGHUP);
}

void TestCli::interruptSavesCheckpoint()
{
    // Ctrl-C (SIGINT), SIGTERM or SIGHUP: the run saves where it is and exits as the signal would have
    // ended it (128 + its number), so that a script does not go on as if the run had finished.
    QFETCH(int, signal);
    const QString ckpt = m_dir.filePath(QStringLiteral("interrupted-%1.ckpt").arg(signal));
    QProcess p;
    p.start(QStringLiteral(DDPM_CLI_PATH),
            {QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:100"),
             QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("1000000"),
             QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--out"), ckpt, QStringLiteral("--threads"),
             QStringLiteral("1")});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    // The handler is installed before the first step is reported.
    QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("step 1/"), 60000);
    QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
    QVERIFY(p.waitForFinished(60000));
    err += p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 128 + signal, err.constData());
    QVERIFY(err.contains("interrupted at step"));
    QVERIFY(err.contains("saved " + ckpt.toLocal8Bit()));
    auto info = run({QStringLiteral("info"), ckpt});
    QCOMPARE(info.code, 0);
    QVERIFY(QJsonDocument::fromJson(info.out).object().value(QStringLiteral("step")).toInt() >= 1);
}

void TestCli::measuringStopsOnCtrlC_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("progress"); // on stderr once the handler is in
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    const QString out = m_dir.filePath(QStringLiteral("stopped-toy.csv"));
    QTest::newRow("nll")
        << QStringList{QStringLiteral("nll"),           QStringLiteral("--checkpoint"), demo,
                       QStringLiteral("--count"),       QStringLiteral("5000"),         QStringLiteral("--data"),
                       QStringLiteral("synthetic:5000")}
        << QByteArray("ddpm nll: images");
    QTest::newRow("toy") << QStringList{QStringLiteral("toy"), QStringLiteral("--steps"), QStringLiteral("100000000"),
                                        QStringLiteral("--out"), out}
                         << QByteArray("ddpm toy: step");
}

// Ctrl-C stops a measurement or a toy run as it stops every command: the exit code a shell gives a
// command the signal ended (128 + 2), and a line that nothing was written.
void TestCli::measuringStopsOnCtrlC()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, progress);
    QProcess p;
    p.start(QStringLiteral(DDPM_CLI_PATH), args + QStringList{QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains(progress), 60000);
    QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
    QVERIFY(p.waitForFinished(60000));
    err += p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 128 + SIGINT, err.constData());
    QVERIFY2(err.contains("interrupted; nothing was written"), err.constData());
    QVERIFY(p.readAllStandardOutput().isEmpty()); // no report
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("stopped-toy.csv"))));
}

// A model to start from that cannot be read is a failure of the file (exit 1), not of the options (2),
// and no run is started.
void TestCli::initFromMissingModel()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("run.ckpt"));
    auto r = run({QStringLiteral("train"), QStringLiteral("--init"), QStringLiteral("/no/such.ckpt"),
                  QStringLiteral("--data"), QStringLiteral("synthetic"), QStringLiteral("--out"), out});
    QCOMPARE(r.code, 1);
    const auto err = r.err.trimmed();
    QVERIFY2(err.startsWith("ddpm: ") && err.contains("cannot open '/no/such.ckpt'"), err.constData());
    QVERIFY(!QFile::exists(out));
}

// A folder that does not exist fails before the data set is loaded or a step is taken.
void TestCli::outFolderCheckedFirst()
{
    QElapsedTimer timer;
    timer.start();
    auto r =
        runHeadless({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:100"),
                     QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"),
                     QStringLiteral("1000000"), QStringLiteral("--out"), QStringLiteral("/no/such/folder/x.ckpt")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("cannot write '/no/such/folder/x.ckpt'"), r.err.constData());
    QVERIFY(!r.err.contains("training"));
    QVERIFY(timer.elapsed() < 60000);
}

// Outputs that would replace a good file, or one another, or that cannot be written, are refused before
// any work, and the file stays as it was: a checkpoint named as the log, as the --out of a run started
// from it, a read-only file; two outputs on one file; a CSV or image that could not be written after
// the measurement. A toy run with T = 2 measures its score only at t = 1 (not at t = 0, outside the table).
// A result that cannot reach stdout (a full disk) fails the command rather than vanish with exit 0.
void TestCli::outputThatCannotBeWrittenFails()
{
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    for (const QStringList& args :
         {QStringList{QStringLiteral("info"), demo},
          QStringList{QStringLiteral("schedule"), QStringLiteral("--steps"), QStringLiteral("10")},
          QStringList{QStringLiteral("--version")}}) {
        QProcess p;
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(DDPM_CLI_PATH), args);
        QVERIFY(p.waitForFinished(60000));
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 1, qPrintable(args.join(' ') + QStringLiteral(": ") + QString::fromUtf8(err)));
        QVERIFY2(err.contains("cannot write the output: No space left on device"), err.constData());
    }
}

void TestCli::outputsThatWouldLoseAFileRefused()
{
    const auto readAll = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QTemporaryDir dir;
    const QString ckpt = dir.filePath(QStringLiteral("good.ckpt"));
    const QStringList tiny{QStringLiteral("--model"),     QStringLiteral("tiny"),    QStringLiteral("--data"),
                           QStringLiteral("synthetic:8"), QStringLiteral("--batch"), QStringLiteral("4")};
    auto r = run(QStringList{QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("1"),
                             QStringLiteral("--out"), ckpt} +
                 tiny);
    QVERIFY2(r.code == 0, r.err.constData());
    // A new run over it is refused (among the cases below) unless --replace is given.
    r = run(QStringList{QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("1"),
                        QStringLiteral("--out"), ckpt, QStringLiteral("--replace"), QStringLiteral("--seed"),
                        QStringLiteral("5")} +
            tiny);
    QVERIFY2(r.code == 0, r.err.constData());
    const QByteArray good = readAll(ckpt);
    const QString other = dir.filePath(QStringLiteral("other.ckpt")), oldLog = dir.filePath(QStringLiteral("old.csv"));
    QVERIFY(QFile::copy(ckpt, other));
    const QString modelAsCsv = dir.filePath(QStringLiteral("results.csv")); // a model under a table's name
    QVERIFY(QFile::copy(ckpt, modelAsCsv));
    {
        QFile log(oldLog);
        QVERIFY(log.open(QIODevice::WriteOnly) && log.write("step,loss,grad_norm,lr,img_per_s\n1,0.5,1,0.1,10\n") > 0);
    }
    const QByteArray logBytes = readAll(oldLog);
    const QString photo = dir.filePath(QStringLiteral("photo.png"));
    QImage(4, 4, QImage::Format_Grayscale8).save(photo);
    QVERIFY(QFile::exists(photo));
    const QString readOnly = dir.filePath(QStringLiteral("kept.ckpt"));
    QVERIFY(QFile::copy(ckpt, readOnly));
    QVERIFY(QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QString png = dir.filePath(QStringLiteral("grid.png"));
    const QString modelPng = dir.filePath(QStringLiteral("model.png")); // a model given an image's name
    QVERIFY(QFile::copy(ckpt, modelPng));
    const QString sameAsPng = dir.filePath(QStringLiteral("sub/../grid.png"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    const QString t = QStringLiteral("train"), o = QStringLiteral("--out"), c = QStringLiteral("--checkpoint");
    const QStringList ddim{QStringLiteral("--sampler"), QStringLiteral("ddim"),    QStringLiteral("--steps"),
                           QStringLiteral("2"),         QStringLiteral("--count"), QStringLiteral("2")};
    const QList<std::pair<QStringList, QString>> cases{
        {QStringList{t, QStringLiteral("--init"), ckpt, o, ckpt}, QStringLiteral("is the --init checkpoint")},
        {QStringList{t, QStringLiteral("--resume"), ckpt, o, dir.filePath(QStringLiteral("next.ckpt")),
                     QStringLiteral("--log"), ckpt, QStringLiteral("--steps"), QStringLiteral("2")},
         QStringLiteral("is not a training log")},
        {QStringList{t, o, dir.filePath(QStringLiteral("new.ckpt")), QStringLiteral("--log"),
                     dir.filePath(QStringLiteral("sub/../new.ckpt"))} +
             tiny,
         QStringLiteral("--log and --out name the same file")},
        {QStringList{t, o, readOnly} + tiny, QStringLiteral("read-only")},
        {QStringList{t, o, ckpt} + tiny, QStringLiteral("already exists: pass --replace")},
        {QStringList{t, o, photo, QStringLiteral("--replace")} + tiny, QStringLiteral("which a model would replace")},
        {QStringList{QStringLiteral("export"), c, ckpt, o, photo}, QStringLiteral("which a model would replace")},
        {QStringList{QStringLiteral("export"), c, ckpt, o, QStringLiteral("/dev/full")},
         QStringLiteral("not a regular file")},
        // A trained model is not lost to a mistyped name: each command that writes a model or a table.
        {QStringList{QStringLiteral("export"), c, ckpt, o, other}, QStringLiteral("already exists: pass --replace")},
        {QStringList{QStringLiteral("convert"), ckpt, other}, QStringLiteral("already exists: pass --replace")},
        {QStringList{QStringLiteral("convert"), ckpt, photo, QStringLiteral("--replace")},
         QStringLiteral("which a model would replace")},
        {QStringList{QStringLiteral("convert"), ckpt, QStringLiteral("/dev/null")},
         QStringLiteral("not a regular file")},
        {QStringList{QStringLiteral("train-classifier"), QStringLiteral("--data"), QStringLiteral("synthetic:4"), o,
                     other},
         QStringLiteral("already exists: pass --replace")},
        {QStringList{QStringLiteral("nll"), c, ckpt, QStringLiteral("--data"), QStringLiteral("synthetic:4"),
                     QStringLiteral("--csv"), other},
         QStringLiteral("this output is a table (CSV), and the name is a ckpt file's")},
        {QStringList{QStringLiteral("nll"), c, ckpt, QStringLiteral("--data"), QStringLiteral("synthetic:4"),
                     QStringLiteral("--csv"), modelAsCsv},
         QStringLiteral("the file there is a model")},
        {QStringList{QStringLiteral("toy"), QStringLiteral("--steps"), QStringLiteral("1"), o, modelAsCsv},
         QStringLiteral("the file there is a model")},
        // A run's log is its only record of the loss: no table of another kind replaces it.
        {QStringList{QStringLiteral("nll"), c, ckpt, QStringLiteral("--data"), QStringLiteral("synthetic:4"),
                     QStringLiteral("--csv"), oldLog},
         QStringLiteral("the file there is a training log")},
        {QStringList{QStringLiteral("toy"), QStringLiteral("--steps"), QStringLiteral("1"), o, oldLog},
         QStringLiteral("the file there is a training log")},
        // toy --save writes a model: as every model output, not over another file unless --replace.
        {QStringList{QStringLiteral("toy"), QStringLiteral("--steps"), QStringLiteral("1"), o,
                     dir.filePath(QStringLiteral("points.csv")), QStringLiteral("--save"), other},
         QStringLiteral("already exists: pass --replace")},
        {QStringList{QStringLiteral("toy"), QStringLiteral("--steps"), QStringLiteral("1"), o,
                     dir.filePath(QStringLiteral("points.csv")), QStringLiteral("--save"), oldLog,
                     QStringLiteral("--replace")},
         QStringLiteral("which a model would replace")},
        {QStringList{QStringLiteral("sample"), c, modelPng, o, modelPng} + ddim,
         QStringLiteral("--checkpoint and --out name the same file")},
        {QStringList{QStringLiteral("interpolate"), c, modelPng, QStringLiteral("--data"),
                     QStringLiteral("synthetic:4"), o, modelPng},
         QStringLiteral("is the checkpoint: the image would replace the model")},
        {QStringList{t, QStringLiteral("--resume"), ckpt, o, other, QStringLiteral("--steps"), QStringLiteral("3")},
         QStringLiteral("already exists: pass --replace")},
        {QStringList{t, o, dir.filePath(QStringLiteral("fresh.ckpt")), QStringLiteral("--log"), oldLog} + tiny,
         QStringLiteral("already holds an earlier run's rows")},
        {QStringList{t, o, dir.filePath(QStringLiteral("fresh.ckpt")), QStringLiteral("--log"), dir.path()} + tiny,
         QStringLiteral("it is a folder")},
        {QStringList{t, o, dir.filePath(QStringLiteral("fresh.ckpt")), QStringLiteral("--log"),
                     dir.filePath(QStringLiteral("no-such-folder/run.csv"))} +
             tiny,
         QStringLiteral("no-such-folder' does not exist")},
        {QStringList{QStringLiteral("sample"), c, ckpt, o, png, QStringLiteral("--strip"), sameAsPng} + ddim,
         QStringLiteral("--out and --strip name the same file")},
        {QStringList{QStringLiteral("nll"), c, ckpt, QStringLiteral("--data"), QStringLiteral("synthetic:4"),
                     QStringLiteral("--csv"), QStringLiteral("/no/such/folder/terms.csv")},
         QStringLiteral("--csv /no/such/folder/terms.csv: cannot write")},
        {QStringList{QStringLiteral("interpolate"), c, ckpt, QStringLiteral("--data"), QStringLiteral("synthetic:4"), o,
                     dir.filePath(QStringLiteral("walk.txt"))},
         QStringLiteral("must end in an image type")},
        // A table written to an image's name would replace the image with CSV.
        {QStringList{QStringLiteral("nll"), c, ckpt, QStringLiteral("--data"), QStringLiteral("synthetic:4"),
                     QStringLiteral("--csv"), photo},
         QStringLiteral("this output is a table (CSV), and the name is a png file's")},
        {QStringList{QStringLiteral("toy"), o, modelPng}, QStringLiteral("and the name is a png file's")},
        // 64 demo images (32 grey pixels) at --scale 32: 100 GIF frames of 8 × 32 × 32 + 9 × 2 = 8210 pixels
        // square, one byte each: 6.7e9 bytes, 6.3 GiB (said rounded up).
        {QStringList{QStringLiteral("sample"), c,
                     QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt"), o, png,
                     QStringLiteral("--gif"), dir.filePath(QStringLiteral("big.gif")), QStringLiteral("--count"),
                     QStringLiteral("64"), QStringLiteral("--scale"), QStringLiteral("32"), QStringLiteral("--out-dir"),
                     dir.filePath(QStringLiteral("made/for/images"))},
         QStringLiteral("--gif at --scale 32: its images would take 7 GiB while they are put together")},
        // The strip of the same 64 images over 1,000 DDIM steps at --scale 32: 1,000 · 1,024 + 1,001 · 2 by
        // 64 · 1,024 + 65 · 2 pixels, one byte each: 6.7e10 bytes, 62.7 GiB.
        {QStringList{QStringLiteral("sample"), c,
                     QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt"), o, png,
                     QStringLiteral("--strip"), dir.filePath(QStringLiteral("big-strip.png")),
                     QStringLiteral("--count"), QStringLiteral("64"), QStringLiteral("--scale"), QStringLiteral("32"),
                     QStringLiteral("--frames"), QStringLiteral("1000"), QStringLiteral("--sampler"),
                     QStringLiteral("ddim"), QStringLiteral("--steps"), QStringLiteral("1000")},
         QStringLiteral("--strip at --scale 32: its images would take 63 GiB while they are put together")},
    };
    for (const auto& [args, message] : cases) {
        QElapsedTimer timer;
        timer.start();
        r = run(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(' ') + QStringLiteral(": ") + QString::fromUtf8(r.err)));
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY2(!r.err.contains("ddpm: training") && !r.err.contains("wrote") && r.out.isEmpty(), r.err.constData());
        QVERIFY(timer.elapsed() < 30000); // refused before the work, not after it
        QCOMPARE(readAll(ckpt), good);
        QCOMPARE(readAll(readOnly), good);
        QCOMPARE(readAll(other), good);
        QCOMPARE(readAll(modelAsCsv), good);
        QCOMPARE(readAll(modelPng), good);
        QCOMPARE(readAll(oldLog), logBytes);
        QVERIFY(!QFile::exists(png));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("made")))); // no folder made for a refused run
        QVERIFY(!QImage(photo).isNull());                                  // still the image it was
    }

    // Asked for, it is replaced; converting a file in place needs no asking.
    r = run({QStringLiteral("export"), c, ckpt, o, other, QStringLiteral("--replace")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(readAll(other) != good);
    r = run({QStringLiteral("convert"), other, other});
    QVERIFY2(r.code == 0, r.err.constData());
    r = run({QStringLiteral("toy"), QStringLiteral("--T"), QStringLiteral("2"), QStringLiteral("--steps"),
             QStringLiteral("1"), QStringLiteral("--points"), QStringLiteral("10"), QStringLiteral("--count"),
             QStringLiteral("3"), o, dir.filePath(QStringLiteral("toy.csv"))});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto errors =
        QJsonDocument::fromJson(r.out).object().value(QStringLiteral("score_relative_error")).toObject();
    QCOMPARE(errors.keys(), QStringList{QStringLiteral("t=1")});
    // A toy model saved again under its name: refused, then replaced when asked.
    const QString toyModel = dir.filePath(QStringLiteral("toy.bin"));
    const QStringList toyRun{QStringLiteral("toy"),
                             QStringLiteral("--T"),
                             QStringLiteral("2"),
                             QStringLiteral("--steps"),
                             QStringLiteral("1"),
                             QStringLiteral("--points"),
                             QStringLiteral("10"),
                             QStringLiteral("--count"),
                             QStringLiteral("3"),
                             o,
                             dir.filePath(QStringLiteral("toy.csv")),
                             QStringLiteral("--save"),
                             toyModel};
    r = run(toyRun);
    QVERIFY2(r.code == 0 && QFile::exists(toyModel), r.err.constData());
    r = run(toyRun);
    QVERIFY2(r.code == 2 && r.err.contains("already exists: pass --replace"), r.err.constData());
    r = run(toyRun + QStringList{QStringLiteral("--replace")});
    QVERIFY2(r.code == 0, r.err.constData());
}

// kill -9 at random moments of a run that saves after every step: each time the checkpoint on disk is
// the previous good one or the new one, it loads, training resumes from it, and the log, continued
// by each resumed run, holds every step once. DDPM_KILL_ROUNDS sets the rounds (50 for the full check).
// The folder of --out goes away while the run trains (a disk unplugged, a full disk alike): the last save
// fails, and the model goes to the temporary folder instead of being lost, with the file named and what
// --out holds said.
void TestCli::failedLastSaveRescued()
{
    const QString gone = m_dir.filePath(QStringLiteral("gone")), rescue = m_dir.filePath(QStringLiteral("rescue"));
    QVERIFY(QDir().mkpath(gone) && QDir().mkpath(rescue));
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), rescue);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DDPM_CLI_PATH),
            {QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:200"),
             QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--batch"), QStringLiteral("8"),
             QStringLiteral("--steps"), QStringLiteral("300"), QStringLiteral("--out"),
             gone + QStringLiteral("/m.ckpt"), QStringLiteral("--device"), QStringLiteral("cpu")});
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += p.readAllStandardError()).contains("ddpm: training"), 60000);
    QVERIFY(QDir(gone).removeRecursively());
    QVERIFY(p.waitForFinished(120000));
    said += p.readAllStandardError();
    QCOMPARE(p.exitCode(), 1);
    const QRegularExpression saved(
        QStringLiteral("the model at step 300 is saved to (\\S+ddpm-unsaved-step300-\\d+\\.ckpt) "
                       "instead: move it where it belongs \\('\\S+/m.ckpt' is as it was "
                       "before this run\\)"));
    const auto m = saved.match(QString::fromUtf8(said));
    QVERIFY2(m.hasMatch(), said.constData());
    QVERIFY(m.captured(1).startsWith(rescue));
    const auto info = run({QStringLiteral("info"), m.captured(1)});
    QVERIFY2(info.code == 0, info.err.constData());
    QCOMPARE(QJsonDocument::fromJson(info.out).object().value(QStringLiteral("step")).toInt(), 300);
}

// A disk without room for the checkpoint is refused before the first step, with the room it has and needs.
// A log whose disk fills up mid-run is said once, with the step whose row failed; the log ends with the
// whole row before (the failed row's part cut off), the training goes on and is saved, and the run exits 1.
void TestCli::fullDiskDuringTraining()
{
    const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk"));
    DDPM_MOUNT_SMALL_DISK(disk, mountPoint, QStringLiteral("1m"));
    const QStringList tiny{QStringLiteral("train"),   QStringLiteral("--data"),   QStringLiteral("synthetic:200"),
                           QStringLiteral("--model"), QStringLiteral("tiny"),     QStringLiteral("--batch"),
                           QStringLiteral("8"),       QStringLiteral("--device"), QStringLiteral("cpu"),
                           QStringLiteral("--steps")};
    const QString small = mountPoint + QStringLiteral("/m.ckpt");
    auto r = run(tiny + QStringList{QStringLiteral("5"), QStringLiteral("--out"), small});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("MiB free, and the checkpoint needs about") && !r.err.contains("ddpm: training"),
             r.err.constData());
    QVERIFY(!QFile::exists(small));

    QVERIFY(fillDiskLeaving(mountPoint, 4096)); // one page: the log's header and about a hundred rows
    const QString log = mountPoint + QStringLiteral("/run.csv"), out = m_dir.filePath(QStringLiteral("log-disk.ckpt"));
    r = run(tiny + QStringList{QStringLiteral("300"), QStringLiteral("--out"), out, QStringLiteral("--log"), log});
    QCOMPARE(r.code, 1);
    const auto said =
        QRegularExpression(QStringLiteral("cannot write the log \\S+/run.csv at step (\\d+): the disk is full; the "
                                          "training goes on"))
            .match(QString::fromUtf8(r.err));
    QVERIFY2(said.hasMatch(), r.err.constData());
    const int failedStep = said.captured(1).toInt();
    QVERIFY2(failedStep > 20 && failedStep < 300, r.err.constData());
    QCOMPARE(
        QJsonDocument::fromJson(run({QStringLiteral("info"), out}).out).object().value(QStringLiteral("step")).toInt(),
        300);
    QCOMPARE(r.err.count("cannot write the log"), 1); // said once, where it happened
    QFile rows(log);
    QVERIFY(rows.open(QIODevice::ReadOnly));
    const QByteArray bytes = rows.readAll();
    QVERIFY2(bytes.endsWith('\n'), bytes.right(40).constData()); // no part of the failed row left behind
    const QList<QByteArray> lines = bytes.chopped(1).split('\n');
    QCOMPARE(lines.size(), failedStep); // the header and steps 1 … failedStep − 1
    for (int i = 1; i < lines.size(); ++i)
        QCOMPARE(lines[i].split(',').first().toInt(), i);
}

void TestCli::killedRunsLoseNothing()
{
    const int rounds =
        qEnvironmentVariableIsSet("DDPM_KILL_ROUNDS") ? qEnvironmentVariableIntValue("DDPM_KILL_ROUNDS") : 8;
    QTemporaryDir dir;
    const QString ckpt = dir.filePath(QStringLiteral("killed.ckpt"));
    const QString log = dir.filePath(QStringLiteral("killed.csv"));
    QRandomGenerator random(7);
    int64_t lastStep = 0;
    int killedWhileRunning = 0;
    for (int round = 0; round < rounds; ++round) {
        QStringList args{QStringLiteral("train"),
                         QStringLiteral("--data"),
                         QStringLiteral("synthetic:100"),
                         QStringLiteral("--model"),
                         QStringLiteral("tiny"),
                         QStringLiteral("--steps"),
                         QStringLiteral("1000000"),
                         QStringLiteral("--batch"),
                         QStringLiteral("4"),
                         QStringLiteral("--save-every"),
                         QStringLiteral("1"),
                         QStringLiteral("--out"),
                         ckpt,
                         QStringLiteral("--log"),
                         log,
                         QStringLiteral("--threads"),
                         QStringLiteral("1")};
        if (QFile::exists(ckpt))
            args << QStringLiteral("--resume") << ckpt;
        QProcess p;
        p.start(QStringLiteral(DDPM_HEADLESS_PATH), args);
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("ddpm: training"), 60000);
        QTest::qWait(int(random.bounded(50, 900)));
        killedWhileRunning += p.state() == QProcess::Running;
        QCOMPARE(::kill(pid_t(p.processId()), SIGKILL), 0);
        QVERIFY(p.waitForFinished(30000));
        if (!QFile::exists(ckpt))
            continue; // killed before its first save
        auto loaded = ddpm::loadCheckpoint(ckpt.toStdString(), torch::kCPU);
        QVERIFY2(loaded,
                 qPrintable(QStringLiteral("round %1: %2").arg(round).arg(QString::fromStdString(loaded.error()))));
        QVERIFY(loaded->step >= lastStep);
        lastStep = loaded->step;
    }
    QVERIFY(killedWhileRunning == rounds);
    QVERIFY2(lastStep > 0, "no round reached its first save: the kills came too early to test anything");
    // One more resumed run, to its end: it continues from the last checkpoint and cleans up.
    auto last = runHeadless({QStringLiteral("train"), QStringLiteral("--resume"), ckpt, QStringLiteral("--steps"),
                             QString::number(lastStep + 3), QStringLiteral("--save-every"), QStringLiteral("1"),
                             QStringLiteral("--out"), ckpt, QStringLiteral("--log"), log, QStringLiteral("--threads"),
                             QStringLiteral("1")});
    QVERIFY2(last.code == 0, last.err.constData());
    auto final = ddpm::loadCheckpoint(ckpt.toStdString(), torch::kCPU);
    QVERIFY(final);
    QCOMPARE(final->step, lastStep + 3);
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden).size(), 0);
    // The log: a header, then every step from 1 to the end once, in order.
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto rows = f.readAll().trimmed().split('\n');
    QVERIFY(rows[0].startsWith("step,loss"));
    QCOMPARE(int64_t(rows.size() - 1), lastStep + 3);
    for (int i = 1; i < rows.size(); ++i)
        QVERIFY2(rows[i].startsWith(QByteArray::number(i) + ","), rows[i].constData());
}

// `ddpm selfcheck` and `ddpm export` run to success once, their outputs checked: every selfcheck line
// passes (the last-step checks and the chain checks, six frames each), and a model exported for sampling
// draws the very images the original draws.
void TestCli::selfcheckAndExportSucceed()
{
    auto check = run({QStringLiteral("selfcheck")});
    QVERIFY2(check.code == 0, check.out.constData());
    const QList<QByteArray> lines = check.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 8);
    int chains = 0;
    for (const QByteArray& line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(o.value(QStringLiteral("pass")).toBool(), line.constData());
        if (o.value(QStringLiteral("check")).toString().endsWith(QLatin1String("-chain"))) {
            ++chains;
            QCOMPARE(o.value(QStringLiteral("frames")).toInt(), 6);
            QVERIFY(o.value(QStringLiteral("worst_standard_errors")).toDouble() < 5.0);
        } else {
            QVERIFY(o.value(QStringLiteral("max_err_vs_x0")).toDouble() < 1e-3);
        }
    }
    QCOMPARE(chains, 4);

    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    const QString exported = m_dir.filePath(QStringLiteral("exported.ckpt"));
    auto e = run({QStringLiteral("export"), QStringLiteral("--checkpoint"), demo, QStringLiteral("--out"), exported});
    QVERIFY2(e.code == 0, e.err.constData());
    auto info = run({QStringLiteral("info"), exported});
    QVERIFY2(info.code == 0, info.err.constData());
    QVERIFY(QJsonDocument::fromJson(info.out).object().value(QStringLiteral("sampling_only")).toBool());
    auto sample = [&](const QString& ckpt, const QString& png) {
        return run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--out"), png,
                    QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--sampler"), QStringLiteral("ddim"),
                    QStringLiteral("--steps"), QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("9"),
                    QStringLiteral("--precision"), QStringLiteral("fp32")});
    };
    const QString a = m_dir.filePath(QStringLiteral("from-demo.png")),
                  b = m_dir.filePath(QStringLiteral("from-export.png"));
    auto sa = sample(demo, a);
    QVERIFY2(sa.code == 0, sa.err.constData());
    auto sb = sample(exported, b);
    QVERIFY2(sb.code == 0, sb.err.constData());
    const QImage ia(a), ib(b);
    QVERIFY(!ia.isNull());
    QCOMPARE(ia, ib);
}

// `ddpm nll` on two held-out images with the shipped model: the JSON's terms add up to its total, the CSV
// has a row per term, every timestep is one network evaluation per image, and the estimate is finite.
void TestCli::nllOfTheDemoModel()
{
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    const QString csv = m_dir.filePath(QStringLiteral("nll.csv"));
    const QString data =
        ddpm::fashionMnistAvailable() ? QStringLiteral("fashion-mnist:test") : QStringLiteral("synthetic:2");
    auto r = run({QStringLiteral("nll"), QStringLiteral("--checkpoint"), demo, QStringLiteral("--data"), data,
                  QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--csv"), csv});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("images")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("dims")).toInt(), 32 * 32);
    QCOMPARE(o.value(QStringLiteral("network_evaluations")).toInt(), 2 * (1000 + 11)); // the terms, the estimate
    QCOMPARE(o.value(QStringLiteral("precision")).toString(), QStringLiteral("fp32")); // the default, and said
    const double total = o.value(QStringLiteral("bits_per_dim")).toDouble();
    QVERIFY2(total > 0 && total < 8, r.out.constData()); // below the 8 bits of a uniform model
    const QJsonObject terms = o.value(QStringLiteral("terms_bits_per_dim")).toObject();
    double sum = 0;
    for (const auto& v : terms)
        sum += v.toDouble();
    QVERIFY2(std::abs(sum - total) < 1e-9 * total, r.out.constData());
    QVERIFY(
        std::isfinite(o.value(QStringLiteral("estimate")).toObject().value(QStringLiteral("bits_per_dim")).toDouble()));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 1 + 1000); // header, L_T, L_999 … L_0
    QCOMPARE(lines.first(), QByteArray("term,t,bits_per_dim,standard_error"));
    QVERIFY(lines.last().startsWith("L_0,1,"));
    // The table's rows are the JSON's terms: L_T (the prior) first, L_0 (the decoder) last, and the rows
    // between add up to L_1 … L_T−1 (means of sums are sums of means). The CSV keeps 9 digits.
    const auto bitsAt = [&](int line) { return lines[line].split(',')[2].toDouble(); };
    QVERIFY(lines[1].startsWith("L_1000,1000,"));
    const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-7 * std::max(std::abs(b), 1e-3); };
    QVERIFY2(near(bitsAt(1), terms.value(QStringLiteral("L_T")).toDouble()), r.out.constData());
    QVERIFY2(near(bitsAt(lines.size() - 1), terms.value(QStringLiteral("L_0")).toDouble()), r.out.constData());
    double middle = 0;
    for (int line = 2; line < lines.size() - 1; ++line)
        middle += bitsAt(line);
    QVERIFY2(std::abs(middle - terms.value(QStringLiteral("L_1_to_L_T-1")).toDouble()) < 1e-6 * total,
             r.out.constData());
    // The decoder's term is the largest: the prior of a linear schedule is nearly free.
    QVERIFY2(terms.value(QStringLiteral("L_0")).toDouble() > terms.value(QStringLiteral("L_T")).toDouble(),
             r.out.constData());
}

// A test set measured in pieces (--skip) gives what one run gives: each image's noise follows from its
// index in the set, not from its place in a batch. Images 1 and 2 in one batch against each on its own: the
// mean is theirs and the standard error their sample standard deviation over √2, |a − b| / 2.
void TestCli::nllPiecesMakeTheWhole()
{
    const QString ckpt = m_dir.filePath(QStringLiteral("nll-pieces.ckpt"));
    auto r = run({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"),
                  QStringLiteral("2"), QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--data"),
                  QStringLiteral("synthetic:8"), QStringLiteral("--out"), ckpt, QStringLiteral("--device"),
                  QStringLiteral("cpu")});
    QVERIFY2(r.code == 0, r.err.constData());
    const auto nll = [&](int skip, int count, const QStringList& more = {}) {
        auto n = run(QStringList{QStringLiteral("nll"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--data"),
                                 QStringLiteral("synthetic:8"), QStringLiteral("--skip"), QString::number(skip),
                                 QStringLiteral("--count"), QString::number(count)} +
                     (more.contains(QStringLiteral("--seed"))
                          ? more
                          : more + QStringList{QStringLiteral("--seed"), QStringLiteral("7")}));
        return n.code == 0 ? QJsonDocument::fromJson(n.out).object() : QJsonObject();
    };
    const QJsonObject both = nll(1, 2);
    QVERIFY(!both.isEmpty());
    double each[2];
    for (int k = 0; k < 2; ++k) {
        const QJsonObject one = nll(1 + k, 1);
        QCOMPARE(one.value(QStringLiteral("first_image")).toInt(), 1 + k);
        QVERIFY(one.value(QStringLiteral("standard_error")).isNull()); // one image: no spread to measure
        each[k] = one.value(QStringLiteral("bits_per_dim")).toDouble();
    }
    const double bits = both.value(QStringLiteral("bits_per_dim")).toDouble();
    const double se = both.value(QStringLiteral("standard_error")).toDouble();
    const double mean = (each[0] + each[1]) / 2, spread = std::abs(each[0] - each[1]) / 2;
    QVERIFY2(std::abs(bits - mean) < 1e-6 * mean,
             qPrintable(QStringLiteral("together %1, apart %2 and %3").arg(bits).arg(each[0]).arg(each[1])));
    QVERIFY2(std::abs(se - spread) < 1e-5 * spread,
             qPrintable(QStringLiteral("standard error %1, from the two %2").arg(se).arg(spread)));
    QVERIFY(spread > 1e-6); // the images differ: the checks above are not 0 = 0
    // In batches of one: the same (the second batch's noise is image 2's, not the first batch's again).
    const double oneByOne =
        nll(1, 2, {QStringLiteral("--batch"), QStringLiteral("1")}).value(QStringLiteral("bits_per_dim")).toDouble();
    QVERIFY2(std::abs(oneByOne - bits) < 1e-6 * bits,
             qPrintable(QStringLiteral("%1 against %2").arg(oneByOne).arg(bits)));
    // The options reach the measurement, not only the report: σ_t² = β_t, unclipped x̂₀ and another seed each
    // give another bound, and the JSON says which was measured.
    const QJsonObject beta = nll(1, 2, {QStringLiteral("--variance"), QStringLiteral("beta")}),
                      unclipped = nll(1, 2, {QStringLiteral("--no-clip")}),
                      seed8 = nll(1, 2, {QStringLiteral("--seed"), QStringLiteral("8")});
    QCOMPARE(beta.value(QStringLiteral("variance")).toString(), QStringLiteral("beta"));
    QCOMPARE(both.value(QStringLiteral("variance")).toString(), QStringLiteral("beta-tilde"));
    QCOMPARE(unclipped.value(QStringLiteral("clip_x0")).toBool(true), false);
    QCOMPARE(seed8.value(QStringLiteral("seed")).toInt(), 8);
    for (const QJsonObject* other : {&beta, &unclipped, &seed8})
        QVERIFY2(std::abs(other->value(QStringLiteral("bits_per_dim")).toDouble() - bits) > 1e-6 * bits,
                 QJsonDocument(*other).toJson().constData());
    // Without --data, a model of a data set with no test split is measured on that set, and told so.
    r = run(
        {QStringLiteral("nll"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--count"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("data")).toString(),
             QStringLiteral("synthetic:8"));
    QVERIFY2(r.err.contains("note: the model trained on these images (synthetic:8)"), r.err.constData());
}

// `ddpm toy`: the exact score's ancestral samples are the ring's (each mode an eighth, CSV written); a
// short training saves a model that --load samples again; bad input is refused in words.
void TestCli::toyTrainsSamplesAndRefuses()
{
    const QString out = m_dir.filePath(QStringLiteral("toy.csv"));
    auto r = run({QStringLiteral("toy"), QStringLiteral("--exact"), QStringLiteral("--count"), QStringLiteral("800"),
                  QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("network_evaluations_per_sample")).toInt(), 1000);
    const QJsonArray shares = o.value(QStringLiteral("mode_shares")).toArray();
    QCOMPARE(shares.size(), 8);
    for (const auto& v : shares)
        QVERIFY2(std::abs(v.toDouble() - 0.125) < 0.05, r.out.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 801); // header and a row a point
    QCOMPARE(lines.first(), QByteArray("x,y"));

    const QString model = m_dir.filePath(QStringLiteral("toy.safetensors"));
    r = run({QStringLiteral("toy"), QStringLiteral("--data"), QStringLiteral("moons"), QStringLiteral("--steps"),
             QStringLiteral("200"), QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--levels"),
             QStringLiteral("20"), QStringLiteral("--count"), QStringLiteral("50"), QStringLiteral("--save"), model,
             QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("training_steps")).toInt(), 200);
    QCOMPARE(o.value(QStringLiteral("network_evaluations_per_sample")).toInt(), 20);
    r = run({QStringLiteral("toy"), QStringLiteral("--load"), model, QStringLiteral("--sampler"), QStringLiteral("pc"),
             QStringLiteral("--corrector-steps"), QStringLiteral("2"), QStringLiteral("--count"), QStringLiteral("20"),
             QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("network_evaluations_per_sample")).toInt(), 1000 + 999 * 2);
    // The report is of the loaded model's data (moons), not of the default ring.
    QCOMPARE(o.value(QStringLiteral("data")).toString(), QStringLiteral("moons"));
    QVERIFY(!o.contains(QStringLiteral("mode_shares")) && !o.contains(QStringLiteral("score_relative_error")));
    // Settings the loaded model fixes, and --save where nothing is trained: refused, not ignored.
    for (const QStringList& extra : {QStringList{QStringLiteral("--T"), QStringLiteral("50")},
                                     QStringList{QStringLiteral("--data"), QStringLiteral("gmm8")},
                                     QStringList{QStringLiteral("--save"), m_dir.filePath(QStringLiteral("s.toy"))}}) {
        r = run(QStringList{QStringLiteral("toy"), QStringLiteral("--load"), model, QStringLiteral("--out"), out} +
                extra);
        QVERIFY2(r.code == 2, r.err.constData());
    }
    r = run({QStringLiteral("toy"), QStringLiteral("--exact"), QStringLiteral("--save"),
             m_dir.filePath(QStringLiteral("s.toy")), QStringLiteral("--out"), out});
    QVERIFY2(r.code == 2 && r.err.contains("--save"), r.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("s.toy"))));
    r = run({QStringLiteral("toy"), QStringLiteral("--exact"), QStringLiteral("--steps"), QStringLiteral("500"),
             QStringLiteral("--out"), out});
    QVERIFY2(r.code == 2 && r.err.contains("--steps: --exact samples with the mixture's exact score"),
             r.err.constData());

    r = run(
        {QStringLiteral("toy"), QStringLiteral("--sampler"), QStringLiteral("euler"), QStringLiteral("--out"), out});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("unknown sampler 'euler'"), r.err.constData());
    // A run is repeated by its seed (the network's first weights included); another seed differs.
    const auto toyRun = [&](const QString& seed, const QString& file) {
        const auto t = run({QStringLiteral("toy"), QStringLiteral("--steps"), QStringLiteral("20"),
                            QStringLiteral("--T"), QStringLiteral("50"), QStringLiteral("--count"), QStringLiteral("5"),
                            QStringLiteral("--seed"), seed, QStringLiteral("--out"), file});
        QFile points(file);
        return t.code == 0 && points.open(QIODevice::ReadOnly) ? points.readAll() : QByteArray();
    };
    const QByteArray first = toyRun(QStringLiteral("3"), m_dir.filePath(QStringLiteral("seed-a.csv")));
    QVERIFY(!first.isEmpty());
    QCOMPARE(toyRun(QStringLiteral("3"), m_dir.filePath(QStringLiteral("seed-b.csv"))), first);
    QVERIFY(toyRun(QStringLiteral("4"), m_dir.filePath(QStringLiteral("seed-c.csv"))) != first);
    // --out naming the --data points would replace them; more levels than T are refused, not lowered.
    const QString points = m_dir.filePath(QStringLiteral("seed-a.csv"));
    r = run({QStringLiteral("toy"), QStringLiteral("--data"), QStringLiteral("csv:") + points, QStringLiteral("--out"),
             points, QStringLiteral("--steps"), QStringLiteral("5"), QStringLiteral("--T"), QStringLiteral("50")});
    QVERIFY2(r.code == 2 && r.err.contains("is the --data file"), r.err.constData());
    QFile kept(points);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), first);
    r = run({QStringLiteral("toy"), QStringLiteral("--T"), QStringLiteral("50"), QStringLiteral("--sampler"),
             QStringLiteral("ddim"), QStringLiteral("--levels"), QStringLiteral("80"), QStringLiteral("--out"), out});
    QVERIFY2(r.code == 2 && r.err.contains("between 1 and 50"), r.err.constData());
    const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("x,y\n1,2\nthree,4\n");
    b.close();
    r = run(
        {QStringLiteral("toy"), QStringLiteral("--data"), QStringLiteral("csv:") + bad, QStringLiteral("--out"), out});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("line 3"), r.err.constData());
    r = run({QStringLiteral("toy"), QStringLiteral("--load"), bad, QStringLiteral("--out"), out});
    QCOMPARE(r.code, 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
