// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace C360
{
class AccountService;
class CasePresenter;
class LockDialog;
class MainWindow;
class SignInDialog;

// A shared desk: who works at the window, and the doors between people. *End Contact* ends the
// running contact (the case closes, the purpose is asked again for the next citizen); *Lock*
// (by hand, or after the idle time without a key or mouse press) covers the window until the
// password of whoever signed in is given; *Switch User* lets someone else sign in, signing the
// previous person out once they have; *Sign Out* ends the session and asks who signs in next (or
// quits). Each step is audited through AccountService and CaseService (contact_ended,
// session_locked, login, login_failed, logout).
class DeskSession : public QObject
{
    Q_OBJECT
public:
    DeskSession(MainWindow &window, CasePresenter &presenter, AccountService &accounts, const StaffMember &staff, QObject *parent = nullptr);
    ~DeskSession() override;

    const StaffMember &staff() const { return m_staff; }
    bool isLocked() const { return m_state != State::Working; }
    // The team of someone who signs in without one in their account (the desk's setting).
    void setDefaultTeam(const QString &team) { m_defaultTeam = team; }
    // The window's connection is the person's own login of a shared store (the connection is the
    // sign-in): Switch User and Sign Out end the session and ask for the application to start
    // again (restartRequested), which asks who signs in next.
    void setRestartsForNextPerson(bool on) { m_restarts = on; }
    // The time without use after which the window locks; zero turns the lock off.
    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const { return m_idle.intervalAsDuration(); }
    // The dialog that is open now (for tests and the screenshot tour): the lock, or the sign-in.
    LockDialog *lockDialog() const { return m_lockDialog; }
    SignInDialog *signInDialog() const { return m_signInDialog; }

public Q_SLOTS:
    void endContact();
    void lock();
    void switchUser();
    void signOut();

Q_SIGNALS:
    void staffChanged(const C360::StaffMember &staff);
    void locked();
    void unlocked();
    // Nobody signs in after a sign-out: the application ends.
    void quitRequested();
    // The session ended on a window that restarts for the next person (setRestartsForNextPerson).
    void restartRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class State { Working, Locked, SigningIn };
    enum class After { Quit, Lock };
    void cover(bool on);
    void showLock(int idleMinutes);
    // Asks who signs in; cancelled: quit, or back to the lock of whoever is signed in.
    void showSignIn(After cancelled);
    void signedIn(StaffMember staff);
    // Signs out whoever is signed in (audited), closes what they had open, and asks who is next.
    void endSession();

    MainWindow &m_window;
    CasePresenter &m_presenter;
    AccountService &m_accounts;
    StaffMember m_staff;
    QString m_defaultTeam;
    QTimer m_idle;
    State m_state = State::Working;
    bool m_restarts = false;
    QPointer<LockDialog> m_lockDialog;
    QPointer<SignInDialog> m_signInDialog;
    QList<QPointer<QWidget>> m_hidden; // windows hidden while locked, shown again after
};

} // namespace C360
