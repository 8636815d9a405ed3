// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Shared by the Open311 tests: a reference server with the GeoReport API on loopback, requests
// through QNetworkAccessManager, validation against the saved schemas, and XML element paths.

#include "httpclient.h"
#include "open311/open311api.h"
#include "population/dataset.h"
#include "referencedate.h"
#include "server/refserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <memory>

namespace C360::Ref::Testing
{

// An answer with the Open311 lists at hand.
struct Answer : C360::Test::HttpAnswer
{
    QByteArray etag;

    QJsonObject object() const { return json(); }
    // service_request_id of every request in a JSON list.
    QStringList ids() const
    {
        QStringList out;
        for (const QJsonValue &v : array()) {
            out.append(v.toObject().value(QStringLiteral("service_request_id")).toString());
        }
        return out;
    }
};

// A data set, a server with the Open311 API on it, and a client.
class Open311Server
{
public:
    static inline const QString Key = QStringLiteral("training");

    Open311Server(quint64 seed, quint32 citizens, Profile profile)
        : data(seed, citizens, profile, C360::Test::fixedReferenceDate())
        , server(seed)
    {
        installOpen311Api(server, data, Key);
        port = server.listenOnLoopback(0);
    }

    QUrl url(const QString &pathAndQuery) const { return QUrl(server.baseUrl().toString() + QStringLiteral("/open311/v2/") + pathAndQuery); }

    Answer get(const QString &pathAndQuery, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url(pathAndQuery));
        for (const auto &[key, value] : headers) {
            request.setRawHeader(key, value);
        }
        return finish(manager.get(request));
    }

    // A form-encoded POST, as the spec sends it (spaces as +).
    Answer post(const QString &path, const QList<std::pair<QString, QString>> &fields)
    {
        QByteArray body;
        for (const auto &[key, value] : fields) {
            body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key, "[]") + '=' + QUrl::toPercentEncoding(value, " ").replace(' ', '+');
        }
        return postRaw(path, body);
    }

    Answer postRaw(const QString &path, const QByteArray &body)
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8"));
        return finish(manager.post(request, body));
    }

    DataSet data;
    RefServer server;
    quint16 port = 0;
    QNetworkAccessManager manager;

private:
    static Answer finish(QNetworkReply *reply)
    {
        Answer a{C360::Test::answerOf(reply, 120000), {}};
        a.etag = a.header("etag");
        return a;
    }
};

inline QString open311Specs()
{
    return qEnvironmentVariable("C360_SOURCE_DIR") + QStringLiteral("/tests/refbackend/specs/open311-georeport-v2/");
}

// Runs specvalidate.py over the documents with the given schema arguments; an empty string when all
// are valid, else its findings.
inline QString validateWith(const QStringList &schemaArguments, const QList<QJsonDocument> &documents)
{
    QTemporaryDir dir;
    QStringList files;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const QString file = dir.filePath(QStringLiteral("doc%1.json").arg(i));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly)) {
            return QStringLiteral("cannot write ") + file;
        }
        out.write(documents.at(i).toJson());
        files.append(file);
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{qEnvironmentVariable("C360_SOURCE_DIR") + QStringLiteral("/tests/refbackend/specvalidate.py")} + schemaArguments + files);
    if (!process.waitForFinished(120000)) {
        return QStringLiteral("specvalidate.py did not finish");
    }
    const QString output = QString::fromUtf8(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return output.isEmpty() ? QStringLiteral("specvalidate.py failed") : output;
    }
    return {};
}

// Against one of the saved JSON Schemas (georeport-v2.NAME.json).
inline QString validateSchema(const QString &name, const QList<QJsonDocument> &documents)
{
    return validateWith({QStringLiteral("--json-schema"), open311Specs() + QStringLiteral("schemas/georeport-v2.") + name + QStringLiteral(".json")},
                        documents);
}

// Each element of the arrays against a definition of the saved Swagger document.
inline QString validateSwagger(const QString &definition, const QList<QJsonValue> &values)
{
    QList<QJsonDocument> documents;
    for (const QJsonValue &v : values) {
        documents.append(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()));
    }
    return validateWith({QStringLiteral("--openapi"),
                         open311Specs() + QStringLiteral("schemas/georeport-v2.swagger.json"),
                         QStringLiteral("--ref"),
                         QStringLiteral("#/definitions/") + definition},
                        documents);
}

// Every element path ("service_requests/request/status") of an XML document; empty when it does
// not parse.
inline QSet<QString> elementPaths(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QStringList stack;
    QSet<QString> paths;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            stack.append(reader.name().toString());
            paths.insert(stack.join(QLatin1Char('/')));
        } else if (reader.isEndElement()) {
            stack.removeLast();
        }
    }
    return reader.hasError() ? QSet<QString>() : paths;
}

inline QSet<QString> fixturePaths(const QString &relative)
{
    QFile file(open311Specs() + QStringLiteral("samples/") + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return elementPaths(file.readAll());
}

} // namespace C360::Ref::Testing
