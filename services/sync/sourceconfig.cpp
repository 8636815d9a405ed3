// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/sourceconfig.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace C360
{

namespace
{
QUrl withTrailingSlash(QUrl url)
{
    if (!url.path().endsWith(QLatin1Char('/'))) {
        url.setPath(url.path() + QLatin1Char('/'));
    }
    return url;
}
} // namespace

QList<SourceConfig> SourceConfig::forReferenceBackend(const QUrl &base)
{
    QString root = base.toString();
    while (root.endsWith(QLatin1Char('/'))) {
        root.chop(1);
    }
    auto make = [&root](const char *id, Dialect dialect, const char *path, AuthKind auth) {
        SourceConfig c;
        c.id = QLatin1String(id);
        c.dialect = dialect;
        c.baseUrl = QUrl(root + QLatin1String(path));
        c.auth = auth;
        c.secretKey = QStringLiteral("reference");
        return c;
    };
    // After the parties: a case's citizen is found by the identifier its role names.
    SourceConfig zaken = make("zaken", Dialect::Zgw, "/zaken/api/v1/", AuthKind::Jwt);
    zaken.clientId = QStringLiteral("citizen360");
    zaken.catalogiUrl = QUrl(root + QLatin1String("/catalogi/api/v1/"));
    return {
        make("openklant", Dialect::Klantinteracties, "/klantinteracties/api/v1/", AuthKind::Token),
        make("open311", Dialect::Open311, "/open311/v2/", AuthKind::ApiKey),
        make("ipdc", Dialect::Ipdc, "/ipdc/", AuthKind::None),
        make("verwerkingenlogging", Dialect::Verwerkingenlogging, "/verwerkingenlogging/api/v1/", AuthKind::Bearer),
        zaken,
    };
}

QUrl SourceConfig::catalogiRoot() const
{
    return catalogiUrl.isValid() && !catalogiUrl.isEmpty() ? catalogiUrl : baseUrl.resolved(QUrl(QStringLiteral("../../../catalogi/api/v1/")));
}

QStringList SourceConfig::resourcesOf(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Open311:
        return {QStringLiteral("requests")};
    case Dialect::Klantinteracties:
        return {QStringLiteral("partijen"), QStringLiteral("klantcontacten"), QStringLiteral("internetaken")};
    case Dialect::Ipdc:
        return {QStringLiteral("ldes")};
    case Dialect::Verwerkingenlogging:
        return {}; // pushes only
    case Dialect::Zgw:
        return {QStringLiteral("zaaktypen"), QStringLiteral("statustypen"), QStringLiteral("zaken"), QStringLiteral("statussen"), QStringLiteral("rollen")};
    }
    return {};
}

QString SourceConfig::transportProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return QStringLiteral("not an http(s) URL");
    }
    if (url.scheme() == QLatin1String("https")) {
        return {};
    }
    const QHostAddress address(url.host());
    if (url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || (!address.isNull() && address.isLoopback())) {
        return {};
    }
    return QStringLiteral("plain http to %1: personal data and credentials travel only over https (http is for this machine, 127.0.0.1, only)").arg(url.host());
}

Expected<QList<SourceConfig>, QString> SourceConfig::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return unexpected(QStringLiteral("not valid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
    }
    const QJsonValue sources = document.object().value(QStringLiteral("sources"));
    if (!sources.isArray()) {
        return unexpected(QStringLiteral("no \"sources\" array"));
    }
    QList<SourceConfig> result;
    const QJsonArray array = sources.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString where = QStringLiteral("sources[%1]").arg(i);
        if (!array.at(i).isObject()) {
            return unexpected(where + QStringLiteral(": not an object"));
        }
        static const QStringList known = {QStringLiteral("id"),
                                          QStringLiteral("dialect"),
                                          QStringLiteral("base_url"),
                                          QStringLiteral("auth"),
                                          QStringLiteral("secret"),
                                          QStringLiteral("page_size"),
                                          QStringLiteral("poll_interval"),
                                          QStringLiteral("resources"),
                                          QStringLiteral("enabled"),
                                          QStringLiteral("format"),
                                          QStringLiteral("time_zone"),
                                          QStringLiteral("max_deletion_share"),
                                          QStringLiteral("client_id"),
                                          QStringLiteral("catalogi_url")};
        for (const QString &key : o.keys()) {
            if (!known.contains(key)) {
                return unexpected(where + QStringLiteral(": unknown option \"%1\" (%2)").arg(key, known.join(QStringLiteral(", "))));
            }
        }
        SourceConfig c;
        c.id = o.value(QStringLiteral("id")).toString();
        if (c.id.isEmpty()) {
            return unexpected(where + QStringLiteral(": \"id\" is missing"));
        }
        if (std::any_of(result.cbegin(), result.cend(), [&c](const SourceConfig &other) {
                return other.id == c.id;
            })) {
            return unexpected(where + QStringLiteral(": the id \"%1\" is used twice (it names the source's synchronisation state)").arg(c.id));
        }
        const auto dialect = fromKey<Dialect>(o.value(QStringLiteral("dialect")).toString());
        if (!dialect) {
            return unexpected(where + QStringLiteral(": \"dialect\" must be open311, klantinteracties, ipdc, verwerkingenlogging or zgw"));
        }
        c.dialect = *dialect;
        c.baseUrl = QUrl(o.value(QStringLiteral("base_url")).toString(), QUrl::StrictMode);
        if (const QString problem = transportProblem(c.baseUrl); problem == QLatin1String("not an http(s) URL")) {
            return unexpected(where + QStringLiteral(": \"base_url\" must be an http(s) URL"));
        } else if (!problem.isEmpty()) {
            return unexpected(where + QStringLiteral(": \"base_url\" is ") + problem);
        }
        c.baseUrl = withTrailingSlash(c.baseUrl);
        const auto auth = fromKey<AuthKind>(o.value(QStringLiteral("auth")).toString(QStringLiteral("none")));
        if (!auth) {
            return unexpected(where + QStringLiteral(": \"auth\" must be none, api_key, token, bearer or jwt"));
        }
        c.auth = *auth;
        c.secretKey = o.value(QStringLiteral("secret")).toString(c.id);
        c.pageSize = o.value(QStringLiteral("page_size")).toInt(100);
        c.pollIntervalSeconds = o.value(QStringLiteral("poll_interval")).toInt(300);
        if (c.pageSize < 1 || c.pageSize > 1000 || c.pollIntervalSeconds < 10) {
            return unexpected(where + QStringLiteral(": \"page_size\" must be 1-1000 and \"poll_interval\" at least 10 seconds"));
        }
        const QJsonValue resources = o.value(QStringLiteral("resources"));
        if (!resources.isUndefined() && !resources.isArray()) {
            return unexpected(where + QStringLiteral(": \"resources\" must be a list of names"));
        }
        const QStringList offered = resourcesOf(c.dialect);
        for (const QJsonValue &r : resources.toArray()) {
            if (!offered.contains(r.toString())) {
                return unexpected(where +
                                  QStringLiteral(": unknown resource \"%1\" for %2 (%3)")
                                      .arg(r.isString() ? r.toString() : QStringLiteral("?"),
                                           toKey(c.dialect),
                                           offered.isEmpty() ? QStringLiteral("it has none to pull") : offered.join(QStringLiteral(", "))));
            }
            c.resources.append(r.toString());
        }
        c.enabled = o.value(QStringLiteral("enabled")).toBool(true);
        if (o.contains(QStringLiteral("format")) && c.dialect != Dialect::Open311) {
            return unexpected(where + QStringLiteral(": \"format\" is an option of open311 sources only"));
        }
        c.format = o.value(QStringLiteral("format")).toString(QStringLiteral("json"));
        if (c.format != QLatin1String("json") && c.format != QLatin1String("xml")) {
            return unexpected(where + QStringLiteral(": \"format\" must be json or xml"));
        }
        c.timeZone = o.value(QStringLiteral("time_zone")).toString(c.timeZone);
        if (!QTimeZone(c.timeZone.toUtf8()).isValid()) {
            return unexpected(where + QStringLiteral(": \"time_zone\" \"%1\" is not a known time zone (an IANA name such as Europe/Brussels)").arg(c.timeZone));
        }
        const QJsonValue share = o.value(QStringLiteral("max_deletion_share"));
        c.maxDeletionShare = share.toDouble(c.maxDeletionShare);
        if (!share.isUndefined() && (!share.isDouble() || c.maxDeletionShare < 0 || c.maxDeletionShare > 1)) {
            return unexpected(where + QStringLiteral(": \"max_deletion_share\" must be a number from 0 to 1"));
        }
        const bool zgw = c.dialect == Dialect::Zgw;
        if (!zgw && (o.contains(QStringLiteral("client_id")) || o.contains(QStringLiteral("catalogi_url")))) {
            return unexpected(where + QStringLiteral(": \"client_id\" and \"catalogi_url\" are options of zgw sources only"));
        }
        if (zgw) {
            c.clientId = o.value(QStringLiteral("client_id")).toString();
            if (c.auth == AuthKind::Jwt && c.clientId.isEmpty()) {
                return unexpected(where + QStringLiteral(": \"client_id\" is needed for \"auth\": \"jwt\" (the case system's name for this application)"));
            }
            c.catalogiUrl =
                o.contains(QStringLiteral("catalogi_url")) ? QUrl(o.value(QStringLiteral("catalogi_url")).toString(), QUrl::StrictMode) : c.catalogiRoot();
            if (const QString problem = transportProblem(c.catalogiUrl); !problem.isEmpty()) {
                return unexpected(where + QStringLiteral(": \"catalogi_url\" is ") + problem);
            }
            c.catalogiUrl = withTrailingSlash(c.catalogiUrl);
        }
        result.append(c);
    }
    return result;
}

} // namespace C360
