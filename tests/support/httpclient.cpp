// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "httpclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

namespace C360::Test
{

QJsonObject HttpAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpAnswer::array() const
{
    return QJsonDocument::fromJson(body).array();
}

HttpAnswer answerOf(QNetworkReply *reply, int timeoutMs)
{
    HttpAnswer answer;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    answer.finished = reply->isFinished() || finished.wait(timeoutMs);
    if (!answer.finished) {
        qWarning("no answer from %s within %d ms", qPrintable(reply->url().path()), timeoutMs);
    }
    answer.error = reply->error();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        answer.headers.insert(name.toLower(), value);
    }
    if (!answer.finished) {
        reply->abort(); // no answer: the request stops here
    }
    reply->deleteLater();
    return answer;
}

HttpAnswer http(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url, const QByteArray &body, const HttpHeaders &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    return answerOf(network.sendCustomRequest(request, method, body), timeoutMs);
}

} // namespace C360::Test
