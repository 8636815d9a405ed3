// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiesactors.h"

#include "sync/klantinteracties/klantinteractiestakensync.h"

namespace C360
{

Expected<QList<Assignee>, StoreError> KlantinteractiesActors::knownAssignees(Database &db) const
{
    auto actors = KlantinteractiesTakenSync::knownActors(db, m_source);
    if (!actors) {
        return unexpected(std::move(actors).error());
    }
    return actors->values();
}

} // namespace C360
