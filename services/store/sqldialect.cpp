// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/sqldialect.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/walcheckpointer.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>

namespace C360
{

namespace
{
QStringList words(const QString &foldedText)
{
    // SearchText::fold leaves letters and digits only, separated by single spaces: no word can
    // break out of the quoting or operators around it.
    return foldedText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

StoreError classified(const QSqlError &error, const QString &storeName, StoreError::Code code)
{
    StoreError e;
    e.code = code;
    e.path = storeName;
    e.detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return e;
}

class SqliteDialect final : public SqlDialect
{
public:
    StoreLocation::Engine engine() const override { return StoreLocation::Engine::SQLite; }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    QString driverPackage() const override { return QStringLiteral("libqt6sql6-sqlite"); }

    Expected<void, StoreError> configure(Database &db, bool readOnly) const override
    {
        for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = FULL"}) {
            if (auto r = db.exec(QLatin1String(pragma)); !r) {
                return r;
            }
        }
        if (!readOnly) {
            QSqlQuery query(db.connection());
            if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
                return unexpected(db.error(query));
            }
            if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
                qCWarning(C360_STORE) << "the store could not switch to WAL journaling; it uses" << query.value(0).toString();
            }
        }
        return {};
    }

    QString tablesQuery() const override { return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"); }
    Expected<void, StoreError> assumeOwner(Database &) const override { return {}; }
    QString planEachSearch() const override { return {}; }

    QString beginTransaction() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    Expected<void, StoreError> lockMigrations(Database &) const override { return {}; }
    QString lockAuditChain() const override { return {}; }

    // FTS5 (SQLite 3.40) writes a new index segment at every statement savepoint, which a trigger
    // into it opens for each row. Temporary triggers (this connection's) queue the changes;
    // Transaction::commit applies them in order in one statement per index.
    QStringList searchQueueSetup() const override
    {
        return {
            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS search_queue (seq INTEGER PRIMARY KEY, target TEXT NOT NULL, command TEXT, "
                           "item INTEGER NOT NULL, body TEXT NOT NULL)"),
            // command NULL: index the row; 'delete': remove it (FTS5 wants the old text for that).
            QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS citizens_search_insert AFTER INSERT ON main.citizens BEGIN "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', NULL, new.id, new.search_names); END"),
            QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS citizens_search_delete AFTER DELETE ON main.citizens BEGIN "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', 'delete', old.id, old.search_names); END"),
            QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS citizens_search_update AFTER UPDATE OF search_names ON main.citizens BEGIN "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', 'delete', old.id, old.search_names); "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', NULL, new.id, new.search_names); END"),
            QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS catalogue_texts_search_insert AFTER INSERT ON main.catalogue_texts BEGIN "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', NULL, new.id, new.text); END"),
            QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS catalogue_texts_search_delete AFTER DELETE ON main.catalogue_texts BEGIN "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', 'delete', old.id, old.text); END"),
            QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS catalogue_texts_search_update AFTER UPDATE OF text ON main.catalogue_texts BEGIN "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', 'delete', old.id, old.text); "
                           "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', NULL, new.id, new.text); END"),
        };
    }
    // Most transactions change nothing that is indexed (an audit entry, a sync record).
    QString searchQueuePending() const override { return QStringLiteral("SELECT EXISTS (SELECT 1 FROM search_queue)"); }
    QStringList searchQueueFlush() const override
    {
        // In the order the changes were made: a row added and changed in one transaction is
        // indexed, removed and indexed again, never removed before it was there.
        return {QStringLiteral("INSERT INTO main.citizen_search (citizen_search, rowid, search_names) "
                               "SELECT command, item, body FROM search_queue WHERE target = 'citizen' ORDER BY seq"),
                QStringLiteral("INSERT INTO main.catalogue_search (catalogue_search, rowid, text) "
                               "SELECT command, item, body FROM search_queue WHERE target = 'catalogue' ORDER BY seq"),
                QStringLiteral("DELETE FROM search_queue")};
    }

    void checkpointInBackground(Database &db) const override
    {
        if (sqlite3 *handle = db.sqliteHandle()) {
            WalCheckpointer::attach(handle, QFileInfo(db.location().filePath()).absoluteFilePath());
        }
    }
    Expected<void, StoreError> setCheckpointSpacing(Database &db, int pages) const override
    {
        return db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(pages));
    }
    Expected<void, StoreError> setCacheSize(Database &db, int mebibytes) const override
    {
        // A negative cache_size is in KiB.
        return db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(mebibytes) * 1024));
    }
    // With synchronous=NORMAL in WAL mode a killed process loses nothing committed; a power
    // failure may lose the last few commits.
    QString durableCommits(bool durable) const override
    {
        return durable ? QStringLiteral("PRAGMA synchronous = FULL") : QStringLiteral("PRAGMA synchronous = NORMAL");
    }

    QString citizenIdsByName(bool bornInRange) const override
    {
        return bornInRange ? QStringLiteral("SELECT c.id FROM citizen_search s JOIN citizens c ON c.id = s.rowid "
                                            "WHERE citizen_search MATCH ? AND c.birth_date >= ? AND c.birth_date < ? LIMIT ?")
                           : QStringLiteral("SELECT rowid FROM citizen_search WHERE citizen_search MATCH ? LIMIT ?");
    }
    QString prefixMatch(const QString &foldedText) const override
    {
        QStringList terms;
        for (const QString &word : words(foldedText)) {
            terms.append(QLatin1Char('"') + word + QLatin1String("\"*"));
        }
        return terms.join(QLatin1Char(' '));
    }
    // bm25 (as rank, negative: lower is better) is only allowed on the full-text query itself.
    QString catalogueMatches() const override { return QStringLiteral("SELECT rowid, rank AS relevance FROM catalogue_search WHERE catalogue_search MATCH ?"); }

    // INTEGER PRIMARY KEY takes the largest id plus one.
    QString continueIdentityAfterCopy(const QString &) const override { return {}; }

    QString timeAfterDays(const QString &column) const override
    {
        return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', %1, '+' || ? || ' days')").arg(column);
    }

    StoreError error(const QSqlError &error, const QString &storeName) const override { return StoreError::fromSql(error, storeName); }
};

class PostgresDialect final : public SqlDialect
{
public:
    StoreLocation::Engine engine() const override { return StoreLocation::Engine::PostgreSQL; }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    QString driverPackage() const override { return QStringLiteral("libqt6sql6-psql"); }

    Expected<void, StoreError> configure(Database &db, bool readOnly) const override
    {
        // Times are written as UTC text by the application; the session's zone only matters to
        // date arithmetic in SQL (timeAfterDays), which must count in UTC as SQLite does. A lock
        // waited for longer than SQLite's busy timeout is reported as busy, not waited for forever.
        QStringList settings = {
            QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET lock_timeout = '5s'"), QStringLiteral("SET client_min_messages = warning")};
        if (readOnly) {
            settings.append(QStringLiteral("SET default_transaction_read_only = on"));
        }
        for (const QString &sql : std::as_const(settings)) {
            if (auto r = db.exec(sql); !r) {
                return r;
            }
        }
        // Again after a lost connection: the new session is the installation's too.
        return assumeOwner(db);
    }

    // From the catalogue, which every role reads: information_schema lists only the tables the
    // session may use, and a staff member's role may use few.
    QString tablesQuery() const override
    {
        return QStringLiteral("SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')");
    }

    Expected<void, StoreError> assumeOwner(Database &db) const override
    {
        // Only where c360_owner owns this store (schema 9 ran here): the roles belong to the whole
        // server, and another database's migration may have made this user a member.
        QSqlQuery member(db.connection());
        if (!member.exec(
                QStringLiteral("SELECT 1 FROM pg_roles o JOIN pg_class c ON c.relowner = o.oid WHERE o.rolname = 'c360_owner' AND "
                               "c.relname = 'schema_migrations' AND c.relnamespace = current_schema()::regnamespace AND o.rolname <> current_user AND "
                               "pg_has_role(session_user, o.oid, 'MEMBER') AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)"))) {
            return unexpected(db.error(member));
        }
        if (!member.next()) {
            return {};
        }
        return db.exec(QStringLiteral("SET ROLE c360_owner"));
    }

    QString beginTransaction() const override { return QStringLiteral("BEGIN"); }
    Expected<void, StoreError> lockMigrations(Database &db) const override
    {
        // 0x43333630 is "C360"; the second key tells the migrations' lock from the audit chain's.
        return db.run(QStringLiteral("SELECT pg_advisory_xact_lock(1127430704, 1)"));
    }
    QString lockAuditChain() const override { return QStringLiteral("SELECT pg_advisory_xact_lock(1127430704, 2)"); }

    QStringList searchQueueSetup() const override { return {}; }
    QString searchQueuePending() const override { return {}; }
    QStringList searchQueueFlush() const override { return {}; }

    void checkpointInBackground(Database &) const override { }
    Expected<void, StoreError> setCheckpointSpacing(Database &, int) const override { return {}; }
    Expected<void, StoreError> setCacheSize(Database &, int) const override { return {}; }
    // Without waiting for the WAL flush: a crash of the server may lose the last commits, never
    // make a half one.
    QString durableCommits(bool durable) const override
    {
        return durable ? QStringLiteral("SET synchronous_commit = on") : QStringLiteral("SET synchronous_commit = off");
    }

    QString planEachSearch() const override { return QStringLiteral("SET LOCAL plan_cache_mode = force_custom_plan"); }

    // The store's own function (schema 12): one word's prefix in the B-tree of the names' words,
    // more words or a birth year under the GIN index citizens_search_names, as c360_search finds them.
    QString citizenIdsByName(bool bornInRange) const override
    {
        return bornInRange ? QStringLiteral("SELECT unnest(c360_name_ids(?, ?, ?, ?))") : QStringLiteral("SELECT unnest(c360_name_ids(?, NULL, NULL, ?))");
    }
    QString prefixMatch(const QString &foldedText) const override
    {
        QStringList terms;
        for (const QString &word : words(foldedText)) {
            terms.append(word + QLatin1String(":*"));
        }
        return terms.join(QLatin1String(" & "));
    }
    // The expression of the GIN index catalogue_texts_search (schema 1); ts_rank is higher for
    // better matches, so negated to rank first as bm25 does.
    QString catalogueMatches() const override
    {
        return QStringLiteral("SELECT t.id AS rowid, -ts_rank(c360_search_vector(t.text), q.query) AS relevance "
                              "FROM catalogue_texts t, (SELECT to_tsquery('simple'::regconfig, ?) AS query) q "
                              "WHERE c360_search_vector(t.text) @@ q.query");
    }

    QString continueIdentityAfterCopy(const QString &table) const override
    {
        return QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE((SELECT MAX(id) FROM %1), 1), "
                              "(SELECT MAX(id) FROM %1) IS NOT NULL)")
            .arg(table);
    }

    QString timeAfterDays(const QString &column) const override
    {
        return QStringLiteral("to_char((CAST(%1 AS timestamptz) + CAST(? AS integer) * interval '1 day') AT TIME ZONE 'UTC', "
                              "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
            .arg(column);
    }

    StoreError error(const QSqlError &error, const QString &storeName) const override
    {
        // QPSQL gives the SQLSTATE as the native code of a statement's error; a connection that
        // could not be made has none, only libpq's message.
        const QString state = error.nativeErrorCode();
        const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
        using Code = StoreError::Code;
        auto is = [&](const char *prefix) {
            return state.startsWith(QLatin1String(prefix));
        };
        if (state.isEmpty()) {
            if (text.contains(QLatin1String("no password supplied"))) {
                return classified(error, storeName, Code::PasswordNeeded);
            }
            if (text.contains(QLatin1String("password authentication failed")) || text.contains(QLatin1String("authentication failed"))) {
                return classified(error, storeName, Code::AuthenticationFailed);
            }
            if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database"))) {
                return classified(error, storeName, Code::NotFound);
            }
            if (error.type() == QSqlError::ConnectionError || text.contains(QLatin1String("could not connect")) ||
                text.contains(QLatin1String("Connection refused")) || text.contains(QLatin1String("server closed the connection")) ||
                text.contains(QLatin1String("no connection to the server")) || text.contains(QLatin1String("could not translate host name")) ||
                text.contains(QLatin1String("timeout expired"))) {
                return classified(error, storeName, error.type() == QSqlError::ConnectionError ? Code::Unreachable : Code::ConnectionLost);
            }
            return classified(error, storeName, Code::Query);
        }
        if (is("23")) {
            return classified(error, storeName, Code::Constraint);
        }
        if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03") || state == QLatin1String("57014")) {
            return classified(error, storeName, Code::Busy);
        }
        if (state == QLatin1String("53100")) {
            return classified(error, storeName, Code::DiskFull);
        }
        if (state == QLatin1String("25006")) {
            return classified(error, storeName, Code::ReadOnly);
        }
        if (state == QLatin1String("42501")) {
            return classified(error, storeName, Code::PermissionDenied);
        }
        if (state == QLatin1String("P0002")) {
            // no_data_found, as the store's functions say of a citizen or an account not there
            return classified(error, storeName, Code::NoSuchRecord);
        }
        if (state == QLatin1String("3D000")) {
            return classified(error, storeName, Code::NotFound);
        }
        if (state == QLatin1String("28P01") || state == QLatin1String("28000")) {
            return classified(error, storeName, Code::AuthenticationFailed);
        }
        if (is("08") || is("57P")) {
            return classified(error, storeName, Code::ConnectionLost);
        }
        if (is("XX00") || is("58")) {
            return classified(error, storeName, state == QLatin1String("XX001") || state == QLatin1String("XX002") ? Code::Corrupt : Code::Io);
        }
        return classified(error, storeName, Code::Query);
    }
};
} // namespace

std::unique_ptr<SqlDialect> SqlDialect::create(StoreLocation::Engine engine)
{
    if (engine == StoreLocation::Engine::PostgreSQL) {
        return std::make_unique<PostgresDialect>();
    }
    return std::make_unique<SqliteDialect>();
}

} // namespace C360
