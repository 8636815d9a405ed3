// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Verwerkingenlogging API the client exports its audit log to: storing valid actions and
// refusing invalid ones as the OpenAPI documents say, idempotency keys, searching by person and
// period (Bewerking and Inzage API), bearer tokens, paging, the cap on what is kept, determinism.

#include "server/faults.h"
#include "server/refserver.h"
#include "verwerkingenlogging/verwerkingenloggingapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace c360::ref;

namespace
{
const QString api = QStringLiteral("/verwerkingenlogging/api/v1");

struct Fetched
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QNetworkReply *reply = nullptr;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Fetched send(QNetworkAccessManager &manager,
             const QByteArray &method,
             const QUrl &url,
             const QByteArray &body = {},
             const QList<std::pair<QByteArray, QByteArray>> &headers = {{"Authorization", "Bearer T"}})
{
    QNetworkRequest request(url);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    Fetched f;
    f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    f.body = reply->readAll();
    f.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        f.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return f;
}

QJsonObject action(const QString &objectId, const QString &tijdstip, const QString &vertrouwelijkheid = QStringLiteral("normaal"))
{
    return QJsonObject{
        {QStringLiteral("actieNaam"), QStringLiteral("Profiel geopend")},
        {QStringLiteral("handelingNaam"), QStringLiteral("Klantcontact")},
        {QStringLiteral("verwerkingNaam"), QStringLiteral("Dienstverlening aan de balie")},
        {QStringLiteral("verwerkingId"), QStringLiteral("48086bf2-11b7-4603-9526-67d7c3bb6587")},
        {QStringLiteral("verwerkingsactiviteitId"), QStringLiteral("5f0bef4c-f66f-4311-84a5-19e8bf359eaf")},
        {QStringLiteral("verwerkingsactiviteitUrl"),
         QStringLiteral("https://var.example.org/api/v1/verwerkingsactiviteiten/5f0bef4c-f66f-4311-84a5-19e8bf359eaf")},
        {QStringLiteral("vertrouwelijkheid"), vertrouwelijkheid},
        {QStringLiteral("bewaartermijn"), QStringLiteral("P10Y")},
        {QStringLiteral("uitvoerder"), QStringLiteral("00000001821002193000")},
        {QStringLiteral("systeem"), QStringLiteral("Citizen 360 1.0")},
        {QStringLiteral("gebruiker"), QStringLiteral("baliemedewerker-17")},
        {QStringLiteral("gegevensbron"), QStringLiteral("Klantinteracties")},
        {QStringLiteral("tijdstip"), tijdstip},
        {QStringLiteral("verwerkteObjecten"),
         QJsonArray{QJsonObject{
             {QStringLiteral("objecttype"), QStringLiteral("persoon")},
             {QStringLiteral("soortObjectId"), QStringLiteral("BSN")},
             {QStringLiteral("objectId"), objectId},
             {QStringLiteral("betrokkenheid"), QStringLiteral("Klant")},
             {QStringLiteral("verwerkteSoortenGegevens"),
              QJsonArray{QJsonObject{{QStringLiteral("soortGegeven"), QStringLiteral("Naam")}},
                         QJsonObject{{QStringLiteral("soortGegeven"), QStringLiteral("Adres")}}}},
         }}},
    };
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString paramNames(const QJsonObject &error)
{
    QStringList names;
    for (const QJsonValue &p : error.value(QStringLiteral("invalidParams")).toArray()) {
        names.append(p.toObject().value(QStringLiteral("name")).toString() + QLatin1Char('/') + p.toObject().value(QStringLiteral("code")).toString());
    }
    return names.join(QLatin1Char(' '));
}
} // namespace

class TestVerwerkingenloggingApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<RefServer> m_server;
    QNetworkAccessManager m_manager;
    QTemporaryDir m_dir;
    int m_files = 0;

    QUrl url(const QString &path) const { return QUrl(m_server->baseUrl().toString() + api + path); }

    Fetched post(const QJsonObject &body, const QByteArray &key = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers = {{"Authorization", "Bearer T"}};
        if (!key.isEmpty()) {
            headers.append({"Idempotency-Key", key});
        }
        return send(m_manager, "POST", url(QStringLiteral("/verwerkingsacties")), bytes(body), headers);
    }

    Fetched get(const QString &path) { return send(m_manager, "GET", url(path)); }

    // Runs specvalidate.py on body: "--response PATH METHOD STATUS" or "--ref SCHEMA", per spec file.
    void validate(const QByteArray &body, const QString &spec, const QStringList &how)
    {
        const QString file = m_dir.filePath(QStringLiteral("body%1.json").arg(m_files++));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(body);
        out.close();
        const QString source = qEnvironmentVariable("C360_SOURCE_DIR", QStringLiteral("."));
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral("/usr/bin/python3"),
                     QStringList{source + QStringLiteral("/tests/refbackend/specvalidate.py"),
                                 QStringLiteral("--openapi"),
                                 source + QStringLiteral("/tests/refbackend/specs/verwerkingenlogging-vng/") + spec} +
                         how + QStringList{file});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAll().constData());
    }

    void validateBewerking(const QByteArray &body, const QString &path, const QString &method, const QString &status)
    {
        validate(body, QStringLiteral("verwerkingenlogging-bewerking-api-openapi.yaml"), {QStringLiteral("--response"), path, method, status});
    }

    void validateError(const QByteArray &body, const QString &schema)
    {
        validate(body,
                 QStringLiteral("verwerkingenlogging-bewerking-api-openapi.yaml"),
                 {QStringLiteral("--ref"), QStringLiteral("#/components/schemas/") + schema});
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<RefServer>(1);
        installVerwerkingenloggingApi(*m_server, QStringLiteral("T"));
        QVERIFY(m_server->listenOnLoopback(0) != 0);
    }

    void cleanup() { m_server.reset(); }

    void storesAValidAction()
    {
        const QJsonObject sent = action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:15:00.123456+01:00"));
        const Fetched f = post(sent);
        QCOMPARE(f.status, 201);
        QCOMPARE(f.contentType, QByteArray("application/json"));
        QCOMPARE(f.headers.value("api-version"), QByteArray("0.9.0"));
        validateBewerking(f.body, QStringLiteral("/verwerkingsacties"), QStringLiteral("post"), QStringLiteral("201"));
        const QJsonObject stored = f.json();
        QCOMPARE(f.headers.value("location"), stored.value(QStringLiteral("url")).toString().toUtf8());
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
        QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
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
        QCOMPARE(post(action(QStringLiteral("999990019"), QStringLiteral("2026-03-02T10:07:00Z")), "key-7").headers.value("idempotent-replayed"),
                 QByteArray("true"));
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
