// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/resourcesync.h"

#include <memory>
#include <vector>

namespace C360
{

// The ZGW resources of a case system, in the order a run needs them: the catalogue's
// "zaaktypen" and "statustypen", then "zaken", their "statussen" and the "rollen" that say whose
// case each is.
std::vector<std::unique_ptr<ResourceSync>> makeZgwSyncs(const SyncContext &context);

} // namespace C360
