// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QList>
#include <QString>

namespace C360::Ref
{
struct ServiceType;

namespace Open311
{

// One choice of a singlevaluelist or multivaluelist attribute.
struct AttributeValue
{
    QString key;
    QString name;
};

// One question of a GeoReport service definition (GET services/{code}).
struct Attribute
{
    bool variable = true;
    QString code;
    QString datatype; // string, number, datetime, text, singlevaluelist, multivaluelist
    bool required = false;
    QString datatypeDescription;
    int order = 1;
    QString description;
    QList<AttributeValue> values;
};

// The extra questions a report of this type asks; none for some types (their "metadata" is false).
QList<Attribute> attributesFor(const ServiceType &service);
// The municipal service that handles reports of this type ("Technische dienst").
QString agencyFor(const ServiceType &service);
// What the municipality says it will do, as service_notice.
QString serviceNoticeFor(const ServiceType &service);

} // namespace Open311
} // namespace C360::Ref
