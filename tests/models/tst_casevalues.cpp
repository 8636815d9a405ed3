// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The small rules of requests, reports and catalogue texts: when a request expires, how many days
// it has left and whether it is open, when a report is linked to a citizen or open, and which
// language a catalogue text falls back to.

#include "catalogueentry.h"
#include "common.h"
#include "report.h"
#include "request.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

namespace
{
QDateTime utc(int y, int m, int d, int h = 12, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

using Texts = QMap<QString, QString>; // language → text
} // namespace

class TestCaseValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestExpiry_data()
    {
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<QDateTime>("expires");

        QTest::newRow("within a month") << utc(2026, 4, 1, 9, 30) << utc(2026, 5, 1, 9, 30);
        QTest::newRow("over February") << utc(2026, 1, 31) << utc(2026, 3, 2);
        QTest::newRow("over February, leap year") << utc(2028, 1, 31) << utc(2028, 3, 1);
        QTest::newRow("over the year end") << utc(2026, 12, 15, 23, 59) << utc(2027, 1, 14, 23, 59);
        QTest::newRow("over the spring clock change in Belgium") << utc(2026, 3, 20, 0, 30) << utc(2026, 4, 19, 0, 30);
    }

    void requestExpiry()
    {
        QFETCH(QDateTime, created);
        QFETCH(QDateTime, expires);

        QCOMPARE(Request::DefaultRetentionDays, 30);
        QCOMPARE(Request::expiryFor(created), expires);
        QCOMPARE(Request::expiryFor(created, 30), expires);
        QCOMPARE(Request::expiryFor(created, 7), created.addSecs(7 * 24 * 3600));
    }

    void requestIsExpired_data()
    {
        QTest::addColumn<QDateTime>("expires");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("expired");

        const QDateTime expires = utc(2026, 5, 1, 9, 30);
        QTest::newRow("a day before") << expires << utc(2026, 4, 30, 9, 30) << false;
        QTest::newRow("a second before") << expires << expires.addSecs(-1) << false;
        QTest::newRow("at the moment") << expires << expires << true;
        QTest::newRow("a second after") << expires << expires.addSecs(1) << true;
        QTest::newRow("a year after") << expires << utc(2027, 5, 1) << true;
        QTest::newRow("no expiry") << QDateTime() << utc(2030, 1, 1) << false;
    }

    void requestIsExpired()
    {
        QFETCH(QDateTime, expires);
        QFETCH(QDateTime, now);
        QFETCH(bool, expired);

        Request request;
        request.created = utc(2026, 4, 1);
        request.expires = expires;
        QCOMPARE(request.isExpired(now), expired);
    }

    void requestDaysLeft_data()
    {
        QTest::addColumn<QDateTime>("deadline");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<qint64>("daysLeft");

        QTest::newRow("same day") << utc(2026, 5, 10, 17) << utc(2026, 5, 10, 9) << qint64(0);
        QTest::newRow("tomorrow") << utc(2026, 5, 11, 17) << utc(2026, 5, 10, 9) << qint64(1);
        // Calendar days: late in the evening, a deadline early tomorrow is one day away.
        QTest::newRow("tomorrow, by calendar day") << utc(2026, 5, 11, 1) << utc(2026, 5, 10, 23) << qint64(1);
        QTest::newRow("in three days") << utc(2026, 5, 13, 17) << utc(2026, 5, 10, 9) << qint64(3);
        QTest::newRow("over the month end") << utc(2026, 6, 2) << utc(2026, 5, 30) << qint64(3);
        QTest::newRow("overdue by a day") << utc(2026, 5, 9, 17) << utc(2026, 5, 10, 9) << qint64(-1);
        QTest::newRow("overdue by a week") << utc(2026, 5, 3) << utc(2026, 5, 10) << qint64(-7);
        QTest::newRow("no deadline") << QDateTime() << utc(2026, 5, 10) << qint64(0);
    }

    // Deleted before its deadline, or without one: the deletion is what is due.
    void requestDueIsTheEarlierOfDeadlineAndDeletion()
    {
        Request request;
        const QDateTime now = utc(2026, 5, 10, 9);
        request.expires = utc(2026, 5, 15, 9);
        QCOMPARE(request.due(), request.expires);
        QCOMPARE(request.daysLeft(now), qint64(5));
        request.deadline = utc(2026, 5, 24, 17);
        QCOMPARE(request.due(), request.expires);
        request.deadline = utc(2026, 5, 12, 17);
        QCOMPARE(request.due(), request.deadline);
        QCOMPARE(request.daysLeft(now), qint64(2));
    }

    void requestDaysLeft()
    {
        QFETCH(QDateTime, deadline);
        QFETCH(QDateTime, now);
        QFETCH(qint64, daysLeft);

        Request request;
        request.deadline = deadline;
        QCOMPARE(request.daysLeft(now), daysLeft);
    }

    void requestIsOpen()
    {
        Request request;
        QVERIFY(request.isOpen());
        request.status = RequestStatus::Answered;
        QVERIFY(!request.isOpen());
        request.status = RequestStatus::Closed;
        QVERIFY(!request.isOpen());
    }

    void localizedText_data()
    {
        QTest::addColumn<Texts>("texts");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("acceptable");

        const QString nl = u"Identiteitskaart aanvragen"_s;
        const QString formal = u"Uw identiteitskaart aanvragen"_s;
        const QString informal = u"Je identiteitskaart aanvragen"_s;
        const QString fr = u"Demander une carte d'identité"_s;
        const QString de = u"Personalausweis beantragen"_s;
        const QString en = u"Apply for an identity card"_s;

        QTest::newRow("exact") << Texts{{u"nl"_s, nl}, {u"fr"_s, fr}} << u"fr"_s << QStringList{fr};
        QTest::newRow("exact variant") << Texts{{u"nl"_s, nl}, {u"nl-BE-x-informal"_s, informal}} << u"nl-BE-x-informal"_s << QStringList{informal};
        QTest::newRow("exact before base") << Texts{{u"nl"_s, nl}, {u"nl-BE-x-formal"_s, formal}} << u"nl-BE-x-formal"_s << QStringList{formal};
        QTest::newRow("base language of a region") << Texts{{u"nl"_s, nl}, {u"fr"_s, fr}} << u"fr-BE"_s << QStringList{fr};
        QTest::newRow("base language, POSIX form") << Texts{{u"nl"_s, nl}, {u"de"_s, de}} << u"de_BE"_s << QStringList{de};
        QTest::newRow("base language of a variant") << Texts{{u"nl"_s, nl}, {u"nl-BE-x-formal"_s, formal}} << u"nl-BE-x-informal"_s << QStringList{nl};
        QTest::newRow("base before Dutch") << Texts{{u"nl"_s, nl}, {u"en"_s, en}} << u"en-GB"_s << QStringList{en};
        QTest::newRow("Dutch") << Texts{{u"nl"_s, nl}, {u"fr"_s, fr}} << u"de"_s << QStringList{nl};
        QTest::newRow("Dutch before its formal variant") << Texts{{u"nl-BE-x-formal"_s, formal}, {u"nl"_s, nl}} << u"en"_s << QStringList{nl};
        QTest::newRow("formal Dutch") << Texts{{u"nl-BE-x-formal"_s, formal}, {u"fr"_s, fr}} << u"de"_s << QStringList{formal};
        QTest::newRow("formal before informal") << Texts{{u"nl-BE-x-informal"_s, informal}, {u"nl-BE-x-formal"_s, formal}} << u"en"_s << QStringList{formal};
        QTest::newRow("informal Dutch before another language") << Texts{{u"nl-BE-x-informal"_s, informal}, {u"de"_s, de}} << u"en"_s << QStringList{informal};
        QTest::newRow("any") << Texts{{u"fr"_s, fr}, {u"en"_s, en}} << u"de"_s << QStringList{fr, en};
        QTest::newRow("no language asked") << Texts{{u"fr"_s, fr}, {u"nl"_s, nl}} << QString() << QStringList{nl};
        QTest::newRow("no text at all") << Texts() << u"nl"_s << QStringList{QString()};
    }

    void localizedText()
    {
        QFETCH(Texts, texts);
        QFETCH(QString, language);
        QFETCH(QStringList, acceptable);

        LocalizedText text;
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            text.set(it.key(), it.value());
        }
        const QString result = text.text(language);
        QVERIFY2(acceptable.contains(result), qPrintable(result));
        QCOMPARE(text.isEmpty(), texts.isEmpty());
        QCOMPARE(text.languages().size(), texts.size());
    }

    void localizedTextSetEmptyRemoves()
    {
        LocalizedText text{{u"nl"_s, u"Afval"_s}, {u"fr"_s, u"Déchets"_s}};
        QCOMPARE(text.exact(u"fr"_s), u"Déchets"_s);
        text.set(u"fr"_s, QString());
        QCOMPARE(text.languages(), QStringList{u"nl"_s});
        QCOMPARE(text.exact(u"fr"_s), QString());
        QCOMPARE(text.text(u"fr"_s), u"Afval"_s);
        // An empty text given at construction is not stored either.
        const LocalizedText withEmpty{{u"nl"_s, u"Afval"_s}, {u"de"_s, QString()}};
        QCOMPARE(withEmpty.languages(), QStringList{u"nl"_s});
        QVERIFY(withEmpty == (LocalizedText{{u"nl"_s, u"Afval"_s}}));
    }

    void reportIsLinked_data()
    {
        QTest::addColumn<qint64>("citizenId");
        QTest::addColumn<bool>("withCandidates");
        QTest::addColumn<bool>("linked");

        QTest::newRow("no reporter") << qint64(0) << false << false;
        QTest::newRow("possible reporters only") << qint64(0) << true << false;
        QTest::newRow("certain reporter") << qint64(42) << false << true;
        QTest::newRow("certain reporter and old candidates") << qint64(42) << true << true;
    }

    void reportIsLinked()
    {
        QFETCH(qint64, citizenId);
        QFETCH(bool, withCandidates);
        QFETCH(bool, linked);

        Report report;
        report.citizenId = citizenId;
        if (withCandidates) {
            report.candidates = {ReportCandidate{7, MatchBasis::Email, CandidateState::Possible},
                                 ReportCandidate{8, MatchBasis::Phone, CandidateState::Rejected}};
        }
        QCOMPARE(report.isLinked(), linked);
    }

    void reportIsOpen()
    {
        Report report;
        QVERIFY(report.isOpen());
        report.status = ReportStatus::InProgress;
        QVERIFY(report.isOpen());
        report.status = ReportStatus::Closed;
        QVERIFY(!report.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestCaseValues)
#include "tst_casevalues.moc"
