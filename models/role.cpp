// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "role.h"

#include <KLocalizedString>

namespace C360
{

QString roleName(Role role)
{
    switch (role) {
    case Role::CounterClerk:
        return i18nc("@item role", "Counter clerk");
    case Role::CallCentreAgent:
        return i18nc("@item role", "Call-centre agent");
    case Role::Supervisor:
        return i18nc("@item role", "Supervisor");
    case Role::Administrator:
        return i18nc("@item role", "Administrator");
    case Role::SyncService:
        return i18nc("@item role", "Synchronisation service");
    }
    return {};
}

} // namespace C360
