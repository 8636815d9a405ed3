// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The field reader the parsers of the Common Ground APIs (Klantinteracties, ZGW) read records with.

#include "jsonnumber.h"
#include "sync/payloaderror.h"
#include "sync/timestamp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <initializer_list>
#include <optional>
#include <utility>

namespace C360::CommonGround
{

// The zone date-times without an offset are read in, on this thread: the source's, set for the
// records of one page by LocalZoneScope; Europe/Brussels otherwise.
inline QTimeZone &localZone()
{
    thread_local QTimeZone zone = Timestamp::defaultZone();
    return zone;
}

class LocalZoneScope
{
public:
    explicit LocalZoneScope(const QTimeZone &zone)
        : m_previous(std::exchange(localZone(), zone))
    {
    }
    ~LocalZoneScope() { localZone() = m_previous; }
    LocalZoneScope(const LocalZoneScope &) = delete;
    LocalZoneScope &operator=(const LocalZoneScope &) = delete;

private:
    QTimeZone m_previous;
};

// Reads the members of one JSON object by the types the OpenAPI document gives them. The first
// problem is kept (as an English reason naming the member) and later reads return defaults.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path = {})
        : m_object(object)
        , m_path(std::move(path))
    {
    }

    bool ok() const { return m_error.detail.isEmpty(); }
    const RecordError &error() const { return m_error; }
    void fail(const RecordError &error)
    {
        if (ok()) {
            m_error = error;
        }
    }
    void fail(RecordError::Kind kind, const QString &field, const QString &detail) { fail(RecordError{kind, field, detail}); }
    // error, found in the member prefix of the record read here ("_expand").
    static RecordError within(const QString &prefix, const RecordError &error)
    {
        return {error.kind, prefix + QLatin1Char('.') + error.field, prefix + QLatin1Char('.') + error.detail};
    }
    QString name(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }

    QString string(const QString &key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required) {
                fail(RecordError::Kind::Missing, name(key), QStringLiteral("missing %1").arg(name(key)));
            }
            return {};
        }
        if (!v.isString()) {
            fail(RecordError::Kind::WrongType, name(key), QStringLiteral("%1 is not a string").arg(name(key)));
            return {};
        }
        return v.toString();
    }

    QString oneOf(const QString &key, std::initializer_list<const char *> values, bool required)
    {
        const QString s = string(key, required);
        if (s.isEmpty() && !required) {
            return s;
        }
        for (const char *value : values) {
            if (s == QLatin1String(value)) {
                return s;
            }
        }
        if (ok()) {
            fail(RecordError::Kind::UnknownValue, name(key), QStringLiteral("unknown value of %1").arg(name(key)));
        }
        return {};
    }

    QString uuid(const QString &key, bool required)
    {
        const QString s = string(key, required);
        if (!s.isEmpty() && QUuid::fromString(s).isNull()) {
            fail(RecordError::Kind::Malformed, name(key), QStringLiteral("%1 is not a uuid").arg(name(key)));
            return {};
        }
        return s;
    }

    std::optional<bool> boolean(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            return std::nullopt;
        }
        if (!v.isBool()) {
            fail(RecordError::Kind::WrongType, name(key), QStringLiteral("%1 is not a boolean").arg(name(key)));
            return std::nullopt;
        }
        return v.toBool();
    }

    QString integer(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        const auto n = wholeNumber(v);
        if (!n) {
            fail(RecordError::Kind::WrongType, name(key), QStringLiteral("%1 is not an integer").arg(name(key)));
            return {};
        }
        return QString::number(*n);
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isObject()) {
            fail(RecordError::Kind::WrongType, name(key), QStringLiteral("%1 is not an object").arg(name(key)));
            return {};
        }
        return v.toObject();
    }

    QJsonArray array(const QString &key, bool *present = nullptr)
    {
        const QJsonValue v = m_object.value(key);
        if (present) {
            *present = v.isArray();
        }
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isArray()) {
            fail(RecordError::Kind::WrongType, name(key), QStringLiteral("%1 is not an array").arg(name(key)));
            return {};
        }
        return v.toArray();
    }

    // The uuid of a foreign key object ({"uuid": …, "url": …}); empty when null.
    QString reference(const QString &key)
    {
        const QJsonObject o = object(key);
        if (o.isEmpty()) {
            return {};
        }
        Reader r(o, name(key));
        const QString id = r.uuid(QStringLiteral("uuid"), true);
        if (!r.ok()) {
            fail(r.error());
        }
        return id;
    }

    QStringList references(const QString &key)
    {
        QStringList ids;
        const QJsonArray items = array(key);
        for (const QJsonValue &item : items) {
            if (!item.isObject()) {
                fail(RecordError::Kind::WrongType, name(key), QStringLiteral("%1 holds an item that is not an object").arg(name(key)));
                return {};
            }
            Reader r(item.toObject(), name(key));
            ids.append(r.uuid(QStringLiteral("uuid"), true));
            if (!r.ok()) {
                fail(r.error());
                return {};
            }
        }
        return ids;
    }

    QDateTime dateTime(const QString &key, bool required = false)
    {
        const QString s = string(key, required);
        if (s.isEmpty()) {
            return {};
        }
        // Open Klant answers with an offset; a server that leaves it out means its own wall clock
        // (the source's zone, see LocalZoneScope).
        const QDateTime t = Timestamp::parse(s, localZone());
        if (!t.isValid()) {
            fail(RecordError::Kind::Malformed, name(key), QStringLiteral("%1 is not a date-time").arg(name(key)));
            return {};
        }
        return t;
    }

    QDate date(const QString &key)
    {
        const QString s = string(key);
        if (s.isEmpty()) {
            return {};
        }
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid()) {
            fail(RecordError::Kind::Malformed, name(key), QStringLiteral("%1 is not a date").arg(name(key)));
        }
        return d;
    }

    // Reads a nested object with read(Reader &), keeping the first problem.
    template<typename Read>
    void nested(const QString &key, Read read)
    {
        Reader r(object(key), name(key));
        read(r);
        if (!r.ok()) {
            fail(r.error());
        }
    }

private:
    QJsonObject m_object;
    QString m_path;
    RecordError m_error;
};

} // namespace C360::CommonGround
