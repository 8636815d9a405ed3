// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// One use of a cached prepared statement: binding rules, errors, and releasing the read lock.

#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace C360;

class TestStatement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nullTextIsEmptyTextAndInvalidIsNull()
    {
        Test::TempStore store;
        Database &db = store.open();
        {
            Statement insert(db, QStringLiteral("INSERT INTO sync_state (source, resource, cursor, last_success_at) VALUES (?, ?, ?, ?)"));
            QVERIFY(insert.exec({QStringLiteral("open311"), QStringLiteral("requests"), QString(), Sql::null()}));
            QCOMPARE(insert.numRowsAffected(), 1);
        }
        Statement read(db, QStringLiteral("SELECT cursor IS NULL, cursor, last_success_at IS NULL FROM sync_state"));
        QVERIFY(read.exec({}));
        QVERIFY(read.next());
        QCOMPARE(read.value(0).toInt(), 0);
        QCOMPARE(read.value(1).toString(), QString());
        QCOMPARE(read.value(2).toInt(), 1);
        QVERIFY(!read.next());
    }

    void nullBytesAreAnEmptyBlob()
    {
        Test::TempStore store;
        Database &db = store.open();
        Statement insert(db,
                         QStringLiteral("INSERT INTO sync_records (source, resource, source_id, content_hash, last_seen_at) VALUES ('s', 'r', 'id', ?, 'x')"));
        QVERIFY(insert.exec({QByteArray()})); // content_hash is NOT NULL
        Statement read(db, QStringLiteral("SELECT length(content_hash) FROM sync_records"));
        QVERIFY(read.exec({}));
        QVERIFY(read.next());
        QCOMPARE(read.value(0).toInt(), 0);
    }

    void returningAndRebinding()
    {
        Test::TempStore store;
        Database &db = store.open();
        Statement insert(db,
                         QStringLiteral("INSERT INTO outbox (idempotency_key, source, resource, operation, entity_kind, entity_id, payload, state, "
                                        "created_at) VALUES (?, 's', 'r', 'create', 'contact', 1, ?, 'pending', '2026-01-01') RETURNING id"));
        QVERIFY(insert.exec({QStringLiteral("a"), QByteArray("{}")}));
        QVERIFY(insert.next());
        const qint64 first = insert.value(0).toLongLong();
        QVERIFY(first > 0);
        QVERIFY(insert.exec({QStringLiteral("b"), QByteArray("{}")}));
        QVERIFY(insert.next());
        QCOMPARE(insert.value(0).toLongLong(), first + 1);
        insert.finish();
        auto duplicate = insert.exec({QStringLiteral("a"), QByteArray("{}")});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, StoreError::Code::Constraint);
    }

    void aBrokenStatementReportsOnExec()
    {
        Test::TempStore store;
        Database &db = store.open();
        Statement broken(db, QStringLiteral("SELECT * FROM no_such_table"));
        auto r = broken.exec({});
        QVERIFY(!r);
        QCOMPARE(r.error().code, StoreError::Code::Query);
        QVERIFY(r.error().detail.contains(QStringLiteral("no_such_table")));
        QVERIFY(!broken.next());
    }

    // A statement left mid-read would hold a read transaction open: the guard's end releases it,
    // so a following COMMIT (and a WAL checkpoint) is not blocked.
    void scopeEndReleasesTheReadLock()
    {
        if (Test::TempStore::onServer()) {
            QSKIP("SQLite's WAL: a statement left running keeps the checkpoint from truncating the log. A server has no such lock.");
        }
        Test::TempStore store;
        Database &db = store.open();
        {
            Statement insert(db, QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, 'v')"));
            for (const QString &key : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
                QVERIFY(insert.exec({key}));
            }
        }
        {
            Statement read(db, QStringLiteral("SELECT key FROM store_settings ORDER BY key"));
            QVERIFY(read.exec({}));
            QVERIFY(read.next()); // stop after the first of three rows
        }
        QSqlQuery checkpoint(db.connection());
        QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(checkpoint.next());
        QCOMPARE(checkpoint.value(0).toInt(), 0); // 0 = not blocked by a reader
    }
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
