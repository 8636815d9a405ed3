// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace C360
{

// The bearer token of the ZGW APIs (Zaken, Catalogi): a JSON Web Token signed with HS256 and the
// secret the case system gave this client, its payload {"iss", "iat", "client_id", "user_id",
// "user_representation"}, made anew for each request (Open Zaak's "client development" guide).
// The client side (the connectors) makes it; the server side (the reference back end, as Open Zaak
// does) checks it. Time is always given, never read here.
namespace ZgwToken
{

// A token for clientId signed with secret, issued at now, on behalf of userId (shown as
// userRepresentation in the case system's audit trail).
QByteArray make(const QString &clientId, const QByteArray &secret, const QDateTime &now, const QString &userId, const QString &userRepresentation);

enum class Problem {
    None,
    Malformed, // not three base64url parts of JSON, or no client_id
    UnsupportedAlgorithm, // anything but HS256 (above all "none")
    UnknownClient, // no secret for its client_id
    BadSignature, // signed with another secret, or changed
    IssuedInTheFuture, // iat later than now + leeway
    Expired, // iat earlier than now − (lifetime + leeway)
};

struct Check
{
    Problem problem = Problem::Malformed;
    QString clientId;
    QJsonObject claims;
};

// Checks token: its form, HS256, the signature with the secret secretOf gives for its client_id,
// and its age (iat) against now: not more than leeway seconds ahead, not older than lifetime +
// leeway seconds.
Check verify(const QByteArray &token,
             const std::function<std::optional<QByteArray>(const QString &clientId)> &secretOf,
             const QDateTime &now,
             int lifetimeSeconds,
             int leewaySeconds);

} // namespace ZgwToken
} // namespace C360
