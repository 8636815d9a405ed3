// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Signing in to the application: the first-run dialog that makes the administrator, and the
// sign-in dialog (a refusal shown and the password cleared, the lockout after five failures, the
// signed-in staff member's role), on a real store; every attempt is in the audit log.

#include "audit/auditservice.h"
#include "common/settings.h"
#include "mainwindow.h"
#include "privacy/accountservice.h"
#include "signindialog.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 's');
constexpr auto Light = PasswordHash::Cost::Light; // the standard cost is for real passwords; the rules are the same
const QString adminPassword = u"correct horse battery"_s;
const QString clerkPassword = u"balie-wachtwoord-7"_s;
} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AccountService> m_accounts;

    qint64 audited(const QString &action) { return Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = '"_s + action + u"'"_s); }

    QPushButton *okButton(QDialog &dialog) { return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok); }

    void makeAccounts()
    {
        auto admin = m_accounts->createFirstAdministrator(u"beheer"_s, u"Dana Eeckhout"_s, adminPassword, u"ws-1"_s);
        QVERIFY(admin);
        StaffAccount clerk;
        clerk.username = u"an.baert"_s;
        clerk.displayName = u"An Baert"_s;
        clerk.role = Role::CounterClerk;
        clerk.team = u"Burgerzaken"_s;
        QVERIFY(m_accounts->createAccount(StaffMember(u"beheer"_s, Role::Administrator, u"ws-1"_s), clerk, clerkPassword));
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Test::TempStore>();
        m_audit = std::make_unique<AuditService>(m_store->open(), key);
        m_accounts = std::make_unique<AccountService>(*m_audit, Light);
    }

    void cleanup()
    {
        m_accounts.reset();
        m_audit.reset();
        m_store.reset();
    }

    // The first start: Create stays off until the fields are right, says what is wrong, and
    // makes the administrator, who is then signed in.
    void firstRunMakesTheAdministrator()
    {
        QCOMPARE(m_accounts->hasAccounts().value_or(true), false);
        FirstRunDialog dialog(*m_accounts, u"ws-1"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.userNameField()->setText(u"beheer"_s);
        QTest::keyClicks(dialog.displayNameField(), u"Dana Eeckhout"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(dialog.problemLabel()->isHidden()); // no complaint before a password is typed

        QTest::keyClicks(dialog.passwordField(), u"short"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(dialog.problemLabel()->isVisible());
        QCOMPARE(dialog.problemLabel()->text(), AccountService::passwordProblem(u"short"_s));

        dialog.passwordField()->setText(adminPassword);
        QVERIFY(dialog.problemLabel()->isHidden());
        QTest::keyClicks(dialog.repeatField(), u"correct horse batter-"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(u"differ"_s));
        dialog.repeatField()->setText(adminPassword);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.problemLabel()->isHidden());

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.staff().name, u"beheer"_s);
        QCOMPARE(dialog.staff().role, Role::Administrator);
        QCOMPARE(dialog.staff().workstation, u"ws-1"_s);
        QVERIFY(dialog.passwordField()->text().isEmpty()); // not kept
        QCOMPARE(m_accounts->hasAccounts().value_or(false), true);
        QCOMPARE(audited(u"login"_s), 1);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM staff_accounts WHERE username = 'beheer' AND role = 'administrator'"_s), 1);
    }

    // A second first-run (say, two workstations at once) cannot make another administrator.
    void firstRunOnlyOnce()
    {
        makeAccounts();
        FirstRunDialog dialog(*m_accounts, u"ws-2"_s);
        QVERIFY(!dialog.create(u"indringer"_s, u"Iemand Anders"_s, adminPassword, adminPassword));
        QVERIFY(dialog.problemLabel()->text().contains(u"accounts already"_s));
        QVERIFY(!dialog.staff().isValid());
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM staff_accounts"_s), 2);
    }

    void wrongPasswordIsRefused()
    {
        makeAccounts();
        SignInDialog dialog(*m_accounts, u"balie-3"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.userNameField()->setText(u"an.baert"_s);
        QVERIFY(!okButton(dialog)->isEnabled()); // no password yet
        QTest::keyClicks(dialog.passwordField(), u"verkeerd-wachtwoord"_s);
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.problemLabel()->isVisible());
        const QString wrong = dialog.problemLabel()->text();
        QVERIFY(wrong.contains(u"wrong"_s));
        QVERIFY(dialog.passwordField()->text().isEmpty());
        QVERIFY(dialog.passwordField()->hasFocus());
        QCOMPARE(audited(u"login_failed"_s), 1);

        // An unknown name gets the very same answer.
        QVERIFY(!dialog.signIn(u"niemand"_s, u"verkeerd-wachtwoord"_s));
        QCOMPARE(dialog.problemLabel()->text(), wrong);
        QCOMPARE(audited(u"login_failed"_s), 2);
    }

    void lockedAfterFiveFailures()
    {
        makeAccounts();
        SignInDialog dialog(*m_accounts, u"balie-3"_s);
        for (int i = 0; i < AccountService::MaxFailures; ++i) {
            QVERIFY(!dialog.signIn(u"an.baert"_s, u"geraden-%1-xx"_s.arg(i)));
        }
        // The lock is told only to the right password: to a guesser it is one more wrong one.
        QVERIFY(!dialog.problemLabel()->text().contains(u"locked"_s));
        QVERIFY(dialog.problemLabel()->text().contains(u"wrong"_s));
        // Now even the right password waits for the lock to end, and learns why.
        QVERIFY(!dialog.signIn(u"an.baert"_s, clerkPassword));
        QVERIFY(dialog.problemLabel()->text().contains(u"locked"_s));
        m_store->clock().advance(qint64(AccountService::LockMinutes + 1) * 60 * 1000);
        QVERIFY(dialog.signIn(u"an.baert"_s, clerkPassword));
        QCOMPARE(dialog.staff().role, Role::CounterClerk);
    }

    // Signed in: the window shows who, and offers the audit log only to the roles that may see
    // it (the service refuses the others too; see tst_auditwindow).
    void signedInWithTheAccountsRole()
    {
        makeAccounts();
        SignInDialog dialog(*m_accounts, u"balie-3"_s);
        dialog.setHint(u"Training mode"_s);
        QVERIFY(dialog.findChild<QLabel *>(u"SignInHint"_s)->text().contains(u"Training"_s));
        dialog.setUserName(u"an.baert"_s);
        dialog.passwordField()->setText(clerkPassword);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const StaffMember clerk = dialog.staff();
        QCOMPARE(clerk, StaffMember(u"an.baert"_s, Role::CounterClerk, u"balie-3"_s, u"Burgerzaken"_s));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND actor = 'an.baert' AND workstation = 'balie-3'"_s), 1);

        QTemporaryDir dir;
        QSettings backing(dir.filePath(u"w.ini"_s), QSettings::IniFormat);
        Settings settings(&backing);
        MainWindow window(settings);
        QVERIFY(!window.auditLogAction()->isEnabled()); // nobody signed in yet
        window.setSignedIn(clerk);
        QVERIFY(!window.auditLogAction()->isEnabled());
        auto *supervision = window.findChild<QMenu *>(u"SupervisionMenu"_s);
        QVERIFY(supervision && !supervision->menuAction()->isVisible());
        auto *user = window.findChild<QLabel *>(u"UserLabel"_s);
        QVERIFY(user->text().contains(u"an.baert"_s));
        QVERIFY(user->text().contains(u"Counter clerk"_s));
        QVERIFY(window.searchField()->isEnabled());

        window.setSignedIn(StaffMember(u"els"_s, Role::Supervisor, u"t-1"_s));
        QVERIFY(window.auditLogAction()->isEnabled());
        QVERIFY(supervision->menuAction()->isVisible());
        QVERIFY(window.searchField()->isEnabled());

        // An administrator looks at the audit log but not up citizens.
        window.setSignedIn(StaffMember(u"beheer"_s, Role::Administrator, u"ws-1"_s));
        QVERIFY(window.auditLogAction()->isEnabled());
        QVERIFY(!window.searchField()->isEnabled());
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
