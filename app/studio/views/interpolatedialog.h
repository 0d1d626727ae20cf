// "Interpolate with…" (issue 20 §2), asked from the Data view (two data-set images) and the Reverse view
// (two images of a finished run): which two images, and how to walk between them. DDPM: both noised to
// t with the same noise, mixed linearly, each mixture denoised with the same reverse noise. DDIM: both
// inverted deterministically to x_T, mixed spherically, decoded.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "interpolation.h"
#endif

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

class InterpolateDialog : public QDialog {
    Q_OBJECT
public:
    // Images are numbered first … last as the view shows them; `t` is DDPM's default, `steps` the model's T.
    InterpolateDialog(int first, int last, int from, int t, int steps, QWidget* parent = nullptr);

    int from() const;
    int to() const;
    // The walk's settings: mode, t, λ count and DDIM's steps (seed, clipping and class are the caller's).
    ddpm::InterpolationOptions options() const;
    void setMode(ddpm::InterpolationMode mode);

private:
    void updateControls();

    QSpinBox* m_from;
    QSpinBox* m_to;
    QComboBox* m_mode;
    QSpinBox* m_t;
    QSpinBox* m_ddimSteps;
    QSpinBox* m_lambdas;
    QLabel* m_explain;
};
