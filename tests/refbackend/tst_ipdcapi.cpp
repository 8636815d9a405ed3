// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The IPDC feed over HTTP: a consumer following the TREE relations sees every version once and can
// resume; pages have the shape of the real LDES pages, members satisfy the IPDC SHACL shape and use
// only terms of the JSON-LD context; same seed, same bytes; the duplicate fault repeats members.

#include "httpclient.h"
#include "ipdc/ipdcapi.h"
#include "ipdc/productcatalogue.h"
#include "ipdcshapecheck.h"
#include "referencedate.h"
#include "server/faults.h"
#include "server/refserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace C360::Ref;
using namespace C360::Test;

namespace
{
QString specDir()
{
    return qEnvironmentVariable("C360_SOURCE_DIR", QStringLiteral(".")) + QStringLiteral("/tests/refbackend/specs/product-catalogue-flanders-ipdc/");
}

QJsonObject readJson(const QString &relative)
{
    QFile file(specDir() + relative);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

using Fetched = C360::Test::HttpAnswer;

Fetched fetch(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &ifNoneMatch = {})
{
    QNetworkRequest request(url);
    if (!ifNoneMatch.isEmpty()) {
        request.setRawHeader("If-None-Match", ifNoneMatch);
    }
    return C360::Test::answerOf(manager.get(request), 10000);
}

// What a consumer of the stream keeps: the members it processed and the last page it saw.
struct Walk
{
    QStringList members; // @id, in the order seen (duplicates included)
    QHash<QString, QJsonObject> byId;
    QString lastPage;
    int pages = 0;
    bool ok = true;
};

QString relationTo(const QJsonObject &page, const QString &type)
{
    for (const QJsonValue &relation : page.value(QStringLiteral("view")).toObject().value(QStringLiteral("relation")).toArray()) {
        if (relation.toObject().value(QStringLiteral("@type")).toString() == type) {
            return relation.toObject().value(QStringLiteral("node")).toString();
        }
    }
    return {};
}

// Follows the GreaterThanOrEqualToRelation from start until there is none.
Walk walk(QNetworkAccessManager &manager, const QString &start)
{
    Walk w;
    QString next = start;
    while (!next.isEmpty() && w.pages < 1000) {
        const Fetched f = fetch(manager, QUrl(next));
        if (f.status != 200) {
            w.ok = false;
            return w;
        }
        const QJsonObject page = f.json();
        ++w.pages;
        w.lastPage = page.value(QStringLiteral("@id")).toString();
        for (const QJsonValue &member : page.value(QStringLiteral("member")).toArray()) {
            const QString id = member.toObject().value(QStringLiteral("@id")).toString();
            w.members.append(id);
            w.byId.insert(id, member.toObject());
        }
        next = relationTo(page, QStringLiteral("GreaterThanOrEqualToRelation"));
    }
    return w;
}

// Every @type used in a JSON document, and the keys used per @type.
void typesAndKeys(const QJsonValue &value, QHash<QString, QSet<QString>> *keys)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            typesAndKeys(item, keys);
        }
        return;
    }
    if (!value.isObject()) {
        return;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue type = o.value(QStringLiteral("@type"));
    const QString name = type.isArray() ? type.toArray().first().toString() : type.toString();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!name.isEmpty()) {
            (*keys)[name].insert(it.key());
        }
        if (it.key() != QStringLiteral("@context")) {
            typesAndKeys(it.value(), keys);
        }
    }
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList list = o.keys();
    return QSet<QString>(list.begin(), list.end());
}
} // namespace

class TestIpdcApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<ProductCatalogue> m_catalogue;
    std::unique_ptr<RefServer> m_server;
    QNetworkAccessManager m_manager;

    QString url(const QString &path) const { return m_server->baseUrl().toString() + path; }

    std::unique_ptr<RefServer> serve(ProductCatalogue &catalogue, quint64 seed)
    {
        auto server = std::make_unique<RefServer>(seed);
        installIpdcApi(*server, catalogue);
        server->listenOnLoopback(0);
        return server;
    }

private Q_SLOTS:
    void init()
    {
        m_catalogue = std::make_unique<ProductCatalogue>(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        m_server = serve(*m_catalogue, 42);
        QVERIFY(m_server->baseUrl().port() > 0);
    }

    void cleanup()
    {
        m_server.reset();
        m_catalogue.reset();
    }

    void walkingTheRelationsSeesEveryVersionOnce()
    {
        const Fetched first = fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes"))));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.contentType, QByteArray("application/ld+json"));
        QCOMPARE(first.body, fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes?pageNumber=0")))).body);

        const Walk w = walk(m_manager, url(QStringLiteral("/ipdc/ldes")));
        QVERIFY(w.ok);
        QCOMPARE(w.members.size(), m_catalogue->versionCount());
        QCOMPARE(QSet<QString>(w.members.begin(), w.members.end()).size(), w.members.size());
        QCOMPARE(w.pages, int((m_catalogue->versionCount() + ipdcPageSize - 1) / ipdcPageSize));
        QVERIFY(w.pages > 10);

        // The newest version of each product: as many as there are products, and the newest is last.
        QHash<QString, QString> newest; // isVersionOf → generatedAtTime
        QString previous;
        for (const QString &id : w.members) {
            const QJsonObject m = w.byId.value(id);
            const QString time = m.value(QStringLiteral("generatedAtTime")).toString();
            QVERIFY(previous <= time); // newest last
            previous = time;
            newest.insert(m.value(QStringLiteral("isVersionOf")).toString(), time);
        }
        QCOMPARE(newest.size(), m_catalogue->count());

        // Walking back along the LessThanOrEqualToRelation reaches the first page.
        QString back = w.lastPage;
        int pages = 1;
        while (true) {
            const QString before = relationTo(fetch(m_manager, QUrl(back)).json(), QStringLiteral("LessThanOrEqualToRelation"));
            if (before.isEmpty()) {
                break;
            }
            back = before;
            ++pages;
        }
        QCOMPARE(pages, w.pages);
        QCOMPARE(back, url(QStringLiteral("/ipdc/ldes?pageNumber=0")));
    }

    void relationValuesBoundTheirPages()
    {
        for (int n = 0; n < 3; ++n) {
            const QJsonObject page = fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes?pageNumber=%1").arg(n)))).json();
            for (const QJsonValue &r : page.value(QStringLiteral("view")).toObject().value(QStringLiteral("relation")).toArray()) {
                const QJsonObject relation = r.toObject();
                QCOMPARE(relation.value(QStringLiteral("path")).toString(), QStringLiteral("generatedAtTime"));
                const QJsonArray target =
                    fetch(m_manager, QUrl(relation.value(QStringLiteral("node")).toString())).json().value(QStringLiteral("member")).toArray();
                const QString value = relation.value(QStringLiteral("value")).toString();
                const bool greater = relation.value(QStringLiteral("@type")).toString() == QStringLiteral("GreaterThanOrEqualToRelation");
                for (const QJsonValue &m : target) {
                    const QString time = m.toObject().value(QStringLiteral("generatedAtTime")).toString();
                    QVERIFY2(greater ? time >= value : time <= value, qPrintable(time + QLatin1Char(' ') + value));
                }
            }
        }
    }

    void pagesHaveTheShapeOfTheRealLdesPages()
    {
        const QJsonObject sample = readJson(QStringLiteral("samples/lpdc-instancesnapshot-ldes-page-1.json"));
        const QJsonObject conceptSample = readJson(QStringLiteral("samples/ipdc-conceptsnapshot-from-ldes-stream.jsonld"));
        QVERIFY(!sample.isEmpty() && !conceptSample.isEmpty());
        const QJsonObject page = fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes?pageNumber=1")))).json();

        QCOMPARE(keysOf(page), keysOf(sample));
        QCOMPARE(page.value(QStringLiteral("@type")), sample.value(QStringLiteral("@type")));
        QCOMPARE(page.value(QStringLiteral("timestampPath")), sample.value(QStringLiteral("timestampPath")));
        QCOMPARE(page.value(QStringLiteral("versionOfPath")), sample.value(QStringLiteral("versionOfPath")));
        QCOMPARE(page.value(QStringLiteral("@id")), page.value(QStringLiteral("view")).toObject().value(QStringLiteral("@id")));
        const QJsonObject view = page.value(QStringLiteral("view")).toObject();
        const QJsonObject sampleView = sample.value(QStringLiteral("view")).toObject();
        QCOMPARE(keysOf(view), keysOf(sampleView));
        QCOMPARE(view.value(QStringLiteral("@type")), sampleView.value(QStringLiteral("@type")));
        QSet<QString> relationTypes;
        for (const QJsonValue &r : view.value(QStringLiteral("relation")).toArray()) {
            // The sample's keys, plus tree:value (defined in ldes.jsonld) to say where the page starts.
            QCOMPARE(keysOf(r.toObject()),
                     keysOf(sampleView.value(QStringLiteral("relation")).toArray().first().toObject()) + QSet<QString>{QStringLiteral("value")});
            relationTypes.insert(r.toObject().value(QStringLiteral("@type")).toString());
        }
        QCOMPARE(relationTypes, (QSet<QString>{QStringLiteral("LessThanOrEqualToRelation"), QStringLiteral("GreaterThanOrEqualToRelation")}));

        // The contexts are referred to by URL, as in the sample, and served.
        const QJsonArray contexts = page.value(QStringLiteral("@context")).toArray();
        QCOMPARE(contexts.size(), sample.value(QStringLiteral("@context")).toArray().size());
        for (qsizetype i = 0; i < contexts.size(); ++i) {
            const QString sampleContext = sample.value(QStringLiteral("@context")).toArray().at(i).toString();
            QCOMPARE(QUrl(contexts.at(i).toString()).fileName(), QUrl(sampleContext).fileName());
            const Fetched f = fetch(m_manager, QUrl(contexts.at(i).toString()));
            QCOMPARE(f.status, 200);
            QCOMPARE(f.contentType, QByteArray("application/ld+json"));
            QVERIFY(f.json().value(QStringLiteral("@context")).isObject());
        }

        // Members use the ConceptSnapshot sample's types and keys, type by type.
        QHash<QString, QSet<QString>> ours;
        QHash<QString, QSet<QString>> theirs;
        for (int n = 0; n < 6; ++n) {
            typesAndKeys(fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes?pageNumber=%1").arg(n)))).json().value(QStringLiteral("member")), &ours);
        }
        typesAndKeys(conceptSample, &theirs);
        QVERIFY(ours.contains(QStringLiteral("ConceptSnapshot")) && ours.contains(QStringLiteral("FinancieelVoordeel")));
        for (auto it = ours.begin(); it != ours.end(); ++it) {
            QVERIFY2(theirs.contains(it.key()), qPrintable(it.key()));
            const QSet<QString> extra = it.value() - theirs.value(it.key());
            QVERIFY2(extra.isEmpty(), qPrintable(it.key() + QStringLiteral(": ") + QStringList(extra.begin(), extra.end()).join(QLatin1Char(','))));
        }
    }

    void membersSatisfyTheShaclShape()
    {
        const Shapes shapes = readShapes(specDir() + QStringLiteral("model/concept-shape.shacl.ttl"));
        QVERIFY(shapes.byClass.size() >= 8);
        const Context context = readContext(fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ipdc-lpdc-im.jsonld")))).json());
        QCOMPARE(context.typeOfClass.value(QStringLiteral("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#ConceptualPublicServiceSnapshot")),
                 QStringLiteral("ConceptSnapshot"));
        const Walk w = walk(m_manager, url(QStringLiteral("/ipdc/ldes")));
        QStringList problems;
        QSet<QString> languages;
        for (const QString &id : w.members) {
            const QJsonObject member = w.byId.value(id);
            QCOMPARE(member.value(QStringLiteral("@type")).toString(), QStringLiteral("ConceptSnapshot"));
            checkNode(member, QStringLiteral("ConceptSnapshot"), shapes, context, id, &problems);
            for (const QString &language : member.value(QStringLiteral("naam")).toObject().keys()) {
                languages.insert(language);
            }
            QVERIFY(member.value(QStringLiteral("isVersionOf")).toString().startsWith(QStringLiteral("https://ipdc.vlaanderen.be/id/concept/")));
            QVERIFY(id.startsWith(QStringLiteral("https://ipdc.vlaanderen.be/id/conceptsnapshot/")));
            QVERIFY(!member.value(QStringLiteral("zoektermen")).toObject().value(QStringLiteral("nl")).toArray().isEmpty());
            if (problems.size() > 20) {
                break;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
        QCOMPARE(languages,
                 (QSet<QString>{QStringLiteral("nl"),
                                QStringLiteral("nl-BE-x-formal"),
                                QStringLiteral("nl-BE-x-informal"),
                                QStringLiteral("fr"),
                                QStringLiteral("de"),
                                QStringLiteral("en")}));
    }

    void shapeCheckCatchesBrokenMembers()
    {
        // The check above can fail: a member that breaks the shape in several ways.
        const Shapes shapes = readShapes(specDir() + QStringLiteral("model/concept-shape.shacl.ttl"));
        const Context context = readContext(fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ipdc-lpdc-im.jsonld")))).json());
        QJsonObject member = ipdcMember(m_catalogue->snapshot(0));
        member.remove(QStringLiteral("productnummer"));
        member.insert(QStringLiteral("prijs"), 12);
        member.insert(QStringLiteral("naam"), QJsonObject{{QStringLiteral("es"), QStringLiteral("Documento")}});
        QJsonArray requirements = member.value(QStringLiteral("voorwaarden")).toArray();
        requirements.append(requirements.first());
        member.insert(QStringLiteral("voorwaarden"), requirements);
        member.insert(QStringLiteral("generatedAtTime"), QStringLiteral("yesterday"));
        QStringList problems;
        checkNode(member, QStringLiteral("ConceptSnapshot"), shapes, context, QStringLiteral("m"), &problems);
        const QString all = problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("http://schema.org/productID")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("prijs is not a term")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("m/naam: language es")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("m/voorwaarden: 2 values, at most 1")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("m/generatedAtTime: not a UTC dateTime")), qPrintable(all));
    }

    void changedProductsReachAConsumerThatResumes()
    {
        const Walk before = walk(m_manager, url(QStringLiteral("/ipdc/ldes")));
        QVERIFY(before.ok);
        const QSet<QString> seen(before.members.begin(), before.members.end());
        const QStringList changed = m_catalogue->change(30);
        QCOMPARE(changed.size(), 30);

        // Resume from the last page seen: the new versions are there or on pages after it.
        const Walk resumed = walk(m_manager, before.lastPage);
        QStringList fresh;
        for (const QString &id : resumed.members) {
            if (!seen.contains(id)) {
                fresh.append(id);
            }
        }
        QCOMPARE(fresh.size(), 30);
        QStringList numbers;
        for (const QString &id : fresh) {
            const QJsonObject m = resumed.byId.value(id);
            numbers.append(m.value(QStringLiteral("productnummer")).toString());
            QVERIFY(m.value(QStringLiteral("generatedAtTime")).toString() >
                    before.byId.value(before.members.last()).value(QStringLiteral("generatedAtTime")).toString());
        }
        QCOMPARE(numbers, changed);

        // A new consumer still ends up with one newest version per product.
        const Walk all = walk(m_manager, url(QStringLiteral("/ipdc/ldes")));
        QCOMPARE(all.members.size(), before.members.size() + 30);
        QSet<QString> products;
        for (const QJsonObject &m : std::as_const(all.byId)) {
            products.insert(m.value(QStringLiteral("isVersionOf")).toString());
        }
        QCOMPARE(products.size(), m_catalogue->count());
    }

    void cachingAndConditionalRequests()
    {
        const Walk w = walk(m_manager, url(QStringLiteral("/ipdc/ldes")));
        const Fetched full = fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes?pageNumber=0"))));
        QVERIFY(full.header("cache-control").contains("immutable"));
        const Fetched last = fetch(m_manager, QUrl(w.lastPage));
        QCOMPARE(last.header("cache-control"), QByteArray("no-cache"));
        QVERIFY(!last.header("etag").isEmpty());
        QCOMPARE(fetch(m_manager, QUrl(w.lastPage), last.header("etag")).status, 304);
        m_catalogue->change(1);
        QCOMPARE(fetch(m_manager, QUrl(w.lastPage), last.header("etag")).status, 200); // the last page grew
    }

    void badPageNumbers_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::newRow("not a number") << QStringLiteral("pageNumber=abc") << 400;
        QTest::newRow("negative") << QStringLiteral("pageNumber=-1") << 400;
        QTest::newRow("beyond the end") << QStringLiteral("pageNumber=9999") << 404;
    }

    void badPageNumbers()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        const Fetched f = fetch(m_manager, QUrl(url(QStringLiteral("/ipdc/ldes?") + query)));
        QCOMPARE(f.status, status);
        QVERIFY(!f.json().value(QStringLiteral("detail")).toString().isEmpty());
    }

    void sameSeedSameBytes()
    {
        ProductCatalogue other(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        const auto server = serve(other, 42);
        const QString mine = m_server->baseUrl().toString();
        const QString theirs = server->baseUrl().toString();
        for (int n = 0; n < 30; n += 7) {
            const QByteArray a = fetch(m_manager, QUrl(mine + QStringLiteral("/ipdc/ldes?pageNumber=%1").arg(n))).body;
            QByteArray b = fetch(m_manager, QUrl(theirs + QStringLiteral("/ipdc/ldes?pageNumber=%1").arg(n))).body;
            b.replace(theirs.toUtf8(), mine.toUtf8());
            QCOMPARE(a, b);
        }
    }

    void duplicateFaultRepeatsMembers()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/ipdc/*=duplicate"), nullptr));
        const Walk w = walk(m_manager, url(QStringLiteral("/ipdc/ldes")));
        QVERIFY(w.ok);
        const QSet<QString> distinct(w.members.begin(), w.members.end());
        QCOMPARE(distinct.size(), m_catalogue->versionCount()); // every version still there
        QCOMPARE(w.members.size(), distinct.size() + 3 * (w.pages - 1)); // each page after the first starts 3 early
    }
};

QTEST_GUILESS_MAIN(TestIpdcApi)
#include "tst_ipdcapi.moc"
