// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "report.h"
#include "store/storeerror.h"

#include <QString>

namespace C360
{
class Database;

// Who a back end says made a report. Personal data: never logged, never stored as such.
struct ReporterIdentity
{
    QString nationalId; // as received; empty when none
    bool nationalIdMalformed = false; // present, but not a string (digits sent as a number lose their leading zeros)
    QString email;
    QString phone;

    bool hasNationalId() const { return !nationalId.isEmpty() || nationalIdMalformed; }
    bool isEmpty() const { return !hasNationalId() && email.isEmpty() && phone.isEmpty(); }
};

// Finds the citizen a report is from (issue 4 point 3). A valid national number (Belgian register
// or BIS number, or a BSN) that a citizen holds links the report to them for certain. Otherwise an
// e-mail address or phone number that citizens have VERIFIED makes them possible reporters, for
// staff to confirm or reject; an unverified address proves nothing and is not used.
class IdentityMatcher
{
public:
    // More citizens than this behind one address (a shared office mailbox) say nothing about who
    // reported: none is proposed.
    static constexpr int MaxCandidates = 8;

    struct Match
    {
        qint64 citizenId = 0;
        MatchBasis basis = MatchBasis::None;
        QList<ReportCandidate> candidates;
        bool invalidNationalId = false; // given, but it fails its check: no link from it

        // What decided the match, for the content hash: a citizen who appears later in the store
        // changes it, so that the report is written again with the new link.
        QByteArray fingerprint() const;
    };

    explicit IdentityMatcher(Database &db);

    Expected<Match, StoreError> match(const ReporterIdentity &reporter);

private:
    Database &m_db;
};

} // namespace C360
