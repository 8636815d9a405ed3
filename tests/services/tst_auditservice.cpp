// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The audit key file (made once, mode 0600, read back the same; a damaged or unreadable one is a
// clear error and is left as it was) and the keyed hash that stands in for searched identifiers.

#include "auditservice.h"
#include "tempstore.h"

#include <QFile>
#include <QTest>

using namespace c360;
using namespace Qt::StringLiterals;

class TestAuditService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyIsMadeOnceAndPrivate()
    {
        test::TempStore store;
        const QString path = AuditKey::pathFor(store.path());
        QCOMPARE(path, store.path() + u".auditkey"_s);
        const auto made = AuditKey::loadOrCreate(path);
        QVERIFY(made);
        QCOMPARE(made->size(), 32);
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        const auto again = AuditKey::loadOrCreate(path);
        QVERIFY(again);
        QCOMPARE(*again, *made);
        const auto other = AuditKey::loadOrCreate(store.dir() + u"/other.auditkey"_s);
        QVERIFY(other && *other != *made);
    }

    void aDamagedKeyIsRefusedAndKept()
    {
        test::TempStore store;
        const QString path = AuditKey::pathFor(store.path());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a key\n");
        }
        const auto key = AuditKey::loadOrCreate(path);
        QVERIFY(!key);
        QVERIFY2(key.error().contains(path), qPrintable(key.error()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArrayLiteral("not a key\n"));
    }

    void aKeyThatCannotBeWrittenIsAClearError()
    {
        test::TempStore store;
        const QString path = store.dir() + u"/missing-folder/store.sqlite.auditkey"_s;
        const auto key = AuditKey::loadOrCreate(path);
        QVERIFY(!key);
        QVERIFY2(key.error().contains(path), qPrintable(key.error()));
    }

    // The same text gives the same hash under one key, another under another key; never the text.
    void keyedHashes()
    {
        test::TempStore store;
        Database &db = store.open();
        AuditService a(db, QByteArray(32, 'a'));
        AuditService b(db, QByteArray(32, 'b'));
        const QString number = u"85073003361"_s;
        QCOMPARE(a.keyedHash(number), a.keyedHash(number));
        QCOMPARE(a.keyedHash(number).size(), 32);
        QVERIFY(a.keyedHash(number) != b.keyedHash(number));
        QVERIFY(a.keyedHash(number) != a.keyedHash(u"85073003362"_s));
        QVERIFY(!a.keyedHash(number).contains(number));
    }
};

QTEST_GUILESS_MAIN(TestAuditService)
#include "tst_auditservice.moc"
