// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace C360
{

// Wraps an error for construction of an Expected, as std::unexpected does (C++23).
template<typename E>
class Unexpected
{
public:
    explicit Unexpected(E error)
        : m_error(std::move(error))
    {
    }
    E &error() & { return m_error; }
    E &&error() && { return std::move(m_error); }

private:
    E m_error;
};

template<typename E>
Unexpected<std::decay_t<E>> unexpected(E &&error)
{
    return Unexpected<std::decay_t<E>>(std::forward<E>(error));
}

// The value of a synchronous call or the distinct error it failed with; a std::expected for C++20.
// T and E are held apart even when they are alike (ownCloud's Result<T, QString> could not).
template<typename T, typename E>
class [[nodiscard]] Expected
{
public:
    using value_type = T;
    using error_type = E;

    Expected(const T &value)
        : m_data(std::in_place_index<0>, value)
    {
    }
    Expected(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    template<typename G>
    Expected(Unexpected<G> error)
        : m_data(std::in_place_index<1>, std::move(error).error())
    {
    }

    bool has_value() const { return m_data.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &std::get<0>(m_data); }
    const T *operator->() const { return &std::get<0>(m_data); }
    T &operator*() & { return std::get<0>(m_data); }
    const T &operator*() const & { return std::get<0>(m_data); }

    const E &error() const & { return std::get<1>(m_data); }
    E &&error() && { return std::get<1>(std::move(m_data)); }

    template<typename U>
    T value_or(U &&fallback) const &
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, E> m_data;
};

template<typename E>
class [[nodiscard]] Expected<void, E>
{
public:
    using value_type = void;
    using error_type = E;

    Expected() = default;
    template<typename G>
    Expected(Unexpected<G> error)
        : m_error(std::move(error).error())
    {
    }

    bool has_value() const { return !m_error.has_value(); }
    explicit operator bool() const { return has_value(); }
    const E &error() const & { return *m_error; }
    E &&error() && { return std::move(*m_error); }

private:
    std::optional<E> m_error;
};

} // namespace C360
