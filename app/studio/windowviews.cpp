// The window's views (MainWindow, mainwindow.h): their keys and titles, the help panel that follows the
// one shown, the size, layout and view the window remembers between sessions, and the data set loaded:
// the views it goes to and the Training view's word on it.
#include "mainwindow.h"

#include "dataloader.h"
#include "dataview.h"
#include "helppanel.h"
#include "reverseview.h"
#include "schedulesview.h"
#include "scoreview.h"
#include "settings.h"
#include "settingsbinder.h"
#include "trainingcontroller.h"
#include "trainingview.h"

#include "messages.h"
#include "modeldocument.h"
#include "trainer.h"

#include <QLocale>
#include <QScreen>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>

void MainWindow::showHelpFor(int index)
{
    static const HelpPanel::Topic topics[] = {HelpPanel::Data,      HelpPanel::Training, HelpPanel::Reverse,
                                              HelpPanel::Schedules, HelpPanel::Quality,  HelpPanel::Score};
    const int view = std::clamp(index, 0, static_cast<int>(Score));
    m_help->setTopic(topics[view]);
    m_help->setLiveValues(m_liveValues[view]); // the values of the view now shown, in its meaning
}

// The help panel follows the view shown, with that view's live values.
void MainWindow::wireHelp()
{
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::showHelpFor);
    connect(m_dataView, &DataView::liveValuesChanged, this, [this](const QMap<QString, QString>& v) {
        showLiveValues(Data, v);
        if (v.contains(QStringLiteral("t")))
            m_schedulesView->setMarker(v.value(QStringLiteral("t")).toInt());
    });
    connect(m_reverseView, &ReverseView::liveValuesChanged, this,
            [this](const QMap<QString, QString>& v) { showLiveValues(Reverse, v); });
    connect(m_scoreView, &ScoreView::liveValuesChanged, this,
            [this](const QMap<QString, QString>& v) { showLiveValues(Score, v); });
}

void MainWindow::restoreSettings()
{
    if (const QString problem = m_settings.storageProblem(); !problem.isEmpty()) {
        // Said at the start, and kept in the status bar (a passing message would give way to "Opened …").
        qWarning("%s", qPrintable(problem));
        auto* unsaved = new QLabel(tr("Settings not saved"), this);
        unsaved->setToolTip(problem);
        statusBar()->addPermanentWidget(unsaved);
    }
    if (!m_settings.windowGeometry().isEmpty()) {
        restoreGeometry(m_settings.windowGeometry()); // Qt moves it onto a screen where it would be off
    } else {
        // 1400×880 where the screen has room; on a smaller one (1280×800) all of the window, status bar
        // included, within the screen's free area with room for the frame, centred on it.
        const QRect free = screen()->availableGeometry();
        const QSize fits = QSize(1400, 880).boundedTo(free.size() - QSize(16, 48));
        resize(fits.expandedTo(minimumSizeHint()));
        move(free.center() - rect().center());
    }
    if (!m_settings.windowState().isEmpty())
        restoreState(m_settings.windowState());
    m_tabs->setCurrentIndex(std::clamp(m_settings.get(setting::CurrentView), 0, kViews - 1));
    m_binder->restoreForms();
    m_training->setPrecision(m_trainingView->precision());
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.set(setting::CurrentView, m_tabs->currentIndex());
    m_binder->saveForms();
    m_settings.sync();
}

QStringList MainWindow::viewKeys()
{
    return {QStringLiteral("data"),      QStringLiteral("training"), QStringLiteral("reverse"),
            QStringLiteral("schedules"), QStringLiteral("quality"),  QStringLiteral("score")};
}

QString MainWindow::viewTitle(View view)
{
    switch (view) {
    case Data:
        return tr("Data && forward process");
    case Training:
        return tr("Training");
    case Reverse:
        return tr("Reverse process");
    case Schedules:
        return tr("Schedules");
    case Quality:
        return tr("Quality");
    case Score:
        return tr("Score");
    }
    return {};
}

void MainWindow::setView(View view)
{
    m_tabs->setCurrentIndex(view);
}

// Why `model` cannot train on the data set, for the Training view to say before a Start; nothing while
// the set is being read again at the model's size.
QString MainWindow::trainingDataProblem(const SnapshotPtr& model) const
{
    if (!model || !m_data)
        return {};
    const auto& u = model->config.unet;
    if (m_data->channels() != u.imageChannels() || m_data->height() != u.imageSize())
        return {};
    const auto fits = ddpm::checkTrainingData(model->config, *m_data);
    return fits ? QString() : ddpm::errorText(fits);
}

// A data set is in: the views and the trainer take it (a run under way keeps the one it began with).
void MainWindow::onDataLoaded(DatasetPtr data, const QString& spec)
{
    m_data = data;
    m_dataSpec = spec;
    m_settings.setLastDataSpec(spec);
    m_dataView->setDataset(data, spec);
    m_trainingView->setDataSpec(spec, trainingDataProblem(m_training->snapshot()));
    m_schedulesView->setImage(m_dataView->currentImage());
    m_training->setDataset(data);
    if (m_training->runOn())
        statusBar()->showMessage(tr("%1 is in: this training run goes on with the data set it began with; the "
                                    "next Start trains on the new one.")
                                     .arg(DataLoader::displayName(spec)),
                                 10000);
    updateStatus();
    // Asked for at another model's size (the startup's model, while a checkpoint opened): read again at
    // this model's, once, as a model that opens after its data set is in does.
    if (const auto snap = m_training->snapshot(); snap && !m_loader->isLoading()) {
        const QSize modelSize(static_cast<int>(snap->config.unet.imageChannels()),
                              static_cast<int>(snap->config.unet.imageSize()));
        if (modelSize != QSize(static_cast<int>(data->channels()), static_cast<int>(data->height())) &&
            modelSize != m_dataRequested)
            return loadData(spec);
    }
    if (std::exchange(m_startWhenLoaded, false) && !m_loader->isLoading())
        startTraining();
}

// The Training view's preset, schedule or classes edited: another model, built once the work is kept.
void MainWindow::onConfigEdited()
{
    // A different preset, schedule or conditioning is a different model: build it (asking first if needed). With
    // no model yet (one that failed to build), too.
    if (m_training->runOn())
        return;
    const auto c = m_trainingView->formConfig();
    const auto snap = m_training->snapshot();
    if (snap && snap->config.preset == c.preset && snap->config.schedule.kind == c.schedule.kind &&
        snap->config.conditional() == m_trainingView->conditional())
        return;
    m_document->keepWorkThen(
        [this] {
            newModel();
            statusBar()->showMessage(tr("A new, untrained model: the preset, the noise schedule and the classes "
                                        "make a model of their own (the other settings are the run's)."),
                                     10000);
        },
        [this, snap] {
            if (snap)
                m_trainingView->setFormConfig(snap->config);
        });
}

// A training run ended: say where, against the form's target, and draw the final weights' samples.
void MainWindow::onTrainingFinished(qint64 step, bool trained)
{
    // A run that took no step was refused (failed() said why, and that stays on the status bar) or
    // stopped before its first step: nothing more to say.
    const qint64 target = m_trainingView->totalSteps();
    if (!trained) // the form may not have reached the trainer: what waits for a Start says so again
        m_trainingView->forgetApplied();
    if (trained && step > target) {
        // Steps lowered below the step reached while it ran: it stopped where it was.
        statusBar()->showMessage(
            tr("Training stopped at step %L1: the target was lowered to %L2 steps").arg(step).arg(target), 10000);
        m_training->requestPreview();
    } else if (trained && step == target) {
        // The run reached its target: say so, and draw the samples of the final weights.
        statusBar()->showMessage(tr("Training reached its target of %L1 steps").arg(step), 10000);
        m_training->requestPreview();
    } else if (trained) {
        statusBar()->showMessage(tr("Training stopped at step %1").arg(QLocale().toString(step)), 5000);
    }
    updateTitle();
    updateStatus();
}
