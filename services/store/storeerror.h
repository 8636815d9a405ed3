// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common/serviceerror.h"

#include <QString>

class QSqlError;

namespace C360
{

// Why the local store could not do what was asked. message() is the translated sentence a person
// reads (it names the file and the problem); detail is the driver's text for the log.
struct StoreError
{
    enum class Code {
        NoPath,
        NotFound, // the file does not exist
        FolderNotFound, // the folder it should be created in does not exist
        NotAFile, // a folder or a device
        NotADatabase, // not an SQLite file
        NotAStore, // an SQLite file of some other program
        NotInitialised, // an empty SQLite file
        ReadOnly,
        DiskFull,
        NewerSchema,
        OutdatedSchema,
        Corrupt,
        Busy,
        Io,
        Constraint,
        NoDriver,
        NoSuchRecord, // the row asked for is not there (removed meanwhile); detail names it by id
        Changed, // the row was changed by someone else after the version the change was made on
        Query, // a driver error without a class of its own, or a programming error
        // A store on a PostgreSQL server:
        Unreachable, // no connection could be made (server down, wrong address, network)
        PasswordNeeded, // the server wants a password and none was found
        AuthenticationFailed, // the password or the user name is wrong
        PermissionDenied, // the signed-in role may not do this
        ConnectionLost, // the connection broke during the work
        InvalidName, // --database names no store (a malformed URI, a password in it)
    };

    Code code = Code::Query;
    QString path;
    QString detail;
    int schemaVersion = 0; // found in the file (NewerSchema, OutdatedSchema)
    int supportedVersion = 0; // this program's

    QString message() const;
    // Whether trying again later may succeed without anyone changing anything (busy, a lost or
    // unreachable server).
    bool isTransient() const;

    // Classifies an SQLite driver error (its result codes) for a store at path; SqlDialect::error
    // classifies either engine's.
    static StoreError fromSql(const QSqlError &error, const QString &path);
};

// A service call that failed because the store did: its message is the store's.
ServiceError asServiceError(const StoreError &error);

} // namespace C360
