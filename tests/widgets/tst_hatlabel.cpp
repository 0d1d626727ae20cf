#include "hatlabel.h"

#include <QTest>

namespace {

// Dark pixels in rows [top, bottom) and columns [left, right).
int inkIn(const QImage& image, int left, int right, int top, int bottom)
{
    int n = 0;
    for (int y = std::max(0, top); y < std::min(image.height(), bottom); ++y)
        for (int x = std::max(0, left); x < std::min(image.width(), right); ++x)
            n += qGray(image.pixel(x, y)) < 140 ? 1 : 0;
    return n;
}

} // namespace

class TestHatLabel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stripHats_data();
    void stripHats();
    void hatIsAboveTheLetter_data();
    void hatIsAboveTheLetter();
    void plainTextIsAPlainLabel();
};

void TestHatLabel::stripHats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QList<int>>("hatted");
    QTest::newRow("x̂₀") << QStringLiteral("x\u0302\u2080") << QStringLiteral("x\u2080") << QList<int>{0};
    QTest::newRow("two") << QStringLiteral("image x\u0302\u2080 and noise \u03b5\u0302")
                         << QStringLiteral("image x\u2080 and noise \u03b5") << QList<int>{6, 19};
    QTest::newRow("none") << QStringLiteral("x_t") << QStringLiteral("x_t") << QList<int>{};
    QTest::newRow("leading mark") << QStringLiteral("\u0302a") << QStringLiteral("a") << QList<int>{};
}

void TestHatLabel::stripHats()
{
    QFETCH(QString, text);
    QFETCH(QString, plain);
    QFETCH(QList<int>, hatted);
    QList<int> found;
    QCOMPARE(HatLabel::stripHats(text, &found), plain);
    QCOMPARE(found, hatted);
}

void TestHatLabel::hatIsAboveTheLetter_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("x̂₀") << QStringLiteral("x\u0302\u2080");
    QTest::newRow("x̂ alone") << QStringLiteral("x\u0302");
    QTest::newRow("ε̂") << QStringLiteral("\u03b5\u0302");
}

// The hat sits over the letter, above its top and below the line's top, and nothing is drawn under it:
// what a font that misplaces U+0302 gets wrong.
void TestHatLabel::hatIsAboveTheLetter()
{
    QFETCH(QString, text);
    HatLabel label(text);
    QCOMPARE(label.text(), text);
    QFont font = label.font();
    font.setPixelSize(40);
    label.setFont(font);
    QPalette palette = label.palette();
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    label.setPalette(palette);
    label.setAutoFillBackground(true);
    label.setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label.resize(label.sizeHint());
    const QImage image = label.grab().toImage();

    const QFontMetrics metrics(font);
    const QString letter = text.left(1);
    const QRect ink = metrics.tightBoundingRect(letter);
    const int baseline = metrics.ascent();
    const int letterTop = baseline + ink.top();
    const int left = ink.left(), right = ink.right() + 1;
    QVERIFY(inkIn(image, left, right, letterTop + 2, baseline) > 0); // the letter
    QVERIFY2(inkIn(image, left, right, 0, letterTop - 1) > 5, "no hat above the letter");
    QCOMPARE(inkIn(image, left, right, baseline + 2, image.height()), 0); // nothing under it

    // Without the mark, nothing is above the letter: the ink up there is the hat.
    HatLabel plain(letter);
    plain.setFont(font);
    plain.setPalette(palette);
    plain.setAutoFillBackground(true);
    plain.setAlignment(Qt::AlignLeft | Qt::AlignTop);
    plain.resize(label.size());
    QCOMPARE(inkIn(plain.grab().toImage(), left, right, 0, letterTop - 1), 0);
}

void TestHatLabel::plainTextIsAPlainLabel()
{
    HatLabel hat(QStringLiteral("predicted noise"));
    QLabel label(QStringLiteral("predicted noise"));
    QCOMPARE(hat.sizeHint(), label.sizeHint());
    hat.setText(QStringLiteral("predicted clean image x\u0302\u2080"));
    QVERIFY(hat.sizeHint().width() >=
            QFontMetrics(hat.font()).horizontalAdvance(QStringLiteral("predicted clean image x\u2080")));
}

QTEST_MAIN(TestHatLabel)
#include "tst_hatlabel.moc"
