// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QJsonValue>

#include <cmath>
#include <optional>

namespace C360
{

// A JSON number that is a whole number a double holds exactly (|n| < 2^53), as a qint64; nullopt for
// anything else (a fraction, 1e300, NaN, text). Converting such a double to an integer type without
// this check is undefined behaviour in C++, and what a server sends is anything.
inline std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) >= 9007199254740992.0) {
        return std::nullopt;
    }
    return qint64(d);
}

// wholeNumber(value), or fallback when it is none.
inline qint64 wholeNumberOr(const QJsonValue &value, qint64 fallback)
{
    return wholeNumber(value).value_or(fallback);
}

} // namespace C360
