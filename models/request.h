// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QDateTime>
#include <QList>

namespace C360
{

enum class RequestStatus { Open, Answered, Closed };
C360_ENUM_KEYS(RequestStatus, {RequestStatus::Open, "open"}, {RequestStatus::Answered, "answered"}, {RequestStatus::Closed, "closed"})

enum class AssigneeKind { Person, Team };
C360_ENUM_KEYS(AssigneeKind, {AssigneeKind::Person, "person"}, {AssigneeKind::Team, "team"})

struct Assignee
{
    AssigneeKind kind = AssigneeKind::Team;
    QString name;

    bool isEmpty() const { return name.isEmpty(); }
    friend bool operator==(const Assignee &, const Assignee &) = default;
};

// Something added to a request after it was made: more information, a partial answer.
struct Supplement
{
    qint64 id = 0;
    QString author;
    QDateTime time; // UTC
    QString text;
    friend bool operator==(const Supplement &, const Supplement &) = default;
};

// A citizen's question (vraag), kept for a limited time and supplemented until it is answered.
struct Request
{
    // Requests are kept this long after creation unless the administrator configures otherwise.
    static constexpr int DefaultRetentionDays = 30;

    qint64 id = 0;
    SourceRef source;
    qint64 citizenId = 0;
    QString question;
    QString answer;
    RequestStatus status = RequestStatus::Open;
    Assignee assignee;
    QDateTime created; // UTC
    QDateTime deadline;
    QDateTime expires; // after this the content is purged
    QList<Supplement> supplements;
    QList<ItemLink> links;
    // Its handling's version: 1 when made, one more for each change of status, answer, assignee or
    // deadline (supplements add, they change nothing); by whom (empty: at the back end, read by a
    // synchronisation) and when the last one was made. A change made on an older version is
    // refused (RequestService), so that two people handling it at once lose nothing.
    int version = 0;
    QString changedBy;
    QDateTime changedAt; // UTC; invalid while it was never changed

    static QDateTime expiryFor(const QDateTime &created, int retentionDays = DefaultRetentionDays) { return created.addDays(retentionDays); }
    bool isOpen() const { return status == RequestStatus::Open; }
    bool isExpired(const QDateTime &now) const { return expires.isValid() && now >= expires; }
    // When it must be dealt with: its deadline, or the day it is deleted when that comes first or
    // there is no deadline; invalid with neither.
    QDateTime due() const { return dueOf(deadline, expires); }
    // Whole days until due() (negative when past); 0 when there is none.
    qint64 daysLeft(const QDateTime &now) const { return due().isValid() ? now.date().daysTo(due().date()) : 0; }

    static QDateTime dueOf(const QDateTime &deadline, const QDateTime &expires)
    {
        if (!deadline.isValid() || (expires.isValid() && expires < deadline)) {
            return expires;
        }
        return deadline;
    }

    friend bool operator==(const Request &, const Request &) = default;
};

// A request as someone saw it when they began a change to it: its id and the version they saw.
// Version 0 checks nothing: for callers that read the request and change it at once.
struct SeenRequest
{
    qint64 id = 0;
    int version = 0;

    SeenRequest(qint64 requestId, int seenVersion = 0) // NOLINT(google-explicit-constructor): an id alone is "as it is now"
        : id(requestId)
        , version(seenVersion)
    {
    }
    SeenRequest(const Request &request) // NOLINT(google-explicit-constructor)
        : id(request.id)
        , version(request.version)
    {
    }
};

// What remains of a purged request: when it existed and when it went, nothing about the person.
struct PurgeRecord
{
    qint64 id = 0;
    ItemKind kind = ItemKind::Request;
    qint64 itemId = 0;
    QDateTime created;
    QDateTime purged;
    QString reason; // a key such as "retention"
    friend bool operator==(const PurgeRecord &, const PurgeRecord &) = default;
};

} // namespace C360
