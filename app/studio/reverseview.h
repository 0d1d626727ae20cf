// Reverse process: sampler settings, an animated strip that fills as steps arrive, and a scrubber
// that shows x_t beside the model's x̂0 and ε̂ for every image at the chosen step.
#pragma once

#include "samplingcontroller.h"

#include <QWidget>

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
    void begin(int totalSteps, const QString& title);
    void addFrames(const QList<SampleFrame>& frames);
    void end(bool completed);

    int frameCount() const { return static_cast<int>(m_frames.size()); }
    const QList<SampleFrame>& frames() const { return m_frames; }
    TimestepScrubber* scrubber() const { return m_scrubber; }
    ImageStrip* strip() const { return m_strip; }
    // Images of the chosen step as grids, for exports.
    QImage gridAt(int frame, int kind /*0 x_t, 1 x̂0, 2 ε̂*/, int scale = 4) const;
    QList<QImage> animationFrames(int scale = 4, int maxFrames = 120) const;
    QImage stripImage() const;
    QPushButton* runButton() const { return m_run; }

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void liveValuesChanged(const QMap<QString, QString>& values);

private:
    void showFrame(int index);
    void updateControls();

    QComboBox* m_sampler;
    QSpinBox* m_steps;
    QDoubleSpinBox* m_eta;
    QSpinBox* m_seed;
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
    int m_total = 0;
    bool m_running = false;
    bool m_hasModel = false;
};
