// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-admin on a shared store whose staff sign in as their own roles of the server
// (schema 9): the installation makes the first administrator's login, that administrator signs in
// as themself (no staff password asked) and makes, lists, switches off and on the staff's logins;
// a clerk manages nobody, a login that is no staff member is turned away, passwords reach the
// server only as SCRAM verifiers, and every step is in the one audit chain.

#include "adminclitesting.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTest>

using namespace C360;
using namespace C360::Test;
using namespace C360::Test::AdminCli;
using namespace Qt::StringLiterals;

namespace
{
const QString installerPassword = u"Installatie-wachtwoord-2026"_s;
const QString adminPassword = u"Beheer-wachtwoord-2026!"_s;
} // namespace

class TestAdminStaffRoles : public AdminCliTest
{
    Q_OBJECT

    std::unique_ptr<TempStore> m_store;
    QString m_suffix;

    QString login(const QString &who) const { return who + m_suffix; }
    // The store's address as another user of the server.
    QString as(const QString &who) const
    {
        QString uri = m_store->path();
        return uri.replace(u"//c360@"_s, u"//%1@"_s.arg(login(who)));
    }
    ProcessResult runWith(const QByteArray &input, const QStringList &args) const
    {
        ProcessRunner runner(m_home.path());
        runner.setInput(input);
        return runner.run(admin(), args);
    }
    QString server(const QString &sql) const { return Test::rows(m_store->db(), sql).join(u'\n'); }
    QStringList lastEntry() const
    {
        return Test::rows(m_store->db(), u"SELECT actor, role, action, outcome, details FROM audit_log ORDER BY sequence DESC LIMIT 1"_s).value(0).split(u'|');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TempStore::onServer(), "a PostgreSQL test: run it through ctest (fixture postgres)");
        QVERIFY(m_home.isValid());
        m_suffix = u"_%1"_s.arg(QCoreApplication::applicationPid());
        m_store = std::make_unique<TempStore>();
        // The installation: the store made by its installer's role (here the tests' superuser),
        // with the store's own first administrator account, as before schema 9.
        const ProcessResult init = runWith(installerPassword.toUtf8() + '\n', {u"init"_s, u"--database"_s, m_store->path(), u"--admin"_s, u"installer"_s});
        QVERIFY2(init.exitCode == 0, qPrintable(describe(init)));
        m_store->open();
        QVERIFY(m_store->isOpen());
        QStringList drop;
        for (const QString &who : {u"beheer"_s, u"anna"_s, u"outsider"_s}) {
            drop << u"DROP ROLE IF EXISTS %1"_s.arg(login(who));
        }
        drop << u"CREATE ROLE %1 LOGIN"_s.arg(login(u"outsider"_s));
        QVERIFY(Test::runOnStore(TempStore::serverUri(), drop));
    }

    void cleanupTestCase()
    {
        if (!m_store) {
            return;
        }
        m_store.reset(); // the database first: the roles are named in it
        QStringList drop;
        for (const QString &who : {u"beheer"_s, u"anna"_s, u"outsider"_s}) {
            drop << u"DROP ROLE IF EXISTS %1"_s.arg(login(who));
        }
        QVERIFY(Test::runOnStore(TempStore::serverUri(), drop));
    }

    void theInstallationMakesTheFirstAdministratorsLogin()
    {
        // No --user: the role that installed the store acts as its administrator.
        const ProcessResult made = runWith(adminPassword.toUtf8() + '\n',
                                           {u"add-user"_s,
                                            u"--database"_s,
                                            m_store->path(),
                                            u"--username"_s,
                                            login(u"beheer"_s),
                                            u"--role"_s,
                                            u"administrator"_s,
                                            u"--name"_s,
                                            u"Functioneel beheer"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
        QCOMPARE(lastJsonLine(made.out).value(u"username"_s).toString(), login(u"beheer"_s));
        const QString name = login(u"beheer"_s);
        QCOMPARE(server(u"SELECT rolcanlogin, pg_has_role(oid, 'c360_administrator', 'MEMBER') FROM pg_roles WHERE rolname = '%1'"_s.arg(name)),
                 u"true|true"_s);
        // The password reached the server as a SCRAM verifier only.
        const QString verifier = server(u"SELECT rolpassword FROM pg_authid WHERE rolname = '%1'"_s.arg(name));
        QVERIFY2(verifier.startsWith(u"SCRAM-SHA-256$"_s), qPrintable(verifier));
        QVERIFY(!verifier.contains(adminPassword));
        QCOMPARE(server(u"SELECT role, password_hash, display_name FROM staff_accounts WHERE username = '%1'"_s.arg(name)),
                 u"administrator||Functioneel beheer"_s);
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), u"c360"_s);
        QCOMPARE(entry.value(2), u"change"_s);
        QVERIFY2(entry.value(4).contains(u"account_created"_s) && entry.value(4).contains(name), qPrintable(entry.value(4)));
    }

    void anAdministratorSignsInAsThemselfAndManagesStaff()
    {
        const QString anna = login(u"anna"_s);
        // An empty password line: a login the server signs in by other means (GSSAPI, certificates).
        const ProcessResult made = runWith("\n",
                                           {u"add-user"_s,
                                            u"--database"_s,
                                            as(u"beheer"_s),
                                            u"--username"_s,
                                            anna,
                                            u"--role"_s,
                                            u"counter_clerk"_s,
                                            u"--name"_s,
                                            u"Anna Peeters"_s,
                                            u"--team"_s,
                                            u"Balie"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(describe(made)));
        QCOMPARE(
            server(u"SELECT rolcanlogin, rolpassword IS NULL, pg_has_role(r.oid, 'c360_counter_clerk', 'MEMBER') FROM pg_authid r WHERE rolname = '%1'"_s.arg(
                anna)),
            u"true|true|true"_s);
        // Written by the server under the administrator's own login: the sign-in, then the change.
        QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(u"beheer"_s));
        QCOMPARE(entry.value(1), u"administrator"_s);
        QCOMPARE(entry.value(2), u"change"_s);
        QVERIFY2(entry.value(4).contains(u"\"client_address\""_s), qPrintable(entry.value(4)));
        QCOMPARE(server(u"SELECT COUNT(*) FROM audit_log WHERE actor = '%1' AND action = 'login'"_s.arg(login(u"beheer"_s))), u"1"_s);

        const ProcessResult users = run({u"users"_s, u"--database"_s, as(u"beheer"_s)});
        QVERIFY2(users.exitCode == 0, qPrintable(describe(users)));
        QVERIFY(!users.out.contains(u"password"_s));
        const QJsonArray list = QJsonDocument::fromJson(users.out.trimmed().toUtf8()).array();
        bool found = false;
        for (const auto &account : list) {
            const QJsonObject a = account.toObject();
            if (a.value(u"username"_s).toString() == anna) {
                found = true;
                QCOMPARE(a.value(u"role"_s).toString(), u"counter_clerk"_s);
                QCOMPARE(a.value(u"team"_s).toString(), u"Balie"_s);
                QCOMPARE(a.value(u"disabled"_s).toBool(), false);
            }
        }
        QVERIFY2(found, qPrintable(users.out));

        // Switched off: the account, the login, and what it could read.
        QVERIFY(
            Test::runOnStore(m_store->path(),
                             {u"INSERT INTO citizens (id, given_names, family_name, updated_at) VALUES (1, 'Lotte', 'Peeters', '2026-01-01T00:00:00.000Z')"_s,
                              u"INSERT INTO profile_grants VALUES ('%1', 1, now(), now() + interval '1 hour', 1)"_s.arg(anna)}));
        const ProcessResult off = run({u"disable-user"_s, u"--database"_s, as(u"beheer"_s), u"--username"_s, anna});
        QVERIFY2(off.exitCode == 0, qPrintable(describe(off)));
        QCOMPARE(server(u"SELECT rolcanlogin FROM pg_roles WHERE rolname = '%1'"_s.arg(anna)), u"false"_s);
        QCOMPARE(server(u"SELECT disabled FROM staff_accounts WHERE username = '%1'"_s.arg(anna)), u"1"_s);
        QCOMPARE(server(u"SELECT COUNT(*) FROM profile_grants WHERE staff = '%1'"_s.arg(anna)), u"0"_s);
        entry = lastEntry();
        QCOMPARE(entry.value(0), login(u"beheer"_s));
        QVERIFY2(entry.value(4).contains(u"account_disabled"_s), qPrintable(entry.value(4)));
        // The server no longer lets her in.
        const ProcessResult refused = run({u"users"_s, u"--database"_s, as(u"anna"_s)});
        QVERIFY2(refused.exitCode != 0, qPrintable(describe(refused)));
        // An account that is not there, or none named: said, nothing changed.
        const qint64 entries = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s);
        const ProcessResult unknown = run({u"disable-user"_s, u"--database"_s, as(u"beheer"_s), u"--username"_s, u"nobody.here"_s});
        QVERIFY2(unknown.exitCode == 2 && unknown.err.contains(u"no account called"_s), qPrintable(describe(unknown)));
        const ProcessResult unnamed = run({u"disable-user"_s, u"--database"_s, as(u"beheer"_s)});
        QVERIFY2(unnamed.exitCode == 2 && unnamed.err.contains(u"--username"_s), qPrintable(describe(unnamed)));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s), entries);
        // Nobody switches themself off.
        const ProcessResult self = run({u"disable-user"_s, u"--database"_s, as(u"beheer"_s), u"--username"_s, login(u"beheer"_s)});
        QVERIFY2(self.exitCode != 0 && self.err.contains(u"own account"_s), qPrintable(describe(self)));

        const ProcessResult on = run({u"disable-user"_s, u"--database"_s, as(u"beheer"_s), u"--username"_s, anna, u"--enable"_s});
        QVERIFY2(on.exitCode == 0, qPrintable(describe(on)));
        QCOMPARE(server(u"SELECT rolcanlogin FROM pg_roles WHERE rolname = '%1'"_s.arg(anna)), u"true"_s);
        QCOMPARE(lastJsonLine(on.out).value(u"disabled"_s).toBool(true), false);
    }

    void aUserNameTheServerWouldFoldIsRefused()
    {
        const ProcessResult made =
            runWith("\n", {u"add-user"_s, u"--database"_s, as(u"beheer"_s), u"--username"_s, u"Anna.Peeters"_s, u"--role"_s, u"counter_clerk"_s});
        QVERIFY2(made.exitCode != 0 && made.err.contains(u"small letters"_s), qPrintable(describe(made)));
        QCOMPARE(server(u"SELECT COUNT(*) FROM pg_roles WHERE lower(rolname) = 'anna.peeters'"_s), u"0"_s);
        // A name the server has already (here the installer's) is never taken over.
        const ProcessResult taken = runWith("\n", {u"add-user"_s, u"--database"_s, as(u"beheer"_s), u"--username"_s, u"c360"_s, u"--role"_s, u"supervisor"_s});
        QVERIFY2(taken.exitCode != 0 && taken.err.contains(u"already"_s), qPrintable(describe(taken)));
        QCOMPARE(server(u"SELECT COUNT(*) FROM pg_auth_members m WHERE m.member = 'c360'::regrole AND m.roleid = 'c360_supervisor'::regrole"_s), u"0"_s);
    }

    void aClerkManagesNobody()
    {
        // (Roles belong to the whole server, where other tests make theirs meanwhile: hers only.)
        const QString eve = u"SELECT COUNT(*) FROM pg_roles WHERE rolname = '%1'"_s.arg(login(u"eve"_s));
        QCOMPARE(Test::scalar(m_store->db(), eve), 0);
        const ProcessResult tried =
            runWith("\n", {u"add-user"_s, u"--database"_s, as(u"anna"_s), u"--username"_s, login(u"eve"_s), u"--role"_s, u"administrator"_s});
        QVERIFY2(tried.exitCode == 1, qPrintable(describe(tried)));
        QCOMPARE(Test::scalar(m_store->db(), eve), 0);
        // The refusal is in the log, under her own name.
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(u"anna"_s));
        QCOMPARE(entry.value(2), u"access_denied"_s);
        // Nor can she call the store's function herself.
        const ProcessResult users = run({u"users"_s, u"--database"_s, as(u"anna"_s)});
        QCOMPARE(users.exitCode, 1);
    }

    void aLoginThatIsNoStaffMemberIsTurnedAway()
    {
        const qint64 entries = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log"_s);
        const ProcessResult tried = run({u"users"_s, u"--database"_s, as(u"outsider"_s)});
        // Turned away by the store's own grants, named and in words, before anything is written.
        QVERIFY2(tried.exitCode == 1 && tried.err.contains(login(u"outsider"_s)), qPrintable(describe(tried)));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log"_s), entries);
    }

    void theChainHoldsEveryStep()
    {
        // The installation verifies the log that the application and the server both wrote.
        const ProcessResult verified = run({u"verify-audit"_s, u"--database"_s, m_store->path()});
        QVERIFY2(verified.exitCode == 0, qPrintable(describe(verified)));
        // Every entry up to the check's own, which comes after it.
        QCOMPARE(lastEntry().value(2), u"audit_verified"_s);
        const QString through = u"intact through entry %1"_s.arg(Test::scalar(m_store->db(), u"SELECT MAX(sequence) - 1 FROM audit_log"_s));
        QVERIFY2(verified.out.contains(through), qPrintable(describe(verified)));
        QVERIFY(Test::scalar(m_store->db(), u"SELECT COUNT(DISTINCT actor) FROM audit_log"_s) >= 3);
    }
};

QTEST_GUILESS_MAIN(TestAdminStaffRoles)
#include "tst_adminstaffroles.moc"
