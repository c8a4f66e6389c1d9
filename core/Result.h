#pragma once

#include "ApiError.h"

#include <utility>
#include <variant>

namespace konbini {

// A value or the ApiError that prevented it.
template <typename T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(ApiError error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const ApiError &error() const { return std::get<ApiError>(m_state); }

private:
    std::variant<T, ApiError> m_state;
};

} // namespace konbini
