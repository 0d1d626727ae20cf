#include "mainwindow.h"

#include "bundled.h"

#include "dataview.h"
#include "dialogs.h"
#include "helppanel.h"
#include "language.h"
#include "preferencesdialog.h"
#include "qualitycontroller.h"
#include "qualityview.h"
#include "reverseview.h"
#include "schedulesview.h"
#include "settings.h"
#include "threadpriority.h"
#include "trainingview.h"

#include "animation.h"
#include "bench.h"
#include "imageio.h"
#include "messages.h"

#include "losschart.h"
#include "timestepscrubber.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QtConcurrentRun>

#include <torch/version.h>

using namespace ddpm;

MainWindow::MainWindow(Settings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    Dialogs::setSettings(&m_settings); // file dialogs start where the last one of their kind ended
    setWindowIcon(QIcon(QStringLiteral(":/icons/ddpm-studio.svg")));
    m_training = new TrainingController(this);
    m_sampling = new SamplingController(this);
    m_loader = new DataLoader(this);
    m_quality = new QualityController(this);
    m_training->setCpuThreads(m_settings.cpuThreads()); // on its worker thread: OpenMP's count is per thread

    m_tabs = new QTabWidget(this);
    m_dataView = new DataView(m_tabs);
    m_trainingView = new TrainingView(m_tabs);
    m_reverseView = new ReverseView(m_tabs);
    m_schedulesView = new SchedulesView(m_tabs);
    m_qualityView = new QualityView(m_tabs);
    m_tabs->addTab(m_dataView, tr("Data && forward process"));
    m_tabs->addTab(m_trainingView, tr("Training"));
    m_tabs->addTab(m_reverseView, tr("Reverse process"));
    m_tabs->addTab(m_schedulesView, tr("Schedules"));
    m_tabs->addTab(m_qualityView, tr("Quality"));
    setCentralWidget(m_tabs);

    m_help = new HelpPanel(this);
    m_helpDock = new QDockWidget(tr("What am I looking at?"), this);
    m_helpDock->setObjectName(QStringLiteral("helpDock"));
    m_helpDock->setWidget(m_help);
    addDockWidget(Qt::RightDockWidgetArea, m_helpDock);
    m_helpDock->hide();

    buildMenus();
    buildStatusBar();

    // Data
    connect(m_dataView, &DataView::sourceRequested, this, &MainWindow::loadData);
    connect(m_loader, &DataLoader::loaded, this, [this](DatasetPtr data, const QString& spec) {
        m_data = data;
        m_dataSpec = spec;
        m_settings.setLastDataSpec(spec);
        m_dataView->setDataset(data, spec);
        m_schedulesView->setImage(m_dataView->currentImage());
        m_training->setDataset(data);
        updateStatus();
    });
    connect(m_loader, &DataLoader::failed, this, [this](const QString& message, const QString&) {
        m_dataView->setLoading(message);
        m_dataView->setSourceSpec(m_dataSpec);
        showError(message);
    });
    connect(m_dataView, &DataView::imageSelected, this,
            [this] { m_schedulesView->setImage(m_dataView->currentImage()); });
    connect(m_dataView, &DataView::denoiseFromHere, this, &MainWindow::denoiseFromHere);

    // Training
    connect(m_trainingView, &TrainingView::startRequested, this, &MainWindow::startTraining);
    connect(m_trainingView, &TrainingView::pauseRequested, m_training, &TrainingController::pause);
    connect(m_trainingView, &TrainingView::resumeRequested, m_training, &TrainingController::resume);
    connect(m_trainingView, &TrainingView::stopRequested, m_training, &TrainingController::stop);
    connect(m_trainingView, &TrainingView::configEdited, this, [this] {
        // A different preset or schedule is a different model: build it (asking first if needed). With
        // no model yet (one that failed to build), too.
        if (m_training->runOn())
            return;
        const auto c = m_trainingView->formConfig();
        const auto snap = m_training->snapshot();
        if (snap && snap->config.preset == c.preset && snap->config.schedule.kind == c.schedule.kind)
            return;
        if (!maybeKeepWork()) {
            if (snap)
                m_trainingView->setFormConfig(snap->config);
            return;
        }
        newModel();
    });
    connect(m_training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        m_trainingView->setState(s);
        updateTitle();
        updateStatus();
    });
    connect(m_training, &TrainingController::modelReady, this, &MainWindow::onModelReady);
    connect(m_trainingView, &TrainingView::precisionChanged, m_training, &TrainingController::setPrecision);
    connect(m_trainingView, &TrainingView::totalStepsChanged, m_training, &TrainingController::setTotalSteps);
    connect(m_trainingView, &TrainingView::previewIntervalChanged, m_training,
            &TrainingController::setPreviewInterval);
    connect(m_training, &TrainingController::progressAvailable, this, &MainWindow::onProgress);
    connect(m_training, &TrainingController::previewReady, m_trainingView, &TrainingView::showPreview);
    connect(m_training, &TrainingController::failed, this, &MainWindow::showError);
    connect(m_training, &TrainingController::saved, this, [this](const QString& path) {
        m_path = path;
        m_qualityView->setModelName(QFileInfo(path).fileName());
        m_settings.addRecentFile(path);
        updateRecentMenu();
        updateTitle();
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(m_training, &TrainingController::finished, this, [this](qint64 step) {
        if (step >= m_trainingView->totalSteps()) {
            // The run reached its target: say so, and draw the samples of the final weights.
            statusBar()->showMessage(tr("Training reached its target of %L1 steps").arg(step), 10000);
            m_training->requestPreview();
        } else {
            statusBar()->showMessage(tr("Training stopped at step %1").arg(step), 5000);
        }
        updateTitle();
        updateStatus();
    });
    connect(m_training, &TrainingController::snapshotReady, this, [this](SnapshotPtr s) {
        m_trainingView->setModelSnapshot(s); // the form compares its settings with the model's
        updateStatus();
    });

    // Sampling
    connect(m_reverseView, &ReverseView::runRequested, this, &MainWindow::startSampling);
    connect(m_reverseView, &ReverseView::cancelRequested, m_sampling, &SamplingController::cancel);
    connect(m_reverseView, &ReverseView::forkRequested, this, &MainWindow::forkAt);
    connect(m_sampling, &SamplingController::framesAvailable, this, &MainWindow::onFrames);
    connect(m_sampling, &SamplingController::finished, this, [this](bool completed) {
        onFrames();
        m_reverseView->end(completed);
    });
    connect(m_sampling, &SamplingController::failed, this, &MainWindow::showError);

    // Quality
    connect(m_qualityView, &QualityView::measureRequested, this, &MainWindow::startQuality);
    connect(m_qualityView, &QualityView::cancelRequested, m_quality, &QualityController::cancel);
    connect(m_qualityView, &QualityView::exportRequested, this, [this] {
        exportWithDialog(tr("Export the quality measurements"), QStringLiteral("quality.csv"), tr("CSV files (*.csv)"),
                         &MainWindow::qualityCsvJob);
    });
    // The request id is the controller's business: the view takes the run, the runs and the image-steps.
    connect(m_quality, &QualityController::progress, m_qualityView,
            [this](quint64, int run, int runs, qint64 done, qint64 total) {
                m_qualityView->setProgress(run, runs, done, total);
            });
    connect(m_quality, &QualityController::reportReady, this,
            [this](quint64, int, const QualityReport& report) {
                m_qualityView->addReport(report, m_qualityStep);
                const QLocale locale;
                showLiveValues(Quality, {{QStringLiteral("fid"), locale.toString(report.fid, 'f', 3)},
                                         {QStringLiteral("fid_floor"), locale.toString(report.fidFloor, 'f', 3)},
                                         {QStringLiteral("ratio"), locale.toString(report.ratio, 'f', 2)},
                                         {QStringLiteral("confidence"), locale.toString(report.meanConfidence, 'f', 3)},
                                         {QStringLiteral("step"), locale.toString(m_qualityStep)}});
            });
    connect(m_quality, &QualityController::finished, this, [this](quint64, bool completed, const QString& error) {
        m_qualityView->end(completed, error);
        if (!error.isEmpty())
            showError(error);
    });

    // Help follows the view.
    auto helpTopic = [this](int index) {
        static const HelpPanel::Topic topics[] = {HelpPanel::Data, HelpPanel::Training, HelpPanel::Reverse,
                                                  HelpPanel::Schedules, HelpPanel::Quality};
        const int view = std::clamp(index, 0, 4);
        m_help->setTopic(topics[view]);
        m_help->setLiveValues(m_liveValues[view]); // the values of the view now shown, in its meaning
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, helpTopic);
    connect(m_dataView, &DataView::liveValuesChanged, this, [this](const QMap<QString, QString>& v) {
        showLiveValues(Data, v);
        if (v.contains(QStringLiteral("t")))
            m_schedulesView->setMarker(v.value(QStringLiteral("t")).toInt());
    });
    connect(m_reverseView, &ReverseView::liveValuesChanged, this,
            [this](const QMap<QString, QString>& v) { showLiveValues(Reverse, v); });

    restoreSettings();
    helpTopic(m_tabs->currentIndex());
    // Ready at once: the last (or default) data set and a fresh model of the remembered preset.
    const QString spec =
        m_settings.lastDataSpec().isEmpty() ? QString::fromStdString(defaultDataSpec()) : m_settings.lastDataSpec();
    newModel();
    loadData(spec);
}

MainWindow::~MainWindow()
{
    Dialogs::setSettings(nullptr);
    if (m_exportWatcher)
        m_exportWatcher->waitForFinished();
    m_quality->shutdown();
    m_sampling->shutdown();
    m_training->shutdown();
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* newAct = file->addAction(tr("&New model"), this, [this] {
        if (maybeKeepWork())
            newModel();
    });
    newAct->setShortcut(QKeySequence::New);
    auto* openAct = file->addAction(tr("&Open…"), this, [this] {
        // The file first: cancelling the file dialog leaves training as it was.
        const QString path =
            Dialogs::openPath(this, tr("Open a checkpoint"), QStringLiteral("models"), QFileInfo(m_path).absolutePath(),
                              tr("DDPM checkpoints (*.ckpt);;All files (*)"));
        if (!path.isEmpty() && maybeKeepWork())
            openCheckpoint(path);
    });
    openAct->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    auto* demoAct = file->addAction(tr("Open &demo model"), this, [this] {
        if (maybeKeepWork())
            openDemoModel();
    });
    demoAct->setEnabled(!demoModelPath().isEmpty());
    demoAct->setStatusTip(tr("A Fashion-MNIST model that ships with the program, to watch denoising at once"));
    file->addSeparator();
    auto* saveAct = file->addAction(tr("&Save"), this, [this] {
        if (m_path.isEmpty() || isDemoModel(m_path)) { // the demo model stays as shipped
            const QString p = Dialogs::savePath(this, tr("Save the model"), QStringLiteral("models"),
                                                m_settings.exportFolder() + QStringLiteral("/model.ckpt"),
                                                tr("DDPM checkpoints (*.ckpt)"));
            if (!p.isEmpty())
                saveTo(p);
        } else {
            saveTo(m_path);
        }
    });
    saveAct->setShortcut(QKeySequence::Save);
    auto* saveAsAct = file->addAction(tr("Save &as…"), this, [this] {
        const QString p = Dialogs::savePath(this, tr("Save the model as"), QStringLiteral("models"),
                                            m_path.isEmpty() || isDemoModel(m_path)
                                                ? m_settings.exportFolder() + QStringLiteral("/model.ckpt")
                                                : m_path,
                                            tr("DDPM checkpoints (*.ckpt)"));
        if (!p.isEmpty())
            saveTo(p);
    });
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    auto* prefs = file->addAction(tr("&Preferences…"), this, [this] {
        // The dialog starts from what the form shows now (its device, precision and preview interval
        // are saved only at exit otherwise), so OK does not put older values back into the form.
        m_settings.setDevice(m_trainingView->device());
        m_settings.setPrecision(m_trainingView->precision());
        m_settings.setPreviewInterval(m_trainingView->previewInterval());
        PreferencesDialog dialog(m_settings, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_trainingView->setDevice(m_settings.device());
            m_trainingView->setPrecision(m_settings.precision()); // the form tells the controller
            m_trainingView->setPreviewInterval(m_settings.previewInterval());
            m_training->setCpuThreads(m_settings.cpuThreads());
        }
    });
    prefs->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    updateRecentMenu();

    auto* exp = menuBar()->addMenu(tr("&Export"));
    auto* grid = exp->addAction(tr("Sample grid as PNG…"), this, [this] {
        exportWithDialog(tr("Export the sample grid"), QStringLiteral("samples.png"), tr("PNG images (*.png)"),
                         &MainWindow::sampleGridJob);
    });
    auto* folder = exp->addAction(tr("Every sample as PNG into a folder…"), this, [this] {
        const QString dir = Dialogs::folderPath(this, tr("Export every sample into"), QStringLiteral("exports"),
                                                m_settings.exportFolder());
        if (dir.isEmpty())
            return;
        // An earlier export there: ask before replacing it, rather than mixing old and new files.
        const QStringList earlier = earlierExports(dir, QStringLiteral("sample"));
        if (!earlier.isEmpty() &&
            Dialogs::question(this, tr("Earlier export"),
                              tr("%1 already holds an earlier export (%n file(s), %2 …). Replace it?", nullptr,
                                 static_cast<int>(earlier.size()))
                                  .arg(QDir::toNativeSeparators(dir), QFileInfo(earlier.first()).fileName()),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            statusBar()->showMessage(tr("Nothing exported: the folder keeps its earlier export."), 5000);
            return;
        }
        runExport(samplesToFolderJob(dir, !earlier.isEmpty()), QDir::toNativeSeparators(dir),
                  tr("Exported the samples to %1").arg(QDir::toNativeSeparators(dir)));
    });
    auto* rstrip = exp->addAction(tr("Reverse-process strip as PNG…"), this, [this] {
        exportWithDialog(tr("Export the reverse-process strip"), QStringLiteral("reverse-strip.png"),
                         tr("PNG images (*.png)"), &MainWindow::reverseStripJob);
    });
    auto* rgif = exp->addAction(tr("Reverse process as animated GIF…"), this, [this] {
        exportWithDialog(tr("Export the reverse process as GIF"), QStringLiteral("reverse.gif"),
                         tr("GIF animations (*.gif)"), &MainWindow::reverseGifJob);
    });
    auto* rwebp = exp->addAction(tr("Reverse process as animated WebP…"), this, [this] {
        exportWithDialog(tr("Export the reverse process as WebP"), QStringLiteral("reverse.webp"),
                         tr("WebP animations (*.webp)"), &MainWindow::reverseWebPJob);
    });
    auto* fstrip = exp->addAction(tr("Forward-process strip as PNG…"), this, [this] {
        exportWithDialog(tr("Export the forward-process strip"), QStringLiteral("forward-strip.png"),
                         tr("PNG images (*.png)"), &MainWindow::forwardStripJob);
    });
    exp->addSeparator();
    auto* losscsv = exp->addAction(tr("Loss history as CSV…"), this, [this] {
        exportWithDialog(tr("Export the loss history"), QStringLiteral("loss.csv"), tr("CSV files (*.csv)"),
                         &MainWindow::lossCsvJob);
    });
    auto* losschart = exp->addAction(tr("Loss chart as PNG…"), this, [this] {
        exportWithDialog(tr("Export the loss chart"), QStringLiteral("loss-chart.png"), tr("PNG images (*.png)"),
                         &MainWindow::lossChartJob);
    });
    auto* qualitycsv = exp->addAction(tr("Quality measurements as CSV…"), this, [this] {
        exportWithDialog(tr("Export the quality measurements"), QStringLiteral("quality.csv"), tr("CSV files (*.csv)"),
                         &MainWindow::qualityCsvJob);
    });

    // Items with nothing to export are disabled, instead of asking for a file name and then saying so.
    connect(exp, &QMenu::aboutToShow, this, [=] {
        const bool samples = !m_reverseView->finalImages().isEmpty();
        const bool reverse = m_reverseView->frameCount() > 0;
        const bool loss = !m_trainingView->lossChart()->rawPoints().isEmpty();
        for (auto* a : {grid, folder})
            a->setEnabled(samples);
        for (auto* a : {rstrip, rgif, rwebp})
            a->setEnabled(reverse);
        fstrip->setEnabled(m_dataView->hasForwardFrames());
        losscsv->setEnabled(loss);
        losschart->setEnabled(loss);
        qualitycsv->setEnabled(!m_qualityView->reports().isEmpty());
    });

    auto* view = menuBar()->addMenu(tr("&View"));
    const QStringList names{tr("Data && forward process"), tr("Training"), tr("Reverse process"), tr("Schedules"),
                            tr("Quality")};
    for (int i = 0; i < names.size(); ++i) {
        auto* a = view->addAction(names[i], this, [this, i] { setView(View(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    auto* lang = menuBar()->addMenu(tr("&Language"));
    auto* group = new QActionGroup(this);
    const QList<QPair<QString, QString>> languages{{QString(), tr("System default")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& [code, name] : languages) {
        auto* a = lang->addAction(name);
        a->setCheckable(true);
        a->setChecked(installedLanguage() == code); // the one in effect, also when --language chose it
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* what = m_helpDock->toggleViewAction();
    what->setText(tr("What am I looking at?"));
    what->setShortcut(QKeySequence::HelpContents);
    help->addAction(what);
    help->addAction(tr("&About DDPM Studio"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    m_deviceLabel = new QLabel(this);
    m_modelLabel = new QLabel(this);
    m_stepLabel = new QLabel(this);
    m_precisionLabel = new QLabel(this);
    // Text that comes from files (names, a checkpoint's preset) is never read as rich text.
    for (auto* label : {m_deviceLabel, m_modelLabel, m_stepLabel, m_precisionLabel})
        label->setTextFormat(Qt::PlainText);

    m_exportProgress = new QProgressBar(this); // while an export is written
    m_exportProgress->setMaximumWidth(120);
    m_exportProgress->hide();
    statusBar()->addPermanentWidget(m_exportProgress);
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_precisionLabel);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_stepLabel);
}

void MainWindow::restoreSettings()
{
    if (!m_settings.windowGeometry().isEmpty())
        restoreGeometry(m_settings.windowGeometry());
    else
        resize(1400, 880);
    if (!m_settings.windowState().isEmpty())
        restoreState(m_settings.windowState());
    m_tabs->setCurrentIndex(std::clamp(m_settings.currentView(), 0, 4));
    auto c = makeConfig(m_settings.preset().toStdString());
    ModelConfig config = c ? c.value() : makeConfig("reference").value();
    config.train.batch = m_settings.batchSize();
    config.train.lr = m_settings.learningRate();
    config.train.emaDecay = m_settings.emaDecay();
    config.train.warmupSteps = m_settings.warmupSteps();
    config.train.seed = static_cast<uint64_t>(m_settings.seed());
    if (auto k = parseScheduleKind(m_settings.schedule().toStdString()))
        config.schedule.kind = k.value();
    m_trainingView->setFormConfig(config);
    m_trainingView->setTotalSteps(m_settings.totalSteps());
    m_trainingView->setDevice(m_settings.device());
    m_trainingView->setPrecision(m_settings.precision());
    m_training->setPrecision(m_trainingView->precision());
    m_trainingView->setPreviewInterval(m_settings.previewInterval());
    SamplerOptions so;
    so.kind = m_settings.sampler() == QLatin1String("ddim") ? SamplerKind::Ddim : SamplerKind::Ddpm;
    so.variance = m_settings.variance() == QLatin1String("beta") ? VarianceKind::Beta : VarianceKind::BetaTilde;
    so.ddimSteps = m_settings.samplerSteps();
    so.eta = m_settings.eta();
    so.count = m_settings.sampleCount();
    m_reverseView->setSamplerOptions(so);
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setCurrentView(m_tabs->currentIndex());
    const auto c = m_trainingView->formConfig();
    m_settings.setPreset(QString::fromStdString(c.preset));
    m_settings.setBatchSize(c.train.batch);
    m_settings.setLearningRate(c.train.lr);
    m_settings.setEmaDecay(c.train.emaDecay);
    m_settings.setWarmupSteps(c.train.warmupSteps);
    m_settings.setSeed(static_cast<qint64>(c.train.seed));
    m_settings.setSchedule(QString::fromStdString(scheduleKindName(c.schedule.kind)));
    m_settings.setTotalSteps(static_cast<int>(m_trainingView->totalSteps()));
    m_settings.setDevice(m_trainingView->device());
    m_settings.setPrecision(m_trainingView->precision());
    m_settings.setPreviewInterval(m_trainingView->previewInterval()); // 0: never
    const auto so = m_reverseView->samplerOptions();
    m_settings.setSampler(QString::fromStdString(samplerKindName(so.kind)));
    m_settings.setVariance(QString::fromStdString(varianceKindName(so.variance)));
    m_settings.setSamplerSteps(so.ddimSteps);
    m_settings.setEta(so.eta);
    m_settings.setSampleCount(so.count);
    m_settings.sync();
}

void MainWindow::setView(View view)
{
    m_tabs->setCurrentIndex(view);
}

bool MainWindow::isReady() const
{
    return m_data && m_training->hasModel() && !m_loader->isLoading() &&
           m_training->state() == TrainingController::State::Idle;
}

void MainWindow::newModel()
{
    auto config = m_trainingView->formConfig();
    config.dataSpec = m_dataSpec.isEmpty() ? defaultDataSpec() : m_dataSpec.toStdString();
    m_path.clear();
    m_training->newModel(config, m_trainingView->device());
}

void MainWindow::openCheckpoint(const QString& path)
{
    m_training->openCheckpoint(path, m_trainingView->device());
}

bool MainWindow::openDemoModel()
{
    const QString demo = demoModelPath();
    if (demo.isEmpty()) {
        showError(tr("The demo model is not installed (models/fashion-mnist-demo.ckpt)."));
        return false;
    }
    openCheckpoint(demo);
    return true;
}

void MainWindow::openStartupModel(bool sampleDemo)
{
    // The model of the last session when it is still there; at first launch the demo model, so that
    // the Reverse view shows garments emerging at once.
    for (const QString& f : m_settings.recentFiles()) {
        if (QFileInfo(f).isFile()) {
            openCheckpoint(f);
            return;
        }
    }
    if (!demoModelPath().isEmpty()) {
        m_sampleDemoWhenReady = sampleDemo;
        openDemoModel();
    }
}

void MainWindow::saveTo(const QString& path)
{
    m_training->save(path);
}

void MainWindow::loadData(const QString& spec)
{
    const auto snap = m_training->snapshot();
    const auto& u = snap ? snap->config.unet : m_trainingView->formConfig().unet;
    m_dataView->setLoading(tr("Loading %1…").arg(DataLoader::displayName(spec)));
    m_loader->load(spec, static_cast<int>(u.imageChannels()), static_cast<int>(u.imageSize()));
}

void MainWindow::startTraining()
{
    if (!m_data) {
        showError(tr("Choose a data set first."));
        return;
    }
    m_training->setPreviewInterval(m_trainingView->previewInterval());
    // The form as it is now: its optimiser settings, device and the threads reach the trainer at Start.
    TrainingRequest r;
    r.totalSteps = m_trainingView->totalSteps();
    r.options = m_trainingView->formOptions();
    r.device = m_trainingView->device();
    r.threads = m_settings.cpuThreads();
    r.precision = m_trainingView->precision();
    if (isDemoModel(m_path)) {
        // The demo model is read-only: training goes on in a copy that is saved under a name of its own.
        m_path.clear();
        updateTitle();
        statusBar()->showMessage(tr("Training a copy of the demo model; the demo model itself stays as shipped."),
                                 8000);
    }
    m_training->start(r);
}

void MainWindow::startQuality(const QualityOptions& options, bool sweep)
{
    const auto snap = m_training->snapshot();
    if (!snap) {
        showError(tr("There is no model to measure."));
        return;
    }
    QualityRequest r;
    r.model = snap;
    r.options = options;
    r.runs = sweep ? qualitySweep(options.sampler) : std::vector<SamplerOptions>{options.sampler};
    r.threads = m_settings.cpuThreads();
    m_qualityStep = snap->step;
    if (m_quality->start(r) != 0)
        m_qualityView->begin(static_cast<int>(r.runs.size()));
}

void MainWindow::onModelReady(SnapshotPtr snapshot, const QString& sourcePath)
{
    m_path = sourcePath;
    // Results of the model before do not describe this one, nor does a measurement of it still running.
    if (m_quality->isRunning())
        m_quality->cancel();
    m_qualityView->clearResults(sourcePath.isEmpty() ? tr("the new model") : QFileInfo(sourcePath).fileName());
    if (snapshot->config.unet.imageChannels() != 1)
        m_qualityView->setAvailable(false, tr("Quality is measured for grey Fashion-MNIST-like models; this model "
                                              "makes colour images."));
    else if (classifierPath().isEmpty())
        m_qualityView->setAvailable(false, tr("The quality classifier is not installed "
                                              "(models/fashion-mnist-classifier.ckpt)."));
    else if (!fashionMnistAvailable())
        m_qualityView->setAvailable(false, tr("Quality is measured against the Fashion-MNIST test images; install "
                                              "the dataset-fashion-mnist package."));
    else
        m_qualityView->setAvailable(true);
    if (!sourcePath.isEmpty()) {
        m_settings.addRecentFile(sourcePath);
        updateRecentMenu();
        statusBar()->showMessage(
            tr("Opened %1 at step %2").arg(QDir::toNativeSeparators(sourcePath)).arg(snapshot->step), 5000);
    }
    m_trainingView->showModel(snapshot);
    updateTrainingLiveValues();
    m_reverseView->setModelAvailable(true);
    if (snapshot->step > 0)
        m_training->requestPreview();
    m_dataView->setSchedule(snapshot->config.schedule);
    m_dataView->setModelSchedule(snapshot->config.schedule); // "Denoise from here" noises with it
    if (m_sampleDemoWhenReady && isDemoModel(sourcePath)) {
        // First launch: a short deterministic DDIM run (ready in seconds), so that the first thing a user
        // can do is what the app is for: scrub and watch the garments emerge.
        m_sampleDemoWhenReady = false;
        auto o = m_reverseView->samplerOptions();
        o.kind = SamplerKind::Ddim;
        o.ddimSteps = 50;
        o.eta = 0.0;
        m_reverseView->setSamplerOptions(o);
        startSampling();
    }
    m_schedulesView->setSteps(snapshot->config.schedule.steps);
    // The data set must match the model's image size and channels.
    const auto& u = snapshot->config.unet;
    if (m_data && (m_data->channels() != u.imageChannels() || m_data->height() != u.imageSize()))
        loadData(m_dataSpec);
    else if (m_data)
        m_training->setDataset(m_data);
    updateTitle();
    updateStatus();
}

void MainWindow::onProgress()
{
    const auto p = m_training->takeProgress();
    m_trainingView->addProgress(p);
    updateTrainingLiveValues();
    updateStatus();
}

void MainWindow::showLiveValues(View view, const QMap<QString, QString>& values)
{
    m_liveValues[view] = values;
    if (m_tabs->currentIndex() == view)
        m_help->setLiveValues(values);
}

void MainWindow::updateTrainingLiveValues()
{
    QMap<QString, QString> v;
    const auto* chart = m_trainingView->lossChart();
    v[QStringLiteral("step")] = QLocale().toString(m_training->step());
    if (!chart->rawPoints().isEmpty()) {
        v[QStringLiteral("loss")] = QString::number(chart->rawPoints().constLast().y(), 'g', 4);
        v[QStringLiteral("loss_smoothed")] = QString::number(chart->smoothedPoints().constLast().y(), 'g', 4);
    }
    showLiveValues(Training, v);
}

void MainWindow::onFrames()
{
    m_reverseView->addFrames(m_sampling->takeFrames());
}

void MainWindow::startSampling()
{
    const auto snap = m_training->snapshot();
    if (!snap) {
        showError(tr("There is no model to sample from yet."));
        return;
    }
    SamplingRequest r;
    r.model = snap;
    r.options = m_reverseView->samplerOptions();
    r.useEma = m_reverseView->useEma();
    runWithCurrentWeights(r, tr("Sampling with the weights of step %1"));
}

void MainWindow::runWithCurrentWeights(const SamplingRequest& request, const QString& title, const QString& kind,
                                       const QString& note)
{
    // While training runs, take a fresh copy of its weights first. Clicks before it arrives ask for
    // no second copy and start no second run; the newest request is used. The step fills `title`'s one
    // placeholder left.
    if (m_training->state() != TrainingController::State::Idle) {
        const bool waiting = m_samplingAwaitsSnapshot.has_value();
        m_samplingAwaitsSnapshot = PendingRun{request, title, kind, note};
        if (waiting)
            return;
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(m_training, &TrainingController::snapshotReady, this, [this, conn](SnapshotPtr s) {
            disconnect(*conn);
            if (!m_samplingAwaitsSnapshot)
                return;
            auto p = *m_samplingAwaitsSnapshot;
            m_samplingAwaitsSnapshot.reset();
            p.request.model = s;
            runSampling(p.request, p.title.arg(s->step), p.kind, p.note);
        });
        m_training->requestSnapshot();
        return;
    }
    runSampling(request, title.arg(request.model->step), kind, note);
}

void MainWindow::runSampling(SamplingRequest request, const QString& title, const QString& kind, const QString& note)
{
    request.threads = m_settings.cpuThreads(); // applied on the sampling thread
    // What the run's exports will say: the file the weights came from, as it is now (its size and time,
    // so that an export after a later save does not hash another file), and what kind of run it is.
    RunOrigin origin;
    origin.request = request;
    origin.kind = kind;
    if (!m_path.isEmpty() && !m_training->isDirty() && request.model && request.model->step == m_training->step()) {
        const QFileInfo info(m_path);
        origin.file = m_path;
        origin.fileSize = info.size();
        origin.fileModified = info.lastModified();
    }
    const int total = static_cast<int>(samplerTimesteps(request.options, request.start.defined()
                                                                             ? request.startT
                                                                             : request.model->config.schedule.steps)
                                           .size());
    if (m_sampling->start(request))
        m_reverseView->begin(origin, total + 1, title, note);
    else // the same run is already on its way: one run, however often it is asked for
        statusBar()->showMessage(tr("Already sampling with these settings; change one to start a new run."), 5000);
    setView(Reverse);
}

void MainWindow::denoiseFromHere(const torch::Tensor& xt, int t, const QString& scheduleNote)
{
    const auto snap = m_training->snapshot();
    if (!snap)
        return;
    const auto& u = snap->config.unet;
    if (xt.size(1) != u.imageChannels() || xt.size(2) != u.imageSize()) {
        showError(tr("This image does not fit the model; load a data set of the model's size."));
        return;
    }
    SamplingRequest r;
    r.model = snap;
    r.options = m_reverseView->samplerOptions();
    r.options.count = static_cast<int>(xt.size(0)); // one x_t, continued as several images
    r.useEma = m_reverseView->useEma();
    r.start = xt;
    r.startT = std::min(t, snap->config.schedule.steps);
    // During training, with the weights trained so far (not the last saved ones). The step is the
    // title's last placeholder, filled in when the weights are there.
    runWithCurrentWeights(r,
                          r.options.count == 1
                              ? tr("Denoising the chosen image from t = %1 with the weights of step %2").arg(r.startT)
                              : tr("Denoising the chosen image from t = %1 as %2 images, each with its own "
                                   "noise, with the weights of step %3")
                                    .arg(r.startT)
                                    .arg(r.options.count),
                          QStringLiteral("denoise-from-here"), scheduleNote);
}

void MainWindow::forkAt(const torch::Tensor& xt, int t, int forks, int image)
{
    // The same network and sampler as the run the frame came from (the run shown, which may be an earlier
    // one of the Runs list), with noise of its own for each fork.
    SamplingRequest r = m_reverseView->origin().request;
    if (!r.model)
        return;
    r.options.count = forks;
    r.options.firstImage = 0;
    r.options.seed = r.options.seed + 1;
    QString note;
    if (r.options.kind == SamplerKind::Ddim && r.options.eta == 0.0) {
        r.options.eta = 1.0; // η = 0 adds no noise after x_t: every fork would be the same image
        note = tr(" (DDIM with η = 1: η = 0 adds no noise, so the forks would not differ)");
    }
    r.start = xt.expand({forks, xt.size(1), xt.size(2), xt.size(3)}).contiguous();
    r.startT = t;
    runSampling(r,
                tr("Image %1 forked at t = %2 into %3 continuations, each with fresh noise%4")
                    .arg(image + 1)
                    .arg(t)
                    .arg(forks)
                    .arg(note),
                QStringLiteral("fork")); // exports say where the strip came from
}

bool MainWindow::maybeKeepWork()
{
    if (!m_training->runOn() && !m_training->isDirty())
        return true;
    const auto answer = Dialogs::question(
        this, tr("Unsaved training"),
        tr("The model has training progress that is not saved (step %1). Save it first?").arg(m_training->step()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        stopBlocking();
        return true;
    }
    QString path = isDemoModel(m_path) ? QString() : m_path;
    if (path.isEmpty())
        path = Dialogs::savePath(this, tr("Save the model"), QStringLiteral("models"),
                                 m_settings.exportFolder() + QStringLiteral("/model.ckpt"),
                                 tr("DDPM checkpoints (*.ckpt)"));
    if (path.isEmpty())
        return false;
    return saveBlocking(path);
}

void MainWindow::stopBlocking()
{
    // Stop training and wait, events flowing, until the run has ended (within one step): what the user
    // asked for next (a new model, another checkpoint) would otherwise be refused because a run is on.
    m_training->stop();
    if (!m_training->runOn())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QEventLoop loop;
    auto c = connect(m_training, &TrainingController::stateChanged, &loop, [&] {
        if (!m_training->runOn())
            loop.quit();
    });
    loop.exec();
    disconnect(c);
    QApplication::restoreOverrideCursor();
}

bool MainWindow::saveBlocking(const QString& path)
{
    // Stop training (it ends within one step), then save on the worker and wait for the answer to
    // this save request and for the run to end; other failures (a failed step) do not end the wait.
    // A failed save is shown by the failed() signal that follows saveFailed().
    m_training->stop();
    bool answered = false, ok = false;
    quint64 request = 0;
    QEventLoop loop;
    const auto done = [&] { return answered && !m_training->runOn(); };
    auto c1 = connect(m_training, &TrainingController::saved, &loop, [&](const QString&, quint64 id) {
        if (id == request) {
            answered = ok = true;
            if (done())
                loop.quit();
        }
    });
    auto c2 = connect(m_training, &TrainingController::saveFailed, &loop, [&](const QString&, quint64 id) {
        if (id == request) {
            answered = true;
            if (done())
                loop.quit();
        }
    });
    auto c3 = connect(m_training, &TrainingController::stateChanged, &loop, [&] {
        if (done())
            loop.quit();
    });
    request = m_training->save(path);
    if (!done())
        loop.exec();
    disconnect(c1);
    disconnect(c2);
    disconnect(c3);
    return ok;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_closing && !maybeKeepWork()) {
        event->ignore();
        return;
    }
    m_closing = true;
    saveSettings();
    if (m_exportWatcher)
        m_exportWatcher->waitForFinished(); // a file half written would be lost; exports take seconds
    // Every worker stops here; results already queued for the window arrive at controllers that are
    // shut down and are dropped (tst_studio::closeWithWorkInFlight).
    m_quality->shutdown();
    m_sampling->shutdown();
    m_training->shutdown();
    event->accept();
}

void MainWindow::showError(const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 15000);
    Dialogs::warning(this, tr("DDPM Studio"), message);
}

void MainWindow::updateTitle()
{
    QString name = m_path.isEmpty() ? tr("Untitled model") : QFileInfo(m_path).fileName();
    if (isDemoModel(m_path))
        name = tr("%1 (demo, read-only)").arg(name);
    setWindowTitle(tr("%1%2 — DDPM Studio").arg(name, m_training->isDirty() ? QStringLiteral(" *") : QString()));
}

void MainWindow::updateStatus()
{
    const auto snap = m_training->snapshot();
    QString device = QStringLiteral("CPU");
    if (snap)
        device = QString::fromStdString(deviceDescription(snap->device));
    m_deviceLabel->setText(tr("Device: %1").arg(device));
    if (snap)
        m_precisionLabel->setText(tr("Precision: %1")
                                      .arg(QString::fromStdString(
                                          precisionDescription(snap->model->precision(), snap->device))));
    if (snap)
        m_modelLabel->setText(tr("Model: %1, %L2 parameters")
                                  .arg(QString::fromStdString(snap->config.preset))
                                  .arg(snap->parameterCount()));
    m_stepLabel->setText(tr("Step %L1").arg(m_training->step()));
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (const QString& f : files) {
        m_recentMenu->addAction(QDir::toNativeSeparators(f), this, [this, f] {
            if (maybeKeepWork())
                openCheckpoint(f);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

namespace {
using WeightsFile = MainWindow::WeightsFile;

// Runs on the export's thread: the SHA-256 of the weights' file, when it is still as it was.
QString hashOf(const WeightsFile& f)
{
    const QFileInfo info(f.path);
    return !f.path.isEmpty() && info.exists() && info.size() == f.size && info.lastModified() == f.modified
               ? sha256OfFile(f.path)
               : QStringLiteral("unsaved");
}

// The export of `meta` for `source`'s weights: the hash filled in on the worker thread, then `write`.
template <typename Write> MainWindow::ExportJob withHash(ExportMeta meta, const WeightsFile& source, Write write)
{
    return [meta, source, write]() mutable {
        meta.checkpointSha256 = hashOf(source);
        return write(meta);
    };
}
} // namespace

ExportMeta MainWindow::baseMeta(const QString& kind) const
{
    ExportMeta m;
    const auto snap = m_training->snapshot();
    if (snap) {
        m.schedule = QString::fromStdString(scheduleKindName(snap->config.schedule.kind));
        m.preset = QString::fromStdString(snap->config.preset);
        m.trainingStep = snap->step;
        m.steps = snap->config.schedule.steps;
    }
    m.kind = kind;
    return m;
}

ExportMeta MainWindow::reverseMeta(const QString& kind) const
{
    ExportMeta m = baseMeta(kind);
    const RunOrigin& origin = m_reverseView->origin(); // the run shown: what made the images exported
    const auto& r = origin.request;
    if (r.model) {
        m.schedule = QString::fromStdString(scheduleKindName(r.model->config.schedule.kind));
        m.preset = QString::fromStdString(r.model->config.preset);
        m.trainingStep = r.model->step;
    }
    m.seed = r.options.seed;
    m.sampler = QString::fromStdString(samplerKindName(r.options.kind)) +
                (origin.kind.isEmpty() ? QString() : QStringLiteral(" (") + origin.kind + QLatin1Char(')'));
    m.steps = std::max(0, m_reverseView->frameCount() - 1);
    m.eta = r.options.kind == SamplerKind::Ddim ? r.options.eta : 1.0;
    m.variance = QString::fromStdString(varianceKindName(r.options.variance));
    m.weights = r.useEma ? QStringLiteral("ema") : QStringLiteral("raw");
    return m;
}

namespace {
Status noData(const QString& what)
{
    return Error{what.toStdString()};
}

// The final x0 stays on screen about a second before the animation loops (frames are 60 ms each).
void holdLastFrame(QList<QImage>& frames)
{
    const QImage last = frames.last();
    for (int i = 0; i < 16; ++i)
        frames.append(last);
}
} // namespace

namespace {
WeightsFile weightsOfRun(const RunOrigin& origin)
{
    return {origin.file, origin.fileSize, origin.fileModified};
}

MainWindow::ExportJob refusal(const QString& why)
{
    return [why] { return noData(why); };
}
} // namespace

// Each export is prepared here, on the GUI thread (what to write: images, frames, the settings), and
// written by the job it returns: on a worker thread from the menus (hashing and encoding take seconds),
// at once from the exportX() functions the tests call.
MainWindow::ExportJob MainWindow::sampleGridJob(const QString& path) const
{
    const auto finals = m_reverseView->finalImages(); // of the run shown
    if (finals.isEmpty())
        return refusal(tr("There are no samples yet: run the reverse process first."));
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(finals.size()))));
    return withHash(
        reverseMeta(QStringLiteral("grid")), weightsOfRun(m_reverseView->origin()),
        [finals, columns, path](const ExportMeta& m) { return exportImage(makeGrid(finals, columns, 2, 4), path, m); });
}

MainWindow::ExportJob MainWindow::samplesToFolderJob(const QString& folder, bool replaceEarlier) const
{
    const auto finals = m_reverseView->finalImages();
    if (finals.isEmpty())
        return refusal(tr("There are no samples yet: run the reverse process first."));
    return withHash(reverseMeta(QStringLiteral("sample")), weightsOfRun(m_reverseView->origin()),
                    [finals, folder, replaceEarlier](const ExportMeta& m) {
                        return exportImagesToFolder(finals, folder, QStringLiteral("sample"), m, replaceEarlier);
                    });
}

MainWindow::ExportJob MainWindow::reverseStripJob(const QString& path) const
{
    if (m_reverseView->frameCount() == 0)
        return refusal(tr("There is no reverse process to export yet."));
    return withHash(
        reverseMeta(QStringLiteral("strip")), weightsOfRun(m_reverseView->origin()),
        [image = m_reverseView->stripImage(), path](const ExportMeta& m) { return exportImage(image, path, m); });
}

MainWindow::ExportJob MainWindow::reverseAnimationJob(const QString& path, bool webp) const
{
    const auto sources = m_reverseView->animationSources(); // the grids are drawn by the job
    if (sources.isEmpty())
        return refusal(tr("There is no reverse process to export yet."));
    return withHash(reverseMeta(webp ? QStringLiteral("webp") : QStringLiteral("gif")),
                    weightsOfRun(m_reverseView->origin()), [sources, path, webp](const ExportMeta& m) -> Status {
                        auto frames = ReverseView::animationFramesFrom(sources);
                        holdLastFrame(frames);
                        auto bytes = webp ? encodeWebP(frames, 60) : encodeGif(frames, 60);
                        if (!bytes)
                            return bytes.failure();
                        return exportFile(bytes.value(), path, m); // with its sidecar, or neither
                    });
}

MainWindow::ExportJob MainWindow::forwardStripJob(const QString& path) const
{
    const auto frames = m_dataView->forwardFrames();
    if (frames.isEmpty())
        return refusal(tr("There is no image to noise yet: choose a data set."));
    ExportMeta m = baseMeta(QStringLiteral("forward-strip"));
    m.schedule = QString::fromStdString(scheduleKindName(m_dataView->schedule().kind));
    m.sampler = QStringLiteral("forward");
    return withHash(m, currentWeightsFile(), [image = m_dataView->forwardStripImage(), path](const ExportMeta& meta) {
        return exportImage(image, path, meta);
    });
}

MainWindow::ExportJob MainWindow::lossCsvJob(const QString& path) const
{
    const LossHistory history = m_trainingView->lossHistory(); // a bounded copy
    if (history.empty())
        return refusal(tr("There is no loss history yet: train the model first."));
    return [history, path] { return ddpm::exportLossCsv(history, path); };
}

MainWindow::ExportJob MainWindow::lossChartJob(const QString& path) const
{
    return withHash(baseMeta(QStringLiteral("loss-chart")), currentWeightsFile(),
                    [image = m_trainingView->lossChart()->grab().toImage(), path](const ExportMeta& m) {
                        return exportImage(image, path, m);
                    });
}

MainWindow::ExportJob MainWindow::qualityCsvJob(const QString& path) const
{
    auto csv = m_qualityView->csv();
    if (!csv)
        return [failure = csv.failure()] { return Status(failure); };
    return [bytes = csv.value(), path] { return saveBytesAtomically(bytes, path); };
}

MainWindow::WeightsFile MainWindow::currentWeightsFile() const
{
    if (m_path.isEmpty() || m_training->isDirty())
        return {};
    const QFileInfo info(m_path);
    return {m_path, info.size(), info.lastModified()};
}

Status MainWindow::exportSampleGrid(const QString& path)
{
    return sampleGridJob(path)();
}
Status MainWindow::exportSamplesToFolder(const QString& folder, bool replaceEarlier)
{
    return samplesToFolderJob(folder, replaceEarlier)();
}
Status MainWindow::exportReverseStrip(const QString& path)
{
    return reverseStripJob(path)();
}
Status MainWindow::exportReverseGif(const QString& path)
{
    return reverseAnimationJob(path, false)();
}
Status MainWindow::exportReverseWebP(const QString& path)
{
    return reverseAnimationJob(path, true)();
}
Status MainWindow::exportForwardStrip(const QString& path)
{
    return forwardStripJob(path)();
}
Status MainWindow::exportLossCsv(const QString& path)
{
    return lossCsvJob(path)();
}
Status MainWindow::exportLossChart(const QString& path)
{
    return lossChartJob(path)();
}
Status MainWindow::exportQualityCsv(const QString& path)
{
    return qualityCsvJob(path)();
}

MainWindow::ExportJob MainWindow::reverseGifJob(const QString& path) const
{
    return reverseAnimationJob(path, false);
}

MainWindow::ExportJob MainWindow::reverseWebPJob(const QString& path) const
{
    return reverseAnimationJob(path, true);
}

void MainWindow::exportWithDialog(const QString& title, const QString& suffix, const QString& filter,
                                  ExportJob (MainWindow::*job)(const QString&) const)
{
    const QString path = Dialogs::savePath(this, title, QStringLiteral("exports"),
                                           QDir(m_settings.exportFolder()).filePath(suffix), filter);
    if (path.isEmpty())
        return;
    runExport((this->*job)(path), QDir::toNativeSeparators(path),
              tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::runExport(ExportJob job, const QString& what, const QString& done)
{
    if (m_exportWatcher) {
        statusBar()->showMessage(tr("Still writing the last export; try again when it is done."), 5000);
        return;
    }
    // Hashing a checkpoint and encoding an animation take seconds: on a worker thread, while the status
    // bar says what is being written. The job holds copies of what it writes (no widget, no `this`), and
    // no exception leaves it.
    m_exportWatcher = new QFutureWatcher<Status>(this);
    m_exportProgress->setRange(0, 0); // busy: how long hashing and encoding take is not known
    m_exportProgress->setFormat(QString());
    m_exportProgress->setToolTip(tr("Writing %1").arg(what));
    m_exportProgress->show();
    statusBar()->showMessage(tr("Writing %1…").arg(what));
    connect(m_exportWatcher, &QFutureWatcher<Status>::finished, this, [this, done] {
        const Status s = m_exportWatcher->result();
        m_exportWatcher->deleteLater();
        m_exportWatcher = nullptr;
        m_exportProgress->hide();
        if (!s)
            showError(ddpm::errorText(s));
        else
            statusBar()->showMessage(done, 5000);
    });
    m_exportWatcher->setFuture(QtConcurrent::run(&m_exportPool, [job = std::move(job)]() -> Status {
        ThreadPriority::lowerCurrentThread(); // below the window, as the other workers
        try {
            return job();
        } catch (const std::exception& e) {
            return Error{QCoreApplication::translate("MainWindow", "The export failed: %1")
                             .arg(QString::fromLocal8Bit(e.what()))
                             .toStdString()};
        } catch (...) {
            return Error{QCoreApplication::translate("MainWindow", "The export failed.").toStdString()};
        }
    }));
}

void MainWindow::setLanguage(const QString& language)
{
    m_settings.setLanguage(language);
    m_settings.sync();
    // Every view is built in its language when it is created: switching means starting again.
    const auto answer = Dialogs::question(this, tr("Language"),
                                          tr("The new language applies when DDPM Studio starts again. Restart now?"),
                                          QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes || !maybeKeepWork()) {
        statusBar()->showMessage(tr("The new language applies the next time DDPM Studio starts."), 8000);
        return;
    }
    // The new language even if this run was started with --language; the model open now, not the one
    // this run was started with.
    const QStringList args = restartArguments(QCoreApplication::arguments().mid(1), language, m_path);
    m_closing = true;
    if (QProcess::startDetached(QCoreApplication::applicationFilePath(), args))
        close();
    else
        m_closing = false;
}

void MainWindow::showAbout()
{
    const auto snap = m_training->snapshot();
    const QString device = snap ? QString::fromStdString(deviceDescription(snap->device)) : QStringLiteral("CPU");
    QMessageBox::about(
        this, tr("About DDPM Studio"),
        tr("<h3>DDPM Studio %1</h3>"
           "<p>Train, watch and understand denoising diffusion probabilistic models "
           "(Ho, Jain and Abbeel, 2020).</p>"
           "<table><tr><td>Qt</td><td>%2</td></tr><tr><td>LibTorch</td><td>%3</td></tr>"
           "<tr><td>Device</td><td>%4</td></tr></table>")
            .arg(appVersion(), QString::fromLatin1(qVersion()),
                 QStringLiteral("%1.%2.%3").arg(TORCH_VERSION_MAJOR).arg(TORCH_VERSION_MINOR).arg(TORCH_VERSION_PATCH),
                 device));
}
