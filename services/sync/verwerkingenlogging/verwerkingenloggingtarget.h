// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/resourcesync.h"

#include <memory>
#include <vector>

namespace C360
{

// Pushes the verwerkingsacties VerwerkingenloggingExport queued to a VNG Verwerkingenlogging back end (Bewerking
// API: POST verwerkingsacties with a bearer token and the entry's Idempotency-Key), and takes the
// actieId it answers as the entry's remote id.
class VerwerkingenloggingTarget final : public OutboxTarget
{
public:
    explicit VerwerkingenloggingTarget(const SyncContext &context);

    bool handles(const OutboxEntry &entry) const override;
    QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) override;
    Expected<Pushed, SyncProblem> accepted(Database &db, const OutboxEntry &entry, const RestJob &job) override;

    // The remote id in an answer: its actieId, else the last segment of its url or Location.
    static QString remoteId(const QByteArray &body, const QByteArray &location);
};

// The Verwerkingenlogging targets of a source: verwerkingsacties.
std::vector<std::unique_ptr<OutboxTarget>> makeVerwerkingenloggingTargets(const SyncContext &context);

} // namespace C360
