// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"
#include "catalogueentry.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QList>

#include <optional>

namespace C360
{
class Database;

// Stores the products and services of the municipality with their texts in every language, keeps
// the full-text index over those texts, and the entries staff linked to a citizen.
class CatalogueRepository
{
public:
    using CitizenLink = LinkedCatalogueEntry;

    explicit CatalogueRepository(Database &db);

    // Inserts or updates by (source.system, productId), replacing all texts; returns the local id.
    Expected<qint64, StoreError> upsertByProductId(const CatalogueEntry &entry);
    // Removes a withdrawn entry with its texts (and search index rows) and every link to it from
    // citizens, contact moments and requests.
    Expected<void, StoreError> remove(qint64 id);
    Expected<std::optional<CatalogueEntry>, StoreError> find(qint64 id);
    Expected<std::optional<CatalogueEntry>, StoreError> findByProductId(const QString &source, const QString &productId);
    // The entries with these ids, with their texts, in the order of ids (two queries in all).
    Expected<QList<CatalogueEntry>, StoreError> findMany(const QList<qint64> &ids);
    // Ids of up to limit entries with a text (any field) holding every word of text as a prefix,
    // accents and case ignored. Entries matching in language (or its base language: nl for
    // nl-BE-x-formal) come first, then those matching in their name, then by relevance.
    Expected<QList<qint64>, StoreError> search(const QString &text, const QString &language, int limit);

    // Links an entry to a citizen's case; linking it again keeps the first link.
    Expected<void, StoreError> linkToCitizen(qint64 citizenId, qint64 entryId, const QString &staffMember);
    Expected<void, StoreError> unlinkFromCitizen(qint64 citizenId, qint64 entryId);
    // The entries linked to the citizen, most recently linked first.
    Expected<QList<CitizenLink>, StoreError> linkedToCitizen(qint64 citizenId);

    Expected<qint64, StoreError> count();

private:
    Expected<std::optional<CatalogueEntry>, StoreError> findWhere(const QString &condition, const QVariantList &values);
    Database &m_db;
};

} // namespace C360
