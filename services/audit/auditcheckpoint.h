// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace C360
{
class Database;

// The head of a store's audit chain (its newest entry's sequence and hash, and when that was
// seen), written down outside the store. Whoever holds the audit key can rewrite the chain so that
// it verifies again, or cut off its newest entries; a checkpoint taken before finds both, as long
// as it is kept where the desk cannot rewrite it (a share the desk may only add to, a supervisor's
// folder, the Verwerkingenlogging back end).
struct AuditCheckpoint
{
    QString storeId;
    qint64 sequence = 0; // 0: the log was empty
    QByteArray hash; // the entry's stored hash (32 bytes)
    QDateTime at; // when it was taken (UTC)
};

namespace AuditCheckpoints
{
// The log's head now (at: now).
Expected<AuditCheckpoint, StoreError> head(Database &db, const QDateTime &now);
// Adds checkpoint to file, one JSON object a line (the file made 0600, its folders 0700 when made).
// A translated sentence naming the file when it cannot.
Expected<void, QString> append(const QString &file, const AuditCheckpoint &checkpoint);
// The checkpoints of the store storeId in file, oldest first (other stores' lines are skipped; a
// missing file holds none). A translated sentence when the file cannot be read or a line of this
// store is damaged.
Expected<QList<AuditCheckpoint>, QString> read(const QString &file, const QString &storeId);

// How the log compares with checkpoints.
struct Comparison
{
    enum class Problem {
        None,
        Truncated, // the log ends before an entry a checkpoint saw
        Rewritten, // the entry a checkpoint saw has another hash now
    };
    Problem problem = Problem::None;
    AuditCheckpoint checkpoint; // the first checkpoint that does not hold
    qint64 logEnd = 0; // the newest sequence in the log
    int compared = 0; // how many checkpoints were compared
};
Expected<Comparison, StoreError> compare(Database &db, const QList<AuditCheckpoint> &checkpoints);
} // namespace AuditCheckpoints

} // namespace C360
