// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What the Klantinteracties sync tests share: the reference back end in this process, an engine
// for its Klantinteracties source on a store, and the store's content by source ids.
#pragma once

#include "audit/auditservice.h"
#include "case/requestservice.h"
#include "common/clock.h"
#include "httpclient.h"
#include "privacy/secretstore.h"
#include "server/referencebackend.h"
#include "store/contactmomentrepository.h"
#include "store/localchange.h"
#include "store/outboxrepository.h"
#include "store/requestrepository.h"
#include "store/retentionpolicy.h"
#include "store/sqlvalue.h"
#include "store/syncstaterepository.h"
#include "storetesting.h"
#include "sync/klantinteracties/klantinteracties.h"
#include "sync/klantinteracties/klantinteractiescontacttarget.h"
#include "sync/klantinteracties/klantinteractiesrequesttarget.h"
#include "sync/klantinteracties/klantinteractiestakensync.h"
#include "sync/syncengine.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

namespace C360::Test::Klantinteracties
{
using namespace Qt::StringLiterals;

// One request with the back end's token, waited for on the event loop (the in-process back end
// answers on the same one).
inline Test::HttpAnswer http(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url, const QByteArray &body = {})
{
    return Test::http(network, method, url, body, {{"Authorization", "Token training"}});
}

using Test::rows;

// Everything the connector writes, by source ids (local ids differ between stores).
inline QStringList dump(Database &db)
{
    QStringList all;
    const QString agg = Test::stringAgg(db, QStringLiteral(","));
    all += rows(
        db,
        u"SELECT c.source_id, c.given_names, c.family_name, c.birth_date, c.street, c.house_number, c.box, c.postcode, c.municipality, "
        "c.country_code, c.preferred_language, (SELECT %1 FROM (SELECT i.type || ':' || i.value AS x FROM citizen_identifiers i "
        "WHERE i.citizen_id = c.id ORDER BY x) s), (SELECT %1 FROM (SELECT d.kind || ':' || d.value || ':' || "
        "coalesce(d.verified_on, '') AS x FROM digital_addresses d WHERE d.citizen_id = c.id ORDER BY x) s), (SELECT %1 FROM "
        "(SELECT p.topic || ':' || p.channel AS x FROM channel_preferences p WHERE p.citizen_id = c.id ORDER BY x) s) FROM citizens c ORDER BY c.source_id"_s
            .arg(agg));
    all += rows(db,
                u"SELECT m.source_id, (SELECT source_id FROM citizens WHERE id = m.citizen_id), m.channel, m.subject, m.body, m.outcome, m.staff_member, "
                "m.occurred_at, (SELECT %1 FROM (SELECT r.source_id AS x FROM contact_moment_links l JOIN requests r ON r.id = l.request_id "
                "WHERE l.contact_moment_id = m.id ORDER BY x) s) FROM contact_moments m ORDER BY m.source_id"_s.arg(agg));
    all += rows(db,
                u"SELECT r.source_id, (SELECT source_id FROM citizens WHERE id = r.citizen_id), r.question, r.status, r.assignee_kind, r.assignee_name, "
                "r.created_at FROM requests r ORDER BY r.source_id"_s);
    return all;
}

inline qint64 count(Database &db, const QString &table)
{
    return rows(db, u"SELECT COUNT(*) FROM "_s + table).value(0).toLongLong();
}

inline ResourceStats statsOf(const SyncSummary &summary, const QString &resource)
{
    for (const SyncSummary::Resource &r : summary.resources) {
        if (r.resource == resource) {
            return r.stats;
        }
    }
    return {};
}

inline bool changedNothing(const SyncSummary &summary)
{
    for (const SyncSummary::Resource &r : summary.resources) {
        if (!r.stats.changedNothing() || !r.problem.isNone()) {
            return false;
        }
    }
    return true;
}

// The base of the Klantinteracties sync tests: a back end per test, engines on temporary stores.
class SyncTest : public QObject
{
protected:
    QNetworkAccessManager m_network;
    MemorySecretStore m_secrets;

    struct Backend
    {
        std::unique_ptr<Ref::ReferenceBackend> server;
        QUrl base;
    };

    Backend start(quint32 citizens, quint64 seed)
    {
        Ref::ReferenceBackend::Options o;
        o.citizens = citizens;
        o.seed = seed;
        // The history ends the day the stores' clocks start (TempStore's default): tasks of the
        // last 30 days are the ones a 30-day retention keeps, on any real date.
        o.referenceDate = Test::TempStore::defaultStart().date();
        Backend b{std::make_unique<Ref::ReferenceBackend>(o), {}};
        if (b.server->listen(0) == 0) {
            qWarning("cannot listen: %s", qPrintable(b.server->errorString()));
        }
        b.base = b.server->baseUrl();
        return b;
    }

    QUrl url(const Backend &b, const QString &path, const QString &query = {})
    {
        QUrl u(b.base.toString() + path);
        u.setQuery(query);
        return u;
    }

    QJsonObject stats(const Backend &b) { return http(m_network, "GET", url(b, u"/admin/stats"_s)).json(); }

    bool setFault(const Backend &b, const QString &rule)
    {
        http(m_network, "DELETE", url(b, u"/admin/faults"_s));
        if (rule.isEmpty()) {
            return true;
        }
        return http(m_network, "POST", url(b, u"/admin/faults"_s), QJsonDocument(QJsonObject{{u"fault"_s, rule}}).toJson()).status / 100 == 2;
    }

    SyncEngine::Options options(const Backend &b, Test::TempStore &store, int pageSize = 100, const QStringList &resources = {})
    {
        // The back end's tasks go back years: kept all, the store holds what it has.
        if (!Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays)) {
            qWarning("cannot set the store's retention");
        }
        SyncEngine::Options o;
        o.databasePath = store.path();
        for (SourceConfig s : SourceConfig::forReferenceBackend(b.base)) {
            if (s.id == QLatin1String("openklant")) {
                s.pageSize = pageSize;
                s.resources = resources;
                o.sources.append(s);
            }
        }
        o.secrets = &m_secrets;
        o.clock = &store.clock();
        o.retry.baseDelayMs = 10;
        o.retry.maxDelayMs = 100;
        o.retry.maxAttempts = 3;
        o.retry.timeoutMs = 2000;
        o.resources = makeKlantinteractiesSyncs;
        o.outbox = makeKlantinteractiesTargets;
        return o;
    }

    SyncSummary run(SyncEngine &engine)
    {
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.runOnce();
        if (finished.isEmpty() && !finished.wait(300000)) {
            qWarning("the sync did not finish");
            return {};
        }
        return finished.first().first().value<SyncSummary>();
    }

    SyncSummary runOnce(const Backend &b, Test::TempStore &store, int pageSize = 100, const QStringList &resources = {})
    {
        SyncEngine engine(options(b, store, pageSize, resources));
        return run(engine);
    }

    // The store after one unfaulted full sync of b.
    QStringList reference(const Backend &b)
    {
        Test::TempStore store;
        const SyncSummary s = runOnce(b, store);
        if (!s.ok()) {
            qWarning("the reference sync failed");
        }
        return dump(store.open());
    }
};

} // namespace C360::Test::Klantinteracties
