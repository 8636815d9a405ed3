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

// Asks why a profile is opened: a purpose from the configured list and, optionally, words of the
// staff member's own.
class PurposeDialog : public QDialog
{
    Q_OBJECT
public:
    PurposeDialog(PurposeModel *purposes, const QString &citizenName, QWidget *parent = nullptr);
    Purpose purpose() const;
    QComboBox *choices() const { return m_choices; }
    QLineEdit *note() const { return m_note; }
    // A purpose is chosen, and "Other" has its words.
    bool isValid() const;
    // Closes only when valid (Enter and the default button are off until then).
    void accept() override;

private:
    void updateValidity();
    QComboBox *m_choices;
    QLineEdit *m_note;
    QLabel *m_problem;
};

// Registers a contact moment: channel, subject, text, outcome. Every change is offered to
// draftChanged() so that the presenter can keep it (a crash or a closed window loses nothing).
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ContactDialog(const ContactMoment &draft, QWidget *parent = nullptr);
    ContactMoment contact() const;
    QLineEdit *subject() const { return m_subject; }
    QPlainTextEdit *text() const { return m_text; }
    QComboBox *channel() const { return m_channel; }
    // A subject is given (what the service requires).
    bool isValid() const;
    // Closes only when valid: an empty form stays open, saying what is missing.
    void accept() override;

Q_SIGNALS:
    void draftChanged(const C360::ContactMoment &contact);

private:
    void updateValidity();
    ContactMoment m_base;
    QLabel *m_problem;
    QComboBox *m_channel;
    QLineEdit *m_subject;
    QPlainTextEdit *m_text;
    QComboBox *m_outcome;
};

// Creates a request: the question, who handles it and by when; shows when it will be deleted
// (the retention period after creation).
class RequestDialog : public QDialog
{
    Q_OBJECT
public:
    // knownAssignees: offered by name; choosing one sets whether it is a team or a person.
    RequestDialog(const QDateTime &now, int retentionDays, const QList<Assignee> &knownAssignees, QWidget *parent = nullptr);
    QComboBox *assigneeKind() const { return m_assigneeKind; }
    Request request() const;
    QPlainTextEdit *question() const { return m_question; }
    QComboBox *assignee() const { return m_assignee; }
    QDateEdit *deadline() const { return m_deadline; }
    QLabel *expiry() const { return m_expiry; }
    // The question is given (what the service requires).
    bool isValid() const;
    // Closes only when valid: an empty form stays open, saying what is missing.
    void accept() override;

private:
    void updateValidity();
    QPlainTextEdit *m_question;
    QLabel *m_problem;
    QComboBox *m_assigneeKind;
    QComboBox *m_assignee;
    QDateEdit *m_deadline;
    QLabel *m_expiry;
};

} // namespace C360
