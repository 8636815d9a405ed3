// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace C360
{

// How far synchronisation of one resource of one back end got, so that it resumes there.
struct SyncState
{
    QString source; // "open311", "openklant", "ipdc", "verwerkingenlogging"
    QString resource; // "requests", "partijen", "ldes", …
    QString cursor; // updated_after timestamp, next link or LDES page, as the dialect has it
    QString etag;
    QDateTime lastSuccess; // UTC
    QDateTime lastErrorAt;
    QString lastError; // an error key plus parameters, turned into a sentence by the UI
    qint64 recordCount = 0;

    friend bool operator==(const SyncState &, const SyncState &) = default;
};

// What the store last saw of one remote record, for change and deletion detection on back ends
// that give no change information.
struct SyncRecord
{
    QString source;
    QString resource;
    QString sourceId;
    QByteArray contentHash;
    qint64 localId = 0;
    QDateTime lastSeen; // UTC

    friend bool operator==(const SyncRecord &, const SyncRecord &) = default;
};

} // namespace C360
