// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/syncstaterepository.h"

#include "common/clock.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

namespace C360
{

namespace
{
const QString recordColumns = QStringLiteral("SELECT source, resource, source_id, content_hash, local_id, last_seen_at FROM sync_records ");
} // namespace

SyncStateRepository::SyncStateRepository(Database &db)
    : m_db(db)
{
}

Expected<SyncState, StoreError> SyncStateRepository::state(const QString &source, const QString &resource)
{
    Statement row(m_db,
                  QStringLiteral("SELECT cursor, etag, last_success_at, last_error_at, last_error, record_count FROM sync_state "
                                 "WHERE source = ? AND resource = ?"));
    if (auto r = row.exec({source, resource}); !r) {
        return unexpected(std::move(r).error());
    }
    SyncState s;
    s.source = source;
    s.resource = resource;
    if (row.next()) {
        s.cursor = row.value(0).toString();
        s.etag = row.value(1).toString();
        s.lastSuccess = Sql::toDateTime(row.value(2));
        s.lastErrorAt = Sql::toDateTime(row.value(3));
        s.lastError = row.value(4).toString();
        s.recordCount = row.value(5).toLongLong();
    }
    return s;
}

Expected<QList<SyncState>, StoreError> SyncStateRepository::states()
{
    Statement rows(m_db,
                   QStringLiteral("SELECT source, resource, cursor, etag, last_success_at, last_error_at, last_error, record_count FROM sync_state "
                                  "ORDER BY source, resource"));
    if (auto r = rows.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    QList<SyncState> result;
    while (rows.next()) {
        SyncState s;
        s.source = rows.value(0).toString();
        s.resource = rows.value(1).toString();
        s.cursor = rows.value(2).toString();
        s.etag = rows.value(3).toString();
        s.lastSuccess = Sql::toDateTime(rows.value(4));
        s.lastErrorAt = Sql::toDateTime(rows.value(5));
        s.lastError = rows.value(6).toString();
        s.recordCount = rows.value(7).toLongLong();
        result.append(s);
    }
    return result;
}

Expected<void, StoreError> SyncStateRepository::saveState(const SyncState &state)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement upsert(m_db,
                     QStringLiteral("INSERT INTO sync_state (source, resource, cursor, etag, last_success_at, last_error_at, last_error, record_count) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, resource) DO UPDATE SET cursor = excluded.cursor, "
                                    "etag = excluded.etag, last_success_at = excluded.last_success_at, last_error_at = excluded.last_error_at, "
                                    "last_error = excluded.last_error, record_count = excluded.record_count"));
    if (auto r = upsert.exec({state.source,
                              state.resource,
                              state.cursor,
                              state.etag,
                              Sql::fromDateTime(state.lastSuccess),
                              Sql::fromDateTime(state.lastErrorAt),
                              state.lastError,
                              state.recordCount});
        !r) {
        return r;
    }
    return transaction->commit();
}

Expected<QList<SyncRecord>, StoreError> SyncStateRepository::query(const QString &sql, const QVariantList &values)
{
    return selectAll(m_db, recordColumns + sql, values, [](const Statement &row) {
        SyncRecord s;
        s.source = row.value(0).toString();
        s.resource = row.value(1).toString();
        s.sourceId = row.value(2).toString();
        s.contentHash = row.value(3).toByteArray();
        s.localId = row.value(4).toLongLong();
        s.lastSeen = Sql::toDateTime(row.value(5));
        return s;
    });
}

Expected<std::optional<SyncRecord>, StoreError> SyncStateRepository::record(const QString &source, const QString &resource, const QString &sourceId)
{
    auto found = query(QStringLiteral("WHERE source = ? AND resource = ? AND source_id = ?"), {source, resource, sourceId});
    if (!found) {
        return unexpected(std::move(found).error());
    }
    return found->isEmpty() ? std::optional<SyncRecord>() : std::optional<SyncRecord>(found->constFirst());
}

Expected<QList<SyncRecord>, StoreError> SyncStateRepository::records(const QString &source, const QString &resource)
{
    return query(QStringLiteral("WHERE source = ? AND resource = ? ORDER BY source_id"), {source, resource});
}

Expected<QList<SyncRecord>, StoreError> SyncStateRepository::recordsNotSeenSince(const QString &source, const QString &resource, const QDateTime &time)
{
    // Times are stored in one fixed format (sqlvalue.h), so comparing them as text orders them.
    return query(QStringLiteral("WHERE source = ? AND resource = ? AND last_seen_at < ? ORDER BY source_id"), {source, resource, Sql::fromDateTime(time)});
}

Expected<QHash<QString, SyncRecord>, StoreError> SyncStateRepository::recordsIn(const QString &source, const QString &resource, const QStringList &sourceIds)
{
    QHash<QString, SyncRecord> found;
    found.reserve(sourceIds.size());
    // In chunks of a page's usual size: one prepared statement serves them all.
    constexpr qsizetype chunk = 100;
    for (qsizetype from = 0; from < sourceIds.size(); from += chunk) {
        const qsizetype n = std::min(chunk, sourceIds.size() - from);
        QVariantList values{source, resource};
        values.reserve(n + 2);
        QString marks;
        marks.reserve(n * 3);
        for (qsizetype i = 0; i < n; ++i) {
            marks += i ? QLatin1String(", ?") : QLatin1String("?");
            values.append(sourceIds.at(from + i));
        }
        auto rows = query(QStringLiteral("WHERE source = ? AND resource = ? AND source_id IN (") + marks + QLatin1Char(')'), values);
        if (!rows) {
            return unexpected(std::move(rows).error());
        }
        for (SyncRecord &r : *rows) {
            found.insert(r.sourceId, std::move(r));
        }
    }
    return found;
}

Expected<void, StoreError> SyncStateRepository::saveRecord(const SyncRecord &record)
{
    // One statement: atomic on its own, and part of the caller's transaction when there is one.
    Statement upsert(m_db,
                     QStringLiteral("INSERT INTO sync_records (source, resource, source_id, content_hash, local_id, last_seen_at) VALUES (?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (source, resource, source_id) DO UPDATE SET content_hash = excluded.content_hash, "
                                    "local_id = excluded.local_id, last_seen_at = excluded.last_seen_at"));
    // A NULL blob would break NOT NULL; an empty hash is stored as an empty blob.
    const QByteArray hash = record.contentHash.isNull() ? QByteArray("") : record.contentHash;
    if (auto r = upsert.exec({record.source,
                              record.resource,
                              record.sourceId,
                              hash,
                              record.localId,
                              Sql::fromDateTime(record.lastSeen.isValid() ? record.lastSeen : m_db.clock().now())});
        !r) {
        return r;
    }
    return {};
}

Expected<void, StoreError> SyncStateRepository::removeRecord(const QString &source, const QString &resource, const QString &sourceId)
{
    Statement del(m_db, QStringLiteral("DELETE FROM sync_records WHERE source = ? AND resource = ? AND source_id = ?"));
    return del.exec({source, resource, sourceId});
}

Expected<qint64, StoreError> SyncStateRepository::recordCount(const QString &source, const QString &resource)
{
    Statement count(m_db, QStringLiteral("SELECT COUNT(*) FROM sync_records WHERE source = ? AND resource = ?"));
    if (auto r = count.exec({source, resource}); !r) {
        return unexpected(std::move(r).error());
    }
    return count.next() ? count.value(0).toLongLong() : 0;
}

Expected<qint64, StoreError>
SyncStateRepository::forgetContentOf(const QString &source, const QString &resource, const QString &localRows, const QVariantList &values)
{
    Statement forget(
        m_db,
        QStringLiteral("UPDATE sync_records SET content_hash = ? WHERE source = ? AND resource = ? AND local_id <> 0 AND local_id IN (%1)").arg(localRows));
    // An empty hash (an empty blob, bound: the literal differs between the engines) matches no content.
    if (auto r = forget.exec(QVariantList{QByteArray(""), source, resource} + values); !r) {
        return unexpected(std::move(r).error());
    }
    return forget.numRowsAffected();
}

} // namespace C360
