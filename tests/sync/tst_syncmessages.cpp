// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What staff read about synchronisation: one actionable sentence per kind of problem, naming the
// back end as they know it, the same after the problem was stored and read back.

#include "syncmessages.h"

#include <QSet>
#include <QTest>

using namespace c360;

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
        QTest::newRow("malformed") << ofKind(SyncProblem::Kind::Malformed) << QStringLiteral("could not be read. Nothing was changed");
        QTest::newRow("store") << ofKind(SyncProblem::Kind::Store, QStringLiteral("The disk is full."))
                               << QStringLiteral("could not be saved: The disk is full.");
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
