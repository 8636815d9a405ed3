// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Open Klant's HTTP behaviour: Django REST Framework's token authentication and page-number
// paging, vng-api-common's error bodies, with the Dutch messages an Open Klant server (nl-nl) sends.

#include "klantinteracties/klantinteractieshttp.h"

#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <map>

namespace C360::Ref
{

namespace
{
// Python's urllib.parse.quote_plus, as Django's replace_query_param encodes.
QString quotePlus(const QString &text)
{
    QString out;
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.' || u == '-' || u == '~') {
            out += QLatin1Char(c);
        } else if (u == ' ') {
            out += QLatin1Char('+');
        } else {
            out += QStringLiteral("%%1").arg(u, 2, 16, QLatin1Char('0')).toUpper();
        }
    }
    return out;
}

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/")) {
            candidate = candidate.mid(2);
        }
        if (candidate == "*" || candidate == etag) {
            return true;
        }
    }
    return false;
}
} // namespace

QString KlantinteractiesHttp::root(const HttpRequest &request)
{
    return request.baseUrl.toString() + QStringLiteral("/klantinteracties/api/v1");
}

HttpReply
KlantinteractiesHttp::fout(const HttpRequest &request, int status, const QString &exception, const QString &code, const QString &title, const QString &detail)
{
    // "instance" names this occurrence; derived from the request, not drawn, so that the same
    // requests give the same bytes.
    const QUuid instance = QUuid::createUuidV5(QUuid(),
                                               request.method + ' ' + request.path.toUtf8() + '?' + request.query.toString().toUtf8() + ' ' +
                                                   QByteArray::number(status) + ' ' + request.body);
    return HttpReply::json(
        QJsonObject{{QStringLiteral("type"), QString(request.baseUrl.toString() + QStringLiteral("/ref/fouten/") + exception + QLatin1Char('/'))},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("detail"), detail},
                    {QStringLiteral("instance"), QString(QStringLiteral("urn:uuid:") + instance.toString(QUuid::WithoutBraces))}},
        status);
}

HttpReply KlantinteractiesHttp::notFound(const HttpRequest &request)
{
    return fout(request, 404, QStringLiteral("NotFound"), QStringLiteral("not_found"), QStringLiteral("Niet gevonden."), QStringLiteral("Niet gevonden."));
}

HttpReply KlantinteractiesHttp::parseError(const HttpRequest &request, const QString &detail)
{
    return fout(request, 400, QStringLiteral("ParseError"), QStringLiteral("parse_error"), QStringLiteral("Ongeldig verzoek."), detail);
}

HttpReply KlantinteractiesHttp::invalid(const HttpRequest &request, const QList<KlantinteractiesInvalidParam> &params)
{
    HttpReply reply = fout(request, 400, QStringLiteral("ValidationError"), QStringLiteral("invalid"), QStringLiteral("Ongeldige invoer."), QString());
    QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QJsonArray list;
    for (const KlantinteractiesInvalidParam &p : params) {
        list.append(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("code"), p.code}, {QStringLiteral("reason"), p.reason}});
    }
    body[QStringLiteral("invalidParams")] = list;
    return HttpReply::json(body, 400);
}

Handler KlantinteractiesHttp::guarded(const QString &token, Handler handler)
{
    return [token, handler = std::move(handler)](const HttpRequest &request) {
        HttpReply reply;
        // DRF's TokenAuthentication: no "Token …" header is no credentials at all; a wrong one
        // fails authentication. Both answer 401 (the scheme names itself in WWW-Authenticate).
        const QList<QByteArray> words = request.header("Authorization").simplified().split(' ');
        if (words.isEmpty() || words.first().toLower() != "token") {
            reply = fout(request,
                         401,
                         QStringLiteral("NotAuthenticated"),
                         QStringLiteral("not_authenticated"),
                         QStringLiteral("Authenticatiegegevens zijn niet opgegeven."),
                         QStringLiteral("Authenticatiegegevens zijn niet opgegeven."));
            reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Token")});
        } else if (words.size() != 2 || QString::fromUtf8(words.at(1)) != token) {
            reply = fout(request,
                         401,
                         QStringLiteral("AuthenticationFailed"),
                         QStringLiteral("authentication_failed"),
                         QStringLiteral("Ongeldige authenticatiegegevens."),
                         words.size() == 2 ? QStringLiteral("Ongeldige token.") : QStringLiteral("Ongeldige token header."));
            reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Token")});
        } else {
            reply = handler(request);
        }
        reply.headers.append({"API-version", ApiVersion.toLatin1()});
        if (request.method == "GET" && reply.status == 200) {
            const QByteArray etag = HttpReply::entityTag(reply.body);
            reply.headers.append({"ETag", etag});
            if (etagMatches(request.header("If-None-Match"), etag)) {
                HttpReply notModified = HttpReply::empty(304);
                notModified.headers = reply.headers;
                return notModified;
            }
        }
        return reply;
    };
}

KlantinteractiesHttp::Page KlantinteractiesHttp::page(const HttpRequest &request)
{
    Page p;
    if (request.hasQuery(QStringLiteral("page"))) {
        bool ok = false;
        const qint64 n = request.queryValue(QStringLiteral("page")).toLongLong(&ok);
        // Django's paginator takes "last" too; anything else not a positive number is no page.
        p.number = request.queryValue(QStringLiteral("page")) == QLatin1String("last") ? -1 : ok && n >= 1 ? n : 0;
    }
    bool ok = false;
    const qint64 size = request.queryValue(QStringLiteral("pageSize")).toLongLong(&ok);
    if (ok && size > 0) {
        p.size = quint64(std::min<qint64>(size, 500));
    }
    return p;
}

QString KlantinteractiesHttp::withPage(const HttpRequest &request, qint64 page)
{
    std::map<QString, QStringList> items; // sorted by key, as Django sorts them
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        items[key].append(value);
    }
    items.erase(QStringLiteral("page"));
    if (page > 1) {
        items[QStringLiteral("page")] = QStringList{QString::number(page)};
    }
    QStringList pairs;
    for (const auto &[key, values] : items) {
        for (const QString &value : values) {
            pairs.append(quotePlus(key) + QLatin1Char('=') + quotePlus(value));
        }
    }
    const QString url = request.baseUrl.toString() + request.path;
    return pairs.isEmpty() ? url : url + QLatin1Char('?') + pairs.join(QLatin1Char('&'));
}

HttpReply KlantinteractiesHttp::paged(const HttpRequest &request, quint64 count, const std::function<QJsonArray(quint64, quint64)> &results)
{
    const Page p = page(request);
    const qint64 pages = qint64(std::max<quint64>(1, (count + p.size - 1) / p.size));
    const qint64 number = p.number == -1 ? pages : p.number;
    const bool endless = request.listFault == Fault::Kind::Endless;
    if (number < 1 || (number > pages && !endless)) {
        return fout(
            request, 404, QStringLiteral("NotFound"), QStringLiteral("not_found"), QStringLiteral("Niet gevonden."), QStringLiteral("Ongeldige pagina."));
    }
    // The endless fault: past the end, the last page again, and always a next one.
    const quint64 start = quint64(std::min(number, pages) - 1) * p.size;
    const quint64 offset = start - std::min<quint64>(start, quint64(request.duplicateOverlap));
    const quint64 end = std::min(count, start + p.size);
    QJsonValue next = number < pages || endless ? QJsonValue(withPage(request, number + 1)) : QJsonValue(QJsonValue::Null);
    QJsonArray records = end > offset ? results(offset, end - offset) : QJsonArray();
    qint64 announced = qint64(count);
    if (request.listFault == Fault::Kind::EmptyList) {
        records = QJsonArray(); // the count still claims them
        next = QJsonValue::Null;
    } else if (request.listFault == Fault::Kind::BadNext && !next.isNull()) {
        next = QStringLiteral("volgende pagina");
    } else if (request.listFault == Fault::Kind::AbsurdCount) {
        announced = 99999999999LL;
    }
    return HttpReply::json(QJsonObject{
        {QStringLiteral("count"), announced},
        {QStringLiteral("next"), next},
        {QStringLiteral("previous"), number > 1 ? QJsonValue(withPage(request, number - 1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("results"), records},
    });
}

KlantinteractiesQuery::KlantinteractiesQuery(const HttpRequest &request, const QStringList &specFilters)
    : m_request(request)
    , m_specFilters(specFilters)
{
    m_read.insert(QStringLiteral("page"));
    m_read.insert(QStringLiteral("pageSize"));
}

bool KlantinteractiesQuery::has(const QString &name) const
{
    return !m_request.queryValue(name).isEmpty();
}

std::optional<QString> KlantinteractiesQuery::value(const QString &name)
{
    m_read.insert(name);
    const QString v = m_request.queryValue(name);
    if (v.isEmpty()) {
        return std::nullopt;
    }
    return v;
}

std::optional<QString> KlantinteractiesQuery::text(const QString &name)
{
    return value(name);
}

std::optional<bool> KlantinteractiesQuery::boolean(const QString &name)
{
    // django-filter's BooleanWidget: true/false (and 1/0); anything else means no filter.
    const auto v = value(name);
    if (!v) {
        return std::nullopt;
    }
    const QString lower = v->toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("1")) {
        return true;
    }
    if (lower == QLatin1String("false") || lower == QLatin1String("0")) {
        return false;
    }
    return std::nullopt;
}

std::optional<QString> KlantinteractiesQuery::choice(const QString &name, const QStringList &choices)
{
    const auto v = value(name);
    if (v && !choices.contains(*v)) {
        fail(name, QStringLiteral("invalid_choice"), QStringLiteral("Selecteer een geldige keuze. %1 is geen beschikbare keuze.").arg(*v));
        return std::nullopt;
    }
    return v;
}

std::optional<QString> KlantinteractiesQuery::uuid(const QString &name)
{
    const auto v = value(name);
    if (!v) {
        return std::nullopt;
    }
    const QUuid parsed = QUuid::fromString(*v);
    if (parsed.isNull()) {
        fail(name, QStringLiteral("invalid"), QStringLiteral("Voer een geldige UUID in."));
        return std::nullopt;
    }
    return parsed.toString(QUuid::WithoutBraces);
}

std::optional<QString> KlantinteractiesQuery::url(const QString &name)
{
    const auto v = value(name);
    if (v && !QUrl(*v, QUrl::StrictMode).isValid()) {
        fail(name, QStringLiteral("invalid"), QStringLiteral("Voer een geldige URL in."));
        return std::nullopt;
    }
    return v;
}

std::optional<QDate> KlantinteractiesQuery::date(const QString &name)
{
    const auto v = value(name);
    if (!v) {
        return std::nullopt;
    }
    const QDate d = QDate::fromString(*v, Qt::ISODate);
    if (!d.isValid()) {
        fail(name, QStringLiteral("invalid"), QStringLiteral("Voer een geldige datum in."));
        return std::nullopt;
    }
    return d;
}

std::optional<QDateTime> KlantinteractiesQuery::dateTime(const QString &name)
{
    const auto v = value(name);
    if (!v) {
        return std::nullopt;
    }
    const QDateTime t = QDateTime::fromString(*v, Qt::ISODateWithMs);
    if (!t.isValid()) {
        fail(name, QStringLiteral("invalid"), QStringLiteral("Voer een geldige datum/tijd in."));
        return std::nullopt;
    }
    return t;
}

QSet<QString> KlantinteractiesQuery::expand(const QStringList &choices)
{
    m_read.insert(QStringLiteral("expand"));
    QSet<QString> out;
    for (const QString &value : m_request.query.allQueryItemValues(QStringLiteral("expand"), QUrl::FullyDecoded)) {
        for (const QString &item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!choices.contains(item)) {
                fail(QStringLiteral("expand"),
                     QStringLiteral("invalid_choice"),
                     QStringLiteral("Selecteer een geldige keuze. %1 is geen beschikbare keuze.").arg(item));
            } else {
                out.insert(item);
            }
        }
    }
    return out;
}

void KlantinteractiesQuery::needsScope(const QString &name)
{
    fail(
        name, QStringLiteral("unsupported"), QStringLiteral("De referentie-backend filtert hierop alleen samen met een filter op één partij of klantcontact."));
}

void KlantinteractiesQuery::fail(const QString &name, const QString &code, const QString &reason)
{
    m_errors.append({name, code, reason});
}

QList<KlantinteractiesInvalidParam> KlantinteractiesQuery::finish()
{
    QList<KlantinteractiesInvalidParam> errors = m_errors;
    for (const QString &name : m_specFilters) {
        if (!m_read.contains(name) && has(name)) {
            errors.append({name, QStringLiteral("unsupported"), QStringLiteral("De referentie-backend ondersteunt dit filter niet.")});
        }
    }
    return errors;
}

} // namespace C360::Ref
