// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/caseservice.h"

#include "common/clock.h"
#include "store/casesnapshot.h"
#include "store/contactdraftrepository.h"
#include "store/contactmomentrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/reportrepository.h"
#include "store/servicetransaction.h"
#include "store/statement.h"

#include <KLocalizedString>

namespace C360
{

CaseService::CaseService(AuditService &audit, const QString &contactSource)
    : m_audit(audit)
    , m_db(audit.database())
    , m_changes(audit, contactSource)
{
}

Expected<CaseFile, ServiceError> CaseService::open(const StaffMember &staff, qint64 citizenId, const Purpose &purpose)
{
    auto entry = m_audit.beforeReading(staff, Operation::OpenCase, AuditAction::ProfileOpened, citizenId, purpose);
    if (!entry) {
        return unexpected(entry.error());
    }
    auto file = readCaseFile(m_db, citizenId); // NotFound when a sync removed them in between
    if (file) {
        file->opened = entry->time;
        file->auditSequence = entry->sequence;
    }
    return file;
}

Expected<void, ServiceError> CaseService::beforePrinting(const StaffMember &staff, qint64 citizenId, const Purpose &purpose)
{
    if (auto entry = m_audit.beforeReading(staff, Operation::OpenCase, AuditAction::Print, citizenId, purpose); !entry) {
        return unexpected(entry.error());
    }
    return {};
}

Expected<void, ServiceError> CaseService::endContact(const StaffMember &staff, qint64 citizenId, const Purpose &purpose)
{
    if (auto permitted = m_audit.permit(staff, Operation::OpenCase, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (auto entry = m_audit.record(staff, AuditAction::ContactEnded, citizenId, purpose); !entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return {};
}

Expected<Identifier, ServiceError> CaseService::revealIdentifier(const StaffMember &staff, qint64 citizenId, const Purpose &purpose)
{
    if (auto permitted = m_audit.permit(staff, Operation::RevealIdentifier, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (purpose.isEmpty()) {
        return unexpected(ServiceError::noPurpose());
    }
    Statement identifiers(m_db, QStringLiteral("SELECT type FROM citizen_identifiers WHERE citizen_id = ?"));
    if (auto r = identifiers.exec({citizenId}); !r) {
        return unexpected(asServiceError(r.error()));
    }
    std::optional<IdentifierType> first;
    while (identifiers.next()) {
        if (const auto type = fromKey<IdentifierType>(identifiers.value(0).toString()); type && (!first || int(*type) < int(*first))) {
            first = type;
        }
    }
    identifiers.finish();
    if (!first) {
        return unexpected(ServiceError::notFound());
    }
    auto entry =
        m_audit.record(staff, AuditAction::IdentifierRevealed, citizenId, purpose, AuditOutcome::Success, QJsonObject{{QStringLiteral("type"), toKey(*first)}});
    if (!entry) {
        return unexpected(asServiceError(entry.error()));
    }
    Statement value(m_db, QStringLiteral("SELECT value FROM citizen_identifiers WHERE citizen_id = ? AND type = ?"));
    if (auto r = value.exec({citizenId, toKey(*first)}); !r) {
        return unexpected(asServiceError(r.error()));
    }
    if (!value.next()) {
        return unexpected(ServiceError::notFound());
    }
    return Identifier{*first, value.value(0).toString()};
}

Expected<qint64, ServiceError> CaseService::registerContact(const StaffMember &staff, const Purpose &purpose, ContactMoment contact)
{
    if (auto permitted = m_audit.permit(staff, Operation::RegisterContact, contact.citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (contact.subject.trimmed().isEmpty()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "Write what the contact was about.")));
    }
    contact.id = 0;
    contact.source = {};
    contact.staffMember = staff.name;
    if (!contact.time.isValid()) {
        contact.time = m_db.clock().now();
    }
    return inTransaction<qint64>(m_db, [&]() -> Expected<qint64, ServiceError> {
        auto id = ContactMomentRepository(m_db).insert(contact);
        if (!id) {
            return unexpected(asServiceError(id.error()));
        }
        auto origin = m_changes.origin(contact.citizenId, contact.channel);
        if (!origin) {
            return unexpected(asServiceError(origin.error()));
        }
        if (*origin) {
            if (auto r = OutboxRepository(m_db).enqueue(LocalChange::contactMoment(m_changes.contactSource(), *id, **origin)); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        ContactDraftRepository drafts(m_db);
        auto draft = drafts.load(staff.name, contact.citizenId);
        if (!draft) {
            return unexpected(asServiceError(draft.error()));
        }
        if (*draft) {
            if (auto r = drafts.remove((*draft)->id); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        if (auto r = m_changes.audited(staff, purpose, contact.citizenId, QStringLiteral("contact_moment"), *id); !r) {
            return unexpected(r.error());
        }
        return *id;
    });
}

Expected<void, ServiceError> CaseService::saveDraft(const StaffMember &staff, const ContactMoment &contact)
{
    if (auto permitted = m_audit.permit(staff, Operation::RegisterContact, contact.citizenId); !permitted) {
        return unexpected(permitted.error());
    }
    ContactDraft draft;
    draft.staffMember = staff.name;
    draft.citizenId = contact.citizenId;
    draft.contact = contact;
    if (auto r = ContactDraftRepository(m_db).save(draft); !r) {
        return unexpected(asServiceError(r.error()));
    }
    return {};
}

Expected<std::optional<ContactMoment>, ServiceError> CaseService::draft(const StaffMember &staff, qint64 citizenId)
{
    if (auto permitted = m_audit.permit(staff, Operation::RegisterContact, citizenId); !permitted) {
        return unexpected(permitted.error());
    }
    auto draft = ContactDraftRepository(m_db).load(staff.name, citizenId);
    if (!draft) {
        return unexpected(asServiceError(draft.error()));
    }
    return *draft ? std::optional<ContactMoment>((*draft)->contact) : std::nullopt;
}

Expected<void, ServiceError> CaseService::discardDraft(const StaffMember &staff, qint64 citizenId)
{
    ContactDraftRepository drafts(m_db);
    auto draft = drafts.load(staff.name, citizenId);
    if (!draft) {
        return unexpected(asServiceError(draft.error()));
    }
    if (*draft) {
        if (auto r = drafts.remove((*draft)->id); !r) {
            return unexpected(asServiceError(r.error()));
        }
    }
    return {};
}

Expected<void, ServiceError> CaseService::decideMatch(const StaffMember &staff, const Purpose &purpose, qint64 reportId, qint64 citizenId, bool confirm)
{
    if (auto permitted = m_audit.permit(staff, Operation::DecideMatch, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        ReportRepository reports(m_db);
        if (auto r = confirm ? reports.confirmCandidate(reportId, citizenId) : reports.rejectCandidate(reportId, citizenId); !r) {
            return unexpected(asServiceError(r.error()));
        }
        return m_changes.audited(staff, purpose, citizenId, confirm ? QStringLiteral("match_confirmed") : QStringLiteral("match_rejected"), reportId);
    });
}

} // namespace C360
