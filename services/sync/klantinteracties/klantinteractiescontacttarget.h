// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "contactmoment.h"
#include "sync/resourcesync.h"

namespace C360
{

// Pushes contact moments made here (the dialect-neutral outbox entries LocalChange::ContactMoments
// of store/localchange.h) to a Klantinteracties back end with one POST maak-klantcontact
// (klantcontact and betrokkene made together, so that a retry cannot leave half of it), carrying
// the entry's Idempotency-Key. The body (see payload()) is made from the contact moment as the store
// holds it when the entry is sent; entries an earlier version queued as "klantcontacten" carry it. When the back end accepts,
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
    std::optional<Hold> prepare(Database &db, const OutboxEntry &entry) override;
    QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) override;
    Expected<Pushed, SyncProblem> accepted(Database &db, const OutboxEntry &entry, const RestJob &job) override;

private:
    QByteArray m_body; // what prepare() made for the request() that follows it
};

} // namespace C360
