// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/caseservice.h"

#include "store/casesnapshot.h"

#include "case/lifeevents.h"
#include "case/servicetransaction.h"
#include "common/clock.h"
#include "privacy/retentionpolicy.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/contactdraftrepository.h"
#include "store/contactmomentrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/reportrepository.h"
#include "store/requestrepository.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"
#include "sync/klantinteracties/klantinteractiescontacttarget.h"
#include "sync/klantinteracties/klantinteractiesrequesttarget.h"
#include "sync/klantinteracties/klantinteractiestaken.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace c360
{

CaseService::CaseService(AuditService &audit, const QString &contactSource)
    : m_audit(audit)
    , m_db(audit.database())
    , m_contactSource(contactSource)
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
        return unexpected(ServiceError::store(r.error()));
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
        return unexpected(ServiceError::store(entry.error()));
    }
    Statement value(m_db, QStringLiteral("SELECT value FROM citizen_identifiers WHERE citizen_id = ? AND type = ?"));
    if (auto r = value.exec({citizenId, toKey(*first)}); !r) {
        return unexpected(ServiceError::store(r.error()));
    }
    if (!value.next()) {
        return unexpected(ServiceError::notFound());
    }
    return Identifier{*first, value.value(0).toString()};
}

Expected<std::optional<CaseService::PushOrigin>, StoreError> CaseService::pushOrigin(qint64 citizenId)
{
    if (m_contactSource.isEmpty()) {
        return std::optional<PushOrigin>();
    }
    Statement citizen(m_db, QStringLiteral("SELECT source_system, source_id, preferred_language FROM citizens WHERE id = ?"));
    if (auto r = citizen.exec({citizenId}); !r) {
        return unexpected(r.error());
    }
    // A citizen the back end does not know stays local with their items: a klantcontact without
    // its party would come back from the next pull without the citizen.
    if (!citizen.next() || citizen.value(0).toString() != m_contactSource || citizen.value(1).toString().isEmpty()) {
        return std::optional<PushOrigin>();
    }
    PushOrigin origin{citizen.value(1).toString(), citizen.value(2).toString()};
    if (origin.language.isEmpty()) {
        origin.language = QStringLiteral("nl");
    }
    return std::optional<PushOrigin>(origin);
}

Expected<void, ServiceError> CaseService::audited(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, const QString &what, qint64 id)
{
    auto entry = m_audit.record(
        staff, AuditAction::Change, citizenId, purpose, AuditOutcome::Success, QJsonObject{{QStringLiteral("what"), what}, {QStringLiteral("id"), double(id)}});
    if (!entry) {
        return unexpected(ServiceError::store(entry.error()));
    }
    return {};
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
            return unexpected(ServiceError::store(id.error()));
        }
        auto origin = pushOrigin(contact.citizenId);
        if (!origin) {
            return unexpected(ServiceError::store(origin.error()));
        }
        if (*origin) {
            OutboxEntry entry;
            entry.source = m_contactSource;
            entry.resource = QStringLiteral("klantcontacten");
            entry.operation = QStringLiteral("create");
            entry.entityKind = ItemKind::ContactMoment;
            entry.entityId = *id;
            entry.payload = KlantinteractiesContactTarget::payload(contact, (*origin)->party, (*origin)->language);
            if (auto r = OutboxRepository(m_db).enqueue(entry); !r) {
                return unexpected(ServiceError::store(r.error()));
            }
        }
        ContactDraftRepository drafts(m_db);
        auto draft = drafts.load(staff.name, contact.citizenId);
        if (!draft) {
            return unexpected(ServiceError::store(draft.error()));
        }
        if (*draft) {
            if (auto r = drafts.remove((*draft)->id); !r) {
                return unexpected(ServiceError::store(r.error()));
            }
        }
        if (auto r = audited(staff, purpose, contact.citizenId, QStringLiteral("contact_moment"), *id); !r) {
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
        return unexpected(ServiceError::store(r.error()));
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
        return unexpected(ServiceError::store(draft.error()));
    }
    return *draft ? std::optional<ContactMoment>((*draft)->contact) : std::nullopt;
}

Expected<void, ServiceError> CaseService::discardDraft(const StaffMember &staff, qint64 citizenId)
{
    ContactDraftRepository drafts(m_db);
    auto draft = drafts.load(staff.name, citizenId);
    if (!draft) {
        return unexpected(ServiceError::store(draft.error()));
    }
    if (*draft) {
        if (auto r = drafts.remove((*draft)->id); !r) {
            return unexpected(ServiceError::store(r.error()));
        }
    }
    return {};
}

Expected<qint64, ServiceError> CaseService::createRequest(const StaffMember &staff, const Purpose &purpose, Request request, qint64 contactId, Channel channel)
{
    if (auto permitted = m_audit.permit(staff, Operation::HandleRequests, request.citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (request.question.trimmed().isEmpty()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "Write the citizen's question.")));
    }
    request.id = 0;
    request.source = {};
    request.status = RequestStatus::Open;
    request.created = m_db.clock().now();
    auto retention = RetentionPolicy::days(m_db);
    if (!retention) {
        return unexpected(ServiceError::store(retention.error()));
    }
    request.expires = Request::expiryFor(request.created, *retention);
    return inTransaction<qint64>(m_db, [&]() -> Expected<qint64, ServiceError> {
        auto id = RequestRepository(m_db).insert(request);
        if (!id) {
            return unexpected(ServiceError::store(id.error()));
        }
        request.id = *id;
        if (contactId) {
            if (auto r = ContactMomentRepository(m_db).addLink(contactId, {ItemKind::Request, *id}); !r) {
                return unexpected(ServiceError::store(r.error()));
            }
        }
        auto origin = pushOrigin(request.citizenId);
        if (!origin) {
            return unexpected(ServiceError::store(origin.error()));
        }
        if (*origin) {
            const KlantinteractiesRequestTarget::Origin o{(*origin)->party, channel, (*origin)->language};
            if (auto r = OutboxRepository(m_db).enqueue(KlantinteractiesRequestTarget::requestEntry(m_contactSource, request, o)); !r) {
                return unexpected(ServiceError::store(r.error()));
            }
        }
        if (auto r = audited(staff, purpose, request.citizenId, QStringLiteral("request"), *id); !r) {
            return unexpected(r.error());
        }
        return *id;
    });
}

Expected<Request, ServiceError> CaseService::requestFor(const StaffMember &staff, const Purpose &purpose, qint64 requestId)
{
    auto request = RequestRepository(m_db).find(requestId);
    if (!request) {
        return unexpected(ServiceError::store(request.error()));
    }
    const qint64 citizenId = *request ? (**request).citizenId : 0;
    if (auto permitted = m_audit.permit(staff, Operation::HandleRequests, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (!*request) {
        return unexpected(
            ServiceError::invalid(i18nc("@info", "This request no longer exists: its retention period ended, or it was removed at the back end.")));
    }
    return std::move(**request);
}

Expected<qint64, ServiceError>
CaseService::supplementRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const QString &text, Channel channel)
{
    auto request = requestFor(staff, purpose, requestId);
    if (!request) {
        return unexpected(request.error());
    }
    if (text.trimmed().isEmpty()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "Write the supplement.")));
    }
    return inTransaction<qint64>(m_db, [&]() -> Expected<qint64, ServiceError> {
        auto id = RequestRepository(m_db).addSupplement(requestId, {0, staff.name, m_db.clock().now(), text.trimmed()});
        if (!id) {
            return unexpected(ServiceError::store(id.error()));
        }
        auto origin = pushOrigin(request->citizenId);
        if (!origin) {
            return unexpected(ServiceError::store(origin.error()));
        }
        if (*origin) {
            const KlantinteractiesRequestTarget::Origin o{(*origin)->party, channel, (*origin)->language};
            if (auto r = OutboxRepository(m_db).enqueue(KlantinteractiesRequestTarget::supplementEntry(m_contactSource, requestId, *id, o)); !r) {
                return unexpected(ServiceError::store(r.error()));
            }
        }
        if (auto r = audited(staff, purpose, request->citizenId, QStringLiteral("supplement"), *id); !r) {
            return unexpected(r.error());
        }
        return *id;
    });
}

Expected<void, ServiceError>
CaseService::updateRequest(const StaffMember &staff, const Purpose &purpose, const Request &request, const QString &what, bool answered, Channel channel)
{
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        if (auto r = RequestRepository(m_db).update(request); !r) {
            return unexpected(ServiceError::store(r.error()));
        }
        // The back end's copy follows, when the request is (or is about to be) there.
        auto origin = pushOrigin(request.citizenId);
        if (!origin) {
            return unexpected(ServiceError::store(origin.error()));
        }
        if (*origin && (request.source.id.isEmpty() || request.source.system == m_contactSource)) {
            const KlantinteractiesRequestTarget::Origin o{(*origin)->party, channel, (*origin)->language};
            const QDateTime done = request.status == RequestStatus::Open || what == QLatin1String("request_assigned") ? QDateTime() : m_db.clock().now();
            if (auto r = OutboxRepository(m_db).enqueue(KlantinteractiesRequestTarget::updateEntry(m_contactSource, request.id, o, answered, done)); !r) {
                return unexpected(ServiceError::store(r.error()));
            }
        }
        return audited(staff, purpose, request.citizenId, what, request.id);
    });
}

Expected<void, ServiceError>
CaseService::answerRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const QString &answer, Channel channel)
{
    auto request = requestFor(staff, purpose, requestId);
    if (!request) {
        return unexpected(request.error());
    }
    if (answer.trimmed().isEmpty()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "Write the answer.")));
    }
    request->answer = answer.trimmed();
    request->status = RequestStatus::Answered;
    return updateRequest(staff, purpose, *request, QStringLiteral("request_answered"), true, channel);
}

Expected<void, ServiceError> CaseService::closeRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId)
{
    auto request = requestFor(staff, purpose, requestId);
    if (!request) {
        return unexpected(request.error());
    }
    request->status = RequestStatus::Closed;
    return updateRequest(staff, purpose, *request, QStringLiteral("request_closed"), false, Channel::Counter);
}

Expected<void, ServiceError> CaseService::assignRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const Assignee &assignee)
{
    auto request = requestFor(staff, purpose, requestId);
    if (!request) {
        return unexpected(request.error());
    }
    if (assignee.isEmpty()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "Choose a staff member or team.")));
    }
    request->assignee = assignee;
    return updateRequest(staff, purpose, *request, QStringLiteral("request_assigned"), false, Channel::Counter);
}

int CaseService::retentionDays()
{
    return RetentionPolicy::days(m_db).value_or(Request::DefaultRetentionDays);
}

Expected<QList<Assignee>, ServiceError> CaseService::assignees(const StaffMember &staff, const QString &team)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewWorklist); !permitted) {
        return unexpected(permitted.error());
    }
    QList<Assignee> result;
    auto add = [&result](const Assignee &a) {
        const bool known = std::any_of(result.cbegin(), result.cend(), [&a](const Assignee &b) {
            return b.name.compare(a.name, Qt::CaseInsensitive) == 0;
        });
        if (!a.name.trimmed().isEmpty() && !known) {
            result.append(a);
        }
    };
    if (!m_contactSource.isEmpty()) {
        auto actors = KlantinteractiesTakenSync::knownActors(m_db, m_contactSource);
        if (!actors) {
            return unexpected(ServiceError::store(actors.error()));
        }
        for (const Assignee &a : std::as_const(*actors)) {
            add(a);
        }
    }
    add({AssigneeKind::Person, staff.name});
    add({AssigneeKind::Team, team});
    std::sort(result.begin(), result.end(), [](const Assignee &a, const Assignee &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return result;
}

Expected<void, ServiceError> CaseService::linkCatalogue(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, qint64 entryId)
{
    if (auto permitted = m_audit.permit(staff, Operation::LinkCatalogue, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        if (auto r = CatalogueRepository(m_db).linkToCitizen(citizenId, entryId, staff.name); !r) {
            return unexpected(ServiceError::store(r.error()));
        }
        return audited(staff, purpose, citizenId, QStringLiteral("catalogue_link"), entryId);
    });
}

Expected<void, ServiceError> CaseService::decideMatch(const StaffMember &staff, const Purpose &purpose, qint64 reportId, qint64 citizenId, bool confirm)
{
    if (auto permitted = m_audit.permit(staff, Operation::DecideMatch, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        ReportRepository reports(m_db);
        if (auto r = confirm ? reports.confirmCandidate(reportId, citizenId) : reports.rejectCandidate(reportId, citizenId); !r) {
            return unexpected(ServiceError::store(r.error()));
        }
        return audited(staff, purpose, citizenId, confirm ? QStringLiteral("match_confirmed") : QStringLiteral("match_rejected"), reportId);
    });
}

Expected<QList<CatalogueEntry>, ServiceError> CaseService::searchCatalogue(const QString &text, const QString &language, int limit)
{
    CatalogueRepository catalogue(m_db);
    auto ids = catalogue.search(text, language, limit);
    if (!ids) {
        return unexpected(ServiceError::store(ids.error()));
    }
    auto entries = catalogue.findMany(*ids);
    if (!entries) {
        return unexpected(ServiceError::store(entries.error()));
    }
    return std::move(*entries);
}

Expected<QList<CatalogueSuggestion>, ServiceError> CaseService::suggestions(const CaseFile &file, const QString &language, int limit)
{
    // (query, how many of its best matches, reason), in the order they are offered.
    struct Query
    {
        QString text;
        int take;
        QString reason;
    };
    QList<Query> queries;
    for (const LifeEvent &event : lifeEvents(file.citizen.birthDate, m_db.clock().now().toLocalTime().date())) {
        queries.append({event.query, 1, event.reason});
    }
    for (const Report &r : file.reports) {
        if (r.isOpen() && r.citizenId == file.citizen.id && !r.serviceName.isEmpty()) {
            queries.append({r.serviceName, 2, i18nc("@info suggestion; %1 a report's category", "About the open report “%1”.", r.serviceName)});
        }
    }
    for (const Request &r : file.requests) {
        if (r.isOpen()) {
            // The longest words of the question say most about it.
            QStringList words = r.question.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
            std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) {
                return a.size() > b.size();
            });
            if (!words.isEmpty() && words.first().size() >= 6) {
                const QString question = r.question.simplified();
                const QString shown = question.size() > 60 ? QString(question.left(59) + QChar(0x2026)) : question;
                queries.append({words.first(), 2, i18nc("@info suggestion; %1 the start of a request's question", "About the open request “%1”.", shown)});
            }
        }
    }
    QList<qint64> linked;
    for (const LinkedCatalogueEntry &l : file.catalogue) {
        linked.append(l.entry.id);
    }
    CatalogueRepository catalogue(m_db);
    QList<qint64> chosen;
    QHash<qint64, QString> reasons;
    for (const Query &query : std::as_const(queries)) {
        auto ids = catalogue.search(query.text, language, query.take);
        if (!ids) {
            return unexpected(ServiceError::store(ids.error()));
        }
        for (qint64 id : std::as_const(*ids)) {
            if (!linked.contains(id) && !chosen.contains(id) && chosen.size() < limit) {
                chosen.append(id);
                reasons.insert(id, query.reason);
            }
        }
    }
    auto entries = catalogue.findMany(chosen);
    if (!entries) {
        return unexpected(ServiceError::store(entries.error()));
    }
    QList<CatalogueSuggestion> result;
    for (const CatalogueEntry &e : std::as_const(*entries)) {
        result.append({e, reasons.value(e.id)});
    }
    return result;
}

Expected<QList<WorklistItem>, ServiceError> CaseService::worklist(const StaffMember &staff, const QString &team, int limit)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewWorklist); !permitted) {
        return unexpected(permitted.error());
    }
    // Two index ranges of requests_worklist per name; the deadline orders within each.
    QString sql = QStringLiteral(
        "SELECT r.id, r.citizen_id, c.given_names, c.family_name, r.question, r.assignee_kind, r.assignee_name, r.status, r.created_at, r.deadline_at "
        "FROM requests r LEFT JOIN citizens c ON c.id = r.citizen_id WHERE r.status IN ('open', 'answered') AND (r.assignee_name = ?");
    QVariantList values{staff.name};
    if (!team.isEmpty()) {
        sql += QStringLiteral(" OR r.assignee_name = ?");
        values.append(team);
    }
    sql += QStringLiteral(") ORDER BY r.deadline_at IS NULL, r.deadline_at, r.created_at LIMIT ?");
    values.append(limit);
    auto items = selectAll(m_db, sql, values, [](const Statement &row) {
        WorklistItem item;
        item.requestId = row.value(0).toLongLong();
        item.citizenId = row.value(1).toLongLong();
        item.citizenName = QString(row.value(2).toString() + QLatin1Char(' ') + row.value(3).toString()).trimmed();
        item.question = row.value(4).toString();
        item.assignee = {fromKey<AssigneeKind>(row.value(5).toString()).value_or(AssigneeKind::Team), row.value(6).toString()};
        item.status = fromKey<RequestStatus>(row.value(7).toString()).value_or(RequestStatus::Open);
        item.created = sql::toDateTime(row.value(8));
        item.deadline = sql::toDateTime(row.value(9));
        return item;
    });
    if (!items) {
        return unexpected(ServiceError::store(items.error()));
    }
    QList<qint64> shown;
    for (const WorklistItem &item : std::as_const(*items)) {
        if (item.citizenId && !shown.contains(item.citizenId)) {
            shown.append(item.citizenId);
        }
    }
    if (auto r = m_audit.recordEach(staff, AuditAction::SearchResultShown, shown, {}, QJsonObject{{QStringLiteral("list"), QStringLiteral("worklist")}}); !r) {
        return unexpected(ServiceError::store(r.error()));
    }
    return std::move(*items);
}

} // namespace c360
