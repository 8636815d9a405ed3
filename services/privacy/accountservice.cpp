// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "privacy/accountservice.h"

#include "store/storeidentity.h"

#include "common/clock.h"
#include "constanttime.h"
#include "store/database.h"
#include "store/servicetransaction.h"
#include "store/sqldialect.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/storelocation.h"

#include <KLocalizedString>

#include <libpq-fe.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace C360
{

namespace
{
const QString scheme = QStringLiteral("pbkdf2-sha256");
constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;

// PBKDF2-HMAC-SHA-256, as earlier versions hashed passwords (OpenSSL's, so that this layer needs
// no Qt Network); empty when it fails.
QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(HashBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(utf8.constData(),
                          int(utf8.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()),
                          iterations,
                          EVP_sha256(),
                          int(key.size()),
                          reinterpret_cast<unsigned char *>(key.data())) != 1) {
        return {};
    }
    return key;
}

struct Argon2Limits
{
    unsigned long long ops;
    size_t memory;
};

Argon2Limits limitsOf(PasswordHash::Cost cost)
{
    return cost == PasswordHash::Cost::Standard ? Argon2Limits{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}
                                                : Argon2Limits{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// A hash of nothing anyone types, of the given cost: what an unknown name is checked against, so
// that it costs what a known one does.
const QString &dummyHash(PasswordHash::Cost cost)
{
    static const QString standard = PasswordHash::make(QStringLiteral("\x01 no such account \x01"), PasswordHash::Cost::Standard);
    static const QString light = PasswordHash::make(QStringLiteral("\x01 no such account \x01"), PasswordHash::Cost::Light);
    return cost == PasswordHash::Cost::Standard ? standard : light;
}

const QString accountColumns = QStringLiteral("id, username, display_name, role, team, failed_attempts, locked_until, disabled, created_at, password_hash");

StaffAccount readAccount(const Statement &row)
{
    StaffAccount a;
    a.id = row.value(0).toLongLong();
    a.username = row.value(1).toString();
    a.displayName = row.value(2).toString();
    a.role = fromKey<Role>(row.value(3).toString()).value_or(Role::CounterClerk);
    a.team = row.value(4).toString();
    a.failedAttempts = row.value(5).toInt();
    a.lockedUntil = Sql::toDateTime(row.value(6));
    a.disabled = row.value(7).toBool();
    a.created = Sql::toDateTime(row.value(8));
    return a;
}

// The change entry for an account: what happened to which account (never a password).
Expected<void, ServiceError>
auditAccountChange(AuditService &audit, const StaffMember &admin, const QString &what, const QString &account, QJsonObject details = {})
{
    details.insert(QStringLiteral("what"), what);
    details.insert(QStringLiteral("account"), account);
    auto entry = audit.record(admin, AuditAction::Change, 0, Purpose{QStringLiteral("account_management"), QString()}, AuditOutcome::Success, details);
    if (!entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return {};
}

ServiceError signInRefused(const QString &message)
{
    return {ServiceError::Kind::Denied, message};
}

QString notStaffMessage(const QString &user)
{
    return i18nc("@info", "The server signed you in as “%1”, who is no staff member of this store, or whose account is switched off.", user);
}

QString wrongCredentials()
{
    return i18nc("@info", "The user name or the password is wrong. Check both and try again.");
}
} // namespace

QString PasswordHash::make(const QString &password, Cost cost)
{
    if (!sodiumReady()) {
        qFatal("libsodium could not be initialised");
    }
    const QByteArray utf8 = password.toUtf8();
    const Argon2Limits limits = limitsOf(cost);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), limits.ops, limits.memory) != 0) {
        qFatal("Argon2id: out of memory");
    }
    return QString::fromLatin1(out);
}

QString PasswordHash::makePbkdf2(const QString &password, int iterations)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltBytes / int(sizeof(quint32)));
    return scheme + QLatin1Char('$') + QString::number(iterations) + QLatin1Char('$') + QString::fromLatin1(salt.toBase64()) + QLatin1Char('$') +
        QString::fromLatin1(derive(password, salt, iterations).toBase64());
}

bool PasswordHash::needsRehash(const QString &stored, Cost cost)
{
    if (!stored.startsWith(QLatin1String("$argon2id$")) || !sodiumReady()) {
        return true;
    }
    const Argon2Limits limits = limitsOf(cost);
    return crypto_pwhash_str_needs_rehash(stored.toLatin1().constData(), limits.ops, limits.memory) != 0;
}

bool PasswordHash::verify(const QString &password, const QString &stored)
{
    if (stored.startsWith(QLatin1String("$argon2id$"))) {
        const QByteArray utf8 = password.toUtf8();
        const QByteArray hash = stored.toLatin1();
        if (!sodiumReady() || hash.size() >= qsizetype(crypto_pwhash_STRBYTES)) {
            return false;
        }
        return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
    }
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != scheme) {
        return false;
    }
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    if (!ok || iterations <= 0 || salt.isEmpty() || expected.size() != HashBytes) {
        return false;
    }
    return sameBytesInConstantTime(derive(password, salt, iterations), expected);
}

AccountService::AccountService(AuditService &audit, PasswordHash::Cost cost)
    : m_audit(audit)
    , m_db(audit.database())
    , m_cost(cost)
{
}

QString AccountService::passwordProblem(const QString &password)
{
    if (password.size() < MinimumPasswordLength) {
        return i18ncp("@info", "A password needs at least %1 character.", "A password needs at least %1 characters.", MinimumPasswordLength);
    }
    if (password.trimmed() != password) {
        return i18nc("@info", "A password may not begin or end with a space.");
    }
    return {};
}

Expected<bool, ServiceError> AccountService::hasAccounts()
{
    auto any = selectId(m_db, QStringLiteral("SELECT id FROM staff_accounts LIMIT 1"), {});
    if (!any) {
        return unexpected(asServiceError(any.error()));
    }
    return any->has_value();
}

Expected<StaffAccount, ServiceError> AccountService::createFirstAdministrator(
    const QString &username, const QString &displayName, const QString &password, const QString &workstation, ExistingData existing)
{
    auto any = hasAccounts();
    if (!any) {
        return unexpected(any.error());
    }
    if (*any) {
        return unexpected(ServiceError::invalid(i18nc("@info", "There are accounts already: an administrator makes new ones.")));
    }
    if (existing == ExistingData::Refuse) {
        auto holdsData = StoreIdentity::holdsData(m_audit.database());
        if (!holdsData) {
            return unexpected(asServiceError(holdsData.error()));
        }
        if (*holdsData) {
            return unexpected(ServiceError::invalid(i18nc(
                "@info", "This store already holds data, so its administrator is not made here: use citizen360-admin init --database FILE --admin NAME.")));
        }
    }
    StaffAccount account;
    account.username = username;
    account.displayName = displayName;
    account.role = Role::Administrator;
    // The first administrator makes themselves: as themselves.
    return createAccount(StaffMember{username.trimmed(), Role::Administrator, workstation}, account, password);
}

Expected<StaffAccount, ServiceError> AccountService::createAccount(const StaffMember &admin, const StaffAccount &wanted, const QString &password)
{
    if (auto permitted = m_audit.permit(admin, Operation::ManageUsers); !permitted) {
        return unexpected(permitted.error());
    }
    StaffAccount account = wanted;
    account.username = account.username.trimmed();
    account.displayName = account.displayName.trimmed();
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (!validName.match(account.username).hasMatch()) {
        return unexpected(ServiceError::invalid(i18nc("@info", "A user name has 2 to 64 letters, digits, dots, hyphens or underscores, such as an.peeters.")));
    }
    if (m_serverLogins || m_audit.writesThroughServer()) {
        return createLogin(admin, account, password);
    }
    if (const QString problem = passwordProblem(password); !problem.isEmpty()) {
        return unexpected(ServiceError::invalid(problem));
    }
    if (account.displayName.isEmpty()) {
        account.displayName = account.username;
    }
    return inTransaction<StaffAccount>(m_db, [&]() -> Expected<StaffAccount, ServiceError> {
        auto taken = selectId(m_db, QStringLiteral("SELECT id FROM staff_accounts WHERE username = ?"), {account.username});
        if (!taken) {
            return unexpected(asServiceError(taken.error()));
        }
        if (*taken) {
            return unexpected(ServiceError::invalid(i18nc("@info", "There is an account called “%1” already.", account.username)));
        }
        const QVariant now = Sql::fromDateTime(m_db.clock().now());
        Statement insert(m_db,
                         QStringLiteral("INSERT INTO staff_accounts (username, display_name, role, team, password_hash, created_at, password_changed_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        if (auto r = insert.exec({account.username, account.displayName, toKey(account.role), account.team, PasswordHash::make(password, m_cost), now, now});
            !r) {
            return unexpected(asServiceError(r.error()));
        }
        account.id = insert.next() ? insert.value(0).toLongLong() : 0;
        insert.finish(); // done before the audit entry's savepoint, which SQLite cannot release while it runs
        account.created = Sql::toDateTime(now);
        if (auto r = auditAccountChange(m_audit, admin, QStringLiteral("account_created"), account.username, {{QStringLiteral("role"), toKey(account.role)}});
            !r) {
            return unexpected(r.error());
        }
        return account;
    });
}

Expected<std::optional<AccountService::ServerSignIn>, ServiceError> AccountService::signedInByServer(Database &db, const QString &workstation)
{
    if (db.dialect().engine() != StoreLocation::Engine::PostgreSQL || db.schemaVersion() < 9) {
        return std::optional<ServerSignIn>();
    }
    Statement who(
        db, QStringLiteral("SELECT session_user::text, current_user = 'c360_owner' OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)"));
    if (auto r = who.exec({}); !r || !who.next()) {
        return unexpected(asServiceError(r ? db.error(StoreError::Code::Query) : r.error()));
    }
    ServerSignIn signIn;
    const QString user = who.value(0).toString();
    signIn.installation = who.value(1).toBool();
    who.finish();
    if (signIn.installation) {
        signIn.staff = StaffMember(user, Role::Administrator, workstation);
        return std::optional<ServerSignIn>(signIn);
    }
    const QString notStaff = notStaffMessage(user);
    Statement staff(db, QStringLiteral("SELECT c360_staff_role(), (SELECT s.team FROM staff_accounts s WHERE s.username = session_user::text)"));
    if (auto r = staff.exec({}); !r) {
        // A login without the staff's groups may not even ask.
        return unexpected(r.error().code == StoreError::Code::PermissionDenied ? ServiceError{ServiceError::Kind::Denied, notStaff}
                                                                               : asServiceError(r.error()));
    }
    const auto role = staff.next() ? fromKey<Role>(staff.value(0).toString()) : std::nullopt;
    if (!role) {
        return unexpected(ServiceError{ServiceError::Kind::Denied, notStaff});
    }
    signIn.staff = StaffMember(user, *role, workstation, staff.value(1).toString());
    return std::optional<ServerSignIn>(signIn);
}

Expected<AccountService::OpenedAs, ServiceError>
AccountService::openAs(const StoreLocation &location, const QString &user, const QString &password, Clock &clock, const QString &workstation)
{
    const StoreLocation as = location.withUserName(user.trimmed());
    Database::setServerPassword(as, password);
    auto opened = Database::open(as.displayName(), Database::OpenMode::ReadWrite, clock);
    if (!opened) {
        Database::setServerPassword(as, QString());
        const bool refused = opened.error().code == StoreError::Code::AuthenticationFailed || opened.error().code == StoreError::Code::PasswordNeeded;
        if (opened.error().code == StoreError::Code::PermissionDenied) {
            // In, but not even allowed to read the store's version: no staff member here.
            return unexpected(ServiceError{ServiceError::Kind::Denied, notStaffMessage(as.userName())});
        }
        return unexpected(ServiceError{refused ? ServiceError::Kind::Denied : ServiceError::Kind::Store, opened.error().message()});
    }
    auto who = signedInByServer(**opened, workstation);
    if (!who) {
        Database::setServerPassword(as, QString());
        return unexpected(std::move(who).error());
    }
    OpenedAs result;
    result.db = std::move(*opened);
    result.signIn = *who;
    result.name = as.displayName();
    return result;
}

Expected<StaffAccount, ServiceError> AccountService::createLogin(const StaffMember &admin, StaffAccount account, const QString &password)
{
    // The server's user names: PostgreSQL folds unquoted names to small letters, and a name that
    // needs quoting is one a person mistypes at every sign-in.
    static const QRegularExpression loginName(QStringLiteral("^[a-z][a-z0-9._-]{1,62}$"));
    if (!loginName.match(account.username).hasMatch()) {
        return unexpected(ServiceError::invalid(i18nc(
            "@info",
            "A user name of a shared store has 2 to 63 small letters, digits, dots, hyphens or underscores and begins with a letter, such as an.peeters.")));
    }
    // No password: the server signs the person in by other means (GSSAPI/Kerberos, a certificate).
    QVariant verifier;
    if (!password.isEmpty()) {
        if (const QString problem = passwordProblem(password); !problem.isEmpty()) {
            return unexpected(ServiceError::invalid(problem));
        }
        // Hashed here (SCRAM-SHA-256, libpq's own): the password itself never reaches the server,
        // so no statement log can hold it.
        char *encrypted = PQencryptPasswordConn(m_db.postgresHandle(), password.toUtf8().constData(), account.username.toUtf8().constData(), "scram-sha-256");
        if (!encrypted) {
            return unexpected(asServiceError(m_db.error(StoreError::Code::Query, QStringLiteral("the password could not be prepared for the server"))));
        }
        verifier = QString::fromLatin1(encrypted);
        PQfreemem(encrypted);
    }
    auto taken = selectId(m_db,
                          QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ? UNION ALL SELECT 1 FROM staff_accounts WHERE username = ?"),
                          {account.username, account.username});
    if (!taken) {
        return unexpected(asServiceError(taken.error()));
    }
    if (*taken) {
        return unexpected(ServiceError::invalid(i18nc("@info", "The server has a user called “%1” already.", account.username)));
    }
    // The store makes the login, its group and the account, and audits it (schema 9).
    Statement add(m_db, QStringLiteral("SELECT c360_add_staff(?, ?, ?, ?, ?, ?)"));
    if (auto r = add.exec({account.username, toKey(account.role), account.displayName, account.team, verifier, admin.workstation}); !r) {
        return unexpected(asServiceError(r.error()));
    }
    account.id = add.next() ? add.value(0).toLongLong() : 0;
    account.created = m_db.clock().now();
    return account;
}

Expected<QList<StaffAccount>, ServiceError> AccountService::accounts(const StaffMember &admin)
{
    if (auto permitted = m_audit.permit(admin, Operation::ManageUsers); !permitted) {
        return unexpected(permitted.error());
    }
    // A staff member's role reads the directory, never the lockout or a password hash.
    const QString columns =
        m_audit.writesThroughServer() ? QStringLiteral("id, username, display_name, role, team, 0, NULL, disabled, created_at, ''") : accountColumns;
    auto all = selectAll(m_db, QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM staff_accounts ORDER BY username"), {}, readAccount);
    if (!all) {
        return unexpected(asServiceError(all.error()));
    }
    return *all;
}

Expected<void, ServiceError> AccountService::resetPassword(const StaffMember &admin, const QString &username, const QString &password)
{
    if (auto permitted = m_audit.permit(admin, Operation::ManageUsers); !permitted) {
        return unexpected(permitted.error());
    }
    if (const QString problem = passwordProblem(password); !problem.isEmpty()) {
        return unexpected(ServiceError::invalid(problem));
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        Statement update(m_db,
                         QStringLiteral("UPDATE staff_accounts SET password_hash = ?, failed_attempts = 0, locked_until = NULL, password_changed_at = ? "
                                        "WHERE username = ?"));
        if (auto r = update.exec({PasswordHash::make(password, m_cost), Sql::fromDateTime(m_db.clock().now()), username.trimmed()}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        if (update.numRowsAffected() == 0) {
            return unexpected(ServiceError::invalid(i18nc("@info", "There is no account called “%1”.", username.trimmed())));
        }
        if (auto r = auditAccountChange(m_audit, admin, QStringLiteral("password_reset"), username.trimmed()); !r) {
            return r;
        }
        return {};
    });
}

Expected<void, ServiceError> AccountService::setDisabled(const StaffMember &admin, const QString &username, bool disabled)
{
    if (auto permitted = m_audit.permit(admin, Operation::ManageUsers); !permitted) {
        return unexpected(permitted.error());
    }
    if (m_serverLogins || m_audit.writesThroughServer()) {
        // The account and its login, and the grants it held; audited by the store.
        auto known = selectId(m_db, QStringLiteral("SELECT id FROM staff_accounts WHERE username = ?"), {username.trimmed()});
        if (!known) {
            return unexpected(asServiceError(known.error()));
        }
        if (!*known) {
            return unexpected(ServiceError::invalid(i18nc("@info", "There is no account called “%1”.", username.trimmed())));
        }
        if (username.trimmed() == admin.name) {
            return unexpected(ServiceError::invalid(i18nc("@info", "Nobody switches off their own account.")));
        }
        Statement change(m_db, QStringLiteral("SELECT c360_set_staff_disabled(?, ?, ?)"));
        if (auto r = change.exec({username.trimmed(), disabled, admin.workstation}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        return {};
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        Statement update(m_db, QStringLiteral("UPDATE staff_accounts SET disabled = ? WHERE username = ?"));
        if (auto r = update.exec({disabled ? 1 : 0, username.trimmed()}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        if (update.numRowsAffected() == 0) {
            return unexpected(ServiceError::invalid(i18nc("@info", "There is no account called “%1”.", username.trimmed())));
        }
        if (auto r = auditAccountChange(m_audit, admin, disabled ? QStringLiteral("account_disabled") : QStringLiteral("account_enabled"), username.trimmed());
            !r) {
            return r;
        }
        return {};
    });
}

Expected<StaffMember, ServiceError> AccountService::signInThroughServer(const QString &username, const QString &password, const QString &workstation)
{
    // The connection is the session's sign-in: its login is who works here. The password is
    // checked by the server on a connection of its own; the server logs its own refusals.
    auto server = signedInByServer(m_db, workstation);
    if (!server) {
        return unexpected(std::move(server).error());
    }
    if (!*server || (*server)->installation) {
        return unexpected(signInRefused(wrongCredentials()));
    }
    const StaffMember current = (*server)->staff;
    if (username.trimmed() != current.name) {
        return unexpected(signInRefused(i18nc("@info; %1 a user name",
                                              "This window works on the shared store as %1. To sign in as someone else, sign out: Citizen 360 "
                                              "starts again and asks who signs in.",
                                              current.name)));
    }
    const Purpose purpose{QStringLiteral("sign_in"), QString()};
    if (auto checked = Database::checkServerPassword(m_db.location().withUserName(current.name), password, m_db.clock()); !checked) {
        if (checked.error().code != StoreError::Code::AuthenticationFailed && checked.error().code != StoreError::Code::PasswordNeeded) {
            return unexpected(asServiceError(checked.error()));
        }
        // The store writes no login_failed for staff: the refusal is an access denied of its own.
        if (auto entry = m_audit.record(
                current,
                AuditAction::AccessDenied,
                0,
                purpose,
                AuditOutcome::Denied,
                QJsonObject{{QStringLiteral("operation"), QStringLiteral("sign_in")}, {QStringLiteral("reason"), QStringLiteral("wrong_password")}});
            !entry) {
            return unexpected(asServiceError(entry.error()));
        }
        return unexpected(signInRefused(wrongCredentials()));
    }
    if (auto entry = m_audit.record(current, AuditAction::Login, 0, purpose); !entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return current;
}

Expected<StaffMember, ServiceError> AccountService::signIn(const QString &username, const QString &password, const QString &workstation)
{
    if (m_audit.writesThroughServer()) {
        return signInThroughServer(username, password, workstation);
    }
    const QDateTime now = m_db.clock().now();
    auto found = selectAll(m_db,
                           QStringLiteral("SELECT ") + accountColumns + QStringLiteral(" FROM staff_accounts WHERE username = ?"),
                           {username.trimmed()},
                           [](const Statement &row) {
                               return std::make_pair(readAccount(row), row.value(9).toString());
                           });
    if (!found) {
        return unexpected(asServiceError(found.error()));
    }
    auto failed = [&](const StaffMember &as, const QString &reason, const QString &message) -> Expected<StaffMember, ServiceError> {
        // An unknown name is kept as a keyed hash: what was typed may be a password.
        QJsonObject details{{QStringLiteral("reason"), reason}};
        if (reason == QLatin1String("unknown_user")) {
            details.insert(QStringLiteral("typed"), m_audit.keyedHash(username.trimmed().toLower()));
        }
        if (auto entry = m_audit.record(as, AuditAction::LoginFailed, 0, Purpose{QStringLiteral("sign_in"), QString()}, AuditOutcome::Denied, details);
            !entry) {
            return unexpected(asServiceError(entry.error()));
        }
        return unexpected(signInRefused(message));
    };
    if (found->isEmpty()) {
        // One check, as for a known name, so that time does not tell which names exist.
        (void)PasswordHash::verify(password, dummyHash(m_cost));
        return failed(StaffMember{QStringLiteral("(unknown)"), Role::CounterClerk, workstation}, QStringLiteral("unknown_user"), wrongCredentials());
    }
    const auto &[account, hash] = found->first();
    const StaffMember staff{account.username, account.role, workstation, account.team};
    const bool verified = PasswordHash::verify(password, hash);
    const bool locked = account.lockedUntil.isValid() && account.lockedUntil > now;
    if (!verified && (account.disabled || locked)) {
        // Like any wrong password: what the account is, only its password may learn.
        return failed(staff, account.disabled ? QStringLiteral("disabled") : QStringLiteral("locked"), wrongCredentials());
    }
    if (account.disabled) {
        return failed(staff, QStringLiteral("disabled"), i18nc("@info", "This account is switched off. Ask an administrator."));
    }
    if (locked) {
        return failed(staff,
                      QStringLiteral("locked"),
                      i18nc("@info; %1 a time",
                            "This account is locked after too many wrong passwords, until %1. An administrator can unlock it sooner.",
                            QLocale().toString(account.lockedUntil.toLocalTime().time(), QLocale::ShortFormat)));
    }
    if (!verified) {
        const int attempts = account.failedAttempts + 1;
        const bool lock = attempts >= MaxFailures;
        Statement update(m_db, QStringLiteral("UPDATE staff_accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?"));
        if (auto r = update.exec({lock ? 0 : attempts, lock ? Sql::fromDateTime(now.addSecs(LockMinutes * 60)) : Sql::null(), account.id}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        // The lock says nothing either: a name that does not exist would not be locked.
        return failed(staff, lock ? QStringLiteral("locked_now") : QStringLiteral("wrong_password"), wrongCredentials());
    }
    Statement update(m_db, QStringLiteral("UPDATE staff_accounts SET failed_attempts = 0, locked_until = NULL, password_hash = ? WHERE id = ?"));
    // A hash of before (PBKDF2) or of another cost is made again now that the password is known.
    const QString current = PasswordHash::needsRehash(hash, m_cost) ? PasswordHash::make(password, m_cost) : hash;
    if (auto r = update.exec({current, account.id}); !r) {
        return unexpected(asServiceError(r.error()));
    }
    if (auto entry = m_audit.record(staff, AuditAction::Login, 0, Purpose{QStringLiteral("sign_in"), QString()}); !entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return staff;
}

Expected<void, ServiceError> AccountService::signOut(const StaffMember &staff, SignOutReason reason)
{
    const QJsonObject details{{QStringLiteral("reason"), reason == SignOutReason::SignedOut ? QStringLiteral("sign_out") : QStringLiteral("switch_user")}};
    if (auto entry = m_audit.record(staff, AuditAction::Logout, 0, Purpose{QStringLiteral("sign_in"), QString()}, AuditOutcome::Success, details); !entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return {};
}

Expected<void, ServiceError> AccountService::recordLock(const StaffMember &staff, int idleMinutes)
{
    const QJsonObject details{{QStringLiteral("idle_minutes"), idleMinutes}};
    if (auto entry = m_audit.record(staff, AuditAction::SessionLocked, 0, Purpose{QStringLiteral("sign_in"), QString()}, AuditOutcome::Success, details);
        !entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return {};
}

Expected<StaffMember, ServiceError> AccountService::unlock(const StaffMember &staff, const QString &password)
{
    auto signedIn = signIn(staff.name, password, staff.workstation);
    if (!signedIn) {
        return unexpected(std::move(signedIn).error());
    }
    return staff; // as signed in before, with the team this desk gave them
}

} // namespace C360
