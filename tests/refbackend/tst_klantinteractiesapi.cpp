// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties API (Open Klant 2.x) of the reference back end, party side: token
// authentication, paging as Django REST Framework pages, partijen, partij-identificatoren,
// digitaleadressen and actoren with their filters and expansions, conditional GETs, determinism,
// the duplicate fault, and a deep page of a million residents.

#include "klantinteractiestesting.h"
#include "referencedate.h"

#include <QSet>

using namespace C360::Ref;
using namespace C360::Ref::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(C360::Ref::Profile)

namespace
{
QString uuidOf(const DataSet &data, UuidKind kind, quint64 index)
{
    return data.uuid(kind, index).toString(QUuid::WithoutBraces);
}

// A resident with (or without) a property, searching from the start.
quint32 findCitizen(const DataSet &data, const std::function<bool(const Person &)> &wanted)
{
    for (quint32 c = 0; c < data.citizenCount(); ++c) {
        if (!data.isDeleted(c) && wanted(data.person(c))) {
            return c;
        }
    }
    return 0;
}
} // namespace

class TestKlantinteractiesApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authentication()
    {
        KlantinteractiesServer s(5, 50, Profile::Flanders);
        const Fetched missing = s.get(u"/partijen"_s, QByteArray());
        QCOMPARE(missing.status, 401);
        QCOMPARE(missing.json[u"code"_s].toString(), u"not_authenticated"_s);
        QCOMPARE(missing.json[u"status"_s].toInt(), 401);
        QVERIFY(missing.json[u"instance"_s].toString().startsWith(u"urn:uuid:"_s));
        QVERIFY(missing.json[u"type"_s].toString().endsWith(u"/ref/fouten/NotAuthenticated/"_s));
        QCOMPARE(missing.header("WWW-Authenticate"), QByteArray("Token"));
        QCOMPARE(missing.header("API-version"), QByteArray("0.9.0"));

        // Open Klant (DRF TokenAuthentication) answers a wrong token with 401 too, not 403.
        const Fetched wrong = s.get(u"/partijen"_s, "wrong");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json[u"code"_s].toString(), u"authentication_failed"_s);
        QCOMPARE(wrong.json[u"detail"_s].toString(), u"Ongeldige token."_s);

        const Fetched bearer = s.get(u"/partijen"_s, QByteArray(), {{"Authorization", "Bearer training"}});
        QCOMPARE(bearer.status, 401);
        QCOMPARE(bearer.json[u"code"_s].toString(), u"not_authenticated"_s);

        for (const QString &path : {u"/partijen/x"_s, u"/klantcontacten"_s, u"/internetaken"_s, u"/actoren"_s, u"/digitaleadressen"_s}) {
            QCOMPARE(s.get(path, QByteArray()).status, 401);
        }
        QCOMPARE(s.post(u"/klantcontacten"_s, QJsonObject(), "wrong").status, 401);
        QCOMPARE(s.get(u"/partijen"_s).status, 200);
    }

    void identifierLookup_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::newRow("flanders") << Profile::Flanders;
        QTest::newRow("nl") << Profile::Netherlands;
    }

    void identifierLookup()
    {
        // DataSet::citizenWithIdentifier runs the generator backwards: every resident, no scan.
        QFETCH(Profile, profile);
        const DataSet data(19, 20000, profile, C360::Test::fixedReferenceDate());
        int bis = 0;
        for (quint32 c = 0; c < data.citizenCount(); ++c) {
            const Person p = data.person(c);
            QCOMPARE(data.citizenWithIdentifier(p.identifier), std::optional<quint32>(c));
            bis += p.bis ? 1 : 0;
        }
        QCOMPARE(bis > 0, profile == Profile::Flanders);
        const QString first = data.person(0).identifier;
        QString wrongCheck = first;
        wrongCheck[first.size() - 1] = QChar(u'0' + (first.back().digitValue() + 1) % 10);
        for (const QString &id : QStringList{wrongCheck, first.left(first.size() - 1), QString(first + u"0"_s), u"abcdefghijk"_s, QString()}) {
            QCOMPARE(data.citizenWithIdentifier(id), std::nullopt);
        }
        // Valid numbers nobody here has.
        QCOMPARE(data.citizenWithIdentifier(profile == Profile::Flanders ? u"85073003328"_s : u"111222333"_s), std::nullopt);
    }

    void partijenWalk_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::newRow("flanders") << Profile::Flanders;
        QTest::newRow("nl") << Profile::Netherlands;
    }

    void partijenWalk()
    {
        QFETCH(Profile, profile);
        KlantinteractiesServer s(11, 230, profile);
        s.data.mutate(0, 0, 0, 7);
        int pages = 0;
        const QList<QJsonObject> all = s.walk(u"/partijen?pageSize=37"_s, &pages);
        QCOMPARE(quint32(all.size()), s.data.liveCitizenCount());
        QCOMPARE(pages, int((s.data.liveCitizenCount() + 36) / 37));
        QSet<QString> seen;
        QString previousNummer = u"9999999999"_s;
        for (const QJsonObject &p : all) {
            const QString uuid = p[u"uuid"_s].toString();
            QVERIFY(!seen.contains(uuid));
            seen.insert(uuid);
            const auto index = s.data.indexOf(UuidKind::Party, QUuid::fromString(uuid));
            QVERIFY(index && !s.data.isDeleted(quint32(*index)));
            QCOMPARE(p[u"url"_s].toString(), s.root() + u"/partijen/"_s + uuid);
            QVERIFY(p.contains(u"_expand"_s)); // list items always carry it, as Open Klant's do
            // Newest first (Open Klant orders by -pk).
            QVERIFY(p[u"nummer"_s].toString() < previousNummer);
            previousNummer = p[u"nummer"_s].toString();
        }
        const Fetched first = s.get(u"/partijen?pageSize=37"_s);
        QCOMPARE(first.count(), qint64(s.data.liveCitizenCount()));
        QVERIFY(first.json[u"previous"_s].isNull());
        QCOMPARE(first.json[u"next"_s].toString(), s.root() + u"/partijen?page=2&pageSize=37"_s);
        const Fetched second = s.get(first.json[u"next"_s].toString());
        QCOMPARE(second.json[u"previous"_s].toString(), s.root() + u"/partijen?pageSize=37"_s);
    }

    void paging()
    {
        KlantinteractiesServer s(3, 120, Profile::Flanders);
        // Beyond the last page, page 0, or no number: 404 with "Ongeldige pagina." as DRF has it.
        for (const QString &page : {u"4"_s, u"0"_s, u"x"_s, u"-1"_s}) {
            const Fetched f = s.get(u"/partijen?pageSize=50&page="_s + page);
            QCOMPARE(f.status, 404);
            QCOMPARE(f.json[u"detail"_s].toString(), u"Ongeldige pagina."_s);
            QCOMPARE(f.json[u"code"_s].toString(), u"not_found"_s);
        }
        QCOMPARE(s.get(u"/partijen?pageSize=50&page=3"_s).results().size(), 20);
        QCOMPARE(s.get(u"/partijen?pageSize=50&page=last"_s).results().size(), 20);
        QCOMPARE(s.get(u"/partijen"_s).results().size(), 100); // the default
        KlantinteractiesServer big(3, 700, Profile::Flanders);
        QCOMPARE(big.get(u"/partijen?pageSize=5000"_s).results().size(), 500); // the maximum
        // An empty list still has page 1.
        const Fetched none = s.get(u"/partijen?soortPartij=organisatie"_s);
        QCOMPARE(none.status, 200);
        QCOMPARE(none.count(), 0);
        // next keeps the other parameters, sorted and encoded as Django does.
        const Fetched f = s.get(u"/partijen?soortPartij=persoon&pageSize=10&expand=digitaleAdressen,betrokkenen"_s);
        QCOMPARE(f.json[u"next"_s].toString(), s.root() + u"/partijen?expand=digitaleAdressen%2Cbetrokkenen&page=2&pageSize=10&soortPartij=persoon"_s);
    }

    void partij_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::newRow("flanders") << Profile::Flanders;
        QTest::newRow("nl") << Profile::Netherlands;
    }

    void partij()
    {
        QFETCH(Profile, profile);
        KlantinteractiesServer s(21, 400, profile);
        const bool nl = profile == Profile::Netherlands;
        // A resident whose family name has a particle: a Dutch voorvoegsel, a Flemish "Van …".
        const quint32 c = findCitizen(s.data, [nl](const Person &p) {
            return nl ? !p.prefix.isEmpty() : p.familyName.contains(QLatin1Char(' '));
        });
        const Person p = s.data.person(c);
        const Fetched f = s.get(u"/partijen/"_s + uuidOf(s.data, UuidKind::Party, c));
        QCOMPARE(f.status, 200);
        QVERIFY(!f.json.contains(u"_expand"_s)); // a detail has it only when expanding
        QCOMPARE(f.json[u"soortPartij"_s].toString(), u"persoon"_s);
        QCOMPARE(f.json[u"nummer"_s].toString(), u"%1"_s.arg(c + 1, 10, 10, QLatin1Char('0')));
        const QJsonObject naam = f.json[u"partijIdentificatie"_s][u"contactnaam"_s].toObject();
        QCOMPARE(naam[u"voornaam"_s].toString(), p.givenNames);
        QCOMPARE(naam[u"achternaam"_s].toString(), p.familyName);
        QCOMPARE(naam[u"voorvoegselAchternaam"_s].toString(), nl ? p.prefix : QString());
        QVERIFY(nl ? !p.prefix.isEmpty() : p.familyName.contains(QLatin1Char(' ')));
        QCOMPARE(naam[u"voorletters"_s].toString().left(2), QString(p.givenNames.left(1) + u"."_s));
        QCOMPARE(f.json[u"partijIdentificatie"_s][u"volledigeNaam"_s].toString(), QString(p.givenNames + u" "_s + p.fullFamilyName()));

        const QJsonObject id = f.json[u"partijIdentificatoren"_s][0].toObject();
        QCOMPARE(id[u"partijIdentificator"_s][u"objectId"_s].toString(), p.identifier);
        QCOMPARE(id[u"partijIdentificator"_s][u"codeObjecttype"_s].toString(), u"natuurlijk_persoon"_s);
        QCOMPARE(id[u"partijIdentificator"_s][u"codeRegister"_s].toString(), nl ? u"brp"_s : p.bis ? u"bis"_s : u"rr"_s);
        QCOMPARE(id[u"partijIdentificator"_s][u"codeSoortObjectId"_s].toString(), nl ? u"bsn"_s : p.bis ? u"bisnummer"_s : u"rijksregisternummer"_s);
        QCOMPARE(id[u"identificeerdePartij"_s][u"uuid"_s].toString(), f.json[u"uuid"_s].toString());

        const QJsonObject address = f.json[u"bezoekadres"_s].toObject();
        QCOMPARE(address[u"straatnaam"_s].toString(), p.street);
        QCOMPARE(address[u"huisnummer"_s].toInt(), p.houseNumber.toInt());
        QCOMPARE(address[u"stad"_s].toString(), p.municipality);
        QCOMPARE(address[u"land"_s].toString(), nl ? u"NL"_s : u"BE"_s);
        // Open Klant's patterns take Dutch postcodes and BAG identifiers only.
        QCOMPARE(address.contains(u"postcode"_s), nl);
        QCOMPARE(address.contains(u"nummeraanduidingId"_s), nl);
        if (!nl) {
            QVERIFY(address[u"adresregel2"_s].toString().startsWith(p.postcode + u" "_s));
        }
        QCOMPARE(f.json[u"betrokkenen"_s].toArray().size(), s.data.contactsOf(c).size());
        QCOMPARE(f.json[u"digitaleAdressen"_s].toArray().size(), (p.email.isEmpty() ? 0 : 1) + (p.phone.isEmpty() ? 0 : 1));

        // Unknown, malformed and other kinds' UUIDs are not found.
        QCOMPARE(s.get(u"/partijen/"_s + uuidOf(s.data, UuidKind::Contact, 0)).status, 404);
        QCOMPARE(s.get(u"/partijen/not-a-uuid"_s).status, 404);
        QCOMPARE(s.get(u"/partijen/"_s + uuidOf(s.data, UuidKind::Party, 400)).json[u"code"_s].toString(), u"not_found"_s);
    }

    void partijFilters()
    {
        KlantinteractiesServer s(8, 300, Profile::Flanders);
        const quint32 c = findCitizen(s.data, [](const Person &p) {
            return p.index > 100 && !p.bis;
        });
        const Person p = s.data.person(c);
        Fetched f = s.get(u"/partijen?partijIdentificator__objectId="_s + p.identifier);
        QCOMPARE(f.count(), 1);
        QCOMPARE(f.results().at(0)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Party, c));
        QCOMPARE(s.get(u"/partijen?partijIdentificator__objectId=85073003328"_s).count(), 0);
        QCOMPARE(s.get(u"/partijen?nummer=%1"_s.arg(c + 1, 10, 10, QLatin1Char('0'))).count(), 1);
        QCOMPARE(s.get(u"/partijen?soortPartij=persoon&indicatieActief=true&indicatieGeheimhouding=false"_s).count(), 300);
        QCOMPARE(s.get(u"/partijen?indicatieActief=false"_s).count(), 0);
        QCOMPARE(s.get(u"/partijen?partijIdentificator__codeObjecttype=natuurlijk_persoon"_s).count(), 300);
        QCOMPARE(s.get(u"/partijen?partijIdentificator__codeRegister=hr"_s).count(), 0);
        QCOMPARE(s.get(u"/partijen?vertegenwoordigdePartij__uuid="_s + uuidOf(s.data, UuidKind::Party, 1)).count(), 0);
        QCOMPARE(s.get(u"/partijen?bezoekadresLand=BE"_s).count(), 300);
        // Narrowed to one party, every filter applies.
        f = s.get(u"/partijen?partijIdentificator__objectId="_s + p.identifier + u"&partijIdentificator__codeRegister=rr&bezoekadresAdresregel1="_s +
                  QString::fromUtf8(QUrl::toPercentEncoding(
                      s.get(u"/partijen/"_s + uuidOf(s.data, UuidKind::Party, c)).json[u"bezoekadres"_s][u"adresregel1"_s].toString())));
        QCOMPARE(f.count(), 1);
        // Alone, a filter that varies from party to party would need a scan: refused, loudly.
        f = s.get(u"/partijen?partijIdentificator__codeRegister=rr"_s);
        QCOMPARE(f.status, 400);
        QCOMPARE(f.json[u"code"_s].toString(), u"invalid"_s);
        QCOMPARE(f.json[u"invalidParams"_s][0][u"name"_s].toString(), u"partijIdentificator__codeRegister"_s);
        QCOMPARE(f.json[u"invalidParams"_s][0][u"code"_s].toString(), u"unsupported"_s);
        f = s.get(u"/partijen?soortPartij=iemand"_s);
        QCOMPARE(f.status, 400);
        QCOMPARE(f.json[u"invalidParams"_s][0][u"code"_s].toString(), u"invalid_choice"_s);
        QCOMPARE(s.get(u"/partijen?vertegenwoordigdePartij__uuid=123"_s).json[u"invalidParams"_s][0][u"name"_s].toString(), u"vertegenwoordigdePartij__uuid"_s);
        // Parameters the document does not know are ignored, as django-filter does; empty ones too.
        QCOMPARE(s.get(u"/partijen?onbekend=1&soortPartij="_s).count(), 300);
    }

    void partijExpand()
    {
        KlantinteractiesServer s(8, 200, Profile::Netherlands);
        const quint32 c = findCitizen(s.data, [&s](const Person &p) {
            return !p.email.isEmpty() && !p.phone.isEmpty() && s.data.contactsOf(p.index).size() >= 2;
        });
        const QString uuid = uuidOf(s.data, UuidKind::Party, c);
        Fetched f = s.get(u"/partijen/"_s + uuid + u"?expand=digitaleAdressen,betrokkenen,betrokkenen.hadKlantcontact,categorieRelaties"_s);
        QCOMPARE(f.status, 200);
        const QJsonObject x = f.json[u"_expand"_s].toObject();
        QCOMPARE(x[u"digitaleAdressen"_s].toArray().size(), 2);
        QCOMPARE(x[u"digitaleAdressen"_s][0][u"adres"_s].toString(), s.data.person(c).email);
        QCOMPARE(x[u"categorieRelaties"_s].toArray().size(), 0);
        const QJsonArray involved = x[u"betrokkenen"_s].toArray();
        QCOMPARE(involved.size(), s.data.contactsOf(c).size());
        const QJsonObject contact = involved.at(0)[u"_expand"_s][u"hadKlantcontact"_s].toObject();
        QCOMPARE(contact[u"uuid"_s].toString(), involved.at(0)[u"hadKlantcontact"_s][u"uuid"_s].toString());
        QCOMPARE(contact[u"onderwerp"_s].toString(), s.data.contact(s.data.contactsOf(c).first()).subject);
        // A nested path alone expands nothing (Open Klant's loader needs the parent asked too).
        f = s.get(u"/partijen/"_s + uuid + u"?expand=betrokkenen.hadKlantcontact"_s);
        QVERIFY(!f.json.contains(u"_expand"_s));
        f = s.get(u"/partijen/"_s + uuid + u"?expand=betrokkenen"_s);
        QVERIFY(!f.json[u"_expand"_s][u"betrokkenen"_s][0].toObject().contains(u"_expand"_s));
        // In lists too; and an unknown expansion is a validation error.
        f = s.get(u"/partijen?pageSize=3&expand=digitaleAdressen"_s);
        QVERIFY(f.results().at(0)[u"_expand"_s].toObject().contains(u"digitaleAdressen"_s));
        QCOMPARE(s.get(u"/partijen?pageSize=3"_s).results().at(0)[u"_expand"_s].toObject(), QJsonObject());
        f = s.get(u"/partijen/"_s + uuid + u"?expand=rekeningnummers"_s);
        QCOMPARE(f.status, 400);
        QCOMPARE(f.json[u"invalidParams"_s][0][u"name"_s].toString(), u"expand"_s);
    }

    void identificatoren()
    {
        KlantinteractiesServer s(13, 260, Profile::Flanders);
        s.data.mutate(0, 0, 0, 4);
        const QList<QJsonObject> all = s.walk(u"/partij-identificatoren?pageSize=100"_s);
        QCOMPARE(quint32(all.size()), s.data.liveCitizenCount());
        const quint32 c = findCitizen(s.data, [](const Person &p) {
            return p.bis;
        });
        const Person p = s.data.person(c);
        QVERIFY(p.bis);
        Fetched f = s.get(u"/partij-identificatoren?partijIdentificatorObjectId="_s + p.identifier);
        QCOMPARE(f.count(), 1);
        QCOMPARE(f.results().at(0)[u"partijIdentificator"_s][u"codeRegister"_s].toString(), u"bis"_s);
        QVERIFY(!f.results().at(0).toObject().contains(u"_expand"_s));
        f = s.get(u"/partij-identificatoren?partijIdentificatorObjectId="_s + p.identifier + u"&partijIdentificatorCodeSoortObjectId=rijksregisternummer"_s);
        QCOMPARE(f.count(), 0);
        QCOMPARE(s.get(u"/partij-identificatoren?partijIdentificatorCodeRegister=kbo"_s).status, 400); // not in the enum
        QCOMPARE(s.get(u"/partij-identificatoren?partijIdentificatorCodeRegister=hr"_s).count(), 0);
        QCOMPARE(s.get(u"/partij-identificatoren?anderePartijIdentificator=x"_s).count(), 0);
        const QString uuid = uuidOf(s.data, UuidKind::PartyIdentifier, c);
        f = s.get(u"/partij-identificatoren/"_s + uuid);
        QCOMPARE(f.json[u"partijIdentificator"_s][u"objectId"_s].toString(), p.identifier);
        QCOMPARE(f.json[u"identificeerdePartij"_s][u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Party, c));
    }

    void digitaleAdressen()
    {
        KlantinteractiesServer s(17, 240, Profile::Flanders);
        s.data.mutate(0, 0, 0, 5);
        int emails = 0;
        int phones = 0;
        int verified = 0;
        for (quint32 c = 0; c < s.data.citizenCount(); ++c) {
            if (s.data.isDeleted(c)) {
                continue;
            }
            const Person p = s.data.person(c);
            emails += p.email.isEmpty() ? 0 : 1;
            phones += p.phone.isEmpty() ? 0 : 1;
            verified += (!p.email.isEmpty() && p.emailVerified ? 1 : 0) + (!p.phone.isEmpty() && p.phoneVerified ? 1 : 0);
        }
        const QList<QJsonObject> all = s.walk(u"/digitaleadressen?pageSize=70"_s);
        QCOMPARE(all.size(), emails + phones);
        QSet<QString> seen;
        for (const QJsonObject &a : all) {
            QVERIFY(!seen.contains(a[u"uuid"_s].toString()));
            seen.insert(a[u"uuid"_s].toString());
            const auto party = s.data.indexOf(UuidKind::Party, QUuid::fromString(a[u"verstrektDoorPartij"_s][u"uuid"_s].toString()));
            QVERIFY(party);
            const Person p = s.data.person(quint32(*party));
            if (a[u"soortDigitaalAdres"_s].toString() == QLatin1String("email")) {
                QCOMPARE(a[u"adres"_s].toString(), p.email);
                QCOMPARE(a[u"verificatieDatum"_s].isString(), p.emailVerified);
            } else {
                QCOMPARE(a[u"soortDigitaalAdres"_s].toString(), u"telefoonnummer"_s);
                QCOMPARE(a[u"adres"_s].toString(), QString(p.phone).remove(QLatin1Char(' ')));
                QVERIFY(QRegularExpression(u"^\\+[0-9]{9,15}$"_s).match(a[u"adres"_s].toString()).hasMatch());
            }
        }
        QCOMPARE(s.get(u"/digitaleadressen?soortDigitaalAdres=email"_s).count(), emails);
        QCOMPARE(s.walk(u"/digitaleadressen?soortDigitaalAdres=telefoonnummer&pageSize=33"_s).size(), phones);
        QCOMPARE(s.walk(u"/digitaleadressen?isGeverifieerd=true&pageSize=33"_s).size(), verified);
        QCOMPARE(s.get(u"/digitaleadressen?isGeverifieerd=false"_s).count(), emails + phones - verified);
        QCOMPARE(s.get(u"/digitaleadressen?soortDigitaalAdres=overig"_s).count(), 0);
        QCOMPARE(s.get(u"/digitaleadressen?isStandaardAdres=true"_s).count(), emails + phones);

        const quint32 c = findCitizen(s.data, [](const Person &p) {
            return !p.email.isEmpty() && !p.phone.isEmpty();
        });
        const QString party = uuidOf(s.data, UuidKind::Party, c);
        Fetched f = s.get(u"/digitaleadressen?verstrektDoorPartij__uuid="_s + party);
        QCOMPARE(f.count(), 2);
        QCOMPARE(s.get(u"/digitaleadressen?verstrektDoorPartij__url="_s + s.root() + u"/partijen/"_s + party).count(), 2);
        f = s.get(u"/digitaleadressen?verstrektDoorPartij__partijIdentificator__objectId="_s + s.data.person(c).identifier + u"&soortDigitaalAdres=email"_s);
        QCOMPARE(f.count(), 1);
        QCOMPARE(f.results().at(0)[u"adres"_s].toString(), s.data.person(c).email);
        f = s.get(u"/digitaleadressen?verstrektDoorPartij__uuid="_s + party + u"&adres__icontains="_s + s.data.person(c).email.left(3).toUpper());
        QCOMPARE(f.count(), 1);
        QCOMPARE(s.get(u"/digitaleadressen?adres=x@y.be"_s).status, 400); // would need a scan

        const QString address = uuidOf(s.data, UuidKind::DigitalAddress, quint64(c) * 2);
        f = s.get(u"/digitaleadressen/"_s + address + u"?expand=verstrektDoorBetrokkene"_s);
        QCOMPARE(f.status, 200);
        QVERIFY(f.json[u"_expand"_s].toObject().contains(u"verstrektDoorBetrokkene"_s));
        QVERIFY(f.json[u"_expand"_s][u"verstrektDoorBetrokkene"_s].isNull());
        QVERIFY(!f.json.contains(u"referentie"_s));
        // A child without a phone has no such address.
        const quint32 child = findCitizen(s.data, [](const Person &p) {
            return p.phone.isEmpty();
        });
        QCOMPARE(s.get(u"/digitaleadressen/"_s + uuidOf(s.data, UuidKind::DigitalAddress, quint64(child) * 2 + 1)).status, 404);
    }

    void actoren()
    {
        KlantinteractiesServer s(2, 10, Profile::Flanders);
        const Fetched f = s.get(u"/actoren"_s);
        QCOMPARE(f.count(), s.data.actors().size());
        QCOMPARE(s.get(u"/actoren?soortActor=medewerker"_s).count(), 6);
        QCOMPARE(s.get(u"/actoren?soortActor=organisatorische_eenheid&naam=dienst"_s).count(), 1);
        QCOMPARE(s.get(u"/actoren?actoridentificatorCodeObjecttype=mdw"_s).count(), 6);
        const Fetched one = s.get(u"/actoren/"_s + uuidOf(s.data, UuidKind::Actor, 7));
        QCOMPARE(one.json[u"naam"_s].toString(), s.data.actors().at(7).name);
        QCOMPARE(one.json[u"actoridentificator"_s][u"objectId"_s].toString(), s.data.actors().at(7).email);
        QCOMPARE(s.get(u"/actoren/"_s + uuidOf(s.data, UuidKind::Actor, 12)).status, 404);
        // What this municipality keeps none of.
        QCOMPARE(s.get(u"/rekeningnummers"_s).count(), 0);
        QCOMPARE(s.get(u"/bijlagen/"_s + uuidOf(s.data, UuidKind::Actor, 1)).status, 404);
    }

    void conditionalGet()
    {
        KlantinteractiesServer s(4, 60, Profile::Flanders);
        const Fetched f = s.get(u"/partijen?pageSize=5"_s);
        const QByteArray etag = f.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
        const Fetched again = s.get(u"/partijen?pageSize=5"_s, KlantinteractiesServer::Token.toUtf8(), {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        QCOMPARE(s.get(u"/partijen?pageSize=5"_s, KlantinteractiesServer::Token.toUtf8(), {{"If-None-Match", "\"other\""}}).status, 200);
        // A change (a resident gone) changes the page, and so the ETag.
        s.data.mutate(0, 0, 0, 1);
        const Fetched changed = s.get(u"/partijen?pageSize=500"_s, KlantinteractiesServer::Token.toUtf8(), {{"If-None-Match", etag}});
        QCOMPARE(changed.status, 200);
        const Fetched detail = s.get(u"/actoren/"_s + uuidOf(s.data, UuidKind::Actor, 0));
        QCOMPARE(s.get(u"/actoren/"_s + uuidOf(s.data, UuidKind::Actor, 0),
                       KlantinteractiesServer::Token.toUtf8(),
                       {{"If-None-Match", "W/" + detail.header("ETag")}})
                     .status,
                 304);
    }

    void determinism()
    {
        KlantinteractiesServer a(77, 150, Profile::Flanders);
        KlantinteractiesServer b(77, 150, Profile::Flanders);
        for (const QString &path : {u"/partijen?pageSize=20&page=3&expand=betrokkenen,digitaleAdressen"_s,
                                    u"/partij-identificatoren?pageSize=50"_s,
                                    u"/digitaleadressen?pageSize=50&page=2"_s,
                                    u"/klantcontacten?pageSize=40&expand=hadBetrokkenen,leiddeTotInterneTaken"_s,
                                    u"/betrokkenen?pageSize=40"_s,
                                    u"/onderwerpobjecten"_s,
                                    u"/internetaken?pageSize=60"_s,
                                    u"/actoren"_s,
                                    u"/partijen/bad"_s,
                                    u"/partijen?soortPartij=x"_s}) {
            const QByteArray one = a.get(path).body.replace(a.server.baseUrl().toString().toUtf8(), "BASE");
            const QByteArray two = b.get(path).body.replace(b.server.baseUrl().toString().toUtf8(), "BASE");
            QCOMPARE(one, two);
        }
        KlantinteractiesServer other(78, 150, Profile::Flanders);
        QVERIFY(other.get(u"/partijen"_s).body.replace(other.server.baseUrl().toString().toUtf8(), "BASE") !=
                a.get(u"/partijen"_s).body.replace(a.server.baseUrl().toString().toUtf8(), "BASE"));
    }

    void duplicateOverlap()
    {
        KlantinteractiesServer s(9, 100, Profile::Flanders);
        const QJsonArray plain = s.get(u"/partijen?pageSize=10&page=2"_s).results();
        QString error;
        s.server.faults().add(*FaultRule::parse(u"*/partijen=duplicate"_s, &error));
        const Fetched f = s.get(u"/partijen?pageSize=10&page=2"_s);
        const QJsonArray overlapping = f.results();
        // The page starts three records early: the last three of page 1 come again.
        QCOMPARE(overlapping.size(), 13);
        QCOMPARE(overlapping.at(3), plain.at(0));
        QCOMPARE(overlapping.at(12), plain.at(9));
        QCOMPARE(overlapping.at(0)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Party, 100 - 1 - 7));
        QCOMPARE(f.count(), 100);
    }

    void millionResidents()
    {
        // A deep page of a million residents, correct without generating what lies before it.
        KlantinteractiesServer s(2026, 1000000, Profile::Flanders);
        s.data.mutate(0, 0, 0, 3);
        Fetched f = s.get(u"/partijen?pageSize=100&page=8000"_s);
        QCOMPARE(f.status, 200);
        QCOMPARE(f.count(), qint64(s.data.liveCitizenCount()));
        const quint32 expected = s.data.liveCitizen(s.data.liveCitizenCount() - 1 - 7999 * 100);
        QCOMPARE(f.results().at(0)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Party, expected));

        f = s.get(u"/klantcontacten?pageSize=50&page=150000"_s);
        QCOMPARE(f.status, 200);
        QCOMPARE(quint64(f.count()), s.data.liveContactCount());
        for (const QJsonValue &v : f.results()) {
            const auto contact = s.data.indexOf(UuidKind::Contact, QUuid::fromString(v[u"uuid"_s].toString()));
            QVERIFY(contact && !s.data.isDeleted(s.data.contactCitizen(*contact)));
            QCOMPARE(v[u"onderwerp"_s].toString(), s.data.contact(*contact).subject);
        }
        f = s.get(u"/internetaken?pageSize=20&page=%1"_s.arg(s.data.liveTaskCount() / 20));
        QCOMPARE(f.status, 200);
        QCOMPARE(quint64(f.count()), s.data.liveTaskCount());

        const Person p = s.data.person(987654);
        f = s.get(u"/partijen?partijIdentificator__objectId="_s + p.identifier + u"&expand=betrokkenen"_s);
        QCOMPARE(f.count(), 1);
        QCOMPARE(f.results().at(0)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Party, 987654));
        f = s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + uuidOf(s.data, UuidKind::Party, 987654));
        QCOMPARE(f.count(), s.data.contactsOf(987654).size());
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesApi)
#include "tst_klantinteractiesapi.moc"
