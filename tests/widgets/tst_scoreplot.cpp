// The score view's plot: plane and widget coordinates invert each other (y up), arrows are drawn where
// and in the colour of their set, pointing the way their vectors do, and a click adds a point only
// while drawing is on.
#include "scoreplot.h"

#include <QSignalSpy>
#include <QtTest>

namespace {

// The pixels of `image` tinted like the exact score's arrows (blue well above red), as counts left and
// right of column x.
struct Counts {
    int left = 0, right = 0;
};
Counts blueLeftRight(const QImage& image, int x, int y0, int y1)
{
    Counts c;
    for (int y = y0; y <= y1; ++y)
        for (int i = 0; i < image.width(); ++i) {
            const QColor p = image.pixelColor(i, y);
            if (p.blue() - p.red() > 50)
                (i < x ? c.left : c.right) += 1;
        }
    return c;
}

} // namespace

class TestScorePlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void coordinatesInvert()
    {
        ScorePlot plot;
        plot.resize(300, 300);
        plot.setExtent(2.0);
        for (const QPointF p : {QPointF(0, 0), QPointF(1.5, -0.5), QPointF(-2, 2)}) {
            const QPointF back = plot.toPlane(plot.toWidget(p));
            QVERIFY(std::abs(back.x() - p.x()) < 1e-9 && std::abs(back.y() - p.y()) < 1e-9);
        }
        // y grows upwards in the plane, downwards on screen.
        QVERIFY(plot.toWidget(QPointF(0, 1)).y() < plot.toWidget(QPointF(0, -1)).y());
        QVERIFY(plot.toWidget(QPointF(1, 0)).x() > plot.toWidget(QPointF(-1, 0)).x());
    }

    void arrowsPointTheWayOfTheirVectors()
    {
        ScorePlot plot;
        plot.resize(300, 300);
        plot.setExtent(1.0);
        const QPointF origin(0, 0);
        const int x0 = qRound(plot.toWidget(origin).x());
        const int y0 = qRound(plot.toWidget(origin).y());
        for (int sign : {1, -1}) {
            plot.setArrows(1, {origin}, {QPointF(sign * 3.0, 0)}, 0.5);
            const QImage image = plot.grab().toImage();
            QVERIFY(ScorePlot::arrowColor(1).blue() - ScorePlot::arrowColor(1).red() > 50);
            const Counts c = blueLeftRight(image, x0, y0 - 3, y0 + 3);
            if (sign > 0)
                QVERIFY2(c.right > 20 && c.left < 3, qPrintable(QStringLiteral("%1 / %2").arg(c.left).arg(c.right)));
            else
                QVERIFY2(c.left > 20 && c.right < 3, qPrintable(QStringLiteral("%1 / %2").arg(c.left).arg(c.right)));
        }
        // Vertically too: a vector up in the plane (y up) draws above the origin on screen (y down).
        for (int sign : {1, -1}) {
            plot.setArrows(1, {origin}, {QPointF(0, sign * 3.0)}, 0.5);
            const QImage image = plot.grab().toImage();
            int above = 0, below = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = x0 - 3; x <= x0 + 3; ++x) {
                    const QColor p = image.pixelColor(x, y);
                    if (p.blue() - p.red() > 50)
                        (y < y0 ? above : below) += 1;
                }
            if (sign > 0)
                QVERIFY2(above > 20 && below < 3, qPrintable(QStringLiteral("%1 / %2").arg(above).arg(below)));
            else
                QVERIFY2(below > 20 && above < 3, qPrintable(QStringLiteral("%1 / %2").arg(above).arg(below)));
        }
        plot.setArrows(1, {}, {}, 0.5);
        const Counts none = blueLeftRight(plot.grab().toImage(), x0, 0, 299);
        QCOMPARE(none.left + none.right, 0);
    }

    void clicksAddPointsOnlyWhileDrawing()
    {
        ScorePlot plot;
        plot.resize(300, 300);
        plot.setExtent(1.0);
        QSignalSpy added(&plot, &ScorePlot::pointAdded);
        const QPoint at = plot.toWidget(QPointF(0.5, 0.25)).toPoint();
        QTest::mouseClick(&plot, Qt::LeftButton, {}, at);
        QCOMPARE(added.count(), 0);
        plot.setDrawingEnabled(true);
        QTest::mouseClick(&plot, Qt::LeftButton, {}, at);
        QCOMPARE(added.count(), 1);
        const QPointF p = added.at(0).at(0).toPointF();
        QVERIFY(std::abs(p.x() - 0.5) < 0.02 && std::abs(p.y() - 0.25) < 0.02);
    }
};

QTEST_MAIN(TestScorePlot)
#include "tst_scoreplot.moc"
