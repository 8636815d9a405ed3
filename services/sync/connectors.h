// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditexportsink.h"
#include "case/assigneedirectory.h"
#include "sync/resourcesync.h"

#include <memory>

namespace C360
{

// Every dialect's resources and outbox targets, chosen by each source's dialect: what the
// application and citizen360-admin hand to the sync engine.
ResourceSyncFactory allResourceSyncs();
OutboxTargetFactory allOutboxTargets();

// Where the audit service hands the entries that leave the workstation when source keeps a
// processing log (Verwerkingenlogging), queued for it in db; null for other dialects.
std::unique_ptr<AuditExportSink> auditExportSink(Database &db, const SourceConfig &source);
// Whom requests pushed to source can be assigned to, when its dialect knows (Klantinteracties);
// null for other dialects.
std::unique_ptr<AssigneeDirectory> assigneeDirectory(const SourceConfig &source);

} // namespace C360
