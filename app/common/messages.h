// The engine's messages in the user's language. The engine (core/, Qt-free) returns English templates
// with their arguments (ddpm::Error); this looks each template up in the context "Engine" of the
// installed translators and fills in the arguments, translating nested messages the same way.
#pragma once

#include "result.h"

#include <QString>

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

// A class name as the studio shows it: Fashion-MNIST's and CIFAR-10's in the user's language (context
// "ClassName", core/dataset.cpp), any other (a folder's) as it is. Files and the command line keep the
// model's own names.
QString classDisplayName(const std::string& name);

} // namespace ddpm
