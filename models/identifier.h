// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "identifiererror.h"

#include <QList>
#include <QString>

namespace C360
{

enum class IdentifierType {
    BelgianNationalNumber, // rijksregisternummer
    BelgianBisNumber,
    DutchBsn,
};

C360_ENUM_KEYS(IdentifierType,
               {IdentifierType::BelgianNationalNumber, "be_nrn"},
               {IdentifierType::BelgianBisNumber, "be_bis"},
               {IdentifierType::DutchBsn, "nl_bsn"})

// A person identifier issued by a population register: its type and its digits, validated.
struct Identifier
{
    IdentifierType type = IdentifierType::BelgianNationalNumber;
    QString value; // digits only

    // Validates value for type and normalises it to digits; a BIS number given as a register
    // number (or the other way round) is refused with UnknownType.
    static Expected<Identifier, IdentifierError> parse(IdentifierType type, QStringView value);
    // Recognises what a person typed: 11 digits are Belgian (register or BIS), 8 or 9 a BSN.
    static Expected<Identifier, IdentifierError> detect(QStringView value);

    QString formatted() const;
    QString masked() const;

    friend bool operator==(const Identifier &, const Identifier &) = default;
};

} // namespace C360
