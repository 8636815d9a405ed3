// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "sync/payloaderror.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace C360
{

// A zaaktype of the Catalogi API 1.3: what a case is.
struct ZgwCaseType
{
    QString uuid; // the last segment of its url
    QString identification;
    QString description; // omschrijving
    int leadDays = 0; // doorlooptijd in days (0: none or not in days)
};

// A statustype: one step of a case type's procedure.
struct ZgwStatusType
{
    QString uuid;
    QString caseTypeUuid;
    QString description;
    int number = 0; // volgnummer
    bool final = false; // isEindstatus
};

// A zaak of the Zaken API 1.5.
struct ZgwCase
{
    QString uuid;
    QString url;
    QString caseTypeUuid;
    QString identification;
    QString description; // omschrijving
    QDate started;
    QDate plannedEnd;
    QDate deadline;
    QDate ended;
};

struct ZgwStatus
{
    QString uuid;
    QString caseUuid;
    QString statusTypeUuid;
    QDateTime set; // datumStatusGezet, UTC
    QString explanation;
};

// A rol of a natural person: the case it is in, and the person's identifier as the role names it
// (a BSN in inpBsn; in Flanders, the national register number in anpIdentificatie).
struct ZgwRole
{
    QString uuid;
    QString caseUuid;
    QString bsn;
    QString otherIdentification; // anpIdentificatie
};

// Reads the ZGW APIs' records as their OpenAPI documents describe them, defensively: a wrong type,
// a malformed date, a reference that is not a URL ending in a uuid refuses the record alone, with
// an English reason that names the field, never its value. The list envelope and the checks every
// record gets (uuid, string sizes, UTF-8) are CommonGroundList's.
namespace ZgwParser
{
// The mapping version in every record's content hash.
constexpr const char *ContentVersion = "zgw/1\n";

// The uuid a resource URL ends in ("…/zaken/api/v1/zaken/<uuid>"), or empty.
QString uuidOfUrl(const QString &url);
// An ISO 8601 duration of days or weeks (P105D, P8W), else 0.
int days(const QString &duration);

Expected<ZgwCaseType, RecordError> caseType(const QJsonObject &record);
Expected<ZgwStatusType, RecordError> statusType(const QJsonObject &record);
Expected<ZgwCase, RecordError> zaak(const QJsonObject &record);
Expected<ZgwStatus, RecordError> status(const QJsonObject &record);
Expected<ZgwRole, RecordError> role(const QJsonObject &record);
} // namespace ZgwParser

} // namespace C360
