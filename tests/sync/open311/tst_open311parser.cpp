// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Open311 GeoReport v2 reader and mapper on the specification's own examples, the Code for
// America client's real XML fixtures, and every kind of bad record and bad page.

#include "sync/open311/open311cursor.h"
#include "sync/open311/open311mapper.h"
#include "sync/open311/open311parser.h"
#include "sync/sourceconfig.h"
#include "sync/timestamp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace c360;
using namespace Qt::StringLiterals;

namespace
{
QString specDir()
{
    return qEnvironmentVariable("C360_SOURCE_DIR") + QStringLiteral("/tests/refbackend/specs/open311-georeport-v2/");
}

QByteArray sample(const QString &name)
{
    QFile file(specDir() + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

// The mapped reports of a page; QVERIFY-fails on a page or record that does not map.
QList<Report> reportsOf(const QByteArray &body)
{
    QList<Report> reports;
    const auto records = Open311Parser::parse(body);
    if (!records) {
        qWarning("page refused: %s", qPrintable(records.error()));
        return reports;
    }
    for (const Open311Record &r : *records) {
        const auto mapped = Open311Mapper::map(r, QStringLiteral("open311"), Timestamp::defaultZone());
        if (!mapped) {
            qWarning("record %s refused: %s", qPrintable(Open311Mapper::recordId(r)), qPrintable(mapped.error()));
            continue;
        }
        reports.append(mapped->report);
    }
    return reports;
}

QJsonObject goodRecord(const QString &id)
{
    return QJsonObject{
        {QStringLiteral("service_request_id"), id},
        {QStringLiteral("status"), QStringLiteral("open")},
        {QStringLiteral("service_code"), QStringLiteral("afval")},
        {QStringLiteral("service_name"), QStringLiteral("Afval")},
        {QStringLiteral("description"), QStringLiteral("Zak naast de container")},
        {QStringLiteral("requested_datetime"), QStringLiteral("2026-03-01T10:00:00+01:00")},
        {QStringLiteral("updated_datetime"), QStringLiteral("2026-03-01T11:00:00+01:00")},
        {QStringLiteral("address"), QStringLiteral("Kerkstraat 12 bus 3, 2000 Antwerpen")},
        {QStringLiteral("zipcode"), QStringLiteral("2000")},
        {QStringLiteral("lat"), 51.2},
        {QStringLiteral("long"), 4.4},
    };
}

QByteArray page(const QJsonArray &records)
{
    return QJsonDocument(records).toJson(QJsonDocument::Compact);
}

// The reasons the records of body were refused for, by record id ("" for those that map).
QStringList outcomes(const QByteArray &body)
{
    QStringList result;
    const auto records = Open311Parser::parse(body);
    if (!records) {
        return {QStringLiteral("page: ") + records.error()};
    }
    for (const Open311Record &r : *records) {
        const auto mapped = Open311Mapper::map(r, QStringLiteral("open311"), Timestamp::defaultZone());
        result.append(mapped ? QString() : mapped.error());
    }
    return result;
}
} // namespace

class TestOpen311Parser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specExamplesInJsonAndXmlGiveTheSameReports()
    {
        const QList<Report> fromJson = reportsOf(sample(QStringLiteral("samples/spec-examples/service-requests.json")));
        const QList<Report> fromXml = reportsOf(sample(QStringLiteral("samples/spec-examples/service-requests.xml")));
        QCOMPARE(fromJson.size(), 2);
        QCOMPARE(fromXml, fromJson);

        const Report &r = fromJson.first();
        QCOMPARE(r.source, (SourceRef{QStringLiteral("open311"), QStringLiteral("638344")})); // a number in the JSON example
        QCOMPARE(r.status, ReportStatus::Closed);
        QCOMPARE(r.statusNotes, QStringLiteral("Duplicate request."));
        QCOMPARE(r.serviceCode, QStringLiteral("006"));
        QCOMPARE(r.serviceName, QStringLiteral("Sidewalk and Curb Issues"));
        QCOMPARE(r.description, QString());
        // -08:00 in the example, UTC here.
        QCOMPARE(r.requested, QDateTime(QDate(2010, 4, 14), QTime(14, 37, 38), Qt::UTC));
        QCOMPARE(r.requested.timeSpec(), Qt::UTC);
        QCOMPARE(r.expected, QDateTime(QDate(2010, 4, 15), QTime(14, 37, 38), Qt::UTC));
        QCOMPARE(r.address.street, QStringLiteral("8TH AVE and JUDAH ST"));
        QCOMPARE(r.address.postcode, QStringLiteral("94122")); // a number in the JSON example
        QVERIFY(r.location.has_value());
        QCOMPARE(r.location->latitude, 37.762221815);
        QCOMPARE(r.location->longitude, -122.4651145);
        QCOMPARE(fromJson.at(1).status, ReportStatus::Open);
    }

    void singleRequestExamples()
    {
        const QList<Report> fromJson = reportsOf(sample(QStringLiteral("samples/spec-examples/service-request.json")));
        const QList<Report> fromXml = reportsOf(sample(QStringLiteral("samples/spec-examples/service-request.xml")));
        QCOMPARE(fromJson.size(), 1);
        QCOMPARE(fromXml, fromJson);
    }

    void codeForAmericaFixtures()
    {
        const QList<Report> list = reportsOf(sample(QStringLiteral("samples/codeforamerica-fixtures/service_requests.xml")));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).source.id, QStringLiteral("638344"));
        QCOMPARE(list.at(1).source.id, QStringLiteral("638349"));
        QCOMPARE(list.at(1).status, ReportStatus::Open);
        QCOMPARE(list.at(1).statusNotes, QString());
        QCOMPARE(list.at(1).updated, QDateTime(QDate(2010, 4, 19), QTime(14, 37, 38), Qt::UTC));

        const QList<Report> one = reportsOf(sample(QStringLiteral("samples/codeforamerica-fixtures/get_service_request.xml")));
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first(), list.first());

        const auto empty = Open311Parser::parse(sample(QStringLiteral("samples/codeforamerica-fixtures/service_requests_empty.xml")));
        QVERIFY(empty);
        QVERIFY(empty->isEmpty());
    }

    void documentsThatAreNotRequestListsAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"codeforamerica-fixtures/403.xml",
                                 "codeforamerica-fixtures/get_service_request_not_found.xml",
                                 "codeforamerica-fixtures/services.xml",
                                 "codeforamerica-fixtures/service_definition.xml",
                                 "codeforamerica-fixtures/post_service_request.xml",
                                 "codeforamerica-fixtures/request_id_from_token.xml",
                                 "spec-examples/errors.json",
                                 "spec-examples/errors.xml",
                                 "spec-examples/service-list.xml",
                                 "spec-examples/service-definition.json"}) {
            QTest::newRow(name) << QStringLiteral("samples/") + QLatin1String(name);
        }
    }
    void documentsThatAreNotRequestListsAreRefused()
    {
        QFETCH(QString, file);
        const QByteArray body = sample(file);
        QVERIFY(!body.isEmpty());
        const auto records = Open311Parser::parse(body);
        // A service list in JSON is an array of objects: read, but none of them is a request.
        if (records) {
            for (const QString &outcome : outcomes(body)) {
                QVERIFY2(!outcome.isEmpty(), qPrintable(file));
            }
        }
    }

    void badPagesAreRefusedWhole_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray good = page({goodRecord(QStringLiteral("1")), goodRecord(QStringLiteral("2"))});
        const QByteArray xml = sample(QStringLiteral("samples/spec-examples/service-requests.xml"));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray(" \r\n");
        QTest::newRow("html") << QByteArray("<html><body>Service unavailable</body></html>");
        QTest::newRow("text") << QByteArray("Service unavailable");
        QTest::newRow("truncated json") << good.left(good.size() / 2);
        QTest::newRow("truncated xml") << xml.left(xml.size() / 2);
        QTest::newRow("json object") << QByteArray(R"({"results": []})");
        QTest::newRow("json error list") << QByteArray(R"([{"code": 403, "description": "Invalid api_key"}])");
        QTest::newRow("json number") << QByteArray("42");
        QTest::newRow("deep json") << QByteArray(5000, '[') + QByteArray(5000, ']');
    }
    void badPagesAreRefusedWhole()
    {
        QFETCH(QByteArray, body);
        const auto records = Open311Parser::parse(body);
        QVERIFY(!records);
        QVERIFY(!records.error().isEmpty());
    }

    void wrappedAndLabelledFormsAreRead()
    {
        const QJsonArray list{goodRecord(QStringLiteral("1"))};
        QCOMPARE(outcomes(QJsonDocument(QJsonObject{{QStringLiteral("service_requests"), list}}).toJson()), QStringList{QString()});
        const QJsonObject spark{{QStringLiteral("request"), list}};
        QCOMPARE(outcomes(QJsonDocument(QJsonObject{{QStringLiteral("service_requests"), spark}}).toJson()), QStringList{QString()});
        // A byte order mark and leading white space.
        QCOMPARE(outcomes(QByteArray("\xEF\xBB\xBF\n ") + page(list)), QStringList{QString()});
    }

    void badRecordsAreRefusedAlone_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QString>("reason");
        const auto with = [](const char *key, const QJsonValue &value) {
            QJsonObject o = goodRecord(QStringLiteral("7"));
            if (value.isUndefined()) {
                o.remove(QLatin1String(key));
            } else {
                o.insert(QLatin1String(key), value);
            }
            return o;
        };
        QTest::newRow("id object") << with("service_request_id", QJsonObject{{QStringLiteral("x"), 1}}) << QStringLiteral("wrong type");
        QTest::newRow("id boolean") << with("service_request_id", true) << QStringLiteral("wrong type");
        QTest::newRow("id array") << with("service_request_id", QJsonArray{1}) << QStringLiteral("wrong type");
        QTest::newRow("id fraction") << with("service_request_id", 1.5) << QStringLiteral("wrong type");
        QTest::newRow("id missing") << with("service_request_id", QJsonValue::Undefined) << QStringLiteral("no service_request_id");
        QTest::newRow("id null") << with("service_request_id", QJsonValue::Null) << QStringLiteral("no service_request_id");
        QTest::newRow("id empty") << with("service_request_id", QStringLiteral("  ")) << QStringLiteral("no service_request_id");
        QTest::newRow("id huge") << with("service_request_id", QString(1000, QLatin1Char('9'))) << QStringLiteral("wrong type");
        QTest::newRow("status unknown") << with("status", QStringLiteral("acknowledged")) << QStringLiteral("neither open nor closed");
        QTest::newRow("status missing") << with("status", QJsonValue::Undefined) << QStringLiteral("no status");
        QTest::newRow("status number") << with("status", 1) << QStringLiteral("neither open nor closed");
        QTest::newRow("status object") << with("status", QJsonObject()) << QStringLiteral("status has the wrong type");
        QTest::newRow("service_code missing") << with("service_code", QJsonValue::Undefined) << QStringLiteral("no service_code");
        QTest::newRow("description 100 KiB") << with("description", QString(100 * 1024, QLatin1Char('x')))
                                             << QStringLiteral("description is longer than 64 KiB");
        QTest::newRow("huge extended attribute") << with("extended_attributes", QJsonObject{{QStringLiteral("notes"), QString(70 * 1024, QLatin1Char('x'))}})
                                                 << QStringLiteral("extended_attributes is longer than 64 KiB");
        QTest::newRow("description array") << with("description", QJsonArray{QStringLiteral("a")}) << QStringLiteral("description has the wrong type");
        QTest::newRow("requested missing") << with("requested_datetime", QJsonValue::Undefined) << QStringLiteral("no requested_datetime");
        QTest::newRow("requested garbage") << with("requested_datetime", QStringLiteral("yesterday"))
                                           << QStringLiteral("requested_datetime is not a date-time");
        QTest::newRow("requested date only") << with("requested_datetime", QStringLiteral("2026-03-01")) << QStringLiteral("requested_datetime is not");
        QTest::newRow("updated 30 February") << with("updated_datetime", QStringLiteral("2026-02-30T10:00:00Z")) << QStringLiteral("updated_datetime is not");
        QTest::newRow("expected number") << with("expected_datetime", 1700000000) << QStringLiteral("expected_datetime is not");
        QTest::newRow("lat text") << with("lat", QStringLiteral("north")) << QStringLiteral("not a number");
        QTest::newRow("lat out of range") << with("lat", 91.5) << QStringLiteral("out of range");
        QTest::newRow("long object") << with("long", QJsonObject()) << QStringLiteral("not a number");
    }
    void badRecordsAreRefusedAlone()
    {
        QFETCH(QJsonObject, record);
        QFETCH(QString, reason);
        const QByteArray body = page({goodRecord(QStringLiteral("1")), record, goodRecord(QStringLiteral("3"))});
        const QStringList result = outcomes(body);
        QCOMPARE(result.size(), 3);
        QCOMPARE(result.at(0), QString());
        QVERIFY2(result.at(1).contains(reason), qPrintable(result.at(1)));
        QCOMPARE(result.at(2), QString());
        // The reason names the field, never its content.
        QVERIFY(!result.at(1).contains(QStringLiteral("xxxx")));
        QVERIFY(!result.at(1).contains(QStringLiteral("acknowledged")));
        QVERIFY(!result.at(1).contains(QStringLiteral("north")));
    }

    // Lenient in what it accepts (issue 17): real servers send numbers for ids and strings for
    // numbers, leave optional fields out and times without a zone; each is read as it was meant.
    void lenientRecordsAreRead_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("expected");
        const auto with = [](const char *key, const QJsonValue &value) {
            QJsonObject o = goodRecord(QStringLiteral("7"));
            if (value.isUndefined()) {
                o.remove(QLatin1String(key));
            } else {
                o.insert(QLatin1String(key), value);
            }
            return o;
        };
        QTest::newRow("numeric id") << with("service_request_id", 1234567) << QStringLiteral("id") << QVariant(QStringLiteral("1234567"));
        QTest::newRow("latitude as text") << with("lat", QStringLiteral(" 51.0543 ")) << QStringLiteral("lat") << QVariant(51.0543);
        QTest::newRow("longitude as text") << with("long", QStringLiteral("3.7174")) << QStringLiteral("long") << QVariant(3.7174);
        QTest::newRow("no coordinates") << with("lat", QJsonValue::Undefined) << QStringLiteral("lat") << QVariant();
        QTest::newRow("no description") << with("description", QJsonValue::Undefined) << QStringLiteral("description") << QVariant(QString());
        QTest::newRow("no address") << with("address", QJsonValue::Undefined) << QStringLiteral("street") << QVariant(QString());
        QTest::newRow("no updated_datetime") << with("updated_datetime", QJsonValue::Undefined) << QStringLiteral("updated") << QVariant(QDateTime());
        QTest::newRow("null updated_datetime") << with("updated_datetime", QJsonValue::Null) << QStringLiteral("updated") << QVariant(QDateTime());
        QTest::newRow("requested without zone") << with("requested_datetime", QStringLiteral("2026-03-01T10:00:00")) << QStringLiteral("requested")
                                                << QVariant(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
        QTest::newRow("requested with a space") << with("requested_datetime", QStringLiteral("2026-07-01 10:00:00")) << QStringLiteral("requested")
                                                << QVariant(QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC));
    }

    void lenientRecordsAreRead()
    {
        QFETCH(QJsonObject, record);
        QFETCH(QString, field);
        QFETCH(QVariant, expected);
        const auto records = Open311Parser::parse(page({record}));
        QVERIFY(records && records->size() == 1);
        const auto mapped = Open311Mapper::map(records->first(), QStringLiteral("open311"), Timestamp::defaultZone());
        QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error()));
        const Report &r = mapped->report;
        QVariant actual;
        if (field == QLatin1String("id")) {
            actual = r.source.id;
        } else if (field == QLatin1String("lat")) {
            actual = r.location ? QVariant(r.location->latitude) : QVariant();
        } else if (field == QLatin1String("long")) {
            actual = r.location ? QVariant(r.location->longitude) : QVariant();
        } else if (field == QLatin1String("description")) {
            actual = r.description;
        } else if (field == QLatin1String("street")) {
            actual = r.address.street;
        } else if (field == QLatin1String("updated")) {
            actual = r.updated;
        } else if (field == QLatin1String("requested")) {
            actual = r.requested;
        }
        QCOMPARE(actual, expected);
    }

    // Many repeated children (<note> in <notes>): collected once, not copied again for each one
    // (25,000 took 1.6 s a page before, hours at the size limit); past 10,000 the record is refused.
    void repeatedXmlChildrenAreReadOnceAndCapped()
    {
        auto pageWith = [](int notes) -> QByteArray {
            QByteArray xml = "<?xml version=\"1.0\"?><service_requests><request><service_request_id>7</service_request_id><status>open</status>"
                             "<service_code>afval</service_code><requested_datetime>2026-03-01T10:00:00+01:00</requested_datetime><notes>";
            for (int i = 0; i < notes; ++i) {
                xml += "<note>n" + QByteArray::number(i) + "</note>";
            }
            return xml + "</notes></request></service_requests>";
        };
        const auto many = Open311Parser::parse(pageWith(10000));
        QVERIFY(many && many->size() == 1);
        QVERIFY2(many->first().problem.isEmpty(), qPrintable(many->first().problem));
        const QJsonArray notes = many->first().fields.value(u"notes"_s).toObject().value(u"note"_s).toArray();
        QCOMPARE(notes.size(), 10000);
        QCOMPARE(notes.last().toString(), u"n9999"_s);
        const auto tooMany = Open311Parser::parse(pageWith(25000));
        QVERIFY(tooMany && tooMany->size() == 1);
        QVERIFY2(tooMany->first().problem.contains(u"more than 10000 children"_s), qPrintable(tooMany->first().problem));
        QVERIFY(!Open311Mapper::map(tooMany->first(), u"open311"_s, Timestamp::defaultZone()));
    }

    void recordsWithoutUsableIdAreNamedByPosition()
    {
        const auto records = Open311Parser::parse(page({goodRecord(QStringLiteral("1")), QJsonObject{{QStringLiteral("service_request_id"), true}}}));
        QVERIFY(records);
        QCOMPARE(Open311Mapper::recordId(records->at(0)), QStringLiteral("1"));
        QCOMPARE(Open311Mapper::recordId(records->at(1)), QStringLiteral("#1"));
        const auto notObject = Open311Parser::parse("[1, \"x\"]");
        QVERIFY(notObject);
        QCOMPARE(notObject->size(), 2);
        QVERIFY(!Open311Mapper::map(notObject->at(0), QStringLiteral("open311"), Timestamp::defaultZone()));
        QCOMPARE(Open311Mapper::recordId(notObject->at(1)), QStringLiteral("#1"));
    }

    void invalidUtf8SkipsOnlyItsRecord_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("expected");
        QByteArray json = page({goodRecord(QStringLiteral("1")), goodRecord(QStringLiteral("2")), goodRecord(QStringLiteral("3"))});
        // The second record's description gets a lone continuation byte and a truncated sequence.
        // Keys are sorted: each record's description comes before its id; the second one is record 2's.
        const qsizetype at = json.indexOf("Zak", json.indexOf("Zak") + 1);
        QVERIFY(at > 0);
        json.replace(at, 3, "Z\x80k\xE2\x82");
        QTest::newRow("json") << json << QStringList{QString(), QStringLiteral("description is not valid UTF-8"), QString()};
        QByteArray xml = sample(QStringLiteral("samples/codeforamerica-fixtures/service_requests.xml"));
        xml.replace("<status_notes>Duplicate request.</status_notes>", "<status_notes>Duplicate \xC3\x28request.</status_notes>");
        QTest::newRow("xml") << xml << QStringList{QStringLiteral("status_notes is not valid UTF-8"), QString()};
        // Valid UTF-8, U+FFFD included, is not mistaken for an invalid byte.
        QJsonObject replacement = goodRecord(QStringLiteral("9"));
        replacement.insert(QStringLiteral("description"), QStringLiteral("caf\uFFFD, café, 東京"));
        QTest::newRow("valid") << page({replacement}) << QStringList{QString()};
    }
    void invalidUtf8SkipsOnlyItsRecord()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, expected);
        QCOMPARE(outcomes(body), expected);
    }

    void xmlRecordsAreReadLikeJson()
    {
        const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<service_requests>
  <request>
    <service_request_id>5</service_request_id><status>closed</status><service_code>x</service_code>
    <requested_datetime>2026-03-01T10:00:00Z</requested_datetime>
    <description><![CDATA[Tekst met <haakjes> & zo]]></description>
    <lat></lat><long></long>
    <extended_attributes><channel>phone</channel><national_id>85073003328</national_id><email>a@b.be</email></extended_attributes>
    <notes><note><type>opened</type></note><note><type>closed</type></note></notes>
  </request>
  <request><service_request_id><nested>1</nested></service_request_id></request>
</service_requests>)";
        const auto records = Open311Parser::parse(xml);
        QVERIFY(records);
        QCOMPARE(records->size(), 2);
        const auto mapped = Open311Mapper::map(records->at(0), QStringLiteral("open311"), Timestamp::defaultZone());
        QVERIFY(mapped);
        QCOMPARE(mapped->report.description, QStringLiteral("Tekst met <haakjes> & zo"));
        QVERIFY(!mapped->report.location);
        QCOMPARE(mapped->reporter.nationalId, QStringLiteral("85073003328"));
        QCOMPARE(mapped->reporter.email, QStringLiteral("a@b.be"));
        QCOMPARE(records->at(0).fields.value(QStringLiteral("notes")).toObject().value(QStringLiteral("note")).toArray().size(), 2);
        const auto nested = Open311Mapper::map(records->at(1), QStringLiteral("open311"), Timestamp::defaultZone());
        QVERIFY(!nested);
        QVERIFY(nested.error().contains(QStringLiteral("wrong type")));
        QCOMPARE(Open311Mapper::recordId(records->at(1)), QStringLiteral("#1"));
    }

    void reporterFromExtendedAttributes()
    {
        QJsonObject o = goodRecord(QStringLiteral("1"));
        o.insert(QStringLiteral("extended_attributes"),
                 QJsonObject{{QStringLiteral("national_id"), 85073003328.0}, {QStringLiteral("phone"), QStringLiteral(" +32 470 12 34 56 ")}});
        const auto records = Open311Parser::parse(page({o}));
        QVERIFY(records);
        const auto mapped = Open311Mapper::map(records->first(), QStringLiteral("open311"), Timestamp::defaultZone());
        QVERIFY(mapped);
        // Digits sent as a number cannot be trusted (leading zeros are lost): malformed, not read.
        QVERIFY(mapped->reporter.nationalIdMalformed);
        QVERIFY(mapped->reporter.nationalId.isEmpty());
        QCOMPARE(mapped->reporter.phone, QStringLiteral("+32 470 12 34 56"));
        // No extended attributes: no reporter.
        const auto anonymous =
            Open311Mapper::map(Open311Parser::parse(page({goodRecord(QStringLiteral("2"))}))->first(), QStringLiteral("open311"), Timestamp::defaultZone());
        QVERIFY(anonymous);
        QVERIFY(anonymous->reporter.isEmpty());
    }

    void contentHashIgnoresKeyOrder()
    {
        const auto a = Open311Parser::parse(R"([{"service_request_id":"1","status":"open"}])");
        const auto b = Open311Parser::parse(R"([ {"status" : "open", "service_request_id" : "1"} ])");
        QVERIFY(a && b);
        QCOMPARE(a->first().canonical, b->first().canonical);
    }

    void dateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("utc");
        const QDateTime t(QDate(2010, 4, 14), QTime(14, 37, 38), Qt::UTC);
        QTest::newRow("offset") << QStringLiteral("2010-04-14T06:37:38-08:00") << t;
        QTest::newRow("zulu") << QStringLiteral("2010-04-14T14:37:38Z") << t;
        QTest::newRow("plus") << QStringLiteral("2010-04-14T16:37:38+02:00") << t;
        QTest::newRow("no colon") << QStringLiteral("2010-04-14T16:37:38+0200") << t;
        QTest::newRow("fraction") << QStringLiteral("2010-04-14T14:37:38.250Z") << t.addMSecs(250);
        QTest::newRow("padded") << QStringLiteral(" 2010-04-14T14:37:38Z ") << t;
        // Lenient: a wall-clock time without a zone is the source's (Brussels by default), as
        // many real servers send them.
        QTest::newRow("no zone, summer") << QStringLiteral("2010-04-14T16:37:38") << t;
        QTest::newRow("no zone, winter") << QStringLiteral("2010-01-14T15:37:38") << t.addMonths(-3);
        QTest::newRow("no zone, space") << QStringLiteral("2010-04-14 16:37:38") << t;
        QTest::newRow("no zone, no seconds") << QStringLiteral("2010-04-14T16:37") << t.addSecs(-38);
        QTest::newRow("no zone, fraction") << QStringLiteral("2010-04-14T16:37:38.250") << t.addMSecs(250);
        QTest::newRow("nanoseconds cut") << QStringLiteral("2010-04-14T14:37:38.123456789Z") << t.addMSecs(123);
        QTest::newRow("comma fraction") << QStringLiteral("2010-04-14T14:37:38,5Z") << t.addMSecs(500);
        QTest::newRow("hour offset") << QStringLiteral("2010-04-14T16:37:38+02") << t;
        QTest::newRow("skipped hour in spring") << QStringLiteral("2026-03-29T02:30:00") << QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC);
        QTest::newRow("twice in autumn: the first") << QStringLiteral("2026-10-25T02:30:00") << QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC);
        QTest::newRow("offset out of range") << QStringLiteral("2010-04-14T14:37:38+25:00") << QDateTime();
        QTest::newRow("date only") << QStringLiteral("2010-04-14") << QDateTime();
        QTest::newRow("hour 25") << QStringLiteral("2010-04-14T25:37:38Z") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("words") << QStringLiteral("14 April 2010") << QDateTime();
    }
    void dateTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, utc);
        const QDateTime parsed = Open311Mapper::parseDateTime(text, Timestamp::defaultZone());
        QCOMPARE(parsed.isValid(), utc.isValid());
        if (utc.isValid()) {
            QCOMPARE(parsed, utc);
            QCOMPARE(parsed.timeSpec(), Qt::UTC);
        }
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zipcode");
        QTest::addColumn<QStringList>("parts"); // street, number, box, postcode, municipality, country
        QTest::newRow("plain") << QStringLiteral("Ambachtenlaan 110, 2000 Antwerpen") << QStringLiteral("2000")
                               << QStringList{QStringLiteral("Ambachtenlaan"),
                                              QStringLiteral("110"),
                                              QString(),
                                              QStringLiteral("2000"),
                                              QStringLiteral("Antwerpen"),
                                              QStringLiteral("BE")};
        QTest::newRow("box") << QStringLiteral("Sint-Jansplein 3A bus 12, 9000 Gent") << QString()
                             << QStringList{QStringLiteral("Sint-Jansplein"),
                                            QStringLiteral("3A"),
                                            QStringLiteral("12"),
                                            QStringLiteral("9000"),
                                            QStringLiteral("Gent"),
                                            QStringLiteral("BE")};
        QTest::newRow("dutch")
            << QStringLiteral("Dorpsstraat 5, 1234 AB Ons Dorp") << QString()
            << QStringList{
                   QStringLiteral("Dorpsstraat"), QStringLiteral("5"), QString(), QStringLiteral("1234 AB"), QStringLiteral("Ons Dorp"), QStringLiteral("NL")};
        QTest::newRow("crossing")
            << QStringLiteral("8TH AVE and JUDAH ST") << QStringLiteral("94122")
            << QStringList{QStringLiteral("8TH AVE and JUDAH ST"), QString(), QString(), QStringLiteral("94122"), QString(), QStringLiteral("BE")};
        QTest::newRow("no number")
            << QStringLiteral("Grote Markt, 2000 Antwerpen") << QString()
            << QStringList{QStringLiteral("Grote Markt"), QString(), QString(), QStringLiteral("2000"), QStringLiteral("Antwerpen"), QStringLiteral("BE")};
        QTest::newRow("empty") << QString() << QString() << QStringList{QString(), QString(), QString(), QString(), QString(), QStringLiteral("BE")};
    }
    void addresses()
    {
        QFETCH(QString, text);
        QFETCH(QString, zipcode);
        QFETCH(QStringList, parts);
        const Address a = Open311Mapper::parseAddress(text, zipcode);
        QCOMPARE((QStringList{a.street, a.number, a.box, a.postcode, a.municipality, a.countryCode}), parts);
        if (text.contains(QLatin1Char(',')) && zipcode.isEmpty() == false) {
            QCOMPARE(a.singleLine(), text);
        }
    }

    void cursorRoundTrip()
    {
        Open311Cursor c;
        c.mode = Open311Cursor::Mode::Windowed;
        c.paging = Open311Cursor::Paging::Ignored;
        c.running = true;
        c.page = 3;
        c.firstId = QStringLiteral("100");
        c.after = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        c.maxUpdated = QDateTime(QDate(2025, 2, 1), QTime(1, 2, 3), Qt::UTC);
        c.windowStart = QDateTime(QDate(2019, 1, 1), QTime(0, 0), Qt::UTC);
        c.windowEnd = c.windowStart.addDays(90);
        c.until = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        c.etagRequest = QStringLiteral("json|100|x");
        c.windowEtags.insert(QStringLiteral("k"), QStringLiteral("\"e\""));
        const Open311Cursor back = Open311Cursor::fromJson(c.toJson());
        QCOMPARE(back.toJson(), c.toJson());
        QCOMPARE(back.windowEnd, c.windowEnd);
        QCOMPARE(back.maxUpdated, c.maxUpdated);
        QVERIFY(c.toJson().contains(QStringLiteral("\"window_start\":\"2019-01-01T00:00:00Z\"")));

        // Anything unreadable is a fresh start, never a crash.
        for (const char *garbage : {"", "{", "[]", "{\"v\":2}", "{\"v\":1,\"running\":true}", "{\"v\":1,\"page\":-5,\"after\":\"x\"}"}) {
            const Open311Cursor fresh = Open311Cursor::fromJson(QString::fromLatin1(garbage));
            QVERIFY(!fresh.running);
            QCOMPARE(fresh.page, 1);
        }
    }

    void formatIsConfigured()
    {
        // Built, not written out: moc misreads "//" inside a raw string literal.
        const auto config = [](const QJsonArray &sources) {
            return QJsonDocument(QJsonObject{{QStringLiteral("sources"), sources}}).toJson();
        };
        const auto source = [](const char *id, const char *format) {
            QJsonObject o{{QStringLiteral("id"), QLatin1String(id)},
                          {QStringLiteral("dialect"), QStringLiteral("open311")},
                          {QStringLiteral("base_url"), QStringLiteral("https://%1.example/open311/v2/").arg(QLatin1String(id))}};
            if (format) {
                o.insert(QStringLiteral("format"), QLatin1String(format));
            }
            return o;
        };
        const auto sources = SourceConfig::fromJson(config({source("a", "xml"), source("b", nullptr)}));
        QVERIFY(sources);
        QCOMPARE(sources->at(0).format, QStringLiteral("xml"));
        QCOMPARE(sources->at(1).format, QStringLiteral("json"));
        const auto bad = SourceConfig::fromJson(config({source("a", "csv")}));
        QVERIFY(!bad);
        QVERIFY(bad.error().contains(QStringLiteral("format")));
    }
};

QTEST_GUILESS_MAIN(TestOpen311Parser)
#include "tst_open311parser.moc"
