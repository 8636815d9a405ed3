// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// c360-bench's report: the table bench/run prints, and the same rows as JSON (--json).
#include "benchrun_benchmarks.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace C360::Bench
{
namespace
{
// --- the report -----------------------------------------------------------------------------

QString cell(double v, int precision = 3)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', precision);
}

QString rate(double v)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(qint64(std::llround(v)));
}
} // namespace

void printTable(const QList<Row> &rows, quint32 citizens, const QString &engine)
{
    QTextStream &o = out();
    o << QStringLiteral("Citizen 360 benchmarks: %1 citizens, %2 audit entries, %3\n").arg(citizens).arg(auditEntries()).arg(engine);
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
    // A row of the sessions path says for how many sessions it stands: sessions_keystroke@2000.
    const auto name = [](const Row &r) {
        return r.sessions > 0 ? QStringLiteral("%1@%2").arg(r.name).arg(r.sessions) : r.name;
    };
    for (const Row &r : rows) {
        const bool timed = !std::isnan(r.p50);
        o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8 %9\n")
                 .arg(name(r), -17)
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
            o << QStringLiteral("  %1: %2\n").arg(name(r), r.note);
        }
    }
    o.flush();
}

bool writeJson(const QList<Row> &rows, const QString &path, const QString &engine)
{
    QJsonArray array;
    for (const Row &r : rows) {
        QJsonObject row{{QStringLiteral("name"), r.name},
                        {QStringLiteral("p50_ms"), number(r.p50)},
                        {QStringLiteral("p99_ms"), number(r.p99)},
                        {QStringLiteral("throughput"), number(r.throughput)},
                        {QStringLiteral("baseline"), number(r.baseline)},
                        {QStringLiteral("ratio"), number(r.ratio)},
                        {QStringLiteral("rss_mb"), number(r.rss)},
                        {QStringLiteral("goal"), r.goal},
                        {QStringLiteral("pass"), r.pass},
                        {QStringLiteral("engine"), engine}};
        if (r.sessions > 0) {
            row.insert(QStringLiteral("sessions"), r.sessions);
        }
        array.append(row);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        say(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(QJsonDocument(array).toJson());
    return true;
}
} // namespace C360::Bench
