// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How values are written to and read from the store: times as ISO 8601 UTC text with milliseconds
// (sortable as text, the same on SQLite and PostgreSQL), dates as YYYY-MM-DD, nulls for invalid ones.
// SQL NULL is an invalid QVariant (Sql::null()); a null QString is written as '' (see Statement).

#include <QDate>
#include <QDateTime>
#include <QVariant>

namespace C360::Sql
{

inline QVariant null()
{
    return QVariant();
}

inline QVariant fromDateTime(const QDateTime &time)
{
    if (!time.isValid()) {
        return null();
    }
    return time.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime toDateTime(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

inline QVariant fromDate(const QDate &date)
{
    if (!date.isValid()) {
        return null();
    }
    return date.toString(Qt::ISODate);
}

inline QDate toDate(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

inline QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : null();
}

inline QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? null() : QVariant(text);
}

// The source_system of an item: the system it came from, "local" for one made here.
inline QString sourceSystem(const QString &system)
{
    return system.isEmpty() ? QStringLiteral("local") : system;
}

} // namespace C360::Sql
