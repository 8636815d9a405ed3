// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Belgian national register number and BIS number: what is accepted, what is refused and why,
// and what a valid number tells about its holder. Every number below was computed outside this
// code base (97 − n mod 97, with a 2 in front of n for births from 2000), not with the parser.

#include "nationalnumber.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;
using Kind = NationalNumber::Kind;
using Sex = NationalNumber::Sex;

Q_DECLARE_METATYPE(C360::NationalNumber::Kind)
Q_DECLARE_METATYPE(C360::NationalNumber::Sex)
Q_DECLARE_METATYPE(C360::IdentifierError)

namespace C360
{
// Readable failure messages for QCOMPARE (found by argument-dependent lookup).
char *toString(IdentifierError error)
{
    return qstrdup(toKey(error).toUtf8().constData());
}
char *toString(NationalNumber::Kind kind)
{
    return qstrdup(kind == NationalNumber::Kind::Bis ? "Bis" : "Register");
}
char *toString(NationalNumber::Sex sex)
{
    switch (sex) {
    case NationalNumber::Sex::Male:
        return qstrdup("Male");
    case NationalNumber::Sex::Female:
        return qstrdup("Female");
    case NationalNumber::Sex::Unknown:
        break;
    }
    return qstrdup("Unknown");
}
} // namespace C360

namespace
{
// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a value.
QString errorKey(const Expected<NationalNumber, IdentifierError> &result)
{
    return result ? QString() : toKey(result.error());
}
} // namespace

class TestNationalNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("formatted");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("bornFrom2000");
        QTest::addColumn<int>("birthYear");
        QTest::addColumn<QDate>("birthDate");
        QTest::addColumn<Sex>("sex");

        // Odd serial: male; even serial: female.
        QTest::newRow("register, 1985, male") << u"85073003328"_s << u"85.07.30-033.28"_s << Kind::Register << false << 1985 << QDate(1985, 7, 30) << Sex::Male;
        QTest::newRow("register, 1972, female") << u"72120112484"_s << u"72.12.01-124.84"_s << Kind::Register << false << 1972 << QDate(1972, 12, 1)
                                                << Sex::Female;
        QTest::newRow("register, last day of 1999") << u"99123100267"_s << u"99.12.31-002.67"_s << Kind::Register << false << 1999 << QDate(1999, 12, 31)
                                                    << Sex::Female;
        QTest::newRow("register, born 2003") << u"03051700104"_s << u"03.05.17-001.04"_s << Kind::Register << true << 2003 << QDate(2003, 5, 17) << Sex::Male;
        // The same nine digits with the check of the 1900s: the check digits alone tell the century.
        QTest::newRow("same nine digits, born 1903") << u"03051700172"_s << u"03.05.17-001.72"_s << Kind::Register << false << 1903 << QDate(1903, 5, 17)
                                                     << Sex::Male;
        QTest::newRow("register, born 2010, serial 998")
            << u"10013199864"_s << u"10.01.31-998.64"_s << Kind::Register << true << 2010 << QDate(2010, 1, 31) << Sex::Female;
        QTest::newRow("leap day 2000-02-29") << u"00022904501"_s << u"00.02.29-045.01"_s << Kind::Register << true << 2000 << QDate(2000, 2, 29) << Sex::Male;
        // n mod 97 = 0 gives check digits 97, never 00.
        QTest::newRow("check digits 97") << u"90010102497"_s << u"90.01.01-024.97"_s << Kind::Register << false << 1990 << QDate(1990, 1, 1) << Sex::Female;
        QTest::newRow("check digits 97, born 2012") << u"12061506797"_s << u"12.06.15-067.97"_s << Kind::Register << true << 2012 << QDate(2012, 6, 15)
                                                    << Sex::Male;
        QTest::newRow("BIS +20, sex unknown") << u"85273003371"_s << u"85.27.30-033.71"_s << Kind::Bis << false << 1985 << QDate(1985, 7, 30) << Sex::Unknown;
        QTest::newRow("BIS +40, male") << u"85473003317"_s << u"85.47.30-033.17"_s << Kind::Bis << false << 1985 << QDate(1985, 7, 30) << Sex::Male;
        QTest::newRow("BIS +40, female") << u"85473003416"_s << u"85.47.30-034.16"_s << Kind::Bis << false << 1985 << QDate(1985, 7, 30) << Sex::Female;
        QTest::newRow("BIS +20, born 2005") << u"05322401214"_s << u"05.32.24-012.14"_s << Kind::Bis << true << 2005 << QDate(2005, 12, 24) << Sex::Unknown;
        QTest::newRow("BIS +40, born 2005, female") << u"05522401257"_s << u"05.52.24-012.57"_s << Kind::Bis << true << 2005 << QDate(2005, 12, 24)
                                                    << Sex::Female;
        QTest::newRow("BIS +40, leap day 2004") << u"04422904574"_s << u"04.42.29-045.74"_s << Kind::Bis << true << 2004 << QDate(2004, 2, 29) << Sex::Male;
        // Month or day 00: the register does not know the full birth date.
        QTest::newRow("birth date unknown (month 00)") << u"60000000195"_s << u"60.00.00-001.95"_s << Kind::Register << false << 1960 << QDate() << Sex::Male;
        QTest::newRow("birth day unknown (day 00)") << u"60030000119"_s << u"60.03.00-001.19"_s << Kind::Register << false << 1960 << QDate() << Sex::Male;
        QTest::newRow("BIS +20, birth date unknown") << u"00200001726"_s << u"00.20.00-017.26"_s << Kind::Bis << false << 1900 << QDate() << Sex::Unknown;
        QTest::newRow("BIS +40, birth day unknown") << u"70450002217"_s << u"70.45.00-022.17"_s << Kind::Bis << false << 1970 << QDate() << Sex::Female;
    }

    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, formatted);
        QFETCH(Kind, kind);
        QFETCH(bool, bornFrom2000);
        QFETCH(int, birthYear);
        QFETCH(QDate, birthDate);
        QFETCH(Sex, sex);

        QVERIFY(NationalNumber::isValid(input));
        const auto number = NationalNumber::parse(input);
        QVERIFY2(number.has_value(), qPrintable(errorKey(number)));
        QCOMPARE(number->digits(), input);
        QCOMPARE(number->formatted(), formatted);
        QCOMPARE(number->kind(), kind);
        QCOMPARE(number->bornFrom2000(), bornFrom2000);
        QCOMPARE(number->birthYear(), birthYear);
        QCOMPARE(number->birthDate(), birthDate);
        QCOMPARE(number->sex(), sex);

        // The way it is printed on the identity card reads back as the same number.
        const auto reparsed = NationalNumber::parse(formatted);
        QVERIFY(reparsed.has_value());
        QCOMPARE(reparsed->digits(), input);
        QVERIFY(*reparsed == *number);
    }

    void masked_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("masked");

        QTest::newRow("register") << u"85.07.30-033.28"_s << u"••.••.••-•••.28"_s;
        QTest::newRow("born 2003") << u"03051700104"_s << u"••.••.••-•••.04"_s;
        QTest::newRow("BIS") << u"85273003371"_s << u"••.••.••-•••.71"_s;
        QTest::newRow("check digits 97") << u"90010102497"_s << u"••.••.••-•••.97"_s;
    }

    void masked()
    {
        QFETCH(QString, input);
        QFETCH(QString, masked);

        const auto number = NationalNumber::parse(input);
        QVERIFY(number.has_value());
        QCOMPARE(number->masked(), masked);
        // Nothing of the birth date or the serial shows: the only digits are the two check digits.
        const QString shown = number->masked();
        qsizetype digitCount = 0;
        for (const QChar c : shown) {
            digitCount += c.isDigit() ? 1 : 0;
        }
        QCOMPARE(digitCount, 2);
        QCOMPARE(shown.right(2), number->digits().right(2));
    }

    void separators_data()
    {
        QTest::addColumn<QString>("input");

        QTest::newRow("none") << u"85073003328"_s;
        QTest::newRow("as on the card") << u"85.07.30-033.28"_s;
        QTest::newRow("spaces") << u"85 07 30 033 28"_s;
        QTest::newRow("dashes") << u"85-07-30-033-28"_s;
        QTest::newRow("slashes") << u"85/07/30/033/28"_s;
        QTest::newRow("mixed, with spaces around the dash") << u"85.07.30 - 033/28"_s;
        QTest::newRow("surrounding white space") << u"  85073003328\t\n"_s;
        QTest::newRow("no-break space") << u"85\u00A007\u00A030\u00A0033\u00A028"_s;
    }

    void separators()
    {
        QFETCH(QString, input);

        const auto number = NationalNumber::parse(input);
        QVERIFY2(number.has_value(), qPrintable(errorKey(number)));
        QCOMPARE(number->digits(), u"85073003328"_s);
        QCOMPARE(number->formatted(), u"85.07.30-033.28"_s);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierError>("error");

        QTest::newRow("empty") << QString() << IdentifierError::Empty;
        QTest::newRow("white space only") << u"   "_s << IdentifierError::Empty;

        QTest::newRow("letter at the end") << u"8507300332A"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("letter O for zero") << u"85.07.3O-033.28"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("comma is no separator") << u"85,07,30,033,28"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("plus sign") << u"+85073003328"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("full-width digits") << u"８５０７３００３３２８"_s << IdentifierError::InvalidCharacters;

        QTest::newRow("10 digits") << u"8507300332"_s << IdentifierError::WrongLength;
        QTest::newRow("10 digits, formatted") << u"85.07.30-033.2"_s << IdentifierError::WrongLength;
        QTest::newRow("12 digits") << u"850730033280"_s << IdentifierError::WrongLength;
        QTest::newRow("a BSN") << u"111222333"_s << IdentifierError::WrongLength;

        QTest::newRow("check digit changed") << u"85073003329"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("serial digit changed") << u"85073013328"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("first two digits swapped") << u"58073003328"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("month and day swapped") << u"85300703328"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("check digits 00") << u"85073003300"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("born 2003, check of 2003 off by one") << u"03051700105"_s << IdentifierError::ChecksumMismatch;

        // Correct check digits, impossible dates.
        QTest::newRow("29 February 1900 (not a leap year)") << u"00022904569"_s << IdentifierError::InvalidDate;
        QTest::newRow("29 February 1999") << u"99022904514"_s << IdentifierError::InvalidDate;
        QTest::newRow("29 February 2001") << u"01022904522"_s << IdentifierError::InvalidDate;
        QTest::newRow("31 April") << u"85043103374"_s << IdentifierError::InvalidDate;
        QTest::newRow("month 13") << u"85130103367"_s << IdentifierError::InvalidDate;
        QTest::newRow("month 19") << u"85190103312"_s << IdentifierError::InvalidDate;
        QTest::newRow("day 32") << u"85023203330"_s << IdentifierError::InvalidDate;
        QTest::newRow("BIS +20, 30 February") << u"85223003336"_s << IdentifierError::InvalidDate;
        QTest::newRow("BIS +20, month 33") << u"85330103313"_s << IdentifierError::InvalidDate;
        QTest::newRow("BIS +40, 29 February 2001") << u"01422904511"_s << IdentifierError::InvalidDate;
        QTest::newRow("BIS +40, month 53") << u"85530103356"_s << IdentifierError::InvalidDate;
        QTest::newRow("month 60") << u"85600103308"_s << IdentifierError::InvalidDate;

        QTest::newRow("serial 000") << u"85073000061"_s << IdentifierError::InvalidSerial;
        QTest::newRow("serial 999") << u"85073099932"_s << IdentifierError::InvalidSerial;
    }

    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierError, error);

        QVERIFY(!NationalNumber::isValid(input));
        const auto number = NationalNumber::parse(input);
        QVERIFY(!number.has_value());
        QCOMPARE(number.error(), error);
    }

    void equality()
    {
        const auto a = NationalNumber::parse(u"85.07.30-033.28");
        const auto b = NationalNumber::parse(u"85073003328");
        const auto c = NationalNumber::parse(u"72120112484");
        QVERIFY(a && b && c);
        QVERIFY(*a == *b);
        QVERIFY(!(*a == *c));
    }
};

QTEST_GUILESS_MAIN(TestNationalNumber)
#include "tst_nationalnumber.moc"
