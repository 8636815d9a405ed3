// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/accesspolicy.h"

#include <KLocalizedString>

namespace C360::AccessPolicy
{

bool allows(Role role, Operation operation)
{
    switch (operation) {
    case Operation::Search:
    case Operation::OpenCase:
    case Operation::RevealIdentifier:
    case Operation::RegisterContact:
    case Operation::HandleRequests:
    case Operation::LinkCatalogue:
    case Operation::DecideMatch:
    case Operation::ViewWorklist:
        return role == Role::CounterClerk || role == Role::CallCentreAgent || role == Role::Supervisor;
    case Operation::ViewAudit:
    case Operation::AccessReport:
        return role == Role::Supervisor || role == Role::Administrator;
    case Operation::ExportCitizen:
    case Operation::Purge:
    case Operation::ManageUsers:
    case Operation::ConfirmDeletions:
    case Operation::CopyStore:
        return role == Role::Administrator;
    case Operation::Synchronise:
        return role == Role::Administrator || role == Role::SyncService;
    }
    return false;
}

} // namespace C360::AccessPolicy
