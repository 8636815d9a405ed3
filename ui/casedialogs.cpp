// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "casedialogs.h"

#include "purposemodel.h"

#include <KLocalizedString>

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace C360
{

namespace
{
QDialogButtonBox *buttons(QDialog *dialog, const QString &okText)
{
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    box->button(QDialogButtonBox::Ok)->setText(okText);
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

// A choice changes only when the person turns to it: the wheel over a list that does not have the
// focus scrolls the dialog, not the choice (typing goes to the focused field anyway).
class ChoiceGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Wheel && !static_cast<QWidget *>(watched)->hasFocus()) {
            event->ignore();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
};

void guardChoice(QComboBox *combo)
{
    combo->setFocusPolicy(Qt::StrongFocus);
    combo->installEventFilter(new ChoiceGuard(combo));
}

// The line under a field that says what it still needs; hidden while the field is fine.
QLabel *problemLine(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setItalic(true);
    label->setFont(font);
    return label;
}

void addChannels(QComboBox *combo)
{
    combo->addItem(i18nc("@item channel", "Counter"), int(Channel::Counter));
    combo->addItem(i18nc("@item channel", "Phone"), int(Channel::Phone));
    combo->addItem(i18nc("@item channel", "E-mail"), int(Channel::Email));
    combo->addItem(i18nc("@item channel", "Chat"), int(Channel::Chat));
    combo->addItem(i18nc("@item channel", "Letter"), int(Channel::Letter));
    combo->addItem(i18nc("@item channel", "App"), int(Channel::App));
}
} // namespace

void FormDialog::accept()
{
    if (isValid()) {
        QDialog::accept();
    }
}

void FormDialog::updateValidity()
{
    const bool valid = isValid();
    if (m_problem) {
        m_problem->setVisible(!valid);
    }
    if (auto *box = findChild<QDialogButtonBox *>()) {
        box->button(QDialogButtonBox::Ok)->setEnabled(valid);
    }
}

PurposeDialog::PurposeDialog(PurposeModel *purposes, const QString &citizenName, const QString &preferred, QWidget *parent)
    : FormDialog(parent)
    , m_choices(new QComboBox(this))
    , m_note(new QLineEdit(this))
{
    setObjectName(QStringLiteral("PurposeDialog"));
    setWindowTitle(i18nc("@title:window", "Purpose"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(i18nc("@info", "Why do you open the profile of %1? This is recorded in the audit log.", citizenName), this);
    intro->setTextFormat(Qt::PlainText); // the name is a synced one: text, whatever it looks like
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_choices->setObjectName(QStringLiteral("PurposeChoice"));
    m_choices->setModel(purposes);
    m_choices->setCurrentIndex(preferred.isEmpty() ? -1 : purposes->rowOf(preferred));
    m_choices->setAccessibleName(i18nc("@label accessible", "Purpose"));
    m_note->setObjectName(QStringLiteral("PurposeNote"));
    m_note->setAccessibleName(i18nc("@label accessible", "Purpose in your own words"));
    m_note->setPlaceholderText(i18nc("@info:placeholder", "Optional"));
    m_note->setMaxLength(200);
    auto *problem = problemLine(this, QStringLiteral("PurposeProblem"), i18nc("@info", "Say in a few words why: “Other” needs them."));
    setProblemLine(problem);
    form->addRow(i18nc("@label:listbox", "&Purpose:"), m_choices);
    form->addRow(i18nc("@label:textbox", "&Note:"), m_note);
    form->addRow(QString(), problem);
    layout->addLayout(form);
    layout->addWidget(buttons(this, i18nc("@action:button", "&Open Profile")));
    connect(m_choices, &QComboBox::currentIndexChanged, this, &PurposeDialog::updateValidity);
    connect(m_note, &QLineEdit::textChanged, this, &PurposeDialog::updateValidity);
    updateValidity();
}

bool PurposeDialog::isValid() const
{
    const Purpose p = purpose();
    return !p.code.isEmpty() && (p.code != QLatin1String("other") || !p.text.isEmpty());
}

Purpose PurposeDialog::purpose() const
{
    return {m_choices->currentData(PurposeModel::CodeRole).toString(), m_note->text().trimmed()};
}

ContactDialog::ContactDialog(const ContactMoment &draft, QWidget *parent)
    : FormDialog(parent)
    , m_base(draft)
    , m_channel(new QComboBox(this))
    , m_subject(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_outcome(new QComboBox(this))
{
    setObjectName(QStringLiteral("ContactDialog"));
    setWindowTitle(i18nc("@title:window", "Register Contact"));
    auto *form = new QFormLayout(this);
    m_channel->setObjectName(QStringLiteral("ContactChannel"));
    m_channel->setAccessibleName(i18nc("@label accessible", "Channel"));
    addChannels(m_channel);
    m_channel->setCurrentIndex(m_channel->findData(int(draft.channel)));
    m_subject->setObjectName(QStringLiteral("ContactSubject"));
    m_subject->setAccessibleName(i18nc("@label accessible", "Subject"));
    m_subject->setMaxLength(200);
    m_subject->setText(draft.subject);
    m_text->setObjectName(QStringLiteral("ContactText"));
    m_text->setAccessibleName(i18nc("@label accessible", "What was said"));
    m_text->setTabChangesFocus(true);
    m_text->setPlainText(draft.text);
    m_outcome->setObjectName(QStringLiteral("ContactOutcome"));
    m_outcome->setAccessibleName(i18nc("@label accessible", "Outcome"));
    m_outcome->addItem(i18nc("@item contact outcome", "Answered"), int(ContactOutcome::Answered));
    m_outcome->addItem(i18nc("@item contact outcome", "Referred"), int(ContactOutcome::Referred));
    m_outcome->addItem(i18nc("@item contact outcome", "Callback needed"), int(ContactOutcome::CallbackNeeded));
    m_outcome->setCurrentIndex(m_outcome->findData(int(draft.outcome)));
    guardChoice(m_channel);
    guardChoice(m_outcome);
    auto *problem = problemLine(this, QStringLiteral("ContactProblem"), i18nc("@info", "Give the contact a subject: what was it about?"));
    setProblemLine(problem);
    form->addRow(i18nc("@label:listbox", "&Channel:"), m_channel);
    form->addRow(i18nc("@label:textbox", "&Subject:"), m_subject);
    form->addRow(QString(), problem);
    form->addRow(i18nc("@label:textbox", "&What was said:"), m_text);
    form->addRow(i18nc("@label:listbox", "&Outcome:"), m_outcome);
    form->addRow(buttons(this, i18nc("@action:button", "&Register")));
    // The cursor starts where the person types first: not on a choice that typing would change.
    m_subject->setFocus(Qt::OtherFocusReason);
    connect(m_subject, &QLineEdit::textChanged, this, &ContactDialog::updateValidity);
    updateValidity();
    auto changed = [this] {
        Q_EMIT draftChanged(contact());
    };
    connect(m_channel, &QComboBox::currentIndexChanged, this, changed);
    connect(m_subject, &QLineEdit::textEdited, this, changed);
    connect(m_text, &QPlainTextEdit::textChanged, this, changed);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, changed);
    resize(520, 380);
}

bool ContactDialog::isValid() const
{
    return !m_subject->text().trimmed().isEmpty();
}

ContactMoment ContactDialog::contact() const
{
    ContactMoment c = m_base;
    c.channel = Channel(m_channel->currentData().toInt());
    c.subject = m_subject->text().trimmed();
    c.text = m_text->toPlainText().trimmed();
    c.outcome = ContactOutcome(m_outcome->currentData().toInt());
    return c;
}

RequestDialog::RequestDialog(const QDateTime &now, int retentionDays, const QList<Assignee> &knownAssignees, QWidget *parent)
    : FormDialog(parent)
    , m_question(new QPlainTextEdit(this))
    , m_assigneeKind(new QComboBox(this))
    , m_assignee(new QComboBox(this))
    , m_deadline(new QDateEdit(this))
    , m_expiry(new QLabel(this))
{
    setObjectName(QStringLiteral("RequestDialog"));
    setWindowTitle(i18nc("@title:window", "New Request"));
    auto *form = new QFormLayout(this);
    m_question->setObjectName(QStringLiteral("RequestQuestion"));
    m_question->setAccessibleName(i18nc("@label accessible", "The citizen's question"));
    m_question->setTabChangesFocus(true);
    m_assigneeKind->setObjectName(QStringLiteral("RequestAssigneeKind"));
    m_assigneeKind->setAccessibleName(i18nc("@label accessible", "Assign to a team or a person"));
    m_assigneeKind->addItem(i18nc("@item:inlistbox", "Team"), int(AssigneeKind::Team));
    m_assigneeKind->addItem(i18nc("@item:inlistbox", "Person"), int(AssigneeKind::Person));
    m_assignee->setObjectName(QStringLiteral("RequestAssignee"));
    m_assignee->setAccessibleName(i18nc("@label accessible", "Assignee"));
    m_assignee->setEditable(true);
    for (const Assignee &a : knownAssignees) {
        m_assignee->addItem(a.name, int(a.kind));
    }
    m_assignee->setCurrentIndex(-1);
    // A known name brings its kind along; a new one keeps the kind chosen.
    connect(m_assignee, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const int known = m_assignee->findText(text.trimmed(), Qt::MatchFixedString);
        if (known >= 0) {
            m_assigneeKind->setCurrentIndex(m_assigneeKind->findData(m_assignee->itemData(known)));
        }
    });
    m_deadline->setObjectName(QStringLiteral("RequestDeadline"));
    m_deadline->setAccessibleName(i18nc("@label accessible", "Deadline"));
    m_deadline->setCalendarPopup(true);
    const QDate today = now.toLocalTime().date();
    m_deadline->setMinimumDate(today);
    m_deadline->setDate(today.addDays(14));
    m_expiry->setObjectName(QStringLiteral("RequestExpiry"));
    m_expiry->setWordWrap(true);
    m_expiry->setText(i18ncp("@info",
                             "Kept for %1 day: deleted on %2 with its supplements.",
                             "Kept for %1 days: deleted on %2 with its supplements.",
                             retentionDays,
                             QLocale().toString(today.addDays(retentionDays), QLocale::LongFormat)));
    guardChoice(m_assigneeKind);
    auto *problem = problemLine(this, QStringLiteral("RequestProblem"), i18nc("@info", "Write down the citizen's question."));
    setProblemLine(problem);
    form->addRow(i18nc("@label:textbox", "&Question:"), m_question);
    form->addRow(QString(), problem);
    auto *who = new QHBoxLayout;
    who->addWidget(m_assigneeKind);
    who->addWidget(m_assignee, 1);
    // A row of two fields: its label is made here, with the first field as its buddy (the form
    // sets a buddy only for a single field; the & would show as it is).
    auto *handledBy = new QLabel(i18nc("@label:listbox", "&Handled by:"), this);
    handledBy->setBuddy(m_assigneeKind);
    form->addRow(handledBy, who);
    form->addRow(i18nc("@label", "&Deadline:"), m_deadline);
    form->addRow(QString(), m_expiry);
    form->addRow(buttons(this, i18nc("@action:button", "&Create Request")));
    m_question->setFocus(Qt::OtherFocusReason);
    connect(m_question, &QPlainTextEdit::textChanged, this, &RequestDialog::updateValidity);
    updateValidity();
    resize(520, 360);
}

bool RequestDialog::isValid() const
{
    return !m_question->toPlainText().trimmed().isEmpty();
}

Request RequestDialog::request() const
{
    Request r;
    r.question = m_question->toPlainText().trimmed();
    r.assignee = {AssigneeKind(m_assigneeKind->currentData().toInt()), m_assignee->currentText().trimmed()};
    r.deadline = QDateTime(m_deadline->date(), QTime(17, 0)).toUTC();
    return r;
}

void RequestDialog::setRequest(const Request &typed)
{
    m_question->setPlainText(typed.question);
    m_assignee->setEditText(typed.assignee.name);
    m_assigneeKind->setCurrentIndex(m_assigneeKind->findData(int(typed.assignee.kind)));
    if (typed.deadline.isValid()) {
        m_deadline->setDate(typed.deadline.toLocalTime().date());
    }
}

} // namespace C360
