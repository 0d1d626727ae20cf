#include "hatlabel.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyle>

#include <algorithm>
#include <cmath>

namespace {
constexpr char16_t kCombiningCircumflex = 0x0302;
} // namespace

HatLabel::HatLabel(const QString& text, QWidget* parent)
    : QLabel(text, parent)
{
    setTextFormat(Qt::PlainText);
}

HatLabel::~HatLabel() = default;

QString HatLabel::stripHats(const QString& text, QList<int>* hatted)
{
    QString plain;
    plain.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() == kCombiningCircumflex) {
            if (hatted && !plain.isEmpty())
                hatted->append(int(plain.size()) - 1);
            continue;
        }
        plain.append(c);
    }
    return plain;
}

bool HatLabel::hasHats() const
{
    return text().contains(QChar(kCombiningCircumflex));
}

QSize HatLabel::sizeHint() const
{
    if (!hasHats())
        return QLabel::sizeHint();
    // Measured as paintEvent measures (fractional advances), rounded up: a hint a fraction of a pixel
    // short would have the text elided in the room it asked for.
    const QFontMetricsF metrics(font());
    const QMargins m = contentsMargins();
    return QSize(int(std::ceil(metrics.horizontalAdvance(stripHats(text())))) + 2 * margin() + m.left() + m.right(),
                 int(std::ceil(metrics.height())) + 2 * margin() + m.top() + m.bottom());
}

// As narrow as a few letters: a long line (the Reverse view's step caption) is elided to the room the
// layout gives it instead of widening the window.
QSize HatLabel::minimumSizeHint() const
{
    const QSize full = sizeHint();
    return {std::min(full.width(), 4 * fontMetrics().horizontalAdvance(QStringLiteral("…"))), full.height()};
}

void HatLabel::paintEvent(QPaintEvent* event)
{
    const QRectF area = QRectF(contentsRect()).adjusted(margin(), margin(), -margin(), -margin());
    const QFontMetricsF metrics(font());
    if (!hasHats() && metrics.horizontalAdvance(text()) <= area.width()) {
        QLabel::paintEvent(event);
        return;
    }
    QList<int> hatted;
    QString plain = stripHats(text(), &hatted);
    if (metrics.horizontalAdvance(plain) > area.width()) {
        plain = metrics.elidedText(plain, Qt::ElideRight, area.width());
        const int kept = int(plain.size()) - 1; // the letters before the ellipsis keep their hats
        hatted.erase(std::remove_if(hatted.begin(), hatted.end(), [kept](int i) { return i >= kept; }), hatted.end());
    }
    const double width = metrics.horizontalAdvance(plain);
    const Qt::Alignment align = QStyle::visualAlignment(layoutDirection(), alignment());
    double left = area.left();
    if (align & Qt::AlignRight)
        left = area.right() - width;
    else if (align & Qt::AlignHCenter)
        left = area.left() + (area.width() - width) / 2.0;
    double top = area.top() + (area.height() - metrics.height()) / 2.0;
    if (align & Qt::AlignTop)
        top = area.top();
    else if (align & Qt::AlignBottom)
        top = area.bottom() - metrics.height();
    const double baseline = top + metrics.ascent();

    QPainter painter(this);
    painter.setFont(font());
    const QColor color = palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, foregroundRole());
    painter.setPen(color);
    painter.drawText(QPointF(left, baseline), plain);

    // The chevron: as wide as half the letter, its tips a little above the letter's top, its apex a
    // third of an x-height higher; drawn as a stroke so that it needs no glyph.
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double stroke = std::max(1.0, metrics.height() / 16.0);
    painter.setPen(QPen(color, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const int i : std::as_const(hatted)) {
        const QString letter = plain.mid(i, 1);
        const double x0 = left + metrics.horizontalAdvance(plain.left(i));
        const double advance = metrics.horizontalAdvance(letter);
        const QRectF ink = metrics.tightBoundingRect(letter);
        const double centre = x0 + (ink.isEmpty() ? advance / 2.0 : ink.center().x());
        const double letterTop = baseline + (ink.isEmpty() ? -metrics.xHeight() : ink.top());
        const double half = std::max(stroke * 1.5, 0.28 * std::max(advance, metrics.xHeight() * 0.9));
        const double gap = std::max(stroke, 0.18 * metrics.xHeight());
        const double rise = 0.32 * metrics.xHeight();
        QPainterPath hat;
        hat.moveTo(centre - half, letterTop - gap);
        hat.lineTo(centre, letterTop - gap - rise);
        hat.lineTo(centre + half, letterTop - gap);
        painter.drawPath(hat);
    }
}
