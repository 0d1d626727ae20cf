// Questions to the user behind one seam, so tests can answer them without a human (KeePassXC's
// MessageBox::setNextAnswer).
#pragma once

#include <QMessageBox>

class Settings;

namespace Dialogs {
// The next question() returns this instead of showing a dialog (once).
void setNextAnswer(QMessageBox::StandardButton answer);
// Whether an answer set with setNextAnswer() is still waiting for its question (tests).
bool answerPending();
QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton);
// The text of the last question() asked, shown or answered by setNextAnswer() (tests).
QString lastQuestion();
// Errors go to the window's status bar and, unless tests silence them, a dialog.
void setSilent(bool silent);
void warning(QWidget* parent, const QString& title, const QString& text);
// How many warnings have been given, shown or silenced (tests: whether an error asked for a dialog).
int warningCount();
// A save-file path; tests set the next one.
void setNextSavePath(const QString& path);
// File dialogs start in the folder that a dialog of the same kind ("models", "exports", "data") chose
// last (kept in these settings; none set: `dir` or the folder of `suggested`), and remember the choice.
void setSettings(Settings* settings);
QString savePath(QWidget* parent, const QString& title, const QString& kind, const QString& suggested,
                 const QString& filter);
QString openPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir, const QString& filter);
// A file to follow that may not be there yet (the checkpoint a run will write): a dialog that takes a new
// name, its button says Follow.
QString comingPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir,
                   const QString& filter);
QString folderPath(QWidget* parent, const QString& title, const QString& kind, const QString& dir);
} // namespace Dialogs
