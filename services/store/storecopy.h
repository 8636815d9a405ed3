// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QList>
#include <QString>

#include <functional>

namespace C360
{
class Database;

// Copies every row of a store into another of the same schema, on either engine: a workstation's
// SQLite store into the town hall's PostgreSQL database, or back. Ids, the store's identity and
// the audit log (its hashes as they are) come along, so that the copy's chain verifies with the
// same key and every link still points where it did; the search indexes are built as the rows
// arrive. One transaction on the target: a copy that fails or is killed leaves it as it was.
namespace StoreCopy
{
// The tables in the order their rows can be written (each after those it refers to).
const QStringList &tables();

// The columns of table that a store writes (PostgreSQL's rowid of link tables, its own order of
// their rows, and its stored words of the citizens' names left out: SQLite's rowid is no column
// either, and its name index is a table of its own), in order.
QStringList columns(Database &db, const QString &table);

// Whether target holds anything a copy would mix with: rows in any copied table but the
// settings. A store only migrated (or made by a copy that failed) does not.
Expected<bool, StoreError> holdsRows(Database &target);

struct Progress
{
    QString table;
    qint64 rows = 0; // copied of this table so far
};

// The rows copied, per table in tables()'s order. Both stores at the latest schema; target
// without rows (holdsRows). progress is called every few thousand rows.
Expected<QList<qint64>, StoreError> copy(Database &source, Database &target, const std::function<void(const Progress &)> &progress = {});
} // namespace StoreCopy

} // namespace C360
