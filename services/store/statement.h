// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "store/database.h"

#include <QHash>
#include <QList>
#include <QVariantList>

#include <initializer_list>
#include <optional>
#include <type_traits>

namespace C360
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
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    void finish()
    {
        if (m_query) {
            m_query->finish();
        }
    }

private:
    Expected<void, StoreError> bindAndRun(const QVariantList &values);

    Database &m_db;
    QString m_sql;
    QSqlQuery *m_query = nullptr;
    std::optional<StoreError> m_prepareError;
};

// Every row of sql, each made into an item by read(const Statement &).
template<typename Read, typename Item = std::decay_t<std::invoke_result_t<Read &, const Statement &>>>
Expected<QList<Item>, StoreError> selectAll(Database &db, const QString &sql, const QVariantList &values, Read read)
{
    Statement rows(db, sql);
    if (auto r = rows.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    QList<Item> items;
    while (rows.next()) {
        items.append(read(rows));
    }
    return items;
}

// " IN (?, ?, …)" with one placeholder per id, and the ids appended to values: for a query that
// reads many rows by id at once.
QString inIds(const QList<qint64> &ids, QVariantList *values);

// Queries whose first column is an integer (an id, a COUNT(*)).
// The first row's value, if there is a row.
Expected<std::optional<qint64>, StoreError> selectId(Database &db, const QString &sql, const QVariantList &values);
// Every row's value, in order.
Expected<QList<qint64>, StoreError> selectIds(Database &db, const QString &sql, const QVariantList &values);
// The first row's value; 0 when there is none.
Expected<qint64, StoreError> selectCount(Database &db, const QString &sql, const QVariantList &values = {});

// Hands each of rows, whose first column is the id of one of items, to read with the item it belongs
// to; rows of other items are skipped. Items and their children (links, texts) are read in two
// queries, not in one query per item.
template<typename Item, typename IdOf, typename Read>
void readChildRows(Statement &rows, QList<Item> &items, IdOf idOf, Read read)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < items.size(); ++i) {
        index.insert(idOf(items[i]), i);
    }
    while (rows.next()) {
        const auto it = index.constFind(rows.value(0).toLongLong());
        if (it != index.cend()) {
            read(items[*it], rows);
        }
    }
}

// Writes rows of one table by their id, from values given in the order of its columns: an INSERT
// when the id is 0 (the id then becomes the new row's), an UPDATE of that row otherwise, which fails
// with NoSuchRecord when the row is not there (removed meanwhile). Builds its SQL once: hold one per
// table and column set as a constant, not one per call.
class RowWriter
{
public:
    // record names a row in error details: "citizen" gives "no citizen with id 7". key is the
    // table's integer key, returned by the INSERT (RETURNING, on both engines).
    RowWriter(const char *table, std::initializer_list<const char *> columns, const char *record, const char *key = "id");

    Expected<void, StoreError> write(Database &db, const QVariantList &values, qint64 *id) const;
    Expected<qint64, StoreError> insert(Database &db, const QVariantList &values) const;
    Expected<void, StoreError> update(Database &db, const QVariantList &values, qint64 id) const;
    // Inserts rows (each the columns' values) with as few statements as can be: a row of values
    // for many rows in each (the key given, as the audit log's sequence, or made by the table).
    Expected<void, StoreError> insertAll(Database &db, const QList<QVariantList> &rows) const;

private:
    QString m_insert;
    QString m_update;
    QString m_insertMany; // "INSERT INTO table (columns) VALUES "
    QString m_row; // "(?, ?, …)"
    QLatin1String m_record;
};

} // namespace C360
