// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"
#include "zaak.h"

#include <optional>

namespace C360
{
class Database;

// Cases (zaken) and the catalogue of case types that names them, as the sync service writes them
// and a case file reads them. Writers run inside the caller's transaction (a sync page). The
// names of a case's type and current status are kept on the case and follow the catalogue.
class ZaakRepository
{
public:
    explicit ZaakRepository(Database &db)
        : m_db(db)
    {
    }

    struct StatusType
    {
        QString name;
        bool final = false;
    };

    // The catalogue: a case type (zaaktype) and a status type (statustype), by the uuid the case
    // system gives them. Renaming one renames the cases and statuses that have it.
    Expected<qint64, StoreError>
    upsertType(const QString &source, const QString &uuid, const QString &identification, const QString &description, int leadDays);
    Expected<qint64, StoreError>
    upsertStatusType(const QString &source, const QString &uuid, const QString &caseTypeUuid, const QString &name, int number, bool final);
    Expected<std::optional<QString>, StoreError> typeName(const QString &source, const QString &uuid);
    Expected<std::optional<StatusType>, StoreError> statusType(const QString &source, const QString &uuid);
    Expected<bool, StoreError> removeType(qint64 id);
    Expected<bool, StoreError> removeStatusType(qint64 id);

    // A case as its system describes it (zaak.source, typeUuid); its citizen and statuses stay as
    // they are here (they come from the roles and the statuses). The case's id.
    Expected<qint64, StoreError> upsertCase(const Zaak &zaak, const QString &typeUuid);
    Expected<std::optional<qint64>, StoreError> caseId(const QString &source, const QString &uuid);
    Expected<bool, StoreError> removeCase(qint64 id);
    // The party the case's initiator is (an identifier type key and value; empty: none), and the
    // citizen here who has that identifier, if any.
    Expected<void, StoreError> setParty(qint64 caseId, const QString &identifierType, const QString &identifier);
    // Cases whose party has come here since: linked to their citizen. How many.
    Expected<int, StoreError> linkWaitingCases();

    // A status of case caseId; the case's current status becomes its latest. The status's id.
    Expected<qint64, StoreError>
    upsertStatus(qint64 caseId, const QString &source, const QString &uuid, const QString &statusTypeUuid, const ZaakStatus &status);
    Expected<bool, StoreError> removeStatus(qint64 id);

    // A citizen's cases, newest first, each with its statuses (oldest first).
    Expected<QList<Zaak>, StoreError> forCitizen(qint64 citizenId);

private:
    Expected<void, StoreError> refreshCurrentStatus(qint64 caseId);
    Database &m_db;
};

} // namespace C360
