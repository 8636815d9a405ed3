// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The baselines' side of c360-bench: the same statements as the product's, on the same store,
// with none of its layers (the raw SQLite C API, or libpq for a store on PostgreSQL), so that
// each path is measured against the limit of this machine.
#pragma once

#include "case/searchservice.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <vector>

namespace C360::Bench
{
// --- what each path's baseline does, on either engine ---------------------------------------

class Baseline
{
public:
    virtual ~Baseline() = default;
    // Why it cannot measure (empty when it can): a connection or a statement that failed.
    virtual QString problem() const = 0;
    // case_open's: one durable audit-sized INSERT, then the queries that return the case's rows,
    // in one read transaction, every column of every row read.
    virtual void openCase(qint64 citizen) = 0;
    // search_keystroke's: the ids query finds (the index query, counted up to the cap), of which
    // the first limit in name order are shown.
    virtual QList<qint64> search(const SearchService::Query &query, int limit) = 0;
    // audit_append's: one durable audit-sized INSERT.
    virtual bool appendAudit(qint64 citizen) = 0;
};

// The raw SQLite C API on the store's file.
std::unique_ptr<Baseline> sqliteBaseline(const QString &path);
// libpq on the store's database (its URI).
std::unique_ptr<Baseline> postgresBaseline(const QString &uri);

// sync_ingest's: parses each page and inserts each record (its id and its JSON) in one
// transaction, into a table of its own.
struct IngestBaseline
{
    qint64 records = 0;
    double seconds = 0;
};
// Parses each page's records and hands each to insert (its id and its JSON); records counted.
IngestBaseline parseRecords(const QList<QByteArray> &pages, const std::function<void(const QByteArray &id, const QByteArray &json)> &insert);
IngestBaseline sqliteIngest(const QList<QByteArray> &pages, const QString &path);
IngestBaseline postgresIngest(const QList<QByteArray> &pages, const QString &uri);

// A database of its own on the server of uri for sync_ingest's store, made empty (dropped first
// when it is there): its URI, or empty with why in problem.
QString freshServerDatabase(const QString &uri, const QString &name, QString *problem);
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
