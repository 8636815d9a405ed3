// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"

#include <QDateTime>

#include <memory>
#include <optional>

namespace C360
{
class Clock;
class Database;
class StoreLocation;

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

// Passwords as Argon2id (libsodium's crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=1$SALT$HASH",
// a random salt, its cost in the string). Hashes made before (PBKDF2-HMAC-SHA-256,
// "pbkdf2-sha256$ITERATIONS$SALT$HASH") still verify, and are made again as Argon2id at the next
// sign-in (needsRehash).
namespace PasswordHash
{
enum class Cost {
    Standard, // 64 MiB and two passes (libsodium's "interactive"): every real account
    Light, // the minimum: training's practice accounts, whose password is published anyway, and tests
};
QString make(const QString &password, Cost cost = Cost::Standard);
bool verify(const QString &password, const QString &stored);
// Whether stored should be made again (with the password, known after a good sign-in): a PBKDF2
// hash, or an Argon2id one of another cost.
bool needsRehash(const QString &stored, Cost cost);
// PBKDF2 as it was made before Argon2id, for tests of the upgrade.
constexpr int Pbkdf2Iterations = 600000;
QString makePbkdf2(const QString &password, int iterations = Pbkdf2Iterations);
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

    // cost: of the hashes it makes (PasswordHash::Cost::Light for training and tests only).
    explicit AccountService(AuditService &audit, PasswordHash::Cost cost = PasswordHash::Cost::Standard);

    Expected<bool, ServiceError> hasAccounts();
    // Whether the first administrator may be made in a store that already holds data: only by
    // `citizen360-admin init --admin`, for a store of an older version; never from the first-run
    // dialog, where whoever starts the application first would become its administrator.
    enum class ExistingData { Refuse, Allow };
    // The first administrator, only while there is no account at all (and, unless allowed, no data).
    Expected<StaffAccount, ServiceError> createFirstAdministrator(
        const QString &username, const QString &displayName, const QString &password, const QString &workstation, ExistingData existing = ExistingData::Refuse);
    // By an administrator (ManageUsers); audited as a change.
    Expected<StaffAccount, ServiceError> createAccount(const StaffMember &admin, const StaffAccount &account, const QString &password);
    Expected<QList<StaffAccount>, ServiceError> accounts(const StaffMember &admin);
    // Sets a new password, and unlocks; by an administrator, audited.
    Expected<void, ServiceError> resetPassword(const StaffMember &admin, const QString &username, const QString &password);
    Expected<void, ServiceError> setDisabled(const StaffMember &admin, const QString &username, bool disabled);

    // Signs in: the staff member (with the account's role and team, at workstation) or why not.
    // It costs one hash check whatever the name, and says nothing of the account until the right
    // password is given: an unknown name, a wrong password, and a disabled or locked account with
    // a wrong password all get the same Denied message; only with the right one does a disabled or
    // locked account say so.
    Expected<StaffMember, ServiceError> signIn(const QString &username, const QString &password, const QString &workstation);
    // The end of staff's session at the workstation (logout), and why: they signed out, or someone
    // else signed in at the same desk.
    enum class SignOutReason { SignedOut, SwitchedUser };
    Expected<void, ServiceError> signOut(const StaffMember &staff, SignOutReason reason);
    // The window was locked (session_locked): after idleMinutes without use, or by hand (0).
    Expected<void, ServiceError> recordLock(const StaffMember &staff, int idleMinutes);
    // Unlocks the window locked for staff: their own password, checked (and audited) as signIn()
    // does, failures counted towards the account's lock; the staff member again, or why not.
    Expected<StaffMember, ServiceError> unlock(const StaffMember &staff, const QString &password);

    // What is wrong with password (translated), or empty.
    static QString passwordProblem(const QString &password);

    // Who the server signed in, on a shared store from schema 9 on: a staff member's own login
    // (their account's role and team), or the installation (the role that installed the store,
    // or a superuser: an administrator, whose session holds the audit key). None on a desk's file
    // or an older schema; Denied for a login of the server that is no enabled staff member here.
    struct ServerSignIn
    {
        StaffMember staff;
        bool installation = false;
    };
    static Expected<std::optional<ServerSignIn>, ServiceError> signedInByServer(Database &db, const QString &workstation);

    // Signs in to a shared store as user's own login of the server: opens the store at location
    // as user with password (kept for this process's other connections to it, setServerPassword,
    // forgotten again when it does not work), and says whom the server signed in. A wrong
    // password is Denied with the server's words; a login that is no staff member here too.
    struct OpenedAs
    {
        std::unique_ptr<Database> db;
        std::optional<ServerSignIn> signIn; // none: a store before schema 9
        QString name; // the store's name as user (for the process's other connections)
    };
    static Expected<OpenedAs, ServiceError>
    openAs(const StoreLocation &location, const QString &user, const QString &password, Clock &clock, const QString &workstation);

    // Accounts made from now on are logins of the server (createAccount, schema 9), not accounts
    // with a password hash in the store: for whoever the server signed in (signedInByServer).
    void setServerLogins(bool on) { m_serverLogins = on; }

private:
    // createAccount on a shared store signed in to as a staff member's own role: a login of the
    // server in the role's group, made by the store (c360_add_staff).
    Expected<StaffAccount, ServiceError> createLogin(const StaffMember &admin, StaffAccount account, const QString &password);
    // signIn() on a staff member's own login: the session's own user only (the lock screen), the
    // password checked by the server.
    Expected<StaffMember, ServiceError> signInThroughServer(const QString &username, const QString &password, const QString &workstation);

    AuditService &m_audit;
    Database &m_db;
    PasswordHash::Cost m_cost;
    bool m_serverLogins = false;
};

} // namespace C360
