// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync engine pushing its outbox through minimal targets of its own to a real HTTP server on
// loopback: each entry pushed exactly once, also when the server fails, its answer cannot be
// recorded or a crash left it sending; pushes in steps and entries their target holds back.

#include "common/clock.h"
#include "itemsresource.h"
#include "privacy/secretstore.h"
#include "server/refserver.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "storetesting.h"
#include "sync/restjob.h"
#include "sync/syncengine.h"
#include "syncenginetesting.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using C360::Ref::FaultRule;

using namespace C360::Test;

class TestSyncEnginePush : public SyncEngineTest
{
    Q_OBJECT

    // Queues a "threads" entry with text as its topic; returns its id.
    static qint64 queueThread(Test::TempStore &store, const QString &text)
    {
        OutboxEntry e;
        e.source = QStringLiteral("test");
        e.resource = QStringLiteral("threads");
        e.operation = QStringLiteral("create");
        e.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), text}}).toJson();
        const qint64 id = OutboxRepository(store.open()).enqueue(e).value().id;
        store.close();
        return id;
    }

    SyncEngine::Options threadOptions(Test::TempStore &store, const bool *hold, const bool *refuse)
    {
        SyncEngine::Options o = options(store);
        o.outbox = [hold, refuse](const SyncContext &c) {
            std::vector<std::unique_ptr<OutboxTarget>> v;
            v.push_back(std::make_unique<ThreadTarget>(c, hold, refuse));
            return v;
        };
        return o;
    }

private Q_SLOTS:
    void init() { startServer(); }

    void outboxPushesExactlyOnce()
    {
        Test::TempStore store;
        {
            OutboxRepository outbox(store.open());
            for (const QString &text : {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("invalid")}) {
                OutboxEntry e;
                e.source = QStringLiteral("test");
                e.resource = QStringLiteral("notes");
                e.operation = QStringLiteral("create");
                e.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), text}}).toJson();
                QVERIFY(outbox.enqueue(e));
            }
            store.close();
        }
        // The server fails every push the first time: kept, retried later.
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/api/notes=status:503"), nullptr));
        {
            SyncEngine engine(options(store));
            const SyncSummary summary = run(engine);
            QCOMPARE(summary.pushFailed, qint64(3));
            QCOMPARE(summary.pushed, qint64(0));
        }
        QVERIFY(m_notes.isEmpty());
        m_server->faults().clear();
        store.clock().advanceDays(1); // past every backoff
        {
            SyncEngine engine(options(store));
            const SyncSummary summary = run(engine);
            QCOMPARE(summary.pushed, qint64(2));
            QCOMPARE(summary.pushRejected, qint64(1));
        }
        QCOMPARE(m_notes, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        Database &db = store.open();
        OutboxRepository outbox(db);
        QCOMPARE(outbox.count(OutboxState::Done).value(), qint64(2));
        // The refused entry stays, with the server's answer described (status and length, never
        // its words, which may echo personal data), for correction; it is not retried.
        QCOMPARE(Test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected' AND last_error LIKE '%400%'")), qint64(1));
        QCOMPARE(Test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE last_error LIKE '%may not%' OR last_error LIKE '%invalid%'")), qint64(0));
        QVERIFY(outbox.outstanding().value().isEmpty());

        // A third run sends nothing more.
        store.close();
        SyncEngine engine(options(store));
        QCOMPARE(run(engine).pushed, qint64(0));
        QCOMPARE(m_notes.size(), 2);
    }

    void anAcceptedPushThatCannotBeRecordedGoesOutAgainOnce()
    {
        Test::TempStore store;
        {
            OutboxRepository outbox(store.open());
            OutboxEntry e;
            e.source = QStringLiteral("test");
            e.resource = QStringLiteral("notes");
            e.operation = QStringLiteral("create");
            e.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), QStringLiteral("one")}}).toJson();
            QVERIFY(outbox.enqueue(e));
            store.close();
        }
        // The server takes it, but its answer cannot be recorded here (no id in it, say).
        bool recordable = false;
        SyncEngine::Options o = options(store);
        o.outbox = [&recordable](const SyncContext &c) {
            std::vector<std::unique_ptr<OutboxTarget>> v;
            v.push_back(std::make_unique<NotesTarget>(c, &recordable));
            return v;
        };
        {
            SyncEngine engine(o);
            QCOMPARE(run(engine).pushFailed, qint64(1));
        }
        QCOMPARE(m_notes.size(), 1);
        {
            OutboxRepository outbox(store.open());
            const auto outstanding = outbox.outstanding().value();
            QCOMPARE(outstanding.size(), 1);
            // Queued for later, not stuck "sending" until the next start.
            QCOMPARE(outstanding.first().state, OutboxState::Failed);
            QVERIFY(outstanding.first().nextAttempt > store.clock().now());
            store.close();
        }
        recordable = true;
        store.clock().advanceDays(1);
        SyncEngine engine(o);
        QCOMPARE(run(engine).pushed, qint64(1));
        QCOMPARE(m_notes.size(), 1); // the server knew the key: still one note
        QCOMPARE(OutboxRepository(store.open()).count(OutboxState::Done).value(), qint64(1));
    }

    void anEntryLeftSendingByACrashGoesOutOnceMore()
    {
        Test::TempStore store;
        qint64 id = 0;
        QString key;
        {
            OutboxRepository outbox(store.open());
            OutboxEntry e;
            e.source = QStringLiteral("test");
            e.resource = QStringLiteral("notes");
            e.operation = QStringLiteral("create");
            e.payload = QByteArrayLiteral("{\"text\": \"crash\"}");
            const OutboxEntry stored = outbox.enqueue(e).value();
            id = stored.id;
            key = stored.idempotencyKey;
            QVERIFY(outbox.markSending(id));
            store.close();
        }
        // The server had already received it before the crash.
        m_notes.append(QStringLiteral("crash"));
        QNetworkAccessManager manager;
        QNetworkRequest first(QUrl(m_server->baseUrl().toString() + QStringLiteral("/api/notes")));
        first.setRawHeader("Idempotency-Key", key.toUtf8());
        m_notes.clear();
        RestJob earlier(&manager, first, "POST", QByteArrayLiteral("{\"text\": \"crash\"}"));
        QSignalSpy done(&earlier, &RestJob::finished);
        earlier.start();
        QVERIFY(done.wait());
        QCOMPARE(m_notes.size(), 1);

        SyncEngine engine(options(store));
        QCOMPARE(run(engine).pushed, qint64(1));
        QCOMPARE(m_notes.size(), 1); // replayed by key, not created twice
        QCOMPARE(OutboxRepository(store.open()).find(id).value()->state, OutboxState::Done);
    }

    // A push in two steps: a failure at the second step keeps the first one's result, and the next
    // run sends only the second; each step reaches the server once.
    void aPushInStepsGoesOnAtTheStepNotDone()
    {
        Test::TempStore store;
        const qint64 id = queueThread(store, QStringLiteral("topic"));
        bool hold = false;
        bool refuse = false;
        const SyncEngine::Options o = threadOptions(store, &hold, &refuse);
        m_failReplies = true;
        {
            SyncEngine engine(o);
            const SyncSummary summary = run(engine);
            QCOMPARE(summary.pushFailed, qint64(1));
            QCOMPARE(summary.pushed, qint64(0));
        }
        QCOMPARE(m_notes, QStringList{QStringLiteral("topic")});
        {
            const OutboxEntry entry = OutboxRepository(store.open()).find(id).value().value();
            QCOMPARE(entry.state, OutboxState::Failed);
            QCOMPARE(entry.remoteId, QStringLiteral("n1")); // the first step's result, kept
            store.close();
        }
        m_failReplies = false;
        store.clock().advanceDays(1);
        {
            SyncEngine engine(o);
            QCOMPARE(run(engine).pushed, qint64(1));
        }
        QCOMPARE(m_notes, (QStringList{QStringLiteral("topic"), QStringLiteral("reply to n1")}));
        const OutboxEntry entry = OutboxRepository(store.open()).find(id).value().value();
        QCOMPARE(entry.state, OutboxState::Done);
        QCOMPARE(entry.remoteId, QStringLiteral("n2"));
    }

    // An entry its target holds back is not sent: kept and due again later when it waits, kept
    // for correction when it is refused.
    void anEntryHeldBackIsNotSent()
    {
        Test::TempStore store;
        const qint64 id = queueThread(store, QStringLiteral("held"));
        bool hold = true;
        bool refuse = false;
        const SyncEngine::Options o = threadOptions(store, &hold, &refuse);
        {
            SyncEngine engine(o);
            QCOMPARE(run(engine).pushFailed, qint64(1));
        }
        {
            const OutboxEntry entry = OutboxRepository(store.open()).find(id).value().value();
            QCOMPARE(entry.state, OutboxState::Failed);
            QCOMPARE(entry.lastError, QStringLiteral("waits for something"));
            QVERIFY(entry.nextAttempt > store.clock().now());
            store.close();
        }
        refuse = true;
        store.clock().advanceDays(1);
        {
            SyncEngine engine(o);
            QCOMPARE(run(engine).pushRejected, qint64(1));
        }
        QVERIFY(m_notes.isEmpty());
        const OutboxEntry entry = OutboxRepository(store.open()).find(id).value().value();
        QCOMPARE(entry.state, OutboxState::Rejected);
        QCOMPARE(entry.lastError, QStringLiteral("refused here"));
    }
};

QTEST_GUILESS_MAIN(TestSyncEnginePush)
#include "tst_syncenginepush.moc"
