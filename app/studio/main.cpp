// ddpm-studio: the desktop app.
//   ddpm-studio [--checkpoint CKPT] [--data SPEC] [--screenshot FILE --view
//   data|training|reverse|schedules|quality|score]
#include "dialogs.h"
#include "imageio.h"
#include "language.h"
#include "messages.h"
#include "mainwindow.h"
#include "settings.h"
#include "soak.h"
#include "threadpriority.h"

#include "bench.h"
#include "dataview.h"
#include "qualitycontroller.h"
#include "qualityview.h"
#include "reverseview.h"
#include "scoreview.h"
#include "timestepscrubber.h"

#include <algorithm>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <clocale>
#include <cstdio>

namespace {

// --screenshot renders offscreen, and --help and --version print and exit, so they work without a
// display (on a server, over ssh); set the platform before QApplication reads it.
void chooseOffscreenPlatform(int argc, char** argv)
{
    static const QByteArrayList noDisplay{"--screenshot", "--help", "-h", "--help-all", "--version", "-v"};
    for (int i = 1; i < argc; ++i)
        if (noDisplay.contains(QByteArray(argv[i])) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
}

// Without a display, Qt's xcb plugin aborts with a page about platform plugins, before any option is read;
// say what to do instead. True where a window can be shown, or Qt was told where to show it.
bool displayAvailable(int argc, char** argv)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    for (int i = 1; i < argc; ++i)
        for (const char* qtOption : {"-platform", "--platform", "-display", "--display"})
            if (QByteArray(argv[i]) == qtOption || QByteArray(argv[i]).startsWith(QByteArray(qtOption) + '='))
                return true;
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    return true;
#endif
}

void describeApplication()
{
    QApplication::setOrganizationName(QStringLiteral("DDPMStudio"));
    QApplication::setApplicationName(QStringLiteral("DDPM Studio"));
    QApplication::setApplicationVersion(QStringLiteral(DDPM_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ddpm-studio.svg")));
}

// The studio's command line: its options and the parser that reads them.
struct Arguments {
    QCommandLineParser parser;
    QCommandLineOption checkpoint{QStringLiteral("checkpoint"), QStringLiteral("open this checkpoint"),
                                  QStringLiteral("CKPT")};
    QCommandLineOption data{QStringLiteral("data"), QStringLiteral("data set (fashion-mnist, synthetic, mnist:DIR, …)"),
                            QStringLiteral("SPEC")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"), QStringLiteral("render a view to a PNG and exit"),
                                  QStringLiteral("FILE")};
    QCommandLineOption view{QStringLiteral("view"),
                            QStringLiteral("start on this view: ") + MainWindow::viewKeys().join(QStringLiteral(", ")) +
                                QStringLiteral(" (a screenshot's: data unless given)"),
                            QStringLiteral("VIEW")};
    QCommandLineOption settingsFile{QStringLiteral("settings"), QStringLiteral("use this settings file (INI)"),
                                    QStringLiteral("FILE")};
    QCommandLineOption language{QStringLiteral("language"), QStringLiteral("language for this run (de, zh_CN, en)"),
                                QStringLiteral("LANG")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("window size of a screenshot"),
                            QStringLiteral("WxH"), QStringLiteral("1500x900")};
    QCommandLineOption soak{
        QStringLiteral("soak"),
        QStringLiteral("drive the studio for this many minutes (train, sample, scrub, switch views, export) and report "
                       "memory, stalls and warnings as JSON (scripts/soak.sh)"),
        QStringLiteral("MINUTES")};
    QCommandLineOption soakReport{QStringLiteral("soak-report"), QStringLiteral("write the soak's JSON report here"),
                                  QStringLiteral("FILE")};
};

void parseArguments(Arguments& args, const QApplication& app)
{
    QCommandLineParser& parser = args.parser;
    parser.setApplicationDescription(QStringLiteral("DDPM Studio: train, watch and understand diffusion models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({args.checkpoint, args.data, args.screenshot, args.view, args.settingsFile, args.language,
                       args.size, args.soak, args.soakReport});
    parser.process(app);
}

// The data set and the model to start with: those on the command line, else the last session's model
// or the demo model (a screenshot's settings name no last session: the demo model, as at first launch).
// A soak opens its own. True when a model is on its way.
bool openFirstModel(MainWindow& window, const Arguments& args)
{
    const QCommandLineParser& parser = args.parser;
    if (parser.isSet(args.data))
        window.loadData(parser.value(args.data));
    if (parser.isSet(args.checkpoint)) {
        window.openCheckpoint(parser.value(args.checkpoint));
        return true;
    }
    // A screenshot samples by itself; the demo's samples would show the Reverse view instead of --view's.
    return !parser.isSet(args.soak) &&
           window.openStartupModel(/*sampleDemo=*/!parser.isSet(args.screenshot) && !parser.isSet(args.view));
}

// A session as a user would have it, on the demo model (or --checkpoint), with settings and exports of its
// own; the soak's report says how it went.
int runSoak(StudioApplication& app, MainWindow& window, const Arguments& args)
{
    const QCommandLineParser& parser = args.parser;
    Dialogs::setSilent(true); // an error goes to the status bar (and the report's warnings), not a modal box
    if (!parser.isSet(args.checkpoint))
        window.openStartupModel(/*sampleDemo=*/false);
    window.resize(1400, 900);
    window.show();
    const QString exports = QDir::temp().filePath(QStringLiteral("ddpm-studio-soak-exports"));
    SoakDriver driver(window, std::max(0.2, parser.value(args.soak).toDouble()), parser.value(args.soakReport),
                      exports);
    QObject::connect(&driver, &SoakDriver::finished, &app, [&](int rc) { app.exit(rc); });
    driver.start();
    const int rc = app.exec();
    QDir(exports).removeRecursively();
    return rc;
}

// The view --view names (data for a screenshot that names none), or -1 for none.
int chosenView(const Arguments& args)
{
    const QCommandLineParser& parser = args.parser;
    if (!parser.isSet(args.view))
        return parser.isSet(args.screenshot) ? MainWindow::Data : -1;
    return static_cast<int>(MainWindow::viewKeys().indexOf(parser.value(args.view)));
}

// A screenshot's --size: "WxH", each side within these (a window the size of a wall would not paint).
constexpr int kMinScreenshotSide = 200, kMaxScreenshotSide = 8192;
QSize screenshotSize(const QString& text)
{
    const QStringList wh = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const QSize size = wh.size() == 2 ? QSize(wh[0].toInt(&okW), wh[1].toInt(&okH)) : QSize();
    const auto within = [](int side) { return side >= kMinScreenshotSide && side <= kMaxScreenshotSide; };
    return okW && okH && within(size.width()) && within(size.height()) ? size : QSize();
}

// The view of a screenshot at its size (checked in main), shown; returns the view.
int showScreenshotView(MainWindow& window, const Arguments& args)
{
    const QCommandLineParser& parser = args.parser;
    const int v = chosenView(args);
    window.resize(screenshotSize(parser.value(args.size))); // the option's default when not given
    window.setView(MainWindow::View(v));
    window.show();
    return v;
}

// Written whole or not at all: a full disk leaves the screenshot that was there.
bool saveScreenshot(const QImage& image, const QString& path)
{
    const auto saved = ddpm::saveImageAtomically(image, path);
    if (!saved)
        std::fprintf(stderr, "ddpm-studio: %s\n", qPrintable(ddpm::errorText(saved)));
    return saved.ok();
}

// The score view as a user leaves it: the ring's model trained, predictor–corrector particles run and
// scrubbed to a mid noise level. False while that is still under way.
bool scoreViewReady(ScoreView* view, int& stage)
{
    if (view->controller()->isTraining() || view->controller()->isSampling())
        return false;
    switch (stage++) {
    case 0:
        view->train();
        return false;
    case 1:
        view->samplerBox()->setCurrentIndex(view->samplerBox()->findData(QStringLiteral("pc")));
        view->sample();
        return false;
    default:
        view->setT(60);
        return true;
    }
}

// The quality view as a user leaves it: 200 samples measured with DDIM-20 (a class-conditional model
// against guidance, its Guidance chart shown; another model once, its nearest training images shown).
// False while that is still under way.
bool qualityViewReady(MainWindow& window, bool& started)
{
    QualityView* view = window.qualityView();
    if (!started) {
        if (!view->measureButton()->isEnabled())
            return false;
        started = true;
        ddpm::QualityOptions o = view->options();
        o.count = 200;
        o.sampler.ddimSteps = 20;
        view->setOptions(o);
        (view->guidanceButton()->isEnabled() ? view->guidanceButton() : view->measureButton())->click();
        return false;
    }
    if (window.quality()->isRunning())
        return false;
    view->showPage(view->guidanceButton()->isEnabled() ? QualityView::Page::Guidance : QualityView::Page::Copies);
    return true;
}

// Screenshot: wait until the data and model are in, sample for the reverse view, then render.
int runScreenshot(StudioApplication& app, MainWindow& window, const Arguments& args, bool opening)
{
    const QCommandLineParser& parser = args.parser;
    const int v = showScreenshotView(window, args);
    const QString out = parser.value(args.screenshot);
    QElapsedTimer clock;
    clock.start();
    bool sampled = false, opened = !opening; // the model on its way, if any, is there
    QObject::connect(window.training(), &TrainingController::modelReady, &window,
                     [&](SnapshotPtr, const QString& path) {
                         if (!path.isEmpty())
                             opened = true;
                     });
    bool previewed = false;
    int scoreStage = 0;
    bool measured = false;
    QObject::connect(window.training(), &TrainingController::previewReady, &window, [&] { previewed = true; });
    QTimer poll;
    int rc = 1;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (clock.elapsed() > 15 * 60 * 1000) {
            std::fprintf(stderr, "ddpm-studio: timed out waiting for the view to be ready\n");
            app.exit(1);
            return;
        }
        if (!window.lastError().isEmpty() && (!opened || !window.isReady())) {
            // Nothing more will come: render the window as it stands (the error shows in it) and fail.
            std::fprintf(stderr, "ddpm-studio: %s\n", qPrintable(window.lastError()));
            poll.stop();
            saveScreenshot(window.grab().toImage(), out);
            app.exit(1);
            return;
        }
        if (!window.isReady() || !opened)
            return;
        if (v == MainWindow::Training && window.training()->step() > 0 && !previewed)
            return;
        if (v == MainWindow::Reverse) {
            if (!sampled) {
                sampled = true;
                window.dataView()->setT(600);
                // The Reverse view's own settings: DDPM's T steps take minutes on a CPU, so say what runs.
                const auto o = window.reverseView()->samplerOptions();
                const auto T = window.training()->snapshot()->config.schedule.steps;
                const bool allSteps = o.kind == ddpm::SamplerKind::Ddpm;
                std::fprintf(stderr, "ddpm-studio: sampling %d images with %s for the screenshot%s\n", o.count,
                             ddpm::samplerKindName(o.kind).c_str(),
                             allSteps
                                 ? qPrintable(QStringLiteral(", all %1 steps (DDIM, in the Reverse view, is quicker)")
                                                  .arg(static_cast<qlonglong>(T)))
                                 : "");
                window.startSampling();
                return;
            }
            if (window.sampling()->isRunning())
                return;
            window.reverseView()->scrubber()->setValue(window.reverseView()->frameCount() * 2 / 3);
        }
        if (v == MainWindow::Score && !scoreViewReady(window.scoreView(), scoreStage))
            return;
        if (v == MainWindow::Quality && !qualityViewReady(window, measured))
            return;
        if (v == MainWindow::Data)
            window.dataView()->selectImage(7);
        poll.stop();
        QTimer::singleShot(300, &app, [&] {
            rc = saveScreenshot(window.grab().toImage(), out) ? 0 : 1;
            app.exit(rc);
        });
    });
    poll.start(100);
    Dialogs::setSilent(true);
    return app.exec();
}

} // namespace

int main(int argc, char** argv)
{
    chooseOffscreenPlatform(argc, argv);
    if (!displayAvailable(argc, argv)) {
        std::fputs("ddpm-studio: there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not "
                   "set): start it from a desktop session, over `ssh -X`, or under `xvfb-run`; on a server, the "
                   "`ddpm` command runs the same engine without a window\n",
                   stderr);
        return 1;
    }
    ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
    StudioApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // printf's numbers in CSV and JSON keep a decimal point (Qt set the user's)
    describeApplication();
    // Training on every core must not make the window wait (threadpriority.h).
    ThreadPriority::setDepth(ThreadPriority::Depth::Idle);

    Arguments args;
    parseArguments(args, app);
    const QCommandLineParser& parser = args.parser;
    if (parser.isSet(args.soak)) {
        SoakDriver::installMessageCounter();
        StudioApplication::setTiming(true);
    }

    if (parser.isSet(args.view) && chosenView(args) < 0) {
        std::fprintf(stderr, "ddpm-studio: --view %s: no such view (%s)\n", qPrintable(parser.value(args.view)),
                     qPrintable(MainWindow::viewKeys().join(QStringLiteral(", "))));
        return 2;
    }
    if (parser.isSet(args.size) && !screenshotSize(parser.value(args.size)).isValid()) {
        std::fprintf(stderr, "ddpm-studio: --size %s: give the window's width and height as WxH, each from %d to %d\n",
                     qPrintable(parser.value(args.size)), kMinScreenshotSide, kMaxScreenshotSide);
        return 2;
    }
    // The screenshot's file checked before the minutes of work that make it (the model it opens included).
    if (parser.isSet(args.screenshot)) {
        if (auto s = ddpm::checkImageOutput(QFile::encodeName(parser.value(args.screenshot)).toStdString()); !s) {
            std::fprintf(stderr, "ddpm-studio: --screenshot %s: %s\n", qPrintable(parser.value(args.screenshot)),
                         s.error().c_str());
            return 2;
        }
    }
    const bool shot = parser.isSet(args.screenshot) || parser.isSet(args.soak);
    // Screenshots and soaks change no one's settings: they start from the defaults, or from a copy of the
    // file --settings names, and their own changes go when they end.
    QTemporaryDir scratch;
    QString ini = parser.value(args.settingsFile);
    if (shot) {
        const QString copy = scratch.filePath(QStringLiteral("settings.ini"));
        if (!ini.isEmpty() && QFileInfo::exists(ini) && !QFile::copy(ini, copy)) {
            std::fprintf(stderr, "ddpm-studio: --settings %s: cannot be read\n", qPrintable(ini));
            return 2;
        }
        ini = copy;
    }
    Settings settings(ini);
    installTranslations(parser.isSet(args.language) ? parser.value(args.language) : settings.language(), &app);
    ddpm::configureThreads(settings.get(setting::CpuThreads));

    MainWindow window(settings);
    const bool opening = openFirstModel(window, args);
    if (!shot) {
        if (const int v = chosenView(args); v >= 0)
            window.setView(MainWindow::View(v));
        window.show();
        return app.exec();
    }
    if (parser.isSet(args.soak))
        return runSoak(app, window, args);
    return runScreenshot(app, window, args, opening);
}
