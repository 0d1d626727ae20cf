#include "imagestrip.h"

#include <QSignalSpy>
#include <QTest>

namespace {

QImage solid(const QColor& color, int width = 8, int height = 8)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    return image;
}

// Distinct colours for rows < 3 and columns < 64, none white, black or grey (the export's
// background and text).
QColor frameColor(int row, int column)
{
    return QColor(30 + (7 * column) % 200, 60 + 80 * row, 220 - 3 * column);
}

QList<QList<QImage>> makeRows(int rows, int columns, int size = 8)
{
    QList<QList<QImage>> result;
    for (int r = 0; r < rows; ++r) {
        QList<QImage> row;
        for (int c = 0; c < columns; ++c)
            row.append(solid(frameColor(r, c), size, size));
        result.append(row);
    }
    return result;
}

int countPixels(const QImage& image, const QColor& color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == color ? 1 : 0;
    }
    return n;
}

} // namespace

class TestImageStrip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void setFramesCounts();
    void appendColumnGrowsStrip();
    void currentIndexClamps_data();
    void currentIndexClamps();
    void clickEmitsColumnClicked_data();
    void clickEmitsColumnClicked();
    void clickOutsideColumnsEmitsNothing();
    void narrowStripKeepsEveryColumnVisible_data();
    void narrowStripKeepsEveryColumnVisible();
    void renderToImageScalesFrames_data();
    void renderToImageScalesFrames();
    void renderEmptyIsNull();
    void rowLabelsLeftOfRows();
    void columnsGrowWithWidth();
};

void TestImageStrip::setFramesCounts()
{
    ImageStrip strip;
    QCOMPARE(strip.count(), 0);
    QCOMPARE(strip.currentIndex(), -1);

    strip.setFrames(makeRows(2, 5), {"t=1000", "t=750", "t=500", "t=250", "t=0"});
    QCOMPARE(strip.count(), 5);
    QCOMPARE(strip.rowCount(), 2);
    QCOMPARE(strip.columnLabels().at(2), QStringLiteral("t=500"));
    QCOMPARE(strip.frame(1, 3).pixelColor(0, 0), frameColor(1, 3));
    QVERIFY(strip.frame(2, 0).isNull());

    strip.setCurrentIndex(3);
    strip.setFrames(makeRows(1, 2), {});
    QCOMPARE(strip.count(), 2);
    QCOMPARE(strip.currentIndex(), -1);

    strip.clear();
    QCOMPARE(strip.count(), 0);
    QCOMPARE(strip.rowCount(), 0);
}

void TestImageStrip::appendColumnGrowsStrip()
{
    ImageStrip strip;
    strip.appendColumn({solid(Qt::red)}, QStringLiteral("a"));
    QCOMPARE(strip.count(), 1);
    QCOMPARE(strip.rowCount(), 1);

    strip.appendColumn({solid(Qt::green), solid(Qt::blue)}, QStringLiteral("b"));
    QCOMPARE(strip.count(), 2);
    QCOMPARE(strip.rowCount(), 2);
    QVERIFY(strip.frame(1, 0).isNull()); // first column had one row only
    QCOMPARE(strip.frame(1, 1).pixelColor(0, 0), QColor(Qt::blue));
    QCOMPARE(strip.columnLabels(), QStringList({"a", "b"}));
}

void TestImageStrip::currentIndexClamps_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("first") << 0 << 0;
    QTest::newRow("last") << 3 << 3;
    QTest::newRow("past the end") << 9 << 3;
    QTest::newRow("none") << -1 << -1;
    QTest::newRow("below none") << -5 << -1;
}

void TestImageStrip::currentIndexClamps()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    ImageStrip strip;
    strip.setFrames(makeRows(1, 4));
    QSignalSpy clicked(&strip, &ImageStrip::columnClicked);
    strip.setCurrentIndex(requested);
    QCOMPARE(strip.currentIndex(), expected);
    QCOMPARE(clicked.count(), 0);
}

void TestImageStrip::clickEmitsColumnClicked_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("labels");
    for (int c : {0, 2, 5}) {
        QTest::addRow("column %d, labels", c) << c << true;
        QTest::addRow("column %d, no labels", c) << c << false;
    }
}

void TestImageStrip::clickEmitsColumnClicked()
{
    QFETCH(int, column);
    QFETCH(bool, labels);

    ImageStrip strip;
    QStringList names;
    if (labels) {
        for (int c = 0; c < 6; ++c)
            names.append(QStringLiteral("t = %1").arg(1000 - 200 * c));
    }
    strip.setFrames(makeRows(2, 6), names);
    strip.resize(600, 120);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));

    const QRect rect = strip.columnRect(column);
    QVERIFY(rect.isValid());
    QVERIFY(strip.rect().contains(rect));
    // Columns do not overlap and go left to right.
    if (column > 0)
        QVERIFY(strip.columnRect(column - 1).right() < rect.left());

    QSignalSpy clicked(&strip, &ImageStrip::columnClicked);
    QTest::mouseClick(&strip, Qt::LeftButton, {}, rect.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), column);
    QCOMPARE(strip.currentIndex(), column);

    // A click near the left edge of the column still hits it.
    QTest::mouseClick(&strip, Qt::LeftButton, {}, QPoint(rect.left() + 1, rect.top() + 1));
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(clicked.at(1).at(0).toInt(), column);
}

void TestImageStrip::clickOutsideColumnsEmitsNothing()
{
    ImageStrip strip;
    strip.setFrames(makeRows(1, 3));
    strip.resize(600, 100);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));

    QSignalSpy clicked(&strip, &ImageStrip::columnClicked);
    const QRect last = strip.columnRect(2);
    QVERIFY(last.right() + 20 < strip.width());
    QTest::mouseClick(&strip, Qt::LeftButton, {}, QPoint(last.right() + 10, last.center().y()));
    QCOMPARE(clicked.count(), 0);
    QCOMPARE(strip.currentIndex(), -1);
    QCOMPARE(strip.columnAt(QPoint(last.right() + 10, last.center().y())), -1);
}

void TestImageStrip::narrowStripKeepsEveryColumnVisible_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("width");
    QTest::newRow("20 in 300 px") << 20 << 300;
    QTest::newRow("50 in 400 px") << 50 << 400;
    QTest::newRow("6 in 120 px") << 6 << 120;
}

void TestImageStrip::narrowStripKeepsEveryColumnVisible()
{
    QFETCH(int, columns);
    QFETCH(int, width);

    ImageStrip strip;
    QStringList labels;
    for (int c = 0; c < columns; ++c)
        labels.append(QStringLiteral("t = %1").arg(1000 - c));
    strip.setFrames(makeRows(1, columns, 28), labels);
    strip.resize(width, 150);
    for (int c = 0; c < columns; ++c) {
        const QRect rect = strip.columnRect(c);
        QVERIFY2(strip.rect().contains(rect), qPrintable(QString::number(c)));
        QCOMPARE(strip.columnAt(rect.center()), c);
    }
    // Still the natural size when exported.
    QCOMPARE(countPixels(strip.renderToImage(1), frameColor(0, columns - 1)), 28 * 28);
}

void TestImageStrip::renderToImageScalesFrames_data()
{
    QTest::addColumn<int>("scale");
    QTest::addColumn<bool>("labels");
    QTest::newRow("x1") << 1 << false;
    QTest::newRow("x3") << 3 << false;
    QTest::newRow("x4 labelled") << 4 << true;
}

void TestImageStrip::renderToImageScalesFrames()
{
    QFETCH(int, scale);
    QFETCH(bool, labels);
    constexpr int rows = 2;
    constexpr int columns = 4;
    constexpr int size = 8;

    ImageStrip strip;
    strip.setFrames(makeRows(rows, columns, size),
                    labels ? QStringList({"t=1000", "t=600", "t=300", "t=0"}) : QStringList());
    strip.resize(200, 40); // the on-screen size must not matter
    strip.setCurrentIndex(1);

    const QImage image = strip.renderToImage(scale);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= columns * size * scale);
    QVERIFY(image.height() >= rows * size * scale);

    // Every frame appears exactly once, at native size × scale, pixel for pixel, and in its place: rows
    // top to bottom, columns left to right in time (a strip drawn reversed would have the same pixels).
    QPoint previous(-1, -1);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            QCOMPARE(countPixels(image, frameColor(r, c)), size * size * scale * scale);
            QPoint corner(-1, -1); // the frame's top-left pixel
            for (int y = 0; y < image.height() && corner.x() < 0; ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (image.pixelColor(x, y) == frameColor(r, c)) {
                        corner = QPoint(x, y);
                        break;
                    }
            if (c > 0) {
                QVERIFY2(corner.x() > previous.x() && corner.y() == previous.y(),
                         qPrintable(QStringLiteral("row %1, column %2").arg(r).arg(c)));
            } else if (r > 0) {
                QVERIFY(corner.y() >= previous.y() + size * scale);
            }
            previous = corner;
        }
    }

    // Without labels the strip grows by exactly the frames when the scale goes up by one.
    if (!labels) {
        const QImage bigger = strip.renderToImage(scale + 1);
        QCOMPARE(bigger.width() - image.width(), columns * size);
        QCOMPARE(bigger.height() - image.height(), rows * size);
    } else {
        // The labels take room under the frames: some dark text pixels below the last row.
        const int framesBottom = image.height() - QFontMetrics(strip.font()).height();
        bool text = false;
        for (int y = framesBottom; y < image.height() && !text; ++y) {
            for (int x = 0; x < image.width() && !text; ++x)
                text = qGray(image.pixel(x, y)) < 128;
        }
        QVERIFY(text);
    }
}

void TestImageStrip::renderEmptyIsNull()
{
    ImageStrip strip;
    QVERIFY(strip.renderToImage(2).isNull());
}

// Each row's name is written left of that row, in the export and on screen, and the frames move right
// to make room without losing a pixel.
void TestImageStrip::rowLabelsLeftOfRows()
{
    constexpr int rows = 3;
    constexpr int size = 8;
    constexpr int scale = 4;
    ImageStrip strip;
    strip.setFrames(makeRows(rows, 4, size), {"t=0", "t=1", "t=2", "t=3"});
    const QImage plain = strip.renderToImage(scale);
    strip.setRowLabels({"linear", "cosine", "sigmoid"});
    QCOMPARE(strip.rowLabels().size(), rows);
    const QImage image = strip.renderToImage(scale);
    QVERIFY(image.width() > plain.width());
    QCOMPARE(image.height(), plain.height());

    // Where the first column starts now.
    int firstFrameX = image.width();
    for (int x = 0; x < image.width() && firstFrameX == image.width(); ++x)
        for (int y = 0; y < image.height(); ++y)
            if (image.pixelColor(x, y) == frameColor(0, 0)) {
                firstFrameX = x;
                break;
            }
    QVERIFY(firstFrameX > 2 * QFontMetrics(strip.font()).horizontalAdvance(QStringLiteral("l")));
    // Text left of each row, within the row's height.
    for (int r = 0; r < rows; ++r) {
        const int top = 4 + r * (size * scale + 2);
        bool text = false;
        for (int y = top; y < top + size * scale && !text; ++y)
            for (int x = 0; x < firstFrameX && !text; ++x)
                text = qGray(image.pixel(x, y)) < 128;
        QVERIFY2(text, qPrintable(QString::number(r)));
    }
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < 4; ++c)
            QCOMPARE(countPixels(image, frameColor(r, c)), size * size * scale * scale);

    // On screen the columns move right by the labels' width and still fit.
    strip.resize(500, 200);
    const int shifted = strip.columnRect(0).left();
    strip.setRowLabels({});
    QVERIFY(shifted > strip.columnRect(0).left());
    strip.setRowLabels({"linear", "cosine", "sigmoid"});
    QVERIFY(strip.rect().contains(strip.columnRect(3)));
    strip.clear();
    QVERIFY(strip.rowLabels().isEmpty());
}

QTEST_MAIN(TestImageStrip)
#include "tst_imagestrip.moc"

// The strip asks for the height at which its frames fill the width (whole multiples of 28 px here,
// rows at most 96 px), so a wider window shows larger columns; reserved columns keep that scale while
// the strip fills, instead of one huge column shrinking as the others arrive.
void TestImageStrip::columnsGrowWithWidth()
{
    ImageStrip strip;
    QStringList labels;
    for (int c = 0; c < 11; ++c)
        labels << QStringLiteral("t=%1").arg(1000 - 100 * c);
    strip.setFrames(makeRows(4, 11, 28), labels);
    QVERIFY(strip.hasHeightForWidth());
    const int narrow = strip.heightForWidth(500);
    const int wide = strip.heightForWidth(1400);
    QVERIFY2(wide >= narrow + 2 * 4 * 28, qPrintable(QStringLiteral("%1 → %2").arg(narrow).arg(wide)));
    QVERIFY(strip.heightForWidth(4000) <= 4 * 96 + 60); // capped rows
    strip.setMaxRowHeight(56);                          // a lower cap: two multiples of 28, whatever the width
    QCOMPARE(strip.heightForWidth(4000), strip.heightForWidth(1400));
    QVERIFY(strip.heightForWidth(4000) <= 4 * 56 + 60 && strip.heightForWidth(4000) >= 4 * 56);
    strip.setMaxRowHeight(96);
    // At the height it asked for, the columns use most of the width.
    strip.resize(1400, wide);
    const QRect last = strip.columnRect(10);
    QVERIFY2(last.right() > 1400 * 6 / 10, qPrintable(QString::number(last.right())));
    QVERIFY(last.right() < 1400);

    ImageStrip filling;
    filling.setReservedColumns(11);
    QList<QImage> column;
    for (int r = 0; r < 4; ++r)
        column << solid(frameColor(r, 0), 28, 28);
    filling.appendColumn(column, QStringLiteral("t=1000"));
    QCOMPARE(filling.heightForWidth(1400), wide);
    QCOMPARE(filling.heightForWidth(700), strip.heightForWidth(700));
    filling.setReservedColumns(0);
    QVERIFY(filling.heightForWidth(700) > strip.heightForWidth(700)); // one column alone would be larger
}
