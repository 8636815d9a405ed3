// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The reference back end at municipal scale: start citizen360-refbackend with N residents, measure
// its start-up, the requests/s it serves on loopback for pages spread over the whole data set
// (six connections, as Qt's network access manager opens per host), and its peak RSS.
// Usage: c360-bench-refbackend [--citizens N] [--requests R] [--json FILE]

#include "backendprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption citizensOption(
        QStringLiteral("citizens"), QStringLiteral("Residents (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption requestsOption(
        QStringLiteral("requests"), QStringLiteral("Requests to time (default 3000)."), QStringLiteral("n"), QStringLiteral("3000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write the figures to this file."), QStringLiteral("file"));
    parser.addOptions({citizensOption, requestsOption, jsonOption});
    parser.process(app);
    const quint32 citizens = parser.value(citizensOption).toUInt();
    const int total = parser.value(requestsOption).toInt();
    QTextStream out(stdout);

    QElapsedTimer startup;
    startup.start();
    C360::Test::BackendProcess server(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("citizen360-refbackend")),
                                      {QStringLiteral("--citizens"), QString::number(citizens)});
    const QString base = server.url().toString();
    const qint64 startupMs = startup.elapsed();
    if (base.isEmpty()) {
        QTextStream(stderr) << "the back end did not start: " << server.process().readAllStandardError() << Qt::endl;
        return 1;
    }

    // Pages all over the data set, in the three dialects with big lists.
    QNetworkAccessManager manager;
    QRandomGenerator random(1);
    const quint32 partyPages = citizens / 100;
    auto nextUrl = [&](int i) {
        switch (i % 3) {
        case 0:
            return QUrl(base + QStringLiteral("/klantinteracties/api/v1/partijen?pageSize=100&page=%1").arg(1 + random.bounded(partyPages)));
        case 1:
            return QUrl(base + QStringLiteral("/klantinteracties/api/v1/klantcontacten?pageSize=100&page=%1").arg(1 + random.bounded(partyPages * 8)));
        default:
            return QUrl(
                base +
                QStringLiteral("/open311/v2/requests.json?updated_after=2019-01-01T00:00:00Z&page_size=100&page=%1").arg(1 + random.bounded(partyPages * 5)));
        }
    };
    int started = 0;
    int done = 0;
    int failed = 0;
    qint64 bytes = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    std::function<void()> launch = [&]() {
        if (started >= total) {
            return;
        }
        QNetworkRequest request(nextUrl(started++));
        request.setRawHeader("Authorization", "Token training");
        QNetworkReply *reply = manager.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply]() {
            bytes += reply->readAll().size();
            failed += reply->error() == QNetworkReply::NoError ? 0 : 1;
            reply->deleteLater();
            if (++done == total) {
                loop.quit();
            } else {
                launch();
            }
        });
    };
    timer.start();
    for (int i = 0; i < 6; ++i) {
        launch();
    }
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 rss = server.peakRssKb();

    const double rate = total / seconds;
    out << QStringLiteral("%1 residents: start-up %2 ms, %3 requests in %4 s = %5 requests/s (%6 MB/s), %7 failed, peak RSS %8 MB\n")
               .arg(citizens)
               .arg(startupMs)
               .arg(total)
               .arg(seconds, 0, 'f', 2)
               .arg(rate, 0, 'f', 0)
               .arg(bytes / seconds / 1e6, 0, 'f', 1)
               .arg(failed)
               .arg(rss / 1024.0, 0, 'f', 1);
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(QJsonObject{{QStringLiteral("citizens"), qint64(citizens)},
                                                 {QStringLiteral("startup_ms"), startupMs},
                                                 {QStringLiteral("requests_per_second"), rate},
                                                 {QStringLiteral("failed"), failed},
                                                 {QStringLiteral("rss_mb"), rss / 1024.0}})
                           .toJson());
        }
    }
    return failed == 0 ? 0 : 1;
}
