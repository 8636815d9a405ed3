// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "benchrun_store.h"

#include "benchrun_harness.h"
#include "benchrun_raw.h"

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "common/clock.h"
#include "privacy/auditkey.h"
#include "privacy/retentionservice.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/storecopy.h"
#include "sync/syncengine.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QRandomGenerator>

#include <algorithm>
#include <optional>

namespace C360::Bench
{
namespace
{
const QByteArray BenchKeyName = "bench_citizens";
// The day the store's generated history ends (the back end's --reference-date), kept in the store
// so that a store finished in a later session, or measured months later, stays one municipality.
const QByteArray ReferenceDateKey = "bench_reference_date";
// Stores finished before the reference date was kept were all made against this one.
const QDate LegacyReferenceDate(2026, 11, 1);

std::optional<QString> setting(Database &db, const QString &key)
{
    Statement q(db, QStringLiteral("SELECT value FROM store_settings WHERE key = ?"));
    if (!q.exec({key}) || !q.next()) {
        return std::nullopt;
    }
    return q.value(0).toString();
}

// Fills the audit log to auditEntries() with a working municipality's entries: searches, results
// shown and profiles opened by 60 staff members over the last 90 days, in order, chained with the
// store's key exactly as AuditRepository::append chains them (verify-audit finds them intact), but
// written in large transactions through the C API: the fill is set-up, not a measurement.
bool fillAudit(const QString &path, Database &db, const QByteArray &key, qint64 maxCitizen)
{
    AuditEntry last;
    {
        Statement q(db, QStringLiteral("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"));
        if (!q.exec({})) {
            return false;
        }
        if (q.next()) {
            last.sequence = q.value(0).toLongLong();
            last.hash = q.value(1).toByteArray();
        } else {
            last.hash = AuditRepository::genesisHash();
        }
    }
    RawDb raw(path);
    raw.exec("PRAGMA synchronous=NORMAL");
    sqlite3_stmt *insert =
        raw.prepare("INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, "
                    "details, previous_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    if (!insert) {
        return false;
    }
    QRandomGenerator rng(7);
    const QDateTime end = benchClock().now().addDays(-1);
    const QDateTime start = end.addDays(-90);
    const qint64 span = start.msecsTo(end);
    QElapsedTimer timer;
    timer.start();
    qint64 n = last.sequence;
    QByteArray previous = last.hash;
    while (n < auditEntries()) {
        raw.exec("BEGIN");
        for (int i = 0; i < 100000 && n < auditEntries(); ++i) {
            AuditEntry e;
            e.sequence = ++n;
            e.time = Sql::toDateTime(Sql::fromDateTime(start.addMSecs(span * n / auditEntries())));
            const int staff = int(rng.bounded(60));
            e.actor = QStringLiteral("medewerker%1").arg(staff);
            e.role = staff % 3 == 0 ? Role::CallCentreAgent : Role::CounterClerk;
            e.workstation = QStringLiteral("ws-%1").arg(staff);
            const quint32 kind = rng.bounded(10);
            e.action = kind < 2 ? AuditAction::Search : kind < 7 ? AuditAction::SearchResultShown : AuditAction::ProfileOpened;
            if (e.action != AuditAction::Search) {
                e.subjectCitizenId = 1 + qint64(rng.bounded(quint32(std::max<qint64>(maxCitizen, 1))));
            }
            if (e.action == AuditAction::ProfileOpened) {
                e.purposeCode = staff % 3 == 0 ? QStringLiteral("phone_call") : QStringLiteral("counter_visit");
            }
            e.outcome = AuditOutcome::Success;
            e.details = e.action == AuditAction::Search ? QStringLiteral("{\"kind\":\"name\",\"results\":12}") : QStringLiteral("{}");
            e.previousHash = previous;
            e.hash = AuditRepository::computeHash(key, e);
            previous = e.hash;
            sqlite3_bind_int64(insert, 1, e.sequence);
            RawDb::bindText(insert, 2, Sql::fromDateTime(e.time).toString().toUtf8());
            RawDb::bindText(insert, 3, e.actor.toUtf8());
            RawDb::bindText(insert, 4, toKey(e.role).toUtf8());
            RawDb::bindText(insert, 5, e.workstation.toUtf8());
            RawDb::bindText(insert, 6, toKey(e.action).toUtf8());
            if (e.subjectCitizenId) {
                sqlite3_bind_int64(insert, 7, e.subjectCitizenId);
            } else {
                sqlite3_bind_null(insert, 7);
            }
            RawDb::bindText(insert, 8, e.purposeCode.toUtf8());
            RawDb::bindText(insert, 9, e.purposeText.toUtf8());
            RawDb::bindText(insert, 10, toKey(e.outcome).toUtf8());
            RawDb::bindText(insert, 11, e.details.toUtf8());
            sqlite3_bind_blob(insert, 12, e.previousHash.constData(), int(e.previousHash.size()), SQLITE_TRANSIENT);
            sqlite3_bind_blob(insert, 13, e.hash.constData(), int(e.hash.size()), SQLITE_TRANSIENT);
            if (sqlite3_step(insert) != SQLITE_DONE) {
                say(QStringLiteral("audit fill: %1").arg(QString::fromUtf8(sqlite3_errmsg(raw.handle()))));
                sqlite3_reset(insert);
                raw.exec("ROLLBACK");
                return false;
            }
            sqlite3_reset(insert);
        }
        if (!raw.exec("COMMIT")) {
            return false;
        }
        say(QStringLiteral("  audit log: %1 entries (%2 s)").arg(n).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    }
    return true;
}

// What a finished store is marked with: its citizens and audit entries.
QString storeMark(quint32 citizens)
{
    // "cases": made with the case system's cases (schema 13); a store made before is made again.
    return QStringLiteral("%1/%2/cases").arg(citizens).arg(auditEntries());
}
} // namespace

QDate storeReferenceDate(const QString &path)
{
    auto db = Database::open(path, Database::OpenMode::Create, SystemClock::instance());
    if (!db) {
        say(db.error().message());
        return {};
    }
    if (const auto kept = setting(**db, QString::fromLatin1(ReferenceDateKey))) {
        return QDate::fromString(*kept, Qt::ISODate);
    }
    const QDate date = setting(**db, QString::fromLatin1(BenchKeyName)) ? LegacyReferenceDate : SystemClock::instance().now().date();
    Statement keep(**db, QStringLiteral("INSERT OR REPLACE INTO store_settings (key, value) VALUES (?, ?)"));
    if (!keep.exec({QString::fromLatin1(ReferenceDateKey), date.toString(Qt::ISODate)})) {
        return {};
    }
    return date;
}

bool prepareStore(const QString &path, quint32 citizens, const QDate &referenceDate)
{
    {
        auto db = Database::open(path, Database::OpenMode::Create, benchClock());
        if (!db) {
            say(db.error().message());
            return false;
        }
        if (setting(**db, QString::fromLatin1(BenchKeyName)) == storeMark(citizens)) {
            return true; // made before
        }
    }
    say(QStringLiteral("making the store of %1 citizens in %2 (once; later runs reuse it)").arg(citizens).arg(path));
    QElapsedTimer timer;
    timer.start();
    {
        const auto backend = startBackend(citizens, referenceDate);
        if (backend->url().isEmpty()) {
            say(QStringLiteral("the reference back end did not start"));
            return false;
        }
        MemorySecretStore secrets;
        SyncEngine engine(syncOptions(path, backend->url(), secrets));
        QEventLoop loop;
        SyncSummary summary;
        QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncSummary &s) {
            summary = s;
            loop.quit();
        });
        QMetaObject::invokeMethod(&engine, &SyncEngine::runOnce, Qt::QueuedConnection);
        loop.exec();
        if (!summary.ok()) {
            say(QStringLiteral("the store's synchronisation failed"));
            return false;
        }
        say(QStringLiteral("  synchronised %1 records in %2 s").arg(records(total(summary))).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    }
    auto db = Database::open(path, Database::OpenMode::ReadWrite, benchClock());
    if (!db) {
        say(db.error().message());
        return false;
    }
    auto key = AuditKey::load(**db, *benchSecrets(path));
    if (!key) {
        say(key.error());
        return false;
    }
    Statement max(**db, QStringLiteral("SELECT MAX(id) FROM citizens"));
    if (!max.exec({}) || !max.next()) {
        return false;
    }
    const qint64 maxCitizen = max.value(0).toLongLong();
    max.finish();
    // What the application does after a sync: requests past their retention period go.
    AuditService audit(**db, *key);
    RetentionService retention(audit);
    if (auto purged = retention.purge(RetentionService::systemActor(QStringLiteral("bench")), benchClock().now()); !purged) {
        say(purged.error().message);
        return false;
    }
    if (!fillAudit(path, **db, *key, maxCitizen)) {
        return false;
    }
    Statement mark(**db, QStringLiteral("INSERT OR REPLACE INTO store_settings (key, value) VALUES (?, ?)"));
    if (!mark.exec({QString::fromLatin1(BenchKeyName), storeMark(citizens)})) {
        return false;
    }
    say(QStringLiteral("  store ready in %1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return true;
}

bool prepareServerStore(const QString &uri, const QString &source)
{
    auto target = Database::open(uri, Database::OpenMode::Create, benchClock());
    if (!target) {
        say(target.error().message());
        return false;
    }
    const QString mark = QString::fromLatin1(BenchKeyName);
    auto from = Database::open(source, Database::OpenMode::ReadOnly, benchClock());
    if (!from) {
        say(from.error().message());
        return false;
    }
    const std::optional<QString> sourceMark = setting(**from, mark);
    const std::optional<QString> targetMark = setting(**target, mark);
    if (targetMark && targetMark == sourceMark) {
        return true; // copied before
    }
    auto held = StoreCopy::holdsRows(**target);
    if (!held) {
        say(held.error().message());
        return false;
    }
    if (*held) {
        say(QStringLiteral("%1 holds another store (%2, not the %3 of %4): give an empty database, or drop this one")
                .arg(uri, targetMark.value_or(QStringLiteral("not a benchmark store")), sourceMark.value_or(QString()), source));
        return false;
    }
    auto key = AuditKey::load(**from, *benchSecrets(source));
    if (!key) {
        say(key.error());
        return false;
    }
    say(QStringLiteral("copying the store %1 into %2 (once; later runs reuse it)").arg(source, uri));
    QElapsedTimer timer;
    timer.start();
    QString table;
    auto copied = StoreCopy::copy(**from, **target, [&table](const StoreCopy::Progress &progress) {
        if (progress.table != table) {
            table = progress.table;
            say(QStringLiteral("  %1 …").arg(table));
        }
    });
    if (!copied) {
        say(copied.error().message());
        return false;
    }
    if (auto kept = AuditKey::keep(**target, *benchSecrets(source), *key); !kept) {
        say(kept.error());
        return false;
    }
    // The planner's statistics and the visibility map (which lets the names' words be read from
    // their index alone), as autovacuum would make them after such a load.
    if (!(*target)->exec(QStringLiteral("VACUUM (ANALYZE)"))) {
        return false;
    }
    say(QStringLiteral("  copied in %1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return true;
}

void warmUp(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    QByteArray chunk(8 << 20, Qt::Uninitialized);
    while (file.read(chunk.data(), chunk.size()) > 0) { }
}

QList<qint64> randomCitizens(Database &db, int count)
{
    Statement max(db, QStringLiteral("SELECT MAX(id) FROM citizens"));
    if (!max.exec({}) || !max.next()) {
        return {};
    }
    const qint64 top = max.value(0).toLongLong();
    max.finish();
    Statement exists(db, QStringLiteral("SELECT 1 FROM citizens WHERE id = ?"));
    QRandomGenerator rng(11);
    QList<qint64> ids;
    while (ids.size() < count && top > 0) {
        const qint64 id = 1 + qint64(rng.bounded(quint32(top)));
        if (exists.exec({id}) && exists.next()) {
            ids.append(id);
        }
        exists.finish();
    }
    return ids;
}
} // namespace C360::Bench
