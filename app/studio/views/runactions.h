// What can be done with the images of a finished reverse run (issue 20 §2, §3): walk between two of them
// ("Interpolate…", with the dialog of interpolatedialog.h) and look up one image's nearest training images
// ("Nearest training images"). The Reverse view shows the buttons under its scrubber and hands over the
// run shown.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN // LibTorch comes with these: moc needs none of them (3 s less per header)
#include "interpolation.h"

#include <torch/torch.h>
#endif

class QPushButton;

class RunActions : public QWidget {
    Q_OBJECT
public:
    explicit RunActions(QWidget* parent = nullptr);

    // The final images of the run shown ([N, C, H, W] in [−1, 1]; undefined while it has not finished),
    // its model's T, and which image (1-based) the lookup and the walk start from.
    // `dataSpec`: what the run's model trained on; its nearest training images are looked up only where
    // that is Fashion-MNIST (the quality classifier's reference set).
    void setRun(const torch::Tensor& finals, int steps, int image, bool haveModel, const std::string& dataSpec = {});
    QPushButton* interpolateButton() const { return m_walk; }
    QPushButton* neighboursButton() const { return m_nearest; }

    // As the dialog asks: a walk between final images `from` and `to` (1-based).
    void interpolateImages(int from, int to, const ddpm::InterpolationOptions& walk);
    // As the button asks: the nearest training images of image `image` (1-based).
    void findNeighbours(int image);

Q_SIGNALS:
    // Two final images, [C, H, W] in [−1, 1], the from-th and the to-th (1-based) of the run; `which` names
    // them ("2 → 7 of the run").
    void interpolateRequested(const torch::Tensor& a, const torch::Tensor& b, const ddpm::InterpolationOptions& walk,
                              const QString& which, int from, int to);
    // One final image [1, C, H, W] in [−1, 1], the image-th (1-based) of the run.
    void neighboursRequested(const torch::Tensor& image, int index);

private:
    void askInterpolation();

    QPushButton* m_walk;
    QPushButton* m_nearest;
    torch::Tensor m_finals;
    int m_steps = 1000;
    int m_image = 1;
};
