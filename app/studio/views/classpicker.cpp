#include "classpicker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace {
constexpr int kSliderSteps = 10;   // the slider moves w in tenths
constexpr double kMaxGuidance = 8; // w up to 8: past the useful range of every model we have seen
} // namespace

ClassPicker::ClassPicker(QWidget* parent)
    : QWidget(parent)
{
    m_class = new QComboBox(this);
    m_guidance = new QSlider(Qt::Horizontal, this);
    m_guidance->setRange(0, static_cast<int>(kMaxGuidance * kSliderSteps));
    m_guidance->setValue(static_cast<int>(ddpm::kDefaultGuidance * kSliderSteps));
    m_guidance->setToolTip(
        tr("Classifier-free guidance w (Ho & Salimans 2022): ε̃ = (1 + w) ε̂(x, t, class) − w ε̂(x, t, no class). "
           "w = 0 is the plain class-conditional model; larger w gives images more typical of the class and less "
           "varied. Some libraries write the same as s = 1 + w."));
    m_value = new QLabel(this);
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QStringLiteral("w = 0.0")) + 4);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Class"), m_class);
    auto* row = new QHBoxLayout;
    row->addWidget(m_guidance, 1);
    row->addWidget(m_value);
    form->addRow(tr("Guidance"), row);
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        Q_EMIT changed();
    });
    connect(m_guidance, &QSlider::valueChanged, this, [this] {
        updateState();
        Q_EMIT changed();
    });
    setClassNames({});
}

void ClassPicker::setClassNames(const QStringList& names)
{
    const int kept = m_class->count() > 0 ? m_class->currentData().toInt() : ddpm::kEveryClass;
    m_names = names;
    {
        const QSignalBlocker block(m_class);
        m_class->clear();
        if (!names.isEmpty()) {
            m_class->addItem(tr("Every class (equal shares)"), ddpm::kEveryClass);
            m_class->addItem(tr("No class (unconditional)"), ddpm::kUnconditional);
            for (int k = 0; k < names.size(); ++k)
                m_class->addItem(QStringLiteral("%1 · %2").arg(k).arg(names[k]), k);
        } else {
            m_class->addItem(tr("— (trained without classes)"), ddpm::kUnconditional);
        }
        const int at = m_class->findData(kept);
        m_class->setCurrentIndex(at >= 0 ? at : 0);
    }
    updateState();
}

void ClassPicker::apply(ddpm::SamplerOptions& options) const
{
    options.classChoice = m_names.isEmpty() ? ddpm::kUnconditional : m_class->currentData().toInt();
    options.guidance = options.classChoice == ddpm::kUnconditional ? 0.0 : guidance();
}

void ClassPicker::setChoice(int classChoice, double guidance)
{
    const int at = m_class->findData(classChoice);
    if (at >= 0)
        m_class->setCurrentIndex(at);
    m_guidance->setValue(static_cast<int>(std::lround(guidance * kSliderSteps)));
}

double ClassPicker::guidance() const
{
    return static_cast<double>(m_guidance->value()) / kSliderSteps;
}

void ClassPicker::updateState()
{
    const bool conditional = !m_names.isEmpty();
    const bool guided = conditional && m_class->currentData().toInt() != ddpm::kUnconditional;
    m_class->setEnabled(conditional);
    m_class->setToolTip(conditional ? tr("Which class the images are drawn from")
                                    : tr("This model was trained without classes: train one with "
                                         "“Class-conditional” (or ddpm train --conditional) to choose a class"));
    m_guidance->setEnabled(guided);
    m_value->setText(guided ? QStringLiteral("w = %1").arg(guidance(), 0, 'f', 1) : QStringLiteral("—"));
}
