// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "connectors.h"

#include "open311sync.h"

namespace c360
{

ResourceSyncFactory allResourceSyncs()
{
    return [](const SyncContext &context) -> std::vector<std::unique_ptr<ResourceSync>> {
        switch (context.source.dialect) {
        case Dialect::Open311:
            return makeOpen311Syncs(context);
        case Dialect::Klantinteracties:
        case Dialect::Ipdc:
        case Dialect::Verwerkingenlogging:
            break;
        }
        return {};
    };
}

OutboxTargetFactory allOutboxTargets()
{
    return [](const SyncContext &context) -> std::vector<std::unique_ptr<OutboxTarget>> {
        switch (context.source.dialect) {
        case Dialect::Open311:
        case Dialect::Klantinteracties:
        case Dialect::Ipdc:
        case Dialect::Verwerkingenlogging:
            break;
        }
        return {};
    };
}

} // namespace c360
