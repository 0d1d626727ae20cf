#include "messages.h"

#include <QCoreApplication>
#include <QStringList>

namespace ddpm {

namespace {

QString fill(const QString& text, const QStringList& args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size()) {
            const int k = text.at(i + 1).digitValue() - 1;
            if (k >= 0 && k < args.size()) {
                out += args.at(k);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString translated(const Error& error)
{
    const QString text = error.literal ? QString::fromStdString(error.text)
                                       : QCoreApplication::translate("Engine", error.text.c_str());
    if (error.args.empty())
        return text;
    QStringList args;
    for (const auto& a : error.args)
        args << translated(a);
    return fill(text, args);
}

} // namespace

QString errorText(const Error& error)
{
    // Engine messages start in lower case so that they can be nested; shown on their own they are
    // sentences.
    QString text = translated(error);
    if (!text.isEmpty() && text.at(0).isLower())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace ddpm
