// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The RAII transaction guard: nothing is kept unless committed; nested guards are savepoints.

#include "store/database.h"
#include "store/transaction.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace C360;

namespace
{
void put(Database &db, const QString &key)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, 'v')"));
    q.addBindValue(key);
    QVERIFY(q.exec());
}

QStringList keys(Database &db)
{
    QSqlQuery q(db.connection());
    // The store's own identity (schema 6) is not the test's.
    q.exec(QStringLiteral("SELECT key FROM store_settings WHERE key <> 'store_id' ORDER BY key"));
    QStringList result;
    while (q.next()) {
        result.append(q.value(0).toString());
    }
    return result;
}
} // namespace

class TestTransaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commitKeeps()
    {
        Test::TempStore store;
        Database &db = store.open();
        {
            auto t = Transaction::begin(db);
            QVERIFY(t);
            QCOMPARE(db.transactionDepth(), 1);
            put(db, QStringLiteral("a"));
            QVERIFY(t->commit());
            QVERIFY(!t->isActive());
        }
        QCOMPARE(db.transactionDepth(), 0);
        store.close();
        QCOMPARE(keys(store.open()), QStringList{QStringLiteral("a")});
    }

    void scopeExitRollsBack()
    {
        Test::TempStore store;
        Database &db = store.open();
        {
            auto t = Transaction::begin(db);
            QVERIFY(t);
            put(db, QStringLiteral("lost"));
        }
        QCOMPARE(db.transactionDepth(), 0);
        QVERIFY(keys(db).isEmpty());
    }

    void explicitRollback()
    {
        Test::TempStore store;
        Database &db = store.open();
        auto t = Transaction::begin(db);
        QVERIFY(t);
        put(db, QStringLiteral("x"));
        t->rollback();
        QVERIFY(!t->isActive());
        QVERIFY(keys(db).isEmpty());
        QVERIFY(t->commit()); // committing an inactive guard is a no-op
        QVERIFY(keys(db).isEmpty());
    }

    void nestedGuardsAreSavepoints()
    {
        Test::TempStore store;
        Database &db = store.open();
        {
            auto outer = Transaction::begin(db);
            QVERIFY(outer);
            put(db, QStringLiteral("outer"));
            {
                auto inner = Transaction::begin(db);
                QVERIFY(inner);
                QCOMPARE(db.transactionDepth(), 2);
                put(db, QStringLiteral("inner-rolled-back"));
            }
            {
                auto inner = Transaction::begin(db);
                QVERIFY(inner);
                put(db, QStringLiteral("inner-kept"));
                QVERIFY(inner->commit());
            }
            QCOMPARE(db.transactionDepth(), 1);
            QVERIFY(outer->commit());
        }
        QCOMPARE(keys(db), (QStringList{QStringLiteral("inner-kept"), QStringLiteral("outer")}));
    }

    void innerCommitIsUndoneByOuterRollback()
    {
        Test::TempStore store;
        Database &db = store.open();
        {
            auto outer = Transaction::begin(db);
            QVERIFY(outer);
            auto inner = Transaction::begin(db);
            QVERIFY(inner);
            put(db, QStringLiteral("inner"));
            QVERIFY(inner->commit());
        }
        QVERIFY(keys(db).isEmpty());
    }

    void movedGuardOwnsTheTransaction()
    {
        Test::TempStore store;
        Database &db = store.open();
        auto t = Transaction::begin(db);
        QVERIFY(t);
        Transaction moved(std::move(*t));
        QVERIFY(!t->isActive());
        QVERIFY(moved.isActive());
        put(db, QStringLiteral("m"));
        QVERIFY(moved.commit());
        QCOMPARE(keys(db), QStringList{QStringLiteral("m")});
    }

    void failedChangeInsideIsRolledBackWhole()
    {
        Test::TempStore store;
        Database &db = store.open();
        {
            auto t = Transaction::begin(db);
            QVERIFY(t);
            put(db, QStringLiteral("first"));
            QSqlQuery q(db.connection());
            QVERIFY(!q.exec(QStringLiteral("INSERT INTO store_settings (key, value) VALUES ('first', 'duplicate')")));
            // The caller gives up on the error: the guard rolls back "first" as well.
        }
        QVERIFY(keys(db).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
