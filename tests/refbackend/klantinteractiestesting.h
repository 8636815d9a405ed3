// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Shared by the Klantinteracties tests: a reference server with the API on loopback, requests
// through QNetworkAccessManager, and validation against the saved OpenAPI document.

#include "httpclient.h"
#include "klantinteracties/klantinteractiesapi.h"
#include "population/dataset.h"
#include "referencedate.h"
#include "server/refserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace C360::Ref::Testing
{

// An answer with its JSON object at hand (json), as the Klantinteracties lists are read.
struct Fetched : C360::Test::HttpAnswer
{
    QJsonObject json;

    QJsonArray results() const { return json.value(QStringLiteral("results")).toArray(); }
    qint64 count() const { return json.value(QStringLiteral("count")).toInteger(); }
};

// A data set, a server with the Klantinteracties API on it, and a client.
class KlantinteractiesServer
{
public:
    static inline const QString Token = QStringLiteral("training");

    KlantinteractiesServer(quint64 seed, quint32 citizens, Profile profile)
        : data(seed, citizens, profile, C360::Test::fixedReferenceDate())
        , server(seed)
    {
        installKlantinteractiesApi(server, data, Token);
        port = server.listenOnLoopback(0);
    }

    QString root() const { return server.baseUrl().toString() + QStringLiteral("/klantinteracties/api/v1"); }
    QUrl url(const QString &path) const { return QUrl(path.startsWith(QLatin1String("http")) ? path : root() + path); }

    Fetched get(const QString &path, const QByteArray &token = Token.toUtf8(), const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url(path));
        if (!token.isEmpty()) {
            request.setRawHeader("Authorization", "Token " + token);
        }
        for (const auto &[key, value] : headers) {
            request.setRawHeader(key, value);
        }
        return finish(manager.get(request));
    }

    Fetched post(const QString &path, const QJsonObject &body, const QByteArray &token = Token.toUtf8())
    {
        return postRaw(path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }

    Fetched postRaw(const QString &path, const QByteArray &body, const QByteArray &token = Token.toUtf8())
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty()) {
            request.setRawHeader("Authorization", "Token " + token);
        }
        return finish(manager.post(request, body));
    }

    Fetched patch(const QString &path, const QJsonObject &body, const QByteArray &token = Token.toUtf8())
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty()) {
            request.setRawHeader("Authorization", "Token " + token);
        }
        return finish(manager.sendCustomRequest(request, "PATCH", QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    // Every record of a list, page by page, following next.
    QList<QJsonObject> walk(const QString &path, int *pages = nullptr)
    {
        QList<QJsonObject> records;
        QString next = path;
        int n = 0;
        while (!next.isEmpty() && n < 10000) {
            const Fetched f = get(next);
            if (f.status != 200) {
                qWarning() << "walk:" << next << f.status << f.body.left(300);
                return {};
            }
            for (const QJsonValue &v : f.results()) {
                records.append(v.toObject());
            }
            next = f.json.value(QStringLiteral("next")).toString();
            ++n;
        }
        if (pages) {
            *pages = n;
        }
        return records;
    }

    DataSet data;
    RefServer server;
    quint16 port = 0;
    QNetworkAccessManager manager;

private:
    static Fetched finish(QNetworkReply *reply)
    {
        Fetched f{C360::Test::answerOf(reply, 60000), {}};
        f.json = QJsonDocument::fromJson(f.body).object();
        return f;
    }
};

inline QString specPath()
{
    return qEnvironmentVariable("C360_SOURCE_DIR") +
        QStringLiteral("/tests/refbackend/specs/klantinteracties-openklant/openklant-klantinteracties-openapi.yaml");
}

// The Flemish identifier codes replaced by the Dutch ones the OpenAPI enums know: the one
// documented departure, so that everything else can be validated strictly.
inline QJsonValue withDutchCodes(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray()) {
            out.append(withDutchCodes(v));
        }
        return out;
    }
    if (!value.isObject()) {
        return value;
    }
    QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("codeRegister") && (it.value() == QLatin1String("rr") || it.value() == QLatin1String("bis"))) {
            it.value() = QStringLiteral("brp");
        } else if (it.key() == QLatin1String("codeSoortObjectId") &&
                   (it.value() == QLatin1String("rijksregisternummer") || it.value() == QLatin1String("bisnummer"))) {
            it.value() = QStringLiteral("bsn");
        } else {
            it.value() = withDutchCodes(it.value());
        }
    }
    return o;
}

// Validates bodies against the response schema of (path, method, status) in the OpenAPI document;
// an empty string when valid, else specvalidate.py's findings.
inline QString validate(const QList<QByteArray> &bodies, const QString &path, const QString &method, int status, bool dutchCodes = false)
{
    QTemporaryDir dir;
    QStringList files;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        const QString file = dir.filePath(QStringLiteral("body%1.json").arg(i));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly)) {
            return QStringLiteral("cannot write ") + file;
        }
        QByteArray body = bodies.at(i);
        if (dutchCodes) {
            const QJsonValue v = withDutchCodes(QJsonDocument::fromJson(body).object());
            body = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        }
        out.write(body);
        files.append(file);
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{qEnvironmentVariable("C360_SOURCE_DIR") + QStringLiteral("/tests/refbackend/specvalidate.py"),
                              QStringLiteral("--openapi"),
                              specPath(),
                              QStringLiteral("--response"),
                              path,
                              method,
                              QString::number(status)} +
                      files);
    if (!process.waitForFinished(120000)) {
        return QStringLiteral("specvalidate.py did not finish");
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return QString::fromUtf8(process.readAll()).left(4000);
    }
    return QString();
}

} // namespace C360::Ref::Testing
