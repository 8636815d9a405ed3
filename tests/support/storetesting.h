// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "store/database.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>

namespace C360::Test
{

// Why a store call failed, for QVERIFY2(result, why(result).constData()); empty when it did not.
template<typename T>
QByteArray why(const Expected<T, StoreError> &result)
{
    return result ? QByteArray() : result.error().message().toUtf8();
}

// The first column of the first row of sql, read past the repositories; -1 when there is none.
qint64 scalar(Database &db, const QString &sql);
// Every row of sql, read past the repositories, its columns joined by '|'.
QStringList rows(Database &db, const QString &sql);
// The aggregate that joins a column x of text with separator, in the store's engine
// (group_concat or string_agg).
QString stringAgg(Database &db, const QString &separator);
// The columns of table, in order (PostgreSQL's rowid of link tables, its own order of their rows,
// left out: SQLite's is not a column either).
QStringList columns(Database &db, const QString &table);
// The rows in table, counted past the repositories; -1 when they cannot be counted.
int rowCount(Database &db, const QString &table);

// What contact moments and requests link to, stored for a test: a citizen, a report and a catalogue
// entry. An id is 0 when that item could not be stored.
struct LinkTargets
{
    qint64 citizen = 0;
    qint64 report = 0;
    qint64 entry = 0;
};
LinkTargets addLinkTargets(Database &db);

// Sets how long the store at path (created and migrated when missing) keeps requests. With
// RetentionPolicy::MaximumDays a sync holds every task of a back end whose history goes back
// years, as the tests that compare the two need. false when the store cannot be written.
bool setRetentionDays(const QString &path, int days);

// What a sync must leave identical, table by table: a row count and a digest of every column but
// the bookkeeping that records when (sync_state, sync_records, citizens.updated_at).
QMap<QString, QByteArray> contentDigests(const QString &path);
// The tables contentDigests() covers.
const QStringList &contentTables();

// Runs statements on db with the audit log's append-only guard lifted, as someone holding the
// store's file (SQLite: its triggers dropped) or the owner's role (PostgreSQL: its triggers
// disabled, then enabled again) could; false (the failing statement in a warning) when one fails.
bool tamperWithAuditLog(Database &db, const QStringList &statements);

// From now on inserts into table fail with a constraint error where condition (SQL over the new
// row, "new.text = 'x'"; empty: always) holds, as a refusing store would.
bool refuseInserts(Database &db, const QString &table, const QString &condition = {});

// Runs statements in the store named name (a file, made if missing, or a database on a server)
// past Database, as another program would; false (the failing statement in a warning) when one
// fails.
bool runOnStore(const QString &name, const QStringList &statements);

// Writes an SQLite file at path and runs statements in it, as another program would; false (the
// failing statement in a warning) when that fails.
bool writeSqliteFile(const QString &path, const QStringList &statements);

} // namespace C360::Test
