// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The reference back end's ZGW Zaken and Catalogi APIs: the JWT check, the Accept-Crs
// precondition, paging, the filters a client needs, the cases as the data set generates them, and
// every body valid against the saved OpenAPI documents.

#include "klantinteractiestesting.h"
#include "zgw/zgwapi.h"
#include "zgwtoken.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace C360;
using namespace C360::Ref;
using Testing::Fetched;

namespace
{
const QString ClientId = u"citizen360"_s;
const QByteArray Secret = "training";

QString zakenSpec()
{
    return qEnvironmentVariable("C360_SOURCE_DIR") + u"/tests/refbackend/specs/zgw-zaken-api/zaken-api-1.5.1-openapi.yaml"_s;
}

QString catalogiSpec()
{
    return qEnvironmentVariable("C360_SOURCE_DIR") + u"/tests/refbackend/specs/zgw-catalogi-api/catalogi-api-1.3.1-openapi.yaml"_s;
}

// specvalidate.py over bodies with the schema args name; empty when all are valid.
QString validate(const QList<QByteArray> &bodies, const QStringList &args)
{
    QTemporaryDir dir;
    QStringList files;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        QFile out(dir.filePath(u"body%1.json"_s.arg(i)));
        if (!out.open(QIODevice::WriteOnly)) {
            return u"cannot write a body"_s;
        }
        out.write(bodies.at(i));
        files.append(out.fileName());
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(u"/usr/bin/python3"_s, QStringList{qEnvironmentVariable("C360_SOURCE_DIR") + u"/tests/refbackend/specvalidate.py"_s} + args + files);
    if (!process.waitForFinished(120000)) {
        return u"specvalidate.py did not finish"_s;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).left(4000);
    }
    return {};
}

class ZgwServer
{
public:
    ZgwServer(quint32 citizens, Profile profile)
        : data(7, citizens, profile, C360::Test::fixedReferenceDate())
        , server(7)
    {
        installZgwApi(server, data, ClientId, QString::fromUtf8(Secret));
        port = server.listenOnLoopback(0);
    }

    static QByteArray token(const QByteArray &secret = Secret, const QDateTime &issued = QDateTime::currentDateTimeUtc())
    {
        return ZgwToken::make(ClientId, secret, issued, u"tester"_s, u"Test"_s);
    }

    QUrl url(const QString &path) const { return QUrl(path.startsWith(QLatin1String("http")) ? path : server.baseUrl().toString() + path); }

    Fetched get(const QString &path, const QByteArray &authorization, bool crs = true)
    {
        QNetworkRequest request(url(path));
        if (!authorization.isEmpty()) {
            request.setRawHeader("Authorization", authorization);
        }
        if (crs) {
            request.setRawHeader("Accept-Crs", "EPSG:4326");
        }
        Fetched f{C360::Test::answerOf(manager.get(request), 60000), {}};
        f.json = QJsonDocument::fromJson(f.body).object();
        return f;
    }

    Fetched get(const QString &path) { return get(path, "Bearer " + token()); }

    // Every record of a list, following next; the pages' bodies in pages.
    QList<QJsonObject> walk(const QString &path, QList<QByteArray> *pages = nullptr)
    {
        QList<QJsonObject> records;
        QString next = path;
        for (int n = 0; !next.isEmpty() && n < 1000; ++n) {
            const Fetched f = get(next);
            if (f.status != 200) {
                qWarning() << "walk:" << next << f.status << f.body.left(300);
                return {};
            }
            if (pages) {
                pages->append(f.body);
            }
            for (const QJsonValue &v : f.json.value(u"results"_s).toArray()) {
                records.append(v.toObject());
            }
            next = f.json.value(u"next"_s).toString();
        }
        return records;
    }

    DataSet data;
    RefServer server;
    quint16 port = 0;
    QNetworkAccessManager manager;
};

QString lastSegment(const QString &url)
{
    return url.section(QLatin1Char('/'), -1);
}
} // namespace

class TestZgwApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRequestNeedsAGoodToken()
    {
        ZgwServer z(50, Profile::Flanders);
        QVERIFY(z.port != 0);
        // Without one, with another scheme, signed with another secret, with "none", too old, from
        // the future: 403, with a Fout that says which.
        struct Case
        {
            QByteArray authorization;
            QString detail;
        };
        const QByteArray noneAlgorithm = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
            '.' + ZgwServer::token().split('.').at(1) + '.';
        const QList<Case> refused = {
            {QByteArray(), u"niet opgegeven"_s},
            {"Token training", u"niet opgegeven"_s},
            {"Bearer " + ZgwServer::token("another secret"), u"handtekening"_s},
            {"Bearer " + noneAlgorithm, u"HS256"_s},
            {"Bearer " + ZgwServer::token(Secret, QDateTime::currentDateTimeUtc().addSecs(-2 * 3600)), u"verlopen"_s},
            {"Bearer " + ZgwServer::token(Secret, QDateTime::currentDateTimeUtc().addSecs(3600)), u"toekomst"_s},
            {"Bearer not.a.token", u"ongeldig"_s},
        };
        for (const QString &path : {u"/zaken/api/v1/zaken"_s, u"/catalogi/api/v1/zaaktypen"_s}) {
            for (const Case &c : refused) {
                const Fetched f = z.get(path, c.authorization);
                QCOMPARE(f.status, 403);
                QCOMPARE(f.json.value(u"code"_s).toString(), u"permission_denied"_s);
                QVERIFY2(f.json.value(u"detail"_s).toString().contains(c.detail), qPrintable(f.json.value(u"detail"_s).toString()));
                QVERIFY(!f.body.contains("results"));
                QVERIFY2(validate({f.body}, {u"--openapi"_s, catalogiSpec(), u"--ref"_s, u"#/components/schemas/Fout"_s}).isEmpty(), f.body.constData());
            }
            // A token is good for an hour, with five minutes' leeway for the clocks.
            QCOMPARE(z.get(path, "Bearer " + ZgwServer::token(Secret, QDateTime::currentDateTimeUtc().addSecs(-3600))).status, 200);
            QCOMPARE(z.get(path, "Bearer " + ZgwServer::token(Secret, QDateTime::currentDateTimeUtc().addSecs(120))).status, 200);
        }
    }

    void theCasesWantAcceptCrs()
    {
        ZgwServer z(50, Profile::Flanders);
        const QByteArray authorization = "Bearer " + ZgwServer::token();
        const Fetched without = z.get(u"/zaken/api/v1/zaken"_s, authorization, false);
        QCOMPARE(without.status, 412);
        QVERIFY(without.json.value(u"detail"_s).toString().contains(u"Accept-Crs"_s));
        const Fetched with = z.get(u"/zaken/api/v1/zaken"_s, authorization, true);
        QCOMPARE(with.status, 200);
        QCOMPARE(with.header("Content-Crs"), QByteArray("EPSG:4326"));
        QCOMPARE(with.header("API-version"), QByteArray("1.5.1"));
        QCOMPARE(z.get(u"/catalogi/api/v1/zaaktypen"_s, authorization, false).header("API-version"), QByteArray("1.3.1"));
        // The statuses carry no geometry: no precondition.
        QCOMPARE(z.get(u"/zaken/api/v1/statussen"_s, authorization, false).status, 200);
    }

    void everyCaseWithItsStatusesTypesAndInitiator_data()
    {
        QTest::addColumn<int>("profile");
        QTest::newRow("flanders") << int(Profile::Flanders);
        QTest::newRow("nl") << int(Profile::Netherlands);
    }

    void everyCaseWithItsStatusesTypesAndInitiator()
    {
        QFETCH(int, profile);
        ZgwServer z(400, Profile(profile));
        const DataSet &data = z.data;
        QVERIFY(data.caseCount() > 100);

        QList<QByteArray> typePages;
        const QList<QJsonObject> types = z.walk(u"/catalogi/api/v1/zaaktypen"_s, &typePages);
        QCOMPARE(types.size(), data.caseTypes().size());
        QList<QByteArray> statusTypePages;
        const QList<QJsonObject> statusTypes = z.walk(u"/catalogi/api/v1/statustypen"_s, &statusTypePages);
        QHash<QString, QJsonObject> statusTypeByUuid;
        for (const QJsonObject &t : statusTypes) {
            statusTypeByUuid.insert(lastSegment(t.value(u"url"_s).toString()), t);
        }
        QHash<QString, QJsonObject> typeByUuid;
        for (const QJsonObject &t : types) {
            typeByUuid.insert(lastSegment(t.value(u"url"_s).toString()), t);
            // A type's statuses, in order, the last one ending the case; found by the zaaktype filter too.
            const QJsonArray urls = t.value(u"statustypen"_s).toArray();
            QVERIFY(urls.size() >= 3);
            for (qsizetype k = 0; k < urls.size(); ++k) {
                const QJsonObject st = statusTypeByUuid.value(lastSegment(urls.at(k).toString()));
                QCOMPARE(st.value(u"volgnummer"_s).toInt(), int(k) + 1);
                QCOMPARE(st.value(u"isEindstatus"_s).toBool(), k == urls.size() - 1);
                QCOMPARE(st.value(u"zaaktype"_s).toString(), t.value(u"url"_s).toString());
            }
            QUrlQuery q;
            q.addQueryItem(u"zaaktype"_s, t.value(u"url"_s).toString());
            QCOMPARE(z.get(u"/catalogi/api/v1/statustypen?"_s + q.toString(QUrl::FullyEncoded)).json.value(u"count"_s).toInt(), int(urls.size()));
            QVERIFY(t.value(u"doorlooptijd"_s).toString().startsWith(u"P"_s));
        }

        QList<QByteArray> casePages;
        const QList<QJsonObject> cases = z.walk(u"/zaken/api/v1/zaken"_s, &casePages);
        QCOMPARE(quint64(cases.size()), data.liveCaseCount());
        QVERIFY(casePages.size() >= 2); // 100 a page
        QList<QByteArray> statusPages;
        const QList<QJsonObject> statuses = z.walk(u"/zaken/api/v1/statussen"_s, &statusPages);
        QCOMPARE(quint64(statuses.size()), data.liveCaseStatusCount());
        QList<QByteArray> rolePages;
        const QList<QJsonObject> roles = z.walk(u"/zaken/api/v1/rollen?betrokkeneType=natuurlijk_persoon&omschrijvingGeneriek=initiator"_s, &rolePages);
        QCOMPARE(roles.size(), cases.size());
        QHash<QString, QList<QJsonObject>> statusesOf;
        for (const QJsonObject &s : statuses) {
            statusesOf[lastSegment(s.value(u"zaak"_s).toString())].append(s);
        }
        QHash<QString, QJsonObject> roleOf;
        for (const QJsonObject &r : roles) {
            roleOf.insert(lastSegment(r.value(u"zaak"_s).toString()), r);
        }

        const QDateTime taken = data.referenceTime();
        int open = 0;
        for (const QJsonObject &c : cases) {
            const QString uuid = c.value(u"uuid"_s).toString();
            QVERIFY(typeByUuid.contains(lastSegment(c.value(u"zaaktype"_s).toString())));
            // Its statuses: in time order, before the data set was taken, the last one the current
            // one and marked so, a final status exactly when the case has ended, on its end date.
            const QList<QJsonObject> own = statusesOf.value(uuid);
            QVERIFY2(!own.isEmpty(), qPrintable(uuid));
            QDateTime previous;
            for (qsizetype k = 0; k < own.size(); ++k) {
                const QDateTime set = QDateTime::fromString(own.at(k).value(u"datumStatusGezet"_s).toString(), Qt::ISODate);
                QVERIFY(set.isValid() && set < taken);
                QVERIFY(!previous.isValid() || set > previous);
                previous = set;
                QCOMPARE(own.at(k).value(u"indicatieLaatstGezetteStatus"_s).toBool(), k == own.size() - 1);
            }
            QCOMPARE(c.value(u"status"_s).toString(), own.constLast().value(u"url"_s).toString());
            const bool ended = !c.value(u"einddatum"_s).isNull();
            const bool final = statusTypeByUuid.value(lastSegment(own.constLast().value(u"statustype"_s).toString())).value(u"isEindstatus"_s).toBool();
            QCOMPARE(final, ended);
            if (ended) {
                QCOMPARE(c.value(u"einddatum"_s).toString(), previous.date().toString(Qt::ISODate));
            } else {
                ++open;
            }
            QVERIFY(c.value(u"startdatum"_s).toString() <= c.value(u"uiterlijkeEinddatumAfdoening"_s).toString());
            // Its initiator: a resident with the profile's identifier in the profile's member (the
            // Flemish deviation: the national register number in anpIdentificatie).
            const QJsonObject id = roleOf.value(uuid).value(u"betrokkeneIdentificatie"_s).toObject();
            const QString bsn = id.value(u"inpBsn"_s).toString();
            const QString other = id.value(u"anpIdentificatie"_s).toString();
            const QString identifier = Profile(profile) == Profile::Netherlands ? bsn : other;
            QCOMPARE((Profile(profile) == Profile::Netherlands ? other : bsn), QString());
            const auto citizen = data.citizenWithIdentifier(identifier);
            QVERIFY2(citizen, qPrintable(identifier));
            const auto [first, end] = data.casesOf(*citizen);
            const QString identification = c.value(u"identificatie"_s).toString();
            bool found = false;
            for (quint64 i = first; i < end; ++i) {
                found = found || data.caseRecord(i).identification == identification;
            }
            QVERIFY2(found, qPrintable(identification));
        }
        QVERIFY2(open > cases.size() / 10 && open < cases.size(), qPrintable(QString::number(open)));

        // The filters a client needs: one person's cases, one case's statuses, by identification.
        const QJsonObject someone = roles.constFirst().value(u"betrokkeneIdentificatie"_s).toObject();
        const QString member = Profile(profile) == Profile::Netherlands ? u"inpBsn"_s : u"anpIdentificatie"_s;
        const QString identifier = someone.value(member).toString();
        const quint32 citizen = *data.citizenWithIdentifier(identifier);
        const Fetched theirs = z.get(u"/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__%1=%2"_s.arg(member, identifier));
        QCOMPARE(quint64(theirs.json.value(u"count"_s).toInt()), data.casesOf(citizen).second - data.casesOf(citizen).first);
        const QString firstCase = cases.constFirst().value(u"url"_s).toString();
        QUrlQuery byCase;
        byCase.addQueryItem(u"zaak"_s, firstCase);
        QCOMPARE(z.get(u"/zaken/api/v1/statussen?"_s + byCase.toString(QUrl::FullyEncoded)).json.value(u"count"_s).toInt(),
                 int(statusesOf.value(lastSegment(firstCase)).size()));
        const Fetched one = z.get(u"/zaken/api/v1/zaken?identificatie="_s + cases.constFirst().value(u"identificatie"_s).toString());
        QCOMPARE(one.json.value(u"count"_s).toInt(), 1);
        QCOMPARE(z.get(u"/zaken/api/v1/zaken?identificatie=ZAAK-2020-9999999"_s).json.value(u"count"_s).toInt(), 0);
        QCOMPARE(z.get(firstCase).json.value(u"uuid"_s).toString(), lastSegment(firstCase));
        QCOMPARE(z.get(u"/zaken/api/v1/zaken/00000000-0000-4000-8000-000000000000"_s).status, 404);
        // A filter the reference back end does not answer fails loudly, as a ValidatieFout.
        const Fetched unsupported = z.get(u"/zaken/api/v1/zaken?archiefstatus=gearchiveerd"_s);
        QCOMPARE(unsupported.status, 400);
        QCOMPARE(unsupported.json.value(u"invalidParams"_s).toArray().at(0).toObject().value(u"code"_s).toString(), u"unsupported"_s);

        // Every body as the specifications describe it.
        QString problems = validate(casePages, {u"--openapi"_s, zakenSpec(), u"--response"_s, u"/zaken"_s, u"get"_s, u"200"_s});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validate(statusPages.mid(0, 3), {u"--openapi"_s, zakenSpec(), u"--response"_s, u"/statussen"_s, u"get"_s, u"200"_s});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validate(rolePages.mid(0, 3), {u"--openapi"_s, zakenSpec(), u"--response"_s, u"/rollen"_s, u"get"_s, u"200"_s});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validate(typePages, {u"--openapi"_s, catalogiSpec(), u"--response"_s, u"/zaaktypen"_s, u"get"_s, u"200"_s});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        problems = validate(statusTypePages, {u"--openapi"_s, catalogiSpec(), u"--response"_s, u"/statustypen"_s, u"get"_s, u"200"_s});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void deletedPartiesTakeTheirCasesAlong()
    {
        ZgwServer z(300, Profile::Flanders);
        DataSet &data = z.data;
        const quint64 before = data.liveCaseCount();
        const quint64 statusesBefore = data.liveCaseStatusCount();
        const MutationResult m = data.mutate(0, 0, 0, 20);
        quint64 theirs = 0;
        quint64 theirStatuses = 0;
        for (quint32 citizen : m.deletedParties) {
            const auto [first, end] = data.casesOf(citizen);
            theirs += end - first;
            theirStatuses += end > first ? data.caseStatusesBefore(end) - data.caseStatusesBefore(first) : 0;
        }
        QVERIFY(theirs > 0);
        QCOMPARE(data.liveCaseCount(), before - theirs);
        QCOMPARE(data.liveCaseStatusCount(), statusesBefore - theirStatuses);
        const QList<QJsonObject> cases = z.walk(u"/zaken/api/v1/zaken"_s);
        QCOMPARE(quint64(cases.size()), data.liveCaseCount());
        QCOMPARE(quint64(z.walk(u"/zaken/api/v1/statussen"_s).size()), data.liveCaseStatusCount());
        QSet<QString> identifications;
        for (const QJsonObject &c : cases) {
            identifications.insert(c.value(u"identificatie"_s).toString());
        }
        QCOMPARE(quint64(identifications.size()), data.liveCaseCount());
        for (quint32 citizen : m.deletedParties) {
            const auto [first, end] = data.casesOf(citizen);
            for (quint64 i = first; i < end; ++i) {
                QVERIFY(!identifications.contains(data.caseRecord(i).identification));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestZgwApi)
#include "tst_zgwapi.moc"
