// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// partijen, partij-identificatoren and digitaleadressen: a party per resident, the resident's
// national number (or BSN) as its identifier, their e-mail address and telephone number.

#include "klantinteracties/klantinteractiesroutes.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace C360::Ref
{

namespace
{
const QStringList partijExpand = {u"betrokkenen"_s, u"betrokkenen.hadKlantcontact"_s, u"categorieRelaties"_s, u"digitaleAdressen"_s};
const QStringList addressExpand = {
    u"verstrektDoorBetrokkene"_s, u"verstrektDoorBetrokkene.hadKlantcontact"_s, u"verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken"_s};

// The filters the OpenAPI document lists for each list route.
const QStringList partijFilters = {
    u"bezoekadresAdresregel1"_s,
    u"bezoekadresAdresregel2"_s,
    u"bezoekadresAdresregel3"_s,
    u"bezoekadresLand"_s,
    u"bezoekadresNummeraanduidingId"_s,
    u"categorierelatie__categorie__naam"_s,
    u"correspondentieadresAdresregel1"_s,
    u"correspondentieadresAdresregel2"_s,
    u"correspondentieadresAdresregel3"_s,
    u"correspondentieadresLand"_s,
    u"correspondentieadresNummeraanduidingId"_s,
    u"indicatieActief"_s,
    u"indicatieGeheimhouding"_s,
    u"nummer"_s,
    u"partijIdentificator__codeObjecttype"_s,
    u"partijIdentificator__codeRegister"_s,
    u"partijIdentificator__codeSoortObjectId"_s,
    u"partijIdentificator__objectId"_s,
    u"soortPartij"_s,
    u"subIdentificatorVan__codeObjecttype"_s,
    u"subIdentificatorVan__codeRegister"_s,
    u"subIdentificatorVan__codeSoortObjectId"_s,
    u"subIdentificatorVan__objectId"_s,
    u"vertegenwoordigdePartij__url"_s,
    u"vertegenwoordigdePartij__uuid"_s,
};
const QStringList identificatorFilters = {u"anderePartijIdentificator"_s,
                                          u"partijIdentificatorCodeObjecttype"_s,
                                          u"partijIdentificatorCodeRegister"_s,
                                          u"partijIdentificatorCodeSoortObjectId"_s,
                                          u"partijIdentificatorObjectId"_s};
const QStringList addressFilters = {
    u"adres"_s,
    u"adres__icontains"_s,
    u"isGeverifieerd"_s,
    u"isStandaardAdres"_s,
    u"omschrijving"_s,
    u"referentie"_s,
    u"soortDigitaalAdres"_s,
    u"verificatieDatum"_s,
    u"verificatieDatum__gt"_s,
    u"verificatieDatum__gte"_s,
    u"verificatieDatum__lt"_s,
    u"verificatieDatum__lte"_s,
    u"verstrektDoorBetrokkene__rol"_s,
    u"verstrektDoorBetrokkene__url"_s,
    u"verstrektDoorBetrokkene__uuid"_s,
    u"verstrektDoorPartij__partijIdentificator__codeObjecttype"_s,
    u"verstrektDoorPartij__partijIdentificator__codeRegister"_s,
    u"verstrektDoorPartij__partijIdentificator__codeSoortObjectId"_s,
    u"verstrektDoorPartij__partijIdentificator__objectId"_s,
    u"verstrektDoorPartij__soortPartij"_s,
    u"verstrektDoorPartij__url"_s,
    u"verstrektDoorPartij__uuid"_s,
};
const QStringList soortPartijChoices = {u"contactpersoon"_s, u"organisatie"_s, u"persoon"_s};

QJsonObject partijExpansion(const KlantinteractiesBackend &backend, quint32 citizen, const QSet<QString> &expand, const QString &root)
{
    QJsonObject x;
    if (expand.contains(u"digitaleAdressen"_s)) {
        QJsonArray addresses;
        for (const quint64 a : backend.digitalAddressesOf(backend.data().person(citizen))) {
            addresses.append(backend.digitaalAdres(a, root));
        }
        x[u"digitaleAdressen"_s] = addresses;
    }
    if (expand.contains(u"betrokkenen"_s)) {
        QJsonArray involved;
        for (const quint64 i : backend.involvedOfParty(citizen)) {
            QJsonObject b = backend.betrokkene(i, root);
            if (expand.contains(u"betrokkenen.hadKlantcontact"_s)) {
                b[u"_expand"_s] = QJsonObject{{u"hadKlantcontact"_s, backend.klantcontact(backend.contactOfInvolved(i), root)}};
            }
            involved.append(b);
        }
        x[u"betrokkenen"_s] = involved;
    }
    if (expand.contains(u"categorieRelaties"_s)) {
        x[u"categorieRelaties"_s] = QJsonArray();
    }
    return x;
}

QJsonObject addressExpansion(const QSet<QString> &expand)
{
    // These addresses are the parties' own: none was given by a betrokkene.
    QJsonObject x;
    if (expand.contains(u"verstrektDoorBetrokkene"_s)) {
        x[u"verstrektDoorBetrokkene"_s] = QJsonValue::Null;
    }
    return x;
}

std::vector<quint64> one(std::optional<quint64> index)
{
    return index ? std::vector<quint64>{*index} : std::vector<quint64>{};
}

HttpReply listPartijen(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    DataSet &data = backend.data();
    const bool nl = data.profile() == Profile::Netherlands;
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, partijFilters);
    const QSet<QString> expand = effectiveExpand(q.expand(partijExpand));
    KlantinteractiesList list;
    if (const auto id = q.text(u"partijIdentificator__objectId"_s)) {
        const auto citizen = data.citizenWithIdentifier(*id);
        list.narrow(one(citizen && backend.live(UuidKind::Party, *citizen) ? std::optional<quint64>(*citizen) : std::nullopt));
    }
    if (const auto nummer = q.text(u"nummer"_s)) {
        bool ok = false;
        const quint64 n = nummer->toULongLong(&ok);
        list.narrow(one(ok && n >= 1 && nummer->size() == 10 && backend.live(UuidKind::Party, n - 1) ? std::optional<quint64>(n - 1) : std::nullopt));
    }
    // Nobody here is represented, categorised or a sub-identifier: these leave nothing.
    bool unrelated = q.uuid(u"vertegenwoordigdePartij__uuid"_s).has_value();
    unrelated = q.url(u"vertegenwoordigdePartij__url"_s).has_value() || unrelated;
    unrelated = q.text(u"categorierelatie__categorie__naam"_s).has_value() || unrelated;
    for (const char *field : {"codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"}) {
        unrelated = q.text(u"subIdentificatorVan__"_s + QLatin1String(field)).has_value() || unrelated;
    }
    list.none = unrelated;
    if (const auto soort = q.choice(u"soortPartij"_s, soortPartijChoices)) {
        list.exact(q, u"soortPartij"_s, u"soortPartij"_s, u"persoon"_s);
    }
    list.flag(q, u"indicatieActief"_s, u"indicatieActief"_s, true);
    list.flag(q, u"indicatieGeheimhouding"_s, u"indicatieGeheimhouding"_s, false);
    for (const char *group : {"bezoekadres", "correspondentieadres"}) {
        const QString g = QLatin1String(group);
        // What every generated address has in that field, where they all have the same.
        list.exact(q, g + u"Adresregel1"_s, g + u".adresregel1"_s, nl ? std::optional<QString>(QString()) : std::nullopt);
        list.exact(q, g + u"Adresregel2"_s, g + u".adresregel2"_s, nl ? std::optional<QString>(QString()) : std::nullopt);
        list.exact(q, g + u"Adresregel3"_s, g + u".adresregel3"_s, QString());
        list.exact(q, g + u"Land"_s, g + u".land"_s, nl ? u"NL"_s : u"BE"_s);
        list.exact(q, g + u"NummeraanduidingId"_s, g + u".nummeraanduidingId"_s, nl ? std::nullopt : std::optional<QString>(QString()));
    }
    identifierCodeFilters(backend, q, list, u"partijIdentificator__"_s, [](quint64, const QJsonObject &record) {
        return record.value(u"partijIdentificatoren"_s).toArray();
    });
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.partij(quint32(i), root);
    };
    list.decorate = [&backend, root, expand](QJsonObject &record, quint64 i) {
        record[u"_expand"_s] = partijExpansion(backend, quint32(i), expand, root);
    };
    list.generatedBy(backend, &KlantinteractiesBackend::livePartyCount, &KlantinteractiesBackend::liveParties);
    return serveList(request, list);
}

HttpReply listIdentificatoren(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, identificatorFilters);
    KlantinteractiesList list;
    if (const auto id = q.text(u"partijIdentificatorObjectId"_s)) {
        const auto citizen = backend.data().citizenWithIdentifier(*id);
        list.narrow(one(citizen && backend.live(UuidKind::Party, *citizen) ? std::optional<quint64>(*citizen) : std::nullopt));
    }
    list.exact(q, u"anderePartijIdentificator"_s, u"anderePartijIdentificator"_s, QString());
    identifierCodeFilters(backend, q, list, u"partijIdentificator"_s, [](quint64, const QJsonObject &record) {
        return QJsonArray{record};
    });
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.identificator(quint32(i), root);
    };
    list.generatedBy(backend, &KlantinteractiesBackend::livePartyCount, &KlantinteractiesBackend::liveParties);
    return serveList(request, list);
}

HttpReply listAddresses(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, addressFilters);
    const QSet<QString> expand = effectiveExpand(q.expand(addressExpand));
    KlantinteractiesList list;
    bool given = false;
    const auto party = partyFilter(backend, q, u"verstrektDoorPartij"_s, &given);
    if (given) {
        list.narrow(party ? backend.digitalAddressesOf(backend.data().person(*party)) : QList<quint64>());
    }
    // No address here was given by a betrokkene.
    list.none = q.uuid(u"verstrektDoorBetrokkene__uuid"_s).has_value();
    list.none = q.url(u"verstrektDoorBetrokkene__url"_s).has_value() || list.none;
    list.none = q.choice(u"verstrektDoorBetrokkene__rol"_s, {u"klant"_s, u"vertegenwoordiger"_s}).has_value() || list.none;
    // Kind and verification: answered by the index over the whole population too.
    KlantinteractiesAddressFilter filter;
    if (const auto soort = q.choice(u"soortDigitaalAdres"_s, {u"email"_s, u"overig"_s, u"telefoonnummer"_s})) {
        filter.kind = *soort == QLatin1String("email") ? 0 : *soort == QLatin1String("telefoonnummer") ? 1 : 2;
        list.exact(q, u"soortDigitaalAdres"_s, u"soortDigitaalAdres"_s, *soort);
    }
    if (const auto verified = q.boolean(u"isGeverifieerd"_s)) {
        filter.verified = *verified;
        list.add(
            u"isGeverifieerd"_s,
            [v = *verified](quint64, const QJsonObject &r) {
                return r.value(u"verificatieDatum"_s).isString() == v;
            },
            true);
    }
    list.flag(q, u"isStandaardAdres"_s, u"isStandaardAdres"_s, true);
    list.exact(q, u"referentie"_s, u"referentie"_s, QString());
    if (const auto soort = q.choice(u"verstrektDoorPartij__soortPartij"_s, soortPartijChoices)) {
        list.none = list.none || *soort != QLatin1String("persoon");
    }
    identifierCodeFilters(backend, q, list, u"verstrektDoorPartij__partijIdentificator__"_s, [&backend](quint64 i, const QJsonObject &) {
        return QJsonArray{backend.identificator(quint32(i / 2), QString())};
    });
    list.exact(q, u"adres"_s, u"adres"_s);
    list.contains(q, u"adres__icontains"_s, u"adres"_s);
    list.contains(q, u"omschrijving"_s, u"omschrijving"_s);
    const struct
    {
        const char *suffix;
        std::function<bool(const QDate &, const QDate &)> compare;
    } dates[] = {
        {"", std::equal_to<QDate>()},
        {"__gt", std::greater<QDate>()},
        {"__gte", std::greater_equal<QDate>()},
        {"__lt", std::less<QDate>()},
        {"__lte", std::less_equal<QDate>()},
    };
    for (const auto &d : dates) {
        const QString name = u"verificatieDatum"_s + QLatin1String(d.suffix);
        if (const auto date = q.date(name)) {
            list.add(
                name,
                [date = *date, compare = d.compare](quint64, const QJsonObject &r) {
                    const QDate verified = QDate::fromString(r.value(u"verificatieDatum"_s).toString(), Qt::ISODate);
                    return verified.isValid() && compare(verified, date);
                },
                std::nullopt);
        }
    }
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.digitaalAdres(i, root);
    };
    list.decorate = [expand](QJsonObject &record, quint64) {
        record[u"_expand"_s] = addressExpansion(expand);
    };
    list.generatedCount = [&backend, filter] {
        return backend.liveAddressCount(filter);
    };
    list.generated = [&backend, filter](quint64 offset, quint64 limit) {
        return backend.liveAddresses(filter, offset, limit);
    };
    return serveList(request, list);
}

} // namespace

void installKlantinteractiesPartyRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token)
{
    server.route("GET", klantinteractiesPath("partijen"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listPartijen(*backend, request);
                 }));
    server.route("GET",
                 klantinteractiesPath("partijen", true),
                 KlantinteractiesHttp::guarded(
                     token,
                     klantinteractiesDetail(
                         backend, UuidKind::Party, partijExpand, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &expand, const QString &root) {
                             QJsonObject o = b.partij(quint32(i), root);
                             if (!expand.isEmpty()) {
                                 expandDetail(o, partijExpansion(b, quint32(i), expand, root));
                             }
                             return o;
                         })));
    server.route("GET", klantinteractiesPath("partij-identificatoren"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listIdentificatoren(*backend, request);
                 }));
    server.route("GET",
                 klantinteractiesPath("partij-identificatoren", true),
                 KlantinteractiesHttp::guarded(
                     token,
                     klantinteractiesDetail(
                         backend, UuidKind::PartyIdentifier, {}, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &, const QString &root) {
                             return b.identificator(quint32(i), root);
                         })));
    server.route("GET", klantinteractiesPath("digitaleadressen"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listAddresses(*backend, request);
                 }));
    server.route(
        "GET",
        klantinteractiesPath("digitaleadressen", true),
        KlantinteractiesHttp::guarded(
            token,
            klantinteractiesDetail(
                backend, UuidKind::DigitalAddress, addressExpand, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &expand, const QString &root) {
                    QJsonObject o = b.digitaalAdres(i, root);
                    expandDetail(o, addressExpansion(expand));
                    return o;
                })));
}

} // namespace C360::Ref
