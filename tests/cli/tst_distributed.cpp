// Data-parallel training (issue 21) on this machine's CPUs with Gloo: `ddpm train` as two processes, each
// one rank of a job, set up through the environment as torchrun sets it.
#include "distributed.h"
#include "gradientaverager.h"
#include "trainer.h"

#include <QtTest>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstring>
#include <map>
#include <string>
#include <thread>

using namespace ddpm;

class TestDistributed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void environmentParsed();
    void gradientsAveragedDuringBackward();
    void twoRanksFollowOneRank();
    void oneRankJobTrainsAsAPlainProcess();
    void resumedOnOneRankContinuesTheSame();
    void dropoutFollowsTheGlobalBatch();
    void batchMustSplitEvenly();
    void killedRankEndsTheJob();

private:
    struct Run {
        int code = -2;
        QByteArray err;
    };
    // Starts `ddpm train` with `args` as rank `rank` of `world` (world 0: no job environment at all).
    QProcess* start(const QStringList& args, int rank, int world, int port);
    static Run finish(QProcess* p, int timeoutMs);
    // The same training on `world` ranks (1: a plain run, or with `job` a job of one rank), each rank with
    // its own log of stderr.
    QList<Run> train(const QStringList& args, int world, bool job = false);
    QStringList trainArgs(const QString& out, int steps) const;
    static int freePort() { return 20000 + static_cast<int>(QRandomGenerator::global()->bounded(30000)); }
    // The largest difference between the two checkpoints' weights (model and EMA), and their steps.
    static double weightDifference(const QString& a, const QString& b, int64_t& stepA, int64_t& stepB);

    QTemporaryDir m_dir;
};

void TestDistributed::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!distributedBuilt())
        QSKIP("this LibTorch has no c10d (on Debian: libgloo-dev); ddpm trains on one process only");
}

void TestDistributed::environmentParsed()
{
    static std::map<std::string, std::string> env;
    const auto get = [](const char* name) -> const char* {
        const auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    };
    env.clear();
    auto none = rankFromEnvironment(get);
    QVERIFY(none && !none->job && !none->distributed() && none->rank == 0 && none->worldSize == 1);
    env = {{"RANK", "1"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"}, {"MASTER_PORT", "29400"}};
    auto job = rankFromEnvironment(get);
    QVERIFY(job && job->job && job->distributed());
    QCOMPARE(job->rank, 1);
    QCOMPARE(job->worldSize, 4);
    QCOMPARE(job->localRank, 1);
    QCOMPARE(job->masterAddr, std::string("node7"));
    QCOMPARE(job->masterPort, 29400);
    for (const auto& [name, value] : std::map<std::string, std::string>{
             {"RANK", "4"}, {"RANK", "-1"}, {"WORLD_SIZE", "0"}, {"WORLD_SIZE", "two"}, {"MASTER_PORT", "70000"}}) {
        env = {{"RANK", "1"}, {"WORLD_SIZE", "4"}};
        env[name] = value;
        auto bad = rankFromEnvironment(get);
        QVERIFY2(!bad, qPrintable(QString::fromStdString(name + "=" + value)));
        QVERIFY(bad.error().find(name) != std::string::npos);
    }
    env = {{"RANK", "0"}}; // WORLD_SIZE missing
    QVERIFY(!rankFromEnvironment(get));
}

QProcess* TestDistributed::start(const QStringList& args, int rank, int world, int port)
{
    auto* p = new QProcess(this);
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"})
        env.remove(QString::fromLatin1(name));
    if (world > 0) {
        env.insert(QStringLiteral("RANK"), QString::number(rank));
        env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
        env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    }
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(DDPM_CLI_PATH), QStringList{QStringLiteral("train")} + args);
    return p;
}

TestDistributed::Run TestDistributed::finish(QProcess* p, int timeoutMs)
{
    Run r;
    if (!p->waitForFinished(timeoutMs)) {
        p->kill();
        p->waitForFinished(5000);
        r.err = p->readAllStandardError() + "\n(timed out)";
        return r;
    }
    r.code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    r.err = p->readAllStandardError();
    return r;
}

QList<TestDistributed::Run> TestDistributed::train(const QStringList& args, int world, bool job)
{
    QList<Run> out;
    for (int attempt = 0; attempt < 3; ++attempt) { // another port when the one drawn is taken
        const int port = freePort();
        QList<QProcess*> ranks;
        for (int r = 0; r < world; ++r)
            ranks << start(args, r, world > 1 || job ? world : 0, port);
        out.clear();
        bool taken = false;
        for (auto* p : ranks) {
            out << finish(p, 240000);
            taken = taken || out.last().err.contains("ddress already in use");
        }
        if (!taken)
            break;
    }
    return out;
}

QStringList TestDistributed::trainArgs(const QString& out, int steps) const
{
    // The tiny preset (no dropout) in fp32 on one thread a rank, a global batch of 8.
    return {QStringLiteral("--data"),   QStringLiteral("synthetic"), QStringLiteral("--model"),
            QStringLiteral("tiny"),     QStringLiteral("--batch"),   QStringLiteral("8"),
            QStringLiteral("--steps"),  QString::number(steps),      QStringLiteral("--lr"),
            QStringLiteral("0.001"),    QStringLiteral("--warmup"),  QStringLiteral("0"),
            QStringLiteral("--seed"),   QStringLiteral("5"),         QStringLiteral("--precision"),
            QStringLiteral("fp32"),     QStringLiteral("--threads"), QStringLiteral("1"),
            QStringLiteral("--device"), QStringLiteral("cpu"),       QStringLiteral("--save-every"),
            QStringLiteral("0"),        QStringLiteral("--out"),     out};
}

double TestDistributed::weightDifference(const QString& a, const QString& b, int64_t& stepA, int64_t& stepB)
{
    auto ta = Trainer::resume(a.toStdString(), torch::kCPU);
    auto tb = Trainer::resume(b.toStdString(), torch::kCPU);
    if (!ta || !tb)
        return -1;
    stepA = ta.value()->stepCount();
    stepB = tb.value()->stepCount();
    double worst = 0;
    for (auto [x, y] : {std::pair{ta.value()->model().ptr(), tb.value()->model().ptr()},
                        {ta.value()->ema().ptr(), tb.value()->ema().ptr()}}) {
        const auto pa = x->parameters(), pb = y->parameters();
        for (size_t i = 0; i < pa.size(); ++i)
            worst = std::max(worst, (pa[i] - pb[i]).abs().max().item<double>());
    }
    return worst;
}

void TestDistributed::gradientsAveragedDuringBackward()
{
    // Two ranks as two threads of this process, one small network with the same weights on both, each
    // rank its own input; buckets of 1 KB, so that the network's three layers fill three of them.
    using namespace torch::nn;
    const auto network = [] {
        Sequential s(Linear(16, 64), Functional(torch::tanh), Linear(64, 64), Functional(torch::tanh), Linear(64, 4));
        torch::NoGradGuard noGrad;
        double k = 0;
        for (auto& p : s->parameters())
            p.copy_(torch::sin(torch::arange(p.numel(), torch::kFloat32) * 0.37 + ++k).view(p.sizes()) * 0.3);
        return s;
    };
    const auto lossOf = [](Sequential& s, int rank) {
        const auto x = torch::cos(torch::arange(8 * 16, torch::kFloat32) * (0.11 + 0.07 * rank)).view({8, 16});
        return s->forward(x).pow(2).mean();
    };
    struct Seen {
        std::vector<torch::Tensor> grads;
        size_t buckets = 0, started = 0, outstanding = 0;
        std::string error;
    };
    const int port = freePort();
    const auto rankRuns = [&](int rank, Seen& seen) {
        try {
            RankInfo info;
            info.rank = rank;
            info.worldSize = 2;
            info.masterPort = port;
            auto job = Distributed::join(info, torch::kCPU, std::chrono::seconds(60));
            if (!job) {
                seen.error = job.error();
                return;
            }
            auto s = network();
            GradientAverager averager(*job.value(), s->parameters(), 1024);
            averager.beginStep();
            lossOf(s, rank).backward();
            averager.finishStep();
            for (const auto& p : s->parameters())
                seen.grads.push_back(p.grad().clone());
            seen.buckets = averager.bucketCount();
            seen.started = averager.startedDuringBackward();
            seen.outstanding = averager.gradientsOutstandingAtFirstStart();
        } catch (const std::exception& e) {
            seen.error = e.what();
        }
    };
    Seen zero, one;
    std::thread other(rankRuns, 1, std::ref(one));
    rankRuns(0, zero);
    other.join();
    QVERIFY2(zero.error.empty(), zero.error.c_str());
    QVERIFY2(one.error.empty(), one.error.c_str());

    // Each rank's gradient alone, on one process: the ranks must both hold their mean.
    std::vector<torch::Tensor> own[2];
    for (int rank = 0; rank < 2; ++rank) {
        auto s = network();
        lossOf(s, rank).backward();
        for (const auto& p : s->parameters())
            own[rank].push_back(p.grad().clone());
    }
    QCOMPARE(zero.grads.size(), own[0].size());
    double apart = 0;
    for (size_t i = 0; i < own[0].size(); ++i) {
        const auto mean = (own[0][i] + own[1][i]) / 2;
        QVERIFY2(torch::allclose(zero.grads[i], mean, 1e-5, 1e-7), qPrintable(QString::number(i)));
        QVERIFY(torch::equal(zero.grads[i], one.grads[i])); // the same sums on both ranks
        apart = std::max(apart, (own[0][i] - own[1][i]).abs().max().item<double>());
    }
    QVERIFY(apart > 1e-3); // the ranks' own gradients differ: the average did something
    // The all-reduces started inside the backward pass, the first before its last gradients existed.
    QCOMPARE(zero.buckets, size_t(3));
    QCOMPARE(zero.started, zero.buckets);
    QVERIFY2(zero.outstanding > 0, qPrintable(QString::number(zero.outstanding)));
}

void TestDistributed::twoRanksFollowOneRank()
{
    const QString one = m_dir.filePath(QStringLiteral("one.ckpt")), two = m_dir.filePath(QStringLiteral("two.ckpt"));
    const auto single = train(trainArgs(one, 4), 1);
    QVERIFY2(single[0].code == 0, single[0].err.constData());
    const auto pair = train(trainArgs(two, 4), 2);
    for (const auto& r : pair)
        QVERIFY2(r.code == 0, r.err.constData());
    // Rank 0 alone writes the checkpoint and says so; the other rank prints nothing about steps or saves.
    QVERIFY(pair[0].err.contains("saved"));
    QVERIFY2(!pair[1].err.contains("saved") && !pair[1].err.contains("step 4/4"), pair[1].err.constData());
    QVERIFY(pair[0].err.contains("rank 0 of 2"));
    // Each rank says where it waits for the others, before the rendezvous's silence.
    QVERIFY2(pair[1].err.contains("ddpm: rank 1 of 2: joining the job at 127.0.0.1:"), pair[1].err.constData());
    int64_t s1 = 0, s2 = 0;
    const double d = weightDifference(one, two, s1, s2);
    QCOMPARE(s1, int64_t(4));
    QCOMPARE(s2, int64_t(4));
    // The same global batches, sliced: the same weights to float rounding (the sums run in another order).
    QVERIFY2(d >= 0 && d < 1e-4, qPrintable(QString::number(d)));
    // And not trivially so: training moved the weights by far more than that.
    auto fresh = Trainer::resume(one.toStdString(), torch::kCPU);
    QVERIFY(fresh);
    const QString start = m_dir.filePath(QStringLiteral("start.ckpt"));
    QVERIFY(train(trainArgs(start, 0), 1)[0].code == 0);
    int64_t s0 = 0;
    QVERIFY(weightDifference(start, one, s0, s1) > 100 * std::max(d, 1e-7));
}

void TestDistributed::oneRankJobTrainsAsAPlainProcess()
{
    // torchrun --nproc_per_node=1: a job of one rank goes through the process group and every all-reduce
    // (over itself), and trains exactly as the plain process of the test before.
    const QString one = m_dir.filePath(QStringLiteral("one.ckpt")), solo = m_dir.filePath(QStringLiteral("solo.ckpt"));
    QVERIFY(QFile::exists(one));
    const auto job = train(trainArgs(solo, 4), 1, true);
    QVERIFY2(job[0].code == 0, job[0].err.constData());
    QVERIFY2(job[0].err.contains("rank 0 of 1 (gloo"), job[0].err.constData());
    int64_t s1 = 0, s2 = 0;
    const double d = weightDifference(one, solo, s1, s2);
    QCOMPARE(s2, int64_t(4));
    QVERIFY2(d >= 0 && d < 1e-7, qPrintable(QString::number(d)));
}

void TestDistributed::resumedOnOneRankContinuesTheSame()
{
    // Both runs of the test before, two steps further on one rank: the two-rank checkpoint holds all there is.
    const QString one = m_dir.filePath(QStringLiteral("one.ckpt")), two = m_dir.filePath(QStringLiteral("two.ckpt"));
    QVERIFY(QFile::exists(one) && QFile::exists(two));
    for (const QString& path : {one, two}) {
        const auto r = train({QStringLiteral("--resume"), path, QStringLiteral("--steps"), QStringLiteral("6"),
                              QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--precision"),
                              QStringLiteral("fp32"), QStringLiteral("--device"), QStringLiteral("cpu"),
                              QStringLiteral("--out"), path},
                             1);
        QVERIFY2(r[0].code == 0, r[0].err.constData());
    }
    int64_t s1 = 0, s2 = 0;
    const double d = weightDifference(one, two, s1, s2);
    QCOMPARE(s1, int64_t(6));
    QCOMPARE(s2, int64_t(6));
    QVERIFY2(d >= 0 && d < 1e-4, qPrintable(QString::number(d)));
}

void TestDistributed::dropoutFollowsTheGlobalBatch()
{
    // The reference preset has dropout 0.1: a rank drops in its slice what one process drops in the whole
    // batch. Each residual block's last convolution starts at zero, so the masks first show in step 2's
    // loss: rank 1 with its own masks moves it by 2e-6 (relative), the rounding of the split sums by 3e-8.
    // After that, Adam's first steps (update ≈ lr · sign of the gradient) turn rounding in gradients near
    // zero into differences of up to lr a step, so the weights are compared at that scale.
    auto args = [&](const QString& name) {
        auto a = trainArgs(m_dir.filePath(name + QStringLiteral(".ckpt")), 3);
        a[a.indexOf(QStringLiteral("tiny"))] = QStringLiteral("reference");
        return a << QStringLiteral("--log") << m_dir.filePath(name + QStringLiteral(".csv"));
    };
    const auto single = train(args(QStringLiteral("drop-one")), 1);
    QVERIFY2(single[0].code == 0, single[0].err.constData());
    for (const auto& r : train(args(QStringLiteral("drop-two")), 2))
        QVERIFY2(r.code == 0, r.err.constData());
    const auto losses = [&](const QString& name) {
        QFile f(m_dir.filePath(name + QStringLiteral(".csv")));
        QList<double> out;
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray& line : f.readAll().split('\n').mid(1))
                if (!line.isEmpty())
                    out << line.split(',')[1].toDouble();
        return out;
    };
    const auto one = losses(QStringLiteral("drop-one")), two = losses(QStringLiteral("drop-two"));
    QCOMPARE(one.size(), 3);
    QCOMPARE(two.size(), 3);
    for (int i = 0; i < 2; ++i) // the first two steps: the same masks, the same averaged gradients
        QVERIFY2(std::abs(one[i] - two[i]) < 2e-7 * one[i],
                 qPrintable(QStringLiteral("%1 %2").arg(one[i]).arg(two[i])));
    int64_t s1 = 0, s2 = 0;
    const double d = weightDifference(m_dir.filePath(QStringLiteral("drop-one.ckpt")),
                                      m_dir.filePath(QStringLiteral("drop-two.ckpt")), s1, s2);
    QCOMPARE(s2, int64_t(3));
    QVERIFY2(d >= 0 && d < 3 * 1e-3 + 1e-4, qPrintable(QString::number(d))); // three steps at lr 1e-3
}

void TestDistributed::batchMustSplitEvenly()
{
    auto args = trainArgs(m_dir.filePath(QStringLiteral("odd.ckpt")), 2);
    args[args.indexOf(QStringLiteral("--batch")) + 1] = QStringLiteral("7");
    const auto pair = train(args, 2);
    for (const auto& r : pair) {
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("batch") && r.err.contains("2 ranks"), r.err.constData());
    }
}

void TestDistributed::killedRankEndsTheJob()
{
    // A long run with a short timeout; rank 1 is killed once both train. Rank 0 must end, with a message,
    // well before its steps would.
    auto args = trainArgs(m_dir.filePath(QStringLiteral("killed.ckpt")), 100000);
    args << QStringLiteral("--dist-timeout") << QStringLiteral("10");
    const int port = freePort();
    QProcess* zero = start(args, 0, 2, port);
    QProcess* one = start(args, 1, 2, port);
    QByteArray zeroErr;
    QElapsedTimer clock;
    clock.start();
    while (!zeroErr.contains("loss ") && clock.elapsed() < 120000) { // rank 0's progress: both are training
        zero->waitForReadyRead(1000);
        zeroErr += zero->readAllStandardError();
    }
    QVERIFY2(zeroErr.contains("loss "), zeroErr.constData());
    one->kill();
    one->waitForFinished(10000);
    clock.restart();
    const Run r = finish(zero, 90000);
    QVERIFY2(r.code != 0 && r.code != -2, (zeroErr + r.err).constData());
    QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    const QByteArray said = zeroErr + r.err;
    QVERIFY2(said.contains("rank") || said.contains("Connection") || said.contains("connection"), said.constData());
}

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
