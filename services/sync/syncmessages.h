// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "outboxentry.h"
#include "sync/synctypes.h"

#include <QMap>

#include <QString>

namespace C360::SyncMessages
{
// The back end a source id stands for, as staff know it ("the reports server").
QString sourceName(const QString &sourceId);
// What a resource of a back end holds, as staff know it ("people", "products and services"); a
// resource this version does not know by its name keeps it, quoted.
QString resourceName(const QString &resource);
// A translated, actionable sentence for a sync problem of a source.
QString problem(const QString &sourceId, const SyncProblem &problem);
// The same from what sync_state.last_error keeps (the engine's JSON record of a problem).
QString storedProblem(const QString &sourceId, const QString &record);
// "Reports: 120 new, 4 changed, 2 removed, 1 skipped."
QString summary(const QString &sourceId, const QString &resource, const ResourceStats &stats);
// What the outbox holds, for the sync panel: changes waiting to be sent and changes a server
// refused (kept for correction); empty when everything went out.
QString outboxSummary(const QMap<OutboxState, qint64> &counts);
// A refused change with the server's reason, for the panel's details.
QString refusedChange(const OutboxEntry &entry);
} // namespace C360::SyncMessages
