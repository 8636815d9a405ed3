// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "sync/commongroundlist.h"
#include "sync/payloaderror.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace C360
{

// An address group (bezoekadres, correspondentieadres).
struct KlantinteractiesAddress
{
    QString straatnaam;
    QString huisnummer;
    QString huisnummertoevoeging;
    QString postcode;
    QString stad;
    QString adresregel1;
    QString adresregel2;
    QString adresregel3;
    QString land;
    bool isEmpty() const;
};

struct KlantinteractiesDigitalAddress
{
    QString uuid;
    QString soort; // email, telefoonnummer, overig
    QString adres;
    QDate verificatieDatum;
};

struct KlantinteractiesIdentifier
{
    QString codeObjecttype;
    QString codeRegister;
    QString codeSoortObjectId;
    QString objectId;
};

struct KlantinteractiesParty
{
    QString uuid;
    QString soortPartij; // persoon, organisatie, contactpersoon
    QString voorletters;
    QString voornaam;
    QString voorvoegselAchternaam;
    QString achternaam;
    QString volledigeNaam;
    QString voorkeurstaal;
    QString voorkeursDigitaalAdres; // uuid
    KlantinteractiesAddress bezoekadres;
    KlantinteractiesAddress correspondentieadres;
    QList<KlantinteractiesIdentifier> identifiers;
    QList<KlantinteractiesDigitalAddress> digitalAddresses; // from _expand
    int digitalAddressRefs = 0; // digitaleAdressen the party lists, expanded or not
    bool digitalAddressesExpanded = false;
};

// A betrokkene of a klantcontact, from the contact's _expand.hadBetrokkenen.
struct KlantinteractiesInvolved
{
    QString uuid;
    QString partyUuid; // wasPartij; empty when the betrokkene was no known party
    QString rol; // klant, vertegenwoordiger
    bool initiator = false;
};

struct KlantinteractiesContact
{
    QString uuid;
    QString kanaal;
    QString onderwerp;
    QString inhoud;
    QString reactie;
    QString taal;
    std::optional<bool> indicatieContactGelukt;
    bool vertrouwelijk = false;
    QDateTime plaatsgevondenOp;
    QStringList staff; // names of the hadBetrokkenActoren
    QStringList taskUuids; // leiddeTotInterneTaken
    QList<KlantinteractiesInvolved> involved;
    int involvedRefs = 0; // hadBetrokkenen, expanded or not
    bool involvedExpanded = false;
};

struct KlantinteractiesTask
{
    QString uuid;
    QString contactUuid; // aanleidinggevendKlantcontact
    QString gevraagdeHandeling;
    QString toelichting;
    QString status; // te_verwerken, verwerkt
    QDateTime toegewezenOp;
    QDateTime afgehandeldOp;
    QStringList actorUuids; // toegewezenAanActoren, else the deprecated toegewezenAanActor
};

struct KlantinteractiesActor
{
    QString uuid;
    QString naam;
    QString soortActor; // medewerker, geautomatiseerde_actor, organisatorische_eenheid
};

// Reads Klantinteracties (Open Klant 2.x) JSON as its OpenAPI document describes it, defensively:
// a page that is not a paginated list is refused whole; a record with a wrong type, a missing or
// malformed uuid, an unknown enum value, a string over 64 KiB or invalid UTF-8 is refused alone,
// with an English reason that names the field, never its value.
class KlantinteractiesParser
{
public:
    static constexpr qsizetype MaxStringBytes = CommonGroundList::MaxStringBytes;
    // The mapping version in every record's content hash.
    static constexpr const char *ContentVersion = "klantinteracties/2\n";

    // The list envelope. The body may be served with any Content-Type: a good body is accepted.
    static Expected<CommonGroundPage, PageError> page(const QByteArray &body);
    // The record's uuid when it is a well-formed one, else empty (for naming a skipped record).
    static QString recordId(const QJsonObject &record);
    // Checks that apply to any record: its uuid, no over-long strings, no invalid UTF-8.
    static Expected<QString, RecordError> checkRecord(const QJsonObject &record, bool invalidUtf8);

    static Expected<KlantinteractiesParty, RecordError> party(const QJsonObject &record);
    static Expected<KlantinteractiesContact, RecordError> contact(const QJsonObject &record);
    static Expected<KlantinteractiesTask, RecordError> task(const QJsonObject &record);
    static Expected<KlantinteractiesActor, RecordError> actor(const QJsonObject &record);
    static Expected<KlantinteractiesDigitalAddress, RecordError> digitalAddress(const QJsonObject &record);
    static Expected<KlantinteractiesInvolved, RecordError> involved(const QJsonObject &record);

    // SHA-256 of the record as received in canonical JSON (sorted keys, compact), without the
    // `url` members (they carry the server's host, not content) and without dropKeys (reverse
    // relations that change when other records are added), so that an unchanged record hashes
    // the same on every run.
    static QByteArray contentHash(const QJsonObject &record, const QStringList &dropKeys = {});
};

} // namespace C360
