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

} // namespace ddpm
