// Exports written and read back: GIF and WebP frame counts and sizes, PNG sidecars, atomic writes.
#include "animation.h"
#include "exporter.h"
#include "imageio.h"

#include "../common/smalldisk.h"

#include <QtTest>

#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QHash>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace ddpm;

namespace {
QList<QImage> frames(int n, int w, int h, bool grey)
{
    QList<QImage> out;
    for (int i = 0; i < n; ++i) {
        QImage img(w, h, grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
        img.fill(grey ? QColor(i * 20, i * 20, i * 20) : QColor(i * 20, 255 - i * 20, 90));
        out << img;
    }
    return out;
}
} // namespace

class TestExports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderSubfoldersAreClasses();
    void largePhotosAreRead();
    void decompressionBombsAreSkipped();
    void gifRoundTrip_data();
    void gifRoundTrip();
    void webpRoundTrip();
    void pngWithSidecar();
    void failedExportKeepsEarlierFile();
    void tensorImages();
    void lossCsv();
    void framesMustMatch();
    void imageAndSidecarTogether();
    void fullDiskKeepsEarlierPair();
    void fullDiskKeepsEarlierFile();
    void earlierExportNotMixed();
    void fullDiskKeepsEarlierFolderExport();

private:
    QTemporaryDir m_dir;
};

void TestExports::gifRoundTrip_data()
{
    QTest::addColumn<bool>("grey");
    QTest::newRow("grey") << true;
    QTest::newRow("colour") << false;
}

void TestExports::gifRoundTrip()
{
    QFETCH(bool, grey);
    const QString path = m_dir.filePath(grey ? QStringLiteral("g.gif") : QStringLiteral("c.gif"));
    QVERIFY(writeGif(frames(7, 33, 21, grey), 50, path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto a = decodeGif(f.readAll());
    QVERIFY(a);
    QCOMPARE(a->frames.size(), 7);
    QCOMPARE(a->width, 33);
    QCOMPARE(a->height, 21);
    const QColor c = a->frames[3].pixelColor(5, 5);
    if (grey)
        QCOMPARE(c.red(), 60);
    else
        QVERIFY(std::abs(c.red() - 60) <= 8 && std::abs(c.green() - 195) <= 8);
    QImageReader reader(path); // Qt reads it too
    QVERIFY(reader.canRead());
}

void TestExports::webpRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("a.webp"));
    QVERIFY(writeWebP(frames(5, 40, 24, false), 80, path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto a = decodeWebP(f.readAll());
    QVERIFY(a);
    QCOMPARE(a->frames.size(), 5);
    QCOMPARE(QSize(a->width, a->height), QSize(40, 24));
    QCOMPARE(a->frames[4].pixelColor(3, 3), QColor(80, 175, 90)); // lossless
    QVERIFY(!decodeWebP("RIFF1234WEBPjunk"));
}

void TestExports::pngWithSidecar()
{
    const QString path = m_dir.filePath(QStringLiteral("grid.png"));
    ExportMeta m;
    m.seed = 77;
    m.schedule = QStringLiteral("cosine");
    m.sampler = QStringLiteral("ddim");
    m.steps = 50;
    m.eta = 0.5;
    m.variance = QStringLiteral("beta");
    m.weights = QStringLiteral("ema");
    m.preset = QStringLiteral("reference");
    m.trainingStep = 1234;
    m.checkpointSha256 = QStringLiteral("ab12");
    m.kind = QStringLiteral("grid");
    QVERIFY(exportImage(frames(1, 20, 10, true).first(), path, m));
    QCOMPARE(QImage(path).size(), QSize(20, 10));
    QFile f(sidecarPath(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("seed")).toString(), QStringLiteral("77"));
    QCOMPARE(o.value(QStringLiteral("schedule")).toString(), QStringLiteral("cosine"));
    QCOMPARE(o.value(QStringLiteral("sampler")).toString(), QStringLiteral("ddim"));
    QCOMPARE(o.value(QStringLiteral("steps")).toInt(), 50);
    QCOMPARE(o.value(QStringLiteral("eta")).toDouble(), 0.5);
    QCOMPARE(o.value(QStringLiteral("variance")).toString(), QStringLiteral("beta"));
    QCOMPARE(o.value(QStringLiteral("weights")).toString(), QStringLiteral("ema"));
    QCOMPARE(o.value(QStringLiteral("model_preset")).toString(), QStringLiteral("reference"));
    QCOMPARE(o.value(QStringLiteral("training_step")).toInt(), 1234);
    QCOMPARE(o.value(QStringLiteral("checkpoint_sha256")).toString(), QStringLiteral("ab12"));
    QCOMPARE(o.value(QStringLiteral("app_version")).toString(), appVersion());

    // A loss chart and a forward strip carry no sampler: what made them, and nothing that did not.
    ExportMeta chart = m;
    chart.kind = QStringLiteral("loss-chart");
    const auto c = metaToJson(chart);
    for (const char* key : {"seed", "sampler", "eta", "variance", "clip_x0", "weights", "steps", "schedule"})
        QVERIFY2(!c.contains(QLatin1String(key)), key);
    QCOMPARE(c.value(QStringLiteral("training_step")).toInt(), 1234);
    QCOMPARE(c.value(QStringLiteral("checkpoint_sha256")).toString(), QStringLiteral("ab12"));
    ExportMeta forward = m;
    forward.kind = QStringLiteral("forward-strip");
    forward.data = QStringLiteral("fashion-mnist:train");
    forward.image = 6;
    forward.seed = 3;
    const auto fs = metaToJson(forward);
    for (const char* key : {"sampler", "eta", "variance", "clip_x0", "weights"})
        QVERIFY2(!fs.contains(QLatin1String(key)), key);
    QCOMPARE(fs.value(QStringLiteral("data")).toString(), QStringLiteral("fashion-mnist:train"));
    QCOMPARE(fs.value(QStringLiteral("image")).toInt(), 6);
    QCOMPARE(fs.value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
    QCOMPARE(fs.value(QStringLiteral("schedule")).toString(), QStringLiteral("cosine"));

    // sha256 of a known file
    const QString abc = m_dir.filePath(QStringLiteral("abc"));
    QVERIFY(saveBytesAtomically("abc", abc));
    QCOMPARE(sha256OfFile(abc), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    // FIPS 180-2's other vectors: two blocks of padding, the empty message, and a million 'a' (which
    // crosses the 64 KiB reads of the file).
    QVERIFY(saveBytesAtomically("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", abc));
    QCOMPARE(sha256OfFile(abc), QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    QVERIFY(saveBytesAtomically(QByteArray(), abc));
    QCOMPARE(sha256OfFile(abc), QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QVERIFY(saveBytesAtomically(QByteArray(1000000, 'a'), abc));
    QCOMPARE(sha256OfFile(abc), QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));

    const QString folder = m_dir.filePath(QStringLiteral("each"));
    QVERIFY(exportImagesToFolder(frames(3, 8, 8, true), folder, QStringLiteral("sample"), m));
    QVERIFY(QFile::exists(folder + QStringLiteral("/sample-00002.png")));
    QVERIFY(QFile::exists(folder + QStringLiteral("/sample-00002.png.json")));
    // Each file's sidecar says which image of the run it is (its noise, with the seed), the number in its name
    // (as `ddpm sample --out-dir` names them); a single export none.
    for (int i = 0; i < 3; ++i) {
        QFile side(folder + QStringLiteral("/sample-0000%1.png.json").arg(i));
        QVERIFY(side.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(side.readAll()).object().value(QStringLiteral("image")).toInt(-1), i);
    }
    // An export of an earlier version (sample_0001.png …) is an earlier export too: not mixed with new names.
    const QString older = m_dir.filePath(QStringLiteral("older"));
    QVERIFY(QDir().mkpath(older));
    QVERIFY(saveBytesAtomically("x", older + QStringLiteral("/sample_0001.png")));
    QCOMPARE(earlierExports(older, QStringLiteral("sample")).size(), 1);
    QVERIFY(!exportImagesToFolder(frames(2, 8, 8, true), older, QStringLiteral("sample"), m));
    QVERIFY(!isExportedImageName(QStringLiteral("sample"), QStringLiteral("sample-12.png")));
    QVERIFY(isExportedImageName(QStringLiteral("sample"), QStringLiteral("sample-00012.png.json")));
    QVERIFY(!o.contains(QStringLiteral("image")));
}

void TestExports::failedExportKeepsEarlierFile()
{
    const QString path = m_dir.filePath(QStringLiteral("keep.gif"));
    QVERIFY(writeGif(frames(3, 10, 10, true), 50, path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    // Frames of different sizes cannot be encoded: nothing is written.
    auto bad = frames(3, 10, 10, true);
    bad << QImage(5, 5, QImage::Format_Grayscale8);
    QVERIFY(!writeGif(bad, 50, path));
    // A target that cannot be created leaves no file behind: no folder, no file, no temporary.
    QVERIFY(!saveImageAtomically(frames(1, 4, 4, true).first(), m_dir.filePath(QStringLiteral("missing/dir/x.png"))));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("missing"))));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    f.close();
    // A name without an image type (typed without ".png", or /dev/full) is refused in words a user can act
    // on, not as Qt's "Unsupported image format", and nothing is written.
    for (const QString& untyped : {m_dir.filePath(QStringLiteral("grid")), QStringLiteral("/dev/full")}) {
        const auto refused = saveImageAtomically(frames(1, 4, 4, true).first(), untyped);
        QVERIFY(!refused);
        QVERIFY2(refused.error().find("must end in an image type that can be written here: ") != std::string::npos &&
                     refused.error().find(".png") != std::string::npos,
                 refused.error().c_str());
    }
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("grid"))));
    // Nor does the refused GIF: beside keep.gif there is nothing but what was there.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("keep.gif*")}, QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("keep.gif")});
    // An image named by a pipe, or by a link to a device, is refused before and at the write: a file put in
    // its place (as root, even in place of /dev/null) would be worse than no image.
    const QString pipe = m_dir.filePath(QStringLiteral("pipe.png"));
    QCOMPARE(::mkfifo(pipe.toLocal8Bit().constData(), 0600), 0);
    const QString toNull = m_dir.filePath(QStringLiteral("null.png"));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), toNull));
    for (const QString& target : {pipe, toNull}) {
        const auto checked = checkImageOutput(target.toStdString());
        QVERIFY(!checked);
        QVERIFY2(checked.error().find("not a regular file") != std::string::npos, checked.error().c_str());
        QVERIFY(!saveImageAtomically(frames(1, 4, 4, true).first(), target));
        QVERIFY(!saveFilesTogether({{target, QByteArray("x")}}));
    }
    struct stat st { };
    QCOMPARE(::lstat(pipe.toLocal8Bit().constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
    QCOMPARE(::stat("/dev/null", &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
    QVERIFY(QFileInfo(toNull).isSymLink());
}

void TestExports::tensorImages()
{
    auto t = torch::tensor({-1.0f, 0.0f, 1.0f, 2.0f}).view({1, 2, 2});
    QImage img = tensorToImage(t);
    QCOMPARE(img.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(img.pixel(0, 0)), 0);
    QCOMPARE(qGray(img.pixel(1, 0)), 128);
    QCOMPARE(qGray(img.pixel(0, 1)), 255);
    QCOMPARE(qGray(img.pixel(1, 1)), 255); // clamped
    auto rgb = torch::zeros({3, 1, 1});
    rgb[0] = 1;
    QCOMPARE(tensorToImage(rgb).pixelColor(0, 0), QColor(255, 128, 128));
    QCOMPARE(makeGrid(batchToImages(torch::zeros({5, 1, 4, 4})), 3, 1, 2).size(), QSize(3 * 8 + 4, 2 * 8 + 3));
    // What the command reckons a GIF's frames need is the size makeGrid makes: the padding is not enlarged.
    for (const auto& [count, columns, scale] : {std::tuple{5, 3, 2}, {7, 3, 5}, {1, 8, 3}, {64, 8, 4}}) {
        const auto grid = makeGrid(batchToImages(torch::zeros({count, 1, 6, 5})), columns, 2, scale);
        QCOMPARE(gridSize(count, QSize(5, 6), columns, 2, scale), grid.size());
    }
    // What ddpm sample reckons before it composes a grid is what makeGrid's image takes: grey and RGB, lines
    // padded to whole 32-bit words (odd widths), more columns than images.
    for (const auto& [count, channels, side, columns, scale] :
         {std::tuple{5, 1, 5, 3, 2}, {7, 3, 3, 3, 5}, {1, 3, 7, 8, 1}, {64, 1, 28, 8, 4}, {3, 3, 1, 2, 1}}) {
        const auto grid =
            makeGrid(batchToImages(torch::zeros({count, channels, side, side})), columns, kGridPadding, scale);
        QCOMPARE(gridBytes(count, channels, side, side, columns, scale), static_cast<int64_t>(grid.sizeInBytes()));
    }
}

void TestExports::lossCsv()
{
    const QString path = m_dir.filePath(QStringLiteral("loss.csv"));
    LossHistory h;
    h.push_back({1, 0.5f});
    h.push_back({2, 0.25f});
    QVERIFY(exportLossCsv(h, path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("step,loss,loss_min,loss_max,steps\n1,0.5,0.5,0.5,1\n2,0.25,0.25,0.25,1\n"));
    f.close();

    // A long run: the older steps as buckets (mean, min, max of the steps folded), then every recent step;
    // the rows account for every step once.
    LossHistory longRun;
    const int64_t n = LossHistory::kRecent + LossHistory::kFoldChunk + 5;
    for (int64_t s = 1; s <= n; ++s)
        longRun.push_back({s, static_cast<float>(s % 2 ? 1.0 : 3.0)});
    QVERIFY(!longRun.buckets().empty());
    QVERIFY(exportLossCsv(longRun, path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = f.readAll().trimmed().split('\n');
    QCOMPARE(rows.size() - 1, int(longRun.buckets().size() + longRun.recent().size()));
    qint64 steps = 0;
    for (int i = 1; i < rows.size(); ++i)
        steps += rows[i].split(',').value(4).toLongLong();
    QCOMPARE(steps, n);
    QCOMPARE(rows[1], QByteArray("64,2,1,3,64")); // steps 1…64: mean 2, min 1, max 3
}

void TestExports::framesMustMatch()
{
    QVERIFY(!encodeGif({}, 10));
    QVERIFY(!encodeWebP({}, 10));
    // Frames larger than the format holds are refused with the sizes (WebP: 16383 pixels a side, GIF: 65535),
    // the largest that fit are written.
    const auto blank = [](int w) {
        QImage image(w, 1, QImage::Format_Grayscale8);
        image.fill(0);
        return QList<QImage>{image};
    };
    const auto wideWebP = encodeWebP(blank(16384), 10);
    QVERIFY(!wideWebP);
    QVERIFY2(wideWebP.error().find("16384 × 1 pixels") != std::string::npos &&
                 wideWebP.error().find("at most 16383") != std::string::npos,
             wideWebP.error().c_str());
    QVERIFY(encodeWebP(blank(16383), 10));
    QVERIFY(encodeGif(blank(16384), 10));
    const auto wideGif = encodeGif(blank(65536), 10);
    QVERIFY(!wideGif);
    QVERIFY2(wideGif.error().find("at most 65535") != std::string::npos, wideGif.error().c_str());
    QVERIFY(encodeGif(blank(65535), 10));
}

namespace {
QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QImage noiseImage(int size, int seed)
{
    QImage image(size, size, QImage::Format_RGB888);
    quint32 x = 2463534242u + static_cast<quint32>(seed);
    for (int y = 0; y < size; ++y)
        for (int i = 0; i < size; ++i) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5; // incompressible: the PNG is about 3·size² bytes
            image.setPixel(i, y, x & 0xFFFFFF);
        }
    return image;
}

ExportMeta metaOf(int step)
{
    ExportMeta m;
    m.kind = QStringLiteral("grid");
    m.trainingStep = step;
    m.sampler = QStringLiteral("ddim");
    return m;
}
} // namespace

// An image and its sidecar are replaced together or not at all: when the sidecar cannot be written,
// the earlier image stays too (not a new image described by the old sidecar).
void TestExports::imageAndSidecarTogether()
{
    const QString path = m_dir.filePath(QStringLiteral("pair.png"));
    QVERIFY(exportImage(noiseImage(16, 1), path, metaOf(1)));
    const QByteArray image = contents(path), side = contents(sidecarPath(path));
    QVERIFY(!image.isEmpty() && side.contains("\"training_step\": 1"));

    // The sidecar's place taken by a folder: nothing may change.
    QVERIFY(QFile::remove(sidecarPath(path)));
    QVERIFY(QDir().mkpath(sidecarPath(path)));
    const auto failed = exportImage(noiseImage(16, 2), path, metaOf(2));
    QVERIFY(!failed);
    QVERIFY2(failed.error().find("unchanged") != std::string::npos, failed.error().c_str());
    QCOMPARE(contents(path), image);
    QVERIFY(QDir().rmdir(sidecarPath(path)));

    QVERIFY(exportImage(noiseImage(16, 3), path, metaOf(3)));
    QVERIFY(contents(path) != image);
    QVERIFY(contents(sidecarPath(path)).contains("\"training_step\": 3"));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("pair.png.*")}, QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("pair.png.json")}); // no temporaries, no saved earlier copies
}

// On a full disk (a small tmpfs with room for the new image but not its sidecar): a clear message, and
// the earlier image and sidecar both as they were.
void TestExports::fullDiskKeepsEarlierPair()
{
    const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk"));
    DDPM_MOUNT_SMALL_DISK(disk, mountPoint, QStringLiteral("2m"));

    const QString path = mountPoint + QStringLiteral("/samples.png");
    QVERIFY(exportImage(noiseImage(64, 1), path, metaOf(1)));
    const QByteArray image = contents(path), side = contents(sidecarPath(path));
    const QImage next = noiseImage(64, 2);
    const auto encoded = encodeImage(next, path);
    QVERIFY(encoded);
    const qint64 page = 4096;
    const qint64 imagePages = (encoded->size() + page - 1) / page;
    QVERIFY(fillDiskLeaving(mountPoint, imagePages * page)); // exactly the new image's pages free
    const auto failed = exportImage(next, path, metaOf(2));
    QVERIFY(!failed);
    QVERIFY2(failed.error().find("unchanged") != std::string::npos, failed.error().c_str());
    QVERIFY2(failed.error().find("the disk is full") != std::string::npos,
             failed.error().c_str()); // not "Unknown error"
    QCOMPARE(contents(path), image);
    QCOMPARE(contents(sidecarPath(path)), side);
    QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden).size(), 3); // the pair and the filler
}

// One file (a GIF, a CSV, a sidecar) written over an earlier one on a full disk: the bytes fit Qt's
// write buffer, so the failure comes only as the file closes; it is reported, and the earlier file stays.
void TestExports::fullDiskKeepsEarlierFile()
{
    const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk-file"));
    DDPM_MOUNT_SMALL_DISK(disk, mountPoint, QStringLiteral("1m"));
    const QString path = mountPoint + QStringLiteral("/loss.csv");
    QVERIFY(saveBytesAtomically("step,loss\n1,0.5\n", path));
    {
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) { }
    }
    QCOMPARE(QStorageInfo(mountPoint).bytesAvailable(), 0);
    const auto failed = saveBytesAtomically(QByteArray(8000, 'n'), path);
    QVERIFY(!failed);
    QVERIFY2(failed.error().find("unchanged") != std::string::npos, failed.error().c_str());
    QVERIFY2(failed.error().find("the disk is full") != std::string::npos, failed.error().c_str());
    QCOMPARE(contents(path), QByteArray("step,loss\n1,0.5\n"));
    QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden).size(), 2); // the file and the filler
}

// A folder that holds an earlier export is refused, with the reason, instead of mixing old and new
// files; replacing removes the earlier files first.
void TestExports::earlierExportNotMixed()
{
    const QString folder = m_dir.filePath(QStringLiteral("every-sample"));
    QList<QImage> six, three;
    for (int i = 0; i < 6; ++i)
        six << noiseImage(8, i);
    three = six.mid(0, 3);
    QVERIFY(exportImagesToFolder(six, folder, QStringLiteral("sample"), metaOf(1)));
    QCOMPARE(earlierExports(folder, QStringLiteral("sample")).size(), 12);
    QVERIFY(earlierExports(folder, QStringLiteral("other")).isEmpty());
    const auto refused = exportImagesToFolder(three, folder, QStringLiteral("sample"), metaOf(2));
    QVERIFY(!refused);
    QVERIFY2(refused.error().find("earlier export") != std::string::npos, refused.error().c_str());
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.png")}).size(), 6);
    QVERIFY(exportImagesToFolder(three, folder, QStringLiteral("sample"), metaOf(2), true));
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.png")}).size(), 3);
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.json")}).size(), 3);
    QVERIFY(contents(folder + QStringLiteral("/sample-00002.png.json")).contains("\"training_step\": 2"));
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 6); // nothing else
}

// Replacing a folder export on a full disk: a clear message, and every file of the earlier export as it
// was (the new one is written whole before any earlier file goes); with room again, the replacement lands.
void TestExports::fullDiskKeepsEarlierFolderExport()
{
    const QString mountPoint = m_dir.filePath(QStringLiteral("small-disk-folder"));
    DDPM_MOUNT_SMALL_DISK(disk, mountPoint, QStringLiteral("2m"));
    const QString folder = mountPoint + QStringLiteral("/every-sample");
    QList<QImage> earlierImages, newImages;
    for (int i = 0; i < 6; ++i) {
        earlierImages << noiseImage(64, 10 + i);
        newImages << noiseImage(64, 20 + i);
    }
    QVERIFY(exportImagesToFolder(earlierImages, folder, QStringLiteral("sample"), metaOf(1)));
    QHash<QString, QByteArray> before;
    for (const QString& f : QDir(folder).entryList(QDir::Files))
        before[f] = contents(QDir(folder).filePath(f));
    QCOMPARE(before.size(), 12);
    const QString fillerPath = mountPoint + QStringLiteral("/filler");
    // Room for about two of the new images, not six (in whole pages).
    const qint64 leave = 2 * (encodeImage(newImages[0], QStringLiteral("x.png"))->size() + 8192);
    QVERIFY(fillDiskLeaving(mountPoint, (leave + 4095) / 4096 * 4096));
    const auto failed = exportImagesToFolder(newImages, folder, QStringLiteral("sample"), metaOf(2), true);
    QVERIFY(!failed);
    QVERIFY2(failed.error().find("unchanged") != std::string::npos, failed.error().c_str());
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 12);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(contents(QDir(folder).filePath(it.key())) == it.value(), qPrintable(it.key()));

    QVERIFY(QFile::remove(fillerPath));
    QVERIFY(exportImagesToFolder(newImages.mid(0, 4), folder, QStringLiteral("sample"), metaOf(2), true));
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 8);
    QVERIFY(contents(folder + QStringLiteral("/sample-00000.png")) != before[QStringLiteral("sample-00000.png")]);
    QVERIFY(contents(folder + QStringLiteral("/sample-00003.png.json")).contains("\"training_step\": 2"));
}

// An image folder whose images all lie in subfolders: one class per subfolder, named after it, in sorted
// order; odd files are skipped. Images beside the subfolders, or a single subfolder: no classes.
void TestExports::folderSubfoldersAreClasses()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString& relative, int grey) {
        QDir(dir.path()).mkpath(QFileInfo(relative).path());
        QImage image(8, 8, QImage::Format_Grayscale8);
        image.fill(grey);
        QVERIFY(image.save(dir.filePath(relative)));
    };
    write(QStringLiteral("zebra/a.png"), 10);
    write(QStringLiteral("zebra/b.png"), 20);
    write(QStringLiteral("cat/c.png"), 30);
    QFile odd(dir.filePath(QStringLiteral("cat/notes.txt")));
    QVERIFY(odd.open(QIODevice::WriteOnly) && odd.write("not an image") > 0);
    odd.close();
    // A link that names an image but leads to a pipe: opening it would wait for a writer for ever.
    QTemporaryDir elsewhere;
    const QByteArray pipe = elsewhere.filePath(QStringLiteral("pipe")).toLocal8Bit();
    QCOMPARE(::mkfifo(pipe.constData(), 0600), 0);
    QVERIFY(QFile::link(QString::fromLocal8Bit(pipe), dir.filePath(QStringLiteral("zebra/pipe.png"))));
    FolderReport report;
    // Named relative to the working folder, as `--data folder:images` names it.
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QFileInfo(dir.path()).path()));
    auto data = loadImageFolder(QFileInfo(dir.path()).fileName(), 1, 8, &report);
    QVERIFY(QDir::setCurrent(before));
    QVERIFY2(data, data.ok() ? "" : data.error().c_str());
    QCOMPARE(report.loaded, 3);
    QCOMPARE(report.skipped, 2);
    QCOMPARE(QString::fromStdString(data->note), // what the Data view and the command show
             QStringLiteral("2 files skipped, not images that can be read (notes.txt, pipe.png)"));
    QCOMPARE(data->classNames, (std::vector<std::string>{"cat", "zebra"}));
    QVERIFY(data->labels.defined());
    // Files are read in sorted path order: cat/c.png, zebra/a.png, zebra/b.png.
    QCOMPARE(data->labels[0].item<int64_t>(), int64_t(0));
    QCOMPARE(data->images[0].max().item<int64_t>(), int64_t(30));
    QCOMPARE(data->labels[2].item<int64_t>(), int64_t(1));

    write(QStringLiteral("loose.png"), 40); // an image beside the subfolders
    data = loadImageFolder(dir.path(), 1, 8);
    QVERIFY(data);
    QVERIFY(!data->labels.defined());
    QVERIFY(data->classNames.empty());
    QDir(dir.path()).remove(QStringLiteral("loose.png"));
    QDir(dir.filePath(QStringLiteral("cat"))).removeRecursively();
    data = loadImageFolder(dir.path(), 1, 8); // one subfolder: one class is no classes
    QVERIFY(data);
    QVERIFY(!data->labels.defined());
}

// Photos past Qt's default 128 MB decoding limit (6000 × 6000 pixels decode to 144 MB) are read, a JPEG
// and a PNG, not skipped as unreadable: each centre-cropped and shrunk to the model's size.
void TestExports::largePhotosAreRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QImage photo(6000, 6000, QImage::Format_RGB32);
    photo.fill(Qt::black);
    for (int y = 0; y < photo.height(); ++y) // the right half white
        std::fill_n(reinterpret_cast<QRgb*>(photo.scanLine(y)) + 3000, 3000, qRgb(255, 255, 255));
    QVERIFY(photo.save(dir.filePath(QStringLiteral("a.jpg")), "JPEG", 60));
    QVERIFY(photo.save(dir.filePath(QStringLiteral("b.png")), "PNG", 0));
    photo = QImage();
    FolderReport report;
    const auto data = loadImageFolder(dir.path(), 1, 8, &report);
    QVERIFY2(data, data.ok() ? "" : data.error().c_str());
    QCOMPARE(report.skipped, 0);
    QCOMPARE(report.loaded, 2);
    for (int i = 0; i < 2; ++i) {
        const auto image = data->images[i][0].to(torch::kFloat32);
        QVERIFY(image.narrow(1, 0, 3).mean().item<double>() < 30);  // the dark half on the left
        QVERIFY(image.narrow(1, 5, 3).mean().item<double>() > 225); // the light half on the right
    }
}

// Files whose few bytes decode to a huge image are skipped, not decoded: a 34-byte GIF whose logical
// screen is 17921 × 14648 but whose one frame says 1 × 40 (Qt allocated the whole screen, 1 GB, found by
// fuzz_image), and a PNG 9000 pixels wide, deflated to a few kilobytes (over the 8192-pixel side). A
// small image beside them still loads.
void TestExports::decompressionBombsAreSkipped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto put = [&](const QString& name, const QByteArray& bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    };
    put(QStringLiteral("screen.gif"),
        QByteArray::fromHex("474946383961014638398000000000000100f52c000000000100280002024401003b"));
    {
        QImage wide(9000, 9000, QImage::Format_Grayscale8);
        wide.fill(128);
        QVERIFY(wide.save(dir.filePath(QStringLiteral("wide.png")), "PNG", 0));
    }
    QCOMPARE(QImageReader(dir.filePath(QStringLiteral("screen.gif"))).size(), QSize(1, 40)); // what Qt is told
    QImage small(4, 4, QImage::Format_Grayscale8);
    small.fill(200);
    QVERIFY(small.save(dir.filePath(QStringLiteral("small.png"))));
    FolderReport report;
    const auto data = loadImageFolder(dir.path(), 1, 8, &report);
    QVERIFY2(data, data.ok() ? "" : data.error().c_str());
    QCOMPARE(report.loaded, 1);
    QCOMPARE(report.skipped, 2);
    QCOMPARE(report.skippedExamples, QStringList({QStringLiteral("screen.gif"), QStringLiteral("wide.png")}));

    // A drawing with text (SVG) is skipped too: rendering it here, without a QGuiApplication, aborted the
    // process in Qt's font database (what the ddpm command runs with). Only where Qt can read SVG at all.
    if (!QImageReader::supportedImageFormats().contains("svg"))
        QSKIP("no SVG image plugin here (libqt6svg6): nothing reads the drawing to begin with");
    put(QStringLiteral("label.svg"), QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"28\" "
                                                       "height=\"28\"><text x=\"2\" y=\"20\">Hi</text></svg>"));
    FolderReport withSvg;
    QVERIFY(loadImageFolder(dir.path(), 1, 8, &withSvg));
    QCOMPARE(withSvg.loaded, 1);
    QCOMPARE(withSvg.skipped, 3);
    QVERIFY(withSvg.skippedExamples.contains(QStringLiteral("label.svg")));
    // A folder of nothing but that drawing: refused, naming the file that could not be read.
    QTemporaryDir only;
    QVERIFY(QFile::copy(dir.filePath(QStringLiteral("label.svg")), only.filePath(QStringLiteral("label.svg"))));
    const auto none = loadImageFolder(only.path(), 1, 8);
    QVERIFY(!none);
    QVERIFY2(none.error().find("could be read as one (label.svg)") != std::string::npos, none.error().c_str());
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
