// The likelihood bound beside the training loss, per timestep (Quality view): for a few held-out images,
// each term L_{t−1} of the variational bound in bits per dimension (log axis) and L_simple's ‖ε − ε̂‖²
// at the same x_t, at timesteps spread over 1 … T; the bound's total estimated from them, and why the
// paper trains on L_simple rather than on the bound.
#pragma once

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "boundcontroller.h"
#endif

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;
class CurveChart;

class BoundPanel : public QWidget {
    Q_OBJECT
public:
    explicit BoundPanel(QWidget* parent = nullptr);
    ~BoundPanel() override;

    // Where Measure gets the model now open (as the window has it when the button is pressed).
    void setModelSource(std::function<SnapshotPtr()> source);
    void clear(); // another model: the last measurement goes

    // The timesteps measured: `count` of them spread over 1 … T, denser at small t where the terms
    // change fastest (1, 2, 3, then geometric).
    static std::vector<int> profileTimesteps(int T, int count);

    const std::vector<ddpm::BoundProfilePoint>& profile() const { return m_profile; }
    double totalBitsPerDim() const { return m_total; } // NaN before a measurement
    bool isMeasuring() const { return m_controller->isRunning(); }
    BoundController* controller() const { return m_controller; }
    QPushButton* measureButton() const { return m_measure; }
    QSpinBox* imagesBox() const { return m_images; }
    QSpinBox* timestepsBox() const { return m_timesteps; }
    CurveChart* chart() const { return m_chart; }
    QString resultText() const;

public Q_SLOTS:
    void measure();
    void cancel();

private:
    void showProfile(double priorBits);
    void updateControls();

    std::function<SnapshotPtr()> m_modelSource;
    int m_T = 0; // of the model measured
    std::vector<ddpm::BoundProfilePoint> m_profile;
    double m_total = NAN;
    QString m_source;      // where the images came from
    bool m_unseen = false; // none of them among the model's training images
    QSpinBox* m_images;
    QSpinBox* m_timesteps;
    QPushButton* m_measure;
    QPushButton* m_cancel;
    CurveChart* m_chart;
    QLabel* m_result;
    QLabel* m_why;
    BoundController* m_controller;
};
