// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "case/assigneedirectory.h"
#include "case/casechanges.h"
#include "request.h"
#include "worklistmodel.h"

namespace C360
{

// The requests staff make for a citizen, and their handling: made, supplemented, answered, closed
// and assigned, each with its audit entry (change) and, where the contact back end takes the
// citizen's items (contactSource, casechanges.h), its outbox entry, in one transaction; and the
// worklist of those assigned to a staff member or their team. Every call checks the role first.
class RequestService
{
public:
    explicit RequestService(AuditService &audit, const QString &contactSource = {});
    // Who the contact back end knows as assignees (not owned; null: only staff and their team).
    void setAssigneeDirectory(const AssigneeDirectory *directory) { m_assignees = directory; }

    // Creates request (status open; created now; expires after the retention period), linked to
    // the contact moment contactId when it is not 0, and queues it; returns its id.
    Expected<qint64, ServiceError>
    createRequest(const StaffMember &staff, const Purpose &purpose, Request request, qint64 contactId = 0, Channel channel = Channel::Counter);
    Expected<qint64, ServiceError>
    supplementRequest(const StaffMember &staff, const Purpose &purpose, qint64 requestId, const QString &text, Channel channel = Channel::Counter);
    // Answering, closing, reopening and assigning change the request as seen: when someone (or a
    // synchronisation) changed it after the version seen, the change is refused with an error of
    // kind Changed that says who changed it and when, and nothing is written. Supplements only
    // add, and are never refused for it.
    // Answering sets the status to answered; closing to closed.
    // The answer is given in a contact on channel (how the citizen hears it).
    Expected<void, ServiceError>
    answerRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen, const QString &answer, Channel channel = Channel::Counter);
    // Closing records why as a supplement (reason, when given: staff are asked for one), then the
    // status; both go to the back end.
    Expected<void, ServiceError> closeRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen, const QString &reason = {});
    // Undoes a close while it has not reached the back end: its update leaves the outbox and the
    // request is open (or answered) again, audited as request_reopened. Once the close was sent
    // (or is being sent) it is refused with why: the back end has it.
    Expected<void, ServiceError> reopenRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen);
    // Whether reopenRequest() can still undo the close of requestId.
    Expected<bool, ServiceError> canReopen(qint64 requestId);
    Expected<void, ServiceError> assignRequest(const StaffMember &staff, const Purpose &purpose, SeenRequest seen, const Assignee &assignee);
    // How many days requests are kept after they were made (retentionservice.h).
    int retentionDays();
    // Whom a request can be assigned to: the staff members and teams the contact back end knows
    // (as its last synchronisation read them), and staff and their team; by name.
    Expected<QList<Assignee>, ServiceError> assignees(const StaffMember &staff, const QString &team = {});
    // The open requests (open or answered, not closed) assigned to staff by name, or with team to
    // that team as well; overdue first. Each citizen on it is audited as shown in a list.
    Expected<QList<WorklistItem>, ServiceError> worklist(const StaffMember &staff, const QString &team = {}, int limit = 500);

private:
    // Role check, then an existing request, at the version seen (when one is given); its citizen
    // for the audit entry.
    Expected<Request, ServiceError> requestFor(const StaffMember &staff, const Purpose &purpose, SeenRequest seen);
    // The refusal of a change made on an older version than current: who changed it, and when.
    static ServiceError changedMeanwhile(const Request &current);
    // written as a service's result; a Changed refusal says who changed requestId and when.
    Expected<void, ServiceError> stored(Expected<void, StoreError> written, qint64 requestId);
    // Stores request's handling, audits it as what, and queues the update for the back end (with
    // the answer, given in a contact on channel, when answered).
    Expected<void, ServiceError>
    updateRequest(const StaffMember &staff, const Purpose &purpose, const Request &request, const QString &what, bool answered, Channel channel);

    AuditService &m_audit;
    Database &m_db;
    CaseChanges m_changes;
    const AssigneeDirectory *m_assignees = nullptr;
};

} // namespace C360
