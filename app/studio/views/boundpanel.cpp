#include "boundpanel.h"

#include "curvechart.h"
#include "dataset.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace ddpm;

BoundPanel::BoundPanel(QWidget* parent)
    : QWidget(parent)
    , m_controller(new BoundController(this))
{
    m_images = new QSpinBox(this);
    m_images->setRange(1, 1000);
    m_images->setValue(4);
    m_images->setToolTip(tr("Held-out images measured; each costs one network evaluation per timestep"));
    m_timesteps = new QSpinBox(this);
    m_timesteps->setRange(4, 1000);
    m_timesteps->setValue(40);
    m_timesteps->setToolTip(tr("Timesteps measured, spread over 1 … T (denser where the terms change fastest); "
                               "the total is interpolated between them"));
    m_measure = new QPushButton(tr("Measure the bound"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_chart = new CurveChart(this);
    m_chart->setLogY(true);
    m_chart->setLogX(true); // the few steps near t = 1 that hold much of the bound get room
    m_chart->setAxisTitles(tr("t"), tr("per dimension")); // the curves' names give their units
    m_chart->setMinimumHeight(160);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_why = new QLabel(tr("The bound weights its terms very unequally: a few steps near t = 1 hold much of it. "
                          "L_simple drops those weights and trains every t alike, so the network spends its "
                          "capacity on the noisier levels, where the images' content is decided: the paper "
                          "found this gives better samples and a worse bound (Ho et al. 2020, §3.4 and §4.2)."),
                       this);
    m_why->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Images"), m_images);
    form->addRow(tr("Timesteps"), m_timesteps);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_measure);
    buttons->addWidget(m_cancel);
    form->addRow(buttons);
    auto* top = new QHBoxLayout;
    top->addLayout(form);
    top->addWidget(m_result, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_why);

    connect(m_measure, &QPushButton::clicked, this, &BoundPanel::measure);
    connect(m_cancel, &QPushButton::clicked, this, &BoundPanel::cancel);
    connect(m_controller, &BoundController::progress, this, [this](int done, int total) {
        m_result->setText(tr("Measuring: timestep %L1 of %L2…").arg(done).arg(total));
    });
    connect(m_controller, &BoundController::finished, this,
            [this](const std::shared_ptr<const BoundProfile>& profile, double priorBits, const QString& error) {
                if (profile) {
                    m_profile = *profile;
                    showProfile(priorBits);
                } else {
                    m_result->setText(error.isEmpty() ? tr("Cancelled.") : error);
                }
                updateControls();
            });
    m_result->setText(tr("Measure the bound of the model on held-out images."));
    updateControls();
}

BoundPanel::~BoundPanel() = default;

std::vector<int> BoundPanel::profileTimesteps(int T, int count)
{
    count = std::clamp(count, 1, std::max(1, T));
    std::vector<int> ts;
    for (int t = 1; t <= std::min(3, T) && static_cast<int>(ts.size()) < count; ++t)
        ts.push_back(t);
    const int rest = count - static_cast<int>(ts.size());
    for (int k = 1; k <= rest; ++k) {
        // Geometric from 3 to T; where two round to the same t, the next one up, so that `count` are taken.
        const double f = static_cast<double>(k) / rest;
        const int t = static_cast<int>(std::lround(3.0 * std::pow(static_cast<double>(T) / 3.0, f)));
        ts.push_back(std::min(T - (rest - k), std::max(ts.back() + 1, t)));
    }
    return ts;
}

void BoundPanel::setModelSource(std::function<SnapshotPtr()> source)
{
    m_modelSource = std::move(source);
}

void BoundPanel::clear()
{
    m_controller->discard(); // its result would be of the model before
    m_profile.clear();
    m_total = NAN;
    m_chart->setCurves({});
    m_result->setText(tr("Measure the bound of the model on held-out images."));
    updateControls();
}

void BoundPanel::measure()
{
    const SnapshotPtr model = m_modelSource ? m_modelSource() : nullptr;
    if (!model) {
        m_result->setText(tr("Open or train a model first."));
        return;
    }
    if (m_controller->isRunning())
        return;
    // Its held-out images, else its own (m_unseen false: the panel says so).
    const auto source = ddpm::imagesToMeasure(model->config.dataSpec);
    m_source = QString::fromStdString(source.spec);
    m_unseen = source.unseen;
    m_T = model->config.schedule.steps;
    m_controller->measure(model, source.spec, m_images->value(), profileTimesteps(m_T, m_timesteps->value()));
    m_result->setText(tr("Measuring…"));
    updateControls();
}

void BoundPanel::cancel()
{
    m_controller->cancel();
}

void BoundPanel::showProfile(double priorBits)
{
    QVector<QPointF> terms, simple;
    for (const auto& p : m_profile) {
        terms << QPointF(p.t, p.bitsPerDim);
        simple << QPointF(p.t, p.simpleLoss);
    }
    m_chart->setCurves({{tr("bound's term Lₜ₋₁ (bits/dim)"), terms, QColor(200, 60, 40)},
                        {tr("L_simple: ‖ε − ε̂‖² per dimension"), simple, QColor(40, 90, 200)}});
    m_total = profileTotal(m_profile, m_T, priorBits);
    const double error = profileTotalError(m_profile, m_T);
    // ± one standard error over the images: a few images give a rough figure, and it says how rough.
    const QString total =
        QLocale().toString(m_total, 'f', 3) +
        (std::isfinite(error) ? QStringLiteral(" ± ") + QLocale().toString(error, 'f', 3) : QString());
    m_result->setToolTip(tr("± one standard error over the images measured (the interpolation between the "
                            "timesteps aside): more images make it smaller."));
    m_result->setText(tr("<b>%1 bits/dim</b> (the bound on −log p(x₀), estimated from %2 timesteps of %3 "
                         "images of %4%5); L<sub>T</sub>&nbsp;%6, L<sub>0</sub>&nbsp;%7&nbsp;bits/dim. <i>ddpm nll</i> "
                         "measures every timestep.")
                          .arg(total)
                          .arg(m_profile.size())
                          .arg(m_images->value())
                          .arg(m_source, m_unseen ? QString() : tr(", which the model may have trained on"))
                          .arg(QLocale().toString(priorBits, 'g', 3))
                          .arg(QLocale().toString(m_profile.empty() ? NAN : m_profile.front().bitsPerDim, 'g', 3)));
}

void BoundPanel::updateControls()
{
    const bool running = m_controller->isRunning();
    m_measure->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_images->setEnabled(!running);
    m_timesteps->setEnabled(!running);
}

QString BoundPanel::resultText() const
{
    return m_result->text();
}
