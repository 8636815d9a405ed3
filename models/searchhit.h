// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"

#include <QString>

namespace C360
{

// What a search text was taken for.
enum class SearchKind { Name, NationalNumber, Phone, Email, BirthDate, Address };
C360_ENUM_KEYS(SearchKind,
               {SearchKind::Name, "name"},
               {SearchKind::NationalNumber, "national_number"},
               {SearchKind::Phone, "phone"},
               {SearchKind::Email, "email"},
               {SearchKind::BirthDate, "birth_date"},
               {SearchKind::Address, "address"})

// One citizen in a search result: enough to tell namesakes apart (birth year, municipality), no
// more. The identifier is masked.
struct SearchHit
{
    qint64 citizenId = 0;
    QString familyName;
    QString givenNames;
    int birthYear = 0; // 0: unknown
    QString municipality;
    QString maskedIdentifier;
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

} // namespace C360
