// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizen.h"

namespace C360
{

QString Citizen::displayName() const
{
    if (givenNames.isEmpty()) {
        return familyName;
    }
    if (familyName.isEmpty()) {
        return givenNames;
    }
    return givenNames + QLatin1Char(' ') + familyName;
}

QString Citizen::sortName() const
{
    if (givenNames.isEmpty()) {
        return familyName;
    }
    if (familyName.isEmpty()) {
        return givenNames;
    }
    return familyName + QLatin1String(", ") + givenNames;
}

std::optional<Identifier> Citizen::identifier(IdentifierType type) const
{
    for (const Identifier &id : identifiers) {
        if (id.type == type) {
            return id;
        }
    }
    return std::nullopt;
}

std::optional<Identifier> Citizen::primaryIdentifier() const
{
    for (const IdentifierType type : {IdentifierType::BelgianNationalNumber, IdentifierType::BelgianBisNumber, IdentifierType::DutchBsn}) {
        if (auto id = identifier(type)) {
            return id;
        }
    }
    return std::nullopt;
}

std::optional<Consent> Citizen::consent(ConsentTopic topic) const
{
    for (const Consent &c : consents) {
        if (c.topic == topic) {
            return c;
        }
    }
    return std::nullopt;
}

} // namespace C360
