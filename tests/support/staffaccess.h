// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "role.h"

#include <QByteArray>
#include <QString>

namespace C360
{
class Database;
}

namespace C360::Test
{

// The password of the accounts the tests make; long enough for the password policy.
inline constexpr auto StaffPassword = "een lang genoeg wachtwoord";

// Where citizen360 and citizen360-admin, run by a ProcessRunner with home, keep their secrets (no
// keychain here: the files of SecretStore::personal()).
QString personalSecretsFolder(const QString &home);
// The audit key of db (made for an empty log) where the programs run with home find it; empty
// when it cannot be had.
QByteArray auditKeyFor(Database &db, const QString &home);
// Makes the account username with role in db (the first one the administrator, who makes the
// others; audited), unless it exists, and a credentials file for it in home (mode 0600), whose
// path it returns; empty when it could not.
QString addAccount(Database &db, const QString &home, const QString &username, Role role);
// The store at path (made when missing) with the administrator "beheer" and its credentials file,
// whose path it returns, as `init --admin` leaves a store; empty when it could not be done.
QString storeWithAdministrator(const QString &path, const QString &home);
// A credentials file (mode 0600) for username and password in home; its path.
QString writeCredentials(const QString &home, const QString &username, const QString &password = QString::fromLatin1(StaffPassword));

} // namespace C360::Test
