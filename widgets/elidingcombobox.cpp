#include "elidingcombobox.h"

#include <QHelpEvent>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>

ElidingComboBox::ElidingComboBox(QWidget* parent)
    : QComboBox(parent)
{
}

int ElidingComboBox::textWidth() const
{
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    int width = style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, this).width();
    if (!opt.currentIcon.isNull())
        width -= opt.iconSize.width() + 4; // the styles put the icon and a gap before the text
    return std::max(0, width - 2);         // and a pixel of margin on either side of it
}

QString ElidingComboBox::shownText() const
{
    if (isEditable()) // the line edit shows the text, and scrolls it
        return currentText();
    return fontMetrics().elidedText(currentText(), Qt::ElideRight, textWidth());
}

void ElidingComboBox::paintEvent(QPaintEvent* event)
{
    if (isEditable())
        return QComboBox::paintEvent(event);
    // As QComboBox paints itself: the frame and arrow, then the label, here with the shortened text.
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    painter.drawComplexControl(QStyle::CC_ComboBox, opt);
    opt.currentText = shownText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, opt);
}

bool ElidingComboBox::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && isElided()) {
        const QString own = toolTip();
        QString tip = QStringLiteral("<qt>") + currentText().toHtmlEscaped(); // rich text, whatever follows
        if (!own.isEmpty())
            tip += QStringLiteral("<br><br>") +
                   (Qt::mightBeRichText(own) ? own
                                             : own.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), tip, this);
        return true;
    }
    return QComboBox::event(event);
}
