// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// WalCheckpointer: a connection attached to it leaves its checkpoints to the checkpointer's own
// thread, which copies the WAL into the store once it holds 1,000 pages.

#include "store/database.h"
#include "store/walcheckpointer.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

    // Writes about bytes of new pages in one transaction.
    static void write(Database &db, int bytes)
    {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"CREATE TABLE IF NOT EXISTS filler (data BLOB)"_s));
        QVERIFY(q.exec(u"INSERT INTO filler (data) VALUES (randomblob(%1))"_s.arg(bytes)));
    }

private Q_SLOTS:
    void checkpointsRunOnTheirOwnThread()
    {
        Test::TempStore store;
        Database &db = store.open();
        db.checkpointInBackground();
        const std::uint64_t before = WalCheckpointer::completed();

        const qint64 storeSize = QFileInfo(store.path()).size();

        // Below the threshold: the WAL keeps its pages, nobody checkpoints.
        write(db, 200 * 1024);
        WalCheckpointer::drain();
        QCOMPARE(WalCheckpointer::completed(), before);
        QCOMPARE(QFileInfo(store.path()).size(), storeSize);

        // Past it (1,000 pages of 4 KiB): one checkpoint, run by the checkpointer, which copied
        // the pages into the store's file; the writing connection did not.
        write(db, 6 * 1024 * 1024);
        WalCheckpointer::drain();
        QCOMPARE(WalCheckpointer::completed(), before + 1);
        QVERIFY2(QFileInfo(store.path()).size() > storeSize + 6 * 1024 * 1024, qPrintable(QString::number(QFileInfo(store.path()).size())));
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM filler"_s), 2);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
