// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "desksession.h"

#include "casepresenter.h"
#include "mainwindow.h"
#include "privacy/accountservice.h"
#include "signindialog.h"

#include <KLocalizedString>

#include <QApplication>
#include <QEvent>
#include <QLineEdit>

namespace C360
{

DeskSession::DeskSession(MainWindow &window, CasePresenter &presenter, AccountService &accounts, const StaffMember &staff, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_presenter(presenter)
    , m_accounts(accounts)
    , m_staff(staff)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_state == State::Working && m_staff.isValid()) {
            const int minutes = int(std::chrono::duration_cast<std::chrono::minutes>(m_idle.intervalAsDuration()).count());
            if (auto recorded = m_accounts.recordLock(m_staff, minutes); !recorded) {
                m_window.showStatus(recorded.error().message, 15000);
            }
            showLock(minutes);
        }
    });
    connect(m_window.endContactAction(), &QAction::triggered, this, &DeskSession::endContact);
    connect(m_window.lockAction(), &QAction::triggered, this, &DeskSession::lock);
    connect(m_window.switchUserAction(), &QAction::triggered, this, &DeskSession::switchUser);
    connect(m_window.signOutAction(), &QAction::triggered, this, &DeskSession::signOut);
    qApp->installEventFilter(this);
}

DeskSession::~DeskSession()
{
    qApp->removeEventFilter(this);
}

void DeskSession::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idle.setInterval(timeout);
    if (timeout.count() > 0 && m_state == State::Working && m_staff.isValid()) {
        m_idle.start();
    } else {
        m_idle.stop();
    }
}

bool DeskSession::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        // Someone is at the desk: the idle time starts again.
        if (m_state == State::Working && m_idle.interval() > 0 && m_staff.isValid()) {
            m_idle.start();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void DeskSession::endContact()
{
    m_presenter.endContact();
}

void DeskSession::lock()
{
    if (m_state != State::Working || !m_staff.isValid()) {
        return;
    }
    if (auto recorded = m_accounts.recordLock(m_staff, 0); !recorded) {
        m_window.showStatus(recorded.error().message, 15000);
    }
    showLock(0);
}

void DeskSession::switchUser()
{
    if (m_state != State::Working) {
        return;
    }
    if (m_restarts) {
        signOut();
        return;
    }
    m_idle.stop();
    cover(true);
    showSignIn(After::Lock);
}

void DeskSession::signOut()
{
    if (m_state != State::Working) {
        return;
    }
    endSession();
}

void DeskSession::endSession()
{
    m_idle.stop();
    m_presenter.endContact();
    if (m_staff.isValid()) {
        if (auto out = m_accounts.signOut(m_staff, AccountService::SignOutReason::SignedOut); !out) {
            m_window.showStatus(out.error().message, 15000);
        }
    }
    const QString workstation = m_staff.workstation;
    m_staff = StaffMember{};
    m_staff.workstation = workstation;
    m_window.setSignedOut();
    cover(true);
    // Whatever the previous person had open is theirs: closed, not shown to the next.
    for (const QPointer<QWidget> &w : std::as_const(m_hidden)) {
        if (w) {
            w->close();
        }
    }
    m_hidden.clear();
    if (m_restarts) {
        Q_EMIT restartRequested();
        return;
    }
    showSignIn(After::Quit);
}

void DeskSession::cover(bool on)
{
    m_window.setCovered(on);
    if (on) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w != &m_window && w->isVisible() && w != m_lockDialog && w != m_signInDialog && !w->inherits("QMenu")) {
                m_hidden.append(w);
                w->hide();
            }
        }
        return;
    }
    for (const QPointer<QWidget> &w : std::as_const(m_hidden)) {
        if (w) {
            w->show();
        }
    }
    m_hidden.clear();
}

void DeskSession::showLock(int idleMinutes)
{
    m_state = State::Locked;
    m_idle.stop();
    cover(true);
    auto *dialog = new LockDialog(m_accounts, m_staff, idleMinutes, &m_window);
    m_lockDialog = dialog;
    dialog->setWindowModality(Qt::ApplicationModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        dialog->deleteLater();
        m_state = State::Working;
        cover(false);
        if (m_idle.interval() > 0) {
            m_idle.start();
        }
        Q_EMIT unlocked();
    });
    connect(dialog, &LockDialog::switchUserRequested, this, [this, dialog] {
        dialog->done(QDialog::Rejected);
        dialog->deleteLater();
        if (m_restarts) {
            // The locked person is signed out; the application starts again for the next.
            endSession();
            return;
        }
        showSignIn(After::Lock);
    });
    dialog->open();
    Q_EMIT locked();
}

void DeskSession::showSignIn(After cancelled)
{
    m_state = State::SigningIn;
    auto *dialog = new SignInDialog(m_accounts, m_staff.workstation, &m_window);
    m_signInDialog = dialog;
    dialog->setWindowModality(Qt::ApplicationModal);
    dialog->setUserName(QString()); // the next person types their own
    dialog->userNameField()->setFocus();
    connect(dialog, &QDialog::finished, this, [this, dialog, cancelled](int result) {
        dialog->deleteLater();
        if (result == QDialog::Accepted) {
            signedIn(dialog->staff());
        } else if (cancelled == After::Quit) {
            Q_EMIT quitRequested();
        } else {
            // Whoever was signed in still is, behind the lock.
            if (auto recorded = m_accounts.recordLock(m_staff, 0); !recorded) {
                m_window.showStatus(recorded.error().message, 15000);
            }
            showLock(0);
        }
    });
    dialog->open();
}

void DeskSession::signedIn(StaffMember staff)
{
    if (staff.team.isEmpty()) {
        staff.team = m_defaultTeam;
    }
    if (m_staff.isValid()) {
        // Someone else at the desk: the previous person's contact ends, and their session.
        m_presenter.endContact();
        if (auto out = m_accounts.signOut(m_staff, AccountService::SignOutReason::SwitchedUser); !out) {
            m_window.showStatus(out.error().message, 15000);
        }
        for (const QPointer<QWidget> &w : std::as_const(m_hidden)) {
            if (w) {
                w->close();
            }
        }
        m_hidden.clear();
    }
    m_staff = staff;
    m_presenter.setStaff(staff);
    m_window.setSignedIn(staff);
    m_state = State::Working;
    cover(false);
    if (m_idle.interval() > 0) {
        m_idle.start();
    }
    Q_EMIT staffChanged(staff);
}

} // namespace C360
