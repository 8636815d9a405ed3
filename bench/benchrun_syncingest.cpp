// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// sync_ingest and ui_stall: a full sync from citizen360-refbackend with the main window open,
// against parsing the same JSON pages and inserting them raw; and the UI's longest stall meanwhile.
#include "benchrun_benchmarks.h"
#include "benchrun_raw.h"

#include "common/settings.h"
#include "mainwindow.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "sync/syncservice.h"
#include "syncpresenter.h"
#include "syncstatusmodel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <utility>
#include <vector>

namespace C360::Bench
{
namespace
{
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

} // namespace

std::pair<Row, Row> benchSync(quint32 citizens, const QString &dataDir, const QDate &referenceDate, const QString &serverStore)
{
    Row ingest(QStringLiteral("sync_ingest"));
    Row stall(QStringLiteral("ui_stall"));
    const auto backend = startBackend(citizens, referenceDate);
    if (backend->url().isEmpty()) {
        ingest.note = stall.note = QStringLiteral("the reference back end did not start");
        return {ingest, stall};
    }
    QTemporaryDir dir(dataDir + QStringLiteral("/sync-XXXXXX"));
    const QString store = serverStore.isEmpty() ? dir.filePath(QStringLiteral("sync.sqlite")) : serverStore;
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
    SyncService service(syncOptions(store, backend->url(), secrets));
    SyncPresenter presenter(&service, model, window, **db);
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

    const QList<QByteArray> pages = fetchPages(backend->url());
    const IngestBaseline base = serverStore.isEmpty() ? sqliteIngest(pages, dir.filePath(QStringLiteral("raw.sqlite"))) : postgresIngest(pages, serverStore);
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
} // namespace C360::Bench
