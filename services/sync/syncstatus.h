// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"
#include "sync/synctypes.h"
#include "syncstatusmodel.h"

namespace C360
{
class Database;

namespace SyncStatus
{
// The stored state of every synced resource, as rows for the sync panel (translated messages).
Expected<QList<SyncStatusRow>, StoreError> load(Database &db);
// A row after a resource finished: succeeded with its counts, or failed with the sentence.
SyncStatusRow finished(const QString &source, const QString &resource, const ResourceStats &stats, const SyncProblem &problem, const QDateTime &now);
} // namespace SyncStatus

} // namespace C360
