// A value or an error message in words a user understands. Exceptions stop at the layer that
// produced them; callers get one of these.
//
// An engine message is a template in English with Qt-style placeholders %1…%9 and its arguments, so
// that the Qt-free engine stays Qt-free while the studio can still show the message in the user's
// language: it looks the template up (context "Engine") and fills in the arguments, which may be
// messages themselves. DDPM_MSG marks a template for lupdate (scripts/update-translations.sh runs it
// with -tr-function-alias QT_TRANSLATE_NOOP+=DDPM_MSG); the command line shows message() in English.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#define DDPM_MSG(context, text) text

namespace ddpm {

struct Error {
    std::string text;        // a translatable template when !literal, otherwise shown as it is
    std::vector<Error> args; // fill %1, %2, …
    bool literal = true;     // file names, numbers, messages of the system or of other libraries
    // Something the user wrote that cannot mean anything (an unknown data set name), rather than work that
    // failed: the ddpm command exits 2 for it, as for any other bad option.
    bool usage = false;

    Error() = default;
    explicit Error(std::string plain)
        : text(std::move(plain))
    {
    }
    explicit Error(const char* plain)
        : text(plain)
    {
    }

    // The message in English, arguments filled in.
    std::string message() const;
};

// Replaces %1…%9 in `text` by args[0…8] in one pass, so an argument that itself holds "%2" stays as
// it is. The studio fills its translated templates with it too.
inline std::string fillPlaceholders(const std::string& text, const std::vector<std::string>& args)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto k = static_cast<size_t>(text[i + 1] - '1');
            if (k < args.size()) {
                out += args[k];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

inline std::string Error::message() const
{
    if (args.empty())
        return text;
    std::vector<std::string> filled;
    filled.reserve(args.size());
    for (const auto& a : args)
        filled.push_back(a.message());
    return fillPlaceholders(text, filled);
}

namespace detail {
inline Error asArg(Error e)
{
    return e;
}
inline Error asArg(const std::string& s)
{
    return Error{s};
}
inline Error asArg(const char* s)
{
    return Error{s};
}
template <typename N, typename = std::enable_if_t<std::is_arithmetic_v<N>>> Error asArg(N n)
{
    if constexpr (std::is_floating_point_v<N>) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", static_cast<double>(n));
        return Error{std::string(buf)};
    } else {
        return Error{std::to_string(n)};
    }
}
} // namespace detail

// A translatable engine message: fail(DDPM_MSG("Engine", "'%1' is truncated"), path).
template <typename... A> Error fail(const char* text, A&&... args)
{
    Error e{text};
    e.literal = false;
    (e.args.push_back(detail::asArg(std::forward<A>(args))), ...);
    return e;
}

// "a, b, c or d": the names a setting accepts, for messages and help texts; with `last` " and ", "a, b and c".
inline std::string listOfChoices(const std::vector<std::string>& names, const char* last = " or ")
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? last : ", ") + names[i];
    return out;
}

// "a, b, c, d": the same names for the engine's messages, which are translated: a translation words the
// "expected one of" around them, where listOfChoices' English "or" would stay.
inline std::string nameList(const std::vector<std::string>& names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : ", ") + names[i];
    return out;
}

// A message for a failed system call, in words rather than errno's English where it is a common one.
Error systemError(int errnum);

template <typename T> class Result {
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_failure(std::move(error))
        , m_error(m_failure.message())
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // The value; asked of a failure (a bug: callers test ok() first) it throws std::logic_error with the
    // failure's message rather than read an empty optional.
    const T& value() const& { return (require(), *m_value); }
    T& value() & { return (require(), *m_value); }
    T&& value() && { return (require(), std::move(*m_value)); }
    const T* operator->() const { return (require(), &*m_value); }
    T* operator->() { return (require(), &*m_value); }
    // The message in English (the command line); failure() keeps its template for translation.
    const std::string& error() const { return m_error; }
    const Error& failure() const { return m_failure; }

private:
    void require() const
    {
        if (!m_value)
            throw std::logic_error("the value of a failed result was asked for: " + m_error);
    }
    std::optional<T> m_value;
    Error m_failure;
    std::string m_error;
};

// For operations with nothing to return.
struct Ok { };
using Status = Result<Ok>;

} // namespace ddpm
