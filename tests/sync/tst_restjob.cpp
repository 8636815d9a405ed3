// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// One REST operation against a real HTTP server on loopback that fails on demand.

#include "server/refserver.h"
#include "sync/restjob.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;
using C360::Ref::FaultRule;
using C360::Ref::HttpReply;
using C360::Ref::HttpRequest;
using C360::Ref::RefServer;

Q_DECLARE_METATYPE(C360::RestError)

namespace
{
RetryPolicy fastPolicy()
{
    RetryPolicy p;
    p.baseDelayMs = 10;
    p.maxDelayMs = 50;
    p.timeoutMs = 2000;
    p.maxAttempts = 4;
    return p;
}
} // namespace

class TestRestJob : public QObject
{
    Q_OBJECT

    std::unique_ptr<RefServer> m_server;
    QNetworkAccessManager m_manager;
    int m_failuresLeft = 0;
    int m_calls = 0;
    QByteArray m_retryAfter;

    QNetworkRequest request(const QString &path) const { return QNetworkRequest(QUrl(m_server->baseUrl().toString() + path)); }

    // Runs job to its end; QVERIFY-fails when finished() does not come exactly once.
    void run(RestJob &job, int timeoutMs = 20000)
    {
        QSignalSpy finished(&job, &RestJob::finished);
        job.start();
        QVERIFY(finished.wait(timeoutMs));
        QVERIFY(job.isFinished());
        // Nothing more arrives afterwards.
        QTest::qWait(0);
        QCOMPARE(finished.count(), 1);
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<C360::RestError>(); }

    void init()
    {
        m_calls = 0;
        m_failuresLeft = 0;
        m_retryAfter.clear();
        m_server = std::make_unique<RefServer>(5);
        m_server->route("GET", QStringLiteral("/ok"), [this](const HttpRequest &) {
            ++m_calls;
            return HttpReply::json(QJsonObject{{QStringLiteral("ok"), true}});
        });
        m_server->route("GET", QStringLiteral("/flaky"), [this](const HttpRequest &) {
            ++m_calls;
            if (m_failuresLeft > 0) {
                --m_failuresLeft;
                HttpReply r = HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("busy")}}, m_retryAfter.isEmpty() ? 503 : 429);
                if (!m_retryAfter.isEmpty()) {
                    r.headers.append({"Retry-After", m_retryAfter});
                }
                return r;
            }
            return HttpReply::json(QJsonObject{{QStringLiteral("calls"), m_calls}});
        });
        m_server->route("GET", QStringLiteral("/missing"), [this](const HttpRequest &) {
            ++m_calls;
            return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Niet gevonden.")}}, 404);
        });
        m_server->route("POST", QStringLiteral("/create"), [this](const HttpRequest &r) {
            ++m_calls;
            if (m_failuresLeft > 0) {
                --m_failuresLeft;
                return HttpReply::json(QJsonObject{}, 502);
            }
            return HttpReply::json(QJsonObject{{QStringLiteral("key"), QString::fromUtf8(r.header("Idempotency-Key"))}}, 201);
        });
        m_server->route("GET", QStringLiteral("/big"), [](const HttpRequest &) {
            QJsonArray a;
            for (int i = 0; i < 20000; ++i) {
                a.append(QStringLiteral("a fairly long string to make the body large %1").arg(i));
            }
            return HttpReply::json(a);
        });
        QVERIFY(m_server->listenOnLoopback(0));
    }

    void succeeds()
    {
        RestJob job(&m_manager, request(QStringLiteral("/ok")), "GET", {}, fastPolicy());
        run(job);
        QVERIFY(job.succeeded());
        QCOMPARE(job.httpStatus(), 200);
        QCOMPARE(job.attempts(), 1);
        QCOMPARE(QJsonDocument::fromJson(job.body()).object().value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(job.contentType().startsWith("application/json"));
    }

    void retriesServerErrorsThenSucceeds()
    {
        m_failuresLeft = 2;
        RestJob job(&m_manager, request(QStringLiteral("/flaky")), "GET", {}, fastPolicy());
        QSignalSpy retrying(&job, &RestJob::retrying);
        run(job);
        QVERIFY(job.succeeded());
        QCOMPARE(job.attempts(), 3);
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(retrying.at(0).at(2).value<RestError>().httpStatus, 503);
    }

    void givesUpAfterMaxAttempts()
    {
        m_failuresLeft = 100;
        RestJob job(&m_manager, request(QStringLiteral("/flaky")), "GET", {}, fastPolicy());
        run(job);
        QVERIFY(!job.succeeded());
        QCOMPARE(job.error().kind, RestError::Kind::Http);
        QCOMPARE(job.error().httpStatus, 503);
        QVERIFY(job.error().isTransient());
        QCOMPARE(job.attempts(), 4);
        QCOMPARE(m_calls, 4);
    }

    void honoursRetryAfter()
    {
        m_failuresLeft = 1;
        m_retryAfter = "1";
        RestJob job(&m_manager, request(QStringLiteral("/flaky")), "GET", {}, fastPolicy());
        QElapsedTimer timer;
        timer.start();
        run(job);
        QVERIFY(job.succeeded());
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(job.attempts(), 2);
    }

    void doesNotWaitForALongRetryAfter()
    {
        m_failuresLeft = 1;
        m_retryAfter = "3600";
        RestJob job(&m_manager, request(QStringLiteral("/flaky")), "GET", {}, fastPolicy());
        run(job);
        QCOMPARE(job.error().kind, RestError::Kind::Throttled);
        QCOMPARE(job.error().retryAfterMs, 3600000);
        QCOMPARE(job.attempts(), 1);
    }

    void clientErrorsAreNotRetried()
    {
        RestJob job(&m_manager, request(QStringLiteral("/missing")), "GET", {}, fastPolicy());
        run(job);
        QCOMPARE(job.error().kind, RestError::Kind::Http);
        QCOMPARE(job.error().httpStatus, 404);
        QVERIFY(!job.error().isTransient());
        QVERIFY2(job.error().detail.startsWith(QStringLiteral("HTTP 404, ")), qPrintable(job.error().detail));
        QVERIFY(!job.error().detail.contains(QStringLiteral("Niet gevonden"))); // what the server said is not kept
        QCOMPARE(m_calls, 1);
    }

    void socketFaultsAreRetriedTransportErrors_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("kind");
        QTest::newRow("reset") << QStringLiteral("/ok=reset") << int(RestError::Kind::Connection);
        QTest::newRow("truncate") << QStringLiteral("/ok=truncate") << int(RestError::Kind::Connection);
        QTest::newRow("hang") << QStringLiteral("/ok=hang") << int(RestError::Kind::Timeout);
    }

    void socketFaultsAreRetriedTransportErrors()
    {
        QFETCH(QString, fault);
        QFETCH(int, kind);
        m_server->faults().add(*FaultRule::parse(fault, nullptr));
        RetryPolicy policy = fastPolicy();
        policy.timeoutMs = 300;
        policy.maxAttempts = 2;
        RestJob job(&m_manager, request(QStringLiteral("/ok")), "GET", {}, policy);
        run(job);
        QVERIFY(!job.succeeded());
        QCOMPARE(int(job.error().kind), kind);
        QVERIFY(job.error().isTransient());
        QCOMPARE(job.attempts(), 2);
        QVERIFY(job.body().isEmpty()); // half a body is never handed out
    }

    void aCutOffBodyIsNeverASuccess()
    {
        // Qt sometimes ends a reply whose connection closed early without an error; the announced
        // Content-Length tells. Many tries, as the race goes either way.
        m_server->route("GET", QStringLiteral("/page"), [](const HttpRequest &) {
            QJsonArray items;
            for (int i = 0; i < 40; ++i) {
                items.append(QJsonObject{{QStringLiteral("id"), i}, {QStringLiteral("name"), QStringLiteral("item")}});
            }
            return HttpReply::json(QJsonObject{{QStringLiteral("items"), items}});
        });
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/page=truncate"), nullptr));
        RetryPolicy policy = fastPolicy();
        policy.maxAttempts = 1;
        for (int i = 0; i < 20; ++i) {
            RestJob job(&m_manager, request(QStringLiteral("/page")), "GET", {}, policy);
            run(job);
            QVERIFY2(!job.succeeded(), qPrintable(QString::number(i)));
            QCOMPARE(job.error().kind, RestError::Kind::Connection);
            QVERIFY(job.body().isEmpty());
        }
    }

    // What an error answer leaves in the log and the store: status, length, and the codes and
    // field names of a problem document; never the body, which may echo personal data.
    void errorAnswersAreDescribedNotKept()
    {
        m_server->route("POST", QStringLiteral("/refuse"), [](const HttpRequest &) {
            return HttpReply::json(
                QJsonObject{
                    {u"code"_s, u"invalid"_s},
                    {u"title"_s, u"Ongeldige invoer."_s},
                    {u"invalidParams"_s,
                     QJsonArray{QJsonObject{{u"name"_s, u"nonFieldErrors"_s}, {u"code"_s, u"invalid"_s}, {u"reason"_s, u"An Peeters 85073003361 bestaat al"_s}},
                                QJsonObject{{u"name"_s, u"<script>"_s}, {u"code"_s, u"x"_s}}}}},
                400);
        });
        RestJob job(&m_manager, request(QStringLiteral("/refuse")), "POST", QByteArrayLiteral("{}"), fastPolicy());
        run(job);
        QCOMPARE(job.error().httpStatus, 400);
        QVERIFY2(job.error().detail.startsWith(u"HTTP 400, "_s), qPrintable(job.error().detail));
        QVERIFY2(job.error().detail.endsWith(u" bytes: invalid (nonFieldErrors: invalid)"_s), qPrintable(job.error().detail));
        QVERIFY(!job.error().detail.contains(u"85073003361"_s));
        QVERIFY(!job.error().detail.contains(u"Peeters"_s));
        QCOMPARE(RestError::describeAnswer(503, QByteArrayLiteral("<html>An Peeters</html>")), u"HTTP 503, 23 bytes"_s);
    }

    // A redirect to another origin does not take the token along: it is not followed.
    void noRedirectToAnotherOrigin()
    {
        RefServer other(6);
        QByteArray seenAuthorization = "(not asked)";
        other.route("GET", QStringLiteral("/stolen"), [&seenAuthorization](const HttpRequest &r) {
            seenAuthorization = r.header("Authorization");
            return HttpReply::json(QJsonObject{{u"ok"_s, true}});
        });
        QVERIFY(other.listenOnLoopback(0));
        const QByteArray target = other.baseUrl().toString().toUtf8() + "/stolen";
        m_server->route("GET", QStringLiteral("/moved"), [target](const HttpRequest &) {
            HttpReply r = HttpReply::empty(302);
            r.headers.append({"Location", target});
            return r;
        });
        QNetworkRequest r = request(QStringLiteral("/moved"));
        r.setRawHeader("Authorization", "Token geheim");
        RestJob job(&m_manager, r, "GET", {}, fastPolicy());
        run(job);
        QVERIFY(!job.succeeded());
        QCOMPARE(job.error().httpStatus, 302);
        QCOMPARE(seenAuthorization, QByteArray("(not asked)"));
    }

    void refusedConnection()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        RetryPolicy policy = fastPolicy();
        policy.maxAttempts = 2;
        RestJob job(&m_manager, QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort))), "GET", {}, policy);
        run(job);
        QCOMPARE(job.error().kind, RestError::Kind::Connection);
        QCOMPARE(job.attempts(), 2);
    }

    void refusesAnOversizedBody()
    {
        RetryPolicy policy = fastPolicy();
        policy.maxResponseBytes = 100 * 1024;
        RestJob job(&m_manager, request(QStringLiteral("/big")), "GET", {}, policy);
        run(job);
        QCOMPARE(job.error().kind, RestError::Kind::TooLarge);
        QCOMPARE(job.attempts(), 1);
        QVERIFY(job.body().isEmpty());
    }

    void postIsRetriedOnlyWithAnIdempotencyKey()
    {
        m_failuresLeft = 1;
        RestJob plain(&m_manager, request(QStringLiteral("/create")), "POST", QByteArrayLiteral("{}"), fastPolicy());
        run(plain);
        QCOMPARE(plain.error().httpStatus, 502);
        QCOMPARE(m_calls, 1);

        m_failuresLeft = 1;
        m_calls = 0;
        QNetworkRequest keyed = request(QStringLiteral("/create"));
        keyed.setRawHeader("Idempotency-Key", "0b6f5a7e-key");
        RestJob retried(&m_manager, keyed, "POST", QByteArrayLiteral("{}"), fastPolicy());
        run(retried);
        QVERIFY(retried.succeeded());
        QCOMPARE(retried.httpStatus(), 201);
        QCOMPARE(m_calls, 2);
        QCOMPARE(QJsonDocument::fromJson(retried.body()).object().value(QStringLiteral("key")).toString(), QStringLiteral("0b6f5a7e-key"));
    }

    void abortFinishesOnce()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/ok=hang"), nullptr));
        RestJob job(&m_manager, request(QStringLiteral("/ok")), "GET", {}, fastPolicy());
        QSignalSpy finished(&job, &RestJob::finished);
        job.start();
        QTimer::singleShot(50, &job, &RestJob::abort);
        // A job dropped on purpose (a look-ahead not needed after all) is not logged as a failure.
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type != QtDebugMsg) {
                logged.append(message);
            }
        });
        const bool done = finished.wait(5000);
        qInstallMessageHandler(previous);
        QVERIFY(done);
        QCOMPARE(job.error().kind, RestError::Kind::Aborted);
        QVERIFY2(!logged.join(u'\n').contains(QLatin1String("failed")), qPrintable(logged.join(u'\n')));
        job.abort();
        QTest::qWait(0);
        QCOMPARE(finished.count(), 1);
    }

    void backoffDoublesUpToTheCap()
    {
        RetryPolicy p;
        p.baseDelayMs = 500;
        p.maxDelayMs = 30000;
        QCOMPARE(p.backoffMs(1), 500);
        QCOMPARE(p.backoffMs(2), 1000);
        QCOMPARE(p.backoffMs(4), 4000);
        QCOMPARE(p.backoffMs(20), 30000);
        // An outbox entry held back: the same doubling, up to an hour.
        QCOMPARE(p.backoffMs(3, p.heldBackMaxDelayMs), 2000);
        QCOMPARE(p.backoffMs(20, p.heldBackMaxDelayMs), 3600 * 1000);
    }

    void parsesRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("ms");
        QTest::newRow("seconds") << QByteArrayLiteral("7") << 7000;
        QTest::newRow("zero") << QByteArrayLiteral("0") << 0;
        QTest::newRow("date") << QByteArrayLiteral("Mon, 02 Mar 2026 09:00:30 GMT") << 30000;
        QTest::newRow("past date") << QByteArrayLiteral("Mon, 02 Mar 2026 08:00:00 GMT") << 0;
        QTest::newRow("garbage") << QByteArrayLiteral("soon") << -1;
        QTest::newRow("negative") << QByteArrayLiteral("-5") << -1;
        QTest::newRow("absent") << QByteArray() << -1;
    }

    void parsesRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, ms);
        QCOMPARE(RestJob::parseRetryAfter(value, QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)), ms);
    }
};

QTEST_GUILESS_MAIN(TestRestJob)
#include "tst_restjob.moc"
