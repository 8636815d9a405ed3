// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Klantinteracties records into local ones and back: a party's names, identifiers (Belgian and
// Dutch), addresses and language into a citizen, a klantcontact into a contact moment, an internetaak
// into a request with its assignee, and the maakKlantcontact body a contact moment made here becomes.

#include "klantinteractiesrecords.h"
#include "sync/klantinteracties/klantinteractiescontacttarget.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

#include <QTest>

using namespace C360;
using namespace C360::Test::Klantinteracties;
using namespace Qt::StringLiterals;

class TestKlantinteractiesMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void citizenMapping()
    {
        const auto party = KlantinteractiesParser::party(goodParty());
        QVERIFY(party);
        const auto c = KlantinteractiesMapper::citizen(*party, u"openklant"_s);
        QVERIFY(c);
        QCOMPARE(c->givenNames, u"Jean-Pierre"_s);
        QCOMPARE(c->familyName, u"Ben Ali"_s);
        QCOMPARE(c->identifiers, QList<Identifier>({{IdentifierType::BelgianNationalNumber, u"68062700177"_s}}));
        QCOMPARE(c->birthDate, QDate(1968, 6, 27));
        QCOMPARE(c->address.street, u"Kapelstraat"_s);
        QCOMPARE(c->address.number, u"295"_s);
        QCOMPARE(c->address.box, u"2"_s);
        QCOMPARE(c->address.postcode, u"2200"_s);
        QCOMPARE(c->address.municipality, u"Herentals"_s);
        QCOMPARE(c->address.countryCode, u"BE"_s);
        QCOMPARE(c->preferredLanguage, u"fr"_s);
        QCOMPARE(c->digitalAddresses.size(), 2);
        QCOMPARE(c->digitalAddresses.at(0), (DigitalAddress{DigitalAddressKind::Email, u"jp@example.be"_s, QDate(2022, 8, 9)}));
        QVERIFY(!c->digitalAddresses.at(1).isVerified());
        QCOMPARE(c->channelPreferences, QList<ChannelPreference>({{u"general"_s, Channel::Phone}}));
        QCOMPARE(c->source, (SourceRef{u"openklant"_s, u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s}));
    }

    void dutchAddressAndBsn()
    {
        QJsonObject record = goodParty();
        setPath(record,
                {u"partijIdentificatoren"_s, u"0"_s, u"partijIdentificator"_s},
                QJsonObject{{u"codeObjecttype"_s, u"natuurlijk_persoon"_s},
                            {u"codeRegister"_s, u"brp"_s},
                            {u"codeSoortObjectId"_s, u"bsn"_s},
                            {u"objectId"_s, u"111222333"_s}});
        record[u"bezoekadres"_s] = QJsonObject{{u"straatnaam"_s, u"Kerkstraat"_s},
                                               {u"huisnummer"_s, 12},
                                               {u"huisnummertoevoeging"_s, u"A"_s},
                                               {u"postcode"_s, u"1234 AB"_s},
                                               {u"stad"_s, u"Utrecht"_s}};
        setPath(record, {u"partijIdentificatie"_s, u"contactnaam"_s, u"voorvoegselAchternaam"_s}, u"van der"_s);
        const auto c = KlantinteractiesMapper::citizen(*KlantinteractiesParser::party(record), u"openklant"_s);
        QVERIFY(c);
        QCOMPARE(c->identifiers, QList<Identifier>({{IdentifierType::DutchBsn, u"111222333"_s}}));
        QCOMPARE(c->familyName, u"van der Ben Ali"_s);
        QCOMPARE(c->address, (Address{u"Kerkstraat"_s, u"12"_s, u"A"_s, u"1234 AB"_s, u"Utrecht"_s, u"NL"_s}));
    }

    void contactAndTaskMapping()
    {
        const auto contact = KlantinteractiesParser::contact(goodContact());
        QVERIFY(contact);
        QCOMPARE(KlantinteractiesMapper::partyOf(*contact), u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s);
        const ContactMoment m = KlantinteractiesMapper::contactMoment(*contact, u"openklant"_s, 7);
        QCOMPARE(m.channel, Channel::Phone);
        QCOMPARE(m.citizenId, 7);
        QCOMPARE(m.outcome, ContactOutcome::Answered);
        QCOMPARE(m.time, QDateTime(QDate(2020, 3, 23), QTime(15, 11, 38), Qt::UTC));

        const auto task = KlantinteractiesParser::task(goodTask());
        QVERIFY(task);
        const Request r =
            KlantinteractiesMapper::request(*task, u"openklant"_s, 7, {{u"c9179834-7777-424e-8d9f-96415b19668f"_s, {AssigneeKind::Person, u"An"_s}}});
        QCOMPARE(r.question, u"Doorsturen naar vakdienst\n\nAfspraak"_s);
        QCOMPARE(r.status, RequestStatus::Closed);
        QCOMPARE(r.assignee, (Assignee{AssigneeKind::Person, u"An"_s}));
        QCOMPARE(r.created, QDateTime(QDate(2020, 6, 8), QTime(15, 22, 29), Qt::UTC));
    }

    // A time without an offset is the source's wall clock: Brussels unless the source names
    // another zone (the crawl sets it for the records of each page).

    void maakKlantcontactBody()
    {
        ContactMoment m;
        m.channel = Channel::Email;
        m.subject = u"Afval"_s;
        m.text = u"Vraag over afval"_s;
        m.time = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        const QJsonObject body = QJsonDocument::fromJson(KlantinteractiesContactTarget::payload(m, u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s)).object();
        const QJsonObject k = body[u"klantcontact"_s].toObject();
        QCOMPARE(k[u"kanaal"_s].toString(), u"e-mail"_s);
        QCOMPARE(k[u"taal"_s].toString(), u"nld"_s);
        QCOMPARE(k[u"plaatsgevondenOp"_s].toString(), u"2026-03-02T09:00:00.000Z"_s);
        QCOMPARE(body[u"betrokkene"_s][u"wasPartij"_s][u"uuid"_s].toString(), u"3715e799-b286-41e3-8ce7-4a1d726ee19d"_s);
        QCOMPARE(body[u"betrokkene"_s][u"rol"_s].toString(), u"klant"_s);
        QVERIFY(!QJsonDocument::fromJson(KlantinteractiesContactTarget::payload(m, {})).object().contains(u"betrokkene"_s));
        // What the mapper writes, it reads back.
        QJsonObject withId = k;
        withId[u"uuid"_s] = u"bf79ed8d-cc3c-4f3f-8cef-b9977581a58b"_s;
        const auto again = KlantinteractiesParser::contact(withId);
        QVERIFY(again);
        QCOMPARE(KlantinteractiesMapper::channel(again->kanaal), Channel::Email);
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesMapper)
#include "tst_klantinteractiesmapper.moc"
