// Training: hyper-parameters, Start / Pause / Resume / Stop, live loss curves, loss per timestep
// bin and preview samples.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "config.h"
#include "followedrun.h"
#include "trainingcontroller.h"
#endif

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

#include <cmath>

class QGroupBox;
class QSplitter;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class BinHeatMap;
class LossChart;
class ImageView;

class TrainingView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingView(QWidget* parent = nullptr);

    // The form as a model configuration (preset, schedule, optimiser settings).
    ddpm::ModelConfig formConfig() const;
    // Whether a new model is to be class-conditional (on the data set's classes: the window sets them).
    bool conditional() const;
    QCheckBox* conditionalBox() const { return m_conditional; }
    void setFormConfig(const ddpm::ModelConfig& config);
    // The optimiser settings of the form, which the next Start applies to the model.
    TrainFormOptions formOptions() const;
    qint64 totalSteps() const;
    void setTotalSteps(qint64 steps);
    // The step the statistics show: the model's, or a followed run's log's where that is further on.
    qint64 lastStep() const { return m_lastStep; }
    QString device() const;
    void setDevice(const QString& device);
    QString precision() const; // "auto", "fp32", "bf16"
    void setPrecision(const QString& precision);
    int previewInterval() const;
    void setPreviewInterval(int steps);

    void setState(TrainingController::State state);
    // A run elsewhere is followed (RunFollower): its log's speed gives the time left.
    void setFollowing(bool following);
    // How the followed run looks now, its checkpoint's name `file`: a note above the hints, and no speed
    // or time left unless it is being written to.
    void setFollowedRun(const FollowedRun& run, const QString& file);
    // That note: "Following run.ckpt: nothing written for 0:03:20; the run may have stopped."
    static QString followNote(const FollowedRun& run, const QString& file);
    // A model is on its way: Start waits for it (the form and the data check belong to it).
    void setOpening(bool opening);
    // The last Start took no step (refused, or stopped at once): its form may not have been applied.
    void forgetApplied();
    // A model arrived (new or opened): the form, charts and statistics show it.
    // trainedWeights: the model's weights are trained though its step is 0 (New model from weights…), so
    // its samples are drawn now rather than once it trains.
    void showModel(const SnapshotPtr& snapshot, bool trainedWeights = false);
    // A fresh copy of the same model (after a run, or a move to another device): only what the form
    // compares against changes.
    void setModelSnapshot(const SnapshotPtr& snapshot);
    // The data set the next Start trains on (a DataLoader spec): a model trained on another one says so,
    // and `problem` says why the model cannot train on it (Trainer::setDataset's refusal), if it cannot.
    void setDataSpec(const QString& spec, const QString& problem = {});
    void addProgress(const TrainingProgress& progress);
    void showPreview(const QImage& grid, qint64 step);
    LossChart* lossChart() const { return m_chart; }
    // The run's losses as the model and the training since have them (bounded, see LossHistory).
    const ddpm::LossHistory& lossHistory() const { return m_history; }
    BinHeatMap* heatMap() const { return m_heat; }
    QImage previewImage() const { return m_previewImage; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QLabel* statisticsLabel() const { return m_stats; }
    // Says which form changes wait for the next Start (empty when there are none).
    QLabel* pendingLabel() const { return m_pending; }

Q_SIGNALS:
    void precisionChanged(const QString& precision);
    void startRequested();
    void pauseRequested();
    void resumeRequested();
    void stopRequested();
    void configEdited();
    // Steps and Preview every take effect during a run too: the window passes them on at once.
    void totalStepsChanged(qint64 steps);
    void previewIntervalChanged(int steps);

private:
    void createEditors();
    QGroupBox* buildForm();
    QSplitter* buildPlots();
    void connectForm();
    ddpm::LossHistory m_history;
    void updateClock();
    void updatePending();

    QComboBox* m_preset;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_lr;
    QSpinBox* m_warmup;
    QSpinBox* m_steps;
    QDoubleSpinBox* m_ema;
    QComboBox* m_schedule;
    QSpinBox* m_seed;
    QComboBox* m_device;
    QComboBox* m_precision;
    QSpinBox* m_previewEvery;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    LossChart* m_chart;
    QSlider* m_smoothing;
    QCheckBox* m_log;
    QCheckBox* m_conditional;
    QLabel* m_stats;
    QLabel* m_pending;
    SnapshotPtr m_model;   // what the form is compared with
    QString m_dataSpec;    // what the next Start trains on
    QString m_dataProblem; // why the model cannot train on it, if it cannot
    // What the last Start on this model applied (the trainer keeps it), compared with in its stead.
    std::optional<TrainFormOptions> m_applied;
    std::optional<torch::Device> m_appliedDevice;
    std::optional<QString> m_appliedDataSpec;
    BinHeatMap* m_heat;
    ImageView* m_preview;
    QLabel* m_previewCaption;
    QImage m_previewImage;
    TrainingController::State m_state = TrainingController::State::Empty;
    bool m_opening = false;
    bool m_following = false;
    std::optional<FollowedRun> m_followed; // at the follower's last look
    QString m_followedFile;
    QElapsedTimer m_clock;
    qint64 m_elapsedBefore = 0;
    qint64 m_startStep = 0;
    qint64 m_lastStep = 0; // the step the statistics show
    double m_stepsPerSec = 0, m_imagesPerSec = 0;
    double m_loss = std::nan(""), m_lrNow = std::nan("");
    int m_heatCounter = 0;
};
