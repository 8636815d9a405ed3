// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/connectors.h"

#include "sync/ipdc/ipdcldessync.h"
#include "sync/klantinteracties/klantinteracties.h"
#include "sync/klantinteracties/klantinteractiesactors.h"
#include "sync/open311/open311requestssync.h"
#include "sync/verwerkingenlogging/verwerkingenloggingexport.h"
#include "sync/verwerkingenlogging/verwerkingenloggingtarget.h"
#include "sync/zgw/zgw.h"

namespace C360
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
        case Dialect::Zgw:
            return makeZgwSyncs(context);
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
        case Dialect::Zgw:
            break; // read only
        }
        return {};
    };
}

std::unique_ptr<AuditExportSink> auditExportSink(Database &db, const SourceConfig &source)
{
    if (source.dialect == Dialect::Verwerkingenlogging) {
        return std::make_unique<VerwerkingenloggingExport>(db, source.id);
    }
    return nullptr;
}

std::unique_ptr<AssigneeDirectory> assigneeDirectory(const SourceConfig &source)
{
    if (source.dialect == Dialect::Klantinteracties) {
        return std::make_unique<KlantinteractiesActors>(source.id);
    }
    return nullptr;
}

} // namespace C360
