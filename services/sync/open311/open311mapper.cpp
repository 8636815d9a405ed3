// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/open311/open311mapper.h"

#include "sync/timestamp.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace C360
{

namespace
{
constexpr QChar Replacement(0xFFFD);
constexpr qsizetype MaxIdLength = 128;

// Field names go into skip reasons; a name that is not a plain identifier is not repeated.
QString fieldName(const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_]{1,40}$"));
    return plain.match(key).hasMatch() ? key : QStringLiteral("a field");
}

// Integral numbers in full ("service_request_id": 638344 in the specification's examples), others shortest.
QString numberText(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9007199254740992.0) {
        return QString::number(qint64(d));
    }
    return QString::number(d, 'g', 17);
}

// A text field: a string as it is, a number as its digits (the specification's JSON sends zip codes
// and address ids as numbers), absent and null as empty. False for an object, array or boolean.
bool textOf(const QJsonObject &o, QLatin1String key, QString *out)
{
    const QJsonValue v = o.value(key);
    out->clear();
    if (v.isUndefined() || v.isNull()) {
        return true;
    }
    if (v.isString()) {
        *out = v.toString();
        return true;
    }
    if (v.isDouble()) {
        *out = numberText(v.toDouble());
        return true;
    }
    return false;
}

// Whether any string in v, however deeply nested, satisfies pred.
template<typename Pred>
bool anyString(const QJsonValue &v, const Pred &pred)
{
    if (v.isString()) {
        return pred(v.toString());
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [&pred](const QJsonValue &e) {
            return anyString(e, pred);
        });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (pred(it.key()) || anyString(it.value(), pred)) {
                return true;
            }
        }
    }
    return false;
}

bool tooLong(const QString &s)
{
    return s.size() > Open311Mapper::MaxTextLength;
}

bool hasReplacement(const QString &s)
{
    return s.contains(Replacement);
}

// The id as text, or empty when the record has none that can be used.
QString usableId(const QJsonObject &fields, bool *wrongType)
{
    const QJsonValue v = fields.value(QLatin1String("service_request_id"));
    *wrongType = false;
    QString id;
    if (v.isString()) {
        id = v.toString().trimmed();
    } else if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::floor(v.toDouble())) {
        id = numberText(v.toDouble());
    } else if (!v.isUndefined() && !v.isNull()) {
        *wrongType = true;
    }
    if (id.size() > MaxIdLength || id.contains(Replacement)) {
        *wrongType = true;
        id.clear();
    }
    return id;
}

// A coordinate: a number or a numeric string (XML has only strings); nullopt when absent, false
// when it is something else.
bool coordinateOf(const QJsonObject &o, QLatin1String key, std::optional<double> *out)
{
    const QJsonValue v = o.value(key);
    out->reset();
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
        return true;
    }
    bool ok = false;
    const double d = v.isString() ? v.toString().trimmed().toDouble(&ok) : 0;
    if (ok) {
        *out = d;
    }
    return ok;
}

ReporterIdentity reporterOf(const QJsonObject &fields)
{
    ReporterIdentity r;
    const QJsonObject extended = fields.value(QLatin1String("extended_attributes")).toObject();
    const QJsonValue nationalId = extended.value(QLatin1String("national_id"));
    if (nationalId.isString()) {
        r.nationalId = nationalId.toString().trimmed();
    } else if (!nationalId.isUndefined() && !nationalId.isNull()) {
        r.nationalIdMalformed = true;
    }
    r.email = extended.value(QLatin1String("email")).toString().trimmed();
    r.phone = extended.value(QLatin1String("phone")).toString().trimmed();
    return r;
}
} // namespace

QString Open311Mapper::recordId(const Open311Record &record)
{
    bool wrongType = false;
    const QString id = usableId(record.fields, &wrongType);
    return id.isEmpty() ? QStringLiteral("#%1").arg(record.position) : id;
}

QDateTime Open311Mapper::parseDateTime(const QString &text, const QTimeZone &localZone)
{
    return Timestamp::parse(text, localZone);
}

QDateTime Open311Mapper::changedAt(const Open311Record &record, const QTimeZone &localZone)
{
    const QDateTime updated = parseDateTime(record.fields.value(QLatin1String("updated_datetime")).toString(), localZone);
    return updated.isValid() ? updated : parseDateTime(record.fields.value(QLatin1String("requested_datetime")).toString(), localZone);
}

Address Open311Mapper::parseAddress(const QString &address, const QString &zipcode)
{
    static const QRegularExpression streetAndNumber(QStringLiteral("^(.*?\\S)\\s+(\\d+[A-Za-z]?(?:-\\d+)?)(?:\\s+(?:bus|bte|boîte|b\\.)\\s*(\\S+))?$"),
                                                    QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression belgianPlace(QStringLiteral("^(\\d{4})\\s+(\\S.*)$"));
    static const QRegularExpression dutchPlace(QStringLiteral("^(\\d{4}\\s?[A-Z]{2})\\s+(\\S.*)$"));
    Address a;
    const QString text = address.trimmed();
    const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
    const QString streetPart = comma < 0 ? text : text.left(comma).trimmed();
    const QString placePart = comma < 0 ? QString() : text.mid(comma + 1).trimmed();
    if (const auto m = streetAndNumber.match(streetPart); m.hasMatch()) {
        a.street = m.captured(1);
        a.number = m.captured(2);
        a.box = m.captured(3);
    } else {
        a.street = streetPart;
    }
    if (const auto nl = dutchPlace.match(placePart); nl.hasMatch()) {
        a.postcode = nl.captured(1);
        a.municipality = nl.captured(2);
        a.countryCode = QStringLiteral("NL");
    } else if (const auto m = belgianPlace.match(placePart); m.hasMatch()) {
        a.postcode = m.captured(1);
        a.municipality = m.captured(2);
    } else {
        a.municipality = placePart;
    }
    if (!zipcode.trimmed().isEmpty()) {
        a.postcode = zipcode.trimmed();
    }
    return a;
}

Expected<Open311Mapping, RecordError> Open311Mapper::map(const Open311Record &record, const QString &sourceId, const QTimeZone &localZone)
{
    if (record.problem) {
        return unexpected(*record.problem);
    }
    const QJsonObject &f = record.fields;
    bool idWrongType = false;
    const QString id = usableId(f, &idWrongType);
    if (idWrongType) {
        return unexpected(
            RecordError{RecordError::Kind::WrongType, QStringLiteral("service_request_id"), QStringLiteral("service_request_id has the wrong type")});
    }
    if (id.isEmpty()) {
        return unexpected(
            RecordError{RecordError::Kind::Missing, QStringLiteral("service_request_id"), QStringLiteral("the record has no service_request_id")});
    }
    for (auto it = f.begin(); it != f.end(); ++it) {
        if (record.invalidUtf8 && (hasReplacement(it.key()) || anyString(it.value(), hasReplacement))) {
            return unexpected(
                RecordError{RecordError::Kind::InvalidUtf8, fieldName(it.key()), QStringLiteral("%1 is not valid UTF-8").arg(fieldName(it.key()))});
        }
        if (tooLong(it.key()) || anyString(it.value(), tooLong)) {
            return unexpected(
                RecordError{RecordError::Kind::TooLarge, fieldName(it.key()), QStringLiteral("%1 is longer than 64 KiB").arg(fieldName(it.key()))});
        }
    }

    Open311Mapping m;
    Report &r = m.report;
    r.source = {sourceId, id};
    QString status;
    if (!textOf(f, QLatin1String("status"), &status)) {
        return unexpected(RecordError{RecordError::Kind::WrongType, QStringLiteral("status"), QStringLiteral("status has the wrong type")});
    }
    status = status.trimmed().toLower();
    if (status == QLatin1String("open")) {
        r.status = ReportStatus::Open;
    } else if (status == QLatin1String("closed")) {
        r.status = ReportStatus::Closed;
    } else {
        return unexpected(status.isEmpty()
                              ? RecordError{RecordError::Kind::Missing, QStringLiteral("status"), QStringLiteral("the record has no status")}
                              : RecordError{RecordError::Kind::UnknownValue, QStringLiteral("status"), QStringLiteral("status is neither open nor closed")});
    }

    QString zipcode;
    QString address;
    const std::pair<QLatin1String, QString *> texts[] = {
        {QLatin1String("service_code"), &r.serviceCode},
        {QLatin1String("service_name"), &r.serviceName},
        {QLatin1String("description"), &r.description},
        {QLatin1String("status_notes"), &r.statusNotes},
        {QLatin1String("address"), &address},
        {QLatin1String("zipcode"), &zipcode},
    };
    for (const auto &[key, out] : texts) {
        if (!textOf(f, key, out)) {
            return unexpected(RecordError{RecordError::Kind::WrongType, key, QStringLiteral("%1 has the wrong type").arg(key)});
        }
    }
    r.serviceCode = r.serviceCode.trimmed();
    if (r.serviceCode.isEmpty()) {
        return unexpected(RecordError{RecordError::Kind::Missing, QStringLiteral("service_code"), QStringLiteral("the record has no service_code")});
    }
    r.address = parseAddress(address, zipcode);

    const std::pair<QLatin1String, QDateTime *> times[] = {
        {QLatin1String("requested_datetime"), &r.requested},
        {QLatin1String("updated_datetime"), &r.updated},
        {QLatin1String("expected_datetime"), &r.expected},
    };
    for (const auto &[key, out] : times) {
        QString text;
        if (!textOf(f, key, &text)) {
            return unexpected(RecordError{RecordError::Kind::WrongType, key, QStringLiteral("%1 has the wrong type").arg(key)});
        }
        if (text.trimmed().isEmpty()) {
            continue;
        }
        *out = parseDateTime(text, localZone);
        if (!out->isValid()) {
            return unexpected(RecordError{RecordError::Kind::Malformed, key, QStringLiteral("%1 is not a date-time").arg(key)});
        }
    }
    if (!r.requested.isValid()) {
        return unexpected(
            RecordError{RecordError::Kind::Missing, QStringLiteral("requested_datetime"), QStringLiteral("the record has no requested_datetime")});
    }

    std::optional<double> lat;
    std::optional<double> lon;
    if (!coordinateOf(f, QLatin1String("lat"), &lat) || !coordinateOf(f, QLatin1String("long"), &lon)) {
        return unexpected(RecordError{RecordError::Kind::WrongType, QStringLiteral("lat, long"), QStringLiteral("lat or long is not a number")});
    }
    if (lat && lon) {
        if (!std::isfinite(*lat) || !std::isfinite(*lon) || std::abs(*lat) > 90 || std::abs(*lon) > 180) {
            return unexpected(RecordError{RecordError::Kind::Malformed, QStringLiteral("lat, long"), QStringLiteral("lat or long is out of range")});
        }
        r.location = GeoPoint{*lat, *lon};
    }
    m.reporter = reporterOf(f);
    return m;
}

} // namespace C360
