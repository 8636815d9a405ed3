// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/zaakrepository.h"

#include "store/sqlvalue.h"
#include "store/statement.h"

namespace C360
{

namespace
{
Expected<qint64, StoreError> returnedId(Statement &s, const QVariantList &values)
{
    if (auto r = s.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    if (!s.next()) {
        StoreError e;
        e.code = StoreError::Code::Query;
        e.detail = QStringLiteral("an upsert returned no id");
        return unexpected(e);
    }
    return s.value(0).toLongLong();
}

Expected<bool, StoreError> removed(Database &db, const QString &sql, qint64 id)
{
    Statement s(db, sql);
    if (auto r = s.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    return s.numRowsAffected() > 0;
}

Expected<void, StoreError> run(Database &db, const QString &sql, const QVariantList &values)
{
    Statement s(db, sql);
    return s.exec(values);
}
} // namespace

Expected<qint64, StoreError>
ZaakRepository::upsertType(const QString &source, const QString &uuid, const QString &identification, const QString &description, int leadDays)
{
    Statement s(m_db,
                QStringLiteral("INSERT INTO case_types (source_system, source_id, identification, description, lead_days) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT (source_system, source_id) DO UPDATE SET identification = excluded.identification, description = "
                               "excluded.description, lead_days = excluded.lead_days RETURNING id"));
    auto id = returnedId(s, {source, uuid, identification, description, leadDays > 0 ? QVariant(leadDays) : Sql::null()});
    if (!id) {
        return id;
    }
    s.finish();
    if (auto r = run(m_db,
                     QStringLiteral("UPDATE cases SET type_name = ? WHERE source_system = ? AND type_id = ? AND type_name <> ?"),
                     {description, source, uuid, description});
        !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<qint64, StoreError>
ZaakRepository::upsertStatusType(const QString &source, const QString &uuid, const QString &caseTypeUuid, const QString &name, int number, bool final)
{
    Statement s(m_db,
                QStringLiteral("INSERT INTO case_status_types (source_system, source_id, case_type_id, name, number, final) VALUES (?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (source_system, source_id) DO UPDATE SET case_type_id = excluded.case_type_id, name = excluded.name, "
                               "number = excluded.number, final = excluded.final RETURNING id"));
    auto id = returnedId(s, {source, uuid, caseTypeUuid, name, number, final ? 1 : 0});
    if (!id) {
        return id;
    }
    s.finish();
    // The statuses of this type renamed, and the cases whose current status one of them is.
    auto changed = selectIds(m_db,
                             QStringLiteral("SELECT DISTINCT case_id FROM case_statuses WHERE source_system = ? AND status_type_id = ? AND (name <> ? OR "
                                            "final <> ?)"),
                             {source, uuid, name, final ? 1 : 0});
    if (!changed) {
        return unexpected(std::move(changed).error());
    }
    if (changed->isEmpty()) {
        return id;
    }
    if (auto r = run(m_db,
                     QStringLiteral("UPDATE case_statuses SET name = ?, final = ? WHERE source_system = ? AND status_type_id = ?"),
                     {name, final ? 1 : 0, source, uuid});
        !r) {
        return unexpected(std::move(r).error());
    }
    for (const qint64 caseId : std::as_const(*changed)) {
        if (auto r = refreshCurrentStatus(caseId); !r) {
            return unexpected(std::move(r).error());
        }
    }
    return id;
}

Expected<std::optional<QString>, StoreError> ZaakRepository::typeName(const QString &source, const QString &uuid)
{
    Statement s(m_db, QStringLiteral("SELECT description FROM case_types WHERE source_system = ? AND source_id = ?"));
    if (auto r = s.exec({source, uuid}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!s.next()) {
        return std::optional<QString>();
    }
    return std::optional<QString>(s.value(0).toString());
}

Expected<std::optional<ZaakRepository::StatusType>, StoreError> ZaakRepository::statusType(const QString &source, const QString &uuid)
{
    Statement s(m_db, QStringLiteral("SELECT name, final FROM case_status_types WHERE source_system = ? AND source_id = ?"));
    if (auto r = s.exec({source, uuid}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!s.next()) {
        return std::optional<StatusType>();
    }
    return std::optional<StatusType>(StatusType{s.value(0).toString(), s.value(1).toInt() != 0});
}

Expected<bool, StoreError> ZaakRepository::removeType(qint64 id)
{
    return removed(m_db, QStringLiteral("DELETE FROM case_types WHERE id = ?"), id);
}

Expected<bool, StoreError> ZaakRepository::removeStatusType(qint64 id)
{
    return removed(m_db, QStringLiteral("DELETE FROM case_status_types WHERE id = ?"), id);
}

Expected<qint64, StoreError> ZaakRepository::upsertCase(const Zaak &zaak, const QString &typeUuid)
{
    Statement s(m_db,
                QStringLiteral("INSERT INTO cases (source_system, source_id, identification, type_id, type_name, description, started_on, planned_end_on, "
                               "deadline_on, ended_on, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_system, source_id) DO UPDATE SET "
                               "identification = excluded.identification, type_id = excluded.type_id, type_name = excluded.type_name, description = "
                               "excluded.description, started_on = excluded.started_on, planned_end_on = excluded.planned_end_on, deadline_on = "
                               "excluded.deadline_on, ended_on = excluded.ended_on, url = excluded.url RETURNING id"));
    return returnedId(s,
                      {zaak.source.system,
                       zaak.source.id,
                       zaak.identification,
                       typeUuid,
                       zaak.typeName,
                       zaak.description,
                       Sql::fromDate(zaak.started),
                       Sql::fromDate(zaak.plannedEnd),
                       Sql::fromDate(zaak.deadline),
                       Sql::fromDate(zaak.ended),
                       zaak.url});
}

Expected<std::optional<qint64>, StoreError> ZaakRepository::caseId(const QString &source, const QString &uuid)
{
    return selectId(m_db, QStringLiteral("SELECT id FROM cases WHERE source_system = ? AND source_id = ?"), {source, uuid});
}

Expected<bool, StoreError> ZaakRepository::removeCase(qint64 id)
{
    return removed(m_db, QStringLiteral("DELETE FROM cases WHERE id = ?"), id);
}

Expected<void, StoreError> ZaakRepository::setParty(qint64 caseId, const QString &identifierType, const QString &identifier)
{
    return run(m_db,
               QStringLiteral("UPDATE cases SET party_identifier_type = ?, party_identifier = ?, citizen_id = (SELECT i.citizen_id FROM "
                              "citizen_identifiers i WHERE i.type = ? AND i.value = ?) WHERE id = ?"),
               {identifierType, identifier, identifierType, identifier, caseId});
}

Expected<int, StoreError> ZaakRepository::linkWaitingCases()
{
    Statement s(m_db,
                QStringLiteral("UPDATE cases SET citizen_id = (SELECT i.citizen_id FROM citizen_identifiers i WHERE i.type = "
                               "cases.party_identifier_type AND i.value = cases.party_identifier) WHERE citizen_id IS NULL AND party_identifier <> '' "
                               "AND EXISTS (SELECT 1 FROM citizen_identifiers i WHERE i.type = cases.party_identifier_type AND i.value = "
                               "cases.party_identifier)"));
    if (auto r = s.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    return s.numRowsAffected();
}

Expected<qint64, StoreError>
ZaakRepository::upsertStatus(qint64 caseId, const QString &source, const QString &uuid, const QString &statusTypeUuid, const ZaakStatus &status)
{
    Statement s(m_db,
                QStringLiteral("INSERT INTO case_statuses (case_id, source_system, source_id, status_type_id, name, set_at, explanation, final) VALUES (?, "
                               "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_system, source_id) DO UPDATE SET case_id = excluded.case_id, status_type_id = "
                               "excluded.status_type_id, name = excluded.name, set_at = excluded.set_at, explanation = excluded.explanation, final = "
                               "excluded.final RETURNING id"));
    auto id = returnedId(s, {caseId, source, uuid, statusTypeUuid, status.name, Sql::fromDateTime(status.set), status.explanation, status.final ? 1 : 0});
    if (!id) {
        return id;
    }
    s.finish();
    if (auto r = refreshCurrentStatus(caseId); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<bool, StoreError> ZaakRepository::removeStatus(qint64 id)
{
    auto caseOf = selectId(m_db, QStringLiteral("SELECT case_id FROM case_statuses WHERE id = ?"), {id});
    if (!caseOf) {
        return unexpected(std::move(caseOf).error());
    }
    if (!*caseOf) {
        return false;
    }
    auto gone = removed(m_db, QStringLiteral("DELETE FROM case_statuses WHERE id = ?"), id);
    if (!gone) {
        return gone;
    }
    if (auto r = refreshCurrentStatus(**caseOf); !r) {
        return unexpected(std::move(r).error());
    }
    return *gone;
}

Expected<void, StoreError> ZaakRepository::refreshCurrentStatus(qint64 caseId)
{
    // The latest status by the time it was set (the later row of two set at once).
    Statement latest(m_db, QStringLiteral("SELECT name, set_at FROM case_statuses WHERE case_id = ? ORDER BY set_at DESC, id DESC LIMIT 1"));
    if (auto r = latest.exec({caseId}); !r) {
        return r;
    }
    QVariantList values;
    if (latest.next()) {
        values = {latest.value(0).toString(), latest.value(1), caseId};
    } else {
        values = {QString(), Sql::null(), caseId};
    }
    latest.finish();
    return run(m_db,
               QStringLiteral("UPDATE cases SET status_name = ?, status_set_at = ? WHERE id = ? AND (status_name <> ? OR status_set_at IS DISTINCT FROM ?)"),
               values + QVariantList{values.at(0), values.at(1)});
}

Expected<QList<Zaak>, StoreError> ZaakRepository::forCitizen(qint64 citizenId)
{
    auto cases = selectAll(m_db,
                           QStringLiteral("SELECT id, source_system, source_id, identification, type_name, description, status_name, status_set_at, "
                                          "started_on, planned_end_on, deadline_on, ended_on, url, citizen_id FROM cases WHERE citizen_id = ? ORDER BY "
                                          "started_on DESC, id DESC"),
                           {citizenId},
                           [](const Statement &row) {
                               Zaak z;
                               z.id = row.value(0).toLongLong();
                               z.source = {row.value(1).toString(), row.value(2).toString()};
                               z.identification = row.value(3).toString();
                               z.typeName = row.value(4).toString();
                               z.description = row.value(5).toString();
                               z.statusName = row.value(6).toString();
                               z.statusSet = Sql::toDateTime(row.value(7));
                               z.started = Sql::toDate(row.value(8));
                               z.plannedEnd = Sql::toDate(row.value(9));
                               z.deadline = Sql::toDate(row.value(10));
                               z.ended = Sql::toDate(row.value(11));
                               z.url = row.value(12).toString();
                               z.citizenId = row.value(13).toLongLong();
                               return z;
                           });
    if (!cases || cases->isEmpty()) {
        return cases;
    }
    Statement statuses(m_db,
                       QStringLiteral("SELECT s.case_id, s.name, s.set_at, s.explanation, s.final FROM case_statuses s JOIN cases c ON c.id = s.case_id "
                                      "WHERE c.citizen_id = ? ORDER BY s.case_id, s.set_at, s.id"));
    if (auto r = statuses.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < cases->size(); ++i) {
        at.insert(cases->at(i).id, i);
    }
    while (statuses.next()) {
        const auto it = at.constFind(statuses.value(0).toLongLong());
        if (it == at.cend()) {
            continue;
        }
        (*cases)[*it].statuses.append(
            {statuses.value(1).toString(), Sql::toDateTime(statuses.value(2)), statuses.value(3).toString(), statuses.value(4).toInt() != 0});
    }
    return cases;
}

} // namespace C360
