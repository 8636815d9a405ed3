// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync engine pulling a minimal resource of its own from a real HTTP server on loopback:
// pages committed with their cursor, resume, the lookahead, problems recorded, credentials and
// each source's own schedule. Its outbox: tst_syncenginepush.

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
#include "syncenginetesting.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
// Notes every request it is asked to make, as "METHOD /path".
class RecordingNetwork final : public QNetworkAccessManager
{
public:
    RecordingNetwork(QStringList *requested, QObject *parent)
        : QNetworkAccessManager(parent)
        , m_requested(requested)
    {
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        static const char *const verbs[] = {"", "HEAD", "GET", "PUT", "POST", "DELETE", ""};
        const QByteArray verb = op == CustomOperation ? request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray() : QByteArray(verbs[op]);
        m_requested->append(QString::fromLatin1(verb) + QLatin1Char(' ') + request.url().path());
        return QNetworkAccessManager::createRequest(op, request, data);
    }

private:
    QStringList *m_requested;
};
} // namespace
using C360::Ref::FaultRule;
using C360::Ref::HttpReply;
using C360::Ref::HttpRequest;

using namespace C360::Test;

namespace
{
qint64 items(Database &db)
{
    return Test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM store_settings WHERE key LIKE 'item:%'"));
}
} // namespace

class TestSyncEngine : public SyncEngineTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }

    void pullsEveryPageWithCredentials()
    {
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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

    // Every request, pulls and pushes alike, goes through the network access manager the options
    // make (a proxy or TLS set-up of the municipality), made once per engine in its thread.
    void theNetworkAccessManagerComesFromTheOptions()
    {
        Test::TempStore store;
        OutboxEntry note;
        note.source = u"test"_s;
        note.resource = u"notes"_s;
        note.operation = u"create"_s;
        note.payload = QJsonDocument(QJsonObject{{u"text"_s, u"hi"_s}}).toJson();
        QVERIFY(OutboxRepository(store.open()).enqueue(note));
        store.close();
        SyncEngine::Options o = options(store);
        int made = 0;
        QStringList requested;
        QThread *thread = nullptr;
        o.network = [&](QObject *parent) {
            ++made;
            thread = QThread::currentThread();
            return new RecordingNetwork(&requested, parent);
        };
        SyncEngine engine(o);
        const SyncSummary summary = run(engine);
        QVERIFY(summary.resources.size() >= 1);
        QCOMPARE(made, 1);
        QCOMPARE(thread, engine.thread());
        QVERIFY2(requested.contains(u"GET /api/items"_s), qPrintable(requested.join(u", "_s)));
        QVERIFY2(requested.contains(u"POST /api/notes"_s), qPrintable(requested.join(u", "_s)));
        QCOMPARE(m_notes, QStringList{u"hi"_s});
    }

    void wrongCredentialsAreAnAuthenticationProblem()
    {
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
        Test::TempStore store;
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
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
