// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "contactmoment.h"
#include "sync/resourcesync.h"

namespace c360
{

// Pushes contact moments made here (outbox resource "klantcontacten", ItemKind::ContactMoment) to
// a Klantinteracties back end with one POST maak-klantcontact (klantcontact and betrokkene made
// together, so that a retry cannot leave half of it), carrying the entry's Idempotency-Key.
// The entry's payload is the maak-klantcontact body (see payload()). When the back end accepts,
// the local contact moment takes the new klantcontact's uuid as its source id and a SyncRecord is
// kept for it, so that the next pull updates it instead of adding a second one.
// Requests and supplements go with KlantinteractiesRequestTarget.
class KlantinteractiesContactTarget final : public OutboxTarget
{
public:
    using OutboxTarget::OutboxTarget;

    // The outbox payload for contact: partyUuid is the citizen's source id when it came from this
    // back end (empty otherwise: the contact then goes without betrokkene).
    static QByteArray payload(const ContactMoment &contact, const QString &partyUuid, const QString &language = QStringLiteral("nl"));

    bool handles(const OutboxEntry &entry) const override;
    QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) override;
    Expected<Pushed, SyncProblem> accepted(Database &db, const OutboxEntry &entry, const RestJob &job) override;
};

} // namespace c360
