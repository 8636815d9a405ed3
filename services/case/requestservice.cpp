// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/requestservice.h"

#include "common/clock.h"
#include "store/contactmomentrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/requestrepository.h"
#include "store/retentionpolicy.h"
#include "store/servicetransaction.h"
#include "store/statement.h"

#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace C360
{

RequestService::RequestService(AuditService &audit, const QString &contactSource)
    : m_audit(audit)
    , m_db(audit.database())
    , m_changes(audit, contactSource)
{
}

Expected<qint64, ServiceError>
RequestService::createRequest(const StaffMember &staff, const Purpose &purpose, Request request, qint64 contactId, Channel channel)
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
        return unexpected(asServiceError(retention.error()));
    }
    request.expires = Request::expiryFor(request.created, *retention);
    return inTransaction<qint64>(m_db, [&]() -> Expected<qint64, ServiceError> {
        auto id = RequestRepository(m_db).insert(request);
        if (!id) {
            return unexpected(asServiceError(id.error()));
        }
        request.id = *id;
        if (contactId) {
            if (auto r = ContactMomentRepository(m_db).addLink(contactId, {ItemKind::Request, *id}); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        auto origin = m_changes.origin(request.citizenId, channel);
        if (!origin) {
            return unexpected(asServiceError(origin.error()));
        }
        if (*origin) {
            if (auto r = OutboxRepository(m_db).enqueue(LocalChange::request(m_changes.contactSource(), request.id, **origin)); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        if (auto r = m_changes.audited(staff, purpose, request.citizenId, QStringLiteral("request"), *id); !r) {
            return unexpected(r.error());
        }
        return *id;
    });
}

Expected<Request, ServiceError> RequestService::requestFor(const StaffMember &staff, const Purpose &purpose, SeenRequest seen)
{
    auto request = RequestRepository(m_db).find(seen.id);
    if (!request) {
        return unexpected(asServiceError(request.error()));
    }
    const qint64 citizenId = *request ? (**request).citizenId : 0;
    if (auto permitted = m_audit.permit(staff, Operation::HandleRequests, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (!*request) {
        return unexpected(
            ServiceError::invalid(i18nc("@info", "This request no longer exists: its retention period ended, or it was removed at the back end.")));
    }
    if (seen.version > 0 && (**request).version != seen.version) {
        return unexpected(changedMeanwhile(**request));
    }
    return std::move(**request);
}

ServiceError RequestService::changedMeanwhile(const Request &current)
{
    const QString when = QLocale().toString(current.changedAt.toLocalTime(), QLocale::ShortFormat);
    if (current.changedBy.isEmpty()) {
        return {ServiceError::Kind::Changed,
                i18nc("@info; %1 a date and time",
                      "This request was changed at the contact server (read by a synchronisation at %1) after you opened it. Your change was "
                      "not saved and what you typed is kept: look at the request as it is now, then save yours again.",
                      when)};
    }
    return {ServiceError::Kind::Changed,
            i18nc("@info; %1 a staff member, %2 a date and time",
                  "%1 changed this request at %2, after you opened it. Your change was not saved and what you typed is kept: look at their "
                  "change, then save yours again.",
                  current.changedBy,
                  when)};
}

Expected<void, ServiceError> RequestService::stored(Expected<void, StoreError> written, qint64 requestId)
{
    if (written) {
        return {};
    }
    if (written.error().code == StoreError::Code::Changed) {
        // Changed between reading and writing: say by whom, as it is now.
        auto current = RequestRepository(m_db).find(requestId);
        if (current && *current) {
            return unexpected(changedMeanwhile(**current));
        }
    }
    return unexpected(asServiceError(written.error()));
}

Expected<qint64, ServiceError>
RequestService::supplementRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const QString &text, Channel channel)
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
            return unexpected(asServiceError(id.error()));
        }
        auto origin = m_changes.origin(request->citizenId, channel);
        if (!origin) {
            return unexpected(asServiceError(origin.error()));
        }
        if (*origin) {
            if (auto r = OutboxRepository(m_db).enqueue(LocalChange::supplement(m_changes.contactSource(), requestId, *id, **origin)); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        if (auto r = m_changes.audited(staff, purpose, request->citizenId, QStringLiteral("supplement"), *id); !r) {
            return unexpected(r.error());
        }
        return *id;
    });
}

Expected<void, ServiceError>
RequestService::updateRequest(const StaffMember &staff, const Purpose &purpose, const Request &request, const QString &what, bool answered, Channel channel)
{
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        if (auto r = stored(RequestRepository(m_db).update(request, staff.name), request.id); !r) {
            return r;
        }
        // The back end's copy follows, when the request is (or is about to be) there.
        auto origin = m_changes.origin(request.citizenId, channel);
        if (!origin) {
            return unexpected(asServiceError(origin.error()));
        }
        if (*origin && (request.source.id.isEmpty() || request.source.system == m_changes.contactSource())) {
            const QDateTime done = request.status == RequestStatus::Open || what == QLatin1String("request_assigned") ? QDateTime() : m_db.clock().now();
            if (auto r = OutboxRepository(m_db).enqueue(LocalChange::requestUpdate(m_changes.contactSource(), request.id, **origin, answered, done)); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        return m_changes.audited(staff, purpose, request.citizenId, what, request.id);
    });
}

Expected<void, ServiceError>
RequestService::answerRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen, const QString &answer, Channel channel)
{
    auto request = requestFor(staff, purpose, seen);
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

Expected<void, ServiceError> RequestService::closeRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen, const QString &reason)
{
    const qint64 requestId = seen.id;
    auto request = requestFor(staff, purpose, seen);
    if (!request) {
        return unexpected(request.error());
    }
    if (request->status == RequestStatus::Closed) {
        return unexpected(ServiceError::invalid(i18nc("@info", "This request is closed already.")));
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        if (!reason.trimmed().isEmpty()) {
            if (auto r = supplementRequest(staff, purpose, requestId, reason, Channel::Counter); !r) {
                return unexpected(r.error());
            }
        }
        request->status = RequestStatus::Closed;
        return updateRequest(staff, purpose, *request, QStringLiteral("request_closed"), false, Channel::Counter);
    });
}

namespace
{
// The newest update of request requestId in the outbox: its id and state, or none.
Expected<std::optional<std::pair<qint64, OutboxState>>, StoreError> lastUpdate(Database &db, qint64 requestId)
{
    Statement last(db,
                   QStringLiteral("SELECT id, state FROM outbox WHERE entity_kind = ? AND entity_id = ? AND operation = 'update' ORDER BY id DESC LIMIT 1"));
    if (auto r = last.exec({toKey(ItemKind::Request), requestId}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!last.next()) {
        return std::optional<std::pair<qint64, OutboxState>>();
    }
    return std::optional<std::pair<qint64, OutboxState>>(
        std::pair{last.value(0).toLongLong(), fromKey<OutboxState>(last.value(1).toString()).value_or(OutboxState::Done)});
}
} // namespace

Expected<bool, ServiceError> RequestService::canReopen(qint64 requestId)
{
    auto request = RequestRepository(m_db).find(requestId);
    if (!request) {
        return unexpected(asServiceError(request.error()));
    }
    if (!*request || (**request).status != RequestStatus::Closed) {
        return false;
    }
    auto update = lastUpdate(m_db, requestId);
    if (!update) {
        return unexpected(asServiceError(update.error()));
    }
    return !*update || (**update).second == OutboxState::Pending || (**update).second == OutboxState::Failed;
}

Expected<void, ServiceError> RequestService::reopenRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen)
{
    const qint64 requestId = seen.id;
    auto request = requestFor(staff, purpose, seen);
    if (!request) {
        return unexpected(request.error());
    }
    if (request->status != RequestStatus::Closed) {
        return unexpected(ServiceError::invalid(i18nc("@info", "This request is not closed.")));
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        auto update = lastUpdate(m_db, requestId);
        if (!update) {
            return unexpected(asServiceError(update.error()));
        }
        if (*update && (**update).second != OutboxState::Pending && (**update).second != OutboxState::Failed) {
            return unexpected(ServiceError::invalid(
                i18nc("@info", "The close was sent to the contact server already, so it cannot be undone here. Reopen the request there, or make a new one.")));
        }
        if (*update) {
            Statement cancel(m_db, QStringLiteral("DELETE FROM outbox WHERE id = ? AND state IN ('pending', 'failed')"));
            if (auto r = cancel.exec({(**update).first}); !r) {
                return unexpected(asServiceError(r.error()));
            }
        }
        request->status = request->answer.isEmpty() ? RequestStatus::Open : RequestStatus::Answered;
        if (auto r = stored(RequestRepository(m_db).update(*request, staff.name), requestId); !r) {
            return r;
        }
        return m_changes.audited(staff, purpose, request->citizenId, QStringLiteral("request_reopened"), request->id);
    });
}

Expected<void, ServiceError> RequestService::assignRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen, const Assignee &assignee)
{
    auto request = requestFor(staff, purpose, seen);
    if (!request) {
        return unexpected(request.error());
    }
    if (assignee.isEmpty()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "Choose a staff member or team.")));
    }
    request->assignee = assignee;
    return updateRequest(staff, purpose, *request, QStringLiteral("request_assigned"), false, Channel::Counter);
}

int RequestService::retentionDays()
{
    return RetentionPolicy::days(m_db).value_or(Request::DefaultRetentionDays);
}

Expected<QList<Assignee>, ServiceError> RequestService::assignees(const StaffMember &staff, const QString &team)
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
    if (m_assignees) {
        auto actors = m_assignees->knownAssignees(m_db);
        if (!actors) {
            return unexpected(asServiceError(actors.error()));
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

Expected<QList<WorklistItem>, ServiceError> RequestService::worklist(const StaffMember &staff, const QString &team, int limit)
{
    if (auto permitted = m_audit.permit(staff, Operation::ViewWorklist); !permitted) {
        return unexpected(permitted.error());
    }
    if (m_audit.writesThroughServer()) {
        auto items = RequestRepository(m_db).worklistThroughServer(limit, staff.workstation);
        if (!items) {
            return unexpected(asServiceError(items.error()));
        }
        return std::move(*items);
    }
    auto items = RequestRepository(m_db).worklist(staff.name, team, limit);
    if (!items) {
        return unexpected(asServiceError(items.error()));
    }
    QList<qint64> shown;
    for (const WorklistItem &item : std::as_const(*items)) {
        if (item.citizenId && !shown.contains(item.citizenId)) {
            shown.append(item.citizenId);
        }
    }
    if (auto r = m_audit.recordEach(staff, AuditAction::SearchResultShown, shown, {}, QJsonObject{{QStringLiteral("list"), QStringLiteral("worklist")}}); !r) {
        return unexpected(asServiceError(r.error()));
    }
    return std::move(*items);
}

} // namespace C360
