#include "pinnedspinbox.h"

void PinnedSpinBox::pin(std::optional<int> shown)
{
    if (shown == m_pinned)
        return;
    m_pinned = shown;
    setPrefix(prefix()); // draws the text anew (QAbstractSpinBox has no public call for it)
}

QString PinnedSpinBox::textFromValue(int value) const
{
    return QSpinBox::textFromValue(m_pinned.value_or(value));
}

int PinnedSpinBox::valueFromText(const QString& text) const
{
    return m_pinned ? value() : QSpinBox::valueFromText(text);
}
