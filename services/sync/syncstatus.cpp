// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/syncstatus.h"

#include "store/syncstaterepository.h"
#include "sync/syncmessages.h"

namespace C360::SyncStatus
{

Expected<QList<SyncStatusRow>, StoreError> load(Database &db)
{
    auto states = SyncStateRepository(db).states();
    if (!states) {
        return unexpected(std::move(states).error());
    }
    QList<SyncStatusRow> rows;
    for (const SyncState &s : std::as_const(*states)) {
        SyncStatusRow row;
        row.source = s.source;
        row.resource = s.resource;
        row.sourceName = SyncMessages::sourceName(s.source);
        row.resourceName = SyncMessages::resourceName(s.resource);
        row.lastSuccess = s.lastSuccess;
        // The problem of the last run: recorded at or after its last success (a suspect run
        // records its doubt as it finishes); an older one is history.
        const bool last = s.lastErrorAt.isValid() && (!s.lastSuccess.isValid() || s.lastErrorAt >= s.lastSuccess);
        const SyncProblem problem = last ? SyncProblem::fromRecord(s.lastError) : SyncProblem();
        if (!problem.isNone()) {
            row.state = problem.kind == SyncProblem::Kind::Suspect ? SyncStatusRow::State::Attention : SyncStatusRow::State::Failed;
            row.message = SyncMessages::problem(s.source, problem);
            row.confirmable = problem.reason == SyncProblem::Reason::Shrink;
        } else {
            row.state = s.lastSuccess.isValid() ? SyncStatusRow::State::Succeeded : SyncStatusRow::State::Idle;
        }
        rows.append(row);
    }
    return rows;
}

SyncStatusRow finished(const QString &source, const QString &resource, const ResourceStats &stats, const SyncProblem &problem, const QDateTime &now)
{
    SyncStatusRow row;
    row.source = source;
    row.resource = resource;
    row.sourceName = SyncMessages::sourceName(source);
    row.resourceName = SyncMessages::resourceName(resource);
    row.inserted = stats.inserted;
    row.updated = stats.updated;
    row.deleted = stats.deleted;
    row.skipped = stats.skipped;
    row.pages = stats.pages;
    if (problem.isNone()) {
        row.state = SyncStatusRow::State::Succeeded;
        row.lastSuccess = now;
        row.message = SyncMessages::summary(source, resource, stats);
    } else if (problem.kind == SyncProblem::Kind::Suspect) {
        // Through, but with deletions withheld: the summary and what to decide.
        row.state = SyncStatusRow::State::Attention;
        row.lastSuccess = now;
        row.message = SyncMessages::summary(source, resource, stats) + QLatin1Char(' ') + SyncMessages::problem(source, problem);
        row.confirmable = problem.reason == SyncProblem::Reason::Shrink;
    } else {
        row.state = SyncStatusRow::State::Failed;
        row.message = SyncMessages::problem(source, problem);
    }
    return row;
}

} // namespace C360::SyncStatus
