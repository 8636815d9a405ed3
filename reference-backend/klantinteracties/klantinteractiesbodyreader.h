// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "klantinteracties/klantinteractiesroutes.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace C360::Ref
{
using namespace Qt::StringLiterals;

// Reads one JSON object field by field, collecting errors as Django REST Framework words them.
class KlantinteractiesBodyReader
{
public:
    // The request's body as a JSON object, or the answer Open Klant gives when it is none.
    static std::optional<QJsonObject> parse(const HttpRequest &request, HttpReply *error)
    {
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parse);
        if (parse.error != QJsonParseError::NoError) {
            *error = KlantinteractiesHttp::parseError(request, u"JSON parse error - %1"_s.arg(parse.errorString()));
            return std::nullopt;
        }
        if (!document.isObject()) {
            *error = KlantinteractiesHttp::invalid(request, {{u"nonFieldErrors"_s, u"invalid"_s, u"Ongeldige gegevens. Verwacht een dictionary."_s}});
            return std::nullopt;
        }
        return document.object();
    }

    KlantinteractiesBodyReader(const QJsonObject &object, const QString &prefix, QList<KlantinteractiesInvalidParam> *errors)
        : m_object(object)
        , m_prefix(prefix)
        , m_errors(errors)
    {
    }

    bool present(const QString &name) const { return m_object.contains(name); }
    void fail(const QString &name, const QString &code, const QString &reason) { m_errors->append({m_prefix + name, code, reason}); }

    // A string field: required ones may not be missing, null or blank; optional ones default.
    std::optional<QString> string(const QString &name, int maxLength, bool required, bool nullable = false)
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined()) {
            if (required) {
                fail(name, u"required"_s, u"Dit veld is vereist."_s);
            }
            return std::nullopt;
        }
        if (v.isNull()) {
            if (!nullable) {
                fail(name, u"null"_s, u"Dit veld mag niet leeg zijn."_s);
            }
            return std::nullopt;
        }
        if (!v.isString()) {
            fail(name, u"invalid"_s, u"Geen geldige string."_s);
            return std::nullopt;
        }
        const QString s = v.toString();
        if (required && s.trimmed().isEmpty()) {
            fail(name, u"blank"_s, u"Dit veld mag niet leeg zijn."_s);
            return std::nullopt;
        }
        if (s.size() > maxLength) {
            fail(name, u"max_length"_s, u"Zorg ervoor dat dit veld niet meer dan %1 karakters bevat."_s.arg(maxLength));
            return std::nullopt;
        }
        return s;
    }

    std::optional<bool> boolean(const QString &name, bool required, bool nullable = false)
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || (v.isNull() && nullable)) {
            if (required && v.isUndefined()) {
                fail(name, u"required"_s, u"Dit veld is vereist."_s);
            }
            return std::nullopt;
        }
        if (!v.isBool()) {
            fail(name, u"invalid"_s, u"Moet een geldige boolean zijn."_s);
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<QString> choice(const QString &name, const QStringList &choices, bool required)
    {
        const auto s = string(name, 100, required);
        if (s && !choices.contains(*s)) {
            fail(name, u"invalid_choice"_s, u"\"%1\" is een ongeldige keuze."_s.arg(*s));
            return std::nullopt;
        }
        return s;
    }

    // A date-time as Django renders it back: UTC, microseconds when there are any.
    std::optional<QString> dateTime(const QString &name, bool nullable)
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || (v.isNull() && nullable)) {
            return std::nullopt;
        }
        const QString text = v.toString();
        QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!v.isString() || !t.isValid() || !text.contains(QLatin1Char('T'))) {
            fail(name,
                 u"invalid"_s,
                 u"Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."_s);
            return std::nullopt;
        }
        if (t.timeSpec() == Qt::LocalTime) {
            t.setTimeSpec(Qt::UTC); // a naive time is taken as UTC, as the recorded exchanges show
        }
        QString fraction;
        if (const qsizetype dot = text.indexOf(QLatin1Char('.')); dot >= 0) {
            qsizetype end = dot + 1;
            while (end < text.size() && text.at(end).isDigit()) {
                ++end;
            }
            fraction = text.mid(dot + 1, std::min<qsizetype>(end - dot - 1, 6)).leftJustified(6, QLatin1Char('0'));
        }
        const bool whole = fraction.isEmpty() || fraction == QLatin1String("000000");
        return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + (whole ? QString() : QLatin1Char('.') + fraction) + QLatin1Char('Z');
    }

    // A nested object ({"uuid": …} reference, an address, a name); nullopt when absent or null.
    std::optional<QJsonObject> object(const QString &name, bool required, bool nullable = true)
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull()) {
            if (required && v.isUndefined()) {
                fail(name, u"required"_s, u"Dit veld is vereist."_s);
            } else if (v.isNull() && !nullable) {
                fail(name, u"null"_s, u"Dit veld mag niet leeg zijn."_s);
            }
            return std::nullopt;
        }
        if (!v.isObject()) {
            fail(name, u"invalid"_s, u"Ongeldige gegevens. Verwacht een dictionary."_s);
            return std::nullopt;
        }
        return v.toObject();
    }

    // A reference {"uuid": …} to a live record of kind.
    std::optional<quint64> reference(KlantinteractiesBackend &backend, const QString &name, UuidKind kind, bool required, bool nullable = true)
    {
        const auto o = object(name, required, nullable);
        if (!o) {
            return std::nullopt;
        }
        const QString uuid = o->value(u"uuid"_s).toString();
        const auto index = backend.find(kind, uuid);
        if (!index) {
            m_errors->append({m_prefix + name + u".uuid"_s, u"does_not_exist"_s, u"Object met uuid \"%1\" bestaat niet."_s.arg(uuid)});
        }
        return index;
    }

    QString prefix() const { return m_prefix; }
    QList<KlantinteractiesInvalidParam> *errors() const { return m_errors; }

private:
    QJsonObject m_object;
    QString m_prefix;
    QList<KlantinteractiesInvalidParam> *m_errors;
};

} // namespace C360::Ref
