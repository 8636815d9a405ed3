// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/syncengine.h"

#include <QObject>
#include <QThread>

namespace C360
{

// The sync engine on a worker thread of its own, for the desktop application: the UI thread only
// sends it intentions and receives its (queued) signals, so that a full sync never stalls the
// window (Nextcloud #7055).
class SyncService : public SyncProgress
{
    Q_OBJECT
public:
    explicit SyncService(const SyncEngine::Options &options, QObject *parent = nullptr);
    ~SyncService() override;

    bool isRunning() const { return m_running; }
    const SyncSummary &lastSummary() const { return m_lastSummary; }

public Q_SLOTS:
    // Syncs now, then every poll interval.
    void start();
    // One run now (ignored while one is going on).
    void runNow();
    // One run with these resources' deletions confirmed (see SyncEngine::runConfirming).
    void runConfirming(const QStringList &confirmed);
    // Stops the schedule and cancels the current run between two pages.
    void stop();

private:
    QThread m_thread;
    SyncEngine *m_engine;
    bool m_running = false;
    SyncSummary m_lastSummary;
};

} // namespace C360
