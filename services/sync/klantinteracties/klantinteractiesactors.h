// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "case/assigneedirectory.h"

namespace C360
{

// The actors the last internetaken pull of source read: whom requests made here can be assigned to.
class KlantinteractiesActors final : public AssigneeDirectory
{
public:
    explicit KlantinteractiesActors(const QString &source)
        : m_source(source)
    {
    }
    Expected<QList<Assignee>, StoreError> knownAssignees(Database &db) const override;

private:
    QString m_source;
};

} // namespace C360
