// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/sqldialect.h"
#include "store/storeerror.h"
#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct pg_conn;

namespace C360
{
class Clock;

// One connection to the store, for one thread: an SQLite file or a PostgreSQL database (see
// StoreLocation), opened with its checks and settings, migrated, and holding the prepared
// statements of the repositories that use it. What the engines do differently is the dialect's.
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

    // Opens the store that name names (a file path or a postgresql:// URI, see StoreLocation).
    // An SQLite file is checked before SQLite touches it, so that a file that is not a store is
    // never overwritten, then opened with foreign keys on, WAL journaling and durable commits. A
    // PostgreSQL database must exist (Create then means: migrated when empty). Writable stores are
    // migrated to schemaTarget (default: the latest version; tests and the migration checks stop
    // earlier).
    static Expected<std::unique_ptr<Database>, StoreError> open(const QString &name, OpenMode mode, Clock &clock, int schemaTarget = -1);

    // The password for the server and user of location, for every connection this process opens
    // to it from now on (the application asks once; the admin tool leaves it to libpq, which
    // reads PGPASSWORD or ~/.pgpass). Kept in memory only; an empty password forgets it.
    static void setServerPassword(const StoreLocation &location, const QString &password);
    // Whether location's server takes password for location's user now: a connection of its own,
    // closed at once (the lock screen's check of a staff member's own login). AuthenticationFailed
    // when it does not.
    static Expected<void, StoreError> checkServerPassword(const StoreLocation &location, const QString &password, Clock &clock);

    // The store's name as given (a path or a URI); messages use location().displayName().
    QString path() const { return m_path; }
    const StoreLocation &location() const { return m_location; }
    const SqlDialect &dialect() const { return *m_dialect; }
    bool isServer() const { return m_location.isServer(); }
    int schemaVersion() const { return m_schemaVersion; }
    bool isReadOnly() const { return m_mode == OpenMode::ReadOnly; }
    Clock &clock() const { return m_clock; }
    QSqlDatabase connection() const;
    // The SQLite C API handle of this connection, for the few loops where reading rows through
    // QVariant costs more than the work on them (the audit chain's verification); null for another
    // driver, which then takes the portable path.
    sqlite3 *sqliteHandle() const;
    // The same for a store on PostgreSQL: libpq's connection (PGconn) under Qt's driver.
    pg_conn *postgresHandle() const;

    // A prepared statement for sql, prepared once per connection and reused; call finish() (or let
    // a Statement do it) when done reading. Fails only on a programming error in sql.
    Expected<QSqlQuery *, StoreError> prepared(const QString &sql);
    // Runs sql, a statement without rows that comes again and again (BEGIN, COMMIT, a savepoint),
    // through the cache of prepared statements.
    Expected<void, StoreError> run(const QString &sql);
    // Runs sql once without keeping the statement (DDL, pragmas, one-offs).
    Expected<void, StoreError> exec(const QString &sql);
    // The classified error of a failed query on this store.
    StoreError error(const QSqlError &error) const;
    StoreError error(const QSqlQuery &query) const;
    // An error of this store found by the program itself (NoSuchRecord, a refused link, …); detail
    // is for the log: ids, never personal data.
    StoreError error(StoreError::Code code, const QString &detail = {}) const;

    // This connection's WAL checkpoints run on a thread of their own (WalCheckpointer): for the
    // connections that answer a person (the UI's, the search worker's). No-op on a server.
    void checkpointInBackground();
    // SQLite checkpoints the WAL every pages pages written (a connection that writes much spaces
    // them further). No-op on a server.
    Expected<void, StoreError> setCheckpointSpacing(int pages);
    // SQLite's page cache for this connection (its default is 2 MiB): a connection that writes
    // much into a large store (the sync) keeps its indexes' inner pages in memory. No-op on a
    // server, whose cache is its own.
    Expected<void, StoreError> setCacheSize(int mebibytes);
    // Commits are durable by default (on disk before commit returns). Either way a killed process
    // loses nothing committed; with durable commits off a power failure may lose the last few.
    // Only for connections whose work can be redone, like the sync engine's, which commits each
    // page with its cursor.
    Expected<void, StoreError> setDurableCommits(bool durable);

    // A store on a server whose session ended (StoreError::Code::ConnectionLost): opens the
    // connection again with its settings, and prepares the cached statements anew (their
    // QSqlQuery objects stay where they are). Outside any transaction only.
    Expected<void, StoreError> reconnect();
    // Whether sql may simply run again after a lost connection outside a transaction: it changes
    // nothing (a query, a setting, the start of a transaction; never a call of one of a shared
    // store's functions that write, such as c360_search or c360_open_profile, SELECT as it is).
    static bool isRetryable(const QString &sql);

    // Nesting depth of open Transaction guards (savepoints inside the outermost transaction).
    int transactionDepth() const { return m_transactionDepth; }

private:
    friend class Transaction;
    Database(const QString &path, const StoreLocation &location, const QString &connectionName, OpenMode mode, Clock &clock);
    static Expected<std::unique_ptr<Database>, StoreError> openFile(const QString &path, OpenMode mode, Clock &clock, int schemaTarget);
    static Expected<std::unique_ptr<Database>, StoreError>
    openServer(const QString &name, const StoreLocation &location, OpenMode mode, Clock &clock, int schemaTarget);
    // The checks, settings and migrations once the connection is open.
    Expected<void, StoreError> prepareStore(int schemaTarget);
    Expected<void, StoreError> checkSchema();
    // From schema 3 an SQLite store's FTS5 search indexes follow citizens and catalogue_texts at
    // each commit, not at each row (see SqlDialect::searchQueueSetup); Transaction::commit
    // applies the queue.
    Expected<void, StoreError> installSearchQueue();
    Expected<void, StoreError> flushSearchQueue();
    Expected<void, StoreError> migrateTo(int target);

    QString m_path;
    StoreLocation m_location;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    OpenMode m_mode;
    Clock &m_clock;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    bool m_searchQueue = false;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace C360
