// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// IpdcLdesSync driven by the real SyncEngine against the in-process reference back end: a full
// sync matches /admin/stats and the feed's content, a second run changes nothing, runtime product
// changes arrive, every fault kind is survived, and a stopped run resumes to the same store.
#include "catalogueaudittesting.h"
#include "server/referencebackend.h"
#include "store/cataloguerepository.h"
#include "sync/ipdc/ipdcldessync.h"
#include "sync/ipdc/ipdcparser.h"
#include "sync/timestamp.h"
#include "tempstore.h"

#include <QTest>

using namespace C360;
using namespace C360::Test;
using namespace C360::Test::Backend;

namespace
{
Ref::ReferenceBackend::Options backendOptions()
{
    Ref::ReferenceBackend::Options o;
    o.seed = 7;
    o.citizens = 20;
    o.referenceDate = TempStore::defaultStart().date(); // the stores' clocks start that day
    return o;
}

// The newest version of every product in the feed, walked over HTTP without the client's code.
QHash<QString, QJsonObject> newestMembers(QNetworkAccessManager &network, const QUrl &base, int *pages = nullptr)
{
    QHash<QString, QJsonObject> newest;
    QUrl url = backendUrl(base, QStringLiteral("/ipdc/ldes"));
    int count = 0;
    while (url.isValid() && count < 1000) {
        ++count;
        const QJsonObject page = http(network, "GET", url).json();
        for (const QJsonValue &v : page.value(QStringLiteral("member")).toArray()) {
            const QJsonObject m = v.toObject();
            const QString product = m.value(QStringLiteral("isVersionOf")).toString();
            const QString time = m.value(QStringLiteral("generatedAtTime")).toString();
            if (!newest.contains(product) || newest.value(product).value(QStringLiteral("generatedAtTime")).toString() < time) {
                newest.insert(product, m);
            }
        }
        url = QUrl();
        for (const QJsonValue &r : page.value(QStringLiteral("view")).toObject().value(QStringLiteral("relation")).toArray()) {
            if (r.toObject().value(QStringLiteral("@type")).toString().startsWith(QLatin1String("GreaterThan"))) {
                url = QUrl(r.toObject().value(QStringLiteral("node")).toString());
            }
        }
    }
    if (pages) {
        *pages = count;
    }
    return newest;
}

bool isArchived(const QJsonObject &member)
{
    const QJsonValue v = member.value(QStringLiteral("gearchiveerd"));
    return v.toBool() || v.toString() == QLatin1String("true");
}
} // namespace

class TestIpdcSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<Ref::ReferenceBackend> m_backend;
    std::unique_ptr<TempStore> m_store;
    QNetworkAccessManager m_network;
    MemorySecretStore m_secrets;
    QStringList m_reference; // the catalogue of an undisturbed full sync
    ResourceStats m_referenceStats;

    QUrl base() const { return m_backend->baseUrl(); }

    SyncEngine::Options options(TempStore &store, int timeoutMs = 3000)
    {
        SyncEngine::Options o = engineOptions(store.path(), base(), QStringLiteral("ipdc"), &store.clock(), &m_secrets, makeIpdcSyncs, {});
        o.retry.timeoutMs = timeoutMs;
        return o;
    }

    QStringList catalogueOf(TempStore &store)
    {
        if (!store.isOpen()) {
            store.open();
        }
        return dumpCatalogue(store.db());
    }

    qint64 catalogueCount(TempStore &store)
    {
        if (!store.isOpen()) {
            store.open();
        }
        return CatalogueRepository(store.db()).count().value_or(-1);
    }

    void startBackend()
    {
        m_backend = std::make_unique<Ref::ReferenceBackend>(backendOptions());
        QVERIFY2(m_backend->isValid(), qPrintable(m_backend->errorString()));
        QVERIFY(m_backend->listen(0) != 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_secrets.write(QStringLiteral("reference"), QStringLiteral("training")));
        startBackend();
        TempStore store;
        SyncEngine engine(options(store));
        const SyncSummary summary = runOnce(engine);
        QVERIFY(summary.ok());
        m_referenceStats = statsOf(summary);
        m_reference = catalogueOf(store);
        QVERIFY(m_reference.size() > 100);
    }

    void init()
    {
        startBackend();
        m_store = std::make_unique<TempStore>();
    }

    void cleanup()
    {
        m_store.reset();
        m_backend.reset();
    }

    void fullSyncMatchesTheBackend()
    {
        SyncEngine engine(options(*m_store));
        const SyncSummary summary = runOnce(engine);
        QVERIFY(summary.ok());
        QCOMPARE(summary.resources.size(), 1);
        QCOMPARE(summary.resources.first().resource, QStringLiteral("ldes"));
        const ResourceStats stats = statsOf(summary);

        int pages = 0;
        const QHash<QString, QJsonObject> newest = newestMembers(m_network, base(), &pages);
        const qint64 expected = adminStats(m_network, base()).value(QStringLiteral("catalogue_entries")).toInteger();
        QVERIFY(expected > 0);
        QCOMPARE(catalogueCount(*m_store), expected);
        QCOMPARE(stats.inserted - stats.deleted, expected);
        QCOMPARE(stats.skipped, 0);
        QCOMPARE(stats.pages, pages);
        QCOMPARE(catalogueOf(*m_store), m_reference);

        // Content: every product's newest version, compared with the feed's own JSON.
        CatalogueRepository catalogue(m_store->db());
        int compared = 0;
        for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
            const QJsonObject &m = it.value();
            auto entry = catalogue.findByProductId(QStringLiteral("ipdc"), it.key());
            QVERIFY(entry);
            if (isArchived(m)) {
                QVERIFY(!entry->has_value());
                continue;
            }
            QVERIFY2(entry->has_value(), qPrintable(it.key()));
            const CatalogueEntry &e = **entry;
            QCOMPARE(e.source.id, it.key());
            const QJsonObject names = m.value(QStringLiteral("naam")).toObject();
            QCOMPARE(e.name.languages().size(), names.size());
            for (auto n = names.begin(); n != names.end(); ++n) {
                QCOMPARE(e.name.exact(IpdcParser::canonicalLanguage(n.key())), n.value().toString().trimmed());
            }
            const QJsonObject descriptions = m.value(QStringLiteral("beschrijving")).toObject();
            for (auto d = descriptions.begin(); d != descriptions.end(); ++d) {
                QVERIFY(e.description.exact(IpdcParser::canonicalLanguage(d.key())).startsWith(d.value().toString().trimmed()));
            }
            QCOMPARE(e.lastModified, IpdcParser::parseDateTime(m.value(QStringLiteral("laatstGewijzigd")).toString(), Timestamp::defaultZone()));
            const bool forCitizens = m.value(QStringLiteral("doelgroepen")).toArray().contains(QStringLiteral("Burger"));
            QCOMPARE(e.targetAudiences.contains(QStringLiteral("citizen")), forCitizens);
            QCOMPARE(e.themes.size(), m.value(QStringLiteral("themas")).toArray().size());
            ++compared;
        }
        QCOMPARE(compared, expected);
    }

    void secondRunChangesNothing()
    {
        SyncEngine engine(options(*m_store));
        QVERIFY(runOnce(engine).ok());
        const SyncSummary second = runOnce(engine);
        QVERIFY(second.ok());
        const ResourceStats stats = statsOf(second);
        QVERIFY(stats.changedNothing());
        // Only the last page is asked for again, and it has not changed (304: no body).
        QCOMPARE(stats.pages, 1);
        QCOMPARE(stats.bytes, 0);
        // A new engine (a restarted process) starts there too.
        SyncEngine restarted(options(*m_store));
        const ResourceStats third = statsOf(runOnce(restarted));
        QVERIFY(third.changedNothing());
        QCOMPARE(third.pages, 1);
        QCOMPARE(catalogueOf(*m_store), m_reference);
    }

    void changedProductsArrive()
    {
        SyncEngine engine(options(*m_store));
        QVERIFY(runOnce(engine).ok());
        const HttpResult mutated = http(m_network, "POST", backendUrl(base(), QStringLiteral("/admin/mutate")), R"({"changed_products": 4})");
        QCOMPARE(mutated.status, 200);
        const QJsonArray changed = mutated.json().value(QStringLiteral("changed_products")).toArray();
        QCOMPARE(changed.size(), 4);

        const SyncSummary summary = runOnce(engine);
        QVERIFY(summary.ok());
        const ResourceStats stats = statsOf(summary);
        QCOMPARE(stats.inserted + stats.updated + stats.deleted, 4);
        QCOMPARE(stats.skipped, 0);
        const qint64 expected = adminStats(m_network, base()).value(QStringLiteral("catalogue_entries")).toInteger();
        QCOMPARE(catalogueCount(*m_store), expected);

        // The changed products hold their new version.
        const QHash<QString, QJsonObject> newest = newestMembers(m_network, base());
        CatalogueRepository catalogue(m_store->db());
        int found = 0;
        for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
            if (!changed.contains(it.value().value(QStringLiteral("productnummer")))) {
                continue;
            }
            ++found;
            auto entry = catalogue.findByProductId(QStringLiteral("ipdc"), it.key());
            QVERIFY(entry);
            if (isArchived(it.value())) {
                QVERIFY(!entry->has_value());
                continue;
            }
            QVERIFY(entry->has_value());
            QCOMPARE((*entry)->lastModified,
                     IpdcParser::parseDateTime(it.value().value(QStringLiteral("laatstGewijzigd")).toString(), Timestamp::defaultZone()));
            const QJsonObject names = it.value().value(QStringLiteral("naam")).toObject();
            for (auto n = names.begin(); n != names.end(); ++n) {
                QCOMPARE((*entry)->name.exact(IpdcParser::canonicalLanguage(n.key())), n.value().toString().trimmed());
            }
        }
        QCOMPARE(found, 4);
        QVERIFY(statsOf(runOnce(engine)).changedNothing());
    }

    void faultsAreSurvived_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("harmless"); // the faulted run itself succeeds
        QTest::newRow("status 503") << QStringLiteral("status:503@0.5") << false;
        QTest::newRow("status 500 always") << QStringLiteral("status:500") << false;
        QTest::newRow("status 429") << QStringLiteral("status:429:1@0.5") << false;
        QTest::newRow("delay") << QStringLiteral("delay:30") << true;
        QTest::newRow("hang") << QStringLiteral("hang@0.2") << false;
        QTest::newRow("reset") << QStringLiteral("reset@0.5") << false;
        QTest::newRow("truncate") << QStringLiteral("truncate@0.5") << false;
        QTest::newRow("content-type") << QStringLiteral("content-type:text/plain") << true;
        QTest::newRow("duplicate") << QStringLiteral("duplicate") << true;
        QTest::newRow("oversize") << QStringLiteral("oversize@0.3") << false;
    }
    void faultsAreSurvived()
    {
        QFETCH(QString, fault);
        QFETCH(bool, harmless);
        QVERIFY(addFault(m_network, base(), QStringLiteral("/ipdc/*=") + fault));
        {
            SyncEngine faulted(options(*m_store, 1000));
            const SyncSummary summary = runOnce(faulted);
            if (harmless) {
                QVERIFY(summary.ok());
                QCOMPARE(statsOf(summary).skipped, 0);
            }
        }
        QVERIFY(clearFaults(m_network, base()));
        SyncEngine engine(options(*m_store));
        SyncSummary summary = runOnce(engine);
        QVERIFY(summary.ok());
        QCOMPARE(catalogueOf(*m_store), m_reference);
        QVERIFY(statsOf(runOnce(engine)).changedNothing());
    }

    void stoppedRunResumes()
    {
        ResourceStats first;
        {
            SyncEngine engine(options(*m_store));
            connect(&engine, &SyncEngine::pageApplied, &engine, &SyncEngine::stop);
            const SyncSummary summary = runOnce(engine);
            QCOMPARE(summary.resources.size(), 1);
            QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Cancelled);
            first = statsOf(summary);
            QCOMPARE(first.pages, 1);
        }
        const qint64 partial = catalogueCount(*m_store);
        QVERIFY(partial > 0);
        QVERIFY(partial < m_reference.size());
        m_store->close();

        SyncEngine resumed(options(*m_store));
        const SyncSummary summary = runOnce(resumed);
        QVERIFY(summary.ok());
        const ResourceStats second = statsOf(summary);
        // Nothing read twice, nothing lost: together the same as one uninterrupted run.
        QCOMPARE(first.pages + second.pages, m_referenceStats.pages);
        QCOMPARE(first.inserted + second.inserted, m_referenceStats.inserted);
        QCOMPARE(first.updated + second.updated, m_referenceStats.updated);
        QCOMPARE(catalogueOf(*m_store), m_reference);
    }
};

QTEST_GUILESS_MAIN(TestIpdcSync)
#include "tst_ipdcsync.moc"
