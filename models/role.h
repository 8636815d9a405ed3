// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"

namespace c360
{

// The four roles of DESIGN.md; services check them on every call.
enum class Role { CounterClerk, CallCentreAgent, Supervisor, Administrator };
C360_ENUM_KEYS(Role,
               {Role::CounterClerk, "counter_clerk"},
               {Role::CallCentreAgent, "call_centre_agent"},
               {Role::Supervisor, "supervisor"},
               {Role::Administrator, "administrator"})

} // namespace c360
