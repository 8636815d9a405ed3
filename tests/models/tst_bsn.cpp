// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Dutch citizen service number (BSN) and its 11-check. The numbers below were checked outside
// this code base (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), not with the parser.

#include "bsn.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(C360::IdentifierError)

namespace C360
{
// Readable failure messages for QCOMPARE (found by argument-dependent lookup).
char *toString(IdentifierError error)
{
    return qstrdup(toKey(error).toUtf8().constData());
}
} // namespace C360

namespace
{
// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a value.
QString errorKey(const Expected<Bsn, IdentifierError> &result)
{
    return result ? QString() : toKey(result.error());
}
} // namespace

class TestBsn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("formatted");
        QTest::addColumn<QString>("masked");

        QTest::newRow("111222333") << u"111222333"_s << u"111222333"_s << u"1112.22.333"_s << u"••••.••.333"_s;
        QTest::newRow("123456782") << u"123456782"_s << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        QTest::newRow("999999990") << u"999999990"_s << u"999999990"_s << u"9999.99.990"_s << u"••••.••.990"_s;
        QTest::newRow("725763863") << u"725763863"_s << u"725763863"_s << u"7257.63.863"_s << u"••••.••.863"_s;
        QTest::newRow("162275869") << u"162275869"_s << u"162275869"_s << u"1622.75.869"_s << u"••••.••.869"_s;
        // Weighted sum 0 is a multiple of 11; only the all-zero number is refused.
        QTest::newRow("weighted sum zero") << u"100000009"_s << u"100000009"_s << u"1000.00.009"_s << u"••••.••.009"_s;
        QTest::newRow("written with dots") << u"1234.56.782"_s << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        QTest::newRow("written with spaces") << u"123 456 782"_s << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        QTest::newRow("written with dashes") << u"123-45-6782"_s << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        QTest::newRow("written with slashes") << u"1234/56/782"_s << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        QTest::newRow("surrounding white space") << u"\t 123456782 \n"_s << u"123456782"_s << u"1234.56.782"_s << u"••••.••.782"_s;
        // 8 digits: an older number whose leading zero was dropped (514037290 would fail the check).
        QTest::newRow("8 digits") << u"51403729"_s << u"051403729"_s << u"0514.03.729"_s << u"••••.••.729"_s;
        QTest::newRow("8 digits, formatted") << u"514.03.729"_s << u"051403729"_s << u"0514.03.729"_s << u"••••.••.729"_s;
        QTest::newRow("9 digits with the leading zero") << u"051403729"_s << u"051403729"_s << u"0514.03.729"_s << u"••••.••.729"_s;
        QTest::newRow("8 digits, another") << u"94212661"_s << u"094212661"_s << u"0942.12.661"_s << u"••••.••.661"_s;
    }

    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, digits);
        QFETCH(QString, formatted);
        QFETCH(QString, masked);

        QVERIFY(Bsn::isValid(input));
        const auto bsn = Bsn::parse(input);
        QVERIFY2(bsn.has_value(), qPrintable(errorKey(bsn)));
        QCOMPARE(bsn->digits(), digits);
        QCOMPARE(bsn->formatted(), formatted);
        QCOMPARE(bsn->masked(), masked);

        const auto reparsed = Bsn::parse(formatted);
        QVERIFY(reparsed.has_value());
        QVERIFY(*reparsed == *bsn);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierError>("error");

        QTest::newRow("empty") << QString() << IdentifierError::Empty;
        QTest::newRow("white space only") << u" \t "_s << IdentifierError::Empty;

        QTest::newRow("letter") << u"12345678A"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("letter O for zero") << u"O51403729"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("comma") << u"123,456,782"_s << IdentifierError::InvalidCharacters;
        QTest::newRow("underscore") << u"123_456_782"_s << IdentifierError::InvalidCharacters;

        QTest::newRow("7 digits") << u"1234567"_s << IdentifierError::WrongLength;
        QTest::newRow("10 digits") << u"1234567820"_s << IdentifierError::WrongLength;
        QTest::newRow("a Belgian national number") << u"85073003328"_s << IdentifierError::WrongLength;
        QTest::newRow("separators only") << u"..--"_s << IdentifierError::WrongLength;

        QTest::newRow("123456789") << u"123456789"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("last digit changed") << u"111222334"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("two digits swapped") << u"213456782"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("192837465") << u"192837465"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("999999999") << u"999999999"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("8 digits, valid only if read with a trailing zero") << u"12345677"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("all zero") << u"000000000"_s << IdentifierError::ChecksumMismatch;
        QTest::newRow("all zero, 8 digits") << u"0000.00.00"_s << IdentifierError::ChecksumMismatch;
    }

    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierError, error);

        QVERIFY(!Bsn::isValid(input));
        const auto bsn = Bsn::parse(input);
        QVERIFY(!bsn.has_value());
        QCOMPARE(bsn.error(), error);
    }

    void equality()
    {
        const auto a = Bsn::parse(u"1234.56.782");
        const auto b = Bsn::parse(u"123456782");
        const auto c = Bsn::parse(u"111222333");
        QVERIFY(a && b && c);
        QVERIFY(*a == *b);
        QVERIFY(!(*a == *c));
    }
};

QTEST_GUILESS_MAIN(TestBsn)
#include "tst_bsn.moc"
