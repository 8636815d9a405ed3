// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The case service: the one path to a profile writes its audit entry before any data comes back
// (a test per read path), refuses roles that may not (audited), asks for a purpose, returns the
// whole case; every change is stored with its audit entry and, for a citizen of the contact
// back end, its outbox entry, in one transaction.

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "citizenbuilder.h"
#include "servicestest.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/contactmomentrepository.h"
#include "store/localchange.h"
#include "store/outboxrepository.h"
#include "store/reportrepository.h"
#include "store/requestrepository.h"
#include "store/syncstaterepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'k');
const Purpose counterVisit{u"counter_visit"_s, u"Vraag over parkeerkaart"_s};
} // namespace

class TestCaseService : public Test::ServicesTest
{
    Q_OBJECT

    const StaffMember m_clerk{u"an.balie"_s, Role::CounterClerk, u"balie-3"_s};
    qint64 m_citizen = 0;
    qint64 m_report = 0;
    qint64 m_entry = 0;
    qint64 m_possible = 0; // a report that may be the citizen's

    AuditEntry lastEntry()
    {
        const qint64 n = auditCount();
        return AuditRepository(m_store->db(), key).entries(n, 1).value().value(0);
    }

private Q_SLOTS:
    void init()
    {
        Database &db = openServices(key, u"openklant"_s);
        m_citizen = CitizenRepository(db)
                        .insert(Test::CitizenBuilder()
                                    .withName(u"Lotte"_s, u"Claes"_s)
                                    .bornOn(QDate(1979, 4, 2))
                                    .withNationalNumber(45)
                                    .withEmail(u"lotte@example.be"_s, QDate(2025, 1, 1))
                                    .speaks(u"fr"_s)
                                    .fromSource(u"openklant"_s, u"0b7c6c5e-0000-4000-8000-000000000001"_s)
                                    .build())
                        .value_or(0);
        Report report;
        report.source = {u"open311"_s, u"r-1"_s};
        report.citizenId = m_citizen;
        report.matchBasis = MatchBasis::NationalNumber;
        report.description = u"Losliggende stoeptegel"_s;
        m_report = ReportRepository(db).upsertBySource(report).value_or(0);
        Report possible;
        possible.source = {u"open311"_s, u"r-2"_s};
        possible.description = u"Zwerfvuil"_s;
        possible.candidates = {{m_citizen, MatchBasis::Email, CandidateState::Possible}};
        m_possible = ReportRepository(db).upsertBySource(possible).value_or(0);
        CatalogueEntry entry;
        entry.productId = u"p-1"_s;
        entry.name = {{u"nl"_s, u"Identiteitskaart"_s}};
        m_entry = CatalogueRepository(db).upsertByProductId(entry).value_or(0);
        QVERIFY(m_citizen && m_report && m_possible && m_entry);
    }

    // The profile_opened entry is written (and durable) before the data comes back; the case
    // holds all four kinds of item.
    void openWritesItsEntryFirst()
    {
        QVERIFY(m_catalogue->linkCatalogue(m_clerk, counterVisit, m_citizen, m_entry));
        ContactMoment contact;
        contact.citizenId = m_citizen;
        contact.subject = u"Parkeerkaart"_s;
        const auto contactId = m_cases->registerContact(m_clerk, counterVisit, contact);
        QVERIFY(contactId);
        Request request;
        request.citizenId = m_citizen;
        request.question = u"Hoe vraag ik een bewonerskaart aan?"_s;
        request.assignee = {AssigneeKind::Team, u"Mobiliteit"_s};
        const auto requestId = m_requests->createRequest(m_clerk, counterVisit, request, *contactId);
        QVERIFY2(requestId, requestId ? "" : qPrintable(requestId.error().message));

        const qint64 before = auditCount();
        const auto file = m_cases->open(m_clerk, m_citizen, counterVisit);
        QVERIFY2(file, qPrintable(file ? QString() : file.error().message));
        QCOMPARE(auditCount(), before + 1);
        const AuditEntry entry = lastEntry();
        QCOMPARE(entry.action, AuditAction::ProfileOpened);
        QCOMPARE(entry.subjectCitizenId, m_citizen);
        QCOMPARE(entry.purposeCode, counterVisit.code);
        QCOMPARE(entry.purposeText, counterVisit.text);
        QCOMPARE(entry.role, Role::CounterClerk);
        QCOMPARE(file->auditSequence, entry.sequence);
        QCOMPARE(file->citizen.familyName, u"Claes"_s);
        QCOMPARE(file->reports.size(), 2); // linked and possible
        QCOMPARE(file->contacts.size(), 1);
        QCOMPARE(file->requests.size(), 1);
        QCOMPARE(file->catalogue.size(), 1);
        QCOMPARE(file->contacts.first().links, (QList<ItemLink>{{ItemKind::Request, file->requests.first().id}}));
        QVERIFY(AuditRepository(m_store->db(), key).verify().value().intact());
    }

    void openNeedsAPurpose()
    {
        const qint64 before = auditCount();
        const auto file = m_cases->open(m_clerk, m_citizen, {});
        QVERIFY(!file);
        QCOMPARE(file.error().kind, ServiceError::Kind::NoPurpose);
        QCOMPARE(auditCount(), before);
    }

    void openUnknownCitizen()
    {
        const auto file = m_cases->open(m_clerk, m_citizen + 1000, counterVisit);
        QVERIFY(!file);
        QCOMPARE(file.error().kind, ServiceError::Kind::NotFound);
    }

    // Revealing the masked number is a read path of its own, with its own entry first.
    void revealIsAudited()
    {
        const qint64 before = auditCount();
        const auto identifier = m_cases->revealIdentifier(m_clerk, m_citizen, counterVisit);
        QVERIFY(identifier);
        QCOMPARE(identifier->type, IdentifierType::BelgianNationalNumber);
        QCOMPARE(identifier->value.size(), 11);
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(lastEntry().action, AuditAction::IdentifierRevealed);
        QVERIFY(!lastEntry().details.contains(identifier->value));
    }

    // Each call, for each role: refused calls return Denied and leave an access_denied entry.
    void rolesAreEnforced_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("call");
        QTest::addColumn<bool>("allowed");
        const QStringList calls = {
            u"open"_s, u"reveal"_s, u"contact"_s, u"request"_s, u"supplement"_s, u"answer"_s, u"close"_s, u"assign"_s, u"catalogue"_s, u"match"_s};
        for (Role role : allValues<Role>()) {
            for (const QString &call : calls) {
                QTest::addRow("%s %s", qPrintable(toKey(role)), qPrintable(call))
                    << int(role) << call << (role != Role::Administrator && role != Role::SyncService);
            }
        }
    }

    void rolesAreEnforced()
    {
        QFETCH(int, role);
        QFETCH(QString, call);
        QFETCH(bool, allowed);
        Request r;
        r.citizenId = m_citizen;
        r.question = u"Vraag"_s;
        const qint64 requestId = RequestRepository(m_store->db()).insert(r).value_or(0);
        QVERIFY(requestId);
        const StaffMember staff{u"someone"_s, Role(role), u"ws"_s};
        const qint64 deniedBefore = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s);
        std::optional<ServiceError> error;
        auto check = [&error](const auto &result) {
            if (!result) {
                error = result.error();
            }
        };
        ContactMoment contact;
        contact.citizenId = m_citizen;
        contact.subject = u"Onderwerp"_s;
        if (call == u"open"_s) {
            check(m_cases->open(staff, m_citizen, counterVisit));
        } else if (call == u"reveal"_s) {
            check(m_cases->revealIdentifier(staff, m_citizen, counterVisit));
        } else if (call == u"contact"_s) {
            check(m_cases->registerContact(staff, counterVisit, contact));
        } else if (call == u"request"_s) {
            check(m_requests->createRequest(staff, counterVisit, r));
        } else if (call == u"supplement"_s) {
            check(m_requests->supplementRequest(staff, counterVisit, requestId, u"Meer info"_s));
        } else if (call == u"answer"_s) {
            check(m_requests->answerRequest(staff, counterVisit, requestId, u"Antwoord"_s));
        } else if (call == u"close"_s) {
            check(m_requests->closeRequest(staff, counterVisit, requestId));
        } else if (call == u"assign"_s) {
            check(m_requests->assignRequest(staff, counterVisit, requestId, {AssigneeKind::Person, u"Piet"_s}));
        } else if (call == u"catalogue"_s) {
            check(m_catalogue->linkCatalogue(staff, counterVisit, m_citizen, m_entry));
        } else if (call == u"match"_s) {
            check(m_cases->decideMatch(staff, counterVisit, m_possible, m_citizen, true));
        }
        const qint64 denied = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s) - deniedBefore;
        if (allowed) {
            QVERIFY2(!error, error ? qPrintable(error->message) : "");
            QCOMPARE(denied, 0);
        } else {
            QVERIFY(error);
            QCOMPARE(error->kind, ServiceError::Kind::Denied);
            QCOMPARE(denied, 1);
            QCOMPARE(lastEntry().outcome, AuditOutcome::Denied);
        }
    }

    // A contact moment, a request and a supplement of a citizen from the contact back end go to
    // the outbox, each with its change entry, in the same transaction.
    void changesGoThroughTheOutbox()
    {
        ContactMoment contact;
        contact.citizenId = m_citizen;
        contact.channel = Channel::Phone;
        contact.subject = u"Afvalkalender"_s;
        contact.text = u"Wanneer wordt het grofvuil opgehaald?"_s;
        const auto contactId = m_cases->registerContact(m_clerk, counterVisit, contact);
        QVERIFY(contactId);
        QCOMPARE(ContactMomentRepository(m_store->db()).find(*contactId).value()->staffMember, m_clerk.name);
        Request request;
        request.citizenId = m_citizen;
        request.question = u"Ophaling grofvuil aanvragen"_s;
        request.assignee = {AssigneeKind::Team, u"Afval"_s};
        const auto requestId = m_requests->createRequest(m_clerk, counterVisit, request, *contactId, Channel::Phone);
        QVERIFY(requestId);
        const auto supplementId = m_requests->supplementRequest(m_clerk, counterVisit, *requestId, u"Liefst op zaterdag"_s, Channel::Phone);
        QVERIFY(supplementId);

        const auto outstanding = OutboxRepository(m_store->db()).outstanding().value();
        QCOMPARE(outstanding.size(), 3);
        // Dialect-neutral: the local table, what happened, and where it came from; the back end's
        // own terms are the outbox target's business when it sends the entry.
        QCOMPARE(outstanding.at(0).resource, LocalChange::ContactMoments);
        QCOMPARE(outstanding.at(0).entityId, *contactId);
        QCOMPARE(LocalChange::factsOf(outstanding.at(0)).origin.party, u"0b7c6c5e-0000-4000-8000-000000000001"_s);
        QCOMPARE(LocalChange::factsOf(outstanding.at(0)).origin.channel, Channel::Phone);
        QVERIFY(!outstanding.at(0).payload.contains("klantcontact"));
        QVERIFY(!outstanding.at(0).payload.contains("Afvalkalender")); // the contact itself is read when it is sent
        QCOMPARE(outstanding.at(1).resource, LocalChange::Requests);
        QCOMPARE(outstanding.at(1).operation, u"create"_s);
        QCOMPARE(outstanding.at(1).entityId, *requestId);
        QCOMPARE(outstanding.at(2).operation, LocalChange::Supplement);
        QCOMPARE(LocalChange::factsOf(outstanding.at(2)).supplementId, *supplementId);
        for (const OutboxEntry &e : outstanding) {
            QCOMPARE(e.source, u"openklant"_s);
        }
        const auto stored = RequestRepository(m_store->db()).find(*requestId).value().value();
        QCOMPARE(stored.created, m_store->clock().now());
        QCOMPARE(stored.expires, m_store->clock().now().addDays(30));
        QCOMPARE(stored.status, RequestStatus::Open);
        QCOMPARE(stored.supplements.size(), 1);
        QCOMPARE(stored.supplements.first().author, m_clerk.name);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s), 3);
        QVERIFY(lastEntry().details.contains(u"supplement"_s));
    }

    // A citizen not from the contact back end: stored and audited, nothing queued.
    void localCitizensStayLocal()
    {
        const qint64 local = CitizenRepository(m_store->db()).insert(Test::CitizenBuilder().withName(u"Bram"_s, u"Wouters"_s).build()).value_or(0);
        ContactMoment contact;
        contact.citizenId = local;
        contact.subject = u"Balie"_s;
        QVERIFY(m_cases->registerContact(m_clerk, counterVisit, contact));
        QVERIFY(OutboxRepository(m_store->db()).outstanding().value().isEmpty());
    }

    // Two people handle one request, each from the version their screen shows: the second change
    // is refused with who made the first and when, writes nothing (no change, no audit entry, no
    // outbox entry, no close reason), and goes through once made on the version as it is now.
    // Supplements only add: never refused. A change read from the back end counts the same.
    void aChangeOnAnOlderVersionIsRefused()
    {
        const StaffMember agent{u"kcc.agent1"_s, Role::CallCentreAgent, u"kcc-7"_s};
        const Purpose call{u"phone_call"_s, u"Terugbelverzoek"_s};
        Request request;
        request.citizenId = m_citizen;
        request.question = u"Wanneer wordt mijn container geleverd?"_s;
        const auto id = m_requests->createRequest(m_clerk, counterVisit, request);
        QVERIFY(id);
        const Request seen = RequestRepository(m_store->db()).find(*id).value().value();
        QCOMPARE(seen.version, 1);

        m_store->clock().advance(5 * 60 * 1000);
        QVERIFY(m_requests->answerRequest(m_clerk, counterVisit, seen, u"Volgende dinsdag."_s));
        const QDateTime answeredAt = m_store->clock().now();
        const qint64 changes = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s);
        const qint64 outbox = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM outbox"_s);
        const qint64 supplements = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM request_supplements"_s);

        m_store->clock().advance(60 * 1000);
        for (const QString &call_ : {u"assign"_s, u"answer"_s, u"close"_s}) {
            Expected<void, ServiceError> refused;
            if (call_ == u"assign"_s) {
                refused = m_requests->assignRequest(agent, call, seen, {AssigneeKind::Team, u"Afvalbeleid"_s});
            } else if (call_ == u"answer"_s) {
                refused = m_requests->answerRequest(agent, call, seen, u"Morgen."_s, Channel::Phone);
            } else {
                refused = m_requests->closeRequest(agent, call, seen, u"Burger belt zelf terug"_s);
            }
            QVERIFY2(!refused, qPrintable(call_));
            QCOMPARE(refused.error().kind, ServiceError::Kind::Changed);
            QVERIFY2(refused.error().message.contains(m_clerk.name), qPrintable(refused.error().message));
            QVERIFY2(refused.error().message.contains(QLocale().toString(answeredAt.toLocalTime(), QLocale::ShortFormat)), qPrintable(refused.error().message));
        }
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s), changes);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM outbox"_s), outbox);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM request_supplements"_s), supplements);
        Request now = RequestRepository(m_store->db()).find(*id).value().value();
        QCOMPARE(now.answer, u"Volgende dinsdag."_s);
        QCOMPARE(now.version, 2);

        // A supplement adds to whatever version there is.
        QVERIFY(m_requests->supplementRequest(agent, call, *id, u"Burger is dinsdag niet thuis."_s, Channel::Phone));
        // Made on the version as it is now, the change goes through.
        QVERIFY(m_requests->assignRequest(agent, call, now, {AssigneeKind::Team, u"Afvalbeleid"_s}));
        now = RequestRepository(m_store->db()).find(*id).value().value();
        QCOMPARE(now.version, 3);
        QCOMPARE(now.changedBy, agent.name);
        QCOMPARE(now.assignee.name, u"Afvalbeleid"_s);

        // Changed at the back end (read by a synchronisation): the refusal says so.
        Request fromBackEnd = now;
        fromBackEnd.status = RequestStatus::Closed;
        QVERIFY(RequestRepository(m_store->db()).upsertBySource(fromBackEnd));
        const auto refused = m_requests->answerRequest(m_clerk, counterVisit, now, u"Toch woensdag."_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ServiceError::Kind::Changed);
        QVERIFY2(refused.error().message.contains(u"contact server"_s), qPrintable(refused.error().message));
    }

    void requestLifecycle()
    {
        Request request;
        request.citizenId = m_citizen;
        request.question = u"Kan ik mijn adres online wijzigen?"_s;
        const auto id = m_requests->createRequest(m_clerk, counterVisit, request);
        QVERIFY(id);
        QVERIFY(m_requests->assignRequest(m_clerk, counterVisit, *id, {AssigneeKind::Person, u"Piet Peeters"_s}));
        QVERIFY(m_requests->answerRequest(m_clerk, counterVisit, *id, u"Ja, via Mijn Burgerprofiel."_s));
        auto stored = RequestRepository(m_store->db()).find(*id).value().value();
        QCOMPARE(stored.status, RequestStatus::Answered);
        QCOMPARE(stored.assignee.name, u"Piet Peeters"_s);
        QCOMPARE(stored.answer, u"Ja, via Mijn Burgerprofiel."_s);
        m_store->clock().advance(60000);
        QVERIFY(m_requests->closeRequest(m_clerk, counterVisit, *id));
        QCOMPARE(RequestRepository(m_store->db()).find(*id).value()->status, RequestStatus::Closed);
        // Each handling step follows the request to the back end: assign, answer (with the
        // answer), close (with the time it was closed).
        const auto outstanding = OutboxRepository(m_store->db()).outstanding().value();
        QCOMPARE(outstanding.size(), 4);
        QCOMPARE(outstanding.at(0).operation, u"create"_s);
        QStringList updates;
        for (qsizetype i = 1; i < outstanding.size(); ++i) {
            const OutboxEntry &e = outstanding.at(i);
            QCOMPARE(e.resource, LocalChange::Requests);
            QCOMPARE(e.entityId, *id);
            const QJsonObject o = QJsonDocument::fromJson(e.payload).object();
            updates.append(e.operation + u":"_s + (o.value(u"answer"_s).toBool() ? u"answer"_s : u"-"_s) + u":"_s + o.value(u"done"_s).toString());
        }
        const QString closed = m_store->clock().now().toUTC().toString(Qt::ISODateWithMs);
        QCOMPARE(updates,
                 QStringList(
                     {u"update:-:"_s, u"update:answer:"_s + m_store->clock().now().addSecs(-60).toUTC().toString(Qt::ISODateWithMs), u"update:-:"_s + closed}));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s), 4);
        // Empty input is refused with a sentence, and nothing changes.
        const auto empty = m_requests->answerRequest(m_clerk, counterVisit, *id, u"  "_s);
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, ServiceError::Kind::Invalid);
        QVERIFY(!empty.error().message.isEmpty());
        const auto gone = m_requests->closeRequest(m_clerk, counterVisit, *id + 100);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, ServiceError::Kind::Invalid);
        QVERIFY(!m_requests->closeRequest(m_clerk, counterVisit, *id)); // closed already

        // Undo: while the close waits in the outbox, reopening takes it out and the request is
        // answered again, audited.
        QVERIFY(m_requests->canReopen(*id).value());
        QVERIFY(m_requests->reopenRequest(m_clerk, counterVisit, *id));
        QCOMPARE(RequestRepository(m_store->db()).find(*id).value()->status, RequestStatus::Answered);
        QCOMPARE(OutboxRepository(m_store->db()).outstanding().value().size(), 3);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change' AND details LIKE '%request_reopened%'"_s), 1);
        QVERIFY(!m_requests->canReopen(*id).value()); // not closed

        // Closed with a reason: the reason is kept as a supplement; once the close has been sent
        // it cannot be undone here, and saying so.
        QVERIFY(m_requests->closeRequest(m_clerk, counterVisit, *id, u"Burger heeft het zelf online geregeld"_s));
        const auto reclosed = RequestRepository(m_store->db()).find(*id).value().value();
        QCOMPARE(reclosed.status, RequestStatus::Closed);
        QCOMPARE(reclosed.supplements.last().text, u"Burger heeft het zelf online geregeld"_s);
        const auto waiting = OutboxRepository(m_store->db()).outstanding().value();
        QVERIFY(OutboxRepository(m_store->db()).markSending(waiting.last().id));
        QVERIFY(!m_requests->canReopen(*id).value()); // on its way: too late as well
        QVERIFY(OutboxRepository(m_store->db()).markDone(waiting.last().id, QString(), m_store->clock().now()));
        QVERIFY(!m_requests->canReopen(*id).value());
        const auto sent = m_requests->reopenRequest(m_clerk, counterVisit, *id);
        QVERIFY(!sent);
        QVERIFY2(sent.error().message.contains(u"sent"_s), qPrintable(sent.error().message));
        QCOMPARE(RequestRepository(m_store->db()).find(*id).value()->status, RequestStatus::Closed);
    }

    // Suggestions: the products for the citizen's life events first (a child turning 12 needs
    // the first identity card), then those of the open reports and requests, each with its reason;
    // linked products are not suggested again.
    void suggestions()
    {
        Database &db = m_store->db();
        CatalogueRepository catalogue(db);
        auto product = [&catalogue](const QString &id, const QString &name) {
            CatalogueEntry e;
            e.productId = id;
            e.name = {{u"nl"_s, name}};
            return catalogue.upsertByProductId(e).value_or(0);
        };
        const qint64 eid = product(u"p-eid"_s, u"Elektronische identiteitskaart"_s);
        const qint64 kids = product(u"p-kids"_s, u"Kids-ID"_s);
        const qint64 waste = product(u"p-afval"_s, u"Grofvuil ophalen aan huis"_s);
        const qint64 parking = product(u"p-park"_s, u"Bewonerskaart parkeren"_s);
        QVERIFY(eid && kids && waste && parking);
        // A child who turns 12 in a month, with an open report about bulky waste and an open
        // request about a parking permit.
        const QDate today = m_store->clock().now().toLocalTime().date();
        const qint64 child =
            CitizenRepository(db).insert(Test::CitizenBuilder().withName(u"Noor"_s, u"Claes"_s).bornOn(today.addYears(-12).addMonths(1)).build()).value_or(0);
        QVERIFY(child);
        Report report;
        report.source = {u"open311"_s, u"r-9"_s};
        report.citizenId = child;
        report.matchBasis = MatchBasis::NationalNumber;
        report.serviceName = u"Grofvuil"_s;
        report.description = u"Matras op de stoep"_s;
        QVERIFY(ReportRepository(db).upsertBySource(report));
        Request request;
        request.citizenId = child;
        request.question = u"Mag mijn moeder een bewonerskaart voor haar wagen?"_s;
        QVERIFY(m_requests->createRequest(m_clerk, counterVisit, request));
        auto file = m_cases->open(m_clerk, child, counterVisit);
        QVERIFY(file);

        auto suggested = m_catalogue->suggestions(*file, u"nl"_s);
        QVERIFY(suggested);
        QList<qint64> ids;
        for (const CatalogueSuggestion &s : std::as_const(*suggested)) {
            ids.append(s.entry.id);
            QVERIFY(!s.reason.isEmpty());
        }
        QCOMPARE(ids, QList<qint64>({eid, waste, parking}));
        QVERIFY2(suggested->at(0).reason.startsWith(u"Turns 12 on"_s), qPrintable(suggested->at(0).reason));
        QCOMPARE(suggested->at(1).reason, u"About the open report “Grofvuil”."_s);
        QVERIFY2(suggested->at(2).reason.startsWith(u"About the open request “Mag mijn moeder"_s), qPrintable(suggested->at(2).reason));
        // Linked once, never suggested again; the limit holds.
        QVERIFY(m_catalogue->linkCatalogue(m_clerk, counterVisit, child, eid));
        file = m_cases->open(m_clerk, child, counterVisit);
        QVERIFY(file);
        suggested = m_catalogue->suggestions(*file, u"nl"_s, 1);
        QVERIFY(suggested);
        QCOMPARE(suggested->size(), 1);
        QCOMPARE(suggested->first().entry.id, waste);
        // A younger child gets the Kids-ID instead.
        file->citizen.birthDate = today.addYears(-5);
        suggested = m_catalogue->suggestions(*file, u"nl"_s);
        QVERIFY(suggested && !suggested->isEmpty());
        QCOMPARE(suggested->first().entry.id, kids);
    }

    // Whom to assign to: those the contact back end knows (through the directory its dialect
    // provides), and the staff member and their team, once each, by name.
    void assignees()
    {
        // The directory answers as the Klantinteracties one does from its last pull (tested in
        // tst_klantinteractiessync); here only what the case service makes of it.
        struct Listed final : AssigneeDirectory
        {
            QList<Assignee> list;
            Expected<QList<Assignee>, StoreError> knownAssignees(Database &) const override { return list; }
        } directory;
        directory.list = {{AssigneeKind::Team, u"Burgerzaken"_s}, {AssigneeKind::Person, u"Els Maes"_s}, {AssigneeKind::Person, u" "_s}};
        m_requests->setAssigneeDirectory(&directory);
        auto known = m_requests->assignees(m_clerk, u"burgerzaken"_s);
        QVERIFY(known);
        QStringList names;
        for (const Assignee &a : std::as_const(*known)) {
            names.append(toKey(a.kind) + u":"_s + a.name);
        }
        // The staff member's team matches the back end's by name; a blank name is left out.
        QCOMPARE(names, QStringList({u"person:an.balie"_s, u"team:Burgerzaken"_s, u"person:Els Maes"_s}));
        const StaffMember admin{u"beheer"_s, Role::Administrator, u"ws"_s};
        QCOMPARE(m_requests->assignees(admin).error().kind, ServiceError::Kind::Denied);
        m_requests->setAssigneeDirectory(nullptr); // without one: the staff member and their team
        QCOMPARE(m_requests->assignees(m_clerk, u"burgerzaken"_s)->size(), 2);
    }

    // The contact being typed survives a closed window (a new service on the same store finds it)
    // and goes once it is registered.
    void draftsSurviveUntilRegistered()
    {
        ContactMoment typing;
        typing.citizenId = m_citizen;
        typing.channel = Channel::Phone;
        typing.subject = u"Rijbewijs"_s;
        typing.text = u"Vraagt naar de afspraak voor"_s;
        QVERIFY(m_cases->saveDraft(m_clerk, typing));
        CaseService reopened(*m_audit, u"openklant"_s);
        const auto draft = reopened.draft(m_clerk, m_citizen);
        QVERIFY(draft && *draft);
        QCOMPARE((*draft)->subject, typing.subject);
        QCOMPARE((*draft)->text, typing.text);
        QCOMPARE((*draft)->channel, Channel::Phone);
        // Another staff member has no draft for this citizen.
        QVERIFY(!reopened.draft({u"piet"_s, Role::CallCentreAgent, u"ws"_s}, m_citizen).value());
        QVERIFY(reopened.registerContact(m_clerk, counterVisit, **draft));
        QVERIFY(!reopened.draft(m_clerk, m_citizen).value());
        QVERIFY(m_cases->saveDraft(m_clerk, typing));
        QVERIFY(m_cases->discardDraft(m_clerk, m_citizen));
        QVERIFY(!m_cases->draft(m_clerk, m_citizen).value());
    }

    // Mine and my team's open requests, soonest deadline first; closed ones are not on it; each
    // citizen shown is audited.
    void worklist()
    {
        auto make = [this](const QString &question, const Assignee &who, int days) {
            Request r;
            r.citizenId = m_citizen;
            r.question = question;
            r.assignee = who;
            r.deadline = m_store->clock().now().addDays(days);
            return m_requests->createRequest(m_clerk, counterVisit, r).value_or(0);
        };
        const qint64 mineLater = make(u"Later"_s, {AssigneeKind::Person, m_clerk.name}, 10);
        const qint64 teamOverdue = make(u"Te laat"_s, {AssigneeKind::Team, u"Burgerzaken"_s}, -2);
        const qint64 otherTeam = make(u"Andere dienst"_s, {AssigneeKind::Team, u"Mobiliteit"_s}, 1);
        const qint64 closed = make(u"Klaar"_s, {AssigneeKind::Person, m_clerk.name}, 3);
        QVERIFY(mineLater && teamOverdue && otherTeam && closed);
        QVERIFY(m_requests->closeRequest(m_clerk, counterVisit, closed));
        const qint64 shownBefore = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'search_result_shown'"_s);

        auto mine = m_requests->worklist(m_clerk);
        QVERIFY(mine);
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->first().requestId, mineLater);
        QCOMPARE(mine->first().citizenName, u"Lotte Claes"_s);
        auto team = m_requests->worklist(m_clerk, u"Burgerzaken"_s);
        QVERIFY(team);
        QCOMPARE(team->size(), 2);
        QCOMPARE(team->at(0).requestId, teamOverdue);
        QCOMPARE(team->at(1).requestId, mineLater);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'search_result_shown'"_s), shownBefore + 2);
        const auto denied = m_requests->worklist({u"root"_s, Role::Administrator, u"server"_s});
        QVERIFY(!denied);
        QCOMPARE(denied.error().kind, ServiceError::Kind::Denied);
    }

    void possibleMatchDecisions()
    {
        QVERIFY(m_cases->decideMatch(m_clerk, counterVisit, m_possible, m_citizen, true));
        const auto report = ReportRepository(m_store->db()).find(m_possible).value().value();
        QCOMPARE(report.citizenId, m_citizen);
        QCOMPARE(lastEntry().action, AuditAction::Change);
        QVERIFY(lastEntry().details.contains(u"match_confirmed"_s));
    }
};

QTEST_GUILESS_MAIN(TestCaseService)
#include "tst_caseservice.moc"
