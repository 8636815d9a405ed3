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
// With --database URI (a PostgreSQL database, empty or holding this bench's store), the store of
// N citizens is copied into it once (copy-store's path) and every path runs on it, against the
// same statements through libpq; sync_ingest syncs into a database of its own beside it
// (<name>_sync, made afresh), and the goals are issue 21's for a shared store.
//
// With --sessions N[,N…] (and --database), it measures only the town hall at work (sessions,
// benchrun_sessions.cpp): N staff members at once, each their own login and connection, for
// --minutes M (default 5) at a desk's pace, one run per N; the goal is issue 22's (keystroke and
// case open p99 <= 20 ms, 0 errors, 0 audit entries lost, the chain intact).
//
// Usage: c360-bench [--citizens N] [--json FILE] [--data DIR] [--samples K] [--audit-entries M]
//                   [--only NAME,…]  (only these paths; "none" only makes the store)
//                   [--database postgresql://…] [--sessions N[,N…] [--minutes M] [--listen]]

#include "benchrun_benchmarks.h"
#include "benchrun_harness.h"
#include "benchrun_raw.h"
#include "benchrun_store.h"

#include "audit/auditservice.h"
#include "common/clock.h"
#include "privacy/auditkey.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/storelocation.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <utility>

using namespace C360;
using namespace C360::Bench;

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
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("Measure on this PostgreSQL database (a libpq URI; the store is copied into it once)."),
                                            QStringLiteral("uri"));
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"),
                                            QStringLiteral("With --database: N staff members at work at once, each their own login and connection "
                                                           "(a comma-separated list: one run each); only this path is measured."),
                                            QStringLiteral("n"));
    const QCommandLineOption minutesOption(
        QStringLiteral("minutes"), QStringLiteral("How long each run of --sessions works (default 5)."), QStringLiteral("m"), QStringLiteral("5"));
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QStringLiteral("With --sessions: each session also listens for live updates on a connection of its own, as the application does."));
    // For the harness's own test: a session's minute in fewer seconds (the pace, sped up).
    QCommandLineOption minuteSecondsOption(
        QStringLiteral("minute-seconds"), QStringLiteral("How long a session's minute lasts."), QStringLiteral("s"), QStringLiteral("60"));
    minuteSecondsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({citizensOption,
                       jsonOption,
                       dataOption,
                       samplesOption,
                       auditOption,
                       onlyOption,
                       databaseOption,
                       sessionsOption,
                       minutesOption,
                       listenOption,
                       minuteSecondsOption});
    parser.process(app);
    const QStringList paths{QStringLiteral("case_open"),
                            QStringLiteral("search_keystroke"),
                            QStringLiteral("audit_append"),
                            QStringLiteral("audit_verify"),
                            QStringLiteral("sync_ingest"),
                            QStringLiteral("ui_stall"),
                            QStringLiteral("cold_start"),
                            QStringLiteral("sessions")};
    QStringList only = parser.isSet(onlyOption) ? parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts)
        : parser.isSet(sessionsOption)          ? QStringList{QStringLiteral("sessions")}
                                                : paths.mid(0, paths.size() - 1);
    only.removeAll(QStringLiteral("none"));
    SessionsPlan sessionsPlan;
    if (only.contains(QStringLiteral("sessions"))) {
        for (const QString &n : parser.value(sessionsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int count = n.trimmed().toInt(&ok);
            if (!ok || count < 1) {
                say(QStringLiteral("--sessions: %1 is no number of sessions").arg(n));
                return 2;
            }
            sessionsPlan.counts.append(count);
        }
        sessionsPlan.minutes = parser.value(minutesOption).toDouble();
        sessionsPlan.minuteSeconds = parser.value(minuteSecondsOption).toDouble();
        sessionsPlan.listen = parser.isSet(listenOption);
        if (sessionsPlan.counts.isEmpty() || !parser.isSet(databaseOption) || sessionsPlan.minutes <= 0 || sessionsPlan.minuteSeconds <= 0) {
            say(QStringLiteral("sessions needs --sessions N and --database postgresql://… (staff sign in as logins of the server), and --minutes above 0"));
            return 2;
        }
    }
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
    auditEntries() = std::max<qint64>(1000, parser.value(auditOption).toLongLong());
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
    const QString store = QDir(dataDir).absoluteFilePath(auditEntries() == 1000000 ? QStringLiteral("store-%1.sqlite").arg(citizens)
                                                                                   : QStringLiteral("store-%1-%2.sqlite").arg(citizens).arg(auditEntries()));
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
    const QString server = parser.value(databaseOption);
    if (!server.isEmpty()) {
        if (const StoreLocation location = StoreLocation::parse(server); !location.isServer() || location.problem() != StoreLocation::Problem::None) {
            say(QStringLiteral("--database: %1").arg(location.isServer() ? location.problemMessage() : QStringLiteral("not a postgresql:// URI")));
            return 2;
        }
        if (!prepareServerStore(server, store)) {
            return 1;
        }
    }
    const QString measuredStore = server.isEmpty() ? store : server;
    const Goals goals = server.isEmpty() ? Goals() : Goals::forServer();

    QList<Row> rows;
    {
        auto db = Database::open(measuredStore, Database::OpenMode::ReadWrite, benchClock());
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
        if (server.isEmpty()) {
            warmUp(store);
        }
        const std::unique_ptr<Baseline> raw = server.isEmpty() ? sqliteBaseline(store) : postgresBaseline(server);
        if (const QString problem = raw->problem(); !problem.isEmpty()) {
            say(problem);
            return 1;
        }
        AuditService audit(**db, *key);
        const QList<qint64> sample = randomCitizens(**db, samples);
        if (measured("case_open")) {
            say(QStringLiteral("case_open …"));
            rows.append(benchCaseOpen(audit, *raw, sample, goals));
            rows.last().rss = peakRssMb();
        }
        if (measured("search_keystroke")) {
            say(QStringLiteral("search_keystroke …"));
            rows.append(benchSearch(**db, audit, *raw, sample.mid(0, std::min<qsizetype>(sample.size(), 200)), goals));
            rows.last().rss = peakRssMb();
        }
        if (measured("audit_append")) {
            say(QStringLiteral("audit_append …"));
            rows.append(benchAuditAppend(audit, *raw, sample, samples, goals));
            rows.last().rss = peakRssMb();
        }
        if (measured("audit_verify")) {
            say(QStringLiteral("audit_verify …"));
            rows.append(benchAuditVerify(**db, audit, *key));
            rows.last().rss = peakRssMb();
        }
        if (measured("sessions")) {
            say(QStringLiteral("sessions …"));
            const QList<Row> sessions = benchSessions(server, **db, audit, *benchSecrets(store), sessionsPlan);
            if (sessions.isEmpty()) {
                return 1;
            }
            rows += sessions;
        }
    }
    if (measured("sync_ingest") || measured("ui_stall")) {
        say(QStringLiteral("sync_ingest and ui_stall …"));
        QString syncStore;
        if (!server.isEmpty()) {
            QString problem;
            syncStore = freshServerDatabase(server, StoreLocation::parse(server).databaseName() + QStringLiteral("_sync"), &problem);
            if (syncStore.isEmpty()) {
                say(QStringLiteral("cannot make the database for sync_ingest: %1").arg(problem));
                return 1;
            }
        }
        auto [ingest, stall] = benchSync(std::min(citizens, SyncCitizens), dataDir, referenceDate, syncStore);
        if (measured("sync_ingest")) {
            rows.append(ingest);
        }
        if (measured("ui_stall")) {
            rows.append(stall);
        }
    }
    if (measured("cold_start")) {
        say(QStringLiteral("cold_start …"));
        rows.append(benchColdStart(measuredStore, 5));
    }

    printTable(rows, citizens, goals.engine);
    if (parser.isSet(jsonOption) && !writeJson(rows, parser.value(jsonOption), goals.engine)) {
        return 1;
    }
    return 0;
}
