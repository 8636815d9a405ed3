// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/deletionconfirmation.h"

#include "audit/accesspolicy.h"
#include "audit/auditservice.h"

#include <KLocalizedString>

#include <QJsonObject>

namespace C360
{

DeletionConfirmation::DeletionConfirmation(AuditService &audit)
    : m_audit(audit)
{
}

Expected<void, ServiceError> DeletionConfirmation::confirm(const StaffMember &staff, const QStringList &resources)
{
    const Purpose purpose{QStringLiteral("synchronisation"), QString()};
    if (auto permitted = m_audit.permit(staff, Operation::ConfirmDeletions, 0, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    for (const QString &resource : resources) {
        if (resource.count(QLatin1Char('/')) != 1 || resource.startsWith(QLatin1Char('/')) || resource.endsWith(QLatin1Char('/'))) {
            return unexpected(ServiceError::invalid(i18nc("@info", "“%1” does not name a resource as SOURCE/RESOURCE, such as openklant/partijen.", resource)));
        }
        auto entry = m_audit.record(staff,
                                    AuditAction::Change,
                                    0,
                                    purpose,
                                    AuditOutcome::Success,
                                    QJsonObject{{QStringLiteral("what"), QStringLiteral("deletions_confirmed")}, {QStringLiteral("resource"), resource}});
        if (!entry) {
            return unexpected(asServiceError(entry.error()));
        }
    }
    return {};
}

} // namespace C360
