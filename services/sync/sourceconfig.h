// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"
#include "expected.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace C360
{

enum class Dialect { Open311, Klantinteracties, Ipdc, Verwerkingenlogging, Zgw };
C360_ENUM_KEYS(Dialect,
               {Dialect::Open311, "open311"},
               {Dialect::Klantinteracties, "klantinteracties"},
               {Dialect::Ipdc, "ipdc"},
               {Dialect::Verwerkingenlogging, "verwerkingenlogging"},
               {Dialect::Zgw, "zgw"})

// How requests are authenticated; Jwt: a ZGW token (HS256, client_id) made for each request,
// signed with the secret.
enum class AuthKind { None, ApiKey, Token, Bearer, Jwt };
C360_ENUM_KEYS(
    AuthKind, {AuthKind::None, "none"}, {AuthKind::ApiKey, "api_key"}, {AuthKind::Token, "token"}, {AuthKind::Bearer, "bearer"}, {AuthKind::Jwt, "jwt"})

// One municipal back end as the sync engine talks to it. Secrets are not here: secretKey names
// the entry in the SecretStore (the OS keychain).
struct SourceConfig
{
    QString id; // SyncState.source: "open311", "openklant", "ipdc", "verwerkingenlogging"
    Dialect dialect = Dialect::Open311;
    QUrl baseUrl; // the API root, ending in '/': http://host/open311/v2/
    AuthKind auth = AuthKind::None;
    QString secretKey;
    int pageSize = 100;
    int pollIntervalSeconds = 300;
    QStringList resources; // the enabled resources; empty = all the dialect has
    bool enabled = true;
    QString format = QStringLiteral("json"); // Open311: "json", or "xml" for a server that serves only XML
    // The zone a date-time without an offset is read in (the server's local time, IANA name).
    QString timeZone = QStringLiteral("Europe/Brussels");
    // A full crawl that would remove more than this share of a resource at once removes nothing
    // until an administrator confirms (SyncEngine::Options::confirmedDeletions).
    double maxDeletionShare = 0.2;
    // ZGW: the client id the case system knows this application by (the JWT's client_id), and the
    // root of the Catalogi API that names case types and statuses (by default ../../../catalogi/api/v1/
    // from a base URL that ends in zaken/api/v1/).
    QString clientId;
    QUrl catalogiUrl;

    bool hasResource(const QString &resource) const { return resources.isEmpty() || resources.contains(resource); }
    // ZGW: the Catalogi API's root: catalogiUrl, or where Open Zaak serves it beside the Zaken API.
    QUrl catalogiRoot() const;
    // The resources a dialect has (what "resources" may name).
    static QStringList resourcesOf(Dialect dialect);
    // Whether url may carry personal data and credentials: https, or http to this machine
    // (loopback) only. Empty when it may, else why not (English).
    static QString transportProblem(const QUrl &url);

    // Every dialect at the reference back end's standard paths under base, authenticated with the
    // secret stored under "reference".
    static QList<SourceConfig> forReferenceBackend(const QUrl &base);
    // The sources of a configuration file:
    // {"sources": [{"id": "open311", "dialect": "open311", "base_url": "https://…/open311/v2/",
    //   "auth": "api_key", "secret": "open311", "page_size": 100, "poll_interval": 300,
    //   "resources": ["requests"], "enabled": true, "format": "json", "time_zone": "Europe/Brussels",
    //   "max_deletion_share": 0.2, "client_id": "citizen360", "catalogi_url": "https://…/catalogi/api/v1/"}, …]}
    // An unknown member, a resource the dialect does not have, an option of another dialect
    // ("format" is Open311's) or an unknown time zone is an error. The error names the entry and
    // what is wrong with it (English: it goes to the log and to a translated sentence in the caller).
    static Expected<QList<SourceConfig>, QString> fromJson(const QByteArray &json);
};

} // namespace C360
