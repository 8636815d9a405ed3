// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/database.h"

#include "common/logging.h"
#include "common/privatefile.h"
#include "store/migrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
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

// Passwords for servers, by StoreLocation::credentialKey(), for every connection of the process.
QMutex &passwordsMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString> &passwords()
{
    static QHash<QString, QString> all;
    return all;
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

Database::Database(const QString &path, const StoreLocation &location, const QString &connectionName, OpenMode mode, Clock &clock)
    : m_path(path)
    , m_location(location)
    , m_dialect(SqlDialect::create(location.engine()))
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

Expected<std::unique_ptr<Database>, StoreError> Database::open(const QString &name, OpenMode mode, Clock &clock, int schemaTarget)
{
    const StoreLocation location = StoreLocation::parse(name);
    if (location.problem() != StoreLocation::Problem::None) {
        return unexpected(makeError(StoreError::Code::InvalidName, name));
    }
    if (location.isServer()) {
        return openServer(name, location, mode, clock, schemaTarget);
    }
    return openFile(name, mode, clock, schemaTarget);
}

void Database::setServerPassword(const StoreLocation &location, const QString &password)
{
    const QMutexLocker lock(&passwordsMutex());
    if (password.isEmpty()) {
        passwords().remove(location.credentialKey());
    } else {
        passwords().insert(location.credentialKey(), password);
    }
}

namespace
{
// A connection to location's server as its user with password, not opened yet.
void configureServerConnection(QSqlDatabase &db, const StoreLocation &location, const QString &password)
{
    db.setDatabaseName(location.databaseName());
    db.setUserName(location.userName());
    db.setPassword(password);
    // Host and port go as options: libpq takes lists of them (a primary and its standbys) and
    // socket folders, which QSqlDatabase's integer port cannot carry.
    QStringList options;
    auto add = [&options](const QString &key, const QString &value) {
        options.append(key + QLatin1String("='") + value + QLatin1Char('\''));
    };
    if (!location.host().isEmpty()) {
        add(QStringLiteral("host"), location.host());
    }
    if (!location.port().isEmpty()) {
        add(QStringLiteral("port"), location.port());
    }
    for (const auto &[key, value] : location.options()) {
        add(key, value);
    }
    // An unreachable server is reported after ten seconds, not after the system's TCP timeout;
    // the server's own views name the program.
    if (!location.option(QStringLiteral("connect_timeout"))) {
        add(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    }
    if (!location.option(QStringLiteral("application_name"))) {
        add(QStringLiteral("application_name"),
            QCoreApplication::applicationName().isEmpty() ? QStringLiteral("citizen360") : QCoreApplication::applicationName());
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
}
} // namespace

Expected<void, StoreError> Database::checkServerPassword(const StoreLocation &location, const QString &password, Clock &clock)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return unexpected(makeError(StoreError::Code::NoDriver, location.displayName()));
    }
    // A connection of its own, opened and closed: the password kept for this process's other
    // connections (setServerPassword) is neither used nor changed.
    const QString connectionName = nextConnectionName();
    Database probe(location.displayName(), location, connectionName, OpenMode::ReadOnly, clock);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    configureServerConnection(db, location, password);
    if (!db.open()) {
        StoreError error = probe.error(db.lastError());
        db = QSqlDatabase();
        return unexpected(std::move(error));
    }
    db.close();
    db = QSqlDatabase();
    return {};
}

Expected<std::unique_ptr<Database>, StoreError>
Database::openServer(const QString &name, const StoreLocation &location, OpenMode mode, Clock &clock, int schemaTarget)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return unexpected(makeError(StoreError::Code::NoDriver, name));
    }
    const QString connectionName = nextConnectionName();
    std::unique_ptr<Database> database(new Database(name, location, connectionName, mode, clock));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        {
            const QMutexLocker lock(&passwordsMutex());
            configureServerConnection(db, location, passwords().value(location.credentialKey()));
        }
        if (!db.open()) {
            StoreError error = database->error(db.lastError());
            db = QSqlDatabase();
            return unexpected(std::move(error));
        }
    }
    if (auto prepared = database->prepareStore(schemaTarget); !prepared) {
        return unexpected(std::move(prepared).error());
    }
    qCDebug(C360_STORE) << "opened a store on a server, schema version" << database->m_schemaVersion
                        << (mode == OpenMode::ReadOnly ? "read-only" : "read-write");
    return database;
}

Expected<std::unique_ptr<Database>, StoreError> Database::openFile(const QString &path, OpenMode mode, Clock &clock, int schemaTarget)
{
    if (auto checked = checkPath(path, mode); !checked) {
        return unexpected(std::move(checked).error());
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return unexpected(makeError(StoreError::Code::NoDriver, path));
    }

    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(path, StoreLocation::parse(path), name, mode, clock));
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
    if (auto prepared = database->prepareStore(schemaTarget); !prepared) {
        return fail(std::move(prepared).error());
    }
    qCDebug(C360_STORE) << "opened store, schema version" << database->m_schemaVersion << (mode == OpenMode::ReadOnly ? "read-only" : "read-write");
    return database;
}

Expected<void, StoreError> Database::prepareStore(int schemaTarget)
{
    // configure() switches an SQLite store to WAL, which rewrites the header: it runs only once
    // checkSchema() has established that this is our store (or an empty one), so a foreign file
    // stays untouched.
    if (auto checked = checkSchema(); !checked) {
        return checked;
    }
    if (auto configured = m_dialect->configure(*this, m_mode == OpenMode::ReadOnly); !configured) {
        return configured;
    }
    if (auto migrated = migrateTo(schemaTarget < 0 ? Migrations::latestVersion() : schemaTarget); !migrated) {
        return migrated;
    }
    if (auto owner = m_dialect->assumeOwner(*this); !owner) {
        return owner;
    }
    if (m_schemaVersion >= 3 && m_mode != OpenMode::ReadOnly) {
        if (auto queued = installSearchQueue(); !queued) {
            return queued;
        }
    }
    return {};
}

Expected<void, StoreError> Database::installSearchQueue()
{
    const QStringList statements = m_dialect->searchQueueSetup();
    for (const QString &sql : statements) {
        if (auto r = exec(sql); !r) {
            return r;
        }
    }
    m_searchQueue = !statements.isEmpty();
    return {};
}

Expected<void, StoreError> Database::flushSearchQueue()
{
    if (!m_searchQueue) {
        return {};
    }
    auto pending = prepared(m_dialect->searchQueuePending());
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
    for (const QString &sql : m_dialect->searchQueueFlush()) {
        if (auto r = run(sql); !r) {
            return r;
        }
    }
    return {};
}

void Database::checkpointInBackground()
{
    m_dialect->checkpointInBackground(*this);
}

Expected<void, StoreError> Database::setCheckpointSpacing(int pages)
{
    return m_dialect->setCheckpointSpacing(*this, pages);
}

Expected<void, StoreError> Database::setCacheSize(int mebibytes)
{
    return m_dialect->setCacheSize(*this, mebibytes);
}

Expected<void, StoreError> Database::setDurableCommits(bool durable)
{
    return run(m_dialect->durableCommits(durable));
}

Expected<void, StoreError> Database::checkSchema()
{
    // Reading the header validates the file: SQLITE_NOTADB surfaces here, before any write.
    if (!isServer()) {
        if (auto r = exec(QStringLiteral("PRAGMA schema_version")); !r) {
            return r;
        }
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

pg_conn *Database::postgresHandle() const
{
    const QVariant handle = connection().driver()->handle();
    // Qt names the type as the compiler does: the struct behind libpq's typedef.
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0)) {
        if (handle.isValid() && isServer()) {
            qCWarning(C360_STORE) << "the PostgreSQL driver's handle is a" << handle.typeName() << "here";
        }
        return nullptr;
    }
    return *static_cast<pg_conn *const *>(handle.data());
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
    // PostgreSQL prepares only queries and changes, not BEGIN, SAVEPOINT or SET; a statement
    // without parameters costs it one round trip either way.
    if (isServer()) {
        return exec(sql);
    }
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
        StoreError e = error(query);
        if (e.code == StoreError::Code::ConnectionLost && m_transactionDepth == 0 && isRetryable(sql)) {
            if (auto reconnected = reconnect(); reconnected) {
                QSqlQuery again(connection());
                if (again.exec(sql)) {
                    return {};
                }
                e = error(again);
            }
        }
        return unexpected(e);
    }
    return {};
}

bool Database::isRetryable(const QString &sql)
{
    // A shared store's functions that write (an audit entry, a grant, a login) are called with
    // SELECT: run again after a connection lost once the server had committed, they would write
    // twice (a second profile_opened, a search's lines audited again, "the user name is taken").
    // Only the store's functions that change nothing may run again.
    static const QRegularExpression storeFunction(QStringLiteral("\\bc360_(\\w+)\\s*\\("), QRegularExpression::CaseInsensitiveOption);
    static const QStringList readOnly{QStringLiteral("keyed_hash"),
                                      QStringLiteral("staff_role"),
                                      QStringLiteral("may_read"),
                                      QStringLiteral("verify_audit"),
                                      QStringLiteral("audit_subjects"),
                                      QStringLiteral("search_vector")};
    for (auto it = storeFunction.globalMatch(sql); it.hasNext();) {
        if (!readOnly.contains(it.next().captured(1).toLower())) {
            return false;
        }
    }
    const QStringView head = QStringView(sql).trimmed();
    for (const char *word : {"SELECT", "BEGIN", "SET", "SHOW"}) {
        if (head.startsWith(QLatin1String(word), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

Expected<void, StoreError> Database::reconnect()
{
    if (!isServer() || m_transactionDepth != 0) {
        return unexpected(makeError(StoreError::Code::ConnectionLost, m_path));
    }
    QSqlDatabase db = connection();
    db.close();
    // The old session's prepared statements went with it: their queries are let go while the
    // connection is closed, not deallocated on the new session, which never had them.
    for (auto &entry : m_statements) {
        *entry.second = QSqlQuery();
    }
    {
        const QMutexLocker lock(&passwordsMutex());
        db.setPassword(passwords().value(m_location.credentialKey()));
    }
    if (!db.open()) {
        return unexpected(error(db.lastError()));
    }
    if (auto configured = m_dialect->configure(*this, m_mode == OpenMode::ReadOnly); !configured) {
        return configured;
    }
    for (auto &[sql, query] : m_statements) {
        *query = QSqlQuery(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            qCWarning(C360_STORE) << "cannot prepare a statement again after reconnecting:" << query->lastError().databaseText();
        }
    }
    qCInfo(C360_STORE) << "reconnected to the store's server";
    return {};
}

StoreError Database::error(const QSqlError &sqlError) const
{
    StoreError e = m_dialect->error(sqlError, m_path);
    // Once libpq found the session gone, Qt closes the connection: what fails next ("database not
    // open") fails for that reason.
    if (isServer() && e.code == StoreError::Code::Query && !connection().isOpen()) {
        e.code = StoreError::Code::ConnectionLost;
    }
    return e;
}

StoreError Database::error(const QSqlQuery &query) const
{
    return error(query.lastError());
}

StoreError Database::error(StoreError::Code code, const QString &detail) const
{
    return makeError(code, m_path, detail);
}

} // namespace C360
