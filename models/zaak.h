// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace C360
{

// A status a case went through, as its case system set it.
struct ZaakStatus
{
    QString name; // the status type's description, from the catalogue of case types
    QDateTime set; // UTC
    QString explanation;
    bool final = false; // the status that ends the case
    friend bool operator==(const ZaakStatus &, const ZaakStatus &) = default;
};

// A case (zaak) in a municipal case system (ZGW Zaken API): a permit in progress, a benefit being
// decided. Read-only here: the case system owns it. "Case" alone names the 360° case file of
// this application, so the domain's own word is kept.
struct Zaak
{
    qint64 id = 0;
    SourceRef source; // the case system and the zaak's uuid
    QString identification; // ZAAK-2026-0001234, what the citizen's letters quote
    QString typeName; // from its zaaktype
    QString description;
    QString statusName; // the current status
    QDateTime statusSet; // UTC
    QDate started;
    QDate plannedEnd; // einddatumGepland
    QDate deadline; // uiterlijkeEinddatumAfdoening: the legal deadline
    QDate ended; // invalid while open
    QString url; // the zaak in the case system
    qint64 citizenId = 0; // the initiator, when known here
    QList<ZaakStatus> statuses; // oldest first

    bool isOpen() const { return !ended.isValid(); }
    // Days from today to the legal deadline (negative when past it); nullopt without one or
    // when the case is closed.
    std::optional<qint64> daysLeft(const QDate &today) const
    {
        if (!isOpen() || !deadline.isValid()) {
            return std::nullopt;
        }
        return today.daysTo(deadline);
    }
    friend bool operator==(const Zaak &, const Zaak &) = default;
};

} // namespace C360
