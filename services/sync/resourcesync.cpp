// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/resourcesync.h"

#include "sync/timestamp.h"

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
