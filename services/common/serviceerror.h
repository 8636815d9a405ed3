// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

namespace C360
{

// Why a service call that touches a citizen did not go through; message is translated and says
// what to do. A store failure becomes one with asServiceError() (store/storeerror.h).
struct ServiceError
{
    enum class Kind {
        Denied, // the role may not do this (audited)
        NoPurpose, // a profile needs a purpose
        NotFound,
        Invalid, // the input cannot be used (message says why)
        Store, // the local store refused
        Changed, // someone else changed it after the version the change was made on (message says who and when)
    };
    Kind kind = Kind::Store;
    QString message;

    static ServiceError denied();
    static ServiceError noPurpose();
    static ServiceError notFound();
    static ServiceError invalid(const QString &message);
};

} // namespace C360
