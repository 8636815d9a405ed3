// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "sync/sourceconfig.h"

#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestSourceConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceBackendPaths()
    {
        const QList<SourceConfig> sources = SourceConfig::forReferenceBackend(QUrl(QStringLiteral("http://127.0.0.1:4711/")));
        QCOMPARE(sources.size(), 5);
        QStringList ids;
        for (const SourceConfig &s : sources) {
            ids.append(s.id);
            QVERIFY(s.baseUrl.toString().startsWith(QStringLiteral("http://127.0.0.1:4711/")));
            QVERIFY(s.baseUrl.path().endsWith(QLatin1Char('/')));
            QCOMPARE(s.secretKey, QStringLiteral("reference"));
            QVERIFY(s.enabled);
        }
        QCOMPARE(ids,
                 (QStringList{QStringLiteral("openklant"),
                              QStringLiteral("open311"),
                              QStringLiteral("ipdc"),
                              QStringLiteral("verwerkingenlogging"),
                              QStringLiteral("zaken")}));
        QCOMPARE(sources.at(0).baseUrl.path(), QStringLiteral("/klantinteracties/api/v1/"));
        QCOMPARE(sources.at(0).auth, AuthKind::Token);
        QCOMPARE(sources.at(1).baseUrl.path(), QStringLiteral("/open311/v2/"));
        QCOMPARE(sources.at(1).auth, AuthKind::ApiKey);
        QCOMPARE(sources.at(3).auth, AuthKind::Bearer);
        // The case system: a JWT per request for the client "citizen360", the catalogue beside it.
        QCOMPARE(sources.at(4).dialect, Dialect::Zgw);
        QCOMPARE(sources.at(4).baseUrl.path(), QStringLiteral("/zaken/api/v1/"));
        QCOMPARE(sources.at(4).auth, AuthKind::Jwt);
        QCOMPARE(sources.at(4).clientId, QStringLiteral("citizen360"));
        QCOMPARE(sources.at(4).catalogiUrl.toString(), QStringLiteral("http://127.0.0.1:4711/catalogi/api/v1/"));
    }

    void readsAZgwSource()
    {
        const auto sources = SourceConfig::fromJson("{\"sources\": [{\"id\": \"zaken\", \"dialect\": \"zgw\", \"base_url\": "
                                                    "\"https://zaken.gent.example/zaken/api/v1\", \"auth\": \"jwt\", \"client_id\": \"citizen360-gent\"}]}");
        QVERIFY2(sources, sources ? "" : qPrintable(sources.error()));
        QCOMPARE(sources->at(0).clientId, QStringLiteral("citizen360-gent"));
        // The Catalogi API beside the Zaken API unless told otherwise.
        QCOMPARE(sources->at(0).catalogiUrl.toString(), QStringLiteral("https://zaken.gent.example/catalogi/api/v1/"));
        QCOMPARE(sources->at(0).resources, QStringList());
        QCOMPARE(
            SourceConfig::resourcesOf(Dialect::Zgw),
            (QStringList{
                QStringLiteral("zaaktypen"), QStringLiteral("statustypen"), QStringLiteral("zaken"), QStringLiteral("statussen"), QStringLiteral("rollen")}));

        const auto elsewhere = SourceConfig::fromJson("{\"sources\": [{\"id\": \"zaken\", \"dialect\": \"zgw\", \"base_url\": "
                                                      "\"https://zaken.example/api/zaken/\", \"auth\": \"jwt\", \"client_id\": \"c\", "
                                                      "\"catalogi_url\": \"https://catalogus.example/api/v1\"}]}");
        QVERIFY2(elsewhere, elsewhere ? "" : qPrintable(elsewhere.error()));
        QCOMPARE(elsewhere->at(0).catalogiUrl.toString(), QStringLiteral("https://catalogus.example/api/v1/"));

        // A JWT names its client; the catalogue travels as safely as the cases; the options are ZGW's.
        const auto noClient = SourceConfig::fromJson(
            "{\"sources\": [{\"id\": \"zaken\", \"dialect\": \"zgw\", \"base_url\": \"https://z.example/zaken/api/v1/\", \"auth\": \"jwt\"}]}");
        QVERIFY(!noClient);
        QVERIFY2(noClient.error().contains(QLatin1String("client_id")), qPrintable(noClient.error()));
        const auto plainCatalogue = SourceConfig::fromJson("{\"sources\": [{\"id\": \"zaken\", \"dialect\": \"zgw\", \"base_url\": "
                                                           "\"https://z.example/zaken/api/v1/\", \"auth\": \"jwt\", \"client_id\": \"c\", "
                                                           "\"catalogi_url\": \"http://catalogus.example/api/v1/\"}]}");
        QVERIFY(!plainCatalogue);
        QVERIFY2(plainCatalogue.error().contains(QLatin1String("catalogi_url")), qPrintable(plainCatalogue.error()));
        const auto notZgw = SourceConfig::fromJson("{\"sources\": [{\"id\": \"o\", \"dialect\": \"open311\", \"base_url\": "
                                                   "\"https://o.example/open311/v2/\", \"client_id\": \"c\"}]}");
        QVERIFY(!notZgw);
        QVERIFY2(notZgw.error().contains(QLatin1String("zgw sources only")), qPrintable(notZgw.error()));
    }

    void readsAConfigurationFile()
    {
        const QByteArray json = "{\"sources\": [\n"
                                "            {\"id\": \"meldingen\", \"dialect\": \"open311\", \"base_url\": \"https://meldingen.gent.example/open311/v2\", "
                                "\"auth\": \"api_key\",\n"
                                "             \"secret\": \"gent-open311\", \"page_size\": 250, \"poll_interval\": 120, \"resources\": [\"requests\"]},\n"
                                "            {\"id\": \"kcc\", \"dialect\": \"klantinteracties\", \"base_url\": \"https://klant.example/api/v1/\", \"auth\": "
                                "\"token\", \"enabled\": false}\n"
                                "        ]}";
        const auto sources = SourceConfig::fromJson(json);
        QVERIFY2(sources, qPrintable(sources ? QString() : sources.error()));
        QCOMPARE(sources->size(), 2);
        const SourceConfig &a = sources->at(0);
        QCOMPARE(a.dialect, Dialect::Open311);
        QCOMPARE(a.baseUrl.toString(), QStringLiteral("https://meldingen.gent.example/open311/v2/"));
        QCOMPARE(a.secretKey, QStringLiteral("gent-open311"));
        QCOMPARE(a.pageSize, 250);
        QCOMPARE(a.pollIntervalSeconds, 120);
        QVERIFY(a.hasResource(QStringLiteral("requests")));
        QVERIFY(!a.hasResource(QStringLiteral("services")));
        const SourceConfig &b = sources->at(1);
        QCOMPARE(b.secretKey, QStringLiteral("kcc")); // defaults to the id
        QVERIFY(!b.enabled);
        QVERIFY(b.hasResource(QStringLiteral("partijen")));
        QCOMPARE(b.pageSize, 100);
        // The defaults for offset-less times and for how much a crawl may remove at once.
        QCOMPARE(b.timeZone, QStringLiteral("Europe/Brussels"));
        QCOMPARE(b.maxDeletionShare, 0.2);
    }

    void plainHttpOnlyToThisMachine()
    {
        QVERIFY(SourceConfig::transportProblem(QUrl(u"https://klant.example.be/api/v1/"_s)).isEmpty());
        QVERIFY(SourceConfig::transportProblem(QUrl(u"http://127.0.0.1:8000/api/v1/"_s)).isEmpty());
        QVERIFY(SourceConfig::transportProblem(QUrl(u"http://localhost:8000/"_s)).isEmpty());
        QVERIFY(SourceConfig::transportProblem(QUrl(u"http://[::1]:8000/"_s)).isEmpty());
        QVERIFY(!SourceConfig::transportProblem(QUrl(u"http://10.0.0.5/"_s)).isEmpty());
        QVERIFY(!SourceConfig::transportProblem(QUrl(u"http://127.0.0.1.evil.example/"_s)).isEmpty());
        QVERIFY(!SourceConfig::transportProblem(QUrl(u"ftp://127.0.0.1/"_s)).isEmpty());
    }

    void readsTheLenientAndTheCarefulOptions()
    {
        const auto sources = SourceConfig::fromJson("{\"sources\": [{\"id\": \"den-haag\", \"dialect\": \"klantinteracties\", \"base_url\": "
                                                    "\"https://klant.example/api/v1/\", \"time_zone\": \"Europe/Amsterdam\", \"max_deletion_share\": 0.05}]}");
        QVERIFY2(sources, qPrintable(sources ? QString() : sources.error()));
        QCOMPARE(sources->at(0).timeZone, QStringLiteral("Europe/Amsterdam"));
        QCOMPARE(sources->at(0).maxDeletionShare, 0.05);
        QCOMPARE(SourceConfig::resourcesOf(Dialect::Klantinteracties), (QStringList{u"partijen"_s, u"klantcontacten"_s, u"internetaken"_s}));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArrayLiteral("{sources: [") << QStringLiteral("not valid JSON");
        QTest::newRow("no sources") << QByteArrayLiteral("{}") << QStringLiteral("no \"sources\"");
        QTest::newRow("no id") << QByteArrayLiteral("{\"sources\": [{\"dialect\": \"open311\", \"base_url\": \"https://x.example/\"}]}")
                               << QStringLiteral("sources[0]: \"id\"");
        QTest::newRow("dialect") << QByteArrayLiteral("{\"sources\": [{\"id\": \"a\", \"dialect\": \"soap\", \"base_url\": \"https://x.example/\"}]}")
                                 << QStringLiteral("\"dialect\"");
        QTest::newRow("url") << QByteArrayLiteral("{\"sources\": [{\"id\": \"a\", \"dialect\": \"ipdc\", \"base_url\": \"ftp://x.example/\"}]}")
                             << QStringLiteral("\"base_url\"");
        QTest::newRow("auth") << QByteArrayLiteral(
                                     "{\"sources\": [{\"id\": \"a\", \"dialect\": \"ipdc\", \"base_url\": \"https://x.example/\", \"auth\": \"magic\"}]}")
                              << QStringLiteral("\"auth\"");
        QTest::newRow("page size") << QByteArrayLiteral(
                                          "{\"sources\": [{\"id\": \"a\", \"dialect\": \"ipdc\", \"base_url\": \"https://x.example/\", \"page_size\": 0}]}")
                                   << QStringLiteral("page_size");
        QTest::newRow("second entry") << QByteArrayLiteral(
                                             "{\"sources\": [{\"id\": \"a\", \"dialect\": \"ipdc\", \"base_url\": \"https://x.example/\"}, {\"id\": \"\"}]}")
                                      << QStringLiteral("sources[1]");
        // A name that is not there is a configuration error, named, not a silent no-op.
        const QByteArray open311 = "{\"sources\": [{\"id\": \"m\", \"dialect\": \"open311\", \"base_url\": \"https://x.example/\", ";
        QTest::newRow("unknown resource") << QByteArray(open311 + "\"resources\": [\"request\"]}]}")
                                          << QStringLiteral("unknown resource \"request\" for open311 (requests)");
        QTest::newRow("resource of another dialect") << QByteArray(open311 + "\"resources\": [\"partijen\"]}]}")
                                                     << QStringLiteral("unknown resource \"partijen\"");
        QTest::newRow("resources not a list") << QByteArray(open311 + "\"resources\": \"requests\"}]}") << QStringLiteral("\"resources\" must be a list");
        QTest::newRow("unknown option") << QByteArray(open311 + "\"pagesize\": 50}]}") << QStringLiteral("unknown option \"pagesize\"");
        QTest::newRow("option of another dialect")
            << QByteArrayLiteral(
                   "{\"sources\": [{\"id\": \"k\", \"dialect\": \"klantinteracties\", \"base_url\": \"https://x.example/\", \"format\": \"xml\"}]}")
            << QStringLiteral("\"format\" is an option of open311 sources only");
        QTest::newRow("unknown time zone") << QByteArray(open311 + "\"time_zone\": \"Europe/Gent\"}]}")
                                           << QStringLiteral("\"Europe/Gent\" is not a known time zone");
        QTest::newRow("share above 1") << QByteArray(open311 + "\"max_deletion_share\": 1.5}]}") << QStringLiteral("max_deletion_share");
        QTest::newRow("share as text") << QByteArray(open311 + "\"max_deletion_share\": \"20%\"}]}") << QStringLiteral("max_deletion_share");
        QTest::newRow("plain http to another machine")
            << QByteArrayLiteral("{\"sources\": [{\"id\": \"m\", \"dialect\": \"open311\", \"base_url\": \"http://meldingen.gent.example/open311/v2/\"}]}")
            << QStringLiteral("plain http to meldingen.gent.example");
        QTest::newRow("same id twice") << QByteArray(open311 +
                                                     "\"secret\": \"a\"}, {\"id\": \"m\", \"dialect\": \"ipdc\", \"base_url\": \"https://y.example/\"}]}")
                                       << QStringLiteral("sources[1]: the id \"m\" is used twice");
        QTest::newRow("verwerkingenlogging pulls nothing")
            << QByteArrayLiteral("{\"sources\": [{\"id\": \"v\", \"dialect\": \"verwerkingenlogging\", \"base_url\": \"https://x.example/\", \"resources\": "
                                 "[\"verwerkingsacties\"]}]}")
            << QStringLiteral("it has none to pull");
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        const auto sources = SourceConfig::fromJson(json);
        QVERIFY(!sources);
        QVERIFY2(sources.error().contains(says), qPrintable(sources.error()));
    }
};

QTEST_GUILESS_MAIN(TestSourceConfig)
#include "tst_sourceconfig.moc"
