// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Klantinteracties records as Open Klant 2.x renders them (the shapes of the recorded exchanges in
// tests/refbackend/specs/klantinteracties-openklant/samples), kept valid against its OpenAPI
// document where the real server is not (see the comments on addresses and identifiers).

#include "klantinteracties/klantinteractiesbackend.h"

#include <algorithm>

namespace C360::Ref
{

namespace
{
// Keys of our own random streams (apart from the data set's, which count up from 1).
constexpr quint64 VerificationStream = 0x4B4C414E54ULL; // "KLANT"

QString number(quint64 n)
{
    return QStringLiteral("%1").arg(n, 10, 10, QLatin1Char('0'));
}

QString language3(const QString &language)
{
    // The data set's contacts use the same ISO 639-2 codes.
    if (language == QLatin1String("fr")) {
        return QStringLiteral("fra");
    }
    if (language == QLatin1String("de")) {
        return QStringLiteral("deu");
    }
    if (language == QLatin1String("en")) {
        return QStringLiteral("eng");
    }
    return QStringLiteral("nld");
}

QString initials(const QString &givenNames)
{
    // "Jan Pieter" → "J.P.", at most the spec's ten characters.
    QString out;
    for (const QString &name : givenNames.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (out.size() + 2 > 10) {
            break;
        }
        out += name.at(0).toUpper() + QLatin1Char('.');
    }
    return out;
}

QString slug(const QString &name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            out += c.toLower();
        } else if (c == QLatin1Char(' ')) {
            out += QLatin1Char('-');
        }
    }
    return out;
}
} // namespace

QString KlantinteractiesBackend::timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject KlantinteractiesBackend::ref(UuidKind kind, quint64 index, const QString &root) const
{
    const QString uuid = m_data.uuid(kind, index).toString(QUuid::WithoutBraces);
    return QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("url"), QString(root + QLatin1Char('/') + collection(kind) + QLatin1Char('/') + uuid)}};
}

QJsonArray KlantinteractiesBackend::refs(UuidKind kind, const QList<quint64> &indices, const QString &root) const
{
    QJsonArray array;
    for (const quint64 index : indices) {
        array.append(ref(kind, index, root));
    }
    return array;
}

QJsonObject KlantinteractiesBackend::contactnaam(const Person &person)
{
    return QJsonObject{
        {QStringLiteral("voorletters"), initials(person.givenNames)},
        {QStringLiteral("voornaam"), person.givenNames},
        // Person.prefix is the Dutch voorvoegsel; Flemish particles ("Van den") stay in the name.
        {QStringLiteral("voorvoegselAchternaam"), person.prefix},
        {QStringLiteral("achternaam"), person.familyName},
    };
}

QString KlantinteractiesBackend::volledigeNaam(const QJsonObject &contactnaam)
{
    // As Open Klant joins it: given name, prefix, family name (no initials).
    QStringList parts;
    for (const char *key : {"voornaam", "voorvoegselAchternaam", "achternaam"}) {
        const QString part = contactnaam.value(QLatin1String(key)).toString();
        if (!part.isEmpty()) {
            parts.append(part);
        }
    }
    return parts.join(QLatin1Char(' '));
}

QJsonObject KlantinteractiesBackend::address(const Person &person) const
{
    QJsonObject a{
        {QStringLiteral("straatnaam"), person.street},
        {QStringLiteral("huisnummer"), person.houseNumber.toInt()},
        {QStringLiteral("stad"), person.municipality},
        {QStringLiteral("adresregel3"), QString()},
        {QStringLiteral("land"), person.countryCode},
    };
    if (m_data.profile() == Profile::Netherlands) {
        // A BAG nummeraanduiding: municipality code, object type 20, a serial (the household's).
        quint64 name = 0;
        for (const QChar c : person.municipality) {
            name = name * 31 + c.unicode();
        }
        const quint64 municipality = 1 + hashKey(m_data.seed(), VerificationStream, name) % 1999;
        a[QStringLiteral("nummeraanduidingId")] = QString(QStringLiteral("%1").arg(municipality, 4, 10, QLatin1Char('0')) + QStringLiteral("20") +
                                                          QStringLiteral("%1").arg(quint64(person.household) + 1, 10, 10, QLatin1Char('0')));
        a[QStringLiteral("huisnummertoevoeging")] = person.box;
        a[QStringLiteral("postcode")] = person.postcode;
        a[QStringLiteral("adresregel1")] = QString();
        a[QStringLiteral("adresregel2")] = QString();
    } else {
        // Open Klant takes only Dutch postcodes and BAG identifiers (its OpenAPI patterns say so and
        // its validators enforce them): a Belgian address goes in the address lines, and the two
        // Dutch-only fields are left out rather than sent empty (empty breaks the patterns).
        const QString box = person.box.isEmpty() ? QString() : QStringLiteral("bus ") + person.box;
        a[QStringLiteral("huisnummertoevoeging")] = box;
        a[QStringLiteral("adresregel1")] = QStringList{person.street, person.houseNumber, box}.join(QLatin1Char(' ')).trimmed();
        a[QStringLiteral("adresregel2")] = QString(person.postcode + QLatin1Char(' ') + person.municipality);
    }
    return a;
}

QJsonObject KlantinteractiesBackend::identificator(quint32 citizen, const QString &root) const
{
    return identificator(m_data.person(citizen), root);
}

QJsonObject KlantinteractiesBackend::identificator(const Person &person, const QString &root) const
{
    QJsonObject codes;
    if (m_data.profile() == Profile::Netherlands) {
        codes = QJsonObject{{QStringLiteral("codeObjecttype"), QStringLiteral("natuurlijk_persoon")},
                            {QStringLiteral("codeSoortObjectId"), QStringLiteral("bsn")},
                            {QStringLiteral("codeRegister"), QStringLiteral("brp")}};
    } else {
        // The one deliberate departure from the OpenAPI document: its enums know only Dutch
        // registers (brp/hr, bsn/kvk_nummer/…). A Flemish municipality's Open Klant would carry the
        // national register number as register "rr" (Rijksregister), kind "rijksregisternummer",
        // and a BIS number as register "bis" (BIS register of the Crossroads Bank), kind
        // "bisnummer". Everything else stays valid against the document.
        codes = QJsonObject{{QStringLiteral("codeObjecttype"), QStringLiteral("natuurlijk_persoon")},
                            {QStringLiteral("codeSoortObjectId"), person.bis ? QStringLiteral("bisnummer") : QStringLiteral("rijksregisternummer")},
                            {QStringLiteral("codeRegister"), person.bis ? QStringLiteral("bis") : QStringLiteral("rr")}};
    }
    codes[QStringLiteral("objectId")] = person.identifier;
    QJsonObject o = ref(UuidKind::PartyIdentifier, person.index, root);
    o[QStringLiteral("identificeerdePartij")] = ref(UuidKind::Party, person.index, root);
    o[QStringLiteral("anderePartijIdentificator")] = QString();
    o[QStringLiteral("partijIdentificator")] = codes;
    o[QStringLiteral("subIdentificatorVan")] = QJsonValue::Null;
    return o;
}

QJsonObject KlantinteractiesBackend::digitaalAdres(quint64 index, const QString &root) const
{
    return digitaalAdres(m_data.person(quint32(index / 2)), int(index % 2), root);
}

QJsonObject KlantinteractiesBackend::digitaalAdres(const Person &person, int kind, const QString &root) const
{
    const quint64 index = quint64(person.index) * 2 + quint64(kind);
    const bool verified = kind == 0 ? person.emailVerified : person.phoneVerified;
    QJsonObject o = ref(UuidKind::DigitalAddress, index, root);
    o[QStringLiteral("verstrektDoorBetrokkene")] = QJsonValue::Null;
    o[QStringLiteral("verstrektDoorPartij")] = ref(UuidKind::Party, person.index, root);
    // Open Klant checks telephone numbers against ^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$.
    o[QStringLiteral("adres")] = kind == 0 ? person.email : QString(person.phone).remove(QLatin1Char(' '));
    o[QStringLiteral("soortDigitaalAdres")] = kind == 0 ? QStringLiteral("email") : QStringLiteral("telefoonnummer");
    o[QStringLiteral("isStandaardAdres")] = true; // one address of each kind per party
    o[QStringLiteral("omschrijving")] = kind == 1 ? QStringLiteral("Mobiel nummer")
        : person.familyEmail                      ? QStringLiteral("Gedeeld e-mailadres (gezin)")
                                                  : QStringLiteral("E-mailadres");
    // "referentie" is left out: its pattern (^[-a-zA-Z0-9_]+$) rejects the empty string Open Klant
    // would send, and these addresses carry no tag.
    if (verified) {
        // Some day in the last years, but not before the resident had addresses (from 14).
        const QDate today = m_data.referenceDate();
        const qint64 span = std::clamp<qint64>(person.birthDate.addYears(14).daysTo(today), 1, 2000);
        const qint64 days = 1 + qint64(hashKey(m_data.seed(), VerificationStream, index) % quint64(span));
        o[QStringLiteral("verificatieDatum")] = today.addDays(-days).toString(Qt::ISODate);
    } else {
        o[QStringLiteral("verificatieDatum")] = QJsonValue::Null;
    }
    return o;
}

QJsonObject KlantinteractiesBackend::partij(quint32 citizen, const QString &root) const
{
    const Person p = m_data.person(citizen);
    const QList<quint64> addresses = digitalAddressesOf(p);
    const QJsonObject naam = contactnaam(p);
    QJsonObject o = ref(UuidKind::Party, citizen, root);
    o[QStringLiteral("nummer")] = number(quint64(citizen) + 1);
    o[QStringLiteral("interneNotitie")] = QString();
    o[QStringLiteral("betrokkenen")] = refs(UuidKind::Involved, involvedOfParty(citizen), root);
    o[QStringLiteral("categorieRelaties")] = QJsonArray();
    o[QStringLiteral("digitaleAdressen")] = refs(UuidKind::DigitalAddress, addresses, root);
    o[QStringLiteral("voorkeursDigitaalAdres")] = addresses.isEmpty() ? QJsonValue(QJsonValue::Null) : ref(UuidKind::DigitalAddress, addresses.first(), root);
    o[QStringLiteral("vertegenwoordigden")] = QJsonArray();
    o[QStringLiteral("rekeningnummers")] = QJsonArray();
    o[QStringLiteral("voorkeursRekeningnummer")] = QJsonValue::Null;
    o[QStringLiteral("partijIdentificatoren")] = QJsonArray{identificator(p, root)};
    o[QStringLiteral("soortPartij")] = QStringLiteral("persoon");
    o[QStringLiteral("indicatieGeheimhouding")] = false;
    o[QStringLiteral("voorkeurstaal")] = language3(p.language);
    o[QStringLiteral("indicatieActief")] = true;
    o[QStringLiteral("bezoekadres")] = address(p);
    o[QStringLiteral("correspondentieadres")] = address(p);
    o[QStringLiteral("partijIdentificatie")] = QJsonObject{{QStringLiteral("contactnaam"), naam}, {QStringLiteral("volledigeNaam"), volledigeNaam(naam)}};
    return o;
}

QJsonObject KlantinteractiesBackend::klantcontact(quint64 index, const QString &root) const
{
    QJsonObject o;
    if (index >= KlantinteractiesCreatedBase) {
        o = m_contacts.at(qsizetype(index - KlantinteractiesCreatedBase)).fields;
    } else {
        const ContactRecord c = m_data.contact(index);
        o[QStringLiteral("nummer")] = number(index + 1);
        o[QStringLiteral("referentienummer")] = number(index + 1);
        o[QStringLiteral("kanaal")] = c.channel;
        o[QStringLiteral("onderwerp")] = c.subject;
        o[QStringLiteral("inhoud")] = c.text;
        o[QStringLiteral("reactie")] = QString();
        o[QStringLiteral("indicatieContactGelukt")] = c.succeeded;
        o[QStringLiteral("hoofdOnderwerpType")] = QString();
        o[QStringLiteral("verdereActieOndernomen")] = false;
        o[QStringLiteral("taal")] = c.language;
        o[QStringLiteral("vertrouwelijk")] = c.confidential;
        o[QStringLiteral("plaatsgevondenOp")] = timestamp(c.time);
        o[QStringLiteral("metadata")] = QJsonObject();
    }
    const QJsonObject r = ref(UuidKind::Contact, index, root);
    o[QStringLiteral("uuid")] = r.value(QStringLiteral("uuid"));
    o[QStringLiteral("url")] = r.value(QStringLiteral("url"));
    o[QStringLiteral("gingOverOnderwerpobjecten")] = refs(UuidKind::Subject, subjectsOfContact(index), root);
    o[QStringLiteral("hadBetrokkenActoren")] = QJsonArray();
    o[QStringLiteral("omvatteBijlagen")] = QJsonArray();
    o[QStringLiteral("hadBetrokkenen")] = refs(UuidKind::Involved, involvedOfContact(index), root);
    o[QStringLiteral("leiddeTotInterneTaken")] = refs(UuidKind::Task, tasksOfContact(index), root);
    return o;
}

QJsonObject KlantinteractiesBackend::betrokkene(quint64 index, const QString &root) const
{
    QJsonObject o;
    if (index >= KlantinteractiesCreatedBase) {
        const KlantinteractiesCreatedInvolved &involved = m_involved.at(qsizetype(index - KlantinteractiesCreatedBase));
        o = involved.fields;
        o[QStringLiteral("wasPartij")] = involved.party ? QJsonValue(ref(UuidKind::Party, *involved.party, root)) : QJsonValue(QJsonValue::Null);
        o[QStringLiteral("hadKlantcontact")] = ref(UuidKind::Contact, involved.contact, root);
    } else {
        // Each generated contact's citizen, as the client they were.
        const quint32 citizen = m_data.contactCitizen(index);
        const QJsonObject naam = contactnaam(m_data.person(citizen));
        o[QStringLiteral("wasPartij")] = ref(UuidKind::Party, citizen, root);
        o[QStringLiteral("hadKlantcontact")] = ref(UuidKind::Contact, index, root);
        // Null, not the empty objects Open Klant sends: those break the address patterns.
        o[QStringLiteral("bezoekadres")] = QJsonValue::Null;
        o[QStringLiteral("correspondentieadres")] = QJsonValue::Null;
        o[QStringLiteral("contactnaam")] = naam;
        o[QStringLiteral("volledigeNaam")] = volledigeNaam(naam);
        o[QStringLiteral("rol")] = QStringLiteral("klant");
        o[QStringLiteral("organisatienaam")] = QString();
        o[QStringLiteral("initiator")] = true;
    }
    const QJsonObject r = ref(UuidKind::Involved, index, root);
    o[QStringLiteral("uuid")] = r.value(QStringLiteral("uuid"));
    o[QStringLiteral("url")] = r.value(QStringLiteral("url"));
    o[QStringLiteral("digitaleAdressen")] = QJsonArray(); // the parties' own addresses are the party's
    return o;
}

QJsonObject KlantinteractiesBackend::onderwerpobject(quint64 index, const QString &root) const
{
    QJsonObject o = ref(UuidKind::Subject, index, root);
    if (index >= KlantinteractiesCreatedBase) {
        const KlantinteractiesCreatedSubject &subject = m_subjects.at(qsizetype(index - KlantinteractiesCreatedBase));
        o[QStringLiteral("klantcontact")] = subject.contact ? QJsonValue(ref(UuidKind::Contact, *subject.contact, root)) : QJsonValue(QJsonValue::Null);
        o[QStringLiteral("wasKlantcontact")] =
            subject.wasContact ? QJsonValue(ref(UuidKind::Contact, *subject.wasContact, root)) : QJsonValue(QJsonValue::Null);
        o[QStringLiteral("onderwerpobjectidentificator")] = subject.identificator;
        return o;
    }
    // The report category (Open311 service) the contact was about, in the register that holds it.
    const int service = m_data.contactService(index);
    o[QStringLiteral("klantcontact")] = ref(UuidKind::Contact, index, root);
    o[QStringLiteral("wasKlantcontact")] = QJsonValue::Null;
    o[QStringLiteral("onderwerpobjectidentificator")] = QJsonObject{
        {QStringLiteral("objectId"), m_data.services().at(service).code},
        {QStringLiteral("codeObjecttype"), QStringLiteral("service")},
        {QStringLiteral("codeRegister"), QStringLiteral("open311")},
        {QStringLiteral("codeSoortObjectId"), QStringLiteral("service_code")},
    };
    return o;
}

QJsonObject KlantinteractiesBackend::interneTaak(quint64 index, const QString &root) const
{
    QJsonObject o;
    QJsonArray actors;
    if (index >= KlantinteractiesCreatedBase) {
        const KlantinteractiesCreatedTask &task = m_tasks.at(qsizetype(index - KlantinteractiesCreatedBase));
        o = task.fields;
        o[QStringLiteral("aanleidinggevendKlantcontact")] = ref(UuidKind::Contact, task.contact, root);
        actors = refs(UuidKind::Actor, task.actors, root);
    } else {
        const TaskRecord t = m_data.task(index);
        o[QStringLiteral("nummer")] = number(index + 1);
        o[QStringLiteral("referentienummer")] = number(index + 1);
        o[QStringLiteral("gevraagdeHandeling")] = t.requestedAction;
        o[QStringLiteral("aanleidinggevendKlantcontact")] = ref(UuidKind::Contact, t.contact, root);
        o[QStringLiteral("toelichting")] = t.explanation;
        o[QStringLiteral("status")] = t.done ? QStringLiteral("verwerkt") : QStringLiteral("te_verwerken");
        o[QStringLiteral("toegewezenOp")] = timestamp(t.assigned);
        o[QStringLiteral("afgehandeldOp")] = t.done ? QJsonValue(timestamp(t.completed)) : QJsonValue(QJsonValue::Null);
        actors.append(ref(UuidKind::Actor, quint64(t.actor), root));
        if (const auto it = m_taskChanges.find(index); it != m_taskChanges.end()) {
            for (auto f = it->second.fields.begin(); f != it->second.fields.end(); ++f) {
                o[f.key()] = f.value();
            }
            if (it->second.actors) {
                actors = refs(UuidKind::Actor, *it->second.actors, root);
            }
        }
    }
    const QJsonObject r = ref(UuidKind::Task, index, root);
    o[QStringLiteral("uuid")] = r.value(QStringLiteral("uuid"));
    o[QStringLiteral("url")] = r.value(QStringLiteral("url"));
    o[QStringLiteral("toegewezenAanActor")] = actors.first(); // deprecated: the first of them
    o[QStringLiteral("toegewezenAanActoren")] = actors;
    return o;
}

QJsonObject KlantinteractiesBackend::actor(quint64 index, const QString &root) const
{
    const Actor &a = m_data.actors().at(qsizetype(index));
    const QString domain = m_data.profile() == Profile::Flanders ? QStringLiteral("gemeente.be") : QStringLiteral("gemeente.nl");
    // A switchboard number per actor that passes Open Klant's telephone pattern.
    const QString phone = m_data.profile() == Profile::Flanders ? QStringLiteral("+3292%1").arg(1000000 + index, 7, 10, QLatin1Char('0'))
                                                                : QStringLiteral("020%1").arg(5550000 + index, 7, 10, QLatin1Char('0'));
    QJsonObject o = ref(UuidKind::Actor, index, root);
    o[QStringLiteral("naam")] = a.name;
    o[QStringLiteral("indicatieActief")] = true;
    // Identified as KISS (the Dutch municipalities' contact centre front end) identifies them.
    if (a.team) {
        o[QStringLiteral("soortActor")] = QStringLiteral("organisatorische_eenheid");
        o[QStringLiteral("actoridentificator")] = QJsonObject{{QStringLiteral("objectId"), slug(a.name)},
                                                              {QStringLiteral("codeObjecttype"), QStringLiteral("afd")},
                                                              {QStringLiteral("codeRegister"), QStringLiteral("obj")},
                                                              {QStringLiteral("codeSoortObjectId"), QStringLiteral("idf")}};
        o[QStringLiteral("actorIdentificatie")] = QJsonObject{{QStringLiteral("omschrijving"), a.name},
                                                              {QStringLiteral("emailadres"), QString(slug(a.name) + QLatin1Char('@') + domain)},
                                                              {QStringLiteral("faxnummer"), QString()},
                                                              {QStringLiteral("telefoonnummer"), phone}};
    } else {
        o[QStringLiteral("soortActor")] = QStringLiteral("medewerker");
        o[QStringLiteral("actoridentificator")] = QJsonObject{{QStringLiteral("objectId"), a.email},
                                                              {QStringLiteral("codeObjecttype"), QStringLiteral("mdw")},
                                                              {QStringLiteral("codeRegister"), QStringLiteral("handmatig")},
                                                              {QStringLiteral("codeSoortObjectId"), QStringLiteral("email")}};
        o[QStringLiteral("actorIdentificatie")] = QJsonObject{{QStringLiteral("functie"), QStringLiteral("Klantcontactmedewerker")},
                                                              {QStringLiteral("emailadres"), a.email},
                                                              {QStringLiteral("telefoonnummer"), phone}};
    }
    return o;
}

} // namespace C360::Ref
