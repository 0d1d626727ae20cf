#include "interpolatedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

using namespace ddpm;

InterpolateDialog::InterpolateDialog(int first, int last, int from, int t, int steps, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Interpolate between two images"));
    m_from = new QSpinBox(this);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setRange(first, last);
    m_from->setValue(std::clamp(from, first, last));
    m_to = new QSpinBox(this);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setRange(first, last);
    m_to->setValue(m_from->value() < last ? m_from->value() + 1 : first);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("DDPM: noise both to t, mix, denoise"), QVariant::fromValue(int(InterpolationMode::Ddpm)));
    m_mode->addItem(tr("DDIM: invert both to the noise at t = T, mix spherically, decode"),
                    QVariant::fromValue(int(InterpolationMode::Ddim)));
    m_t = new QSpinBox(this);
    m_t->setObjectName(QStringLiteral("t"));
    m_t->setRange(1, steps);
    m_t->setValue(std::clamp(t, 1, steps));
    m_t->setToolTip(tr("How far both images are noised before they are mixed: at a small t the walk mixes the "
                       "pixels, at a large t it passes through new images"));
    m_ddimSteps = new QSpinBox(this);
    m_ddimSteps->setObjectName(QStringLiteral("ddimSteps"));
    m_ddimSteps->setRange(1, steps);
    m_ddimSteps->setValue(std::min(InterpolationOptions{}.ddimSteps, steps)); // what ddpm interpolate takes
    m_ddimSteps->setToolTip(tr("The steps of the inversion and of the decoding: with more, each end comes back "
                               "closer to its own image"));
    m_lambdas = new QSpinBox(this);
    m_lambdas->setObjectName(QStringLiteral("lambdas"));
    m_lambdas->setRange(2, 33);
    m_lambdas->setValue(InterpolationOptions{}.lambdas);
    m_explain = new QLabel(this);
    m_explain->setWordWrap(true);
    m_explain->setMinimumWidth(360);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Interpolate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("From image"), m_from);
    form->addRow(tr("To image"), m_to);
    form->addRow(tr("Walk"), m_mode);
    form->addRow(tr("Noise to t (DDPM)"), m_t);
    form->addRow(tr("Steps (DDIM)"), m_ddimSteps);
    form->addRow(tr("Images λ = 0 … 1"), m_lambdas);
    form->addRow(m_explain);
    form->addRow(buttons);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &InterpolateDialog::updateControls);
    auto same = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_from->value() != m_to->value());
    };
    connect(m_from, &QSpinBox::valueChanged, this, same);
    connect(m_to, &QSpinBox::valueChanged, this, same);
    same();
    updateControls();
}

int InterpolateDialog::from() const
{
    return m_from->value();
}

int InterpolateDialog::to() const
{
    return m_to->value();
}

void InterpolateDialog::setMode(InterpolationMode mode)
{
    m_mode->setCurrentIndex(mode == InterpolationMode::Ddim ? 1 : 0);
}

InterpolationOptions InterpolateDialog::options() const
{
    InterpolationOptions o;
    o.mode = static_cast<InterpolationMode>(m_mode->currentData().toInt());
    o.t = m_t->value();
    o.ddimSteps = m_ddimSteps->value();
    o.lambdas = m_lambdas->value();
    return o;
}

void InterpolateDialog::updateControls()
{
    const bool ddim = options().mode == InterpolationMode::Ddim;
    m_t->setEnabled(!ddim);
    m_ddimSteps->setEnabled(ddim);
    m_explain->setText(ddim ? tr("Both images are run backwards through DDIM (η = 0) to the noise at t = T they would "
                                 "come from, the two noises are mixed along the sphere they lie near, and each "
                                 "mixture is decoded with DDIM (Song et al. 2021, §5.3).")
                            : tr("Both images are noised to t with the same noise, mixed as (1 − λ) xₜᵃ + λ xₜᵇ, "
                                 "and each mixture is denoised with the same reverse noise, so the images differ only "
                                 "by λ (Ho et al. 2020, Fig. 8)."));
}
