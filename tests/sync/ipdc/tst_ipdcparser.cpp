// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// IpdcParser on the real samples of tests/refbackend/specs/product-catalogue-flanders-ipdc, on
// bad members (each rejected alone, with a reason) and on pages that are not LDES pages at all.
#include "sync/ipdc/ipdcparser.h"
#include "sync/timestamp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace C360;

namespace
{
QString samplePath(const QString &name)
{
    return qEnvironmentVariable("C360_SOURCE_DIR") + QStringLiteral("/tests/refbackend/specs/product-catalogue-flanders-ipdc/samples/") + name;
}

QByteArray readSample(const QString &name)
{
    QFile f(samplePath(name));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

const QUrl pageUrl(QStringLiteral("http://hostname/doc/instancesnapshot?pageNumber=0"));

// A small valid member, as on page 0 of the instance stub.
QJsonObject goodMember(const QString &id = QStringLiteral("http://data.lblod.info/id/public-service-snapshot/good"))
{
    return QJsonObject{
        {QStringLiteral("@id"), id},
        {QStringLiteral("@type"), QJsonArray{QStringLiteral("InstantieSnapshot")}},
        {QStringLiteral("isVersionOf"), QStringLiteral("http://data.lblod.info/id/public-service/p1")},
        {QStringLiteral("generatedAtTime"), QStringLiteral("2024-02-18T06:32:10.377Z")},
        {QStringLiteral("laatstGewijzigd"), QStringLiteral("2024-02-14T13:59:25.236Z")},
        {QStringLiteral("naam"), QJsonObject{{QStringLiteral("nl"), QStringLiteral("Parkeerkaart")}, {QStringLiteral("fr"), QStringLiteral("Carte")}}},
        {QStringLiteral("doelgroepen"), QJsonArray{QStringLiteral("Burger")}},
    };
}

QByteArray pageOf(const QJsonArray &members)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("@id"), pageUrl.toString()}, {QStringLiteral("member"), members}}).toJson();
}
} // namespace

class TestIpdcParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instanceStubPages_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("members");
        QTest::addColumn<QStringList>("forward");
        QTest::newRow("page-0") << QStringLiteral("lpdc-instancesnapshot-ldes-page-0.json") << 3
                                << QStringList{QStringLiteral("http://hostname/doc/instancesnapshot?pageNumber=1")};
        // The less-than relation back to page 0 leads to older members: not followed.
        QTest::newRow("page-1") << QStringLiteral("lpdc-instancesnapshot-ldes-page-1.json") << 3
                                << QStringList{QStringLiteral("http://hostname/doc/instancesnapshot?pageNumber=2")};
        QTest::newRow("page-2") << QStringLiteral("lpdc-instancesnapshot-ldes-page-2.json") << 2 << QStringList{};
    }
    void instanceStubPages()
    {
        QFETCH(QString, file);
        QFETCH(int, members);
        QFETCH(QStringList, forward);
        const QByteArray body = readSample(file);
        QVERIFY(!body.isEmpty());
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(body, pageUrl);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().detail));
        QCOMPARE(page->rejected.size(), 0);
        QCOMPARE(page->members.size(), members);
        QStringList next;
        for (const QUrl &u : page->forward) {
            next.append(u.toString());
        }
        QCOMPARE(next, forward);
        for (const IpdcMember &m : page->members) {
            QVERIFY(!m.entry.name.isEmpty());
            QVERIFY(m.generatedAt.isValid());
            QCOMPARE(m.entry.source.system, QStringLiteral("ipdc"));
            QCOMPARE(m.entry.source.id, m.productIri);
            QCOMPARE(m.contentHash.size(), 64);
        }
    }

    void twoVersionsOfOneInstance()
    {
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(readSample(QStringLiteral("lpdc-instancesnapshot-ldes-page-0.json")), pageUrl);
        QVERIFY(page);
        const IpdcMember &first = page->members.at(0);
        const IpdcMember &second = page->members.at(1);
        QCOMPARE(first.productIri, second.productIri);
        QVERIFY(first.versionStamp() < second.versionStamp());
        QCOMPARE(second.entry.name.exact(QStringLiteral("nl-BE-x-informal")), QStringLiteral("Minimalistische instantie updatet"));
        QCOMPARE(second.entry.lastModified, QDateTime(QDate(2024, 2, 15), QTime(14, 59, 30, 236), Qt::UTC));
    }

    void archivedInstance()
    {
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(readSample(QStringLiteral("lpdc-instancesnapshot-ldes-page-1.json")), pageUrl);
        QVERIFY(page);
        QCOMPARE(page->members.at(1).archived, false); // "gearchiveerd": "false"
        QCOMPARE(page->members.at(2).archived, true); // "gearchiveerd": "true"
        QCOMPARE(page->members.at(1).productIri, page->members.at(2).productIri);
    }

    void exhaustiveInstance()
    {
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(readSample(QStringLiteral("lpdc-instancesnapshot-ldes-page-1.json")), pageUrl);
        QVERIFY(page);
        const CatalogueEntry &e = page->members.at(0).entry;
        QCOMPARE(e.productId, QStringLiteral("http://data.lblod.info/id/public-service/c31c343e-836c-4674-8efa-991cc2078493"));
        QCOMPARE(e.name.languages(), (QStringList{QStringLiteral("en"), QStringLiteral("nl-BE-x-informal")}));
        QCOMPARE(e.name.exact(QStringLiteral("en")), QStringLiteral("Certificate of Belgian nationality"));
        // Description, then the further description.
        QVERIFY(e.description.exact(QStringLiteral("en")).startsWith(QStringLiteral("<p data-indentation-level=\"0\">The certificate of Belgian nationality")));
        QVERIFY(e.description.exact(QStringLiteral("nl-BE-x-informal")).endsWith(QStringLiteral("Verdere beschrijving</p>")));
        // Requirements in order, each name above its description, then the exceptions.
        const QString conditions = e.conditions.exact(QStringLiteral("en"));
        QVERIFY(conditions.startsWith(QStringLiteral("Requirements - 1\n")));
        QVERIFY(conditions.indexOf(QStringLiteral("Requirements - 2")) > conditions.indexOf(QStringLiteral("Requirements - 1")));
        QVERIFY(conditions.endsWith(QStringLiteral("<p data-indentation-level=\"0\">Exceptions</p>")));
        QVERIFY(e.requiredDocuments.exact(QStringLiteral("nl-BE-x-informal")).startsWith(QStringLiteral("Bewijs - 1\n")));
        QVERIFY(e.requiredDocuments.exact(QStringLiteral("en")).contains(QStringLiteral("Evidence - 2")));
        QVERIFY(e.procedure.exact(QStringLiteral("en")).startsWith(QStringLiteral("Procedure - en - 1\n")));
        QVERIFY(e.cost.exact(QStringLiteral("nl-BE-x-informal")).contains(QStringLiteral("De aanvraag en het attest zijn gratis. - 2")));
        QCOMPARE(e.keywords.exact(QStringLiteral("nl")), QStringLiteral("Akte, Nationaliteit"));
        QCOMPARE(e.targetAudiences, (QStringList{QStringLiteral("citizen"), QStringLiteral("company")}));
        QCOMPARE(e.themes, (QStringList{QStringLiteral("BurgerOverheid"), QStringLiteral("CultuurSportVrijeTijd")}));
        QCOMPARE(e.lastModified, QDateTime(QDate(2024, 2, 14), QTime(13, 59, 25, 237), Qt::UTC));
    }

    void conceptSnapshot()
    {
        // One member as the IPDC concept LDES carries it, with its context embedded.
        const QJsonObject member = QJsonDocument::fromJson(readSample(QStringLiteral("ipdc-conceptsnapshot-from-ldes-stream.jsonld"))).object();
        QVERIFY(!member.isEmpty());
        auto m = IpdcParser(QStringLiteral("ipdc")).parseMember(member);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().detail));
        QCOMPARE(m->productIri, QStringLiteral("https://ipdc.tni-vlaanderen.be/id/concept/705d401c-1a41-4802-a863-b22499f71b84"));
        QCOMPARE(m->generatedAt, QDateTime(QDate(2023, 7, 12), QTime(11, 40, 20, 441), Qt::UTC)); // microseconds cut off
        QCOMPARE(m->archived, false); // a JSON boolean here
        QCOMPARE(m->entry.name.languages(),
                 (QStringList{
                     QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("nl-BE-x-generated-formal"), QStringLiteral("nl-BE-x-generated-informal")}));
        QCOMPARE(m->entry.name.text(QStringLiteral("nl-BE-x-formal")), QStringLiteral("Akte van Belgische nationaliteit - nl"));
        QCOMPARE(m->entry.keywords.exact(QStringLiteral("nl")), QStringLiteral("Akte - nl, Nationaliteit - nl"));
        QVERIFY(m->entry.cost.exact(QStringLiteral("en")).startsWith(QStringLiteral("bedrag kost - en\n")));
        QCOMPARE(m->entry.lastModified, QDateTime(QDate(2023, 7, 12), QTime(11, 40, 20, 26), Qt::UTC));
    }

    void badMembers_data()
    {
        QTest::addColumn<QJsonObject>("member");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<RecordError::Kind>("kind");
        const QString id = QStringLiteral("http://data.lblod.info/id/public-service-snapshot/bad");
        QJsonObject m = goodMember(id);
        auto with = [&m](const QString &key, const QJsonValue &value) {
            QJsonObject o = m;
            if (value.isUndefined()) {
                o.remove(key);
            } else {
                o.insert(key, value);
            }
            return o;
        };
        QTest::newRow("wrong type") << with(QStringLiteral("@type"), QStringLiteral("Organisatie")) << QStringLiteral("not an IPDC snapshot")
                                    << RecordError::Kind::Refused;
        QTest::newRow("no type") << with(QStringLiteral("@type"), QJsonValue::Undefined) << QStringLiteral("not an IPDC snapshot")
                                 << RecordError::Kind::Refused;
        QTest::newRow("id a number") << with(QStringLiteral("@id"), 42) << QStringLiteral("no @id") << RecordError::Kind::Missing;
        QTest::newRow("no isVersionOf") << with(QStringLiteral("isVersionOf"), QJsonValue::Undefined) << QStringLiteral("\"isVersionOf\" is missing")
                                        << RecordError::Kind::Missing;
        QTest::newRow("isVersionOf a list") << with(QStringLiteral("isVersionOf"), QJsonArray{1}) << QStringLiteral("\"isVersionOf\" is not an IRI")
                                            << RecordError::Kind::Malformed;
        QTest::newRow("no generatedAtTime") << with(QStringLiteral("generatedAtTime"), QJsonValue::Undefined)
                                            << QStringLiteral("\"generatedAtTime\" is missing") << RecordError::Kind::Missing;
        QTest::newRow("generatedAtTime not a date") << with(QStringLiteral("generatedAtTime"), QStringLiteral("yesterday"))
                                                    << QStringLiteral("\"generatedAtTime\" is not a date-time") << RecordError::Kind::Malformed;
        QTest::newRow("laatstGewijzigd a number") << with(QStringLiteral("laatstGewijzigd"), 5) << QStringLiteral("\"laatstGewijzigd\" is not a date-time")
                                                  << RecordError::Kind::Malformed;
        QTest::newRow("no name") << with(QStringLiteral("naam"), QJsonValue::Undefined) << QStringLiteral("\"naam\" is missing") << RecordError::Kind::Missing;
        QTest::newRow("name a string") << with(QStringLiteral("naam"), QStringLiteral("Parkeerkaart")) << QStringLiteral("\"naam\" is not a language map")
                                       << RecordError::Kind::WrongType;
        QTest::newRow("name text a number") << with(QStringLiteral("naam"), QJsonObject{{QStringLiteral("nl"), 3}})
                                            << QStringLiteral("\"naam\" has a text that is not a string") << RecordError::Kind::WrongType;
        QTest::newRow("unknown language") << with(QStringLiteral("naam"), QJsonObject{{QStringLiteral("xx-YY"), QStringLiteral("?")}})
                                          << QStringLiteral("unknown language tag") << RecordError::Kind::UnknownValue;
        QTest::newRow("language tag shape") << with(QStringLiteral("beschrijving"), QJsonObject{{QStringLiteral("nl_BE formal!"), QStringLiteral("?")}})
                                            << QStringLiteral("unknown language tag") << RecordError::Kind::UnknownValue;
        QTest::newRow("huge text") << with(QStringLiteral("beschrijving"), QJsonObject{{QStringLiteral("nl"), QString(64 * 1024 + 1, QLatin1Char('a'))}})
                                   << QStringLiteral("larger than 64 KiB") << RecordError::Kind::TooLarge;
        QTest::newRow("unknown audience") << with(QStringLiteral("doelgroepen"), QJsonArray{QStringLiteral("Marsbewoner")})
                                          << QStringLiteral("\"doelgroepen\" has an unknown code") << RecordError::Kind::UnknownValue;
        QTest::newRow("unknown theme") << with(QStringLiteral("themas"), QJsonArray{QStringLiteral("Ruimtevaart")})
                                       << QStringLiteral("\"themas\" has an unknown code") << RecordError::Kind::UnknownValue;
        QTest::newRow("requirements an object") << with(QStringLiteral("voorwaarden"), QJsonObject{}) << QStringLiteral("\"voorwaarden\" is not a list")
                                                << RecordError::Kind::WrongType;
        QTest::newRow("requirement a string") << with(QStringLiteral("voorwaarden"), QJsonArray{QStringLiteral("x")})
                                              << QStringLiteral("\"voorwaarden\" has an item that is not an object") << RecordError::Kind::WrongType;
        QTest::newRow("cost order a string") << with(QStringLiteral("kosten"), QJsonArray{QJsonObject{{QStringLiteral("order"), QStringLiteral("1")}}})
                                             << QStringLiteral("\"kosten\" has an order that is not a number") << RecordError::Kind::WrongType;
        QTest::newRow("archived maybe") << with(QStringLiteral("gearchiveerd"), QStringLiteral("maybe")) << QStringLiteral("\"gearchiveerd\" is not a boolean")
                                        << RecordError::Kind::WrongType;
        QTest::newRow("keyword a number") << with(QStringLiteral("zoektermen"), QJsonObject{{QStringLiteral("nl"), QJsonArray{7}}})
                                          << QStringLiteral("keyword that is not a string") << RecordError::Kind::WrongType;
    }
    void badMembers()
    {
        QFETCH(QJsonObject, member);
        QFETCH(QString, reason);
        QFETCH(RecordError::Kind, kind);
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(pageOf({goodMember(), member, QStringLiteral("not even an object")}), pageUrl);
        QVERIFY(page);
        QCOMPARE(page->members.size(), 1); // the rest of the page goes in
        QCOMPARE(page->members.first().memberId, QStringLiteral("http://data.lblod.info/id/public-service-snapshot/good"));
        QCOMPARE(page->rejected.size(), 2);
        const IpdcRejected &r = page->rejected.first();
        QVERIFY2(r.error.detail.contains(reason), qPrintable(r.error.detail));
        QCOMPARE(r.error.kind, kind);
        QCOMPARE(page->rejected.at(1).error.kind, RecordError::Kind::NotAnObject);
        QCOMPARE(r.memberId, member.value(QStringLiteral("@id")).isString() ? member.value(QStringLiteral("@id")).toString() : QStringLiteral("#2"));
        QCOMPARE(page->rejected.at(1).memberId, QStringLiteral("#3"));
        // The reason never carries the member's texts.
        QVERIFY(!r.error.detail.contains(QStringLiteral("Parkeerkaart")));
    }

    void invalidUtf8CostsOneMember()
    {
        QByteArray body = pageOf({goodMember(), goodMember(QStringLiteral("urn:bad-utf8"))});
        // Break the second member's French name: "Carte" becomes bytes that are not UTF-8.
        const qsizetype at = body.lastIndexOf("Carte");
        QVERIFY(at > 0);
        body.replace(at, 5, QByteArray("Ca\xff\xfe"));
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(body, pageUrl);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().detail));
        QCOMPARE(page->members.size(), 1);
        QCOMPARE(page->rejected.size(), 1);
        QCOMPARE(page->rejected.first().memberId, QStringLiteral("urn:bad-utf8"));
        QVERIFY(page->rejected.first().error.detail.contains(QStringLiteral("UTF-8")));
        QCOMPARE(page->rejected.first().error.kind, RecordError::Kind::InvalidUtf8);
    }

    void malformedPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<PageError::Kind>("kind");
        QTest::newRow("empty") << QByteArray() << PageError::Kind::Empty;
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>") << PageError::Kind::WebPage;
        QTest::newRow("truncated") << pageOf({goodMember()}).left(120) << PageError::Kind::Syntax;
        QTest::newRow("array") << QByteArray("[]") << PageError::Kind::Shape;
        QTest::newRow("other object") << QByteArray("{\"results\": []}") << PageError::Kind::Shape;
        QTest::newRow("member not a list") << QByteArray("{\"member\": {\"@id\": \"x\"}}") << PageError::Kind::Shape;
    }
    void malformedPages()
    {
        QFETCH(QByteArray, body);
        QFETCH(PageError::Kind, kind);
        const auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(body, pageUrl);
        QVERIFY(!page);
        QCOMPARE(page.error().kind, kind);
    }

    void relations()
    {
        const QJsonObject root{
            {QStringLiteral("view"),
             QJsonObject{
                 {QStringLiteral("relation"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("@type"), QStringLiteral("tree:LessThanRelation")}, {QStringLiteral("node"), QStringLiteral("?page=0")}},
                      QJsonObject{{QStringLiteral("@type"), QStringLiteral("GreaterThanRelation")}, {QStringLiteral("node"), QStringLiteral("?page=2")}},
                      QJsonObject{{QStringLiteral("@type"), QStringLiteral("Relation")},
                                  {QStringLiteral("node"), QJsonObject{{QStringLiteral("@id"), QStringLiteral("/other")}}}},
                      QJsonObject{{QStringLiteral("@type"), QStringLiteral("GreaterThanRelation")}, {QStringLiteral("node"), QStringLiteral("?page=2")}},
                      QJsonObject{{QStringLiteral("@type"), QStringLiteral("GreaterThanRelation")}, {QStringLiteral("node"), 5}},
                  }}}},
        };
        auto page = IpdcParser(QStringLiteral("ipdc")).parsePage(QJsonDocument(root).toJson(), QUrl(QStringLiteral("http://h/ldes?page=1")));
        QVERIFY(page);
        QCOMPARE(page->forward, (QList<QUrl>{QUrl(QStringLiteral("http://h/ldes?page=2")), QUrl(QStringLiteral("http://h/other"))}));
        QCOMPARE(page->members.size(), 0);
    }

    void dateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("ms") << QStringLiteral("2024-02-18T06:32:10.377Z") << QDateTime(QDate(2024, 2, 18), QTime(6, 32, 10, 377), Qt::UTC);
        QTest::newRow("ns") << QStringLiteral("2023-07-12T11:40:20.026205561Z") << QDateTime(QDate(2023, 7, 12), QTime(11, 40, 20, 26), Qt::UTC);
        QTest::newRow("no fraction") << QStringLiteral("2024-02-18T06:32:10Z") << QDateTime(QDate(2024, 2, 18), QTime(6, 32, 10), Qt::UTC);
        QTest::newRow("offset") << QStringLiteral("2024-02-18T08:32:10.5+02:00") << QDateTime(QDate(2024, 2, 18), QTime(6, 32, 10, 500), Qt::UTC);
        QTest::newRow("no zone: Brussels, winter") << QStringLiteral("2024-02-18T07:32:10") << QDateTime(QDate(2024, 2, 18), QTime(6, 32, 10), Qt::UTC);
        QTest::newRow("no zone: Brussels, summer") << QStringLiteral("2024-07-18T08:32:10.123456")
                                                   << QDateTime(QDate(2024, 7, 18), QTime(6, 32, 10, 123), Qt::UTC);
        QTest::newRow("date") << QStringLiteral("2024-02-18") << QDateTime();
        QTest::newRow("month 13") << QStringLiteral("2024-13-18T06:32:10Z") << QDateTime();
    }
    void dateTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(IpdcParser::parseDateTime(text, Timestamp::defaultZone()), expected);
    }

    void languageTags()
    {
        QCOMPARE(IpdcParser::canonicalLanguage(QStringLiteral("nl-be-x-formal")), QStringLiteral("nl-BE-x-formal"));
        QCOMPARE(IpdcParser::canonicalLanguage(QStringLiteral("nl-BE-x-informal")), QStringLiteral("nl-BE-x-informal"));
        QCOMPARE(IpdcParser::canonicalLanguage(QStringLiteral("FR")), QStringLiteral("fr"));
        QCOMPARE(IpdcParser::canonicalLanguage(QStringLiteral("it")), QString());
        QCOMPARE(IpdcParser::canonicalLanguage(QStringLiteral("nl-BE")), QString());
    }
};

QTEST_GUILESS_MAIN(TestIpdcParser)
#include "tst_ipdcparser.moc"
