// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "zgwtoken.h"

#include "constanttime.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace C360::ZgwToken
{

namespace
{
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encoded(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(base64url);
}

QByteArray signature(const QByteArray &signingInput, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
}

std::optional<QJsonObject> decodedObject(const QByteArray &part)
{
    const auto bytes = QByteArray::fromBase64Encoding(part, base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes) {
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    return document.object();
}

} // namespace

QByteArray make(const QString &clientId, const QByteArray &secret, const QDateTime &now, const QString &userId, const QString &userRepresentation)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject payload{{QStringLiteral("iss"), clientId},
                              {QStringLiteral("iat"), double(now.toSecsSinceEpoch())},
                              {QStringLiteral("client_id"), clientId},
                              {QStringLiteral("user_id"), userId},
                              {QStringLiteral("user_representation"), userRepresentation}};
    const QByteArray signingInput = encoded(header) + '.' + encoded(payload);
    return signingInput + '.' + signature(signingInput, secret).toBase64(base64url);
}

Check verify(const QByteArray &token,
             const std::function<std::optional<QByteArray>(const QString &clientId)> &secretOf,
             const QDateTime &now,
             int lifetimeSeconds,
             int leewaySeconds)
{
    Check check;
    const QList<QByteArray> parts = token.trimmed().split('.');
    if (parts.size() != 3) {
        return check;
    }
    const auto header = decodedObject(parts.at(0));
    const auto payload = decodedObject(parts.at(1));
    const auto givenSignature = QByteArray::fromBase64Encoding(parts.at(2), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!header || !payload || !givenSignature) {
        return check;
    }
    if (header->value(QLatin1String("alg")).toString() != QLatin1String("HS256")) {
        check.problem = Problem::UnsupportedAlgorithm;
        return check;
    }
    check.clientId = payload->value(QLatin1String("client_id")).toString();
    const QJsonValue issuedAt = payload->value(QLatin1String("iat"));
    if (check.clientId.isEmpty() || !issuedAt.isDouble()) {
        return check;
    }
    const std::optional<QByteArray> secret = secretOf(check.clientId);
    if (!secret) {
        check.problem = Problem::UnknownClient;
        return check;
    }
    if (!sameBytesInConstantTime(signature(parts.at(0) + '.' + parts.at(1), *secret), *givenSignature)) {
        check.problem = Problem::BadSignature;
        return check;
    }
    const qint64 age = now.toSecsSinceEpoch() - qint64(issuedAt.toDouble());
    if (age < -qint64(leewaySeconds)) {
        check.problem = Problem::IssuedInTheFuture;
    } else if (age > qint64(lifetimeSeconds) + leewaySeconds) {
        check.problem = Problem::Expired;
    } else {
        check.problem = Problem::None;
        check.claims = *payload;
    }
    return check;
}

} // namespace C360::ZgwToken
