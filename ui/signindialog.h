// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"
#include "common/serviceerror.h"
#include "expected.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace C360
{
class AccountService;

// Signing in at the start: user name and password, checked by AccountService (which audits each
// attempt and locks an account after repeated failures). A refusal is shown in the dialog, the
// password field cleared; the dialog accepts once someone is signed in.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    // Who a user name and password sign in, or why not (translated).
    using SignInFunction = std::function<Expected<StaffMember, ServiceError>(const QString &username, const QString &password)>;

    // A local account of the store, checked by accounts.
    SignInDialog(AccountService &accounts, const QString &workstation, QWidget *parent = nullptr);
    // Any other way of signing in: a shared store's own logins, where the connection is the sign-in.
    explicit SignInDialog(SignInFunction signIn, QWidget *parent = nullptr);

    // Shown under the fields, e.g. training mode's practice accounts.
    void setHint(const QString &text);
    void setUserName(const QString &name);
    // Signs in with these; false with the reason shown.
    bool signIn(const QString &username, const QString &password);
    StaffMember staff() const { return m_staff; }

    QLineEdit *userNameField() const { return m_user; }
    QLineEdit *passwordField() const { return m_password; }
    QLabel *problemLabel() const { return m_problem; }

    void accept() override;

private:
    SignInFunction m_signIn;
    StaffMember m_staff;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_problem;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

// The first start on a store without accounts: the administrator creates their own account (the
// first account is always the administrator's, and only an administrator makes the others), and
// is then signed in with it.
// The window locked after idle time (or by hand): only the password of whoever signed in opens it
// again (checked and audited as a sign-in, failures counted towards the account's lock). Escape
// and the close button do not unlock; someone else at the desk chooses "Sign In as Someone Else",
// which signs the locked person out.
class LockDialog : public QDialog
{
    Q_OBJECT
public:
    // idleMinutes: why it locked (0: by hand).
    LockDialog(AccountService &accounts, const StaffMember &staff, int idleMinutes, QWidget *parent = nullptr);

    // Unlocks with password; false with the reason shown.
    bool unlock(const QString &password);
    QLineEdit *passwordField() const { return m_password; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *switchUserButton() const { return m_switch; }

    void accept() override;
    void reject() override; // stays locked

Q_SIGNALS:
    void switchUserRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    AccountService &m_accounts;
    StaffMember m_staff;
    QLineEdit *m_password;
    QLabel *m_problem;
    QPushButton *m_switch;
    QDialogButtonBox *m_buttons;
};

class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    FirstRunDialog(AccountService &accounts, const QString &workstation, QWidget *parent = nullptr);

    // Creates the administrator and signs in; false with the reason shown.
    bool create(const QString &username, const QString &displayName, const QString &password, const QString &repeated);
    StaffMember staff() const { return m_staff; }

    QLineEdit *userNameField() const { return m_user; }
    QLineEdit *displayNameField() const { return m_displayName; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *repeatField() const { return m_repeat; }
    QLabel *problemLabel() const { return m_problem; }
    // What is wrong with the fields as they are (translated), or empty: what enables Create.
    QString fieldProblem() const;

    void accept() override;

private:
    void updateState();

    AccountService &m_accounts;
    QString m_workstation;
    StaffMember m_staff;
    QLineEdit *m_user;
    QLineEdit *m_displayName;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace C360
