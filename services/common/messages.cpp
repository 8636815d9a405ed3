// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/messages.h"

#include <KLocalizedString>

namespace C360::Messages
{

QString identifierTypeName(IdentifierType type)
{
    switch (type) {
    case IdentifierType::BelgianNationalNumber:
        return i18nc("@item identifier type", "national register number");
    case IdentifierType::BelgianBisNumber:
        return i18nc("@item identifier type", "BIS number");
    case IdentifierType::DutchBsn:
        return i18nc("@item identifier type", "citizen service number (BSN)");
    }
    return {};
}

QString identifierError(IdentifierError error, IdentifierType type)
{
    const bool belgian = type != IdentifierType::DutchBsn;
    switch (error) {
    case IdentifierError::Empty:
        return i18nc("@info", "Enter a number.");
    case IdentifierError::InvalidCharacters:
        return i18nc("@info", "A number may contain only digits, spaces, dots and dashes.");
    case IdentifierError::WrongLength:
        return belgian ? i18nc("@info", "A national register number or BIS number has 11 digits, for example 85.07.30-033.28.")
                       : i18nc("@info", "A citizen service number (BSN) has 9 digits.");
    case IdentifierError::InvalidDate:
        return i18nc("@info",
                     "The first six digits of a national register number or BIS number are a birth date (YY.MM.DD, the month raised by 20 or 40 in a BIS "
                     "number); these are not a date.");
    case IdentifierError::InvalidSerial:
        return i18nc("@info", "Digits 7 to 9 of a national register number or BIS number cannot be 000 or 999; check them against the identity document.");
    case IdentifierError::ChecksumMismatch:
        return belgian ? i18nc("@info", "The check digits do not match: one of the digits is probably mistyped.")
                       : i18nc("@info", "This is not a valid citizen service number (BSN): it fails the 11-check, so a digit is probably mistyped.");
    case IdentifierError::UnknownType:
        return i18nc("@info", "This number is not a %1.", identifierTypeName(type));
    }
    return {};
}

} // namespace C360::Messages
