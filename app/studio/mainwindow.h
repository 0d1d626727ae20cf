// The studio's main window: four views, the menus, the status bar, and the controllers that run
// training and sampling on worker threads.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "dataloader.h"
#include "exports.h"
#include "quality.h"
#include "samplingcontroller.h"
#include "trainingcontroller.h"
#endif

#include "droppedfile.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class DataView;
class HelpPanel;
class ModelDocument;
class ReverseView;
class SchedulesView;
class QualityView;
class ScoreView;
class NeighbourLookup;
class RunFollower;
class QualityController;
class SamplingRuns;
class Settings;
class SettingsBinder;
class TrainingView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum View { Data = 0, Training = 1, Reverse = 2, Schedules = 3, Quality = 4, Score = 5 };
    static constexpr int kViews = 6;
    // The views' names on the command line ("data", "training", …), in View's order.
    static QStringList viewKeys();
    // A view's title, as its tab and the View menu show it.
    static QString viewTitle(View view);

    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    DataView* dataView() const { return m_dataView; }
    TrainingView* trainingView() const { return m_trainingView; }
    ReverseView* reverseView() const { return m_reverseView; }
    SchedulesView* schedulesView() const { return m_schedulesView; }
    QualityView* qualityView() const { return m_qualityView; }
    ScoreView* scoreView() const { return m_scoreView; }
    QualityController* quality() const { return m_quality; }
    NeighbourLookup* neighbourLookup() const { return m_neighbours; }
    RunFollower* follower() const { return m_follower; }
    TrainingController* training() const { return m_training; }
    SamplingController* sampling() const { return m_sampling; }
    DataLoader* dataLoader() const { return m_loader; }
    void setView(View view);
    QString currentPath() const;
    ModelDocument* document() const { return m_document; }
    QString lastError() const { return m_lastError; }
    bool isReady() const; // data set and model present, nothing loading
    DatasetPtr data() const { return m_data; }
    // The window has closed and stopped its workers (close() may ask first and close later).
    bool hasClosed() const { return m_closed; }

    // File actions without dialogs (the menus call these after asking for a path).
    // A new model of the form's settings; with `startFrom`, started from that checkpoint's weights.
    void newModel(const QString& startFrom = {});
    void openCheckpoint(const QString& path);
    // File > Open, Open Recent and a dropped checkpoint: a file that is no model is refused before the
    // window asks about unsaved training, which then goes on as it was.
    void openCheckpointAsked(const QString& path);
    // File > Follow training run…: the run that writes `path` (its checkpoint, or its log with the
    // checkpoint of the same name beside it; asked for where there is none).
    void followRun(const QString& path);
    // What dropping a file or folder on the window does (asks first where training is unsaved).
    void openDropped(const DroppedFile& file);
    bool openDemoModel(); // the shipped demo model (read-only: training it trains a copy)
    // The last session's model if it is still there, else the demo model; with `sampleDemo`, a short
    // DDIM run of the demo model starts as soon as it is in, so the Reverse view has a run to scrub.
    bool openStartupModel(bool sampleDemo = false);
    void saveTo(const QString& path);
    void loadData(const QString& spec);
    void startTraining();
    void startSampling();
    // Measures the current model's samples (one sampler setting, or the sweep against steps).
    void startQuality(const ddpm::QualityOptions& options, const std::vector<ddpm::SamplerOptions>& runs);

    // The exports the menus write (also used by tests, which write them at once).
    Exports* exports() const { return m_exports; }
    bool isExporting() const { return m_exports->isBusy(); }
    // The open file, unless training changed the weights since (its hash goes into sidecars).
    Exports::WeightsFile currentWeightsFile() const;
    // Writes `job` on the export thread while the status bar shows `what`; `done` when it is written.
    void runExport(Exports::Job job, const QString& what, const QString& done);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void resizeEvent(QResizeEvent* event) override; // the status bar's fields fit its message again

private:
    void buildMenus();
    void buildFileMenu();
    void addNewModelActions(QMenu* file);
    void buildExportMenu();
    void buildViewMenus();
    void wireData();
    void wireTraining();
    void wireSampling();
    void wireQuality();
    void wireHelp();
    void showHelpFor(int index);
    void buildStatusBar();
    void fitStatusMessage(const QString& message);
    void showFollowWait(const QString& checkpoint);
    void wireFollower();
    void restoreSettings();
    void saveSettings();
    void showError(const QString& message);
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void onModelReady(SnapshotPtr snapshot, const QString& sourcePath);
    void onProgress();
    void onConfigEdited();
    void onTrainingFinished(qint64 step, bool trained);
    void onDataLoaded(DatasetPtr data, const QString& spec);
    void showLiveValues(View view, const QMap<QString, QString>& values); // kept per view for the help
    void updateTrainingLiveValues();
    QString trainingDataProblem(const SnapshotPtr& model) const;
    void onFrames();
    // Asks for a file name, then writes the export on the export thread while the status bar shows it;
    // one export at a time.
    void exportWithDialog(const QString& title, const QString& suffix, const QString& filter,
                          Exports::Job (Exports::*job)(const QString&) const);
    bool setLanguage(const QString& language); // false: the user kept the language as it was
    void showAbout();

    Settings& m_settings;
    QTabWidget* m_tabs;
    DataView* m_dataView;
    TrainingView* m_trainingView;
    ReverseView* m_reverseView;
    SchedulesView* m_schedulesView;
    QualityView* m_qualityView;
    ScoreView* m_scoreView;
    QualityController* m_quality;
    NeighbourLookup* m_neighbours;
    RunFollower* m_follower;
    qint64 m_qualityStep = 0; // the training step of the model being measured
    HelpPanel* m_help;
    QDockWidget* m_helpDock;
    TrainingController* m_training;
    SamplingController* m_sampling;
    DataLoader* m_loader;
    QLabel* m_deviceLabel;
    QLabel* m_precisionLabel;
    QLabel* m_modelLabel;
    QLabel* m_stepLabel;
    QMenu* m_recentMenu = nullptr;
    ModelDocument* m_document = nullptr;
    std::unique_ptr<SettingsBinder> m_binder;
    QString m_dataSpec;
    DatasetPtr m_data;
    QString m_lastError;
    QString m_pausedNote; // the status bar's "Training paused at step …", cleared once the run goes on or ends
    bool m_sampleDemoWhenReady = false;
    bool m_startWhenLoaded = false; // Start was pressed while the data set for the model was loading
    QSize m_dataRequested;          // the channels (width) and image size (height) the last load asked for
    SamplingRuns* m_runs = nullptr;
    bool m_closing = false;
    bool m_closed = false;
    Exports* m_exports = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QMap<QString, QString> m_liveValues[kViews]; // the help panel's "Now" of each view
};
