// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QString>

namespace C360
{
class Database;

// Every change to the store runs inside one of these: it rolls back unless commit() succeeded.
// Nested guards become savepoints of the outermost transaction.
class [[nodiscard]] Transaction
{
public:
    static Expected<Transaction, StoreError> begin(Database &db);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    ~Transaction();

    Expected<void, StoreError> commit();
    void rollback();
    bool isActive() const { return m_db != nullptr; }

private:
    Transaction(Database &db, int depth);
    Database *m_db;
    int m_depth;
};

} // namespace C360
