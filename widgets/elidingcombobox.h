// A combo box whose closed box ends a text too long for it with "…", instead of cutting it off
// mid-letter, and then shows the whole text in its tooltip (before the tooltip it has). The open list
// shows every entry whole. For forms that must fit a small window in every language.
#pragma once

#include <QComboBox>

class ElidingComboBox : public QComboBox {
    Q_OBJECT

public:
    explicit ElidingComboBox(QWidget* parent = nullptr);

    QString shownText() const; // the current text as the closed box draws it
    bool isElided() const { return shownText() != currentText(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    int textWidth() const; // room for the text in the closed box
};
