// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QDateTime>
#include <QList>

namespace C360
{

enum class ReportStatus { Open, InProgress, Closed };
C360_ENUM_KEYS(ReportStatus, {ReportStatus::Open, "open"}, {ReportStatus::InProgress, "in_progress"}, {ReportStatus::Closed, "closed"})

// A citizen who may be the reporter (same verified e-mail or phone), until staff confirm or reject.
enum class CandidateState { Possible, Rejected };
C360_ENUM_KEYS(CandidateState, {CandidateState::Possible, "possible"}, {CandidateState::Rejected, "rejected"})

enum class MatchBasis { None, NationalNumber, Email, Phone, Staff };
C360_ENUM_KEYS(MatchBasis,
               {MatchBasis::None, "none"},
               {MatchBasis::NationalNumber, "national_number"},
               {MatchBasis::Email, "email"},
               {MatchBasis::Phone, "phone"},
               {MatchBasis::Staff, "staff"})

struct ReportCandidate
{
    qint64 citizenId = 0;
    MatchBasis basis = MatchBasis::Email;
    CandidateState state = CandidateState::Possible;
    friend bool operator==(const ReportCandidate &, const ReportCandidate &) = default;
};

// A report (melding) of a problem in public space, as an Open311 back end holds it.
struct Report
{
    qint64 id = 0;
    SourceRef source;
    QString serviceCode;
    QString serviceName;
    QString description;
    ReportStatus status = ReportStatus::Open;
    QString statusNotes;
    Address address;
    std::optional<GeoPoint> location;
    QDateTime requested; // UTC
    QDateTime updated;
    QDateTime expected;
    qint64 citizenId = 0; // the reporter, when certain (national number, or confirmed by staff)
    MatchBasis matchBasis = MatchBasis::None;
    QList<ReportCandidate> candidates; // possible reporters awaiting a decision

    bool isLinked() const { return citizenId != 0; }

    bool isOpen() const { return status != ReportStatus::Closed; }
    friend bool operator==(const Report &, const Report &) = default;
};

} // namespace C360
