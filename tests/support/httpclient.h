// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>

#include <utility>

class QNetworkAccessManager;
class QUrl;

namespace C360::Test
{

// One HTTP answer as the tests look at it.
struct HttpAnswer
{
    bool finished = false; // false: no answer within the time allowed
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QByteArray contentType;
    QHash<QByteArray, QByteArray> headers; // names in lower case

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject json() const;
    QJsonArray array() const;
};

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// Waits for reply on the event loop (a server in the same process answers on the same one), at
// most timeoutMs, and deletes it.
HttpAnswer answerOf(QNetworkReply *reply, int timeoutMs = 60000);
// Sends method on url with body and headers, JSON as the content type unless headers name one,
// and waits for the answer.
HttpAnswer http(QNetworkAccessManager &network,
                const QByteArray &method,
                const QUrl &url,
                const QByteArray &body = {},
                const HttpHeaders &headers = {},
                int timeoutMs = 60000);

} // namespace C360::Test
