// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace C360
{
class PurposeModel;

// A dialog that closes only with a valid form: until then its default button is off (so Enter does
// nothing) and a line next to the field says what is missing.
class FormDialog : public QDialog
{
    Q_OBJECT
public:
    virtual bool isValid() const = 0;
    // Closes only when valid.
    void accept() override;

protected:
    using QDialog::QDialog;
    // The line that says what is missing; shown while the form is not valid.
    void setProblemLine(QLabel *line) { m_problem = line; }
    // Call when a field changes.
    void updateValidity();

private:
    QLabel *m_problem = nullptr;
};

// Asks why a profile is opened: a purpose from the configured list and, optionally, words of the
// staff member's own.
class PurposeDialog : public FormDialog
{
    Q_OBJECT
public:
    // preferred: the purpose chosen at first (none chosen when empty or unknown: the person picks).
    PurposeDialog(PurposeModel *purposes, const QString &citizenName, const QString &preferred, QWidget *parent = nullptr);
    Purpose purpose() const;
    QComboBox *choices() const { return m_choices; }
    QLineEdit *note() const { return m_note; }
    // A purpose is chosen, and "Other" has its words.
    bool isValid() const override;

private:
    QComboBox *m_choices;
    QLineEdit *m_note;
};

// Registers a contact moment: channel, subject, text, outcome. Every change is offered to
// draftChanged() so that the presenter can keep it (a crash or a closed window loses nothing).
class ContactDialog : public FormDialog
{
    Q_OBJECT
public:
    explicit ContactDialog(const ContactMoment &draft, QWidget *parent = nullptr);
    ContactMoment contact() const;
    QLineEdit *subject() const { return m_subject; }
    QPlainTextEdit *text() const { return m_text; }
    QComboBox *channel() const { return m_channel; }
    // A subject is given (what the service requires).
    bool isValid() const override;

Q_SIGNALS:
    void draftChanged(const C360::ContactMoment &contact);

private:
    ContactMoment m_base;
    QComboBox *m_channel;
    QLineEdit *m_subject;
    QPlainTextEdit *m_text;
    QComboBox *m_outcome;
};

// Creates a request: the question, who handles it and by when; shows when it will be deleted
// (the retention period after creation).
class RequestDialog : public FormDialog
{
    Q_OBJECT
public:
    // knownAssignees: offered by name; choosing one sets whether it is a team or a person.
    RequestDialog(const QDateTime &now, int retentionDays, const QList<Assignee> &knownAssignees, QWidget *parent = nullptr);
    QComboBox *assigneeKind() const { return m_assigneeKind; }
    Request request() const;
    // Shows what was typed before (request()'s fields), for a request that could not be saved.
    void setRequest(const Request &typed);
    QPlainTextEdit *question() const { return m_question; }
    QComboBox *assignee() const { return m_assignee; }
    QDateEdit *deadline() const { return m_deadline; }
    QLabel *expiry() const { return m_expiry; }
    // The question is given (what the service requires).
    bool isValid() const override;

private:
    QPlainTextEdit *m_question;
    QComboBox *m_assigneeKind;
    QComboBox *m_assignee;
    QDateEdit *m_deadline;
    QLabel *m_expiry;
};

} // namespace C360
