// Score: DDPM in two dimensions, where the truth is known. Choose a data set (eight Gaussians on a
// ring, two moons, a Swiss roll, or points drawn with the mouse), train the small MLP denoiser in
// seconds, and scrub t: the diffused density (exact for the ring, a histogram of noised points
// otherwise), the learned score s_θ = −ε̂/√(1 − ᾱ_t) as arrows, the exact score beside it for the ring
// with the learned one's mean relative error, and particles moved by a sampler — ancestral, predictor–
// corrector, DDIM, annealed Langevin, or Langevin at one noise level — step by step.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "scorecontroller.h"

#include "diffusion.h"
#endif

#include <QMap>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class LossChart;
class ScorePlot;
class TimestepScrubber;

class ScoreView : public QWidget {
    Q_OBJECT
public:
    explicit ScoreView(QWidget* parent = nullptr);
    ~ScoreView() override;

    // What the view shows, for tests and the help panel.
    QString dataSet() const; // "gmm8", "moons", "swissroll" or "drawn"
    void setDataSet(const QString& name);
    int currentT() const { return m_t; }
    void setT(int t); // the noise level shown (0 … T); with a sampler run, its frame at that level
    bool hasModel() const { return m_model != nullptr; }
    // The learned score's mean relative error against the exact one at the shown t (points of q_t), NaN
    // where unknown (no model, not the ring, t = 0).
    double scoreError() const { return m_scoreError; }
    const ParticleRun* particleRun() const { return m_run.get(); }
    int drawnPointCount() const;

    ScorePlot* plot() const { return m_plot; }
    TimestepScrubber* scrubber() const { return m_scrubber; }
    QPushButton* trainButton() const { return m_train; }
    QPushButton* sampleButton() const { return m_sample; }
    QComboBox* samplerBox() const { return m_sampler; }
    QSpinBox* trainStepsBox() const { return m_trainSteps; }
    QCheckBox* exactBox() const { return m_exact; }
    QString statusText() const;
    ScoreController* controller() const { return m_controller; }

public Q_SLOTS:
    void train();
    void sample();

Q_SIGNALS:
    void liveValuesChanged(const QMap<QString, QString>& values);

private:
    void buildControls();
    void buildLayout();
    void connectSignals();
    void dataChanged();
    void updateField();
    void updateDensity(double alphaBar);
    void updateArrows(double alphaBar, int t);
    void updateParticles();
    void updateControls();
    void updateLive();
    void showFrame(int frame);
    ddpm::SamplerOptions samplerOptions() const;
    QString finishedText(const ParticleRun& run) const;
    torch::Tensor points() const; // the data set's points, [N, 2]

    ddpm::ScheduleOptions m_schedule;
    ddpm::Diffusion m_diffusion;
    ScoreController* m_controller;
    ToyModelPtr m_model;
    qint64 m_modelStep = 0;
    std::shared_ptr<const ParticleRun> m_run;
    int m_frame = -1; // the run's frame shown
    int m_t = 250;
    double m_scoreError = NAN;
    torch::Tensor m_points, m_noise; // the data set and a fixed ε per point (the histogram scrubs smoothly)
    QVector<QPointF> m_drawn;

    QComboBox* m_data;
    QPushButton* m_clear;
    QLabel* m_drawHint;
    QSpinBox* m_trainSteps;
    QPushButton* m_train;
    QPushButton* m_stopTraining;
    LossChart* m_loss;
    QComboBox* m_sampler;
    QSpinBox* m_levels;
    int m_levelsDefault = 0; // the sampler's own number of levels (ddpm toy's), while the user keeps it
    QSpinBox* m_langevinSteps;
    QDoubleSpinBox* m_snr;
    QSpinBox* m_count;
    QCheckBox* m_exact;
    QPushButton* m_sample;
    QPushButton* m_stopSampling;
    QCheckBox* m_showDensity;
    QCheckBox* m_showLearned;
    QCheckBox* m_showExact;
    QCheckBox* m_showData;
    ScorePlot* m_plot;
    TimestepScrubber* m_scrubber;
    QLabel* m_caption;
    QLabel* m_status;
};
