// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "store/localchange.h"

#include <optional>

namespace C360
{

// What every change in a case does besides itself, inside the change's transaction: its audit
// entry (change, saying what and which), and, when the contact back end takes the citizen's
// items, the origin of the change's outbox entry (store/localchange.h).
//
// contactSource names the source (the contact back end) that receives contact moments, requests
// and supplements made here (empty: they stay local). They go with the citizen as party; the items
// of a citizen who did not come from that source stay local.
class CaseChanges
{
public:
    CaseChanges(AuditService &audit, const QString &contactSource);

    const QString &contactSource() const { return m_contactSource; }
    // The party and language for a push of citizenId's items made on channel; nullopt when
    // nothing is pushed.
    Expected<std::optional<ChangeOrigin>, StoreError> origin(qint64 citizenId, Channel channel);
    // The change entry for what (a kind of change) on item id of citizenId.
    Expected<void, ServiceError> audited(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, const QString &what, qint64 id);

private:
    AuditService &m_audit;
    Database &m_db;
    QString m_contactSource;
};

} // namespace C360
