#include "histogramview.h"

#include <QTest>

#include <cmath>
#include <random>

namespace {

QVector<float> normalSamples(int count, unsigned seed, double mean = 0.0, double stddev = 1.0)
{
    std::mt19937 generator(seed);
    std::normal_distribution<float> distribution{float(mean), float(stddev)};
    QVector<float> values(count);
    for (float& v : values)
        v = distribution(generator);
    return values;
}

} // namespace

class TestHistogramView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void normalSamplesIntegrateToOne_data();
    void normalSamplesIntegrateToOne();
    void densitiesMatchNormalDensity();
    void shiftedSamplesPeakAtTheirMean();
    void countsAndEdges();
    void outOfRangeAndNonFinite();
    void invalidArgumentsClear();
    void paintsWithoutCrashing();
};

void TestHistogramView::normalSamplesIntegrateToOne_data()
{
    QTest::addColumn<int>("bins");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::newRow("60 bins, ±4") << 60 << -4.0 << 4.0;
    QTest::newRow("25 bins, ±5") << 25 << -5.0 << 5.0;
    QTest::newRow("200 bins, ±4") << 200 << -4.0 << 4.0;
}

void TestHistogramView::normalSamplesIntegrateToOne()
{
    QFETCH(int, bins);
    QFETCH(double, lo);
    QFETCH(double, hi);

    HistogramView view;
    view.setValues(normalSamples(200000, 7), bins, lo, hi);
    QCOMPARE(view.binCount(), bins);
    QCOMPARE(view.binWidth(), (hi - lo) / bins);

    const QVector<double> densities = view.binDensities();
    double integral = 0.0;
    for (double d : densities)
        integral += d * view.binWidth();
    // P(|Z| > 4) ≈ 6e-5, so the bars hold almost everything.
    QVERIFY2(std::abs(integral - 1.0) < 1e-3, qPrintable(QString::number(integral)));

    // The highest bar is next to 0.
    const int peak = int(std::max_element(densities.cbegin(), densities.cend()) - densities.cbegin());
    const double centre = lo + (peak + 0.5) * view.binWidth();
    QVERIFY2(std::abs(centre) < 0.35, qPrintable(QString::number(centre)));

    QVERIFY(std::abs(view.mean()) < 0.01);
    QVERIFY(std::abs(view.standardDeviation() - 1.0) < 0.01);
    QCOMPARE(view.sampleCount(), qint64(200000));
}

void TestHistogramView::densitiesMatchNormalDensity()
{
    HistogramView view;
    view.setValues(normalSamples(400000, 11), 40, -4.0, 4.0);
    const double w = view.binWidth();
    const QVector<double> densities = view.binDensities();
    for (int i = 0; i < densities.size(); ++i) {
        const double a = -4.0 + i * w;
        // Exact bin mass of N(0,1) over [a, a + w], divided by the width.
        const double expected = 0.5 * (std::erf((a + w) / std::sqrt(2.0)) - std::erf(a / std::sqrt(2.0))) / w;
        QVERIFY2(std::abs(densities[i] - expected) < 0.01,
                 qPrintable(QStringLiteral("bin %1: %2 vs %3").arg(i).arg(densities[i]).arg(expected)));
    }
}

void TestHistogramView::shiftedSamplesPeakAtTheirMean()
{
    HistogramView view;
    view.setValues(normalSamples(50000, 3, 1.5, 0.5), 80, -4.0, 4.0);
    const QVector<double> densities = view.binDensities();
    const int peak = int(std::max_element(densities.cbegin(), densities.cend()) - densities.cbegin());
    const double centre = -4.0 + (peak + 0.5) * view.binWidth();
    QVERIFY(std::abs(centre - 1.5) < 0.2);
    // N(1.5, 0.5²) peaks at 1/(0.5·√(2π)) ≈ 0.798.
    QVERIFY(std::abs(densities[peak] - 0.798) < 0.08);
}

void TestHistogramView::countsAndEdges()
{
    HistogramView view;
    // Bins of width 1 over [0, 4): 0 → bin 0, 0.5 → 0, 1 → 1, 3.99 → 3, 4 (= hi) → last bin.
    view.setValues({0.0f, 0.5f, 1.0f, 3.99f, 4.0f}, 4, 0.0, 4.0);
    const QVector<double> densities = view.binDensities();
    QCOMPARE(densities.size(), 4);
    QCOMPARE(densities[0], 2.0 / 5.0);
    QCOMPARE(densities[1], 1.0 / 5.0);
    QCOMPARE(densities[2], 0.0);
    QCOMPARE(densities[3], 2.0 / 5.0);

    // A constant: one bin holds everything, density 1 / width.
    view.setValues(QVector<float>(100, 0.1f), 10, -1.0, 1.0);
    QCOMPARE(view.binDensities()[5], 1.0 / 0.2);
    QCOMPARE(view.standardDeviation() < 1e-6, true);
}

void TestHistogramView::outOfRangeAndNonFinite()
{
    HistogramView view;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    view.setValues({-10.0f, 0.25f, 0.75f, 10.0f, nan, inf}, 2, 0.0, 1.0);
    QCOMPARE(view.sampleCount(), qint64(4)); // NaN and inf ignored
    QCOMPARE(view.outsideCount(), qint64(2));
    // Each in-range value is 1 of 4 samples in a bin of width 0.5.
    QCOMPARE(view.binDensities(), QVector<double>({0.5, 0.5}));
}

void TestHistogramView::invalidArgumentsClear()
{
    HistogramView view;
    view.setValues(normalSamples(100, 1));
    QCOMPARE(view.binCount(), 60);
    view.setValues(normalSamples(100, 1), 0);
    QCOMPARE(view.binCount(), 0);
    view.setValues(normalSamples(100, 1), 10, 2.0, 1.0);
    QCOMPARE(view.binCount(), 0);
    QCOMPARE(view.sampleCount(), qint64(0));
}

void TestHistogramView::paintsWithoutCrashing()
{
    HistogramView view;
    view.setTitle(QStringLiteral("x_T"));
    view.resize(400, 250);
    QVERIFY(!view.grab().isNull());
    view.setValues(normalSamples(1000, 5));
    const QImage image = view.grab().toImage();
    QCOMPARE(image.size(), QSize(400, 250));
    // Something was drawn in the bars' colour family (blue dominant).
    bool bars = false;
    for (int y = 0; y < image.height() && !bars; ++y) {
        for (int x = 0; x < image.width() && !bars; ++x) {
            const QColor c = image.pixelColor(x, y);
            bars = c.blue() > c.red() + 40 && c.blue() > 120;
        }
    }
    QVERIFY(bars);
}

QTEST_MAIN(TestHistogramView)
#include "tst_histogramview.moc"
