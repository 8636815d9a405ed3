// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The ZGW Zaken and Catalogi APIs as Open Zaak serves them: vng-api-common's JWT authentication,
// Fout bodies and page-number paging (the Klantinteracties helpers: Open Klant is built on the same
// library), the Accept-Crs precondition of the zaken, the API-version header.

#include "zgw/zgwapi.h"

#include "klantinteracties/klantinteractieshttp.h"
#include "population/dataset.h"
#include "server/refserver.h"
#include "zgwtoken.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace C360::Ref
{

namespace
{
using Http = std::function<HttpReply(const HttpRequest &)>;
namespace KI = KlantinteractiesHttp;

// A token is good for an hour after it was issued (Open Zaak's JWT_EXPIRY), with five minutes'
// leeway for the clocks of client and server.
constexpr int TokenLifetimeSeconds = 3600;
constexpr int TokenLeewaySeconds = 300;
// The municipality's RSIN, as bronorganisatie and verantwoordelijkeOrganisatie.
const QString municipalityRsin = u"002220647"_s;

const QStringList zaakFilters = {
    u"identificatie"_s,
    u"bronorganisatie"_s,
    u"bronorganisatie__in"_s,
    u"zaaktype"_s,
    u"archiefnominatie"_s,
    u"archiefnominatie__in"_s,
    u"archiefactiedatum"_s,
    u"archiefactiedatum__lt"_s,
    u"archiefactiedatum__gt"_s,
    u"archiefactiedatum__isnull"_s,
    u"archiefstatus"_s,
    u"archiefstatus__in"_s,
    u"startdatum"_s,
    u"startdatum__gt"_s,
    u"startdatum__gte"_s,
    u"startdatum__lt"_s,
    u"startdatum__lte"_s,
    u"registratiedatum"_s,
    u"registratiedatum__gt"_s,
    u"registratiedatum__lt"_s,
    u"einddatum"_s,
    u"einddatum__gt"_s,
    u"einddatum__lt"_s,
    u"einddatum__isnull"_s,
    u"einddatumGepland"_s,
    u"einddatumGepland__gt"_s,
    u"einddatumGepland__lt"_s,
    u"uiterlijkeEinddatumAfdoening"_s,
    u"uiterlijkeEinddatumAfdoening__gt"_s,
    u"uiterlijkeEinddatumAfdoening__lt"_s,
    u"rol__betrokkeneType"_s,
    u"rol__betrokkene"_s,
    u"rol__omschrijvingGeneriek"_s,
    u"maximaleVertrouwelijkheidaanduiding"_s,
    u"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"_s,
    u"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie"_s,
    u"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer"_s,
    u"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"_s,
    u"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie"_s,
    u"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer"_s,
    u"rol__betrokkeneIdentificatie__medewerker__identificatie"_s,
    u"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie"_s,
    u"ordering"_s,
    u"expand"_s,
};
const QStringList statusFilters = {u"zaak"_s, u"statustype"_s, u"indicatieLaatstGezetteStatus"_s};
const QStringList rolFilters = {
    u"zaak"_s,
    u"betrokkene"_s,
    u"betrokkeneType"_s,
    u"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"_s,
    u"betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie"_s,
    u"betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer"_s,
    u"betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"_s,
    u"betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie"_s,
    u"betrokkeneIdentificatie__vestiging__vestigingsNummer"_s,
    u"betrokkeneIdentificatie__organisatorischeEenheid__identificatie"_s,
    u"betrokkeneIdentificatie__medewerker__identificatie"_s,
    u"roltype"_s,
    u"omschrijving"_s,
    u"omschrijvingGeneriek"_s,
};
const QStringList zaaktypeFilters = {u"catalogus"_s, u"identificatie"_s, u"trefwoorden"_s, u"status"_s, u"datumGeldigheid"_s};
const QStringList statustypeFilters = {u"zaaktype"_s, u"zaaktypeIdentificatie"_s, u"status"_s, u"datumGeldigheid"_s};

HttpReply permissionDenied(const HttpRequest &request, const QString &detail)
{
    return KI::fout(request, 403, u"PermissionDenied"_s, u"permission_denied"_s, u"Je hebt geen toestemming om deze actie uit te voeren."_s, detail);
}

QString tokenProblem(ZgwToken::Problem problem)
{
    switch (problem) {
    case ZgwToken::Problem::None:
        break;
    case ZgwToken::Problem::Malformed:
        return u"De JWT is ongeldig: geen geldig token of geen client_id."_s;
    case ZgwToken::Problem::UnsupportedAlgorithm:
        return u"De JWT is ongeldig: alleen HS256 wordt aanvaard."_s;
    case ZgwToken::Problem::UnknownClient:
        return u"De client_id van de JWT is onbekend."_s;
    case ZgwToken::Problem::BadSignature:
        return u"De handtekening van de JWT is ongeldig (verkeerd secret)."_s;
    case ZgwToken::Problem::IssuedInTheFuture:
        return u"De JWT is uitgegeven in de toekomst (iat)."_s;
    case ZgwToken::Problem::Expired:
        return u"De JWT is verlopen (iat)."_s;
    }
    return {};
}

// Open Zaak's paging: 100 a page, whatever pageSize says.
HttpReply paged(const HttpRequest &request, quint64 count, const std::function<QJsonArray(quint64, quint64)> &results)
{
    HttpRequest fixed = request;
    fixed.query.removeAllQueryItems(u"pageSize"_s);
    return KI::paged(fixed, count, results);
}

HttpReply invalidOr(const HttpRequest &request, KlantinteractiesQuery &q, const std::function<HttpReply()> &answer)
{
    const auto errors = q.finish();
    return errors.isEmpty() ? answer() : KI::invalid(request, errors);
}

class ZgwApi
{
public:
    ZgwApi(DataSet &data, QString clientId, QString secret)
        : m_data(data)
        , m_clientId(std::move(clientId))
        , m_secret(std::move(secret))
    {
    }

    void install(RefServer &server)
    {
        const QString uuid = u"([0-9a-fA-F-]{36})"_s;
        server.route("GET", u"/catalogi/api/v1/zaaktypen"_s, guarded("1.3.1", false, [this](const HttpRequest &r) {
                         return listCaseTypes(r);
                     }));
        server.route("GET", u"/catalogi/api/v1/zaaktypen/"_s + uuid, guarded("1.3.1", false, [this](const HttpRequest &r) {
                         const auto i = find(UuidKind::CaseType, r.match.captured(1), quint64(m_data.caseTypes().size()));
                         return i ? HttpReply::json(caseType(r, int(*i))) : KI::notFound(r);
                     }));
        server.route("GET", u"/catalogi/api/v1/statustypen"_s, guarded("1.3.1", false, [this](const HttpRequest &r) {
                         return listStatusTypes(r);
                     }));
        server.route("GET", u"/catalogi/api/v1/statustypen/"_s + uuid, guarded("1.3.1", false, [this](const HttpRequest &r) {
                         const auto i = find(UuidKind::CaseStatusType, r.match.captured(1), statusTypeCount());
                         return i ? HttpReply::json(statusType(r, int(*i / MaxStatuses), int(*i % MaxStatuses))) : KI::notFound(r);
                     }));
        server.route("GET", u"/zaken/api/v1/zaken"_s, guarded("1.5.1", true, [this](const HttpRequest &r) {
                         return listCases(r);
                     }));
        server.route("GET", u"/zaken/api/v1/zaken/"_s + uuid, guarded("1.5.1", true, [this](const HttpRequest &r) {
                         const auto i = liveCase(r.match.captured(1));
                         return i ? HttpReply::json(caseJson(r, m_data.caseRecord(*i))) : KI::notFound(r);
                     }));
        server.route("GET", u"/zaken/api/v1/statussen"_s, guarded("1.5.1", false, [this](const HttpRequest &r) {
                         return listStatuses(r);
                     }));
        server.route("GET", u"/zaken/api/v1/statussen/"_s + uuid, guarded("1.5.1", false, [this](const HttpRequest &r) {
                         const auto s = m_data.indexOf(UuidKind::CaseStatus, QUuid::fromString(r.match.captured(1)));
                         if (!s || *s >= m_data.caseStatusCount() || m_data.isDeleted(m_data.caseCitizen(m_data.caseOfStatus(*s)))) {
                             return KI::notFound(r);
                         }
                         const quint64 c = m_data.caseOfStatus(*s);
                         return HttpReply::json(statusJson(r, m_data.caseRecord(c), int(*s - m_data.caseStatusesBefore(c))));
                     }));
        server.route("GET", u"/zaken/api/v1/rollen"_s, guarded("1.5.1", false, [this](const HttpRequest &r) {
                         return listRoles(r);
                     }));
        server.route("GET", u"/zaken/api/v1/rollen/"_s + uuid, guarded("1.5.1", false, [this](const HttpRequest &r) {
                         const auto i = m_data.indexOf(UuidKind::CaseRole, QUuid::fromString(r.match.captured(1)));
                         if (!i || *i >= m_data.caseCount() || m_data.isDeleted(m_data.caseCitizen(*i))) {
                             return KI::notFound(r);
                         }
                         return HttpReply::json(roleJson(r, m_data.caseRecord(*i)));
                     }));
    }

private:
    static constexpr int MaxStatuses = 16; // statustype index = case type × MaxStatuses + number

    DataSet &m_data;
    QString m_clientId;
    QString m_secret;

    Handler guarded(const char *version, bool geo, Http handler) const
    {
        return [this, version, geo, handler = std::move(handler)](const HttpRequest &request) {
            HttpReply reply;
            const QList<QByteArray> words = request.header("Authorization").simplified().split(' ');
            if (words.size() != 2 || words.first().toLower() != "bearer") {
                reply = permissionDenied(request, u"Authenticatiegegevens zijn niet opgegeven (Authorization: Bearer <JWT>)."_s);
            } else {
                const ZgwToken::Check check = ZgwToken::verify(
                    words.at(1),
                    [this](const QString &client) -> std::optional<QByteArray> {
                        return client == m_clientId ? std::optional(m_secret.toUtf8()) : std::nullopt;
                    },
                    QDateTime::currentDateTimeUtc(), // the server's own clock, as Open Zaak's
                    TokenLifetimeSeconds,
                    TokenLeewaySeconds);
                if (check.problem != ZgwToken::Problem::None) {
                    reply = permissionDenied(request, tokenProblem(check.problem));
                } else if (geo && request.header("Accept-Crs").isEmpty()) {
                    reply =
                        KI::fout(request, 412, u"PreconditionFailed"_s, u"precondition_failed"_s, u"Precondition failed"_s, u"'Accept-Crs' header ontbreekt"_s);
                } else if (geo && request.header("Accept-Crs") != "EPSG:4326") {
                    reply = KI::fout(request, 406, u"NotAcceptable"_s, u"not_acceptable"_s, u"CRS niet ondersteund"_s, u"CRS-negotiatie is mislukt"_s);
                } else {
                    reply = handler(request);
                    if (geo && reply.status == 200) {
                        reply.headers.append({QByteArrayLiteral("Content-Crs"), QByteArrayLiteral("EPSG:4326")});
                    }
                }
            }
            reply.headers.append({QByteArrayLiteral("API-version"), QByteArray(version)});
            if (request.method == "GET" && reply.status == 200) {
                reply.headers.append({QByteArrayLiteral("ETag"), HttpReply::entityTag(reply.body)});
            }
            return reply;
        };
    }

    std::optional<quint64> find(UuidKind kind, const QString &text, quint64 bound) const
    {
        const auto i = m_data.indexOf(kind, QUuid::fromString(text));
        return i && *i < bound ? i : std::nullopt;
    }

    std::optional<quint64> liveCase(const QString &text) const
    {
        const auto i = find(UuidKind::Case, text, m_data.caseCount());
        return i && !m_data.isDeleted(m_data.caseCitizen(*i)) ? i : std::nullopt;
    }

    quint64 statusTypeCount() const { return quint64(m_data.caseTypes().size()) * MaxStatuses; }

    static QString catalogiRoot(const HttpRequest &r) { return r.baseUrl.toString() + u"/catalogi/api/v1"_s; }
    static QString zakenRoot(const HttpRequest &r) { return r.baseUrl.toString() + u"/zaken/api/v1"_s; }
    QString uuidOf(UuidKind kind, quint64 index) const { return m_data.uuid(kind, index).toString(QUuid::WithoutBraces); }
    QString caseTypeUrl(const HttpRequest &r, int type) const { return catalogiRoot(r) + u"/zaaktypen/"_s + uuidOf(UuidKind::CaseType, quint64(type)); }
    QString statusTypeUrl(const HttpRequest &r, int type, int number) const
    {
        return catalogiRoot(r) + u"/statustypen/"_s + uuidOf(UuidKind::CaseStatusType, quint64(type) * MaxStatuses + quint64(number));
    }
    QString caseUrl(const HttpRequest &r, quint64 index) const { return zakenRoot(r) + u"/zaken/"_s + uuidOf(UuidKind::Case, index); }
    QString statusUrl(const HttpRequest &r, quint64 status) const { return zakenRoot(r) + u"/statussen/"_s + uuidOf(UuidKind::CaseStatus, status); }
    QString roleUrl(const HttpRequest &r, quint64 index) const { return zakenRoot(r) + u"/rollen/"_s + uuidOf(UuidKind::CaseRole, index); }
    QString catalogueUrl(const HttpRequest &r) const { return catalogiRoot(r) + u"/catalogussen/"_s + uuidOf(UuidKind::CaseType, 1000000); }
    QDate validFrom() const { return m_data.referenceDate().addYears(-5); }

    static QJsonValue dateOrNull(const QDate &d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null); }
    static QString dateTime(const QDateTime &t) { return t.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s); }

    QJsonObject caseType(const HttpRequest &r, int index) const
    {
        const CaseTypeRecord &t = m_data.caseTypes().at(index);
        QJsonArray statuses;
        for (int k = 0; k < t.statuses.size(); ++k) {
            statuses.append(statusTypeUrl(r, index, k));
        }
        return QJsonObject{
            {u"url"_s, caseTypeUrl(r, index)},
            {u"identificatie"_s, t.identification},
            {u"omschrijving"_s, t.description},
            {u"omschrijvingGeneriek"_s, QString()},
            {u"vertrouwelijkheidaanduiding"_s,
             t.identification.contains(u"LEEFLOON"_s) || t.identification == u"BIJSTAND"_s ? u"vertrouwelijk"_s : u"openbaar"_s},
            {u"doel"_s, t.purpose},
            {u"aanleiding"_s, u"Aanvraag van een burger"_s},
            {u"toelichting"_s, QString()},
            {u"indicatieInternOfExtern"_s, u"extern"_s},
            {u"handelingInitiator"_s, u"aanvragen"_s},
            {u"onderwerp"_s, t.description},
            {u"handelingBehandelaar"_s, u"behandelen"_s},
            {u"doorlooptijd"_s, u"P%1D"_s.arg(t.days)},
            {u"servicenorm"_s, QJsonValue::Null},
            {u"opschortingEnAanhoudingMogelijk"_s, false},
            {u"verlengingMogelijk"_s, t.extendable},
            {u"verlengingstermijn"_s, t.extendable ? QJsonValue(u"P%1D"_s.arg(t.days / 2)) : QJsonValue(QJsonValue::Null)},
            {u"trefwoorden"_s, QJsonArray()},
            {u"publicatieIndicatie"_s, false},
            {u"publicatietekst"_s, QString()},
            {u"verantwoordingsrelatie"_s, QJsonArray()},
            {u"productenOfDiensten"_s, QJsonArray()},
            {u"selectielijstProcestype"_s, QString()},
            {u"referentieproces"_s, QJsonObject{{u"naam"_s, t.description}, {u"link"_s, QString()}}},
            {u"verantwoordelijke"_s, municipalityRsin},
            {u"broncatalogus"_s, QJsonValue::Null},
            {u"bronzaaktype"_s, QJsonValue::Null},
            {u"catalogus"_s, catalogueUrl(r)},
            {u"statustypen"_s, statuses},
            {u"resultaattypen"_s, QJsonArray()},
            {u"eigenschappen"_s, QJsonArray()},
            {u"informatieobjecttypen"_s, QJsonArray()},
            {u"roltypen"_s, QJsonArray()},
            {u"besluittypen"_s, QJsonArray()},
            {u"deelzaaktypen"_s, QJsonArray()},
            {u"gerelateerdeZaaktypen"_s, QJsonArray()},
            {u"zaakobjecttypen"_s, QJsonArray()},
            {u"beginGeldigheid"_s, validFrom().toString(Qt::ISODate)},
            {u"eindeGeldigheid"_s, QJsonValue::Null},
            {u"beginObject"_s, validFrom().toString(Qt::ISODate)},
            {u"eindeObject"_s, QJsonValue::Null},
            {u"versiedatum"_s, validFrom().toString(Qt::ISODate)},
            {u"concept"_s, false},
        };
    }

    QJsonObject statusType(const HttpRequest &r, int type, int number) const
    {
        const CaseTypeRecord &t = m_data.caseTypes().at(type);
        return QJsonObject{
            {u"url"_s, statusTypeUrl(r, type, number)},
            {u"omschrijving"_s, t.statuses.at(number)},
            {u"omschrijvingGeneriek"_s, QString()},
            {u"statustekst"_s, QString()},
            {u"zaaktype"_s, caseTypeUrl(r, type)},
            {u"zaaktypeIdentificatie"_s, t.identification},
            {u"catalogus"_s, catalogueUrl(r)},
            {u"volgnummer"_s, number + 1},
            {u"isEindstatus"_s, number == t.statuses.size() - 1},
            {u"informeren"_s, false},
            {u"doorlooptijd"_s, QJsonValue::Null},
            {u"toelichting"_s, QJsonValue::Null},
            {u"checklistitemStatustype"_s, QJsonArray()},
            {u"eigenschappen"_s, QJsonArray()},
            {u"beginGeldigheid"_s, validFrom().toString(Qt::ISODate)},
            {u"eindeGeldigheid"_s, QJsonValue::Null},
            {u"beginObject"_s, validFrom().toString(Qt::ISODate)},
            {u"eindeObject"_s, QJsonValue::Null},
            {u"zaakobjecttype"_s, QString()},
        };
    }

    QJsonObject caseJson(const HttpRequest &r, const CaseRecord &c) const
    {
        const CaseTypeRecord &t = m_data.caseTypes().at(c.type);
        const quint64 firstStatus = m_data.caseStatusesBefore(c.index);
        const bool extended = c.deadline > c.start.addDays(t.days);
        return QJsonObject{
            {u"url"_s, caseUrl(r, c.index)},
            {u"uuid"_s, uuidOf(UuidKind::Case, c.index)},
            {u"identificatie"_s, c.identification},
            {u"bronorganisatie"_s, municipalityRsin},
            {u"omschrijving"_s, c.description},
            {u"toelichting"_s, QString()},
            {u"zaaktype"_s, caseTypeUrl(r, c.type)},
            {u"registratiedatum"_s, c.start.toString(Qt::ISODate)},
            {u"verantwoordelijkeOrganisatie"_s, municipalityRsin},
            {u"startdatum"_s, c.start.toString(Qt::ISODate)},
            {u"einddatum"_s, dateOrNull(c.end)},
            {u"einddatumGepland"_s, dateOrNull(c.plannedEnd)},
            {u"uiterlijkeEinddatumAfdoening"_s, dateOrNull(c.deadline)},
            {u"publicatiedatum"_s, QJsonValue::Null},
            {u"communicatiekanaal"_s, QString()},
            {u"productenOfDiensten"_s, QJsonArray()},
            {u"vertrouwelijkheidaanduiding"_s, u"openbaar"_s},
            {u"betalingsindicatie"_s, QString()},
            {u"betalingsindicatieWeergave"_s, QString()},
            {u"laatsteBetaaldatum"_s, QJsonValue::Null},
            {u"zaakgeometrie"_s, QJsonValue::Null},
            {u"verlenging"_s,
             extended ? QJsonValue(QJsonObject{{u"reden"_s, u"Bijkomend advies nodig"_s}, {u"duur"_s, u"P%1D"_s.arg(t.days / 2)}})
                      : QJsonValue(QJsonValue::Null)},
            {u"opschorting"_s, QJsonObject{{u"indicatie"_s, false}, {u"reden"_s, QString()}}},
            {u"selectielijstklasse"_s, QString()},
            {u"hoofdzaak"_s, QJsonValue::Null},
            {u"deelzaken"_s, QJsonArray()},
            {u"relevanteAndereZaken"_s, QJsonArray()},
            {u"eigenschappen"_s, QJsonArray()},
            {u"rollen"_s, QJsonArray{roleUrl(r, c.index)}},
            {u"status"_s, statusUrl(r, firstStatus + quint64(c.statuses.size()) - 1)},
            {u"zaakinformatieobjecten"_s, QJsonArray()},
            {u"zaakobjecten"_s, QJsonArray()},
            {u"kenmerken"_s, QJsonArray()},
            {u"archiefnominatie"_s, QJsonValue::Null},
            {u"archiefstatus"_s, u"nog_te_archiveren"_s},
            {u"archiefactiedatum"_s, QJsonValue::Null},
            {u"resultaat"_s, QJsonValue::Null},
            {u"opdrachtgevendeOrganisatie"_s, QString()},
            {u"processobjectaard"_s, QString()},
            {u"startdatumBewaartermijn"_s, QJsonValue::Null},
            {u"processobject"_s,
             QJsonObject{{u"datumkenmerk"_s, QString()}, {u"identificatie"_s, QString()}, {u"objecttype"_s, QString()}, {u"registratie"_s, QString()}}},
        };
    }

    QJsonObject statusJson(const HttpRequest &r, const CaseRecord &c, int k) const
    {
        const CaseStatusRecord &s = c.statuses.at(k);
        const quint64 status = m_data.caseStatusesBefore(c.index) + quint64(k);
        return QJsonObject{
            {u"url"_s, statusUrl(r, status)},
            {u"uuid"_s, uuidOf(UuidKind::CaseStatus, status)},
            {u"zaak"_s, caseUrl(r, c.index)},
            {u"statustype"_s, statusTypeUrl(r, c.type, s.number)},
            {u"datumStatusGezet"_s, dateTime(s.set)},
            {u"statustoelichting"_s, s.explanation},
            {u"indicatieLaatstGezetteStatus"_s, k == c.statuses.size() - 1},
            {u"gezetdoor"_s, QString()},
            {u"zaakinformatieobjecten"_s, QJsonArray()},
        };
    }

    QJsonObject roleJson(const HttpRequest &r, const CaseRecord &c) const
    {
        const Person p = m_data.person(c.citizen);
        const bool dutch = m_data.profile() == Profile::Netherlands;
        QString initials;
        for (const QString &name : p.givenNames.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            initials += name.left(1) + QLatin1Char('.');
        }
        // The Flemish profile's deviation: the national register number, which inpBsn (nine
        // digits) cannot hold, in anpIdentificatie ("another natural person's identification").
        const QJsonObject identification{
            {u"inpBsn"_s, dutch ? p.identifier : QString()},
            {u"anpIdentificatie"_s, dutch ? QString() : p.identifier},
            {u"inpA_nummer"_s, QString()},
            {u"geslachtsnaam"_s, p.familyName},
            {u"voorvoegselGeslachtsnaam"_s, p.prefix},
            {u"voorletters"_s, initials.left(20)},
            {u"voornamen"_s, p.givenNames},
            {u"geslachtsaanduiding"_s, p.sex == 'M' ? u"m"_s : u"v"_s},
            {u"geboortedatum"_s, p.birthDate.toString(Qt::ISODate)},
            {u"verblijfsadres"_s, QJsonValue::Null},
            {u"subVerblijfBuitenland"_s, QJsonValue::Null},
        };
        return QJsonObject{
            {u"url"_s, roleUrl(r, c.index)},
            {u"uuid"_s, uuidOf(UuidKind::CaseRole, c.index)},
            {u"zaak"_s, caseUrl(r, c.index)},
            {u"betrokkene"_s, QString()},
            {u"betrokkeneType"_s, u"natuurlijk_persoon"_s},
            {u"afwijkendeNaamBetrokkene"_s, QString()},
            {u"roltype"_s, QString(catalogiRoot(r) + u"/roltypen/"_s + uuidOf(UuidKind::CaseType, 2000000 + quint64(c.type)))},
            {u"omschrijving"_s, u"Aanvrager"_s},
            {u"omschrijvingGeneriek"_s, u"initiator"_s},
            {u"roltoelichting"_s, u"Aanvrager van de zaak"_s},
            {u"registratiedatum"_s, dateTime(c.statuses.constFirst().set)},
            {u"indicatieMachtiging"_s, QString()},
            {u"contactpersoonRol"_s, QJsonValue::Null},
            {u"statussen"_s, QJsonArray()},
            {u"betrokkeneIdentificatie"_s, identification},
        };
    }

    // The citizen a filter on a natural person's identifier names: nullopt without such a filter,
    // a set of none when it names nobody here (or the other profile's identifier).
    std::optional<std::optional<quint32>> personFilter(KlantinteractiesQuery &q, const QString &prefix) const
    {
        const bool dutch = m_data.profile() == Profile::Netherlands;
        std::optional<std::optional<quint32>> result;
        for (const QString &key : {u"inpBsn"_s, u"anpIdentificatie"_s}) {
            if (const auto value = q.text(prefix + key)) {
                const bool matches = (key == u"inpBsn"_s) == dutch;
                const auto citizen = matches ? m_data.citizenWithIdentifier(*value) : std::nullopt;
                result = citizen && !m_data.isDeleted(*citizen) ? citizen : std::optional<quint32>();
            }
        }
        return result;
    }

    HttpReply listCaseTypes(const HttpRequest &r) const
    {
        KlantinteractiesQuery q(r, zaaktypeFilters);
        QList<int> types;
        const auto identification = q.text(u"identificatie"_s);
        for (int i = 0; i < m_data.caseTypes().size(); ++i) {
            if (!identification || m_data.caseTypes().at(i).identification == *identification) {
                types.append(i);
            }
        }
        return invalidOr(r, q, [&] {
            return paged(r, quint64(types.size()), [&](quint64 offset, quint64 limit) {
                QJsonArray a;
                for (quint64 i = offset; i < offset + limit && i < quint64(types.size()); ++i) {
                    a.append(caseType(r, types.at(qsizetype(i))));
                }
                return a;
            });
        });
    }

    HttpReply listStatusTypes(const HttpRequest &r) const
    {
        KlantinteractiesQuery q(r, statustypeFilters);
        std::optional<int> onlyType;
        if (const auto url = q.url(u"zaaktype"_s)) {
            const QString uuid = url->section(QLatin1Char('/'), -1);
            const auto i = find(UuidKind::CaseType, uuid, quint64(m_data.caseTypes().size()));
            onlyType = i ? int(*i) : -1;
        }
        QList<std::pair<int, int>> all;
        for (int t = 0; t < m_data.caseTypes().size(); ++t) {
            if (onlyType && *onlyType != t) {
                continue;
            }
            for (int k = 0; k < m_data.caseTypes().at(t).statuses.size(); ++k) {
                all.append({t, k});
            }
        }
        return invalidOr(r, q, [&] {
            return paged(r, quint64(all.size()), [&](quint64 offset, quint64 limit) {
                QJsonArray a;
                for (quint64 i = offset; i < offset + limit && i < quint64(all.size()); ++i) {
                    a.append(statusType(r, all.at(qsizetype(i)).first, all.at(qsizetype(i)).second));
                }
                return a;
            });
        });
    }

    // Cases in list order (the live ones, by index), or only those of one citizen.
    HttpReply listCaseIndexes(const HttpRequest &r,
                              KlantinteractiesQuery &q,
                              const std::optional<std::optional<quint32>> &person,
                              const std::function<QJsonObject(const CaseRecord &)> &render) const
    {
        return invalidOr(r, q, [&] {
            if (person) {
                QList<quint64> cases;
                if (*person) {
                    const auto [first, end] = m_data.casesOf(**person);
                    for (quint64 i = first; i < end; ++i) {
                        cases.append(i);
                    }
                }
                return paged(r, quint64(cases.size()), [&](quint64 offset, quint64 limit) {
                    QJsonArray a;
                    for (quint64 i = offset; i < offset + limit && i < quint64(cases.size()); ++i) {
                        a.append(render(m_data.caseRecord(cases.at(qsizetype(i)))));
                    }
                    return a;
                });
            }
            return paged(r, m_data.liveCaseCount(), [&](quint64 offset, quint64 limit) {
                QJsonArray a;
                for (quint64 i = offset; i < offset + limit && i < m_data.liveCaseCount(); ++i) {
                    a.append(render(m_data.caseRecord(m_data.liveCase(i))));
                }
                return a;
            });
        });
    }

    HttpReply listCases(const HttpRequest &r) const
    {
        KlantinteractiesQuery q(r, zaakFilters);
        auto person = personFilter(q, u"rol__betrokkeneIdentificatie__natuurlijkPersoon__"_s);
        if (const auto identification = q.text(u"identificatie"_s)) {
            // ZAAK-YYYY-NNNNNNN names index NNNNNNN − 1.
            const quint64 index = identification->section(QLatin1Char('-'), 2).toULongLong() - 1;
            const bool found = index < m_data.caseCount() && m_data.caseRecord(index).identification == *identification &&
                !m_data.isDeleted(m_data.caseCitizen(index)) && (!person || (*person && m_data.caseCitizen(index) == **person));
            QList<quint64> one;
            if (found) {
                one.append(index);
            }
            return invalidOr(r, q, [&] {
                return paged(r, quint64(one.size()), [&](quint64 offset, quint64 limit) {
                    QJsonArray a;
                    for (quint64 i = offset; i < offset + limit && i < quint64(one.size()); ++i) {
                        a.append(caseJson(r, m_data.caseRecord(one.at(qsizetype(i)))));
                    }
                    return a;
                });
            });
        }
        return listCaseIndexes(r, q, person, [&](const CaseRecord &c) {
            return caseJson(r, c);
        });
    }

    HttpReply listRoles(const HttpRequest &r) const
    {
        KlantinteractiesQuery q(r, rolFilters);
        auto person = personFilter(q, u"betrokkeneIdentificatie__natuurlijkPersoon__"_s);
        // Every case has one role: its initiator, a natural person.
        const auto type = q.choice(u"betrokkeneType"_s,
                                   {u"natuurlijk_persoon"_s, u"niet_natuurlijk_persoon"_s, u"vestiging"_s, u"organisatorische_eenheid"_s, u"medewerker"_s});
        const auto generic = q.choice(u"omschrijvingGeneriek"_s,
                                      {u"adviseur"_s,
                                       u"behandelaar"_s,
                                       u"belanghebbende"_s,
                                       u"beslisser"_s,
                                       u"initiator"_s,
                                       u"klantcontacter"_s,
                                       u"zaakcoordinator"_s,
                                       u"mede_initiator"_s});
        if ((type && *type != u"natuurlijk_persoon"_s) || (generic && *generic != u"initiator"_s)) {
            person = std::optional<quint32>(); // nobody
        }
        if (const auto url = q.url(u"zaak"_s)) {
            const auto i = liveCase(url->section(QLatin1Char('/'), -1));
            QList<quint64> one;
            if (i && (!person || (*person && m_data.caseCitizen(*i) == **person))) {
                one.append(*i);
            }
            return invalidOr(r, q, [&] {
                return paged(r, quint64(one.size()), [&](quint64 offset, quint64 limit) {
                    QJsonArray a;
                    for (quint64 k = offset; k < offset + limit && k < quint64(one.size()); ++k) {
                        a.append(roleJson(r, m_data.caseRecord(one.at(qsizetype(k)))));
                    }
                    return a;
                });
            });
        }
        return listCaseIndexes(r, q, person, [&](const CaseRecord &c) {
            return roleJson(r, c);
        });
    }

    HttpReply listStatuses(const HttpRequest &r) const
    {
        KlantinteractiesQuery q(r, statusFilters);
        if (const auto url = q.url(u"zaak"_s)) {
            const auto i = liveCase(url->section(QLatin1Char('/'), -1));
            const auto last = q.boolean(u"indicatieLaatstGezetteStatus"_s);
            return invalidOr(r, q, [&] {
                QList<int> numbers;
                CaseRecord c;
                if (i) {
                    c = m_data.caseRecord(*i);
                    for (int k = 0; k < c.statuses.size(); ++k) {
                        if (!last || *last == (k == c.statuses.size() - 1)) {
                            numbers.append(k);
                        }
                    }
                }
                return paged(r, quint64(numbers.size()), [&](quint64 offset, quint64 limit) {
                    QJsonArray a;
                    for (quint64 k = offset; k < offset + limit && k < quint64(numbers.size()); ++k) {
                        a.append(statusJson(r, c, numbers.at(qsizetype(k))));
                    }
                    return a;
                });
            });
        }
        return invalidOr(r, q, [&] {
            const quint64 count = m_data.liveCaseStatusCount();
            return paged(r, count, [&](quint64 offset, quint64 limit) {
                QJsonArray a;
                // A page's statuses belong to a few neighbouring cases: each generated once.
                quint64 cached = std::numeric_limits<quint64>::max();
                CaseRecord c;
                for (quint64 i = offset; i < offset + limit && i < count; ++i) {
                    const quint64 status = m_data.liveCaseStatus(i);
                    const quint64 index = m_data.caseOfStatus(status);
                    if (index != cached) {
                        c = m_data.caseRecord(index);
                        cached = index;
                    }
                    a.append(statusJson(r, c, int(status - m_data.caseStatusesBefore(index))));
                }
                return a;
            });
        });
    }
};
} // namespace

void installZgwApi(RefServer &server, DataSet &data, const QString &clientId, const QString &secret)
{
    // Lives as long as the server: the routes hold it.
    auto *api = new ZgwApi(data, clientId, secret);
    QObject::connect(&server, &QObject::destroyed, [api] {
        delete api;
    });
    api->install(server);
}

} // namespace C360::Ref
