// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// An organisation's numbers: the Belgian enterprise number (KBO/BCE: 10 digits, the first 0 or 1,
// check digits 97 − (the first eight mod 97)), the Dutch KvK number (8 digits), branch number (12)
// and RSIN (9, the 11-check). The valid numbers were checked outside this code base (the towns'
// own numbers in the KBO's public search; the RSINs with the 11-check by hand), not with the parser.

#include "organisationidentifier.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(C360::IdentifierError)
Q_DECLARE_METATYPE(C360::OrganisationIdentifierType)

namespace C360
{
char *toString(IdentifierError error)
{
    return qstrdup(toKey(error).toUtf8().constData());
}
char *toString(OrganisationIdentifierType type)
{
    return qstrdup(toKey(type).toUtf8().constData());
}
} // namespace C360

namespace
{
QString errorKey(const Expected<OrganisationIdentifier, IdentifierError> &result)
{
    return result ? QString() : toKey(result.error());
}
} // namespace

class TestOrganisationIdentifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<OrganisationIdentifierType>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("formatted");
        const auto kbo = OrganisationIdentifierType::BelgianEnterpriseNumber;
        QTest::newRow("Stad Gent") << kbo << u"0207451227"_s << u"0207451227"_s << u"0207.451.227"_s;
        QTest::newRow("Stad Antwerpen, written with dots") << kbo << u"0207.500.123"_s << u"0207500123"_s << u"0207.500.123"_s;
        QTest::newRow("Vlaamse Gemeenschap, spaces") << kbo << u"0316 380 940"_s << u"0316380940"_s << u"0316.380.940"_s;
        QTest::newRow("check digits 01") << kbo << u"0403.170.701"_s << u"0403170701"_s << u"0403.170.701"_s;
        QTest::newRow("first eight a multiple of 97: check 97") << kbo << u"0970000097"_s << u"0970000097"_s << u"0970.000.097"_s;
        QTest::newRow("the range from 1") << kbo << u"1234.567.894"_s << u"1234567894"_s << u"1234.567.894"_s;
        QTest::newRow("9 digits, written before 2005") << kbo << u"207.451.227"_s << u"0207451227"_s << u"0207.451.227"_s;
        QTest::newRow("VAT form") << kbo << u"BE 0207.451.227"_s << u"0207451227"_s << u"0207.451.227"_s;
        QTest::newRow("VAT form, lower case, no space") << kbo << u"be0207451227"_s << u"0207451227"_s << u"0207.451.227"_s;
        QTest::newRow("KvK") << OrganisationIdentifierType::DutchKvkNumber << u"6942 0386"_s << u"69420386"_s << u"69420386"_s;
        QTest::newRow("branch") << OrganisationIdentifierType::DutchBranchNumber << u"0000-1234-5678"_s << u"000012345678"_s << u"000012345678"_s;
        QTest::newRow("RSIN") << OrganisationIdentifierType::DutchRsin << u"002564440"_s << u"002564440"_s << u"002564440"_s;
        QTest::newRow("RSIN with dots") << OrganisationIdentifierType::DutchRsin << u"0010.05.650"_s << u"001005650"_s << u"001005650"_s;
    }

    void valid()
    {
        QFETCH(OrganisationIdentifierType, type);
        QFETCH(QString, input);
        QFETCH(QString, digits);
        QFETCH(QString, formatted);
        const auto parsed = OrganisationIdentifier::parse(type, input);
        QVERIFY2(parsed, qPrintable(errorKey(parsed)));
        QCOMPARE(parsed->type, type);
        QCOMPARE(parsed->value, digits);
        QCOMPARE(parsed->formatted(), formatted);
        // What is formatted reads back as the same number.
        QCOMPARE(OrganisationIdentifier::parse(type, parsed->formatted()).value_or(OrganisationIdentifier{}), *parsed);
    }

    void invalid_data()
    {
        QTest::addColumn<OrganisationIdentifierType>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierError>("error");
        const auto kbo = OrganisationIdentifierType::BelgianEnterpriseNumber;
        QTest::newRow("nothing") << kbo << u"  "_s << IdentifierError::Empty;
        QTest::newRow("letters") << kbo << u"0207.45I.227"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("VAT of another country") << kbo << u"NL0207451227"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("last digit mistyped") << kbo << u"0207.451.228"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("two digits swapped") << kbo << u"0207.541.227"_s << IdentifierError::ChecksumMismatch;
        // 2074512076 has right check digits for its first eight, but no number starts with 2.
        QTest::newRow("starts with 2") << kbo << u"2074.512.076"_s << IdentifierError::InvalidSerial;
        QTest::newRow("8 digits") << kbo << u"20745122"_s << IdentifierError::WrongLength;
        QTest::newRow("11 digits") << kbo << u"02074512270"_s << IdentifierError::WrongLength;
        QTest::newRow("KvK of 9 digits") << OrganisationIdentifierType::DutchKvkNumber << u"694203861"_s << IdentifierError::WrongLength;
        QTest::newRow("branch of 11 digits") << OrganisationIdentifierType::DutchBranchNumber << u"00001234567"_s << IdentifierError::WrongLength;
        QTest::newRow("RSIN mistyped") << OrganisationIdentifierType::DutchRsin << u"002564441"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("RSIN all zeros") << OrganisationIdentifierType::DutchRsin << u"000000000"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("RSIN of 8 digits") << OrganisationIdentifierType::DutchRsin << u"00256444"_s << IdentifierError::WrongLength;
    }

    void invalid()
    {
        QFETCH(OrganisationIdentifierType, type);
        QFETCH(QString, input);
        QFETCH(IdentifierError, error);
        const auto parsed = OrganisationIdentifier::parse(type, input);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error(), error);
    }

    // Every single mistyped digit of an enterprise number is caught (mod 97 sees each).
    void everySingleMistypedDigitIsCaught()
    {
        const QString good = u"0207451227"_s;
        for (qsizetype i = 0; i < good.size(); ++i) {
            for (char d = '0'; d <= '9'; ++d) {
                QString typo = good;
                if (typo.at(i) == QLatin1Char(d)) {
                    continue;
                }
                typo[i] = QLatin1Char(d);
                const auto parsed = OrganisationIdentifier::parse(OrganisationIdentifierType::BelgianEnterpriseNumber, typo);
                QVERIFY2(!parsed, qPrintable(typo));
            }
        }
    }

    void detect_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<OrganisationIdentifierType>("type");
        QTest::addColumn<QString>("digits");
        QTest::newRow("10 digits") << u"0207.451.227"_s << OrganisationIdentifierType::BelgianEnterpriseNumber << u"0207451227"_s;
        QTest::newRow("VAT form") << u"BE0207500123"_s << OrganisationIdentifierType::BelgianEnterpriseNumber << u"0207500123"_s;
        QTest::newRow("8 digits") << u"69420386"_s << OrganisationIdentifierType::DutchKvkNumber << u"69420386"_s;
        QTest::newRow("12 digits") << u"000012345678"_s << OrganisationIdentifierType::DutchBranchNumber << u"000012345678"_s;
        QTest::newRow("9 digits passing the 11-check") << u"002564440"_s << OrganisationIdentifierType::DutchRsin << u"002564440"_s;
        QTest::newRow("9 digits with mod-97 check digits") << u"207451227"_s << OrganisationIdentifierType::BelgianEnterpriseNumber << u"0207451227"_s;
    }

    void detect()
    {
        QFETCH(QString, input);
        QFETCH(OrganisationIdentifierType, type);
        QFETCH(QString, digits);
        const auto found = OrganisationIdentifier::detect(input);
        QVERIFY2(found, qPrintable(errorKey(found)));
        QCOMPARE(found->type, type);
        QCOMPARE(found->value, digits);
    }

    void detectRefuses()
    {
        QCOMPARE(OrganisationIdentifier::detect(u"1234567"_s).error(), IdentifierError::WrongLength);
        QCOMPARE(OrganisationIdentifier::detect(u"0207451228"_s).error(), IdentifierError::ChecksumMismatch);
        QCOMPARE(OrganisationIdentifier::detect(u"BE 0207 451 228"_s).error(), IdentifierError::ChecksumMismatch);
        QCOMPARE(OrganisationIdentifier::detect(u""_s).error(), IdentifierError::Empty);
        QCOMPARE(OrganisationIdentifier::detect(u"acme"_s).error(), IdentifierError::InvalidCharacters);
    }

    void keys()
    {
        for (OrganisationIdentifierType type : allValues<OrganisationIdentifierType>()) {
            QCOMPARE(fromKey<OrganisationIdentifierType>(toKey(type)), std::optional<OrganisationIdentifierType>(type));
        }
        QCOMPARE(toKey(OrganisationIdentifierType::BelgianEnterpriseNumber), u"be_kbo"_s);
    }
};

QTEST_GUILESS_MAIN(TestOrganisationIdentifier)
#include "tst_organisationidentifier.moc"
