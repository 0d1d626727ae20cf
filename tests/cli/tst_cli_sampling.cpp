// ddpm sample, interpolate and quality end to end on tiny settings (the commands of the Qt build that run the
// reverse process): their options, outputs and sidecars are an interface.
#include "animation.h"

#include "clitest.h"

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

#include <thread>
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

class TestCliSampling : public CliTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void interpolateNotesUnusedOptions();
    void samplingNotesUnusedOptions();
    void busyCoresNoted();
    void interpolateGuided();
    void interpolateHalfwayByDefault();
    void animationTooLargeRefusedFirst();
    void everyClassSidecarsNameTheirClass();
    void sampleInChunksToFolder();
    void samplerOptionsReachImagesAndSidecars();
    void qualityMissingCheckpoint();
    void classifierAndQualitySucceed();
};

void TestCliSampling::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// interpolate takes --t for its ddpm walk and --steps for its ddim one: the other given is said to be unused,
// and the walk is still drawn.
void TestCliSampling::interpolateNotesUnusedOptions()
{
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    const QString png = m_dir.filePath(QStringLiteral("walk.png"));
    const QStringList common{QStringLiteral("interpolate"), QStringLiteral("--checkpoint"), demo,
                             QStringLiteral("--data"),      QStringLiteral("synthetic:4"),  QStringLiteral("--lambdas"),
                             QStringLiteral("2"),           QStringLiteral("--out"),        png};
    auto ddim = run(common + QStringList{QStringLiteral("--mode"), QStringLiteral("ddim"), QStringLiteral("--steps"),
                                         QStringLiteral("2"), QStringLiteral("--t"), QStringLiteral("10")},
                    120000);
    QVERIFY2(ddim.code == 0 && ddim.err.contains("--t is for --mode ddpm"), ddim.err.constData());
    QVERIFY(QImage(png).width() > 0);
    auto ddpm = run(common + QStringList{QStringLiteral("--t"), QStringLiteral("3"), QStringLiteral("--steps"),
                                         QStringLiteral("2")},
                    120000);
    QVERIFY2(ddpm.code == 0 && ddpm.err.contains("--steps is for --mode ddim"), ddpm.err.constData());
    auto plain = run(common + QStringList{QStringLiteral("--t"), QStringLiteral("3")}, 120000);
    QVERIFY2(plain.code == 0 && !clitest::hasNote(plain.err), plain.err.constData());
}

// sample and quality say which of the options given their sampler, corrector or sweep does not use,
// rather than drop them silently; with options that are all used, no note.
void TestCliSampling::samplingNotesUnusedOptions()
{
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    const QString png = m_dir.filePath(QStringLiteral("unused-options.png"));
    const QStringList common{QStringLiteral("sample"),
                             QStringLiteral("--checkpoint"),
                             demo,
                             QStringLiteral("--count"),
                             QStringLiteral("1"),
                             QStringLiteral("--steps"),
                             QStringLiteral("2"),
                             QStringLiteral("--out"),
                             png};
    const auto sample = [&](const QStringList& extra) { return run(common + extra, 120000); };
    const QList<QPair<QStringList, QByteArray>> cases = {
        {{QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--frames"), QStringLiteral("5")},
         "--frames sets the frames of --strip"},
        {{QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--snr"), QStringLiteral("0.2")},
         "--snr is for --corrector langevin"},
        {{QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--corrector-steps"),
          QStringLiteral("2")},
         "--corrector-steps is for --corrector langevin and the langevin samplers; ddim"},
        {{QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--langevin-step"),
          QStringLiteral("0.3")},
         "--langevin-step is for the langevin samplers; ddim"},
        {{QStringLiteral("--sampler"), QStringLiteral("langevin"), QStringLiteral("--corrector"),
          QStringLiteral("langevin")},
         "--corrector langevin is for ddpm and ddim; langevin is Langevin dynamics already"},
        {{QStringLiteral("--sampler"), QStringLiteral("langevin"), QStringLiteral("--spacing"),
          QStringLiteral("trailing")},
         "--spacing is for ddim; langevin does not use it"},
    };
    for (const auto& [extra, note] : cases) {
        const auto r = sample(extra);
        QVERIFY2(r.code == 0 && r.err.contains(note),
                 (extra.join(QLatin1Char(' ')).toUtf8() + ": " + r.err).constData());
    }
    const auto used = sample({QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--corrector"),
                              QStringLiteral("langevin"), QStringLiteral("--snr"), QStringLiteral("0.2"),
                              QStringLiteral("--corrector-steps"), QStringLiteral("2"), QStringLiteral("--spacing"),
                              QStringLiteral("trailing")});
    QVERIFY2(used.code == 0 && !clitest::hasNote(used.err), used.err.constData());
    const auto langevin =
        sample({QStringLiteral("--sampler"), QStringLiteral("langevin"), QStringLiteral("--langevin-step"),
                QStringLiteral("0.3"), QStringLiteral("--corrector-steps"), QStringLiteral("2")});
    QVERIFY2(langevin.code == 0 && !clitest::hasNote(langevin.err), langevin.err.constData());
    // Its cost is said beside its steps: K = 2 Langevin steps at each of 2 levels, and the denoising step.
    QVERIFY2(langevin.err.contains("1 image, 2 steps each (5 network evaluations)"), langevin.err.constData());
    const auto ddim = sample({QStringLiteral("--sampler"), QStringLiteral("ddim")}); // a step, an evaluation
    QVERIFY2(ddim.code == 0 && ddim.err.contains("2 steps each") && !ddim.err.contains("network evaluations"),
             ddim.err.constData());
    // A sweep sets its own sampler settings; the note comes before the model is opened.
    const auto sweep = run({QStringLiteral("quality"), QStringLiteral("--checkpoint"),
                            m_dir.filePath(QStringLiteral("no-such-model.ckpt")), QStringLiteral("--sweep"),
                            QStringLiteral("--steps"), QStringLiteral("5")});
    QVERIFY2(sweep.code != 0 && sweep.err.contains("--sweep measures its own sampler settings; --steps is not used"),
             sweep.err.constData());
    // The sweep's DDIM rows take --spacing (no note); a single DDPM measurement does not.
    const auto trailingSweep = run({QStringLiteral("quality"), QStringLiteral("--checkpoint"),
                                    m_dir.filePath(QStringLiteral("no-such-model.ckpt")), QStringLiteral("--sweep"),
                                    QStringLiteral("--spacing"), QStringLiteral("trailing")});
    QVERIFY2(trailingSweep.code != 0 && !clitest::hasNote(trailingSweep.err), trailingSweep.err.constData());
    const auto ddpmQuality = run({QStringLiteral("quality"), QStringLiteral("--checkpoint"),
                                  m_dir.filePath(QStringLiteral("no-such-model.ckpt")), QStringLiteral("--sampler"),
                                  QStringLiteral("ddpm"), QStringLiteral("--spacing"), QStringLiteral("trailing")});
    QVERIFY2(ddpmQuality.err.contains("--spacing is for ddim; ddpm does not use it"), ddpmQuality.err.constData());
    // --dist-timeout outside a data-parallel job.
    const auto single = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:16"),
                             QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"),
                             QStringLiteral("0"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("alone.ckpt")),
                             QStringLiteral("--dist-timeout"), QStringLiteral("5")});
    QVERIFY2(single.code == 0 && single.err.contains("--dist-timeout is for a data-parallel job"),
             single.err.constData());
}

// Beside programs that keep every core busy, a run on all the cores says so and names a count that would not
// wait for them; a count the user gave is theirs.
void TestCliSampling::busyCoresNoted()
{
    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    const auto sample = [&](const QStringList& extra) {
        return run(QStringList{QStringLiteral("sample"), QStringLiteral("--checkpoint"), demo,
                               QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--steps"),
                               QStringLiteral("2"), QStringLiteral("--out"),
                               m_dir.filePath(QStringLiteral("busy.png"))} +
                       extra,
                   120000);
    };
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    if (cores < 2)
        QSKIP("one core: nothing else can keep the others busy");
    {
        clitest::BusyCores busy;
        QTest::qWait(50);
        if (clitest::runningThreads() <= cores) // a sandbox's /proc/loadavg, which does not count threads
            QSKIP("/proc/loadavg does not count the running threads here");
        const auto crowded = sample({QStringLiteral("--sampler"), QStringLiteral("ddim")});
        const QRegularExpression count(QStringLiteral("other programs are busy on these (\\d+) cores: .* --threads "
                                                      "(\\d+) may be much faster"));
        const auto said = count.match(QString::fromUtf8(crowded.err));
        QVERIFY2(crowded.code == 0 && said.hasMatch() && said.captured(1).toInt() == cores &&
                     said.captured(2).toInt() < cores,
                 crowded.err.constData());
        const auto chosen = sample(
            {QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(chosen.code == 0 && !chosen.err.contains("other programs are busy"), chosen.err.constData());
    }
}

// A walk with a class-conditional model: towards --class with guidance w (1 when not given), recorded in the
// sidecar; guidance changes the images; guidance without a class, or on a model without classes, is refused.
void TestCliSampling::interpolateGuided()
{
    const QString models = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/");
    const QString png = m_dir.filePath(QStringLiteral("guided.png"));
    auto walk = [&](const QString& model, const QStringList& extra) {
        return run(QStringList{QStringLiteral("interpolate"), QStringLiteral("--checkpoint"), models + model,
                               QStringLiteral("--data"), QStringLiteral("synthetic:4"), QStringLiteral("--lambdas"),
                               QStringLiteral("2"), QStringLiteral("--t"), QStringLiteral("3"), QStringLiteral("--out"),
                               png} +
                       extra,
                   120000);
    };
    auto sidecar = [&] {
        QFile f(png + QStringLiteral(".json"));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    };
    const QString conditional = QStringLiteral("fashion-mnist-conditional.ckpt");
    auto plain = walk(conditional, {QStringLiteral("--class"), QStringLiteral("Trouser"), QStringLiteral("--guidance"),
                                    QStringLiteral("0")});
    QVERIFY2(plain.code == 0, plain.err.constData());
    const QImage unguided(png);
    QCOMPARE(sidecar().value(QStringLiteral("class")).toString(), QStringLiteral("Trouser"));
    QCOMPARE(sidecar().value(QStringLiteral("guidance")).toDouble(), 0.0);
    auto guided = walk(conditional, {QStringLiteral("--class"), QStringLiteral("Trouser")});
    QVERIFY2(guided.code == 0, guided.err.constData());
    QCOMPARE(sidecar().value(QStringLiteral("guidance")).toDouble(), 1.0); // the default with a class
    QVERIFY(QImage(png) != unguided);
    auto none = walk(conditional, {});
    QVERIFY2(none.code == 0, none.err.constData());
    QCOMPARE(sidecar().value(QStringLiteral("class")).toString(), QStringLiteral("none"));
    QCOMPARE(sidecar().value(QStringLiteral("guidance")).toDouble(), 0.0);
    auto noClass = walk(conditional, {QStringLiteral("--guidance"), QStringLiteral("2")});
    QVERIFY2(noClass.code == 2 && noClass.err.contains("guidance needs a class"), noClass.err.constData());
    auto unconditional =
        walk(QStringLiteral("fashion-mnist-demo.ckpt"), {QStringLiteral("--guidance"), QStringLiteral("1")});
    QVERIFY2(unconditional.code == 2 && unconditional.err.contains("trained without classes"),
             unconditional.err.constData());
}

// Without --t the walk starts halfway, at the model's T / 2, whatever T it was trained with.
void TestCliSampling::interpolateHalfwayByDefault()
{
    auto c = ddpm::makeConfig("tiny").value();
    c.schedule.steps = 20;
    const QString ckpt = m_dir.filePath(QStringLiteral("t20.ckpt"));
    ddpm::Trainer trainer(c, torch::kCPU);
    QVERIFY(trainer.save(ckpt.toStdString()));
    const QString png = m_dir.filePath(QStringLiteral("halfway.png"));
    const QStringList walk{QStringLiteral("interpolate"), QStringLiteral("--checkpoint"), ckpt,
                           QStringLiteral("--data"),      QStringLiteral("synthetic:4"),  QStringLiteral("--lambdas"),
                           QStringLiteral("2"),           QStringLiteral("--out"),        png};
    auto r = run(walk, 120000);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.err.contains("at t = 10"), r.err.constData());
    QFile json(png + QStringLiteral(".json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const auto sidecar = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(sidecar.value(QStringLiteral("steps")).toInt(), 10);
    // The walk's scale (2 when not given): two 16-pixel images and two mixes a row, each twice as wide.
    QCOMPARE(sidecar.value(QStringLiteral("scale")).toInt(), 2);
    QCOMPARE(QImage(png).width(), 4 * 32 + 5 * 2);
    // What it takes to draw the walk again.
    const auto w = sidecar.value(QStringLiteral("walk")).toObject();
    QCOMPARE(w.value(QStringLiteral("data")).toString(), QStringLiteral("synthetic:4"));
    QCOMPARE(w.value(QStringLiteral("a")).toInt(-1), 0);
    QCOMPARE(w.value(QStringLiteral("b")).toInt(-1), 1);
    QCOMPARE(w.value(QStringLiteral("lambdas")).toInt(), 2);
    QCOMPARE(w.value(QStringLiteral("mode")).toString(), QStringLiteral("ddpm"));
    QCOMPARE(w.value(QStringLiteral("start_t")).toInt(), 10);
    QCOMPARE(w.value(QStringLiteral("frames")).toInt(), 1);
    QVERIFY(!sidecar.contains(QStringLiteral("eta"))); // DDPM's walk: no DDIM η
    // Three rows asked for, three drawn; from t = 0 there is nothing to denoise: one row, and the sidecar
    // says so.
    const auto rowsOf = [&](const QStringList& more, const QString& out) {
        auto drawn = run(QStringList(walk.mid(0, walk.size() - 1)) << out << more, 120000);
        QFile side(out + QStringLiteral(".json"));
        if (drawn.code != 0 || !side.open(QIODevice::ReadOnly))
            return std::pair<int, int>{-1, -1};
        const auto o = QJsonDocument::fromJson(side.readAll()).object();
        return std::pair<int, int>{QImage(out).height(),
                                   o.value(QStringLiteral("walk")).toObject().value(QStringLiteral("frames")).toInt()};
    };
    const auto one = QImage(png).height();
    const auto three =
        rowsOf({QStringLiteral("--frames"), QStringLiteral("3")}, m_dir.filePath(QStringLiteral("three.png")));
    QCOMPARE(three.second, 3);
    QVERIFY(three.first > 2 * one);
    const auto fromX0 =
        rowsOf({QStringLiteral("--frames"), QStringLiteral("3"), QStringLiteral("--t"), QStringLiteral("0")},
               m_dir.filePath(QStringLiteral("from-x0.png")));
    QCOMPARE(fromX0.second, 1);
    QCOMPARE(fromX0.first, one);
    r = run(walk + QStringList{QStringLiteral("--t"), QStringLiteral("21")}, 120000);
    QVERIFY2(r.code == 2 && r.err.contains("--t 21: the model has T = 20 steps"), r.err.constData());
}

// An animated WebP holds frames of at most 16383 pixels a side: 64 images of 64 pixels at --scale 32 on an 8 × 8
// grid (8 · 2048 + 9 · 2 = 16402 pixels) are refused before any image is drawn, with the sizes, and nothing is
// written; as a GIF (up to 65535) they would fit.
void TestCliSampling::animationTooLargeRefusedFirst()
{
    auto c = ddpm::makeConfig("tiny").value();
    c.unet.imageSize(64);
    const QString ckpt = m_dir.filePath(QStringLiteral("wide64.ckpt"));
    QVERIFY(ddpm::Trainer(c, torch::kCPU).save(ckpt.toStdString()));
    const QString webp = m_dir.filePath(QStringLiteral("wide.webp")), png = m_dir.filePath(QStringLiteral("wide.png"));
    QElapsedTimer timer;
    timer.start();
    auto r = run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--count"),
                  QStringLiteral("64"), QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
                  QStringLiteral("1"), QStringLiteral("--scale"), QStringLiteral("32"), QStringLiteral("--gif"), webp,
                  QStringLiteral("--out"), png});
    QVERIFY2(r.code == 2, r.err.constData());
    QVERIFY2(r.err.contains("--gif " + webp.toUtf8() + " at --scale 32") && r.err.contains("16402 × 16402 pixels") &&
                 r.err.contains("at most 16383"),
             r.err.constData());
    QVERIFY2(!r.err.contains("drawing"), r.err.constData()); // refused before sampling
    QVERIFY(timer.elapsed() < 60000);
    QVERIFY(!QFile::exists(webp) && !QFile::exists(webp + QStringLiteral(".json")) && !QFile::exists(png));
}

// --class all draws image i as class i mod K: each image's sidecar in --out-dir names that class (and that
// the run took every class), so that an image can be told apart without counting.
void TestCliSampling::everyClassSidecarsNameTheirClass()
{
    const QString dir = m_dir.filePath(QStringLiteral("every-class"));
    auto r = run({QStringLiteral("sample"), QStringLiteral("--checkpoint"),
                  QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-conditional.ckpt"),
                  QStringLiteral("--class"), QStringLiteral("all"), QStringLiteral("--count"), QStringLiteral("3"),
                  QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"), QStringLiteral("1"),
                  QStringLiteral("--out-dir"), dir},
                 120000);
    QVERIFY2(r.code == 0, r.err.constData());
    const QStringList fashion{QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover")};
    for (int i = 0; i < 3; ++i) {
        QFile json(QDir(dir).filePath(QStringLiteral("sample-%1.png.json").arg(i, 5, 10, QLatin1Char('0'))));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const auto o = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("class")).toString(), fashion[i]);
        QCOMPARE(o.value(QStringLiteral("class_choice")).toString(), QStringLiteral("all"));
    }
}

// Each sampler option changes the images it should, and the sidecar says how they were made: enough to
// make them again.
void TestCliSampling::samplerOptionsReachImagesAndSidecars()
{
    const QString ckpt = m_dir.filePath(QStringLiteral("options.ckpt"));
    auto t = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:50"),
                  QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("2"),
                  QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--out"), ckpt});
    QVERIFY2(t.code == 0, t.err.constData());
    int made = 0;
    // The first image and its sidecar for these options.
    auto sample = [&](const QStringList& options, QJsonObject* sidecar) {
        const QString dir = m_dir.filePath(QStringLiteral("options%1").arg(++made));
        auto r = run(QStringList{QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt,
                                 QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--out-dir"), dir} +
                     options);
        if (r.code != 0)
            qWarning("%s", r.err.constData());
        QFile f(dir + QStringLiteral("/sample-00000.png.json"));
        if (f.open(QIODevice::ReadOnly))
            *sidecar = QJsonDocument::fromJson(f.readAll()).object();
        return QImage(dir + QStringLiteral("/sample-00000.png"));
    };
    const auto ddim = [](const QString& eta, const QString& seed) {
        return QStringList{QStringLiteral("--sampler"), QStringLiteral("ddim"),
                           QStringLiteral("--steps"),   QStringLiteral("5"),
                           QStringLiteral("--eta"),     eta,
                           QStringLiteral("--seed"),    seed};
    };
    QJsonObject a, b, c, d, e, f;
    const QImage base = sample(ddim(QStringLiteral("0"), QStringLiteral("3")), &a);
    QVERIFY(!base.isNull());
    QCOMPARE(a.value(QStringLiteral("sampler")).toString(), QStringLiteral("ddim"));
    QCOMPARE(a.value(QStringLiteral("eta")).toDouble(), 0.0);
    QCOMPARE(a.value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
    QCOMPARE(a.value(QStringLiteral("clip_x0")).toBool(), true);
    QCOMPARE(a.value(QStringLiteral("steps")).toInt(), 5); // DDIM's steps
    QVERIFY(!a.contains(QStringLiteral("variance")));      // σ_t² follows from η: no variance choice to record
    QCOMPARE(a.value(QStringLiteral("spacing")).toString(), QStringLiteral("linspace")); // DDIM's default
    QCOMPARE(a.value(QStringLiteral("training_step")).toInt(), 2);
    QFile weights(ckpt);
    QVERIFY(weights.open(QIODevice::ReadOnly));
    QCOMPARE(a.value(QStringLiteral("checkpoint_sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(weights.readAll(), QCryptographicHash::Sha256).toHex()));
    QVERIFY(sample(ddim(QStringLiteral("0"), QStringLiteral("3")), &b) == base); // the same options, the same image
    QVERIFY(sample(ddim(QStringLiteral("1"), QStringLiteral("3")), &b) != base);
    QCOMPARE(b.value(QStringLiteral("eta")).toDouble(), 1.0);
    QVERIFY(sample(ddim(QStringLiteral("0"), QStringLiteral("4")), &c) != base);
    QCOMPARE(c.value(QStringLiteral("seed")).toString(), QStringLiteral("4"));
    sample(ddim(QStringLiteral("0"), QStringLiteral("3")) +
               QStringList{QStringLiteral("--spacing"), QStringLiteral("trailing")},
           &b);
    QCOMPARE(b.value(QStringLiteral("spacing")).toString(), QStringLiteral("trailing"));
    // This barely trained model's x̂₀ is clipped flat at either spacing's last step; the demo model draws
    // another image from the same noise when its five steps lie elsewhere.
    const auto demoImage = [&](const QString& spacing) {
        const QString png = m_dir.filePath(QStringLiteral("demo-%1.png").arg(spacing));
        auto r = run(QStringList{QStringLiteral("sample"), QStringLiteral("--checkpoint"),
                                 QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt"),
                                 QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--spacing"), spacing,
                                 QStringLiteral("--out"), png} +
                     ddim(QStringLiteral("0"), QStringLiteral("3")));
        return r.code == 0 ? QImage(png) : QImage();
    };
    const QImage evenly = demoImage(QStringLiteral("linspace")), trailingImage = demoImage(QStringLiteral("trailing"));
    QVERIFY(!evenly.isNull() && !trailingImage.isNull());
    QVERIFY(evenly != trailingImage);
    // Trailing steps of the tiny model's T = 1000: 1000, 800, …, 200, then x₀, frame by frame in the GIF.
    const QString trailingGif = m_dir.filePath(QStringLiteral("trailing.gif"));
    auto trailing =
        run(QStringList{QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--count"),
                        QStringLiteral("1"), QStringLiteral("--gif"), trailingGif, QStringLiteral("--out"),
                        m_dir.filePath(QStringLiteral("trailing.png"))} +
            ddim(QStringLiteral("0"), QStringLiteral("3")) +
            QStringList{QStringLiteral("--spacing"), QStringLiteral("trailing")});
    QVERIFY2(trailing.code == 0, trailing.err.constData());
    QFile trailingSide(trailingGif + QStringLiteral(".json"));
    QVERIFY(trailingSide.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(trailingSide.readAll()).object().value(QStringLiteral("frame_t")).toArray(),
             (QJsonArray{1000, 800, 600, 400, 200, 0}));
    const QStringList ddpm{QStringLiteral("--sampler"), QStringLiteral("ddpm"), QStringLiteral("--seed"),
                           QStringLiteral("3")};
    const QImage ancestral = sample(ddpm, &d);
    QVERIFY(sample(ddpm + QStringList{QStringLiteral("--variance"), QStringLiteral("beta")}, &e) != ancestral);
    QCOMPARE(d.value(QStringLiteral("variance")).toString(), QStringLiteral("beta-tilde"));
    QCOMPARE(d.value(QStringLiteral("steps")).toInt(), 1000); // every one of the tiny model's T
    QVERIFY(!d.contains(QStringLiteral("eta")));              // DDIM's η: ancestral sampling has none
    QVERIFY(!d.contains(QStringLiteral("spacing")));          // nor its spacing: DDPM takes every step
    QCOMPARE(e.value(QStringLiteral("variance")).toString(), QStringLiteral("beta"));
    QVERIFY(sample(ddpm + QStringList{QStringLiteral("--no-clip")}, &f) != ancestral);
    QCOMPARE(f.value(QStringLiteral("clip_x0")).toBool(), false);
    QVERIFY(sample(ddpm + QStringList{QStringLiteral("--corrector"), QStringLiteral("langevin"),
                                      QStringLiteral("--snr"), QStringLiteral("0.2")},
                   &f) != ancestral);
    QCOMPARE(f.value(QStringLiteral("sampler")).toString(), QStringLiteral("ddpm+langevin"));
    QCOMPARE(f.value(QStringLiteral("snr")).toDouble(), 0.2);
    QCOMPARE(f.value(QStringLiteral("langevin_steps")).toInt(), 1);
    QVERIFY(!d.contains(QStringLiteral("snr")));
    QVERIFY(!f.contains(QStringLiteral("eta")));
}

void TestCliSampling::sampleInChunksToFolder()
{
    const QString ckpt = m_dir.filePath(QStringLiteral("chunks.ckpt"));
    auto t = run({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("synthetic:50"),
                  QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--steps"), QStringLiteral("2"),
                  QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--out"), ckpt});
    QVERIFY2(t.code == 0, t.err.constData());
    auto sample = [&](const QString& batch, const QString& dir) {
        return run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--out"),
                    m_dir.filePath(dir + QStringLiteral(".png")), QStringLiteral("--count"), QStringLiteral("5"),
                    QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"), QStringLiteral("4"),
                    QStringLiteral("--eta"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                    QStringLiteral("--batch"), batch, QStringLiteral("--out-dir"), m_dir.filePath(dir)});
    };
    auto one = sample(QStringLiteral("5"), QStringLiteral("batch5"));
    QVERIFY2(one.code == 0, one.err.constData());
    auto chunked = sample(QStringLiteral("2"), QStringLiteral("batch2"));
    QVERIFY2(chunked.code == 0, chunked.err.constData());
    QVERIFY2(chunked.err.contains("in batches of 2"), chunked.err.constData());
    // Not a terminal: the progress as lines, a tenth at a time, to the end (5 images × 4 steps: 20 image-steps).
    const auto progress = QString::fromUtf8(chunked.err).split('\n').filter(QStringLiteral("ddpm sample: "));
    QVERIFY2(progress.size() == 10 && progress.first() == QStringLiteral("ddpm sample: 10%") &&
                 progress.last() == QStringLiteral("ddpm sample: 100%"),
             chunked.err.constData());
    const QStringList files =
        QDir(m_dir.filePath(QStringLiteral("batch2"))).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("sample-00000.png"), QStringLiteral("sample-00001.png"),
                                 QStringLiteral("sample-00002.png"), QStringLiteral("sample-00003.png"),
                                 QStringLiteral("sample-00004.png")}));
    for (int i = 0; i < files.size(); ++i) { // each with its sidecar, saying which image of the run it is
        QFile json(m_dir.filePath(QStringLiteral("batch2/") + files[i] + QStringLiteral(".json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("image")).toInt(-1), i);
    }
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("batch2"))).entryList(QDir::Files).size(), 10);
    int differing = 0;
    QImage previous;
    for (const QString& f : files) {
        const QImage a(m_dir.filePath(QStringLiteral("batch5/") + f)), b(m_dir.filePath(QStringLiteral("batch2/") + f));
        QCOMPARE(a.size(), QSize(16, 16)); // the model's native size
        QCOMPARE(a, b);                    // the same image whatever the chunk size
        differing += previous.isNull() || previous != a;
        previous = a;
    }
    QCOMPARE(differing, 5);
    // The grid holds the same images.
    QCOMPARE(QImage(m_dir.filePath(QStringLiteral("batch5.png"))),
             QImage(m_dir.filePath(QStringLiteral("batch2.png"))));

    // The separate images alone, without a grid: the same images.
    auto folderOnly =
        run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--count"),
             QStringLiteral("5"), QStringLiteral("--sampler"), QStringLiteral("ddim"), QStringLiteral("--steps"),
             QStringLiteral("4"), QStringLiteral("--eta"), QStringLiteral("1"), QStringLiteral("--seed"),
             QStringLiteral("3"), QStringLiteral("--out-dir"), m_dir.filePath(QStringLiteral("only"))});
    QVERIFY2(folderOnly.code == 0, folderOnly.err.constData());
    for (const QString& f : files)
        QCOMPARE(QImage(m_dir.filePath(QStringLiteral("only/") + f)),
                 QImage(m_dir.filePath(QStringLiteral("batch5/") + f)));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("only.png"))));
    // Into the same folder again, with fewer images: refused before sampling (old and new would mix),
    // unless --replace, which replaces the earlier run's images once the new ones are all drawn: a run
    // interrupted on the way (Ctrl-C) leaves them as they were and exits as the signal would have.
    const QStringList fewer{QStringLiteral("sample"),
                            QStringLiteral("--checkpoint"),
                            ckpt,
                            QStringLiteral("--count"),
                            QStringLiteral("2"),
                            QStringLiteral("--sampler"),
                            QStringLiteral("ddim"),
                            QStringLiteral("--steps"),
                            QStringLiteral("2"),
                            QStringLiteral("--out-dir"),
                            m_dir.filePath(QStringLiteral("only"))};
    auto mixed = run(fewer);
    QCOMPARE(mixed.code, 2);
    QVERIFY2(mixed.err.contains("earlier run") && mixed.err.contains("--replace"), mixed.err.constData());
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("only"))).entryList({QStringLiteral("*.png")}).size(), 5);
    const QDir only(m_dir.filePath(QStringLiteral("only")));
    QProcess stopped;
    stopped.start(QStringLiteral(DDPM_CLI_PATH),
                  {QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt, QStringLiteral("--count"),
                   QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--out-dir"),
                   only.path(), QStringLiteral("--replace"), QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY(stopped.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += stopped.readAllStandardError()).contains("ddpm: drawing 64 images"), 60000);
    ::kill(static_cast<pid_t>(stopped.processId()), SIGINT);
    QVERIFY(stopped.waitForFinished(60000));
    said += stopped.readAllStandardError();
    QCOMPARE(stopped.exitStatus(), QProcess::NormalExit);
    QCOMPARE(stopped.exitCode(), 128 + SIGINT);
    QVERIFY2(said.contains("the earlier images in"), said.constData());
    QCOMPARE(only.entryList({QStringLiteral("*.png")}).size(), 5);
    QCOMPARE(only.entryList({QStringLiteral("*.json")}).size(), 5);
    // A staging folder that a run killed with -9 left behind is removed by the next run into the folder; one
    // of a process still running (this test's) is left alone.
    const QString abandoned = only.filePath(QStringLiteral(".sample-new-999999999-AbCdEf")),
                  live = only.filePath(QStringLiteral(".sample-new-%1-GhIjKl").arg(QCoreApplication::applicationPid()));
    for (const QString& folder : {abandoned, live}) {
        QVERIFY(QDir().mkpath(folder));
        QFile half(QDir(folder).filePath(QStringLiteral("sample-00000.png")));
        QVERIFY(half.open(QIODevice::WriteOnly) && half.write("half") == 4);
    }
    auto replaced = run(fewer + QStringList{QStringLiteral("--replace")});
    QVERIFY2(replaced.code == 0, replaced.err.constData());
    QCOMPARE(only.entryList({QStringLiteral("*.png")}).size(), 2);
    QCOMPARE(only.entryList({QStringLiteral("*.json")}).size(), 2);
    QVERIFY(!QFileInfo::exists(abandoned));
    QVERIFY(QFileInfo::exists(QDir(live).filePath(QStringLiteral("sample-00000.png"))));
    QVERIFY(QDir(live).removeRecursively());
    QCOMPARE(only.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 4); // nothing staged left
    // A grid named like one of the folder's images would replace it: refused.
    auto clash = run(fewer + QStringList{QStringLiteral("--replace"), QStringLiteral("--out"),
                                         only.filePath(QStringLiteral("sample-00001.png"))});
    QCOMPARE(clash.code, 2);
    QVERIFY2(clash.err.contains("one of the files --out-dir writes"), clash.err.constData());
    // Neither output: a usage error.
    auto neither = run({QStringLiteral("sample"), QStringLiteral("--checkpoint"), ckpt});
    QCOMPARE(neither.code, 2);
    QVERIFY(neither.err.contains("--out-dir"));
}

void TestCliSampling::qualityMissingCheckpoint()
{
    auto r = run({QStringLiteral("quality"), QStringLiteral("--checkpoint"), QStringLiteral("/no/such.ckpt"),
                  QStringLiteral("--count"), QStringLiteral("10")});
    QVERIFY(r.code != 0);
    QVERIFY(r.out.isEmpty()); // no JSON
    const auto err = r.err.trimmed();
    QVERIFY2(err.startsWith("ddpm: ") && err.contains("/no/such.ckpt") && err.contains("no such file"),
             err.constData());
}

// `ddpm train-classifier` (one epoch on the 10,000 test images) and `ddpm quality` with the classifier
// it wrote: the classifier learns (well above the 10 % of chance), and the report counts every sample.
void TestCliSampling::classifierAndQualitySucceed()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/share/datasets/fashion-mnist")) &&
        qEnvironmentVariableIsEmpty("DDPM_DATA_DIR"))
        QSKIP("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    const QString classifier = m_dir.filePath(QStringLiteral("classifier.ckpt"));
    auto t = run({QStringLiteral("train-classifier"), QStringLiteral("--data"), QStringLiteral("fashion-mnist:test"),
                  QStringLiteral("--test"), QStringLiteral("fashion-mnist:test"), QStringLiteral("--epochs"),
                  QStringLiteral("1"), QStringLiteral("--batch"), QStringLiteral("256"), QStringLiteral("--out"),
                  classifier});
    QVERIFY2(t.code == 0, t.err.constData());
    const QRegularExpression accuracy(QStringLiteral("test accuracy ([0-9.]+)%"));
    const auto m = accuracy.match(QString::fromUtf8(t.err));
    QVERIFY2(m.hasMatch(), t.err.constData());
    const double percent = m.captured(1).toDouble();
    QVERIFY2(percent > 50.0, t.err.constData());

    const QString demo = QStringLiteral(DDPM_SOURCE_DIR "/resources/models/fashion-mnist-demo.ckpt");
    auto q = run({QStringLiteral("quality"), QStringLiteral("--checkpoint"), demo, QStringLiteral("--classifier"),
                  classifier, QStringLiteral("--count"), QStringLiteral("16"), QStringLiteral("--steps"),
                  QStringLiteral("5"), QStringLiteral("--spacing"), QStringLiteral("trailing")});
    QVERIFY2(q.code == 0, q.err.constData());
    QVERIFY2(q.err.contains("ddim (trailing), 5 network evaluations: FID"), q.err.constData());
    // 16 images against 128 features: the distance is mostly bias, and the command says so.
    QVERIFY2(q.err.contains("16 images against features of 128 dimensions"), q.err.constData());
    const QJsonObject r = QJsonDocument::fromJson(q.out).object();
    QCOMPARE(r.value(QStringLiteral("count")).toInt(), 16);
    QCOMPARE(r.value(QStringLiteral("steps")).toInt(), 5);
    QCOMPARE(r.value(QStringLiteral("spacing")).toString(), QStringLiteral("trailing"));
    int counted = 0;
    for (const QJsonValue& v : r.value(QStringLiteral("class_counts")).toArray())
        counted += v.toInt();
    QCOMPARE(counted, 16);
    QCOMPARE(r.value(QStringLiteral("class_names")).toArray().size(), 10);
    const double fid = r.value(QStringLiteral("fid")).toDouble(),
                 floor = r.value(QStringLiteral("fid_floor")).toDouble();
    QVERIFY2(std::isfinite(fid) && fid > 0 && std::isfinite(floor) && floor > 0, q.out.constData());
    QVERIFY(std::abs(r.value(QStringLiteral("ratio")).toDouble() - fid / floor) < 1e-3 * fid / floor);
    QVERIFY(std::abs(r.value(QStringLiteral("classifier_test_accuracy")).toDouble() - percent / 100.0) < 1e-4);

    // A classifier of other images (the synthetic shapes) is refused: its features say nothing of garments.
    const QString shapes = m_dir.filePath(QStringLiteral("shapes-classifier.ckpt"));
    auto s = run({QStringLiteral("train-classifier"), QStringLiteral("--data"), QStringLiteral("synthetic:64"),
                  QStringLiteral("--test"), QStringLiteral("synthetic:64"), QStringLiteral("--epochs"),
                  QStringLiteral("1"), QStringLiteral("--out"), shapes});
    QVERIFY2(s.code == 0, s.err.constData());
    auto refused =
        run({QStringLiteral("quality"), QStringLiteral("--checkpoint"), demo, QStringLiteral("--classifier"), shapes,
             QStringLiteral("--count"), QStringLiteral("16"), QStringLiteral("--steps"), QStringLiteral("5")});
    QVERIFY2(refused.code == 1 && refused.err.contains("classifies other classes than Fashion-MNIST's"),
             refused.err.constData());
    QVERIFY(refused.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliSampling)
#include "tst_cli_sampling.moc"
