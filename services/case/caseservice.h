// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "case/casechanges.h"
#include "casefile.h"
#include "identifier.h"

namespace C360
{

// The one path to a citizen's profile, and the contacts and decisions staff record in a case
// (requests: requestservice.h; the catalogue: catalogueservice.h).
//
// Every call checks the role first (a refused call writes an access_denied entry), then writes its
// audit entry, durably, before any profile data is returned: opening a case (profile_opened, with
// the purpose), revealing an identifier (identifier_revealed). A change (a contact moment, a
// decision on a possible match) is written with its audit entry (change) and, where the contact
// back end (contactSource, casechanges.h) takes it, its outbox entry, in one transaction.
class CaseService
{
public:
    explicit CaseService(AuditService &audit, const QString &contactSource = {});

    // The citizen's whole case, read in one snapshot after the profile_opened entry is written.
    Expected<CaseFile, ServiceError> open(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);
    // What printing an open case does first: the role check, a purpose and a durable print entry,
    // before the page leaves the workstation.
    Expected<void, ServiceError> beforePrinting(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);
    // The end of the running contact with citizenId (contact_ended, with its purpose): what the
    // audit log's sessions end with, besides the next profile opened.
    Expected<void, ServiceError> endContact(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);
    // The citizen's first identifier unmasked (national number, else BIS, else BSN).
    Expected<Identifier, ServiceError> revealIdentifier(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);

    // Registers contact (by staff, now when it has no time) and queues it for the back end;
    // returns its id. Its subject may not be empty.
    Expected<qint64, ServiceError> registerContact(const StaffMember &staff, const Purpose &purpose, ContactMoment contact);
    // The contact moment staff is typing for citizenId, kept so that a crash or a closed window
    // loses nothing (one per staff member and citizen); registerContact() removes it.
    Expected<void, ServiceError> saveDraft(const StaffMember &staff, const ContactMoment &contact);
    Expected<std::optional<ContactMoment>, ServiceError> draft(const StaffMember &staff, qint64 citizenId);
    Expected<void, ServiceError> discardDraft(const StaffMember &staff, qint64 citizenId);
    // Confirms (the report becomes the citizen's) or rejects a possible-match report.
    Expected<void, ServiceError> decideMatch(const StaffMember &staff, const Purpose &purpose, qint64 reportId, qint64 citizenId, bool confirm);

private:
    AuditService &m_audit;
    Database &m_db;
    CaseChanges m_changes;
};

} // namespace C360
