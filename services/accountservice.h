// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditservice.h"

#include <QDateTime>

namespace c360
{
class Database;

// A local staff account as an administrator sees it (never its password hash).
struct StaffAccount
{
    qint64 id = 0;
    QString username;
    QString displayName;
    Role role = Role::CounterClerk;
    QString team;
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC; invalid: not locked
    bool disabled = false;
    QDateTime created;
};

// Passwords as PBKDF2-HMAC-SHA-256 with a 16-byte random salt, stored as
// "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64), so that a later, higher iteration count still
// verifies the hashes made before it.
namespace PasswordHash
{
constexpr int DefaultIterations = 600000; // OWASP's figure for PBKDF2-HMAC-SHA-256 (2023)
QString make(const QString &password, int iterations = DefaultIterations);
bool verify(const QString &password, const QString &stored);
} // namespace PasswordHash

// Local accounts for the four roles: an administrator made at first run, then the accounts an
// administrator makes. Signing in is audited (login, login_failed); after MaxFailures failed
// attempts in a row the account is locked for LockMinutes, also audited.
class AccountService
{
public:
    static constexpr int MaxFailures = 5;
    static constexpr int LockMinutes = 15;
    static constexpr int MinimumPasswordLength = 12;

    // iterations: PasswordHash::DefaultIterations; tests may ask for fewer.
    explicit AccountService(AuditService &audit, int iterations = PasswordHash::DefaultIterations);

    Expected<bool, ServiceError> hasAccounts();
    // The first administrator, only while there is no account at all.
    Expected<StaffAccount, ServiceError>
    createFirstAdministrator(const QString &username, const QString &displayName, const QString &password, const QString &workstation);
    // By an administrator (ManageUsers); audited as a change.
    Expected<StaffAccount, ServiceError> createAccount(const StaffMember &admin, const StaffAccount &account, const QString &password);
    Expected<QList<StaffAccount>, ServiceError> accounts(const StaffMember &admin);
    // Sets a new password, and unlocks; by an administrator, audited.
    Expected<void, ServiceError> resetPassword(const StaffMember &admin, const QString &username, const QString &password);
    Expected<void, ServiceError> setDisabled(const StaffMember &admin, const QString &username, bool disabled);

    // Signs in: the staff member (with the account's role and team, at workstation) or why not,
    // the same Denied message for an unknown user and a wrong password.
    Expected<StaffMember, ServiceError> signIn(const QString &username, const QString &password, const QString &workstation);

    // What is wrong with password (translated), or empty.
    static QString passwordProblem(const QString &password);

private:
    AuditService &m_audit;
    Database &m_db;
    int m_iterations;
};

} // namespace c360
