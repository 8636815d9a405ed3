// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/storeerror.h"

#include <KLocalizedString>

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStorageInfo>

namespace C360
{

QString StoreError::message() const
{
    const QString file = QDir::toNativeSeparators(path);
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
