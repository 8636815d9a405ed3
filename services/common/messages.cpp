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

QString organisationIdentifierTypeName(OrganisationIdentifierType type)
{
    switch (type) {
    case OrganisationIdentifierType::BelgianEnterpriseNumber:
        return i18nc("@item identifier type", "enterprise number");
    case OrganisationIdentifierType::DutchKvkNumber:
        return i18nc("@item identifier type", "Chamber of Commerce (KvK) number");
    case OrganisationIdentifierType::DutchRsin:
        return i18nc("@item identifier type", "RSIN");
    case OrganisationIdentifierType::DutchBranchNumber:
        return i18nc("@item identifier type", "branch number");
    }
    return {};
}

QString organisationIdentifierError(IdentifierError error, OrganisationIdentifierType type)
{
    switch (error) {
    case IdentifierError::Empty:
    case IdentifierError::InvalidCharacters:
        return identifierError(error, IdentifierType::BelgianNationalNumber);
    case IdentifierError::WrongLength:
        switch (type) {
        case OrganisationIdentifierType::BelgianEnterpriseNumber:
            return i18nc("@info", "An enterprise number has 10 digits, for example 0207.451.227 (older numbers 9, without the first 0).");
        case OrganisationIdentifierType::DutchKvkNumber:
            return i18nc("@info", "A Chamber of Commerce (KvK) number has 8 digits.");
        case OrganisationIdentifierType::DutchRsin:
            return i18nc("@info", "An RSIN has 9 digits.");
        case OrganisationIdentifierType::DutchBranchNumber:
            return i18nc("@info", "A branch number has 12 digits.");
        }
        break;
    case IdentifierError::InvalidSerial:
        return i18nc("@info", "An enterprise number starts with 0 or 1.");
    case IdentifierError::ChecksumMismatch:
        return type == OrganisationIdentifierType::DutchRsin
            ? i18nc("@info", "This is not a valid RSIN: it fails the 11-check, so a digit is probably mistyped.")
            : i18nc("@info", "The check digits do not match: one of the digits is probably mistyped.");
    case IdentifierError::InvalidDate:
    case IdentifierError::UnknownType:
        return i18nc("@info", "This number is not a %1.", organisationIdentifierTypeName(type));
    }
    return {};
}

} // namespace C360::Messages
