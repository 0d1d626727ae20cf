// The user's language: Qt's own catalogue (standard dialogs and buttons) and the app's, which is built
// into the app as :/i18n/ddpm_<language>.qm. An empty language follows the system locale.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QObject;
class QTranslator;

// Sets the default locale and installs the catalogues found for `language`, owned by `owner`. Returns
// the translators installed (none for English, which needs none).
QList<QTranslator*> installTranslations(const QString& language, QObject* owner);

// The language of the last installTranslations call: the one this run's interface is in (from
// --language or the settings; empty for the system's), which the Language menu ticks.
QString installedLanguage();

// The command line for restarting in `language` with the model at `checkpoint` open: `arguments` (the
// current ones, without the program) less any --language, --checkpoint and --data it had (each with its
// value, as "--opt value" or "--opt=value"), then --language (unless empty: the settings decide) and
// --checkpoint (unless empty). The data set is the one the settings remember.
QStringList restartArguments(const QStringList& arguments, const QString& language, const QString& checkpoint);
