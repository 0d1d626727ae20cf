// A value or an error message in words a user understands. Exceptions stop at the layer that
// produced them; callers get one of these.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace ddpm {

struct Error {
    std::string message;
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const std::string& error() const { return m_error; }

private:
    std::optional<T> m_value;
    std::string m_error;
};

// For operations with nothing to return.
struct Ok {};
using Status = Result<Ok>;

} // namespace ddpm
