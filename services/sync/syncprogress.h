// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/synctypes.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace C360
{

// What one run did, per resource and for the outbox.
struct SyncSummary
{
    struct Resource
    {
        QString source;
        QString resource;
        ResourceStats stats;
        SyncProblem problem;
    };
    QList<Resource> resources;
    qint64 pushed = 0;
    qint64 pushFailed = 0; // kept, retried later
    qint64 pushRejected = 0; // kept for correction
    bool ok() const;
    // {"ok": true, "resources": {"openklant/partijen": {"inserted": …, "updated": …, "deleted": …,
    //  "skipped": …, "pages": …, "bytes": …, "error": "…"}, …}, "outbox": {"pushed": …, "failed": …,
    //  "rejected": …}}
    QJsonObject toJson() const;
};

// What a synchronisation says while it runs, declared once for the engine (SyncEngine, on
// whatever thread runs it) and for the service that runs it on a thread of its own (SyncService,
// which passes them on to the thread that made it).
class SyncProgress : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void started();
    void resourceStarted(const QString &source, const QString &resource);
    void pageApplied(const QString &source, const QString &resource, const C360::ResourceStats &soFar);
    void resourceFinished(const QString &source, const QString &resource, const C360::ResourceStats &stats, const C360::SyncProblem &problem);
    void recordSkipped(const C360::SkippedRecord &record);
    void finished(const C360::SyncSummary &summary);
};

} // namespace C360

Q_DECLARE_METATYPE(C360::SyncSummary)
