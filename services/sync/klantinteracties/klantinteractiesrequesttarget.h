// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"
#include "request.h"
#include "sync/resourcesync.h"

#include <QHash>
#include <QJsonObject>

namespace C360
{

// Pushes requests made here, and supplements added here, to a Klantinteracties back end: the
// dialect-neutral outbox entries of store/localchange.h on LocalChange::Requests (and those an
// earlier version queued as "internetaken", with the same payload).
//
// A request becomes an InterneTaak, which needs the klantcontact it came from
// (aanleidinggevendKlantcontact):
//  - when the request is linked to a contact moment this back end already holds, that one;
//  - when it is linked to one still waiting in the outbox, the request waits for it;
//  - otherwise a first step makes the klantcontact (maak-klantcontact with the citizen as
//    betrokkene), and the second the internetaak; each step has its own idempotency key, and the
//    klantcontact's uuid is kept on the entry between them.
// The assignee must be an actor the back end knows (by name, as the last pull of internetaken read
// them): an unknown one refuses the request before anything is sent, for correction. Once accepted,
// the local request takes the internetaak's uuid as its source id, so that the next pull updates it.
// A question longer than gevraagdeHandeling's 200 characters is cut at a word and goes on in the
// toelichting.
//
// A supplement becomes a klantcontact about the internetaak (an onderwerpobject that identifies
// it), with the citizen as betrokkene. It waits until its request has been sent. The next pull
// recognises that klantcontact and leaves it out of the contact moments: here it is a supplement.
//
// Handling a request here (operation "update": answered, closed or assigned) patches the
// internetaak with the request's state when the entry is sent: its status (te_verwerken while
// open, verwerkt once answered or closed, with afgehandeldOp the time of that change) and its
// assignee. An answer first goes out as a klantcontact about the internetaak that carries the
// answer, held here as the request's answer rather than as a contact moment. An update waits
// until its request has been sent.
class KlantinteractiesRequestTarget final : public OutboxTarget
{
public:
    using OutboxTarget::OutboxTarget;

    // The question as gevraagdeHandeling (at most 200 characters) and toelichting (the rest).
    static std::pair<QString, QString> splitQuestion(const QString &question);

    bool handles(const OutboxEntry &entry) const override;
    std::optional<Hold> prepare(Database &db, const OutboxEntry &entry) override;
    QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) override;
    Expected<Pushed, SyncProblem> accepted(Database &db, const OutboxEntry &entry, const RestJob &job) override;

private:
    enum class Step { Contact, Task, Supplement, Answer, Patch };
    std::optional<Hold> prepareRequest(Database &db, const OutboxEntry &entry);
    std::optional<Hold> prepareSupplement(Database &db, const OutboxEntry &entry);
    std::optional<Hold> prepareUpdate(Database &db, const OutboxEntry &entry);
    // The assignee's actor uuid into m_actorUuid, or why the entry cannot go.
    std::optional<Hold> resolveActor(Database &db);
    // Whether the request is at this back end already; if not, whether it waits or is refused.
    std::optional<Hold> requestSent(Database &db, const QString &waitReason, const QString &refusal);
    // A maak-klantcontact body about the request's internetaak.
    QByteArray aboutTask(QJsonObject contact) const;
    Expected<Pushed, SyncProblem> taskAccepted(Database &db, const OutboxEntry &entry, const QString &uuid);

    // What prepare() read for the request() that follows it.
    Step m_step = Step::Contact;
    Request m_request;
    Supplement m_supplement;
    QString m_contactUuid; // the aanleidinggevend klantcontact
    QString m_actorUuid;
};

} // namespace C360
