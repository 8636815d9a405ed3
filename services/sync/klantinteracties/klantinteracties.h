// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/resourcesync.h"

#include <memory>
#include <vector>

namespace C360
{

// The Klantinteracties (Open Klant 2.x) resources of a source, in the order a run needs them:
// "partijen" (citizens) before "klantcontacten" (contact moments, linked to citizens) before
// "internetaken" (requests, linked through their contacts).
std::vector<std::unique_ptr<ResourceSync>> makeKlantinteractiesSyncs(const SyncContext &context);
// Its outbox targets: contact moments made here ("klantcontacten").
std::vector<std::unique_ptr<OutboxTarget>> makeKlantinteractiesTargets(const SyncContext &context);

} // namespace C360
