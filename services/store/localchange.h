// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"
#include "outboxentry.h"

#include <QDateTime>
#include <QString>

namespace C360
{

// Where a change made here comes from, as far as the contact back end is concerned: the citizen's
// source id at that back end (their party), the channel of the contact and the citizen's language.
struct ChangeOrigin
{
    QString party;
    Channel channel = Channel::Counter;
    QString language = QStringLiteral("nl");
};

// The outbox entries of changes made here, in no back end's terms: the case services queue them,
// and the outbox target of the contact back end's dialect turns each into its own request when it
// is sent (sync/klantinteracties/…target.h). resource names the local table the change is in,
// operation what happened to it, and the payload carries the origin and the operation's facts.
namespace LocalChange
{
// Resources.
inline const QString ContactMoments = QStringLiteral("contact_moments");
inline const QString Requests = QStringLiteral("requests");
// Operations.
inline const QString Create = QStringLiteral("create");
inline const QString Supplement = QStringLiteral("supplement"); // of a request: its entity is the request
inline const QString Update = QStringLiteral("update"); // a request answered, closed or assigned

OutboxEntry contactMoment(const QString &source, qint64 contactId, const ChangeOrigin &origin);
OutboxEntry request(const QString &source, qint64 requestId, const ChangeOrigin &origin);
OutboxEntry supplement(const QString &source, qint64 requestId, qint64 supplementId, const ChangeOrigin &origin);
// withAnswer when the request was answered; done the time it was answered or closed (invalid:
// neither, as for an assignment).
OutboxEntry requestUpdate(const QString &source, qint64 requestId, const ChangeOrigin &origin, bool withAnswer, const QDateTime &done);

// What an entry's payload says; a missing or damaged field takes its default.
struct Facts
{
    ChangeOrigin origin;
    qint64 supplementId = 0;
    bool withAnswer = false;
    QDateTime done; // UTC
};
Facts factsOf(const OutboxEntry &entry);
} // namespace LocalChange

} // namespace C360
