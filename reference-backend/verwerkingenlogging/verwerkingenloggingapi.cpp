// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "verwerkingenlogging/verwerkingenloggingapi.h"

#include "population/rng.h"
#include "server/refserver.h"
#include "verwerkingenlogging/verwerkingenlogginglog.h"
#include "verwerkingenlogging/verwerkingenloggingvalidation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <memory>

namespace C360::Ref
{

namespace
{
const QString root = QStringLiteral("/verwerkingenlogging/api/v1");
constexpr int pageSize = 100;

// Identifiers come from the order of registration, not from chance: same requests, same ids.
constexpr quint64 idKey = 0x5645524B4C4F4701ULL; // "VERKLOG"
constexpr quint64 streamActie = 1;
constexpr quint64 streamObject = 2;
constexpr quint64 streamError = 3;

QUuid keyedUuid(quint64 stream, quint64 index)
{
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 high = hashKey(idKey, stream, index);
    const quint64 low = hashKey(idKey, stream + 0x100, index);
    for (int i = 0; i < 8; ++i) {
        bytes[i] = char(high >> (56 - 8 * i));
        bytes[8 + i] = char(low >> (56 - 8 * i));
    }
    bytes[6] = char((bytes[6] & 0x0F) | 0x40);
    bytes[8] = char((bytes[8] & 0x3F) | 0x80);
    return QUuid::fromRfc4122(bytes);
}

QString id(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

// The log, its token and the counters the answers depend on.
class Service
{
public:
    Service(const QString &token, qsizetype capacity)
        : m_log(capacity)
        , m_token(token)
    {
    }

    HttpReply create(const HttpRequest &request);
    HttpReply list(const HttpRequest &request);
    HttpReply read(const HttpRequest &request);
    HttpReply inzageList(const HttpRequest &request);
    HttpReply inzageRead(const HttpRequest &request);

    std::optional<HttpReply> authorize(const HttpRequest &request);

private:
    HttpReply fout(int status, const QString &code, const QString &title, const QString &detail);
    HttpReply invalid(const Invalid &problems);
    HttpReply created(const LoggedAction &action, bool replayed) const;
    QJsonObject inzageObject(const LoggedAction &action, qsizetype index) const;
    // count/next/previous/results over items, by the request's page.
    HttpReply page(const HttpRequest &request, qsizetype count, const std::function<QJsonValue(qsizetype)> &item, int pageNumber);

    VerwerkingenloggingLog m_log;
    QString m_token;
    quint64 m_errors = 0;
    qint64 m_lastRegistrationMs = 0;
};

std::optional<HttpReply> Service::authorize(const HttpRequest &request)
{
    const QByteArray authorization = request.header("Authorization").trimmed();
    if (!authorization.startsWith("Bearer ") || authorization.mid(7).trimmed().isEmpty()) {
        HttpReply reply = fout(401,
                               QStringLiteral("not_authenticated"),
                               QStringLiteral("Authenticatiegegevens zijn niet opgegeven."),
                               QStringLiteral("Geef een token mee in de header Authorization: Bearer <token>."));
        reply.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"verwerkingenlogging\"")});
        return reply;
    }
    if (QString::fromUtf8(authorization.mid(7).trimmed()) != m_token) {
        return fout(403,
                    QStringLiteral("permission_denied"),
                    QStringLiteral("Je hebt geen toestemming om deze actie uit te voeren."),
                    QStringLiteral("Het token geeft geen toegang tot de verwerkingenlogging."));
    }
    return std::nullopt;
}

HttpReply Service::fout(int status, const QString &code, const QString &title, const QString &detail)
{
    HttpReply reply = HttpReply::json(
        QJsonObject{
            {QStringLiteral("type"), QStringLiteral("urn:citizen360:refbackend:verwerkingenlogging:fout:%1").arg(code)},
            {QStringLiteral("code"), code},
            {QStringLiteral("title"), title},
            {QStringLiteral("status"), status},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("instance"), QString(QStringLiteral("urn:uuid:") + id(keyedUuid(streamError, m_errors++)))},
        },
        status);
    reply.contentType = "application/problem+json";
    return reply;
}

HttpReply Service::invalid(const Invalid &problems)
{
    HttpReply reply = fout(400, QStringLiteral("invalid"), QStringLiteral("Ongeldige invoer."), QStringLiteral("Een of meer velden zijn ongeldig."));
    QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    body.insert(QStringLiteral("invalidParams"), problems.params);
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply Service::created(const LoggedAction &action, bool replayed) const
{
    HttpReply reply;
    reply.status = 201;
    reply.body = action.json;
    reply.headers.append({"Location", QJsonDocument::fromJson(action.json).object().value(QStringLiteral("url")).toString().toUtf8()});
    if (replayed) {
        reply.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
    }
    return reply;
}

HttpReply Service::create(const HttpRequest &request)
{
    const QByteArray contentType = request.header("Content-Type").split(';').first().trimmed().toLower();
    if (!contentType.isEmpty() && contentType != "application/json") {
        return fout(415,
                    QStringLiteral("unsupported_media_type"),
                    QStringLiteral("Niet-ondersteund mediatype."),
                    QStringLiteral("Stuur de verwerkingsactie als application/json."));
    }
    const QByteArray key = request.header("Idempotency-Key").trimmed();
    Invalid problems;
    if (key.size() > 255) {
        problems.add(QStringLiteral("Idempotency-Key"), "max_length", QStringLiteral("Zorg ervoor dat deze header niet meer dan 255 tekens bevat."));
        return invalid(problems);
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        problems.add(QStringLiteral("nonFieldErrors"), "parse_error", QStringLiteral("Geen geldig JSON-object: %1.").arg(error.errorString()));
        return invalid(problems);
    }
    const QJsonObject body = document.object();
    QJsonObject action = validateAction(body, &problems);
    if (!problems.isEmpty()) {
        return invalid(problems);
    }

    const QByteArray hash = QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    if (!key.isEmpty()) {
        if (const LoggedAction *earlier = m_log.findIdempotencyKey(key)) {
            if (earlier->requestHash == hash) {
                return created(*earlier, true);
            }
            return fout(409,
                        QStringLiteral("idempotency_key_reused"),
                        QStringLiteral("Conflict."),
                        QStringLiteral("Deze Idempotency-Key werd al gebruikt voor een andere verwerkingsactie."));
        }
    }

    LoggedAction logged;
    logged.sequence = m_log.nextSequence();
    logged.actieId = keyedUuid(streamActie, logged.sequence);
    const QDateTime tijdstip = parseDateTime(action.value(QStringLiteral("tijdstip")).toString());
    logged.tijdstipMs = tijdstip.toMSecsSinceEpoch();
    logged.date = tijdstip.date();
    logged.vertrouwelijkheid = action.value(QStringLiteral("vertrouwelijkheid")).toString();
    logged.activity = QUuid::fromString(action.value(QStringLiteral("verwerkingsactiviteitId")).toString());
    logged.idempotencyKey = key;
    logged.requestHash = hash;
    // The log registers in order; never the wall clock, so that answers are reproducible.
    m_lastRegistrationMs = std::max(m_lastRegistrationMs, logged.tijdstipMs);

    const QString base = request.baseUrl.toString() + root;
    QJsonArray objects = action.value(QStringLiteral("verwerkteObjecten")).toArray();
    for (qsizetype i = 0; i < objects.size(); ++i) {
        QJsonObject object = objects.at(i).toObject();
        const QUuid objectId = keyedUuid(streamObject, (logged.sequence << 10) | quint64(i));
        object.insert(QStringLiteral("verwerktObjectId"), id(objectId));
        object.insert(QStringLiteral("url"), QString(base + QStringLiteral("/verwerkte-objecten/") + id(objectId)));
        logged.objects.append(objectId);
        logged.objectKeys.append(VerwerkingenloggingLog::objectKey(object.value(QStringLiteral("objecttype")).toString(),
                                                                   object.value(QStringLiteral("soortObjectId")).toString(),
                                                                   object.value(QStringLiteral("objectId")).toString()));
        objects.replace(i, object);
    }
    action.insert(QStringLiteral("verwerkteObjecten"), objects);
    action.insert(QStringLiteral("actieId"), id(logged.actieId));
    action.insert(QStringLiteral("url"), QString(base + QStringLiteral("/verwerkingsacties/") + id(logged.actieId)));
    action.insert(QStringLiteral("tijdstipRegistratie"),
                  QDateTime::fromMSecsSinceEpoch(m_lastRegistrationMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
    logged.json = QJsonDocument(action).toJson(QJsonDocument::Compact);
    m_log.add(logged);
    return created(*m_log.find(logged.actieId), false);
}

HttpReply Service::page(const HttpRequest &request, qsizetype count, const std::function<QJsonValue(qsizetype)> &item, int pageNumber)
{
    const qsizetype pages = std::max<qsizetype>(1, (count + pageSize - 1) / pageSize);
    if (pageNumber > pages) {
        Invalid problems;
        problems.add(QStringLiteral("page"), "invalid", QStringLiteral("Ongeldige pagina: er zijn %1 pagina's.").arg(pages));
        return invalid(problems);
    }
    auto link = [&request](int n) -> QJsonValue {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(n));
        QUrl url(request.baseUrl.toString() + request.path);
        url.setQuery(query);
        return url.toString(QUrl::FullyEncoded);
    };
    const qsizetype first = qsizetype(pageNumber - 1) * pageSize;
    // The "duplicate" fault: start early, so that records repeat across pages.
    const qsizetype start = std::max<qsizetype>(0, first - request.duplicateOverlap);
    QJsonArray results;
    for (qsizetype i = start; i < std::min(count, first + pageSize); ++i) {
        results.append(item(i));
    }
    return HttpReply::json(QJsonObject{
        {QStringLiteral("count"), qint64(count)},
        {QStringLiteral("next"), pageNumber < pages ? link(pageNumber + 1) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("previous"), pageNumber > 1 ? link(pageNumber - 1) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("results"), results},
    });
}

HttpReply Service::list(const HttpRequest &request)
{
    Invalid problems;
    const ObjectQuery query = parseObjectQuery(request, false, &problems);
    if (!problems.isEmpty()) {
        return invalid(problems);
    }
    QList<const LoggedAction *> actions;
    for (const LoggedAction *action : m_log.about(query.objectKey)) {
        if (query.accepts(*action)) {
            actions.append(action);
        }
    }
    std::stable_sort(actions.begin(), actions.end(), [](const LoggedAction *a, const LoggedAction *b) {
        return a->tijdstipMs < b->tijdstipMs;
    });
    return page(
        request,
        actions.size(),
        [&actions](qsizetype i) {
            return QJsonValue(QJsonDocument::fromJson(actions.at(i)->json).object());
        },
        query.page);
}

HttpReply Service::read(const HttpRequest &request)
{
    const LoggedAction *action = m_log.find(QUuid::fromString(request.match.captured(1)));
    if (action == nullptr) {
        return fout(404, QStringLiteral("not_found"), QStringLiteral("Niet gevonden."), QStringLiteral("Er is geen verwerkingsactie met deze actieId."));
    }
    HttpReply reply;
    reply.body = action->json;
    return reply;
}

QJsonObject Service::inzageObject(const LoggedAction &action, qsizetype index) const
{
    QJsonObject stored = QJsonDocument::fromJson(action.json).object();
    const QJsonObject object = stored.value(QStringLiteral("verwerkteObjecten")).toArray().at(index).toObject();
    // The inzage shows a citizen what was done with their data: not who, where or with which
    // system, and not the other people involved.
    for (const char *hidden : {"systeem", "gebruiker", "gegevensbron"}) {
        stored.remove(QLatin1String(hidden));
    }
    stored.insert(QStringLiteral("verwerkteObjecten"), QJsonArray{object});
    QJsonObject result = object;
    result.insert(QStringLiteral("verwerkingsactie"), stored);
    return result;
}

HttpReply Service::inzageList(const HttpRequest &request)
{
    Invalid problems;
    const ObjectQuery query = parseObjectQuery(request, true, &problems);
    if (!problems.isEmpty()) {
        return invalid(problems);
    }
    QList<std::pair<const LoggedAction *, qsizetype>> objects;
    for (const LoggedAction *action : m_log.about(query.objectKey)) {
        if (!query.accepts(*action)) {
            continue;
        }
        for (qsizetype i = 0; i < action->objectKeys.size(); ++i) {
            if (action->objectKeys.at(i) == query.objectKey) {
                objects.append({action, i});
            }
        }
    }
    std::stable_sort(objects.begin(), objects.end(), [](const auto &a, const auto &b) {
        return a.first->tijdstipMs < b.first->tijdstipMs;
    });
    return page(
        request,
        objects.size(),
        [this, &objects](qsizetype i) {
            return QJsonValue(inzageObject(*objects.at(i).first, objects.at(i).second));
        },
        query.page);
}

HttpReply Service::inzageRead(const HttpRequest &request)
{
    const QUuid objectId = QUuid::fromString(request.match.captured(1));
    const LoggedAction *action = m_log.findObject(objectId);
    if (action == nullptr || objectId.isNull()) {
        return fout(404, QStringLiteral("not_found"), QStringLiteral("Niet gevonden."), QStringLiteral("Er is geen verwerkt object met deze id."));
    }
    return HttpReply::json(inzageObject(*action, action->objects.indexOf(objectId)));
}
} // namespace

void installVerwerkingenloggingApi(RefServer &server, const QString &token, qsizetype capacity)
{
    const auto service = std::make_shared<Service>(token, capacity);
    auto handle = [service](HttpReply (Service::*method)(const HttpRequest &)) {
        return [service, method](const HttpRequest &request) {
            const std::optional<HttpReply> denied = service->authorize(request);
            HttpReply reply = denied ? *denied : ((*service).*method)(request);
            reply.headers.append({QByteArray("API-version"), QByteArray("0.9.0")});
            return reply;
        };
    };
    const QString uuid = QStringLiteral("([0-9a-fA-F-]{36})");
    server.route("POST", root + QStringLiteral("/verwerkingsacties"), handle(&Service::create));
    server.route("GET", root + QStringLiteral("/verwerkingsacties"), handle(&Service::list));
    server.route("GET", root + QStringLiteral("/verwerkingsacties/") + uuid, handle(&Service::read));
    server.route("GET", root + QStringLiteral("/verwerkte-objecten"), handle(&Service::inzageList));
    server.route("GET", root + QStringLiteral("/verwerkte-objecten/") + uuid, handle(&Service::inzageRead));
}

} // namespace C360::Ref
