// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Local accounts: salted PBKDF2 hashes, the first administrator, accounts only by an
// administrator, signing in audited (with the same answer for an unknown name and a wrong
// password), lockout after five failures for fifteen minutes (injected clock), disabled accounts,
// password resets, and hashes made again with today's iteration count.

#include "audit/auditrepository.h"
#include "citizenbuilder.h"
#include "privacy/accountservice.h"
#include "store/citizenrepository.h"
#include "store/statement.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'a');
constexpr auto Light = PasswordHash::Cost::Light; // the tests' own cost; the standard one is checked once
const QString adminPassword = u"correct horse battery"_s;
const QString clerkPassword = u"baliemedewerker 2026"_s;
} // namespace

class TestAccountService : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AccountService> m_accounts;
    StaffMember m_admin;

    AuditEntry lastEntry()
    {
        const qint64 n = Test::scalar(m_store->db(), u"SELECT MAX(sequence) FROM audit_log"_s);
        return AuditRepository(m_store->db(), key).entries(n, 1).value().value(0);
    }
    QJsonObject details(const AuditEntry &e) { return QJsonDocument::fromJson(e.details.toUtf8()).object(); }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Test::TempStore>();
        Database &db = m_store->open();
        m_audit = std::make_unique<AuditService>(db, key);
        m_accounts = std::make_unique<AccountService>(*m_audit, Light);
        QCOMPARE(m_accounts->hasAccounts().value(), false);
        auto admin = m_accounts->createFirstAdministrator(u"beheerder"_s, u"Beheer Gemeente"_s, adminPassword, u"beheer-1"_s);
        QVERIFY2(admin, admin ? "" : qPrintable(admin.error().message));
        m_admin = StaffMember{u"beheerder"_s, Role::Administrator, u"beheer-1"_s};
        StaffAccount clerk;
        clerk.username = u"an.peeters"_s;
        clerk.displayName = u"An Peeters"_s;
        clerk.role = Role::CounterClerk;
        clerk.team = u"Burgerzaken"_s;
        QVERIFY(m_accounts->createAccount(m_admin, clerk, clerkPassword));
    }

    void passwordHashes()
    {
        const QString stored = PasswordHash::make(u"geheim wachtwoord"_s, Light);
        QVERIFY2(stored.startsWith(u"$argon2id$v=19$m=8,t=1,p=1$"_s), qPrintable(stored));
        QVERIFY(PasswordHash::verify(u"geheim wachtwoord"_s, stored));
        QVERIFY(!PasswordHash::verify(u"geheim wachtwoorD"_s, stored));
        QVERIFY(!PasswordHash::verify(u""_s, stored));
        // Salted: the same password hashes differently each time.
        QVERIFY(PasswordHash::make(u"geheim wachtwoord"_s, Light) != stored);
        // A damaged or foreign hash never verifies.
        const QString pbkdf2 = PasswordHash::makePbkdf2(u"geheim wachtwoord"_s, 1000);
        for (const QString &broken : {QString(),
                                      u"plain"_s,
                                      u"md5$1$abc$def"_s,
                                      QString(stored).replace(u"t=1"_s, u"t=2"_s),
                                      stored.left(stored.size() - 4),
                                      QString(pbkdf2).replace(u"$1000$"_s, u"$999$"_s),
                                      QString(u"$argon2id$"_s + QString(200, u'x'))}) {
            QVERIFY2(!PasswordHash::verify(u"geheim wachtwoord"_s, broken), qPrintable(broken));
        }
        // A hash made before Argon2id still verifies, and is one to make again.
        QVERIFY(PasswordHash::verify(u"geheim wachtwoord"_s, pbkdf2));
        QVERIFY(PasswordHash::needsRehash(pbkdf2, Light));
        // PBKDF2-HMAC-SHA-256 as any implementation computes it (this one from Python's hashlib),
        // so that hashes written by earlier versions, with another PBKDF2, still verify.
        const QString earlier = u"pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$Joif5FjS0cFlAr4mrmC8E6zBoEAZNnz2xL6en+U7EjU="_s;
        QVERIFY(PasswordHash::verify(u"geheim wachtwoord"_s, earlier));
        QVERIFY(!PasswordHash::verify(u"geheim wachtwoorD"_s, earlier));
        QVERIFY(!PasswordHash::needsRehash(stored, Light));
        QVERIFY(PasswordHash::needsRehash(stored, PasswordHash::Cost::Standard));
        // The standard cost, once: 64 MiB, two passes.
        const QString slow = PasswordHash::make(u"x"_s);
        QVERIFY2(slow.startsWith(u"$argon2id$v=19$m=65536,t=2,p=1$"_s), qPrintable(slow));
        QVERIFY(PasswordHash::verify(u"x"_s, slow));
        // Never the password itself in the store.
        QVERIFY(!Test::rows(m_store->db(), u"SELECT * FROM staff_accounts"_s).join(u'\n').contains(clerkPassword));
    }

    void firstAdministratorOnlyOnce()
    {
        QCOMPARE(m_accounts->hasAccounts().value(), true);
        auto again = m_accounts->createFirstAdministrator(u"indringer"_s, QString(), adminPassword, u"ws"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ServiceError::Kind::Invalid);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM staff_accounts"_s), 2);
        QCOMPARE(Test::rows(m_store->db(), u"SELECT actor, action FROM audit_log WHERE details LIKE '%account_created%' ORDER BY sequence"_s),
                 QStringList({u"beheerder|change"_s, u"beheerder|change"_s}));
    }

    // Whoever starts the application first on a store that already holds data (synced, copied)
    // does not become its administrator; only init --admin may make one there.
    void noFirstAdministratorForAStoreWithData()
    {
        Test::TempStore store;
        Database &db = store.open();
        QVERIFY(CitizenRepository(db).insert(Test::CitizenBuilder().build()));
        AuditService audit(db, QByteArray(32, 'k'));
        AccountService accounts(audit, PasswordHash::Cost::Light);
        auto refused = accounts.createFirstAdministrator(u"eerste"_s, QString(), adminPassword, u"ws"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ServiceError::Kind::Invalid);
        QVERIFY2(refused.error().message.contains(u"--admin"_s), qPrintable(refused.error().message));
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM staff_accounts"_s), 0);
        QVERIFY(accounts.createFirstAdministrator(u"beheer"_s, QString(), adminPassword, u"ws"_s, AccountService::ExistingData::Allow));
    }

    void onlyAnAdministratorManagesAccounts()
    {
        StaffAccount wanted;
        wanted.username = u"piet"_s;
        for (const Role role : {Role::CounterClerk, Role::CallCentreAgent, Role::Supervisor}) {
            const StaffMember staff{u"iemand"_s, role, u"ws"_s};
            QCOMPARE(m_accounts->createAccount(staff, wanted, clerkPassword).error().kind, ServiceError::Kind::Denied);
            QCOMPARE(m_accounts->accounts(staff).error().kind, ServiceError::Kind::Denied);
            QCOMPARE(m_accounts->resetPassword(staff, u"an.peeters"_s, clerkPassword).error().kind, ServiceError::Kind::Denied);
            QCOMPARE(m_accounts->setDisabled(staff, u"an.peeters"_s, true).error().kind, ServiceError::Kind::Denied);
        }
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s), 12);
        const auto list = m_accounts->accounts(m_admin);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).username, u"an.peeters"_s);
        QCOMPARE(list->at(0).team, u"Burgerzaken"_s);
    }

    void accountInputIsChecked_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("short password") << u"piet"_s << u"kort"_s;
        QTest::newRow("password with a leading space") << u"piet"_s << u" lang genoeg wachtwoord"_s;
        QTest::newRow("name with a space") << u"piet peeters"_s << clerkPassword;
        QTest::newRow("one letter") << u"p"_s << clerkPassword;
        QTest::newRow("taken, in other case") << u"AN.Peeters"_s << clerkPassword;
    }
    void accountInputIsChecked()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        StaffAccount wanted;
        wanted.username = username;
        auto made = m_accounts->createAccount(m_admin, wanted, password);
        QVERIFY(!made);
        QCOMPARE(made.error().kind, ServiceError::Kind::Invalid);
        QVERIFY(!made.error().message.isEmpty());
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM staff_accounts"_s), 2);
    }

    void signingInIsAudited()
    {
        auto staff = m_accounts->signIn(u"An.Peeters"_s, clerkPassword, u"balie-2"_s);
        QVERIFY(staff);
        QCOMPARE(staff->name, u"an.peeters"_s);
        QCOMPARE(staff->role, Role::CounterClerk);
        QCOMPARE(staff->team, u"Burgerzaken"_s);
        QCOMPARE(staff->workstation, u"balie-2"_s);
        QCOMPARE(lastEntry().action, AuditAction::Login);
        QCOMPARE(lastEntry().actor, u"an.peeters"_s);

        // A wrong password and an unknown name get the same answer; the unknown name is not kept.
        auto wrong = m_accounts->signIn(u"an.peeters"_s, u"verkeerd wachtwoord"_s, u"balie-2"_s);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, ServiceError::Kind::Denied);
        QCOMPARE(lastEntry().action, AuditAction::LoginFailed);
        QCOMPARE(details(lastEntry()).value(u"reason"_s).toString(), u"wrong_password"_s);
        auto unknown = m_accounts->signIn(u"mijn-geheime-wachtwoord"_s, u"iets"_s, u"balie-2"_s);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().message, wrong.error().message);
        QCOMPARE(lastEntry().actor, u"(unknown)"_s);
        QCOMPARE(details(lastEntry()).value(u"typed"_s).toString().size(), 32);
        QVERIFY(!Test::rows(m_store->db(), u"SELECT * FROM audit_log"_s).join(u'\n').contains(u"mijn-geheime-wachtwoord"_s));
        QVERIFY(AuditRepository(m_store->db(), key).verify().value().intact());
    }

    void lockedAfterFiveFailures()
    {
        for (int i = 1; i < AccountService::MaxFailures; ++i) {
            QVERIFY(!m_accounts->signIn(u"an.peeters"_s, u"fout wachtwoord"_s, u"ws"_s));
        }
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT failed_attempts FROM staff_accounts WHERE username = 'an.peeters'"_s), 4);
        auto fifth = m_accounts->signIn(u"an.peeters"_s, u"fout wachtwoord"_s, u"ws"_s);
        QVERIFY(!fifth);
        // Locked, but it says so only to the right password: to a wrong one, or an unknown name,
        // it answers as ever.
        const QString wrong = m_accounts->signIn(u"an.peeters"_s, u"nog fout"_s, u"ws"_s).error().message;
        QCOMPARE(fifth.error().message, wrong);
        QCOMPARE(m_accounts->signIn(u"niemand"_s, u"nog fout"_s, u"ws"_s).error().message, wrong);
        QCOMPARE(Test::rows(m_store->db(), u"SELECT details FROM audit_log WHERE action = 'login_failed' ORDER BY sequence DESC LIMIT 3"_s).at(2),
                 QString::fromUtf8(QJsonDocument(QJsonObject{{u"reason"_s, u"locked_now"_s}}).toJson(QJsonDocument::Compact)));
        // Locked: even the right password is refused, for fifteen minutes, and then it says why.
        m_store->clock().advance((AccountService::LockMinutes * 60 - 1) * 1000);
        auto early = m_accounts->signIn(u"an.peeters"_s, clerkPassword, u"ws"_s);
        QVERIFY(!early);
        QVERIFY2(early.error().message.contains(u"locked"_s), qPrintable(early.error().message));
        QCOMPARE(details(lastEntry()).value(u"reason"_s).toString(), u"locked"_s);
        m_store->clock().advance(1000);
        QVERIFY(m_accounts->signIn(u"an.peeters"_s, clerkPassword, u"ws"_s));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT failed_attempts FROM staff_accounts WHERE username = 'an.peeters'"_s), 0);
        // A success in between starts the count again.
        for (int i = 1; i < AccountService::MaxFailures; ++i) {
            QVERIFY(!m_accounts->signIn(u"an.peeters"_s, u"fout wachtwoord"_s, u"ws"_s));
        }
        QVERIFY(m_accounts->signIn(u"an.peeters"_s, clerkPassword, u"ws"_s));
        QVERIFY(!m_accounts->signIn(u"an.peeters"_s, u"fout wachtwoord"_s, u"ws"_s));
        QVERIFY(m_accounts->signIn(u"an.peeters"_s, clerkPassword, u"ws"_s));
    }

    void resetDisableAndRehash()
    {
        for (int i = 0; i < AccountService::MaxFailures; ++i) {
            QVERIFY(!m_accounts->signIn(u"an.peeters"_s, u"fout wachtwoord"_s, u"ws"_s));
        }
        const QString fresh = u"een nieuw lang wachtwoord"_s;
        QVERIFY(m_accounts->resetPassword(m_admin, u"an.peeters"_s, fresh)); // also unlocks
        QVERIFY(!m_accounts->signIn(u"an.peeters"_s, clerkPassword, u"ws"_s));
        QVERIFY(m_accounts->signIn(u"an.peeters"_s, fresh, u"ws"_s));
        QCOMPARE(m_accounts->resetPassword(m_admin, u"niemand"_s, fresh).error().kind, ServiceError::Kind::Invalid);

        QVERIFY(m_accounts->setDisabled(m_admin, u"an.peeters"_s, true));
        // Switched off: to a wrong password it answers as to any; to the right one it says so.
        const QString wrong = m_accounts->signIn(u"an.peeters"_s, u"fout wachtwoord"_s, u"ws"_s).error().message;
        QCOMPARE(wrong, m_accounts->signIn(u"niemand"_s, u"fout wachtwoord"_s, u"ws"_s).error().message);
        QVERIFY(!wrong.contains(u"switched off"_s));
        auto off = m_accounts->signIn(u"an.peeters"_s, fresh, u"ws"_s);
        QVERIFY(!off);
        QVERIFY2(off.error().message.contains(u"switched off"_s), qPrintable(off.error().message));
        QCOMPARE(details(lastEntry()).value(u"reason"_s).toString(), u"disabled"_s);
        QVERIFY(m_accounts->setDisabled(m_admin, u"an.peeters"_s, false));

        // A hash of before (PBKDF2): the next sign-in makes it again as Argon2id.
        Statement old(m_store->db(), u"UPDATE staff_accounts SET password_hash = ? WHERE username = 'an.peeters'"_s);
        QVERIFY(old.exec({PasswordHash::makePbkdf2(fresh, 1000)}));
        old.finish();
        QVERIFY(m_accounts->signIn(u"an.peeters"_s, fresh, u"ws"_s));
        const QString stored = Test::rows(m_store->db(), u"SELECT password_hash FROM staff_accounts WHERE username = 'an.peeters'"_s).first();
        QVERIFY2(stored.startsWith(u"$argon2id$"_s), qPrintable(stored));
        QVERIFY(m_accounts->signIn(u"an.peeters"_s, fresh, u"ws"_s));
    }
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
