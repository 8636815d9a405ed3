// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/verwerkingenlogging/verwerkingenloggingexport.h"

#include "store/storeidentity.h"

#include "common/logging.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace C360
{

bool VerwerkingenloggingExport::isExported(const AuditEntry &entry)
{
    // A denied or failed attempt processed nothing. A search and its result lines stay in the
    // local log: one search would otherwise send up to fifty processing actions, and the profile
    // opened from it is sent.
    return entry.subjectCitizenId != 0 && entry.outcome == AuditOutcome::Success && entry.action != AuditAction::Search &&
        entry.action != AuditAction::SearchResultShown;
}

QString VerwerkingenloggingExport::identifierKind(IdentifierType type)
{
    switch (type) {
    case IdentifierType::BelgianNationalNumber:
        return QStringLiteral("rijksregisternummer");
    case IdentifierType::BelgianBisNumber:
        return QStringLiteral("bisnummer");
    case IdentifierType::DutchBsn:
        return QStringLiteral("BSN");
    }
    return {};
}

QString VerwerkingenloggingExport::chainWitness(const AuditEntry &entry, const QString &storeId)
{
    return QStringLiteral("citizen360-audit:%1:%2:%3").arg(storeId).arg(entry.sequence).arg(QString::fromLatin1(entry.hash.toHex()));
}

QJsonObject VerwerkingenloggingExport::verwerkingsactie(const AuditEntry &entry, const Identifier &subject, const QString &storeId)
{
    QJsonObject action{
        {QStringLiteral("actieNaam"), toKey(entry.action)},
        {QStringLiteral("vertrouwelijkheid"), QStringLiteral("normaal")},
        {QStringLiteral("tijdstip"), entry.time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("systeem"), QStringLiteral("Citizen 360")},
        {QStringLiteral("verwerkteObjecten"),
         QJsonArray{QJsonObject{
             {QStringLiteral("objecttype"), QStringLiteral("persoon")},
             {QStringLiteral("soortObjectId"), identifierKind(subject.type)},
             {QStringLiteral("objectId"), subject.value},
         }}},
    };
    if (!storeId.isEmpty() && entry.hash.size() == 32) {
        action.insert(QStringLiteral("gegevensbron"), chainWitness(entry, storeId)); // maxLength 242: at most 130 here
    }
    // A code from the purpose list (maxLength 242), never the purpose's free text.
    if (!entry.purposeCode.isEmpty()) {
        action.insert(QStringLiteral("verwerkingNaam"), entry.purposeCode.left(242));
    }
    return action;
}

Expected<void, StoreError> VerwerkingenloggingExport::take(const AuditEntry &entry)
{
    auto queued = enqueue(m_db, entry, m_source);
    if (!queued) {
        return unexpected(std::move(queued).error());
    }
    return {};
}

Expected<std::optional<OutboxEntry>, StoreError> VerwerkingenloggingExport::enqueue(Database &db, const AuditEntry &entry, const QString &source)
{
    if (!isExported(entry)) {
        return std::optional<OutboxEntry>();
    }
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    // The subject's identifiers only, not the whole profile: this runs for every audit entry.
    auto identifiers =
        selectAll(db, QStringLiteral("SELECT type, value FROM citizen_identifiers WHERE citizen_id = ?"), {entry.subjectCitizenId}, [](const Statement &row) {
            return Identifier{fromKey<IdentifierType>(row.value(0).toString()).value_or(IdentifierType::BelgianNationalNumber), row.value(1).toString()};
        });
    if (!identifiers) {
        return unexpected(std::move(identifiers).error());
    }
    Citizen holder;
    holder.identifiers = *identifiers;
    const std::optional<Identifier> subject = holder.primaryIdentifier();
    if (!subject) {
        qCInfo(C360_SYNC) << "audit entry" << entry.sequence << "not exported: its subject has no identifier";
        return std::optional<OutboxEntry>();
    }
    OutboxEntry outbox;
    outbox.source = source;
    outbox.resource = QLatin1String(resource);
    outbox.operation = QStringLiteral("create");
    // ItemKind has no kind for an audit entry; the resource says what this is, entityId which one.
    outbox.entityId = entry.sequence;
    auto storeId = StoreIdentity::id(db);
    if (!storeId) {
        return unexpected(std::move(storeId).error());
    }
    outbox.payload = QJsonDocument(verwerkingsactie(entry, *subject, *storeId)).toJson(QJsonDocument::Compact);
    auto queued = OutboxRepository(db).enqueue(outbox);
    if (!queued) {
        return unexpected(std::move(queued).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return std::optional<OutboxEntry>(*queued);
}

} // namespace C360
