// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The ZGW records as the parser reads them: well-formed ones field by field, a bad one refused
// alone with a reason that names the field and never its value.

#include "sync/zgw/zgwparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace C360;

namespace
{
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

const char *const goodZaak =
    "{\"url\": \"https://zaken.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef\",\n"
    "\"uuid\": \"8ea79f97-ee3a-47ba-8465-7726b9d7b1ef\", \"identificatie\": \"ZAAK-2025-0000101\",\n"
    "\"zaaktype\": \"https://zaken.example/catalogi/api/v1/zaaktypen/0f51ec77-3cf7-4030-82a8-3c3320ea0488\",\n"
    "\"omschrijving\": \"Premie energiebesparing: dakisolatie\", \"startdatum\": \"2025-09-20\", \"einddatumGepland\": \"2025-11-07\",\n"
    "\"uiterlijkeEinddatumAfdoening\": \"2025-11-19\", \"einddatum\": null, \"status\": null}";
} // namespace

class TestZgwParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uuidsOfUrls()
    {
        QCOMPARE(ZgwParser::uuidOfUrl(u"https://z.example/zaken/api/v1/zaken/8EA79F97-EE3A-47BA-8465-7726B9D7B1EF"_s),
                 u"8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s);
        QCOMPARE(ZgwParser::uuidOfUrl(u"https://z.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef/"_s),
                 u"8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s);
        QCOMPARE(ZgwParser::uuidOfUrl(u"https://z.example/zaken/api/v1/zaken/"_s), QString());
        QCOMPARE(ZgwParser::uuidOfUrl(u"8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s), QString()); // not a URL
        QCOMPARE(ZgwParser::uuidOfUrl(QString()), QString());
    }

    void durations()
    {
        QCOMPARE(ZgwParser::days(u"P105D"_s), 105);
        QCOMPARE(ZgwParser::days(u"P8W"_s), 56);
        QCOMPARE(ZgwParser::days(u"P1M"_s), 0); // a month has no fixed number of days
        QCOMPARE(ZgwParser::days(u"PT5H"_s), 0);
        QCOMPARE(ZgwParser::days(u""_s), 0);
        QCOMPARE(ZgwParser::days(u"P99999999D"_s), 0);
    }

    void aZaak()
    {
        const auto z = ZgwParser::zaak(json(goodZaak));
        QVERIFY(z);
        QCOMPARE(z->uuid, u"8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s);
        QCOMPARE(z->caseTypeUuid, u"0f51ec77-3cf7-4030-82a8-3c3320ea0488"_s);
        QCOMPARE(z->identification, u"ZAAK-2025-0000101"_s);
        QCOMPARE(z->started, QDate(2025, 9, 20));
        QCOMPARE(z->plannedEnd, QDate(2025, 11, 7));
        QCOMPARE(z->deadline, QDate(2025, 11, 19));
        QVERIFY(!z->ended.isValid());
    }

    void aBadZaakIsRefusedAlone_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("no zaaktype") << u"zaaktype"_s << QJsonValue(QJsonValue::Null) << u"zaaktype"_s;
        QTest::newRow("zaaktype not a URL") << u"zaaktype"_s << QJsonValue(u"omgevingsvergunning"_s) << u"zaaktype"_s;
        QTest::newRow("zaaktype a number") << u"zaaktype"_s << QJsonValue(12) << u"zaaktype"_s;
        QTest::newRow("no startdatum") << u"startdatum"_s << QJsonValue(QJsonValue::Null) << u"startdatum"_s;
        QTest::newRow("a bad date") << u"uiterlijkeEinddatumAfdoening"_s << QJsonValue(u"19-11-2025"_s) << u"uiterlijkeEinddatumAfdoening"_s;
        QTest::newRow("a bad uuid") << u"uuid"_s << QJsonValue(u"ZAAK-1"_s) << u"uuid"_s;
        QTest::newRow("omschrijving an object") << u"omschrijving"_s << QJsonValue(QJsonObject{{u"nl"_s, u"x"_s}}) << u"omschrijving"_s;
    }

    void aBadZaakIsRefusedAlone()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject record = json(goodZaak);
        record.insert(member, value);
        const auto z = ZgwParser::zaak(record);
        QVERIFY(!z);
        QCOMPARE(z.error().field, field);
        if (value.isString()) {
            QVERIFY2(!z.error().detail.contains(value.toString()), qPrintable(z.error().detail)); // never the value
        }
    }

    void statusesRolesAndTypes()
    {
        const auto s = ZgwParser::status(json("{\"uuid\": \"6a266db2-32de-44f6-8df1-dc195efbcb67\",\n"
                                              "\"zaak\": \"https://z.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef\",\n"
                                              "\"statustype\": \"https://z.example/catalogi/api/v1/statustypen/0f51ec77-3cf7-4030-8f66-80e84bff7eab\",\n"
                                              "\"datumStatusGezet\": \"2025-10-01T09:30:00+02:00\", \"statustoelichting\": \"Zie dossier.\"}"));
        QVERIFY(s);
        QCOMPARE(s->set, QDateTime(QDate(2025, 10, 1), QTime(7, 30), Qt::UTC));
        QCOMPARE(s->caseUuid, u"8ea79f97-ee3a-47ba-8465-7726b9d7b1ef"_s);
        QCOMPARE(s->explanation, u"Zie dossier."_s);
        QVERIFY(!ZgwParser::status(json("{\"uuid\": \"6a266db2-32de-44f6-8df1-dc195efbcb67\",\n"
                                        "\"zaak\": \"https://z.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef\",\n"
                                        "\"statustype\": \"https://z.example/catalogi/api/v1/statustypen/0f51ec77-3cf7-4030-8f66-80e84bff7eab\"}")));

        const auto flemish = ZgwParser::role(
            json("{\"uuid\": \"0f51ec77-3cf7-4030-82a8-3c3320ea0488\",\n"
                 "\"zaak\": \"https://z.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef\",\n"
                 "\"betrokkeneType\": \"natuurlijk_persoon\", \"betrokkeneIdentificatie\": {\"inpBsn\": \"\", \"anpIdentificatie\": \"85073003328\"}}"));
        QVERIFY(flemish);
        QCOMPARE(flemish->otherIdentification, u"85073003328"_s);
        QVERIFY(flemish->bsn.isEmpty());
        const auto wrongType = ZgwParser::role(
            json("{\"uuid\": \"0f51ec77-3cf7-4030-82a8-3c3320ea0488\",\n"
                 "\"zaak\": \"https://z.example/zaken/api/v1/zaken/8ea79f97-ee3a-47ba-8465-7726b9d7b1ef\", \"betrokkeneIdentificatie\": [\"999993653\"]}"));
        QVERIFY(!wrongType);
        QCOMPARE(wrongType.error().field, u"betrokkeneIdentificatie"_s);

        const auto type =
            ZgwParser::caseType(json("{\"url\": \"https://z.example/catalogi/api/v1/zaaktypen/0f51ec77-3cf7-4030-82a8-3c3320ea0488\",\n"
                                     "\"identificatie\": \"OMV-GEWOON\", \"omschrijving\": \"Omgevingsvergunning\", \"doorlooptijd\": \"P105D\"}"));
        QVERIFY(type);
        QCOMPARE(type->leadDays, 105);
        QCOMPARE(type->uuid, u"0f51ec77-3cf7-4030-82a8-3c3320ea0488"_s);
        QVERIFY(!ZgwParser::caseType(json("{\"url\": \"https://z.example/catalogi/api/v1/zaaktypen/0f51ec77-3cf7-4030-82a8-3c3320ea0488\"}")));
        const auto step = ZgwParser::statusType(json(
            "{\"url\": \"https://z.example/catalogi/api/v1/statustypen/0f51ec77-3cf7-4030-8f66-80e84bff7eab\",\n"
            "\"zaaktype\": \"https://z.example/catalogi/api/v1/zaaktypen/0f51ec77-3cf7-4030-82a8-3c3320ea0488\", \"omschrijving\": \"Beslissing genomen\",\n"
            "\"volgnummer\": 5, \"isEindstatus\": true}"));
        QVERIFY(step);
        QCOMPARE(step->number, 5);
        QVERIFY(step->final);
        QVERIFY(!ZgwParser::statusType(json("{\"url\": \"https://z.example/catalogi/api/v1/statustypen/0f51ec77-3cf7-4030-8f66-80e84bff7eab\",\n"
                                            "\"zaaktype\": \"https://z.example/catalogi/api/v1/zaaktypen/0f51ec77-3cf7-4030-82a8-3c3320ea0488\", "
                                            "\"omschrijving\": \"x\", \"volgnummer\": \"vijf\"}")));
    }
};

QTEST_GUILESS_MAIN(TestZgwParser)
#include "tst_zgwparser.moc"
