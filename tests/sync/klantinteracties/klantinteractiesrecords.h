// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Good Klantinteracties records, as Open Klant 2.x serves them, for the parser and mapper tests to
// spoil one member at a time.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace C360::Test::Klantinteracties
{

inline QJsonObject goodParty()
{
    return QJsonDocument::fromJson(
               "{\n"
               "        \"uuid\": \"3715e799-b286-41e3-8ce7-4a1d726ee19d\", \"url\": \"http://x/partijen/3715e799-b286-41e3-8ce7-4a1d726ee19d\",\n"
               "        \"soortPartij\": \"persoon\", \"indicatieActief\": true, \"voorkeurstaal\": \"fre\",\n"
               "        \"betrokkenen\": [], \"categorieRelaties\": [], \"vertegenwoordigden\": [],\n"
               "        \"partijIdentificatie\": {\"contactnaam\": {\"voornaam\": \"Jean-Pierre\", \"voorvoegselAchternaam\": \"\", \"achternaam\": \"Ben "
               "Ali\", \"voorletters\": \"J.\"},\n"
               "                                \"volledigeNaam\": \"Jean-Pierre Ben Ali\"},\n"
               "        \"partijIdentificatoren\": [{\"uuid\": \"ce9eef23-affc-440b-8e96-d108f21bb6ca\",\n"
               "            \"partijIdentificator\": {\"codeObjecttype\": \"natuurlijk_persoon\", \"codeRegister\": \"rr\", \"codeSoortObjectId\": "
               "\"rijksregisternummer\", \"objectId\": \"68062700177\"}}],\n"
               "        \"bezoekadres\": {\"adresregel1\": \"Kapelstraat 295 bus 2\", \"adresregel2\": \"2200 Herentals\", \"adresregel3\": \"\", \"land\": "
               "\"BE\"},\n"
               "        \"correspondentieadres\": null,\n"
               "        \"digitaleAdressen\": [{\"uuid\": \"2b0344a8-eea9-4d05-8128-ccd1219d0ecc\"}, {\"uuid\": \"2b0344a8-eea9-4d05-874b-fab36ccb8835\"}],\n"
               "        \"voorkeursDigitaalAdres\": {\"uuid\": \"2b0344a8-eea9-4d05-874b-fab36ccb8835\"},\n"
               "        \"_expand\": {\"digitaleAdressen\": [\n"
               "            {\"uuid\": \"2b0344a8-eea9-4d05-8128-ccd1219d0ecc\", \"adres\": \"jp@example.be\", \"soortDigitaalAdres\": \"email\", "
               "\"verificatieDatum\": \"2022-08-09\"},\n"
               "            {\"uuid\": \"2b0344a8-eea9-4d05-874b-fab36ccb8835\", \"adres\": \"+32499745204\", \"soortDigitaalAdres\": \"telefoonnummer\", "
               "\"verificatieDatum\": null}]}\n"
               "    }")
        .object();
}

inline QJsonObject goodContact()
{
    return QJsonDocument::fromJson(
               "{\n"
               "        \"uuid\": \"bf79ed8d-cc3c-4f3f-8cef-b9977581a58b\", \"kanaal\": \"telefoon\", \"onderwerp\": \"Vuilniszakken\", \"inhoud\": \"Vraag\", "
               "\"taal\": \"nld\",\n"
               "        \"vertrouwelijk\": false, \"plaatsgevondenOp\": \"2020-03-23T15:11:38Z\", \"indicatieContactGelukt\": true,\n"
               "        \"gingOverOnderwerpobjecten\": [], \"hadBetrokkenActoren\": [], \"omvatteBijlagen\": [], \"leiddeTotInterneTaken\": [],\n"
               "        \"hadBetrokkenen\": [{\"uuid\": \"a93ab83f-090a-443d-8bd5-298ba782c5dd\"}],\n"
               "        \"_expand\": {\"hadBetrokkenen\": [{\"uuid\": \"a93ab83f-090a-443d-8bd5-298ba782c5dd\", \"rol\": \"klant\", \"initiator\": true,\n"
               "                                        \"wasPartij\": {\"uuid\": \"3715e799-b286-41e3-8ce7-4a1d726ee19d\"}}]}\n"
               "    }")
        .object();
}

inline QJsonObject goodTask()
{
    return QJsonDocument::fromJson("{\n"
                                   "        \"uuid\": \"66462c92-97df-47d0-87a7-0cc4985f758b\", \"aanleidinggevendKlantcontact\": {\"uuid\": "
                                   "\"bf79ed8d-cc3c-4f3f-8c90-3d05f210e997\"},\n"
                                   "        \"gevraagdeHandeling\": \"Doorsturen naar vakdienst\", \"toelichting\": \"Afspraak\", \"status\": \"verwerkt\", "
                                   "\"toegewezenOp\": \"2020-06-08T15:22:29Z\",\n"
                                   "        \"toegewezenAanActoren\": [{\"uuid\": \"c9179834-7777-424e-8d9f-96415b19668f\"}]\n"
                                   "    }")
        .object();
}

// Sets the member at path ("a.0.b": object members and array indexes) to value, making what is missing.
inline void setPath(QJsonObject &o, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        o.insert(key, value);
        return;
    }
    QJsonValue child = o.value(key);
    if (child.isArray()) {
        QJsonArray a = child.toArray();
        const int index = path.takeFirst().toInt();
        QJsonObject item = a.at(index).toObject();
        if (path.isEmpty()) {
            a[index] = value;
        } else {
            setPath(item, path, value);
            a[index] = item;
        }
        o.insert(key, a);
    } else {
        QJsonObject c = child.toObject();
        setPath(c, path, value);
        o.insert(key, c);
    }
}

} // namespace C360::Test::Klantinteracties
