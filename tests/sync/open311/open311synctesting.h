// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Helpers of the Open311 sync tests: plain HTTP calls to the reference back end, its residents as
// local citizens (so that reporters can be matched), and the reports of a store as comparable text.
#pragma once

#include "httpclient.h"
#include "privacy/secretstore.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "sync/open311/open311requestssync.h"
#include "sync/syncengine.h"
#include "synctesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QUrlQuery>

namespace C360::Test::Open311
{

using HttpResult = HttpAnswer;
using Test::http;

inline QUrl backendUrl(const QUrl &base, const QString &path, const QString &query = {})
{
    QUrl url(base.toString() + path);
    url.setQuery(query);
    return url;
}

// The back end's residents as local citizens: names, national register or BIS numbers, and
// e-mail addresses and phones with their verification dates (read from Klantinteracties).
inline QList<Citizen> fetchCitizens(QNetworkAccessManager &network, const QUrl &base)
{
    QList<Citizen> citizens;
    QHash<QString, qsizetype> byUuid;
    for (int page = 1;; ++page) {
        const HttpResult r = http(network,
                                  "GET",
                                  backendUrl(base, QStringLiteral("/klantinteracties/api/v1/partijen"), QStringLiteral("page=%1&pageSize=100").arg(page)),
                                  {},
                                  {{"Authorization", "Token training"}});
        const QJsonObject o = r.json();
        for (const QJsonValue &v : o.value(QStringLiteral("results")).toArray()) {
            const QJsonObject p = v.toObject();
            Citizen c;
            const QJsonObject name = p.value(QStringLiteral("partijIdentificatie")).toObject().value(QStringLiteral("contactnaam")).toObject();
            c.givenNames = name.value(QStringLiteral("voornaam")).toString();
            c.familyName = name.value(QStringLiteral("achternaam")).toString();
            c.source = {QStringLiteral("openklant"), p.value(QStringLiteral("uuid")).toString()};
            for (const QJsonValue &i : p.value(QStringLiteral("partijIdentificatoren")).toArray()) {
                const QJsonObject id = i.toObject().value(QStringLiteral("partijIdentificator")).toObject();
                const QString kind = id.value(QStringLiteral("codeSoortObjectId")).toString();
                const QString digits = id.value(QStringLiteral("objectId")).toString();
                if (kind == QLatin1String("rijksregisternummer")) {
                    c.identifiers.append({IdentifierType::BelgianNationalNumber, digits});
                } else if (kind == QLatin1String("bisnummer")) {
                    c.identifiers.append({IdentifierType::BelgianBisNumber, digits});
                } else if (kind == QLatin1String("bsn")) {
                    c.identifiers.append({IdentifierType::DutchBsn, digits});
                }
            }
            byUuid.insert(c.source.id, citizens.size());
            citizens.append(c);
        }
        if (o.value(QStringLiteral("next")).isNull() || r.status != 200) {
            break;
        }
    }
    for (int page = 1;; ++page) {
        const HttpResult r =
            http(network,
                 "GET",
                 backendUrl(base, QStringLiteral("/klantinteracties/api/v1/digitaleadressen"), QStringLiteral("page=%1&pageSize=100").arg(page)),
                 {},
                 {{"Authorization", "Token training"}});
        const QJsonObject o = r.json();
        for (const QJsonValue &v : o.value(QStringLiteral("results")).toArray()) {
            const QJsonObject a = v.toObject();
            const auto owner = byUuid.constFind(a.value(QStringLiteral("verstrektDoorPartij")).toObject().value(QStringLiteral("uuid")).toString());
            const QString kind = a.value(QStringLiteral("soortDigitaalAdres")).toString();
            if (owner == byUuid.constEnd() || (kind != QLatin1String("email") && kind != QLatin1String("telefoonnummer"))) {
                continue;
            }
            DigitalAddress d;
            d.kind = kind == QLatin1String("email") ? DigitalAddressKind::Email : DigitalAddressKind::Phone;
            d.value = a.value(QStringLiteral("adres")).toString();
            d.verifiedOn = QDate::fromString(a.value(QStringLiteral("verificatieDatum")).toString(), Qt::ISODate);
            citizens[*owner].digitalAddresses.append(d);
        }
        if (o.value(QStringLiteral("next")).isNull() || r.status != 200) {
            break;
        }
    }
    return citizens;
}

inline bool insertCitizens(Database &db, const QList<Citizen> &citizens)
{
    CitizenRepository repository(db);
    for (const Citizen &c : citizens) {
        if (auto id = repository.insert(c); !id) {
            qWarning("cannot insert a citizen: %s", qPrintable(id.error().message()));
            return false;
        }
    }
    return true;
}

// Every report with its reporter link and candidates, one line each, by source id.
inline QStringList dumpReports(Database &db)
{
    QStringList lines;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral(
               "SELECT r.source_system, r.source_id, r.citizen_id, r.match_basis, r.service_code, r.service_name, r.description, r.status, r.status_notes, "
               "r.street, r.house_number, r.box, r.postcode, r.municipality, r.country_code, r.latitude, r.longitude, r.requested_at, r.updated_at, "
               "r.expected_at, (SELECT %1 FROM (SELECT c.citizen_id || ':' || c.basis || ':' || c.state AS x FROM report_candidates c "
               "WHERE c.report_id = r.id ORDER BY c.citizen_id) s) FROM reports r ORDER BY r.source_system, CAST(r.source_id AS INTEGER), r.source_id")
               .arg(db.isServer() ? QStringLiteral("string_agg(x, ',')") : QStringLiteral("group_concat(x, ',')")));
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < 21; ++i) {
            fields.append(q.value(i).toString());
        }
        lines.append(fields.join(QLatin1Char('|')));
    }
    return lines;
}

// The engine on one store, syncing only the Open311 source of the back end at base.
inline SyncEngine::Options engineOptions(const QString &databasePath, const QUrl &base, Clock *clock, SecretStore *secrets, const Open311Options &open311 = {})
{
    SyncEngine::Options o;
    o.databasePath = databasePath;
    for (const SourceConfig &s : SourceConfig::forReferenceBackend(base)) {
        if (s.id == QLatin1String("open311")) {
            o.sources.append(s);
        }
    }
    o.secrets = secrets;
    o.clock = clock;
    o.retry.baseDelayMs = 10;
    o.retry.maxDelayMs = 50;
    o.retry.maxAttempts = 3;
    o.retry.timeoutMs = 5000;
    o.resources = [open311](const SyncContext &c) {
        return makeOpen311Syncs(c, open311);
    };
    return o;
}

using C360::Test::runOnce;
using C360::Test::statsOf;

} // namespace C360::Test::Open311
