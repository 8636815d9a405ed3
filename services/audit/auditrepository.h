// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditentry.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QList>

#include <optional>

struct sqlite3;
struct pg_conn;

namespace C360
{
class Database;

// The append-only audit_log with its keyed hash chain: each entry's hash is an HMAC-SHA-256 over
// its fields and the previous entry's hash, so that a changed, removed or inserted entry breaks
// the chain at that point. The key never enters the database.
class AuditRepository
{
public:
    // key: the chain's key. Empty on a shared store signed in to as a staff member's own role
    // (schema 9): the server keeps the key and writes the chain (writesThroughServer()).
    AuditRepository(Database &db, const QByteArray &key);
    // Whether entries are written by the store's own functions (c360_audit, c360_open_profile):
    // the actor is then the session's user, the time the server's clock, and a change is written
    // by the store's triggers in the change's own transaction, never by the application.
    bool writesThroughServer() const;

    // Appends entry (its sequence and hashes are assigned here; an invalid time becomes the
    // clock's now) inside the caller's transaction if there is one, and returns it as stored.
    Expected<AuditEntry, StoreError> append(AuditEntry entry);
    // Appends entries in order, in one transaction (the caller's if there is one): the chain's end
    // is read once and the key's pads are hashed once. Returns them as stored.
    Expected<QList<AuditEntry>, StoreError> appendAll(QList<AuditEntry> entries);
    Expected<qint64, StoreError> count();
    // Up to limit entries from sequence on, in order.
    Expected<QList<AuditEntry>, StoreError> entries(qint64 fromSequence, int limit);
    // Every entry about citizenId (its subject), oldest first (index audit_log_subject).
    Expected<QList<AuditEntry>, StoreError> aboutCitizen(qint64 citizenId);
    // The newest entries matching condition (SQL over the audit_log columns, with ? for values;
    // empty: all), newest first; values end with the limit.
    Expected<QList<AuditEntry>, StoreError> matching(const QString &condition, const QVariantList &values);

    struct Verification
    {
        enum class Problem {
            None,
            Changed, // its bytes or its values' types
            Missing,
            BrokenLink,
            Truncated, // the log ends before an entry a checkpoint saw (AuditQueryService)
            Rewritten, // the entry a checkpoint saw has another hash (AuditQueryService)
        };
        Problem problem = Problem::None;
        qint64 checkedThrough = 0; // last sequence found intact
        qint64 firstBad = 0; // the first sequence that is not
        // Against checkpoints: how many were compared, and the one that does not hold.
        int checkpointsCompared = 0;
        qint64 checkpointSequence = 0;
        QDateTime checkpointAt;
        bool intact() const { return problem == Problem::None; }
    };
    // Checks every entry's MAC and link, in order. From parallelFrom entries on, the two halves of
    // the log are checked at once, the second on a connection of its own.
    Expected<Verification, StoreError> verify(qint64 parallelFrom = 200000);

    // The bytes the HMAC covers (every field but the hash itself, including the previous hash).
    static QByteArray canonicalBytes(const AuditEntry &entry);
    static QByteArray computeHash(const QByteArray &key, const AuditEntry &entry);
    static QByteArray genesisHash();

private:
    Expected<QList<AuditEntry>, StoreError> appendThroughServer(QList<AuditEntry> entries);
    // verify() on a staff member's own login: by the store (c360_verify_audit, schema 10).
    Expected<Verification, StoreError> verifyThroughServer();
    Expected<Verification, StoreError> verifySqlite(sqlite3 *handle, qint64 parallelFrom);
    // The same checks over binary COPYs of the log (two halves at once on two connections, as on
    // SQLite); none when a COPY cannot be had (then the portable path verifies).
    std::optional<Verification> verifyPostgres(pg_conn *handle, qint64 parallelFrom);

    Database &m_db;
    QByteArray m_key;
};

} // namespace C360
