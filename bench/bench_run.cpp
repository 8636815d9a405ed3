// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// bench/run: every product path at municipal scale, side by side in one run with a baseline that
// is the limit of this machine (the raw SQLite C API, raw HMAC, an empty Qt window), as figures,
// ratios and DESIGN.md's goals.
//
// The store (N citizens with about 20 timeline items each from the reference back end's
// generator, synchronised by the product's own sync engine, and 1,000,000 audit entries) is made
// once per N in the data folder and reused. Then, in this order:
//   case_open         CaseService::open + the case view's TimelineModel, for random citizens
//                     vs one raw durable audit INSERT + the raw queries returning the same rows
//   search_keystroke  SearchService::search (audited, durable) on 2+ character prefixes of real
//                     names, numbers, phones and addresses vs the raw FTS5 / index queries
//   audit_append      AuditService::record, durable vs a raw INSERT in WAL mode (synchronous=FULL)
//   audit_verify      the chain verification vs raw HMAC-SHA-256 over the same bytes
//   sync_ingest       a full sync from citizen360-refbackend on loopback (a smaller
//                     municipality, in a store of its own) vs parsing the same JSON pages and
//                     inserting them in one transaction
//   ui_stall          the longest UI event-loop stall during that sync, main window open
//   cold_start        citizen360 --startup-probe on the full store vs an empty Qt Widgets window
//
// Usage: c360-bench [--citizens N] [--json FILE] [--data DIR] [--samples K] [--audit-entries M]
//                   [--only NAME,…]  (only these paths; "none" only makes the store)

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/searchservice.h"
#include "casefile.h"
#include "common/clock.h"
#include "common/settings.h"
#include "mainwindow.h"
#include "privacy/retentionservice.h"
#include "privacy/secretstore.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"
#include "sync/connectors.h"
#include "sync/sourceconfig.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "syncpresenter.h"
#include "syncstatusmodel.h"
#include "timelinemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

using namespace c360;

namespace
{
constexpr quint64 Seed = 2026;
qint64 AuditEntries = 1000000; // --audit-entries
constexpr quint32 SyncCitizens = 20000; // sync_ingest's municipality (at most N)
const QByteArray BenchKeyName = "bench_citizens";
// The day the store's generated history ends (the back end's --reference-date), kept in the store
// so that a store finished in a later session, or measured months later, stays one municipality.
const QByteArray ReferenceDateKey = "bench_reference_date";
// Stores finished before the reference date was kept were all made against this one.
const QDate LegacyReferenceDate(2026, 11, 1);
constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

// Where the bench keeps the audit keys of its stores: a data folder of its own beside them, which
// the application measured in cold_start is given as its XDG_DATA_HOME (so it finds the key where
// SecretStore::personal() looks on a desk without a keychain).
QString benchDataHome(const QString &store)
{
    return QFileInfo(store).absolutePath() + QStringLiteral("/bench-data");
}

std::unique_ptr<SecretStore> benchSecrets(const QString &store)
{
    return std::make_unique<FileSecretStore>(benchDataHome(store) + QStringLiteral("/citizen360/secrets"));
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void say(const QString &line)
{
    QTextStream(stderr) << line << Qt::endl;
}

// The benchmark's "now": the system clock moved to the store's reference date (same time of
// day), so that every run measures the store as it was on the day it was made — the same open
// requests, no purge in between — whatever the real date. Set once the store is known.
ShiftedClock &benchClock(qint64 offsetDays = 0)
{
    static ShiftedClock clock(offsetDays * 24 * 3600 * 1000);
    return clock;
}

qint64 offsetDays()
{
    return benchClock().offsetMs() / (24 * 3600 * 1000);
}

double procStatusMb(const char *field, qint64 pid = 0)
{
    QFile status(pid ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return Nan;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return Nan;
}

double peakRssMb()
{
    return procStatusMb("VmHWM:");
}

struct Percentiles
{
    double p50 = Nan;
    double p99 = Nan;
    double max = Nan;
};

Percentiles percentiles(std::vector<double> ms)
{
    Percentiles p;
    if (ms.empty()) {
        return p;
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double q) {
        const auto i = std::min(ms.size() - 1, size_t(std::ceil(q * double(ms.size()))) - (q > 0 ? 1 : 0));
        return ms[i];
    };
    p.p50 = at(0.5);
    p.p99 = at(0.99);
    p.max = ms.back();
    return p;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// One line of the report.
struct Row
{
    explicit Row(const QString &name_ = {}, const QString &note_ = {})
        : name(name_)
        , note(note_)
    {
    }
    QString name;
    double p50 = Nan; // ms
    double p99 = Nan; // ms
    double throughput = Nan; // per second
    QString unit; // of throughput
    double baseline = Nan; // the baseline's p50 (ms) or throughput
    double ratio = Nan; // product cost ÷ baseline cost (1 = as fast as the limit)
    double rss = Nan; // MB
    QString goal;
    bool pass = false;
    QString note;
};

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

// --- the raw SQLite C API -------------------------------------------------------------------

class RawDb
{
public:
    explicit RawDb(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            say(QStringLiteral("cannot open %1 with the C API").arg(path));
            m_db = nullptr;
        }
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA busy_timeout=5000");
    }
    ~RawDb()
    {
        for (sqlite3_stmt *s : m_statements) {
            sqlite3_finalize(s);
        }
        sqlite3_close(m_db);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool exec(const char *sql)
    {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            say(QStringLiteral("raw SQL failed: %1: %2").arg(QLatin1String(sql), QString::fromUtf8(error ? error : "")));
            sqlite3_free(error);
            return false;
        }
        return true;
    }
    sqlite3_stmt *prepare(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
            say(QStringLiteral("raw prepare failed: %1: %2").arg(QLatin1String(sql), QString::fromUtf8(sqlite3_errmsg(m_db))));
            return nullptr;
        }
        m_statements.push_back(s);
        return s;
    }
    // Steps s to the end, reading every column of every row (as a caller that uses them would);
    // the ids of column 0 go to ids when given.
    static int drain(sqlite3_stmt *s, QList<qint64> *ids = nullptr)
    {
        int rows = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            ++rows;
            const int columns = sqlite3_column_count(s);
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(s, c)) {
                case SQLITE_TEXT:
                    (void)sqlite3_column_text(s, c);
                    break;
                case SQLITE_BLOB:
                    (void)sqlite3_column_blob(s, c);
                    break;
                default:
                    (void)sqlite3_column_int64(s, c);
                }
            }
            if (ids) {
                ids->append(sqlite3_column_int64(s, 0));
            }
        }
        sqlite3_reset(s);
        return rows;
    }
    static void bindText(sqlite3_stmt *s, int i, const QByteArray &utf8) { sqlite3_bind_text(s, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT); }
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_statements;
};

// --- the reference back end ---------------------------------------------------------------------

class Backend
{
public:
    bool start(quint32 citizens, const QDate &referenceDate)
    {
        m_process.setProgram(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("citizen360-refbackend")));
        m_process.setArguments({QStringLiteral("--citizens"),
                                QString::number(citizens),
                                QStringLiteral("--seed"),
                                QString::number(Seed),
                                QStringLiteral("--reference-date"),
                                referenceDate.toString(Qt::ISODate),
                                QStringLiteral("--exit-on-stdin-close")});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        while (!m_process.canReadLine() && m_process.waitForReadyRead(600000)) { }
        m_url = QUrl(QString::fromUtf8(m_process.readLine()).trimmed());
        return m_url.scheme() == QLatin1String("http");
    }
    ~Backend()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QUrl m_url;
};

SyncEngine::Options syncOptions(const QString &store, const QUrl &backend, MemorySecretStore &secrets)
{
    (void)secrets.write(QStringLiteral("reference"), QStringLiteral("training"));
    SyncEngine::Options options;
    options.databasePath = store;
    options.sources = SourceConfig::forReferenceBackend(backend);
    options.secrets = &secrets;
    options.clock = &benchClock();
    options.resources = allResourceSyncs();
    options.outbox = allOutboxTargets();
    return options;
}

ResourceStats total(const SyncSummary &summary)
{
    ResourceStats t;
    for (const auto &r : summary.resources) {
        t += r.stats;
    }
    return t;
}

qint64 records(const ResourceStats &s)
{
    return s.inserted + s.updated + s.skipped;
}

// --- the store ---------------------------------------------------------------------------------

const StaffMember benchClerk{QStringLiteral("bench.balie"), Role::CounterClerk, QStringLiteral("bench-1"), QStringLiteral("Burgerzaken")};
const Purpose benchPurpose{QStringLiteral("counter_visit"), QString()};

std::optional<QString> setting(Database &db, const QString &key)
{
    Statement q(db, QStringLiteral("SELECT value FROM store_settings WHERE key = ?"));
    if (!q.exec({key}) || !q.next()) {
        return std::nullopt;
    }
    return q.value(0).toString();
}

// Fills the audit log to AuditEntries with a working municipality's entries: searches, results
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
    while (n < AuditEntries) {
        raw.exec("BEGIN");
        for (int i = 0; i < 100000 && n < AuditEntries; ++i) {
            AuditEntry e;
            e.sequence = ++n;
            e.time = sql::toDateTime(sql::fromDateTime(start.addMSecs(span * n / AuditEntries)));
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
            RawDb::bindText(insert, 2, sql::fromDateTime(e.time).toString().toUtf8());
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
    return QStringLiteral("%1/%2").arg(citizens).arg(AuditEntries);
}

// The store's reference date: kept in it, the legacy one for a store finished before it was kept,
// today's (UTC) for a store begun now. Invalid when the store cannot be read or written.
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

// The store of N citizens, made (or finished) when it is not there yet. false when it cannot be.
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
        Backend backend;
        if (!backend.start(citizens, referenceDate)) {
            say(QStringLiteral("the reference back end did not start"));
            return false;
        }
        MemorySecretStore secrets;
        SyncEngine engine(syncOptions(path, backend.url(), secrets));
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

// Reads the store's file once, so that every path and its baseline find it in the page cache
// (making another store may have pushed it out): the first path measured pays no cold reads.
void warmUp(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    QByteArray chunk(8 << 20, Qt::Uninitialized);
    while (file.read(chunk.data(), chunk.size()) > 0) { }
}

// The raw audit row's table: the audit log's columns, without its triggers and chain.
bool makeRawAuditTable(RawDb &raw)
{
    return raw.exec(
        "CREATE TABLE IF NOT EXISTS bench_raw_audit (sequence INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, "
        "workstation TEXT NOT NULL, action TEXT NOT NULL, subject_citizen_id INTEGER, purpose_code TEXT NOT NULL DEFAULT '', purpose_text TEXT NOT NULL "
        "DEFAULT '', outcome TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}', previous_hash BLOB NOT NULL, hash BLOB NOT NULL)");
}

// One durable raw INSERT of an audit-sized row.
class RawAuditInsert
{
public:
    explicit RawAuditInsert(RawDb &raw)
        : m_insert(raw.prepare(
              "INSERT INTO bench_raw_audit (occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, "
              "details, previous_hash, hash) VALUES (?1, 'bench.balie', 'counter_clerk', 'bench-1', 'profile_opened', ?2, 'counter_visit', '', 'success', "
              "'{}', ?3, ?4)"))
    {
    }
    bool run(qint64 citizen)
    {
        const QByteArray time = benchClock().now().toString(Qt::ISODateWithMs).toUtf8();
        RawDb::bindText(m_insert, 1, time);
        sqlite3_bind_int64(m_insert, 2, citizen);
        sqlite3_bind_blob(m_insert, 3, m_hash.constData(), int(m_hash.size()), SQLITE_STATIC);
        sqlite3_bind_blob(m_insert, 4, m_hash.constData(), int(m_hash.size()), SQLITE_STATIC);
        const bool ok = sqlite3_step(m_insert) == SQLITE_DONE;
        sqlite3_reset(m_insert);
        return ok;
    }

private:
    sqlite3_stmt *m_insert;
    QByteArray m_hash = QByteArray(32, '\x5a');
};

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

// --- case_open ------------------------------------------------------------------------------

Row benchCaseOpen(AuditService &audit, RawDb &raw, const QList<qint64> &citizens)
{
    CaseService cases(audit);
    TimelineModel model;
    RawAuditInsert insert(raw);
    const std::vector<sqlite3_stmt *> queries = {
        raw.prepare("SELECT * FROM citizens WHERE id = ?1"),
        raw.prepare("SELECT * FROM citizen_identifiers WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM digital_addresses WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM channel_preferences WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM consents WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM reports WHERE citizen_id = ?1"),
        raw.prepare("SELECT r.*, c.basis, c.state FROM report_candidates c JOIN reports r ON r.id = c.report_id WHERE c.citizen_id = ?1"),
        raw.prepare("SELECT * FROM contact_moments WHERE citizen_id = ?1"),
        raw.prepare("SELECT l.* FROM contact_moment_links l JOIN contact_moments m ON m.id = l.contact_moment_id WHERE m.citizen_id = ?1"),
        raw.prepare("SELECT * FROM requests WHERE citizen_id = ?1"),
        raw.prepare("SELECT s.* FROM request_supplements s JOIN requests r ON r.id = s.request_id WHERE r.citizen_id = ?1"),
        raw.prepare("SELECT l.* FROM request_links l JOIN requests r ON r.id = l.request_id WHERE r.citizen_id = ?1"),
        raw.prepare("SELECT l.*, e.* FROM citizen_catalogue_links l JOIN catalogue_entries e ON e.id = l.entry_id WHERE l.citizen_id = ?1"),
    };
    Row row(QStringLiteral("case_open"));
    if (std::find(queries.cbegin(), queries.cend(), nullptr) != queries.cend()) {
        row.note = QStringLiteral("a baseline query could not be prepared");
        return row;
    }
    std::vector<double> product;
    std::vector<double> baseline;
    qint64 items = 0;
    for (int i = 0; i < citizens.size(); ++i) {
        const qint64 id = citizens.at(i);
        QElapsedTimer t;
        t.start();
        auto file = cases.open(benchClerk, id, benchPurpose);
        if (!file) {
            row.note = file.error().message;
            return row;
        }
        model.setCase(*file);
        const double p = msSince(t);
        items += model.rowCount();

        t.restart();
        insert.run(id);
        raw.exec("BEGIN");
        for (sqlite3_stmt *q : queries) {
            sqlite3_bind_int64(q, 1, id);
            RawDb::drain(q);
        }
        raw.exec("COMMIT");
        const double b = msSince(t);
        if (i >= 20) { // the first ones warm the caches
            product.push_back(p);
            baseline.push_back(b);
        }
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    row.p50 = pp.p50;
    row.p99 = pp.p99;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.goal = QStringLiteral("p99 <= 2 ms, <= 3x");
    row.pass = pp.p99 <= 2.0 && row.ratio <= 3.0;
    row.note = QStringLiteral("%1 cases, %2 items on average; baseline p99 %3 ms")
                   .arg(product.size())
                   .arg(double(items) / std::max<qsizetype>(citizens.size(), 1), 0, 'f', 1)
                   .arg(bp.p99, 0, 'f', 3);
    return row;
}

// --- search_keystroke ---------------------------------------------------------------------------

QStringList keystrokes(Database &db, const QList<qint64> &citizens)
{
    QStringList texts;
    Statement citizen(db, QStringLiteral("SELECT family_name, given_names, postcode, house_number FROM citizens WHERE id = ?"));
    Statement number(db, QStringLiteral("SELECT value FROM citizen_identifiers WHERE citizen_id = ? AND type IN ('be_nrn', 'be_bis') LIMIT 1"));
    Statement phone(db, QStringLiteral("SELECT value FROM digital_addresses WHERE citizen_id = ? AND kind = 'phone' LIMIT 1"));
    for (qint64 id : citizens) {
        if (citizen.exec({id}) && citizen.next()) {
            const QString family = citizen.value(0).toString();
            const QString given = citizen.value(1).toString();
            // A family name typed letter by letter, then a space and the given name's first letters.
            for (int n = 2; n <= std::min<qsizetype>(family.size(), 8); ++n) {
                texts.append(family.left(n));
            }
            for (int n = 1; n <= std::min<qsizetype>(given.size(), 3); ++n) {
                texts.append(family + QLatin1Char(' ') + given.left(n));
            }
            const QString postcode = citizen.value(2).toString();
            const QString house = citizen.value(3).toString();
            if (!postcode.isEmpty() && !house.isEmpty()) {
                texts.append(postcode + QLatin1Char(' ') + house.left(1));
                texts.append(postcode + QLatin1Char(' ') + house);
            }
        }
        citizen.finish();
        if (number.exec({id}) && number.next()) {
            const QString digits = number.value(0).toString();
            for (int n = 6; n <= digits.size(); ++n) {
                texts.append(digits.left(n));
            }
        }
        number.finish();
        if (phone.exec({id}) && phone.next()) {
            const QString value = phone.value(0).toString();
            // Typed as written, from its seventh character on (six digits at least).
            for (int n = 7; n <= value.size(); n += 2) {
                texts.append(value.left(n));
            }
        }
        phone.finish();
    }
    return texts;
}

QString prefixEnd(const QString &prefix)
{
    QString end = prefix;
    end.back() = QChar(end.back().unicode() + 1);
    return end;
}

class RawSearch
{
public:
    explicit RawSearch(RawDb &raw)
        : m_name(raw.prepare("SELECT rowid FROM citizen_search WHERE citizen_search MATCH ?1 LIMIT ?2"))
        , m_numberExact(raw.prepare("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value = ?1 LIMIT ?2"))
        , m_numberPrefix(raw.prepare("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value >= ?1 AND value < ?3 LIMIT ?2"))
        , m_digital(raw.prepare("SELECT DISTINCT citizen_id FROM digital_addresses WHERE kind = ?4 AND normalized >= ?1 AND normalized < ?3 LIMIT ?2"))
        , m_postcode(raw.prepare("SELECT id FROM citizens WHERE postcode = ?1 LIMIT ?2"))
        , m_address(raw.prepare("SELECT id FROM citizens WHERE postcode = ?1 AND upper(replace(house_number, ' ', '')) = ?3 LIMIT ?2"))
        , m_birth(raw.prepare("SELECT id FROM citizens WHERE birth_date = ?1 LIMIT ?2"))
    {
    }
    QList<qint64> find(const SearchService::Query &q, int limit)
    {
        sqlite3_stmt *s = nullptr;
        QByteArray first;
        QByteArray third;
        QByteArray fourth;
        switch (q.kind) {
        case SearchKind::Name:
            s = m_name;
            first = CitizenRepository::ftsPrefixQuery(q.text).toUtf8();
            break;
        case SearchKind::NationalNumber:
            s = q.text.size() == 11 ? m_numberExact : m_numberPrefix;
            first = q.text.toUtf8();
            third = prefixEnd(q.text).toUtf8();
            break;
        case SearchKind::Phone:
        case SearchKind::Email:
            s = m_digital;
            first = q.text.toUtf8();
            third = prefixEnd(q.text).toUtf8();
            fourth = q.kind == SearchKind::Phone ? "phone" : "email";
            break;
        case SearchKind::BirthDate:
            s = m_birth;
            first = q.date.toString(Qt::ISODate).toUtf8();
            break;
        case SearchKind::Address:
            s = q.houseNumber.isEmpty() ? m_postcode : m_address;
            first = q.postcode.toUtf8();
            third = q.houseNumber.toUtf8();
            break;
        }
        RawDb::bindText(s, 1, first);
        sqlite3_bind_int(s, 2, limit);
        if (sqlite3_bind_parameter_count(s) >= 3) {
            RawDb::bindText(s, 3, third);
        }
        if (sqlite3_bind_parameter_count(s) >= 4) {
            RawDb::bindText(s, 4, fourth);
        }
        QList<qint64> ids;
        RawDb::drain(s, &ids);
        return ids;
    }

private:
    sqlite3_stmt *m_name;
    sqlite3_stmt *m_numberExact;
    sqlite3_stmt *m_numberPrefix;
    sqlite3_stmt *m_digital;
    sqlite3_stmt *m_postcode;
    sqlite3_stmt *m_address;
    sqlite3_stmt *m_birth;
};

Row benchSearch(Database &db, AuditService &audit, RawDb &raw, const QList<qint64> &citizens)
{
    SearchService search(audit);
    RawSearch rawSearch(raw);
    const QStringList texts = keystrokes(db, citizens);
    std::vector<double> product;
    std::vector<double> baseline;
    int differ = 0;
    int searched = 0;
    for (int i = 0; i < texts.size(); ++i) {
        const QString &text = texts.at(i);
        QElapsedTimer t;
        t.start();
        auto hits = search.search(benchClerk, text);
        const double p = msSince(t);
        if (!hits) {
            continue;
        }
        t.restart();
        const auto query = SearchService::classify(text);
        const QList<qint64> ids = query ? rawSearch.find(*query, SearchService::DefaultLimit) : QList<qint64>();
        const double b = msSince(t);
        QList<qint64> found;
        for (const SearchHit &h : std::as_const(*hits)) {
            found.append(h.citizenId);
        }
        QList<qint64> expected = ids;
        std::sort(found.begin(), found.end());
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        if (found != expected) {
            ++differ;
        }
        ++searched;
        if (i >= 20) {
            product.push_back(p);
            baseline.push_back(b);
        }
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    Row row(QStringLiteral("search_keystroke"));
    row.p50 = pp.p50;
    row.p99 = pp.p99;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.goal = QStringLiteral("p99 <= 10 ms, <= 2x");
    row.pass = pp.p99 <= 10.0 && row.ratio <= 2.0 && differ == 0;
    row.note = QStringLiteral("%1 keystrokes (names, numbers, phones, addresses), %2 with other ids than the baseline; baseline p99 %3 ms")
                   .arg(searched)
                   .arg(differ)
                   .arg(bp.p99, 0, 'f', 3);
    return row;
}

// --- audit_append and audit_verify ------------------------------------------------------------

Row benchAuditAppend(AuditService &audit, RawDb &raw, const QList<qint64> &citizens, int samples)
{
    RawAuditInsert insert(raw);
    std::vector<double> product;
    std::vector<double> baseline;
    for (int i = 0; i < samples; ++i) {
        const qint64 id = citizens.at(i % citizens.size());
        QElapsedTimer t;
        t.start();
        if (!audit.record(benchClerk, AuditAction::ProfileOpened, id, benchPurpose)) {
            return Row(QStringLiteral("audit_append"), QStringLiteral("the audit entry failed"));
        }
        const double p = msSince(t);
        t.restart();
        insert.run(id);
        const double b = msSince(t);
        if (i >= 20) {
            product.push_back(p);
            baseline.push_back(b);
        }
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    Row row(QStringLiteral("audit_append"));
    row.p50 = pp.p50;
    row.p99 = pp.p99;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.goal = QStringLiteral("p99 <= 1 ms");
    row.pass = pp.p99 <= 1.0;
    row.note = QStringLiteral("%1 durable entries; baseline p99 %2 ms").arg(product.size()).arg(bp.p99, 0, 'f', 3);
    return row;
}

Row benchAuditVerify(Database &db, AuditService &audit, const QByteArray &key)
{
    Row row(QStringLiteral("audit_verify"));
    QElapsedTimer t;
    t.start();
    auto verification = audit.verifyChain();
    const double seconds = msSince(t) / 1000.0;
    if (!verification || !verification->intact()) {
        row.note = QStringLiteral("the chain is not intact");
        return row;
    }
    const qint64 entries = verification->checkedThrough;
    row.throughput = double(entries) / seconds;
    row.unit = QStringLiteral("entries/s");

    // The baseline: HMAC-SHA-256 over each entry's canonical bytes, read beforehand (not timed),
    // with OpenSSL's SHA-256 straight, the key's pads hashed once (the fastest HMAC here).
    AuditRepository repository(db, key);
    const EVP_MD *sha256 = EVP_sha256();
    const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> innerPad(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> outerPad(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> work(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    {
        unsigned char block[64] = {};
        std::memcpy(block, key.constData(), std::min<size_t>(64, size_t(key.size()))); // the store's key is 32 bytes
        unsigned char pad[64];
        for (int i = 0; i < 64; ++i) {
            pad[i] = block[i] ^ 0x36;
        }
        EVP_DigestInit_ex(innerPad.get(), sha256, nullptr);
        EVP_DigestUpdate(innerPad.get(), pad, 64);
        for (int i = 0; i < 64; ++i) {
            pad[i] = block[i] ^ 0x5c;
        }
        EVP_DigestInit_ex(outerPad.get(), sha256, nullptr);
        EVP_DigestUpdate(outerPad.get(), pad, 64);
    }
    unsigned char inner[32];
    unsigned char mac[32];
    unsigned int length = 0;
    qint64 mismatches = 0;
    double hmacSeconds = 0;
    qint64 done = 0;
    QByteArray previous = AuditRepository::genesisHash();
    for (qint64 from = 1; from <= entries; from += 100000) {
        auto chunk = repository.entries(from, 100000);
        if (!chunk) {
            break;
        }
        std::vector<QByteArray> bytes;
        std::vector<QByteArray> hashes;
        bytes.reserve(chunk->size());
        hashes.reserve(chunk->size());
        for (const AuditEntry &e : std::as_const(*chunk)) {
            bytes.push_back(AuditRepository::canonicalBytes(e));
            hashes.push_back(e.hash);
        }
        QElapsedTimer h;
        h.start();
        for (size_t i = 0; i < bytes.size(); ++i) {
            EVP_MD_CTX_copy_ex(work.get(), innerPad.get());
            EVP_DigestUpdate(work.get(), bytes[i].constData(), size_t(bytes[i].size()));
            EVP_DigestFinal_ex(work.get(), inner, &length);
            EVP_MD_CTX_copy_ex(work.get(), outerPad.get());
            EVP_DigestUpdate(work.get(), inner, sizeof inner);
            EVP_DigestFinal_ex(work.get(), mac, &length);
            mismatches += std::memcmp(mac, hashes[i].constData(), std::min<size_t>(32, size_t(hashes[i].size()))) != 0;
        }
        hmacSeconds += msSince(h) / 1000.0;
        done += qint64(bytes.size());
    }
    previous = QByteArray(reinterpret_cast<const char *>(mac), 32);
    row.baseline = double(done) / hmacSeconds;
    row.ratio = row.baseline / row.throughput;
    row.goal = QStringLiteral(">= 1,000,000 entries/s");
    row.pass = row.throughput >= 1e6;
    row.note =
        QStringLiteral("%1 entries in %2 s; raw HMAC %3 s (%4 not as stored)").arg(entries).arg(seconds, 0, 'f', 2).arg(hmacSeconds, 0, 'f', 2).arg(mismatches);
    Q_UNUSED(previous);
    return row;
}

// --- sync_ingest and ui_stall --------------------------------------------------------------

// Every list page of the back end the sync reads, fetched beforehand (not timed): the
// Klantinteracties lists and Open311's requests.
QList<QByteArray> fetchPages(const QUrl &base)
{
    QNetworkAccessManager network;
    QList<QByteArray> pages;
    auto get = [&network](const QUrl &url, const QByteArray &authorization) {
        QNetworkRequest request(url);
        if (!authorization.isEmpty()) {
            request.setRawHeader("Authorization", authorization);
        }
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
        reply->deleteLater();
        return body;
    };
    const QString root = base.toString(QUrl::StripTrailingSlash);
    for (const auto &[list, expand] : {std::pair{"partijen", "digitaleAdressen"}, {"klantcontacten", "hadBetrokkenen"}, {"internetaken", ""}}) {
        for (int page = 1;; ++page) {
            QUrl url(root + QStringLiteral("/klantinteracties/api/v1/") + QLatin1String(list));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("page"), QString::number(page));
            query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("500"));
            if (*expand) {
                query.addQueryItem(QStringLiteral("expand"), QLatin1String(expand));
            }
            url.setQuery(query);
            const QByteArray body = get(url, "Token training");
            if (body.isEmpty()) {
                break;
            }
            pages.append(body);
            if (QJsonDocument::fromJson(body).object().value(QStringLiteral("next")).isNull()) {
                break;
            }
        }
    }
    for (int page = 1;; ++page) {
        QUrl url(root + QStringLiteral("/open311/v2/requests.json"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start_date"), QStringLiteral("2000-01-01T00:00:00Z"));
        query.addQueryItem(QStringLiteral("end_date"), benchClock().now().addDays(1).toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("page"), QString::number(page));
        query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("500"));
        query.addQueryItem(QStringLiteral("extensions"), QStringLiteral("true"));
        query.addQueryItem(QStringLiteral("api_key"), QStringLiteral("training"));
        url.setQuery(query);
        const QByteArray body = get(url, {});
        if (body.isEmpty() || QJsonDocument::fromJson(body).array().isEmpty()) {
            break;
        }
        pages.append(body);
    }
    return pages;
}

struct IngestBaseline
{
    qint64 records = 0;
    double seconds = 0;
};

// Parses each page and inserts each record (its id and its JSON) in one transaction.
IngestBaseline rawIngest(const QList<QByteArray> &pages, const QString &path)
{
    RawDb raw(path);
    raw.exec("PRAGMA synchronous=NORMAL");
    raw.exec("CREATE TABLE records (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
    sqlite3_stmt *insert = raw.prepare("INSERT OR REPLACE INTO records (id, body) VALUES (?1, ?2)");
    IngestBaseline result;
    QElapsedTimer t;
    t.start();
    raw.exec("BEGIN");
    for (const QByteArray &page : pages) {
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        const QJsonArray items = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("results")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            const QJsonValue id = o.contains(QStringLiteral("uuid")) ? o.value(QStringLiteral("uuid")) : o.value(QStringLiteral("service_request_id"));
            RawDb::bindText(insert, 1, id.toVariant().toString().toUtf8());
            RawDb::bindText(insert, 2, QJsonDocument(o).toJson(QJsonDocument::Compact));
            sqlite3_step(insert);
            sqlite3_reset(insert);
            ++result.records;
        }
    }
    raw.exec("COMMIT");
    result.seconds = msSince(t) / 1000.0;
    return result;
}

std::pair<Row, Row> benchSync(quint32 citizens, const QString &dataDir, const QDate &referenceDate)
{
    Row ingest(QStringLiteral("sync_ingest"));
    Row stall(QStringLiteral("ui_stall"));
    Backend backend;
    if (!backend.start(citizens, referenceDate)) {
        ingest.note = stall.note = QStringLiteral("the reference back end did not start");
        return {ingest, stall};
    }
    QTemporaryDir dir(dataDir + QStringLiteral("/sync-XXXXXX"));
    const QString store = dir.filePath(QStringLiteral("sync.sqlite"));
    auto db = Database::open(store, Database::OpenMode::Create, benchClock());
    if (!db) {
        ingest.note = stall.note = db.error().message();
        return {ingest, stall};
    }
    QSettings backing(dir.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
    Settings settings(&backing);
    MainWindow window(settings);
    SyncStatusModel model;
    MemorySecretStore secrets;
    SyncService service(syncOptions(store, backend.url(), secrets));
    SyncPresenter presenter(service, model, window, **db);
    window.show();

    // The UI thread's pulse: a 2 ms timer; a gap longer than that is a stall.
    constexpr int Pulse = 2;
    std::vector<double> gaps;
    QElapsedTimer clock;
    double last = 0;
    QTimer pulse;
    pulse.setInterval(Pulse);
    QObject::connect(&pulse, &QTimer::timeout, [&] {
        const double now = msSince(clock);
        gaps.push_back(now - last);
        last = now;
    });
    QEventLoop loop;
    SyncSummary summary;
    QObject::connect(&service, &SyncService::finished, &loop, [&](const SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    clock.start();
    pulse.start();
    service.runNow();
    loop.exec();
    pulse.stop();
    const double seconds = msSince(t) / 1000.0;
    const qint64 n = records(total(summary));
    ingest.throughput = double(n) / seconds;
    ingest.unit = QStringLiteral("records/s");
    ingest.rss = peakRssMb();

    const Percentiles g = percentiles(gaps);
    stall.p50 = g.p50;
    stall.p99 = g.max; // the longest stall: what the goal is about
    stall.goal = QStringLiteral("longest stall <= 50 ms");
    stall.pass = summary.ok() && g.max <= 50.0;
    stall.rss = ingest.rss;
    stall.note = QStringLiteral("%1 pulses of %2 ms; p99 gap %3 ms; the p99 column is the longest").arg(gaps.size()).arg(Pulse).arg(g.p99, 0, 'f', 1);

    const QList<QByteArray> pages = fetchPages(backend.url());
    const IngestBaseline base = rawIngest(pages, dir.filePath(QStringLiteral("raw.sqlite")));
    ingest.baseline = double(base.records) / base.seconds;
    ingest.ratio = ingest.baseline / ingest.throughput;
    ingest.goal = QStringLiteral(">= 100,000 records/s, <= 2x");
    ingest.pass = summary.ok() && ingest.throughput >= 100000 && ingest.ratio <= 2.0;
    ingest.note = QStringLiteral("%1 residents: %2 records in %3 s%4; baseline %5 records from %6 pages in %7 s")
                      .arg(citizens)
                      .arg(n)
                      .arg(seconds, 0, 'f', 2)
                      .arg(summary.ok() ? QString() : QStringLiteral(" (NOT OK)"))
                      .arg(base.records)
                      .arg(pages.size())
                      .arg(base.seconds, 0, 'f', 2);
    return {ingest, stall};
}

// --- cold_start --------------------------------------------------------------------------------

struct Start
{
    double ms = Nan;
    double rss = Nan;
};

// A program to start, run under libfaketime moved by the benchmark's offset when there is one:
// the application takes its time from the system clock, and would otherwise purge, at its start,
// the requests that expired since the store was made. The baseline runs the same way.
std::pair<QString, QStringList> underBenchClock(const QString &program, const QStringList &arguments, bool *moved)
{
    *moved = false;
    if (offsetDays() == 0) {
        return {program, arguments};
    }
    const QString faketime = QStandardPaths::findExecutable(QStringLiteral("faketime"));
    if (faketime.isEmpty()) {
        return {program, arguments};
    }
    *moved = true;
    return {faketime,
            QStringList{QStringLiteral("-f"), QStringLiteral("%1%2d").arg(offsetDays() > 0 ? QStringLiteral("+") : QString()).arg(offsetDays()), program} +
                arguments};
}

Start startOnce(const QString &program, const QStringList &arguments, const QString &home, bool *moved, const QString &dataHome = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.isEmpty() ? home + QStringLiteral("/data") : dataHome);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const auto [command, commandArguments] = underBenchClock(program, arguments, moved);
    QElapsedTimer t;
    t.start();
    process.start(command, commandArguments);
    while (!process.canReadLine() && process.waitForReadyRead(60000)) { }
    Start s;
    s.ms = msSince(t);
    const QJsonObject o = QJsonDocument::fromJson(process.readLine()).object();
    if (!o.value(QStringLiteral("first_paint")).toBool()) {
        s.ms = Nan;
    }
    s.rss = o.value(QStringLiteral("rss_mb")).toDouble(Nan);
    process.waitForFinished(60000);
    return s;
}

Row benchColdStart(const QString &store, int runs)
{
    QTemporaryDir home;
    const QString dir = QCoreApplication::applicationDirPath();
    std::vector<double> product;
    std::vector<double> baseline;
    double rss = 0;
    bool moved = false;
    for (int i = 0; i < runs; ++i) {
        const Start p = startOnce(QDir(dir).filePath(QStringLiteral("citizen360")),
                                  {QStringLiteral("--database"), store, QStringLiteral("--startup-probe")},
                                  home.path(),
                                  &moved,
                                  benchDataHome(store));
        const Start b = startOnce(QDir(dir).filePath(QStringLiteral("c360-bench-emptywindow")), {}, home.path(), &moved);
        if (std::isnan(p.ms) || std::isnan(b.ms)) {
            return Row(QStringLiteral("cold_start"), QStringLiteral("a start did not paint"));
        }
        product.push_back(p.ms);
        baseline.push_back(b.ms);
        rss = std::max(rss, p.rss);
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    Row row(QStringLiteral("cold_start"));
    row.p50 = pp.p50;
    row.p99 = pp.max;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.rss = rss;
    row.goal = QStringLiteral("<= 500 ms, <= 1.5x, <= 150 MB");
    row.pass = pp.max <= 500 && row.ratio <= 1.5 && rss <= 150;
    row.note = QStringLiteral("%1 starts each, offscreen; the p99 column is the slowest").arg(runs);
    if (moved) {
        row.note += QStringLiteral("; both under faketime %1 days (the store's reference date)").arg(offsetDays());
    } else if (offsetDays() != 0) {
        row.note += QStringLiteral("; without faketime the application purged what expired since the store's reference date");
    }
    return row;
}

// --- the report -----------------------------------------------------------------------------

QString cell(double v, int precision = 3)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', precision);
}

QString rate(double v)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(qint64(std::llround(v)));
}

void printTable(const QList<Row> &rows, quint32 citizens)
{
    QTextStream &o = out();
    o << QStringLiteral("Citizen 360 benchmarks: %1 citizens, %2 audit entries\n").arg(citizens).arg(AuditEntries);
    o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8 %9\n")
             .arg(QStringLiteral("name"), -17)
             .arg(QStringLiteral("p50 ms"), 9)
             .arg(QStringLiteral("p99 ms"), 9)
             .arg(QStringLiteral("throughput"), 12)
             .arg(QStringLiteral("baseline"), 12)
             .arg(QStringLiteral("ratio"), 7)
             .arg(QStringLiteral("RSS MB"), 7)
             .arg(QStringLiteral("goal"), -32)
             .arg(QStringLiteral("result"));
    for (const Row &r : rows) {
        const bool timed = !std::isnan(r.p50);
        o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8 %9\n")
                 .arg(r.name, -17)
                 .arg(cell(r.p50), 9)
                 .arg(cell(r.p99), 9)
                 .arg(rate(r.throughput), 12)
                 .arg(timed ? cell(r.baseline) : rate(r.baseline), 12)
                 .arg(cell(r.ratio, 2), 7)
                 .arg(cell(r.rss, 1), 7)
                 .arg(r.goal, -32)
                 .arg(r.pass ? QStringLiteral("PASS") : QStringLiteral("MISS"));
    }
    for (const Row &r : rows) {
        if (!r.note.isEmpty()) {
            o << QStringLiteral("  %1: %2\n").arg(r.name, r.note);
        }
    }
    o.flush();
}

bool writeJson(const QList<Row> &rows, const QString &path)
{
    QJsonArray array;
    for (const Row &r : rows) {
        array.append(QJsonObject{{QStringLiteral("name"), r.name},
                                 {QStringLiteral("p50_ms"), number(r.p50)},
                                 {QStringLiteral("p99_ms"), number(r.p99)},
                                 {QStringLiteral("throughput"), number(r.throughput)},
                                 {QStringLiteral("baseline"), number(r.baseline)},
                                 {QStringLiteral("ratio"), number(r.ratio)},
                                 {QStringLiteral("rss_mb"), number(r.rss)},
                                 {QStringLiteral("goal"), r.goal},
                                 {QStringLiteral("pass"), r.pass}});
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        say(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(QJsonDocument(array).toJson());
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("c360-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Citizen 360's product paths against this machine's limits (see bench/run)."));
    parser.addHelpOption();
    const QCommandLineOption citizensOption(
        QStringLiteral("citizens"), QStringLiteral("Citizens in the store (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write the results to this file."), QStringLiteral("file"));
    const QCommandLineOption dataOption(
        QStringLiteral("data"), QStringLiteral("Keep the stores in this folder (default bench-data beside the build's bin)."), QStringLiteral("dir"));
    const QCommandLineOption samplesOption(
        QStringLiteral("samples"), QStringLiteral("Cases opened and audit entries appended (default 1000)."), QStringLiteral("k"), QStringLiteral("1000"));
    const QCommandLineOption auditOption(
        QStringLiteral("audit-entries"), QStringLiteral("Audit entries in the store (default 1000000)."), QStringLiteral("m"), QStringLiteral("1000000"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Measure only these paths (comma-separated names of the table); \"none\" only makes the store."),
                                        QStringLiteral("names"));
    parser.addOptions({citizensOption, jsonOption, dataOption, samplesOption, auditOption, onlyOption});
    parser.process(app);
    const QStringList paths{QStringLiteral("case_open"),
                            QStringLiteral("search_keystroke"),
                            QStringLiteral("audit_append"),
                            QStringLiteral("audit_verify"),
                            QStringLiteral("sync_ingest"),
                            QStringLiteral("ui_stall"),
                            QStringLiteral("cold_start")};
    QStringList only = parser.isSet(onlyOption) ? parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts) : paths;
    only.removeAll(QStringLiteral("none"));
    for (const QString &name : std::as_const(only)) {
        if (!paths.contains(name)) {
            say(QStringLiteral("--only: no path is called %1 (%2)").arg(name, paths.join(QStringLiteral(", "))));
            return 2;
        }
    }
    const auto measured = [&only](const char *name) {
        return only.contains(QLatin1String(name));
    };
    const quint32 citizens = parser.value(citizensOption).toUInt();
    const int samples = std::max(50, parser.value(samplesOption).toInt());
    AuditEntries = std::max<qint64>(1000, parser.value(auditOption).toLongLong());
    if (citizens < 100) {
        say(QStringLiteral("--citizens must be 100 or more"));
        return 2;
    }
    const QString dataDir =
        parser.isSet(dataOption) ? parser.value(dataOption) : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../bench-data"));
    if (!QDir().mkpath(dataDir)) {
        say(QStringLiteral("cannot make %1").arg(dataDir));
        return 1;
    }
    const QString store = QDir(dataDir).absoluteFilePath(AuditEntries == 1000000 ? QStringLiteral("store-%1.sqlite").arg(citizens)
                                                                                 : QStringLiteral("store-%1-%2.sqlite").arg(citizens).arg(AuditEntries));
    const QDate referenceDate = storeReferenceDate(store);
    if (!referenceDate.isValid()) {
        say(QStringLiteral("cannot read or keep the reference date of %1").arg(store));
        return 1;
    }
    benchClock(SystemClock::instance().now().date().daysTo(referenceDate));
    say(QStringLiteral("the store's history ends on %1; the benchmark's clock is moved %2 days to it")
            .arg(referenceDate.toString(Qt::ISODate))
            .arg(offsetDays()));
    if (!prepareStore(store, citizens, referenceDate)) {
        return 1;
    }

    QList<Row> rows;
    {
        auto db = Database::open(store, Database::OpenMode::ReadWrite, benchClock());
        if (!db) {
            say(QStringLiteral("cannot open the store"));
            return 1;
        }
        auto key = AuditKey::load(**db, *benchSecrets(store));
        if (!key) {
            say(QStringLiteral("cannot open the store"));
            return 1;
        }
        (*db)->checkpointInBackground(); // as the application's connections do
        warmUp(store);
        RawDb raw(store);
        if (!makeRawAuditTable(raw)) {
            return 1;
        }
        AuditService audit(**db, *key);
        const QList<qint64> sample = randomCitizens(**db, samples);
        if (measured("case_open")) {
            say(QStringLiteral("case_open …"));
            rows.append(benchCaseOpen(audit, raw, sample));
            rows.last().rss = peakRssMb();
        }
        if (measured("search_keystroke")) {
            say(QStringLiteral("search_keystroke …"));
            rows.append(benchSearch(**db, audit, raw, sample.mid(0, std::min<qsizetype>(sample.size(), 200))));
            rows.last().rss = peakRssMb();
        }
        if (measured("audit_append")) {
            say(QStringLiteral("audit_append …"));
            rows.append(benchAuditAppend(audit, raw, sample, samples));
            rows.last().rss = peakRssMb();
        }
        if (measured("audit_verify")) {
            say(QStringLiteral("audit_verify …"));
            rows.append(benchAuditVerify(**db, audit, *key));
            rows.last().rss = peakRssMb();
        }
    }
    if (measured("sync_ingest") || measured("ui_stall")) {
        say(QStringLiteral("sync_ingest and ui_stall …"));
        auto [ingest, stall] = benchSync(std::min(citizens, SyncCitizens), dataDir, referenceDate);
        if (measured("sync_ingest")) {
            rows.append(ingest);
        }
        if (measured("ui_stall")) {
            rows.append(stall);
        }
    }
    if (measured("cold_start")) {
        say(QStringLiteral("cold_start …"));
        rows.append(benchColdStart(store, 5));
    }

    printTable(rows, citizens);
    if (parser.isSet(jsonOption) && !writeJson(rows, parser.value(jsonOption))) {
        return 1;
    }
    return 0;
}
