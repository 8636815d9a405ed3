// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What staff read about synchronisation: one actionable sentence per kind of problem, naming the
// back end as they know it, the same after the problem was stored and read back.

#include "sync/syncmessages.h"

#include <QSet>
#include <QTest>

using namespace C360;

namespace
{
SyncProblem network(RestError::Kind kind, int status = 0, int attempts = 1, int retryAfterMs = 0)
{
    SyncProblem p;
    p.kind = SyncProblem::Kind::Network;
    p.network.kind = kind;
    p.network.httpStatus = status;
    p.network.attempts = attempts;
    p.network.retryAfterMs = retryAfterMs;
    p.detail = QStringLiteral("transport detail");
    return p;
}

SyncProblem ofKind(SyncProblem::Kind kind, const QString &detail = {})
{
    SyncProblem p;
    p.kind = kind;
    p.detail = detail;
    return p;
}
} // namespace

class TestSyncMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sourcesHaveNamesStaffKnow()
    {
        QCOMPARE(SyncMessages::sourceName(QStringLiteral("open311")), QStringLiteral("the reports server"));
        QCOMPARE(SyncMessages::sourceName(QStringLiteral("openklant")), QStringLiteral("the customer contact server"));
        QCOMPARE(SyncMessages::sourceName(QStringLiteral("ipdc")), QStringLiteral("the product catalogue"));
        QCOMPARE(SyncMessages::sourceName(QStringLiteral("verwerkingenlogging")), QStringLiteral("the central processing log"));
        QCOMPARE(SyncMessages::sourceName(QStringLiteral("gent-meldingen")), QStringLiteral("the server “gent-meldingen”"));
    }

    void everyProblemHasItsOwnSentence_data()
    {
        QTest::addColumn<SyncProblem>("problem");
        QTest::addColumn<QString>("mustSay");
        QTest::newRow("timeout") << network(RestError::Kind::Timeout, 0, 3) << QStringLiteral("No answer from the reports server in time (3 attempts)");
        QTest::newRow("timeout once") << network(RestError::Kind::Timeout, 0, 1) << QStringLiteral("(1 attempt)");
        QTest::newRow("connection") << network(RestError::Kind::Connection) << QStringLiteral("Cannot reach the reports server");
        QTest::newRow("throttled") << network(RestError::Kind::Throttled, 429, 3, 30000) << QStringLiteral("asked to wait 30 seconds");
        QTest::newRow("throttled, no delay") << network(RestError::Kind::Throttled, 429, 3) << QStringLiteral("asked to wait. ");
        QTest::newRow("too large") << network(RestError::Kind::TooLarge) << QStringLiteral("far larger than expected");
        QTest::newRow("server error") << network(RestError::Kind::Http, 503) << QStringLiteral("(server error 503)");
        QTest::newRow("refused") << network(RestError::Kind::Http, 404) << QStringLiteral("refused by the reports server (error 404)");
        QTest::newRow("aborted") << network(RestError::Kind::Aborted) << QStringLiteral("was stopped");
        QTest::newRow("authentication") << ofKind(SyncProblem::Kind::Authentication) << QStringLiteral("credentials of this workstation were refused");
        QTest::newRow("configuration") << ofKind(SyncProblem::Kind::Configuration) << QStringLiteral("not set up completely");
        QTest::newRow("malformed") << ofKind(SyncProblem::Kind::Malformed)
                                   << QStringLiteral("could not be read, and was not saved. Nothing of this run was saved.");
        SyncProblem afterPages = ofKind(SyncProblem::Kind::Malformed);
        afterPages.applied.pages = 3;
        afterPages.applied.inserted = 250;
        afterPages.applied.updated = 7;
        QTest::newRow("malformed after pages") << afterPages << QStringLiteral("The 3 pages before it were saved (250 new, 7 changed, 0 removed)");
        QTest::newRow("store") << ofKind(SyncProblem::Kind::Store, QStringLiteral("The database is busy."))
                               << QStringLiteral("could not be saved: The database is busy. Nothing of this run was saved.");
        SyncProblem full = ofKind(SyncProblem::Kind::Store, QStringLiteral("Cannot write: the disk is full; nothing was changed."));
        full.diskFull = true;
        full.applied.pages = 1;
        full.applied.inserted = 64;
        QTest::newRow("disk full after a page")
            << full << QStringLiteral("The disk of the store is full: a page from the reports server could not be saved. The page before it was saved (64 new");
        SyncProblem noSecret = ofKind(SyncProblem::Kind::Configuration);
        noSecret.secret = QStringLiteral("meldingen-gent");
        QTest::newRow("no secret")
            << noSecret
            << QStringLiteral("“meldingen-gent” of the service “citizen360” (for citizen360-admin, the environment variable C360_SECRET_MELDINGEN_GENT");
        using R = SyncProblem::Reason;
        QTest::newRow("suspect: incomplete") << SyncProblem::suspect(R::Incomplete, 500, 0, {})
                                             << QStringLiteral("because it announced 500 records but sent 0");
        QTest::newRow("suspect: count changed") << SyncProblem::suspect(R::CountChanged, 500, 498, {}) << QStringLiteral("changed from 500 to 498");
        QTest::newRow("suspect: unidentified") << SyncProblem::suspect(R::Unidentified, 500, 2, {}) << QStringLiteral("2 records had no readable identifier");
        QTest::newRow("suspect: shrink") << SyncProblem::suspect(R::Shrink, 500, 450, {}) << QStringLiteral("450 of the 500 records held here");
        QTest::newRow("suspect: page bound") << SyncProblem::suspect(R::PageBound, 500, 16, {}) << QStringLiteral("next page after 16 pages");
        QTest::newRow("suspect: untrusted") << SyncProblem::suspect(R::Untrusted, 99999999999LL, 0, {})
                                            << QStringLiteral("99,999,999,999 records, which cannot be right");
        QTest::newRow("suspect: repeated") << SyncProblem::suspect(R::Repeated, -1, 12, {})
                                           << QStringLiteral("the same records again and again after 12 pages");
        QTest::newRow("cancelled") << ofKind(SyncProblem::Kind::Cancelled) << QStringLiteral("continues where it left off");
    }

    void everyProblemHasItsOwnSentence()
    {
        QFETCH(SyncProblem, problem);
        QFETCH(QString, mustSay);
        const QString sentence = SyncMessages::problem(QStringLiteral("open311"), problem);
        QVERIFY2(sentence.contains(mustSay), qPrintable(sentence));
        QVERIFY2(sentence.contains(QLatin1String("the reports server")), qPrintable(sentence));
        // The English transport detail is for the log, never for staff.
        QVERIFY(!sentence.contains(QLatin1String("transport detail")));
        // Stored in sync_state and read back (another day, another process): the same sentence.
        QCOMPARE(SyncMessages::storedProblem(QStringLiteral("open311"), problem.toRecord()), sentence);
    }

    void noProblemNoSentence()
    {
        QVERIFY(SyncMessages::problem(QStringLiteral("open311"), SyncProblem()).isEmpty());
        QVERIFY(SyncMessages::storedProblem(QStringLiteral("open311"), QString()).isEmpty());
        QVERIFY(SyncProblem().toRecord().isEmpty());
    }

    void recordsSurviveGarbage_data()
    {
        QTest::addColumn<QString>("record");
        QTest::newRow("not json") << QStringLiteral("{{{");
        QTest::newRow("unknown kind") << QStringLiteral("{\"kind\":\"quantum\"}");
        QTest::newRow("network kind out of range") << QStringLiteral("{\"kind\":\"network\",\"network\":9999}");
        QTest::newRow("negative") << QStringLiteral("{\"kind\":\"network\",\"network\":-4,\"attempts\":-1}");
        QTest::newRow("unknown reason") << QStringLiteral("{\"kind\":\"suspect\",\"reason\":\"gremlins\"}");
        QTest::newRow("applied not an object") << QStringLiteral("{\"kind\":\"malformed\",\"applied\":7}");
    }

    void recordsSurviveGarbage()
    {
        // A damaged or future record still says that something failed, never nothing.
        QFETCH(QString, record);
        const QString sentence = SyncMessages::storedProblem(QStringLiteral("ipdc"), record);
        QVERIFY2(sentence.contains(QLatin1String("the product catalogue")), qPrintable(sentence));
    }

    void summaries()
    {
        QCOMPARE(SyncMessages::summary(QStringLiteral("ipdc"), QStringLiteral("ldes"), {}), QStringLiteral("Up to date with the product catalogue."));
        ResourceStats s;
        s.inserted = 120;
        s.updated = 4;
        s.deleted = 2;
        s.skipped = 1;
        QCOMPARE(SyncMessages::summary(QStringLiteral("open311"), QStringLiteral("requests"), s),
                 QStringLiteral("From the reports server: 120 new, 4 changed, 2 removed, 1 skipped."));
        ResourceStats skippedOnly;
        skippedOnly.skipped = 3;
        QVERIFY(SyncMessages::summary(QStringLiteral("open311"), QStringLiteral("requests"), skippedOnly).contains(QLatin1String("3 skipped")));
        // Left out by rule: counted, never "up to date" with nothing said.
        ResourceStats dropped;
        dropped.dropped = 20;
        const QString rule = SyncMessages::summary(QStringLiteral("openklant"), QStringLiteral("internetaken"), dropped);
        QVERIFY2(rule.contains(QLatin1String("20 records were not kept by rule (past the retention period")), qPrintable(rule));
    }

    void outbox()
    {
        QVERIFY(SyncMessages::outboxSummary({}).isEmpty());
        QVERIFY(SyncMessages::outboxSummary({{OutboxState::Done, 40}}).isEmpty());
        QCOMPARE(SyncMessages::outboxSummary({{OutboxState::Pending, 1}}),
                 QStringLiteral("1 change made here waits to be sent; it goes out when the server answers."));
        const QString both = SyncMessages::outboxSummary({{OutboxState::Pending, 2}, {OutboxState::Failed, 1}, {OutboxState::Rejected, 2}});
        QVERIFY2(both.startsWith(QLatin1String("3 changes made here wait to be sent")), qPrintable(both));
        QVERIFY2(both.contains(QLatin1String("2 changes were refused by a server and are kept here for correction.")), qPrintable(both));

        OutboxEntry refused;
        refused.entityKind = ItemKind::ContactMoment;
        refused.created = QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC);
        refused.lastError = QStringLiteral("HTTP 400: kanaal is verplicht");
        const QString line = SyncMessages::refusedChange(refused);
        QVERIFY2(line.startsWith(QLatin1String("A contact moment (")), qPrintable(line));
        QVERIFY2(line.endsWith(QLatin1String("), refused by the server: HTTP 400: kanaal is verplicht")), qPrintable(line));
        refused.resource = QStringLiteral("verwerkingsacties");
        QVERIFY(SyncMessages::refusedChange(refused).startsWith(QLatin1String("An audit entry")));
    }

    void sentencesAreDistinct()
    {
        QSet<QString> seen;
        const SyncProblem problems[] = {network(RestError::Kind::Timeout),
                                        network(RestError::Kind::Connection),
                                        network(RestError::Kind::Throttled),
                                        network(RestError::Kind::TooLarge),
                                        network(RestError::Kind::Http, 500),
                                        network(RestError::Kind::Http, 400),
                                        ofKind(SyncProblem::Kind::Authentication),
                                        ofKind(SyncProblem::Kind::Configuration),
                                        ofKind(SyncProblem::Kind::Malformed),
                                        ofKind(SyncProblem::Kind::Store)};
        for (const SyncProblem &p : problems) {
            seen.insert(SyncMessages::problem(QStringLiteral("openklant"), p));
        }
        QCOMPARE(seen.size(), qsizetype(std::size(problems)));
    }
};

QTEST_GUILESS_MAIN(TestSyncMessages)
#include "tst_syncmessages.moc"
