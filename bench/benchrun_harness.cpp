// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "benchrun_harness.h"

#include "sync/connectors.h"
#include "sync/sourceconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace C360::Bench
{
namespace
{
constexpr quint64 Seed = 2026;
} // namespace

qint64 &auditEntries()
{
    static qint64 entries = 1000000; // --audit-entries
    return entries;
}

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

ShiftedClock &benchClock(qint64 offsetDays)
{
    static ShiftedClock clock(offsetDays * 24 * 3600 * 1000);
    return clock;
}

qint64 offsetDays()
{
    return benchClock().offsetMs() / (24 * 3600 * 1000);
}

double procStatusMb(const char *field, qint64 pid)
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

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

// --- the reference back end ---------------------------------------------------------------------

std::unique_ptr<Test::BackendProcess> startBackend(quint32 citizens, const QDate &referenceDate)
{
    return std::make_unique<Test::BackendProcess>(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("citizen360-refbackend")),
                                                  QStringList{QStringLiteral("--citizens"),
                                                              QString::number(citizens),
                                                              QStringLiteral("--seed"),
                                                              QString::number(Seed),
                                                              QStringLiteral("--reference-date"),
                                                              referenceDate.toString(Qt::ISODate)},
                                                  QProcess::ForwardedErrorChannel);
}

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
} // namespace C360::Bench
