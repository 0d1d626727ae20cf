// Reverse process: sampler settings, an animated strip that fills as steps arrive, and a scrubber
// that shows x_t beside the model's x̂0 and ε̂ for every image at the chosen step.
#pragma once

#include "runclock.h"
#include "samplingcontroller.h"

#include "schedule.h"

#include <QDateTime>
#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QVBoxLayout;
class ImageStrip;
class TimestepScrubber;
class ImageView;

// Where a run came from, for the sidecars of its exports and for "Fork here": the request (model copy,
// sampler settings), what kind of run it was, and the checkpoint file its weights were read from as it
// was when the run started (empty when the weights were not in any file).
struct RunOrigin {
    SamplingRequest request;
    QString kind; // "", "denoise-from-here", "fork"
    QString file;
    qint64 fileSize = -1;
    QDateTime fileModified;
};

class ReverseView : public QWidget {
    Q_OBJECT
public:
    // Frames of one run are kept within this many bytes (8-bit images plus the fp16 x_t that "Fork
    // here" continues); beyond it every k-th step is kept and the view says so. The runs kept together
    // stay within kHistoryBudgetBytes, the oldest dropped first.
    static constexpr qint64 kFrameBudgetBytes = qint64{256} << 20;
    static constexpr qint64 kHistoryBudgetBytes = qint64{512} << 20;
    static constexpr int kMaxRuns = 5; // the run shown and up to four earlier ones

    explicit ReverseView(QWidget* parent = nullptr);

    ddpm::SamplerOptions samplerOptions() const;
    void setSamplerOptions(const ddpm::SamplerOptions& options);
    bool useEma() const;

    void setModelAvailable(bool available);
    // A new run of `totalFrames` frames (its steps plus the final x_0; 0: not known yet).
    void begin(int totalFrames, const QString& title);
    // A new run of the sampler's `origin.request`; its steps come with setTimesteps when the worker
    // starts it. With the request, the live values also give σ_t, η and log-SNR of each step under the
    // run's model schedule and sampler. `note` (optional) is shown under the title.
    void begin(const RunOrigin& origin, const QString& title, const QString& note = {});
    // The paper timesteps the current run visits, as the sampling worker reports them.
    void setTimesteps(const std::vector<int>& timesteps);
    int stepCount() const { return std::max(0, run().total - 1); } // denoising steps of the shown run
    void addFrames(const QList<SampleFrame>& frames);
    void end(bool completed);

    // The run shown (the newest unless the user picked an earlier one in the Runs list).
    int frameCount() const { return static_cast<int>(run().frames.size()); }
    const QList<SampleFrame>& frames() const { return run().frames; }
    const RunOrigin& origin() const { return run().origin; }
    QList<QImage> finalImages() const;                // x_0 of the shown run when it completed, else empty
    int keepEvery() const { return run().keepEvery; } // 1: every step kept
    qint64 frameBytes() const;                        // of every run kept
    int runCount() const { return static_cast<int>(m_runs.size()); }
    int shownRun() const { return m_shown; } // 0: the newest
    void showRun(int index);
    QComboBox* runList() const { return m_runList; }
    QString timingText() const; // speed and time left, or the elapsed time at the end
    QString noteText() const;
    TimestepScrubber* scrubber() const { return m_scrubber; }
    ImageStrip* strip() const { return m_strip; }
    // Images of the chosen step as grids, for exports.
    QImage gridAt(int frame, int kind /*0 x_t, 1 x̂0, 2 ε̂*/, int scale = 4) const;
    QString stepText() const; // the line under the scrubber
    // The x_t images of up to maxFrames frames spread over the run (cheap: the images are shared), and
    // the animation's frames made from them (grids at the given scale: done by the export job, off the
    // GUI thread); animationFrames() does both.
    QList<QList<QImage>> animationSources(int maxFrames = 120) const;
    static QList<QImage> animationFramesFrom(const QList<QList<QImage>>& sources, int scale = 4);
    QList<QImage> animationFrames(int scale = 4, int maxFrames = 120) const;
    QImage stripImage() const;
    QPushButton* runButton() const { return m_run; }
    QPushButton* forkButton() const { return m_fork; }
    QString title() const; // the line above the strip: what the run is
    // The image to fork (0-based) and how many continuations.
    void setForkChoice(int image, int forks);
    void requestFork(); // as the Fork here button does, at the frame shown

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void liveValuesChanged(const QMap<QString, QString>& values);
    // "Fork here": continue image `image` of the shown step's x_t (at paper timestep t) `forks` times,
    // each with fresh noise. xt is [1, C, H, W], float32.
    void forkRequested(const torch::Tensor& xt, int t, int forks, int image);

private:
    struct Run {
        RunOrigin origin;
        QString title, note;
        QList<SampleFrame> frames;
        QList<int> stripSteps;  // indices into frames shown as strip columns
        int nextColumnStep = 0; // the step the strip's next column wants
        int total = 0;          // frames: steps + 1
        int keepEvery = 1;      // steps kept: every k-th (and x_T, x_0)
        qint64 bytes = 0;
        std::optional<ddpm::NoiseSchedule> schedule; // the run's model schedule
        std::vector<int> timesteps;                  // paper timesteps the run visits
        bool running = false;
        bool completed = false;
        RunClock clock;
    };
    void createSamplerControls();
    QGroupBox* buildSamplerForm();
    void createRunWidgets();
    QVBoxLayout* buildRunPanel();
    QGridLayout* buildImageGrids();
    void connectSignals();
    void startTimingTick();
    const Run& run() const;
    Run& run();
    void showFrame(int index);
    void updateControls();
    void rebuildStrip();
    bool takesColumn(Run& run, const SampleFrame& frame);
    static QString columnLabel(const SampleFrame& frame);
    void updateRunList();
    void updateTiming();
    void enforceBudget(Run& run);
    static qint64 sizeOf(const SampleFrame& frame);

    QComboBox* m_sampler;
    QSpinBox* m_steps;
    QDoubleSpinBox* m_eta;
    QSpinBox* m_seed;
    QSpinBox* m_forkImage;
    QSpinBox* m_forkCount;
    QPushButton* m_fork;
    QSpinBox* m_count;
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
    QList<Run> m_runs; // newest first; never empty
    int m_shown = 0;
    bool m_hasModel = false;
};
