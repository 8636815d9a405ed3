// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The town hall's one sync service (schema 10): citizen360-admin sync signs in to the shared store
// as a login of the sync service's role, fills it from the back ends without a staff member's
// audit entry for each synchronised row, pushes what a clerk queued on their own login, and
// leaves its state per source in the store, where every workstation reads it.

#include "backendprocess.h"
#include "case/caseservice.h"
#include "httpclient.h"
#include "processrunner.h"
#include "storetesting.h"
#include "sync/syncstatus.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace C360::Test;
using namespace Qt::StringLiterals;

namespace
{
constexpr int Citizens = 300;
const QString installerPassword = u"Installatie-wachtwoord-2026"_s;
} // namespace

class TestSharedSyncService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<BackendProcess> m_backend;
    QUrl m_url;
    QNetworkAccessManager m_network;
    QString m_suffix;

    QString login(const QString &who) const { return who + m_suffix; }
    QString as(const QString &who) const
    {
        QString uri = m_store->path();
        return uri.replace(u"//c360@"_s, u"//%1@"_s.arg(login(who)));
    }
    ProcessResult admin(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 300000) const
    {
        ProcessRunner runner(m_home.path());
        runner.setInput(input);
        return runner.run(ProcessRunner::binary(u"citizen360-admin"_s), args, timeoutMs);
    }
    QString server(const QString &sql) { return Test::rows(m_store->db(), sql).join(u'\n'); }
    QJsonObject stats()
    {
        const HttpAnswer answer = http(m_network, "GET", QUrl(m_url.toString() + u"/admin/stats"_s), {}, {}, 30000);
        return answer.json();
    }
    ProcessResult sync() const { return admin({u"sync"_s, u"--database"_s, as(u"syncer"_s), u"--backend"_s, m_url.toString(), u"--once"_s}); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TempStore::onServer(), "a PostgreSQL test: run it through ctest (fixture postgres)");
        QVERIFY(m_home.isValid());
        m_suffix = u"_%1"_s.arg(QCoreApplication::applicationPid());
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        m_backend =
            std::make_unique<BackendProcess>(ProcessRunner::binary(u"citizen360-refbackend"_s),
                                             QStringList{u"--citizens"_s, QString::number(Citizens), u"--seed"_s, u"11"_s, u"--reference-date"_s, today});
        m_url = m_backend->url(120000);
        QVERIFY2(m_url.isValid(), "the reference back end did not start");

        m_store = std::make_unique<TempStore>();
        const ProcessResult init = admin({u"init"_s, u"--database"_s, m_store->path(), u"--admin"_s, u"installer"_s}, installerPassword.toUtf8() + '\n');
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        m_store->open();
        QVERIFY(m_store->isOpen());
        QStringList drop;
        for (const QString &who : {u"syncer"_s, u"clerk"_s}) {
            drop << u"DROP ROLE IF EXISTS %1"_s.arg(login(who));
        }
        QVERIFY(Test::runOnStore(TempStore::serverUri(), drop));
        // The installation makes the sync service's login and a clerk's (no password: the test
        // server trusts loopback).
        for (const auto &[who, role] : {std::pair(u"syncer"_s, u"sync_service"_s), std::pair(u"clerk"_s, u"counter_clerk"_s)}) {
            const ProcessResult made =
                admin({u"add-user"_s, u"--database"_s, m_store->path(), u"--username"_s, login(who), u"--role"_s, role, u"--team"_s, u"Balie"_s}, "\n");
            QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        }
    }

    void cleanupTestCase()
    {
        if (!m_store) {
            return;
        }
        m_store.reset();
        QStringList drop;
        for (const QString &who : {u"syncer"_s, u"clerk"_s}) {
            drop << u"DROP ROLE IF EXISTS %1"_s.arg(login(who));
        }
        QVERIFY(Test::runOnStore(TempStore::serverUri(), drop));
    }

    void theSyncServiceFillsTheStoreAsItsOwnLogin()
    {
        const qint64 before = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log"_s);
        const ProcessResult run = sync();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(3000)));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.trimmed().split(u'\n').constLast().toUtf8()).object();
        QVERIFY2(summary.value(u"ok"_s).toBool(), qPrintable(run.out));
        const QJsonObject backend = stats();
        for (const QString &table : {u"citizens"_s, u"reports"_s, u"contact_moments"_s}) {
            QCOMPARE(qint64(Test::rowCount(m_store->db(), table)), backend.value(table).toInteger());
        }
        // Requests: those of the retention period (the rest are dropped by rule, as on a desk).
        const QJsonObject tasks = summary.value(u"resources"_s).toObject().value(u"openklant/internetaken"_s).toObject();
        QCOMPARE(qint64(Test::rowCount(m_store->db(), u"requests"_s)), tasks.value(u"inserted"_s).toInteger());
        QVERIFY(tasks.value(u"inserted"_s).toInteger() > 0);
        // One entry for the service's sign-in, under its own login and role; none for the rows.
        QCOMPARE(server(u"SELECT actor, role, action FROM audit_log WHERE sequence > %1"_s.arg(before)), u"%1|sync_service|login"_s.arg(login(u"syncer"_s)));
        // It is no staff member: it reads no profile through the staff's functions.
        QVERIFY(!Test::runOnStore(as(u"syncer"_s), {u"SELECT * FROM c360_open_profile(1, 'counter_visit', '', 'server')"_s}));
    }

    void aClerksContactIsPushedByTheService()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto db = Database::open(as(u"clerk"_s), Database::OpenMode::ReadWrite, clock);
        QVERIFY2(db, Test::why(db).constData());
        AuditService audit(**db, QByteArray());
        const StaffMember clerk(login(u"clerk"_s), Role::CounterClerk, u"desk 1"_s, u"Balie"_s);
        const Purpose visit{u"counter_visit"_s, QString()};
        CaseService cases(audit, u"openklant"_s);
        const qint64 citizen = Test::scalar(m_store->db(), u"SELECT MIN(id) FROM citizens"_s);
        QVERIFY(cases.open(clerk, citizen, visit));
        ContactMoment contact;
        contact.citizenId = citizen;
        contact.subject = u"Afval"_s;
        contact.text = u"Vraagt wanneer de gft-container wordt opgehaald."_s;
        const auto id = cases.registerContact(clerk, visit, contact);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
        QCOMPARE(server(u"SELECT queued_by, state FROM outbox"_s), u"%1|pending"_s.arg(login(u"clerk"_s)));
        const qint64 contactsAtBackend = stats().value(u"contact_moments"_s).toInteger();

        const ProcessResult run = sync();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(3000)));
        QCOMPARE(server(u"SELECT state FROM outbox"_s), u"done"_s);
        QCOMPARE(stats().value(u"contact_moments"_s).toInteger(), contactsAtBackend + 1);
    }

    void everyWorkstationReadsTheServicesState()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto db = Database::open(as(u"clerk"_s), Database::OpenMode::ReadOnly, clock);
        QVERIFY2(db, Test::why(db).constData());
        const auto rows = SyncStatus::load(**db);
        QVERIFY2(rows, Test::why(rows).constData());
        QVERIFY(rows->size() >= 4);
        for (const SyncStatusRow &row : *rows) {
            QCOMPARE(row.state, SyncStatusRow::State::Succeeded);
            QVERIFY(row.lastSuccess.isValid());
            QVERIFY(row.lastSuccess.secsTo(clock.now()) < 600);
        }
    }
};

QTEST_GUILESS_MAIN(TestSharedSyncService)
#include "tst_sharedsyncservice.moc"
