// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Verwerkingenlogging API the client exports its audit log to, as it is searched: by person
// and period (Bewerking and Inzage API), bad searches refused, unknown ids not found, and pages
// that walk every action once.

#include "httpclient.h"
#include "server/faults.h"
#include "server/refserver.h"
#include "verwerkingenlogging/verwerkingenloggingapi.h"
#include "verwerkingenloggingtesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

using namespace C360::Ref;
using namespace C360::Ref::Testing::Verwerkingenlogging;

class TestVerwerkingenloggingSearch : public VerwerkingenloggingTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }

    void cleanup() { m_server.reset(); }

    void searchesByPersonAndPeriod()
    {
        const QString bsn = QStringLiteral("999990019");
        post(action(bsn, QStringLiteral("2026-02-28T23:30:00+01:00"))); // 28 February where it happened
        post(action(bsn, QStringLiteral("2026-03-01T00:30:00+01:00"), QStringLiteral("vertrouwelijk")));
        post(action(bsn, QStringLiteral("2026-03-15T12:00:00Z"), QStringLiteral("opgeheven")));
        QJsonObject other = action(bsn, QStringLiteral("2026-03-31T08:00:00Z"));
        other.insert(QStringLiteral("verwerkingsactiviteitId"), QStringLiteral("c5b9f4e7-8c79-41b9-91e2-6268419cb167"));
        post(other);
        post(action(QStringLiteral("999990020"), QStringLiteral("2026-03-10T10:00:00Z")));

        auto count = [this](const QString &query) {
            const Fetched f = get(QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&") + query);
            [&] {
                QCOMPARE(f.status, 200);
                validateBewerking(f.body, QStringLiteral("/verwerkingsacties"), QStringLiteral("get"), QStringLiteral("200"));
            }();
            return f.json().value(QStringLiteral("count")).toInt();
        };
        QCOMPARE(count(QStringLiteral("objectId=999990019")), 4);
        QCOMPARE(count(QStringLiteral("objectId=999990020")), 1);
        QCOMPARE(count(QStringLiteral("objectId=123")), 0);
        QCOMPARE(count(QStringLiteral("objectId=999990019&beginDatum=2026-03-01")), 3); // inclusive
        QCOMPARE(count(QStringLiteral("objectId=999990019&eindDatum=2026-03-01")), 1); // exclusive
        QCOMPARE(count(QStringLiteral("objectId=999990019&beginDatum=2026-03-01&eindDatum=2026-03-31")), 2);
        QCOMPARE(count(QStringLiteral("objectId=999990019&vertrouwelijkheid=vertrouwelijk")), 1);
        QCOMPARE(count(QStringLiteral("objectId=999990019&vertrouwelijkheid=vertrouwelijk&vertrouwelijkheid=opgeheven")), 2);
        QCOMPARE(count(QStringLiteral("objectId=999990019&verwerkingsactiviteitId=c5b9f4e7-8c79-41b9-91e2-6268419cb167")), 1);

        // Oldest first, by when the action took place.
        const QJsonArray results =
            get(QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999990019")).json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.first().toObject().value(QStringLiteral("tijdstip")).toString(), QStringLiteral("2026-02-28T23:30:00+01:00"));
        QCOMPARE(results.last().toObject().value(QStringLiteral("tijdstip")).toString(), QStringLiteral("2026-03-31T08:00:00Z"));
    }

    void refusesBadSearches_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no object") << QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN") << QStringLiteral("objectId/required");
        QTest::newRow("no type") << QStringLiteral("/verwerkingsacties?soortObjectId=BSN&objectId=1") << QStringLiteral("objecttype/required");
        QTest::newRow("bad type") << QStringLiteral("/verwerkingsacties?objecttype=zaak&soortObjectId=BSN&objectId=1")
                                  << QStringLiteral("objecttype/invalid_choice");
        QTest::newRow("bad date") << QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=1&beginDatum=1-3-2026")
                                  << QStringLiteral("beginDatum/invalid");
        QTest::newRow("bad vertrouwelijkheid") << QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=1&vertrouwelijkheid=geheim")
                                               << QStringLiteral("vertrouwelijkheid/invalid_choice");
        QTest::newRow("bad activity") << QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=1&verwerkingsactiviteitId=x")
                                      << QStringLiteral("verwerkingsactiviteitId/invalid");
        QTest::newRow("inzage without period") << QStringLiteral("/verwerkte-objecten?objecttype=persoon&soortObjectId=BSN&objectId=1&eindDatum=2026-04-01")
                                               << QStringLiteral("beginDatum/required");
        QTest::newRow("page beyond") << QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=1&page=2")
                                     << QStringLiteral("page/invalid");
    }

    void refusesBadSearches()
    {
        QFETCH(QString, path);
        QFETCH(QString, problem);
        const Fetched f = get(path);
        QCOMPARE(f.status, 400);
        QVERIFY2(paramNames(f.json()).split(QLatin1Char(' ')).contains(problem), qPrintable(paramNames(f.json())));
        validateError(f.body, QStringLiteral("ValidatieFout"));
    }

    void inzageShowsAPersonWhatWasDone()
    {
        QJsonObject two = action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:15:00+01:00"));
        QJsonArray objects = two.value(QStringLiteral("verwerkteObjecten")).toArray();
        objects.append(QJsonObject{{QStringLiteral("objecttype"), QStringLiteral("persoon")},
                                   {QStringLiteral("soortObjectId"), QStringLiteral("BSN")},
                                   {QStringLiteral("objectId"), QStringLiteral("999990020")},
                                   {QStringLiteral("betrokkenheid"), QStringLiteral("Getuige")}});
        two.insert(QStringLiteral("verwerkteObjecten"), objects);
        QCOMPARE(post(two).status, 201);
        post(action(QStringLiteral("999990019"), QStringLiteral("2026-05-02T10:15:00+01:00")));

        const Fetched f =
            get(QStringLiteral("/verwerkte-objecten?objecttype=persoon&soortObjectId=BSN&objectId=999990020&beginDatum=2026-01-01&eindDatum=2027-01-01"));
        QCOMPARE(f.status, 200);
        validate(f.body,
                 QStringLiteral("verwerkingenlogging-inzage-api-openapi.yaml"),
                 {QStringLiteral("--response"), QStringLiteral("/verwerkte-objecten"), QStringLiteral("get"), QStringLiteral("200")});
        QCOMPARE(f.json().value(QStringLiteral("count")).toInt(), 1);
        const QJsonObject object = f.json().value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(object.value(QStringLiteral("betrokkenheid")).toString(), QStringLiteral("Getuige"));
        const QJsonObject handled = object.value(QStringLiteral("verwerkingsactie")).toObject();
        QCOMPARE(handled.value(QStringLiteral("actieNaam")).toString(), QStringLiteral("Profiel geopend"));
        for (const char *hidden : {"systeem", "gebruiker", "gegevensbron"}) {
            QVERIFY(!handled.contains(QLatin1String(hidden)));
        }
        // Only the person's own object, not the others involved.
        QCOMPARE(handled.value(QStringLiteral("verwerkteObjecten")).toArray().size(), 1);
        QCOMPARE(get(QStringLiteral("/verwerkte-objecten?objecttype=persoon&soortObjectId=BSN&objectId=999990019&beginDatum=2026-03-01&eindDatum=2026-04-01"))
                     .json()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 1);

        const Fetched one = send(m_manager, "GET", QUrl(object.value(QStringLiteral("url")).toString()));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json(), object);
        validate(one.body,
                 QStringLiteral("verwerkingenlogging-inzage-api-openapi.yaml"),
                 {QStringLiteral("--response"), QStringLiteral("/verwerkte-objecten/{verwerktObjectId}"), QStringLiteral("get"), QStringLiteral("200")});
    }

    void unknownIdsAreNotFound()
    {
        for (const QString &path : {QStringLiteral("/verwerkingsacties/7a22eb38-bca6-463f-9955-54ab040287cb"),
                                    QStringLiteral("/verwerkte-objecten/5f089abb-7ed1-4714-92d4-1850453eda5d")}) {
            const Fetched f = get(path);
            QCOMPARE(f.status, 404);
            validateError(f.body, QStringLiteral("Fout"));
        }
    }

    void pagesWalkEveryActionOnce()
    {
        for (int i = 0; i < 250; ++i) {
            QCOMPARE(post(action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:%1:00Z").arg(i % 60, 2, 10, QLatin1Char('0')))).status, 201);
        }
        QSet<QString> seen;
        QString next = url(QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999990019")).toString();
        int pages = 0;
        QJsonValue previous;
        while (!next.isEmpty()) {
            const Fetched f = send(m_manager, "GET", QUrl(next));
            QCOMPARE(f.status, 200);
            const QJsonObject page = f.json();
            QCOMPARE(page.value(QStringLiteral("count")).toInt(), 250);
            QCOMPARE(page.value(QStringLiteral("previous")).isNull(), pages == 0);
            for (const QJsonValue &result : page.value(QStringLiteral("results")).toArray()) {
                const QString id = result.toObject().value(QStringLiteral("actieId")).toString();
                QVERIFY(!seen.contains(id));
                seen.insert(id);
            }
            ++pages;
            next = page.value(QStringLiteral("next")).toString();
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 250);

        m_server->faults().add(*FaultRule::parse(QStringLiteral("*/verwerkingsacties=duplicate"), nullptr));
        const QJsonArray second = get(QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999990019&page=2"))
                                      .json()
                                      .value(QStringLiteral("results"))
                                      .toArray();
        QCOMPARE(second.size(), 103); // three of page 1 again
    }
};

QTEST_GUILESS_MAIN(TestVerwerkingenloggingSearch)
#include "tst_verwerkingenloggingsearch.moc"
