// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "request.h"
#include "store/retentionpolicy.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace C360
{
class Clock;
class Database;

// Requests and their supplements go when their retention period has passed: deleted with their
// links, each leaving a purge record without personal data (kind, id, created and purged times,
// reason "retention"). Each run is audited (a purge entry with how many, the time it purged as of,
// the period, and whether it was a dry run), and only an administrator may run it.
class RetentionService
{
public:
    explicit RetentionService(AuditService &audit);

    struct Run
    {
        QDateTime asOf; // UTC
        int retentionDays = Request::DefaultRetentionDays;
        bool dryRun = false;
        QList<PurgeRecord> purged; // on a dry run, what would be (id 0, purged: asOf)
        QList<qint64> citizens; // whose requests went, for views to refresh (never logged)
    };

    // Purges every request that expired at asOf or before (expires_at <= asOf), in batches of
    // batchSize per transaction; a dry run changes nothing but its audit entry. A run that found
    // nothing to purge is audited only when auditEmptyRun (as asked for from the command line; the
    // application's own hourly runs are not).
    struct Options
    {
        bool dryRun = false;
        int batchSize = 500;
        bool auditEmptyRun = true;
    };
    Expected<Run, ServiceError> purge(const StaffMember &staff, const QDateTime &asOf, const Options &options);
    Expected<Run, ServiceError> purge(const StaffMember &staff, const QDateTime &asOf) { return purge(staff, asOf, Options()); }

    // Sets the retention period (administrators only): the expiry of every request kept moves with
    // it, in one transaction with an audited change entry. Never silent: the entry names the old
    // and the new period.
    Expected<void, ServiceError> setRetentionDays(const StaffMember &staff, int days, const Purpose &purpose);

    // The actor of the purges the application runs itself (at start-up and hourly): "system",
    // with the administrator's role.
    static StaffMember systemActor(const QString &workstation);

private:
    AuditService &m_audit;
    Database &m_db;
};

// Runs the purge as the application's own actor: at start(), every interval after that, and when
// asked (after a synchronisation). Each run purges as of the clock's now; runs never overlap.
class RetentionScheduler : public QObject
{
    Q_OBJECT
public:
    RetentionScheduler(RetentionService &service, const StaffMember &actor, Clock &clock, QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    // Purges now and then every interval.
    void start();
    // Purges now; returns whether it went through.
    bool runNow();

Q_SIGNALS:
    // Requests were purged: their ids, and whose they were (for the views to drop them).
    void purged(const QList<qint64> &requestIds, const QList<qint64> &citizenIds);
    // The purge failed (translated); it is tried again at the next interval.
    void failed(const QString &message);

private:
    RetentionService &m_service;
    StaffMember m_actor;
    Clock &m_clock;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace C360
