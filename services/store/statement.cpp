// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/statement.h"

#include <algorithm>

#include <QStringList>

namespace C360
{

Statement::Statement(Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    auto prepared = db.prepared(sql);
    if (prepared) {
        m_query = *prepared;
    } else {
        m_prepareError = std::move(prepared).error();
    }
}

Statement::~Statement()
{
    finish();
}

Expected<void, StoreError> Statement::exec(const QVariantList &values)
{
    auto result = bindAndRun(values);
    // The server ended the session (a restart, a network cut): a read outside a transaction runs
    // again once reconnected; a change, or anything inside a transaction, reports the loss (the
    // server rolled the transaction back), and the next one starts on the new connection.
    if (!result && result.error().code == StoreError::Code::ConnectionLost && m_db.transactionDepth() == 0 && Database::isRetryable(m_sql)) {
        if (auto reconnected = m_db.reconnect(); reconnected) {
            auto prepared = m_db.prepared(m_sql);
            if (!prepared) {
                return unexpected(std::move(prepared).error());
            }
            m_query = *prepared;
            m_prepareError.reset();
            return bindAndRun(values);
        }
    }
    return result;
}

Expected<void, StoreError> Statement::bindAndRun(const QVariantList &values)
{
    if (!m_query) {
        return unexpected(*m_prepareError);
    }
    m_query->finish();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Qt SQL binds a null QString as NULL; our NOT NULL text columns want ''. NULL is asked
        // for explicitly with an invalid QVariant (Sql::null()).
        if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull()) {
            m_query->bindValue(static_cast<int>(i), QStringLiteral(""));
        } else if (value.metaType() == QMetaType::fromType<QByteArray>() && value.toByteArray().isNull()) {
            m_query->bindValue(static_cast<int>(i), QByteArray(""));
        } else {
            m_query->bindValue(static_cast<int>(i), value);
        }
    }
    if (!m_query->exec()) {
        return unexpected(m_db.error(*m_query));
    }
    return {};
}

Expected<std::optional<qint64>, StoreError> selectId(Database &db, const QString &sql, const QVariantList &values)
{
    Statement query(db, sql);
    if (auto r = query.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    if (!query.next()) {
        return std::optional<qint64>();
    }
    return std::optional<qint64>(query.value(0).toLongLong());
}

Expected<QList<qint64>, StoreError> selectIds(Database &db, const QString &sql, const QVariantList &values)
{
    return selectAll(db, sql, values, [](const Statement &row) {
        return row.value(0).toLongLong();
    });
}

Expected<qint64, StoreError> selectCount(Database &db, const QString &sql, const QVariantList &values)
{
    auto first = selectId(db, sql, values);
    if (!first) {
        return unexpected(std::move(first).error());
    }
    return first->value_or(0);
}

RowWriter::RowWriter(const char *table, std::initializer_list<const char *> columns, const char *record, const char *key)
    : m_record(record)
{
    QStringList names;
    QStringList placeholders;
    QStringList assignments;
    for (const char *column : columns) {
        names.append(QLatin1String(column));
        placeholders.append(QStringLiteral("?"));
        assignments.append(QLatin1String(column) + QLatin1String(" = ?"));
    }
    const QLatin1String name(table);
    m_insert = QLatin1String("INSERT INTO ") + name + QLatin1String(" (") + names.join(QLatin1String(", ")) + QLatin1String(") VALUES (") +
        placeholders.join(QLatin1String(", ")) + QLatin1String(") RETURNING ") + QLatin1String(key);
    m_update = QLatin1String("UPDATE ") + name + QLatin1String(" SET ") + assignments.join(QLatin1String(", ")) + QLatin1String(" WHERE ") +
        QLatin1String(key) + QLatin1String(" = ?");
    m_insertMany = QLatin1String("INSERT INTO ") + name + QLatin1String(" (") + names.join(QLatin1String(", ")) + QLatin1String(") VALUES ");
    m_row = QLatin1Char('(') + placeholders.join(QLatin1String(", ")) + QLatin1Char(')');
}

Expected<void, StoreError> RowWriter::insertAll(Database &db, const QList<QVariantList> &rows) const
{
    // At most this many rows a statement: few statements (one round trip each to a server), and
    // few distinct ones to prepare and keep.
    constexpr qsizetype Batch = 50;
    for (qsizetype from = 0; from < rows.size(); from += Batch) {
        const qsizetype n = std::min(Batch, rows.size() - from);
        QVariantList values;
        for (qsizetype i = from; i < from + n; ++i) {
            values.append(rows.at(i));
        }
        Statement insert(db, m_insertMany + QStringList(n, m_row).join(QLatin1String(", ")));
        if (auto r = insert.exec(values); !r) {
            return r;
        }
    }
    return {};
}

Expected<void, StoreError> RowWriter::write(Database &db, const QVariantList &values, qint64 *id) const
{
    if (*id != 0) {
        return update(db, values, *id);
    }
    auto inserted = insert(db, values);
    if (!inserted) {
        return unexpected(std::move(inserted).error());
    }
    *id = *inserted;
    return {};
}

Expected<qint64, StoreError> RowWriter::insert(Database &db, const QVariantList &values) const
{
    Statement insert(db, m_insert);
    if (auto r = insert.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    if (!insert.next()) {
        return unexpected(db.error(StoreError::Code::Query, QStringLiteral("no id returned for the new %1").arg(m_record)));
    }
    return insert.value(0).toLongLong();
}

Expected<void, StoreError> RowWriter::update(Database &db, const QVariantList &values, qint64 id) const
{
    Statement update(db, m_update);
    QVariantList withId = values;
    withId.append(id);
    if (auto r = update.exec(withId); !r) {
        return r;
    }
    if (update.numRowsAffected() != 1) {
        return unexpected(db.error(StoreError::Code::NoSuchRecord, QStringLiteral("no %1 with id %2").arg(m_record).arg(id)));
    }
    return {};
}

QString inIds(const QList<qint64> &ids, QVariantList *values)
{
    QStringList marks;
    marks.reserve(ids.size());
    for (qint64 id : ids) {
        marks.append(QStringLiteral("?"));
        values->append(id);
    }
    return QStringLiteral(" IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace C360
