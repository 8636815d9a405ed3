// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/outboxrepository.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QUuid>

namespace C360
{

namespace
{
const QString entryColumns = QStringLiteral(
    "SELECT id, idempotency_key, source, resource, operation, entity_kind, entity_id, payload, state, attempts, last_error, created_at, next_attempt_at, "
    "sent_at, remote_id FROM outbox ");
const RowWriter queueRows("outbox",
                          {"idempotency_key",
                           "source",
                           "resource",
                           "operation",
                           "entity_kind",
                           "entity_id",
                           "payload",
                           "state",
                           "attempts",
                           "last_error",
                           "created_at",
                           "next_attempt_at",
                           "sent_at",
                           "remote_id"},
                          "outbox entry");

OutboxEntry readEntry(const Statement &row)
{
    OutboxEntry e;
    e.id = row.value(0).toLongLong();
    e.idempotencyKey = row.value(1).toString();
    e.source = row.value(2).toString();
    e.resource = row.value(3).toString();
    e.operation = row.value(4).toString();
    e.entityKind = fromKey<ItemKind>(row.value(5).toString()).value_or(ItemKind::ContactMoment);
    e.entityId = row.value(6).toLongLong();
    e.payload = row.value(7).toByteArray();
    e.state = fromKey<OutboxState>(row.value(8).toString()).value_or(OutboxState::Pending);
    e.attempts = row.value(9).toInt();
    e.lastError = row.value(10).toString();
    e.created = Sql::toDateTime(row.value(11));
    e.nextAttempt = Sql::toDateTime(row.value(12));
    e.sent = Sql::toDateTime(row.value(13));
    e.remoteId = row.value(14).toString();
    return e;
}
} // namespace

OutboxRepository::OutboxRepository(Database &db)
    : m_db(db)
{
}

Expected<OutboxEntry, StoreError> OutboxRepository::enqueue(OutboxEntry entry)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    if (entry.idempotencyKey.isEmpty()) {
        entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    // As it will be read back: times keep milliseconds only.
    entry.created = Sql::toDateTime(Sql::fromDateTime(m_db.clock().now()));
    entry.nextAttempt = Sql::toDateTime(Sql::fromDateTime(entry.nextAttempt));
    entry.state = OutboxState::Pending;
    entry.attempts = 0;
    entry.lastError.clear();
    entry.sent = {};
    entry.remoteId.clear();
    if (entry.payload.isNull()) {
        entry.payload = QByteArray(""); // a null QByteArray binds as NULL
    }
    auto id = queueRows.insert(m_db,
                               {entry.idempotencyKey,
                                entry.source,
                                entry.resource,
                                entry.operation,
                                toKey(entry.entityKind),
                                entry.entityId,
                                entry.payload,
                                toKey(entry.state),
                                entry.attempts,
                                entry.lastError,
                                Sql::fromDateTime(entry.created),
                                Sql::fromDateTime(entry.nextAttempt),
                                Sql::fromDateTime(entry.sent),
                                entry.remoteId});
    if (!id) {
        return unexpected(std::move(id).error());
    }
    entry.id = *id;
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    qCDebug(C360_SYNC) << "queued outbox entry" << entry.id << "for" << entry.source << entry.resource;
    return entry;
}

Expected<QList<OutboxEntry>, StoreError> OutboxRepository::select(const QString &condition, const QVariantList &values)
{
    return selectAll(m_db, entryColumns + condition, values, readEntry);
}

Expected<std::optional<OutboxEntry>, StoreError> OutboxRepository::find(qint64 id)
{
    auto found = select(QStringLiteral("WHERE id = ?"), {id});
    if (!found) {
        return unexpected(std::move(found).error());
    }
    return found->isEmpty() ? std::optional<OutboxEntry>() : std::optional<OutboxEntry>(found->constFirst());
}

Expected<QList<OutboxEntry>, StoreError> OutboxRepository::due(const QDateTime &now, int limit)
{
    // Times are stored in one fixed format (sqlvalue.h), so comparing them as text orders them.
    return select(QStringLiteral("WHERE state IN (?, ?) AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, id LIMIT ?"),
                  {toKey(OutboxState::Pending), toKey(OutboxState::Failed), Sql::fromDateTime(now), limit});
}

Expected<QList<OutboxEntry>, StoreError> OutboxRepository::rejected(int limit)
{
    return select(QStringLiteral("WHERE state = ? ORDER BY created_at DESC, id DESC LIMIT ?"), {toKey(OutboxState::Rejected), limit});
}

Expected<QList<OutboxEntry>, StoreError> OutboxRepository::outstanding()
{
    return select(QStringLiteral("WHERE state IN (?, ?, ?) ORDER BY created_at, id"),
                  {toKey(OutboxState::Pending), toKey(OutboxState::Sending), toKey(OutboxState::Failed)});
}

Expected<void, StoreError> OutboxRepository::transition(qint64 id, const QString &sql, const QVariantList &values)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement update(m_db, sql);
    if (auto r = update.exec(values); !r) {
        return r;
    }
    if (update.numRowsAffected() != 1) {
        // Either the entry is gone (removed meanwhile) or its state does not allow this change,
        // which is a programming error.
        auto exists = selectId(m_db, QStringLiteral("SELECT 1 FROM outbox WHERE id = ?"), {id});
        if (!exists) {
            return unexpected(std::move(exists).error());
        }
        if (!exists->has_value()) {
            return unexpected(m_db.error(StoreError::Code::NoSuchRecord, QStringLiteral("no outbox entry with id %1").arg(id)));
        }
        return unexpected(m_db.error(StoreError::Code::Query, QStringLiteral("outbox entry %1 is not in a state that allows this change").arg(id)));
    }
    return transaction->commit();
}

Expected<void, StoreError> OutboxRepository::markSending(qint64 id)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = ? WHERE id = ? AND state IN (?, ?)"),
                      {toKey(OutboxState::Sending), id, toKey(OutboxState::Pending), toKey(OutboxState::Failed)});
}

Expected<void, StoreError> OutboxRepository::markDone(qint64 id, const QString &remoteId, const QDateTime &sentAt)
{
    return transition(
        id,
        QStringLiteral("UPDATE outbox SET state = ?, remote_id = ?, sent_at = ?, last_error = '', next_attempt_at = NULL WHERE id = ? AND state = ?"),
        {toKey(OutboxState::Done), remoteId, Sql::fromDateTime(sentAt), id, toKey(OutboxState::Sending)});
}

Expected<void, StoreError> OutboxRepository::markStep(qint64 id, const QString &remoteId)
{
    return transition(id, QStringLiteral("UPDATE outbox SET remote_id = ? WHERE id = ? AND state = ?"), {remoteId, id, toKey(OutboxState::Sending)});
}

Expected<void, StoreError> OutboxRepository::markFailed(qint64 id, const QString &error, const QDateTime &nextAttempt)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = ?"),
                      {toKey(OutboxState::Failed), error, Sql::fromDateTime(nextAttempt), id, toKey(OutboxState::Sending)});
}

Expected<void, StoreError> OutboxRepository::markRejected(qint64 id, const QString &error)
{
    return transition(id,
                      QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = NULL WHERE id = ? AND state = ?"),
                      {toKey(OutboxState::Rejected), error, id, toKey(OutboxState::Sending)});
}

Expected<int, StoreError> OutboxRepository::requeueSending()
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement update(m_db, QStringLiteral("UPDATE outbox SET state = ? WHERE state = ?"));
    if (auto r = update.exec({toKey(OutboxState::Pending), toKey(OutboxState::Sending)}); !r) {
        return unexpected(std::move(r).error());
    }
    const int requeued = update.numRowsAffected();
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    if (requeued > 0) {
        qCInfo(C360_SYNC) << "returned" << requeued << "interrupted outbox entries to the queue";
    }
    return requeued;
}

Expected<qint64, StoreError> OutboxRepository::count(OutboxState state)
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"), {toKey(state)});
}

Expected<QMap<OutboxState, qint64>, StoreError> OutboxRepository::countByState()
{
    QMap<OutboxState, qint64> counts;
    for (OutboxState state : allValues<OutboxState>()) {
        counts.insert(state, 0);
    }
    Statement query(m_db, QStringLiteral("SELECT state, COUNT(*) FROM outbox GROUP BY state"));
    if (auto r = query.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    while (query.next()) {
        if (const auto state = fromKey<OutboxState>(query.value(0).toString())) {
            counts.insert(*state, query.value(1).toLongLong());
        }
    }
    return counts;
}

} // namespace C360
