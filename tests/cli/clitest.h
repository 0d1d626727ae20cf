// What the tests of the ddpm command share: running it (and the build without Qt) as a user would, with
// the answers of many quick runs fetched two at a time beforehand. tst_cli (options, refusals, training
// and files) and tst_cli_sampling (sample, interpolate and quality) each take about half the time.
#pragma once

#include <QtTest>

#include <QFile>
#include <QHash>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <thread>
#include <type_traits>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

class CliTest : public QObject {
protected:
    struct Run {
        int code;
        QByteArray out, err;
    };
    Run run(const QStringList& args, int timeoutMs = 240000) { return runProgram(DDPM_CLI_PATH, args, timeoutMs); }
    // The command built without Qt (ddpm-headless: the same sources as -DDDPM_WITH_QT=OFF's ddpm).
    Run runHeadless(const QStringList& args) { return runProgram(DDPM_HEADLESS_PATH, args, 240000); }
    Run runProgram(const char* program, const QStringList& args, int timeoutMs);
    // Each launch spends most of a second loading LibTorch: the rows of a data-driven test that only
    // read a command's answer are launched together beforehand, two at a time (one per core), and each
    // row then takes its answer (runProgram finds it by program and arguments).
    void prefetch(const char* program, const QList<QStringList>& argLists);
    static QString key(const char* program, const QStringList& args)
    {
        return QString::fromLocal8Bit(program) + QChar(0x1f) + args.join(QChar(0x1f));
    }
    QHash<QString, Run> m_prefetched;
    QTemporaryDir m_dir;
};

namespace clitest {
// The commands that the build without Qt names as needing Qt.
inline bool onlyWithQt(const QString& command)
{
    return command == QLatin1String("sample") || command == QLatin1String("quality") ||
           command == QLatin1String("interpolate");
}

// The threads the kernel has running just now (/proc/loadavg's fourth field), or −1 where it cannot say.
inline int runningThreads()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 3 ? fields[3].split('/').first().toInt() : -1;
}

// Whether a run printed a note, other than the one that says other programs keep cores busy (which depends
// on what else runs beside the tests).
inline bool hasNote(const QByteArray& err)
{
    for (const QByteArray& line : err.split('\n'))
        if (line.contains("note") && !line.contains("other programs are busy"))
            return true;
    return false;
}

// Threads that keep every core busy for as long as they live, at the lowest priority (the kernel counts
// them as running all the same; the test program beside this one runs first).
class BusyCores {
public:
    BusyCores()
    {
        for (unsigned i = 0; i < std::max(1u, std::thread::hardware_concurrency()); ++i)
            m_threads.emplace_back([this] {
                ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
                while (!m_stop.load(std::memory_order_relaxed)) { }
            });
    }
    ~BusyCores()
    {
        m_stop = true;
        for (auto& t : m_threads)
            t.join();
    }

private:
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

// QTest::newRow's stream, keeping the rows' argument lists for prefetch().
struct RowArgs {
    QList<QStringList>* lists;
    QTestData& data;
    template <typename T> RowArgs& operator<<(const T& value)
    {
        data << value;
        if constexpr (std::is_same_v<T, QStringList>)
            lists->append(value);
        return *this;
    }
};
} // namespace clitest

inline void CliTest::prefetch(const char* program, const QList<QStringList>& argLists)
{
    constexpr int kAtOnce = 2;
    QList<QPair<QStringList, QProcess*>> running;
    int next = 0;
    auto finishFirst = [&] {
        auto [args, p] = running.takeFirst();
        Run r{-2, {}, "(timed out or did not start)"};
        if (p->waitForFinished(240000)) {
            r = {p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1, p->readAllStandardOutput(),
                 p->readAllStandardError()};
        } else {
            p->kill();
            p->waitForFinished(5000);
        }
        m_prefetched.insert(key(program, args), r);
        delete p;
    };
    while (next < argLists.size() || !running.isEmpty()) {
        if (next < argLists.size() && running.size() < kAtOnce) {
            auto* p = new QProcess;
            p->start(QString::fromLocal8Bit(program), argLists[next]);
            running.append({argLists[next++], p});
        } else {
            finishFirst();
        }
    }
}

inline CliTest::Run CliTest::runProgram(const char* program, const QStringList& args, int timeoutMs)
{
    const auto ready = m_prefetched.find(key(program, args));
    if (ready != m_prefetched.end())
        return m_prefetched.take(ready.key());
    QProcess p;
    p.start(QString::fromLocal8Bit(program), args);
    if (!p.waitForFinished(timeoutMs)) {
        // A command that hangs past the limit (or never starts) is a failure, not exit code 0.
        p.kill();
        p.waitForFinished(5000);
        return {-2, p.readAllStandardOutput(), p.readAllStandardError() + "\n(timed out or did not start)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
