// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "citizen.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QList>

#include <optional>

namespace C360
{
class Database;

// Stores citizens with their identifiers, digital addresses, preferences and consents, and keeps
// the name search index in step. Internal to services: profiles reach the UI only through the
// audited case service.
class CitizenRepository
{
public:
    explicit CitizenRepository(Database &db);

    // Inserts citizen (its id is ignored) in one transaction and returns the new id.
    Expected<qint64, StoreError> insert(const Citizen &citizen);
    // Replaces the stored citizen with id citizen.id, children included.
    Expected<void, StoreError> update(const Citizen &citizen);
    // Inserts or updates by (source.system, source.id); returns the local id.
    Expected<qint64, StoreError> upsertBySource(const Citizen &citizen);
    Expected<void, StoreError> remove(qint64 id);

    Expected<std::optional<Citizen>, StoreError> find(qint64 id);
    Expected<std::optional<qint64>, StoreError> findIdByIdentifier(const Identifier &identifier);
    Expected<std::optional<qint64>, StoreError> findIdBySource(const SourceRef &source);
    // Citizens with this e-mail address or phone number (normalised as SearchText does).
    Expected<QList<qint64>, StoreError> findIdsByDigitalAddress(DigitalAddressKind kind, const QString &value, bool verifiedOnly);
    // Ids of citizens whose names start with every word of text (accents and case ignored).
    Expected<QList<qint64>, StoreError> searchNames(const QString &text, int limit);
    Expected<qint64, StoreError> count();

    // SQLite's FTS5 query for text (SqlDialect::prefixMatch of the folded text), for the raw
    // baselines of the benchmarks and the tests.
    static QString ftsPrefixQuery(const QString &text);

private:
    Expected<void, StoreError> writeRow(const Citizen &citizen, qint64 *id);
    Expected<void, StoreError> writeChildren(qint64 id, const Citizen &citizen);
    Database &m_db;
};

} // namespace C360
