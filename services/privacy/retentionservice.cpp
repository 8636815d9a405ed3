// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "privacy/retentionservice.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/requestrepository.h"
#include "store/servicetransaction.h"
#include "store/sqlvalue.h"
#include "store/statement.h"

#include <KLocalizedString>

#include <QSet>

namespace C360
{

namespace
{
const QString retentionReason = QStringLiteral("retention");
} // namespace

RetentionService::RetentionService(AuditService &audit)
    : m_audit(audit)
    , m_db(audit.database())
{
}

StaffMember RetentionService::systemActor(const QString &workstation)
{
    return StaffMember{QStringLiteral("system"), Role::Administrator, workstation};
}

Expected<RetentionService::Run, ServiceError> RetentionService::purge(const StaffMember &staff, const QDateTime &asOf, const Options &options)
{
    const bool dryRun = options.dryRun;
    const int batchSize = std::max(1, options.batchSize);
    if (auto permitted = m_audit.permit(staff, Operation::Purge); !permitted) {
        return unexpected(permitted.error());
    }
    Run run;
    run.asOf = Sql::toDateTime(Sql::fromDateTime(asOf.isValid() ? asOf : m_db.clock().now()));
    run.dryRun = dryRun;
    auto days = RetentionPolicy::days(m_db);
    if (!days) {
        return unexpected(asServiceError(days.error()));
    }
    run.retentionDays = *days;
    RequestRepository requests(m_db);
    // Oldest first, in batches: a store that was not purged for a long time does not hold one
    // transaction open for all of it.
    Statement expired(m_db, QStringLiteral("SELECT id, citizen_id, created_at FROM requests WHERE expires_at <= ? AND id > ? ORDER BY id LIMIT ?"));
    qint64 after = 0;
    QSet<qint64> citizens; // run.citizens as a set: a long-unpurged store has a million of them
    for (;;) {
        QList<std::tuple<qint64, qint64, QDateTime>> batch;
        if (auto r = expired.exec({Sql::fromDateTime(run.asOf), after, batchSize}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        while (expired.next()) {
            batch.append({expired.value(0).toLongLong(), expired.value(1).toLongLong(), Sql::toDateTime(expired.value(2))});
        }
        expired.finish();
        if (batch.isEmpty()) {
            break;
        }
        after = std::get<0>(batch.constLast());
        auto done = inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
            for (const auto &[id, citizen, created] : std::as_const(batch)) {
                if (dryRun) {
                    run.purged.append(PurgeRecord{0, ItemKind::Request, id, created, run.asOf, retentionReason});
                } else {
                    auto record = requests.purge(id, retentionReason);
                    if (!record) {
                        return unexpected(asServiceError(record.error()));
                    }
                    run.purged.append(*record);
                }
                if (citizen && !citizens.contains(citizen)) {
                    citizens.insert(citizen);
                    run.citizens.append(citizen);
                }
            }
            return {};
        });
        if (!done) {
            return unexpected(done.error());
        }
        if (batch.size() < batchSize) {
            break;
        }
    }
    if (run.purged.isEmpty() && !options.auditEmptyRun) {
        return run;
    }
    const QJsonObject details{{QStringLiteral("requests"), double(run.purged.size())},
                              {QStringLiteral("as_of"), run.asOf.toString(Qt::ISODateWithMs)},
                              {QStringLiteral("retention_days"), run.retentionDays},
                              {QStringLiteral("dry_run"), dryRun}};
    if (auto entry = m_audit.record(staff, AuditAction::Purge, 0, Purpose{QStringLiteral("retention"), QString()}, AuditOutcome::Success, details); !entry) {
        return unexpected(asServiceError(entry.error()));
    }
    qCInfo(C360_STORE) << (dryRun ? "retention dry run:" : "retention:") << run.purged.size() << "request(s) expired as of" << run.asOf << "after"
                       << run.retentionDays << "days";
    return run;
}

Expected<void, ServiceError> RetentionService::setRetentionDays(const StaffMember &staff, int days, const Purpose &purpose)
{
    if (auto permitted = m_audit.permit(staff, Operation::Purge, 0, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (days < RetentionPolicy::MinimumDays || days > RetentionPolicy::MaximumDays) {
        return unexpected(ServiceError::invalid(
            i18nc("@info", "The retention period must be between %1 and %2 days.", RetentionPolicy::MinimumDays, RetentionPolicy::MaximumDays)));
    }
    auto before = RetentionPolicy::days(m_db);
    if (!before) {
        return unexpected(asServiceError(before.error()));
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        Statement set(m_db, QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        if (auto r = set.exec({RetentionPolicy::settingKey, QString::number(days)}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        // The period counts from each request's creation (times are stored as sqlvalue.h writes
        // them, which the dialect writes back alike).
        Statement move(m_db, QStringLiteral("UPDATE requests SET expires_at = ") + m_db.dialect().timeAfterDays(QStringLiteral("created_at")));
        if (auto r = move.exec({days}); !r) {
            return unexpected(asServiceError(r.error()));
        }
        auto entry = m_audit.record(
            staff,
            AuditAction::Change,
            0,
            purpose,
            AuditOutcome::Success,
            QJsonObject{{QStringLiteral("what"), QStringLiteral("retention_days")}, {QStringLiteral("from"), *before}, {QStringLiteral("to"), days}});
        if (!entry) {
            return unexpected(asServiceError(entry.error()));
        }
        return {};
    });
}

RetentionScheduler::RetentionScheduler(RetentionService &service, const StaffMember &actor, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_actor(actor)
    , m_clock(clock)
{
    m_timer.setInterval(std::chrono::hours(1));
    connect(&m_timer, &QTimer::timeout, this, &RetentionScheduler::runNow);
}

void RetentionScheduler::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void RetentionScheduler::start()
{
    runNow();
    m_timer.start();
}

bool RetentionScheduler::runNow()
{
    if (m_running) {
        return false;
    }
    m_running = true;
    RetentionService::Options options;
    options.auditEmptyRun = false;
    auto run = m_service.purge(m_actor, m_clock.now(), options);
    m_running = false;
    if (!run) {
        qCWarning(C360_STORE) << "retention: the purge failed; it is tried again in" << m_timer.intervalAsDuration().count() << "ms";
        Q_EMIT failed(run.error().message);
        return false;
    }
    if (!run->purged.isEmpty()) {
        QList<qint64> ids;
        for (const PurgeRecord &p : std::as_const(run->purged)) {
            ids.append(p.itemId);
        }
        Q_EMIT purged(ids, run->citizens);
    }
    return true;
}

} // namespace C360
