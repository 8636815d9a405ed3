// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"

#include <QList>
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

// What one search found: the first hits in name order, and how many citizens match in all, so
// that a list cut short says so ("Showing 50 of 112").
struct SearchResult
{
    static constexpr int CountCap = 1000; // counted no further: "more than 1,000"

    QList<SearchHit> hits;
    int matches = 0; // CountCap + 1 stands for "more than CountCap"
    SearchKind kind = SearchKind::Name;
    bool tooShort = false; // the text was too short to be searched (nothing was)

    bool isCut() const { return matches > hits.size(); }
    bool isCountCapped() const { return matches > CountCap; }
};

} // namespace C360
