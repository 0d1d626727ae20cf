// The window's menus and status bar (MainWindow, mainwindow.h): what each item does is a call into the
// document, the exports or the views; this file only builds and enables them.
#include "mainwindow.h"

#include "runfollower.h"

#include "bundled.h"

#include "dataview.h"
#include "dialogs.h"
#include "exports.h"
#include "modeldocument.h"
#include "helppanel.h"
#include "language.h"
#include "preferencesdialog.h"
#include "qualitycontroller.h"
#include "qualityview.h"
#include "reverseview.h"
#include "samplingruns.h"
#include "schedulesview.h"
#include "settings.h"
#include "settingsbinder.h"
#include "threadpriority.h"
#include "trainingview.h"

#include "animation.h"
#include "bench.h"
#include "imageio.h"
#include "losshistory.h"
#include "messages.h"
#include "modelfile.h"

#include "losschart.h"
#include "timestepscrubber.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>
#include <QProgressBar>
#include <QResizeEvent>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

#include <torch/version.h>

#include <memory>

using namespace ddpm;

namespace {
// The platform's shortcut for `key`, or `fallback` where the platform has none (Save As and Preferences
// have none on a desktop-less X11 or on Windows).
void setShortcut(QAction* action, QKeySequence::StandardKey key, const QKeySequence& fallback)
{
    const auto bindings = QKeySequence::keyBindings(key);
    action->setShortcuts(bindings.isEmpty() ? QList<QKeySequence>{fallback} : bindings);
}
} // namespace

void MainWindow::buildMenus()
{
    buildFileMenu();
    buildExportMenu();
    buildViewMenus();
}

// New model, and New model from another's weights (as ddpm train --init).
void MainWindow::addNewModelActions(QMenu* file)
{
    auto* newAct =
        file->addAction(tr("&New model"), this, [this] { m_document->keepWorkThen([this] { newModel(); }); });
    newAct->setShortcut(QKeySequence::New);
    auto* fromAct = file->addAction(tr("New model from &weights…"), this, [this] {
        const QString path = Dialogs::openPath(this, tr("Start a new model from another model's weights"),
                                               QStringLiteral("models"), QFileInfo(m_document->path()).absolutePath(),
                                               tr("DDPM checkpoints (*.ckpt *.pt);;All files (*)"));
        if (path.isEmpty())
            return;
        // The file first, as Open does: a file that is no model does not cost the work on hand.
        if (auto opened = openModelFile(path.toStdString()); !opened)
            return showError(ddpm::errorText(opened));
        m_document->keepWorkThen([this, path] { newModel(path); });
    });
    fromAct->setStatusTip(tr("A new model that starts from another model's weights, with its network, schedule and "
                             "prediction, and the training settings and classes of this form: fine-tune a model on "
                             "other data, or make a class-conditional model from an unconditional one"));
}

void MainWindow::buildFileMenu()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    addNewModelActions(file);
    auto* openAct = file->addAction(tr("&Open…"), this, [this] {
        // The file first: cancelling the file dialog leaves training as it was.
        const QString path = Dialogs::openPath(this, tr("Open a checkpoint"), QStringLiteral("models"),
                                               QFileInfo(m_document->path()).absolutePath(),
                                               tr("DDPM checkpoints (*.ckpt *.pt);;All files (*)"));
        if (!path.isEmpty())
            openCheckpointAsked(path);
    });
    openAct->setShortcut(QKeySequence::Open);
    auto* followAct = file->addAction(tr("&Follow training run…"), this, [this] {
        // The run may not have written its checkpoint yet: a name to come is taken, and waited for.
        const QString path = Dialogs::comingPath(
            this, tr("Follow a training run: its checkpoint or its log"), QStringLiteral("models"),
            QFileInfo(m_document->path()).absolutePath(),
            tr("Checkpoints and training logs (*.ckpt *.csv);;DDPM checkpoints (*.ckpt);;Training logs (*.csv)"));
        if (!path.isEmpty())
            followRun(path);
    });
    followAct->setStatusTip(tr("Watch a run that trains elsewhere (ddpm train with --save-every, on a server or in "
                               "another process): its checkpoint is opened again each time the run writes it, "
                               "read-only, and its log (--log, the same name ending in .csv) brings the loss "
                               "chart up to the step the run is at"));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    auto* demoAct = file->addAction(tr("Open &demo model"), this,
                                    [this] { m_document->keepWorkThen([this] { openDemoModel(); }); });
    demoAct->setEnabled(!demoModelPath().isEmpty());
    demoAct->setStatusTip(tr("A Fashion-MNIST model that ships with the program, to watch denoising at once"));
    file->addSeparator();
    auto* saveAct = file->addAction(tr("&Save"), this, [this] {
        if (m_document->savePath().isEmpty()) { // no file yet, or the demo model, which stays as shipped
            const QString p = Dialogs::savePath(this, tr("Save the model"), QStringLiteral("models"),
                                                m_settings.exportFolder() + QStringLiteral("/model.ckpt"),
                                                tr("DDPM checkpoints (*.ckpt)"));
            if (!p.isEmpty())
                saveTo(p);
        } else {
            saveTo(m_document->savePath());
        }
    });
    saveAct->setShortcut(QKeySequence::Save);
    auto* saveAsAct = file->addAction(tr("Save &as…"), this, [this] {
        const QString p = Dialogs::savePath(this, tr("Save the model as"), QStringLiteral("models"),
                                            m_document->savePath().isEmpty()
                                                ? m_settings.exportFolder() + QStringLiteral("/model.ckpt")
                                                : m_document->savePath(),
                                            tr("DDPM checkpoints (*.ckpt)"));
        if (!p.isEmpty())
            saveTo(p);
    });
    setShortcut(saveAsAct, QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addSeparator();
    auto* prefs = file->addAction(tr("&Preferences…"), this, [this] {
        PreferencesDialog dialog(m_settings, this);
        if (dialog.exec() == QDialog::Accepted)
            m_training->setCpuThreads(m_settings.get(setting::CpuThreads));
    });
    setShortcut(prefs, QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    setShortcut(quit, QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q));
    updateRecentMenu();
}

void MainWindow::followRun(const QString& path)
{
    if (RunFollower::isLog(path) && !RunFollower::startsAsLog(path)) // another table (an exported loss CSV)
        return showError(tr("%1 is not a training log: its first line is not \"%2\", as the log of ddpm train "
                            "--log begins.")
                             .arg(QFileInfo(path).fileName(), QString::fromLatin1(ddpm::kTrainingLogHeader)));
    QString checkpoint = RunFollower::isLog(path) ? RunFollower::companion(path) : path;
    QString log = RunFollower::isLog(path) ? path : RunFollower::companion(path);
    if (log.isEmpty() && !QFileInfo::exists(checkpoint)) // a run still to begin: its log, if any, comes beside
        log = RunFollower::sibling(checkpoint);
    if (!log.isEmpty() && !RunFollower::startsAsLog(log)) // beside the checkpoint, of its name, but no log
        log.clear();
    if (checkpoint.isEmpty()) // a log with no checkpoint of its name beside it
        checkpoint = Dialogs::comingPath(
            this, tr("The checkpoint the run of %1 writes").arg(QFileInfo(path).fileName()), QStringLiteral("models"),
            QFileInfo(path).absolutePath(), tr("DDPM checkpoints (*.ckpt *.pt);;All files (*)"));
    if (checkpoint.isEmpty())
        return;
    if (!QFileInfo::exists(checkpoint) && !QFileInfo(checkpoint).absoluteDir().exists()) // no run can write it
        return showError(
            tr("The folder %1 does not exist, so no run writes %2 there.")
                .arg(QDir::toNativeSeparators(QFileInfo(checkpoint).absolutePath()), QFileInfo(checkpoint).fileName()));
    // A checkpoint already there is checked before the work on hand is put aside (one still to come is
    // waited for).
    if (QFileInfo::exists(checkpoint))
        if (auto opened = openModelFile(checkpoint.toStdString()); !opened)
            return showError(ddpm::errorText(opened));
    m_document->keepWorkThen([this, checkpoint, log] {
        m_follower->follow(checkpoint, log);
        showFollowWait(checkpoint);
    });
}

// Until the followed run's checkpoint is there: said in the status bar when following begins, and again
// whenever the status bar is free (RunFollower::waitingFor).
void MainWindow::showFollowWait(const QString& checkpoint)
{
    if (!QFileInfo::exists(checkpoint))
        statusBar()->showMessage(
            tr("Following %1 in %2: it opens once the run writes it.")
                .arg(QFileInfo(checkpoint).fileName(), QDir::toNativeSeparators(QFileInfo(checkpoint).absolutePath())));
}

// The followed run's log rows, its state at each look, and a word in the status bar when it finishes,
// goes quiet, is gone or cannot be opened.
void MainWindow::wireFollower()
{
    connect(m_follower, &RunFollower::logProgress, m_trainingView, &TrainingView::addProgress);
    connect(m_follower, &RunFollower::logProgress, this, &MainWindow::updateTrainingLiveValues);
    connect(m_follower, &RunFollower::followingChanged, m_trainingView, &TrainingView::setFollowing);
    connect(m_follower, &RunFollower::waitingFor, this, [this](const QString& checkpoint) {
        if (statusBar()->currentMessage().isEmpty()) // not over an error, a menu's tip, a progress
            showFollowWait(checkpoint);
    });
    connect(m_follower, &RunFollower::runLooked, this, [this](const FollowedRun& run, bool changed) {
        const QString file = QFileInfo(m_follower->path()).fileName();
        m_trainingView->setFollowedRun(run, file);
        using S = FollowedRun::State;
        if (changed && run.state != S::Writing && run.state != S::Waiting && run.state != S::Unreadable)
            statusBar()->showMessage(TrainingView::followNote(run, file), 30000); // (an open's failure: said)
    });
}

// A checkpoint, a run's log or a data set dragged from a file manager onto the window.
void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (droppedFile(event->mimeData()).kind != DroppedFile::None)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const DroppedFile file = droppedFile(event->mimeData());
    if (file.kind == DroppedFile::None)
        return;
    event->acceptProposedAction();
    // After the drop has returned to the file manager: what it opens may ask a question first.
    QTimer::singleShot(0, this, [this, file] { openDropped(file); });
}

void MainWindow::openDropped(const DroppedFile& file)
{
    switch (file.kind) {
    case DroppedFile::Checkpoint:
        openCheckpointAsked(file.path);
        break;
    case DroppedFile::RunLog:
        followRun(file.path);
        break;
    case DroppedFile::DataSet:
        setView(Data);
        loadData(file.spec);
        break;
    case DroppedFile::None:
        break;
    }
}

void MainWindow::buildExportMenu()
{
    auto* exp = menuBar()->addMenu(tr("&Export"));
    auto* grid = exp->addAction(tr("&Sample grid as PNG…"), this, [this] {
        exportWithDialog(tr("Export the sample grid"), QStringLiteral("samples.png"), tr("PNG images (*.png)"),
                         &Exports::sampleGrid);
    });
    auto* folder = exp->addAction(tr("&Every sample as PNG into a folder…"), this, [this] {
        const QString dir = Dialogs::folderPath(this, tr("Export every sample into"), QStringLiteral("exports"),
                                                m_settings.exportFolder());
        if (dir.isEmpty())
            return;
        // An earlier export there: ask before replacing it, rather than mixing old and new files.
        const QStringList earlier = earlierExports(dir, kSampleName);
        const auto images = std::count_if(earlier.begin(), earlier.end(), // not their sidecars
                                          [](const QString& f) { return !f.endsWith(QLatin1String(".json")); });
        if (!earlier.isEmpty() &&
            Dialogs::question(this, tr("Earlier export"),
                              (images == 1 ? tr("%1 already holds an earlier export (one image, %2). Replace it?")
                                           : tr("%1 already holds an earlier export (%n images, %2 …). Replace it?",
                                                nullptr, static_cast<int>(images)))
                                  .arg(QDir::toNativeSeparators(dir), QFileInfo(earlier.first()).fileName()),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            statusBar()->showMessage(tr("Nothing exported: the folder keeps its earlier export."), 5000);
            return;
        }
        runExport(m_exports->samplesToFolder(dir, !earlier.isEmpty()), QDir::toNativeSeparators(dir),
                  tr("Exported the samples to %1").arg(QDir::toNativeSeparators(dir)));
    });
    auto* rstrip = exp->addAction(tr("&Reverse-process strip as PNG…"), this, [this] {
        exportWithDialog(tr("Export the reverse-process strip"), QStringLiteral("reverse-strip.png"),
                         tr("PNG images (*.png)"), &Exports::reverseStrip);
    });
    auto* rgif = exp->addAction(tr("Reverse process as animated &GIF…"), this, [this] {
        exportWithDialog(tr("Export the reverse process as GIF"), QStringLiteral("reverse.gif"),
                         tr("GIF animations (*.gif)"), &Exports::reverseGif);
    });
    auto* rwebp = exp->addAction(tr("Reverse process as animated &WebP…"), this, [this] {
        exportWithDialog(tr("Export the reverse process as WebP"), QStringLiteral("reverse.webp"),
                         tr("WebP animations (*.webp)"), &Exports::reverseWebP);
    });
    auto* fstrip = exp->addAction(tr("&Forward-process strip as PNG…"), this, [this] {
        exportWithDialog(tr("Export the forward-process strip"), QStringLiteral("forward-strip.png"),
                         tr("PNG images (*.png)"), &Exports::forwardStrip);
    });
    exp->addSeparator();
    auto* losscsv = exp->addAction(tr("&Loss history as CSV…"), this, [this] {
        exportWithDialog(tr("Export the loss history"), QStringLiteral("loss.csv"), tr("CSV files (*.csv)"),
                         &Exports::lossCsv);
    });
    auto* losschart = exp->addAction(tr("Loss &chart as PNG…"), this, [this] {
        exportWithDialog(tr("Export the loss chart"), QStringLiteral("loss-chart.png"), tr("PNG images (*.png)"),
                         &Exports::lossChart);
    });
    auto* qualitycsv = exp->addAction(tr("&Quality measurements as CSV…"), this, [this] {
        exportWithDialog(tr("Export the quality measurements"), QStringLiteral("quality.csv"), tr("CSV files (*.csv)"),
                         &Exports::qualityCsv);
    });

    // Items with nothing to export are disabled, instead of asking for a file name and then saying so.
    connect(exp, &QMenu::aboutToShow, this, [=] {
        const bool samples = !m_reverseView->finalImages().isEmpty();
        const bool reverse = m_reverseView->frameCount() > 0 && !m_reverseView->shownRunIsLive(); // whole or stopped
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
}

// View, Language and Help.
void MainWindow::buildViewMenus()
{
    auto* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < kViews; ++i) {
        auto* a = view->addAction(viewTitle(View(i)), this, [this, i] { setView(View(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    auto* lang = menuBar()->addMenu(tr("&Language"));
    auto* group = new QActionGroup(this);
    const QList<QPair<QString, QString>> languages{{QString(), tr("System default")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    // The language ticked: the one in effect (also when --language chose it), then the one chosen last.
    auto ticked = std::make_shared<QString>(installedLanguage());
    for (const auto& [code, name] : languages) {
        auto* a = lang->addAction(name);
        a->setCheckable(true);
        a->setChecked(*ticked == code);
        group->addAction(a);
        a->setData(code);
        connect(a, &QAction::triggered, this, [this, code = code, group, ticked] {
            if (setLanguage(code))
                *ticked = code;
            else // Cancel: the tick goes back
                for (QAction* other : group->actions())
                    other->setChecked(other->data().toString() == *ticked);
        });
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
    m_exportProgress->setRange(0, 0); // busy: how long hashing and encoding take is not known
    m_exportProgress->setFormat(QString());
    m_exportProgress->hide();
    statusBar()->addPermanentWidget(m_exportProgress);
    connect(m_exports, &Exports::writing, this, [this](const QString& what) {
        m_exportProgress->setToolTip(tr("Writing %1").arg(what));
        m_exportProgress->show();
        statusBar()->showMessage(tr("Writing %1…").arg(what));
    });
    connect(m_exports, &Exports::written, this, [this](const QString& done) {
        m_exportProgress->hide();
        statusBar()->showMessage(done, 5000);
    });
    connect(m_exports, &Exports::failed, this, [this](const QString& message) {
        m_exportProgress->hide();
        showError(message);
    });
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_precisionLabel);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_stepLabel);
    connect(statusBar(), &QStatusBar::messageChanged, this, &MainWindow::fitStatusMessage);
}

// A message the permanent fields would cut ("Opened …" in German beside them): the model's, the
// precision's, the device's and last the step's field step aside while it shows. Again when the window's
// width changes.
void MainWindow::fitStatusMessage(const QString& message)
{
    const QList<QLabel*> yielding = {m_modelLabel, m_precisionLabel, m_deviceLabel, m_stepLabel};
    for (auto* label : yielding)
        label->show();
    if (message.isEmpty() || !statusBar()->isVisible()) // nothing laid out to measure yet
        return;
    const auto width = [](QWidget* w) { return w->isHidden() ? 0 : w->sizeHint().width() + 12; }; // and spacing
    int room = statusBar()->width() - 40 - width(m_exportProgress);
    for (auto* label : yielding)
        room -= width(label);
    const int needed = statusBar()->fontMetrics().horizontalAdvance(message);
    for (auto* label : yielding) {
        if (needed <= room)
            break;
        room += width(label);
        label->hide();
    }
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    fitStatusMessage(statusBar()->currentMessage());
}

void MainWindow::openCheckpoint(const QString& path)
{
    m_follower->stop(); // no refresh of the run may land after this file
    m_document->open(path, m_trainingView->device());
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

bool MainWindow::openStartupModel(bool sampleDemo)
{
    // The model of the last session when it is still there; at first launch the demo model, so that
    // the Reverse view shows garments emerging at once.
    for (const QString& f : m_settings.recentFiles()) {
        if (QFileInfo(f).isFile()) {
            openCheckpoint(f);
            return true;
        }
    }
    if (demoModelPath().isEmpty())
        return false;
    m_sampleDemoWhenReady = sampleDemo;
    openDemoModel();
    return true;
}

void MainWindow::openCheckpointAsked(const QString& path)
{
    if (auto opened = openModelFile(path.toStdString()); !opened) { // reads the settings, not the weights
        showError(ddpm::errorText(opened));
        return;
    }
    m_document->keepWorkThen([this, path] { openCheckpoint(path); });
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (const QString& f : files) {
        m_recentMenu->addAction(QDir::toNativeSeparators(f), this, [this, f] { openCheckpointAsked(f); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::exportWithDialog(const QString& title, const QString& suffix, const QString& filter,
                                  Exports::Job (Exports::*job)(const QString&) const)
{
    const QString path = Dialogs::savePath(this, title, QStringLiteral("exports"),
                                           QDir(m_settings.exportFolder()).filePath(suffix), filter);
    if (path.isEmpty())
        return;
    runExport((m_exports->*job)(path), QDir::toNativeSeparators(path),
              tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::runExport(Exports::Job job, const QString& what, const QString& done)
{
    if (!m_exports->run(std::move(job), what, done))
        statusBar()->showMessage(tr("Still writing the last export; try again when it is done."), 5000);
}

bool MainWindow::setLanguage(const QString& language)
{
    const QString before = m_settings.language();
    m_settings.setLanguage(language);
    const bool kept = m_settings.sync(); // else "at the next start" would not come
    if (language == installedLanguage()) // the one shown now (after a "No" for another): nothing to restart
        return true;
    // Every view is built in its language when it is created: switching means starting again (No: at the
    // next start; Cancel: not at all).
    const auto answer = Dialogs::question(
        this, tr("Language"),
        tr("The new language applies when DDPM Studio starts again. Restart now? (No: at the next start.)"),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
    const auto later = [this, kept] {
        statusBar()->showMessage(kept ? tr("The new language applies the next time DDPM Studio starts.")
                                      : m_settings.storageProblem(),
                                 8000);
    };
    if (answer == QMessageBox::Cancel) {
        m_settings.setLanguage(before);
        m_settings.sync();
        return false;
    }
    if (answer != QMessageBox::Yes) {
        later();
        return true;
    }
    m_document->keepWorkThen(
        [this, language] {
            // The new language even if this run was started with --language; the model open now, not the
            // one this run was started with.
            const QStringList args =
                restartArguments(QCoreApplication::arguments().mid(1), language, m_document->path());
            m_closing = true;
            if (QProcess::startDetached(QCoreApplication::applicationFilePath(), args))
                close();
            else
                m_closing = false;
        },
        later);
    return true;
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

void MainWindow::updateStatus()
{
    const auto snap = m_training->snapshot();
    QString device = QStringLiteral("CPU");
    if (snap)
        device = QString::fromStdString(deviceDescription(snap->device));
    m_deviceLabel->setText(tr("Device: %1").arg(device));
    if (snap)
        m_precisionLabel->setText(
            tr("Precision: %1").arg(engineText(precisionDescription(snap->model->precision(), snap->device))));
    if (snap)
        m_modelLabel->setText(tr("Model: %1, %L2 parameters")
                                  .arg(QString::fromStdString(snap->config.preset))
                                  .arg(snap->parameterCount()));
    m_stepLabel->setText(tr("Step %L1").arg(m_training->step()));
}
