#include "pinnedspinbox.h"

#include <QLineEdit>

void PinnedSpinBox::pin(std::optional<int> shown)
{
    if (shown == m_pinned)
        return;
    m_pinned = shown;
    // The text anew, without the size hint's cache cleared as setPrefix() would (QAbstractSpinBox has no
    // public call for it); the value does not change.
    lineEdit()->setText(prefix() + textFromValue(value()) + suffix());
}

QSize PinnedSpinBox::sizeHint() const
{
    m_measuring = true;
    const QSize size = QSpinBox::sizeHint();
    m_measuring = false;
    return size;
}

QSize PinnedSpinBox::minimumSizeHint() const
{
    m_measuring = true;
    const QSize size = QSpinBox::minimumSizeHint();
    m_measuring = false;
    return size;
}

QString PinnedSpinBox::textFromValue(int value) const
{
    return QSpinBox::textFromValue(m_pinned && !m_measuring ? *m_pinned : value);
}

int PinnedSpinBox::valueFromText(const QString& text) const
{
    return m_pinned ? value() : QSpinBox::valueFromText(text);
}
