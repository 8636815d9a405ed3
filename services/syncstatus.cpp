// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "syncstatus.h"

#include "syncmessages.h"
#include "syncstaterepository.h"

namespace c360::SyncStatus
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
        row.lastSuccess = s.lastSuccess;
        const bool failedLast = s.lastErrorAt.isValid() && (!s.lastSuccess.isValid() || s.lastErrorAt > s.lastSuccess);
        row.state = failedLast ? SyncStatusRow::State::Failed : s.lastSuccess.isValid() ? SyncStatusRow::State::Succeeded : SyncStatusRow::State::Idle;
        row.message = failedLast ? SyncMessages::storedProblem(s.source, s.lastError) : QString();
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
    row.inserted = stats.inserted;
    row.updated = stats.updated;
    row.deleted = stats.deleted;
    row.skipped = stats.skipped;
    row.pages = stats.pages;
    if (problem.isNone()) {
        row.state = SyncStatusRow::State::Succeeded;
        row.lastSuccess = now;
        row.message = SyncMessages::summary(source, resource, stats);
    } else {
        row.state = SyncStatusRow::State::Failed;
        row.message = SyncMessages::problem(source, problem);
    }
    return row;
}

} // namespace c360::SyncStatus
