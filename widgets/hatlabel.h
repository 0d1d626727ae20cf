// A one-line label that draws each combining circumflex (U+0302) itself, as a small chevron above the
// character before it, so that x̂₀ and ε̂ wear their hat in every font. Fonts position the mark through
// their own anchors and some get it wrong: DejaVu Sans, a common default on Linux, drops it from x or
// puts it under the letter. Text without U+0302 is drawn by QLabel as usual; text() keeps the mark.
#pragma once

#include <QLabel>

class HatLabel : public QLabel {
    Q_OBJECT

public:
    explicit HatLabel(const QString& text = QString(), QWidget* parent = nullptr);
    ~HatLabel() override;

    // The text without its circumflexes, and the indices (into it) of the characters that carry one.
    static QString stripHats(const QString& text, QList<int>* hatted = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool hasHats() const;
};
