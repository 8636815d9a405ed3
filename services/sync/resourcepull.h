// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/resourcesync.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace C360
{
class Database;

// One resource of one source pulled once (a job of SyncEngine): page by page, each page applied
// in a transaction that also saves its cursor, so that a killed process resumes at the page after
// the last one committed. While a page is applied, the next one is already asked for when the
// resource can say which it is (lookahead). cancel() stops after the page under way.
class ResourcePull : public QObject
{
    Q_OBJECT
public:
    ResourcePull(Database &db, QNetworkAccessManager *network, const SyncContext &context, std::unique_ptr<ResourceSync> resource, QObject *parent = nullptr);
    ~ResourcePull() override;

    // Reads the resource's state and fetches its pages; finished() follows.
    void start();
    void cancel();
    const SyncContext &context() const { return m_context; }
    const ResourceSync &resource() const { return *m_resource; }
    const ResourceStats &stats() const { return m_stats; }

Q_SIGNALS:
    void pageApplied(const C360::ResourceStats &soFar);
    void recordSkipped(const C360::SkippedRecord &record);
    // The pull ended: problem is none when the resource was read to its end.
    void finished(const C360::SyncProblem &problem);

private:
    void fetch();
    void onPage();
    void applyPage(RestJob *job);
    // Starts the lookahead's request now; fetch() takes its job when it asks the same.
    void startLookahead(const QNetworkRequest &request);
    void dropLookahead();
    void end(const SyncProblem &problem);
    SyncProblem problemFor(const RestJob &job) const;

    Database &m_db;
    QNetworkAccessManager *m_network;
    SyncContext m_context;
    std::unique_ptr<ResourceSync> m_resource;
    SyncState m_state;
    ResourceStats m_stats;
    QPointer<RestJob> m_job;
    QPointer<RestJob> m_lookahead; // the next page's job, started before this one was applied
    bool m_cancelled = false;
};

} // namespace C360
