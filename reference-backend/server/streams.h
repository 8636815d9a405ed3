// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Internal to the generator: the random streams (one per kind of decision, so that adding a
// decision to one kind never shifts another) and the text tables.

#include "population/dataset.h"

namespace C360::Ref
{

namespace Stream
{
enum : quint64 {
    Activity = 1,
    Person,
    Household,
    BirthLayer,
    ReportOwners,
    ReportTime,
    Report,
    AddedReport,
    Contact,
    Task,
    UuidSpace,
    UuidIndex,
    Mutation,
    CaseCount,
    Case,
};
}

QList<ServiceType> serviceTypes();
QList<Actor> actorList(Profile profile);
QList<CaseTypeRecord> caseTypeList(Profile profile);
QString closingNote(int service, Rng &rng);
QString reopeningNote(Rng &rng);

} // namespace C360::Ref
