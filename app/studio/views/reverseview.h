// Reverse process: sampler settings, an animated strip that fills as steps arrive, and a scrubber
// that shows x_t beside the model's x̂0 and ε̂ for every image at the chosen step.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "reverseruns.h"
#endif

#include <QWidget>

#include <vector>

class QCheckBox;
class ClassPicker;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class PinnedSpinBox;
class SpacingBox;
class QVBoxLayout;
class ImageStrip;
class TimestepScrubber;
class ImageView;
class RunActions;

class ReverseView : public QWidget {
    Q_OBJECT
public:
    static constexpr qint64 kFrameBudgetBytes = ReverseRuns::kFrameBudgetBytes;
    static constexpr qint64 kHistoryBudgetBytes = ReverseRuns::kHistoryBudgetBytes;
    static constexpr int kMaxRuns = ReverseRuns::kMaxRuns;

    explicit ReverseView(QWidget* parent = nullptr);

    ddpm::SamplerOptions samplerOptions() const;
    void setSamplerOptions(const ddpm::SamplerOptions& options);
    bool useEma() const;

    void setModelAvailable(bool available);
    // The model's T: the step count DDPM shows, as it takes every step.
    void setModelSteps(int steps);
    // Off for a model whose raw weights are a copy of its EMA ones (a file exported for sampling, or weights
    // taken from another model, until it trains): Raw weights is then disabled, with the reason.
    void setRawWeightsDistinct(bool distinct);
    bool rawWeightsDistinct() const;
    // The class and guidance controls (a class-conditional model's classes, or none).
    ClassPicker* classPicker() const { return m_classes; }
    // A new run of `totalFrames` frames (its steps plus the final x_0; 0: not known yet).
    void begin(int totalFrames, const QString& title);
    // A new run of the sampler's `origin.request`; its steps come with setTimesteps when the worker
    // starts it. With the request, the live values also give σ_t, η and log-SNR of each step under the
    // run's model schedule and sampler. `note` (optional) is shown under the title.
    void begin(const RunOrigin& origin, const QString& title, const QString& note = {});
    // The paper timesteps the current run visits, as the sampling worker reports them.
    void setTimesteps(const std::vector<int>& timesteps);
    int stepCount() const { return m_runs.shown().stepCount(); } // denoising steps of the shown run
    void addFrames(const QList<SampleFrame>& frames);
    void end(bool completed, bool failed = false); // not completed: cancelled, or failed with an error

    // The runs kept, and the one shown (the newest unless the user picked an earlier one in the Runs list).
    const ReverseRuns& runs() const { return m_runs; }
    int frameCount() const { return static_cast<int>(m_runs.shown().frames.size()); }
    bool shownRunIsLive() const { return m_runs.shown().running; } // its frames are still coming
    const QList<SampleFrame>& frames() const { return m_runs.shown().frames; }
    const RunOrigin& origin() const { return m_runs.shown().origin; }
    QList<QImage> finalImages() const { return m_runs.finalImages(); }
    int keepEvery() const { return m_runs.shown().keepEvery; } // 1: every step kept
    qint64 frameBytes() const { return m_runs.frameBytes(); }
    int runCount() const { return m_runs.count(); }
    int shownRun() const { return m_runs.shownIndex(); } // 0: the newest
    void showRun(int index);
    QComboBox* runList() const { return m_runList; }
    QString timingText() const; // speed and time left, or the elapsed time at the end
    QString noteText() const;
    TimestepScrubber* scrubber() const { return m_scrubber; }
    ImageStrip* strip() const { return m_strip; }
    // Images of the chosen step as grids, for exports.
    QImage gridAt(int frame, int kind /*0 x_t, 1 x̂0, 2 ε̂*/, int scale = 4) const;
    QString stepText() const; // the line under the scrubber
    // The predicted-noise panel as drawn: its image, or the message in its place (the last frame, x₀).
    QImage noisePanelImage() const;
    QString noisePanelMessage() const;
    QString scorePanelMessage() const;
    // The animation's frames (grids at the given scale) over the shown run, as Exports animates it.
    QList<QImage> animationFrames(int scale = 4) const;
    QImage stripImage() const;
    QPushButton* runButton() const { return m_run; }
    QLabel* stepsLabel() const { return m_stepsLabel; }
    QSpinBox* stepsBox() const;
    QCheckBox* showScoreBox() const { return m_showScore; }
    QImage scoreImage() const; // the score panel's image of the step shown (null while hidden)
    QPushButton* forkButton() const { return m_fork; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString title() const; // the line above the strip: what the run is
    // The image to fork (0-based) and how many continuations.
    void setForkChoice(int image, int forks);
    void requestFork(); // as the Fork here button does, at the frame shown
    // Interpolate… and Nearest training images, for the finished run shown.
    RunActions* runActions() const { return m_actions; }

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void liveValuesChanged(const QMap<QString, QString>& values);
    // "Fork here": continue image `image` of the shown step's x_t (at paper timestep t) `forks` times,
    // each with fresh noise. xt is [1, C, H, W], float32.
    void forkRequested(const torch::Tensor& xt, int t, int forks, int image);

private:
    void createSamplerControls();
    QGroupBox* buildSamplerForm();
    void createRunWidgets();
    QVBoxLayout* buildRunPanel();
    QGridLayout* buildImageGrids();
    void connectSignals();
    void startTimingTick();
    void showFrame(int index);
    void updateControls();
    void rebuildStrip();
    void appendColumn(int frame);
    void showScore(const SampleFrame& frame);
    void reactTo(ReverseRuns::Change change);
    void updateRunList();
    void updateTiming();

    QComboBox* m_sampler;
    PinnedSpinBox* m_steps;
    int m_modelSteps = 0;           // T of the model (0: none yet)
    QLabel* m_stepsLabel = nullptr; // what the count means for the method chosen
    QDoubleSpinBox* m_eta;
    SpacingBox* m_spacing; // DDIM's timesteps: linspace or trailing
    QSpinBox* m_seed;
    QSpinBox* m_forkImage;
    QSpinBox* m_forkCount;
    QPushButton* m_fork;
    QString m_forkToolTip;              // while no run goes on
    QGridLayout* m_imageGrid = nullptr; // x_t, x̂₀, ε̂ and the score
    RunActions* m_actions;
    QSpinBox* m_count;
    QCheckBox* m_corrector;
    QSpinBox* m_langevinSteps;
    QDoubleSpinBox* m_snr;
    QCheckBox* m_showScore;
    ImageView* m_score;
    QLabel* m_scoreCaption;
    ClassPicker* m_classes;
    QComboBox* m_weights;
    QCheckBox* m_clip;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QLabel* m_title;
    ImageStrip* m_strip;
    TimestepScrubber* m_scrubber;
    ImageView* m_xt;
    ImageView* m_x0;
    ImageView* m_eps;
    QLabel* m_stepInfo;
    QLabel* m_timing;
    QLabel* m_note;
    QComboBox* m_runList;
    ReverseRuns m_runs;
    QList<int> m_stripSteps;  // the shown run's frames shown as strip columns
    int m_nextColumnStep = 0; // the step the strip's next column wants
    bool m_hasModel = false;
};
