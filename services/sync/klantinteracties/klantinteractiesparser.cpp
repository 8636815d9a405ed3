// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiesparser.h"

#include "jsonnumber.h"
#include "sync/htmlpage.h"

#include "sync/commongroundreader.h"

#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace C360
{

namespace
{
using CommonGround::Reader;

KlantinteractiesAddress readAddress(Reader &r)
{
    KlantinteractiesAddress a;
    a.straatnaam = r.string(QStringLiteral("straatnaam"));
    a.huisnummer = r.integer(QStringLiteral("huisnummer"));
    a.huisnummertoevoeging = r.string(QStringLiteral("huisnummertoevoeging"));
    a.postcode = r.string(QStringLiteral("postcode"));
    a.stad = r.string(QStringLiteral("stad"));
    a.adresregel1 = r.string(QStringLiteral("adresregel1"));
    a.adresregel2 = r.string(QStringLiteral("adresregel2"));
    a.adresregel3 = r.string(QStringLiteral("adresregel3"));
    a.land = r.string(QStringLiteral("land"));
    return a;
}

} // namespace

bool KlantinteractiesAddress::isEmpty() const
{
    return straatnaam.isEmpty() && huisnummer.isEmpty() && postcode.isEmpty() && stad.isEmpty() && adresregel1.isEmpty() && adresregel2.isEmpty() &&
        adresregel3.isEmpty();
}

Expected<CommonGroundPage, PageError> KlantinteractiesParser::page(const QByteArray &body)
{
    return CommonGroundList::page(body);
}

QString KlantinteractiesParser::recordId(const QJsonObject &record)
{
    return CommonGroundList::recordId(record);
}

Expected<QString, RecordError> KlantinteractiesParser::checkRecord(const QJsonObject &record, bool invalidUtf8)
{
    return CommonGroundList::checkRecord(record, invalidUtf8);
}

Expected<KlantinteractiesDigitalAddress, RecordError> KlantinteractiesParser::digitalAddress(const QJsonObject &record)
{
    Reader r(record, QStringLiteral("digitaalAdres"));
    KlantinteractiesDigitalAddress a;
    a.uuid = r.uuid(QStringLiteral("uuid"), true);
    a.soort = r.oneOf(QStringLiteral("soortDigitaalAdres"), {"email", "telefoonnummer", "overig"}, true);
    a.adres = r.string(QStringLiteral("adres"), true);
    a.verificatieDatum = r.date(QStringLiteral("verificatieDatum"));
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return a;
}

Expected<KlantinteractiesParty, RecordError> KlantinteractiesParser::party(const QJsonObject &record)
{
    Reader r(record);
    KlantinteractiesParty p;
    p.uuid = r.uuid(QStringLiteral("uuid"), true);
    p.soortPartij = r.oneOf(QStringLiteral("soortPartij"), {"persoon", "organisatie", "contactpersoon"}, true);
    p.voorkeurstaal = r.string(QStringLiteral("voorkeurstaal"));
    p.voorkeursDigitaalAdres = r.reference(QStringLiteral("voorkeursDigitaalAdres"));
    r.nested(QStringLiteral("partijIdentificatie"), [&p](Reader &id) {
        p.volledigeNaam = id.string(QStringLiteral("volledigeNaam"));
        id.nested(QStringLiteral("contactnaam"), [&p](Reader &name) {
            p.voorletters = name.string(QStringLiteral("voorletters"));
            p.voornaam = name.string(QStringLiteral("voornaam"));
            p.voorvoegselAchternaam = name.string(QStringLiteral("voorvoegselAchternaam"));
            p.achternaam = name.string(QStringLiteral("achternaam"));
        });
    });
    r.nested(QStringLiteral("bezoekadres"), [&p](Reader &a) {
        p.bezoekadres = readAddress(a);
    });
    r.nested(QStringLiteral("correspondentieadres"), [&p](Reader &a) {
        p.correspondentieadres = readAddress(a);
    });
    for (const QJsonValue &item : r.array(QStringLiteral("partijIdentificatoren"))) {
        Reader i(item.toObject(), QStringLiteral("partijIdentificatoren"));
        if (!item.isObject()) {
            r.fail(RecordError::Kind::WrongType,
                   QStringLiteral("partijIdentificatoren"),
                   QStringLiteral("partijIdentificatoren holds an item that is not an object"));
            break;
        }
        KlantinteractiesIdentifier id;
        i.nested(QStringLiteral("partijIdentificator"), [&id](Reader &g) {
            // The specification's enums, plus the Belgian registers of the reference back end's
            // documented deviation (rr/rijksregisternummer, bis/bisnummer).
            id.codeObjecttype = g.oneOf(QStringLiteral("codeObjecttype"), {"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging"}, true);
            id.codeRegister = g.oneOf(QStringLiteral("codeRegister"), {"brp", "hr", "rr", "bis"}, true);
            id.codeSoortObjectId =
                g.oneOf(QStringLiteral("codeSoortObjectId"), {"bsn", "vestigingsnummer", "kvk_nummer", "rsin", "rijksregisternummer", "bisnummer"}, true);
            id.objectId = g.string(QStringLiteral("objectId"), true);
        });
        if (!i.ok()) {
            r.fail(i.error());
            break;
        }
        p.identifiers.append(id);
    }
    p.digitalAddressRefs = int(r.references(QStringLiteral("digitaleAdressen")).size());
    const QJsonObject expand = r.object(QStringLiteral("_expand"));
    if (r.ok() && expand.contains(QStringLiteral("digitaleAdressen"))) {
        Reader e(expand, QStringLiteral("_expand"));
        p.digitalAddressesExpanded = true;
        for (const QJsonValue &item : e.array(QStringLiteral("digitaleAdressen"))) {
            auto address = digitalAddress(item.toObject());
            if (!address) {
                r.fail(Reader::within(QStringLiteral("_expand"), address.error()));
                break;
            }
            p.digitalAddresses.append(*address);
        }
        if (!e.ok()) {
            r.fail(e.error());
        }
    }
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return p;
}

Expected<KlantinteractiesInvolved, RecordError> KlantinteractiesParser::involved(const QJsonObject &record)
{
    Reader r(record, QStringLiteral("betrokkene"));
    KlantinteractiesInvolved b;
    b.uuid = r.uuid(QStringLiteral("uuid"), true);
    b.partyUuid = r.reference(QStringLiteral("wasPartij"));
    b.rol = r.oneOf(QStringLiteral("rol"), {"vertegenwoordiger", "klant"}, false);
    b.initiator = r.boolean(QStringLiteral("initiator")).value_or(false);
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return b;
}

Expected<KlantinteractiesContact, RecordError> KlantinteractiesParser::contact(const QJsonObject &record)
{
    Reader r(record);
    KlantinteractiesContact c;
    c.uuid = r.uuid(QStringLiteral("uuid"), true);
    c.kanaal = r.string(QStringLiteral("kanaal"));
    c.onderwerp = r.string(QStringLiteral("onderwerp"));
    c.inhoud = r.string(QStringLiteral("inhoud"));
    c.reactie = r.string(QStringLiteral("reactie"));
    c.taal = r.string(QStringLiteral("taal"));
    c.indicatieContactGelukt = r.boolean(QStringLiteral("indicatieContactGelukt"));
    c.vertrouwelijk = r.boolean(QStringLiteral("vertrouwelijk")).value_or(false);
    c.plaatsgevondenOp = r.dateTime(QStringLiteral("plaatsgevondenOp"));
    c.taskUuids = r.references(QStringLiteral("leiddeTotInterneTaken"));
    c.involvedRefs = int(r.references(QStringLiteral("hadBetrokkenen")).size());
    for (const QJsonValue &item : r.array(QStringLiteral("hadBetrokkenActoren"))) {
        Reader a(item.toObject(), QStringLiteral("hadBetrokkenActoren"));
        if (QString name = a.string(QStringLiteral("naam")); !name.isEmpty()) {
            c.staff.append(name);
        }
        if (!a.ok()) {
            r.fail(a.error());
        }
    }
    const QJsonObject expand = r.object(QStringLiteral("_expand"));
    if (r.ok() && expand.contains(QStringLiteral("hadBetrokkenen"))) {
        Reader e(expand, QStringLiteral("_expand"));
        c.involvedExpanded = true;
        for (const QJsonValue &item : e.array(QStringLiteral("hadBetrokkenen"))) {
            auto b = involved(item.toObject());
            if (!b) {
                r.fail(Reader::within(QStringLiteral("_expand"), b.error()));
                break;
            }
            c.involved.append(*b);
        }
        if (!e.ok()) {
            r.fail(e.error());
        }
    }
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return c;
}

Expected<KlantinteractiesTask, RecordError> KlantinteractiesParser::task(const QJsonObject &record)
{
    Reader r(record);
    KlantinteractiesTask t;
    t.uuid = r.uuid(QStringLiteral("uuid"), true);
    t.contactUuid = r.reference(QStringLiteral("aanleidinggevendKlantcontact"));
    if (r.ok() && t.contactUuid.isEmpty()) {
        r.fail(RecordError::Kind::Missing, QStringLiteral("aanleidinggevendKlantcontact"), QStringLiteral("missing aanleidinggevendKlantcontact"));
    }
    t.gevraagdeHandeling = r.string(QStringLiteral("gevraagdeHandeling"), true);
    t.toelichting = r.string(QStringLiteral("toelichting"));
    t.status = r.oneOf(QStringLiteral("status"), {"te_verwerken", "verwerkt"}, true);
    t.toegewezenOp = r.dateTime(QStringLiteral("toegewezenOp"));
    t.afgehandeldOp = r.dateTime(QStringLiteral("afgehandeldOp"));
    t.actorUuids = r.references(QStringLiteral("toegewezenAanActoren"));
    if (t.actorUuids.isEmpty()) {
        if (QString single = r.reference(QStringLiteral("toegewezenAanActor")); !single.isEmpty()) {
            t.actorUuids.append(single);
        }
    }
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return t;
}

Expected<KlantinteractiesActor, RecordError> KlantinteractiesParser::actor(const QJsonObject &record)
{
    Reader r(record, QStringLiteral("actor"));
    KlantinteractiesActor a;
    a.uuid = r.uuid(QStringLiteral("uuid"), true);
    a.naam = r.string(QStringLiteral("naam"));
    a.soortActor = r.oneOf(QStringLiteral("soortActor"), {"medewerker", "geautomatiseerde_actor", "organisatorische_eenheid"}, false);
    if (!r.ok()) {
        return unexpected(r.error());
    }
    return a;
}

QByteArray KlantinteractiesParser::contentHash(const QJsonObject &record, const QStringList &dropKeys)
{
    return CommonGroundList::contentHash(ContentVersion, record, dropKeys);
}

} // namespace C360
