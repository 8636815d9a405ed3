// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// A store on a PostgreSQL server (the tests' own, tests/postgres/test-server): how it is named,
// signed in to and refused, what a database of another program or a newer version keeps, a lost
// connection, and an audit chain that several connections append to at once.

#include "audit/auditrepository.h"
#include "citizenbuilder.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storelocation.h"
#include "store/transaction.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace C360;
using namespace Qt::StringLiterals;
using Code = StoreError::Code;

Q_DECLARE_METATYPE(C360::StoreLocation::Problem)

namespace
{
const QByteArray key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

// The test server's address with another user and database.
QString serverUri(const QString &user, const QString &database)
{
    const StoreLocation server = StoreLocation::parse(Test::TempStore::serverUri());
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, server.host(), server.port(), database);
}

// A database of the tests' own that the password role owns, dropped at the end.
class OwnedDatabase
{
public:
    explicit OwnedDatabase(const QString &name)
        : m_name(name)
    {
        m_ok = Test::runOnStore(Test::TempStore::serverUri(), {QStringLiteral("CREATE DATABASE %1 OWNER c360_password").arg(name)});
    }
    ~OwnedDatabase() { Test::runOnStore(Test::TempStore::serverUri(), {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)}); }
    bool ok() const { return m_ok; }

private:
    QString m_name;
    bool m_ok = false;
};
} // namespace

class TestServerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!Test::TempStore::serverUri().isEmpty(), "no test server: run through ctest (fixture postgres)"); }

    void anAddressIsReadAsLibpqReadsIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("display");
        QTest::newRow("full") << u"postgresql://clerk@db.town.example:5433/citizen360?sslmode=verify-full"_s << u"db.town.example"_s << u"5433"_s
                              << u"citizen360"_s << u"clerk"_s << u"postgresql://clerk@db.town.example:5433/citizen360?sslmode=verify-full"_s;
        QTest::newRow("short scheme, defaults") << u"postgres://db/c360"_s << u"db"_s << QString() << u"c360"_s << QString() << u"postgresql://db/c360"_s;
        QTest::newRow("socket folder, encoded") << u"postgresql://%2Fvar%2Frun%2Fpostgresql/c360"_s << u"/var/run/postgresql"_s << QString() << u"c360"_s
                                                << QString() << u"postgresql://%2Fvar%2Frun%2Fpostgresql/c360"_s;
        QTest::newRow("socket folder, parameter") << u"postgresql:///c360?host=/tmp"_s << u"/tmp"_s << QString() << u"c360"_s << QString()
                                                  << u"postgresql://%2Ftmp/c360"_s;
        QTest::newRow("IPv6") << u"postgresql://agent@[::1]:5432/c360"_s << u"::1"_s << u"5432"_s << u"c360"_s << u"agent"_s
                              << u"postgresql://agent@[::1]:5432/c360"_s;
        QTest::newRow("primary and standby") << u"postgresql://db1:5432,db2:5433/c360?target_session_attrs=read-write"_s << u"db1,db2"_s << u"5432,5433"_s
                                             << u"c360"_s << QString() << u"postgresql://db1:5432,db2:5433/c360?target_session_attrs=read-write"_s;
    }

    void anAddressIsReadAsLibpqReadsIt()
    {
        QFETCH(QString, name);
        const StoreLocation location = StoreLocation::parse(name);
        QVERIFY(location.isServer());
        QCOMPARE(location.problem(), StoreLocation::Problem::None);
        QTEST(location.host(), "host");
        QTEST(location.port(), "port");
        QTEST(location.databaseName(), "database");
        QTEST(location.userName(), "user");
        QTEST(location.displayName(), "display");
        QVERIFY(!StoreLocation::parse(u"/var/lib/citizen360/store.sqlite"_s).isServer());
    }

    // A password on the command line is readable by every user of the machine: refused, and the
    // message (which is logged and shown) never repeats it.
    void aPasswordInTheAddressIsRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<StoreLocation::Problem>("problem");
        QTest::newRow("user:password@") << u"postgresql://clerk:Geheim123@db/c360"_s << StoreLocation::Problem::PasswordInUri;
        QTest::newRow("?password=") << u"postgresql://clerk@db/c360?password=Geheim123"_s << StoreLocation::Problem::PasswordInUri;
        QTest::newRow("no database") << u"postgresql://clerk@db"_s << StoreLocation::Problem::MalformedUri;
        QTest::newRow("port not a number") << u"postgresql://db:54x/c360"_s << StoreLocation::Problem::MalformedUri;
        QTest::newRow("quote in a value") << u"postgresql://db/c360?sslrootcert=a'b"_s << StoreLocation::Problem::MalformedUri;
    }

    void aPasswordInTheAddressIsRefused()
    {
        QFETCH(QString, name);
        QFETCH(StoreLocation::Problem, problem);
        QCOMPARE(StoreLocation::parse(name).problem(), problem);
        ManualClock clock(Test::TempStore::defaultStart());
        auto db = Database::open(name, Database::OpenMode::Create, clock);
        QVERIFY(!db);
        QCOMPARE(db.error().code, Code::InvalidName);
        QVERIFY(!db.error().message().isEmpty());
        QVERIFY2(!db.error().message().contains(u"Geheim123"_s), qPrintable(db.error().message()));
    }

    void anEmptyDatabaseIsMigrated()
    {
        Test::TempStore store;
        Database &db = store.open();
        QVERIFY(db.isServer());
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(Test::rows(db, u"SHOW TimeZone"_s), QStringList{u"UTC"_s});
        // A second connection finds it migrated and changes nothing.
        auto second = Database::open(store.path(), Database::OpenMode::ReadWrite, store.clock());
        QVERIFY2(second, Test::why(second).constData());
        QCOMPARE(Test::scalar(**second, u"SELECT COUNT(*) FROM schema_migrations"_s), qint64(Migrations::latestVersion()));
        // Read-only connections cannot write.
        auto reader = Database::open(store.path(), Database::OpenMode::ReadOnly, store.clock());
        QVERIFY(reader);
        QSqlQuery write((*reader)->connection());
        QVERIFY(!write.exec(u"INSERT INTO store_settings (key, value) VALUES ('x', 'y')"_s));
        QCOMPARE((*reader)->error(write).code, Code::ReadOnly);
    }

    // Password authentication (scram-sha-256 for the role c360_password on the test server):
    // without a password the server's demand is said in words; a wrong one is refused; the one
    // given to the process (the application asks for it) or libpq's PGPASSWORD opens it.
    void aPasswordIsAskedForAndUsed()
    {
        const QString database = u"c360_password_%1"_s.arg(QCoreApplication::applicationPid());
        OwnedDatabase owned(database);
        QVERIFY(owned.ok());
        const QString name = serverUri(u"c360_password"_s, database);
        const StoreLocation location = StoreLocation::parse(name);
        ManualClock clock(Test::TempStore::defaultStart());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent");

        auto none = Database::open(name, Database::OpenMode::Create, clock);
        QVERIFY(!none);
        QCOMPARE(none.error().code, Code::PasswordNeeded);
        QVERIFY2(none.error().message().contains(u"c360_password"_s), qPrintable(none.error().message()));
        QVERIFY(!none.error().isTransient());

        Database::setServerPassword(location, u"Fout-7391"_s);
        auto wrong = Database::open(name, Database::OpenMode::Create, clock);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Code::AuthenticationFailed);
        QVERIFY(!wrong.error().message().contains(u"Fout-7391"_s));

        Database::setServerPassword(location, u"c360-test-password"_s);
        auto right = Database::open(name, Database::OpenMode::Create, clock);
        QVERIFY2(right, Test::why(right).constData());
        QCOMPARE((*right)->schemaVersion(), Migrations::latestVersion());
        // The role that installed the store acts as its owner (schema 9), so row-level security
        // hides nothing from the installation.
        QCOMPARE(Test::rows(**right, u"SELECT current_user, session_user"_s), QStringList{u"c360_owner|c360_password"_s});
        QSqlQuery add((*right)->connection());
        QVERIFY2(add.exec(u"INSERT INTO citizens (given_names, family_name, updated_at) VALUES ('Anna', 'Peeters', '2026-01-01T00:00:00.000Z')"_s),
                 qPrintable(add.lastError().text()));
        right->reset();

        Database::setServerPassword(location, QString());
        qputenv("PGPASSWORD", "c360-test-password");
        auto fromEnvironment = Database::open(name, Database::OpenMode::ReadWrite, clock);
        qunsetenv("PGPASSWORD");
        QVERIFY2(fromEnvironment, Test::why(fromEnvironment).constData());
        // Opened again, not migrated: the owner's role all the same.
        QCOMPARE(Test::scalar(**fromEnvironment, u"SELECT COUNT(*) FROM citizens"_s), 1);
    }

    void aServerThatIsNotThereSaysSo()
    {
        // A port nothing listens on: the connection is refused at once.
        const StoreLocation server = StoreLocation::parse(Test::TempStore::serverUri());
        ManualClock clock(Test::TempStore::defaultStart());
        auto db = Database::open(u"postgresql://c360@127.0.0.1:1/postgres"_s, Database::OpenMode::Create, clock);
        QVERIFY(!db);
        QCOMPARE(db.error().code, Code::Unreachable);
        QVERIFY(db.error().isTransient());
        QVERIFY2(db.error().message().contains(u"127.0.0.1"_s), qPrintable(db.error().message()));

        auto missing = Database::open(serverUri(u"c360"_s, u"no_such_database"_s), Database::OpenMode::Create, clock);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Code::NotFound);
        QVERIFY2(missing.error().message().contains(u"no_such_database"_s), qPrintable(missing.error().message()));
        QVERIFY(missing.error().message().contains(server.host()));
    }

    // A database with tables of another program, or of a newer Citizen 360, is left as it is.
    void aForeignOrNewerDatabaseIsLeftAlone()
    {
        Test::TempStore foreign;
        QVERIFY(Test::runOnStore(foreign.path(), {u"CREATE TABLE invoices (id integer PRIMARY KEY)"_s}));
        auto db = Database::open(foreign.path(), Database::OpenMode::Create, foreign.clock());
        QVERIFY(!db);
        QCOMPARE(db.error().code, Code::NotAStore);
        QVERIFY(db.error().message().contains(u"another program"_s));

        Test::TempStore newer;
        newer.open();
        QVERIFY(Test::runOnStore(newer.path(), {u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'future', 'x')"_s}));
        newer.close();
        auto refused = Database::open(newer.path(), Database::OpenMode::ReadWrite, newer.clock());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::NewerSchema);
        QVERIFY(refused.error().message().contains(u"999"_s));
    }

    // What runs again by itself after a lost connection: what changes nothing. The store's
    // functions that write are called with SELECT, and are not among it (run again once the
    // server had committed, they would write twice).
    void onlyWhatChangesNothingRunsAgain()
    {
        QVERIFY(Database::isRetryable(u"SELECT COUNT(*) FROM citizens"_s));
        QVERIFY(Database::isRetryable(u"  begin"_s));
        QVERIFY(Database::isRetryable(u"SELECT c360_keyed_hash(?)"_s));
        QVERIFY(Database::isRetryable(u"SELECT c360_staff_role(), (SELECT s.team FROM staff_accounts s)"_s));
        QVERIFY(!Database::isRetryable(u"INSERT INTO citizens DEFAULT VALUES"_s));
        QVERIFY(!Database::isRetryable(u"SELECT entry_sequence FROM c360_open_profile(?, ?, ?, ?)"_s));
        QVERIFY(!Database::isRetryable(u"SELECT citizen_id, total FROM c360_search(?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS bigint[]), ?)"_s));
        QVERIFY(!Database::isRetryable(u"SELECT * FROM C360_WORKLIST (?, ?)"_s));
        QVERIFY(!Database::isRetryable(u"SELECT c360_keyed_hash(?), c360_add_staff(?, ?, ?, ?, ?, ?)"_s));
    }

    // The server ends the session (a restart, an administrator): the next statement says the
    // connection was lost, in words, and that trying again may help.
    void aLostConnectionIsSaid()
    {
        Test::TempStore store;
        Database &db = store.open();
        const qint64 pid = Test::scalar(db, u"SELECT pg_backend_pid()"_s);
        QVERIFY(pid > 0);
        QVERIFY(Test::runOnStore(Test::TempStore::serverUri(), {u"SELECT pg_terminate_backend(%1)"_s.arg(pid)}));
        QSqlQuery query(db.connection());
        QVERIFY(!query.exec(u"SELECT COUNT(*) FROM citizens"_s));
        const StoreError error = db.error(query);
        QCOMPARE(error.code, Code::ConnectionLost);
        QVERIFY(error.isTransient());
        QVERIFY2(error.message().contains(u"lost"_s), qPrintable(error.message()));

        // The next read reconnects and answers; so does the next change, in a transaction of its
        // own; prepared statements of before work on the new session.
        const qint64 before = CitizenRepository(db).count().value_or(-1);
        QCOMPARE(before, qint64(0));
        QVERIFY(Test::runOnStore(Test::TempStore::serverUri(), {u"SELECT pg_terminate_backend(%1)"_s.arg(Test::scalar(db, u"SELECT pg_backend_pid()"_s))}));
        auto added = CitizenRepository(db).insert(Test::CitizenBuilder().build());
        QVERIFY2(added, Test::why(added).constData());
        QCOMPARE(CitizenRepository(db).count().value_or(-1), qint64(1));

        // Inside a transaction the loss is reported, never hidden: the server rolled it back.
        {
            auto transaction = Transaction::begin(db);
            QVERIFY(transaction);
            QVERIFY(Test::runOnStore(Test::TempStore::serverUri(), {u"SELECT pg_terminate_backend(%1)"_s.arg(Test::scalar(db, u"SELECT pg_backend_pid()"_s))}));
            auto lost = CitizenRepository(db).insert(Test::CitizenBuilder().withNationalNumber(77).build());
            QVERIFY(!lost);
            QVERIFY(lost.error().isTransient());
        }
        QCOMPARE(CitizenRepository(db).count().value_or(-1), qint64(1));
    }

    // Four connections (as four workstations) append to one audit log at once: one chain,
    // every entry in it, none twice.
    void concurrentAppendsKeepOneChain()
    {
        Test::TempStore store;
        store.open();
        constexpr int Writers = 4;
        constexpr int Each = 150;
        std::atomic<int> failures = 0;
        QList<QThread *> threads;
        for (int w = 0; w < Writers; ++w) {
            threads.append(QThread::create([&, w] {
                ManualClock clock(Test::TempStore::defaultStart());
                auto db = Database::open(store.path(), Database::OpenMode::ReadWrite, clock);
                if (!db) {
                    ++failures;
                    return;
                }
                AuditRepository audit(**db, key);
                for (int i = 0; i < Each; ++i) {
                    AuditEntry e;
                    e.actor = u"clerk%1"_s.arg(w);
                    e.role = Role::CounterClerk;
                    e.workstation = u"LOKET-%1"_s.arg(w);
                    e.action = AuditAction::ProfileOpened;
                    e.subjectCitizenId = i + 1;
                    e.purposeCode = u"counter_visit"_s;
                    e.outcome = AuditOutcome::Success;
                    if (!audit.append(e)) {
                        ++failures;
                    }
                }
            }));
        }
        for (QThread *t : std::as_const(threads)) {
            t->start();
        }
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        QCOMPARE(failures.load(), 0);
        AuditRepository audit(store.db(), key);
        QCOMPARE(audit.count().value_or(0), qint64(Writers * Each));
        auto verified = audit.verify();
        QVERIFY2(verified, Test::why(verified).constData());
        QVERIFY(verified->intact());
        QCOMPARE(verified->checkedThrough, qint64(Writers * Each));
        for (int w = 0; w < Writers; ++w) {
            QCOMPARE(Test::scalar(store.db(), u"SELECT COUNT(*) FROM audit_log WHERE actor = 'clerk%1'"_s.arg(w)), qint64(Each));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_serverstore.moc"
