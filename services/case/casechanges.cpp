// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/casechanges.h"

#include "store/database.h"
#include "store/statement.h"

#include <QJsonObject>

namespace C360
{

CaseChanges::CaseChanges(AuditService &audit, const QString &contactSource)
    : m_audit(audit)
    , m_db(audit.database())
    , m_contactSource(contactSource)
{
}

Expected<std::optional<ChangeOrigin>, StoreError> CaseChanges::origin(qint64 citizenId, Channel channel)
{
    if (m_contactSource.isEmpty()) {
        return std::optional<ChangeOrigin>();
    }
    Statement citizen(m_db, QStringLiteral("SELECT source_system, source_id, preferred_language FROM citizens WHERE id = ?"));
    if (auto r = citizen.exec({citizenId}); !r) {
        return unexpected(r.error());
    }
    // A citizen the back end does not know stays local with their items: a contact sent without
    // its party would come back from the next pull without the citizen.
    if (!citizen.next() || citizen.value(0).toString() != m_contactSource || citizen.value(1).toString().isEmpty()) {
        return std::optional<ChangeOrigin>();
    }
    ChangeOrigin origin{citizen.value(1).toString(), channel, citizen.value(2).toString()};
    if (origin.language.isEmpty()) {
        origin.language = QStringLiteral("nl");
    }
    return std::optional<ChangeOrigin>(origin);
}

Expected<void, ServiceError> CaseChanges::audited(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, const QString &what, qint64 id)
{
    auto entry = m_audit.record(
        staff, AuditAction::Change, citizenId, purpose, AuditOutcome::Success, QJsonObject{{QStringLiteral("what"), what}, {QStringLiteral("id"), double(id)}});
    if (!entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return {};
}

} // namespace C360
