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
#include "trainer.h"

#include <QScreen>
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
