// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "staffaccess.h"

#include "audit/auditservice.h"
#include "common/clock.h"
#include "privacy/accountservice.h"
#include "privacy/auditkey.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/statement.h"

#include <QDir>
#include <QFile>

namespace C360::Test
{

QString personalSecretsFolder(const QString &home)
{
    return home + QStringLiteral("/data/citizen360/secrets");
}

QByteArray auditKeyFor(Database &db, const QString &home)
{
    FileSecretStore secrets(personalSecretsFolder(home));
    auto key = AuditKey::load(db, secrets);
    if (!key) {
        qWarning("no audit key: %s", qPrintable(key.error()));
        return {};
    }
    return *key;
}

QString writeCredentials(const QString &home, const QString &username, const QString &password)
{
    const QString path = home + QStringLiteral("/credentials-") + username;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return {};
    }
    file.write(username.toUtf8() + '\n' + password.toUtf8() + '\n');
    return path;
}

QString addAccount(Database &db, const QString &home, const QString &username, Role role)
{
    const QByteArray key = auditKeyFor(db, home);
    if (key.isEmpty()) {
        return {};
    }
    {
        // Made before (a second sync into the same store): its credentials again.
        Statement existing(db, QStringLiteral("SELECT 1 FROM staff_accounts WHERE username = ?"));
        if (existing.exec({username}) && existing.next()) {
            return writeCredentials(home, username);
        }
    }
    AuditService audit(db, key);
    // The light hash keeps the tests quick; the programs upgrade it at the first sign-in.
    AccountService accounts(audit, PasswordHash::Cost::Light);
    const QString password = QString::fromLatin1(StaffPassword);
    auto any = accounts.hasAccounts();
    if (!any) {
        return {};
    }
    if (!*any) {
        if (role != Role::Administrator ||
            !accounts.createFirstAdministrator(username, username, password, QStringLiteral("test"), AccountService::ExistingData::Allow)) {
            return {};
        }
    } else {
        StaffAccount account;
        account.username = username;
        account.displayName = username;
        account.role = role;
        if (!accounts.createAccount(StaffMember(QStringLiteral("beheer"), Role::Administrator, QStringLiteral("test")), account, password)) {
            return {};
        }
    }
    return writeCredentials(home, username);
}

QString storeWithAdministrator(const QString &path, const QString &home)
{
    auto db = Database::open(path, Database::OpenMode::Create, SystemClock::instance());
    if (!db) {
        return {};
    }
    return addAccount(**db, home, QStringLiteral("beheer"), Role::Administrator);
}

} // namespace C360::Test
