// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>

#include <array>
#include <iterator>
#include <optional>
#include <utility>

namespace C360
{

// Stable, language-neutral keys for enums, as stored in the database and exchanged in exports.
// A type opts in by specialising EnumKeys with a `table` of {value, key} pairs.
template<typename Enum>
struct EnumKeys;

template<typename Enum>
QString toKey(Enum value)
{
    for (const auto &[v, key] : EnumKeys<Enum>::table) {
        if (v == value) {
            return QLatin1String(key);
        }
    }
    return {};
}

template<typename Enum>
std::optional<Enum> fromKey(QStringView key)
{
    for (const auto &[v, k] : EnumKeys<Enum>::table) {
        if (key == QLatin1String(k)) {
            return v;
        }
    }
    return std::nullopt;
}

template<typename Enum>
constexpr auto allValues()
{
    std::array<Enum, std::size(EnumKeys<Enum>::table)> values{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] = EnumKeys<Enum>::table[i].first;
    }
    return values;
}

} // namespace C360

// Use inside namespace C360: C360_ENUM_KEYS(Channel, {Channel::Counter, "counter"}, {Channel::Phone, "phone"})
#define C360_ENUM_KEYS(Enum, ...)                                                                                                                              \
    template<>                                                                                                                                                 \
    struct EnumKeys<Enum>                                                                                                                                      \
    {                                                                                                                                                          \
        static constexpr std::pair<Enum, const char *> table[] = {__VA_ARGS__};                                                                                \
    };
