// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Open311 GeoReport v2 mapper record by record: every kind of bad record refused alone,
// lenient records read as they were meant, records named by position, the reporter from the
// extended attributes, date-times and addresses; and the Open311 cursor and configured format.

#include "open311parsertesting.h"
#include "sync/open311/open311cursor.h"
#include "sync/open311/open311mapper.h"
#include "sync/open311/open311parser.h"
#include "sync/sourceconfig.h"
#include "sync/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace C360;
using namespace C360::Test::Open311Parsing;
using namespace Qt::StringLiterals;

class TestOpen311Mapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
        QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().detail));
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

QTEST_GUILESS_MAIN(TestOpen311Mapper)
#include "tst_open311mapper.moc"
