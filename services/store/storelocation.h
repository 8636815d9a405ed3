// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace C360
{

// Where a store is, as --database names it: the path of an SQLite file (one workstation), or a
// PostgreSQL connection URI in libpq's form, postgresql://[user@]host[:port]/dbname[?key=value&…]
// (a town hall's shared store). A password never appears in the name: libpq finds it in
// PGPASSWORD, ~/.pgpass or PGPASSFILE, the application asks for it, and peer, GSSAPI or
// certificate authentication need none.
class StoreLocation
{
public:
    enum class Engine {
        SQLite,
        PostgreSQL,
    };

    // What a name is not: a URI with a password in it, or one libpq would not read.
    enum class Problem {
        None,
        PasswordInUri,
        MalformedUri,
    };

    // Reads name: a postgresql:// or postgres:// URI, otherwise a file path (not checked here).
    static StoreLocation parse(const QString &name);
    // Whether name is meant as a PostgreSQL URI (even a malformed one).
    static bool isServerName(const QString &name);

    Engine engine() const { return m_engine; }
    bool isServer() const { return m_engine == Engine::PostgreSQL; }
    Problem problem() const { return m_problem; }
    // The translated sentence for problem(); empty when there is none.
    QString problemMessage() const;

    // SQLite: the file's path. PostgreSQL: empty.
    QString filePath() const { return m_filePath; }
    // PostgreSQL: the parts of the URI. An empty host means libpq's default (its Unix socket folder
    // or PGHOST); a host starting with '/' is a socket folder; several hosts and ports are
    // comma-separated, as libpq takes them; an empty port means libpq's default.
    QString host() const { return m_host; }
    QString port() const { return m_port; }
    QString databaseName() const { return m_databaseName; }
    QString userName() const { return m_userName; }
    // The URI's other parameters (sslmode, sslrootcert, connect_timeout, application_name, …), in
    // order, passed to libpq as they are.
    const QList<QPair<QString, QString>> &options() const { return m_options; }
    std::optional<QString> option(const QString &key) const;

    // How the store is named to a person: the path, or the URI as given without anything secret.
    QString displayName() const;
    // The key a password for this server and user is kept under (never the password itself).
    QString credentialKey() const;
    // The same store as another user of its server (a staff member's own login).
    StoreLocation withUserName(const QString &user) const
    {
        StoreLocation other = *this;
        other.m_userName = user;
        return other;
    }

private:
    Engine m_engine = Engine::SQLite;
    Problem m_problem = Problem::None;
    QString m_filePath;
    QString m_host;
    QString m_port;
    QString m_databaseName;
    QString m_userName;
    QList<QPair<QString, QString>> m_options;
};

} // namespace C360
