// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "expected.h"

#include <QStringList>

namespace C360
{
// An administrator's confirmation that a back end really removed what a full crawl found gone,
// beyond the share a sync removes on its own (SourceConfig::maxDeletionShare): permitted to the
// administrator only (Operation::Synchronise), and audited, one "change" entry a resource
// ({"what": "deletions_confirmed", "resource": "openklant/partijen"}), before the sync that acts
// on it runs (SyncEngine::Options::confirmedDeletions).
class DeletionConfirmation
{
public:
    explicit DeletionConfirmation(AuditService &audit);

    // resources as "source/resource".
    Expected<void, ServiceError> confirm(const StaffMember &staff, const QStringList &resources);

private:
    AuditService &m_audit;
};

} // namespace C360
