// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "identifiererror.h"

#include <QString>

namespace C360
{

// A validated Dutch citizen service number (burgerservicenummer), checked with the 11-check.
class Bsn
{
public:
    // Accepts 9 digits with or without separators, and the 8-digit form of older numbers
    // (read with a leading zero, as the BRP does).
    static Expected<Bsn, IdentifierError> parse(QStringView input);
    static bool isValid(QStringView input) { return parse(input).has_value(); }
    // The 11-check on 9 digits (9·d1 + 8·d2 + … + 2·d8 − d9 a multiple of 11, not all zeros), which
    // an RSIN passes too.
    static bool passesElevenCheck(QStringView nineDigits);

    QString digits() const { return m_digits; }
    // 1234.56.782, the usual way of writing it.
    QString formatted() const;
    QString masked() const;
    // The masked form around lastDigits, the three digits left visible.
    static QString maskedWith(QStringView lastDigits);

    friend bool operator==(const Bsn &, const Bsn &) = default;

private:
    Bsn() = default;
    QString m_digits;
};

} // namespace C360
