#include "dialogs.h"

#include <QFileDialog>

#include <optional>

namespace {
std::optional<QMessageBox::StandardButton> g_nextAnswer;
std::optional<QString> g_nextPath;
bool g_silent = false;
} // namespace

namespace Dialogs {

void setNextAnswer(QMessageBox::StandardButton answer) { g_nextAnswer = answer; }

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    if (g_nextAnswer) {
        const auto a = *g_nextAnswer;
        g_nextAnswer.reset();
        return a;
    }
    // File names and engine messages come from files: shown as plain text, never as rich text.
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void setSilent(bool silent) { g_silent = silent; }

void warning(QWidget* parent, const QString& title, const QString& text)
{
    if (g_silent)
        return;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

void setNextSavePath(const QString& path) { g_nextPath = path; }

QString savePath(QWidget* parent, const QString& title, const QString& suggested, const QString& filter)
{
    if (g_nextPath) {
        const QString p = *g_nextPath;
        g_nextPath.reset();
        return p;
    }
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString openPath(QWidget* parent, const QString& title, const QString& dir, const QString& filter)
{
    if (g_nextPath) {
        const QString p = *g_nextPath;
        g_nextPath.reset();
        return p;
    }
    return QFileDialog::getOpenFileName(parent, title, dir, filter);
}

QString folderPath(QWidget* parent, const QString& title, const QString& dir)
{
    if (g_nextPath) {
        const QString p = *g_nextPath;
        g_nextPath.reset();
        return p;
    }
    return QFileDialog::getExistingDirectory(parent, title, dir);
}

} // namespace Dialogs
