// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/resourcesync.h"

#include "common/clock.h"
#include "sync/timestamp.h"
#include "zgwtoken.h"

#include <QUrlQuery>

namespace C360
{

namespace
{
QNetworkRequest withCredentials(QUrl url, const SyncContext &context)
{
    if (context.source.auth == AuthKind::ApiKey && !context.secret.isEmpty()) {
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("api_key"));
        query.addQueryItem(QStringLiteral("api_key"), context.secret);
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "Citizen360");
    if (context.source.auth == AuthKind::Token && !context.secret.isEmpty()) {
        request.setRawHeader("Authorization", "Token " + context.secret.toUtf8());
    } else if (context.source.auth == AuthKind::Bearer && !context.secret.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + context.secret.toUtf8());
    } else if (context.source.auth == AuthKind::Jwt && !context.secret.isEmpty()) {
        // A token of its own for each request (ZGW). Issued at the real time, not the injected
        // clock's: the case system checks it against its own clock (an hour's lifetime, minutes of
        // leeway), whatever this application's clock says (a training clock, a test's).
        const QDateTime now = SystemClock::instance().now();
        request.setRawHeader("Authorization",
                             "Bearer " +
                                 ZgwToken::make(context.source.clientId, context.secret.toUtf8(), now, context.source.clientId, QStringLiteral("Citizen 360")));
    }
    if (context.source.dialect == Dialect::Zgw) {
        request.setRawHeader("Accept-Crs", "EPSG:4326"); // the Zaken API's geometry negotiation
    }
    return request;
}
} // namespace

ResourceSync::ResourceSync(const SyncContext &context)
    : m_context(context)
    , m_zone(context.source.timeZone.toUtf8())
{
    if (!m_zone.isValid()) {
        m_zone = Timestamp::defaultZone(); // the configuration names its zone when it is another
    }
}

ResourceSync::Page ResourceSync::unchanged(const SyncState &state)
{
    Page page;
    page.cursor = state.cursor;
    page.finished = true;
    return page;
}

QNetworkRequest ResourceSync::lookahead(const RestJob &, const SyncState &)
{
    return {};
}

std::optional<ResourceSync::Page> ResourceSync::failed(const RestError &, const SyncState &)
{
    return std::nullopt;
}

QNetworkRequest ResourceSync::authorizedRequest(QUrl url) const
{
    return withCredentials(std::move(url), m_context);
}

std::optional<OutboxTarget::Hold> OutboxTarget::prepare(Database &db, const OutboxEntry &entry)
{
    Q_UNUSED(db)
    Q_UNUSED(entry)
    return std::nullopt;
}

QString OutboxTarget::stepKey(const OutboxEntry &entry, const QString &step)
{
    return entry.idempotencyKey + QLatin1Char('.') + step;
}

QNetworkRequest OutboxTarget::authorizedRequest(QUrl url, const OutboxEntry &entry, const QString &key) const
{
    QNetworkRequest request = withCredentials(std::move(url), m_context);
    request.setRawHeader("Idempotency-Key", (key.isEmpty() ? entry.idempotencyKey : key).toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

} // namespace C360
