// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The schema history: every earlier version migrates to the latest, step by step, keeping data;
// a failed step leaves the store as it was; the schema's own rules (triggers, keys) hold.

#include "common/clock.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/transaction.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using Test::scalar;

namespace
{
// Every table, column, index, trigger and function of the store's schema, with its definition.
QStringList schemaObjects(Database &db)
{
    QSqlQuery q(db.connection());
    const QString sql = db.isServer()
        ? QStringLiteral(
              "SELECT 'column', table_name || '.' || column_name, data_type || ' ' || COALESCE(collation_name, '') || ' ' || is_nullable || ' ' || "
              "COALESCE(column_default, '') || ' ' || is_identity FROM information_schema.columns WHERE table_schema = current_schema() "
              "UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
              "UNION ALL SELECT 'trigger', tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
              "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace "
              "UNION ALL SELECT 'function', proname, pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
              "AND proname LIKE '%audit%' OR proname LIKE 'c360%' "
              "UNION ALL SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
              "ORDER BY 1, 2")
        : QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    if (!q.exec(sql)) {
        qWarning("%s", qPrintable(q.lastError().text()));
        return {};
    }
    QStringList objects;
    while (q.next()) {
        objects.append(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') + q.value(2).toString().simplified());
    }
    return objects;
}

bool exec(Database &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(db.connection());
    const bool ok = q.exec(sql);
    if (error) {
        *error = q.lastError().databaseText();
    }
    return ok;
}
} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsAreConsecutive()
    {
        const auto &steps = Migrations::steps();
        QVERIFY(!steps.isEmpty());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).version, int(i + 1));
            // Steps 3 and 4 remade SQLite's FTS5 indexes, which PostgreSQL's GIN indexes never
            // needed; step 7 keeps a shared store's audit key in it, which a desk's file does not;
            // step 9 makes the server's roles and policies, which a desk's file has no use for;
            // step 11 changes the server's search function; step 12 gives the server's names a
            // word index FTS5's prefixes already are.
            const int v = steps.at(i).version;
            QCOMPARE(steps.at(i).sqlite.isEmpty(), v == 7 || v == 9 || v == 11 || v == 12);
            QCOMPARE(steps.at(i).postgresql.isEmpty(), v == 3 || v == 4);
            QVERIFY(qstrlen(steps.at(i).description) > 0);
        }
        QCOMPARE(Migrations::latestVersion(), steps.constLast().version);
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Migrations::latestVersion(); ++v) {
            QTest::addRow("from schema %d", v) << v;
        }
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        Test::TempStore fresh;
        const QStringList expected = schemaObjects(fresh.open());

        Test::TempStore store;
        {
            auto db = Database::open(store.path(), Database::OpenMode::Create, store.clock(), from);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message()));
            QCOMPARE((*db)->schemaVersion(), from);
            if (from >= 1) {
                // Data written at the old version must survive the upgrade.
                QVERIFY(exec(**db,
                             QStringLiteral("INSERT INTO citizens (id, given_names, family_name, search_names, updated_at) "
                                            "VALUES (7, 'An', 'De Smet', 'an de smet desmet', '2026-01-01T00:00:00.000Z')")));
                QVERIFY(exec(**db,
                             QStringLiteral("INSERT INTO requests (id, citizen_id, question, status, created_at, expires_at) "
                                            "VALUES (3, 7, 'Parkeerkaart?', 'open', '2026-01-01T00:00:00.000Z', '2026-01-31T00:00:00.000Z')")));
            }
        }
        store.clock().advanceDays(1);
        Database &db = store.open();
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(schemaObjects(db), expected);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), qint64(Migrations::latestVersion()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT MIN(version) FROM schema_migrations")), qint64(1));
        if (from >= 1) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT id FROM citizens WHERE family_name = 'De Smet'")), qint64(7));
            // A request made before schema 8 is at its first version, changed by nobody yet.
            QCOMPARE(scalar(db, QStringLiteral("SELECT version FROM requests WHERE id = 3")), qint64(1));
            QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM requests WHERE changed_by = '' AND changed_at IS NULL")), qint64(1));
        }
        if (from >= 1 && db.isServer()) {
            // The names' words the server kept before the upgrade (in the GIN index only before
            // schema 12) are found by a word's first letters in the words' B-tree.
            QCOMPARE(CitizenRepository(db).searchNames(QStringLiteral("sme"), 10).value_or(QList<qint64>()), QList<qint64>{7});
        }
        if (from >= 1 && from < 4) {
            // The name index, rebuilt by schema 4, holds what was written before the upgrade (a
            // row written past the repository, which keeps the index since schema 3), one-letter
            // prefixes too.
            QCOMPARE(CitizenRepository(db).searchNames(QStringLiteral("smet a"), 10).value_or(QList<qint64>()), QList<qint64>{7});
        }
        // Each step is recorded when it ran.
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT version, applied_at FROM schema_migrations ORDER BY version")));
        while (q.next()) {
            QVERIFY(!q.value(1).toString().isEmpty());
        }
    }

    void failedStepLeavesStoreUnchanged()
    {
        if (Test::TempStore::onServer()) {
            // The same on a server: a database whose history says "nothing yet" but where a table
            // of step 1 is in the way.
            Test::TempStore store;
            QVERIFY(
                Test::runOnStore(store.path(),
                                 {QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT "
                                                 "NULL)"),
                                  QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY)")}));
            auto db = Database::open(store.path(), Database::OpenMode::ReadWrite, store.clock());
            QVERIFY(!db);
            QVERIFY2(db.error().detail.contains(QStringLiteral("outbox")), qPrintable(db.error().detail));
            auto reopened = Database::open(store.path(), Database::OpenMode::Create, store.clock(), 0);
            QVERIFY(reopened);
            QCOMPARE((*reopened)->schemaVersion(), 0);
            QCOMPARE(scalar(**reopened, QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'citizens'")), qint64(0));
            QCOMPARE(scalar(**reopened, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), qint64(0));
            return;
        }
        // A store whose history says "nothing yet" but where a table of step 1 is in the way.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blocked.sqlite"));
        QVERIFY(Test::writeSqliteFile(
            path,
            {QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY)")}));

        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        auto db = Database::open(path, Database::OpenMode::ReadWrite, clock);
        QVERIFY(!db);
        QVERIFY(db.error().detail.contains(QStringLiteral("outbox")));

        auto reopened = Database::open(path, Database::OpenMode::Create, clock, 0);
        QVERIFY(reopened);
        QCOMPARE((*reopened)->schemaVersion(), 0);
        QCOMPARE(scalar(**reopened, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'citizens'")), qint64(0));
        QCOMPARE(scalar(**reopened, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")), qint64(0));
    }

    void auditLogIsAppendOnly()
    {
        Test::TempStore store;
        Database &db = store.open();
        QVERIFY(exec(db,
                     QStringLiteral("INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, outcome, previous_hash, hash) "
                                    "VALUES (1, '2026-03-02T09:00:00.000Z', 'clerk1', 'counter_clerk', 'ws1', 'profile_opened', 'success', %1, %2)")
                         .arg(db.isServer() ? QStringLiteral("'\\x00'::bytea") : QStringLiteral("x'00'"),
                              db.isServer() ? QStringLiteral("'\\x01'::bytea") : QStringLiteral("x'01'"))));
        QString error;
        QVERIFY(!exec(db, QStringLiteral("UPDATE audit_log SET actor = 'someone else'"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        QVERIFY(!exec(db, QStringLiteral("DELETE FROM audit_log"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        if (db.isServer()) {
            QVERIFY(!exec(db, QStringLiteral("TRUNCATE audit_log"), &error));
            QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'clerk1'")), qint64(1));
    }

    void foreignKeysAreEnforced()
    {
        Test::TempStore store;
        Database &db = store.open();
        QString error;
        QVERIFY(!exec(
            db, QStringLiteral("INSERT INTO contact_moments (citizen_id, channel, outcome, occurred_at) VALUES (999, 'phone', 'answered', 'x')"), &error));
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive), qPrintable(error));
    }

    void linkRowsHaveExactlyOneTarget()
    {
        Test::TempStore store;
        Database &db = store.open();
        QVERIFY(exec(db, QStringLiteral("INSERT INTO citizens (id, updated_at) VALUES (1, 'x')")));
        QVERIFY(
            exec(db, QStringLiteral("INSERT INTO contact_moments (id, citizen_id, channel, outcome, occurred_at) VALUES (1, 1, 'phone', 'answered', 'x')")));
        QVERIFY(exec(db, QStringLiteral("INSERT INTO reports (id, status) VALUES (1, 'open')")));
        QString error;
        QVERIFY(!exec(db, QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id) VALUES (1)"), &error));
        QVERIFY2(error.contains(QStringLiteral("CHECK"), Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(exec(db, QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id, report_id) VALUES (1, 1)")));
    }

    // The index follows the table at each commit of a Transaction (schema 3: queued by this
    // connection, written once a transaction), in the order of the changes; a rollback leaves it
    // as it was; FTS5's own integrity check agrees throughout.
    void citizenSearchIndexFollowsTheTable()
    {
        Test::TempStore store;
        Database &db = store.open();
        // A word's prefix, as a search would look for it (through the engine's own index).
        auto matches = [&](const QString &prefix) {
            return qint64(CitizenRepository(db).searchNames(prefix, 100).value_or(QList<qint64>{-1, -1}).size());
        };
        // FTS5's own integrity check (SQLite); a GIN index is kept by the server itself.
        auto intact = [&] {
            return db.isServer() || exec(db, QStringLiteral("INSERT INTO citizen_search (citizen_search, rank) VALUES ('integrity-check', 1)"));
        };
        auto indexed = [&]() -> qint64 {
            return db.isServer() ? scalar(db, QStringLiteral("SELECT COUNT(*) FROM citizens"))
                                 : scalar(db, QStringLiteral("SELECT COUNT(*) FROM citizen_search"));
        };
        auto inTransaction = [&](const QStringList &statements) {
            auto t = Transaction::begin(db);
            if (!t) {
                return false;
            }
            for (const QString &sql : statements) {
                if (!exec(db, sql)) {
                    return false;
                }
            }
            return bool(t->commit());
        };
        QVERIFY(inTransaction({QStringLiteral("INSERT INTO citizens (id, search_names, updated_at) VALUES (1, 'elise vande velde vandevelde', 'x')")}));
        QCOMPARE(matches(QStringLiteral("vandev")), qint64(1));
        QCOMPARE(matches(QStringLiteral("el")), qint64(1));
        QVERIFY(inTransaction({QStringLiteral("UPDATE citizens SET search_names = 'elise peeters' WHERE id = 1")}));
        QCOMPARE(matches(QStringLiteral("vandev")), qint64(0));
        QCOMPARE(matches(QStringLiteral("pee")), qint64(1));
        QVERIFY(intact());
        QVERIFY(inTransaction({QStringLiteral("DELETE FROM citizens WHERE id = 1")}));
        QCOMPARE(matches(QStringLiteral("pee")), qint64(0));
        QCOMPARE(indexed(), qint64(0));

        // Added, changed twice and another removed in one transaction: in order.
        QVERIFY(inTransaction({QStringLiteral("INSERT INTO citizens (id, search_names, updated_at) VALUES (2, 'jan maes', 'x')"),
                               QStringLiteral("INSERT INTO citizens (id, search_names, updated_at) VALUES (3, 'an claes', 'x')"),
                               QStringLiteral("UPDATE citizens SET search_names = 'jan wouters' WHERE id = 2"),
                               QStringLiteral("UPDATE citizens SET search_names = 'jan goossens' WHERE id = 2"),
                               QStringLiteral("DELETE FROM citizens WHERE id = 3")}));
        QCOMPARE(matches(QStringLiteral("goos")), qint64(1));
        QCOMPARE(matches(QStringLiteral("wout")), qint64(0));
        QCOMPARE(matches(QStringLiteral("maes")), qint64(0));
        QCOMPARE(matches(QStringLiteral("claes")), qint64(0));
        QVERIFY(intact());

        // Rolled back: neither the row nor its index entry.
        {
            auto t = Transaction::begin(db);
            QVERIFY(t);
            QVERIFY(exec(db, QStringLiteral("INSERT INTO citizens (id, search_names, updated_at) VALUES (4, 'lotte dubois', 'x')")));
            t->rollback();
        }
        QVERIFY(inTransaction({QStringLiteral("UPDATE citizens SET updated_at = 'y' WHERE id = 2")}));
        QCOMPARE(matches(QStringLiteral("dubois")), qint64(0));
        QCOMPARE(indexed(), qint64(1));
        QVERIFY(intact());
        // The store keeps no trigger into the index of its own (another program writing the
        // table without this queue would not be indexed: only the repositories write it).
        if (!db.isServer()) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'")), qint64(0));
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
