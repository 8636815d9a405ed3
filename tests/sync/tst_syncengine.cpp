// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync engine with a minimal resource and outbox target of its own, against a real HTTP
// server on loopback: pages committed with their cursor, resume, problems recorded, the outbox
// pushed exactly once.

#include "common/clock.h"
#include "itemsresource.h"
#include "privacy/secretstore.h"
#include "server/refserver.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"
#include "storetesting.h"
#include "sync/restjob.h"
#include "sync/syncengine.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace c360;
using c360::ref::FaultRule;
using c360::ref::HttpReply;
using c360::ref::HttpRequest;
using c360::ref::RefServer;

using namespace c360::test;

namespace
{
qint64 items(Database &db)
{
    return test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM store_settings WHERE key LIKE 'item:%'"));
}
} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

    std::unique_ptr<RefServer> m_server;
    QList<int> m_pagesServed;
    QStringList m_notes; // what the server stored
    QList<QByteArray> m_authorizations;
    bool m_malformed = false;
    bool m_failReplies = false;
    ItemsSync::Lookahead m_lookahead = ItemsSync::Lookahead::None;
    MemorySecretStore m_secrets;

    SyncEngine::Options options(test::TempStore &store, AuthKind auth = AuthKind::Token)
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

    // Queues a "threads" entry with text as its topic; returns its id.
    static qint64 queueThread(test::TempStore &store, const QString &text)
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

    SyncEngine::Options threadOptions(test::TempStore &store, const bool *hold, const bool *refuse)
    {
        SyncEngine::Options o = options(store);
        o.outbox = [hold, refuse](const SyncContext &c) {
            std::vector<std::unique_ptr<OutboxTarget>> v;
            v.push_back(std::make_unique<ThreadTarget>(c, hold, refuse));
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

private Q_SLOTS:
    void init()
    {
        m_pagesServed.clear();
        m_notes.clear();
        m_authorizations.clear();
        m_malformed = false;
        m_failReplies = false;
        m_lookahead = ItemsSync::Lookahead::None;
        QVERIFY(m_secrets.write(QStringLiteral("test-secret"), QStringLiteral("s3cret")));
        m_server = std::make_unique<RefServer>(1);
        m_server->route("GET", QStringLiteral("/api/items"), [this](const HttpRequest &r) {
            const int page = r.queryValue(QStringLiteral("page")).toInt();
            m_pagesServed.append(page);
            m_authorizations.append(r.header("Authorization"));
            if (m_malformed && page == 2) {
                return HttpReply::text("<html>maintenance</html>", 200);
            }
            QJsonArray list;
            for (int i = 0; i < PerPage; ++i) {
                list.append((page - 1) * PerPage + i);
            }
            if (page == 3) {
                list.append(QStringLiteral("bad"));
            }
            return HttpReply::json(QJsonObject{{QStringLiteral("items"), list}, {QStringLiteral("more"), page < Pages}});
        });
        m_server->route("POST", QStringLiteral("/api/notes"), m_server->idempotent([this](const HttpRequest &r) {
            const QString text = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("text")).toString();
            if (text == QLatin1String("invalid")) {
                return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("text may not be 'invalid'")}}, 400);
            }
            if (m_failReplies && text.startsWith(QLatin1String("reply"))) {
                return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("unavailable")}}, 503);
            }
            m_notes.append(text);
            return HttpReply::json(QJsonObject{{QStringLiteral("id"), QStringLiteral("n%1").arg(m_notes.size())}}, 201);
        }));
        QVERIFY(m_server->listenOnLoopback(0));
    }

    void pullsEveryPageWithCredentials()
    {
        test::TempStore store;
        SyncEngine engine(options(store));
        QSignalSpy pages(&engine, &SyncEngine::pageApplied);
        QSignalSpy skipped(&engine, &SyncEngine::recordSkipped);
        const SyncSummary summary = run(engine);
        QVERIFY(summary.ok());
        QCOMPARE(summary.resources.size(), 1);
        QCOMPARE(summary.resources.first().stats.inserted, qint64(Pages * PerPage));
        QCOMPARE(summary.resources.first().stats.skipped, qint64(1));
        QCOMPARE(summary.resources.first().stats.pages, qint64(Pages));
        QCOMPARE(pages.count(), Pages);
        QCOMPARE(skipped.count(), 1);
        QCOMPARE(m_pagesServed, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(m_authorizations.first(), QByteArrayLiteral("Token s3cret"));

        Database &db = store.open();
        QCOMPARE(items(db), qint64(Pages * PerPage));
        SyncStateRepository states(db);
        const SyncState state = states.state(QStringLiteral("test"), QStringLiteral("items")).value();
        QCOMPARE(state.lastSuccess, store.clock().now());
        QVERIFY(state.cursor.isEmpty());

        const QJsonObject json = summary.toJson();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        const QJsonObject items = json.value(QStringLiteral("resources")).toObject().value(QStringLiteral("test/items")).toObject();
        for (const char *key : {"inserted", "updated", "deleted", "skipped"}) {
            QVERIFY2(items.contains(QLatin1String(key)), key);
        }
    }

    void aFailedPageKeepsWhatCameBeforeAndResumes()
    {
        test::TempStore store;
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/api/items=status:503"), nullptr));
        {
            // The first page comes through, then everything fails.
            m_server->faults().clear();
            SyncEngine engine(options(store));
            connect(&engine, &SyncEngine::pageApplied, this, [this]() {
                m_server->faults().add(*FaultRule::parse(QStringLiteral("/api/items=status:503"), nullptr));
            });
            const SyncSummary summary = run(engine);
            QVERIFY(!summary.ok());
            QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Network);
            QCOMPARE(summary.resources.first().problem.network.httpStatus, 503);
            QCOMPARE(summary.resources.first().stats.inserted, qint64(PerPage));
        }
        {
            Database &db = store.open();
            QCOMPARE(items(db), qint64(PerPage));
            const SyncState state = SyncStateRepository(db).state(QStringLiteral("test"), QStringLiteral("items")).value();
            QCOMPARE(state.cursor, QStringLiteral("2"));
            QVERIFY(state.lastError.contains(QStringLiteral("network")));
            QVERIFY(!state.lastSuccess.isValid());
            store.close();
        }
        m_server->faults().clear();
        m_pagesServed.clear();
        SyncEngine again(options(store));
        QVERIFY(run(again).ok());
        QCOMPARE(m_pagesServed, (QList<int>{2, 3, 4})); // resumed, not restarted
        QCOMPARE(items(store.open()), qint64(Pages * PerPage));
        QVERIFY(SyncStateRepository(store.db()).state(QStringLiteral("test"), QStringLiteral("items")).value().lastError.isEmpty());
    }

    void aMalformedPageAppliesNothing()
    {
        test::TempStore store;
        m_malformed = true;
        SyncEngine engine(options(store));
        const SyncSummary summary = run(engine);
        QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Malformed);
        Database &db = store.open();
        QCOMPARE(items(db), qint64(PerPage));
        QCOMPARE(SyncStateRepository(db).state(QStringLiteral("test"), QStringLiteral("items")).value().cursor, QStringLiteral("2"));
    }

    void stoppingMidRunLosesNothing()
    {
        test::TempStore store;
        {
            SyncEngine engine(options(store));
            connect(&engine, &SyncEngine::pageApplied, &engine, &SyncEngine::stop);
            const SyncSummary summary = run(engine);
            QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Cancelled);
            QCOMPARE(summary.resources.first().stats.pages, qint64(1));
        }
        SyncEngine again(options(store));
        QVERIFY(run(again).ok());
        QCOMPARE(items(store.open()), qint64(Pages * PerPage));
    }

    // The next page is asked for while the current one is applied, and its answer is used: each
    // page is served once, in order, and everything lands.
    void theLookaheadFetchesEachPageOnce()
    {
        test::TempStore store;
        m_lookahead = ItemsSync::Lookahead::NextPage;
        SyncEngine engine(options(store));
        const SyncSummary summary = run(engine);
        QVERIFY(summary.ok());
        QCOMPARE(summary.resources.first().stats.pages, qint64(Pages));
        QCOMPARE(m_pagesServed, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(items(store.open()), qint64(Pages * PerPage));
    }

    // A guess that is not what nextRequest() asks is dropped: the right page is fetched.
    void aWrongLookaheadIsDropped()
    {
        test::TempStore store;
        m_lookahead = ItemsSync::Lookahead::WrongPage;
        SyncEngine engine(options(store));
        const SyncSummary summary = run(engine);
        QVERIFY(summary.ok());
        QCOMPARE(summary.resources.first().stats.pages, qint64(Pages));
        QCOMPARE(items(store.open()), qint64(Pages * PerPage));
        // Page 2 was applied as page 2, not the guessed page 3 in its place: every item is there.
        QCOMPARE(m_pagesServed.first(), 1);
        for (int page = 2; page <= Pages; ++page) {
            QVERIFY2(m_pagesServed.contains(page), qPrintable(QString::number(page)));
        }
    }

    // A page answered while stopped (the lookahead's) is not applied: the next run fetches it.
    void stoppingWithALookaheadLosesNothing()
    {
        test::TempStore store;
        m_lookahead = ItemsSync::Lookahead::NextPage;
        {
            SyncEngine engine(options(store));
            connect(&engine, &SyncEngine::pageApplied, &engine, &SyncEngine::stop);
            const SyncSummary summary = run(engine);
            QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Cancelled);
            QCOMPARE(summary.resources.first().stats.pages, qint64(1));
        }
        QCOMPARE(items(store.open()), qint64(PerPage));
        store.close();
        m_pagesServed.clear();
        SyncEngine again(options(store));
        QVERIFY(run(again).ok());
        QCOMPARE(m_pagesServed.first(), 2);
        QCOMPARE(items(store.open()), qint64(Pages * PerPage));
    }

    void wrongCredentialsAreAnAuthenticationProblem()
    {
        test::TempStore store;
        m_server->route("GET", QStringLiteral("/api/denied/items"), [](const HttpRequest &) {
            return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Ongeldige token.")}}, 401);
        });
        SyncEngine::Options o = options(store);
        o.sources.first().baseUrl = QUrl(m_server->baseUrl().toString() + QStringLiteral("/api/denied/"));
        SyncEngine engine(o);
        const SyncSummary summary = run(engine);
        QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Authentication);
        QCOMPARE(summary.resources.first().problem.network.attempts, 1); // not retried
    }

    void anUnreachableServerIsTriedOncePerRun()
    {
        test::TempStore store;
        SyncEngine::Options o = options(store);
        SourceConfig down = o.sources.first();
        down.id = QStringLiteral("down");
        down.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api/")); // nothing listens on port 1
        o.sources.prepend(down);
        o.resources = [](const SyncContext &c) {
            std::vector<std::unique_ptr<ResourceSync>> v;
            v.push_back(std::make_unique<ItemsSync>(c));
            v.push_back(std::make_unique<ItemsSync>(c, QStringLiteral("more-items")));
            return v;
        };
        SyncEngine engine(o);
        QSignalSpy started(&engine, &SyncEngine::resourceStarted);
        const SyncSummary summary = run(engine);
        QCOMPARE(summary.resources.size(), 4);
        // The first resource of the unreachable server found it down; its second was not tried.
        QCOMPARE(started.size(), 3);
        QCOMPARE(started.first().at(0).toString(), QStringLiteral("down"));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(summary.resources.at(i).source, QStringLiteral("down"));
            QCOMPARE(summary.resources.at(i).problem.network.kind, RestError::Kind::Connection);
        }
        QVERIFY(!SyncStateRepository(store.open()).state(QStringLiteral("down"), QStringLiteral("more-items")).value().lastError.isEmpty());
        store.close();
        // The other server is synced as usual.
        QVERIFY(summary.resources.at(2).problem.isNone());
        QVERIFY(summary.resources.at(3).problem.isNone());
    }

    void eachSourceKeepsItsOwnSchedule()
    {
        test::TempStore store;
        SyncEngine::Options o = options(store);
        o.sources.first().pollIntervalSeconds = 1;
        SourceConfig slow = o.sources.first();
        slow.id = QStringLiteral("slow");
        slow.pollIntervalSeconds = 3600;
        o.sources.append(slow);
        SyncEngine engine(o);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.startScheduler();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<SyncSummary>().resources.size(), 2); // both, at once
        QVERIFY(finished.wait(20000));
        const SyncSummary second = finished.at(1).first().value<SyncSummary>();
        QCOMPARE(second.resources.size(), 1); // only the source whose time came
        QCOMPARE(second.resources.first().source, QStringLiteral("test"));
        engine.stop();
    }

    void aMissingSecretSkipsTheSource()
    {
        test::TempStore store;
        SyncEngine::Options o = options(store);
        o.sources.first().secretKey = QStringLiteral("nobody-stored-this");
        SyncEngine engine(o);
        const SyncSummary summary = run(engine);
        QCOMPARE(summary.resources.size(), 1);
        QCOMPARE(summary.resources.first().problem.kind, SyncProblem::Kind::Configuration);
        QVERIFY(m_pagesServed.isEmpty());
        QVERIFY(!SyncStateRepository(store.open()).state(QStringLiteral("test"), QStringLiteral("*")).value().lastError.isEmpty());
    }

    void apiKeyGoesInTheQuery()
    {
        test::TempStore store;
        QString seenKey;
        m_server->route("GET", QStringLiteral("/api/keyed/items"), [&seenKey](const HttpRequest &r) {
            seenKey = r.queryValue(QStringLiteral("api_key"));
            return HttpReply::json(QJsonObject{{QStringLiteral("items"), QJsonArray{}}, {QStringLiteral("more"), false}});
        });
        SyncEngine::Options o = options(store, AuthKind::ApiKey);
        o.sources.first().baseUrl = QUrl(m_server->baseUrl().toString() + QStringLiteral("/api/keyed/"));
        SyncEngine engine(o);
        QVERIFY(run(engine).ok());
        QCOMPARE(seenKey, QStringLiteral("s3cret"));
    }

    void outboxPushesExactlyOnce()
    {
        test::TempStore store;
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
        QCOMPARE(test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected' AND last_error LIKE '%400%'")), qint64(1));
        QCOMPARE(test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE last_error LIKE '%may not%' OR last_error LIKE '%invalid%'")), qint64(0));
        QVERIFY(outbox.outstanding().value().isEmpty());

        // A third run sends nothing more.
        store.close();
        SyncEngine engine(options(store));
        QCOMPARE(run(engine).pushed, qint64(0));
        QCOMPARE(m_notes.size(), 2);
    }

    void anAcceptedPushThatCannotBeRecordedGoesOutAgainOnce()
    {
        test::TempStore store;
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
        test::TempStore store;
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
        test::TempStore store;
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
        test::TempStore store;
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

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
