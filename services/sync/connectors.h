// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/resourcesync.h"

namespace c360
{

// Every dialect's resources and outbox targets, chosen by each source's dialect: what the
// application and citizen360-admin hand to the sync engine.
ResourceSyncFactory allResourceSyncs();
OutboxTargetFactory allOutboxTargets();

} // namespace c360
