// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "server/faults.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace C360::Ref
{

// What a route answers.
struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static HttpReply json(const QJsonDocument &document, int status = 200);
    static HttpReply json(const QJsonObject &object, int status = 200);
    static HttpReply json(const QJsonArray &array, int status = 200);
    static HttpReply xml(const QByteArray &document, int status = 200);
    static HttpReply text(const QByteArray &text, int status);
    static HttpReply empty(int status);

    // A strong entity tag for body: a fast 128-bit fingerprint (not a cryptographic hash: it only
    // has to change when the body does), the same on every machine.
    static QByteArray entityTag(const QByteArray &body);
};

// One request as a route sees it.
struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QRegularExpressionMatch match; // the route's captures
    QUrl baseUrl; // http://127.0.0.1:PORT, for absolute links in responses
    // Set when the "duplicate" fault strikes: pages start this many records early.
    int duplicateOverlap = 0;
    // Set when a hostile list fault strikes (empty-list, endless, bad-next, absurd-count): the
    // list routes answer with it.
    std::optional<Fault::Kind> listFault;

    QByteArray header(const QByteArray &name) const;
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    bool hasQuery(const QString &key) const { return query.hasQueryItem(key); }
};

using Handler = std::function<HttpReply(const HttpRequest &)>;

// The reference back end's HTTP server: routes by method and anchored path pattern, listens on
// loopback only, and misbehaves on demand (FaultInjector) down to the socket.
class RefServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit RefServer(quint64 seed, QObject *parent = nullptr);
    ~RefServer() override;

    // path is a regular expression over the whole path, e.g. "/open311/v2/requests/([^/]+)\\.json".
    void route(const QByteArray &method, const QString &path, Handler handler);
    // Listens on 127.0.0.1 (0 = a free port); the port, or 0 when it cannot. The one place that
    // knows how this Qt version binds a server.
    quint16 listenOnLoopback(quint16 port);
    QUrl baseUrl() const { return m_baseUrl; }

    FaultInjector &faults() { return m_faults; }
    // The zone of the municipality's local time, which the "zoneless" fault writes date-times in.
    void setLocalZone(const QTimeZone &zone) { m_localZone = zone; }
    // Paths never faulted (the admin API tests use to steer the server).
    void setFaultExemptPrefix(const QString &prefix) { m_exemptPrefix = prefix; }
    quint64 requestsServed() const { return m_served; }

    // Wraps a create handler so that a repeated Idempotency-Key (IETF draft "The Idempotency-Key
    // HTTP Header Field") replays the first successful answer instead of creating again, marked
    // Idempotent-Replayed; the same key with another body is 409. Without the header: unchanged.
    Handler idempotent(Handler handler);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression path;
        Handler handler;
    };
    HttpReply dispatch(HttpRequest &request) const;
    void send(QTcpSocket *socket, const HttpReply &reply, const std::optional<Fault> &fault);

    struct Remembered
    {
        QByteArray requestTag;
        HttpReply reply;
    };
    QHash<QByteArray, Remembered> m_idempotent;
    QList<QByteArray> m_idempotentOrder; // oldest first, for the cap
    QList<Route> m_routes;
    FaultInjector m_faults;
    QString m_exemptPrefix = QStringLiteral("/admin/");
    QTimeZone m_localZone = QTimeZone::utc();
    QTcpServer *m_tcp = nullptr;
    QUrl m_baseUrl;
    quint64 m_served = 0;
};

} // namespace C360::Ref
