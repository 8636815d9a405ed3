// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// A shared desk on the real main window and a real store, offscreen: End Contact clears the case
// and its purpose; the window locks after its idle time and opens only to the password of whoever
// signed in (Escape does not, a wrong password is audited); Switch User signs the previous person
// out once the next has signed in; Sign Out asks who is next, or quits. Each step is audited.

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "case/searchworker.h"
#include "casedialogs.h"
#include "casepresenter.h"
#include "caseview.h"
#include "citizenbuilder.h"
#include "common/settings.h"
#include "desksession.h"
#include "mainwindow.h"
#include "privacy/accountservice.h"
#include "purposemodel.h"
#include "searchresultmodel.h"
#include "signindialog.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'd');
const QString clerkPassword = u"balie-wachtwoord-1"_s;
const QString colleaguePassword = u"collega-wachtwoord-2"_s;
} // namespace

class TestDeskSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_backing;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<RequestService> m_requests;
    std::unique_ptr<CatalogueService> m_catalogue;
    std::unique_ptr<SearchWorker> m_worker;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<CasePresenter> m_presenter;
    std::unique_ptr<DeskSession> m_desk;
    StaffMember m_clerk;
    qint64 m_citizen = 0;

    qint64 audited(const QString &condition) { return Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE "_s + condition); }

    bool openCase()
    {
        QSignalSpy opened(m_presenter.get(), &CasePresenter::caseOpened);
        return m_presenter->openCase(m_citizen, Purpose{u"phone_call"_s, QString()}) && opened.count() == 1;
    }

    // Signs in on the sign-in dialog the desk shows, as a person would.
    bool signInOnDialog(const QString &user, const QString &password)
    {
        SignInDialog *dialog = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    dialog = m_desk->signInDialog();
                    return dialog && dialog->isVisible();
                },
                5000)) {
            return false;
        }
        dialog->userNameField()->setText(user);
        dialog->passwordField()->setText(password);
        dialog->accept();
        return !dialog->isVisible();
    }

private Q_SLOTS:
    void init()
    {
        m_backing = std::make_unique<QSettings>(m_dir.filePath(u"desk.ini"_s), QSettings::IniFormat);
        m_backing->clear();
        m_settings = std::make_unique<Settings>(m_backing.get());
        m_store = std::make_unique<Test::TempStore>();
        Database &db = m_store->open();
        m_audit = std::make_unique<AuditService>(db, key);
        m_accounts = std::make_unique<AccountService>(*m_audit, PasswordHash::Cost::Light);
        QVERIFY(m_accounts->createFirstAdministrator(u"beheer"_s, u"Dana Eeckhout"_s, u"beheerder-wachtwoord"_s, u"balie-3"_s));
        const StaffMember admin(u"beheer"_s, Role::Administrator, u"balie-3"_s);
        StaffAccount clerk;
        clerk.username = u"an.balie"_s;
        clerk.displayName = u"An Balie"_s;
        clerk.role = Role::CounterClerk;
        QVERIFY(m_accounts->createAccount(admin, clerk, clerkPassword));
        StaffAccount colleague;
        colleague.username = u"bert.balie"_s;
        colleague.displayName = u"Bert Balie"_s;
        colleague.role = Role::CounterClerk;
        QVERIFY(m_accounts->createAccount(admin, colleague, colleaguePassword));
        auto signedIn = m_accounts->signIn(clerk.username, clerkPassword, u"balie-3"_s);
        QVERIFY(signedIn);
        m_clerk = *signedIn;
        m_citizen = CitizenRepository(db)
                        .insert(Test::CitizenBuilder().withName(u"Lotte"_s, u"Claes"_s).withNationalNumber(45).withPhone(u"+32475123456"_s).build())
                        .value_or(0);
        QVERIFY(m_citizen);
        m_cases = std::make_unique<CaseService>(*m_audit);
        m_requests = std::make_unique<RequestService>(*m_audit);
        m_catalogue = std::make_unique<CatalogueService>(*m_audit);
        m_worker = std::make_unique<SearchWorker>(m_store->path(), key, m_store->clock());
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_presenter = std::make_unique<CasePresenter>(*m_window, *m_cases, *m_requests, *m_catalogue, *m_worker, m_clerk, m_store->clock());
        m_window->setSignedIn(m_clerk);
        m_desk = std::make_unique<DeskSession>(*m_window, *m_presenter, *m_accounts, m_clerk);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_desk.reset();
        m_presenter.reset();
        m_window.reset();
        m_worker.reset();
        m_cases.reset();
        m_accounts.reset();
        m_audit.reset();
        m_store.reset();
    }

    // End Contact: the case closes, the purpose is forgotten (asked again for the same citizen),
    // the search is empty, and the end is in the audit log with the citizen and the purpose.
    void endContactClearsTheCaseAndItsPurpose()
    {
        QVERIFY(openCase());
        m_window->searchField()->setText(u"claes"_s);
        QVERIFY(m_window->endContactAction()->isEnabled());
        m_window->endContactAction()->trigger();
        QVERIFY(m_presenter->runningPurpose().isEmpty());
        QCOMPARE(m_presenter->runningCitizen(), 0);
        QVERIFY(!m_presenter->caseView()->hasCase());
        QVERIFY(!m_presenter->caseView()->isVisible());
        QVERIFY(m_window->searchField()->text().isEmpty());
        QVERIFY(!m_window->endContactAction()->isEnabled());
        QCOMPARE(audited(u"action = 'contact_ended' AND purpose_code = 'phone_call' AND subject_citizen_id = %1"_s.arg(m_citizen)), 1);
        // The same citizen again: a new contact, so its purpose is asked again.
        m_presenter->requestOpen(m_citizen);
        QTRY_VERIFY(m_window->findChild<PurposeDialog *>() && m_window->findChild<PurposeDialog *>()->isVisible());
        m_window->findChild<PurposeDialog *>()->reject();
    }

    // After its idle time the window locks: covered, the lock audited; Escape and a wrong
    // password leave it locked (the failure audited); the right password opens it on the same case.
    void theWindowLocksWhenIdle()
    {
        QVERIFY(openCase());
        QSignalSpy locked(m_desk.get(), &DeskSession::locked);
        m_desk->setIdleTimeout(std::chrono::milliseconds(300));
        QVERIFY(locked.wait(5000));
        QVERIFY(m_desk->isLocked());
        QVERIFY(m_window->isCovered());
        LockDialog *lock = m_desk->lockDialog();
        QVERIFY(lock);
        QTRY_VERIFY(lock->isVisible());
        QCOMPARE(audited(u"action = 'session_locked' AND actor = 'an.balie'"_s), 1);

        QTest::keyClick(lock, Qt::Key_Escape);
        QVERIFY(lock->isVisible());
        QVERIFY(m_window->isCovered());
        const qint64 failed = audited(u"action = 'login_failed'"_s);
        QVERIFY(!lock->unlock(u"niet-het-wachtwoord"_s));
        QVERIFY(lock->problemLabel()->isVisible());
        QVERIFY(lock->isVisible());
        QCOMPARE(audited(u"action = 'login_failed'"_s), failed + 1);

        QSignalSpy unlocked(m_desk.get(), &DeskSession::unlocked);
        lock->passwordField()->setText(clerkPassword);
        lock->accept();
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(!m_desk->isLocked());
        QVERIFY(!m_window->isCovered());
        QCOMPARE(m_presenter->runningCitizen(), m_citizen); // the lock does not end the contact
        QVERIFY(m_presenter->caseView()->hasCase());
        // Someone at the keyboard keeps it open: the idle time starts again with each key.
        m_desk->setIdleTimeout(std::chrono::minutes(5));
        QVERIFY(!m_desk->isLocked());
    }

    // Switch User: the next person signs in; only then is the previous one signed out (their
    // contact ended). Cancelled, the window stays locked for whoever was signed in.
    void switchUserSignsThePreviousPersonOut()
    {
        QVERIFY(openCase());
        QSignalSpy changed(m_desk.get(), &DeskSession::staffChanged);
        m_window->switchUserAction()->trigger();
        QVERIFY(m_window->isCovered());
        QTRY_VERIFY(m_desk->signInDialog() && m_desk->signInDialog()->isVisible());
        m_desk->signInDialog()->reject();
        QTRY_VERIFY(m_desk->lockDialog() && m_desk->lockDialog()->isVisible());
        QCOMPARE(m_presenter->runningCitizen(), m_citizen);
        QCOMPARE(audited(u"action = 'logout'"_s), 0);

        Q_EMIT m_desk->lockDialog()->switchUserButton()->clicked();
        QVERIFY(signInOnDialog(u"bert.balie"_s, colleaguePassword));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_desk->staff().name, u"bert.balie"_s);
        QCOMPARE(m_presenter->staff().name, u"bert.balie"_s);
        QVERIFY(!m_window->isCovered());
        QVERIFY(m_window->findChild<QLabel *>(u"UserLabel"_s)->text().contains(u"bert.balie"_s));
        QCOMPARE(m_presenter->runningCitizen(), 0);
        QCOMPARE(audited(u"action = 'contact_ended' AND actor = 'an.balie'"_s), 1);
        QCOMPARE(audited(u"action = 'logout' AND actor = 'an.balie' AND details LIKE '%switch_user%'"_s), 1);
        QCOMPARE(audited(u"action = 'login' AND actor = 'bert.balie'"_s), 1);
        QVERIFY(AuditRepository(m_store->db(), key).verify().value().intact());
    }

    // Sign Out: the session ends (audited), nobody's name shows, and the next person signs in;
    // or nobody does, and the application quits.
    void signOutAsksWhoIsNext()
    {
        QVERIFY(openCase());
        m_window->signOutAction()->trigger();
        QVERIFY(m_window->isCovered());
        QVERIFY(!m_window->findChild<QLabel *>(u"UserLabel"_s)->isVisible());
        QCOMPARE(audited(u"action = 'logout' AND actor = 'an.balie' AND details LIKE '%sign_out%'"_s), 1);
        QCOMPARE(m_presenter->runningCitizen(), 0);
        QVERIFY(signInOnDialog(u"bert.balie"_s, colleaguePassword));
        QCOMPARE(m_desk->staff().name, u"bert.balie"_s);
        QVERIFY(!m_window->isCovered());

        QSignalSpy quit(m_desk.get(), &DeskSession::quitRequested);
        m_window->signOutAction()->trigger();
        QTRY_VERIFY(m_desk->signInDialog() && m_desk->signInDialog()->isVisible());
        m_desk->signInDialog()->reject();
        QCOMPARE(quit.count(), 1);
    }

    // On a shared store's own login the window's connection is the person's: Switch User, Sign
    // Out and "Sign In as Someone Else" on the lock sign the person out (audited, their contact
    // ended) and ask for the application to start again, never for a sign-in on this connection.
    void aWindowOnOnesOwnLoginRestartsForTheNextPerson()
    {
        m_desk->setRestartsForNextPerson(true);
        QSignalSpy restart(m_desk.get(), &DeskSession::restartRequested);
        QVERIFY(openCase());
        m_window->switchUserAction()->trigger();
        QCOMPARE(restart.count(), 1);
        QVERIFY(!m_desk->signInDialog());
        QVERIFY(m_window->isCovered());
        QCOMPARE(m_presenter->runningCitizen(), 0);
        QCOMPARE(audited(u"action = 'contact_ended' AND actor = 'an.balie'"_s), 1);
        QCOMPARE(audited(u"action = 'logout' AND actor = 'an.balie' AND details LIKE '%sign_out%'"_s), 1);
    }

    void theLockOfOnesOwnLoginRestartsForSomeoneElse()
    {
        m_desk->setRestartsForNextPerson(true);
        QSignalSpy restart(m_desk.get(), &DeskSession::restartRequested);
        m_window->lockAction()->trigger();
        QTRY_VERIFY(m_desk->lockDialog() && m_desk->lockDialog()->isVisible());
        Q_EMIT m_desk->lockDialog()->switchUserButton()->clicked();
        QCOMPARE(restart.count(), 1);
        QVERIFY(!m_desk->signInDialog());
        QCOMPARE(audited(u"action = 'logout' AND actor = 'an.balie'"_s), 1);
    }
};

QTEST_MAIN(TestDeskSession)
#include "tst_desksession.moc"
