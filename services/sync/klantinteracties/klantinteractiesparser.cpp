// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiesparser.h"

#include "jsonnumber.h"
#include "sync/htmlpage.h"

#include "sync/klantinteracties/klantinteractiesreader.h"

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
using Klantinteracties::Reader;

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

// Where a value is in a record: named only when one is bad (building every path would cost more
// than the check).
struct Where
{
    const Where *parent = nullptr;
    QString key; // a member's name, or empty for an array item
    qsizetype index = -1; // an array item's index
    QString path() const
    {
        if (!parent) {
            return {};
        }
        const QString above = parent->path();
        if (index >= 0) {
            return above + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        }
        return above.isEmpty() ? key : above + QLatin1Char('.') + key;
    }
};

// The first string in value (recursively) that is too long or holds a replacement character of a
// repaired invalid UTF-8 body, as a reason naming where it is.
RecordError badString(const QJsonValue &value, const Where &where, bool invalidUtf8)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.size() > KlantinteractiesParser::MaxStringBytes / 3 && s.toUtf8().size() > KlantinteractiesParser::MaxStringBytes) {
            return {RecordError::Kind::TooLarge, where.path(), QStringLiteral("%1 is longer than 64 KiB").arg(where.path())};
        }
        if (invalidUtf8 && s.contains(QChar::ReplacementCharacter)) {
            return {RecordError::Kind::InvalidUtf8, where.path(), QStringLiteral("%1 is not valid UTF-8").arg(where.path())};
        }
    } else if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (RecordError bad = badString(items.at(i), Where{&where, {}, i}, invalidUtf8); !bad.detail.isEmpty()) {
                return bad;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const Where member{&where, it.key(), -1};
            if (invalidUtf8 && member.key.contains(QChar::ReplacementCharacter)) {
                const QString path = where.path();
                return {RecordError::Kind::InvalidUtf8,
                        path,
                        QStringLiteral("a member name in %1 is not valid UTF-8").arg(path.isEmpty() ? QStringLiteral("the record") : path)};
            }
            if (member.key.size() > KlantinteractiesParser::MaxStringBytes / 3) {
                const QString path = where.path();
                return {RecordError::Kind::TooLarge,
                        path,
                        QStringLiteral("a member name in %1 is longer than 64 KiB").arg(path.isEmpty() ? QStringLiteral("the record") : path)};
            }
            if (RecordError bad = badString(it.value(), member, invalidUtf8); !bad.detail.isEmpty()) {
                return bad;
            }
        }
    }
    return {};
}

QJsonValue withoutUrls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        o.remove(QStringLiteral("url"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isObject() || it.value().isArray()) {
                *it = withoutUrls(it.value());
            }
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            a[i] = withoutUrls(a.at(i));
        }
        return a;
    }
    return value;
}
} // namespace

bool KlantinteractiesAddress::isEmpty() const
{
    return straatnaam.isEmpty() && huisnummer.isEmpty() && postcode.isEmpty() && stad.isEmpty() && adresregel1.isEmpty() && adresregel2.isEmpty() &&
        adresregel3.isEmpty();
}

Expected<KlantinteractiesPage, PageError> KlantinteractiesParser::page(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        return unexpected(PageError::empty());
    }
    if (isHtmlPage(body)) {
        return unexpected(PageError::webPage());
    }
    KlantinteractiesPage page;
    QByteArray text = body;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(body);
    if (decoder.hasError()) {
        // Repaired (U+FFFD for each bad sequence) so that the other records of the page still go in.
        text = decoded.toUtf8();
        page.invalidUtf8 = true;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        return unexpected(PageError::syntax(QStringLiteral("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)));
    }
    if (!document.isObject()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: the body is not an object")));
    }
    const QJsonObject o = document.object();
    const QJsonValue results = o.value(QStringLiteral("results"));
    if (!results.isArray()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: no results array")));
    }
    const QJsonValue count = o.value(QStringLiteral("count"));
    if (count.isDouble()) {
        // A count no list can have (negative, a fraction, beyond 2^53) is kept as one too large to
        // believe: the crawl then deletes nothing on its word.
        const auto n = wholeNumber(count);
        page.count = n && *n >= 0 ? *n : KlantinteractiesPage::UnbelievableCount;
    } else if (!count.isUndefined() && !count.isNull()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: count is not a number")));
    }
    const QJsonValue next = o.value(QStringLiteral("next"));
    if (next.isString() && !next.toString().isEmpty()) {
        page.hasNext = true;
        page.next = next.toString();
        page.nextPage = QUrlQuery(QUrl(page.next)).queryItemValue(QStringLiteral("page")).toInt();
    } else if (!next.isUndefined() && !next.isNull() && !next.isString()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: next is not a link")));
    }
    for (const QJsonValue &v : results.toArray()) {
        page.records.append(v.isObject() ? v.toObject() : QJsonObject());
    }
    return page;
}

QString KlantinteractiesParser::recordId(const QJsonObject &record)
{
    const QJsonValue v = record.value(QStringLiteral("uuid"));
    if (!v.isString() || QUuid::fromString(v.toString()).isNull()) {
        return {};
    }
    return v.toString();
}

Expected<QString, RecordError> KlantinteractiesParser::checkRecord(const QJsonObject &record, bool invalidUtf8)
{
    if (record.isEmpty()) {
        return unexpected(RecordError{RecordError::Kind::NotAnObject, {}, QStringLiteral("the record is not an object")});
    }
    Reader r(record);
    const QString id = r.uuid(QStringLiteral("uuid"), true);
    if (!r.ok()) {
        return unexpected(r.error());
    }
    if (RecordError bad = badString(record, Where{}, invalidUtf8); !bad.detail.isEmpty()) {
        return unexpected(bad);
    }
    return id;
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
    QJsonObject canonical = withoutUrls(record).toObject();
    for (const QString &key : dropKeys) {
        canonical.remove(key);
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("klantinteracties/2\n"); // a new mapping version makes every record apply again
    // CBOR of the JSON's own data (shared, not converted): a fraction of the cost of JSON text.
    hash.addData(QCborMap::fromJsonObject(canonical).toCborValue().toCbor());
    return hash.result();
}

} // namespace C360
