#include "imageconvert.h"

#include <QTest>

#include <vector>

class TestImageConvert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grayValue_data();
    void grayValue();
    void rgbPlanarLayout();
    void invalidInputGivesNullImage_data();
    void invalidInputGivesNullImage();
    void tileSize_data();
    void tileSize();
    void tilePlacesImagesAndBackground();
    void scaledPixelArtIsNearestNeighbour();
};

void TestImageConvert::grayValue_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<float>("lo");
    QTest::addColumn<float>("hi");
    QTest::addColumn<int>("expected");

    QTest::newRow("-1 is black") << -1.0f << -1.0f << 1.0f << 0;
    QTest::newRow("1 is white") << 1.0f << -1.0f << 1.0f << 255;
    QTest::newRow("0 is mid grey") << 0.0f << -1.0f << 1.0f << 128; // 127.5 rounds up
    QTest::newRow("0.5") << 0.5f << -1.0f << 1.0f << 191;            // 191.25
    QTest::newRow("below range clamps") << -3.0f << -1.0f << 1.0f << 0;
    QTest::newRow("above range clamps") << 5.0f << -1.0f << 1.0f << 255;
    QTest::newRow("unit range 0.5") << 0.5f << 0.0f << 1.0f << 128;
    QTest::newRow("unit range 0.2") << 0.2f << 0.0f << 1.0f << 51;
    QTest::newRow("NaN is black") << std::numeric_limits<float>::quiet_NaN() << -1.0f << 1.0f << 0;
    QTest::newRow("+inf is white") << std::numeric_limits<float>::infinity() << -1.0f << 1.0f << 255;
}

void TestImageConvert::grayValue()
{
    QFETCH(float, value);
    QFETCH(float, lo);
    QFETCH(float, hi);
    QFETCH(int, expected);

    const std::vector<float> data(6, value); // 2 × 3
    const QImage image = ImageConvert::imageFromPlanar(data.data(), 1, 2, 3, lo, hi);
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.size(), QSize(3, 2));
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 3; ++x)
            QCOMPARE(int(image.constScanLine(y)[x]), expected);
    }
}

void TestImageConvert::rgbPlanarLayout()
{
    // CHW: plane 0 = red, 1 = green, 2 = blue; 2 rows × 2 columns.
    const float data[] = {
        -1, 1, 0, -1, // red
        1, -1, 0, -1, // green
        0, 0, 1, -1,  // blue
    };
    const QImage image = ImageConvert::imageFromPlanar(data, 3, 2, 2);
    QCOMPARE(image.format(), QImage::Format_RGB888);
    QCOMPARE(image.size(), QSize(2, 2));
    QCOMPARE(image.pixelColor(0, 0), QColor(0, 255, 128));
    QCOMPARE(image.pixelColor(1, 0), QColor(255, 0, 128));
    QCOMPARE(image.pixelColor(0, 1), QColor(128, 128, 255));
    QCOMPARE(image.pixelColor(1, 1), QColor(0, 0, 0));
}

void TestImageConvert::invalidInputGivesNullImage_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<float>("lo");
    QTest::addColumn<float>("hi");

    QTest::newRow("two channels") << 2 << 2 << 2 << -1.0f << 1.0f;
    QTest::newRow("four channels") << 4 << 2 << 2 << -1.0f << 1.0f;
    QTest::newRow("zero height") << 1 << 0 << 2 << -1.0f << 1.0f;
    QTest::newRow("negative width") << 1 << 2 << -2 << -1.0f << 1.0f;
    QTest::newRow("empty range") << 1 << 2 << 2 << 1.0f << 1.0f;
}

void TestImageConvert::invalidInputGivesNullImage()
{
    QFETCH(int, channels);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(float, lo);
    QFETCH(float, hi);
    const std::vector<float> data(64, 0.0f);
    QVERIFY(ImageConvert::imageFromPlanar(data.data(), channels, height, width, lo, hi).isNull());
    QVERIFY(ImageConvert::imageFromPlanar(nullptr, 1, 2, 2).isNull());
}

void TestImageConvert::tileSize_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("padding");
    QTest::addColumn<QSize>("expected");

    // 4 × 3 images: width = cols·4 + (cols+1)·pad, height = rows·3 + (rows+1)·pad
    QTest::newRow("5 in 3 columns, pad 1") << 5 << 3 << 1 << QSize(3 * 4 + 4, 2 * 3 + 3);
    QTest::newRow("6 in 3 columns, pad 2") << 6 << 3 << 2 << QSize(3 * 4 + 8, 2 * 3 + 6);
    QTest::newRow("one column, no pad") << 4 << 1 << 0 << QSize(4, 12);
    QTest::newRow("more columns than images") << 2 << 8 << 1 << QSize(2 * 4 + 3, 3 + 2);
    QTest::newRow("single image") << 1 << 4 << 0 << QSize(4, 3);
}

void TestImageConvert::tileSize()
{
    QFETCH(int, count);
    QFETCH(int, columns);
    QFETCH(int, padding);
    QFETCH(QSize, expected);

    QList<QImage> images;
    for (int i = 0; i < count; ++i) {
        QImage image(4, 3, QImage::Format_RGB32);
        image.fill(Qt::white);
        images.append(image);
    }
    QCOMPARE(ImageConvert::tileImages(images, columns, padding, Qt::black).size(), expected);
}

void TestImageConvert::tilePlacesImagesAndBackground()
{
    const QList<QColor> colors = {Qt::red, Qt::green, Qt::blue};
    QList<QImage> images;
    for (const QColor& color : colors) {
        QImage image(2, 2, QImage::Format_RGB32);
        image.fill(color);
        images.append(image);
    }
    // 2 columns, padding 1: cells start at x = 1 and 4, y = 1 and 4; size 7 × 7.
    const QImage tiled = ImageConvert::tileImages(images, 2, 1, Qt::white);
    QCOMPARE(tiled.size(), QSize(7, 7));
    QCOMPARE(tiled.pixelColor(1, 1), QColor(Qt::red));
    QCOMPARE(tiled.pixelColor(2, 2), QColor(Qt::red));
    QCOMPARE(tiled.pixelColor(4, 1), QColor(Qt::green));
    QCOMPARE(tiled.pixelColor(1, 4), QColor(Qt::blue));
    QCOMPARE(tiled.pixelColor(0, 0), QColor(Qt::white));
    QCOMPARE(tiled.pixelColor(3, 1), QColor(Qt::white)); // gap between cells
    QCOMPARE(tiled.pixelColor(4, 4), QColor(Qt::white)); // empty fourth cell

    QVERIFY(ImageConvert::tileImages({}, 3, 1, Qt::black).isNull());
}

void TestImageConvert::scaledPixelArtIsNearestNeighbour()
{
    QImage checker(2, 2, QImage::Format_RGB32);
    checker.setPixelColor(0, 0, Qt::black);
    checker.setPixelColor(1, 0, Qt::white);
    checker.setPixelColor(0, 1, Qt::white);
    checker.setPixelColor(1, 1, Qt::black);

    const QImage scaled = ImageConvert::scaledPixelArt(checker, 3);
    QCOMPARE(scaled.size(), QSize(6, 6));
    for (int y = 0; y < 6; ++y) {
        for (int x = 0; x < 6; ++x) {
            const QColor expected = checker.pixelColor(x / 3, y / 3);
            QCOMPARE(scaled.pixelColor(x, y), expected);
        }
    }
    QCOMPARE(ImageConvert::scaledPixelArt(checker, 0).size(), QSize(2, 2));
}

QTEST_MAIN(TestImageConvert)
#include "tst_imageconvert.moc"
