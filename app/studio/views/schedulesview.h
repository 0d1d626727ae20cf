// Schedules: β_t, ᾱ_t and log-SNR of the linear, cosine, sigmoid and quadratic schedules overlaid, and
// the forward strip of the current image under each (one row per schedule, named on its left), so the
// difference is seen, not read.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include <torch/torch.h>
#endif

class CurveChart;
class ImageStrip;
class QLabel;
class QSpinBox;

class SchedulesView : public QWidget {
    Q_OBJECT
public:
    explicit SchedulesView(QWidget* parent = nullptr);
    void setSteps(int T);
    int steps() const;
    // The image shown in the strips ([C, H, W] in [−1, 1]).
    void setImage(const torch::Tensor& image);
    void setMarker(int t);
    CurveChart* betaChart() const { return m_beta; }
    CurveChart* alphaBarChart() const { return m_alphaBar; }
    CurveChart* logSnrChart() const { return m_logSnr; }
    ImageStrip* strips() const { return m_strips; }
    // Empty, or why x_T at this T is far from the pure noise sampling starts from.
    QString noteText() const;

private:
    void rebuild();

    QSpinBox* m_T;
    CurveChart* m_beta;
    CurveChart* m_alphaBar;
    CurveChart* m_logSnr;
    ImageStrip* m_strips;
    QLabel* m_note;
    torch::Tensor m_image;
    torch::Tensor m_eps;
};
