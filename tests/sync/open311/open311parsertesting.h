// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the Open311 reader and mapper tests share: a good GeoReport v2 record, a JSON page of
// records, and what becomes of each record of a page.

#include "sync/open311/open311mapper.h"
#include "sync/open311/open311parser.h"
#include "sync/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace C360::Test::Open311Parsing
{

// A record that maps, with every usual field; id is its service_request_id.
inline QJsonObject goodRecord(const QString &id)
{
    return QJsonObject{
        {QStringLiteral("service_request_id"), id},
        {QStringLiteral("status"), QStringLiteral("open")},
        {QStringLiteral("service_code"), QStringLiteral("afval")},
        {QStringLiteral("service_name"), QStringLiteral("Afval")},
        {QStringLiteral("description"), QStringLiteral("Zak naast de container")},
        {QStringLiteral("requested_datetime"), QStringLiteral("2026-03-01T10:00:00+01:00")},
        {QStringLiteral("updated_datetime"), QStringLiteral("2026-03-01T11:00:00+01:00")},
        {QStringLiteral("address"), QStringLiteral("Kerkstraat 12 bus 3, 2000 Antwerpen")},
        {QStringLiteral("zipcode"), QStringLiteral("2000")},
        {QStringLiteral("lat"), 51.2},
        {QStringLiteral("long"), 4.4},
    };
}

// The records as one JSON page, as a server sends them.
inline QByteArray page(const QJsonArray &records)
{
    return QJsonDocument(records).toJson(QJsonDocument::Compact);
}

// The reasons the records of body were refused for, by record id ("" for those that map).
inline QStringList outcomes(const QByteArray &body)
{
    QStringList result;
    const auto records = Open311Parser::parse(body);
    if (!records) {
        return {QStringLiteral("page: ") + records.error().detail};
    }
    for (const Open311Record &r : *records) {
        const auto mapped = Open311Mapper::map(r, QStringLiteral("open311"), Timestamp::defaultZone());
        result.append(mapped ? QString() : mapped.error().detail);
    }
    return result;
}

} // namespace C360::Test::Open311Parsing
