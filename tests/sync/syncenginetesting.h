// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the sync engine's own tests share: a real HTTP server on loopback with the items pages
// (GET /api/items) and the notes (POST /api/notes) that itemsresource.h syncs and pushes, the
// engine's options for one source on a temporary store, and one engine run waited for.

#include "common/clock.h"
#include "itemsresource.h"
#include "privacy/secretstore.h"
#include "server/refserver.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace C360::Test
{

// The base of the sync engine tests: a server per test (startServer() from init()), with what it
// served and stored, and the engine's options against it.
class SyncEngineTest : public QObject
{
protected:
    std::unique_ptr<Ref::RefServer> m_server;
    QList<int> m_pagesServed;
    QStringList m_notes; // what the server stored
    QList<QByteArray> m_authorizations;
    bool m_malformed = false;
    bool m_failReplies = false;
    ItemsSync::Lookahead m_lookahead = ItemsSync::Lookahead::None;
    MemorySecretStore m_secrets;

    SyncEngine::Options options(Test::TempStore &store, AuthKind auth = AuthKind::Token)
    {
        SourceConfig source;
        source.id = QStringLiteral("test");
        source.baseUrl = QUrl(m_server->baseUrl().toString() + QStringLiteral("/api/"));
        source.auth = auth;
        source.secretKey = QStringLiteral("test-secret");
        SyncEngine::Options o;
        o.databasePath = store.path();
        o.sources = {source};
        o.secrets = &m_secrets;
        o.clock = &store.clock();
        o.retry.baseDelayMs = 5;
        o.retry.maxDelayMs = 20;
        o.retry.maxAttempts = 2;
        o.retry.timeoutMs = 2000;
        o.resources = [lookahead = m_lookahead](const SyncContext &c) {
            std::vector<std::unique_ptr<ResourceSync>> v;
            v.push_back(std::make_unique<ItemsSync>(c, QStringLiteral("items"), lookahead));
            return v;
        };
        o.outbox = [](const SyncContext &c) {
            std::vector<std::unique_ptr<OutboxTarget>> v;
            v.push_back(std::make_unique<NotesTarget>(c));
            return v;
        };
        return o;
    }

    SyncSummary run(SyncEngine &engine)
    {
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.runOnce();
        if (finished.isEmpty() && !finished.wait(20000)) {
            return {};
        }
        return finished.first().first().value<SyncSummary>();
    }

    // A fresh server with the items and notes routes, and the source's secret stored.
    void startServer()
    {
        m_pagesServed.clear();
        m_notes.clear();
        m_authorizations.clear();
        m_malformed = false;
        m_failReplies = false;
        m_lookahead = ItemsSync::Lookahead::None;
        QVERIFY(m_secrets.write(QStringLiteral("test-secret"), QStringLiteral("s3cret")));
        m_server = std::make_unique<Ref::RefServer>(1);
        m_server->route("GET", QStringLiteral("/api/items"), [this](const Ref::HttpRequest &r) {
            const int page = r.queryValue(QStringLiteral("page")).toInt();
            m_pagesServed.append(page);
            m_authorizations.append(r.header("Authorization"));
            if (m_malformed && page == 2) {
                return Ref::HttpReply::text("<html>maintenance</html>", 200);
            }
            QJsonArray list;
            for (int i = 0; i < PerPage; ++i) {
                list.append((page - 1) * PerPage + i);
            }
            if (page == 3) {
                list.append(QStringLiteral("bad"));
            }
            return Ref::HttpReply::json(QJsonObject{{QStringLiteral("items"), list}, {QStringLiteral("more"), page < Pages}});
        });
        m_server->route("POST", QStringLiteral("/api/notes"), m_server->idempotent([this](const Ref::HttpRequest &r) {
            const QString text = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("text")).toString();
            if (text == QLatin1String("invalid")) {
                return Ref::HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("text may not be 'invalid'")}}, 400);
            }
            if (m_failReplies && text.startsWith(QLatin1String("reply"))) {
                return Ref::HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("unavailable")}}, 503);
            }
            m_notes.append(text);
            return Ref::HttpReply::json(QJsonObject{{QStringLiteral("id"), QStringLiteral("n%1").arg(m_notes.size())}}, 201);
        }));
        QVERIFY(m_server->listenOnLoopback(0));
    }
};

} // namespace C360::Test
