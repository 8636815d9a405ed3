// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Reading Klantinteracties JSON: every real sample payload of the specification folder parses and
// maps, bad records and pages are refused with the kind of error, a reason that names the field and
// no personal data. The mapping to local records is tst_klantinteractiesmapper.

#include "klantinteractiesrecords.h"
#include "sync/commongroundreader.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace C360;
using namespace C360::Test::Klantinteracties;
using namespace Qt::StringLiterals;

namespace
{
QString samplesDir()
{
    return qEnvironmentVariable("C360_SOURCE_DIR", QStringLiteral(".")) + QStringLiteral("/tests/refbackend/specs/klantinteracties-openklant/samples");
}

// The error of a failed result, empty for a good one (QVERIFY2 evaluates its message always).
template<typename R>
QString errorOf(const R &result)
{
    return result ? QString() : QString(result.error().detail);
}

// The record passes the checks every record gets, then its own parser; no detail when it maps.
RecordError refusalOf(const QString &kind, const QJsonObject &record, bool invalidUtf8 = false)
{
    if (auto checked = KlantinteractiesParser::checkRecord(record, invalidUtf8); !checked) {
        return checked.error();
    }
    if (kind == QLatin1String("party")) {
        auto party = KlantinteractiesParser::party(record);
        if (!party) {
            return party.error();
        }
        auto citizen = KlantinteractiesMapper::citizen(*party, QStringLiteral("openklant"));
        return citizen ? RecordError{} : citizen.error();
    }
    if (kind == QLatin1String("contact")) {
        auto contact = KlantinteractiesParser::contact(record);
        return contact ? RecordError{} : contact.error();
    }
    auto task = KlantinteractiesParser::task(record);
    return task ? RecordError{} : task.error();
}

QString refusal(const QString &kind, const QJsonObject &record, bool invalidUtf8 = false)
{
    return refusalOf(kind, record, invalidUtf8).detail;
}

} // namespace

class TestKlantinteractiesParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every response (and request) body of the recorded exchanges that is a partij, klantcontact,
    // interne taak, digitaal adres, betrokkene or a list of them is read and mapped.
    void samplesParse()
    {
        const QStringList files = QDir(samplesDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 11);
        int parties = 0, contacts = 0, tasks = 0, addresses = 0, involved = 0;
        for (const QString &file : files) {
            QFile f(QDir(samplesDir()).filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject sample = QJsonDocument::fromJson(f.readAll()).object();
            for (const QJsonValue &exchange : sample.value(QStringLiteral("exchanges")).toArray()) {
                const QString uri = exchange[QStringLiteral("uri")].toString();
                const QString path = QUrl(uri).path().section(QStringLiteral("/api/v1/"), 1);
                const QString list = path.section(QLatin1Char('/'), 0, 0);
                QJsonObject body = exchange[QStringLiteral("responseBody")].toObject();
                QList<QJsonObject> records;
                if (body.contains(QStringLiteral("results"))) {
                    const auto page = KlantinteractiesParser::page(QJsonDocument(body).toJson());
                    QVERIFY2(page, qPrintable(file + QStringLiteral(": ") + errorOf(page)));
                    records = page->records;
                } else if (!body.isEmpty()) {
                    records.append(body);
                }
                for (const QJsonObject &record : std::as_const(records)) {
                    const QString where = file + QStringLiteral(" ") + exchange[QStringLiteral("method")].toString() + QLatin1Char(' ') + path;
                    if (list == QLatin1String("partijen")) {
                        const auto party = KlantinteractiesParser::party(record);
                        QVERIFY2(party, qPrintable(where + QStringLiteral(": ") + errorOf(party)));
                        const auto citizen = KlantinteractiesMapper::citizen(*party, QStringLiteral("openklant"));
                        QVERIFY2(citizen, qPrintable(where + QStringLiteral(": ") + errorOf(citizen)));
                        QCOMPARE(citizen->source.id, record[QStringLiteral("uuid")].toString());
                        ++parties;
                    } else if (list == QLatin1String("klantcontacten")) {
                        const auto contact = KlantinteractiesParser::contact(record);
                        QVERIFY2(contact, qPrintable(where + QStringLiteral(": ") + errorOf(contact)));
                        QCOMPARE(KlantinteractiesMapper::contactMoment(*contact, QStringLiteral("openklant"), 0).subject,
                                 record[QStringLiteral("onderwerp")].toString());
                        ++contacts;
                    } else if (list == QLatin1String("internetaken")) {
                        const auto task = KlantinteractiesParser::task(record);
                        QVERIFY2(task, qPrintable(where + QStringLiteral(": ") + errorOf(task)));
                        QVERIFY(!KlantinteractiesMapper::request(*task, QStringLiteral("openklant"), 0, {}).question.isEmpty());
                        ++tasks;
                    } else if (list == QLatin1String("digitaleadressen")) {
                        const auto address = KlantinteractiesParser::digitalAddress(record);
                        QVERIFY2(address, qPrintable(where + QStringLiteral(": ") + errorOf(address)));
                        ++addresses;
                    } else if (list == QLatin1String("betrokkenen")) {
                        const auto b = KlantinteractiesParser::involved(record);
                        QVERIFY2(b, qPrintable(where + QStringLiteral(": ") + errorOf(b)));
                        ++involved;
                    } else if (list == QLatin1String("maak-klantcontact")) {
                        const auto contact = KlantinteractiesParser::contact(record.value(QStringLiteral("klantcontact")).toObject());
                        QVERIFY2(contact, qPrintable(where + QStringLiteral(": ") + errorOf(contact)));
                        ++contacts;
                    }
                }
            }
        }
        QVERIFY(parties >= 5);
        QVERIFY(contacts >= 4);
        QVERIFY(tasks >= 2);
        QVERIFY(addresses >= 2);
        QVERIFY(involved >= 2);
    }

    void badRecords_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reason"); // a part of it
        QTest::addColumn<RecordError::Kind>("errorKind");

        const QString longText(70 * 1024, QLatin1Char('x'));
        QTest::newRow("party: uuid missing") << u"party"_s << u"uuid"_s << QJsonValue() << u"missing uuid"_s << RecordError::Kind::Missing;
        QTest::newRow("party: uuid malformed") << u"party"_s << u"uuid"_s << QJsonValue(u"not-a-uuid"_s) << u"uuid is not a uuid"_s
                                               << RecordError::Kind::Malformed;
        QTest::newRow("party: uuid a number") << u"party"_s << u"uuid"_s << QJsonValue(17) << u"uuid is not a string"_s << RecordError::Kind::WrongType;
        QTest::newRow("party: name an object") << u"party"_s << u"partijIdentificatie.contactnaam.voornaam"_s << QJsonValue(QJsonObject())
                                               << u"partijIdentificatie.contactnaam.voornaam is not a string"_s << RecordError::Kind::WrongType;
        QTest::newRow("party: unknown soortPartij") << u"party"_s << u"soortPartij"_s << QJsonValue(u"alien"_s) << u"unknown value of soortPartij"_s
                                                    << RecordError::Kind::UnknownValue;
        QTest::newRow("party: unknown codeSoortObjectId") << u"party"_s << u"partijIdentificatoren.0.partijIdentificator.codeSoortObjectId"_s
                                                          << QJsonValue(u"paspoort"_s) << u"unknown value of"_s << RecordError::Kind::UnknownValue;
        QTest::newRow("party: unknown soortDigitaalAdres") << u"party"_s << u"_expand.digitaleAdressen.0.soortDigitaalAdres"_s << QJsonValue(u"fax"_s)
                                                           << u"unknown value of digitaalAdres.soortDigitaalAdres"_s << RecordError::Kind::UnknownValue;
        QTest::newRow("party: national number check") << u"party"_s << u"partijIdentificatoren.0.partijIdentificator.objectId"_s << QJsonValue(u"68062700178"_s)
                                                      << u"rijksregisternummer fails its check"_s << RecordError::Kind::Malformed;
        QTest::newRow("party: huge string") << u"party"_s << u"partijIdentificatie.contactnaam.achternaam"_s << QJsonValue(longText)
                                            << u"partijIdentificatie.contactnaam.achternaam is longer than 64 KiB"_s << RecordError::Kind::TooLarge;
        QTest::newRow("party: huisnummer a string") << u"party"_s << u"bezoekadres.huisnummer"_s << QJsonValue(u"12"_s)
                                                    << u"bezoekadres.huisnummer is not an integer"_s << RecordError::Kind::WrongType;
        QTest::newRow("party: verificatieDatum no date") << u"party"_s << u"_expand.digitaleAdressen.0.verificatieDatum"_s << QJsonValue(u"yesterday"_s)
                                                         << u"verificatieDatum is not a date"_s << RecordError::Kind::Malformed;
        QTest::newRow("contact: onderwerp a number") << u"contact"_s << u"onderwerp"_s << QJsonValue(3) << u"onderwerp is not a string"_s
                                                     << RecordError::Kind::WrongType;
        QTest::newRow("contact: unknown rol") << u"contact"_s << u"_expand.hadBetrokkenen.0.rol"_s << QJsonValue(u"boss"_s)
                                              << u"unknown value of betrokkene.rol"_s << RecordError::Kind::UnknownValue;
        QTest::newRow("contact: bad time") << u"contact"_s << u"plaatsgevondenOp"_s << QJsonValue(u"gisteren"_s) << u"plaatsgevondenOp is not a date-time"_s
                                           << RecordError::Kind::Malformed;
        QTest::newRow("contact: huge inhoud") << u"contact"_s << u"inhoud"_s << QJsonValue(longText) << u"inhoud is longer than 64 KiB"_s
                                              << RecordError::Kind::TooLarge;
        QTest::newRow("task: unknown status") << u"task"_s << u"status"_s << QJsonValue(u"misschien"_s) << u"unknown value of status"_s
                                              << RecordError::Kind::UnknownValue;
        QTest::newRow("task: no contact") << u"task"_s << u"aanleidinggevendKlantcontact"_s << QJsonValue() << u"missing aanleidinggevendKlantcontact"_s
                                          << RecordError::Kind::Missing;
        QTest::newRow("task: actoren not an array") << u"task"_s << u"toegewezenAanActoren"_s << QJsonValue(u"x"_s) << u"toegewezenAanActoren is not an array"_s
                                                    << RecordError::Kind::WrongType;
    }

    void badRecords()
    {
        QFETCH(QString, kind);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reason);
        QFETCH(RecordError::Kind, errorKind);
        QJsonObject record = kind == QLatin1String("party") ? goodParty() : kind == QLatin1String("contact") ? goodContact() : goodTask();
        QCOMPARE(refusal(kind, record), QString());
        if (value.isUndefined() || value.isNull()) {
            QStringList parts = path.split(QLatin1Char('.'));
            QCOMPARE(parts.size(), 1);
            record.remove(path);
        } else {
            setPath(record, path.split(QLatin1Char('.')), value);
        }
        const RecordError error = refusalOf(kind, record);
        const QString why = error.detail;
        QVERIFY2(why.contains(reason), qPrintable(why));
        QCOMPARE(error.kind, errorKind);
        // The member at fault is named as a field of its own (the path without the list indexes).
        QCOMPARE(error.field.section(QLatin1Char('.'), -1), path.section(QLatin1Char('.'), -1));
        // Never the value, never a name or number from the record.
        for (const QString &personal : {u"Jean-Pierre"_s, u"Ben Ali"_s, u"68062700177"_s, u"68062700178"_s, u"jp@example.be"_s, u"yesterday"_s}) {
            QVERIFY(!why.contains(personal));
        }
        QVERIFY(why.size() < 200);
    }

    // A page with one record in invalid UTF-8: that record is refused, the others are read.
    void invalidUtf8()
    {
        QJsonObject bad = goodParty();
        bad[u"uuid"_s] = u"3715e799-b286-41e3-8ce7-4a1d726ee19e"_s;
        setPath(bad, {u"partijIdentificatie"_s, u"contactnaam"_s, u"achternaam"_s}, u"BADNAME"_s);
        QJsonObject envelope{{u"count"_s, 2}, {u"next"_s, QJsonValue::Null}, {u"results"_s, QJsonArray{goodParty(), bad}}};
        QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
        body.replace("BADNAME", "B\xff\xfeN");
        const auto page = KlantinteractiesParser::page(body);
        QVERIFY(page);
        QVERIFY(page->invalidUtf8);
        QCOMPARE(page->records.size(), 2);
        QCOMPARE(refusal(u"party"_s, page->records.at(0), true), QString());
        QCOMPARE(refusal(u"party"_s, page->records.at(1), true), u"partijIdentificatie.contactnaam.achternaam is not valid UTF-8"_s);
        QCOMPARE(KlantinteractiesParser::recordId(page->records.at(1)), u"3715e799-b286-41e3-8ce7-4a1d726ee19e"_s);
    }

    void malformedPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<PageError::Kind>("kind");
        QTest::newRow("HTML") << QByteArray("<html>oops</html>") << PageError::Kind::WebPage;
        QTest::newRow("not JSON") << QByteArray("Service unavailable") << PageError::Kind::Syntax;
        QTest::newRow("truncated") << QByteArray("{\"count\": 2, \"next\": null, \"results\": [{\"uuid\": \"3715e799") << PageError::Kind::Syntax;
        QTest::newRow("an array") << QByteArray("[]") << PageError::Kind::Shape;
        QTest::newRow("no results") << QByteArray("{\"count\": 2}") << PageError::Kind::Shape;
        QTest::newRow("results an object") << QByteArray("{\"count\": 2, \"results\": {}}") << PageError::Kind::Shape;
        QTest::newRow("count a string") << QByteArray("{\"count\": \"2\", \"results\": []}") << PageError::Kind::Shape;
        QTest::newRow("next a number") << QByteArray("{\"count\": 2, \"next\": 3, \"results\": []}") << PageError::Kind::Shape;
        QTest::newRow("empty") << QByteArray() << PageError::Kind::Empty;
        QTest::newRow("blank") << QByteArray(" \r\n") << PageError::Kind::Empty;
    }

    void malformedPages()
    {
        QFETCH(QByteArray, body);
        QFETCH(PageError::Kind, kind);
        const auto page = KlantinteractiesParser::page(body);
        QVERIFY(!page);
        QCOMPARE(page.error().kind, kind);
    }

    void pageEnvelope()
    {
        const auto page = KlantinteractiesParser::page(
            "{\"count\": 7, \"next\": \"http://elsewhere/x?page=3&pageSize=2\", \"previous\": null,\n"
            "                                                          \"results\": [{\"uuid\": \"3715e799-b286-41e3-8ce7-4a1d726ee19d\"}, 5]}");
        QVERIFY(page);
        QCOMPARE(page->count, 7);
        QVERIFY(page->hasNext);
        QCOMPARE(page->nextPage, 3);
        QCOMPARE(page->records.size(), 2);
        QVERIFY(!KlantinteractiesParser::checkRecord(page->records.at(1), false)); // not an object
    }

    // A count no list can have is kept as one too large to believe (never converted blindly: 1e300
    // to an integer is undefined behaviour, which the fuzzer found in the record reader).
    void countsThatAreNoCounts_data()
    {
        QTest::addColumn<QByteArray>("count");
        QTest::addColumn<qint64>("read");
        QTest::addColumn<bool>("anInteger"); // as a record's integer field
        QTest::newRow("ordinary") << QByteArray("500") << qint64(500) << true;
        QTest::newRow("zero") << QByteArray("0") << qint64(0) << true;
        QTest::newRow("huge") << QByteArray("1e300") << CommonGroundPage::UnbelievableCount << false;
        QTest::newRow("negative") << QByteArray("-5") << CommonGroundPage::UnbelievableCount << true;
        QTest::newRow("fraction") << QByteArray("12.5") << CommonGroundPage::UnbelievableCount << false;
        QTest::newRow("beyond 2^53") << QByteArray("18014398509481984") << CommonGroundPage::UnbelievableCount << false;
        QTest::newRow("none") << QByteArray("null") << qint64(-1) << true;
    }

    void countsThatAreNoCounts()
    {
        QFETCH(QByteArray, count);
        QFETCH(qint64, read);
        QFETCH(bool, anInteger);
        const auto page = KlantinteractiesParser::page("{\"count\": " + count + ", \"next\": null, \"results\": []}");
        QVERIFY(page);
        QCOMPARE(page->count, read);
        // And a record's integer field of that kind is refused, not converted.
        QJsonObject record = goodParty();
        QJsonObject address = record.value(u"bezoekadres"_s).toObject();
        address.insert(u"huisnummer"_s, QJsonDocument::fromJson("[" + count + "]").array().first());
        record.insert(u"bezoekadres"_s, address);
        const auto party = KlantinteractiesParser::party(record);
        QCOMPARE(bool(party), anInteger);
    }

    void zonelessTimesAreTheSourcesWallClock()
    {
        QJsonObject record = goodTask();
        record.insert(u"toegewezenOp"_s, u"2020-06-08 17:22:29"_s);
        auto task = KlantinteractiesParser::task(record);
        QVERIFY2(task, qPrintable(task ? QString() : task.error().detail));
        QCOMPARE(task->toegewezenOp, QDateTime(QDate(2020, 6, 8), QTime(15, 22, 29), Qt::UTC));
        {
            const CommonGround::LocalZoneScope newYork(QTimeZone(QByteArrayLiteral("America/New_York")));
            task = KlantinteractiesParser::task(record);
            QVERIFY(task);
            QCOMPARE(task->toegewezenOp, QDateTime(QDate(2020, 6, 8), QTime(21, 22, 29), Qt::UTC));
        }
        task = KlantinteractiesParser::task(record);
        QCOMPARE(task->toegewezenOp, QDateTime(QDate(2020, 6, 8), QTime(15, 22, 29), Qt::UTC));
        record.insert(u"toegewezenOp"_s, u"8 juni 2020"_s);
        QVERIFY(!KlantinteractiesParser::task(record));
    }

    void contentHash()
    {
        QJsonObject a = goodParty();
        QJsonObject b = a;
        b[u"url"_s] = u"http://127.0.0.1:9999/elsewhere"_s; // another host: the same content
        b[u"betrokkenen"_s] = QJsonArray{QJsonObject{{u"uuid"_s, u"a93ab83f-090a-443d-8bd5-298ba782c5dd"_s}}};
        const QStringList volatileKeys{u"betrokkenen"_s};
        QCOMPARE(KlantinteractiesParser::contentHash(a, volatileKeys), KlantinteractiesParser::contentHash(b, volatileKeys));
        b[u"voorkeurstaal"_s] = u"nld"_s;
        QVERIFY(KlantinteractiesParser::contentHash(a, volatileKeys) != KlantinteractiesParser::contentHash(b, volatileKeys));
        QCOMPARE(KlantinteractiesParser::contentHash(a).size(), 32);
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesParser)
#include "tst_klantinteractiesparser.moc"
