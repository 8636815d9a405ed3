// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/connectors.h"

#include "sync/ipdc/ipdcsync.h"
#include "sync/klantinteracties/klantinteracties.h"
#include "sync/open311/open311sync.h"
#include "sync/verwerkingenlogging/verwerkingenloggingtarget.h"

namespace c360
{

ResourceSyncFactory allResourceSyncs()
{
    return [](const SyncContext &context) -> std::vector<std::unique_ptr<ResourceSync>> {
        switch (context.source.dialect) {
        case Dialect::Open311:
            return makeOpen311Syncs(context);
        case Dialect::Klantinteracties:
            return makeKlantinteractiesSyncs(context);
        case Dialect::Ipdc:
            return makeIpdcSyncs(context);
        case Dialect::Verwerkingenlogging:
            break; // export only
        }
        return {};
    };
}

OutboxTargetFactory allOutboxTargets()
{
    return [](const SyncContext &context) -> std::vector<std::unique_ptr<OutboxTarget>> {
        switch (context.source.dialect) {
        case Dialect::Klantinteracties:
            return makeKlantinteractiesTargets(context);
        case Dialect::Verwerkingenlogging:
            return makeVerwerkingenloggingTargets(context);
        case Dialect::Open311:
        case Dialect::Ipdc:
            break; // read only
        }
        return {};
    };
}

} // namespace c360
