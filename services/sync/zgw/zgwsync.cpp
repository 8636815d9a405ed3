// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/zgw/zgwsync.h"

#include "identifier.h"
#include "store/zaakrepository.h"
#include "sync/zgw/zgw.h"
#include "sync/zgw/zgwparser.h"

namespace C360
{

namespace
{
RecordError refused(const QString &field, const QString &detail)
{
    return RecordError{RecordError::Kind::Refused, field, detail};
}
} // namespace

std::vector<std::unique_ptr<ResourceSync>> makeZgwSyncs(const SyncContext &context)
{
    std::vector<std::unique_ptr<ResourceSync>> syncs;
    syncs.push_back(std::make_unique<ZgwCaseTypesSync>(context));
    syncs.push_back(std::make_unique<ZgwStatusTypesSync>(context));
    syncs.push_back(std::make_unique<ZgwCasesSync>(context));
    syncs.push_back(std::make_unique<ZgwStatusesSync>(context));
    syncs.push_back(std::make_unique<ZgwRolesSync>(context));
    return syncs;
}

const char *ZgwCrawl::contentVersion() const
{
    return ZgwParser::ContentVersion;
}

QString ZgwCrawl::catalogiPath(const QString &list) const
{
    return context().source.catalogiRoot().resolved(QUrl(list)).toString();
}

QJsonObject ZgwCrawl::identified(const QJsonObject &record) const
{
    if (record.contains(QStringLiteral("uuid"))) {
        return record;
    }
    const QString uuid = ZgwParser::uuidOfUrl(record.value(QStringLiteral("url")).toString());
    if (uuid.isEmpty()) {
        return record; // unidentified: counted as such, and skipped
    }
    QJsonObject withUuid = record;
    withUuid.insert(QStringLiteral("uuid"), uuid);
    return withUuid;
}

// --- zaaktypen

Expected<CommonGroundCrawl::Outcome, StoreError> ZgwCaseTypesSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &)
{
    const auto type = ZgwParser::caseType(record);
    if (!type) {
        return Outcome::skipped(type.error());
    }
    auto id = ZaakRepository(db).upsertType(source(), type->uuid, type->identification, type->description, type->leadDays);
    if (!id) {
        return unexpected(std::move(id).error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> ZgwCaseTypesSync::removeLocal(Database &db, qint64 localId)
{
    return ZaakRepository(db).removeType(localId);
}

// --- statustypen

Expected<CommonGroundCrawl::Outcome, StoreError> ZgwStatusTypesSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &)
{
    const auto type = ZgwParser::statusType(record);
    if (!type) {
        return Outcome::skipped(type.error());
    }
    auto id = ZaakRepository(db).upsertStatusType(source(), type->uuid, type->caseTypeUuid, type->description, type->number, type->final);
    if (!id) {
        return unexpected(std::move(id).error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> ZgwStatusTypesSync::removeLocal(Database &db, qint64 localId)
{
    return ZaakRepository(db).removeStatusType(localId);
}

// --- zaken

QStringList ZgwCasesSync::volatileKeys() const
{
    return {QStringLiteral("status"),
            QStringLiteral("rollen"),
            QStringLiteral("resultaat"),
            QStringLiteral("zaakinformatieobjecten"),
            QStringLiteral("zaakobjecten"),
            QStringLiteral("eigenschappen"),
            QStringLiteral("deelzaken")};
}

Expected<CommonGroundCrawl::Outcome, StoreError> ZgwCasesSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &)
{
    const auto parsed = ZgwParser::zaak(record);
    if (!parsed) {
        return Outcome::skipped(parsed.error());
    }
    ZaakRepository cases(db);
    auto typeName = cases.typeName(source(), parsed->caseTypeUuid);
    if (!typeName) {
        return unexpected(std::move(typeName).error());
    }
    if (!*typeName) {
        return Outcome::skipped(refused(QStringLiteral("zaaktype"),
                                        QStringLiteral("zaaktype %1 is not synchronised yet; the zaak is tried again next run").arg(parsed->caseTypeUuid)));
    }
    Zaak zaak;
    zaak.source = {source(), parsed->uuid};
    zaak.identification = parsed->identification;
    zaak.typeName = **typeName;
    zaak.description = parsed->description;
    zaak.started = parsed->started;
    zaak.plannedEnd = parsed->plannedEnd;
    zaak.deadline = parsed->deadline;
    zaak.ended = parsed->ended;
    zaak.url = parsed->url;
    auto id = cases.upsertCase(zaak, parsed->caseTypeUuid);
    if (!id) {
        return unexpected(std::move(id).error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> ZgwCasesSync::removeLocal(Database &db, qint64 localId)
{
    return ZaakRepository(db).removeCase(localId);
}

// --- statussen

QStringList ZgwStatusesSync::volatileKeys() const
{
    // Only the latest status says it is the latest: a new one changes its predecessor.
    return {QStringLiteral("indicatieLaatstGezetteStatus"), QStringLiteral("zaakinformatieobjecten")};
}

Expected<CommonGroundCrawl::Outcome, StoreError> ZgwStatusesSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &)
{
    const auto parsed = ZgwParser::status(record);
    if (!parsed) {
        return Outcome::skipped(parsed.error());
    }
    ZaakRepository cases(db);
    auto caseId = cases.caseId(source(), parsed->caseUuid);
    if (!caseId) {
        return unexpected(std::move(caseId).error());
    }
    if (!*caseId) {
        return Outcome::skipped(
            refused(QStringLiteral("zaak"), QStringLiteral("zaak %1 is not synchronised yet; the status is tried again next run").arg(parsed->caseUuid)));
    }
    auto type = cases.statusType(source(), parsed->statusTypeUuid);
    if (!type) {
        return unexpected(std::move(type).error());
    }
    if (!*type) {
        return Outcome::skipped(
            refused(QStringLiteral("statustype"),
                    QStringLiteral("statustype %1 is not synchronised yet; the status is tried again next run").arg(parsed->statusTypeUuid)));
    }
    const ZaakStatus status{(*type)->name, parsed->set, parsed->explanation, (*type)->final};
    auto id = cases.upsertStatus(**caseId, source(), parsed->uuid, parsed->statusTypeUuid, status);
    if (!id) {
        return unexpected(std::move(id).error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> ZgwStatusesSync::removeLocal(Database &db, qint64 localId)
{
    return ZaakRepository(db).removeStatus(localId);
}

// --- rollen

QList<std::pair<QString, QString>> ZgwRolesSync::filters() const
{
    return {{QStringLiteral("betrokkeneType"), QStringLiteral("natuurlijk_persoon")}, {QStringLiteral("omschrijvingGeneriek"), QStringLiteral("initiator")}};
}

QStringList ZgwRolesSync::volatileKeys() const
{
    return {QStringLiteral("statussen")};
}

Expected<ResourceSync::Page, SyncProblem> ZgwRolesSync::apply(Database &db, const RestJob &job, const SyncState &state)
{
    if (m_position.page == 1) {
        // Citizens who came since the last run (the parties' sync) get their waiting cases.
        if (auto linked = ZaakRepository(db).linkWaitingCases(); !linked) {
            return unexpected(storeProblem(linked.error()));
        }
    }
    return ZgwCrawl::apply(db, job, state);
}

Expected<CommonGroundCrawl::Outcome, StoreError> ZgwRolesSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &)
{
    const auto parsed = ZgwParser::role(record);
    if (!parsed) {
        return Outcome::skipped(parsed.error());
    }
    ZaakRepository cases(db);
    auto caseId = cases.caseId(source(), parsed->caseUuid);
    if (!caseId) {
        return unexpected(std::move(caseId).error());
    }
    if (!*caseId) {
        return Outcome::skipped(
            refused(QStringLiteral("zaak"), QStringLiteral("zaak %1 is not synchronised yet; the role is tried again next run").arg(parsed->caseUuid)));
    }
    // A BSN in inpBsn; a Belgian national register or BIS number (which inpBsn cannot hold) in
    // anpIdentificatie. An identifier that does not pass its check is no one's.
    const QString given = !parsed->bsn.isEmpty() ? parsed->bsn : parsed->otherIdentification;
    if (given.isEmpty()) {
        return Outcome::ignored(); // a person the case system knows without an identifier
    }
    const auto identifier = !parsed->bsn.isEmpty() ? Identifier::parse(IdentifierType::DutchBsn, given) : Identifier::detect(given);
    if (!identifier) {
        return Outcome::skipped(refused(QStringLiteral("betrokkeneIdentificatie"), QStringLiteral("betrokkeneIdentificatie holds no valid identifier")));
    }
    if (auto r = cases.setParty(**caseId, toKey(identifier->type), identifier->value); !r) {
        return unexpected(std::move(r).error());
    }
    return Outcome::stored(**caseId);
}

Expected<bool, StoreError> ZgwRolesSync::removeLocal(Database &db, qint64 localId)
{
    // The role is gone: the case is nobody's here (unless another role names them again).
    auto r = ZaakRepository(db).setParty(localId, QString(), QString());
    if (!r) {
        return unexpected(std::move(r).error());
    }
    return true;
}

} // namespace C360
