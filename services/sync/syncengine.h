// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/outboxpush.h"
#include "sync/resourcepull.h"
#include "sync/resourcesync.h"
#include "sync/syncprogress.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace C360
{
class Clock;
class Database;
class SecretStore;

// The sync engine: pushes the outbox, then pulls every enabled resource of every source, page by
// page, each page committed with its cursor: one job at a time from a queue (OutboxPush,
// ResourcePull). Lives on one thread with its own database connection
// and network access manager (SyncService puts it on a worker thread; citizen360-admin runs it on
// its main thread). One run at a time; signals report progress.
class SyncEngine : public SyncProgress
{
    Q_OBJECT
public:
    // The page cache of the engine's own connection.
    static constexpr int SyncCacheMiB = 64;
    // How many pages the WAL may hold before the engine's connection checkpoints (SQLite's
    // default: 1,000).
    static constexpr int SyncCheckpointPages = 10000;

    struct Options
    {
        QString databasePath;
        QList<SourceConfig> sources;
        SecretStore *secrets = nullptr;
        Clock *clock = nullptr;
        RetryPolicy retry;
        ResourceSyncFactory resources;
        OutboxTargetFactory outbox;
        // "source/resource" of the resources whose deletions an administrator confirmed for this
        // run: a full crawl may then remove more than the source's maxDeletionShare.
        QStringList confirmedDeletions;
        // Makes the network access manager every request of the engine goes through (a proxy, a
        // TLS configuration, a recorder in a test), in the engine's thread with the given parent.
        // A plain QNetworkAccessManager when empty.
        std::function<QNetworkAccessManager *(QObject *parent)> network;
    };

    explicit SyncEngine(const Options &options, QObject *parent = nullptr);
    ~SyncEngine() override;

    bool isRunning() const { return m_running; }
    const SyncSummary &lastSummary() const { return m_summary; }

public Q_SLOTS:
    // Runs every enabled source once; finished() follows. Ignored while a run is going on.
    void runOnce();
    // Runs once with these resources' ("source/resource") deletions confirmed by an administrator
    // (who was permitted and audited: DeletionConfirmation); after a run under way, when there is one.
    void runConfirming(const QStringList &confirmed);
    // Runs now, then each source again at its own poll interval (a source that comes due during
    // a run goes next, once).
    void startScheduler();
    // Stops the scheduler and cancels the current run after its current step (nothing half-done).
    void stop();

private:
    struct Work;
    bool openDatabase(SyncProblem *problem);
    // A run of the given sources (all when empty).
    void run(const QStringList &only);
    // Starts the next job in the queue, or ends the run.
    void next();
    void finishRun();
    void endResource(const C360::SyncProblem &problem);
    void endPush();
    void recordProblem(const QString &source, const QString &resource, const SyncProblem &problem);

    Options m_options;
    std::unique_ptr<Database> m_db;
    QNetworkAccessManager *m_network = nullptr;
    std::vector<std::unique_ptr<QTimer>> m_timers; // one per enabled source
    QStringList m_due; // sources whose time came during a run
    bool m_running = false;
    QStringList m_confirmedNext; // for the next run only (runConfirming)
    QStringList m_confirmedNow; // the run under way's
    bool m_cancelled = false;
    SyncSummary m_summary;
    std::deque<std::unique_ptr<Work>> m_queue;
    // The job under way: one of them.
    std::unique_ptr<ResourcePull> m_pull;
    std::unique_ptr<OutboxPush> m_push;
};

} // namespace C360
