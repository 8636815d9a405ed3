// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "case/identitymatcher.h"
#include "expected.h"
#include "report.h"
#include "sync/open311/open311parser.h"

#include <QDateTime>
#include <QTimeZone>

namespace C360
{

// What one Open311 service request becomes locally: the report, and who the back end says made it.
struct Open311Mapping
{
    Report report; // not yet linked to a citizen
    ReporterIdentity reporter;
};

// Turns an Open311 service request (JSON or XML, see Open311Parser) into a Report, refusing a record
// that is not one: no or a wrongly typed service_request_id, an unknown status, a date-time that
// is none, a text over 64 KiB, bytes that are not UTF-8. Lenient where real servers differ from the
// specification: numeric ids, numbers as text, missing optional fields, times without a zone.
class Open311Mapper
{
public:
    static constexpr qsizetype MaxTextLength = 64 * 1024;

    // The report, or why the record is skipped (English; names fields, never quotes their content).
    // Date-times without an offset are read in localZone (the source's).
    static Expected<Open311Mapping, RecordError> map(const Open311Record &record, const QString &sourceId, const QTimeZone &localZone);
    // The record's service_request_id when it is usable, else "#<position in the page>".
    static QString recordId(const Open311Record &record);
    // updated_datetime, else requested_datetime, in UTC; invalid when neither can be read.
    static QDateTime changedAt(const Open311Record &record, const QTimeZone &localZone);
    // A W3C date-time in UTC: with its time zone ("Z" or an offset) as the specification requires,
    // or without, as many servers send it, then in localZone (see Timestamp::parse); invalid when
    // it is none.
    static QDateTime parseDateTime(const QString &text, const QTimeZone &localZone);
    // "Kerkstraat 12 bus 3, 2000 Antwerpen" into its parts; anything else stays whole in street.
    // zipcode, when given, is the postcode.
    static Address parseAddress(const QString &address, const QString &zipcode);
};

} // namespace C360
