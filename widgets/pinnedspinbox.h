// A spin box that can show another number than its value while a choice elsewhere fixes it (DDPM takes
// all T steps, whatever DDIM's step count is): the value stays, for when the choice changes back, and is
// what value() returns throughout.
#pragma once

#include <QSpinBox>

#include <optional>

class PinnedSpinBox : public QSpinBox {
    Q_OBJECT

public:
    using QSpinBox::QSpinBox;

    // Shows `shown` in place of the value; std::nullopt: the value again.
    void pin(std::optional<int> shown);
    std::optional<int> pinned() const { return m_pinned; }

protected:
    QSize sizeHint() const override; // as unpinned: the box keeps its width when pinned
    QSize minimumSizeHint() const override;
    QString textFromValue(int value) const override;
    int valueFromText(const QString& text) const override; // the value, while pinned

private:
    std::optional<int> m_pinned;
    mutable bool m_measuring = false; // the size hints measure the range's own numbers
};
