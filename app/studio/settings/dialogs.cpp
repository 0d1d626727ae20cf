#include "dialogs.h"

#include "settings.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>

#include <optional>

namespace {
std::optional<QMessageBox::StandardButton> g_nextAnswer;
std::optional<QString> g_nextPath;
QString g_lastQuestion;
bool g_silent = false;
int g_warnings = 0; // warning() calls, shown or silenced
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

// Icons and type names from the name alone. Qt's own file dialog otherwise reads the start of each file it
// lists or completes to tell its type, and a file that never answers (/proc/…, a pipe) freezes the window.
class NameOnlyIconProvider : public QFileIconProvider {
public:
    QIcon icon(const QFileInfo& info) const override
    {
        return QFileIconProvider::icon(info.isDir() ? QAbstractFileIconProvider::Folder
                                                    : QAbstractFileIconProvider::File);
    }
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }
    QString type(const QFileInfo& info) const override
    {
        if (info.isDir())
            return QFileIconProvider::type(info);
        return QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension).comment();
    }
};

// The first type a filter names ("PNG images (*.png)": "png"), added to a name typed without one.
QString defaultSuffix(const QString& filter)
{
    const auto match = QRegularExpression(QStringLiteral("\\*\\.([A-Za-z0-9]+)")).match(filter);
    return match.hasMatch() ? match.captured(1) : QString();
}

// A file dialog of the platform where it has one, else Qt's own with NameOnlyIconProvider.
QString runDialog(QWidget* parent, const QString& title, const QString& start, const QString& filter,
                  QFileDialog::AcceptMode accept, QFileDialog::FileMode mode, const QString& acceptLabel = {})
{
    static NameOnlyIconProvider provider;
    QFileDialog dialog(parent, title, start, filter);
    dialog.setAcceptMode(accept);
    dialog.setFileMode(mode);
    if (!acceptLabel.isEmpty()) { // a name to come: a save dialog that takes it as it is, under another label
        dialog.setOption(QFileDialog::DontConfirmOverwrite);
        dialog.setLabelText(QFileDialog::Accept, acceptLabel);
    }
    if (mode == QFileDialog::Directory)
        dialog.setOption(QFileDialog::ShowDirsOnly);
    if (accept == QFileDialog::AcceptSave)
        dialog.setDefaultSuffix(defaultSuffix(filter));
    dialog.setIconProvider(&provider);
    if (!start.isEmpty() && mode != QFileDialog::Directory && !QFileInfo(start).isDir())
        dialog.selectFile(start);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
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
    g_lastQuestion = text;
    if (g_nextAnswer) {
        const auto a = *g_nextAnswer;
        g_nextAnswer.reset();
        return a;
    }
    // File names and engine messages come from files: shown as plain text, never as rich text.
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    // Qt names Save and Cancel with a key (Alt+S, Esc) but not Discard: give it Alt+D.
    if (QAbstractButton* discard = box.button(QMessageBox::Discard); discard && !discard->text().contains(u'&'))
        discard->setText(QCoreApplication::translate("Dialogs", "&Discard"));
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

QString lastQuestion()
{
    return g_lastQuestion;
}

void setSilent(bool silent)
{
    g_silent = silent;
}

void warning(QWidget* parent, const QString& title, const QString& text)
{
    ++g_warnings;
    if (g_silent)
        return;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

int warningCount()
{
    return g_warnings;
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
    return remembered(kind, runDialog(parent, title, start, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile),
                      false);
}

QString openPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir, const QString& filter)
{
    if (auto p = takeNextPath())
        return remembered(kind, *p, false);
    return remembered(
        kind,
        runDialog(parent, title, startFolder(kind, dir), filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile),
        false);
}

QString comingPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir,
                   const QString& filter)
{
    if (auto p = takeNextPath())
        return remembered(kind, *p, false);
    // A save dialog: an open dialog, native ones above all, takes only files that are there.
    return remembered(kind,
                      runDialog(parent, title, startFolder(kind, dir), filter, QFileDialog::AcceptSave,
                                QFileDialog::AnyFile, QCoreApplication::translate("Dialogs", "&Follow")),
                      false);
}

QString folderPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir)
{
    if (auto p = takeNextPath())
        return remembered(kind, *p, true);
    return remembered(
        kind,
        runDialog(parent, title, startFolder(kind, dir), QString(), QFileDialog::AcceptOpen, QFileDialog::Directory),
        true);
}

} // namespace Dialogs
