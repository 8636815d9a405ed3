// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What the case view shows of a case, without a window: the facts under the name, the badges of
// what is open (days left of the nearest deadline, or how far it is overdue) and an item's
// details, every value from the store escaped.

#include "casepresentation.h"

#include <QRegularExpression>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QDateTime now(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);

Request openRequest(qint64 id, int daysToDeadline)
{
    Request r;
    r.id = id;
    r.citizenId = 1;
    r.question = u"Wanneer wordt <de lamp> hersteld?"_s;
    r.created = now.addDays(-2);
    r.deadline = now.addDays(daysToDeadline);
    r.expires = now.addDays(28);
    r.assignee = {AssigneeKind::Team, u"Openbare werken"_s};
    return r;
}

CaseFile caseOf(const QList<Request> &requests, const QList<Report> &reports = {})
{
    CaseFile file;
    file.citizen.id = 1;
    file.citizen.givenNames = u"Marie"_s;
    file.citizen.familyName = u"Peeters"_s;
    file.requests = requests;
    file.reports = reports;
    return file;
}
} // namespace

class TestCasePresentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factsAreEscapedAndOnlyVerifiedAddressesShow()
    {
        Citizen c;
        c.birthDate = QDate(1980, 5, 17);
        c.address = {u"Kerk<straat>"_s, u"12"_s, {}, u"2000"_s, u"Antwerpen"_s};
        c.preferredLanguage = u"nl"_s;
        c.digitalAddresses = {{DigitalAddressKind::Email, u"marie@example.org"_s, QDate(2026, 1, 1)},
                              {DigitalAddressKind::Phone, u"+32 470 00 00 00"_s, QDate()}};
        const QString facts = CasePresentation::facts(c);
        QVERIFY2(facts.contains(u"Kerk&lt;straat&gt; 12, 2000 Antwerpen"_s), qPrintable(facts));
        QVERIFY(!facts.contains(u"<straat>"_s));
        QVERIFY(facts.contains(u"Born "_s));
        QVERIFY(facts.contains(u"Verified: marie@example.org"_s));
        QVERIFY(!facts.contains(u"+32 470"_s)); // not verified
        QCOMPARE(facts.count(u" · "_s), 3); // born, address, language, verified
    }

    void badgesSayTheNearestDeadline_data()
    {
        QTest::addColumn<QList<int>>("deadlines");
        QTest::addColumn<QString>("accessible");
        QTest::newRow("none") << QList<int>{} << QString();
        QTest::newRow("one") << QList<int>{14} << u"1 open request (14 days left)"_s;
        QTest::newRow("the nearest of two") << QList<int>{14, 5} << u"2 open requests (5 days left)"_s;
        QTest::newRow("one day") << QList<int>{1} << u"1 open request (1 day left)"_s;
        QTest::newRow("overdue") << QList<int>{3, -2} << u"2 open requests (2 days overdue)"_s;
    }
    void badgesSayTheNearestDeadline()
    {
        QFETCH(QList<int>, deadlines);
        QFETCH(QString, accessible);
        QList<Request> requests;
        for (int days : std::as_const(deadlines)) {
            requests.append(openRequest(requests.size() + 1, days));
        }
        const CasePresentation::Badges badges = CasePresentation::badges(caseOf(requests), now);
        QCOMPARE(badges.accessible, accessible);
        QCOMPARE(badges.html.startsWith(u"<b>"_s), !accessible.isEmpty());
    }

    // The case: the older request is deleted in 5 days, before the other's deadline in 14.
    void badgesCountTheDeletionWhenItComesFirst()
    {
        Request kept = openRequest(1, 14);
        Request older = openRequest(2, 20);
        older.expires = now.addDays(5);
        Request noDeadline = openRequest(3, 0);
        noDeadline.deadline = {};
        noDeadline.expires = now.addDays(8);
        QCOMPARE(CasePresentation::badges(caseOf({kept, older}), now).accessible, u"2 open requests (5 days left)"_s);
        QCOMPARE(CasePresentation::badges(caseOf({kept, noDeadline}), now).accessible, u"2 open requests (8 days left)"_s);
    }

    void closedRequestsAndOthersReportsAreNotCounted()
    {
        Request closed = openRequest(2, 3);
        closed.status = RequestStatus::Closed;
        Report mine;
        mine.id = 1;
        mine.citizenId = 1;
        Report possible; // a possible match: someone else's until confirmed
        possible.id = 2;
        possible.citizenId = 7;
        Report done;
        done.id = 3;
        done.citizenId = 1;
        done.status = ReportStatus::Closed;
        const auto badges = CasePresentation::badges(caseOf({openRequest(1, 9), closed}, {mine, possible, done}), now);
        QCOMPARE(badges.accessible, u"1 open request (9 days left), 1 open report"_s);
    }

    void requestDetails()
    {
        Request r = openRequest(4, 6);
        r.supplements = {{11, u"an.balie"_s, now.addDays(-1), u"Eerste <aanvulling>"_s}, {12, u"kcc"_s, now, u"Tweede\nregel"_s}};
        const CaseFile file = caseOf({r});
        const QString html = CasePresentation::detailHtml(file, {ItemKind::Request, 4}, now, true, 12);
        QVERIFY2(html.contains(u"Wanneer wordt &lt;de lamp&gt; hersteld?"_s), qPrintable(html));
        QVERIFY(html.contains(u"6 days left"_s));
        QVERIFY(html.contains(u"Openbare werken"_s));
        QVERIFY(html.contains(u"Eerste &lt;aanvulling&gt;"_s));
        QVERIFY(html.contains(u"<b>"_s) && html.indexOf(u"<b>"_s) > html.indexOf(u"Eerste"_s)); // the chosen one, the second
        QVERIFY(html.contains(u"Deleted on"_s));
        QVERIFY(html.contains(u"Tweede<br>regel"_s)); // a supplement's lines stay lines
        QVERIFY(!QRegularExpression(u"\\d:\\d\\d:\\d\\d"_s).match(html).hasMatch()); // times without seconds
        QVERIFY(CasePresentation::detailHtml(file, {ItemKind::Request, 5}, now).isEmpty()); // not in this case
    }

    void caseDetailsAndBadges()
    {
        Zaak running;
        running.id = 8;
        running.identification = u"ZAAK-2026-0000008"_s;
        running.typeName = u"Omgevingsvergunning"_s;
        running.description = u"Verbouwing <woning>"_s;
        running.started = QDate(2026, 1, 2);
        running.plannedEnd = QDate(2026, 3, 30);
        running.deadline = QDate(2026, 3, 17); // seven days after now
        running.statusName = u"Openbaar onderzoek"_s;
        running.statusSet = now.addDays(-3);
        running.url = u"https://zaken.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s;
        running.statuses = {{u"Aanvraag ontvangen"_s, now.addDays(-60), {}, false}, {u"Openbaar onderzoek"_s, now.addDays(-3), u"Affiche <uit>"_s, false}};
        Zaak late = running;
        late.id = 9;
        late.deadline = QDate(2026, 3, 8);
        Zaak closed = running;
        closed.id = 10;
        closed.ended = QDate(2026, 2, 20);
        CaseFile file = caseOf({});
        file.zaken = {running, late, closed};

        const QString html = CasePresentation::detailHtml(file, {ItemKind::Case, 8}, now);
        QVERIFY2(html.contains(u"ZAAK-2026-0000008"_s), qPrintable(html));
        QVERIFY(html.contains(u"Verbouwing &lt;woning&gt;"_s));
        QVERIFY(html.contains(u"Open, 7 days left"_s));
        QVERIFY(html.contains(u"Affiche &lt;uit&gt;"_s));
        QVERIFY(html.indexOf(u"Openbaar onderzoek — "_s) < html.indexOf(u"Aanvraag ontvangen"_s)); // history newest first
        QVERIFY(html.contains(running.url));
        QVERIFY(CasePresentation::detailHtml(file, {ItemKind::Case, 9}, now).contains(u"Open, 2 days past the legal deadline"_s));
        QVERIFY(CasePresentation::detailHtml(file, {ItemKind::Case, 10}, now).contains(u"Closed on"_s));
        QVERIFY(CasePresentation::detailHtml(file, {ItemKind::Case, 11}, now).isEmpty());
        QCOMPARE(CasePresentation::badges(file, now).accessible, u"2 open cases (1 past its legal deadline)"_s);
    }

    void possibleMatchAndContactDetails()
    {
        Report possible;
        possible.id = 2;
        possible.citizenId = 7;
        possible.serviceName = u"Straatverlichting"_s;
        possible.description = u"Lamp stuk"_s;
        ContactMoment contact;
        contact.id = 3;
        contact.citizenId = 1;
        contact.channel = Channel::Phone;
        contact.subject = u"<script>x</script>"_s;
        contact.text = u"Regel een\nregel twee"_s;
        CaseFile file = caseOf({}, {possible});
        file.contacts = {contact};
        const QString report = CasePresentation::detailHtml(file, {ItemKind::Report, 2}, now);
        QVERIFY(report.contains(u"Possible match"_s));
        QVERIFY(report.contains(u"Straatverlichting"_s));
        const QString call = CasePresentation::detailHtml(file, {ItemKind::ContactMoment, 3}, now);
        QVERIFY(!call.contains(u"<script>"_s));
        QVERIFY(call.contains(u"&lt;script&gt;"_s));
        QVERIFY(call.contains(u"Regel een<br>regel twee"_s));
        QVERIFY(call.contains(CasePresentation::channelName(Channel::Phone)));
    }

    void everyStatusAndChannelHasAName()
    {
        for (Channel c : {Channel::Counter, Channel::Phone, Channel::Email, Channel::Chat, Channel::Letter, Channel::App}) {
            QVERIFY(!CasePresentation::channelName(c).isEmpty());
        }
        const auto names = CasePresentation::statusNames();
        for (const char *key : {"open", "in_progress", "answered", "closed", "referred", "callback_needed"}) {
            QVERIFY2(!names.value(QLatin1String(key)).isEmpty(), key);
        }
    }
};

QTEST_GUILESS_MAIN(TestCasePresentation)
#include "tst_casepresentation.moc"
