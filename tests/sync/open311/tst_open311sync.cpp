// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Open311 connector against the reference back end on loopback: a full sync matches the back
// end's counts and content, a second one changes nothing, mutations arrive incrementally, every
// fault kind is survived with the same end state, and an interrupted run resumes.

#include "common/clock.h"
#include "open311synctesting.h"
#include "server/referencebackend.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QTest>

using namespace C360;
using namespace C360::Test::Open311;

namespace
{
constexpr quint32 Citizens = 150;
}

class TestOpen311Sync : public QObject
{
    Q_OBJECT

    std::unique_ptr<Ref::ReferenceBackend> m_backend;
    QUrl m_base;
    QNetworkAccessManager m_network;
    QList<Citizen> m_citizens;
    SystemClock m_clock;
    MemorySecretStore m_secrets;
    QStringList m_reference; // the reports of an unfaulted full sync

    QJsonObject stats() { return http(m_network, "GET", backendUrl(m_base, QStringLiteral("/admin/stats"))).json(); }

    bool setFault(const QString &rule)
    {
        http(m_network, "DELETE", backendUrl(m_base, QStringLiteral("/admin/faults")));
        if (rule.isEmpty()) {
            return true;
        }
        const QJsonObject body{{QStringLiteral("fault"), rule}};
        return http(m_network, "POST", backendUrl(m_base, QStringLiteral("/admin/faults")), QJsonDocument(body).toJson()).status / 100 == 2;
    }

    // A fresh store holding the back end's residents, ready for reports.
    std::unique_ptr<Test::TempStore> newStore()
    {
        auto store = std::make_unique<Test::TempStore>();
        store->open();
        if (!insertCitizens(store->db(), m_citizens)) {
            return {};
        }
        store->close();
        return store;
    }

    SyncEngine::Options options(const Test::TempStore &store, int timeoutMs = 5000)
    {
        SyncEngine::Options o = engineOptions(store.path(), m_base, &m_clock, &m_secrets);
        o.retry.timeoutMs = timeoutMs;
        return o;
    }

    QStringList reportsOf(Test::TempStore &store)
    {
        store.open();
        const QStringList lines = dumpReports(store.db());
        store.close();
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Ref::ReferenceBackend::Options o;
        o.seed = 311;
        o.citizens = Citizens;
        m_backend = std::make_unique<Ref::ReferenceBackend>(o);
        QVERIFY(m_backend->listen(0) != 0);
        m_base = m_backend->baseUrl();
        QVERIFY(m_secrets.write(QStringLiteral("reference"), QStringLiteral("training")).has_value());
        m_citizens = fetchCitizens(m_network, m_base);
        QCOMPARE(m_citizens.size(), qsizetype(Citizens));
    }

    void init() { QVERIFY(setFault({})); }

    void fullSyncMatchesTheBackEnd()
    {
        auto store = newStore();
        QVERIFY(store);
        SyncEngine engine(options(*store));
        const SyncSummary summary = runOnce(engine);
        QVERIFY2(summary.ok(), QJsonDocument(summary.toJson()).toJson().constData());
        const ResourceStats total = statsOf(summary);
        const qint64 expected = stats().value(QStringLiteral("reports")).toInteger();
        QVERIFY(expected > 100);
        QCOMPARE(total.inserted, expected);
        QCOMPARE(total.skipped, 0);
        m_reference = reportsOf(*store);
        QCOMPARE(m_reference.size(), qsizetype(expected));

        // Content: a sample of reports as the back end serves them one by one.
        store->open();
        QSqlQuery q(store->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT source_id, service_code, status, description, citizen_id, match_basis FROM reports ORDER BY id LIMIT 40")));
        int linked = 0;
        int checked = 0;
        while (q.next()) {
            const QString id = q.value(0).toString();
            const HttpResult r =
                http(m_network,
                     "GET",
                     backendUrl(m_base, QStringLiteral("/open311/v2/requests/%1.json").arg(id), QStringLiteral("api_key=training&extensions=true")));
            QCOMPARE(r.status, 200);
            const QJsonObject remote = r.array().first().toObject();
            QCOMPARE(q.value(1).toString(), remote.value(QStringLiteral("service_code")).toString());
            QCOMPARE(q.value(2).toString(), remote.value(QStringLiteral("status")).toString());
            QCOMPARE(q.value(3).toString(), remote.value(QStringLiteral("description")).toString());
            // A reporter the back end names by national number is linked for certain.
            const QString nationalId = remote.value(QStringLiteral("extended_attributes")).toObject().value(QStringLiteral("national_id")).toString();
            if (!nationalId.isEmpty()) {
                QVERIFY2(!q.value(4).isNull(), qPrintable(id));
                ++linked;
            }
            ++checked;
        }
        QCOMPARE(checked, 40);
        QVERIFY2(linked > 0, "no report in the sample names its reporter by national number");
    }

    void secondSyncChangesNothing()
    {
        QVERIFY(!m_reference.isEmpty());
        auto store = newStore();
        SyncEngine engine(options(*store));
        const ResourceStats first = statsOf(runOnce(engine));
        QVERIFY(first.inserted > 0);
        const SyncSummary again = runOnce(engine);
        QVERIFY(again.ok());
        const ResourceStats second = statsOf(again);
        QCOMPARE(second.inserted + second.updated + second.deleted, 0);
        // updated_after: only the overlap second is read again, not the history.
        QVERIFY2(second.pages <= 2, qPrintable(QString::number(second.pages)));
        QVERIFY2(second.bytes * 10 < first.bytes, qPrintable(QStringLiteral("%1 of %2 bytes").arg(second.bytes).arg(first.bytes)));
        QCOMPARE(reportsOf(*store), m_reference);
    }

    void mutationsArriveIncrementally()
    {
        auto store = newStore();
        SyncEngine engine(options(*store));
        QVERIFY(runOnce(engine).ok());
        const QJsonObject change{{QStringLiteral("new_reports"), 7}, {QStringLiteral("status_changes"), 5}};
        const HttpResult mutated = http(m_network, "POST", backendUrl(m_base, QStringLiteral("/admin/mutate")), QJsonDocument(change).toJson());
        QCOMPARE(mutated.status, 200);
        const SyncSummary summary = runOnce(engine);
        QVERIFY(summary.ok());
        const ResourceStats s = statsOf(summary);
        QCOMPARE(s.inserted, 7);
        QCOMPARE(s.updated, 5);
        QCOMPARE(s.deleted, 0);
        QCOMPARE(qsizetype(reportsOf(*store).size()), qsizetype(stats().value(QStringLiteral("reports")).toInteger()));

        // From here on the reference is the mutated back end.
        auto fresh = newStore();
        SyncEngine full(options(*fresh));
        QVERIFY(runOnce(full).ok());
        m_reference = reportsOf(*fresh);
        QCOMPARE(reportsOf(*store), m_reference);
    }

    void faultsAreSurvived_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("failsWhileActive");
        QTest::newRow("delay") << QStringLiteral("/open311/*=delay:30") << false;
        QTest::newRow("503 sometimes") << QStringLiteral("/open311/*=status:503@0.3") << false;
        QTest::newRow("500 always") << QStringLiteral("/open311/*=status:500") << true;
        QTest::newRow("429 with Retry-After") << QStringLiteral("/open311/*=status:429:1@0.3") << false;
        QTest::newRow("hang") << QStringLiteral("/open311/*=hang") << true;
        QTest::newRow("reset") << QStringLiteral("/open311/*=reset@0.5") << false;
        QTest::newRow("truncate") << QStringLiteral("/open311/*=truncate") << true;
        QTest::newRow("content-type") << QStringLiteral("/open311/*=content-type:text/html") << false;
        QTest::newRow("duplicate") << QStringLiteral("/open311/*=duplicate") << false;
        QTest::newRow("oversize") << QStringLiteral("/open311/*=oversize") << true;
    }

    void faultsAreSurvived()
    {
        QFETCH(QString, fault);
        QFETCH(bool, failsWhileActive);
        QVERIFY(!m_reference.isEmpty());
        auto store = newStore();
        QVERIFY(setFault(fault));
        {
            SyncEngine engine(options(*store, 1500));
            const SyncSummary faulted = runOnce(engine);
            if (failsWhileActive) {
                QVERIFY2(!faulted.ok(), "a sync that cannot reach its data must say so");
                const SyncProblem problem = faulted.resources.first().problem;
                QVERIFY(problem.kind != SyncProblem::Kind::None);
            }
        }
        QVERIFY(setFault({}));
        SyncEngine engine(options(*store));
        const SyncSummary healed = runOnce(engine);
        QVERIFY2(healed.ok(), QJsonDocument(healed.toJson()).toJson().constData());
        QCOMPARE(reportsOf(*store), m_reference);
    }

    void interruptedRunResumes()
    {
        QVERIFY(!m_reference.isEmpty());
        auto store = newStore();
        Open311Options small;
        small.maxPageSize = 50;
        qint64 firstPages = 0;
        {
            SyncEngine::Options o = engineOptions(store->path(), m_base, &m_clock, &m_secrets, small);
            SyncEngine engine(o);
            QSignalSpy finished(&engine, &SyncEngine::finished);
            connect(&engine, &SyncEngine::pageApplied, &engine, [&engine, &firstPages](const QString &, const QString &, const ResourceStats &soFar) {
                firstPages = soFar.pages;
                engine.stop();
            });
            engine.runOnce();
            QVERIFY(!finished.isEmpty() || finished.wait(60000));
        }
        QCOMPARE(firstPages, 1);
        const QStringList partial = reportsOf(*store);
        QVERIFY(!partial.isEmpty());
        QVERIFY(partial.size() < m_reference.size());

        SyncEngine::Options o = engineOptions(store->path(), m_base, &m_clock, &m_secrets, small);
        SyncEngine engine(o);
        const SyncSummary rest = runOnce(engine);
        QVERIFY(rest.ok());
        // Nothing applied twice: the resumed run inserts exactly what the first one had not.
        QCOMPARE(statsOf(rest).inserted, qint64(m_reference.size() - partial.size()));
        QCOMPARE(reportsOf(*store), m_reference);
    }

    void windowedCrawlGivesTheSameStore()
    {
        QVERIFY(!m_reference.isEmpty());
        auto store = newStore();
        Open311Options windowed;
        windowed.crawl = Open311Options::Crawl::Windowed;
        SyncEngine engine(engineOptions(store->path(), m_base, &m_clock, &m_secrets, windowed));
        const SyncSummary summary = runOnce(engine);
        QVERIFY2(summary.ok(), QJsonDocument(summary.toJson()).toJson().constData());
        QCOMPARE(reportsOf(*store), m_reference);
    }
};

QTEST_GUILESS_MAIN(TestOpen311Sync)
#include "tst_open311sync.moc"
