// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// How the citizen's value types read: an address on one line, whether a record is local, a
// citizen's display and sort names, the primary identifier and one of each type, consents and
// verified digital addresses.

#include "citizen.h"
#include "citizenbuilder.h"
#include "common.h"
#include "identifier.h"
#include "identifiererror.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

namespace
{
const QString nrn = u"85073003328"_s;
const QString bis = u"85273003371"_s;
const QString bsn = u"123456782"_s;
} // namespace

Q_DECLARE_METATYPE(C360::Identifier)
Q_DECLARE_METATYPE(C360::IdentifierType)
Q_DECLARE_METATYPE(C360::ConsentTopic)

class TestCitizenValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addressSingleLine_data()
    {
        QTest::addColumn<QString>("street");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("box");
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<QString>("municipality");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("isEmpty");

        const QString s = u"Kerkstraat"_s;
        const QString n = u"12"_s;
        const QString b = u"3"_s;
        const QString p = u"2000"_s;
        const QString m = u"Antwerpen"_s;
        const QString none;
        QTest::newRow("full") << s << n << b << p << m << u"Kerkstraat 12 bus 3, 2000 Antwerpen"_s << false;
        QTest::newRow("no box") << s << n << none << p << m << u"Kerkstraat 12, 2000 Antwerpen"_s << false;
        QTest::newRow("no number") << s << none << none << p << m << u"Kerkstraat, 2000 Antwerpen"_s << false;
        QTest::newRow("box without number") << s << none << b << p << m << u"Kerkstraat bus 3, 2000 Antwerpen"_s << false;
        QTest::newRow("no postcode") << s << n << none << none << m << u"Kerkstraat 12, Antwerpen"_s << false;
        QTest::newRow("no municipality") << s << n << none << p << none << u"Kerkstraat 12, 2000"_s << false;
        QTest::newRow("no place") << s << n << b << none << none << u"Kerkstraat 12 bus 3"_s << false;
        QTest::newRow("place only") << none << none << none << p << m << u"2000 Antwerpen"_s << false;
        QTest::newRow("municipality only") << none << none << none << none << m << u"Antwerpen"_s << false;
        QTest::newRow("accents and spaces") << u"Chaussée de Louvain"_s << u"145A"_s << none << u"1210"_s << u"Saint-Josse-ten-Noode"_s
                                            << u"Chaussée de Louvain 145A, 1210 Saint-Josse-ten-Noode"_s << false;
        QTest::newRow("empty") << none << none << none << none << none << QString() << true;
    }

    void addressSingleLine()
    {
        QFETCH(QString, street);
        QFETCH(QString, number);
        QFETCH(QString, box);
        QFETCH(QString, postcode);
        QFETCH(QString, municipality);
        QFETCH(QString, line);
        QFETCH(bool, isEmpty);

        Address address;
        address.street = street;
        address.number = number;
        address.box = box;
        address.postcode = postcode;
        address.municipality = municipality;
        QCOMPARE(address.singleLine(), line);
        QCOMPARE(address.isEmpty(), isEmpty);
    }

    void sourceRefIsLocal_data()
    {
        QTest::addColumn<QString>("system");
        QTest::addColumn<bool>("isLocal");

        QTest::newRow("no system") << QString() << true;
        QTest::newRow("local") << u"local"_s << true;
        QTest::newRow("open311") << u"open311"_s << false;
        QTest::newRow("openklant") << u"openklant"_s << false;
    }

    void sourceRefIsLocal()
    {
        QFETCH(QString, system);
        QFETCH(bool, isLocal);

        QCOMPARE((SourceRef{system, u"17"_s}.isLocal()), isLocal);
    }

    void citizenNames_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("sortName");

        QTest::newRow("both") << u"Jan"_s << u"Peeters"_s << u"Jan Peeters"_s << u"Peeters, Jan"_s;
        QTest::newRow("particles") << u"Marie"_s << u"Van den Bossche"_s << u"Marie Van den Bossche"_s << u"Van den Bossche, Marie"_s;
        QTest::newRow("two given names") << u"Anne Sophie"_s << u"D'Hondt"_s << u"Anne Sophie D'Hondt"_s << u"D'Hondt, Anne Sophie"_s;
        QTest::newRow("family name only") << QString() << u"Peeters"_s << u"Peeters"_s << u"Peeters"_s;
        // Some registers record a single name; it must not sort as ", Mohammed".
        QTest::newRow("given name only") << u"Mohammed"_s << QString() << u"Mohammed"_s << u"Mohammed"_s;
        QTest::newRow("no name") << QString() << QString() << QString() << QString();
    }

    void citizenNames()
    {
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, displayName);
        QFETCH(QString, sortName);

        const Citizen citizen = Test::CitizenBuilder().withName(given, family).build();
        QCOMPARE(citizen.displayName(), displayName);
        QCOMPARE(citizen.sortName(), sortName);
    }

    void primaryIdentifier_data()
    {
        QTest::addColumn<QList<Identifier>>("identifiers");
        QTest::addColumn<bool>("hasPrimary");
        QTest::addColumn<Identifier>("primary");

        const Identifier register_{IdentifierType::BelgianNationalNumber, nrn};
        const Identifier bisNumber{IdentifierType::BelgianBisNumber, bis};
        const Identifier dutch{IdentifierType::DutchBsn, bsn};
        QTest::newRow("none") << QList<Identifier>() << false << Identifier();
        QTest::newRow("register number only") << QList<Identifier>{register_} << true << register_;
        QTest::newRow("BSN only") << QList<Identifier>{dutch} << true << dutch;
        QTest::newRow("BSN listed before the register number") << QList<Identifier>{dutch, register_} << true << register_;
        QTest::newRow("BIS number before BSN") << QList<Identifier>{dutch, bisNumber} << true << bisNumber;
        QTest::newRow("register number before BIS number") << QList<Identifier>{bisNumber, register_, dutch} << true << register_;
    }

    void primaryIdentifier()
    {
        QFETCH(QList<Identifier>, identifiers);
        QFETCH(bool, hasPrimary);
        QFETCH(Identifier, primary);

        Citizen citizen = Test::CitizenBuilder().build();
        citizen.identifiers = identifiers;
        const std::optional<Identifier> result = citizen.primaryIdentifier();
        QCOMPARE(result.has_value(), hasPrimary);
        if (hasPrimary) {
            QCOMPARE(result->type, primary.type);
            QCOMPARE(result->value, primary.value);
        }
    }

    void identifierByType_data()
    {
        QTest::addColumn<IdentifierType>("type");
        QTest::addColumn<QString>("value");

        QTest::newRow("register number") << IdentifierType::BelgianNationalNumber << nrn;
        QTest::newRow("BSN") << IdentifierType::DutchBsn << bsn;
        QTest::newRow("BIS number: absent") << IdentifierType::BelgianBisNumber << QString();
    }

    void identifierByType()
    {
        QFETCH(IdentifierType, type);
        QFETCH(QString, value);

        const Citizen citizen =
            Test::CitizenBuilder().withIdentifier(IdentifierType::DutchBsn, bsn).withIdentifier(IdentifierType::BelgianNationalNumber, nrn).build();
        const std::optional<Identifier> id = citizen.identifier(type);
        QCOMPARE(id.has_value(), !value.isEmpty());
        if (id) {
            QCOMPARE(id->type, type);
            QCOMPARE(id->value, value);
        }
    }

    void consent_data()
    {
        QTest::addColumn<ConsentTopic>("topic");
        QTest::addColumn<bool>("recorded");
        QTest::addColumn<bool>("granted");
        QTest::addColumn<QDate>("recordedOn");

        QTest::newRow("granted") << ConsentTopic::DigitalCommunication << true << true << QDate(2025, 3, 1);
        QTest::newRow("refused") << ConsentTopic::Newsletter << true << false << QDate(2025, 4, 2);
        QTest::newRow("never asked") << ConsentTopic::DataSharing << false << false << QDate();
    }

    void consent()
    {
        QFETCH(ConsentTopic, topic);
        QFETCH(bool, recorded);
        QFETCH(bool, granted);
        QFETCH(QDate, recordedOn);

        const Citizen citizen = Test::CitizenBuilder()
                                    .withConsent(ConsentTopic::DigitalCommunication, true, QDate(2025, 3, 1))
                                    .withConsent(ConsentTopic::Newsletter, false, QDate(2025, 4, 2))
                                    .build();
        const std::optional<Consent> consent = citizen.consent(topic);
        QCOMPARE(consent.has_value(), recorded);
        if (consent) {
            QCOMPARE(consent->topic, topic);
            QCOMPARE(consent->granted, granted);
            QCOMPARE(consent->recordedOn, recordedOn);
        }
    }

    void digitalAddressVerified()
    {
        const Citizen citizen = Test::CitizenBuilder().withEmail(u"jan@example.be"_s, QDate(2025, 1, 2)).withPhone(u"+32470123456"_s).build();
        QCOMPARE(citizen.digitalAddresses.size(), 2);
        QVERIFY(citizen.digitalAddresses.at(0).isVerified());
        QVERIFY(!citizen.digitalAddresses.at(1).isVerified());
    }
};

QTEST_GUILESS_MAIN(TestCitizenValues)
#include "tst_citizenvalues.moc"
