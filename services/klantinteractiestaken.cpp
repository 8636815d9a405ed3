// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "klantinteractiestaken.h"

#include "klantinteractiesmapper.h"
#include "requestrepository.h"
#include "restjob.h"
#include "sqlvalue.h"
#include "statement.h"
#include "syncstaterepository.h"

#include <QJsonArray>

namespace c360
{

namespace
{
const QString actorsKey = QStringLiteral("actors");
const QString actorPageKey = QStringLiteral("actor_page");
const QString actorsReadKey = QStringLiteral("actors_read");

QHash<QString, Assignee> actorsOf(const KiCursor &cursor)
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
    return actorsOf(KiCursor::fromJson(state->cursor));
}

QNetworkRequest KlantinteractiesTakenSync::nextRequest(const SyncState &state)
{
    m_position = position(state);
    m_readingActors = !m_position.extra.value(actorsReadKey).toBool();
    if (m_readingActors) {
        return listRequest(QStringLiteral("actoren"), std::max(1, m_position.extra.value(actorPageKey).toInt(1)), {});
    }
    return KlantinteractiesCrawl::nextRequest(state);
}

Expected<ResourceSync::Page, SyncProblem> KlantinteractiesTakenSync::apply(Database &db, const RestJob &job, const SyncState &state)
{
    if (!m_readingActors) {
        m_actors = actorsOf(m_position);
        return KlantinteractiesCrawl::apply(db, job, state);
    }
    const auto parsed = KlantinteractiesParser::page(job.body());
    if (!parsed) {
        return unexpected(malformed(QStringLiteral("actoren: ") + parsed.error()));
    }
    KiCursor c = m_position;
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

Expected<KlantinteractiesCrawl::Outcome, StoreError>
KlantinteractiesTakenSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing)
{
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
    if (existing && existing->localId) {
        // Made here and pushed later: its retention runs from when it was made, not from when
        // the back end took it.
        auto local = selectAll(db, QStringLiteral("SELECT created_at FROM requests WHERE id = ?"), {existing->localId}, [](const Statement &row) {
            return sql::toDateTime(row.value(0));
        });
        if (!local) {
            return unexpected(std::move(local).error());
        }
        if (!local->isEmpty() && local->first().isValid() && local->first() < request.created) {
            request.created = local->first();
        }
    }
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

} // namespace c360
