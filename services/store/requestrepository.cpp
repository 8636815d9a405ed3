// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/requestrepository.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/retentionpolicy.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

namespace C360
{

namespace
{
const QString requestColumns = QStringLiteral(
    "id, source_system, source_id, citizen_id, question, answer, status, assignee_kind, assignee_name, created_at, deadline_at, expires_at, version, "
    "changed_by, changed_at");

const RowWriter requestRows(
    "requests",
    {"source_system", "source_id", "citizen_id", "question", "answer", "status", "assignee_kind", "assignee_name", "created_at", "deadline_at", "expires_at"},
    "request");
const RowWriter supplementRows("request_supplements", {"request_id", "author", "created_at", "body"}, "supplement");
const RowWriter purgeRows("purge_records", {"item_kind", "item_id", "created_at", "purged_at", "reason"}, "purge record");

Request readRequest(const Statement &row)
{
    Request r;
    r.id = row.value(0).toLongLong();
    r.source = {row.value(1).toString(), row.value(2).toString()};
    r.citizenId = row.value(3).toLongLong();
    r.question = row.value(4).toString();
    r.answer = row.value(5).toString();
    r.status = fromKey<RequestStatus>(row.value(6).toString()).value_or(RequestStatus::Open);
    r.assignee.kind = fromKey<AssigneeKind>(row.value(7).toString()).value_or(AssigneeKind::Team);
    r.assignee.name = row.value(8).toString();
    r.created = Sql::toDateTime(row.value(9));
    r.deadline = Sql::toDateTime(row.value(10));
    r.expires = Sql::toDateTime(row.value(11));
    r.version = row.value(12).toInt();
    r.changedBy = row.value(13).toString();
    r.changedAt = Sql::toDateTime(row.value(14));
    return r;
}

qint64 idOf(const Request &request)
{
    return request.id;
}

// Reads (request_id, id, author, created_at, body) rows into the requests they belong to.
void readSupplements(Statement &rows, QList<Request> &requests)
{
    readChildRows(rows, requests, idOf, [](Request &request, const Statement &row) {
        request.supplements.append({row.value(1).toLongLong(), row.value(2).toString(), Sql::toDateTime(row.value(3)), row.value(4).toString()});
    });
}

// Reads (request_id, report_id, entry_id) rows into the requests they belong to.
void readLinks(Statement &rows, QList<Request> &requests)
{
    readChildRows(rows, requests, idOf, [](Request &request, const Statement &row) {
        const bool report = !row.value(1).isNull();
        request.links.append({report ? ItemKind::Report : ItemKind::CatalogueEntry, row.value(report ? 1 : 2).toLongLong()});
    });
}
} // namespace

RequestRepository::RequestRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> RequestRepository::insert(const Request &request)
{
    return save(request, false);
}

Expected<void, StoreError> RequestRepository::update(const Request &request, const QString &changedBy)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    // Compared and counted up in the one statement: of two changes made on the same version, the
    // second finds the first's (PostgreSQL re-reads the row it waited for; SQLite writes one at a
    // time).
    QString sql = QStringLiteral(
        "UPDATE requests SET status = ?, answer = ?, assignee_kind = ?, assignee_name = ?, deadline_at = ?, version = version + 1, changed_by = ?, "
        "changed_at = ? WHERE id = ?");
    QVariantList values = {toKey(request.status),
                           request.answer,
                           toKey(request.assignee.kind),
                           request.assignee.name,
                           Sql::fromDateTime(request.deadline),
                           changedBy,
                           Sql::fromDateTime(m_db.clock().now()),
                           request.id};
    if (request.version > 0) {
        sql += QStringLiteral(" AND version = ?");
        values.append(request.version);
    }
    Statement update(m_db, sql);
    if (auto r = update.exec(values); !r) {
        return r;
    }
    if (update.numRowsAffected() != 1) {
        update.finish();
        auto exists = selectId(m_db, QStringLiteral("SELECT id FROM requests WHERE id = ?"), {request.id});
        if (!exists) {
            return unexpected(std::move(exists).error());
        }
        if (!exists->has_value()) {
            return unexpected(m_db.error(StoreError::Code::NoSuchRecord, QStringLiteral("no request with id %1").arg(request.id)));
        }
        return unexpected(m_db.error(StoreError::Code::Changed, QStringLiteral("request %1 changed after version %2").arg(request.id).arg(request.version)));
    }
    return transaction->commit();
}

Expected<qint64, StoreError> RequestRepository::addSupplement(qint64 requestId, const Supplement &supplement)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    auto id = insertSupplement(requestId, supplement);
    if (!id) {
        return id;
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<qint64, StoreError> RequestRepository::insertSupplement(qint64 requestId, const Supplement &s)
{
    return supplementRows.insert(m_db, {requestId, s.author, Sql::fromDateTime(s.time.isValid() ? s.time : m_db.clock().now()), s.text});
}

Expected<qint64, StoreError> RequestRepository::upsertBySource(const Request &request)
{
    return save(request, true);
}

Expected<qint64, StoreError> RequestRepository::save(const Request &request, bool bySource)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = bySource ? request.id : 0;
    // Whether what the back end says of the handling differs from what is stored: then it is a
    // new version, changed there (changed_by empty).
    bool handlingChanged = false;
    if (bySource) {
        const QString where = request.source.id.isEmpty() ? QStringLiteral("id = ?") : QStringLiteral("source_system = ? AND source_id = ?");
        const QVariantList key =
            request.source.id.isEmpty() ? QVariantList{request.id} : QVariantList{Sql::sourceSystem(request.source.system), request.source.id};
        Statement stored(m_db, QStringLiteral("SELECT id, status, answer, assignee_kind, assignee_name, deadline_at FROM requests WHERE ") + where);
        if (auto r = stored.exec(key); !r) {
            return unexpected(std::move(r).error());
        }
        if (stored.next()) {
            if (!request.source.id.isEmpty()) {
                id = stored.value(0).toLongLong();
            }
            handlingChanged = stored.value(1).toString() != toKey(request.status) || stored.value(2).toString() != request.answer ||
                stored.value(3).toString() != toKey(request.assignee.kind) || stored.value(4).toString() != request.assignee.name ||
                Sql::toDateTime(stored.value(5)) != Sql::toDateTime(Sql::fromDateTime(request.deadline));
        } else if (!request.source.id.isEmpty()) {
            id = 0;
        }
    }
    QList<Supplement> stored;
    if (id != 0) {
        auto supplements =
            selectAll(m_db, QStringLiteral("SELECT author, created_at, body FROM request_supplements WHERE request_id = ?"), {id}, [](const Statement &row) {
                return Supplement{0, row.value(0).toString(), Sql::toDateTime(row.value(1)), row.value(2).toString()};
            });
        if (!supplements) {
            return unexpected(std::move(supplements).error());
        }
        stored = *supplements;
    }
    if (auto r = writeRow(request, &id); !r) {
        return unexpected(std::move(r).error());
    }
    if (handlingChanged) {
        Statement changed(m_db, QStringLiteral("UPDATE requests SET version = version + 1, changed_by = '', changed_at = ? WHERE id = ?"));
        if (auto r = changed.exec({Sql::fromDateTime(m_db.clock().now()), id}); !r) {
            return unexpected(std::move(r).error());
        }
    }
    for (const Supplement &s : request.supplements) {
        // Compared as stored: times keep milliseconds only.
        const Supplement key{0, s.author, Sql::toDateTime(Sql::fromDateTime(s.time)), s.text};
        if (stored.contains(key)) {
            continue;
        }
        if (auto r = insertSupplement(id, s); !r) {
            return r;
        }
    }
    if (auto r = writeLinks(id, request.links); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<void, StoreError> RequestRepository::writeRow(const Request &request, qint64 *id)
{
    const QDateTime created = request.created.isValid() ? request.created : m_db.clock().now();
    QDateTime expires = request.expires;
    if (!expires.isValid()) {
        if (m_retentionDays == 0) {
            auto days = RetentionPolicy::days(m_db);
            if (!days) {
                return unexpected(std::move(days).error());
            }
            m_retentionDays = *days;
        }
        expires = Request::expiryFor(created, m_retentionDays);
    }
    const QVariantList values = {
        Sql::sourceSystem(request.source.system),
        Sql::nullableText(request.source.id),
        Sql::nullableId(request.citizenId),
        request.question,
        request.answer,
        toKey(request.status),
        toKey(request.assignee.kind),
        request.assignee.name,
        Sql::fromDateTime(created),
        Sql::fromDateTime(request.deadline),
        Sql::fromDateTime(expires),
    };
    return requestRows.write(m_db, values, id);
}

Expected<void, StoreError> RequestRepository::writeLinks(qint64 id, const QList<ItemLink> &links)
{
    Statement del(m_db, QStringLiteral("DELETE FROM request_links WHERE request_id = ?"));
    if (auto r = del.exec({id}); !r) {
        return r;
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO request_links (request_id, report_id, entry_id) VALUES (?, ?, ?)"));
    const QVariant none = Sql::null();
    for (const ItemLink &link : links) {
        if (link.kind != ItemKind::Report && link.kind != ItemKind::CatalogueEntry) {
            return unexpected(m_db.error(StoreError::Code::Query, QStringLiteral("request %1 can link only to reports and catalogue entries").arg(id)));
        }
        const bool report = link.kind == ItemKind::Report;
        if (auto r = insert.exec({id, report ? Sql::nullableId(link.id) : none, report ? none : Sql::nullableId(link.id)}); !r) {
            return r;
        }
    }
    return {};
}

Expected<std::optional<Request>, StoreError> RequestRepository::find(qint64 id)
{
    Statement row(m_db, QStringLiteral("SELECT ") + requestColumns + QStringLiteral(" FROM requests WHERE id = ?"));
    if (auto r = row.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!row.next()) {
        return std::optional<Request>();
    }
    QList<Request> requests = {readRequest(row)};
    row.finish();
    Statement supplements(
        m_db, QStringLiteral("SELECT request_id, id, author, created_at, body FROM request_supplements WHERE request_id = ? ORDER BY created_at, id"));
    if (auto r = supplements.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    readSupplements(supplements, requests);
    Statement links(m_db, QStringLiteral("SELECT request_id, report_id, entry_id FROM request_links WHERE request_id = ? ORDER BY rowid"));
    if (auto r = links.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    readLinks(links, requests);
    return std::optional<Request>(std::move(requests.first()));
}

Expected<QList<Request>, StoreError> RequestRepository::forCitizen(qint64 citizenId)
{
    auto requests =
        selectAll(m_db,
                  QStringLiteral("SELECT ") + requestColumns + QStringLiteral(" FROM requests WHERE citizen_id = ? ORDER BY created_at DESC, id DESC"),
                  {citizenId},
                  readRequest);
    if (!requests || requests->isEmpty()) {
        return requests;
    }
    Statement supplements(m_db,
                          QStringLiteral("SELECT s.request_id, s.id, s.author, s.created_at, s.body FROM request_supplements s JOIN requests r ON r.id = "
                                         "s.request_id WHERE r.citizen_id = ? ORDER BY s.created_at, s.id"));
    if (auto r = supplements.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readSupplements(supplements, *requests);
    Statement links(m_db,
                    QStringLiteral("SELECT l.request_id, l.report_id, l.entry_id FROM request_links l JOIN requests r ON r.id = l.request_id "
                                   "WHERE r.citizen_id = ? ORDER BY l.rowid"));
    if (auto r = links.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readLinks(links, *requests);
    return requests;
}

Expected<QList<qint64>, StoreError> RequestRepository::expiredBefore(const QDateTime &time)
{
    // Times are stored in one fixed format (sqlvalue.h), so comparing them as text orders them.
    return selectIds(m_db, QStringLiteral("SELECT id FROM requests WHERE expires_at <= ? ORDER BY expires_at, id"), {Sql::fromDateTime(time)});
}

Expected<PurgeRecord, StoreError> RequestRepository::purge(qint64 requestId, const QString &reason)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    PurgeRecord record;
    record.kind = ItemKind::Request;
    record.itemId = requestId;
    record.reason = reason;
    record.purged = Sql::toDateTime(Sql::fromDateTime(m_db.clock().now()));
    {
        Statement created(m_db, QStringLiteral("SELECT created_at FROM requests WHERE id = ?"));
        if (auto r = created.exec({requestId}); !r) {
            return unexpected(std::move(r).error());
        }
        if (!created.next()) {
            return unexpected(m_db.error(StoreError::Code::NoSuchRecord, QStringLiteral("no request with id %1").arg(requestId)));
        }
        record.created = Sql::toDateTime(created.value(0));
    }
    // Supplements and links (the request's own and those of contacts) go with it by cascade.
    Statement del(m_db, QStringLiteral("DELETE FROM requests WHERE id = ?"));
    if (auto r = del.exec({requestId}); !r) {
        return unexpected(std::move(r).error());
    }
    auto recordId = purgeRows.insert(m_db, {toKey(record.kind), requestId, Sql::fromDateTime(record.created), Sql::fromDateTime(record.purged), reason});
    if (!recordId) {
        return unexpected(std::move(recordId).error());
    }
    record.id = *recordId;
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    qCDebug(C360_STORE) << "purged request" << requestId << "purge record" << record.id;
    return record;
}

Expected<QList<PurgeRecord>, StoreError> RequestRepository::purgeRecords()
{
    return selectAll(m_db,
                     QStringLiteral("SELECT id, item_kind, item_id, created_at, purged_at, reason FROM purge_records ORDER BY purged_at, id"),
                     {},
                     [](const Statement &row) {
                         PurgeRecord p;
                         p.id = row.value(0).toLongLong();
                         p.kind = fromKey<ItemKind>(row.value(1).toString()).value_or(ItemKind::Request);
                         p.itemId = row.value(2).toLongLong();
                         p.created = Sql::toDateTime(row.value(3));
                         p.purged = Sql::toDateTime(row.value(4));
                         p.reason = row.value(5).toString();
                         return p;
                     });
}

Expected<qint64, StoreError> RequestRepository::count()
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM requests"));
}

namespace
{
WorklistItem readWorklistItem(const Statement &row)
{
    WorklistItem item;
    item.requestId = row.value(0).toLongLong();
    item.citizenId = row.value(1).toLongLong();
    item.citizenName = QString(row.value(2).toString() + QLatin1Char(' ') + row.value(3).toString()).trimmed();
    item.question = row.value(4).toString();
    item.assignee = {fromKey<AssigneeKind>(row.value(5).toString()).value_or(AssigneeKind::Team), row.value(6).toString()};
    item.status = fromKey<RequestStatus>(row.value(7).toString()).value_or(RequestStatus::Open);
    item.created = Sql::toDateTime(row.value(8));
    item.deadline = Sql::toDateTime(row.value(9));
    item.expires = Sql::toDateTime(row.value(10));
    return item;
}
} // namespace

Expected<QList<WorklistItem>, StoreError> RequestRepository::worklist(const QString &assignee, const QString &team, int limit)
{
    // Two index ranges of requests_worklist per name; the most urgent first: by the deadline, or by
    // the deletion where that comes first (Request::dueOf).
    QString sql = QStringLiteral(
        "SELECT r.id, r.citizen_id, c.given_names, c.family_name, r.question, r.assignee_kind, r.assignee_name, r.status, r.created_at, r.deadline_at, "
        "r.expires_at FROM requests r LEFT JOIN citizens c ON c.id = r.citizen_id WHERE r.status IN ('open', 'answered') AND (r.assignee_name = ?");
    QVariantList values{assignee};
    if (!team.isEmpty()) {
        sql += QStringLiteral(" OR r.assignee_name = ?");
        values.append(team);
    }
    sql += QStringLiteral(") ORDER BY CASE WHEN r.deadline_at IS NULL OR r.expires_at < r.deadline_at THEN r.expires_at ELSE r.deadline_at END IS NULL, "
                          "CASE WHEN r.deadline_at IS NULL OR r.expires_at < r.deadline_at THEN r.expires_at ELSE r.deadline_at END, r.created_at LIMIT ?");
    values.append(limit);
    return selectAll(m_db, sql, values, readWorklistItem);
}

Expected<QList<WorklistItem>, StoreError> RequestRepository::worklistThroughServer(int limit, const QString &workstation)
{
    // The same lines in the same order, chosen and audited by the store for the session's user
    // and their account's team.
    return selectAll(m_db,
                     QStringLiteral("SELECT request_id, citizen_id, given_names, family_name, question, assignee_kind, assignee_name, status, created_at, "
                                    "deadline_at, expires_at FROM c360_worklist(?, ?)"),
                     {limit, workstation},
                     readWorklistItem);
}

} // namespace C360
