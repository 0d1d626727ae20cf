// The studio's main window: four views, the menus, the status bar, and the controllers that run
// training and sampling on worker threads.
#pragma once

#include "dataloader.h"
#include "exporter.h"
#include "quality.h"
#include "samplingcontroller.h"
#include "trainingcontroller.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class DataView;
class HelpPanel;
class ReverseView;
class SchedulesView;
class QualityView;
class QualityController;
class Settings;
class TrainingView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum View { Data = 0, Training = 1, Reverse = 2, Schedules = 3, Quality = 4 };

    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    DataView* dataView() const { return m_dataView; }
    TrainingView* trainingView() const { return m_trainingView; }
    ReverseView* reverseView() const { return m_reverseView; }
    SchedulesView* schedulesView() const { return m_schedulesView; }
    QualityView* qualityView() const { return m_qualityView; }
    QualityController* quality() const { return m_quality; }
    TrainingController* training() const { return m_training; }
    SamplingController* sampling() const { return m_sampling; }
    DataLoader* dataLoader() const { return m_loader; }
    void setView(View view);
    QString currentPath() const { return m_path; }
    QString lastError() const { return m_lastError; }
    bool isReady() const; // data set and model present, nothing loading

    // File actions without dialogs (the menus call these after asking for a path).
    void newModel();
    void openCheckpoint(const QString& path);
    bool openDemoModel(); // the shipped demo model (read-only: training it trains a copy)
    // The last session's model if it is still there, else the demo model; with `sampleDemo`, a short
    // DDIM run of the demo model starts as soon as it is in, so the Reverse view has a run to scrub.
    void openStartupModel(bool sampleDemo = false);
    void saveTo(const QString& path);
    void loadData(const QString& spec);
    void startTraining();
    void startSampling();
    // Measures the current model's samples (one sampler setting, or the sweep against steps).
    void startQuality(const ddpm::QualityOptions& options, bool sweep);

    // Exports (also used by tests, which wait for them); each writes the file whole and, for images, a
    // JSON sidecar. The menus run the same jobs on a worker thread (exportWithDialog).
    ddpm::Status exportSampleGrid(const QString& path);
    // A folder with an earlier export is refused unless replaceEarlier (the menu item asks first).
    ddpm::Status exportSamplesToFolder(const QString& folder, bool replaceEarlier = false);
    ddpm::Status exportReverseStrip(const QString& path);
    ddpm::Status exportReverseGif(const QString& path);
    ddpm::Status exportReverseWebP(const QString& path);
    ddpm::Status exportForwardStrip(const QString& path);
    ddpm::Status exportLossCsv(const QString& path);
    ddpm::Status exportLossChart(const QString& path);
    ddpm::Status exportQualityCsv(const QString& path);
    bool isExporting() const { return m_exportWatcher != nullptr; }

    // An export prepared on the GUI thread, to be written anywhere: hashing, encoding, writing.
    using ExportJob = std::function<ddpm::Status()>;
    // A checkpoint file as it was when weights were read from it (its hash goes into sidecars).
    struct WeightsFile {
        QString path;
        qint64 size = -1;
        QDateTime modified;
    };
    ExportJob sampleGridJob(const QString& path) const;
    ExportJob samplesToFolderJob(const QString& folder, bool replaceEarlier) const;
    ExportJob reverseStripJob(const QString& path) const;
    ExportJob reverseAnimationJob(const QString& path, bool webp) const;
    ExportJob reverseGifJob(const QString& path) const;
    ExportJob reverseWebPJob(const QString& path) const;
    ExportJob forwardStripJob(const QString& path) const;
    ExportJob lossCsvJob(const QString& path) const;
    ExportJob lossChartJob(const QString& path) const;
    ExportJob qualityCsvJob(const QString& path) const;
    WeightsFile currentWeightsFile() const; // the open file, unless training changed the weights since
    // Writes `job` on a worker thread while the status bar shows `what`; `done` when it is written.
    void runExport(ExportJob job, const QString& what, const QString& done);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings();
    bool maybeKeepWork(); // asks before unsaved progress is dropped; false: the user cancelled
    bool saveBlocking(const QString& path);
    void stopBlocking(); // stops training and waits until the run has ended
    void showError(const QString& message);
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void onModelReady(SnapshotPtr snapshot, const QString& sourcePath);
    void onProgress();
    void showLiveValues(View view, const QMap<QString, QString>& values); // kept per view for the help
    void updateTrainingLiveValues();
    void onFrames();
    void denoiseFromHere(const torch::Tensor& xt, int t, const QString& scheduleNote);
    void forkAt(const torch::Tensor& xt, int t, int forks, int image);
    // `kind` ("", "denoise-from-here", "fork") goes into the exports' sidecars, `note` under the title.
    void runSampling(SamplingRequest request, const QString& title, const QString& kind = {}, const QString& note = {});
    // runSampling with the weights trained so far: while training runs, a fresh copy of them first
    // (the step of the weights fills the one placeholder left in `title`).
    void runWithCurrentWeights(const SamplingRequest& request, const QString& title, const QString& kind = {},
                               const QString& note = {});
    ddpm::ExportMeta reverseMeta(const QString& kind) const;
    ddpm::ExportMeta baseMeta(const QString& kind) const;
    // Asks for a file name, then writes the export on a worker thread while the status bar shows it;
    // one export at a time.
    void exportWithDialog(const QString& title, const QString& suffix, const QString& filter,
                          ExportJob (MainWindow::*job)(const QString&) const);
    void setLanguage(const QString& language);
    void showAbout();

    Settings& m_settings;
    QTabWidget* m_tabs;
    DataView* m_dataView;
    TrainingView* m_trainingView;
    ReverseView* m_reverseView;
    SchedulesView* m_schedulesView;
    QualityView* m_qualityView;
    QualityController* m_quality;
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
    QString m_path;
    QString m_dataSpec;
    DatasetPtr m_data;
    QString m_lastError;
    bool m_sampleDemoWhenReady = false;
    // Sample while training: the request and its title wait for a copy of the weights.
    struct PendingRun {
        SamplingRequest request;
        QString title, kind, note;
    };
    std::optional<PendingRun> m_samplingAwaitsSnapshot;
    bool m_closing = false;
    QFutureWatcher<ddpm::Status>* m_exportWatcher = nullptr; // the export being written
    QThreadPool m_exportPool; // its thread runs below the window's priority; waits for the job on close
    QProgressBar* m_exportProgress = nullptr;
    QMap<QString, QString> m_liveValues[5]; // the help panel's "Now" of each view
};
