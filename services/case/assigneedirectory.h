// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "request.h"
#include "store/storeerror.h"

#include <QList>

namespace C360
{
class Database;

// The staff members and teams a back end knows, to whom requests made here can be assigned. The
// case services ask this interface; the dialect that keeps them answers it (connectors.h).
class AssigneeDirectory
{
public:
    virtual ~AssigneeDirectory() = default;
    // As the last synchronisation read them; none before the first.
    virtual Expected<QList<Assignee>, StoreError> knownAssignees(Database &db) const = 0;
};

} // namespace C360
