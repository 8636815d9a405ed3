// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The ZGW connector against the reference back end in this process, on both store engines: cases,
// their statuses and whose they are, synchronised to the back end's counts; a second run changes
// nothing; every fault survived; a wrong secret refused with a clear message; a case whose
// citizen comes later linked then.

#include "klantinteracties/klantinteractiessynctesting.h"
#include "population/dataset.h"
#include "store/zaakrepository.h"
#include "sync/syncmessages.h"
#include "sync/zgw/zgw.h"

using namespace Qt::StringLiterals;
using namespace C360;
using namespace C360::Test::Klantinteracties;

namespace
{
// What the connector wrote, by source ids and identifiers (local ids differ between stores).
QStringList casesDump(Database &db)
{
    QStringList all;
    const QString agg = Test::stringAgg(db, QStringLiteral("|"));
    all += rows(db,
                u"SELECT k.source_id, k.identification, k.type_id, k.type_name, k.description, k.status_name, k.status_set_at, k.started_on, "
                "k.planned_end_on, k.deadline_on, k.ended_on, k.url, k.party_identifier_type, k.party_identifier, (SELECT source_id FROM citizens "
                "WHERE id = k.citizen_id), (SELECT %1 FROM (SELECT s.source_id || ':' || s.name || ':' || s.set_at || ':' || s.explanation || ':' || "
                "s.final AS x FROM case_statuses s WHERE s.case_id = k.id ORDER BY x) q) FROM cases k ORDER BY k.source_id"_s.arg(agg));
    all += rows(db, u"SELECT source_id, identification, description, lead_days FROM case_types ORDER BY source_id"_s);
    all += rows(db, u"SELECT source_id, case_type_id, name, number, final FROM case_status_types ORDER BY source_id"_s);
    return all;
}
} // namespace

class TestZgwSync : public SyncTest
{
    Q_OBJECT

    // An engine for the parties (Klantinteracties) and the case system (ZGW) of b.
    SyncEngine::Options zgwOptions(const Backend &b, Test::TempStore &store, bool withParties = true)
    {
        SyncEngine::Options o = options(b, store, 100, {u"partijen"_s});
        if (!withParties) {
            o.sources.clear();
        }
        for (const SourceConfig &s : SourceConfig::forReferenceBackend(b.base)) {
            if (s.id == QLatin1String("zaken")) {
                o.sources.append(s);
            }
        }
        o.resources = [](const SyncContext &context) {
            return context.source.dialect == Dialect::Zgw ? makeZgwSyncs(context) : makeKlantinteractiesSyncs(context);
        };
        o.outbox = {};
        return o;
    }

    SyncSummary runZgw(const Backend &b, Test::TempStore &store, bool withParties = true)
    {
        SyncEngine engine(zgwOptions(b, store, withParties));
        return run(engine);
    }

    QStringList zgwReference(const Backend &b)
    {
        Test::TempStore store;
        const SyncSummary s = runZgw(b, store);
        if (!s.ok()) {
            qWarning("the reference sync failed");
        }
        return casesDump(store.open());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_secrets.write(u"reference"_s, u"training"_s)); }

    void fullSyncMatchesTheCaseSystem()
    {
        Backend b = start(300, 23);
        const QJsonObject counts = stats(b);
        Test::TempStore store;
        const SyncSummary first = runZgw(b, store);
        QVERIFY(first.ok());
        QCOMPARE(statsOf(first, u"zaken"_s).skipped, 0);
        QCOMPARE(statsOf(first, u"statussen"_s).skipped, 0);
        QCOMPARE(statsOf(first, u"rollen"_s).skipped, 0);
        Database &db = store.open();
        QCOMPARE(count(db, u"cases"_s), counts.value(u"cases"_s).toInteger());
        QCOMPARE(count(db, u"case_statuses"_s), counts.value(u"case_statuses"_s).toInteger());
        QCOMPARE(count(db, u"cases WHERE citizen_id IS NULL"_s), 0);
        QCOMPARE(count(db, u"case_types"_s), qint64(b.server->data().caseTypes().size()));

        // One citizen's cases as the case file reads them: newest first, each with its history,
        // its current status the latest, named as the catalogue names them.
        const Ref::DataSet &data = b.server->data();
        quint32 citizen = 0;
        while (data.casesOf(citizen).second - data.casesOf(citizen).first < 2) {
            ++citizen;
        }
        const qint64 localCitizen =
            rows(db,
                 u"SELECT c.id FROM citizens c JOIN citizen_identifiers i ON i.citizen_id = c.id WHERE i.value = '%1'"_s.arg(data.person(citizen).identifier))
                .value(0)
                .toLongLong();
        const auto cases = ZaakRepository(db).forCitizen(localCitizen);
        QVERIFY(cases);
        QCOMPARE(quint64(cases->size()), data.casesOf(citizen).second - data.casesOf(citizen).first);
        for (qsizetype i = 0; i < cases->size(); ++i) {
            const Zaak &z = cases->at(i);
            if (i > 0) {
                QVERIFY(z.started <= cases->at(i - 1).started);
            }
            QVERIFY(!z.statuses.isEmpty());
            QCOMPARE(z.statusName, z.statuses.constLast().name);
            QCOMPARE(z.statusSet, z.statuses.constLast().set);
            QCOMPARE(z.statuses.constLast().final, !z.isOpen());
            QVERIFY(z.url.startsWith(b.base.toString() + u"/zaken/api/v1/zaken/"_s));
            QVERIFY(!z.typeName.isEmpty());
        }
        store.close();

        // Nothing changed at the back end: nothing changes here.
        const QStringList before = casesDump(store.open());
        store.close();
        QVERIFY(changedNothing(runZgw(b, store)));
        QCOMPARE(casesDump(store.open()), before);
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("survivesAlone");
        QTest::newRow("status 500") << u"status:500@0.4"_s << false;
        QTest::newRow("429 with Retry-After") << u"status:429:1@0.2"_s << false;
        QTest::newRow("hang") << u"hang@0.2"_s << false;
        QTest::newRow("reset") << u"reset@0.4"_s << false;
        QTest::newRow("truncate") << u"truncate@0.4"_s << false;
        QTest::newRow("duplicate") << u"duplicate"_s << true;
        QTest::newRow("content-type") << u"content-type:text/html"_s << true;
        QTest::newRow("html") << u"html@0.3"_s << false;
        QTest::newRow("empty-list") << u"empty-list"_s << false;
        QTest::newRow("endless") << u"endless"_s << false;
        QTest::newRow("bad-next") << u"bad-next"_s << false;
        QTest::newRow("absurd-count") << u"absurd-count"_s << false;
        QTest::newRow("status 404 always") << u"status:404"_s << false;
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, survivesAlone);
        Backend b = start(60, 29);
        const QStringList expected = zgwReference(b);
        QVERIFY(expected.size() > 30);

        Test::TempStore store;
        QVERIFY(setFault(b, u"/zaken/*="_s + fault));
        QVERIFY(
            http(m_network, "POST", url(b, u"/admin/faults"_s), QJsonDocument(QJsonObject{{u"fault"_s, QString(u"/catalogi/*="_s + fault)}}).toJson()).status /
                100 ==
            2);
        const SyncSummary faulted = runZgw(b, store);
        if (survivesAlone) {
            QVERIFY(faulted.ok());
            QCOMPARE(casesDump(store.open()), expected);
            store.close();
        }
        // Whatever the faulted run kept is consistent: every status belongs to a stored case.
        QCOMPARE(count(store.open(), u"case_statuses s WHERE NOT EXISTS (SELECT 1 FROM cases k WHERE k.id = s.case_id)"_s), 0);
        store.close();
        QVERIFY(setFault(b, {}));
        QVERIFY(runZgw(b, store).ok());
        QVERIFY(runZgw(b, store).ok());
        QCOMPARE(casesDump(store.open()), expected);
        store.close();
        QVERIFY(changedNothing(runZgw(b, store)));
    }

    void aWrongSecretIsRefusedClearly()
    {
        Backend b = start(20, 31);
        Test::TempStore store;
        QVERIFY(m_secrets.write(u"reference"_s, u"not the secret"_s));
        SyncEngine engine(zgwOptions(b, store, false));
        const SyncSummary refused = run(engine);
        QVERIFY(m_secrets.write(u"reference"_s, u"training"_s));
        QVERIFY(!refused.ok());
        bool sawIt = false;
        for (const SyncSummary::Resource &r : refused.resources) {
            if (r.source == QLatin1String("zaken") && !r.problem.isNone()) {
                QCOMPARE(r.problem.kind, SyncProblem::Kind::Authentication);
                QCOMPARE(r.problem.network.httpStatus, 403);
                const QString message = SyncMessages::problem(r.source, r.problem);
                QVERIFY2(message.contains(u"case system"_s) && message.contains(u"client id"_s), qPrintable(message));
                sawIt = true;
            }
        }
        QVERIFY(sawIt);
        QCOMPARE(count(store.open(), u"cases"_s), 0);
    }

    void aCaseWaitsForItsCitizen()
    {
        // The case system first, the parties later: the cases keep their initiator's identifier and
        // are linked to the citizen when they come (the next run of the roles).
        Backend b = start(80, 37);
        Test::TempStore store;
        QVERIFY(runZgw(b, store, false).ok());
        const qint64 all = count(store.open(), u"cases"_s);
        QVERIFY(all > 0);
        QCOMPARE(count(store.open(), u"cases WHERE citizen_id IS NOT NULL"_s), 0);
        QCOMPARE(count(store.open(), u"cases WHERE party_identifier = ''"_s), 0);
        store.close();
        QVERIFY(runZgw(b, store, true).ok());
        QCOMPARE(count(store.open(), u"cases WHERE citizen_id IS NULL"_s), 0);
        QCOMPARE(count(store.open(), u"cases"_s), all);
    }

    void aCaseGoneAtTheCaseSystemGoesHere()
    {
        // Parties deleted at the back end take their cases along there: the next complete run
        // removes those cases and their statuses here (a share under the deletion bound).
        Backend b = start(200, 41);
        Test::TempStore store;
        QVERIFY(runZgw(b, store).ok());
        const qint64 before = count(store.open(), u"cases"_s);
        store.close();
        const QJsonObject mutated = http(m_network, "POST", url(b, u"/admin/mutate"_s), QJsonDocument(QJsonObject{{u"deleted_parties"_s, 3}}).toJson()).json();
        QCOMPARE(mutated.value(u"deleted_parties"_s).toArray().size(), 3);
        QVERIFY(runZgw(b, store).ok());
        const QJsonObject counts = stats(b);
        QCOMPARE(count(store.open(), u"cases"_s), counts.value(u"cases"_s).toInteger());
        QCOMPARE(count(store.open(), u"case_statuses"_s), counts.value(u"case_statuses"_s).toInteger());
        QVERIFY(count(store.open(), u"cases"_s) <= before);
        store.close();
        QCOMPARE(casesDump(store.open()), zgwReference(b));
    }
};

QTEST_MAIN(TestZgwSync)
#include "tst_zgwsync.moc"
