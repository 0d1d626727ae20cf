#include "dialogs.h"

#include "settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include <optional>

namespace {
std::optional<QMessageBox::StandardButton> g_nextAnswer;
std::optional<QString> g_nextPath;
bool g_silent = false;
Settings* g_settings = nullptr;

QString startFolder(const QString& kind, const QString& fallback)
{
    return g_settings ? g_settings->lastFolder(kind, fallback) : fallback;
}

QString remembered(const QString& kind, const QString& chosen, bool isFolder)
{
    if (g_settings && !chosen.isEmpty())
        g_settings->rememberFolder(kind, isFolder ? chosen : QFileInfo(chosen).absolutePath());
    return chosen;
}

std::optional<QString> takeNextPath()
{
    auto p = g_nextPath;
    g_nextPath.reset();
    return p;
}
} // namespace

namespace Dialogs {

void setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

bool answerPending()
{
    return g_nextAnswer.has_value();
}

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

void setSilent(bool silent)
{
    g_silent = silent;
}

void warning(QWidget* parent, const QString& title, const QString& text)
{
    if (g_silent)
        return;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

void setNextSavePath(const QString& path)
{
    g_nextPath = path;
}

void setSettings(Settings* settings)
{
    g_settings = settings;
}

QString savePath(QWidget* parent, const QString& title, const QString& kind, const QString& suggested,
                 const QString& filter)
{
    if (auto p = takeNextPath())
        return remembered(kind, *p, false);
    const QFileInfo info(suggested);
    const QString start = QDir(startFolder(kind, info.absolutePath())).filePath(info.fileName());
    return remembered(kind, QFileDialog::getSaveFileName(parent, title, start, filter), false);
}

QString openPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir, const QString& filter)
{
    if (auto p = takeNextPath())
        return remembered(kind, *p, false);
    return remembered(kind, QFileDialog::getOpenFileName(parent, title, startFolder(kind, dir), filter), false);
}

QString folderPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir)
{
    if (auto p = takeNextPath())
        return remembered(kind, *p, true);
    return remembered(kind, QFileDialog::getExistingDirectory(parent, title, startFolder(kind, dir)), true);
}

} // namespace Dialogs
