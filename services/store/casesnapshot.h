// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"
#include "expected.h"
#include "store/storeerror.h"

namespace C360
{
class Database;

// Everything the store holds about citizenId, read in one transaction (a consistent snapshot).
// For services only, after they wrote the audit entry that accounts for it: NotFound when there is
// no such citizen.
Expected<CaseFile, ServiceError> readCaseFile(Database &db, qint64 citizenId);

} // namespace C360
