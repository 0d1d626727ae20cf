// The loss history of a run costs the same at any length: the newest steps at full resolution, older
// ones as buckets whose min, max and mean are those of the steps folded into them (checked against the
// values fed in, a closed form here), and a checkpoint keeps all of it.
#include "modelfile.h"
#include "losshistory.h"
#include "tensorfile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace ddpm;

namespace {
// A loss with a known value at every step: a slow decay and a ±0.25 zigzag.
float lossAt(int64_t step)
{
    return static_cast<float>(1.0 / std::sqrt(static_cast<double>(step)) + (step % 2 ? 0.25 : -0.25));
}
} // namespace

class TestLossHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shortRunsAtFullResolution();
    void millionStepsStayBounded();
    void bucketsSummariseTheirSteps_data();
    void bucketsSummariseTheirSteps();
    void trimAfterResumes();
    void compactKeepsNewest();
    void checkpointTensorsRoundTrip();
    void contradictoryBucketsDropped();
    void trainingLogHeaderRecognised();
};

void TestLossHistory::shortRunsAtFullResolution()
{
    LossHistory h;
    QVERIFY(h.empty());
    for (int64_t s = 1; s <= 1000; ++s)
        h.push_back({s, lossAt(s)});
    QCOMPARE(h.size(), int64_t{1000});
    QVERIFY(h.buckets().empty());
    QCOMPARE(h.recent().size(), size_t{1000});
    QCOMPARE(h.recent()[499].loss, lossAt(500));
    QCOMPARE(h.back().step, int64_t{1000});
    QCOMPARE(h.points().size(), size_t{1000});
}

// A million steps: under 50 MB (in fact a few MB), every step counted once, the newest kRecent exact.
void TestLossHistory::millionStepsStayBounded()
{
    LossHistory h;
    constexpr int64_t n = 1'000'000;
    for (int64_t s = 1; s <= n; ++s)
        h.push_back({s, lossAt(s)});
    QCOMPARE(h.size(), n);
    QVERIFY2(h.memoryBytes() < size_t{50} << 20, qPrintable(QString::number(h.memoryBytes())));
    QVERIFY2(h.memoryBytes() < size_t{4} << 20, qPrintable(QString::number(h.memoryBytes())));
    QVERIFY(h.recent().size() >= LossHistory::kRecent);
    QVERIFY(h.recent().size() < LossHistory::kRecent + LossHistory::kFoldChunk);
    QVERIFY(h.buckets().size() <= LossHistory::kMaxBuckets);
    QCOMPARE(h.back().step, n);
    QCOMPARE(h.back().loss, lossAt(n));
    for (size_t i = 0; i < h.recent().size(); i += 997)
        QCOMPARE(h.recent()[i].loss, lossAt(h.recent()[i].step));
    // The points a chart draws: one per bucket and the recent steps, in step order.
    const auto pts = h.points();
    QCOMPARE(pts.size(), h.buckets().size() + h.recent().size());
    for (size_t i = 1; i < pts.size(); ++i)
        QVERIFY(pts[i].step > pts[i - 1].step);
    // Ten million steps still fit the same bound (the buckets merge).
    for (int64_t s = n + 1; s <= 10 * n; ++s)
        h.push_back({s, 0.5f});
    QVERIFY(h.buckets().size() <= LossHistory::kMaxBuckets);
    QVERIFY(h.memoryBytes() < size_t{4} << 20);
    QCOMPARE(h.size(), 10 * n);
}

void TestLossHistory::bucketsSummariseTheirSteps_data()
{
    QTest::addColumn<qint64>("steps");
    QTest::addColumn<qint64>("bucketSteps");
    // 200,000 folded steps: 3,125 buckets of 64. 300,000 folded: more than 4,096 buckets of 64, so
    // neighbours merged into buckets of 128.
    QTest::newRow("buckets of 64") << qint64(3 * LossHistory::kRecent) << qint64(64);
    QTest::newRow("merged into buckets of 128") << qint64(4 * LossHistory::kRecent) << qint64(128);
}

// Every bucket covers consecutive steps, none twice; its min, max and mean are those of lossAt() over
// them (the mean in double, so to about float precision), merged buckets too. A history rebuilt from
// its parts (a checkpoint's) goes on folding as the original does.
void TestLossHistory::bucketsSummariseTheirSteps()
{
    QFETCH(qint64, steps);
    QFETCH(qint64, bucketSteps);
    LossHistory h;
    const int64_t n = steps;
    for (int64_t s = 1; s <= n; ++s)
        h.push_back({s, lossAt(s)});
    QVERIFY(h.buckets().size() > 100);
    QCOMPARE(h.bucketSteps(), int64_t(bucketSteps));
    LossHistory rebuilt;
    QVERIFY(rebuilt.assign(h.buckets(), h.recent()));
    QCOMPARE(rebuilt.bucketSteps(), h.bucketSteps());
    for (int64_t s = n + 1; s <= n + 3 * static_cast<int64_t>(LossHistory::kFoldChunk); ++s) {
        h.push_back({s, lossAt(s)});
        rebuilt.push_back({s, lossAt(s)});
    }
    QCOMPARE(rebuilt.buckets().size(), h.buckets().size());
    for (size_t i = 0; i < h.buckets().size(); ++i) {
        QCOMPARE(rebuilt.buckets()[i].firstStep, h.buckets()[i].firstStep);
        QCOMPARE(rebuilt.buckets()[i].lastStep, h.buckets()[i].lastStep);
    }
    int64_t next = 1;
    for (const auto& b : h.buckets()) {
        QCOMPARE(b.firstStep, next);
        QCOMPARE(b.count, b.lastStep - b.firstStep + 1);
        float mn = lossAt(b.firstStep), mx = mn;
        double sum = 0;
        for (int64_t s = b.firstStep; s <= b.lastStep; ++s) {
            mn = std::min(mn, lossAt(s));
            mx = std::max(mx, lossAt(s));
            sum += lossAt(s);
        }
        QCOMPARE(b.min, mn);
        QCOMPARE(b.max, mx);
        QVERIFY(std::abs(b.mean - sum / static_cast<double>(b.count)) < 1e-6);
        next = b.lastStep + 1;
    }
    QCOMPARE(h.recent().front().step, next);
}

void TestLossHistory::trimAfterResumes()
{
    LossHistory h;
    const int64_t n = LossHistory::kRecent + 3 * LossHistory::kFoldChunk;
    for (int64_t s = 1; s <= n; ++s)
        h.push_back({s, lossAt(s)});
    h.trimAfter(n - 10);
    QCOMPARE(h.back().step, n - 10);
    QCOMPARE(h.size(), n - 10);
    // Back into the folded part: the buckets after the step go, the one it falls in ends there.
    const int64_t inside = h.buckets()[5].firstStep + 3;
    h.trimAfter(inside);
    QVERIFY(h.recent().empty());
    QCOMPARE(h.buckets().size(), size_t{6});
    QCOMPARE(h.buckets().back().lastStep, inside);
    QCOMPARE(h.back().step, inside);
    h.push_back({inside + 1, 0.5f}); // training goes on from there
    QCOMPARE(h.back().step, inside + 1);
}

void TestLossHistory::compactKeepsNewest()
{
    LossHistory h;
    for (int64_t s = 1; s <= 5000; ++s)
        h.push_back({s, lossAt(s)});
    h.compact(200);
    QCOMPARE(h.recent().size(), size_t{200});
    QCOMPARE(h.recent().front().step, int64_t{4801});
    QCOMPARE(h.size(), int64_t{5000});
    const auto& first = h.buckets().front();
    QCOMPARE(first.firstStep, int64_t{1});
    float mn = lossAt(1);
    for (int64_t s = 1; s <= first.lastStep; ++s)
        mn = std::min(mn, lossAt(s));
    QCOMPARE(first.min, mn);
}

// Through the checkpoint's tensors and a file: the same buckets and steps come back.
void TestLossHistory::checkpointTensorsRoundTrip()
{
    LossHistory h;
    const int64_t n = 2 * static_cast<int64_t>(LossHistory::kRecent) + 17;
    for (int64_t s = 1; s <= n; ++s)
        h.push_back({s, lossAt(s)});
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("history.safetensors")).toStdString();
    TensorFile file;
    file.tensors["loss_history"] = historyTensor(h);
    file.tensors["loss_buckets"] = bucketsTensor(h);
    QVERIFY(writeTensorFile(path, file));
    auto read = readTensorFile(path);
    QVERIFY(read);
    const LossHistory back = historyFrom(read->tensors.at("loss_history"), read->tensors.at("loss_buckets"));
    QCOMPARE(back.size(), h.size());
    QCOMPARE(back.buckets().size(), h.buckets().size());
    QCOMPARE(back.recent().size(), h.recent().size());
    for (size_t i = 0; i < h.buckets().size(); ++i) {
        QCOMPARE(back.buckets()[i].firstStep, h.buckets()[i].firstStep);
        QCOMPARE(back.buckets()[i].min, h.buckets()[i].min);
        QCOMPARE(back.buckets()[i].mean, h.buckets()[i].mean);
    }
    QCOMPARE(back.back().loss, h.back().loss);
    QCOMPARE(back.bucketSteps(), h.bucketSteps());
    // A file of the earlier format: only loss_history, every step of a long run; folded on reading.
    std::vector<LossPoint> all;
    for (int64_t s = 1; s <= n; ++s)
        all.push_back({s, lossAt(s)});
    LossHistory flat;
    for (const auto& p : all)
        flat.push_back(p);
    auto old = torch::empty({n, 2}, torch::kFloat64);
    for (int64_t i = 0; i < n; ++i) {
        old[i][0] = static_cast<double>(all[static_cast<size_t>(i)].step);
        old[i][1] = all[static_cast<size_t>(i)].loss;
    }
    const LossHistory fromOld = historyFrom(old, torch::Tensor());
    QCOMPARE(fromOld.size(), n);
    QVERIFY(fromOld.recent().size() < LossHistory::kRecent + LossHistory::kFoldChunk);
}

void TestLossHistory::contradictoryBucketsDropped()
{
    // Buckets out of order, one counting nothing, NaN: the folded part is dropped, the recent steps kept.
    auto buckets =
        torch::tensor({1.0, 10.0, 0.1, 0.9, 0.5, 10.0, 5.0, 20.0, 0.1, 0.9, 0.5, 16.0}, torch::kFloat64).view({2, 6});
    auto recent = torch::tensor({30.0, 0.25, 31.0, 0.5}, torch::kFloat64).view({2, 2});
    const auto h = historyFrom(recent, buckets);
    QVERIFY(h.buckets().empty());
    QCOMPARE(h.size(), int64_t{2});
    auto nan = torch::tensor({1.0, 10.0, 0.1, 0.9, std::nan(""), 10.0}, torch::kFloat64).view({1, 6});
    QVERIFY(historyFrom(recent, nan).buckets().empty());
    auto good = torch::tensor({1.0, 10.0, 0.1, 0.9, 0.5, 10.0}, torch::kFloat64).view({1, 6});
    QCOMPARE(historyFrom(recent, good).size(), int64_t{12});
    auto huge = torch::tensor({1.0, 10.0, 0.1, 0.9, 0.5, 1e30}, torch::kFloat64).view({1, 6});
    QVERIFY(historyFrom(recent, huge).buckets().empty());
}

QTEST_GUILESS_MAIN(TestLossHistory)
void TestLossHistory::trainingLogHeaderRecognised()
{
    // The columns ddpm train writes and the studio reads: a '\r' a CRLF editor left is the same header.
    QVERIFY(isTrainingLogHeader("step,loss,grad_norm,lr,img_per_s"));
    QVERIFY(isTrainingLogHeader("step,loss,grad_norm,lr,img_per_s\r"));
    QVERIFY(!isTrainingLogHeader("step,loss,grad_norm,lr,img_per_s,extra"));
    QVERIFY(!isTrainingLogHeader("step,loss,grad_norm,lr"));
    QVERIFY(!isTrainingLogHeader(" step,loss,grad_norm,lr,img_per_s"));
    QVERIFY(!isTrainingLogHeader(""));
}

#include "tst_losshistory.moc"
