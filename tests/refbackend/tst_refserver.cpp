// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The back end's HTTP layer: routing, loopback only, and every fault kind as a client meets it.

#include "httpclient.h"
#include "server/faults.h"
#include "server/refserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace C360::Ref;

Q_DECLARE_METATYPE(Fault::Kind)

namespace
{
using Fetched = C360::Test::HttpAnswer;

// A GET that the client itself gives up after timeoutMs (its transfer timeout).
Fetched fetch(QNetworkAccessManager &manager, const QUrl &url, int timeoutMs = 10000)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    return C360::Test::answerOf(manager.get(request), timeoutMs + 5000);
}
} // namespace

class TestRefServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<RefServer> m_server;
    QNetworkAccessManager m_manager;

    QUrl url(const QString &path) const { return QUrl(m_server->baseUrl().toString() + path); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<RefServer>(99);
        m_server->route("GET", QStringLiteral("/things/(\\d+)"), [](const HttpRequest &r) {
            QJsonArray items;
            for (int i = 0; i < 200; ++i) {
                items.append(QJsonObject{{QStringLiteral("id"), r.match.captured(1).toInt() * 1000 + i}, {QStringLiteral("overlap"), r.duplicateOverlap}});
            }
            return HttpReply::json(items);
        });
        m_server->route("POST", QStringLiteral("/things/(\\d+)"), [](const HttpRequest &r) {
            return HttpReply::json(QJsonObject{{QStringLiteral("received"), QString::fromUtf8(r.body)}}, 201);
        });
        m_server->route("GET", QStringLiteral("/admin/ping"), [](const HttpRequest &) {
            return HttpReply::json(QJsonObject{{QStringLiteral("pong"), true}});
        });
        QVERIFY(m_server->listenOnLoopback(0) != 0);
        m_manager.clearConnectionCache();
    }

    void cleanup() { m_server.reset(); }

    void listensOnLoopbackOnly()
    {
        QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server->baseUrl().port() > 0);
    }

    void routesByMethodAndPath()
    {
        Fetched f = fetch(m_manager, url(QStringLiteral("/things/7")));
        QCOMPARE(f.status, 200);
        const QJsonArray items = QJsonDocument::fromJson(f.body).array();
        QCOMPARE(items.size(), 200);
        QCOMPARE(items.first().toObject().value(QStringLiteral("id")).toInt(), 7000);
        QVERIFY(f.contentType.startsWith("application/json"));

        f = fetch(m_manager, url(QStringLiteral("/nothing/here")));
        QCOMPARE(f.status, 404);
        f = fetch(m_manager, url(QStringLiteral("/things/x")));
        QCOMPARE(f.status, 404);

        QNetworkReply *del = m_manager.deleteResource(QNetworkRequest(url(QStringLiteral("/things/1"))));
        QSignalSpy done(del, &QNetworkReply::finished);
        QVERIFY(done.wait());
        QCOMPARE(del->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
        del->deleteLater();
    }

    void parsesFaultRules_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("delay") << QStringLiteral("/open311/*=delay:250") << true << QStringLiteral("/open311/*=delay:250");
        QTest::newRow("status") << QStringLiteral("*=status:503@0.5") << true << QStringLiteral("*=status:503@0.5");
        QTest::newRow("429") << QStringLiteral("*/partijen=status:429:7") << true << QStringLiteral("*/partijen=status:429:7");
        QTest::newRow("plain 429") << QStringLiteral("*=status:429") << true << QStringLiteral("*=status:429:0");
        QTest::newRow("content type with =") << QStringLiteral("*=content-type:text/html; charset=utf-8") << true
                                             << QStringLiteral("*=content-type:text/html; charset=utf-8");
        for (const char *kind : {"hang", "reset", "truncate", "duplicate", "oversize"}) {
            QTest::newRow(kind) << QStringLiteral("/x=") + QLatin1String(kind) << true << QStringLiteral("/x=") + QLatin1String(kind);
        }
        QTest::newRow("no pattern") << QStringLiteral("status:500") << false << QString();
        QTest::newRow("unknown kind") << QStringLiteral("*=explode") << false << QString();
        QTest::newRow("bad status") << QStringLiteral("*=status:999") << false << QString();
        QTest::newRow("bad probability") << QStringLiteral("*=hang@1.5") << false << QString();
        QTest::newRow("negative delay") << QStringLiteral("*=delay:-1") << false << QString();
    }

    void parsesFaultRules()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        QString error;
        const auto rule = FaultRule::parse(spec, &error);
        QCOMPARE(rule.has_value(), valid);
        if (valid) {
            QCOMPARE(rule->toString(), canonical);
        } else {
            QVERIFY(!error.isEmpty());
        }
    }

    void patternsAreGlobsOverTheWholePath()
    {
        const auto rule = FaultRule::parse(QStringLiteral("/open311/*=hang"), nullptr);
        QVERIFY(rule->matches(QStringLiteral("/open311/v2/requests.json")));
        QVERIFY(!rule->matches(QStringLiteral("/klantinteracties/api/v1/partijen")));
        const auto suffix = FaultRule::parse(QStringLiteral("*/partijen=hang"), nullptr);
        QVERIFY(suffix->matches(QStringLiteral("/klantinteracties/api/v1/partijen")));
        QVERIFY(!suffix->matches(QStringLiteral("/klantinteracties/api/v1/partijen/abc")));
    }

    void statusFault()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=status:503"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")));
        QCOMPARE(f.status, 503);
        QVERIFY(QJsonDocument::fromJson(f.body).isObject());
    }

    void tooManyRequestsCarriesRetryAfter()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=status:429:3"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")));
        QCOMPARE(f.status, 429);
        QCOMPARE(f.header("retry-after"), QByteArrayLiteral("3"));
    }

    void delayFault()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=delay:300"), nullptr));
        QElapsedTimer timer;
        timer.start();
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")));
        QCOMPARE(f.status, 200);
        QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    }

    void hangNeverAnswers()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=hang"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")), 500);
        QVERIFY(f.finished);
        QCOMPARE(f.error, QNetworkReply::OperationCanceledError); // the client's transfer timeout
        QCOMPARE(f.status, 0);
    }

    void resetBreaksTheConnectionMidBody()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=reset"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")));
        QVERIFY(f.finished);
        // Usually the client sees the reset. Under a slow build (ASan) Qt 6.4 has been seen to
        // finish the reply without an error when the reset raced the end of what was sent: then
        // the body must be cut short, never the whole answer.
        QVERIFY2(f.error == QNetworkReply::RemoteHostClosedError || f.error == QNetworkReply::UnknownNetworkError || f.error == QNetworkReply::NoError,
                 qPrintable(QString::number(f.error)));
        QVERIFY(!QJsonDocument::fromJson(f.body).isArray());
        m_server->faults().clear();
        const Fetched whole = fetch(m_manager, url(QStringLiteral("/things/1")));
        QVERIFY(QJsonDocument::fromJson(whole.body).isArray() || QJsonDocument::fromJson(whole.body).isObject());
        QVERIFY2(f.body.size() < whole.body.size(), qPrintable(QStringLiteral("%1 of %2 bytes").arg(f.body.size()).arg(whole.body.size())));
    }

    void truncateSendsHalfTheAnnouncedBody()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=truncate"), nullptr));
        // Raw socket: see exactly what arrives.
        // The server runs on this thread: wait on signals, never block.
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] {
            received += socket.readAll();
        });
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->baseUrl().port()));
        socket.write("GET /things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(closed.wait(10000));
        received += socket.readAll();
        const qsizetype split = received.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        const QByteArray head = received.left(split);
        const QByteArray body = received.mid(split + 4);
        const qsizetype lengthAt = head.indexOf("Content-Length: ");
        QVERIFY(lengthAt > 0);
        const qsizetype announced = head.mid(lengthAt + 16, head.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
        QVERIFY(announced > 1000);
        QCOMPARE(body.size(), announced / 2);
    }

    void contentTypeFault()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=content-type:text/html"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")));
        QCOMPARE(f.status, 200);
        QCOMPARE(f.contentType, QByteArrayLiteral("text/html"));
        QVERIFY(QJsonDocument::fromJson(f.body).isArray()); // the body is still the real one
    }

    void duplicateTellsTheRouteToOverlap()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=duplicate"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")));
        QCOMPARE(QJsonDocument::fromJson(f.body).array().first().toObject().value(QStringLiteral("overlap")).toInt(), 3);
    }

    void oversizeIsHugeButValid()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=oversize"), nullptr));
        const Fetched f = fetch(m_manager, url(QStringLiteral("/things/1")), 60000);
        QCOMPARE(f.status, 200);
        QVERIFY(f.body.size() > 40 * 1024 * 1024);
        QVERIFY(QJsonDocument::fromJson(f.body).isArray());
    }

    void probabilityIsDeterministic()
    {
        auto run = [this]() {
            init();
            m_server->faults().add(*FaultRule::parse(QStringLiteral("/things/*=status:500@0.5"), nullptr));
            QList<int> statuses;
            for (int i = 0; i < 40; ++i) {
                statuses.append(fetch(m_manager, url(QStringLiteral("/things/1"))).status);
            }
            return statuses;
        };
        const QList<int> first = run();
        const QList<int> second = run();
        QCOMPARE(first, second);
        const auto failures = std::count(first.cbegin(), first.cend(), 500);
        QVERIFY2(failures > 8 && failures < 32, qPrintable(QString::number(failures)));
    }

    void idempotencyKeyReplaysTheFirstAnswer()
    {
        int created = 0;
        m_server->route("POST", QStringLiteral("/create"), m_server->idempotent([&created](const HttpRequest &) {
            ++created;
            return HttpReply::json(QJsonObject{{QStringLiteral("id"), created}}, 201);
        }));
        auto post = [this](const QByteArray &key, const QByteArray &body) {
            QNetworkRequest request(url(QStringLiteral("/create")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            if (!key.isEmpty()) {
                request.setRawHeader("Idempotency-Key", key);
            }
            QNetworkReply *reply = m_manager.post(request, body);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(5000);
            const std::tuple<int, int, QByteArray> result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                                          QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("id")).toInt(),
                                                          reply->rawHeader("Idempotent-Replayed")};
            reply->deleteLater();
            return result;
        };
        QCOMPARE(post("k1", "{}"), std::make_tuple(201, 1, QByteArray()));
        QCOMPARE(post("k1", "{}"), std::make_tuple(201, 1, QByteArrayLiteral("true")));
        QCOMPARE(created, 1);
        QCOMPARE(std::get<0>(post("k1", "{\"other\": 1}")), 409);
        QCOMPARE(post("k2", "{}"), std::make_tuple(201, 2, QByteArray()));
        QCOMPARE(post(QByteArray(), "{}"), std::make_tuple(201, 3, QByteArray()));
        QCOMPARE(post(QByteArray(), "{}"), std::make_tuple(201, 4, QByteArray()));
    }

    void adminPathsAreNeverFaulted()
    {
        m_server->faults().add(*FaultRule::parse(QStringLiteral("*=status:500"), nullptr));
        QCOMPARE(fetch(m_manager, url(QStringLiteral("/admin/ping"))).status, 200);
        QCOMPARE(fetch(m_manager, url(QStringLiteral("/things/1"))).status, 500);
        m_server->faults().clear();
        QCOMPARE(fetch(m_manager, url(QStringLiteral("/things/1"))).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRefServer)
#include "tst_refserver.moc"
