// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "outboxentry.h"
#include "store/storeerror.h"

#include <QList>
#include <QMap>

#include <optional>

namespace C360
{
class Database;

// The queue of local changes waiting to be pushed to a back end, with the state of each push.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &db);

    // Queues entry as pending, due at once unless it has a next attempt. An empty idempotency key
    // is generated; created is the clock's now. Returns the entry as stored.
    Expected<OutboxEntry, StoreError> enqueue(OutboxEntry entry);
    Expected<std::optional<OutboxEntry>, StoreError> find(qint64 id);
    // Up to limit pending or failed entries whose next attempt (if any) is at or before now,
    // oldest first.
    Expected<QList<OutboxEntry>, StoreError> due(const QDateTime &now, int limit);

    // An entry moves pending → sending → done, or → failed (due again at its next attempt), or →
    // rejected (the back end refused it; never sent again).
    // Claims a pending or failed entry for sending; fails when it is in any other state, so that
    // two workers never send the same entry.
    Expected<void, StoreError> markSending(qint64 id);
    // The following need an entry in the sending state.
    Expected<void, StoreError> markDone(qint64 id, const QString &remoteId, const QDateTime &sentAt);
    // A step of a push in several steps was accepted: keeps its remote id on the entry, which
    // stays sending; a later run (after a failure or a restart) goes on from there.
    Expected<void, StoreError> markStep(qint64 id, const QString &remoteId);
    // Counts the attempt and makes the entry due again at nextAttempt.
    Expected<void, StoreError> markFailed(qint64 id, const QString &error, const QDateTime &nextAttempt);
    Expected<void, StoreError> markRejected(qint64 id, const QString &error);
    // Returns entries left sending by a run that stopped (a crash) to pending; returns how many.
    Expected<int, StoreError> requeueSending();

    // Pending, sending and failed entries, oldest first.
    Expected<QList<OutboxEntry>, StoreError> outstanding();
    // Entries a back end refused, kept for correction, newest first.
    Expected<QList<OutboxEntry>, StoreError> rejected(int limit);
    Expected<qint64, StoreError> count(OutboxState state);
    // Every state with its number of entries (0 included).
    Expected<QMap<OutboxState, qint64>, StoreError> countByState();

private:
    Expected<QList<OutboxEntry>, StoreError> select(const QString &condition, const QVariantList &values);
    Expected<void, StoreError> transition(qint64 id, const QString &sql, const QVariantList &values);
    Database &m_db;
};

} // namespace C360
