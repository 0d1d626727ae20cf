#include "imagegrid.h"

#include <QSignalSpy>
#include <QTest>

namespace {

QList<QImage> images(int count)
{
    QList<QImage> result;
    for (int i = 0; i < count; ++i) {
        QImage image(16, 16, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 37) % 360, 200, 220));
        result.append(image);
    }
    return result;
}

QStringList captions(int count)
{
    QStringList result;
    for (int i = 0; i < count; ++i)
        result.append(QStringLiteral("sample %1").arg(i));
    return result;
}

} // namespace

class TestImageGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void setImagesCounts();
    void clickSelects_data();
    void clickSelects();
    void clickOnEmptySpaceSelectsNothing();
    void thumbnailSizeSetsRects_data();
    void thumbnailSizeSetsRects();
    void keyboardMovesSelection();
    void setSelectedIndexIsSilent();
    void thumbnailsAreNearestNeighbour();
};

void TestImageGrid::setImagesCounts()
{
    ImageGrid grid;
    QCOMPARE(grid.count(), 0);
    QCOMPARE(grid.selectedIndex(), -1);
    grid.setImages(images(7), captions(7));
    QCOMPARE(grid.count(), 7);
    QCOMPARE(grid.captions().at(3), QStringLiteral("sample 3"));
    grid.setSelectedIndex(2);
    grid.setImages(images(3));
    QCOMPARE(grid.selectedIndex(), -1);
}

void TestImageGrid::clickSelects_data()
{
    QTest::addColumn<int>("index");
    QTest::newRow("first") << 0;
    QTest::newRow("second row") << 5;
    QTest::newRow("last") << 9;
}

void TestImageGrid::clickSelects()
{
    QFETCH(int, index);
    ImageGrid grid;
    grid.setThumbnailSize(64);
    grid.setImages(images(10), captions(10));
    grid.resize(4 * 64 + 60, 400); // four columns
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QCOMPARE(grid.columnCount(), 4);

    QSignalSpy selected(&grid, &ImageGrid::imageSelected);
    const QRect rect = grid.thumbnailRect(index);
    QVERIFY(grid.rect().contains(rect));
    QTest::mouseClick(&grid, Qt::LeftButton, {}, rect.center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toInt(), index);
    QCOMPARE(grid.selectedIndex(), index);
}

void TestImageGrid::clickOnEmptySpaceSelectsNothing()
{
    ImageGrid grid;
    grid.setThumbnailSize(64);
    grid.setImages(images(3));
    grid.resize(600, 300);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy selected(&grid, &ImageGrid::imageSelected);
    QTest::mouseClick(&grid, Qt::LeftButton, {}, QPoint(590, 290));
    QCOMPARE(selected.count(), 0);
    QCOMPARE(grid.selectedIndex(), -1);
}

void TestImageGrid::thumbnailSizeSetsRects_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("32") << 32;
    QTest::newRow("96") << 96;
    QTest::newRow("150") << 150;
}

void TestImageGrid::thumbnailSizeSetsRects()
{
    QFETCH(int, size);
    ImageGrid grid;
    grid.setImages(images(6), captions(6));
    grid.setThumbnailSize(size);
    QCOMPARE(grid.thumbnailSize(), size);
    grid.resize(500, 500);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(grid.thumbnailRect(i).size(), QSize(size, size));
    // Neighbours do not overlap.
    QVERIFY(!grid.thumbnailRect(0).intersects(grid.thumbnailRect(1)));
    // Everything fits in the height the layout is asked for.
    QVERIFY(grid.heightForWidth(500) >= grid.thumbnailRect(5).bottom());
}

void TestImageGrid::keyboardMovesSelection()
{
    ImageGrid grid;
    grid.setThumbnailSize(32);
    grid.setImages(images(8));
    grid.resize(2 * 32 + 30, 400); // two columns
    QCOMPARE(grid.columnCount(), 2);
    QSignalSpy selected(&grid, &ImageGrid::imageSelected);
    QTest::keyClick(&grid, Qt::Key_Right);
    QCOMPARE(grid.selectedIndex(), 0);
    QTest::keyClick(&grid, Qt::Key_Right);
    QCOMPARE(grid.selectedIndex(), 1);
    QTest::keyClick(&grid, Qt::Key_Down);
    QCOMPARE(grid.selectedIndex(), 3);
    QTest::keyClick(&grid, Qt::Key_End);
    QCOMPARE(grid.selectedIndex(), 7);
    QTest::keyClick(&grid, Qt::Key_Down); // past the end: stays
    QCOMPARE(grid.selectedIndex(), 7);
    QCOMPARE(selected.count(), 4);
}

void TestImageGrid::setSelectedIndexIsSilent()
{
    ImageGrid grid;
    grid.setImages(images(4));
    QSignalSpy selected(&grid, &ImageGrid::imageSelected);
    grid.setSelectedIndex(2);
    QCOMPARE(grid.selectedIndex(), 2);
    grid.setSelectedIndex(9); // ignored
    QCOMPARE(grid.selectedIndex(), 2);
    grid.setSelectedIndex(-1);
    QCOMPARE(grid.selectedIndex(), -1);
    QCOMPARE(selected.count(), 0);
}

void TestImageGrid::thumbnailsAreNearestNeighbour()
{
    // A 2 × 2 checkerboard in a 64 px thumbnail: four solid 32 px blocks, no blended colours.
    QImage checker(2, 2, QImage::Format_RGB32);
    checker.setPixelColor(0, 0, Qt::black);
    checker.setPixelColor(1, 0, Qt::white);
    checker.setPixelColor(0, 1, Qt::white);
    checker.setPixelColor(1, 1, Qt::black);

    ImageGrid grid;
    grid.setThumbnailSize(64);
    grid.setImages({checker});
    grid.resize(100, 100);
    const QImage shot = grid.grab().toImage();
    const QRect r = grid.thumbnailRect(0);
    QCOMPARE(shot.pixelColor(r.left() + 5, r.top() + 5), QColor(Qt::black));
    QCOMPARE(shot.pixelColor(r.left() + 31, r.top() + 5), QColor(Qt::black));
    QCOMPARE(shot.pixelColor(r.left() + 32, r.top() + 5), QColor(Qt::white));
    QCOMPARE(shot.pixelColor(r.left() + 32, r.top() + 40), QColor(Qt::black));
}

QTEST_MAIN(TestImageGrid)
#include "tst_imagegrid.moc"
