// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The paths c360-bench measures, one file each (benchrun_<path>.cpp), and its report; main
// (bench/bench_run.cpp) runs them in the order of bench_run.cpp's header comment.
#pragma once

#include "benchrun_harness.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <utility>

namespace C360
{
class AuditService;
class Database;
class SecretStore;
} // namespace C360

namespace C360::Bench
{
class Baseline;

inline constexpr quint32 SyncCitizens = 20000; // sync_ingest's municipality (at most N)

// case_open: CaseService::open + the case view's TimelineModel, for the given citizens, vs one raw
// durable audit INSERT + the raw queries returning the same rows.
Row benchCaseOpen(AuditService &audit, Baseline &raw, const QList<qint64> &citizens, const Goals &goals);

// search_keystroke: SearchService::search (audited, durable) on prefixes of the given citizens'
// names, numbers, phones and addresses vs the raw full-text / index queries.
Row benchSearch(Database &db, AuditService &audit, Baseline &raw, const QList<qint64> &citizens, const Goals &goals);

// audit_append: AuditService::record, durable, samples times vs a raw durable INSERT.
Row benchAuditAppend(AuditService &audit, Baseline &raw, const QList<qint64> &citizens, int samples, const Goals &goals);

// audit_verify: the chain verification vs raw HMAC-SHA-256 over the same bytes.
Row benchAuditVerify(Database &db, AuditService &audit, const QByteArray &key);

// sync_ingest and ui_stall: a full sync of a municipality of citizens from citizen360-refbackend,
// in a store of its own (under dataDir, or the empty database serverStore when one is given),
// with the main window open.
std::pair<Row, Row> benchSync(quint32 citizens, const QString &dataDir, const QDate &referenceDate, const QString &serverStore = {});

// cold_start: citizen360 --startup-probe on the store vs an empty Qt Widgets window, runs times.
Row benchColdStart(const QString &store, int runs);

// sessions: N staff members at once on the shared store uri, each signed in as their own login
// (bench.<tag>.s0001 …, made once by db's installation) with their own connection, at a desk's pace
// (a search of a few keystrokes a minute, a case opened with a purpose every other minute, a
// contact registered for one case in two), through the product's services; raw libpq queries beside
// them; then the audit log counted against what they did and its chain checked (audit, with the
// installation's key). One run per count in plan.counts; rows sessions_sign_in, _keystroke,
// _case_open, _contact, (_live,) _audit and _server for each.
struct SessionsPlan
{
    QList<int> counts;
    double minutes = 5; // how long each run works, in a session's minutes
    double minuteSeconds = 60; // how long a session's minute lasts (a test makes it shorter)
    int threads = 64; // threads that drive the sessions (each drives its share in time order)
    double goalP99 = 20.0; // ms, for a keystroke and a case opened
    bool listen = false; // each session also listens for live updates, as the application does (row sessions_live)

    double scale() const { return minuteSeconds / 60.0; }
};
QList<Row> benchSessions(const QString &uri, Database &db, AuditService &audit, SecretStore &secrets, const SessionsPlan &plan);

// The report: a table on stdout, and the rows as JSON in a file.
// engine names the store's engine (Goals::engine).
void printTable(const QList<Row> &rows, quint32 citizens, const QString &engine);
bool writeJson(const QList<Row> &rows, const QString &path, const QString &engine);
} // namespace C360::Bench
