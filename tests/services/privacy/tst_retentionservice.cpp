// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Retention with an injected clock: a request is kept on day 29 and purged on day 30 with its
// supplements and links, leaving a purge record without personal data; each run is audited; only
// an administrator may purge or change the period, which moves every expiry with it.

#include "audit/auditrepository.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "citizenbuilder.h"
#include "privacy/retentionservice.h"
#include "servicestest.h"
#include "store/citizenrepository.h"
#include "store/contactmomentrepository.h"
#include "store/requestrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'r');
const Purpose counterVisit{u"counter_visit"_s, u"Vraag over een attest"_s};
const StaffMember clerk{u"an.balie"_s, Role::CounterClerk, u"balie-1"_s};
const StaffMember admin{u"beheerder"_s, Role::Administrator, u"beheer-1"_s};
constexpr qint64 Day = 24 * 3600 * 1000;

QJsonObject details(const AuditEntry &entry)
{
    return QJsonDocument::fromJson(entry.details.toUtf8()).object();
}
} // namespace

class TestRetentionService : public Test::ServicesTest
{
    Q_OBJECT

    std::unique_ptr<RetentionService> m_retention;
    qint64 m_citizen = 0;

    qint64 scalar(const QString &sql) { return Test::scalar(m_store->db(), sql); }

    // A request made now, with a supplement, linked from a contact moment.
    qint64 makeRequest(const QString &question)
    {
        Request r;
        r.citizenId = m_citizen;
        r.question = question;
        r.assignee = {AssigneeKind::Person, clerk.name};
        ContactMoment contact;
        contact.citizenId = m_citizen;
        contact.subject = u"Balie"_s;
        const qint64 contactId = m_cases->registerContact(clerk, counterVisit, contact).value_or(0);
        const qint64 id = m_requests->createRequest(clerk, counterVisit, r, contactId).value_or(0);
        if (id) {
            if (!m_requests->supplementRequest(clerk, counterVisit, id, u"Bijkomende info bij "_s + question)) {
                return 0;
            }
        }
        return id;
    }

private Q_SLOTS:
    void init()
    {
        Database &db = openServices(key);
        m_retention = std::make_unique<RetentionService>(*m_audit);
        m_citizen = CitizenRepository(db).insert(Test::CitizenBuilder().withName(u"Lotte"_s, u"Claes"_s).bornOn(QDate(1979, 4, 2)).build()).value_or(0);
        QVERIFY(m_citizen);
    }

    void day29KeptDay30Purged()
    {
        const QDateTime made = m_store->clock().now();
        const qint64 id = makeRequest(u"Attest van woonst voor de huurpremie"_s);
        QVERIFY(id);
        QCOMPARE(RequestRepository(m_store->db()).find(id).value()->expires, made.addDays(30));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM request_supplements"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM contact_moment_links WHERE request_id IS NOT NULL"_s), 1);

        // Day 29 (one millisecond short of 30 days): kept.
        auto run = m_retention->purge(admin, made.addMSecs(30 * Day - 1));
        QVERIFY(run);
        QVERIFY(run->purged.isEmpty());
        QVERIFY(RequestRepository(m_store->db()).find(id).value().has_value());

        // Day 30: purged with its supplement and its links; the contact moment stays.
        const qint64 auditBefore = scalar(u"SELECT COUNT(*) FROM audit_log"_s);
        run = m_retention->purge(admin, made.addDays(30));
        QVERIFY(run);
        QCOMPARE(run->purged.size(), 1);
        QCOMPARE(run->purged.first().itemId, id);
        QCOMPARE(run->citizens, QList<qint64>{m_citizen});
        QCOMPARE(run->retentionDays, 30);
        QVERIFY(!RequestRepository(m_store->db()).find(id).value().has_value());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM request_supplements"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM contact_moment_links WHERE request_id IS NOT NULL"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM contact_moments"_s), 1);

        // The purge record says when the request existed and that it went, nothing more.
        const QList<PurgeRecord> records = RequestRepository(m_store->db()).purgeRecords().value();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().itemId, id);
        QCOMPARE(records.first().created, made);
        QCOMPARE(records.first().reason, u"retention"_s);
        const QString dump = Test::rows(m_store->db(), u"SELECT * FROM purge_records"_s).join(u'\n');
        for (const QString &personal : {u"Attest"_s, u"Claes"_s, u"Lotte"_s, u"an.balie"_s}) {
            QVERIFY2(!dump.contains(personal), qPrintable(dump));
        }
        // No column that could name the citizen.
        QCOMPARE(Test::columns(m_store->db(), u"purge_records"_s),
                 QStringList({u"id"_s, u"item_kind"_s, u"item_id"_s, u"created_at"_s, u"purged_at"_s, u"reason"_s}));

        // One audit entry for the run, chained like any other.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log"_s), auditBefore + 1);
        const AuditEntry entry = AuditRepository(m_store->db(), key).entries(auditBefore + 1, 1).value().first();
        QCOMPARE(entry.action, AuditAction::Purge);
        QCOMPARE(entry.actor, admin.name);
        QCOMPARE(entry.subjectCitizenId, 0);
        QCOMPARE(details(entry).value(u"requests"_s).toInt(), 1);
        QCOMPARE(details(entry).value(u"dry_run"_s).toBool(), false);
        QVERIFY(AuditRepository(m_store->db(), key).verify().value().intact());

        // Nothing left: a second run purges nothing.
        QVERIFY(m_retention->purge(admin, made.addDays(31))->purged.isEmpty());
    }

    void dryRunChangesNothing()
    {
        const QDateTime made = m_store->clock().now();
        QVERIFY(makeRequest(u"Eerste vraag"_s));
        m_store->clock().advance(Day);
        QVERIFY(makeRequest(u"Tweede vraag"_s));
        RetentionService::Options dry;
        dry.dryRun = true;
        auto run = m_retention->purge(admin, made.addDays(30), dry);
        QVERIFY(run);
        QCOMPARE(run->purged.size(), 1); // the second is a day younger
        QCOMPARE(run->purged.first().id, 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM requests"_s), 2);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM purge_records"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'purge'"_s), 1);
        QVERIFY(Test::rows(m_store->db(), u"SELECT details FROM audit_log WHERE action = 'purge'"_s).first().contains(u"\"dry_run\":true"_s));
    }

    // Many expired at once go in batches, all of them.
    void purgesInBatches()
    {
        const QDateTime made = m_store->clock().now();
        for (int i = 0; i < 7; ++i) {
            QVERIFY(makeRequest(u"Vraag %1"_s.arg(i)));
        }
        RetentionService::Options options;
        options.batchSize = 3;
        auto run = m_retention->purge(admin, made.addDays(40), options);
        QVERIFY(run);
        QCOMPARE(run->purged.size(), 7);
        QCOMPARE(run->citizens.size(), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM requests"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM purge_records"_s), 7);
    }

    void onlyAnAdministratorPurges()
    {
        QVERIFY(makeRequest(u"Vraag"_s));
        for (const Role role : {Role::CounterClerk, Role::CallCentreAgent, Role::Supervisor}) {
            const StaffMember staff{u"iemand"_s, role, u"ws"_s};
            auto run = m_retention->purge(staff, m_store->clock().now().addDays(60));
            QVERIFY(!run);
            QCOMPARE(run.error().kind, ServiceError::Kind::Denied);
            auto set = m_retention->setRetentionDays(staff, 10, counterVisit);
            QVERIFY(!set);
            QCOMPARE(set.error().kind, ServiceError::Kind::Denied);
        }
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM requests"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s), 6);
    }

    // A new period moves every expiry (from each request's creation), is audited with the old and
    // the new value, and applies to requests made from then on.
    void periodChangesAreAuditedAndMoveExpiries()
    {
        const QDateTime made = m_store->clock().now();
        const qint64 first = makeRequest(u"Eerste vraag"_s);
        QVERIFY(first);
        const Purpose policy{u"retention_policy"_s, u"Besluit van het college"_s};
        QVERIFY(m_retention->setRetentionDays(admin, 45, policy));
        QCOMPARE(RetentionPolicy::days(m_store->db()).value(), 45);
        QCOMPARE(RequestRepository(m_store->db()).find(first).value()->expires, made.addDays(45));
        const AuditEntry entry = AuditRepository(m_store->db(), key).entries(scalar(u"SELECT MAX(sequence) FROM audit_log"_s), 1).value().first();
        QCOMPARE(entry.action, AuditAction::Change);
        QCOMPARE(details(entry).value(u"what"_s).toString(), u"retention_days"_s);
        QCOMPARE(details(entry).value(u"from"_s).toInt(), 30);
        QCOMPARE(details(entry).value(u"to"_s).toInt(), 45);
        QCOMPARE(entry.purposeText, policy.text);

        m_store->clock().advance(Day);
        const qint64 second = makeRequest(u"Tweede vraag"_s);
        QCOMPARE(RequestRepository(m_store->db()).find(second).value()->expires, made.addDays(46));
        QVERIFY(m_retention->purge(admin, made.addDays(44))->purged.isEmpty());
        QCOMPARE(m_retention->purge(admin, made.addDays(45))->purged.size(), 1);
        QCOMPARE(m_requests->retentionDays(), 45);

        for (const int wrong : {0, -3, RetentionPolicy::MaximumDays + 1}) {
            auto set = m_retention->setRetentionDays(admin, wrong, policy);
            QVERIFY(!set);
            QCOMPARE(set.error().kind, ServiceError::Kind::Invalid);
            QVERIFY(!set.error().message.isEmpty());
        }
        QCOMPARE(RetentionPolicy::days(m_store->db()).value(), 45);
    }

    // The application's own runs: as "system", announced with what went, silent when nothing did.
    void schedulerAnnouncesWhatWent()
    {
        const qint64 id = makeRequest(u"Vraag"_s);
        RetentionScheduler scheduler(*m_retention, RetentionService::systemActor(u"balie-1"_s), m_store->clock());
        QSignalSpy purged(&scheduler, &RetentionScheduler::purged);
        const qint64 auditBefore = scalar(u"SELECT COUNT(*) FROM audit_log"_s);
        m_store->clock().advance(29 * Day);
        QVERIFY(scheduler.runNow());
        QCOMPARE(purged.count(), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log"_s), auditBefore); // nothing went: not audited
        m_store->clock().advance(Day);
        QVERIFY(scheduler.runNow());
        QCOMPARE(purged.count(), 1);
        QCOMPARE(purged.first().at(0).value<QList<qint64>>(), QList<qint64>{id});
        QCOMPARE(purged.first().at(1).value<QList<qint64>>(), QList<qint64>{m_citizen});
        QCOMPARE(Test::rows(m_store->db(), u"SELECT actor, role FROM audit_log WHERE action = 'purge'"_s), QStringList{u"system|administrator"_s});
    }
};

QTEST_GUILESS_MAIN(TestRetentionService)
#include "tst_retentionservice.moc"
