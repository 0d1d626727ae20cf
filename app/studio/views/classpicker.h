// The class and the classifier-free guidance a class-conditional model samples with (issue 20): a list
// of the model's classes by name ("Every class" in equal shares, "No class", then each class) and a
// guidance slider. Disabled, with a reason in its tooltip, for a model trained without classes.
#pragma once

#include "options.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;

class ClassPicker : public QWidget {
    Q_OBJECT
public:
    explicit ClassPicker(QWidget* parent = nullptr);

    // The model's classes (empty: an unconditional model). Keeps the choice where the new list has it.
    void setClassNames(const QStringList& names);
    QStringList classNames() const { return m_names; }
    // The class choice and the guidance in `options` (kUnconditional and 0 for an unconditional model).
    void apply(ddpm::SamplerOptions& options) const;
    void setChoice(int classChoice, double guidance);
    double guidance() const;
    QComboBox* classBox() const { return m_class; }
    QSlider* guidanceSlider() const { return m_guidance; }

Q_SIGNALS:
    void changed();

private:
    void updateState();

    QComboBox* m_class;
    QSlider* m_guidance;
    QLabel* m_value;
    QStringList m_names;
};
