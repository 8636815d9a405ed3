// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "citizen.h"
#include "contactmoment.h"
#include "expected.h"
#include "request.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

#include <QHash>
#include <QJsonObject>

namespace C360
{

// Turns parsed Klantinteracties records into the local model and local contact moments into
// maak-klantcontact bodies. Pure functions: no store, no network. Reasons are English and name
// fields, never values.
//
// Partij (soortPartij persoon) → Citizen: contactnaam voornaam → given names; voorvoegsel and
// achternaam → family name (volledigeNaam when there is no contactnaam); partij-identificatoren
// bsn/brp → BSN, rijksregisternummer/rr and bisnummer/bis (the reference back end's documented
// Flemish deviation) → Belgian numbers, validated (a number failing its check refuses the record)
// and giving the birth date; other identifiers (kvk_nummer, rsin, vestigingsnummer) are not a
// person's and are left out; bezoekadres, else correspondentieadres → address (structured
// fields first, adresregel1/2 "Street 12 bus 3" / "2200 Town" where they are empty, land or NL);
// digitale adressen email/telefoonnummer → digital addresses with their verificatieDatum (overig is
// left out); voorkeurstaal (ISO 639-2/B) → BCP 47 language; the kind of voorkeursDigitaalAdres →
// channel preference for topic "general".
class KlantinteractiesMapper
{
public:
    static Expected<Citizen, RecordError> citizen(const KlantinteractiesParty &party, const QString &sourceSystem);
    // kanaal is free text in the specification: known words map to a channel, anything else to
    // the counter (a contact without a recognised channel most often is a visit).
    static ContactMoment contactMoment(const KlantinteractiesContact &contact, const QString &sourceSystem, qint64 citizenId);
    // The party a contact was about: the betrokkene with rol klant that took the initiative, else
    // any betrokkene with a party; empty when none had one.
    static QString partyOf(const KlantinteractiesContact &contact);
    // InterneTaak → Request: see KlantinteractiesTakenSync.
    static Request request(const KlantinteractiesTask &task, const QString &sourceSystem, qint64 citizenId, const QHash<QString, Assignee> &actors);
    static Assignee assignee(const KlantinteractiesActor &actor);

    static Address address(const KlantinteractiesAddress &address);
    static QString language(const QString &iso6392);
    static Channel channel(const QString &kanaal);
    static QString kanaal(Channel channel);
    static QString iso6392(const QString &language);

    // The maak-klantcontact body for a contact made here: the klantcontact, and a betrokkene (rol
    // klant, initiator) that was the party partyUuid when the citizen came from this back end.
    static QJsonObject maakKlantcontact(const ContactMoment &contact, const QString &partyUuid, const QString &language = QStringLiteral("nl"));
};

} // namespace C360
