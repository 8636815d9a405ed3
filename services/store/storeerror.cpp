// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/storeerror.h"

#include "store/storelocation.h"

#include <KLocalizedString>

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStorageInfo>

#include <optional>

namespace C360
{

namespace
{
// The messages of a store on a PostgreSQL server, where "file" and "folder" mean nothing; nullopt
// for those that read the same for both.
std::optional<QString> serverMessage(const StoreError &e, const StoreLocation &location)
{
    const QString name = location.displayName();
    const QString server = location.host().isEmpty() ? i18nc("@info the server of a database", "this computer") : location.host();
    using Code = StoreError::Code;
    switch (e.code) {
    case Code::NoPath:
    case Code::FolderNotFound:
    case Code::NotAFile:
    case Code::NotADatabase:
    case Code::Unreachable:
    case Code::PasswordNeeded:
    case Code::AuthenticationFailed:
    case Code::PermissionDenied:
    case Code::ConnectionLost:
    case Code::Changed:
        break;
    case Code::InvalidName:
        return location.problemMessage();
    case Code::NotFound:
        return i18nc("@info",
                     "The database “%1” does not exist on the server %2. Check the address, or ask the database administrator to create it.",
                     location.databaseName(),
                     server);
    case Code::NotAStore:
        return i18nc("@info", "The database %1 holds tables of another program, not a Citizen 360 store. Nothing was changed; check the address.", name);
    case Code::NotInitialised:
        return i18nc("@info", "The database %1 is empty. Create the store first with “citizen360-admin init --database \"%1\"”.", name);
    case Code::ReadOnly:
        return i18nc("@info", "Cannot write to the database %1: the server only allows reading now (a standby, or a read-only session).", name);
    case Code::DiskFull:
        return i18nc("@info", "Cannot write to the database %1: the server's disk is full. Tell the database administrator; nothing was changed.", name);
    case Code::NewerSchema:
        return i18nc("@info",
                     "The database %1 was created by a newer version of Citizen 360 (schema version %2); this version supports up to schema "
                     "version %3. Ask your administrator to install the newer version; nothing was changed.",
                     name,
                     QString::number(e.schemaVersion),
                     QString::number(e.supportedVersion));
    case Code::OutdatedSchema:
        return i18nc("@info",
                     "The database %1 uses schema version %2; this version of Citizen 360 needs schema version %3. Upgrade it with "
                     "“citizen360-admin init --database \"%1\"”.",
                     name,
                     QString::number(e.schemaVersion),
                     QString::number(e.supportedVersion));
    case Code::Corrupt:
        return i18nc("@info", "The server of %1 reports damaged data (%2). Tell the database administrator; nothing was changed.", name, e.detail);
    case Code::Busy:
        return i18nc("@info", "The database %1 is busy: someone else is changing the same data. Try again in a moment; nothing was changed.", name);
    case Code::Io:
        return i18nc("@info", "The server of %1 could not read or write its files (%2). Tell the database administrator.", name, e.detail);
    case Code::Constraint:
        return i18nc("@info", "The change was refused by the database %1 because it conflicts with data already there (%2).", name, e.detail);
    case Code::NoDriver:
        return i18nc("@info", "The PostgreSQL driver for Qt is not installed. Ask your administrator to install the package libqt6sql6-psql.");
    case Code::NoSuchRecord:
        return i18nc("@info", "The record was not found in the database %1; it was probably removed in the meantime. Reload and try again.", name);
    case Code::Query:
        return i18nc("@info", "The database %1 reported an error: %2", name, e.detail);
    }
    return std::nullopt;
}
} // namespace

bool StoreError::isTransient() const
{
    return code == Code::Busy || code == Code::Unreachable || code == Code::ConnectionLost;
}

QString StoreError::message() const
{
    const QString file = QDir::toNativeSeparators(path);
    const StoreLocation location = StoreLocation::parse(path);
    if (location.isServer()) {
        if (auto text = serverMessage(*this, location)) {
            return *text;
        }
    }
    const QString user = location.userName().isEmpty() ? i18nc("@info the user of a database connection", "your user name") : location.userName();
    switch (code) {
    case Code::Unreachable:
        return i18nc("@info",
                     "Cannot reach the database server of %1 (%2). Check the network and the address, or ask the database administrator "
                     "whether the server runs. Nothing was changed.",
                     location.displayName(),
                     detail.trimmed());
    case Code::PasswordNeeded:
        return i18nc("@info",
                     "The database server of %1 asks for the password of %2. Enter it when asked, or keep it in the password file ~/.pgpass "
                     "(or PGPASSWORD) for the command line.",
                     location.displayName(),
                     user);
    case Code::AuthenticationFailed:
        return i18nc("@info", "The database server of %1 refused the sign-in of %2: the user name or the password is wrong.", location.displayName(), user);
    case Code::PermissionDenied:
        return i18nc(
            "@info", "The database %1 does not allow %2 to do this (%3). Ask the database administrator for the right.", location.displayName(), user, detail);
    case Code::ConnectionLost:
        return i18nc("@info",
                     "The connection to the database %1 was lost (%2). Nothing you typed is lost; Citizen 360 tries again when the server "
                     "answers.",
                     location.displayName(),
                     detail.trimmed());
    case Code::InvalidName:
        return location.problemMessage();
    case Code::Changed:
        return i18nc("@info", "Someone else changed this after you opened it. Nothing was changed: look at their change, then make yours again.");
    default:
        break;
    }
    switch (code) {
    case Code::NoPath:
        return i18nc("@info", "No database file was given. Name the store to use with --database.");
    case Code::NotFound:
        return i18nc("@info", "The database file %1 does not exist. Check the path, or create the store with “citizen360-admin init --database \"%1\"”.", file);
    case Code::FolderNotFound:
        return i18nc("@info", "Cannot create the database file %1: its folder does not exist. Create the folder first, or choose another path.", file);
    case Code::NotAFile:
        return i18nc("@info", "%1 is not a file. Give the path of a Citizen 360 database file.", file);
    case Code::NotADatabase:
        return i18nc(
            "@info", "%1 is not a Citizen 360 database: it is not an SQLite file. The file was left untouched; check that the path names the store.", file);
    case Code::NotAStore:
        return i18nc("@info",
                     "%1 is an SQLite database of another program, not a Citizen 360 store. The file was left untouched; check that the path names the store.",
                     file);
    case Code::NotInitialised:
        return i18nc("@info", "%1 is empty. Create the store first with “citizen360-admin init --database \"%1\"”.", file);
    case Code::ReadOnly:
        return i18nc("@info", "Cannot write to %1: the file or its folder is read-only. Ask your administrator for write access.", file);
    case Code::DiskFull:
        return i18nc("@info", "Cannot write to %1: the disk is full. Free some space and try again; nothing was changed.", file);
    case Code::NewerSchema:
        return i18nc("@info",
                     "%1 was created by a newer version of Citizen 360 (schema version %2); this version supports up to schema version %3. Ask your "
                     "administrator to install the newer version; the file was left untouched.",
                     file,
                     QString::number(schemaVersion),
                     QString::number(supportedVersion));
    case Code::OutdatedSchema:
        return i18nc(
            "@info",
            "%1 uses schema version %2; this version of Citizen 360 needs schema version %3. Upgrade it with “citizen360-admin init --database \"%1\"”.",
            file,
            QString::number(schemaVersion),
            QString::number(supportedVersion));
    case Code::Corrupt:
        return i18nc("@info", "%1 is damaged. Restore it from a backup; the file was left untouched.", file);
    case Code::Busy:
        return i18nc("@info", "%1 is busy: another program is writing to it. Try again in a moment.", file);
    case Code::Io:
        return i18nc("@info", "Reading or writing %1 failed (%2). Check the disk and try again.", file, detail);
    case Code::Constraint:
        return i18nc("@info", "The change was refused by %1 because it conflicts with data already there (%2).", file, detail);
    case Code::NoDriver:
        return i18nc("@info", "The SQLite driver for Qt is not installed. Ask your administrator to install the package libqt6sql6-sqlite.");
    case Code::NoSuchRecord:
        return i18nc("@info", "The record was not found in the database file %1; it was probably removed in the meantime. Reload and try again.", file);
    case Code::Query:
    case Code::Unreachable:
    case Code::PasswordNeeded:
    case Code::AuthenticationFailed:
    case Code::PermissionDenied:
    case Code::ConnectionLost:
    case Code::InvalidName:
    case Code::Changed:
        break;
    }
    return i18nc("@info", "The database %1 reported an error: %2", file, detail);
}

StoreError StoreError::fromSql(const QSqlError &error, const QString &path)
{
    StoreError e;
    e.path = path;
    e.detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // Qt's SQLite driver turns on extended result codes; the primary code is the low byte.
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    const int primary = ok ? (native & 0xff) : -1;
    switch (primary) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        e.code = Code::Busy;
        break;
    case 8: // SQLITE_READONLY
        e.code = Code::ReadOnly;
        break;
    case 10: // SQLITE_IOERR
        e.code = Code::Io;
        break;
    case 11: // SQLITE_CORRUPT
        e.code = Code::Corrupt;
        break;
    case 13: // SQLITE_FULL
        e.code = Code::DiskFull;
        break;
    case 14: // SQLITE_CANTOPEN
        e.code = Code::NotFound;
        break;
    case 19: // SQLITE_CONSTRAINT
        e.code = Code::Constraint;
        break;
    case 26: // SQLITE_NOTADB
        e.code = Code::NotADatabase;
        break;
    default:
        e.code = Code::Query;
        break;
    }
    // SQLite reports ENOSPC as SQLITE_FULL only for a short write; a full disk met while growing
    // the WAL index or syncing comes back as an I/O error. Look at the volume to tell them apart.
    if (e.code == Code::Io && !path.isEmpty()) {
        const QStorageInfo volume(QFileInfo(path).absolutePath());
        if (volume.isValid() && volume.bytesAvailable() < 1024 * 1024) {
            e.code = Code::DiskFull;
        }
    }
    return e;
}

ServiceError asServiceError(const StoreError &error)
{
    return {ServiceError::Kind::Store, error.message()};
}

} // namespace C360
