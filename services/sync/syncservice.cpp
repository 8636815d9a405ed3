// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/syncservice.h"

#include <QMetaObject>

namespace C360
{

SyncService::SyncService(const SyncEngine::Options &options, QObject *parent)
    : SyncProgress(parent)
    , m_engine(new SyncEngine(options))
{
    m_thread.setObjectName(QStringLiteral("c360-sync"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::started, this, [this]() {
        m_running = true;
        Q_EMIT started();
    });
    // The progress as it comes, queued to this thread.
    connect(m_engine, &SyncProgress::resourceStarted, this, &SyncProgress::resourceStarted);
    connect(m_engine, &SyncProgress::pageApplied, this, &SyncProgress::pageApplied);
    connect(m_engine, &SyncProgress::resourceFinished, this, &SyncProgress::resourceFinished);
    connect(m_engine, &SyncProgress::recordSkipped, this, &SyncProgress::recordSkipped);
    connect(m_engine, &SyncEngine::finished, this, [this](const SyncSummary &summary) {
        m_running = false;
        m_lastSummary = summary;
        Q_EMIT finished(summary);
    });
    m_thread.start();
}

SyncService::~SyncService()
{
    // Cancel between two pages (a page in progress commits or rolls back whole), then end the
    // thread; the engine is deleted on it.
    QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncService::start()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::startScheduler, Qt::QueuedConnection);
}

void SyncService::runNow()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::runOnce, Qt::QueuedConnection);
}

void SyncService::runConfirming(const QStringList &confirmed)
{
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, confirmed] {
            engine->runConfirming(confirmed);
        },
        Qt::QueuedConnection);
}

void SyncService::stop()
{
    QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::QueuedConnection);
}

} // namespace C360
