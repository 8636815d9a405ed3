// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Signing in at a workstation of a shared store as one's own login of the server (schema 9 on):
// the sign-in dialog's connection with what the person typed (AccountService::openAs), a wrong
// password refused in the server's words and nothing kept, a login that is no staff member turned
// away; the lock screen's check of the password on a connection of its own, a wrong one audited
// under the person's name; nobody else signs in on the window's connection.

#include "audit/auditservice.h"
#include "privacy/accountservice.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QString password = u"Eigen-wachtwoord-2026"_s;
} // namespace

class TestServerLogin : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    StoreLocation m_location;
    QString m_suffix;

    QString login(const QString &who) const { return who + m_suffix; }
    QStringList lastEntry()
    {
        return Test::rows(m_store->db(), u"SELECT actor, role, action, outcome, details FROM audit_log ORDER BY sequence DESC LIMIT 1"_s).value(0).split(u'|');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::TempStore::onServer(), "a PostgreSQL test: run it through ctest (fixture postgres)");
        m_store = std::make_unique<Test::TempStore>();
        m_store->open();
        QVERIFY(m_store->isOpen());
        // No user: the workstation's setting, each person signing in as themself.
        m_location = StoreLocation::parse(m_store->path()).withUserName(QString());
        m_suffix = u"_%1"_s.arg(QCoreApplication::applicationPid());
        QStringList setup;
        // Members of c360_scram must give their password (tests/postgres/test-server).
        for (const auto &[who, group] : {std::pair(u"anna"_s, u"c360_counter_clerk"_s), std::pair(u"outsider"_s, QString())}) {
            setup << u"DROP ROLE IF EXISTS %1"_s.arg(login(who))
                  << u"CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE c360_scram%3"_s.arg(login(who), password, group.isEmpty() ? QString() : u", "_s + group);
        }
        setup << u"INSERT INTO staff_accounts (username, display_name, role, team, password_hash, disabled, created_at, password_changed_at) VALUES "
                 "('%1', 'Anna Peeters', 'counter_clerk', 'Balie', '', 0, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z')"_s.arg(login(u"anna"_s))
              << u"INSERT INTO audit_chain_key (id, key) VALUES (1, '\\x%1')"_s.arg(QString::fromLatin1(QByteArray(32, 'k').toHex()));
        QVERIFY(Test::runOnStore(m_store->path(), setup));
    }

    void cleanupTestCase()
    {
        if (!m_store) {
            return;
        }
        const QString uri = Test::TempStore::serverUri();
        m_store.reset();
        QVERIFY(Test::runOnStore(uri, {u"DROP ROLE IF EXISTS %1"_s.arg(login(u"anna"_s)), u"DROP ROLE IF EXISTS %1"_s.arg(login(u"outsider"_s))}));
    }

    void aWrongPasswordIsRefusedInTheServersWords()
    {
        const auto opened = AccountService::openAs(m_location, login(u"anna"_s), u"not-her-password"_s, m_store->clock(), u"desk 2"_s);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ServiceError::Kind::Denied);
        QVERIFY2(opened.error().message.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(opened.error().message));
        QVERIFY2(!opened.error().message.contains(u"not-her-password"_s), qPrintable(opened.error().message));
        // Nothing kept: the next connection as her is asked for a password again.
        const auto again = Database::open(m_location.withUserName(login(u"anna"_s)).displayName(), Database::OpenMode::ReadWrite, m_store->clock());
        QVERIFY(!again);
        QCOMPARE(again.error().code, StoreError::Code::PasswordNeeded);
    }

    void aLoginThatIsNoStaffMemberIsTurnedAway()
    {
        const auto opened = AccountService::openAs(m_location, login(u"outsider"_s), password, m_store->clock(), u"desk 2"_s);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ServiceError::Kind::Denied);
        QVERIFY2(opened.error().message.contains(login(u"outsider"_s)), qPrintable(opened.error().message));
    }

    void theRightPasswordSignsInAndLocksAndUnlocks()
    {
        const auto opened = AccountService::openAs(m_location, u" %1 "_s.arg(login(u"anna"_s)), password, m_store->clock(), u"desk 2"_s);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(opened->signIn);
        QVERIFY(!opened->signIn->installation);
        const StaffMember anna = opened->signIn->staff;
        QCOMPARE(anna.name, login(u"anna"_s));
        QCOMPARE(anna.role, Role::CounterClerk);
        QCOMPARE(anna.team, u"Balie"_s);
        QCOMPARE(StoreLocation::parse(opened->name).userName(), login(u"anna"_s));
        // The window's other connections (the search worker's) sign in as she did.
        auto second = Database::open(opened->name, Database::OpenMode::ReadWrite, m_store->clock());
        QVERIFY2(second, Test::why(second).constData());

        AuditService audit(*opened->db, QByteArray());
        AccountService accounts(audit);
        QVERIFY(accounts.recordLock(anna, 5));
        QCOMPARE(lastEntry().value(2), u"session_locked"_s);
        // The lock screen: a wrong password, audited under her own name; then hers.
        const auto wrong = accounts.unlock(anna, u"not-her-password"_s);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, ServiceError::Kind::Denied);
        QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(u"anna"_s));
        QCOMPARE(entry.value(1), u"counter_clerk"_s);
        QCOMPARE(entry.value(2), u"access_denied"_s);
        QCOMPARE(entry.value(3), u"denied"_s);
        QVERIFY2(entry.value(4).contains(u"wrong_password"_s), qPrintable(entry.value(4)));
        const auto unlocked = accounts.unlock(anna, password);
        QVERIFY2(unlocked, qPrintable(unlocked ? QString() : unlocked.error().message));
        QCOMPARE(unlocked->name, anna.name);
        QCOMPARE(lastEntry().value(2), u"login"_s);
        // Nobody else signs in on her connection: the next person signs in to a process of their own.
        const auto other = accounts.signIn(login(u"outsider"_s), password, u"desk 2"_s);
        QVERIFY(!other);
        QVERIFY2(other.error().message.contains(u"sign out"_s), qPrintable(other.error().message));
        QVERIFY(accounts.signOut(anna, AccountService::SignOutReason::SignedOut));
        QCOMPARE(lastEntry().value(2), u"logout"_s);
        Database::setServerPassword(StoreLocation::parse(opened->name), QString());
    }
};

QTEST_GUILESS_MAIN(TestServerLogin)
#include "tst_serverlogin.moc"
