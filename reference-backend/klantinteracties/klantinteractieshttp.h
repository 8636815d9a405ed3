// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "server/refserver.h"

#include <QDate>
#include <QJsonArray>
#include <QSet>

#include <functional>
#include <optional>

namespace C360::Ref
{

// One field error in a ValidatieFout body (vng-api-common): name, code, reason.
struct KlantinteractiesInvalidParam
{
    QString name;
    QString code;
    QString reason;
};

// The HTTP side of Open Klant as Django REST Framework and vng-api-common shape it: token
// authentication, the Fout and ValidatieFout error bodies, page-number paging with absolute
// next/previous links, the API-version header, and ETags for conditional GETs.
namespace KlantinteractiesHttp
{
inline const QString ApiVersion = QStringLiteral("0.9.0"); // info.version of the OpenAPI document
QString root(const HttpRequest &request);
// Wraps a route: token check first, then the handler; every answer gets the API-version header,
// and a GET's 200 an ETag (304 when If-None-Match names it).
Handler guarded(const QString &token, Handler handler);
HttpReply fout(const HttpRequest &request, int status, const QString &exception, const QString &code, const QString &title, const QString &detail);
HttpReply notFound(const HttpRequest &request);
HttpReply invalid(const HttpRequest &request, const QList<KlantinteractiesInvalidParam> &params);
HttpReply parseError(const HttpRequest &request, const QString &detail);

// page and pageSize as DynamicPageSizePagination reads them (default 100, at most 500).
struct Page
{
    qint64 number = 1; // 0 when not a valid page number
    quint64 size = 100;
};
Page page(const HttpRequest &request);
// A paginated list: {count, next, previous, results}; 404 for a page beyond the last. results
// gets the offset and limit to render (earlier and longer when the "duplicate" fault strikes).
HttpReply paged(const HttpRequest &request, quint64 count, const std::function<QJsonArray(quint64 offset, quint64 limit)> &results);
// Django's replace_query_param: the request's URL with one parameter set (or removed when empty).
QString withPage(const HttpRequest &request, qint64 page);
} // namespace KlantinteractiesHttp

// A list request's query filters as django-filter reads them: empty values are ignored, wrong
// values give a ValidatieFout. Every filter the OpenAPI document lists must be read by the route
// or reported as unsupported: finish() turns the unread ones into errors, so that a filter the
// reference back end cannot answer cheaply fails loudly instead of being silently ignored.
class KlantinteractiesQuery
{
public:
    KlantinteractiesQuery(const HttpRequest &request, const QStringList &specFilters);

    bool has(const QString &name) const;
    std::optional<QString> text(const QString &name);
    std::optional<bool> boolean(const QString &name);
    std::optional<QString> choice(const QString &name, const QStringList &choices);
    std::optional<QString> uuid(const QString &name);
    std::optional<QString> url(const QString &name);
    std::optional<QDate> date(const QString &name);
    std::optional<QDateTime> dateTime(const QString &name);
    // The expand values (comma-separated or repeated), each one of choices.
    QSet<QString> expand(const QStringList &choices);
    // A filter given that needs a narrowing filter (a party, a contact) alongside: it would scan.
    void needsScope(const QString &name);
    void fail(const QString &name, const QString &code, const QString &reason);
    // The errors, with every spec filter given but not read counted as unsupported.
    QList<KlantinteractiesInvalidParam> finish();

private:
    std::optional<QString> value(const QString &name);
    const HttpRequest &m_request;
    QStringList m_specFilters;
    QSet<QString> m_read;
    QList<KlantinteractiesInvalidParam> m_errors;
};

} // namespace C360::Ref
