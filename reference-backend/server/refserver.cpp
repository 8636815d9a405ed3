// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "server/refserver.h"

#include "population/rng.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstring>
#include <sys/socket.h>

namespace C360::Ref
{

HttpReply HttpReply::json(const QJsonDocument &document, int status)
{
    HttpReply r;
    r.status = status;
    r.body = document.toJson(QJsonDocument::Compact);
    return r;
}

HttpReply HttpReply::json(const QJsonObject &object, int status)
{
    return json(QJsonDocument(object), status);
}

HttpReply HttpReply::json(const QJsonArray &array, int status)
{
    return json(QJsonDocument(array), status);
}

HttpReply HttpReply::xml(const QByteArray &document, int status)
{
    HttpReply r;
    r.status = status;
    r.contentType = "text/xml; charset=utf-8";
    r.body = document;
    return r;
}

HttpReply HttpReply::text(const QByteArray &text, int status)
{
    HttpReply r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = text;
    return r;
}

HttpReply HttpReply::empty(int status)
{
    HttpReply r;
    r.status = status;
    r.contentType.clear();
    return r;
}

QByteArray HttpReply::entityTag(const QByteArray &body)
{
    quint64 a = 0x243F6A8885A308D3ULL ^ quint64(body.size());
    quint64 b = 0x13198A2E03707344ULL;
    const char *data = body.constData();
    const qsizetype words = body.size() / 8;
    for (qsizetype i = 0; i < words; ++i) {
        quint64 w;
        std::memcpy(&w, data + i * 8, 8);
        a = mix64(a ^ w);
        b = mix64(b + w * 0x9E3779B97F4A7C15ULL);
    }
    quint64 tail = 0;
    std::memcpy(&tail, data + words * 8, std::size_t(body.size() - words * 8));
    a = mix64(a ^ tail);
    b = mix64(b ^ a);
    return '"' + QByteArray::number(a, 16).rightJustified(16, '0') + QByteArray::number(b, 16).rightJustified(16, '0') + '"';
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

RefServer::RefServer(quint64 seed, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_faults(seed)
{
}

RefServer::~RefServer() = default;

void RefServer::route(const QByteArray &method, const QString &path, Handler handler)
{
    m_routes.append({method, QRegularExpression(QRegularExpression::anchoredPattern(path)), std::move(handler)});
}

Handler RefServer::idempotent(Handler handler)
{
    return [this, handler = std::move(handler)](const HttpRequest &request) {
        const QByteArray key = request.header("Idempotency-Key").trimmed();
        if (key.isEmpty()) {
            return handler(request);
        }
        const QByteArray slot = request.method + ' ' + request.path.toUtf8() + ' ' + key;
        const QByteArray tag = HttpReply::entityTag(request.body);
        if (const auto it = m_idempotent.constFind(slot); it != m_idempotent.cend()) {
            if (it->requestTag != tag) {
                return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("This Idempotency-Key was used for another request.")}}, 409);
            }
            HttpReply replay = it->reply;
            replay.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
            return replay;
        }
        HttpReply reply = handler(request);
        if (reply.status >= 200 && reply.status < 300) {
            m_idempotent.insert(slot, {tag, reply});
            m_idempotentOrder.append(slot);
            if (m_idempotentOrder.size() > 100000) {
                m_idempotent.remove(m_idempotentOrder.takeFirst());
            }
        }
        return reply;
    };
}

quint16 RefServer::listenOnLoopback(quint16 port)
{
    // Qt 6.4's listen() is deprecated later; binding our own QTcpServer works in every version.
    m_tcp = new QTcpServer(this);
    if (!m_tcp->listen(QHostAddress::LocalHost, port)) {
        delete m_tcp;
        m_tcp = nullptr;
        return 0;
    }
    bind(m_tcp);
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp->serverPort()));
    return m_tcp->serverPort();
}

HttpReply RefServer::dispatch(HttpRequest &request) const
{
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        QRegularExpressionMatch match = route.path.match(request.path);
        if (!match.hasMatch()) {
            continue;
        }
        pathKnown = true;
        if (route.method != request.method) {
            continue;
        }
        request.match = match;
        return route.handler(request);
    }
    if (pathKnown) {
        return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method))}},
                               405);
    }
    return HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404);
}

bool RefServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_served;
    HttpRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        r.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        r.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        r.method = "PUT";
        break;
    case QHttpServerRequest::Method::Patch:
        r.method = "PATCH";
        break;
    case QHttpServerRequest::Method::Delete:
        r.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Head:
        r.method = "HEAD";
        break;
    default:
        r.method = "OTHER";
        break;
    }
    r.path = request.url().path();
    r.query = request.query();
    r.body = request.body();
    for (const auto &[key, value] : request.headers()) {
        r.headers.append({key, value});
    }
    r.baseUrl = m_baseUrl;

    std::optional<Fault> fault;
    if (!r.path.startsWith(m_exemptPrefix)) {
        fault = m_faults.decide(r.path);
    }
    if (fault && fault->kind == Fault::Kind::Duplicate) {
        r.duplicateOverlap = 3;
    }
    if (fault &&
        (fault->kind == Fault::Kind::EmptyList || fault->kind == Fault::Kind::Endless || fault->kind == Fault::Kind::BadNext ||
         fault->kind == Fault::Kind::AbsurdCount)) {
        r.listFault = fault->kind;
    }
    // An error status or a hang stands for a server that did not get to the request: the route
    // does not run. A reset or a truncated answer stands for one that did, and lost the answer.
    const bool reached = !fault || (fault->kind != Fault::Kind::Status && fault->kind != Fault::Kind::TooManyRequests && fault->kind != Fault::Kind::Hang);
    const HttpReply reply = reached ? dispatch(r) : HttpReply();
    send(socket, reply, fault);
    return true;
}

void RefServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    send(socket, HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not found.")}}, 404), std::nullopt);
}

namespace
{
// Every date-time with an offset (JSON strings, XML text) rewritten as the wall-clock time in zone
// without one, as servers that store local times send them: "2026-11-01T08:15:00Z" becomes
// "2026-11-01T09:15:00" in Brussels. Fractions stay.
QByteArray withoutZones(const QByteArray &body, const QTimeZone &zone)
{
    static const QRegularExpression stamp(QStringLiteral("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})"));
    const QString text = QString::fromUtf8(body);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = stamp.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDateTime t = QDateTime::fromString(m.captured(1) + m.captured(3), Qt::ISODate);
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += t.isValid() ? t.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + m.captured(2) : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}
} // namespace

void RefServer::send(QTcpSocket *socket, const HttpReply &reply, const std::optional<Fault> &fault)
{
    HttpReply out = reply;
    if (fault) {
        switch (fault->kind) {
        case Fault::Kind::Status:
            out = HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Injected failure %1.").arg(fault->status)}}, fault->status);
            break;
        case Fault::Kind::TooManyRequests:
            out = HttpReply::json(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Request was throttled.")}}, 429);
            out.headers.append({"Retry-After", QByteArray::number(fault->retryAfter)});
            break;
        case Fault::Kind::ContentType:
            out.contentType = fault->contentType;
            break;
        case Fault::Kind::Oversize:
            // Still valid JSON (trailing white space), but 48 MiB of it.
            out.body.append(QByteArray(48 * 1024 * 1024, ' '));
            break;
        case Fault::Kind::Hang:
            return; // the connection stays open, unanswered
        case Fault::Kind::Zoneless:
            out.body = withoutZones(out.body, m_localZone);
            break;
        case Fault::Kind::Html:
            // What a reverse proxy or a portal answers when the application behind it is away.
            out = HttpReply();
            out.status = 200;
            out.contentType = QByteArrayLiteral("text/html; charset=utf-8");
            out.body = QByteArrayLiteral("<!DOCTYPE html>\n<html lang=\"nl\"><head><title>Onderhoud</title></head><body><h1>Even geduld</h1>"
                                         "<p>De toepassing is tijdelijk niet beschikbaar wegens onderhoud.</p></body></html>\n");
            break;
        default:
            break;
        }
    }

    QByteArray head = "HTTP/1.1 " + QByteArray::number(out.status) + ' ';
    switch (out.status) {
    case 200:
        head += "OK";
        break;
    case 201:
        head += "Created";
        break;
    case 204:
        head += "No Content";
        break;
    case 304:
        head += "Not Modified";
        break;
    case 400:
        head += "Bad Request";
        break;
    case 401:
        head += "Unauthorized";
        break;
    case 403:
        head += "Forbidden";
        break;
    case 404:
        head += "Not Found";
        break;
    case 405:
        head += "Method Not Allowed";
        break;
    case 429:
        head += "Too Many Requests";
        break;
    case 500:
        head += "Internal Server Error";
        break;
    case 502:
        head += "Bad Gateway";
        break;
    case 503:
        head += "Service Unavailable";
        break;
    default:
        head += "Status";
        break;
    }
    head += "\r\n";
    if (!out.contentType.isEmpty()) {
        head += "Content-Type: " + out.contentType + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(out.body.size()) + "\r\n";
    for (const auto &[key, value] : out.headers) {
        head += key + ": " + value + "\r\n";
    }
    head += "\r\n";

    const bool cut = fault && (fault->kind == Fault::Kind::Reset || fault->kind == Fault::Kind::Truncate);
    const QByteArray body = cut ? out.body.left(out.body.size() / 2) : out.body;
    QPointer<QTcpSocket> guarded(socket);
    auto write = [guarded, head, body, fault, cut]() {
        if (!guarded || guarded->state() != QAbstractSocket::ConnectedState) {
            return;
        }
        guarded->write(head);
        guarded->write(body);
        if (!cut) {
            return;
        }
        guarded->flush();
        if (fault->kind == Fault::Kind::Reset) {
            // SO_LINGER 0: close() sends a reset instead of an orderly end.
            struct linger hard = {1, 0};
            ::setsockopt(int(guarded->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            guarded->abort();
        } else {
            guarded->disconnectFromHost();
        }
    };
    if (fault && fault->kind == Fault::Kind::Delay) {
        QTimer::singleShot(fault->milliseconds, this, write);
    } else {
        write();
    }
}

} // namespace C360::Ref
