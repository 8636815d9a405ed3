// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "database.h"

#include <QVariantList>

#include <optional>

namespace c360
{

// One use of a prepared statement from the connection's cache: binds positional values, runs,
// reads, and releases the statement's read lock (finish) when it goes out of scope.
// Two Statements of the same SQL must not be alive at once (they share one prepared query).
// Values: a QString or QByteArray is text or a blob even when null; an invalid QVariant is SQL NULL.
class Statement
{
public:
    Statement(Database &db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Expected<void, StoreError> exec(const QVariantList &values);
    bool next() { return m_query && m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    qint64 lastInsertId() const { return m_query->lastInsertId().toLongLong(); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    void finish()
    {
        if (m_query) {
            m_query->finish();
        }
    }

private:
    Database &m_db;
    QSqlQuery *m_query = nullptr;
    std::optional<StoreError> m_prepareError;
};

} // namespace c360
