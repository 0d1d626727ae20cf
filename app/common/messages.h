// The engine's messages in the user's language. The engine (core/, Qt-free) returns English templates
// with their arguments (ddpm::Error); this looks each template up in the context "Engine" of the
// installed translators and fills in the arguments, translating nested messages the same way.
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace ddpm {

// The message as a sentence in the user's language.
QString errorText(const Error& error);

template <typename T> QString errorText(const Result<T>& result)
{
    return errorText(result.failure());
}

// A short engine text marked DDPM_MSG("Engine", …) (a description, not a message), in the user's
// language as it is: no capital added.
QString engineText(const std::string& text);

// A model's class names as the studio shows them: Fashion-MNIST's and CIFAR-10's in the user's language
// (context "ClassName", core/dataset.cpp), any others (a folder's, even one named "cat") as they are.
// Files and the command line keep the model's own names.
QStringList classDisplayNames(const std::vector<std::string>& names);

} // namespace ddpm
