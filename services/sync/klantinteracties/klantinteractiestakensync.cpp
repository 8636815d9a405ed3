// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiestakensync.h"

#include "common/clock.h"
#include "store/requestrepository.h"
#include "store/retentionpolicy.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/syncstaterepository.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/restjob.h"

#include <QJsonArray>

namespace C360
{

namespace
{
const QString actorsKey = QStringLiteral("actors");
const QString actorPageKey = QStringLiteral("actor_page");
const QString actorsReadKey = QStringLiteral("actors_read");

QHash<QString, Assignee> actorsOf(const CommonGroundCursor &cursor)
{
    QHash<QString, Assignee> result;
    const QJsonObject actors = cursor.extra.value(actorsKey).toObject();
    for (auto it = actors.begin(); it != actors.end(); ++it) {
        const QJsonArray a = it.value().toArray();
        result.insert(it.key(), {a.at(0).toString() == QLatin1String("person") ? AssigneeKind::Person : AssigneeKind::Team, a.at(1).toString()});
    }
    return result;
}
} // namespace

QStringList KlantinteractiesTakenSync::lastingExtra() const
{
    return {actorsKey};
}

Expected<QHash<QString, Assignee>, StoreError> KlantinteractiesTakenSync::knownActors(Database &db, const QString &source)
{
    auto state = SyncStateRepository(db).state(source, QStringLiteral("internetaken"));
    if (!state) {
        return unexpected(std::move(state).error());
    }
    return actorsOf(CommonGroundCursor::fromJson(state->cursor));
}

QNetworkRequest KlantinteractiesTakenSync::nextRequest(const SyncState &state)
{
    m_position = position(state);
    m_readingActors = !m_position.extra.value(actorsReadKey).toBool();
    if (m_readingActors) {
        return listRequest(QStringLiteral("actoren"), std::max(1, m_position.extra.value(actorPageKey).toInt(1)), {});
    }
    return CommonGroundCrawl::nextRequest(state);
}

Expected<ResourceSync::Page, SyncProblem> KlantinteractiesTakenSync::apply(Database &db, const RestJob &job, const SyncState &state)
{
    if (!m_readingActors) {
        m_actors = actorsOf(m_position);
        auto days = RetentionPolicy::days(db);
        if (!days) {
            return unexpected(storeProblem(days.error()));
        }
        m_retentionDays = *days;
        return CommonGroundCrawl::apply(db, job, state);
    }
    const auto parsed = KlantinteractiesParser::page(job.body());
    if (!parsed) {
        return unexpected(malformed(QStringLiteral("actoren: ") + parsed.error().detail));
    }
    CommonGroundCursor c = m_position;
    // A new list at the first page; those of the last run until then.
    QJsonObject actors = c.extra.contains(actorPageKey) ? c.extra.value(actorsKey).toObject() : QJsonObject();
    Page page;
    for (const QJsonObject &record : parsed->records) {
        const auto actor = KlantinteractiesParser::actor(record);
        if (!actor || actors.size() >= MaxActors) {
            continue; // an assignee without a name is no reason to skip a task
        }
        const Assignee a = KlantinteractiesMapper::assignee(*actor);
        actors.insert(actor->uuid, QJsonArray{a.kind == AssigneeKind::Person ? QStringLiteral("person") : QStringLiteral("team"), a.name.left(200)});
    }
    c.extra.insert(actorsKey, actors);
    const int actorPage = std::max(1, c.extra.value(actorPageKey).toInt(1));
    if (parsed->hasNext && !parsed->records.isEmpty() && actors.size() < MaxActors) {
        c.extra.insert(actorPageKey, parsed->nextPage > actorPage ? parsed->nextPage : actorPage + 1);
    } else {
        c.extra.insert(actorsReadKey, true);
        c.extra.remove(actorPageKey);
    }
    page.cursor = c.toJson();
    return page;
}

Expected<CommonGroundCrawl::Outcome, StoreError>
KlantinteractiesTakenSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing)
{
    Q_UNUSED(existing) // the request is found by its uuid: one pushed from here has it too
    const auto task = KlantinteractiesParser::task(record);
    if (!task) {
        return Outcome::skipped(task.error());
    }
    Statement contact(db, QStringLiteral("SELECT id, citizen_id FROM contact_moments WHERE source_system = ? AND source_id = ?"));
    if (auto r = contact.exec({source(), task->contactUuid}); !r) {
        return unexpected(r.error());
    }
    if (!contact.next()) {
        return Outcome::skipped(QStringLiteral("klantcontact %1 is not synchronised yet; the task is tried again next run").arg(task->contactUuid));
    }
    const qint64 contactId = contact.value(0).toLongLong();
    const qint64 citizenId = contact.value(1).toLongLong();
    contact.finish();
    Request request = KlantinteractiesMapper::request(*task, source(), citizenId, m_actors);
    // What was done with the request here. Its answer and deadline stay: Klantinteracties holds
    // the answer in a klantcontact and has no deadline. While a change of it waits in the outbox, or was refused and
    // waits for correction, its handling stays as it is here: the push brings the back end up to
    // date. A task done at the back end that was answered here stays answered. A request keeps
    // the creation time it has here, and with it its retention: one made here and pushed later
    // counts from when it was made, not from when the back end took it (whose clock may be
    // behind or ahead of ours), and a reassignment at the back end, which moves toegewezenOp,
    // does not prolong it.
    Statement local(
        db,
        QStringLiteral(
            "SELECT r.status, r.answer, r.assignee_kind, r.assignee_name, r.created_at, r.deadline_at, EXISTS (SELECT 1 FROM outbox o WHERE o.state IN "
            "('pending', 'sending', 'failed', 'rejected') AND o.entity_kind = 'request' AND o.entity_id = r.id) "
            "FROM requests r WHERE r.source_system = ? AND r.source_id = ?"));
    if (auto r = local.exec({source(), task->uuid}); !r) {
        return unexpected(r.error());
    }
    if (local.next()) {
        const auto status = fromKey<RequestStatus>(local.value(0).toString()).value_or(RequestStatus::Open);
        request.answer = local.value(1).toString();
        if (const QDateTime created = Sql::toDateTime(local.value(4)); created.isValid()) {
            request.created = created;
        }
        request.deadline = Sql::toDateTime(local.value(5));
        if (local.value(6).toBool()) {
            request.status = status;
            request.assignee = {fromKey<AssigneeKind>(local.value(2).toString()).value_or(AssigneeKind::Team), local.value(3).toString()};
        } else if (request.status == RequestStatus::Closed && status == RequestStatus::Answered) {
            request.status = RequestStatus::Answered;
        }
    } else if (Request::expiryFor(request.created, m_retentionDays) <= db.clock().now()) {
        return Outcome::ignored(); // past its retention already: nothing to keep
    }
    local.finish();
    auto id = RequestRepository(db).upsertBySource(request);
    if (!id) {
        return unexpected(id.error());
    }
    Statement link(db,
                   QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id, request_id) SELECT ?, ? WHERE NOT EXISTS "
                                  "(SELECT 1 FROM contact_moment_links WHERE contact_moment_id = ? AND request_id = ?)"));
    if (auto r = link.exec({contactId, *id, contactId, *id}); !r) {
        return unexpected(r.error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> KlantinteractiesTakenSync::removeLocal(Database &db, qint64 localId)
{
    // A purge leaves a record that says when the request existed and that it went, nothing more.
    auto purged = RequestRepository(db).purge(localId, QStringLiteral("deleted_at_source"));
    if (!purged) {
        if (purged.error().code == StoreError::Code::NoSuchRecord) {
            return false;
        }
        return unexpected(purged.error());
    }
    return true;
}

} // namespace C360
