// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/accesspolicy.h"
#include "audit/auditservice.h"
#include "expected.h"
#include "store/database.h"

#include <QTextStream>

#include <memory>
#include <optional>

namespace C360
{

// Who runs a command of citizen360-admin: a staff account of the store, never the operating
// system's user name or an environment variable that names one.
struct AdminCredentials
{
    QString user; // --user NAME: the password is the first line of standard input
    QString file; // --credentials FILE or $C360_CREDENTIALS: the name, then the password (mode 0600)

    bool isEmpty() const { return user.isEmpty() && file.isEmpty(); }
    // From the options, else the environment variable C360_CREDENTIALS.
    static AdminCredentials from(const QString &user, const QString &file);
};

// The store, its audit service and the staff member who signed in for the command.
struct AdminSession
{
    std::unique_ptr<Database> db;
    std::unique_ptr<AuditService> audit;
    QByteArray key; // empty for a staff member's own login to a shared store: the server holds it
    StaffMember staff;
    // The server signed the person in (a shared store from schema 9): a staff member's own login
    // (staff already set, no key here), or the installation's role (serverInstallation).
    bool byServer = false;
    std::optional<StaffMember> serverInstallation;
};

// The next line of standard input, without echo when it is a terminal (then prompt goes to the
// terminal first). Every reader of standard input in citizen360-admin goes through here, so that
// two passwords on two lines reach the right readers.
QString readSecretLine(const QString &prompt);

// What the audit log records as the workstation of a command: this machine, the tool and the
// operating system's numeric user id (which the process cannot choose).
QString adminWorkstation();

// Opens the existing store at path for writing, signs in as who (audited, with the store's
// lockout), and checks that the account's role may do operation (a refusal is audited). When any
// of this fails: the problem, translated, on err, and the exit code (2 when nobody was named).
// On a shared store (schema 9) whose server signed in a staff member's own login, that staff
// member acts and who is not asked for; nor is it for the role that installed the store, which
// acts as its administrator when who names nobody.
Expected<AdminSession, int> openSession(const QString &path, const AdminCredentials &who, Operation operation, QTextStream &err);

// The store at path for writing with its audit service, before anyone has signed in: init's, which
// makes the first administrator. Refuses a training store.
std::optional<AdminSession> openStore(const QString &path, Database::OpenMode mode, QTextStream &err);

} // namespace C360
