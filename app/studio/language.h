// The user's language: Qt's own catalogue (standard dialogs and buttons) and the app's, which is built
// into the app as :/i18n/ddpm_<language>.qm. An empty language follows the system locale.
#pragma once

#include <QList>
#include <QString>

class QObject;
class QTranslator;

// Sets the default locale and installs the catalogues found for `language`, owned by `owner`. Returns
// the translators installed (none for English, which needs none).
QList<QTranslator*> installTranslations(const QString& language, QObject* owner);
