// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteracties.h"

#include "sync/klantinteracties/klantinteractiescontactensync.h"
#include "sync/klantinteracties/klantinteractiescontacttarget.h"
#include "sync/klantinteracties/klantinteractiespartijensync.h"
#include "sync/klantinteracties/klantinteractiesrequesttarget.h"
#include "sync/klantinteracties/klantinteractiestakensync.h"

namespace C360
{

std::vector<std::unique_ptr<ResourceSync>> makeKlantinteractiesSyncs(const SyncContext &context)
{
    std::vector<std::unique_ptr<ResourceSync>> syncs;
    syncs.push_back(std::make_unique<KlantinteractiesPartijenSync>(context));
    syncs.push_back(std::make_unique<KlantinteractiesContactenSync>(context));
    syncs.push_back(std::make_unique<KlantinteractiesTakenSync>(context));
    return syncs;
}

std::vector<std::unique_ptr<OutboxTarget>> makeKlantinteractiesTargets(const SyncContext &context)
{
    std::vector<std::unique_ptr<OutboxTarget>> targets;
    targets.push_back(std::make_unique<KlantinteractiesContactTarget>(context));
    targets.push_back(std::make_unique<KlantinteractiesRequestTarget>(context));
    return targets;
}

} // namespace C360
