// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/zgw/zgwparser.h"

#include "sync/commongroundreader.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace C360
{

namespace
{
using CommonGround::Reader;

// The uuid the URL in key ends in; a missing one fails the record when required.
QString reference(Reader &r, const QString &key, bool required)
{
    const QString url = r.string(key, required);
    if (url.isEmpty() || !r.ok()) {
        return {};
    }
    const QString uuid = ZgwParser::uuidOfUrl(url);
    if (uuid.isEmpty()) {
        r.fail(RecordError::Kind::Malformed, r.name(key), QStringLiteral("%1 is not the URL of a resource").arg(r.name(key)));
    }
    return uuid;
}

template<typename T>
Expected<T, RecordError> finished(const Reader &r, T value)
{
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return value;
}
} // namespace

QString ZgwParser::uuidOfUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.scheme().isEmpty()) {
        return {};
    }
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    const QString last = path.section(QLatin1Char('/'), -1);
    const QUuid uuid = QUuid::fromString(last);
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}

int ZgwParser::days(const QString &duration)
{
    static const QRegularExpression form(QStringLiteral("^P(?:(\\d{1,4})W|(\\d{1,5})D)$"));
    const QRegularExpressionMatch m = form.match(duration);
    if (!m.hasMatch()) {
        return 0;
    }
    return m.capturedView(1).isEmpty() ? m.capturedView(2).toInt() : m.capturedView(1).toInt() * 7;
}

Expected<ZgwCaseType, RecordError> ZgwParser::caseType(const QJsonObject &record)
{
    Reader r(record);
    ZgwCaseType t;
    t.uuid = reference(r, QStringLiteral("url"), true);
    t.identification = r.string(QStringLiteral("identificatie"));
    t.description = r.string(QStringLiteral("omschrijving"), true);
    t.leadDays = days(r.string(QStringLiteral("doorlooptijd")));
    return finished(r, t);
}

Expected<ZgwStatusType, RecordError> ZgwParser::statusType(const QJsonObject &record)
{
    Reader r(record);
    ZgwStatusType t;
    t.uuid = reference(r, QStringLiteral("url"), true);
    t.caseTypeUuid = reference(r, QStringLiteral("zaaktype"), true);
    t.description = r.string(QStringLiteral("omschrijving"), true);
    t.number = r.integer(QStringLiteral("volgnummer")).toInt();
    t.final = r.boolean(QStringLiteral("isEindstatus")).value_or(false);
    return finished(r, t);
}

Expected<ZgwCase, RecordError> ZgwParser::zaak(const QJsonObject &record)
{
    Reader r(record);
    ZgwCase c;
    c.uuid = r.uuid(QStringLiteral("uuid"), true);
    c.url = r.string(QStringLiteral("url"));
    c.caseTypeUuid = reference(r, QStringLiteral("zaaktype"), true);
    c.identification = r.string(QStringLiteral("identificatie"));
    c.description = r.string(QStringLiteral("omschrijving"));
    c.started = r.date(QStringLiteral("startdatum"));
    c.plannedEnd = r.date(QStringLiteral("einddatumGepland"));
    c.deadline = r.date(QStringLiteral("uiterlijkeEinddatumAfdoening"));
    c.ended = r.date(QStringLiteral("einddatum"));
    if (r.ok() && !c.started.isValid()) {
        r.fail(RecordError::Kind::Missing, QStringLiteral("startdatum"), QStringLiteral("startdatum is missing"));
    }
    if (r.ok() && !c.url.isEmpty() && uuidOfUrl(c.url).isEmpty()) {
        r.fail(RecordError::Kind::Malformed, QStringLiteral("url"), QStringLiteral("url is not the URL of a resource"));
    }
    return finished(r, c);
}

Expected<ZgwStatus, RecordError> ZgwParser::status(const QJsonObject &record)
{
    Reader r(record);
    ZgwStatus s;
    s.uuid = r.uuid(QStringLiteral("uuid"), true);
    s.caseUuid = reference(r, QStringLiteral("zaak"), true);
    s.statusTypeUuid = reference(r, QStringLiteral("statustype"), true);
    s.set = r.dateTime(QStringLiteral("datumStatusGezet"), true);
    s.explanation = r.string(QStringLiteral("statustoelichting"));
    if (s.set.isValid()) {
        s.set = s.set.toUTC();
    }
    return finished(r, s);
}

Expected<ZgwRole, RecordError> ZgwParser::role(const QJsonObject &record)
{
    Reader r(record);
    ZgwRole role;
    role.uuid = r.uuid(QStringLiteral("uuid"), true);
    role.caseUuid = reference(r, QStringLiteral("zaak"), true);
    r.nested(QStringLiteral("betrokkeneIdentificatie"), [&role](Reader &id) {
        role.bsn = id.string(QStringLiteral("inpBsn")).trimmed();
        role.otherIdentification = id.string(QStringLiteral("anpIdentificatie")).trimmed();
    });
    return finished(r, role);
}

} // namespace C360
