// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/resourcesync.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace C360
{
class Database;

// One source's outbox pushed once (a job of SyncEngine): each entry that is due, of this source
// and handled by one of its targets, goes out step by step (prepare(), request(), accepted()),
// each step recorded in the store in the transaction that records the back end's answer. An entry
// the target holds back waits (failed, tried again later with a growing delay) or is refused
// before anything is sent; one the server refuses (4xx but 401, 403, 408, 429) is kept for
// correction; an accepted one that cannot be recorded goes out again with the same idempotency
// key. cancel() stops after the step under way.
class OutboxPush : public QObject
{
    Q_OBJECT
public:
    struct Counts
    {
        qint64 pushed = 0;
        qint64 failed = 0; // kept, retried later
        qint64 rejected = 0; // kept for correction
    };

    OutboxPush(Database &db,
               QNetworkAccessManager *network,
               const SyncContext &context,
               std::vector<std::unique_ptr<OutboxTarget>> targets,
               QObject *parent = nullptr);
    ~OutboxPush() override;

    // Reads the entries that are due and pushes them; finished() follows.
    void start();
    void cancel();
    const Counts &counts() const { return m_counts; }
    const SyncContext &context() const { return m_context; }

Q_SIGNALS:
    void finished();

private:
    // Sends the next entry's first step, or finishes.
    void pushNext();
    // Sends the current entry's next step; false when prepare() held it back (the entry is then
    // marked and the push goes on with the next one).
    bool sendStep();
    void onPushed();
    // The entry goes out again after a delay that grows with its attempts.
    void retryLater(const OutboxEntry &entry, const QString &why);

    Database &m_db;
    QNetworkAccessManager *m_network;
    SyncContext m_context;
    std::vector<std::unique_ptr<OutboxTarget>> m_targets;
    QList<OutboxEntry> m_entries;
    qsizetype m_next = 0;
    OutboxTarget *m_target = nullptr;
    QPointer<RestJob> m_job;
    bool m_cancelled = false;
    Counts m_counts;
};

} // namespace C360
