// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "catalogueentry.h"
#include "citizen.h"
#include "contactmoment.h"
#include "report.h"
#include "request.h"
#include "role.h"
#include "zaak.h"

#include <QDateTime>
#include <QList>

namespace C360
{

// Who is acting: the signed-in staff member, their role and the workstation, as every service
// call that touches a citizen needs them (for the role check and the audit entry).
struct StaffMember
{
    StaffMember() = default;
    StaffMember(const QString &name_, Role role_, const QString &workstation_, const QString &team_ = {})
        : name(name_)
        , role(role_)
        , workstation(workstation_)
        , team(team_)
    {
    }

    QString name;
    Role role = Role::CounterClerk;
    QString workstation;
    QString team; // the team whose requests are on "my team's" worklist; may be empty
    bool isValid() const { return !name.isEmpty(); }
    friend bool operator==(const StaffMember &, const StaffMember &) = default;
};

// Why a citizen's profile is looked at: a code from the configured list and, optionally, words of
// the staff member's own.
struct Purpose
{
    QString code;
    QString text;
    bool isEmpty() const { return code.isEmpty(); }
    friend bool operator==(const Purpose &, const Purpose &) = default;
};

// A catalogue entry staff linked to a citizen's case, with when and by whom.
struct LinkedCatalogueEntry
{
    CatalogueEntry entry;
    QDateTime linked; // UTC
    QString staffMember;
    friend bool operator==(const LinkedCatalogueEntry &, const LinkedCatalogueEntry &) = default;
};

// A product suggested for the open case, and why.
struct CatalogueSuggestion
{
    CatalogueEntry entry;
    QString reason; // translated
};

// Everything the 360° case view shows of one citizen, read in one consistent snapshot after the
// audit entry for opening it was written.
struct CaseFile
{
    Citizen citizen;
    QList<Report> reports; // linked and possible matches
    QList<ContactMoment> contacts;
    QList<Request> requests;
    QList<LinkedCatalogueEntry> catalogue;
    QList<Zaak> zaken; // the cases (zaken) whose initiator the citizen is, newest first
    QDateTime opened; // UTC
    qint64 auditSequence = 0; // the audit entry that opened it
};

} // namespace C360
