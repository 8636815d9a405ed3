// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiesrequesttarget.h"

#include "common/clock.h"
#include "store/database.h"
#include "store/localchange.h"
#include "store/requestrepository.h"
#include "store/statement.h"
#include "store/syncstaterepository.h"
#include "sync/commongroundcrawl.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/klantinteracties/klantinteractiestakensync.h"
#include "sync/restjob.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace C360
{

namespace
{
const QString resourceName = QStringLiteral("internetaken");
// The outbox resource under which versions before the dialect-neutral outbox queued requests (the
// payload had the same form).
const QString legacyResource = resourceName;
constexpr qsizetype MaxHandeling = 200;
constexpr qsizetype MaxToelichting = 1000;

SyncProblem problem(SyncProblem::Kind kind, const QString &detail)
{
    SyncProblem p;
    p.kind = kind;
    p.detail = detail;
    return p;
}

// The maak-klantcontact body for a contact of the citizen in origin.
QJsonObject contactBody(const ChangeOrigin &origin, const QString &subject, const QString &text, const QDateTime &time)
{
    ContactMoment contact;
    contact.channel = origin.channel;
    contact.subject = subject.left(MaxHandeling);
    contact.text = text;
    contact.time = time;
    return KlantinteractiesMapper::maakKlantcontact(contact, origin.party, origin.language);
}

// Whether one of the outstanding outbox entries of source matches condition (on the entry "o").
Expected<bool, StoreError> outstanding(Database &db, const QString &condition, const QVariantList &values)
{
    auto found =
        selectId(db,
                 QStringLiteral("SELECT o.id FROM outbox o WHERE o.state IN ('pending', 'sending', 'failed') AND ") + condition + QStringLiteral(" LIMIT 1"),
                 values);
    if (!found) {
        return unexpected(std::move(found).error());
    }
    return found->has_value();
}

OutboxTarget::Hold waiting(const QString &reason)
{
    return {false, reason};
}

OutboxTarget::Hold refused(const QString &reason)
{
    return {true, reason};
}

OutboxTarget::Hold storeHold(const StoreError &error)
{
    return waiting(i18nc("@info outbox", "The local store could not be read (%1). The change is tried again later.", error.message()));
}
} // namespace

std::pair<QString, QString> KlantinteractiesRequestTarget::splitQuestion(const QString &question)
{
    const QString q = question.trimmed();
    if (q.size() <= MaxHandeling) {
        return {q, QString()};
    }
    // At the last blank within the limit (a word cut in two only when there is none).
    qsizetype cut = q.lastIndexOf(QLatin1Char(' '), MaxHandeling);
    if (const qsizetype line = q.lastIndexOf(QLatin1Char('\n'), MaxHandeling); line > cut) {
        cut = line;
    }
    if (cut <= 0) {
        cut = MaxHandeling;
    }
    return {q.left(cut).trimmed(), q.mid(cut).trimmed().left(MaxToelichting)};
}

bool KlantinteractiesRequestTarget::handles(const OutboxEntry &entry) const
{
    return entry.source == context().source.id && (entry.resource == LocalChange::Requests || entry.resource == legacyResource) &&
        entry.entityKind == ItemKind::Request &&
        (entry.operation == LocalChange::Create || entry.operation == LocalChange::Supplement || entry.operation == LocalChange::Update);
}

std::optional<OutboxTarget::Hold> KlantinteractiesRequestTarget::prepare(Database &db, const OutboxEntry &entry)
{
    auto request = RequestRepository(db).find(entry.entityId);
    if (!request) {
        return storeHold(request.error());
    }
    if (!*request) {
        return refused(i18nc("@info outbox", "The request no longer exists here (its retention period ended), so it cannot be sent."));
    }
    m_request = **request;
    if (entry.operation == LocalChange::Supplement) {
        return prepareSupplement(db, entry);
    }
    return entry.operation == LocalChange::Update ? prepareUpdate(db, entry) : prepareRequest(db, entry);
}

std::optional<OutboxTarget::Hold> KlantinteractiesRequestTarget::resolveActor(Database &db)
{
    const QString source = context().source.id;
    // The assignee, by name among the actors this back end has.
    auto actors = KlantinteractiesTakenSync::knownActors(db, source);
    if (!actors) {
        return storeHold(actors.error());
    }
    if (actors->isEmpty()) {
        return waiting(i18nc("@info outbox", "Waits for the list of staff members and teams, which the next synchronisation reads."));
    }
    m_actorUuid.clear();
    for (auto it = actors->cbegin(); it != actors->cend() && m_actorUuid.isEmpty(); ++it) {
        if (it->kind == m_request.assignee.kind && it->name.compare(m_request.assignee.name, Qt::CaseInsensitive) == 0) {
            m_actorUuid = it.key();
        }
    }
    if (m_actorUuid.isEmpty()) {
        return refused(
            m_request.assignee.isEmpty()
                ? i18nc("@info outbox", "The request has no assignee. Assign it to a staff member or team, then send it again.")
                : i18nc("@info outbox",
                        "The customer contact server knows no staff member or team called “%1”. Assign the request to one it knows, then send it again.",
                        m_request.assignee.name));
    }
    return std::nullopt;
}

std::optional<OutboxTarget::Hold> KlantinteractiesRequestTarget::requestSent(Database &db, const QString &waitReason, const QString &refusal)
{
    const QString source = context().source.id;
    if (m_request.source.system == source && !m_request.source.id.isEmpty()) {
        return std::nullopt;
    }
    auto pending = outstanding(db,
                               QStringLiteral("o.source = ? AND o.resource IN (?, ?) AND o.operation = ? AND o.entity_id = ?"),
                               {source, LocalChange::Requests, legacyResource, LocalChange::Create, m_request.id});
    if (!pending) {
        return storeHold(pending.error());
    }
    return *pending ? waiting(waitReason) : refused(refusal);
}

std::optional<OutboxTarget::Hold> KlantinteractiesRequestTarget::prepareRequest(Database &db, const OutboxEntry &entry)
{
    if (auto hold = resolveActor(db)) {
        return hold;
    }
    const QString source = context().source.id;
    m_contactUuid = entry.remoteId; // the klantcontact a first step made
    if (m_contactUuid.isEmpty()) {
        Statement linked(db,
                         QStringLiteral("SELECT m.source_id FROM contact_moment_links l JOIN contact_moments m ON m.id = l.contact_moment_id "
                                        "WHERE l.request_id = ? AND m.source_system = ? AND m.source_id <> '' ORDER BY m.occurred_at DESC LIMIT 1"));
        if (auto r = linked.exec({m_request.id, source}); !r) {
            return storeHold(r.error());
        }
        if (linked.next()) {
            m_contactUuid = linked.value(0).toString();
        } else {
            linked.finish();
            auto pending = outstanding(db,
                                       QStringLiteral("o.source = ? AND o.entity_kind = 'contact_moment' AND o.entity_id IN "
                                                      "(SELECT contact_moment_id FROM contact_moment_links WHERE request_id = ?)"),
                                       {source, m_request.id});
            if (!pending) {
                return storeHold(pending.error());
            }
            if (*pending) {
                return waiting(i18nc("@info outbox", "Waits until the contact moment it was made in has been sent."));
            }
        }
    }
    m_step = m_contactUuid.isEmpty() ? Step::Contact : Step::Task;
    return std::nullopt;
}

std::optional<OutboxTarget::Hold> KlantinteractiesRequestTarget::prepareSupplement(Database &db, const OutboxEntry &entry)
{
    const qint64 supplementId = LocalChange::factsOf(entry).supplementId;
    const auto it = std::find_if(m_request.supplements.cbegin(), m_request.supplements.cend(), [supplementId](const Supplement &s) {
        return s.id == supplementId;
    });
    if (it == m_request.supplements.cend()) {
        return refused(i18nc("@info outbox", "The supplement no longer exists here, so it cannot be sent."));
    }
    m_supplement = *it;
    if (auto hold = requestSent(db,
                                i18nc("@info outbox", "Waits until its request has been sent."),
                                i18nc("@info outbox", "Its request was not sent to the customer contact server, so the supplement cannot go there either."))) {
        return hold;
    }
    m_step = Step::Supplement;
    return std::nullopt;
}

std::optional<OutboxTarget::Hold> KlantinteractiesRequestTarget::prepareUpdate(Database &db, const OutboxEntry &entry)
{
    if (auto hold = requestSent(db,
                                i18nc("@info outbox", "Waits until the request has been sent."),
                                i18nc("@info outbox", "The request was not sent to the customer contact server, so its handling cannot go there either."))) {
        return hold;
    }
    if (auto hold = resolveActor(db)) {
        return hold;
    }
    const bool withAnswer = LocalChange::factsOf(entry).withAnswer;
    m_step = withAnswer && entry.remoteId.isEmpty() && !m_request.answer.trimmed().isEmpty() ? Step::Answer : Step::Patch;
    return std::nullopt;
}

QByteArray KlantinteractiesRequestTarget::aboutTask(QJsonObject contact) const
{
    contact.insert(QStringLiteral("onderwerpobject"),
                   QJsonObject{{QStringLiteral("onderwerpobjectidentificator"),
                                QJsonObject{{QStringLiteral("objectId"), m_request.source.id},
                                            {QStringLiteral("codeObjecttype"), QStringLiteral("internetaak")},
                                            {QStringLiteral("codeRegister"), QStringLiteral("klantinteracties")},
                                            {QStringLiteral("codeSoortObjectId"), QStringLiteral("uuid")}}}});
    return QJsonDocument(contact).toJson(QJsonDocument::Compact);
}

QNetworkRequest KlantinteractiesRequestTarget::request(const OutboxEntry &entry, QByteArray *method, QByteArray *body)
{
    *method = QByteArrayLiteral("POST");
    const LocalChange::Facts facts = LocalChange::factsOf(entry);
    const ChangeOrigin &origin = facts.origin;
    const QUrl base = context().source.baseUrl;
    switch (m_step) {
    case Step::Contact: {
        const QString subject =
            i18nc("@title a klantcontact that registered a request; %1 its first words", "Request: %1", splitQuestion(m_request.question).first);
        *body = QJsonDocument(contactBody(origin, subject, m_request.question, m_request.created)).toJson(QJsonDocument::Compact);
        return authorizedRequest(base.resolved(QUrl(QStringLiteral("maak-klantcontact"))), entry);
    }
    case Step::Task: {
        const auto [handeling, toelichting] = splitQuestion(m_request.question);
        QJsonObject task{
            {QStringLiteral("gevraagdeHandeling"), handeling},
            {QStringLiteral("aanleidinggevendKlantcontact"), QJsonObject{{QStringLiteral("uuid"), m_contactUuid}}},
            {QStringLiteral("toegewezenAanActoren"), QJsonArray{QJsonObject{{QStringLiteral("uuid"), m_actorUuid}}}},
            {QStringLiteral("toelichting"), toelichting},
            {QStringLiteral("status"), m_request.status == RequestStatus::Open ? QStringLiteral("te_verwerken") : QStringLiteral("verwerkt")},
        };
        *body = QJsonDocument(task).toJson(QJsonDocument::Compact);
        return authorizedRequest(base.resolved(QUrl(resourceName)), entry, stepKey(entry, QStringLiteral("internetaak")));
    }
    case Step::Supplement: {
        const QString subject =
            i18nc("@title a klantcontact that supplements a request; %1 its first words", "Supplement: %1", splitQuestion(m_request.question).first);
        *body = aboutTask(contactBody(origin, subject, m_supplement.text, m_supplement.time));
        return authorizedRequest(base.resolved(QUrl(QStringLiteral("maak-klantcontact"))), entry);
    }
    case Step::Answer: {
        const QString subject =
            i18nc("@title a klantcontact that answers a request; %1 the request's first words", "Answer: %1", splitQuestion(m_request.question).first);
        *body = aboutTask(contactBody(origin, subject, m_request.answer, entry.created));
        return authorizedRequest(base.resolved(QUrl(QStringLiteral("maak-klantcontact"))), entry, stepKey(entry, QStringLiteral("answer")));
    }
    case Step::Patch: {
        *method = QByteArrayLiteral("PATCH");
        const bool open = m_request.status == RequestStatus::Open;
        QJsonObject task{
            {QStringLiteral("status"), open ? QStringLiteral("te_verwerken") : QStringLiteral("verwerkt")},
            {QStringLiteral("toegewezenAanActoren"), QJsonArray{QJsonObject{{QStringLiteral("uuid"), m_actorUuid}}}},
        };
        if (!open && facts.done.isValid()) {
            task.insert(QStringLiteral("afgehandeldOp"), facts.done.toString(Qt::ISODateWithMs));
        }
        *body = QJsonDocument(task).toJson(QJsonDocument::Compact);
        return authorizedRequest(base.resolved(QUrl(resourceName + QLatin1Char('/') + m_request.source.id)), entry, stepKey(entry, QStringLiteral("patch")));
    }
    }
    return {};
}

Expected<OutboxTarget::Pushed, SyncProblem> KlantinteractiesRequestTarget::accepted(Database &db, const OutboxEntry &entry, const RestJob &job)
{
    const QJsonObject answer = QJsonDocument::fromJson(job.body()).object();
    const bool onTask = m_step == Step::Task || m_step == Step::Patch;
    const QString uuid = onTask ? answer.value(QStringLiteral("uuid")).toString()
                                : answer.value(QStringLiteral("klantcontact")).toObject().value(QStringLiteral("uuid")).toString();
    if (QUuid::fromString(uuid).isNull()) {
        return unexpected(problem(SyncProblem::Kind::Malformed, QStringLiteral("the back end answered outbox entry %1 without a uuid").arg(entry.id)));
    }
    const QString source = context().source.id;
    if (auto r = CommonGroundCrawl::forgetListEtag(db, source, onTask ? resourceName : QStringLiteral("klantcontacten")); !r) {
        return unexpected(storeProblem(r.error()));
    }
    switch (m_step) {
    case Step::Contact:
        // The pull brings this klantcontact in as a contact moment linked to the request.
        return Pushed{uuid, false};
    case Step::Task:
        return taskAccepted(db, entry, uuid);
    case Step::Supplement:
    case Step::Answer: {
        // Known, and held as a supplement or the answer: the pull leaves it out of the contact
        // moments.
        SyncRecord record{source, QStringLiteral("klantcontacten"), uuid, QByteArray(), 0, db.clock().now()};
        if (auto r = SyncStateRepository(db).saveRecord(record); !r) {
            return unexpected(storeProblem(r.error()));
        }
        // After the answer, the patch.
        return Pushed{uuid, m_step == Step::Supplement};
    }
    case Step::Patch:
        return Pushed{uuid};
    }
    return unexpected(problem(SyncProblem::Kind::Malformed, QStringLiteral("no step")));
}

Expected<OutboxTarget::Pushed, SyncProblem> KlantinteractiesRequestTarget::taskAccepted(Database &db, const OutboxEntry &entry, const QString &uuid)
{
    const QString source = context().source.id;
    // A pull may have brought the task in already (accepted before, but not recorded): that copy
    // is this request, which stays.
    Statement duplicate(db, QStringLiteral("DELETE FROM requests WHERE source_system = ? AND source_id = ? AND id <> ?"));
    if (auto r = duplicate.exec({source, uuid, entry.entityId}); !r) {
        return unexpected(storeProblem(r.error()));
    }
    Statement update(db, QStringLiteral("UPDATE requests SET source_system = ?, source_id = ? WHERE id = ?"));
    if (auto r = update.exec({source, uuid, entry.entityId}); !r) {
        return unexpected(storeProblem(r.error()));
    }
    if (update.numRowsAffected() > 0) {
        // An empty hash: the next pull maps the back end's copy onto this request once.
        SyncRecord record{source, resourceName, uuid, QByteArray(), entry.entityId, db.clock().now()};
        if (auto r = SyncStateRepository(db).saveRecord(record); !r) {
            return unexpected(storeProblem(r.error()));
        }
    }
    return Pushed{uuid};
}

} // namespace C360
