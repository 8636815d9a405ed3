// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the Verwerkingenlogging API tests share: a reference server with the API on loopback,
// actions to send it, and its answers checked against the saved OpenAPI documents of the
// Bewerking and Inzage APIs.

#include "httpclient.h"
#include "server/faults.h"
#include "server/refserver.h"
#include "verwerkingenlogging/verwerkingenloggingapi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace C360::Ref::Testing::Verwerkingenlogging
{

inline const QString api = QStringLiteral("/verwerkingenlogging/api/v1");

using Fetched = C360::Test::HttpAnswer;

inline Fetched send(QNetworkAccessManager &manager,
                    const QByteArray &method,
                    const QUrl &url,
                    const QByteArray &body = {},
                    const C360::Test::HttpHeaders &headers = {{"Authorization", "Bearer T"}})
{
    return C360::Test::http(manager, method, url, body, headers, 10000);
}

// An action on the person (BSN) objectId at tijdstip, its other fields filled in.
inline QJsonObject action(const QString &objectId, const QString &tijdstip, const QString &vertrouwelijkheid = QStringLiteral("normaal"))
{
    return QJsonObject{
        {QStringLiteral("actieNaam"), QStringLiteral("Profiel geopend")},
        {QStringLiteral("handelingNaam"), QStringLiteral("Klantcontact")},
        {QStringLiteral("verwerkingNaam"), QStringLiteral("Dienstverlening aan de balie")},
        {QStringLiteral("verwerkingId"), QStringLiteral("48086bf2-11b7-4603-9526-67d7c3bb6587")},
        {QStringLiteral("verwerkingsactiviteitId"), QStringLiteral("5f0bef4c-f66f-4311-84a5-19e8bf359eaf")},
        {QStringLiteral("verwerkingsactiviteitUrl"),
         QStringLiteral("https://var.example.org/api/v1/verwerkingsactiviteiten/5f0bef4c-f66f-4311-84a5-19e8bf359eaf")},
        {QStringLiteral("vertrouwelijkheid"), vertrouwelijkheid},
        {QStringLiteral("bewaartermijn"), QStringLiteral("P10Y")},
        {QStringLiteral("uitvoerder"), QStringLiteral("00000001821002193000")},
        {QStringLiteral("systeem"), QStringLiteral("Citizen 360 1.0")},
        {QStringLiteral("gebruiker"), QStringLiteral("baliemedewerker-17")},
        {QStringLiteral("gegevensbron"), QStringLiteral("Klantinteracties")},
        {QStringLiteral("tijdstip"), tijdstip},
        {QStringLiteral("verwerkteObjecten"),
         QJsonArray{QJsonObject{
             {QStringLiteral("objecttype"), QStringLiteral("persoon")},
             {QStringLiteral("soortObjectId"), QStringLiteral("BSN")},
             {QStringLiteral("objectId"), objectId},
             {QStringLiteral("betrokkenheid"), QStringLiteral("Klant")},
             {QStringLiteral("verwerkteSoortenGegevens"),
              QJsonArray{QJsonObject{{QStringLiteral("soortGegeven"), QStringLiteral("Naam")}},
                         QJsonObject{{QStringLiteral("soortGegeven"), QStringLiteral("Adres")}}}},
         }}},
    };
}

inline QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The invalid parameters of a ValidatieFout, each as "name/code", separated by spaces.
inline QString paramNames(const QJsonObject &error)
{
    QStringList names;
    for (const QJsonValue &p : error.value(QStringLiteral("invalidParams")).toArray()) {
        names.append(p.toObject().value(QStringLiteral("name")).toString() + QLatin1Char('/') + p.toObject().value(QStringLiteral("code")).toString());
    }
    return names.join(QLatin1Char(' '));
}

// The base of the Verwerkingenlogging API tests: a server per test (startServer() from init()),
// a client, and the validator.
class VerwerkingenloggingTest : public QObject
{
protected:
    std::unique_ptr<RefServer> m_server;
    QNetworkAccessManager m_manager;
    QTemporaryDir m_dir;
    int m_files = 0;

    QUrl url(const QString &path) const { return QUrl(m_server->baseUrl().toString() + api + path); }

    Fetched post(const QJsonObject &body, const QByteArray &key = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers = {{"Authorization", "Bearer T"}};
        if (!key.isEmpty()) {
            headers.append({"Idempotency-Key", key});
        }
        return send(m_manager, "POST", url(QStringLiteral("/verwerkingsacties")), bytes(body), headers);
    }

    Fetched get(const QString &path) { return send(m_manager, "GET", url(path)); }

    // Runs specvalidate.py on body: "--response PATH METHOD STATUS" or "--ref SCHEMA", per spec file.
    void validate(const QByteArray &body, const QString &spec, const QStringList &how)
    {
        const QString file = m_dir.filePath(QStringLiteral("body%1.json").arg(m_files++));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(body);
        out.close();
        const QString source = qEnvironmentVariable("C360_SOURCE_DIR", QStringLiteral("."));
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral("/usr/bin/python3"),
                     QStringList{source + QStringLiteral("/tests/refbackend/specvalidate.py"),
                                 QStringLiteral("--openapi"),
                                 source + QStringLiteral("/tests/refbackend/specs/verwerkingenlogging-vng/") + spec} +
                         how + QStringList{file});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAll().constData());
    }

    void validateBewerking(const QByteArray &body, const QString &path, const QString &method, const QString &status)
    {
        validate(body, QStringLiteral("verwerkingenlogging-bewerking-api-openapi.yaml"), {QStringLiteral("--response"), path, method, status});
    }

    void validateError(const QByteArray &body, const QString &schema)
    {
        validate(body,
                 QStringLiteral("verwerkingenlogging-bewerking-api-openapi.yaml"),
                 {QStringLiteral("--ref"), QStringLiteral("#/components/schemas/") + schema});
    }

    // A fresh server with the API, its bearer token "T".
    void startServer()
    {
        m_server = std::make_unique<RefServer>(1);
        installVerwerkingenloggingApi(*m_server, QStringLiteral("T"));
        QVERIFY(m_server->listenOnLoopback(0) != 0);
    }
};

} // namespace C360::Ref::Testing::Verwerkingenlogging
