// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// IpdcLdesSync on the LPDC instance-snapshot stub of the specification (its three real pages,
// served on loopback as the stub serves them): versions, archived instances, a withdrawal arriving
// on the last page, and a bad member on a page.
#include "catalogueaudittesting.h"
#include "store/cataloguerepository.h"
#include "sync/ipdc/ipdcldessync.h"
#include "tempstore.h"

#include <QFile>
#include <QHttpServer>
#include <QSet>
#include <QTest>

using namespace C360;
using namespace C360::Test;
using namespace C360::Test::Backend;

namespace
{
QByteArray readSample(int page)
{
    QFile f(qEnvironmentVariable("C360_SOURCE_DIR") +
            QStringLiteral("/tests/refbackend/specs/product-catalogue-flanders-ipdc/samples/lpdc-instancesnapshot-ldes-page-%1.json").arg(page));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString minimal = QStringLiteral("http://data.lblod.info/id/public-service/c0d6bf9a-fcc4-4d46-beb6-3f4d80f03bf3");
const QString archived = QStringLiteral("http://data.lblod.info/id/public-service/2e018424-7af6-4798-8026-0e627a8694d8");
} // namespace

class TestIpdcStub : public QObject
{
    Q_OBJECT

    QHttpServer m_server;
    quint16 m_port = 0;
    QList<QByteArray> m_pages; // as served, with the stub's host name made ours
    QSet<int> m_gone; // pages that answer 410 Gone
    MemorySecretStore m_secrets;

    SyncEngine::Options options(TempStore &store)
    {
        SourceConfig source;
        source.id = QStringLiteral("ipdc");
        source.dialect = Dialect::Ipdc;
        source.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/doc/").arg(m_port));
        SyncEngine::Options o = engineOptions(store.path(), QUrl(), QString(), &store.clock(), &m_secrets, makeIpdcSyncs, {});
        o.sources = {source};
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The stream's root (…/doc/ldes) is page 0; its relations name …/doc/instancesnapshot?pageNumber=N.
        m_server.route(QStringLiteral("/doc/ldes"), [this] {
            return QHttpServerResponse(QByteArrayLiteral("application/ld+json"), m_pages.value(0));
        });
        m_server.route(QStringLiteral("/doc/instancesnapshot"), [this](const QHttpServerRequest &request) {
            const int page = request.query().queryItemValue(QStringLiteral("pageNumber")).toInt();
            if (m_gone.contains(page)) {
                return QHttpServerResponse(QHttpServerResponder::StatusCode::Gone);
            }
            return QHttpServerResponse(QByteArrayLiteral("application/ld+json"), m_pages.value(page));
        });
        m_port = m_server.listen(QHostAddress::LocalHost);
        QVERIFY(m_port != 0);
    }

    void init()
    {
        m_gone.clear();
        m_pages.clear();
        for (int page = 0; page < 3; ++page) {
            QByteArray body = readSample(page);
            QVERIFY(!body.isEmpty());
            m_pages.append(body.replace("http://hostname/", QStringLiteral("http://127.0.0.1:%1/").arg(m_port).toUtf8()));
        }
    }

    void stubFeed()
    {
        TempStore store;
        SyncEngine engine(options(store));
        const SyncSummary summary = runOnce(engine);
        QVERIFY(summary.ok());
        const ResourceStats stats = statsOf(summary);
        QCOMPARE(stats.pages, 3);
        // Six instances: one has two versions on page 0, one is archived by its second version.
        QCOMPARE(stats.inserted, 5);
        QCOMPARE(stats.updated, 0);
        QCOMPARE(stats.deleted, 0);
        Database &db = store.open();
        CatalogueRepository catalogue(db);
        QCOMPARE(*catalogue.count(), 5);
        auto entry = catalogue.findByProductId(QStringLiteral("ipdc"), minimal);
        QVERIFY(entry && entry->has_value());
        QCOMPARE((*entry)->name.exact(QStringLiteral("nl-BE-x-informal")), QStringLiteral("Minimalistische instantie updatet"));
        QVERIFY(!catalogue.findByProductId(QStringLiteral("ipdc"), archived)->has_value());

        // Nothing new: the last page is read again and nothing is written.
        QVERIFY(statsOf(runOnce(engine)).changedNothing());

        // The minimal instance is withdrawn, and a bad member comes along, on the last page.
        QJsonObject last = QJsonDocument::fromJson(m_pages.at(2)).object();
        QJsonArray members = last.value(QStringLiteral("member")).toArray();
        QJsonObject withdrawn = QJsonDocument::fromJson(m_pages.at(0)).object().value(QStringLiteral("member")).toArray().at(1).toObject();
        withdrawn.insert(QStringLiteral("@id"), QStringLiteral("http://data.lblod.info/id/public-service-snapshot/withdrawn"));
        withdrawn.insert(QStringLiteral("generatedAtTime"), QStringLiteral("2024-03-20T10:00:00.000Z"));
        withdrawn.insert(QStringLiteral("gearchiveerd"), QStringLiteral("true"));
        members.append(withdrawn);
        members.append(QJsonObject{{QStringLiteral("@id"), QStringLiteral("urn:bad")}, {QStringLiteral("@type"), QStringLiteral("Organisatie")}});
        last.insert(QStringLiteral("member"), members);
        m_pages[2] = QJsonDocument(last).toJson();

        QSignalSpy skipped(&engine, &SyncEngine::recordSkipped);
        const ResourceStats after = statsOf(runOnce(engine));
        QCOMPARE(after.deleted, 1);
        QCOMPARE(after.inserted + after.updated, 0);
        QCOMPARE(after.skipped, 1);
        QCOMPARE(skipped.size(), 1);
        const SkippedRecord record = skipped.first().first().value<SkippedRecord>();
        QCOMPARE(record.source, QStringLiteral("ipdc"));
        QCOMPARE(record.resource, QStringLiteral("ldes"));
        QCOMPARE(record.recordId, QStringLiteral("urn:bad"));
        QCOMPARE(*catalogue.count(), 4);
        QVERIFY(!catalogue.findByProductId(QStringLiteral("ipdc"), minimal)->has_value());

        // An older version read again (a page served twice) does not bring it back.
        QVERIFY(statsOf(runOnce(engine)).changedNothing());
        TempStore fresh;
        SyncEngine again(options(fresh));
        QVERIFY(runOnce(again).ok());
        QCOMPARE(dumpCatalogue(fresh.open()), dumpCatalogue(db));
    }

    void aPageThatIsGoneIsNotTheEnd()
    {
        TempStore store;
        SyncEngine engine(options(store));
        QVERIFY(runOnce(engine).ok());
        // The page the next run starts at is gone (the stream was reorganised): from the root.
        m_gone = {2};
        const SyncSummary restarted = runOnce(engine);
        QVERIFY2(restarted.ok(), QJsonDocument(restarted.toJson()).toJson().constData());
        QVERIFY(statsOf(restarted).changedNothing());
        QCOMPARE(statsOf(restarted).pages, 2); // the root and page 1; page 2 left out
        // A page linked in a run that is gone is left out; the rest of the stream goes in.
        TempStore fresh;
        m_gone = {1};
        SyncEngine other(options(fresh));
        const SyncSummary partial = runOnce(other);
        QVERIFY(partial.ok());
        QCOMPARE(statsOf(partial).pages, 1); // the root; page 2 is linked from page 1 only
        // With every page back, the stores agree.
        m_gone.clear();
        QVERIFY(runOnce(other).ok());
        QVERIFY(runOnce(engine).ok());
        QCOMPARE(dumpCatalogue(fresh.open()), dumpCatalogue(store.open()));
    }
};

QTEST_GUILESS_MAIN(TestIpdcStub)
#include "tst_ipdcstub.moc"
