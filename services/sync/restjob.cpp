// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/restjob.h"

#include "common/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cmath>

namespace C360
{

bool RestError::isTransient() const
{
    switch (kind) {
    case Kind::Timeout:
    case Kind::Connection:
    case Kind::Throttled:
        return true;
    case Kind::Http:
        return httpStatus >= 500;
    default:
        return false;
    }
}

RestJob::RestJob(QNetworkAccessManager *manager,
                 const QNetworkRequest &request,
                 const QByteArray &method,
                 const QByteArray &body,
                 const RetryPolicy &policy,
                 QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_request(request)
    , m_method(method)
    , m_requestBody(body)
    , m_policy(policy)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RestJob::attempt);
    // Certificates are always verified: the default configuration is never relaxed here.
    m_request.setTransferTimeout(m_policy.timeoutMs);
    // A redirect to another origin would take the Authorization header (or the api_key) along.
    m_request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
}

RestJob::~RestJob()
{
    if (m_reply) {
        m_reply->abort();
        delete m_reply;
    }
}

int RetryPolicy::backoffMs(int attempt, int cap) const
{
    const double delay = baseDelayMs * std::pow(2.0, std::max(0, attempt - 1));
    return int(std::min<double>(delay, cap));
}

int RestJob::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return -1;
    }
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok) {
        return seconds < 0 ? -1 : int(std::min<qint64>(qint64(seconds) * 1000, std::numeric_limits<int>::max()));
    }
    // An HTTP date: "Wed, 21 Oct 2026 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid()) {
        return -1;
    }
    when.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(now.msecsTo(when), 0, std::numeric_limits<int>::max()));
}

void RestJob::start()
{
    if (m_attempt == 0 && !m_finished) {
        attempt();
    }
}

void RestJob::abort()
{
    if (m_finished) {
        return;
    }
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    RestError e;
    e.kind = RestError::Kind::Aborted;
    e.attempts = m_attempt;
    e.detail = QStringLiteral("aborted");
    fail(e);
}

bool RestJob::mayRetry() const
{
    if (m_attempt >= m_policy.maxAttempts) {
        return false;
    }
    // A create is repeated only when the server can recognise the repetition.
    const bool idempotent = m_method == "GET" || m_method == "HEAD" || m_method == "PUT" || m_method == "DELETE" || m_method == "OPTIONS";
    return idempotent || m_request.hasRawHeader("Idempotency-Key");
}

void RestJob::attempt()
{
    ++m_attempt;
    m_responseBody.clear();
    m_headers.clear();
    m_status = 0;
    m_tooLarge = false;
    QNetworkReply *reply = m_manager->sendCustomRequest(m_request, m_method, m_requestBody);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        // Stop reading a body that is too large as soon as it shows, not after holding it all.
        if (received > m_policy.maxResponseBytes || total > m_policy.maxResponseBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &RestJob::onFinished);
}

void RestJob::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs()) {
        m_headers.append(pair);
    }

    RestError e;
    e.attempts = m_attempt;
    if (m_tooLarge) {
        e.kind = RestError::Kind::TooLarge;
        e.detail = QStringLiteral("response larger than %1 bytes").arg(m_policy.maxResponseBytes);
        fail(e);
        return;
    }
    const QNetworkReply::NetworkError networkError = reply->error();
    if (m_status == 0) {
        // No HTTP answer at all: refused, reset, closed early, or no progress within the timeout
        // (Qt reports its transfer timeout as a cancelled operation).
        e.kind = networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError ? RestError::Kind::Timeout
                                                                                                                      : RestError::Kind::Connection;
        e.detail = reply->errorString();
        scheduleRetry(e, -1);
        return;
    }
    const QByteArray body = reply->readAll();
    if (networkError == QNetworkReply::RemoteHostClosedError || networkError == QNetworkReply::UnknownNetworkError ||
        networkError == QNetworkReply::ProtocolFailure) {
        // The status line came, but the body was cut off.
        e.kind = RestError::Kind::Connection;
        e.detail = reply->errorString();
        scheduleRetry(e, -1);
        return;
    }
    if (const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        announced > body.size() && reply->rawHeader("Content-Encoding").isEmpty()) {
        // Closed before the announced length, which Qt does not always report as an error.
        e.kind = RestError::Kind::Connection;
        e.detail = QStringLiteral("the answer was cut off after %1 of %2 bytes").arg(body.size()).arg(announced);
        scheduleRetry(e, -1);
        return;
    }
    if (m_status == 429 || m_status >= 500) {
        e.kind = m_status == 429 ? RestError::Kind::Throttled : RestError::Kind::Http;
        e.httpStatus = m_status;
        e.detail = RestError::describeAnswer(m_status, body);
        const int retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        e.retryAfterMs = retryAfter;
        scheduleRetry(e, retryAfter);
        return;
    }
    if (m_status >= 400) {
        e.kind = RestError::Kind::Http;
        e.httpStatus = m_status;
        e.detail = RestError::describeAnswer(m_status, body);
        fail(e);
        return;
    }
    if (m_status >= 300 && m_status != 304) {
        // A redirect that was not followed (to another origin, see the constructor): not an answer.
        e.kind = RestError::Kind::Http;
        e.httpStatus = m_status;
        e.detail = QStringLiteral("HTTP %1: a redirect to another origin, not followed").arg(m_status);
        fail(e);
        return;
    }
    m_responseBody = body;
    m_error = {};
    m_finished = true;
    Q_EMIT finished();
}

QString RestError::describeAnswer(int status, const QByteArray &body)
{
    QString text = QStringLiteral("HTTP %1, %2 bytes").arg(status).arg(body.size());
    // A problem document (RFC 7807, as ZGW and Open Klant answer): its code and the fields it
    // names with their codes; the human-readable reasons may quote the refused value, so they stay out.
    const QJsonObject problem = QJsonDocument::fromJson(body).object();
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_.\\[\\]-]{1,80}$"));
    auto safe = [](const QJsonValue &v) {
        const QString s = v.toString();
        return token.match(s).hasMatch() ? s : QString();
    };
    QStringList fields;
    for (const QJsonValue &p : problem.value(QStringLiteral("invalidParams")).toArray()) {
        const QString name = safe(p.toObject().value(QStringLiteral("name")));
        const QString code = safe(p.toObject().value(QStringLiteral("code")));
        if (!name.isEmpty()) {
            fields.append(code.isEmpty() ? name : name + QStringLiteral(": ") + code);
        }
        if (fields.size() == 10) {
            break;
        }
    }
    const QString code = safe(problem.value(QStringLiteral("code")));
    if (!code.isEmpty() || !fields.isEmpty()) {
        text += QStringLiteral(": ") + (code.isEmpty() ? QStringLiteral("refused") : code);
        if (!fields.isEmpty()) {
            text += QStringLiteral(" (") + fields.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
    }
    return text;
}

void RestJob::scheduleRetry(const RestError &error, int retryAfterMs)
{
    if (!mayRetry()) {
        fail(error);
        return;
    }
    int delay = m_policy.backoffMs(m_attempt);
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * m_policy.jitter;
    delay = std::max(0, int(delay * (1.0 + spread)));
    if (retryAfterMs >= 0) {
        if (retryAfterMs > m_policy.maxRetryAfterMs) {
            RestError throttled = error;
            throttled.kind = RestError::Kind::Throttled;
            fail(throttled);
            return;
        }
        delay = std::max(delay, retryAfterMs);
    }
    // Path only: query strings may hold identifiers, and server bodies may echo personal data.
    qCInfo(C360_SYNC) << "attempt" << m_attempt << "of" << m_method << m_request.url().path() << "failed (" << int(error.kind) << error.httpStatus
                      << ") - retrying in" << delay << "ms";
    Q_EMIT retrying(m_attempt, delay, error);
    m_retryTimer.start(delay);
}

void RestJob::fail(const RestError &error)
{
    if (m_finished) {
        return;
    }
    m_error = error;
    m_error.attempts = m_attempt;
    m_finished = true;
    if (error.kind == RestError::Kind::Aborted) {
        // Not a failure: the caller no longer wanted the answer (a look-ahead for a page that is
        // not asked after all, a sync stopped).
        qCDebug(C360_SYNC) << m_method << m_request.url().path() << "dropped after" << m_attempt << "attempt(s)";
    } else {
        qCInfo(C360_SYNC) << m_method << m_request.url().path() << "failed after" << m_attempt << "attempt(s): kind" << int(error.kind) << "status"
                          << error.httpStatus;
    }
    Q_EMIT finished();
}

QByteArray RestJob::header(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

} // namespace C360
