// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties connector against the reference back end on loopback: a full sync matches
// the back end's counts and content, a second one changes nothing, mutations (new contacts,
// deleted parties) arrive as exactly those changes, every fault kind is survived with the same end
// state, an interrupted run resumes without losing deletions, contacts wait for their party, the
// ETag of a one-page list saves the download, and tasks past their retention are not stored.
// What goes the other way, the outbox, is tst_klantinteractiespush.
#include "klantinteractiessynctesting.h"

using namespace C360;
using namespace C360::Test::Klantinteracties;
using namespace Qt::StringLiterals;

class TestKlantinteractiesSync : public SyncTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_secrets.write(u"reference"_s, u"training"_s)); }

    void fullSyncSecondSyncAndMutations()
    {
        Backend b = start(300, 11);
        Test::TempStore store;
        SyncSummary s = runOnce(b, store);
        QVERIFY(s.ok());
        QCOMPARE(s.resources.size(), 3);
        QJsonObject st = stats(b);
        {
            Database &db = store.open();
            QCOMPARE(count(db, u"citizens"_s), st[u"citizens"_s].toInteger());
            QCOMPARE(count(db, u"contact_moments"_s), st[u"contact_moments"_s].toInteger());
            QCOMPARE(count(db, u"requests"_s), st[u"requests"_s].toInteger());
            QCOMPARE(statsOf(s, u"partijen"_s).inserted, st[u"citizens"_s].toInteger());
            QCOMPARE(statsOf(s, u"klantcontacten"_s).inserted, st[u"contact_moments"_s].toInteger());
            QCOMPARE(statsOf(s, u"internetaken"_s).inserted, st[u"requests"_s].toInteger());
            QCOMPARE(count(db, u"contact_moments WHERE citizen_id IS NULL"_s), 0);
            QCOMPARE(count(db, u"requests WHERE citizen_id IS NULL"_s), 0);
            QVERIFY(count(db, u"requests WHERE assignee_name <> ''"_s) > 0);
            QVERIFY(count(db, u"contact_moment_links WHERE request_id IS NOT NULL"_s) > 0);

            // A sample of records, read from the back end as its JSON has them.
            const QJsonArray parties = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/partijen"_s, u"page=2&pageSize=7&expand=digitaleAdressen"_s))
                                           .json()[u"results"_s]
                                           .toArray();
            QCOMPARE(parties.size(), 7);
            for (const QJsonValue &p : parties) {
                const QString uuid = p[u"uuid"_s].toString();
                const QStringList citizen = rows(db,
                                                 u"SELECT c.given_names, c.family_name, c.municipality, c.country_code, i.value FROM citizens c JOIN "
                                                 "citizen_identifiers i ON i.citizen_id = c.id WHERE c.source_id = '"_s +
                                                     uuid + u"'"_s);
                QCOMPARE(citizen.size(), 1);
                const QJsonObject name = p[u"partijIdentificatie"_s][u"contactnaam"_s].toObject();
                QCOMPARE(citizen.first(),
                         QStringList({name[u"voornaam"_s].toString(),
                                      name[u"achternaam"_s].toString(),
                                      p[u"bezoekadres"_s][u"stad"_s].toString(),
                                      p[u"bezoekadres"_s][u"land"_s].toString(),
                                      p[u"partijIdentificatoren"_s][0][u"partijIdentificator"_s][u"objectId"_s].toString()})
                             .join(QLatin1Char('|')));
                for (const QJsonValue &a : p[u"_expand"_s][u"digitaleAdressen"_s].toArray()) {
                    QCOMPARE(rows(db,
                                  u"SELECT coalesce(verified_on, '') FROM digital_addresses d JOIN citizens c ON c.id = d.citizen_id WHERE c.source_id = '"_s +
                                      uuid + u"' AND d.value = '"_s + a[u"adres"_s].toString() + u"'"_s),
                             QStringList({a[u"verificatieDatum"_s].toString()}));
                }
                const QJsonObject contacts =
                    http(m_network, "GET", url(b, u"/klantinteracties/api/v1/klantcontacten"_s, u"pageSize=500&hadBetrokkene__wasPartij__uuid="_s + uuid))
                        .json();
                QCOMPARE(count(db, u"contact_moments m JOIN citizens c ON c.id = m.citizen_id WHERE c.source_id = '"_s + uuid + u"'"_s),
                         contacts[u"count"_s].toInteger());
                for (const QJsonValue &k : contacts[u"results"_s].toArray()) {
                    QCOMPARE(rows(db, u"SELECT subject FROM contact_moments WHERE source_id = '"_s + k[u"uuid"_s].toString() + u"'"_s),
                             QStringList({k[u"onderwerp"_s].toString()}));
                }
            }
            const QJsonObject task =
                http(m_network, "GET", url(b, u"/klantinteracties/api/v1/internetaken"_s, u"page=3&pageSize=1"_s)).json()[u"results"_s][0].toObject();
            QCOMPARE(rows(db, u"SELECT status FROM requests WHERE source_id = '"_s + task[u"uuid"_s].toString() + u"'"_s),
                     QStringList({task[u"status"_s].toString() == QLatin1String("verwerkt") ? u"closed"_s : u"open"_s}));
            store.close();
        }

        // Nothing changed: nothing written.
        s = runOnce(b, store);
        QVERIFY(changedNothing(s));
        QVERIFY(statsOf(s, u"partijen"_s).pages >= 3);

        // Runtime changes arrive as exactly those changes.
        const QJsonObject mutation = http(m_network, "POST", url(b, u"/admin/mutate"_s), "{\"new_contacts\": 6, \"deleted_parties\": 2}").json();
        QCOMPARE(mutation[u"deleted_parties"_s].toArray().size(), 2);
        QCOMPARE(mutation[u"new_contacts"_s].toArray().size(), 6);
        const QJsonObject before = st;
        st = stats(b);
        s = runOnce(b, store);
        QVERIFY(s.ok());
        QCOMPARE(statsOf(s, u"partijen"_s).deleted, 2);
        QCOMPARE(statsOf(s, u"partijen"_s).inserted + statsOf(s, u"partijen"_s).updated, 0);
        const ResourceStats contacts = statsOf(s, u"klantcontacten"_s);
        QCOMPARE(contacts.updated, 0);
        QCOMPARE(contacts.inserted - contacts.deleted, st[u"contact_moments"_s].toInteger() - before[u"contact_moments"_s].toInteger());
        QVERIFY(contacts.inserted <= 6); // a new contact of a deleted party went with it
        const ResourceStats tasks = statsOf(s, u"internetaken"_s);
        QCOMPARE(tasks.inserted - tasks.deleted, st[u"requests"_s].toInteger() - before[u"requests"_s].toInteger());
        {
            Database &db = store.open();
            QCOMPARE(count(db, u"citizens"_s), st[u"citizens"_s].toInteger());
            QCOMPARE(count(db, u"contact_moments"_s), st[u"contact_moments"_s].toInteger());
            QCOMPARE(count(db, u"requests"_s), st[u"requests"_s].toInteger());
            for (const QJsonValue &gone : mutation[u"deleted_parties"_s].toArray()) {
                QCOMPARE(count(db, u"citizens WHERE source_id = '"_s + gone.toString() + u"'"_s), 0);
            }
            for (const QJsonValue &added : mutation[u"new_contacts"_s].toArray()) {
                const QString id = added.toString();
                const int remote = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/klantcontacten/"_s + id)).status;
                QCOMPARE(count(db, u"contact_moments WHERE source_id = '"_s + id + u"'"_s), remote == 200 ? 1 : 0);
            }
            // The same as a fresh sync of the changed back end.
            QCOMPARE(dump(db), reference(b));
            store.close();
        }
        QVERIFY(changedNothing(runOnce(b, store)));
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("survivesAlone"); // the faulted run itself completes
        QTest::newRow("status 500") << u"status:500@0.4"_s << false;
        QTest::newRow("status 503 always") << u"status:503"_s << false;
        QTest::newRow("429 with Retry-After") << u"status:429:1@0.2"_s << false;
        QTest::newRow("hang") << u"hang@0.2"_s << false;
        QTest::newRow("reset") << u"reset@0.4"_s << false;
        QTest::newRow("truncate") << u"truncate@0.4"_s << false;
        QTest::newRow("delay") << u"delay:300@0.3"_s << true;
        QTest::newRow("content-type") << u"content-type:text/html"_s << true;
        QTest::newRow("duplicate") << u"duplicate"_s << true;
        QTest::newRow("oversize") << u"oversize@0.2"_s << false;
        QTest::newRow("status 404 always") << u"status:404"_s << false;
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(bool, survivesAlone);
        Backend b = start(25, 5);
        const QStringList expected = reference(b);
        QVERIFY(expected.size() > 25);

        Test::TempStore store;
        QVERIFY(setFault(b, u"/klantinteracties/*="_s + fault));
        SyncSummary faulted = runOnce(b, store, 20);
        if (survivesAlone) {
            QVERIFY(faulted.ok());
            QCOMPARE(dump(store.open()), expected);
            store.close();
        }
        QVERIFY(setFault(b, {}));
        QVERIFY(runOnce(b, store, 20).ok());
        // Contacts and tasks skipped because the faulted run had not brought their party (contact)
        // yet come with the next complete run; after that, nothing changes any more.
        QVERIFY(runOnce(b, store, 20).ok());
        QCOMPARE(dump(store.open()), expected);
        store.close();
        QVERIFY(changedNothing(runOnce(b, store, 20)));
    }

    // stop() after the first page; a new engine on the same store resumes the run at its next page
    // (same run start), and a deletion made meanwhile is applied when that run completes.
    void resumeAfterStop()
    {
        Backend b = start(40, 9);
        Test::TempStore store;
        QVERIFY(runOnce(b, store, 10).ok());
        const QJsonObject mutation = http(m_network, "POST", url(b, u"/admin/mutate"_s), "{\"deleted_parties\": 1}").json();
        const QString gone = mutation[u"deleted_parties"_s][0].toString();
        QVERIFY(!gone.isEmpty());
        {
            SyncEngine engine(options(b, store, 10));
            connect(&engine, &SyncEngine::pageApplied, &engine, &SyncEngine::stop);
            const SyncSummary stopped = run(engine);
            QCOMPARE(stopped.resources.size(), 1);
            QCOMPARE(stopped.resources.first().problem.kind, SyncProblem::Kind::Cancelled);
        }
        {
            Database &db = store.open();
            // Cut short: nothing deleted yet, and the cursor holds the run.
            QCOMPARE(count(db, u"citizens WHERE source_id = '"_s + gone + u"'"_s), 1);
            const auto state = SyncStateRepository(db).state(u"openklant"_s, u"partijen"_s);
            QVERIFY(state);
            const QJsonObject cursor = QJsonDocument::fromJson(state->cursor.toUtf8()).object();
            QCOMPARE(cursor[u"page"_s].toInt(), 2);
            QVERIFY(cursor[u"run"_s].toDouble() > 0);
            store.close();
        }
        const SyncSummary resumed = runOnce(b, store, 10);
        QVERIFY(resumed.ok());
        QCOMPARE(statsOf(resumed, u"partijen"_s).deleted, 1);
        QCOMPARE(statsOf(resumed, u"partijen"_s).pages, 3); // pages 2-4 of the 39 parties left
        QCOMPARE(dump(store.open()), reference(b));
    }

    // Contacts whose party is not here yet are skipped with that reason and come with the party.
    void contactsWaitForTheirParty()
    {
        Backend b = start(15, 3);
        Test::TempStore store;
        SyncEngine engine(options(b, store, 100, {u"klantcontacten"_s}));
        QSignalSpy skipped(&engine, &SyncEngine::recordSkipped);
        const SyncSummary first = run(engine);
        QVERIFY(first.ok());
        const qint64 contacts = stats(b)[u"contact_moments"_s].toInteger();
        QCOMPARE(statsOf(first, u"klantcontacten"_s).skipped, contacts);
        QCOMPARE(skipped.size(), contacts);
        const SkippedRecord r = skipped.first().first().value<SkippedRecord>();
        QCOMPARE(r.source, u"openklant"_s);
        QCOMPARE(r.resource, u"klantcontacten"_s);
        QVERIFY(!r.recordId.isEmpty());
        QVERIFY2(r.reason.contains(u"not synchronised yet"_s), qPrintable(r.reason));
        QCOMPARE(count(store.open(), u"contact_moments"_s), 0);
        store.close();

        const SyncSummary second = runOnce(b, store);
        QVERIFY(second.ok());
        QCOMPARE(statsOf(second, u"klantcontacten"_s).inserted, contacts);
        QCOMPARE(dump(store.open()), reference(b));
    }

    // A list that fits in one page is asked again with its ETag: 304, nothing downloaded.
    void notModified()
    {
        Backend b = start(20, 4);
        Test::TempStore store;
        QVERIFY(runOnce(b, store, 500).ok());
        const SyncSummary again = runOnce(b, store, 500);
        QVERIFY(changedNothing(again));
        QCOMPARE(statsOf(again, u"partijen"_s).bytes, 0);
        http(m_network, "POST", url(b, u"/admin/mutate"_s), "{\"deleted_parties\": 1}");
        const SyncSummary changed = runOnce(b, store, 500);
        QCOMPARE(statsOf(changed, u"partijen"_s).deleted, 1);
        QCOMPARE(dump(store.open()), reference(b));
    }

    // A task that is past the retention period when it first comes is not stored, and leaves no
    // purge record: it is remembered, so that the next run skips it, as it does every other.
    void tasksPastTheirRetentionAreNotStored()
    {
        Backend b = start(300, 11);
        Test::TempStore store;
        SyncEngine::Options o = options(b, store);
        QVERIFY(Test::setRetentionDays(store.path(), Request::DefaultRetentionDays));
        SyncSummary s;
        {
            SyncEngine engine(o);
            s = run(engine);
        }
        QVERIFY(s.ok());
        const qint64 tasks = stats(b)[u"requests"_s].toInteger();
        Database &db = store.open();
        const qint64 stored = count(db, u"requests"_s);
        QVERIFY2(stored > 0 && stored < tasks, qPrintable(u"%1 of %2"_s.arg(stored).arg(tasks)));
        QCOMPARE(qint64(statsOf(s, u"internetaken"_s).inserted), stored);
        QCOMPARE(qint64(statsOf(s, u"internetaken"_s).skipped), qint64(0));
        QCOMPARE(count(db, u"sync_records WHERE resource = 'internetaken'"_s), tasks);
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM requests WHERE expires_at <= '%1'"_s.arg(Sql::fromDateTime(store.clock().now()).toString())),
                 qint64(0));
        QCOMPARE(count(db, u"purge_records"_s), qint64(0));
        store.close();
        {
            SyncEngine engine(o);
            s = run(engine);
        }
        QVERIFY(changedNothing(s));
        QCOMPARE(count(store.open(), u"requests"_s), stored);
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesSync)
#include "tst_klantinteractiessync.moc"
