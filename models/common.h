// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"

#include <QString>

#include <optional>

namespace C360
{

// Where a record came from: the back end ("open311", "openklant", "ipdc", "local") and its id there.
struct SourceRef
{
    QString system;
    QString id;

    bool isLocal() const { return system.isEmpty() || system == QLatin1String("local"); }
    friend bool operator==(const SourceRef &, const SourceRef &) = default;
};

struct GeoPoint
{
    double latitude = 0;
    double longitude = 0;
    friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

// A postal address as front offices write it in Belgium and the Netherlands.
struct Address
{
    QString street;
    QString number;
    QString box; // bus
    QString postcode;
    QString municipality;
    QString countryCode = QStringLiteral("BE");

    bool isEmpty() const { return street.isEmpty() && postcode.isEmpty() && municipality.isEmpty(); }
    // "Kerkstraat 12 bus 3, 2000 Antwerpen" — the Belgian postal order, not a translated sentence.
    QString singleLine() const;
    friend bool operator==(const Address &, const Address &) = default;
};

// The ways a citizen reaches the municipality, and it them.
enum class Channel { Counter, Phone, Email, Chat, Letter, App };
C360_ENUM_KEYS(Channel,
               {Channel::Counter, "counter"},
               {Channel::Phone, "phone"},
               {Channel::Email, "email"},
               {Channel::Chat, "chat"},
               {Channel::Letter, "letter"},
               {Channel::App, "app"})

// The four kinds of item on a citizen's timeline.
// Case: a case (zaak) of a case system.
enum class ItemKind { Report, ContactMoment, Request, CatalogueEntry, Case };
C360_ENUM_KEYS(ItemKind,
               {ItemKind::Report, "report"},
               {ItemKind::ContactMoment, "contact_moment"},
               {ItemKind::Request, "request"},
               {ItemKind::CatalogueEntry, "catalogue_entry"},
               {ItemKind::Case, "case"})

// A link from one item to another (a contact about a report, a request about a product).
struct ItemLink
{
    ItemKind kind = ItemKind::Report;
    qint64 id = 0;
    friend bool operator==(const ItemLink &, const ItemLink &) = default;
};

} // namespace C360
