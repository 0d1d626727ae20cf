#include "runactions.h"

#include "dataloader.h"
#include "interpolatedialog.h"

#include "dataset.h"

#include <QHBoxLayout>
#include <QPushButton>

#include <algorithm>

using namespace ddpm;

RunActions::RunActions(QWidget* parent)
    : QWidget(parent)
{
    m_walk = new QPushButton(tr("Interpolate…"), this);
    m_walk->setToolTip(tr("Walk between two images of this finished run: noised to t and mixed (Ho et al. 2020, "
                          "Fig. 8), or inverted with DDIM and mixed spherically"));
    m_nearest = new QPushButton(tr("Nearest training images"), this);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_walk);
    row->addWidget(m_nearest);
    connect(m_walk, &QPushButton::clicked, this, &RunActions::askInterpolation);
    connect(m_nearest, &QPushButton::clicked, this, [this] { findNeighbours(m_image); });
    setRun({}, ScheduleOptions{}.steps, 1, false);
}

void RunActions::setRun(const torch::Tensor& finals, int steps, int image, bool haveModel, const std::string& dataSpec)
{
    m_finals = haveModel ? finals : torch::Tensor();
    m_steps = steps;
    m_image = image;
    const int64_t n = m_finals.defined() ? m_finals.size(0) : 0;
    m_walk->setEnabled(n > 1);
    const bool fashion = trainedOnFashionMnist(dataSpec);
    m_nearest->setEnabled(n > 0 && m_finals.size(1) == 1 && fashion); // the classifier's images are grey
    m_nearest->setToolTip(fashion ? tr("Is this image a copy? Its nearest Fashion-MNIST training images, in the "
                                       "quality classifier's features and in pixels, with their distances (the "
                                       "image to fork)")
                                  : tr("Nearest training images are looked up among Fashion-MNIST's; this model "
                                       "trained on %1.")
                                        .arg(DataLoader::displayName(QString::fromStdString(dataSpec))));
}

void RunActions::askInterpolation()
{
    if (!m_finals.defined())
        return;
    InterpolateDialog dialog(1, static_cast<int>(m_finals.size(0)), m_image, defaultWalkT(m_steps), m_steps, this);
    if (dialog.exec() == QDialog::Accepted)
        interpolateImages(dialog.from(), dialog.to(), dialog.options());
}

void RunActions::interpolateImages(int from, int to, const InterpolationOptions& walk)
{
    if (!m_finals.defined() || from == to || std::min(from, to) < 1 || std::max(from, to) > m_finals.size(0))
        return;
    const auto finals = m_finals.to(torch::kFloat32);
    Q_EMIT interpolateRequested(finals[from - 1], finals[to - 1], walk, tr("%1 → %2 of the run").arg(from).arg(to),
                                from, to);
}

void RunActions::findNeighbours(int image)
{
    if (!m_finals.defined() || image < 1 || image > m_finals.size(0))
        return;
    Q_EMIT neighboursRequested(m_finals.narrow(0, image - 1, 1).to(torch::kFloat32), image);
}
