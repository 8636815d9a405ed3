// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "report.h"
#include "store/storeerror.h"

#include <QList>

#include <optional>

namespace C360
{
class Database;

// Stores reports (meldingen) with their possible reporters, and records staff decisions on who
// the reporter is.
class ReportRepository
{
public:
    explicit ReportRepository(Database &db);

    // Inserts or updates by (source.system, source.id) and replaces the candidates; returns the
    // local id. Without a source id, report.id decides (0 inserts). A back end that sends the
    // report again does not undo staff decisions: a link staff confirmed stays when the report
    // comes without a reporter, and a candidate staff rejected stays rejected.
    Expected<qint64, StoreError> upsertBySource(const Report &report);
    Expected<std::optional<Report>, StoreError> find(qint64 id);
    // Reports linked to the citizen and reports they may have made (a 'possible' candidate),
    // newest requested first.
    Expected<QList<Report>, StoreError> forCitizen(qint64 citizenId);

    // Replaces the candidates of a report exactly as given.
    Expected<void, StoreError> setCandidates(qint64 reportId, const QList<ReportCandidate> &candidates);
    // Staff confirmed the candidate as the reporter: links the report to them and drops the candidate.
    Expected<void, StoreError> confirmCandidate(qint64 reportId, qint64 citizenId);
    // Staff decided the candidate is not the reporter.
    Expected<void, StoreError> rejectCandidate(qint64 reportId, qint64 citizenId);

    Expected<qint64, StoreError> count();

private:
    Expected<void, StoreError> writeRow(const Report &report, qint64 *id);
    Expected<void, StoreError> writeCandidates(qint64 reportId, const QList<ReportCandidate> &candidates);
    Database &m_db;
};

} // namespace C360
