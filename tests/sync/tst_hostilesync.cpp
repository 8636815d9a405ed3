// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync against a server that lies in well-formed ways (issue 17): lists that claim records
// and carry none, that never end, that link to no URL, that announce absurd counts, date-times
// without a zone, an HTML page for data. Whatever it sends, the store keeps everything it had,
// deletes only on proof, records every problem where the sync panel reads it, and converges to the
// back end's counts once the server is healthy. And what a removed party took along comes back
// with it.

#include "common/clock.h"
#include "httpclient.h"
#include "open311/open311requests.h"
#include "population/dataset.h"
#include "privacy/secretstore.h"
#include "server/referencebackend.h"
#include "server/refserver.h"
#include "store/retentionpolicy.h"
#include "store/storestatistics.h"
#include "store/syncstaterepository.h"
#include "storetesting.h"
#include "sync/connectors.h"
#include "sync/sourceconfig.h"
#include "sync/syncengine.h"
#include "sync/syncmessages.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
constexpr quint32 Citizens = 200;
const QStringList CountedKinds = {u"citizens"_s, u"reports"_s, u"contact_moments"_s, u"requests"_s, u"cases"_s, u"catalogue_entries"_s};

qint64 resourceTotal(const SyncSummary &s, const char *what)
{
    qint64 n = 0;
    for (const auto &r : s.resources) {
        n += r.stats.toJson().value(QLatin1String(what)).toInteger();
    }
    return n;
}

const SyncSummary::Resource *resourceOf(const SyncSummary &s, const QString &source, const QString &resource)
{
    for (const auto &r : s.resources) {
        if (r.source == source && r.resource == resource) {
            return &r;
        }
    }
    return nullptr;
}
} // namespace

class TestHostileSync : public QObject
{
    Q_OBJECT

    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<Ref::ReferenceBackend> m_backend;
    QMap<QString, QByteArray> m_fromEmpty; // a healthy sync into an empty store
    std::unique_ptr<Test::TempStore> m_healthy; // that store

    void startBackend()
    {
        Ref::ReferenceBackend::Options o;
        o.seed = 17;
        o.citizens = Citizens;
        o.referenceDate = Test::TempStore::defaultStart().date(); // the stores' clocks start that day
        m_backend = std::make_unique<Ref::ReferenceBackend>(o);
        QVERIFY(m_backend->listen(0) != 0);
    }

    QJsonObject admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return Test::http(m_network, method, QUrl(m_backend->baseUrl().toString() + path), body, {}, 30000).json();
    }

    SyncSummary sync(Test::TempStore &store, const QStringList &confirmed = {})
    {
        SyncEngine::Options o;
        o.databasePath = store.path();
        o.sources = SourceConfig::forReferenceBackend(m_backend->baseUrl());
        o.secrets = &m_secrets;
        o.clock = &store.clock();
        o.retry.baseDelayMs = 5;
        o.retry.maxDelayMs = 50;
        o.retry.maxAttempts = 2;
        o.retry.timeoutMs = 5000;
        o.resources = allResourceSyncs();
        o.outbox = allOutboxTargets();
        o.confirmedDeletions = confirmed;
        store.close();
        SyncEngine engine(o);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.runOnce();
        if (finished.isEmpty() && !finished.wait(240000)) {
            qWarning("the sync did not finish");
            return {};
        }
        return finished.first().first().value<SyncSummary>();
    }

    // What the store holds, by the names of /admin/stats.
    QJsonObject held(Test::TempStore &store)
    {
        auto stats = StoreStatistics::collect(store.open());
        store.close();
        return stats ? stats->toJson() : QJsonObject();
    }

    void faultsOff() { m_backend->server().faults().clear(); }

    // The date-times of store that differ from the healthy store's other than as two readings of
    // one wall-clock time in Brussels (the autumn hour), as "table source_id column"; and the rows
    // that differ elsewhere than in their date-times.
    QStringList differentReadings(Test::TempStore &store) const
    {
        struct Dated
        {
            const char *table;
            QStringList times;
        };
        const Dated dated[] = {{"reports", {u"requested_at"_s, u"updated_at"_s, u"expected_at"_s}},
                               {"contact_moments", {u"occurred_at"_s}},
                               {"requests", {u"created_at"_s, u"deadline_at"_s, u"expires_at"_s}},
                               {"catalogue_entries", {u"last_modified"_s}}};
        QStringList unlike;
        Database &db = store.open();
        QSqlQuery attach(db.connection());
        if (!attach.exec(u"ATTACH DATABASE '%1' AS healthy"_s.arg(m_healthy->path()))) {
            store.close();
            return {u"cannot attach the healthy store"_s};
        }
        const QTimeZone brussels(QByteArrayLiteral("Europe/Brussels"));
        for (const Dated &d : dated) {
            const QString table = QLatin1String(d.table);
            QStringList columns;
            QSqlQuery info(db.connection());
            info.exec(u"PRAGMA table_info(%1)"_s.arg(table));
            while (info.next()) {
                const QString column = info.value(1).toString();
                if (column != u"id"_s && !d.times.contains(column)) {
                    columns.append(u"a."_s + column + u" IS h."_s + column);
                }
            }
            QSqlQuery rest(db.connection());
            rest.exec(
                u"SELECT COUNT(*) FROM main.%1 a LEFT JOIN healthy.%1 h ON h.source_id = a.source_id WHERE NOT (%2)"_s.arg(table, columns.join(u" AND "_s)));
            if (rest.next() && rest.value(0).toLongLong() != 0) {
                unlike.append(u"%1: %2 rows differ besides their times"_s.arg(table).arg(rest.value(0).toLongLong()));
            }
            for (const QString &column : d.times) {
                QSqlQuery q(db.connection());
                q.exec(u"SELECT a.source_id, a.%2, h.%2 FROM main.%1 a JOIN healthy.%1 h ON h.source_id = a.source_id WHERE a.%2 IS NOT h.%2"_s.arg(table,
                                                                                                                                                    column));
                while (q.next()) {
                    const QDateTime mine = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
                    const QDateTime theirs = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
                    if (!mine.isValid() || !theirs.isValid() ||
                        mine.toTimeZone(brussels).toString(Qt::ISODate).left(19) != theirs.toTimeZone(brussels).toString(Qt::ISODate).left(19)) {
                        unlike.append(u"%1 %2 %3: %4 / %5"_s.arg(table, q.value(0).toString(), column, q.value(1).toString(), q.value(2).toString()));
                    }
                }
            }
        }
        store.close();
        return unlike;
    }

    // The tables whose content differs from a healthy sync into an empty store.
    QStringList differences(Test::TempStore &store) const
    {
        const QMap<QString, QByteArray> digests = Test::contentDigests(store.path());
        QStringList differ;
        for (auto it = m_fromEmpty.cbegin(); it != m_fromEmpty.cend(); ++it) {
            if (digests.value(it.key()) != it.value()) {
                differ.append(it.key() + u" ("_s + QString::fromLatin1(digests.value(it.key()).split(' ').value(0)) + u" rows, healthy "_s +
                              QString::fromLatin1(it.value().split(' ').value(0)) + u')');
            }
        }
        return differ;
    }

    bool addFault(const QString &spec)
    {
        QString error;
        const auto rule = Ref::FaultRule::parse(spec, &error);
        if (!rule) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_backend->server().faults().add(*rule);
        return true;
    }

    static SyncProblem recorded(Test::TempStore &store, const QString &source, const QString &resource)
    {
        auto state = SyncStateRepository(store.open()).state(source, resource);
        const SyncProblem p = state ? SyncProblem::fromRecord(state->lastError) : SyncProblem{};
        store.close();
        return p;
    }

    // Per citizen (by the back end's id): its contact moments, requests, reports and possible
    // reports — what a removed party takes along and must bring back.
    static QStringList dependants(Test::TempStore &store)
    {
        const QStringList out = Test::rows(store.open(),
                                           u"SELECT c.source_id, (SELECT COUNT(*) FROM contact_moments m WHERE m.citizen_id = c.id), "
                                           "(SELECT COUNT(*) FROM requests r WHERE r.citizen_id = c.id), (SELECT group_concat(p.source_id || ':' || "
                                           "p.match_basis) FROM (SELECT * FROM reports p WHERE p.citizen_id = c.id ORDER BY p.source_id) p), "
                                           "(SELECT COUNT(*) FROM report_candidates k WHERE k.citizen_id = c.id) FROM citizens c ORDER BY c.source_id"_s);
        store.close();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_secrets.write(u"reference"_s, u"training"_s));
        startBackend();
        m_healthy = std::make_unique<Test::TempStore>();
        Test::TempStore &store = *m_healthy;
        QVERIFY(Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays));
        const SyncSummary s = sync(store);
        QVERIFY2(s.ok(), QJsonDocument(s.toJson()).toJson().constData());
        m_fromEmpty = Test::contentDigests(store.path());
        const QJsonObject stats = admin("GET", u"/admin/stats"_s);
        const QJsonObject counts = held(store);
        for (const QString &kind : CountedKinds) {
            QCOMPARE(counts.value(kind).toInteger(), stats.value(kind).toInteger());
        }
    }

    void init() { faultsOff(); }

    void faultKeepsTheStoreAndConverges_data()
    {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<bool>("fromEmpty"); // strike the first sync instead of one after a healthy one
        QTest::addColumn<QString>("resource"); // source/resource whose recorded problem is checked
        QTest::addColumn<QString>("problem"); // its kind ("" none, "*" any)
        // A list that claims its records but carries none: the defect that deleted every citizen.
        QTest::newRow("partijen: empty list") << QStringList{u"*/partijen=empty-list"_s} << false << u"openklant/partijen"_s << u"suspect"_s;
        QTest::newRow("klantcontacten: empty list") << QStringList{u"*/klantcontacten=empty-list"_s} << false << u"openklant/klantcontacten"_s << u"suspect"_s;
        QTest::newRow("internetaken: empty list") << QStringList{u"*/internetaken=empty-list"_s} << false << u"openklant/internetaken"_s << u"suspect"_s;
        QTest::newRow("open311: empty list") << QStringList{u"/open311/v2/requests.json=empty-list"_s} << true << u"open311/requests"_s << u""_s;
        QTest::newRow("ipdc: empty list") << QStringList{u"/ipdc/ldes=empty-list"_s} << false << u"ipdc/ldes"_s << u""_s;
        // Pages without end.
        QTest::newRow("partijen: endless") << QStringList{u"*/partijen=endless"_s} << false << u"openklant/partijen"_s << u"suspect"_s;
        QTest::newRow("klantcontacten: endless") << QStringList{u"*/klantcontacten=endless"_s} << true << u"openklant/klantcontacten"_s << u"suspect"_s;
        QTest::newRow("open311: endless") << QStringList{u"/open311/v2/requests.json=endless"_s} << true << u"open311/requests"_s << u"suspect"_s;
        QTest::newRow("ipdc: endless") << QStringList{u"/ipdc/ldes=endless"_s} << false << u"ipdc/ldes"_s << u"suspect"_s;
        // A next link that is no URL of the server.
        QTest::newRow("partijen: bad next") << QStringList{u"*/partijen=bad-next"_s} << false << u"openklant/partijen"_s << u"malformed"_s;
        QTest::newRow("ipdc: bad next") << QStringList{u"/ipdc/ldes=bad-next"_s} << true << u"ipdc/ldes"_s << u"*"_s;
        // A count no list can have.
        QTest::newRow("partijen: absurd count") << QStringList{u"*/partijen=absurd-count"_s} << false << u"openklant/partijen"_s << u"suspect"_s;
        QTest::newRow("klantcontacten: absurd count") << QStringList{u"*/klantcontacten=absurd-count"_s} << true << u"openklant/klantcontacten"_s
                                                      << u"suspect"_s;
        // Local times without a zone, as many real servers send them: read in Europe/Brussels.
        QTest::newRow("open311: zoneless") << QStringList{u"/open311/*=zoneless"_s} << true << u"open311/requests"_s << u""_s;
        QTest::newRow("klantinteracties: zoneless") << QStringList{u"/klantinteracties/*=zoneless"_s} << true << u"openklant/internetaken"_s << u""_s;
        QTest::newRow("ipdc: zoneless") << QStringList{u"/ipdc/*=zoneless"_s} << true << u"ipdc/ldes"_s << u""_s;
        // An HTML page where data should be.
        QTest::newRow("partijen: html") << QStringList{u"*/partijen=html"_s} << false << u"openklant/partijen"_s << u"malformed"_s;
        QTest::newRow("open311: html") << QStringList{u"/open311/*=html"_s} << true << u"open311/requests"_s << u"malformed"_s;
    }

    void faultKeepsTheStoreAndConverges()
    {
        QFETCH(QStringList, faults);
        QFETCH(bool, fromEmpty);
        QFETCH(QString, resource);
        QFETCH(QString, problem);
        Test::TempStore store;
        QVERIFY(Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays));
        QJsonObject before;
        if (!fromEmpty) {
            QVERIFY(sync(store).ok());
            before = held(store);
        }
        for (const QString &fault : faults) {
            QVERIFY(addFault(fault));
        }
        const SyncSummary faulted = sync(store);
        QVERIFY2(!faulted.resources.isEmpty(), "the faulted sync did not finish");
        QCOMPARE(resourceTotal(faulted, "deleted"), 0);
        const QString source = resource.section(u'/', 0, 0);
        const QString name = resource.section(u'/', 1);
        const SyncSummary::Resource *r = resourceOf(faulted, source, name);
        QVERIFY2(r, qPrintable(resource));
        const SyncProblem stored = recorded(store, source, name);
        if (problem != u"*"_s) {
            QVERIFY2(r->problem.key() == problem, qPrintable(resource + u": "_s + r->problem.key() + u" "_s + r->problem.detail));
            // What the sync panel shows: the same problem, kept in the store (not rolled back).
            QCOMPARE(stored.key(), problem);
            if (!problem.isEmpty()) {
                QVERIFY(!SyncMessages::storedProblem(source, r->problem.toRecord()).isEmpty());
            }
        }
        if (!fromEmpty) {
            // Nothing it had is gone.
            const QJsonObject during = held(store);
            for (const QString &kind : CountedKinds) {
                QVERIFY2(during.value(kind).toInteger() >= before.value(kind).toInteger(), qPrintable(kind));
            }
        }
        if (QByteArray(QTest::currentDataTag()).endsWith("zoneless")) {
            // Lenient reading: what came in is what a healthy server gives, but for the readings
            // of the hour that comes twice in autumn, which a time without a zone cannot tell apart.
            const QStringList differ = differences(store);
            for (const QString &table : differ) {
                QVERIFY2(table.startsWith(u"reports "_s) || table.startsWith(u"contact_moments "_s) || table.startsWith(u"requests "_s) ||
                             table.startsWith(u"catalogue_entries "_s),
                         qPrintable(table));
            }
            const QStringList unlike = differentReadings(store);
            QVERIFY2(unlike.isEmpty(), qPrintable(unlike.join(u", "_s)));
        }

        faultsOff();
        const SyncSummary healed = sync(store);
        QVERIFY2(healed.ok(), QJsonDocument(healed.toJson()).toJson().constData());
        QVERIFY(recorded(store, source, name).isNone());
        const QJsonObject stats = admin("GET", u"/admin/stats"_s);
        const QJsonObject after = held(store);
        for (const QString &kind : CountedKinds) {
            QVERIFY2(after.value(kind).toInteger() == stats.value(kind).toInteger(),
                     qPrintable(u"%1: %2 here, %3 at the back end"_s.arg(kind).arg(after.value(kind).toInteger()).arg(stats.value(kind).toInteger())));
        }
        if (QByteArray(QTest::currentDataTag()).endsWith("zoneless")) {
            // An Open311 record is not sent again unless it changes: a reading of the autumn hour
            // stays as it was read.
            const QStringList unlike = differentReadings(store);
            QVERIFY2(unlike.isEmpty(), qPrintable(unlike.join(u", "_s)));
        } else {
            const QStringList differ = differences(store);
            QVERIFY2(differ.isEmpty(), qPrintable(differ.join(u", "_s)));
        }
    }

    // The "done when": every fault kind at once, then a healthy sync, ends with exactly
    // the back end's counts.
    void everyFaultAtOnceThenHealthy()
    {
        Test::TempStore store;
        QVERIFY(Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays));
        for (const QString &kind : {u"empty-list"_s, u"endless"_s, u"bad-next"_s, u"absurd-count"_s, u"zoneless"_s, u"html"_s, u"duplicate"_s}) {
            QVERIFY(addFault(u"/klantinteracties/*="_s + kind + u"@0.08"_s));
            QVERIFY(addFault(u"/open311/*="_s + kind + u"@0.08"_s));
            QVERIFY(addFault(u"/ipdc/*="_s + kind + u"@0.08"_s));
        }
        for (int run = 0; run < 3; ++run) {
            const SyncSummary s = sync(store);
            QVERIFY2(!s.resources.isEmpty(), "a faulted sync did not finish");
            QCOMPARE(resourceTotal(s, "deleted"), 0);
        }
        faultsOff();
        // The first healthy sync finishes the runs the faults interrupted: one that began on a
        // page with an absurd count or an empty list ends suspect and deletes nothing; nothing
        // else goes wrong.
        const SyncSummary first = sync(store);
        QCOMPARE(resourceTotal(first, "deleted"), 0);
        for (const SyncSummary::Resource &r : first.resources) {
            QVERIFY2(r.problem.isNone() || r.problem.kind == SyncProblem::Kind::Suspect, QJsonDocument(first.toJson()).toJson().constData());
        }
        const SyncSummary second = sync(store);
        QVERIFY2(second.ok(), QJsonDocument(second.toJson()).toJson().constData());
        const QJsonObject stats = admin("GET", u"/admin/stats"_s);
        const QJsonObject after = held(store);
        if (after.value(u"reports"_s) != stats.value(u"reports"_s)) {
            QSet<QString> here;
            for (const QString &id : Test::rows(store.open(), u"SELECT source_id FROM reports"_s)) {
                here.insert(id);
            }
            const QString cursor = Test::rows(store.open(), u"SELECT cursor FROM sync_state WHERE source = 'open311'"_s).value(0);
            store.close();
            for (quint64 i = 0; i < m_backend->data().reportCount(); ++i) {
                const Ref::ReportRecord r = m_backend->data().report(i);
                if (!here.contains(Ref::Open311::requestId(i))) {
                    qWarning() << "missing report" << i << r.requested << r.updated << cursor;
                }
            }
        }
        for (const QString &kind : CountedKinds) {
            QVERIFY2(after.value(kind).toInteger() == stats.value(kind).toInteger(),
                     qPrintable(u"%1: %2 here, %3 at the back end"_s.arg(kind).arg(after.value(kind).toInteger()).arg(stats.value(kind).toInteger())));
        }
        QCOMPARE(resourceTotal(second, "inserted") + resourceTotal(second, "updated") + resourceTotal(second, "deleted"), 0);
    }

    // A party removed at the back end takes its contact moments and requests along here; when the
    // back end brings it back, they come back, and its reports are its reports again.
    void aRestoredPartyBringsItsItemsBack()
    {
        startBackend(); // a back end of its own: it is changed here
        Test::TempStore store;
        QVERIFY(Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays));
        QVERIFY(sync(store).ok());
        const QStringList whole = dependants(store);
        QCOMPARE(whole.size(), qsizetype(Citizens));

        const QJsonObject removed = admin("POST", u"/admin/mutate"_s, "{\"deleted_parties\": 4}");
        QCOMPARE(removed.value(u"deleted_parties"_s).toArray().size(), 4);
        SyncSummary s = sync(store);
        QVERIFY2(s.ok(), QJsonDocument(s.toJson()).toJson().constData());
        QCOMPARE(resourceOf(s, u"openklant"_s, u"partijen"_s)->stats.deleted, 4);
        QCOMPARE(dependants(store).size(), qsizetype(Citizens - 4));

        const QJsonObject restored = admin("POST", u"/admin/mutate"_s, "{\"restored_parties\": 4}");
        QCOMPARE(restored.value(u"restored_parties"_s).toArray().size(), 4);
        s = sync(store);
        QVERIFY2(s.ok(), QJsonDocument(s.toJson()).toJson().constData());
        QCOMPARE(dependants(store), whole);
        startBackend();
    }

    // A list that shrinks by more than the allowed share at once deletes nothing until an
    // administrator confirms; then it does.
    void aLargeShrinkWaitsForConfirmation()
    {
        startBackend();
        Test::TempStore store;
        QVERIFY(Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays));
        QVERIFY(sync(store).ok());
        const qint64 citizens = held(store).value(u"citizens"_s).toInteger();
        admin("POST", u"/admin/mutate"_s, "{\"deleted_parties\": 60}");

        SyncSummary s = sync(store);
        const SyncSummary::Resource *partijen = resourceOf(s, u"openklant"_s, u"partijen"_s);
        QVERIFY(partijen);
        QCOMPARE(partijen->stats.deleted, 0);
        QCOMPARE(partijen->problem.kind, SyncProblem::Kind::Suspect);
        QCOMPARE(partijen->problem.reason, SyncProblem::Reason::Shrink);
        QCOMPARE(partijen->problem.actual, 60);
        QCOMPARE(partijen->problem.expected, citizens);
        QVERIFY(!s.ok());
        QCOMPARE(held(store).value(u"citizens"_s).toInteger(), citizens);
        const SyncProblem kept = recorded(store, u"openklant"_s, u"partijen"_s);
        QCOMPARE(kept.reason, SyncProblem::Reason::Shrink);
        QVERIFY2(SyncMessages::problem(u"openklant"_s, kept).contains(u"60"_s), qPrintable(SyncMessages::problem(u"openklant"_s, kept)));

        // The parties' cases went with them at the case system: their removal here is confirmed too.
        s = sync(
            store,
            {u"openklant/partijen"_s, u"openklant/klantcontacten"_s, u"openklant/internetaken"_s, u"zaken/zaken"_s, u"zaken/statussen"_s, u"zaken/rollen"_s});
        QVERIFY2(s.ok(), QJsonDocument(s.toJson()).toJson().constData());
        QCOMPARE(resourceOf(s, u"openklant"_s, u"partijen"_s)->stats.deleted, 60);
        QCOMPARE(held(store).value(u"cases"_s).toInteger(), admin("GET", u"/admin/stats"_s).value(u"cases"_s).toInteger());
        const QJsonObject stats = admin("GET", u"/admin/stats"_s);
        const QJsonObject after = held(store);
        for (const QString &kind : CountedKinds) {
            QVERIFY2(after.value(kind).toInteger() == stats.value(kind).toInteger(),
                     qPrintable(u"%1: %2 here, %3 at the back end"_s.arg(kind).arg(after.value(kind).toInteger()).arg(stats.value(kind).toInteger())));
        }
        QVERIFY(recorded(store, u"openklant"_s, u"partijen"_s).isNone());
        startBackend();
    }
};

QTEST_GUILESS_MAIN(TestHostileSync)
#include "tst_hostilesync.moc"
