// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace C360
{

// When and how often a REST operation is tried again.
struct RetryPolicy
{
    int maxAttempts = 5;
    int baseDelayMs = 500; // doubled each attempt
    int maxDelayMs = 30000;
    double jitter = 0.25; // ± this fraction, so that clients do not retry in step
    int timeoutMs = 30000; // per attempt, without progress
    qint64 maxResponseBytes = 32 * 1024 * 1024;
    // A Retry-After longer than this is not waited for: the job fails and the sync tries later.
    int maxRetryAfterMs = 120000;
    // An outbox entry that could not go (its job failed, or its target held it back) waits this
    // long before a later run sends it again: the same doubling, from seconds to at most this.
    int heldBackMaxDelayMs = 3600 * 1000;

    // The wait before attempt (1-based): baseDelayMs doubled each attempt, at most cap; without jitter.
    int backoffMs(int attempt, int cap) const;
    int backoffMs(int attempt) const { return backoffMs(attempt, maxDelayMs); }
};

// Why a REST operation failed, for the log (English, no personal data) and for the UI to turn
// into a translated sentence.
struct RestError
{
    enum class Kind {
        None,
        Timeout, // no answer within the timeout
        Connection, // refused, reset, closed early
        Http, // the server answered with an error status
        Throttled, // 429, too long to wait for
        TooLarge, // the answer exceeded maxResponseBytes
        Aborted,
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    int attempts = 0;
    int retryAfterMs = 0;
    // The transport's error text, or what an error answer was: its status, length and, for a
    // structured problem document, its codes and the names of the fields it names. Never the
    // body itself, which may echo personal data back.
    QString detail;
    bool isTransient() const;

    // What of an error answer may be logged and kept: "HTTP 400, 212 bytes: invalid (kanaal:
    // required, klantcontact: does_not_exist)".
    static QString describeAnswer(int status, const QByteArray &body);
};

// One REST operation (ownCloud's AbstractNetworkJob): start(), abort(), a timeout per attempt,
// retries with exponential backoff and jitter on transport errors, 5xx and 429 (honouring
// Retry-After), and finished() emitted exactly once. A POST is retried only when it carries an
// Idempotency-Key header, so that a retried create never lands twice.
class RestJob : public QObject
{
    Q_OBJECT
public:
    RestJob(QNetworkAccessManager *manager,
            const QNetworkRequest &request,
            const QByteArray &method = QByteArrayLiteral("GET"),
            const QByteArray &body = {},
            const RetryPolicy &policy = {},
            QObject *parent = nullptr);
    ~RestJob() override;

    void start();
    void abort();
    bool isFinished() const { return m_finished; }

    // After finished():
    bool succeeded() const { return m_error.kind == RestError::Kind::None; }
    const RestError &error() const { return m_error; }
    int httpStatus() const { return m_status; }
    bool notModified() const { return m_status == 304; }
    const QByteArray &body() const { return m_responseBody; }
    QByteArray header(const QByteArray &name) const;
    QByteArray contentType() const { return header(QByteArrayLiteral("Content-Type")); }
    int attempts() const { return m_attempt; }
    QUrl url() const { return m_request.url(); }
    const QNetworkRequest &request() const { return m_request; }

    // The delay before attempt n (1-based), before jitter; exposed for tests.
    // Retry-After as seconds or an HTTP date, in milliseconds from now; -1 when absent or unreadable.
    static int parseRetryAfter(const QByteArray &value, const QDateTime &now);

Q_SIGNALS:
    void finished();
    // Attempt failed and another comes after delayMs (for progress displays).
    void retrying(int attempt, int delayMs, const C360::RestError &error);

private:
    void attempt();
    void onFinished();
    void fail(const RestError &error);
    void scheduleRetry(const RestError &error, int retryAfterMs);
    bool mayRetry() const;

    QNetworkAccessManager *m_manager;
    QNetworkRequest m_request;
    QByteArray m_method;
    QByteArray m_requestBody;
    RetryPolicy m_policy;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    int m_attempt = 0;
    bool m_finished = false;
    bool m_tooLarge = false;
    int m_status = 0;
    QByteArray m_responseBody;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    RestError m_error;
};

} // namespace C360
