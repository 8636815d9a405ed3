// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"
#include "store/transaction.h"

namespace C360
{

// Runs body (returning Expected<T, ServiceError>) in a transaction; commits when it succeeds,
// rolls back when it does not.
template<typename T, typename Body>
Expected<T, ServiceError> inTransaction(Database &db, Body body)
{
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return unexpected(asServiceError(transaction.error()));
    }
    auto result = body();
    if (!result) {
        return result; // rolled back
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(asServiceError(r.error()));
    }
    return result;
}

} // namespace C360
