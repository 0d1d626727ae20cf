#include "messages.h"

#include "dataset.h"

#include <QCoreApplication>

namespace ddpm {

namespace {

QString translated(const Error& error)
{
    const QString text =
        error.literal ? QString::fromStdString(error.text) : QCoreApplication::translate("Engine", error.text.c_str());
    if (error.args.empty())
        return text;
    // The same one-pass filling as the English form; '%' and digits are ASCII, so UTF-8 is safe.
    std::vector<std::string> args;
    for (const auto& a : error.args)
        args.push_back(translated(a).toStdString());
    return QString::fromStdString(fillPlaceholders(text.toStdString(), args));
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

QString engineText(const std::string& text)
{
    return QCoreApplication::translate("Engine", text.c_str());
}

QStringList classDisplayNames(const std::vector<std::string>& names)
{
    const bool known = names == fashionMnistClassNames() || names == cifar10ClassNames();
    QStringList out;
    for (const auto& name : names)
        out << (known ? QCoreApplication::translate("ClassName", name.c_str()) : QString::fromStdString(name));
    return out;
}

} // namespace ddpm
