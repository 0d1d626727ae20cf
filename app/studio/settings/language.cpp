#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>

namespace {
QString g_installed;
}

QString installedLanguage()
{
    return g_installed;
}

QList<QTranslator*> installTranslations(const QString& language, QObject* owner)
{
    g_installed = language;
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

QStringList restartArguments(const QStringList& arguments, const QString& language, const QString& checkpoint)
{
    const QStringList replaced{QStringLiteral("--language"), QStringLiteral("--checkpoint"), QStringLiteral("--data")};
    QStringList out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (replaced.contains(a)) {
            ++i; // and its value
            continue;
        }
        if (std::any_of(replaced.cbegin(), replaced.cend(),
                        [&](const QString& o) { return a.startsWith(o + QLatin1Char('=')); }))
            continue;
        out << a;
    }
    if (!language.isEmpty())
        out << QStringLiteral("--language") << language;
    if (!checkpoint.isEmpty())
        out << QStringLiteral("--checkpoint") << checkpoint;
    return out;
}
