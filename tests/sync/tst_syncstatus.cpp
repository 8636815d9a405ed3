// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync panel's rows as the store keeps them between sessions: which resource last succeeded,
// which failed since, and the sentence for its problem.

#include "store/syncstaterepository.h"
#include "sync/syncstatus.h"
#include "tempstore.h"

#include <QTest>

using namespace C360;

class TestSyncStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFromTheStoredState()
    {
        Test::TempStore store;
        Database &db = store.open();
        const QDateTime morning(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC);
        SyncStateRepository states(db);

        SyncState ok;
        ok.source = QStringLiteral("open311");
        ok.resource = QStringLiteral("requests");
        ok.lastSuccess = morning;
        SyncProblem old;
        old.kind = SyncProblem::Kind::Malformed;
        ok.lastError = old.toRecord();
        ok.lastErrorAt = morning.addSecs(-3600); // failed before the last success: history
        QVERIFY(states.saveState(ok));

        SyncState failing;
        failing.source = QStringLiteral("openklant");
        failing.resource = QStringLiteral("partijen");
        failing.lastSuccess = morning;
        SyncProblem down;
        down.kind = SyncProblem::Kind::Network;
        down.network.kind = RestError::Kind::Connection;
        failing.lastError = down.toRecord();
        failing.lastErrorAt = morning.addSecs(600);
        QVERIFY(states.saveState(failing));

        SyncState never;
        never.source = QStringLiteral("ipdc");
        never.resource = QStringLiteral("ldes");
        QVERIFY(states.saveState(never));

        // Through, with deletions withheld: kept as it finished, for an administrator to decide.
        SyncState suspect;
        suspect.source = QStringLiteral("openklant");
        suspect.resource = QStringLiteral("klantcontacten");
        suspect.lastSuccess = morning;
        suspect.lastError = SyncProblem::suspect(SyncProblem::Reason::Shrink, 1000, 400, QStringLiteral("400 of 1000")).toRecord();
        suspect.lastErrorAt = morning;
        QVERIFY(states.saveState(suspect));

        const auto rows = SyncStatus::load(db);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 4);
        for (const SyncStatusRow &r : *rows) {
            if (r.resource == QLatin1String("klantcontacten")) {
                QCOMPARE(r.state, SyncStatusRow::State::Attention);
                QVERIFY(r.confirmable);
                QCOMPARE(r.lastSuccess, morning);
                QVERIFY2(r.message.contains(QLatin1String("400 of the 1,000 records")), qPrintable(r.message));
            } else {
                QVERIFY(!r.confirmable);
            }
        }
        auto find = [&](const QString &source) {
            for (const SyncStatusRow &r : *rows) {
                if (r.source == source && r.resource != QLatin1String("klantcontacten")) {
                    return r;
                }
            }
            return SyncStatusRow();
        };
        const SyncStatusRow reports = find(QStringLiteral("open311"));
        QCOMPARE(reports.state, SyncStatusRow::State::Succeeded);
        QCOMPARE(reports.lastSuccess, morning);
        QVERIFY(reports.message.isEmpty());
        QCOMPARE(reports.sourceName, QStringLiteral("the reports server"));

        const SyncStatusRow parties = find(QStringLiteral("openklant"));
        QCOMPARE(parties.state, SyncStatusRow::State::Failed);
        QVERIFY2(parties.message.startsWith(QLatin1String("Cannot reach the customer contact server.")), qPrintable(parties.message));

        QCOMPARE(find(QStringLiteral("ipdc")).state, SyncStatusRow::State::Idle);
    }

    void rowAfterARun()
    {
        const QDateTime now(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
        ResourceStats stats;
        stats.inserted = 5;
        stats.pages = 2;
        const SyncStatusRow ok = SyncStatus::finished(QStringLiteral("ipdc"), QStringLiteral("ldes"), stats, {}, now);
        QCOMPARE(ok.state, SyncStatusRow::State::Succeeded);
        QCOMPARE(ok.lastSuccess, now);
        QCOMPARE(ok.inserted, 5);
        QCOMPARE(ok.message, QStringLiteral("From the product catalogue: 5 new, 0 changed, 0 removed, 0 skipped."));

        SyncProblem p;
        p.kind = SyncProblem::Kind::Authentication;
        const SyncStatusRow failed = SyncStatus::finished(QStringLiteral("ipdc"), QStringLiteral("ldes"), {}, p, now);
        QCOMPARE(failed.state, SyncStatusRow::State::Failed);
        QVERIFY(!failed.lastSuccess.isValid());
        QVERIFY(failed.message.contains(QLatin1String("credentials")));

        // Incomplete: through, nothing deleted, nothing an administrator's word could change.
        const SyncStatusRow doubted = SyncStatus::finished(
            QStringLiteral("openklant"), QStringLiteral("partijen"), stats, SyncProblem::suspect(SyncProblem::Reason::Incomplete, 500, 0, {}), now);
        QCOMPARE(doubted.state, SyncStatusRow::State::Attention);
        QCOMPARE(doubted.lastSuccess, now);
        QVERIFY(!doubted.confirmable);
        QVERIFY2(doubted.message.startsWith(QLatin1String("From the customer contact server: 5 new")), qPrintable(doubted.message));
        QVERIFY2(doubted.message.contains(QLatin1String("announced 500 records but sent 0")), qPrintable(doubted.message));
    }
};

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
