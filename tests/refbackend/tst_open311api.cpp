// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Open311 GeoReport v2 routes as a client meets them: every route in JSON (validated against the
// saved schemas) and XML (the element names of the spec's and the fixtures' samples), POST with its
// errors, extensions with and without the key, ETags, determinism and the duplicate fault.
// Paging and filters are in tst_open311paging.cpp.

#include "open311testing.h"
#include "referencedate.h"

#include <QRegularExpression>
#include <QTest>

using namespace C360::Ref;
using namespace C360::Ref::Testing;

Q_DECLARE_METATYPE(C360::Ref::Profile)

namespace
{
QList<QJsonValue> values(const QJsonArray &array)
{
    return QList<QJsonValue>(array.begin(), array.end());
}

quint64 indexOf(const QString &id)
{
    return id.toULongLong() - 100000;
}

using Fields = QList<std::pair<QString, QString>>;

Fields fields(const QStringList &pairs)
{
    Fields out;
    for (const QString &pair : pairs) {
        out.append({pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1)});
    }
    return out;
}
} // namespace

class TestOpen311Api : public QObject
{
    Q_OBJECT

    std::unique_ptr<Open311Server> m_server;
    Open311Server &s() { return *m_server; }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::newRow("flanders") << Profile::Flanders;
        QTest::newRow("nl") << Profile::Netherlands;
    }

    void init()
    {
        QFETCH_GLOBAL(Profile, profile);
        m_server = std::make_unique<Open311Server>(11, 300, profile);
        QVERIFY(m_server->port != 0);
    }

    void cleanup() { m_server.reset(); }

    void servicesInJsonAndXml()
    {
        const Answer json = s().get(QStringLiteral("services.json?jurisdiction_id=gemeente.be"));
        QCOMPARE(json.status, 200);
        QCOMPARE(json.contentType, QByteArrayLiteral("application/json; charset=utf-8"));
        const QJsonArray list = json.array();
        QCOMPARE(list.size(), s().data.services().size());
        QString problems = validateSchema(QStringLiteral("services"), {QJsonDocument(list)});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validateSwagger(QStringLiteral("Service"), values(list));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        int withMetadata = 0;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject service = list.at(i).toObject();
            QCOMPARE(service.value(QStringLiteral("service_code")).toString(), s().data.services().at(i).code);
            QCOMPARE(service.value(QStringLiteral("type")).toString(), QStringLiteral("realtime"));
            withMetadata += service.value(QStringLiteral("metadata")).toBool() ? 1 : 0;
        }
        QVERIFY(withMetadata > 0 && withMetadata < list.size()); // both kinds occur

        const Answer xml = s().get(QStringLiteral("services.xml"));
        QCOMPARE(xml.status, 200);
        QCOMPARE(xml.contentType, QByteArrayLiteral("text/xml; charset=utf-8"));
        QVERIFY(xml.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QCOMPARE(elementPaths(xml.body), fixturePaths(QStringLiteral("codeforamerica-fixtures/services.xml")));
        // jurisdiction_id is accepted and ignored.
        QCOMPARE(s().get(QStringLiteral("services.json")).body, json.body);
    }

    void serviceDefinitions()
    {
        const QJsonArray services = s().get(QStringLiteral("services.json")).array();
        QList<QJsonDocument> documents;
        QList<QJsonValue> objects;
        for (const QJsonValue &v : services) {
            const QString code = v.toObject().value(QStringLiteral("service_code")).toString();
            const Answer a = s().get(QStringLiteral("services/%1.json").arg(code));
            QCOMPARE(a.status, 200);
            const QJsonObject definition = a.object();
            QCOMPARE(definition.value(QStringLiteral("service_code")).toString(), code);
            const QJsonArray attributes = definition.value(QStringLiteral("attributes")).toArray();
            QCOMPARE(!attributes.isEmpty(), v.toObject().value(QStringLiteral("metadata")).toBool());
            QSet<int> orders;
            for (const QJsonValue &attribute : attributes) {
                const QJsonObject o = attribute.toObject();
                orders.insert(o.value(QStringLiteral("order")).toInt());
                QCOMPARE(o.value(QStringLiteral("datatype")).toString().endsWith(QLatin1String("valuelist")),
                         !o.value(QStringLiteral("values")).toArray().isEmpty());
            }
            QCOMPARE(orders.size(), attributes.size());
            QVERIFY(!orders.contains(0));
            documents.append(QJsonDocument(definition));
            objects.append(definition);

            const Answer xml = s().get(QStringLiteral("services/%1.xml").arg(code));
            QCOMPARE(xml.status, 200);
            QVERIFY(elementPaths(xml.body).contains(QStringLiteral("service_definition/service_code")));
        }
        QString problems = validateSchema(QStringLiteral("service-definition"), documents);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validateSwagger(QStringLiteral("ServiceDefinition"), objects);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        // A definition with a list has every element of the spec's example.
        const Answer xml = s().get(QStringLiteral("services/sluikstort.xml"));
        QCOMPARE(elementPaths(xml.body), fixturePaths(QStringLiteral("spec-examples/service-definition.xml")));

        const Answer missing = s().get(QStringLiteral("services/bestaat-niet.json"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.array().first().toObject().value(QStringLiteral("code")).toInt(), 404);
        const Answer missingXml = s().get(QStringLiteral("services/bestaat-niet.xml"));
        QCOMPARE(missingXml.status, 404);
        QCOMPARE(elementPaths(missingXml.body), fixturePaths(QStringLiteral("spec-examples/errors.xml")));
    }

    void requestsMatchTheDataSet()
    {
        const Answer list = s().get(QStringLiteral("requests.json"));
        QCOMPARE(list.status, 200);
        QVERIFY(!list.array().isEmpty());
        QString problems = validateSchema(QStringLiteral("requests"), {QJsonDocument(list.array())});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validateSchema(QStringLiteral("request"), [&] {
            QList<QJsonDocument> docs;
            for (const QJsonValue &v : list.array()) {
                docs.append(QJsonDocument(v.toObject()));
            }
            return docs;
        }());
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(elementPaths(s().get(QStringLiteral("requests.xml")).body), fixturePaths(QStringLiteral("codeforamerica-fixtures/service_requests.xml")));

        const QRegularExpression w3(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$"));
        for (const quint64 index : {quint64(0), s().data.reportCount() / 2, s().data.reportCount() - 1}) {
            const ReportRecord r = s().data.report(index);
            const QString id = QString::number(index + 100000);
            const Answer a = s().get(QStringLiteral("requests/%1.json?jurisdiction_id=x").arg(id));
            QCOMPARE(a.status, 200);
            QCOMPARE(a.array().size(), 1); // the spec answers with an array of one
            problems = validateSchema(QStringLiteral("requests"), {QJsonDocument(a.array())});
            QVERIFY2(problems.isEmpty(), qPrintable(problems));
            const QJsonObject o = a.array().first().toObject();
            QCOMPARE(o.value(QStringLiteral("service_request_id")).toString(), id);
            QCOMPARE(o.value(QStringLiteral("status")).toString(), r.closed ? QStringLiteral("closed") : QStringLiteral("open"));
            QCOMPARE(o.value(QStringLiteral("service_code")).toString(), s().data.services().at(r.service).code);
            QCOMPARE(o.value(QStringLiteral("description")).toString(), r.description);
            QCOMPARE(o.value(QStringLiteral("zipcode")).toString(), r.postcode);
            QCOMPARE(o.value(QStringLiteral("status_notes")).isNull(), r.statusNotes.isEmpty());
            QVERIFY(o.value(QStringLiteral("media_url")).isNull());
            QVERIFY(o.value(QStringLiteral("agency_responsible")).toString().contains(r.municipality));
            QVERIFY(!o.value(QStringLiteral("service_notice")).toString().isEmpty());
            QVERIFY(std::abs(o.value(QStringLiteral("lat")).toDouble() - r.latitude) < 1e-7);
            QVERIFY(std::abs(o.value(QStringLiteral("long")).toDouble() - r.longitude) < 1e-7);
            for (const char *field : {"requested_datetime", "updated_datetime", "expected_datetime"}) {
                QVERIFY2(w3.match(o.value(QLatin1String(field)).toString()).hasMatch(), field);
            }
            QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("requested_datetime")).toString(), Qt::ISODate), r.requested);
            QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("updated_datetime")).toString(), Qt::ISODate), r.updated);
            QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("expected_datetime")).toString(), Qt::ISODate), r.expected);

            const Answer xml = s().get(QStringLiteral("requests/%1.xml").arg(id));
            QCOMPARE(xml.status, 200);
            QCOMPARE(elementPaths(xml.body), fixturePaths(QStringLiteral("codeforamerica-fixtures/get_service_request.xml")));
        }
    }

    void unknownThingsAreSpec404s_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fixture");
        QTest::newRow("id beyond") << QStringLiteral("requests/99999999.json") << QString();
        QTest::newRow("id below offset") << QStringLiteral("requests/5.json") << QString();
        QTest::newRow("not a number") << QStringLiteral("requests/not-an-id.xml")
                                      << QStringLiteral("codeforamerica-fixtures/get_service_request_not_found.xml");
        QTest::newRow("service") << QStringLiteral("services/nope.json") << QString();
        QTest::newRow("tokens (realtime only)") << QStringLiteral("tokens/12345.xml") << QStringLiteral("spec-examples/errors.xml");
        QTest::newRow("other format") << QStringLiteral("requests.csv") << QString();
    }

    void unknownThingsAreSpec404s()
    {
        QFETCH(QString, path);
        QFETCH(QString, fixture);
        const Answer a = s().get(path);
        QCOMPARE(a.status, 404);
        if (fixture.isEmpty()) {
            const QJsonObject error = a.array().first().toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toInt(), 404);
            QVERIFY(!error.value(QStringLiteral("description")).toString().isEmpty());
        } else {
            QCOMPARE(elementPaths(a.body), fixturePaths(fixture));
        }
    }

    void serviceRequestIdsOverrideEverythingElse()
    {
        const QString a = QString::number(100000 + 3);
        const QString b = QString::number(100000 + 250);
        const Answer answer =
            s().get(QStringLiteral("requests.json?service_request_id=%1,%2,99999999,%1&status=open&start_date=2030-01-01T00:00:00Z").arg(a, b));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.ids(), (QStringList{a, b}));
    }

    void extensionsShowTheReporterOnlyWithTheKey()
    {
        const QString query = QStringLiteral("requests.json?updated_after=1970-01-01T00:00:00Z&page_size=500&extensions=true");
        for (const QString &key : {QString(), QStringLiteral("&api_key=wrong")}) {
            const Answer a = s().get(query + key);
            QCOMPARE(a.status, 200);
            for (const QJsonValue &v : a.array()) {
                const QJsonObject extended = v.toObject().value(QStringLiteral("extended_attributes")).toObject();
                QCOMPARE(extended.keys(), QStringList{QStringLiteral("channel")});
                const ReportRecord r = s().data.report(indexOf(v.toObject().value(QStringLiteral("service_request_id")).toString()));
                const Person p = s().data.person(r.reporter);
                for (const QString &secret : {p.email, p.phone, p.identifier}) {
                    QVERIFY2(secret.isEmpty() || !a.body.contains(secret.toUtf8()), qPrintable(secret));
                }
            }
            QVERIFY(!elementPaths(s().get(QStringLiteral("requests.xml?extensions=true") + key).body)
                         .contains(QStringLiteral("service_requests/request/extended_attributes/first_name")));
        }
        QVERIFY(!s().get(query.left(query.size() - 16)).body.contains("extended_attributes")); // only when asked

        const Answer a = s().get(query + QStringLiteral("&api_key=") + Open311Server::Key);
        QCOMPARE(a.status, 200);
        const QString problems = validateSchema(QStringLiteral("requests"), {QJsonDocument(a.array())});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        int anonymous = 0;
        int national = 0;
        int email = 0;
        int phone = 0;
        for (const QJsonValue &v : a.array()) {
            const QJsonObject extended = v.toObject().value(QStringLiteral("extended_attributes")).toObject();
            const ReportRecord r = s().data.report(indexOf(v.toObject().value(QStringLiteral("service_request_id")).toString()));
            if (r.anonymous) {
                ++anonymous;
                QCOMPARE(extended.keys(), QStringList{QStringLiteral("channel")});
                continue;
            }
            const Person p = s().data.person(r.reporter);
            QCOMPARE(extended.value(QStringLiteral("first_name")).toString(), p.givenNames);
            QCOMPARE(extended.value(QStringLiteral("last_name")).toString(), p.fullFamilyName());
            QCOMPARE(extended.contains(QStringLiteral("national_id")), r.reporterNationalNumber);
            if (r.reporterNationalNumber) {
                ++national;
                QCOMPARE(extended.value(QStringLiteral("national_id")).toString(), p.identifier);
            }
            QVERIFY(!(extended.contains(QStringLiteral("email")) && extended.contains(QStringLiteral("phone"))));
            if (extended.contains(QStringLiteral("email"))) {
                ++email;
                QCOMPARE(extended.value(QStringLiteral("email")).toString(), p.email);
                QVERIFY(r.reporterByEmail || p.phone.isEmpty());
            } else if (extended.contains(QStringLiteral("phone"))) {
                ++phone;
                QCOMPARE(extended.value(QStringLiteral("phone")).toString(), p.phone);
                QVERIFY(!r.reporterByEmail || p.email.isEmpty());
            }
        }
        QVERIFY(anonymous > 0 && national > 0 && email > 0 && phone > 0);
        QVERIFY(elementPaths(s().get(QStringLiteral("requests.xml?extensions=true&api_key=") + Open311Server::Key).body)
                    .contains(QStringLiteral("service_requests/request/extended_attributes/first_name")));
    }

    void postCreatesARequest()
    {
        const quint64 before = s().data.reportCount();
        const Answer a = s().post(QStringLiteral("requests.json"),
                                  fields({QStringLiteral("api_key=training"),
                                          QStringLiteral("jurisdiction_id=gemeente.be"),
                                          QStringLiteral("service_code=sluikstort"),
                                          QStringLiteral("lat=51.0543"),
                                          QStringLiteral("long=3.7174"),
                                          QStringLiteral("address_string=Kerkstraat 12, 9000 Gent"),
                                          QStringLiteral("email=jan.peeters@example.be"),
                                          QStringLiteral("first_name=Jan"),
                                          QStringLiteral("last_name=Peeters"),
                                          QStringLiteral("phone=+32 470 12 34 56"),
                                          QStringLiteral("account_id=A-17"),
                                          QStringLiteral("description=Een matras en drie zakken naast de glasbol"),
                                          QStringLiteral("attribute[AFVALSOORT]=grofvuil")}));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.array().size(), 1);
        const QString problems = validateSwagger(QStringLiteral("RequestResponse"), values(a.array()));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QJsonObject created = a.array().first().toObject();
        QVERIFY(!created.contains(QStringLiteral("token"))); // realtime: an id, never a token
        QVERIFY(!created.value(QStringLiteral("service_notice")).toString().isEmpty());
        QCOMPARE(created.value(QStringLiteral("account_id")).toString(), QStringLiteral("A-17"));
        const QString id = created.value(QStringLiteral("service_request_id")).toString();
        QCOMPARE(s().data.reportCount(), before + 1);
        QCOMPARE(indexOf(id), before);

        const QJsonObject o = s().get(QStringLiteral("requests/%1.json?extensions=true&api_key=training").arg(id)).array().first().toObject();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(o.value(QStringLiteral("service_code")).toString(), QStringLiteral("sluikstort"));
        QCOMPARE(o.value(QStringLiteral("description")).toString(), QStringLiteral("Een matras en drie zakken naast de glasbol"));
        QCOMPARE(o.value(QStringLiteral("address")).toString(), QStringLiteral("Kerkstraat 12, 9000 Gent"));
        QCOMPARE(o.value(QStringLiteral("lat")).toDouble(), 51.0543);
        QCOMPARE(o.value(QStringLiteral("long")).toDouble(), 3.7174);
        QCOMPARE(QDateTime::fromString(o.value(QStringLiteral("requested_datetime")).toString(), Qt::ISODate), C360::Test::fixedReferenceTime().addSecs(60));
        const QJsonObject extended = o.value(QStringLiteral("extended_attributes")).toObject();
        QCOMPARE(extended.value(QStringLiteral("channel")).toString(), QStringLiteral("api"));
        QCOMPARE(extended.value(QStringLiteral("first_name")).toString(), QStringLiteral("Jan"));
        QCOMPARE(extended.value(QStringLiteral("phone")).toString(), QStringLiteral("+32 470 12 34 56"));
        QCOMPARE(extended.value(QStringLiteral("email")).toString(), QStringLiteral("jan.peeters@example.be"));
        QVERIFY(!s().get(QStringLiteral("requests/%1.json?extensions=true").arg(id)).body.contains("Peeters"));
        QCOMPARE(s().get(QStringLiteral("requests.json?updated_after=2026-11-01T00:00:00Z")).ids(), QStringList{id});

        // XML, a multivaluelist, and only an address.
        const Answer xml = s().post(QStringLiteral("requests.xml"),
                                    fields({QStringLiteral("api_key=training"),
                                            QStringLiteral("service_code=groen-snoeien"),
                                            QStringLiteral("address_string=Molenstraat 3"),
                                            QStringLiteral("attribute[HINDER][]=voetpad"),
                                            QStringLiteral("attribute[HINDER][]=zicht")}));
        QCOMPARE(xml.status, 200);
        QCOMPARE(elementPaths(xml.body), fixturePaths(QStringLiteral("codeforamerica-fixtures/post_service_request.xml")));
        const QJsonObject second = s().get(QStringLiteral("requests/%1.json").arg(QString::number(before + 1 + 100000))).array().first().toObject();
        QVERIFY(second.value(QStringLiteral("lat")).isNull());
        QCOMPARE(second.value(QStringLiteral("address")).toString(), QStringLiteral("Molenstraat 3"));
        QVERIFY(second.value(QStringLiteral("description")).isNull());
    }

    void postErrors_data()
    {
        QTest::addColumn<QStringList>("form");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("problems");
        const QStringList ok{QStringLiteral("api_key=training"),
                             QStringLiteral("service_code=sluikstort"),
                             QStringLiteral("lat=51.05"),
                             QStringLiteral("long=3.72"),
                             QStringLiteral("attribute[AFVALSOORT]=glas")};
        auto without = [&ok](const QString &prefix) {
            QStringList form = ok;
            form.removeIf([&prefix](const QString &pair) {
                return pair.startsWith(prefix);
            });
            return form;
        };
        QTest::newRow("no key") << without(QStringLiteral("api_key")) << 403 << 1;
        QTest::newRow("empty key") << without(QStringLiteral("api_key")) + QStringList{QStringLiteral("api_key=")} << 403 << 1;
        QTest::newRow("wrong key") << without(QStringLiteral("api_key")) + QStringList{QStringLiteral("api_key=xyz")} << 403 << 1;
        QTest::newRow("no service_code") << without(QStringLiteral("service_code")) << 400 << 1;
        QTest::newRow("unknown service_code") << without(QStringLiteral("service_code")) + QStringList{QStringLiteral("service_code=001")} << 404 << 1;
        QTest::newRow("no location") << without(QStringLiteral("l")) << 400 << 1;
        QTest::newRow("address_id only") << without(QStringLiteral("l")) + QStringList{QStringLiteral("address_id=545483")} << 400 << 1;
        QTest::newRow("lat without long") << without(QStringLiteral("long")) << 400 << 1;
        QTest::newRow("lat out of range") << without(QStringLiteral("lat")) + QStringList{QStringLiteral("lat=151")} << 400 << 1;
        QTest::newRow("required attribute") << without(QStringLiteral("attribute")) << 400 << 1;
        QTest::newRow("value not in list") << without(QStringLiteral("attribute")) + QStringList{QStringLiteral("attribute[AFVALSOORT]=kernafval")} << 400 << 1;
        QTest::newRow("unknown attribute") << ok + QStringList{QStringLiteral("attribute[WHISPAWN]=123456")} << 400 << 1;
        QTest::newRow("informational attribute") << ok + QStringList{QStringLiteral("attribute[INFO]=x")} << 400 << 1;
        QTest::newRow("long description") << ok + QStringList{QStringLiteral("description=") + QString(4001, QLatin1Char('x'))} << 400 << 1;
        QTest::newRow("all at once") << without(QStringLiteral("l")).filter(QStringLiteral("api_key")) + QStringList{QStringLiteral("service_code=sluikstort")}
                                     << 400 << 2;
    }

    void postErrors()
    {
        QFETCH(QStringList, form);
        QFETCH(int, status);
        QFETCH(int, problems);
        const quint64 before = s().data.reportCount();
        const Answer a = s().post(QStringLiteral("requests.json"), fields(form));
        QCOMPARE(a.status, status);
        const QJsonArray errors = a.array();
        QCOMPARE(errors.size(), problems);
        for (const QJsonValue &e : errors) {
            QCOMPARE(e.toObject().value(QStringLiteral("code")).toInt(), status);
            QVERIFY(!e.toObject().value(QStringLiteral("description")).toString().isEmpty());
        }
        QCOMPARE(s().data.reportCount(), before);
        const Answer xml = s().post(QStringLiteral("requests.xml"), fields(form));
        QCOMPARE(xml.status, status);
        QCOMPARE(elementPaths(xml.body), fixturePaths(QStringLiteral("spec-examples/errors.xml")));
    }

    void entityTags()
    {
        for (const QString &path : {QStringLiteral("services.json"),
                                    QStringLiteral("services/sluikstort.xml"),
                                    QStringLiteral("requests.json?page=2"),
                                    QStringLiteral("requests/100007.json")}) {
            const Answer first = s().get(path);
            QCOMPARE(first.status, 200);
            QVERIFY(first.etag.startsWith('"') && first.etag.size() > 10);
            QCOMPARE(s().get(path).etag, first.etag);
            const Answer again = s().get(path, {{"If-None-Match", first.etag}});
            QCOMPARE(again.status, 304);
            QVERIFY(again.body.isEmpty());
            QCOMPARE(again.etag, first.etag);
            QCOMPARE(s().get(path, {{"If-None-Match", "W/" + first.etag + ", \"other\""}}).status, 304);
            QCOMPARE(s().get(path, {{"If-None-Match", "\"other\""}}).status, 200);
        }
        // A change shows in the tag of what it changes.
        const QString recent = QStringLiteral("requests.json?updated_after=2026-10-01T00:00:00Z");
        const QByteArray tag = s().get(recent).etag;
        s().data.mutate(1, 0, 0, 0);
        QCOMPARE(s().get(recent, {{"If-None-Match", tag}}).status, 200);
    }

    void sameSeedSameBytes()
    {
        QFETCH_GLOBAL(Profile, profile);
        Open311Server other(11, 300, profile);
        Open311Server different(12, 300, profile);
        const QStringList paths{QStringLiteral("services.json"),
                                QStringLiteral("services/riolering.xml"),
                                QStringLiteral("requests.json"),
                                QStringLiteral("requests.xml?updated_after=1970-01-01T00:00:00Z&page=3&page_size=40&extensions=true&api_key=training"),
                                QStringLiteral("requests/100042.json?extensions=true&api_key=training")};
        for (const QString &path : paths) {
            QCOMPARE(other.get(path).body, s().get(path).body);
        }
        QVERIFY(different.get(QStringLiteral("requests.json")).body != s().get(QStringLiteral("requests.json")).body);
        const Fields form =
            fields({QStringLiteral("api_key=training"), QStringLiteral("service_code=hondenpoep"), QStringLiteral("lat=51.2"), QStringLiteral("long=4.4")});
        QCOMPARE(other.post(QStringLiteral("requests.json"), form).body, s().post(QStringLiteral("requests.json"), form).body);
        QCOMPARE(other.get(QStringLiteral("requests.json?updated_after=2026-10-31T00:00:00Z")).body,
                 s().get(QStringLiteral("requests.json?updated_after=2026-10-31T00:00:00Z")).body);
    }

    void duplicateFaultRepeatsTheEndOfThePageBefore()
    {
        s().server.faults().add(*FaultRule::parse(QStringLiteral("/open311/v2/requests.json=duplicate"), nullptr));
        QStringList all;
        QStringList previous;
        for (int page = 1; page < 1000; ++page) {
            const QStringList ids = s().get(QStringLiteral("requests.json?updated_after=1970-01-01T00:00:00Z&page_size=50&page=%1").arg(page)).ids();
            if (page > 1 && !ids.isEmpty()) {
                QCOMPARE(ids.mid(0, 3), previous.mid(previous.size() - 3)); // starts 3 early, ends where it ends
                QCOMPARE(ids.size(), std::min<qsizetype>(53, qsizetype(s().data.reportCount()) - (page - 1) * 50 + 3));
            }
            all += ids;
            previous = ids;
            if (ids.size() < 50) {
                break;
            }
        }
        const QSet<QString> unique(all.cbegin(), all.cend());
        QCOMPARE(quint64(unique.size()), s().data.reportCount());
        QVERIFY(all.size() > unique.size());
    }
};

QTEST_GUILESS_MAIN(TestOpen311Api)
#include "tst_open311api.moc"
