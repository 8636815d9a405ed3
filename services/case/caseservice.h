// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "casefile.h"
#include "identifier.h"
#include "worklistmodel.h"

namespace c360
{

// The one path to a citizen's profile, and the changes staff make in a case.
//
// Every call checks the role first (a refused call writes an access_denied entry), then writes its
// audit entry, durably, before any profile data is returned: opening a case (profile_opened, with
// the purpose), revealing an identifier (identifier_revealed). A change (a contact moment, a
// request, a supplement, an answer, a link, a decision on a possible match) is written with its
// audit entry (change) and, where a back end takes it, its outbox entry, in one transaction.
//
// contactSource names the Klantinteracties source that receives contact moments, requests and
// supplements made here (empty: they stay local). They go with the citizen as party (betrokkene);
// the items of a citizen who did not come from that source stay local.
class CaseService
{
public:
    explicit CaseService(AuditService &audit, const QString &contactSource = {});

    // The citizen's whole case, read in one snapshot after the profile_opened entry is written.
    Expected<CaseFile, ServiceError> open(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);
    // What printing an open case does first: the role check, a purpose and a durable print entry,
    // before the page leaves the workstation.
    Expected<void, ServiceError> beforePrinting(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);
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
    // Creates request (status open; created now; expires after the retention period), linked to
    // the contact moment contactId when it is not 0, and queues it; returns its id.
    Expected<qint64, ServiceError>
    createRequest(const StaffMember &staff, const Purpose &purpose, Request request, qint64 contactId = 0, Channel channel = Channel::Counter);
    Expected<qint64, ServiceError>
    supplementRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const QString &text, Channel channel = Channel::Counter);
    // Answering sets the status to answered; closing to closed.
    // The answer is given in a contact on channel (how the citizen hears it).
    Expected<void, ServiceError>
    answerRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const QString &answer, Channel channel = Channel::Counter);
    Expected<void, ServiceError> closeRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId);
    Expected<void, ServiceError> assignRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const Assignee &assignee);
    // How many days requests are kept after they were made (retentionservice.h).
    int retentionDays();
    // Whom a request can be assigned to: the staff members and teams the contact back end knows
    // (as its last synchronisation read them), and staff and their team; by name.
    Expected<QList<Assignee>, ServiceError> assignees(const StaffMember &staff, const QString &team = {});
    Expected<void, ServiceError> linkCatalogue(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, qint64 entryId);
    // Confirms (the report becomes the citizen's) or rejects a possible-match report.
    Expected<void, ServiceError> decideMatch(const StaffMember &staff, const Purpose &purpose, qint64 reportId, qint64 citizenId, bool confirm);

    // The open requests (open or answered, not closed) assigned to staff by name, or with team to
    // that team as well; overdue first. Each citizen on it is audited as shown in a list.
    Expected<QList<WorklistItem>, ServiceError> worklist(const StaffMember &staff, const QString &team = {}, int limit = 500);
    // Products and services whose texts hold every word of text as a prefix, those in language
    // (else Dutch) first. No profile data: not audited.
    Expected<QList<CatalogueEntry>, ServiceError> searchCatalogue(const QString &text, const QString &language, int limit = 50);
    // Products that relate to the case, not linked yet, each with its reason: first those for the
    // citizen's life events as of today (lifeevents.h), then those matching the categories of the
    // open reports and the questions of the open requests.
    Expected<QList<CatalogueSuggestion>, ServiceError> suggestions(const CaseFile &file, const QString &language, int limit = 5);

private:
    // Role check, then an existing request; its citizen for the audit entry.
    Expected<Request, ServiceError> requestFor(const StaffMember &staff, const Purpose &purpose, qint64 requestId);
    // Stores request's handling, audits it as what, and queues the update for the back end (with
    // the answer, given in a contact on channel, when answered).
    Expected<void, ServiceError>
    updateRequest(const StaffMember &staff, const Purpose &purpose, const Request &request, const QString &what, bool answered, Channel channel);
    Expected<void, ServiceError> audited(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, const QString &what, qint64 id);
    // The party uuid and language for a push of citizenId's items; nullopt when nothing is pushed.
    struct PushOrigin
    {
        QString party;
        QString language;
    };
    Expected<std::optional<PushOrigin>, StoreError> pushOrigin(qint64 citizenId);

    AuditService &m_audit;
    Database &m_db;
    QString m_contactSource;
};

} // namespace c360
