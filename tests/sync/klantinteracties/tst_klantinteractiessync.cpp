// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties connector against the reference back end on loopback: a full sync matches
// the back end's counts and content, a second one changes nothing, mutations (new contacts,
// deleted parties) arrive as exactly those changes, every fault kind is survived with the same end
// state, an interrupted run resumes without losing deletions, contacts wait for their party, the
// ETag of a one-page list saves the download, and the outbox pushes a contact exactly once.

#include "audit/auditservice.h"
#include "case/requestservice.h"
#include "common/clock.h"
#include "privacy/secretstore.h"
#include "server/referencebackend.h"
#include "store/contactmomentrepository.h"
#include "store/localchange.h"
#include "store/outboxrepository.h"
#include "store/requestrepository.h"
#include "store/retentionpolicy.h"
#include "store/sqlvalue.h"
#include "store/syncstaterepository.h"
#include "storetesting.h"
#include "sync/klantinteracties/klantinteracties.h"
#include "sync/klantinteracties/klantinteractiescontacttarget.h"
#include "sync/klantinteracties/klantinteractiesrequesttarget.h"
#include "sync/klantinteracties/klantinteractiestaken.h"
#include "sync/syncengine.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace c360;
using namespace Qt::StringLiterals;

namespace
{
struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request, waited for on the event loop (the in-process back end answers on the same one).
Answer http(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url, const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Token training");
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(60000)) {
        qWarning("no answer from %s", qPrintable(url.path()));
        return {};
    }
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

using test::rows;

// Everything the connector writes, by source ids (local ids differ between stores).
QStringList dump(Database &db)
{
    QStringList all;
    all += rows(
        db,
        u"SELECT c.source_id, c.given_names, c.family_name, c.birth_date, c.street, c.house_number, c.box, c.postcode, c.municipality, "
        "c.country_code, c.preferred_language, (SELECT group_concat(x, ',') FROM (SELECT i.type || ':' || i.value AS x FROM citizen_identifiers i "
        "WHERE i.citizen_id = c.id ORDER BY x)), (SELECT group_concat(x, ',') FROM (SELECT d.kind || ':' || d.value || ':' || "
        "coalesce(d.verified_on, '') AS x FROM digital_addresses d WHERE d.citizen_id = c.id ORDER BY x)), (SELECT group_concat(x, ',') FROM "
        "(SELECT p.topic || ':' || p.channel AS x FROM channel_preferences p WHERE p.citizen_id = c.id ORDER BY x)) FROM citizens c ORDER BY c.source_id"_s);
    all += rows(db,
                u"SELECT m.source_id, (SELECT source_id FROM citizens WHERE id = m.citizen_id), m.channel, m.subject, m.body, m.outcome, m.staff_member, "
                "m.occurred_at, (SELECT group_concat(x, ',') FROM (SELECT r.source_id AS x FROM contact_moment_links l JOIN requests r ON r.id = l.request_id "
                "WHERE l.contact_moment_id = m.id ORDER BY x)) FROM contact_moments m ORDER BY m.source_id"_s);
    all += rows(db,
                u"SELECT r.source_id, (SELECT source_id FROM citizens WHERE id = r.citizen_id), r.question, r.status, r.assignee_kind, r.assignee_name, "
                "r.created_at FROM requests r ORDER BY r.source_id"_s);
    return all;
}

qint64 count(Database &db, const QString &table)
{
    return rows(db, u"SELECT COUNT(*) FROM "_s + table).value(0).toLongLong();
}

ResourceStats statsOf(const SyncSummary &summary, const QString &resource)
{
    for (const SyncSummary::Resource &r : summary.resources) {
        if (r.resource == resource) {
            return r.stats;
        }
    }
    return {};
}

bool changedNothing(const SyncSummary &summary)
{
    for (const SyncSummary::Resource &r : summary.resources) {
        if (!r.stats.changedNothing() || !r.problem.isNone()) {
            return false;
        }
    }
    return true;
}
} // namespace

class TestKlantinteractiesSync : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    MemorySecretStore m_secrets;

    struct Backend
    {
        std::unique_ptr<ref::ReferenceBackend> server;
        QUrl base;
    };

    Backend start(quint32 citizens, quint64 seed)
    {
        ref::ReferenceBackend::Options o;
        o.citizens = citizens;
        o.seed = seed;
        // The history ends the day the stores' clocks start (TempStore's default): tasks of the
        // last 30 days are the ones a 30-day retention keeps, on any real date.
        o.referenceDate = test::TempStore::defaultStart().date();
        Backend b{std::make_unique<ref::ReferenceBackend>(o), {}};
        if (b.server->listen(0) == 0) {
            qWarning("cannot listen: %s", qPrintable(b.server->errorString()));
        }
        b.base = b.server->baseUrl();
        return b;
    }

    QUrl url(const Backend &b, const QString &path, const QString &query = {})
    {
        QUrl u(b.base.toString() + path);
        u.setQuery(query);
        return u;
    }

    QJsonObject stats(const Backend &b) { return http(m_network, "GET", url(b, u"/admin/stats"_s)).json(); }

    bool setFault(const Backend &b, const QString &rule)
    {
        http(m_network, "DELETE", url(b, u"/admin/faults"_s));
        if (rule.isEmpty()) {
            return true;
        }
        return http(m_network, "POST", url(b, u"/admin/faults"_s), QJsonDocument(QJsonObject{{u"fault"_s, rule}}).toJson()).status / 100 == 2;
    }

    SyncEngine::Options options(const Backend &b, test::TempStore &store, int pageSize = 100, const QStringList &resources = {})
    {
        // The back end's tasks go back years: kept all, the store holds what it has.
        if (!test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays)) {
            qWarning("cannot set the store's retention");
        }
        SyncEngine::Options o;
        o.databasePath = store.path();
        for (SourceConfig s : SourceConfig::forReferenceBackend(b.base)) {
            if (s.id == QLatin1String("openklant")) {
                s.pageSize = pageSize;
                s.resources = resources;
                o.sources.append(s);
            }
        }
        o.secrets = &m_secrets;
        o.clock = &store.clock();
        o.retry.baseDelayMs = 10;
        o.retry.maxDelayMs = 100;
        o.retry.maxAttempts = 3;
        o.retry.timeoutMs = 2000;
        o.resources = makeKlantinteractiesSyncs;
        o.outbox = makeKlantinteractiesTargets;
        return o;
    }

    SyncSummary run(SyncEngine &engine)
    {
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.runOnce();
        if (finished.isEmpty() && !finished.wait(300000)) {
            qWarning("the sync did not finish");
            return {};
        }
        return finished.first().first().value<SyncSummary>();
    }

    SyncSummary runOnce(const Backend &b, test::TempStore &store, int pageSize = 100, const QStringList &resources = {})
    {
        SyncEngine engine(options(b, store, pageSize, resources));
        return run(engine);
    }

    // The store after one unfaulted full sync of b.
    QStringList reference(const Backend &b)
    {
        test::TempStore store;
        const SyncSummary s = runOnce(b, store);
        if (!s.ok()) {
            qWarning("the reference sync failed");
        }
        return dump(store.open());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_secrets.write(u"reference"_s, u"training"_s)); }

    void fullSyncSecondSyncAndMutations()
    {
        Backend b = start(300, 11);
        test::TempStore store;
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

        test::TempStore store;
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
        test::TempStore store;
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
        test::TempStore store;
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
        test::TempStore store;
        QVERIFY(runOnce(b, store, 500).ok());
        const SyncSummary again = runOnce(b, store, 500);
        QVERIFY(changedNothing(again));
        QCOMPARE(statsOf(again, u"partijen"_s).bytes, 0);
        http(m_network, "POST", url(b, u"/admin/mutate"_s), "{\"deleted_parties\": 1}");
        const SyncSummary changed = runOnce(b, store, 500);
        QCOMPARE(statsOf(changed, u"partijen"_s).deleted, 1);
        QCOMPARE(dump(store.open()), reference(b));
    }

    // A contact made here goes out once, even when the answer is lost and the push is retried,
    // and the next pull updates it instead of adding a second one.
    void outboxExactlyOnce()
    {
        Backend b = start(10, 8);
        test::TempStore store;
        QVERIFY(runOnce(b, store).ok());
        Database &db = store.open();
        const QStringList citizen = rows(db, u"SELECT id, source_id FROM citizens ORDER BY source_id LIMIT 1"_s).first().split(QLatin1Char('|'));
        const qint64 citizenId = citizen.at(0).toLongLong();
        const QString party = citizen.at(1);
        const QUrl mine = url(b, u"/klantinteracties/api/v1/klantcontacten"_s, u"hadBetrokkene__wasPartij__uuid="_s + party);
        const qint64 remoteBefore = http(m_network, "GET", mine).json()[u"count"_s].toInteger();
        const QUrl all = url(b, u"/klantinteracties/api/v1/klantcontacten"_s, u"pageSize=1"_s);
        const qint64 totalBefore = http(m_network, "GET", all).json()[u"count"_s].toInteger();

        ContactMoment m;
        m.citizenId = citizenId;
        m.channel = Channel::Phone;
        m.subject = u"Parkeerkaart"_s;
        m.text = u"Vraag naar een bewonerskaart"_s;
        m.staffMember = u"baliemedewerker"_s;
        m.time = store.clock().now();
        const auto local = ContactMomentRepository(db).insert(m);
        QVERIFY(local);
        // As an earlier version queued it: the maak-klantcontact body itself.
        OutboxEntry entry;
        entry.source = u"openklant"_s;
        entry.resource = u"klantcontacten"_s;
        entry.operation = u"create"_s;
        entry.entityKind = ItemKind::ContactMoment;
        entry.entityId = *local;
        entry.payload = KlantinteractiesContactTarget::payload(m, party);
        QVERIFY(OutboxRepository(db).enqueue(entry));
        OutboxEntry bad = entry;
        bad.payload = "{\"klantcontact\": {\"kanaal\": \"telefoon\", \"onderwerp\": \"x\", \"vertrouwelijk\": false}}"; // no taal
        QVERIFY(OutboxRepository(db).enqueue(bad));
        store.close();

        // The answer is cut off every time: the push fails, and is kept.
        QVERIFY(setFault(b, u"/klantinteracties/api/v1/maak-klantcontact=reset"_s));
        SyncSummary s = runOnce(b, store, 100, {u"klantcontacten"_s});
        QCOMPARE(s.pushed, 0);
        QCOMPARE(s.pushFailed, 2);
        // Whether the back end made the contact before cutting its answer off, or not at all.
        const qint64 afterFault = http(m_network, "GET", mine).json()[u"count"_s].toInteger();
        QVERIFY(afterFault == remoteBefore || afterFault == remoteBefore + 1);
        qInfo("contacts of the party after the cut-off answers: %lld more", afterFault - remoteBefore);
        QVERIFY(setFault(b, {}));
        store.clock().advance(3600 * 1000);
        s = runOnce(b, store);
        QCOMPARE(s.pushed, 1);
        QCOMPARE(s.pushRejected, 1);
        QVERIFY(s.ok());
        QCOMPARE(statsOf(s, u"klantcontacten"_s).inserted, 0);
        QCOMPARE(statsOf(s, u"klantcontacten"_s).updated, 1); // the back end's copy mapped onto the one made here
        QVERIFY(statsOf(s, u"klantcontacten"_s).bytes > 0);
        QCOMPARE(http(m_network, "GET", mine).json()[u"count"_s].toInteger(), remoteBefore + 1);
        QCOMPARE(http(m_network, "GET", all).json()[u"count"_s].toInteger(), totalBefore + 1);
        QCOMPARE(stats(b)[u"contact_moments"_s].toInteger(), totalBefore + 1); // what a complete sync must hold
        {
            Database &again = store.open();
            QCOMPARE(count(again, u"contact_moments"_s), totalBefore + 1);
            QCOMPARE(count(again, u"contact_moments WHERE citizen_id = "_s + QString::number(citizenId)), remoteBefore + 1);
            const auto pushed = ContactMomentRepository(again).find(*local);
            QVERIFY(pushed && *pushed);
            QCOMPARE((*pushed)->source.system, u"openklant"_s);
            QCOMPARE(OutboxRepository(again).count(OutboxState::Done).value_or(-1), 1);
            const auto rejected = rows(again, u"SELECT last_error FROM outbox WHERE state = 'rejected'"_s);
            QCOMPARE(rejected.size(), 1);
            QVERIFY2(rejected.first().contains(u"HTTP 400"_s) && rejected.first().contains(u"taal"_s), qPrintable(rejected.first()));
            store.close();
        }
        QVERIFY(changedNothing(runOnce(b, store)));
    }

    // A request made here goes out as a klantcontact and an internetaak, its supplement as a
    // klantcontact about that internetaak: each exactly once, even when the second step fails and
    // is retried; a request whose assignee the back end does not know is refused before anything
    // is sent; the next pulls update the request and hold the supplement as a supplement.
    void requestsAndSupplementsGoOutExactlyOnce()
    {
        Backend b = start(10, 9);
        test::TempStore store;
        QVERIFY(runOnce(b, store).ok());
        Database &db = store.open();
        const QStringList citizen = rows(db, u"SELECT id, source_id FROM citizens ORDER BY source_id LIMIT 1"_s).first().split(QLatin1Char('|'));
        const qint64 citizenId = citizen.at(0).toLongLong();
        const auto actors = KlantinteractiesTakenSync::knownActors(db, u"openklant"_s);
        QVERIFY(actors && !actors->isEmpty());
        const Assignee assignee = actors->cbegin().value();
        // The same actors, as the case services ask for them (the assignee list).
        const auto directory = KlantinteractiesActors(u"openklant"_s).knownAssignees(db);
        QVERIFY(directory);
        QCOMPARE(directory->size(), actors->size());
        QVERIFY(directory->contains(assignee));
        const QUrl tasks = url(b, u"/klantinteracties/api/v1/internetaken"_s, u"pageSize=1"_s);
        const QUrl contacts = url(b, u"/klantinteracties/api/v1/klantcontacten"_s, u"pageSize=1"_s);
        const qint64 tasksBefore = http(m_network, "GET", tasks).json()[u"count"_s].toInteger();
        const qint64 contactsBefore = http(m_network, "GET", contacts).json()[u"count"_s].toInteger();
        const qint64 localContactsBefore = count(db, u"contact_moments"_s);

        Request request;
        request.citizenId = citizenId;
        request.question = u"Wanneer wordt de kapotte straatverlichting in onze straat hersteld? "_s.repeated(4).trimmed();
        request.assignee = assignee;
        const auto requestId = RequestRepository(db).insert(request);
        QVERIFY(requestId);
        request.id = *requestId;
        const QDateTime createdHere = RequestRepository(db).find(*requestId).value().value().created;
        const auto supplementId = RequestRepository(db).addSupplement(*requestId, {0, u"baliemedewerker"_s, {}, u"De lamp flikkert ook overdag."_s});
        QVERIFY(supplementId);
        Request unknown = request;
        unknown.id = 0;
        unknown.question = u"Vraag voor een onbekend team"_s;
        unknown.assignee = {AssigneeKind::Team, u"Team dat niet bestaat"_s};
        unknown.supplements.clear();
        const auto unknownId = RequestRepository(db).insert(unknown);
        QVERIFY(unknownId);
        unknown.id = *unknownId;
        const ChangeOrigin origin{citizen.at(1), Channel::Phone, u"nl"_s};
        OutboxRepository outbox(db);
        QVERIFY(outbox.enqueue(LocalChange::request(u"openklant"_s, request.id, origin)));
        QVERIFY(outbox.enqueue(LocalChange::supplement(u"openklant"_s, *requestId, *supplementId, origin)));
        QVERIFY(outbox.enqueue(LocalChange::request(u"openklant"_s, unknown.id, origin)));
        store.close();

        // The klantcontact goes; the internetaak fails; the supplement waits for its request.
        QVERIFY(setFault(b, u"/klantinteracties/api/v1/internetaken=status:503"_s));
        SyncSummary s = runOnce(b, store, 100, {u"partijen"_s});
        QCOMPARE(s.pushed, 0);
        QCOMPARE(s.pushFailed, 2);
        QCOMPARE(s.pushRejected, 1);
        QVERIFY(setFault(b, {}));
        QCOMPARE(http(m_network, "GET", contacts).json()[u"count"_s].toInteger(), contactsBefore + 1);
        QCOMPARE(http(m_network, "GET", tasks).json()[u"count"_s].toInteger(), tasksBefore);
        {
            Database &again = store.open();
            const QStringList states = rows(again, u"SELECT operation, state, remote_id <> '', last_error FROM outbox ORDER BY id"_s);
            QCOMPARE(states.size(), 3);
            QVERIFY2(states.at(0).startsWith(u"create|failed|1|"_s), qPrintable(states.at(0))); // the klantcontact's uuid kept
            QVERIFY2(states.at(1).startsWith(u"supplement|failed|0|"_s), qPrintable(states.at(1)));
            QVERIFY2(states.at(2).startsWith(u"create|rejected|0|"_s) && states.at(2).contains(u"Team dat niet bestaat"_s), qPrintable(states.at(2)));
            store.close();
        }

        store.clock().advance(24 * 3600 * 1000);
        s = runOnce(b, store);
        QVERIFY(s.ok());
        QCOMPARE(s.pushed, 2);
        QCOMPARE(s.pushFailed, 0);
        QCOMPARE(http(m_network, "GET", tasks).json()[u"count"_s].toInteger(), tasksBefore + 1);
        QCOMPARE(http(m_network, "GET", contacts).json()[u"count"_s].toInteger(), contactsBefore + 2);
        QCOMPARE(statsOf(s, u"internetaken"_s).inserted, 0);
        QCOMPARE(statsOf(s, u"internetaken"_s).updated, 1); // the back end's copy mapped onto the request made here
        {
            Database &again = store.open();
            const auto pushed = RequestRepository(again).find(*requestId);
            QVERIFY(pushed && *pushed);
            QCOMPARE((*pushed)->source.system, u"openklant"_s);
            const Answer task = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/internetaken/"_s + (*pushed)->source.id));
            QCOMPARE(task.status, 200);
            const auto [handeling, toelichting] = KlantinteractiesRequestTarget::splitQuestion(request.question);
            QVERIFY(handeling.size() <= 200 && !toelichting.isEmpty());
            QCOMPARE(task.json()[u"gevraagdeHandeling"_s].toString(), handeling);
            QCOMPARE(task.json()[u"toelichting"_s].toString(), toelichting);
            QCOMPARE(task.json()[u"status"_s].toString(), u"te_verwerken"_s);
            // The request's klantcontact came in as a contact moment linked to it; the supplement
            // stayed a supplement.
            QCOMPARE(count(again, u"contact_moments"_s), localContactsBefore + 1);
            QCOMPARE(count(again, u"contact_moment_links WHERE request_id = "_s + QString::number(*requestId)), 1);
            QCOMPARE((*pushed)->supplements.size(), 1);
            QCOMPARE((*pushed)->citizenId, citizenId);
            QCOMPARE((*pushed)->created, createdHere); // its retention runs from when it was made here
            QCOMPARE((*pushed)->expires, Request::expiryFor(createdHere, RetentionPolicy::MaximumDays));
            QCOMPARE(OutboxRepository(again).count(OutboxState::Done).value_or(-1), 2);
            store.close();
        }
        s = runOnce(b, store);
        QVERIFY(changedNothing(s));
        QCOMPARE(s.pushed, 0);
        QCOMPARE(http(m_network, "GET", contacts).json()[u"count"_s].toInteger(), contactsBefore + 2);
    }

    // A task that is past the retention period when it first comes is not stored, and leaves no
    // purge record: it is remembered, so that the next run skips it, as it does every other.
    void tasksPastTheirRetentionAreNotStored()
    {
        Backend b = start(300, 11);
        test::TempStore store;
        SyncEngine::Options o = options(b, store);
        QVERIFY(test::setRetentionDays(store.path(), Request::DefaultRetentionDays));
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
        QCOMPARE(test::scalar(db, u"SELECT COUNT(*) FROM requests WHERE expires_at <= '%1'"_s.arg(sql::fromDateTime(store.clock().now()).toString())),
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

    // Handling a request here (answering, assigning, closing) reaches the back end: the answer as a
    // klantcontact about the internetaak, the status and assignee by a PATCH; each exactly once
    // when the PATCH fails first. A change of the task at the back end while ours waits does not
    // undo ours, and the pulls keep the answer, which the task cannot hold.
    void requestHandlingGoesOutExactlyOnce()
    {
        Backend b = start(40, 12);
        test::TempStore store;
        QVERIFY(runOnce(b, store).ok());
        Database &db = store.open();
        const QStringList open = rows(db,
                                      u"SELECT r.id, r.source_id, r.assignee_name FROM requests r JOIN citizens c ON c.id = r.citizen_id "
                                      "WHERE r.source_system = 'openklant' AND r.status = 'open' AND c.source_system = 'openklant' "
                                      "ORDER BY r.source_id LIMIT 2"_s);
        QCOMPARE(open.size(), 2);
        const qint64 a = open.at(0).section(QLatin1Char('|'), 0, 0).toLongLong();
        const QString aUuid = open.at(0).section(QLatin1Char('|'), 1, 1);
        const qint64 bId = open.at(1).section(QLatin1Char('|'), 0, 0).toLongLong();
        const QString bUuid = open.at(1).section(QLatin1Char('|'), 1, 1);
        const auto actors = KlantinteractiesTakenSync::knownActors(db, u"openklant"_s);
        QVERIFY(actors);
        QString otherUuid;
        Assignee other;
        for (auto it = actors->cbegin(); it != actors->cend() && otherUuid.isEmpty(); ++it) {
            if (it->name != open.at(0).section(QLatin1Char('|'), 2, 2)) {
                otherUuid = it.key();
                other = it.value();
            }
        }
        QVERIFY(!otherUuid.isEmpty());
        const QString answer = u"De herstelling is gepland voor volgende week dinsdag."_s;
        {
            AuditService audit(db, QByteArray(32, 'k'));
            RequestService requests(audit, u"openklant"_s);
            const StaffMember agent{u"an.callcenter"_s, Role::CallCentreAgent, u"cc-1"_s};
            const Purpose purpose{u"phone_call"_s, u"Vraag over de herstelling"_s};
            QVERIFY(requests.answerRequest(agent, purpose, a, answer, Channel::Phone));
            QVERIFY(requests.assignRequest(agent, purpose, a, other));
            QVERIFY(requests.closeRequest(agent, purpose, bId));
        }
        QCOMPARE(rows(db, u"SELECT operation FROM outbox WHERE state = 'pending'"_s), QStringList({u"update"_s, u"update"_s, u"update"_s}));
        store.close();
        const QUrl contacts = url(b, u"/klantinteracties/api/v1/klantcontacten"_s, u"pageSize=1"_s);
        const qint64 contactsBefore = http(m_network, "GET", contacts).json()[u"count"_s].toInteger();
        const QUrl taskA = url(b, u"/klantinteracties/api/v1/internetaken/"_s + aUuid);
        const QUrl taskB = url(b, u"/klantinteracties/api/v1/internetaken/"_s + bUuid);
        const QJsonObject aBefore = http(m_network, "GET", taskA).json();

        // The PATCHes fail: the answer's klantcontact goes, nothing else changes at the back end.
        QVERIFY(setFault(b, u"/klantinteracties/api/v1/internetaken/*=status:503"_s));
        SyncSummary s = runOnce(b, store);
        QCOMPARE(s.pushed, 0);
        QCOMPARE(s.pushFailed, 3);
        QVERIFY(setFault(b, {}));
        QCOMPARE(http(m_network, "GET", contacts).json()[u"count"_s].toInteger(), contactsBefore + 1);
        QCOMPARE(http(m_network, "GET", taskA).json(), aBefore);
        QCOMPARE(http(m_network, "GET", taskB).json()[u"status"_s].toString(), u"te_verwerken"_s);
        QString answerContact;
        {
            Database &again = store.open();
            answerContact = rows(again, u"SELECT remote_id FROM outbox ORDER BY id LIMIT 1"_s).value(0);
            store.close();
        }
        const Answer told = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/klantcontacten/"_s + answerContact));
        QCOMPARE(told.status, 200);
        QCOMPARE(told.json()[u"inhoud"_s].toString(), answer);
        QCOMPARE(told.json()[u"kanaal"_s].toString(), u"telefoon"_s);
        const QJsonArray about = told.json()[u"gingOverOnderwerpobjecten"_s].toArray();
        QCOMPARE(about.size(), 1);
        const Answer subject = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/onderwerpobjecten/"_s + about.first()[u"uuid"_s].toString()));
        QCOMPARE(subject.json()[u"onderwerpobjectidentificator"_s][u"objectId"_s].toString(), aUuid);

        // Meanwhile the back office adds to task B. The pull brings that in, but B stays closed
        // here while our update waits.
        QCOMPARE(http(m_network, "PATCH", taskB, QJsonDocument(QJsonObject{{u"toelichting"_s, u"Aangevuld door de backoffice"_s}}).toJson()).status, 200);
        QVERIFY(setFault(b, u"/klantinteracties/api/v1/internetaken/*=status:503"_s));
        store.clock().advance(3600 * 1000);
        s = runOnce(b, store);
        QCOMPARE(s.pushed, 0);
        QCOMPARE(statsOf(s, u"internetaken"_s).updated, 1);
        QVERIFY(setFault(b, {}));
        {
            Database &again = store.open();
            const auto closed = RequestRepository(again).find(bId);
            QVERIFY(closed && *closed);
            QVERIFY((*closed)->question.endsWith(u"Aangevuld door de backoffice"_s));
            QCOMPARE((*closed)->status, RequestStatus::Closed);
            store.close();
        }

        // Sent: only the PATCHes go (the answer's klantcontact is not made again).
        store.clock().advance(24 * 3600 * 1000);
        s = runOnce(b, store);
        QVERIFY(s.ok());
        QCOMPARE(s.pushed, 3);
        QCOMPARE(s.pushFailed, 0);
        QCOMPARE(http(m_network, "GET", contacts).json()[u"count"_s].toInteger(), contactsBefore + 1);
        const QJsonObject aAfter = http(m_network, "GET", taskA).json();
        QCOMPARE(aAfter[u"status"_s].toString(), u"verwerkt"_s);
        QVERIFY(!aAfter[u"afgehandeldOp"_s].isNull());
        QCOMPARE(aAfter[u"toegewezenAanActoren"_s].toArray().size(), 1);
        QCOMPARE(aAfter[u"toegewezenAanActoren"_s][0][u"uuid"_s].toString(), otherUuid);
        QCOMPARE(aAfter[u"gevraagdeHandeling"_s], aBefore[u"gevraagdeHandeling"_s]);
        const QJsonObject bAfter = http(m_network, "GET", taskB).json();
        QCOMPARE(bAfter[u"status"_s].toString(), u"verwerkt"_s);
        QCOMPARE(bAfter[u"toelichting"_s].toString(), u"Aangevuld door de backoffice"_s);
        {
            // The pull that followed kept what was done here.
            Database &again = store.open();
            const auto answered = RequestRepository(again).find(a);
            QVERIFY(answered && *answered);
            QCOMPARE((*answered)->status, RequestStatus::Answered);
            QCOMPARE((*answered)->answer, answer);
            QCOMPARE((*answered)->assignee.name, other.name);
            QCOMPARE(RequestRepository(again).find(bId).value().value().status, RequestStatus::Closed);
            QCOMPARE(OutboxRepository(again).count(OutboxState::Done).value_or(-1), 3);
            store.close();
        }
        s = runOnce(b, store);
        QVERIFY(changedNothing(s));
        QCOMPARE(s.pushed, 0);
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesSync)
#include "tst_klantinteractiessync.moc"
