// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties outbox targets against the reference back end on loopback: contact
// moments, requests, supplements and the handling of requests made here go out exactly once, also
// when a step fails and is retried, and the next pulls recognise them.
#include "klantinteractiessynctesting.h"
#include "sync/klantinteracties/klantinteractiesactors.h"

using namespace C360;
using namespace C360::Test::Klantinteracties;
using namespace Qt::StringLiterals;

class TestKlantinteractiesPush : public SyncTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_secrets.write(u"reference"_s, u"training"_s)); }

    // A contact made here goes out once, even when the answer is lost and the push is retried,
    // and the next pull updates it instead of adding a second one.
    void outboxExactlyOnce()
    {
        Backend b = start(10, 8);
        Test::TempStore store;
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
        Test::TempStore store;
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
            const QStringList states =
                rows(again, u"SELECT operation, state, CASE WHEN remote_id <> '' THEN 1 ELSE 0 END, last_error FROM outbox ORDER BY id"_s);
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
            const Test::HttpAnswer task = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/internetaken/"_s + (*pushed)->source.id));
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

    // Handling a request here (answering, assigning, closing) reaches the back end: the answer as a
    // klantcontact about the internetaak, the status and assignee by a PATCH; each exactly once
    // when the PATCH fails first. A change of the task at the back end while ours waits does not
    // undo ours, and the pulls keep the answer, which the task cannot hold.
    void requestHandlingGoesOutExactlyOnce()
    {
        Backend b = start(40, 12);
        Test::TempStore store;
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
        const Test::HttpAnswer told = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/klantcontacten/"_s + answerContact));
        QCOMPARE(told.status, 200);
        QCOMPARE(told.json()[u"inhoud"_s].toString(), answer);
        QCOMPARE(told.json()[u"kanaal"_s].toString(), u"telefoon"_s);
        const QJsonArray about = told.json()[u"gingOverOnderwerpobjecten"_s].toArray();
        QCOMPARE(about.size(), 1);
        const Test::HttpAnswer subject = http(m_network, "GET", url(b, u"/klantinteracties/api/v1/onderwerpobjecten/"_s + about.first()[u"uuid"_s].toString()));
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

QTEST_GUILESS_MAIN(TestKlantinteractiesPush)
#include "tst_klantinteractiespush.moc"
