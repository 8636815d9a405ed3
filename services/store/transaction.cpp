// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/transaction.h"

#include "common/logging.h"
#include "store/database.h"

namespace C360
{

namespace
{
QString savepoint(int depth)
{
    return QStringLiteral("c360_sp%1").arg(depth);
}
} // namespace

Transaction::Transaction(Database &db, int depth)
    : m_db(&db)
    , m_depth(depth)
{
    ++db.m_transactionDepth;
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_depth(other.m_depth)
{
}

Expected<Transaction, StoreError> Transaction::begin(Database &db)
{
    const int depth = db.m_transactionDepth;
    const QString sql = depth == 0 ? db.dialect().beginTransaction() : QStringLiteral("SAVEPOINT ") + savepoint(depth);
    if (auto result = db.run(sql); !result) {
        return unexpected(std::move(result).error());
    }
    return Transaction(db, depth);
}

Transaction::~Transaction()
{
    rollback();
}

Expected<void, StoreError> Transaction::commit()
{
    if (!m_db) {
        return {};
    }
    Database &db = *m_db;
    if (m_depth == 0) {
        // The search indexes catch up with what this transaction changed (see Database).
        if (auto flushed = db.flushSearchQueue(); !flushed) {
            qCWarning(C360_STORE) << "search index update failed:" << flushed.error().detail;
            return flushed;
        }
    }
    const QString sql = m_depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth);
    auto result = db.run(sql);
    if (!result) {
        // A failed COMMIT (disk full) leaves the transaction open; the destructor rolls it back.
        qCWarning(C360_STORE) << "commit failed:" << result.error().detail;
        return result;
    }
    --db.m_transactionDepth;
    m_db = nullptr;
    return {};
}

void Transaction::rollback()
{
    if (!m_db) {
        return;
    }
    Database &db = *m_db;
    m_db = nullptr;
    --db.m_transactionDepth;
    if (m_depth == 0) {
        // After SQLITE_FULL and some I/O errors SQLite has already rolled the transaction back.
        if (auto result = db.run(QStringLiteral("ROLLBACK")); !result && !result.error().detail.contains(QLatin1String("no transaction is active"))) {
            qCWarning(C360_STORE) << "rollback failed:" << result.error().detail;
        }
    } else {
        const QString name = savepoint(m_depth);
        auto result = db.run(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
        if (result) {
            result = db.run(QStringLiteral("RELEASE SAVEPOINT ") + name);
        }
        if (!result) {
            qCWarning(C360_STORE) << "rollback to savepoint failed:" << result.error().detail;
        }
    }
}

} // namespace C360
