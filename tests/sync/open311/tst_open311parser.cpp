// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Open311 GeoReport v2 reader on whole documents: the specification's own examples and the
// Code for America client's real XML fixtures, documents that are no request list, bad pages
// refused whole, wrapped forms, XML read like JSON, invalid UTF-8 and repeated children. Record
// by record, date-times, addresses, the cursor and the format: tst_open311mapper.

#include "open311parsertesting.h"
#include "sync/open311/open311mapper.h"
#include "sync/open311/open311parser.h"
#include "sync/timestamp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace C360;
using namespace C360::Test::Open311Parsing;
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
        qWarning("page refused: %s", qPrintable(records.error().detail));
        return reports;
    }
    for (const Open311Record &r : *records) {
        const auto mapped = Open311Mapper::map(r, QStringLiteral("open311"), Timestamp::defaultZone());
        if (!mapped) {
            qWarning("record %s refused: %s", qPrintable(Open311Mapper::recordId(r)), qPrintable(mapped.error().detail));
            continue;
        }
        reports.append(mapped->report);
    }
    return reports;
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
        QTest::addColumn<PageError::Kind>("kind");
        const QByteArray good = page({goodRecord(QStringLiteral("1")), goodRecord(QStringLiteral("2"))});
        const QByteArray xml = sample(QStringLiteral("samples/spec-examples/service-requests.xml"));
        QTest::newRow("empty") << QByteArray() << PageError::Kind::Empty;
        QTest::newRow("blank") << QByteArray(" \r\n") << PageError::Kind::Empty;
        QTest::newRow("html") << QByteArray("<html><body>Service unavailable</body></html>") << PageError::Kind::WebPage;
        QTest::newRow("text") << QByteArray("Service unavailable") << PageError::Kind::Syntax;
        QTest::newRow("truncated json") << good.left(good.size() / 2) << PageError::Kind::Syntax;
        QTest::newRow("truncated xml") << xml.left(xml.size() / 2) << PageError::Kind::Syntax;
        QTest::newRow("json object") << QByteArray(R"({"results": []})") << PageError::Kind::Shape;
        QTest::newRow("json error list") << QByteArray(R"([{"code": 403, "description": "Invalid api_key"}])") << PageError::Kind::ErrorDocument;
        QTest::newRow("xml error") << QByteArray("<errors><error><code>403</code></error></errors>") << PageError::Kind::ErrorDocument;
        QTest::newRow("xml other") << QByteArray("<services><service/></services>") << PageError::Kind::Shape;
        QTest::newRow("json number") << QByteArray("42") << PageError::Kind::Syntax;
        QTest::newRow("deep json") << QByteArray(5000, '[') + QByteArray(5000, ']') << PageError::Kind::Syntax;
    }
    void badPagesAreRefusedWhole()
    {
        QFETCH(QByteArray, body);
        QFETCH(PageError::Kind, kind);
        const auto records = Open311Parser::parse(body);
        QVERIFY(!records);
        QVERIFY(!records.error().detail.isEmpty());
        QCOMPARE(records.error().kind, kind);
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
        QVERIFY2(!many->first().problem, qPrintable(many->first().problem ? many->first().problem->detail : QString()));
        const QJsonArray notes = many->first().fields.value(u"notes"_s).toObject().value(u"note"_s).toArray();
        QCOMPARE(notes.size(), 10000);
        QCOMPARE(notes.last().toString(), u"n9999"_s);
        const auto tooMany = Open311Parser::parse(pageWith(25000));
        QVERIFY(tooMany && tooMany->size() == 1);
        QVERIFY(tooMany->first().problem);
        QCOMPARE(tooMany->first().problem->kind, RecordError::Kind::TooLarge);
        QVERIFY2(tooMany->first().problem->detail.contains(u"more than 10000 children"_s), qPrintable(tooMany->first().problem->detail));
        QVERIFY(!Open311Mapper::map(tooMany->first(), u"open311"_s, Timestamp::defaultZone()));
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
        QVERIFY(nested.error().detail.contains(QStringLiteral("wrong type")));
        QCOMPARE(nested.error().kind, RecordError::Kind::WrongType);
        QCOMPARE(Open311Mapper::recordId(records->at(1)), QStringLiteral("#1"));
    }

    void contentHashIgnoresKeyOrder()
    {
        const auto a = Open311Parser::parse(R"([{"service_request_id":"1","status":"open"}])");
        const auto b = Open311Parser::parse(R"([ {"status" : "open", "service_request_id" : "1"} ])");
        QVERIFY(a && b);
        QCOMPARE(a->first().canonical, b->first().canonical);
    }
};

QTEST_GUILESS_MAIN(TestOpen311Parser)
#include "tst_open311parser.moc"
