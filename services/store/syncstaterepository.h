// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"
#include "syncstate.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace C360
{
class Database;

// Stores how far synchronisation of each back end resource got, and what was last seen of each
// remote record, so that a sync resumes where it stopped and notices changed and deleted records.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(Database &db);

    // The state of resource at source; a fresh state (nothing synchronised yet) when there is none.
    Expected<SyncState, StoreError> state(const QString &source, const QString &resource);
    Expected<void, StoreError> saveState(const SyncState &state);
    // Every resource's state, by source and resource (for the sync panel).
    Expected<QList<SyncState>, StoreError> states();

    Expected<std::optional<SyncRecord>, StoreError> record(const QString &source, const QString &resource, const QString &sourceId);
    // Every record of resource at source, by source id: for a crawl that compares a whole page.
    Expected<QList<SyncRecord>, StoreError> records(const QString &source, const QString &resource);
    // The records of these source ids that exist, by source id: one query for a whole page.
    Expected<QHash<QString, SyncRecord>, StoreError> recordsIn(const QString &source, const QString &resource, const QStringList &sourceIds);
    // Inserts or replaces the record; an invalid lastSeen becomes the clock's now.
    Expected<void, StoreError> saveRecord(const SyncRecord &record);
    // Records of resource at source last seen before time: after a full crawl that started at
    // time, these are the records the back end deleted.
    Expected<QList<SyncRecord>, StoreError> recordsNotSeenSince(const QString &source, const QString &resource, const QDateTime &time);
    Expected<void, StoreError> removeRecord(const QString &source, const QString &resource, const QString &sourceId);
    // How many records of resource at source are held.
    Expected<qint64, StoreError> recordCount(const QString &source, const QString &resource);
    // Forgets the content of the records of resource at source whose local record is one of the
    // rows that localRows selects (a SELECT of ids, bound to values): what depends on a record
    // removed here is stored again, whole, when the back end sends it next, instead of being
    // taken for unchanged; while the back end does not, a full crawl finds it gone as before.
    // The number of records forgotten.
    Expected<qint64, StoreError> forgetContentOf(const QString &source, const QString &resource, const QString &localRows, const QVariantList &values);

private:
    Expected<QList<SyncRecord>, StoreError> query(const QString &sql, const QVariantList &values);
    Database &m_db;
};

} // namespace C360
