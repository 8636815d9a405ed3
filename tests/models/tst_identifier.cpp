// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Identifier: a typed, validated person number, and recognising which kind a person typed.

#include "identifier.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(C360::IdentifierType)
Q_DECLARE_METATYPE(C360::IdentifierError)

namespace C360
{
// Readable failure messages for QCOMPARE (found by argument-dependent lookup).
char *toString(IdentifierError error)
{
    return qstrdup(toKey(error).toUtf8().constData());
}
char *toString(IdentifierType type)
{
    return qstrdup(toKey(type).toUtf8().constData());
}
} // namespace C360

namespace
{
// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a value.
QString errorKey(const Expected<Identifier, IdentifierError> &result)
{
    return result ? QString() : toKey(result.error());
}
} // namespace

class TestIdentifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<IdentifierType>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("value");

        QTest::newRow("register number") << IdentifierType::BelgianNationalNumber << u"85.07.30-033.28"_s << u"85073003328"_s;
        QTest::newRow("register number, born 2003") << IdentifierType::BelgianNationalNumber << u"03 05 17 001 04"_s << u"03051700104"_s;
        QTest::newRow("BIS +20") << IdentifierType::BelgianBisNumber << u"85.27.30-033.71"_s << u"85273003371"_s;
        QTest::newRow("BIS +40") << IdentifierType::BelgianBisNumber << u"85473003317"_s << u"85473003317"_s;
        QTest::newRow("BSN") << IdentifierType::DutchBsn << u"1234.56.782"_s << u"123456782"_s;
        QTest::newRow("BSN, 8 digits") << IdentifierType::DutchBsn << u"51403729"_s << u"051403729"_s;
    }

    void parse()
    {
        QFETCH(IdentifierType, type);
        QFETCH(QString, input);
        QFETCH(QString, value);

        const auto id = Identifier::parse(type, input);
        QVERIFY2(id.has_value(), qPrintable(errorKey(id)));
        QCOMPARE(id->type, type);
        QCOMPARE(id->value, value);
        QVERIFY(*id == (Identifier{type, value}));
    }

    void parseRefused_data()
    {
        QTest::addColumn<IdentifierType>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierError>("error");

        // A valid number of the other Belgian kind is still the wrong identifier.
        QTest::newRow("BIS number given as register number") << IdentifierType::BelgianNationalNumber << u"85273003371"_s << IdentifierError::UnknownType;
        QTest::newRow("BIS +40 given as register number") << IdentifierType::BelgianNationalNumber << u"85473003416"_s << IdentifierError::UnknownType;
        QTest::newRow("register number given as BIS number") << IdentifierType::BelgianBisNumber << u"85073003328"_s << IdentifierError::UnknownType;
        QTest::newRow("BSN given as register number") << IdentifierType::BelgianNationalNumber << u"123456782"_s << IdentifierError::WrongLength;
        QTest::newRow("register number given as BSN") << IdentifierType::DutchBsn << u"85073003328"_s << IdentifierError::WrongLength;
        QTest::newRow("register number, bad check") << IdentifierType::BelgianNationalNumber << u"85073003329"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("register number, serial 999") << IdentifierType::BelgianNationalNumber << u"85073099932"_s << IdentifierError::InvalidSerial;
        QTest::newRow("BIS number, impossible date") << IdentifierType::BelgianBisNumber << u"85223003336"_s << IdentifierError::InvalidDate;
        QTest::newRow("BSN, bad check") << IdentifierType::DutchBsn << u"123456789"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("BSN, letters") << IdentifierType::DutchBsn << u"12345678x"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("empty BSN") << IdentifierType::DutchBsn << QString() << IdentifierError::Empty;
        QTest::newRow("empty register number") << IdentifierType::BelgianNationalNumber << u" "_s << IdentifierError::Empty;
        QTest::newRow("type out of range") << static_cast<IdentifierType>(42) << u"85073003328"_s << IdentifierError::UnknownType;
    }

    void parseRefused()
    {
        QFETCH(IdentifierType, type);
        QFETCH(QString, input);
        QFETCH(IdentifierError, error);

        const auto id = Identifier::parse(type, input);
        QVERIFY(!id.has_value());
        QCOMPARE(id.error(), error);
    }

    void detect_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierType>("type");
        QTest::addColumn<QString>("value");

        QTest::newRow("register number") << u"85.07.30-033.28"_s << IdentifierType::BelgianNationalNumber << u"85073003328"_s;
        QTest::newRow("register number, born 2000") << u"00022904501"_s << IdentifierType::BelgianNationalNumber << u"00022904501"_s;
        QTest::newRow("register number, birth date unknown") << u"60000000195"_s << IdentifierType::BelgianNationalNumber << u"60000000195"_s;
        QTest::newRow("BIS +20") << u"85 27 30 033 71"_s << IdentifierType::BelgianBisNumber << u"85273003371"_s;
        QTest::newRow("BIS +40, born 2005") << u"05.52.24-012.57"_s << IdentifierType::BelgianBisNumber << u"05522401257"_s;
        QTest::newRow("BSN") << u"123456782"_s << IdentifierType::DutchBsn << u"123456782"_s;
        QTest::newRow("BSN, formatted") << u"1112.22.333"_s << IdentifierType::DutchBsn << u"111222333"_s;
        QTest::newRow("BSN, 8 digits") << u"514.03.729"_s << IdentifierType::DutchBsn << u"051403729"_s;
    }

    void detect()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierType, type);
        QFETCH(QString, value);

        const auto id = Identifier::detect(input);
        QVERIFY2(id.has_value(), qPrintable(errorKey(id)));
        QCOMPARE(id->type, type);
        QCOMPARE(id->value, value);
        // What was detected parses again as that type.
        const auto again = Identifier::parse(type, input);
        QVERIFY(again.has_value());
        QVERIFY(*again == *id);
    }

    void detectRefused_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierError>("error");

        QTest::newRow("empty") << QString() << IdentifierError::Empty;
        QTest::newRow("white space") << u"  \t"_s << IdentifierError::Empty;
        QTest::newRow("a name") << u"Peeters"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("digits and a letter") << u"85073003328b"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("7 digits") << u"1234567"_s << IdentifierError::WrongLength;
        QTest::newRow("10 digits") << u"8507300332"_s << IdentifierError::WrongLength;
        QTest::newRow("12 digits") << u"850730033280"_s << IdentifierError::WrongLength;
        QTest::newRow("11 digits, bad check") << u"85073003329"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("11 digits, 29 February 1900") << u"00022904569"_s << IdentifierError::InvalidDate;
        QTest::newRow("11 digits, serial 000") << u"85073000061"_s << IdentifierError::InvalidSerial;
        QTest::newRow("9 digits, bad check") << u"123456789"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("8 digits, bad check") << u"12345677"_s << IdentifierError::ChecksumMismatch;
    }

    void detectRefused()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierError, error);

        const auto id = Identifier::detect(input);
        QVERIFY(!id.has_value());
        QCOMPARE(id.error(), error);
    }

    void formattedAndMasked_data()
    {
        QTest::addColumn<IdentifierType>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("formatted");
        QTest::addColumn<QString>("masked");

        QTest::newRow("register number") << IdentifierType::BelgianNationalNumber << u"85073003328"_s << u"85.07.30-033.28"_s << u"••.••.••-•••.28"_s;
        QTest::newRow("BIS number") << IdentifierType::BelgianBisNumber << u"85273003371"_s << u"85.27.30-033.71"_s << u"••.••.••-•••.71"_s;
        QTest::newRow("BSN") << IdentifierType::DutchBsn << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        QTest::newRow("BSN with leading zero") << IdentifierType::DutchBsn << u"051403729"_s << u"0514.03.729"_s << u"••••.••.729"_s;
        // A stored value that no longer validates is shown as stored, and masked entirely.
        QTest::newRow("invalid register number") << IdentifierType::BelgianNationalNumber << u"85073003329"_s << u"85073003329"_s << u"•••••••••••"_s;
        QTest::newRow("invalid BSN") << IdentifierType::DutchBsn << u"123456789"_s << u"123456789"_s << u"•••••••••"_s;
        QTest::newRow("empty") << IdentifierType::DutchBsn << QString() << QString() << QString();
    }

    void formattedAndMasked()
    {
        QFETCH(IdentifierType, type);
        QFETCH(QString, value);
        QFETCH(QString, formatted);
        QFETCH(QString, masked);

        const Identifier id{type, value};
        QCOMPARE(id.formatted(), formatted);
        QCOMPARE(id.masked(), masked);
    }

    void equality()
    {
        const Identifier a{IdentifierType::BelgianNationalNumber, u"85073003328"_s};
        QVERIFY(a == (Identifier{IdentifierType::BelgianNationalNumber, u"85073003328"_s}));
        QVERIFY(!(a == (Identifier{IdentifierType::BelgianBisNumber, u"85073003328"_s})));
        QVERIFY(!(a == (Identifier{IdentifierType::BelgianNationalNumber, u"72120112484"_s})));
    }
};

QTEST_GUILESS_MAIN(TestIdentifier)
#include "tst_identifier.moc"
