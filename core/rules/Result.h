#pragma once

#include <utility>
#include <variant>

namespace konbini {

// A value or the error that prevented it. Each layer names its own error type: `Result<T>` is
// `Expected<T, ApiError>` in the Stripe layer, `LedgerResult<T>` is `Expected<T, LedgerError>`.
template <typename T, typename E>
class Expected
{
public:
    Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Expected(E error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    // By value from a temporary, so `for (x : ledger.thing().value())` never dangles.
    T value() && { return std::get<0>(std::move(m_state)); }
    const E &error() const { return std::get<1>(m_state); }
    // The value, or `fallback` after a failure (for views that show nothing rather than stop).
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_state;
};

// Success without a value, or the error.
template <typename E>
class Expected<void, E>
{
public:
    Expected() = default;
    Expected(E error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const E &error() const { return m_error; }

private:
    E m_error{};
    bool m_failed = false;
};

} // namespace konbini
