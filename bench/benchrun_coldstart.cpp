// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// cold_start: citizen360 --startup-probe on the full store against an empty Qt Widgets window,
// both started as separate processes until their first paint.
#include "benchrun_benchmarks.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace C360::Bench
{
namespace
{
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
} // namespace

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
} // namespace C360::Bench
