// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/database.h"

#include "common/logging.h"
#include "common/privatefile.h"
#include "store/migrations.h"
#include "store/walcheckpointer.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>

namespace C360
{

namespace
{
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("c360-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

StoreError makeError(StoreError::Code code, const QString &path, const QString &detail = {})
{
    StoreError e;
    e.code = code;
    e.path = path;
    e.detail = detail;
    return e;
}

// Looks at the file before SQLite does: SQLite would happily turn an empty or foreign file into a
// database, and a check here gives a message that names the actual problem.
Expected<void, StoreError> checkPath(const QString &path, Database::OpenMode mode)
{
    if (path.isEmpty()) {
        return unexpected(makeError(StoreError::Code::NoPath, path));
    }
    const QFileInfo info(path);
    const bool writes = mode != Database::OpenMode::ReadOnly;
    if (!info.exists()) {
        if (mode != Database::OpenMode::Create) {
            return unexpected(makeError(StoreError::Code::NotFound, path));
        }
        const QFileInfo folder(info.absolutePath());
        if (!folder.isDir()) {
            return unexpected(makeError(StoreError::Code::FolderNotFound, path));
        }
        if (!folder.isWritable()) {
            return unexpected(makeError(StoreError::Code::ReadOnly, path));
        }
        return {};
    }
    if (!info.isFile()) {
        return unexpected(makeError(StoreError::Code::NotAFile, path));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return unexpected(makeError(StoreError::Code::Io, path, file.errorString()));
    }
    if (file.size() > 0) {
        static const QByteArray header("SQLite format 3\0", 16);
        if (file.read(16) != header) {
            return unexpected(makeError(StoreError::Code::NotADatabase, path));
        }
    }
    // WAL needs to create the -wal and -shm files beside the store.
    if (writes && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())) {
        return unexpected(makeError(StoreError::Code::ReadOnly, path));
    }
    return {};
}
} // namespace

Database::Database(const QString &path, const QString &connectionName, OpenMode mode, Clock &clock)
    : m_path(path)
    , m_connectionName(connectionName)
    , m_mode(mode)
    , m_clock(clock)
{
}

Database::~Database()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::unique_ptr<Database>, StoreError> Database::open(const QString &path, OpenMode mode, Clock &clock, int schemaTarget)
{
    if (auto checked = checkPath(path, mode); !checked) {
        return unexpected(std::move(checked).error());
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return unexpected(makeError(StoreError::Code::NoDriver, path));
    }

    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(path, name, mode, clock));
    // A store this call creates and cannot finish (a full disk, a read-only folder found late) is
    // not left behind as an empty or half-made file that a later start would take for a store.
    const bool creating = mode == OpenMode::Create && !QFileInfo::exists(path);
    auto fail = [&](StoreError error) -> Expected<std::unique_ptr<Database>, StoreError> {
        database.reset();
        if (creating) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
                QFile::remove(path + suffix);
            }
        }
        return unexpected(std::move(error));
    };
    // The store holds every citizen's data and the password hashes: the owner's only (0600), and
    // SQLite gives its -wal and -shm files the mode of the store. A store made looser elsewhere
    // (a copy, an older version) is narrowed when it is opened for writing.
    if (creating) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            return fail(makeError(StoreError::Code::ReadOnly, path, file.errorString()));
        }
    } else if (mode != OpenMode::ReadOnly) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFileInfo::exists(path + suffix) && !restrictToOwner(path + suffix)) {
                qCWarning(C360_STORE) << "cannot narrow the permissions of the store's files to their owner";
            }
        }
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (mode == OpenMode::ReadOnly) {
            if (QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            } else {
                // A store on read-only media (an archived copy, a read-only share): WAL readers
                // need to create the -shm file, which they cannot here, so read the file as the
                // immutable snapshot it is.
                QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
                uri.setQuery(QStringLiteral("immutable=1"));
                db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
            }
        }
        if (!db.open()) {
            StoreError error = database->error(db.lastError());
            db = QSqlDatabase();
            return fail(std::move(error));
        }
    }
    // configure() switches to WAL, which rewrites the header: it runs only once checkSchema() has
    // established that this is our store (or an empty file), so a foreign file stays untouched.
    if (auto checked = database->checkSchema(); !checked) {
        return fail(std::move(checked).error());
    }
    if (auto configured = database->configure(); !configured) {
        return fail(std::move(configured).error());
    }
    if (auto migrated = database->migrateTo(schemaTarget < 0 ? Migrations::latestVersion() : schemaTarget); !migrated) {
        return fail(std::move(migrated).error());
    }
    if (database->m_schemaVersion >= 3 && mode != OpenMode::ReadOnly) {
        if (auto queued = database->installSearchQueue(); !queued) {
            return fail(std::move(queued).error());
        }
    }
    qCDebug(C360_STORE) << "opened store, schema version" << database->m_schemaVersion << (mode == OpenMode::ReadOnly ? "read-only" : "read-write");
    return database;
}

Expected<void, StoreError> Database::installSearchQueue()
{
    static const char *const statements[] = {
        "CREATE TEMP TABLE IF NOT EXISTS search_queue (seq INTEGER PRIMARY KEY, target TEXT NOT NULL, command TEXT, item INTEGER NOT NULL, "
        "body TEXT NOT NULL)",
        // command NULL: index the row; 'delete': remove it (FTS5 wants the old text for that).
        "CREATE TEMP TRIGGER IF NOT EXISTS citizens_search_insert AFTER INSERT ON main.citizens BEGIN "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', NULL, new.id, new.search_names); END",
        "CREATE TEMP TRIGGER IF NOT EXISTS citizens_search_delete AFTER DELETE ON main.citizens BEGIN "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', 'delete', old.id, old.search_names); END",
        "CREATE TEMP TRIGGER IF NOT EXISTS citizens_search_update AFTER UPDATE OF search_names ON main.citizens BEGIN "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', 'delete', old.id, old.search_names); "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('citizen', NULL, new.id, new.search_names); END",
        "CREATE TEMP TRIGGER IF NOT EXISTS catalogue_texts_search_insert AFTER INSERT ON main.catalogue_texts BEGIN "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', NULL, new.id, new.text); END",
        "CREATE TEMP TRIGGER IF NOT EXISTS catalogue_texts_search_delete AFTER DELETE ON main.catalogue_texts BEGIN "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', 'delete', old.id, old.text); END",
        "CREATE TEMP TRIGGER IF NOT EXISTS catalogue_texts_search_update AFTER UPDATE OF text ON main.catalogue_texts BEGIN "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', 'delete', old.id, old.text); "
        "INSERT INTO search_queue (target, command, item, body) VALUES ('catalogue', NULL, new.id, new.text); END",
    };
    for (const char *sql : statements) {
        if (auto r = exec(QLatin1String(sql)); !r) {
            return r;
        }
    }
    m_searchQueue = true;
    return {};
}

Expected<void, StoreError> Database::flushSearchQueue()
{
    if (!m_searchQueue) {
        return {};
    }
    // Most transactions change nothing that is indexed (an audit entry, a sync record).
    auto pending = prepared(QStringLiteral("SELECT EXISTS (SELECT 1 FROM search_queue)"));
    if (!pending) {
        return unexpected(std::move(pending).error());
    }
    if (!(*pending)->exec() || !(*pending)->next()) {
        const StoreError e = error(**pending);
        (*pending)->finish();
        return unexpected(e);
    }
    const bool queued = (*pending)->value(0).toBool();
    (*pending)->finish();
    if (!queued) {
        return {};
    }
    // In the order the changes were made: a row added and changed in one transaction is indexed,
    // removed and indexed again, never removed before it was there.
    for (const char *sql : {"INSERT INTO main.citizen_search (citizen_search, rowid, search_names) "
                            "SELECT command, item, body FROM search_queue WHERE target = 'citizen' ORDER BY seq",
                            "INSERT INTO main.catalogue_search (catalogue_search, rowid, text) "
                            "SELECT command, item, body FROM search_queue WHERE target = 'catalogue' ORDER BY seq",
                            "DELETE FROM search_queue"}) {
        if (auto r = run(QLatin1String(sql)); !r) {
            return r;
        }
    }
    return {};
}

void Database::checkpointInBackground()
{
    if (sqlite3 *handle = sqliteHandle()) {
        WalCheckpointer::attach(handle, QFileInfo(m_path).absoluteFilePath());
    }
}

Expected<void, StoreError> Database::setCacheSize(int mebibytes)
{
    // A negative cache_size is in KiB.
    return exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(mebibytes) * 1024));
}

Expected<void, StoreError> Database::setDurableCommits(bool durable)
{
    return run(durable ? QStringLiteral("PRAGMA synchronous = FULL") : QStringLiteral("PRAGMA synchronous = NORMAL"));
}

Expected<void, StoreError> Database::configure()
{
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = FULL"}) {
        if (auto r = exec(QLatin1String(pragma)); !r) {
            return r;
        }
    }
    if (m_mode != OpenMode::ReadOnly) {
        QSqlQuery query(connection());
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()) {
            return unexpected(error(query));
        }
        if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            qCWarning(C360_STORE) << "the store could not switch to WAL journaling; it uses" << query.value(0).toString();
        }
    }
    return {};
}

Expected<void, StoreError> Database::checkSchema()
{
    // Reading the header validates the file: SQLITE_NOTADB surfaces here, before any write.
    if (auto r = exec(QStringLiteral("PRAGMA schema_version")); !r) {
        return r;
    }
    auto version = Migrations::currentVersion(*this);
    if (!version) {
        return unexpected(std::move(version).error());
    }
    m_schemaVersion = *version;
    const int latest = Migrations::latestVersion();
    auto schemaError = [&](StoreError::Code code) {
        StoreError e = makeError(code, m_path);
        e.schemaVersion = m_schemaVersion;
        e.supportedVersion = latest;
        return e;
    };
    if (m_schemaVersion > latest) {
        return unexpected(schemaError(StoreError::Code::NewerSchema));
    }
    if (m_mode == OpenMode::ReadOnly) {
        if (m_schemaVersion == 0) {
            return unexpected(schemaError(StoreError::Code::NotInitialised));
        }
        if (m_schemaVersion < latest) {
            return unexpected(schemaError(StoreError::Code::OutdatedSchema));
        }
    }
    return {};
}

Expected<void, StoreError> Database::migrateTo(int target)
{
    if (m_mode == OpenMode::ReadOnly || m_schemaVersion >= target) {
        return {};
    }
    if (auto migrated = Migrations::migrate(*this, target); !migrated) {
        return migrated;
    }
    m_schemaVersion = target;
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *Database::sqliteHandle() const
{
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.data());
}

Expected<QSqlQuery *, StoreError> Database::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(connection());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            qCWarning(C360_STORE) << "cannot prepare statement:" << query->lastError().databaseText();
            return unexpected(error(*query));
        }
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second.get();
}

Expected<void, StoreError> Database::run(const QString &sql)
{
    auto query = prepared(sql);
    if (!query) {
        return unexpected(std::move(query).error());
    }
    QSqlQuery *q = *query;
    const bool ok = q->exec();
    q->finish();
    if (!ok) {
        return unexpected(error(*q));
    }
    return {};
}

Expected<void, StoreError> Database::exec(const QString &sql)
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        return unexpected(error(query));
    }
    return {};
}

StoreError Database::error(const QSqlQuery &query) const
{
    return StoreError::fromSql(query.lastError(), m_path);
}

StoreError Database::error(StoreError::Code code, const QString &detail) const
{
    return makeError(code, m_path, detail);
}

} // namespace C360
