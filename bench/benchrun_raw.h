// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The baselines' side of c360-bench: the raw SQLite C API on the same store, with none of the
// product's layers, so that each path is measured against the limit of this machine.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <sqlite3.h>

#include <vector>

namespace C360::Bench
{
// --- the raw SQLite C API -------------------------------------------------------------------

// One connection through the C API, in WAL mode with synchronous=FULL (as durable as the
// product's), keeping its prepared statements until it closes.
class RawDb
{
public:
    explicit RawDb(const QString &path);
    ~RawDb();
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool exec(const char *sql);
    sqlite3_stmt *prepare(const char *sql);
    // Steps s to the end, reading every column of every row (as a caller that uses them would);
    // the ids of column 0 go to ids when given.
    static int drain(sqlite3_stmt *s, QList<qint64> *ids = nullptr);
    static void bindText(sqlite3_stmt *s, int i, const QByteArray &utf8) { sqlite3_bind_text(s, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT); }
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_statements;
};

// The raw audit row's table: the audit log's columns, without its triggers and chain.
bool makeRawAuditTable(RawDb &raw);

// One durable raw INSERT of an audit-sized row.
class RawAuditInsert
{
public:
    explicit RawAuditInsert(RawDb &raw);
    bool run(qint64 citizen);

private:
    sqlite3_stmt *m_insert;
    QByteArray m_hash = QByteArray(32, '\x5a');
};
} // namespace C360::Bench
