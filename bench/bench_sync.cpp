// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// A full sync at municipal scale: citizen360-refbackend with N residents in its own process on
// loopback, the product's sync engine with every connector into a new SQLite store, then a second
// run that must change nothing. Reports records/s per resource and in all, pages, bytes and the
// peak RSS of both processes.
// Usage: c360-bench-sync [--citizens N] [--store FILE] [--json FILE]

#include "backendprocess.h"
#include "common/clock.h"
#include "privacy/secretstore.h"
#include "sync/connectors.h"
#include "sync/sourceconfig.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace
{
struct Run
{
    C360::SyncSummary summary;
    double seconds = 0;
};

Run runOnce(C360::SyncEngine &engine)
{
    Run run;
    QEventLoop loop;
    QObject::connect(&engine, &C360::SyncEngine::finished, &loop, [&](const C360::SyncSummary &summary) {
        run.summary = summary;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    QMetaObject::invokeMethod(&engine, &C360::SyncEngine::runOnce, Qt::QueuedConnection);
    loop.exec();
    run.seconds = timer.nsecsElapsed() / 1e9;
    return run;
}

C360::ResourceStats total(const C360::SyncSummary &summary)
{
    C360::ResourceStats t;
    for (const auto &r : summary.resources) {
        t += r.stats;
    }
    return t;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption citizensOption(
        QStringLiteral("citizens"), QStringLiteral("Residents (default 100000)."), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption storeOption(QStringLiteral("store"), QStringLiteral("Sync into this file (default: a temporary one)."), QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write the figures to this file."), QStringLiteral("file"));
    parser.addOptions({citizensOption, storeOption, jsonOption});
    parser.process(app);
    const quint32 citizens = parser.value(citizensOption).toUInt();
    QTextStream out(stdout);

    C360::Test::BackendProcess server(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("citizen360-refbackend")),
                                      {QStringLiteral("--citizens"), QString::number(citizens)},
                                      QProcess::ForwardedErrorChannel);
    const QString base = server.url().toString();
    if (base.isEmpty()) {
        QTextStream(stderr) << "the back end did not start" << Qt::endl;
        return 1;
    }

    QTemporaryDir dir;
    const QString store = parser.isSet(storeOption) ? parser.value(storeOption) : dir.filePath(QStringLiteral("bench.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"}) {
        QFile::remove(store + QLatin1String(suffix));
    }
    C360::MemorySecretStore secrets;
    (void)secrets.write(QStringLiteral("reference"), QStringLiteral("training"));
    C360::SyncEngine::Options options;
    options.databasePath = store;
    options.sources = C360::SourceConfig::forReferenceBackend(QUrl(base));
    options.secrets = &secrets;
    options.clock = &C360::SystemClock::instance();
    options.resources = C360::allResourceSyncs();
    options.outbox = C360::allOutboxTargets();
    C360::SyncEngine engine(options);

    const Run full = runOnce(engine);
    const Run again = runOnce(engine);
    const C360::ResourceStats fullStats = total(full.summary);
    const C360::ResourceStats againStats = total(again.summary);
    const qint64 records = fullStats.inserted + fullStats.updated + fullStats.skipped;
    const qint64 clientRss = C360::Test::BackendProcess::peakRssKbOf(0);
    const qint64 serverRss = server.peakRssKb();

    QJsonArray perResource;
    out << QStringLiteral("full sync of %1 residents into %2\n").arg(citizens).arg(QDir::toNativeSeparators(store));
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("resource"), -36)
               .arg(QStringLiteral("records"), 10)
               .arg(QStringLiteral("pages"), 8)
               .arg(QStringLiteral("MB"), 8)
               .arg(QStringLiteral("error"));
    for (const auto &r : full.summary.resources) {
        const qint64 n = r.stats.inserted + r.stats.updated + r.stats.skipped;
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(r.source + QLatin1Char('/') + r.resource, -36)
                   .arg(n, 10)
                   .arg(r.stats.pages, 8)
                   .arg(r.stats.bytes / 1e6, 8, 'f', 1)
                   .arg(r.problem.key());
        perResource.append(QJsonObject{{QStringLiteral("resource"), QString(r.source + QLatin1Char('/') + r.resource)},
                                       {QStringLiteral("records"), n},
                                       {QStringLiteral("pages"), r.stats.pages},
                                       {QStringLiteral("bytes"), r.stats.bytes}});
    }
    const double rate = records / full.seconds;
    out << QStringLiteral("full sync: %1 records, %2 pages, %3 MB in %4 s = %5 records/s (%6 MB/s)\n")
               .arg(records)
               .arg(fullStats.pages)
               .arg(fullStats.bytes / 1e6, 0, 'f', 1)
               .arg(full.seconds, 0, 'f', 2)
               .arg(rate, 0, 'f', 0)
               .arg(fullStats.bytes / 1e6 / full.seconds, 0, 'f', 1);
    out << QStringLiteral("second sync: %1 changes, %2 pages, %3 MB in %4 s\n")
               .arg(againStats.inserted + againStats.updated + againStats.deleted)
               .arg(againStats.pages)
               .arg(againStats.bytes / 1e6, 0, 'f', 1)
               .arg(again.seconds, 0, 'f', 2);
    out << QStringLiteral("peak RSS: client %1 MB, back end %2 MB\n").arg(clientRss / 1024.0, 0, 'f', 1).arg(serverRss / 1024.0, 0, 'f', 1);
    out.flush();

    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly)) {
            return 1;
        }
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("citizens"), qint64(citizens)},
                                             {QStringLiteral("records"), records},
                                             {QStringLiteral("seconds"), full.seconds},
                                             {QStringLiteral("records_per_second"), rate},
                                             {QStringLiteral("ok"), full.summary.ok()},
                                             {QStringLiteral("second_sync_changes"), againStats.inserted + againStats.updated + againStats.deleted},
                                             {QStringLiteral("second_sync_seconds"), again.seconds},
                                             {QStringLiteral("client_rss_mb"), clientRss / 1024.0},
                                             {QStringLiteral("server_rss_mb"), serverRss / 1024.0},
                                             {QStringLiteral("resources"), perResource}})
                       .toJson());
    }
    return full.summary.ok() && again.summary.ok() ? 0 : 1;
}
