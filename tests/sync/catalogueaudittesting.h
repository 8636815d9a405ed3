// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Helpers of the IPDC and Verwerkingenlogging sync tests: plain HTTP calls to the reference back
// end (its admin API included), an engine for one of its sources, and a store's catalogue as text.
#pragma once

#include "httpclient.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "synctesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlQuery>

namespace C360::Test::Backend
{

using HttpResult = HttpAnswer;
using Test::http;

inline QUrl backendUrl(const QUrl &base, const QString &path)
{
    return QUrl(base.toString() + path);
}

inline QJsonObject adminStats(QNetworkAccessManager &network, const QUrl &base)
{
    return http(network, "GET", backendUrl(base, QStringLiteral("/admin/stats"))).json();
}

inline bool addFault(QNetworkAccessManager &network, const QUrl &base, const QString &fault)
{
    const HttpResult r = http(network,
                              "POST",
                              backendUrl(base, QStringLiteral("/admin/faults")),
                              QJsonDocument(QJsonObject{{QStringLiteral("fault"), fault}}).toJson(QJsonDocument::Compact));
    if (r.status / 100 != 2) {
        qWarning("fault %s refused: %d %s", qPrintable(fault), r.status, r.body.constData());
    }
    return r.status / 100 == 2;
}

inline bool clearFaults(QNetworkAccessManager &network, const QUrl &base)
{
    return http(network, "DELETE", backendUrl(base, QStringLiteral("/admin/faults"))).status / 100 == 2;
}

// The engine on one store, syncing only source sourceId of the back end at base, with short
// retry delays and timeouts.
inline SyncEngine::Options engineOptions(const QString &databasePath,
                                         const QUrl &base,
                                         const QString &sourceId,
                                         Clock *clock,
                                         SecretStore *secrets,
                                         ResourceSyncFactory resources,
                                         OutboxTargetFactory outbox)
{
    SyncEngine::Options o;
    o.databasePath = databasePath;
    for (const SourceConfig &s : SourceConfig::forReferenceBackend(base)) {
        if (s.id == sourceId) {
            o.sources.append(s);
        }
    }
    o.secrets = secrets;
    o.clock = clock;
    o.retry.baseDelayMs = 10;
    o.retry.maxDelayMs = 50;
    o.retry.maxAttempts = 3;
    o.retry.timeoutMs = 3000;
    o.retry.maxRetryAfterMs = 2000;
    o.resources = std::move(resources);
    o.outbox = std::move(outbox);
    return o;
}

using C360::Test::runOnce;
using C360::Test::statsOf;

// Every catalogue entry with all its texts, one line per entry and text, without local ids.
inline QStringList dumpCatalogue(Database &db)
{
    QStringList lines;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT e.source_system, e.source_id, e.product_id, e.target_audiences, e.themes, e.last_modified, "
                          "(SELECT %1 FROM (SELECT t.field || '@' || t.language || '=' || t.text AS x FROM catalogue_texts t "
                          "WHERE t.entry_id = e.id ORDER BY t.field, t.language) s) FROM catalogue_entries e ORDER BY e.source_system, e.product_id")
               .arg(db.isServer() ? QStringLiteral("string_agg(x, '|')") : QStringLiteral("group_concat(x, '|')")));
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < 7; ++i) {
            fields.append(q.value(i).toString());
        }
        lines.append(fields.join(QLatin1Char('#')));
    }
    return lines;
}

} // namespace C360::Test::Backend
