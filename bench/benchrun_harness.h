// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What every path of c360-bench (bench/bench_run.cpp) shares: the output, the benchmark's clock,
// memory readings, percentiles, the report's row, the reference back end and the staff member
// who acts, so that each path's file holds only its own measurement.
#pragma once

#include "backendprocess.h"
#include "casefile.h"
#include "common/clock.h"
#include "privacy/secretstore.h"
#include "sync/syncengine.h"
#include "sync/synctypes.h"

#include <QDate>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QProcess>
#include <QString>
#include <QTextStream>
#include <QUrl>

#include <limits>
#include <memory>
#include <vector>

namespace C360::Bench
{
inline constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

// The audit entries of a store (--audit-entries, default 1,000,000): set once by main before the
// store is made, read by the store's making and the report. One value for the whole program, so
// it lives in benchrun_harness.cpp and is reached only through this function.
qint64 &auditEntries();

// Where the bench keeps the audit keys of its stores: a data folder of its own beside them, which
// the application measured in cold_start is given as its XDG_DATA_HOME (so it finds the key where
// SecretStore::personal() looks on a desk without a keychain).
QString benchDataHome(const QString &store);
std::unique_ptr<SecretStore> benchSecrets(const QString &store);

// The report (stdout) and progress lines (stderr).
QTextStream &out();
void say(const QString &line);

// The benchmark's "now": the system clock moved to the store's reference date (same time of
// day), so that every run measures the store as it was on the day it was made — the same open
// requests, no purge in between — whatever the real date. Set once the store is known (the first
// call's offset is the one kept).
ShiftedClock &benchClock(qint64 offsetDays = 0);
qint64 offsetDays();

// A "Vm…:" field of /proc/<pid>/status (this process's when pid is 0), in MB; NaN when unknown.
double procStatusMb(const char *field, qint64 pid = 0);
double peakRssMb();

struct Percentiles
{
    double p50 = Nan;
    double p99 = Nan;
    double max = Nan;
};

Percentiles percentiles(std::vector<double> ms);

double msSince(const QElapsedTimer &t);

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
    int sessions = 0; // the sessions path's number of staff at work (0: another path)
    QString goal;
    bool pass = false;
    QString note;
};

QJsonValue number(double v);

// --- the reference back end ---------------------------------------------------------------------

// citizen360-refbackend on loopback, started beside this program, stopped when this goes.
// The reference back end of the benchmarks: citizens residents from the bench seed, with their
// history up to referenceDate; its errors go to ours.
std::unique_ptr<Test::BackendProcess> startBackend(quint32 citizens, const QDate &referenceDate);

SyncEngine::Options syncOptions(const QString &store, const QUrl &backend, MemorySecretStore &secrets);

ResourceStats total(const SyncSummary &summary);

qint64 records(const ResourceStats &s);

// The goals of the paths whose goal depends on the store's engine: DESIGN.md's for a desk's SQLite
// file, issue 21's for a shared store on PostgreSQL over loopback.
struct Goals
{
    double caseOpenP99 = 2.0; // ms, and at most 3x the baseline
    double searchP99 = 10.0; // ms, and at most 2x the baseline
    double auditAppendP99 = 1.0; // ms
    QString engine = QStringLiteral("SQLite");

    static Goals forServer() { return {5.0, 15.0, 2.0, QStringLiteral("PostgreSQL")}; }
};

// Who acts in the measured paths, and why.
inline const StaffMember benchClerk{QStringLiteral("bench.balie"), Role::CounterClerk, QStringLiteral("bench-1"), QStringLiteral("Burgerzaken")};
inline const Purpose benchPurpose{QStringLiteral("counter_visit"), QString()};
} // namespace C360::Bench
