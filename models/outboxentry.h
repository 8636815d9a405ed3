// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QByteArray>
#include <QDateTime>

namespace C360
{

enum class OutboxState { Pending, Sending, Failed, Rejected, Done };
C360_ENUM_KEYS(OutboxState,
               {OutboxState::Pending, "pending"},
               {OutboxState::Sending, "sending"},
               {OutboxState::Failed, "failed"},
               {OutboxState::Rejected, "rejected"},
               {OutboxState::Done, "done"})

// A local change waiting to be pushed to a back end; the idempotency key makes a retried push
// land exactly once.
struct OutboxEntry
{
    qint64 id = 0;
    QString idempotencyKey;
    QString source; // back end
    QString resource; // "klantcontacten", "requests", "verwerkingsacties"
    QString operation; // "create", "update"
    ItemKind entityKind = ItemKind::ContactMoment;
    qint64 entityId = 0;
    QByteArray payload; // JSON
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    QString lastError;
    QDateTime created; // UTC
    QDateTime nextAttempt;
    QDateTime sent;
    QString remoteId;

    bool isOutstanding() const { return state == OutboxState::Pending || state == OutboxState::Sending || state == OutboxState::Failed; }
    friend bool operator==(const OutboxEntry &, const OutboxEntry &) = default;
};

} // namespace C360
