// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"

#include <QString>

namespace C360
{

// The four roles of DESIGN.md, and the account a synchronisation service runs as (citizen360-admin
// sync from cron or systemd), which may synchronise and nothing else; services check them on
// every call.
enum class Role { CounterClerk, CallCentreAgent, Supervisor, Administrator, SyncService };
C360_ENUM_KEYS(Role,
               {Role::CounterClerk, "counter_clerk"},
               {Role::CallCentreAgent, "call_centre_agent"},
               {Role::Supervisor, "supervisor"},
               {Role::Administrator, "administrator"},
               {Role::SyncService, "sync_service"})

// The translated name of a role ("Counter clerk").
QString roleName(Role role);

} // namespace C360
