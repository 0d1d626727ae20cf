#include "binheatmap.h"

#include <QTest>

#include <algorithm>
#include <cmath>

class TestBinHeatMap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void spansWholeRun_data();
    void spansWholeRun();
    void setMaxSnapshotsThins();
    void binCountIsLongestSnapshot();
    void timestepBinLabels_data();
    void timestepBinLabels();
    void clearEmpties();
    void colourFollowsLogLoss();
};

void TestBinHeatMap::spansWholeRun_data()
{
    QTest::addColumn<int>("appended");
    QTest::newRow("1") << 1;
    QTest::newRow("200") << 200;
    QTest::newRow("201") << 201;
    QTest::newRow("300 (a run resumed from its checkpoint)") << 300;
    QTest::newRow("450") << 450;
    QTest::newRow("5000") << 5000;
}

// Snapshots every 10 steps from step 10: the map starts at the first, ends at the newest, keeps at most
// maxSnapshots() columns, and its columns stay in order and evenly spread over the run.
void TestBinHeatMap::spansWholeRun()
{
    QFETCH(int, appended);

    BinHeatMap map;
    QCOMPARE(map.maxSnapshots(), 200);
    for (int i = 0; i < appended; ++i)
        map.appendSnapshot({0.1 + i, 0.2, 0.3}, 10 * (i + 1));
    QVERIFY(map.snapshotCount() <= 200);
    if (appended <= 200)
        QCOMPARE(map.snapshotCount(), appended);
    else // thinned to every 2^k-th snapshot (and the newest): between half the cap and the cap
        QVERIFY2(map.snapshotCount() >= 100 && map.snapshotCount() <= 200,
                 qPrintable(QString::number(map.snapshotCount())));

    const QVector<int> steps = map.steps();
    QCOMPARE(steps.first(), 10); // not cut at the start
    QCOMPARE(steps.last(), 10 * appended);
    QCOMPARE(map.snapshot(map.snapshotCount() - 1).first(), 0.1 + (appended - 1));
    int widestGap = 0;
    for (int i = 1; i < steps.size(); ++i) {
        QVERIFY(steps[i] > steps[i - 1]);
        if (i < steps.size() - 1) // the newest may sit closer to the one before it
            widestGap = std::max(widestGap, steps[i] - steps[i - 1]);
    }
    // Evenly spread: no gap between kept columns is wider than the run over half the columns.
    if (steps.size() > 2)
        QVERIFY2(widestGap <= 2 * 10 * appended / int(steps.size()), qPrintable(QString::number(widestGap)));
}

void TestBinHeatMap::setMaxSnapshotsThins()
{
    BinHeatMap map;
    for (int i = 0; i < 50; ++i)
        map.appendSnapshot({1.0}, i);
    map.setMaxSnapshots(10);
    QVERIFY(map.snapshotCount() <= 10);
    QCOMPARE(map.steps().first(), 0);
    QCOMPARE(map.steps().last(), 49);
    map.appendSnapshot({1.0}, 50);
    QVERIFY(map.snapshotCount() <= 10);
    QCOMPARE(map.steps().first(), 0);
    QCOMPARE(map.steps().last(), 50);
    map.setMaxSnapshots(0);
    QCOMPARE(map.maxSnapshots(), 2);
    QCOMPARE(map.steps(), QVector<int>({0, 50}));
    map.appendSnapshot({1.0}, 51);
    QCOMPARE(map.steps(), QVector<int>({0, 51}));
}

void TestBinHeatMap::binCountIsLongestSnapshot()
{
    BinHeatMap map;
    QCOMPARE(map.binCount(), 0);
    map.appendSnapshot({0.1, 0.2}, 1);
    map.appendSnapshot({0.1, 0.2, 0.3, 0.4}, 2);
    QCOMPARE(map.binCount(), 4);
}

void TestBinHeatMap::timestepBinLabels_data()
{
    QTest::addColumn<int>("timesteps");
    QTest::addColumn<int>("bins");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("1000 in 10") << 1000 << 10 << QStringLiteral("t 1–100") << QStringLiteral("t 901–1000");
    QTest::newRow("1000 in 4") << 1000 << 4 << QStringLiteral("t 1–250") << QStringLiteral("t 751–1000");
    QTest::newRow("10 in 3") << 10 << 3 << QStringLiteral("t 1–3") << QStringLiteral("t 7–10");
}

void TestBinHeatMap::timestepBinLabels()
{
    QFETCH(int, timesteps);
    QFETCH(int, bins);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const QStringList labels = BinHeatMap::timestepBinLabels(timesteps, bins);
    QCOMPARE(labels.size(), bins);
    QCOMPARE(labels.first(), first);
    QCOMPARE(labels.last(), last);

    BinHeatMap map;
    map.setBinLabels(labels);
    QCOMPARE(map.binLabels(), labels);
}

void TestBinHeatMap::clearEmpties()
{
    BinHeatMap map;
    map.appendSnapshot({0.5}, 10);
    map.clear();
    QCOMPARE(map.snapshotCount(), 0);
    QVERIFY(map.steps().isEmpty());
    QVERIFY(map.snapshot(0).isEmpty());
}

void TestBinHeatMap::colourFollowsLogLoss()
{
    // One snapshot, three bins: the low loss is drawn dark (viridis purple), the high one bright (yellow),
    // and the one halfway between them on a log scale (10^−1.5 between 10^−3 and 1) in viridis' middle
    // colour; a linear scale would draw it nearly as dark as the lowest.
    BinHeatMap map;
    map.setBinLabels(BinHeatMap::timestepBinLabels(1000, 3));
    map.appendSnapshot({0.001, std::pow(10.0, -1.5), 1.0}, 0);
    map.resize(300, 200);
    const QImage image = map.grab().toImage();

    // The first row where each colour is found, in the left half (the map, not the legend).
    const auto firstRow = [&image](const QColor& colour) {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width() / 2; ++x)
                if (image.pixelColor(x, y) == colour)
                    return y;
        return -1;
    };
    const int darkY = firstRow(QColor(68, 1, 84)), middleY = firstRow(QColor(33, 144, 141)),
              brightY = firstRow(QColor(253, 231, 37));
    QVERIFY(darkY >= 0);
    QVERIFY(middleY >= 0);
    QVERIFY(brightY >= 0);
    QVERIFY(darkY < middleY && middleY < brightY); // bin 0 is the top row
}

QTEST_MAIN(TestBinHeatMap)
#include "tst_binheatmap.moc"
