// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "signindialog.h"

#include "privacy/accountservice.h"

#include <KLocalizedString>

#include <QApplication>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace C360
{

namespace
{
QLabel *makeProblemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("SignInProblem"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
    return label;
}

// The password check takes a moment (hundreds of thousands of hash rounds): say so.
class BusyCursor
{
public:
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};

void showProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString defaultUserName()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")).toLower();
}
} // namespace

SignInDialog::SignInDialog(AccountService &accounts, const QString &workstation, QWidget *parent)
    : SignInDialog(
          [&accounts, workstation](const QString &username, const QString &password) {
              return accounts.signIn(username, password, workstation);
          },
          parent)
{
}

SignInDialog::SignInDialog(SignInFunction signIn, QWidget *parent)
    : QDialog(parent)
    , m_signIn(std::move(signIn))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(makeProblemLabel(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("SignInDialog"));
    setWindowTitle(i18nc("@title:window", "Sign In"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/citizen360.svg")));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(i18nc("@title", "Sign in to Citizen 360"), this));
    auto *form = new QFormLayout;
    m_user->setObjectName(QStringLiteral("UserName"));
    m_user->setText(defaultUserName());
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password->setObjectName(QStringLiteral("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(i18nc("@label:textbox", "&User name:"), m_user);
    form->addRow(i18nc("@label:textbox", "&Password:"), m_password);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    m_hint->setObjectName(QStringLiteral("SignInHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->hide();
    layout->addWidget(m_hint);
    m_buttons->button(QDialogButtonBox::Ok)->setText(i18nc("@action:button", "&Sign In"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(i18nc("@action:button", "&Quit"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
    };
    connect(m_user, &QLineEdit::textChanged, this, update);
    connect(m_password, &QLineEdit::textChanged, this, update);
    update();
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
    setMinimumWidth(420);
}

void SignInDialog::setHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

void SignInDialog::setUserName(const QString &name)
{
    m_user->setText(name);
    m_password->setFocus();
}

bool SignInDialog::signIn(const QString &username, const QString &password)
{
    auto staff = [&] {
        BusyCursor busy;
        return m_signIn(username, password);
    }();
    if (!staff) {
        showProblem(m_problem, staff.error().message);
        m_password->clear();
        m_password->setFocus();
        return false;
    }
    showProblem(m_problem, QString());
    m_staff = *staff;
    return true;
}

void SignInDialog::accept()
{
    if (signIn(m_user->text().trimmed(), m_password->text())) {
        m_password->clear(); // not kept longer than needed
        QDialog::accept();
    }
}

LockDialog::LockDialog(AccountService &accounts, const StaffMember &staff, int idleMinutes, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_staff(staff)
    , m_password(new QLineEdit(this))
    , m_problem(makeProblemLabel(this))
    , m_switch(new QPushButton(i18nc("@action:button", "Sign In as &Someone Else…"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok, this))
{
    setObjectName(QStringLiteral("LockDialog"));
    setWindowTitle(i18nc("@title:window", "Citizen 360 Is Locked"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/citizen360.svg")));
    setWindowFlag(Qt::WindowCloseButtonHint, false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(i18nc("@title", "Citizen 360 is locked"), this));
    auto *why = new QLabel(idleMinutes > 0 ? i18ncp("@info; %2 a staff member",
                                                    "The window was locked after %1 minute without use. %2, enter your password to go on.",
                                                    "The window was locked after %1 minutes without use. %2, enter your password to go on.",
                                                    idleMinutes,
                                                    staff.name)
                                           : i18nc("@info; %1 a staff member", "The window was locked. %1, enter your password to go on.", staff.name),
                           this);
    why->setObjectName(QStringLiteral("LockReason"));
    why->setWordWrap(true);
    why->setTextFormat(Qt::PlainText);
    layout->addWidget(why);
    auto *form = new QFormLayout;
    m_password->setObjectName(QStringLiteral("LockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(i18nc("@label:textbox", "&Password:"), m_password);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setText(i18nc("@action:button", "&Unlock"));
    m_switch->setObjectName(QStringLiteral("SwitchUserButton"));
    m_switch->setAutoDefault(false);
    m_switch->setToolTip(i18nc("@info:tooltip", "Signs %1 out and lets you sign in. Their open case closes.", staff.name));
    m_buttons->addButton(m_switch, QDialogButtonBox::ResetRole);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LockDialog::accept);
    connect(m_switch, &QPushButton::clicked, this, &LockDialog::switchUserRequested);
    auto update = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_password->text().isEmpty());
    };
    connect(m_password, &QLineEdit::textChanged, this, update);
    update();
    m_password->setFocus();
    setMinimumWidth(420);
}

bool LockDialog::unlock(const QString &password)
{
    auto unlocked = [&] {
        BusyCursor busy;
        return m_accounts.unlock(m_staff, password);
    }();
    m_password->clear();
    if (!unlocked) {
        showProblem(m_problem, unlocked.error().message);
        m_password->setFocus();
        return false;
    }
    showProblem(m_problem, QString());
    return true;
}

void LockDialog::accept()
{
    if (unlock(m_password->text())) {
        QDialog::accept();
    }
}

void LockDialog::reject()
{
    // Escape does not open a locked window.
}

void LockDialog::closeEvent(QCloseEvent *event)
{
    event->ignore();
}

FirstRunDialog::FirstRunDialog(AccountService &accounts, const QString &workstation, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_workstation(workstation)
    , m_user(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_problem(makeProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("FirstRunDialog"));
    setWindowTitle(i18nc("@title:window", "Create the Administrator"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/citizen360.svg")));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(i18nc("@title", "Welcome to Citizen 360"), this));
    auto *intro = new QLabel(i18nc("@info",
                                   "Nobody can sign in to this store yet. Create the administrator's account: the administrator then makes an "
                                   "account for each counter clerk, call-centre agent and supervisor. Every sign-in is recorded in the audit log."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_user->setObjectName(QStringLiteral("UserName"));
    m_user->setText(defaultUserName());
    m_displayName->setObjectName(QStringLiteral("DisplayName"));
    m_displayName->setPlaceholderText(i18nc("@info:placeholder", "First name and family name"));
    m_password->setObjectName(QStringLiteral("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(i18ncp("@info:placeholder", "At least %1 character", "At least %1 characters", AccountService::MinimumPasswordLength));
    m_repeat->setObjectName(QStringLiteral("RepeatPassword"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(i18nc("@label:textbox", "&User name:"), m_user);
    form->addRow(i18nc("@label:textbox", "&Name:"), m_displayName);
    form->addRow(i18nc("@label:textbox", "&Password:"), m_password);
    form->addRow(i18nc("@label:textbox", "&Repeat password:"), m_repeat);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setText(i18nc("@action:button", "&Create and Sign In"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(i18nc("@action:button", "&Quit"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *field : {m_user, m_displayName, m_password, m_repeat}) {
        connect(field, &QLineEdit::textChanged, this, &FirstRunDialog::updateState);
    }
    updateState();
    m_displayName->setFocus();
    setMinimumWidth(480);
}

QString FirstRunDialog::fieldProblem() const
{
    if (m_user->text().trimmed().isEmpty()) {
        return i18nc("@info", "Enter a user name.");
    }
    if (m_displayName->text().trimmed().isEmpty()) {
        return i18nc("@info", "Enter the administrator's name.");
    }
    if (m_password->text().isEmpty()) {
        return {}; // nothing typed yet: no complaint, but no Create either (see updateState)
    }
    if (const QString problem = AccountService::passwordProblem(m_password->text()); !problem.isEmpty()) {
        return problem;
    }
    if (!m_repeat->text().isEmpty() && m_repeat->text() != m_password->text()) {
        return i18nc("@info", "The two passwords differ.");
    }
    return {};
}

void FirstRunDialog::updateState()
{
    const QString problem = fieldProblem();
    // No complaints before a password is typed.
    showProblem(m_problem, m_password->text().isEmpty() ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_password->text().isEmpty() && m_repeat->text() == m_password->text());
}

bool FirstRunDialog::create(const QString &username, const QString &displayName, const QString &password, const QString &repeated)
{
    if (password != repeated) {
        showProblem(m_problem, i18nc("@info", "The two passwords differ."));
        return false;
    }
    BusyCursor busy;
    auto account = m_accounts.createFirstAdministrator(username.trimmed(), displayName.trimmed(), password, m_workstation);
    if (!account) {
        showProblem(m_problem, account.error().message);
        return false;
    }
    auto staff = m_accounts.signIn(account->username, password, m_workstation);
    if (!staff) {
        showProblem(m_problem, staff.error().message);
        return false;
    }
    m_staff = *staff;
    return true;
}

void FirstRunDialog::accept()
{
    if (create(m_user->text(), m_displayName->text(), m_password->text(), m_repeat->text())) {
        m_password->clear();
        m_repeat->clear();
        QDialog::accept();
    }
}

} // namespace C360
