#include "mainwindow.h"

#include "bundled.h"

#include "dataview.h"
#include "dialogs.h"
#include "exports.h"
#include "modeldocument.h"
#include "neighbourlookup.h"
#include "runfollower.h"
#include "helppanel.h"
#include "language.h"
#include "preferencesdialog.h"
#include "qualitycontroller.h"
#include "boundpanel.h"
#include "qualityview.h"
#include "classpicker.h"
#include "reverseview.h"
#include "runactions.h"
#include "samplingruns.h"
#include "schedulesview.h"
#include "scoreview.h"
#include "settings.h"
#include "settingsbinder.h"
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
#include <QImageWriter>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

#include <torch/version.h>

#include <utility>

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
    m_document = new ModelDocument(m_training, m_settings, this);
    m_training->setCpuThreads(
        m_settings.get(setting::CpuThreads)); // on its worker thread: OpenMP's count is per thread

    m_tabs = new QTabWidget(this);
    m_dataView = new DataView(m_tabs);
    m_trainingView = new TrainingView(m_tabs);
    m_reverseView = new ReverseView(m_tabs);
    m_schedulesView = new SchedulesView(m_tabs);
    m_qualityView = new QualityView(m_tabs);
    m_scoreView = new ScoreView(m_tabs);
    QWidget* const views[kViews] = {m_dataView,      m_trainingView, m_reverseView,
                                    m_schedulesView, m_qualityView,  m_scoreView};
    for (int i = 0; i < kViews; ++i)
        m_tabs->addTab(views[i], viewTitle(View(i)));
    setCentralWidget(m_tabs);
    setAcceptDrops(true); // checkpoints, run logs and data sets dropped from a file manager (menus.cpp)
    m_binder = std::make_unique<SettingsBinder>(m_settings, m_trainingView, m_reverseView);
    m_runs = new SamplingRuns(m_training, m_sampling, m_reverseView, m_document, m_settings, this);
    m_neighbours = new NeighbourLookup(m_quality, this);
    m_follower = new RunFollower(
        m_document, m_training, [this] { return m_trainingView->device(); }, this);
    wireFollower();
    Exports::Sources sources;
    sources.reverse = &m_reverseView->runs();
    sources.animationFps = [this] { return m_reverseView->scrubber()->fps(); };
    sources.quality = &m_qualityView->results();
    sources.forward = [d = m_dataView] {
        return Exports::ForwardStrip{d->forwardFrames(), d->forwardLabels(), d->schedule(),
                                     d->spec(),          d->selectedImage(), d->noiseSeed()};
    };
    sources.lossHistory = [this] { return m_trainingView->lossHistory(); };
    sources.lossChartImage = [this] { return m_trainingView->lossChart()->picture(QSize(900, 500)); };
    sources.model = [this] { return m_training->snapshot(); };
    sources.trainingStep = [this] { return m_training->step(); };
    m_qualityView->boundPanel()->setModelSource([this] { return m_training->snapshot(); });
    sources.currentWeights = [this] { return currentWeightsFile(); };
    m_exports = new Exports(std::move(sources), this);

    m_help = new HelpPanel(this);
    m_helpDock = new QDockWidget(tr("What am I looking at?"), this);
    m_helpDock->setObjectName(QStringLiteral("helpDock"));
    m_helpDock->setWidget(m_help);
    addDockWidget(Qt::RightDockWidgetArea, m_helpDock);
    m_helpDock->hide();

    buildMenus();
    buildStatusBar();

    wireData();
    wireTraining();
    wireSampling();
    wireQuality();
    wireHelp();

    restoreSettings();
    showHelpFor(m_tabs->currentIndex());
    // Ready at once: the last (or default) data set and a fresh model of the remembered preset.
    const QString spec =
        m_settings.lastDataSpec().isEmpty() ? QString::fromStdString(defaultDataSpec()) : m_settings.lastDataSpec();
    newModel();
    loadData(spec);
}

MainWindow::~MainWindow()
{
    Dialogs::setSettings(nullptr);
    m_exports->waitForFinished();
    m_quality->shutdown();
    m_sampling->shutdown();
    m_training->shutdown();
}

// The data set: loaded off the GUI thread, shown, handed to the trainer.
void MainWindow::wireData()
{
    connect(m_dataView, &DataView::sourceRequested, this, &MainWindow::loadData);
    connect(m_loader, &DataLoader::loaded, this, &MainWindow::onDataLoaded);
    connect(m_loader, &DataLoader::failed, this, [this](const QString& message, const QString&) {
        m_startWhenLoaded = false;
        m_dataView->setLoadFailed(message);
        m_dataView->setSourceSpec(m_dataSpec);
        showError(message);
    });
    connect(m_dataView, &DataView::imageSelected, this,
            [this] { m_schedulesView->setImage(m_dataView->currentImage()); });
    connect(m_dataView, &DataView::denoiseFromHere, m_runs, &SamplingRuns::denoiseFromHere);
    connect(m_dataView, &DataView::interpolateRequested, m_runs, &SamplingRuns::interpolate);
    connect(m_reverseView->runActions(), &RunActions::interpolateRequested, m_runs, &SamplingRuns::interpolateRun);
    connect(m_reverseView->runActions(), &RunActions::neighboursRequested, m_neighbours, &NeighbourLookup::lookUp);
}

// Training: the form's buttons and settings to the controller, its progress and results to the views.
void MainWindow::wireTraining()
{
    connect(m_trainingView, &TrainingView::startRequested, this, &MainWindow::startTraining);
    connect(m_trainingView, &TrainingView::pauseRequested, m_training, &TrainingController::pause);
    connect(m_trainingView, &TrainingView::resumeRequested, m_training, &TrainingController::resume);
    connect(m_trainingView, &TrainingView::stopRequested, m_training, &TrainingController::stop);
    connect(m_trainingView, &TrainingView::configEdited, this, &MainWindow::onConfigEdited);
    connect(m_training, &TrainingController::openingChanged, m_trainingView, &TrainingView::setOpening);
    connect(m_training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        // A refusal of the Start before ("raise the number of steps") no longer holds once a run goes, nor
        // does "paused" once it goes on or ends.
        const QString shown = statusBar()->currentMessage();
        if ((s == TrainingController::State::Running && shown == m_lastError) ||
            (s != TrainingController::State::Paused && !shown.isEmpty() && shown == m_pausedNote))
            statusBar()->clearMessage();
        if (s == TrainingController::State::Paused) {
            m_pausedNote =
                tr("Training paused at step %L1: Resume goes on from here, Stop ends the run").arg(m_training->step());
            statusBar()->showMessage(m_pausedNote);
        }
        m_trainingView->setState(s);
        updateTitle();
        updateStatus();
    });
    connect(m_training, &TrainingController::modelReady, this, &MainWindow::onModelReady);
    connect(m_trainingView, &TrainingView::precisionChanged, m_training, &TrainingController::setPrecision);
    connect(m_trainingView, &TrainingView::totalStepsChanged, m_training, &TrainingController::setTotalSteps);
    connect(m_trainingView, &TrainingView::previewIntervalChanged, m_training, &TrainingController::setPreviewInterval);
    connect(m_training, &TrainingController::progressAvailable, this, &MainWindow::onProgress);
    connect(m_training, &TrainingController::previewReady, m_trainingView, &TrainingView::showPreview);
    connect(m_training, &TrainingController::failed, this, [this](const QString& message) {
        // A followed run's checkpoint caught half-written (or gone a moment) is said in the status bar, not in
        // a dialog at each refresh that waits for someone at the screen: the next refresh reads it again.
        if (!m_follower->isFollowing())
            return showError(message);
        if (m_training->isOpening()) // the run's checkpoint as last written
            m_follower->openFailed(message);
        m_lastError = message;
        statusBar()->showMessage(tr("Following the run: %1").arg(message), 15000);
    });
    connect(m_training, &TrainingController::saved, this, [this](const QString& path) {
        m_document->setPath(path);
        m_qualityView->setModelName(QFileInfo(path).fileName());
        m_settings.addRecentFile(path);
        updateRecentMenu();
        updateTitle();
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(m_training, &TrainingController::finished, this, &MainWindow::onTrainingFinished);
    connect(m_training, &TrainingController::snapshotReady, this, [this](SnapshotPtr s) {
        m_trainingView->setModelSnapshot(s); // the form compares its settings with the model's
        m_reverseView->setRawWeightsDistinct(!s->samplingOnly);
        updateStatus();
    });
}

// The reverse process: requests from the views, frames and ends to the Reverse view.
void MainWindow::wireSampling()
{
    connect(m_reverseView, &ReverseView::runRequested, this, &MainWindow::startSampling);
    connect(m_reverseView, &ReverseView::cancelRequested, m_sampling, &SamplingController::cancel);
    connect(m_reverseView, &ReverseView::forkRequested, m_runs, &SamplingRuns::forkAt);
    connect(m_runs, &SamplingRuns::runShown, this, [this] { setView(Reverse); });
    connect(m_runs, &SamplingRuns::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_runs, &SamplingRuns::failed, this, &MainWindow::showError);
    connect(m_sampling, &SamplingController::started, m_reverseView, &ReverseView::setTimesteps);
    connect(m_sampling, &SamplingController::framesAvailable, this, &MainWindow::onFrames);
    connect(m_sampling, &SamplingController::finished, this, [this](bool completed, bool failed) {
        onFrames();
        m_reverseView->end(completed, failed);
    });
    connect(m_sampling, &SamplingController::failed, this, &MainWindow::showError);
}

// Quality: measure and cancel from the view, progress and reports back to it.
void MainWindow::wireQuality()
{
    connect(m_qualityView, &QualityView::measureRequested, this, &MainWindow::startQuality);
    connect(m_qualityView, &QualityView::cancelRequested, m_quality, &QualityController::cancel);
    connect(m_qualityView, &QualityView::exportRequested, this, [this] {
        exportWithDialog(tr("Export the quality measurements"), QStringLiteral("quality.csv"), tr("CSV files (*.csv)"),
                         &Exports::qualityCsv);
    });
    // The request id is the controller's business: the view takes the run, the runs and the image-steps.
    connect(m_quality, &QualityController::progress, m_qualityView,
            [this](quint64, int run, int runs, qint64 done, qint64 total) {
                m_qualityView->setProgress(run, runs, done, total);
            });
    connect(m_quality, &QualityController::preparing, m_qualityView,
            [this](quint64, qint64 done, qint64 total) { m_qualityView->setPreparing(done, total); });
    connect(m_quality, &QualityController::reportReady, this, [this](quint64, int, const QualityReport& report) {
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
}

QString MainWindow::currentPath() const
{
    return m_document->path();
}

bool MainWindow::isReady() const
{
    return m_data && m_training->hasModel() && !m_loader->isLoading() &&
           m_training->state() == TrainingController::State::Idle;
}

void MainWindow::newModel(const QString& startFrom)
{
    m_follower->stop(); // no refresh of the run may land after the new model
    auto config = m_trainingView->formConfig();
    config.dataSpec = m_dataSpec.isEmpty() ? defaultDataSpec() : m_dataSpec.toStdString();
    if (m_trainingView->conditional()) {
        QString why;
        if (!m_data)
            why = tr("the data set is still loading");
        else if (auto s = setClasses(config, *m_data); !s)
            why = ddpm::errorText(s);
        if (!why.isEmpty())
            QMessageBox::warning(this, tr("Class-conditional model"),
                                 tr("A class-conditional model cannot be made on this data set: %1. The new model "
                                    "is unconditional.")
                                     .arg(why));
    }
    m_document->newModel(config, m_trainingView->device(), startFrom);
}

void MainWindow::saveTo(const QString& path)
{
    // A name typed with an image's or a log's extension would look like one: refused, the model kept.
    const QString type = QFileInfo(path).suffix().toLower();
    if (QImageWriter::supportedImageFormats().contains(type.toLatin1()) ||
        QStringList{QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("csv"), QStringLiteral("json")}
            .contains(type))
        return showError(tr("A model is saved as a .ckpt file; “%1” would look like a .%2 file. Give the name "
                            "without .%2 (or with .ckpt).")
                             .arg(QFileInfo(path).fileName(), type));
    // The save waits its turn on the training worker (behind a preview, a step): say that it is coming,
    // until "Saved" or the error replaces this.
    statusBar()->showMessage(tr("Saving %1…").arg(QFileInfo(path).fileName()));
    m_document->save(path);
}

void MainWindow::loadData(const QString& spec)
{
    const auto snap = m_training->snapshot();
    const auto& u = snap ? snap->config.unet : m_trainingView->formConfig().unet;
    m_dataView->setLoading(tr("Loading %1…").arg(DataLoader::displayName(spec)));
    m_dataRequested = QSize(static_cast<int>(u.imageChannels()), static_cast<int>(u.imageSize()));
    m_loader->load(spec, m_dataRequested.width(), m_dataRequested.height());
}

void MainWindow::startTraining()
{
    if (m_training->isOpening()) { // the form, the file and the data check would be the previous model's
        statusBar()->showMessage(tr("A model is being opened; Start when it is there."), 5000);
        return;
    }
    if (m_loader->isLoading()) { // a new model's data set, at its size: training begins once it is in
        m_startWhenLoaded = true;
        statusBar()->showMessage(tr("Training starts once the data set is loaded."), 10000);
        return;
    }
    if (!m_data) {
        showError(tr("Choose a data set first."));
        return;
    }
    // Refused before a run begins (the worker would refuse it after): and how to give the data labels.
    if (const auto snap = m_training->snapshot(); snap && snap->config.conditional() && !m_data->labels.defined())
        return showError(tr("This model is class-conditional, and %1 has no labels. Give it a data set with "
                            "labels (an image folder with one subfolder per class), or start a model without "
                            "classes (untick Class-conditional).")
                             .arg(m_data->spec.empty()
                                      ? QString::fromStdString(m_data->name)
                                      : DataLoader::displayName(QString::fromStdString(m_data->spec))));
    if (const QString problem = trainingDataProblem(m_training->snapshot()); !problem.isEmpty())
        return showError(TrainingController::tr("The model cannot train on this data set: %1").arg(problem));
    m_training->setPreviewInterval(m_trainingView->previewInterval());
    // The form as it is now: its optimiser settings, device and the threads reach the trainer at Start.
    TrainingRequest r;
    r.totalSteps = m_trainingView->totalSteps();
    if (m_training->step() >= r.totalSteps) // (the worker checks again) before a read-only file is let go
        return showError(TrainingController::stepsReached(m_training->step()));
    r.options = m_trainingView->formOptions();
    r.device = m_trainingView->device();
    r.threads = m_settings.get(setting::CpuThreads);
    r.precision = m_trainingView->precision();
    if (m_document->isReadOnly()) { // the demo model, a followed run's checkpoint: trained on as a copy
        statusBar()->showMessage(
            tr("Training a copy of %1; the file itself stays as it is.").arg(QFileInfo(m_document->path()).fileName()),
            8000);
        m_document->setPath(QString());
        updateTitle();
    } else if (m_sampling->isRunning() || m_quality->isRunning()) { // the first steps are slow, and why
        statusBar()->showMessage(tr("Training shares the CPU with the sampling going on: its first steps are slow, "
                                    "and it speeds up when that ends."),
                                 10000);
    }
    m_training->start(r);
}

void MainWindow::startQuality(const QualityOptions& options, const std::vector<SamplerOptions>& runs)
{
    const auto snap = m_training->snapshot();
    if (!snap) {
        showError(tr("There is no model to measure."));
        return;
    }
    QualityRequest r;
    r.model = snap;
    r.options = options;
    r.runs = runsFitting(runs, snap->config.schedule.steps); // a sweep's 250 DDIM steps need T ≥ 250
    if (r.runs.empty()) {
        showError(tr("The sampler asks for more steps than this model's T = %1 diffusion steps.")
                      .arg(snap->config.schedule.steps));
        return;
    }
    r.threads = m_settings.get(setting::CpuThreads);
    m_qualityStep = snap->step;
    if (m_quality->start(r) != 0)
        m_qualityView->begin(static_cast<int>(r.runs.size()));
}

void MainWindow::onModelReady(SnapshotPtr snapshot, const QString& sourcePath)
{
    // A followed run's checkpoint written anew is the same model further on: sampling it goes on.
    const bool refreshed = !sourcePath.isEmpty() && QFileInfo(sourcePath) == QFileInfo(m_document->path());
    m_document->setPath(sourcePath);
    // Results of the model before do not describe this one, nor does a measurement or a sampling run of it
    // still running (its images would land in the Reverse view after this model's).
    if (m_quality->isRunning())
        m_quality->abandon();
    if (m_sampling->isRunning() && !refreshed)
        m_sampling->cancel();
    m_qualityView->clearResults(sourcePath.isEmpty() ? tr("the new model") : QFileInfo(sourcePath).fileName());
    m_qualityView->boundPanel()->clear();
    if (snapshot->config.unet.imageChannels() != 1)
        m_qualityView->setAvailable(false, tr("Quality is measured for grey Fashion-MNIST-like models; this model "
                                              "makes colour images."));
    else if (classifierPath().isEmpty())
        m_qualityView->setAvailable(
            false, tr("The quality classifier is not installed (%1).").arg(QString::fromLatin1(kClassifierFile)));
    else if (!fashionMnistAvailable())
        m_qualityView->setAvailable(false, tr("Quality is measured against the Fashion-MNIST test images; install "
                                              "the dataset-fashion-mnist package."));
    else
        m_qualityView->setAvailable(true);
    m_qualityView->setConditional(snapshot->config.unet.numClasses() > 0);
    m_qualityView->setModelSteps(snapshot->config.schedule.steps);
    if (!sourcePath.isEmpty()) {
        m_settings.addRecentFile(sourcePath);
        updateRecentMenu();
        // The file's name: a whole path would run under the status bar's permanent fields (the Recent menu
        // and the title name the file too).
        statusBar()->showMessage(
            tr("Opened %1 at step %2").arg(QFileInfo(sourcePath).fileName(), QLocale().toString(snapshot->step)), 5000);
    }
    // Trained weights: a step taken, or a start from another model's weights (New model from weights…).
    const bool trained = snapshot->step > 0 || !snapshot->config.initFrom.empty();
    m_trainingView->showModel(snapshot, trained);
    updateTrainingLiveValues();
    m_reverseView->setModelAvailable(true);
    m_reverseView->setModelSteps(static_cast<int>(snapshot->config.schedule.steps));
    m_reverseView->setRawWeightsDistinct(!snapshot->samplingOnly);
    m_reverseView->classPicker()->setClassNames(classDisplayNames(classNamesOf(snapshot->config)));
    if (trained)
        m_training->requestPreview();
    m_dataView->setSchedule(snapshot->config.schedule);
    m_dataView->setModelSchedule(snapshot->config.schedule); // "Denoise from here" noises with it
    if (m_sampleDemoWhenReady && isDemoModel(sourcePath)) {
        // First launch: a short deterministic DDIM run (ready in seconds), so that the first thing a user
        // can do is what the app is for: scrub and watch the garments emerge.
        m_sampleDemoWhenReady = false;
        auto o = m_reverseView->samplerOptions();
        o.kind = SamplerKind::Ddim;
        o.ddimSteps = SamplerOptions{}.ddimSteps;
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
    m_trainingView->setDataSpec(m_dataSpec, trainingDataProblem(snapshot));
    updateTitle();
    updateStatus();
}

void MainWindow::onProgress()
{
    const auto p = m_training->takeProgress();
    m_trainingView->addProgress(p);
    m_reverseView->setRawWeightsDistinct(true); // steps taken: the raw weights are no longer the EMA ones
    updateTrainingLiveValues();
    updateStatus();
    updateTitle(); // steps past a save made while paused: unsaved again
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
    v[QStringLiteral("step")] = QLocale().toString(std::max(m_training->step(), m_trainingView->lastStep()));
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
    m_runs->sample();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_closing && m_document->hasWorkToKeep()) {
        // Asked, and once the work is kept (or dropped) the window closes again, this time for good.
        event->ignore();
        m_document->keepWorkThen([this] {
            // Queued: Qt ignores a close() asked for while this close event is still being handled.
            m_closing = true;
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        });
        return;
    }
    m_closing = true;
    saveSettings();
    m_exports->waitForFinished(); // a file half written would be lost; exports take seconds
    // Every worker stops here; results already queued for the window arrive at controllers that are
    // shut down and are dropped (tst_studio::closeWithWorkInFlight).
    m_quality->shutdown();
    m_sampling->shutdown();
    m_training->shutdown();
    m_closed = true;
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
    setWindowTitle(tr("%1%2 — DDPM Studio")
                       .arg(m_document->displayName(), m_training->isDirty() ? QStringLiteral(" *") : QString()));
}

Exports::WeightsFile MainWindow::currentWeightsFile() const
{
    const QString path = m_document->path();
    if (path.isEmpty() || m_training->isDirty())
        return {};
    const QFileInfo info(path);
    return {path, info.size(), info.lastModified()};
}
