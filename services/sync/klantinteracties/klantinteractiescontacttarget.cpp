// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiescontacttarget.h"

#include "common/clock.h"
#include "store/contactmomentrepository.h"
#include "store/database.h"
#include "store/localchange.h"
#include "store/statement.h"
#include "store/syncstaterepository.h"
#include "sync/commongroundcrawl.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/restjob.h"

#include <KLocalizedString>

#include <QJsonDocument>
#include <QUuid>

namespace C360
{

namespace
{
SyncProblem problem(SyncProblem::Kind kind, const QString &detail)
{
    SyncProblem p;
    p.kind = kind;
    p.detail = detail;
    return p;
}

// The outbox resource under which versions before the dialect-neutral outbox queued contact
// moments, with the maak-klantcontact body as payload.
const QString legacyResource = QStringLiteral("klantcontacten");
} // namespace

QByteArray KlantinteractiesContactTarget::payload(const ContactMoment &contact, const QString &partyUuid, const QString &language)
{
    return QJsonDocument(KlantinteractiesMapper::maakKlantcontact(contact, partyUuid, language)).toJson(QJsonDocument::Compact);
}

bool KlantinteractiesContactTarget::handles(const OutboxEntry &entry) const
{
    return entry.source == context().source.id && (entry.resource == LocalChange::ContactMoments || entry.resource == legacyResource) &&
        entry.entityKind == ItemKind::ContactMoment;
}

std::optional<OutboxTarget::Hold> KlantinteractiesContactTarget::prepare(Database &db, const OutboxEntry &entry)
{
    if (entry.resource == legacyResource) {
        m_body = entry.payload; // an earlier version queued the body itself
        return std::nullopt;
    }
    auto contact = ContactMomentRepository(db).find(entry.entityId);
    if (!contact) {
        return Hold{false, i18nc("@info outbox", "The local store could not be read (%1). The change is tried again later.", contact.error().message())};
    }
    if (!*contact) {
        return Hold{true, i18nc("@info outbox", "The contact moment no longer exists here, so it cannot be sent.")};
    }
    const LocalChange::Facts facts = LocalChange::factsOf(entry);
    m_body = payload(**contact, facts.origin.party, facts.origin.language);
    return std::nullopt;
}

QNetworkRequest KlantinteractiesContactTarget::request(const OutboxEntry &entry, QByteArray *method, QByteArray *body)
{
    *method = QByteArrayLiteral("POST");
    *body = m_body;
    return authorizedRequest(context().source.baseUrl.resolved(QUrl(QStringLiteral("maak-klantcontact"))), entry);
}

Expected<OutboxTarget::Pushed, SyncProblem> KlantinteractiesContactTarget::accepted(Database &db, const OutboxEntry &entry, const RestJob &job)
{
    const QJsonObject answer = QJsonDocument::fromJson(job.body()).object();
    const QString uuid = answer.value(QStringLiteral("klantcontact")).toObject().value(QStringLiteral("uuid")).toString();
    if (QUuid::fromString(uuid).isNull()) {
        return unexpected(problem(SyncProblem::Kind::Malformed, QStringLiteral("maak-klantcontact answered without a klantcontact uuid")));
    }
    const QString source = context().source.id;
    auto fail = [](const StoreError &e) {
        return unexpected(problem(SyncProblem::Kind::Store, e.message()));
    };
    // A pull may have brought the contact in already (the push was accepted before, but not
    // recorded): that copy is this contact moment, which stays.
    Statement duplicate(db, QStringLiteral("DELETE FROM contact_moments WHERE source_system = ? AND source_id = ? AND id <> ?"));
    if (auto r = duplicate.exec({source, uuid, entry.entityId}); !r) {
        return fail(r.error());
    }
    Statement update(db, QStringLiteral("UPDATE contact_moments SET source_system = ?, source_id = ? WHERE id = ?"));
    if (auto r = update.exec({source, uuid, entry.entityId}); !r) {
        return fail(r.error());
    }
    if (update.numRowsAffected() > 0) {
        // An empty hash: the next pull maps the back end's copy onto this contact moment once.
        SyncRecord record{source, QStringLiteral("klantcontacten"), uuid, QByteArray(), entry.entityId, db.clock().now()};
        if (auto r = SyncStateRepository(db).saveRecord(record); !r) {
            return fail(r.error());
        }
    }
    if (auto r = CommonGroundCrawl::forgetListEtag(db, source, QStringLiteral("klantcontacten")); !r) {
        return fail(r.error());
    }
    return Pushed{uuid};
}

} // namespace C360
