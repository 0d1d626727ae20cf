// Reverse process: sampler settings, an animated strip that fills as steps arrive, and a scrubber
// that shows x_t beside the model's x̂0 and ε̂ for every image at the chosen step.
#pragma once

#include "samplingcontroller.h"

#include "schedule.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class ImageStrip;
class TimestepScrubber;
class ImageView;

class ReverseView : public QWidget {
    Q_OBJECT
public:
    explicit ReverseView(QWidget* parent = nullptr);

    ddpm::SamplerOptions samplerOptions() const;
    void setSamplerOptions(const ddpm::SamplerOptions& options);
    bool useEma() const;

    void setModelAvailable(bool available);
    // A new run of `totalFrames` frames (its steps plus the final x_0). With the request, the live
    // values also give σ_t, η and log-SNR of each step under the run's model schedule and sampler.
    void begin(int totalFrames, const QString& title);
    void begin(const SamplingRequest& request, int totalFrames, const QString& title);
    int stepCount() const { return std::max(0, m_total - 1); } // denoising steps of the run
    void addFrames(const QList<SampleFrame>& frames);
    void end(bool completed);

    int frameCount() const { return static_cast<int>(m_frames.size()); }
    const QList<SampleFrame>& frames() const { return m_frames; }
    TimestepScrubber* scrubber() const { return m_scrubber; }
    ImageStrip* strip() const { return m_strip; }
    // Images of the chosen step as grids, for exports.
    QImage gridAt(int frame, int kind /*0 x_t, 1 x̂0, 2 ε̂*/, int scale = 4) const;
    QString stepText() const; // the line under the scrubber
    // σ_t of the step from paper timestep t to tNext (0 at the end): DDPM (Ho et al. 2020, Algorithm 2)
    // σ_t² = β_t or β̃_t (eq. 7) and z = 0 at t = 1; DDIM (Song et al. 2021, eq. 16)
    // σ = η √((1 − ᾱ_s) / (1 − ᾱ_t)) √(1 − ᾱ_t / ᾱ_s) with s = tNext, ᾱ_0 = 1.
    static double samplingSigma(const ddpm::NoiseSchedule& schedule, const ddpm::SamplerOptions& options, int t,
                                int tNext);
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
    void showFrame(int index);
    void updateControls();

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
    QList<SampleFrame> m_frames;
    QList<int> m_stripSteps;
    int m_total = 0;                               // frames: steps + 1
    std::optional<ddpm::NoiseSchedule> m_schedule; // the run's model schedule
    ddpm::SamplerOptions m_runOptions;
    std::vector<int> m_runTimesteps; // paper timesteps the run visits
    bool m_running = false;
    bool m_hasModel = false;
};
