#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

QList<QTranslator*> installTranslations(const QString& language, QObject* owner)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QList<QTranslator*> installed;
    const auto add = [&](const QString& name, const QString& folder) {
        auto* t = new QTranslator(owner);
        if (t->load(locale, name, QStringLiteral("_"), folder) && QCoreApplication::installTranslator(t))
            installed << t;
        else
            delete t;
    };
    add(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    add(QStringLiteral("ddpm"), QStringLiteral(":/i18n"));
    return installed;
}
