// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiesmapper.h"

#include "nationalnumber.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace C360
{

namespace
{
struct LanguageCode
{
    const char *bcp47;
    const char *iso6392b;
    const char *iso6392t;
};
constexpr LanguageCode languages[] = {{"nl", "dut", "nld"}, {"fr", "fre", "fra"}, {"de", "ger", "deu"}, {"en", "eng", "eng"}};

struct ChannelWord
{
    const char *word;
    Channel channel;
};
// The first word of each channel is the one sent.
constexpr ChannelWord channelWords[] = {
    {"balie", Channel::Counter},
    {"loket", Channel::Counter},
    {"bezoek", Channel::Counter},
    {"telefoon", Channel::Phone},
    {"telefonisch", Channel::Phone},
    {"e-mail", Channel::Email},
    {"email", Channel::Email},
    {"mail", Channel::Email},
    {"chat", Channel::Chat},
    {"brief", Channel::Letter},
    {"post", Channel::Letter},
    {"app", Channel::App},
    {"contactformulier", Channel::App},
    {"website", Channel::App},
};

std::optional<Identifier> personIdentifier(const KlantinteractiesIdentifier &id, RecordError *error)
{
    IdentifierType type;
    if (id.codeSoortObjectId == QLatin1String("rijksregisternummer")) {
        type = IdentifierType::BelgianNationalNumber;
    } else if (id.codeSoortObjectId == QLatin1String("bisnummer")) {
        type = IdentifierType::BelgianBisNumber;
    } else if (id.codeSoortObjectId == QLatin1String("bsn")) {
        type = IdentifierType::DutchBsn;
    } else {
        return std::nullopt; // an organisation's or a branch's number
    }
    auto parsed = Identifier::parse(type, id.objectId);
    if (!parsed) {
        *error = {RecordError::Kind::Malformed,
                  QStringLiteral("partijIdentificatoren.partijIdentificator.objectId"),
                  QStringLiteral("partijIdentificator %1 fails its check (%2)").arg(id.codeSoortObjectId, toKey(parsed.error()))};
        return std::nullopt;
    }
    return *parsed;
}
} // namespace

Expected<Citizen, RecordError> KlantinteractiesMapper::citizen(const KlantinteractiesParty &party, const QString &sourceSystem)
{
    Citizen c;
    c.source = {sourceSystem, party.uuid};
    c.givenNames = party.voornaam.trimmed();
    c.familyName = QString(party.voorvoegselAchternaam.trimmed() + QLatin1Char(' ') + party.achternaam.trimmed()).trimmed();
    if (c.givenNames.isEmpty() && c.familyName.isEmpty()) {
        c.familyName = party.volledigeNaam.trimmed();
    }
    for (const KlantinteractiesIdentifier &id : party.identifiers) {
        RecordError error;
        const std::optional<Identifier> identifier = personIdentifier(id, &error);
        if (!error.detail.isEmpty()) {
            return unexpected(error);
        }
        if (identifier && !c.identifier(identifier->type)) {
            c.identifiers.append(*identifier);
        }
    }
    if (const auto belgian = c.identifier(IdentifierType::BelgianNationalNumber) ? c.identifier(IdentifierType::BelgianNationalNumber)
                                                                                 : c.identifier(IdentifierType::BelgianBisNumber)) {
        if (const auto number = NationalNumber::parse(belgian->value)) {
            c.birthDate = number->birthDate();
        }
    }
    c.address = address(party.bezoekadres.isEmpty() ? party.correspondentieadres : party.bezoekadres);
    std::optional<DigitalAddressKind> preferred;
    for (const KlantinteractiesDigitalAddress &a : party.digitalAddresses) {
        if (a.soort == QLatin1String("overig") || a.adres.trimmed().isEmpty()) {
            continue;
        }
        const DigitalAddressKind kind = a.soort == QLatin1String("email") ? DigitalAddressKind::Email : DigitalAddressKind::Phone;
        c.digitalAddresses.append({kind, a.adres.trimmed(), a.verificatieDatum});
        if (a.uuid == party.voorkeursDigitaalAdres) {
            preferred = kind;
        }
    }
    if (preferred) {
        c.channelPreferences.append({QStringLiteral("general"), *preferred == DigitalAddressKind::Email ? Channel::Email : Channel::Phone});
    }
    c.preferredLanguage = language(party.voorkeurstaal);
    return c;
}

Address KlantinteractiesMapper::address(const KlantinteractiesAddress &a)
{
    Address out;
    if (a.isEmpty()) {
        return out;
    }
    out.street = a.straatnaam.trimmed();
    out.number = a.huisnummer;
    out.box = a.huisnummertoevoeging.trimmed();
    out.postcode = a.postcode.trimmed();
    out.municipality = a.stad.trimmed();
    // Addresses the Dutch structured fields cannot hold come as lines: "Kerkstraat 12 bus 3" and
    // "2000 Antwerpen" (Belgian postcodes do not match the specification's Dutch pattern).
    static const QRegularExpression streetLine(QStringLiteral("^(.*?\\S)\\s+(\\d+[A-Za-z]?)(?:\\s*(?:bus|/)\\s*(\\S+))?$"));
    static const QRegularExpression townLine(QStringLiteral("^(\\d{4}(?:\\s?[A-Z]{2})?)\\s+(.+)$"));
    if (out.street.isEmpty()) {
        if (const auto m = streetLine.match(a.adresregel1.trimmed()); m.hasMatch()) {
            out.street = m.captured(1);
            out.number = m.captured(2);
            out.box = m.captured(3);
        } else {
            out.street = a.adresregel1.trimmed();
        }
    }
    if (const auto m = townLine.match(a.adresregel2.trimmed()); m.hasMatch()) {
        if (out.postcode.isEmpty()) {
            out.postcode = m.captured(1);
        }
        if (out.municipality.isEmpty()) {
            out.municipality = m.captured(2).trimmed();
        }
    } else if (out.municipality.isEmpty()) {
        out.municipality = a.adresregel2.trimmed();
    }
    // "land: ISO 3166-code die het land (buiten Nederland) aangeeft": none means the Netherlands.
    out.countryCode = a.land.isEmpty() ? QStringLiteral("NL") : a.land.toUpper();
    return out;
}

QString KlantinteractiesMapper::language(const QString &iso6392)
{
    const QString code = iso6392.trimmed().toLower();
    for (const LanguageCode &l : languages) {
        if (code == QLatin1String(l.iso6392b) || code == QLatin1String(l.iso6392t) || code == QLatin1String(l.bcp47)) {
            return QString::fromLatin1(l.bcp47);
        }
    }
    return {};
}

QString KlantinteractiesMapper::iso6392(const QString &language)
{
    for (const LanguageCode &l : languages) {
        if (language == QLatin1String(l.bcp47)) {
            return QString::fromLatin1(l.iso6392t); // "nld", as the specification's example and Open Klant write it
        }
    }
    return QStringLiteral("nld");
}

Channel KlantinteractiesMapper::channel(const QString &kanaal)
{
    const QString word = kanaal.trimmed().toLower();
    for (const ChannelWord &w : channelWords) {
        if (word == QLatin1String(w.word)) {
            return w.channel;
        }
    }
    return Channel::Counter;
}

QString KlantinteractiesMapper::kanaal(Channel channel)
{
    for (const ChannelWord &w : channelWords) {
        if (w.channel == channel) {
            return QString::fromLatin1(w.word);
        }
    }
    return QStringLiteral("balie");
}

QString KlantinteractiesMapper::partyOf(const KlantinteractiesContact &contact)
{
    const KlantinteractiesInvolved *best = nullptr;
    for (const KlantinteractiesInvolved &b : contact.involved) {
        if (b.partyUuid.isEmpty()) {
            continue;
        }
        const bool client = b.rol == QLatin1String("klant");
        if (!best || (client && b.initiator && !(best->rol == QLatin1String("klant") && best->initiator))) {
            best = &b;
        }
    }
    return best ? best->partyUuid : QString();
}

ContactMoment KlantinteractiesMapper::contactMoment(const KlantinteractiesContact &contact, const QString &sourceSystem, qint64 citizenId)
{
    ContactMoment m;
    m.source = {sourceSystem, contact.uuid};
    m.citizenId = citizenId;
    m.channel = channel(contact.kanaal);
    m.subject = contact.onderwerp;
    // inhoud holds what was asked and told; reactie, when given, the answer: both are the text.
    m.text = contact.reactie.isEmpty() ? contact.inhoud : contact.inhoud + QStringLiteral("\n\n") + contact.reactie;
    if (!contact.taskUuids.isEmpty()) {
        m.outcome = ContactOutcome::Referred;
    } else if (contact.indicatieContactGelukt == false) {
        m.outcome = ContactOutcome::CallbackNeeded;
    } else {
        m.outcome = ContactOutcome::Answered;
    }
    m.staffMember = contact.staff.value(0);
    m.time = contact.plaatsgevondenOp;
    return m;
}

Assignee KlantinteractiesMapper::assignee(const KlantinteractiesActor &actor)
{
    return {actor.soortActor == QLatin1String("medewerker") ? AssigneeKind::Person : AssigneeKind::Team, actor.naam};
}

Request KlantinteractiesMapper::request(const KlantinteractiesTask &task, const QString &sourceSystem, qint64 citizenId, const QHash<QString, Assignee> &actors)
{
    Request r;
    r.source = {sourceSystem, task.uuid};
    r.citizenId = citizenId;
    r.question = task.toelichting.isEmpty() ? task.gevraagdeHandeling : task.gevraagdeHandeling + QStringLiteral("\n\n") + task.toelichting;
    r.status = task.status == QLatin1String("verwerkt") ? RequestStatus::Closed : RequestStatus::Open;
    for (const QString &actor : task.actorUuids) {
        if (const auto it = actors.constFind(actor); it != actors.cend()) {
            r.assignee = *it;
            break;
        }
    }
    r.created = task.toegewezenOp;
    return r;
}

QJsonObject KlantinteractiesMapper::maakKlantcontact(const ContactMoment &contact, const QString &partyUuid, const QString &language)
{
    QJsonObject klantcontact{
        {QStringLiteral("kanaal"), kanaal(contact.channel)},
        {QStringLiteral("onderwerp"), contact.subject},
        {QStringLiteral("inhoud"), contact.text},
        {QStringLiteral("taal"), iso6392(language)},
        {QStringLiteral("vertrouwelijk"), false},
        {QStringLiteral("indicatieContactGelukt"), contact.outcome != ContactOutcome::CallbackNeeded},
    };
    if (contact.time.isValid()) {
        klantcontact.insert(QStringLiteral("plaatsgevondenOp"), contact.time.toUTC().toString(Qt::ISODateWithMs));
    }
    QJsonObject body{{QStringLiteral("klantcontact"), klantcontact}};
    if (!partyUuid.isEmpty()) {
        body.insert(QStringLiteral("betrokkene"),
                    QJsonObject{{QStringLiteral("wasPartij"), QJsonObject{{QStringLiteral("uuid"), partyUuid}}},
                                {QStringLiteral("rol"), QStringLiteral("klant")},
                                {QStringLiteral("initiator"), true}});
    }
    return body;
}

} // namespace C360
