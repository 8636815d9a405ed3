// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;

namespace C360
{
class Clock;

// One connection to the local store, for one thread: opened with its checks and pragmas, migrated,
// and holding the prepared statements of the repositories that use it.
class Database
{
public:
    enum class OpenMode {
        ReadOnly, // must exist and be at the current schema
        ReadWrite, // must exist; migrated to the current schema
        Create, // created when missing; migrated to the current schema
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Checks the path before SQLite touches it, so that a file that is not a store is never
    // overwritten, then opens it with foreign keys on, WAL journaling and durable commits.
    // Writable stores are migrated to schemaTarget (default: the latest version; tests and the
    // migration checks stop earlier).
    static Expected<std::unique_ptr<Database>, StoreError> open(const QString &path, OpenMode mode, Clock &clock, int schemaTarget = -1);

    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    bool isReadOnly() const { return m_mode == OpenMode::ReadOnly; }
    Clock &clock() const { return m_clock; }
    QSqlDatabase connection() const;
    // The SQLite C API handle of this connection, for the few loops where reading rows through
    // QVariant costs more than the work on them (the audit chain's verification); null for another
    // driver, which then takes the portable path.
    sqlite3 *sqliteHandle() const;

    // A prepared statement for sql, prepared once per connection and reused; call finish() (or let
    // a Statement do it) when done reading. Fails only on a programming error in sql.
    Expected<QSqlQuery *, StoreError> prepared(const QString &sql);
    // Runs sql, a statement without rows that comes again and again (BEGIN, COMMIT, a savepoint),
    // through the cache of prepared statements.
    Expected<void, StoreError> run(const QString &sql);
    // Runs sql once without keeping the statement (DDL, pragmas, one-offs).
    Expected<void, StoreError> exec(const QString &sql);
    // The classified error of a failed query on this store.
    StoreError error(const QSqlError &error) const { return StoreError::fromSql(error, m_path); }
    StoreError error(const QSqlQuery &query) const;
    // An error of this store found by the program itself (NoSuchRecord, a refused link, …); detail
    // is for the log: ids, never personal data.
    StoreError error(StoreError::Code code, const QString &detail = {}) const;

    // This connection's WAL checkpoints run on a thread of their own (WalCheckpointer): for the
    // connections that answer a person (the UI's, the search worker's). No-op for another driver.
    void checkpointInBackground();
    // SQLite's page cache for this connection (its default is 2 MiB): a connection that writes
    // much into a large store (the sync) keeps its indexes' inner pages in memory.
    Expected<void, StoreError> setCacheSize(int mebibytes);
    // Commits are durable by default (synchronous=FULL: on disk before commit returns). Either way
    // a killed process loses nothing committed; with durable commits off (synchronous=NORMAL in
    // WAL mode) a power failure may lose the last few. Only for connections whose work can be
    // redone, like the sync engine's, which commits each page with its cursor.
    Expected<void, StoreError> setDurableCommits(bool durable);

    // Nesting depth of open Transaction guards (savepoints inside the outermost transaction).
    int transactionDepth() const { return m_transactionDepth; }

private:
    friend class Transaction;
    Database(const QString &path, const QString &connectionName, OpenMode mode, Clock &clock);
    Expected<void, StoreError> configure();
    Expected<void, StoreError> checkSchema();
    // From schema 3 the FTS5 search indexes follow citizens and catalogue_texts at each commit,
    // not at each row: FTS5 (SQLite 3.40) writes a new index segment at every statement
    // savepoint, which a trigger into it opens for each row. Temporary triggers (this connection's)
    // queue the changes; Transaction::commit applies them in order in one statement per index.
    Expected<void, StoreError> installSearchQueue();
    Expected<void, StoreError> flushSearchQueue();
    Expected<void, StoreError> migrateTo(int target);

    QString m_path;
    QString m_connectionName;
    OpenMode m_mode;
    Clock &m_clock;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    bool m_searchQueue = false;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace C360
