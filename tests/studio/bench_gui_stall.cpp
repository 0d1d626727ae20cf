// bench-gui-stall: the longest stall of the GUI event loop while training runs at full speed.
//   bench-gui-stall [--seconds S] [--preset P] [--data SPEC]
// A 5 ms timer on the GUI thread records the gap between its ticks while the real main window trains,
// receives progress, draws the loss chart and the previews, and a user scrubs the forward process
// every tick. Prints one JSON line; the target is a longest stall under 50 ms.
#include "dataview.h"
#include "dialogs.h"
#include "mainwindow.h"
#include "settings.h"
#include "trainingview.h"

#include "bench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("seconds"), QStringLiteral("how long to measure"), QStringLiteral("S"), QStringLiteral("30")});
    p.addOption(
        {QStringLiteral("preset"), QStringLiteral("model preset"), QStringLiteral("P"), QStringLiteral("reference")});
    p.addOption({QStringLiteral("data"), QStringLiteral("data set"), QStringLiteral("SPEC"),
                 QString::fromStdString(ddpm::defaultDataSpec())});
    p.process(app);
    Dialogs::setSilent(true);
    const QString ini = QDir::temp().filePath(QStringLiteral("ddpm-bench-gui-stall.ini"));
    QFile::remove(ini);
    Settings settings(ini);
    settings.set(setting::Preset, p.value(QStringLiteral("preset")));
    settings.setLastDataSpec(p.value(QStringLiteral("data")));
    settings.set(setting::Device, QStringLiteral("cpu"));
    settings.set(setting::PreviewInterval, 25);
    ddpm::configureThreads(0);
    MainWindow w(settings);
    w.resize(1400, 880);
    w.show();
    w.setView(MainWindow::Training);

    QElapsedTimer wait;
    wait.start();
    while (!w.isReady() && wait.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!w.isReady()) {
        std::fprintf(stderr, "bench-gui-stall: the window never became ready\n");
        return 1;
    }
    std::fprintf(stderr, "bench-gui-stall: ready, training\n");
    w.trainingView()->setTotalSteps(100000000);
    w.startTraining();
    // Let training get going before measuring.
    while (w.training()->step() < 3 && wait.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    std::fprintf(stderr, "bench-gui-stall: measuring from step %lld\n", static_cast<long long>(w.training()->step()));
    std::vector<double> gaps;
    QElapsedTimer clock, tick;
    clock.start();
    tick.start();
    const qint64 duration = static_cast<qint64>(p.value(QStringLiteral("seconds")).toDouble() * 1000);
    const qint64 startStep = w.training()->step();
    int t = 0;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, &app, [&] {
        gaps.push_back(tick.nsecsElapsed() / 1e6);
        tick.restart();
        // A user scrubbing the forward process while training runs.
        t = (t + 7) % 1001;
        w.dataView()->setT(t);
        if (clock.elapsed() >= duration)
            app.exit(0); // not quit(): that would close the window, which asks about unsaved training
    });
    timer.start(5);
    app.exec();
    std::fprintf(stderr, "bench-gui-stall: measured\n");
    const qint64 steps = w.training()->step() - startStep;
    w.training()->stop();
    std::sort(gaps.begin(), gaps.end());
    const double maxGap = gaps.empty() ? 0 : gaps.back();
    const double p99 = gaps.empty() ? 0 : gaps[static_cast<size_t>(0.99 * (gaps.size() - 1))];
    std::printf(
        "{\"bench\": \"gui-stall\", \"preset\": \"%s\", \"seconds\": %.1f, \"ticks\": %zu, \"training_steps\": %lld, "
        "\"max_stall_ms\": %.1f, \"p99_stall_ms\": %.1f, \"target_ms\": 50}\n",
        qPrintable(p.value(QStringLiteral("preset"))), clock.elapsed() / 1000.0, gaps.size(),
        static_cast<long long>(steps), maxGap, p99);
    Dialogs::setNextAnswer(QMessageBox::Discard);
    w.close();
    return 0;
}
