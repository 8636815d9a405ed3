// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Reading Klantinteracties JSON: every real sample payload of the specification folder parses and
// maps, bad records are refused alone with a reason that names the field and no personal data,
// and the mapping of names, identifiers, addresses, languages and channels.

#include "sync/klantinteracties/klantinteractiescontacttarget.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/klantinteracties/klantinteractiesparser.h"
#include "sync/klantinteracties/klantinteractiesreader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
QString samplesDir()
{
    return qEnvironmentVariable("C360_SOURCE_DIR", QStringLiteral(".")) + QStringLiteral("/tests/refbackend/specs/klantinteracties-openklant/samples");
}

QJsonObject goodParty()
{
    return QJsonDocument::fromJson(
               "{\n"
               "        \"uuid\": \"3715e799-b286-41e3-8ce7-4a1d726ee19d\", \"url\": \"http://x/partijen/3715e799-b286-41e3-8ce7-4a1d726ee19d\",\n"
               "        \"soortPartij\": \"persoon\", \"indicatieActief\": true, \"voorkeurstaal\": \"fre\",\n"
               "        \"betrokkenen\": [], \"categorieRelaties\": [], \"vertegenwoordigden\": [],\n"
               "        \"partijIdentificatie\": {\"contactnaam\": {\"voornaam\": \"Jean-Pierre\", \"voorvoegselAchternaam\": \"\", \"achternaam\": \"Ben "
               "Ali\", \"voorletters\": \"J.\"},\n"
               "                                \"volledigeNaam\": \"Jean-Pierre Ben Ali\"},\n"
               "        \"partijIdentificatoren\": [{\"uuid\": \"ce9eef23-affc-440b-8e96-d108f21bb6ca\",\n"
               "            \"partijIdentificator\": {\"codeObjecttype\": \"natuurlijk_persoon\", \"codeRegister\": \"rr\", \"codeSoortObjectId\": "
               "\"rijksregisternummer\", \"objectId\": \"68062700177\"}}],\n"
               "        \"bezoekadres\": {\"adresregel1\": \"Kapelstraat 295 bus 2\", \"adresregel2\": \"2200 Herentals\", \"adresregel3\": \"\", \"land\": "
               "\"BE\"},\n"
               "        \"correspondentieadres\": null,\n"
               "        \"digitaleAdressen\": [{\"uuid\": \"2b0344a8-eea9-4d05-8128-ccd1219d0ecc\"}, {\"uuid\": \"2b0344a8-eea9-4d05-874b-fab36ccb8835\"}],\n"
               "        \"voorkeursDigitaalAdres\": {\"uuid\": \"2b0344a8-eea9-4d05-874b-fab36ccb8835\"},\n"
               "        \"_expand\": {\"digitaleAdressen\": [\n"
               "            {\"uuid\": \"2b0344a8-eea9-4d05-8128-ccd1219d0ecc\", \"adres\": \"jp@example.be\", \"soortDigitaalAdres\": \"email\", "
               "\"verificatieDatum\": \"2022-08-09\"},\n"
               "            {\"uuid\": \"2b0344a8-eea9-4d05-874b-fab36ccb8835\", \"adres\": \"+32499745204\", \"soortDigitaalAdres\": \"telefoonnummer\", "
               "\"verificatieDatum\": null}]}\n"
               "    }")
        .object();
}

QJsonObject goodContact()
{
    return QJsonDocument::fromJson(
               "{\n"
               "        \"uuid\": \"bf79ed8d-cc3c-4f3f-8cef-b9977581a58b\", \"kanaal\": \"telefoon\", \"onderwerp\": \"Vuilniszakken\", \"inhoud\": \"Vraag\", "
               "\"taal\": \"nld\",\n"
               "        \"vertrouwelijk\": false, \"plaatsgevondenOp\": \"2020-03-23T15:11:38Z\", \"indicatieContactGelukt\": true,\n"
               "        \"gingOverOnderwerpobjecten\": [], \"hadBetrokkenActoren\": [], \"omvatteBijlagen\": [], \"leiddeTotInterneTaken\": [],\n"
               "        \"hadBetrokkenen\": [{\"uuid\": \"a93ab83f-090a-443d-8bd5-298ba782c5dd\"}],\n"
               "        \"_expand\": {\"hadBetrokkenen\": [{\"uuid\": \"a93ab83f-090a-443d-8bd5-298ba782c5dd\", \"rol\": \"klant\", \"initiator\": true,\n"
               "                                        \"wasPartij\": {\"uuid\": \"3715e799-b286-41e3-8ce7-4a1d726ee19d\"}}]}\n"
               "    }")
        .object();
}

QJsonObject goodTask()
{
    return QJsonDocument::fromJson("{\n"
                                   "        \"uuid\": \"66462c92-97df-47d0-87a7-0cc4985f758b\", \"aanleidinggevendKlantcontact\": {\"uuid\": "
                                   "\"bf79ed8d-cc3c-4f3f-8c90-3d05f210e997\"},\n"
                                   "        \"gevraagdeHandeling\": \"Doorsturen naar vakdienst\", \"toelichting\": \"Afspraak\", \"status\": \"verwerkt\", "
                                   "\"toegewezenOp\": \"2020-06-08T15:22:29Z\",\n"
                                   "        \"toegewezenAanActoren\": [{\"uuid\": \"c9179834-7777-424e-8d9f-96415b19668f\"}]\n"
                                   "    }")
        .object();
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

void setPath(QJsonObject &o, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        o.insert(key, value);
        return;
    }
    QJsonValue child = o.value(key);
    if (child.isArray()) {
        QJsonArray a = child.toArray();
        const int index = path.takeFirst().toInt();
        QJsonObject item = a.at(index).toObject();
        if (path.isEmpty()) {
            a[index] = value;
        } else {
            setPath(item, path, value);
            a[index] = item;
        }
        o.insert(key, a);
    } else {
        QJsonObject c = child.toObject();
        setPath(c, path, value);
        o.insert(key, c);
    }
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
        QTest::newRow("huge") << QByteArray("1e300") << KlantinteractiesPage::UnbelievableCount << false;
        QTest::newRow("negative") << QByteArray("-5") << KlantinteractiesPage::UnbelievableCount << true;
        QTest::newRow("fraction") << QByteArray("12.5") << KlantinteractiesPage::UnbelievableCount << false;
        QTest::newRow("beyond 2^53") << QByteArray("18014398509481984") << KlantinteractiesPage::UnbelievableCount << false;
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

    void citizenMapping()
    {
        const auto party = KlantinteractiesParser::party(goodParty());
        QVERIFY(party);
        const auto c = KlantinteractiesMapper::citizen(*party, u"openklant"_s);
        QVERIFY(c);
        QCOMPARE(c->givenNames, u"Jean-Pierre"_s);
        QCOMPARE(c->familyName, u"Ben Ali"_s);
        QCOMPARE(c->identifiers, QList<Identifier>({{IdentifierType::BelgianNationalNumber, u"68062700177"_s}}));
        QCOMPARE(c->birthDate, QDate(1968, 6, 27));
        QCOMPARE(c->address.street, u"Kapelstraat"_s);
        QCOMPARE(c->address.number, u"295"_s);
        QCOMPARE(c->address.box, u"2"_s);
        QCOMPARE(c->address.postcode, u"2200"_s);
        QCOMPARE(c->address.municipality, u"Herentals"_s);
        QCOMPARE(c->address.countryCode, u"BE"_s);
        QCOMPARE(c->preferredLanguage, u"fr"_s);
        QCOMPARE(c->digitalAddresses.size(), 2);
        QCOMPARE(c->digitalAddresses.at(0), (DigitalAddress{DigitalAddressKind::Email, u"jp@example.be"_s, QDate(2022, 8, 9)}));
        QVERIFY(!c->digitalAddresses.at(1).isVerified());
        QCOMPARE(c->channelPreferences, QList<ChannelPreference>({{u"general"_s, Channel::Phone}}));
        QCOMPARE(c->source, (SourceRef{u"openklant"_s, u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s}));
    }

    void dutchAddressAndBsn()
    {
        QJsonObject record = goodParty();
        setPath(record,
                {u"partijIdentificatoren"_s, u"0"_s, u"partijIdentificator"_s},
                QJsonObject{{u"codeObjecttype"_s, u"natuurlijk_persoon"_s},
                            {u"codeRegister"_s, u"brp"_s},
                            {u"codeSoortObjectId"_s, u"bsn"_s},
                            {u"objectId"_s, u"111222333"_s}});
        record[u"bezoekadres"_s] = QJsonObject{{u"straatnaam"_s, u"Kerkstraat"_s},
                                               {u"huisnummer"_s, 12},
                                               {u"huisnummertoevoeging"_s, u"A"_s},
                                               {u"postcode"_s, u"1234 AB"_s},
                                               {u"stad"_s, u"Utrecht"_s}};
        setPath(record, {u"partijIdentificatie"_s, u"contactnaam"_s, u"voorvoegselAchternaam"_s}, u"van der"_s);
        const auto c = KlantinteractiesMapper::citizen(*KlantinteractiesParser::party(record), u"openklant"_s);
        QVERIFY(c);
        QCOMPARE(c->identifiers, QList<Identifier>({{IdentifierType::DutchBsn, u"111222333"_s}}));
        QCOMPARE(c->familyName, u"van der Ben Ali"_s);
        QCOMPARE(c->address, (Address{u"Kerkstraat"_s, u"12"_s, u"A"_s, u"1234 AB"_s, u"Utrecht"_s, u"NL"_s}));
    }

    void contactAndTaskMapping()
    {
        const auto contact = KlantinteractiesParser::contact(goodContact());
        QVERIFY(contact);
        QCOMPARE(KlantinteractiesMapper::partyOf(*contact), u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s);
        const ContactMoment m = KlantinteractiesMapper::contactMoment(*contact, u"openklant"_s, 7);
        QCOMPARE(m.channel, Channel::Phone);
        QCOMPARE(m.citizenId, 7);
        QCOMPARE(m.outcome, ContactOutcome::Answered);
        QCOMPARE(m.time, QDateTime(QDate(2020, 3, 23), QTime(15, 11, 38), Qt::UTC));

        const auto task = KlantinteractiesParser::task(goodTask());
        QVERIFY(task);
        const Request r =
            KlantinteractiesMapper::request(*task, u"openklant"_s, 7, {{u"c9179834-7777-424e-8d9f-96415b19668f"_s, {AssigneeKind::Person, u"An"_s}}});
        QCOMPARE(r.question, u"Doorsturen naar vakdienst\n\nAfspraak"_s);
        QCOMPARE(r.status, RequestStatus::Closed);
        QCOMPARE(r.assignee, (Assignee{AssigneeKind::Person, u"An"_s}));
        QCOMPARE(r.created, QDateTime(QDate(2020, 6, 8), QTime(15, 22, 29), Qt::UTC));
    }

    // A time without an offset is the source's wall clock: Brussels unless the source names
    // another zone (the crawl sets it for the records of each page).
    void zonelessTimesAreTheSourcesWallClock()
    {
        QJsonObject record = goodTask();
        record.insert(u"toegewezenOp"_s, u"2020-06-08 17:22:29"_s);
        auto task = KlantinteractiesParser::task(record);
        QVERIFY2(task, qPrintable(task ? QString() : task.error().detail));
        QCOMPARE(task->toegewezenOp, QDateTime(QDate(2020, 6, 8), QTime(15, 22, 29), Qt::UTC));
        {
            const Klantinteracties::LocalZoneScope newYork(QTimeZone(QByteArrayLiteral("America/New_York")));
            task = KlantinteractiesParser::task(record);
            QVERIFY(task);
            QCOMPARE(task->toegewezenOp, QDateTime(QDate(2020, 6, 8), QTime(21, 22, 29), Qt::UTC));
        }
        task = KlantinteractiesParser::task(record);
        QCOMPARE(task->toegewezenOp, QDateTime(QDate(2020, 6, 8), QTime(15, 22, 29), Qt::UTC));
        record.insert(u"toegewezenOp"_s, u"8 juni 2020"_s);
        QVERIFY(!KlantinteractiesParser::task(record));
    }

    void maakKlantcontactBody()
    {
        ContactMoment m;
        m.channel = Channel::Email;
        m.subject = u"Afval"_s;
        m.text = u"Vraag over afval"_s;
        m.time = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        const QJsonObject body = QJsonDocument::fromJson(KlantinteractiesContactTarget::payload(m, u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s)).object();
        const QJsonObject k = body[u"klantcontact"_s].toObject();
        QCOMPARE(k[u"kanaal"_s].toString(), u"e-mail"_s);
        QCOMPARE(k[u"taal"_s].toString(), u"nld"_s);
        QCOMPARE(k[u"plaatsgevondenOp"_s].toString(), u"2026-03-02T09:00:00.000Z"_s);
        QCOMPARE(body[u"betrokkene"_s][u"wasPartij"_s][u"uuid"_s].toString(), u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s);
        QCOMPARE(body[u"betrokkene"_s][u"rol"_s].toString(), u"klant"_s);
        QVERIFY(!QJsonDocument::fromJson(KlantinteractiesContactTarget::payload(m, {})).object().contains(u"betrokkene"_s));
        // What the mapper writes, it reads back.
        QJsonObject withId = k;
        withId[u"uuid"_s] = u"bf79ed8d-cc3c-4f3f-8cef-b9977581a58b"_s;
        const auto again = KlantinteractiesParser::contact(withId);
        QVERIFY(again);
        QCOMPARE(KlantinteractiesMapper::channel(again->kanaal), Channel::Email);
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
