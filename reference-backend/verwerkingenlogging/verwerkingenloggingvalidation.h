// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Internal to the Verwerkingenlogging API: what the OpenAPI documents allow in a request.

#include "verwerkingenlogging/verwerkingenlogginglog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace C360::Ref
{
struct HttpRequest;

// The invalidParams of a ValidatieFout: one FieldValidationError per problem.
class Invalid
{
public:
    void add(const QString &name, const char *code, const QString &reason);
    bool isEmpty() const { return params.isEmpty(); }
    QJsonArray params;
};

// The fields of a VerwerkingsactieUitgebreidBasis (the POST body), checked: the action as it will
// be stored (read-only and unknown fields left out), or problems.
QJsonObject validateAction(const QJsonObject &body, Invalid *problems);

// An RFC 3339 date-time as the schema's format allows it (any number of decimals).
QDateTime parseDateTime(const QString &text);

// The query parameters of a search by verwerkt object.
struct ObjectQuery
{
    QString objectKey;
    QDate begin; // inclusive, or invalid
    QDate end; // exclusive, or invalid
    QSet<QString> vertrouwelijkheid; // empty: any
    QUuid activity; // null: any
    int page = 1;

    bool accepts(const LoggedAction &action) const;
};

// For GET /verwerkingsacties (Bewerking API: the period optional, vertrouwelijkheid a filter) or,
// with inzage, GET /verwerkte-objecten (Inzage API: the period required).
ObjectQuery parseObjectQuery(const HttpRequest &request, bool inzage, Invalid *problems);

} // namespace C360::Ref
