// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "audit/auditrepository.h"
#include "citizenbuilder.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storestatistics.h"
#include "tempstore.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace C360;

class TestStoreStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStore()
    {
        Test::TempStore store;
        auto stats = StoreStatistics::collect(store.open());
        QVERIFY(stats);
        QCOMPARE(stats->schemaVersion, Migrations::latestVersion());
        QCOMPARE(stats->citizens + stats->reports + stats->contactMoments + stats->requests + stats->cases + stats->catalogueEntries + stats->auditEntries,
                 qint64(0));
    }

    void countsWhatIsThere()
    {
        Test::TempStore store;
        Database &db = store.open();
        CitizenRepository citizens(db);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(citizens.insert(Test::CitizenBuilder().build()));
        }
        AuditRepository audit(db, QByteArrayLiteral("k"));
        AuditEntry e;
        e.actor = QStringLiteral("admin");
        QVERIFY(audit.append(e));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO reports (status) VALUES ('open'), ('closed')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO contact_moments (channel, outcome, occurred_at) VALUES ('phone', 'answered', 'x')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO requests (status, created_at, expires_at) VALUES ('open', 'x', 'y')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO catalogue_entries (product_id) VALUES ('p1'), ('p2'), ('p3'), ('p4')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO cases (source_system, source_id) VALUES ('zaken', 'a'), ('zaken', 'b')")));

        auto stats = StoreStatistics::collect(db);
        QVERIFY(stats);
        QCOMPARE(stats->citizens, qint64(3));
        QCOMPARE(stats->reports, qint64(2));
        QCOMPARE(stats->contactMoments, qint64(1));
        QCOMPARE(stats->requests, qint64(1));
        QCOMPARE(stats->catalogueEntries, qint64(4));
        QCOMPARE(stats->auditEntries, qint64(1));
        QCOMPARE(stats->cases, qint64(2));

        const QJsonObject json = stats->toJson();
        QStringList keys = json.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("audit_entries"),
                              QStringLiteral("cases"),
                              QStringLiteral("catalogue_entries"),
                              QStringLiteral("citizens"),
                              QStringLiteral("contact_moments"),
                              QStringLiteral("reports"),
                              QStringLiteral("requests"),
                              QStringLiteral("schema_version")}));
        QCOMPARE(json.value(QStringLiteral("citizens")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("catalogue_entries")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), Migrations::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestStoreStatistics)
#include "tst_storestatistics.moc"
