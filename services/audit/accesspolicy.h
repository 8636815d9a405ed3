// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"
#include "role.h"

#include <QString>

namespace C360
{

// What a service call does, for the role check every such call makes first.
enum class Operation {
    Search, // find citizens
    OpenCase, // a citizen's profile and timeline
    RevealIdentifier,
    RegisterContact,
    HandleRequests, // create, supplement, answer, close, assign
    LinkCatalogue,
    DecideMatch, // confirm or reject a possible-match report
    ViewWorklist,
    ViewAudit, // the supervisor audit window and its service
    AccessReport, // GDPR art. 15: who looked at a citizen
    ExportCitizen, // GDPR export of everything held
    Purge,
    ManageUsers,
    Synchronise,
    ConfirmDeletions, // let a sync remove what a back end no longer lists, past the safety bounds
    CopyStore, // copy a whole store into another (citizen360-admin copy-store)
};
C360_ENUM_KEYS(Operation,
               {Operation::Search, "search"},
               {Operation::OpenCase, "open_case"},
               {Operation::RevealIdentifier, "reveal_identifier"},
               {Operation::RegisterContact, "register_contact"},
               {Operation::HandleRequests, "handle_requests"},
               {Operation::LinkCatalogue, "link_catalogue"},
               {Operation::DecideMatch, "decide_match"},
               {Operation::ViewWorklist, "view_worklist"},
               {Operation::ViewAudit, "view_audit"},
               {Operation::AccessReport, "access_report"},
               {Operation::ExportCitizen, "export_citizen"},
               {Operation::Purge, "purge"},
               {Operation::ManageUsers, "manage_users"},
               {Operation::Synchronise, "synchronise"},
               {Operation::ConfirmDeletions, "confirm_deletions"},
               {Operation::CopyStore, "copy_store"})

// Which role may do what. Front-office staff (counter clerks, call-centre agents) work cases;
// supervisors work cases and audit access; administrators run the installation (accounts,
// retention, synchronisation, GDPR requests) but open no cases.
namespace AccessPolicy
{
bool allows(Role role, Operation operation);
} // namespace AccessPolicy

} // namespace C360
