// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync engine on its worker thread, as the desktop application uses it.

#include "itemsresource.h"
#include "privacy/secretstore.h"
#include "server/refserver.h"
#include "storetesting.h"
#include "sync/syncservice.h"
#include "tempstore.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace C360;
using namespace C360::Test;
using C360::Ref::HttpReply;
using C360::Ref::HttpRequest;
using C360::Ref::RefServer;

class TestSyncService : public QObject
{
    Q_OBJECT

    std::unique_ptr<RefServer> m_server;
    QThread m_serverThread;
    MemorySecretStore m_secrets;
    QAtomicInt m_requests;
    QAtomicInt m_delayMs;

    SyncEngine::Options options(TempStore &store)
    {
        SourceConfig source;
        source.id = QStringLiteral("test");
        source.baseUrl = QUrl(m_server->baseUrl().toString() + QStringLiteral("/api/"));
        source.auth = AuthKind::None;
        source.pollIntervalSeconds = 3600;
        SyncEngine::Options o;
        o.databasePath = store.path();
        o.sources = {source};
        o.secrets = &m_secrets;
        o.clock = &store.clock();
        o.retry.baseDelayMs = 5;
        o.retry.maxAttempts = 2;
        o.resources = [](const SyncContext &c) {
            std::vector<std::unique_ptr<ResourceSync>> v;
            v.push_back(std::make_unique<ItemsSync>(c));
            return v;
        };
        return o;
    }

private Q_SLOTS:
    void init()
    {
        m_requests = 0;
        m_delayMs = 0;
        // The server on a thread of its own too, so that the test thread stays free to check.
        m_server = std::make_unique<RefServer>(3);
        m_server->route("GET", QStringLiteral("/api/items"), [this](const HttpRequest &r) {
            ++m_requests;
            const int page = r.queryValue(QStringLiteral("page")).toInt();
            QJsonArray list;
            for (int i = 0; i < PerPage; ++i) {
                list.append((page - 1) * PerPage + i);
            }
            return HttpReply::json(QJsonObject{{QStringLiteral("items"), list}, {QStringLiteral("more"), page < Pages}});
        });
        QVERIFY(m_server->listenOnLoopback(0));
        m_server->moveToThread(&m_serverThread);
        m_serverThread.start();
    }

    void cleanup()
    {
        QMetaObject::invokeMethod(
            m_server.get(),
            [this]() {
                m_server->moveToThread(QCoreApplication::instance()->thread());
            },
            Qt::BlockingQueuedConnection);
        m_serverThread.quit();
        m_serverThread.wait();
        m_server.reset();
    }

    void runsOffTheCallingThread()
    {
        TempStore store;
        SyncService service(options(store));
        QSignalSpy finished(&service, &SyncService::finished);
        QSignalSpy started(&service, &SyncService::started);
        QSignalSpy pages(&service, &SyncService::pageApplied);
        service.runNow();
        // runNow returns at once: the work happens on the worker thread.
        QVERIFY(!service.isRunning() || started.count() <= 1);
        QVERIFY(finished.wait(20000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(pages.count(), Pages);
        const SyncSummary summary = finished.first().first().value<SyncSummary>();
        QVERIFY(summary.ok());
        QCOMPARE(summary.resources.first().stats.inserted, qint64(Pages * PerPage));
        QVERIFY(!service.isRunning());
        QCOMPARE(service.lastSummary().resources.size(), 1);
        QCOMPARE(scalar(store.open(), QStringLiteral("SELECT COUNT(*) FROM store_settings WHERE key LIKE 'item:%'")), qint64(Pages * PerPage));
    }

    void startRunsAtOnceAndOnSchedule()
    {
        TempStore store;
        SyncService service(options(store));
        QSignalSpy finished(&service, &SyncService::finished);
        service.start();
        QVERIFY(finished.wait(20000));
        service.runNow();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.last().first().value<SyncSummary>().resources.first().stats.inserted, qint64(0));
    }

    void destroyingItMidRunIsSafe()
    {
        TempStore store;
        {
            auto service = std::make_unique<SyncService>(options(store));
            QSignalSpy pages(service.get(), &SyncService::pageApplied);
            service->runNow();
            QVERIFY(pages.wait(20000));
            service.reset(); // stops between pages, joins its thread
        }
        // Whatever was committed is whole; a new service completes the rest.
        SyncService again(options(store));
        QSignalSpy finished(&again, &SyncService::finished);
        again.runNow();
        QVERIFY(finished.wait(20000));
        QCOMPARE(scalar(store.open(), QStringLiteral("SELECT COUNT(*) FROM store_settings WHERE key LIKE 'item:%'")), qint64(Pages * PerPage));
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
