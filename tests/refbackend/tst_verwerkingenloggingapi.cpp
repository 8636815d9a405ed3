// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Verwerkingenlogging API the client exports its audit log to, as it stores actions: valid
// ones stored and invalid ones refused as the OpenAPI documents say, idempotency keys, bearer
// tokens, the cap on what is kept, determinism. Searching: tst_verwerkingenloggingsearch.

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
#include <QTest>
#include <QUuid>

using namespace C360::Ref;
using namespace C360::Ref::Testing::Verwerkingenlogging;

class TestVerwerkingenloggingApi : public VerwerkingenloggingTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }

    void cleanup() { m_server.reset(); }

    void storesAValidAction()
    {
        const QJsonObject sent = action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:15:00.123456+01:00"));
        const Fetched f = post(sent);
        QCOMPARE(f.status, 201);
        QCOMPARE(f.contentType, QByteArray("application/json"));
        QCOMPARE(f.header("api-version"), QByteArray("0.9.0"));
        validateBewerking(f.body, QStringLiteral("/verwerkingsacties"), QStringLiteral("post"), QStringLiteral("201"));
        const QJsonObject stored = f.json();
        QCOMPARE(f.header("location"), stored.value(QStringLiteral("url")).toString().toUtf8());
        QCOMPARE(stored.value(QStringLiteral("url")).toString(),
                 url(QStringLiteral("/verwerkingsacties/")).toString() + stored.value(QStringLiteral("actieId")).toString());
        QVERIFY(!QUuid::fromString(stored.value(QStringLiteral("actieId")).toString()).isNull());
        for (const char *field : {"actieNaam", "verwerkingId", "vertrouwelijkheid", "bewaartermijn", "uitvoerder", "systeem", "gebruiker", "tijdstip"}) {
            QCOMPARE(stored.value(QLatin1String(field)), sent.value(QLatin1String(field)));
        }
        QCOMPARE(stored.value(QStringLiteral("tijdstipRegistratie")).toString(), QStringLiteral("2026-03-02T09:15:00.123Z"));
        const QJsonObject object = stored.value(QStringLiteral("verwerkteObjecten")).toArray().first().toObject();
        QCOMPARE(object.value(QStringLiteral("objectId")).toString(), QStringLiteral("999990019"));
        QCOMPARE(object.value(QStringLiteral("verwerkteSoortenGegevens")).toArray().size(), 2);
        QVERIFY(object.value(QStringLiteral("url")).toString().endsWith(object.value(QStringLiteral("verwerktObjectId")).toString()));

        const Fetched read = send(m_manager, "GET", QUrl(stored.value(QStringLiteral("url")).toString()));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.body, f.body);
        validateBewerking(read.body, QStringLiteral("/verwerkingsacties/{actieId}"), QStringLiteral("get"), QStringLiteral("200"));
    }

    void storesAMinimalAction()
    {
        const QJsonObject minimal{
            {QStringLiteral("vertrouwelijkheid"), QStringLiteral("vertrouwelijk")},
            {QStringLiteral("tijdstip"), QStringLiteral("2026-03-02T10:15:00Z")},
            {QStringLiteral("verwerkteObjecten"),
             QJsonArray{QJsonObject{{QStringLiteral("objecttype"), QStringLiteral("persoon")},
                                    {QStringLiteral("soortObjectId"), QStringLiteral("Rijksregisternummer")},
                                    {QStringLiteral("objectId"), QStringLiteral("85073003328")}}}},
            // Read-only and unknown fields are ignored.
            {QStringLiteral("actieId"), QStringLiteral("7a22eb38-bca6-463f-9955-54ab040287cb")},
            {QStringLiteral("kleur"), QStringLiteral("blauw")},
        };
        const Fetched f = post(minimal);
        QCOMPARE(f.status, 201);
        validateBewerking(f.body, QStringLiteral("/verwerkingsacties"), QStringLiteral("post"), QStringLiteral("201"));
        QVERIFY(f.json().value(QStringLiteral("actieId")).toString() != QStringLiteral("7a22eb38-bca6-463f-9955-54ab040287cb"));
        QVERIFY(!f.json().contains(QStringLiteral("kleur")));
        QVERIFY(!f.json().contains(QStringLiteral("systeem")));
    }

    void refusesInvalidActions_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        const QJsonObject good = action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:15:00+01:00"));
        auto without = [&good](const char *field) {
            QJsonObject o = good;
            o.remove(QLatin1String(field));
            return bytes(o);
        };
        auto with = [&good](const char *field, const QJsonValue &value) {
            QJsonObject o = good;
            o.insert(QLatin1String(field), value);
            return bytes(o);
        };
        auto withObject = [&good](const char *field, const QJsonValue &value) {
            QJsonObject o = good;
            QJsonArray objects = o.value(QStringLiteral("verwerkteObjecten")).toArray();
            QJsonObject object = objects.first().toObject();
            object.insert(QLatin1String(field), value);
            objects.replace(0, object);
            o.insert(QStringLiteral("verwerkteObjecten"), objects);
            return bytes(o);
        };
        QTest::newRow("no tijdstip") << without("tijdstip") << QStringLiteral("tijdstip/required");
        QTest::newRow("no vertrouwelijkheid") << without("vertrouwelijkheid") << QStringLiteral("vertrouwelijkheid/required");
        QTest::newRow("no objects") << without("verwerkteObjecten") << QStringLiteral("verwerkteObjecten/required");
        QTest::newRow("objects not a list") << with("verwerkteObjecten", QStringLiteral("x")) << QStringLiteral("verwerkteObjecten/not_a_list");
        QTest::newRow("bad vertrouwelijkheid") << with("vertrouwelijkheid", QStringLiteral("geheim")) << QStringLiteral("vertrouwelijkheid/invalid_choice");
        QTest::newRow("bad tijdstip") << with("tijdstip", QStringLiteral("2 maart 2026")) << QStringLiteral("tijdstip/invalid");
        QTest::newRow("tijdstip without zone") << with("tijdstip", QStringLiteral("2026-03-02T10:15:00")) << QStringLiteral("tijdstip/invalid");
        QTest::newRow("bad uuid") << with("verwerkingId", QStringLiteral("48086bf2")) << QStringLiteral("verwerkingId/invalid");
        QTest::newRow("bad url") << with("verwerkingsactiviteitUrl", QStringLiteral("geen url")) << QStringLiteral("verwerkingsactiviteitUrl/invalid");
        QTest::newRow("bad duration") << with("bewaartermijn", QStringLiteral("10 jaar")) << QStringLiteral("bewaartermijn/invalid");
        QTest::newRow("bad OIN") << with("uitvoerder", QStringLiteral("1234")) << QStringLiteral("uitvoerder/invalid");
        QTest::newRow("too long") << with("actieNaam", QString(243, QLatin1Char('x'))) << QStringLiteral("actieNaam/max_length");
        QTest::newRow("null") << with("actieNaam", QJsonValue::Null) << QStringLiteral("actieNaam/null");
        QTest::newRow("number") << with("systeem", 42) << QStringLiteral("systeem/invalid");
        QTest::newRow("objecttype") << withObject("objecttype", QStringLiteral("organisatie"))
                                    << QStringLiteral("verwerkteObjecten.0.objecttype/invalid_choice");
        QTest::newRow("objectId too long") << withObject("objectId", QString(41, QLatin1Char('1')))
                                           << QStringLiteral("verwerkteObjecten.0.objectId/max_length");
        QTest::newRow("objectId blank") << withObject("objectId", QString()) << QStringLiteral("verwerkteObjecten.0.objectId/blank");
        QTest::newRow("soort gegeven") << withObject("verwerkteSoortenGegevens", QJsonArray{QJsonObject{}})
                                       << QStringLiteral("verwerkteObjecten.0.verwerkteSoortenGegevens.0.soortGegeven/required");
        QTest::newRow("not JSON") << QByteArray("{\"tijdstip\": ") << QStringLiteral("nonFieldErrors/parse_error");
        QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("nonFieldErrors/parse_error");
    }

    void refusesInvalidActions()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const Fetched f = send(m_manager, "POST", url(QStringLiteral("/verwerkingsacties")), body);
        QCOMPARE(f.status, 400);
        QCOMPARE(f.contentType, QByteArray("application/problem+json"));
        QVERIFY2(paramNames(f.json()).split(QLatin1Char(' ')).contains(problem), qPrintable(paramNames(f.json())));
        QCOMPARE(f.json().value(QStringLiteral("status")).toInt(), 400);
        validateError(f.body, QStringLiteral("ValidatieFout"));
        // Nothing was stored.
        QCOMPARE(
            get(QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999990019")).json().value(QStringLiteral("count")).toInt(), 0);
    }

    void refusesOtherMediaTypes()
    {
        const Fetched f = send(m_manager,
                               "POST",
                               url(QStringLiteral("/verwerkingsacties")),
                               "<verwerkingsactie/>",
                               {{"Authorization", "Bearer T"}, {"Content-Type", "application/xml"}});
        QCOMPARE(f.status, 415);
        validateError(f.body, QStringLiteral("Fout"));
    }

    void idempotencyKeyStoresOnce()
    {
        const QJsonObject body = action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:15:00+01:00"));
        const Fetched first = post(body, "c360-audit-1");
        QCOMPARE(first.status, 201);
        const Fetched again = post(body, "c360-audit-1");
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body); // the same action, not a second one
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QVERIFY(!first.headers.contains("idempotent-replayed"));
        const QString list = QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999990019");
        QCOMPARE(get(list).json().value(QStringLiteral("count")).toInt(), 1);

        // The key again with another body is a conflict.
        const Fetched conflict = post(action(QStringLiteral("999990020"), QStringLiteral("2026-03-02T10:16:00+01:00")), "c360-audit-1");
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.contentType, QByteArray("application/problem+json"));
        validateError(conflict.body, QStringLiteral("Fout"));

        // Another key, or none, stores again.
        QCOMPARE(post(body, "c360-audit-2").status, 201);
        QCOMPARE(post(body).status, 201);
        QCOMPARE(post(body).status, 201);
        QCOMPARE(get(list).json().value(QStringLiteral("count")).toInt(), 4);
    }

    void bearerTokenRequired_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("POST")}) {
            QTest::addRow("%s without", method.constData()) << method << QByteArray() << 401;
            QTest::addRow("%s other scheme", method.constData()) << method << QByteArray("Token T") << 401;
            QTest::addRow("%s empty bearer", method.constData()) << method << QByteArray("Bearer ") << 401;
            QTest::addRow("%s wrong token", method.constData()) << method << QByteArray("Bearer training") << 403;
            QTest::addRow("%s right token", method.constData()) << method << QByteArray("Bearer T") << (method == "GET" ? 200 : 201);
        }
    }

    void bearerTokenRequired()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty()) {
            headers.append({"Authorization", authorization});
        }
        const QUrl target =
            url(method == "GET" ? QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=1") : QStringLiteral("/verwerkingsacties"));
        const Fetched f = send(
            m_manager, method, target, method == "POST" ? bytes(action(QStringLiteral("1"), QStringLiteral("2026-03-02T10:15:00Z"))) : QByteArray(), headers);
        QCOMPARE(f.status, status);
        if (status >= 400) {
            QCOMPARE(f.contentType, QByteArray("application/problem+json"));
            validateError(f.body, QStringLiteral("Fout"));
            QCOMPARE(f.headers.contains("www-authenticate"), status == 401);
        }
    }

    void keepsAtMostItsCapacity()
    {
        m_server = std::make_unique<RefServer>(1);
        installVerwerkingenloggingApi(*m_server, QStringLiteral("T"), 5);
        QVERIFY(m_server->listenOnLoopback(0) != 0);
        QStringList urls;
        for (int i = 0; i < 8; ++i) {
            const Fetched f = post(action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:0%1:00Z").arg(i)), "key-" + QByteArray::number(i));
            QCOMPARE(f.status, 201);
            urls.append(f.json().value(QStringLiteral("url")).toString());
        }
        QCOMPARE(
            get(QStringLiteral("/verwerkingsacties?objecttype=persoon&soortObjectId=BSN&objectId=999990019")).json().value(QStringLiteral("count")).toInt(), 5);
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(send(m_manager, "GET", QUrl(urls.at(i))).status, i < 3 ? 404 : 200); // the oldest dropped
        }
        // The key of a dropped action is forgotten with it; a kept one still replays.
        QCOMPARE(post(action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:07:00Z")), "key-7").header("idempotent-replayed"), QByteArray("true"));
        QVERIFY(!post(action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:00:00Z")), "key-0").headers.contains("idempotent-replayed"));
    }

    void sameRequestsSameAnswers()
    {
        RefServer other(1);
        installVerwerkingenloggingApi(other, QStringLiteral("T"));
        QVERIFY(other.listenOnLoopback(0) != 0);
        const QString mine = m_server->baseUrl().toString();
        const QString theirs = other.baseUrl().toString();
        for (int i = 0; i < 5; ++i) {
            const QByteArray body = bytes(action(QStringLiteral("99999001%1").arg(i), QStringLiteral("2026-03-02T10:15:00Z")));
            const QByteArray a = send(m_manager, "POST", QUrl(mine + api + QStringLiteral("/verwerkingsacties")), body).body;
            QByteArray b = send(m_manager, "POST", QUrl(theirs + api + QStringLiteral("/verwerkingsacties")), body).body;
            b.replace(theirs.toUtf8(), mine.toUtf8());
            QCOMPARE(a, b);
        }
        const QByteArray a = send(m_manager, "GET", QUrl(mine + api + QStringLiteral("/verwerkingsacties/nope"))).body;
        QByteArray b = send(m_manager, "GET", QUrl(theirs + api + QStringLiteral("/verwerkingsacties/nope"))).body;
        QCOMPARE(a, b);
    }
};

QTEST_GUILESS_MAIN(TestVerwerkingenloggingApi)
#include "tst_verwerkingenloggingapi.moc"
