// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "ipdc/ipdcapi.h"

#include "ipdc/productcatalogue.h"
#include "server/refserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace C360::Ref
{

namespace
{
const QString conceptBase = QStringLiteral("https://ipdc.vlaanderen.be/id/concept/");
const QString snapshotBase = QStringLiteral("https://ipdc.vlaanderen.be/id/conceptsnapshot/");
const QByteArray jsonLd = "application/ld+json";

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QJsonObject languages(const LanguageMap &map)
{
    QJsonObject o;
    for (const auto &[language, text] : map) {
        o.insert(language, text);
    }
    return o;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject website(const LanguageMap &name, const QString &url)
{
    return QJsonObject{
        {QStringLiteral("@type"), QStringLiteral("Website")},
        {QStringLiteral("naam"), languages(name)},
        {QStringLiteral("url"), url},
        {QStringLiteral("order"), 0},
    };
}

// A titled text (Voorwaarde, Procedure, Kost, FinancieelVoordeel) as IPDC nests them.
QJsonObject part(const char *type, const LanguageMap &name, const LanguageMap &description)
{
    return QJsonObject{
        {QStringLiteral("@type"), QLatin1String(type)},
        {QStringLiteral("naam"), languages(name)},
        {QStringLiteral("beschrijving"), languages(description)},
        {QStringLiteral("order"), 0},
    };
}

HttpReply ldReply(const QByteArray &body, const HttpRequest &request, const QByteArray &cacheControl)
{
    HttpReply reply;
    reply.contentType = jsonLd;
    const QByteArray etag = HttpReply::entityTag(body);
    reply.headers.append({"ETag", etag});
    reply.headers.append({"Cache-Control", cacheControl});
    if (request.header("If-None-Match") == etag) {
        reply.status = 304;
        reply.contentType.clear();
        return reply;
    }
    reply.body = body;
    return reply;
}

HttpReply problem(int status, const QString &detail)
{
    return HttpReply::json(QJsonObject{{QStringLiteral("detail"), detail}}, status);
}

QByteArray context(const QString &name)
{
    QFile file(QStringLiteral(":/refdata/ipdc/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

QJsonObject ipdcMember(const ProductSnapshot &s)
{
    QJsonObject m{
        {QStringLiteral("@id"), QString(snapshotBase + s.snapshotId.toString(QUuid::WithoutBraces))},
        {QStringLiteral("@type"), QStringLiteral("ConceptSnapshot")},
        {QStringLiteral("isVersionOf"), QString(conceptBase + s.conceptId.toString(QUuid::WithoutBraces))},
        {QStringLiteral("creatie"), timestamp(s.created)},
        {QStringLiteral("laatstGewijzigd"), timestamp(s.modified)},
        {QStringLiteral("generatedAtTime"), timestamp(s.generated)},
        {QStringLiteral("naam"), languages(s.name)},
        {QStringLiteral("beschrijving"), languages(s.description)},
        {QStringLiteral("type"), s.type},
        {QStringLiteral("doelgroepen"), strings(s.audiences)},
        {QStringLiteral("themas"), strings(s.themes)},
        {QStringLiteral("bevoegdBestuursniveaus"), strings(s.competentLevels)},
        {QStringLiteral("uitvoerendBestuursniveaus"), strings(s.executingLevels)},
        {QStringLiteral("zoektermen"), QJsonObject{{QStringLiteral("nl"), strings(s.keywords)}}},
        {QStringLiteral("productnummer"), s.productNumber},
        {QStringLiteral("gearchiveerd"), false},
    };
    if (!s.additionalDescription.isEmpty()) {
        m.insert(QStringLiteral("verdereBeschrijving"), languages(s.additionalDescription));
    }

    QJsonObject requirement = part("Voorwaarde", s.requirementName, s.requirement);
    QJsonObject evidence = part("Bewijs", s.evidenceName, s.evidence);
    evidence.remove(QStringLiteral("order"));
    requirement.insert(QStringLiteral("bewijs"), evidence);
    m.insert(QStringLiteral("voorwaarden"), QJsonArray{requirement});

    QJsonObject procedure = part("Procedure", s.procedureName, s.procedure);
    if (!s.procedureUrl.isEmpty()) {
        procedure.insert(QStringLiteral("websites"), QJsonArray{website(s.procedureSite, s.procedureUrl)});
    }
    m.insert(QStringLiteral("procedures"), QJsonArray{procedure});
    m.insert(QStringLiteral("kosten"), QJsonArray{part("Kost", s.costName, s.cost)});
    if (s.financialAdvantage) {
        m.insert(QStringLiteral("financieleVoordelen"), QJsonArray{part("FinancieelVoordeel", s.advantageName, s.advantage)});
    }
    if (!s.regulationUrl.isEmpty()) {
        m.insert(QStringLiteral("regelgeving"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("@type"), QStringLiteral("Regelgeving")},
                     {QStringLiteral("url"), s.regulationUrl},
                     {QStringLiteral("order"), 0},
                 }});
    }
    m.insert(QStringLiteral("websites"), QJsonArray{website(s.websiteName, s.websiteUrl)});
    if (s.yourEurope) {
        m.insert(QStringLiteral("publicatiekanalen"), QJsonArray{QStringLiteral("YourEurope")});
        m.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("YourEuropeVerplicht")});
    }
    return m;
}

void installIpdcApi(RefServer &server, ProductCatalogue &catalogue)
{
    server.route("GET", QStringLiteral("/ipdc/ldes"), [&catalogue](const HttpRequest &request) {
        const qint64 total = catalogue.versionCount();
        const qint64 pages = std::max<qint64>(1, (total + ipdcPageSize - 1) / ipdcPageSize);
        qint64 page = 0;
        if (request.hasQuery(QStringLiteral("pageNumber"))) {
            bool ok = false;
            page = request.queryValue(QStringLiteral("pageNumber")).toLongLong(&ok);
            if (!ok || page < 0) {
                return problem(400, QStringLiteral("pageNumber must be a whole number from 0."));
            }
            if (page >= pages && request.listFault != Fault::Kind::Endless) {
                return problem(404, QStringLiteral("Page %1 does not exist; the stream has %2 pages.").arg(page).arg(pages));
            }
        }
        const bool endless = request.listFault == Fault::Kind::Endless;
        const qint64 requested = page;
        page = std::min(page, pages - 1); // endless: past the end, the last page again
        const QString root = request.baseUrl.toString();
        auto pageUrl = [&root](qint64 n) -> QString {
            return root + QStringLiteral("/ipdc/ldes?pageNumber=") + QString::number(n);
        };

        const qint64 first = page * ipdcPageSize;
        const qint64 end = std::min(total, first + ipdcPageSize);
        // The "duplicate" fault: start early, so that members repeat across pages.
        const qint64 start = std::max<qint64>(0, first - request.duplicateOverlap);
        QJsonArray members;
        for (qint64 i = start; i < end && request.listFault != Fault::Kind::EmptyList; ++i) {
            members.append(ipdcMember(catalogue.snapshot(i)));
        }

        QJsonArray relations;
        if (page > 0) {
            relations.append(QJsonObject{
                {QStringLiteral("@type"), QStringLiteral("LessThanOrEqualToRelation")},
                {QStringLiteral("node"), pageUrl(page - 1)},
                {QStringLiteral("path"), QStringLiteral("generatedAtTime")},
                {QStringLiteral("value"), timestamp(catalogue.generatedAt(first - 1))},
            });
        }
        if ((page + 1 < pages || endless) && request.listFault != Fault::Kind::EmptyList) {
            relations.append(QJsonObject{
                {QStringLiteral("@type"), QStringLiteral("GreaterThanOrEqualToRelation")},
                {QStringLiteral("node"), request.listFault == Fault::Kind::BadNext ? QStringLiteral("volgende pagina") : pageUrl(requested + 1)},
                {QStringLiteral("path"), QStringLiteral("generatedAtTime")},
                {QStringLiteral("value"), timestamp(catalogue.generatedAt(std::min(end, total - 1)))},
            });
        }
        const QJsonObject body{
            {QStringLiteral("@context"),
             QJsonArray{QString(root + QStringLiteral("/ipdc/ipdc-lpdc-im.jsonld")), QString(root + QStringLiteral("/ipdc/ldes.jsonld"))}},
            {QStringLiteral("@id"), pageUrl(page)},
            {QStringLiteral("@type"), QStringLiteral("EventStream")},
            {QStringLiteral("timestampPath"), QStringLiteral("generatedAtTime")},
            {QStringLiteral("versionOfPath"), QStringLiteral("isVersionOf")},
            {QStringLiteral("view"),
             QJsonObject{
                 {QStringLiteral("@id"), pageUrl(page)},
                 {QStringLiteral("@type"), QStringLiteral("Node")},
                 {QStringLiteral("relation"), relations},
             }},
            {QStringLiteral("member"), members},
        };
        // Full pages never change again; the last one grows as versions are published.
        const bool full = end - first == ipdcPageSize && page + 1 < pages;
        return ldReply(
            QJsonDocument(body).toJson(QJsonDocument::Compact), request, full ? QByteArray("public, max-age=604800, immutable") : QByteArray("no-cache"));
    });

    for (const QString &name : {QStringLiteral("ipdc-lpdc-im.jsonld"), QStringLiteral("ldes.jsonld")}) {
        server.route("GET", QStringLiteral("/ipdc/") + QRegularExpression::escape(name), [name](const HttpRequest &request) {
            const QByteArray document = context(name);
            if (document.isEmpty()) {
                return problem(500, QStringLiteral("The context %1 is missing from the resources.").arg(name));
            }
            return ldReply(document, request, "public, max-age=86400");
        });
    }
}

} // namespace C360::Ref
