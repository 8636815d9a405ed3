// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "requestrepository.h"

#include "clock.h"
#include "database.h"
#include "logging.h"
#include "sqlvalue.h"
#include "statement.h"
#include "transaction.h"

#include <QHash>

namespace c360
{

namespace
{
const QString requestColumns =
    QStringLiteral("id, source_system, source_id, citizen_id, question, answer, status, assignee_kind, assignee_name, created_at, deadline_at, expires_at");

StoreError invalid(const Database &db, const QString &detail)
{
    StoreError e;
    e.code = StoreError::Code::Query;
    e.path = db.path();
    e.detail = detail;
    return e;
}

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
    r.created = sql::toDateTime(row.value(9));
    r.deadline = sql::toDateTime(row.value(10));
    r.expires = sql::toDateTime(row.value(11));
    return r;
}

QHash<qint64, qsizetype> indexById(const QList<Request> &requests)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        index.insert(requests.at(i).id, i);
    }
    return index;
}

// Reads (request_id, id, author, created_at, body) rows into the requests they belong to.
void readSupplements(Statement &rows, QList<Request> &requests)
{
    const QHash<qint64, qsizetype> index = indexById(requests);
    while (rows.next()) {
        const auto it = index.constFind(rows.value(0).toLongLong());
        if (it != index.cend()) {
            requests[*it].supplements.append({rows.value(1).toLongLong(), rows.value(2).toString(), sql::toDateTime(rows.value(3)), rows.value(4).toString()});
        }
    }
}

// Reads (request_id, report_id, entry_id) rows into the requests they belong to.
void readLinks(Statement &rows, QList<Request> &requests)
{
    const QHash<qint64, qsizetype> index = indexById(requests);
    while (rows.next()) {
        const auto it = index.constFind(rows.value(0).toLongLong());
        if (it != index.cend()) {
            const bool report = !rows.value(1).isNull();
            requests[*it].links.append({report ? ItemKind::Report : ItemKind::CatalogueEntry, rows.value(report ? 1 : 2).toLongLong()});
        }
    }
}
} // namespace

RequestRepository::RequestRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> RequestRepository::insert(const Request &request)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = 0;
    if (auto r = writeRow(request, &id); !r) {
        return unexpected(std::move(r).error());
    }
    for (const Supplement &s : request.supplements) {
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

Expected<void, StoreError> RequestRepository::update(const Request &request)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement update(m_db, QStringLiteral("UPDATE requests SET status = ?, answer = ?, assignee_kind = ?, assignee_name = ?, deadline_at = ? WHERE id = ?"));
    if (auto r = update.exec(
            {toKey(request.status), request.answer, toKey(request.assignee.kind), request.assignee.name, sql::fromDateTime(request.deadline), request.id});
        !r) {
        return r;
    }
    if (update.numRowsAffected() != 1) {
        return unexpected(invalid(m_db, QStringLiteral("no request with id %1").arg(request.id)));
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
    Statement insert(m_db, QStringLiteral("INSERT INTO request_supplements (request_id, author, created_at, body) VALUES (?, ?, ?, ?)"));
    if (auto r = insert.exec({requestId, s.author, sql::fromDateTime(s.time.isValid() ? s.time : m_db.clock().now()), s.text}); !r) {
        return unexpected(std::move(r).error());
    }
    return insert.lastInsertId();
}

Expected<qint64, StoreError> RequestRepository::upsertBySource(const Request &request)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = request.id;
    if (!request.source.id.isEmpty()) {
        Statement existing(m_db, QStringLiteral("SELECT id FROM requests WHERE source_system = ? AND source_id = ?"));
        if (auto r = existing.exec({request.source.system.isEmpty() ? QStringLiteral("local") : request.source.system, request.source.id}); !r) {
            return unexpected(std::move(r).error());
        }
        id = existing.next() ? existing.value(0).toLongLong() : 0;
    }
    QList<Supplement> stored;
    if (id != 0) {
        Statement supplements(m_db, QStringLiteral("SELECT author, created_at, body FROM request_supplements WHERE request_id = ?"));
        if (auto r = supplements.exec({id}); !r) {
            return unexpected(std::move(r).error());
        }
        while (supplements.next()) {
            stored.append({0, supplements.value(0).toString(), sql::toDateTime(supplements.value(1)), supplements.value(2).toString()});
        }
    }
    if (auto r = writeRow(request, &id); !r) {
        return unexpected(std::move(r).error());
    }
    for (const Supplement &s : request.supplements) {
        // Compared as stored: times keep milliseconds only.
        const Supplement key{0, s.author, sql::toDateTime(sql::fromDateTime(s.time)), s.text};
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
    QVariantList values = {
        request.source.system.isEmpty() ? QStringLiteral("local") : request.source.system,
        sql::nullableText(request.source.id),
        sql::nullableId(request.citizenId),
        request.question,
        request.answer,
        toKey(request.status),
        toKey(request.assignee.kind),
        request.assignee.name,
        sql::fromDateTime(created),
        sql::fromDateTime(request.deadline),
        sql::fromDateTime(request.expires.isValid() ? request.expires : Request::expiryFor(created)),
    };
    if (*id == 0) {
        Statement insert(m_db,
                         QStringLiteral("INSERT INTO requests (source_system, source_id, citizen_id, question, answer, status, assignee_kind, assignee_name, "
                                        "created_at, deadline_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (auto r = insert.exec(values); !r) {
            return r;
        }
        *id = insert.lastInsertId();
        return {};
    }
    Statement update(m_db,
                     QStringLiteral("UPDATE requests SET source_system = ?, source_id = ?, citizen_id = ?, question = ?, answer = ?, status = ?, "
                                    "assignee_kind = ?, assignee_name = ?, created_at = ?, deadline_at = ?, expires_at = ? WHERE id = ?"));
    values.append(*id);
    if (auto r = update.exec(values); !r) {
        return r;
    }
    if (update.numRowsAffected() != 1) {
        return unexpected(invalid(m_db, QStringLiteral("no request with id %1").arg(*id)));
    }
    return {};
}

Expected<void, StoreError> RequestRepository::writeLinks(qint64 id, const QList<ItemLink> &links)
{
    Statement del(m_db, QStringLiteral("DELETE FROM request_links WHERE request_id = ?"));
    if (auto r = del.exec({id}); !r) {
        return r;
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO request_links (request_id, report_id, entry_id) VALUES (?, ?, ?)"));
    const QVariant none = sql::null();
    for (const ItemLink &link : links) {
        if (link.kind != ItemKind::Report && link.kind != ItemKind::CatalogueEntry) {
            return unexpected(invalid(m_db, QStringLiteral("request %1 can link only to reports and catalogue entries").arg(id)));
        }
        const bool report = link.kind == ItemKind::Report;
        if (auto r = insert.exec({id, report ? sql::nullableId(link.id) : none, report ? none : sql::nullableId(link.id)}); !r) {
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
    Statement rows(m_db, QStringLiteral("SELECT ") + requestColumns + QStringLiteral(" FROM requests WHERE citizen_id = ? ORDER BY created_at DESC, id DESC"));
    if (auto r = rows.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    QList<Request> requests;
    while (rows.next()) {
        requests.append(readRequest(rows));
    }
    rows.finish();
    if (requests.isEmpty()) {
        return requests;
    }
    Statement supplements(m_db,
                          QStringLiteral("SELECT s.request_id, s.id, s.author, s.created_at, s.body FROM request_supplements s JOIN requests r ON r.id = "
                                         "s.request_id WHERE r.citizen_id = ? ORDER BY s.created_at, s.id"));
    if (auto r = supplements.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readSupplements(supplements, requests);
    Statement links(m_db,
                    QStringLiteral("SELECT l.request_id, l.report_id, l.entry_id FROM request_links l JOIN requests r ON r.id = l.request_id "
                                   "WHERE r.citizen_id = ? ORDER BY l.rowid"));
    if (auto r = links.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readLinks(links, requests);
    return requests;
}

Expected<QList<qint64>, StoreError> RequestRepository::expiredBefore(const QDateTime &time)
{
    // Times are stored in one fixed format (sqlvalue.h), so comparing them as text orders them.
    Statement query(m_db, QStringLiteral("SELECT id FROM requests WHERE expires_at <= ? ORDER BY expires_at, id"));
    if (auto r = query.exec({sql::fromDateTime(time)}); !r) {
        return unexpected(std::move(r).error());
    }
    QList<qint64> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    return ids;
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
    record.purged = sql::toDateTime(sql::fromDateTime(m_db.clock().now()));
    {
        Statement created(m_db, QStringLiteral("SELECT created_at FROM requests WHERE id = ?"));
        if (auto r = created.exec({requestId}); !r) {
            return unexpected(std::move(r).error());
        }
        if (!created.next()) {
            return unexpected(invalid(m_db, QStringLiteral("no request with id %1").arg(requestId)));
        }
        record.created = sql::toDateTime(created.value(0));
    }
    // Supplements and links (the request's own and those of contacts) go with it by cascade.
    Statement del(m_db, QStringLiteral("DELETE FROM requests WHERE id = ?"));
    if (auto r = del.exec({requestId}); !r) {
        return unexpected(std::move(r).error());
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO purge_records (item_kind, item_id, created_at, purged_at, reason) VALUES (?, ?, ?, ?, ?)"));
    if (auto r = insert.exec({toKey(record.kind), requestId, sql::fromDateTime(record.created), sql::fromDateTime(record.purged), reason}); !r) {
        return unexpected(std::move(r).error());
    }
    record.id = insert.lastInsertId();
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    qCInfo(C360_STORE) << "purged request" << requestId << "purge record" << record.id;
    return record;
}

Expected<QList<PurgeRecord>, StoreError> RequestRepository::purgeRecords()
{
    Statement query(m_db, QStringLiteral("SELECT id, item_kind, item_id, created_at, purged_at, reason FROM purge_records ORDER BY purged_at, id"));
    if (auto r = query.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    QList<PurgeRecord> records;
    while (query.next()) {
        PurgeRecord p;
        p.id = query.value(0).toLongLong();
        p.kind = fromKey<ItemKind>(query.value(1).toString()).value_or(ItemKind::Request);
        p.itemId = query.value(2).toLongLong();
        p.created = sql::toDateTime(query.value(3));
        p.purged = sql::toDateTime(query.value(4));
        p.reason = query.value(5).toString();
        records.append(p);
    }
    return records;
}

Expected<qint64, StoreError> RequestRepository::count()
{
    Statement query(m_db, QStringLiteral("SELECT COUNT(*) FROM requests"));
    if (auto r = query.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    query.next();
    return query.value(0).toLongLong();
}

} // namespace c360
