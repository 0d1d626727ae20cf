#include "classpicker.h"

#include "elidingcombobox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace {
constexpr int kSliderSteps = 10; // the slider moves w in tenths
// The slider's end, w = 8: past the useful range of every model we have seen. The engine (and ddpm's
// --guidance) take up to limits::kMaxGuidance; a run set further (a past run's w) is shown at the end.
constexpr double kSliderMaxGuidance = 8;
} // namespace

ClassPicker::ClassPicker(QWidget* parent)
    : QWidget(parent)
{
    m_class = new ElidingComboBox(this);
    m_guidance = new QSlider(Qt::Horizontal, this);
    m_guidance->setRange(0, static_cast<int>(kSliderMaxGuidance * kSliderSteps));
    m_guidance->setValue(static_cast<int>(ddpm::kDefaultGuidance * kSliderSteps));
    m_guidance->setToolTip(
        tr("Classifier-free guidance w (Ho & Salimans 2022): ε̃ = (1 + w) ε̂(x, t, class) − w ε̂(x, t, no class). "
           "w = 0 is the plain class-conditional model; larger w gives images more typical of the class and less "
           "varied. Some libraries write the same as s = 1 + w."));
    m_value = new QLabel(this);
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QStringLiteral("0.0")) + 4);
    // One row (the forms it sits in are tall already): the class, then the guidance slider and its value.
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_class, 3);
    row->addWidget(m_guidance, 2);
    row->addWidget(m_value);
    m_class->setMinimumContentsLength(4);
    m_class->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_guidance->setMinimumWidth(40);
    m_guidance->setMaximumWidth(110);
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
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
    // A model with classes after one without: every class, guided as `ddpm sample` does by default.
    const bool fresh = m_names.isEmpty();
    const int kept = fresh ? ddpm::kEveryClass : m_class->currentData().toInt();
    if (fresh && !names.isEmpty()) {
        const QSignalBlocker block(m_guidance);
        m_guidance->setValue(static_cast<int>(ddpm::kDefaultGuidance * kSliderSteps));
    }
    m_names = names;
    {
        const QSignalBlocker block(m_class);
        m_class->clear();
        if (!names.isEmpty()) {
            m_class->addItem(tr("Every class"), ddpm::kEveryClass);
            m_class->addItem(tr("No class"), ddpm::kUnconditional);
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
    if (m_names.isEmpty())
        return; // an unconditional model's options say nothing about classes: keep the defaults for the next
    const QSignalBlocker block(this);
    const int at = m_class->findData(classChoice);
    if (at >= 0)
        m_class->setCurrentIndex(at);
    m_guidance->setValue(static_cast<int>(std::lround(guidance * kSliderSteps)));
    updateState();
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
    m_class->setToolTip(conditional ? tr("Which class the images are drawn from: one class, every class in equal "
                                         "shares (image i of class i mod K), or none (the unconditional model)")
                                    : tr("This model was trained without classes: train one with "
                                         "“Class-conditional” (or ddpm train --conditional) to choose a class"));
    m_guidance->setEnabled(guided);
    m_value->setText(guided ? QLocale().toString(guidance(), 'f', 1) : QStringLiteral("—"));
}
