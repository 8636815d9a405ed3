// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "request.h"
#include "store/storeerror.h"
#include "worklistmodel.h"

#include <QList>

#include <optional>

namespace C360
{
class Database;

// Stores requests (vragen) with their supplements and links, and purges them when they expire,
// leaving a purge record that says nothing about the person.
class RequestRepository
{
public:
    explicit RequestRepository(Database &db);

    // Inserts request with its supplements and links in one transaction and returns the new id.
    // An invalid created time becomes the clock's now; an invalid expiry is created plus the retention period (retentionpolicy.h).
    Expected<qint64, StoreError> insert(const Request &request);
    // Writes what changes while a request is handled (status, answer, assignee and deadline) as
    // its next version, changed by changedBy now. With a version (not 0), only when that is still
    // the stored one: otherwise Changed, and nothing is written.
    Expected<void, StoreError> update(const Request &request, const QString &changedBy);
    // Adds a supplement (an invalid time becomes the clock's now) and returns its id.
    Expected<qint64, StoreError> addSupplement(qint64 requestId, const Supplement &supplement);
    // Inserts or updates by (source.system, source.id) and replaces the links; returns the local id.
    // Supplements are merged: those not stored yet (same author, time and text) are added, and
    // supplements written here since the last sync are kept. Without a source id, request.id decides.
    // A handling that differs from the stored one is a new version, changed at the back end.
    Expected<qint64, StoreError> upsertBySource(const Request &request);

    Expected<std::optional<Request>, StoreError> find(qint64 id);
    // The citizen's requests with supplements and links, newest first.
    Expected<QList<Request>, StoreError> forCitizen(qint64 citizenId);
    // The open requests (open or answered) assigned to assignee by name, or to team when it is not
    // empty; those with the nearest deadline first, at most limit.
    Expected<QList<WorklistItem>, StoreError> worklist(const QString &assignee, const QString &team, int limit);
    // The same for a staff member's own login on a shared store (schema 10): the store's
    // c360_worklist, for the session's user and their account's team, each citizen shown audited.
    Expected<QList<WorklistItem>, StoreError> worklistThroughServer(int limit, const QString &workstation);
    // Ids of requests expired at time (expiry at or before it), soonest expired first.
    Expected<QList<qint64>, StoreError> expiredBefore(const QDateTime &time);

    // Deletes the request with its supplements and links, and writes a purge record (kind, id,
    // created and purged times, reason) in the same transaction. Returns the record.
    Expected<PurgeRecord, StoreError> purge(qint64 requestId, const QString &reason);
    // Oldest first.
    Expected<QList<PurgeRecord>, StoreError> purgeRecords();
    Expected<qint64, StoreError> count();

private:
    // insert() or, bySource, upsertBySource().
    Expected<qint64, StoreError> save(const Request &request, bool bySource);
    Expected<void, StoreError> writeRow(const Request &request, qint64 *id);
    Expected<void, StoreError> writeLinks(qint64 id, const QList<ItemLink> &links);
    Expected<qint64, StoreError> insertSupplement(qint64 requestId, const Supplement &supplement);
    Database &m_db;
    int m_retentionDays = 0; // read when first needed
};

} // namespace C360
