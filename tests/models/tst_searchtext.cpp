// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The text the search index holds: names folded so that what a clerk types finds what the
// register wrote, and phone numbers and e-mail addresses in one comparable form.

#include "citizenbuilder.h"
#include "searchtext.h"

#include <QTest>

using namespace C360;
using namespace Qt::Literals::StringLiterals;

class TestSearchText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");

        QTest::newRow("plain") << u"Peeters"_s << u"peeters"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("example of the header") << u"Désirée Vande Velde-Çelik"_s << u"desiree vande velde celik"_s;
        QTest::newRow("é and è") << u"Hélène Lefèvre"_s << u"helene lefevre"_s;
        QTest::newRow("ç") << u"François"_s << u"francois"_s;
        QTest::newRow("ü") << u"Müller"_s << u"muller"_s;
        QTest::newRow("ø") << u"Søren Kierkegaard"_s << u"soren kierkegaard"_s;
        QTest::newRow("Ø upper case") << u"ØSTERGAARD"_s << u"ostergaard"_s;
        QTest::newRow("ß") << u"Straßer"_s << u"strasser"_s;
        QTest::newRow("æ") << u"Ærenberg"_s << u"aerenberg"_s;
        QTest::newRow("ñ and ú") << u"Núñez"_s << u"nunez"_s;
        QTest::newRow("ř and á") << u"Dvořák"_s << u"dvorak"_s;
        QTest::newRow("Turkish dotless ı") << u"Yılmaz"_s << u"yilmaz"_s;
        QTest::newRow("Turkish dotted İ and ş") << u"ŞAHİN"_s << u"sahin"_s;
        QTest::newRow("Turkish ğ") << u"Ayşe Doğan"_s << u"ayse dogan"_s;
        QTest::newRow("Polish ł and ę") << u"Wałęsa"_s << u"walesa"_s;
        QTest::newRow("Polish Ł upper case") << u"ŁUKASZ"_s << u"lukasz"_s;
        QTest::newRow("Croatian đ") << u"Đorđević"_s << u"dordevic"_s;
        QTest::newRow("Romanian ș (comma below)") << u"Ștefănescu"_s << u"stefanescu"_s;
        // Scripts without a Latin form keep their letters, lower-cased and without accents.
        QTest::newRow("Cyrillic") << u"Пётр"_s << u"петр"_s;
        QTest::newRow("Greek") << u"Άννα"_s << u"αννα"_s;
        QTest::newRow("particles") << u"Van den Bossche"_s << u"van den bossche"_s;
        QTest::newRow("apostrophe") << u"D'Hondt"_s << u"d hondt"_s;
        QTest::newRow("typographic apostrophe") << u"D’Hondt"_s << u"d hondt"_s;
        QTest::newRow("hyphen") << u"Anne-Marie"_s << u"anne marie"_s;
        QTest::newRow("double-barrelled with particles") << u"Van den Bossche-D'Hondt"_s << u"van den bossche d hondt"_s;
        QTest::newRow("runs of separators collapse") << u"  Jan  --  Peeters  "_s << u"jan peeters"_s;
        QTest::newRow("separators only") << u" - ' . "_s << QString();
        QTest::newRow("digits kept") << u"Kerkstraat 12B"_s << u"kerkstraat 12b"_s;
        QTest::newRow("ligature") << u"Ofﬁcier"_s << u"officier"_s;
    }

    void fold()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);

        const QString result = SearchText::fold(text);
        QCOMPARE(result, folded);
        // Folding what the clerk typed and what the register wrote must meet: folding is idempotent.
        QCOMPARE(SearchText::fold(result), result);
    }

    void citizenNames_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("names");

        QTest::newRow("simple") << u"Jan"_s << u"Peeters"_s << u"jan peeters"_s;
        QTest::newRow("particles: also as one word") << u"Marie"_s << u"Van den Bossche"_s << u"marie van den bossche vandenbossche"_s;
        QTest::newRow("apostrophe: also as one word") << u"Jan"_s << u"D'Hondt"_s << u"jan d hondt dhondt"_s;
        QTest::newRow("hyphen and accents") << u"Désirée"_s << u"Vande Velde-Çelik"_s << u"desiree vande velde celik vandeveldecelik"_s;
        QTest::newRow("Turkish") << u"Ayşe"_s << u"Yılmaz"_s << u"ayse yilmaz"_s;
        QTest::newRow("Polish") << u"Łukasz"_s << u"Wałęsa"_s << u"lukasz walesa"_s;
        // Only the family name is joined: given names are searched word by word.
        QTest::newRow("two given names") << u"Jan Frans"_s << u"Peeters"_s << u"jan frans peeters"_s;
        QTest::newRow("no given name") << QString() << u"De Smet"_s << u"de smet desmet"_s;
        QTest::newRow("no family name") << u"Mohammed"_s << QString() << u"mohammed"_s;
        QTest::newRow("no name at all") << QString() << QString() << QString();
    }

    void citizenNames()
    {
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, names);

        const Citizen citizen = Test::CitizenBuilder().withName(given, family).build();
        QCOMPARE(SearchText::citizenNames(citizen), names);
    }

    void normalizePhone_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("countryCode");
        QTest::addColumn<QString>("normalized");

        const QString be = u"32"_s;
        const QString nl = u"31"_s;
        QTest::newRow("international with +") << u"+32 470 12 34 56"_s << be << u"32470123456"_s;
        QTest::newRow("international with 00") << u"0032470123456"_s << be << u"32470123456"_s;
        QTest::newRow("national with slash and dots") << u"0470/12.34.56"_s << be << u"32470123456"_s;
        QTest::newRow("national with spaces") << u"0470 12 34 56"_s << be << u"32470123456"_s;
        QTest::newRow("international with dashes and white space") << u"  +32-470-12-34-56 "_s << be << u"32470123456"_s;
        QTest::newRow("00 with spaces") << u"00 32 470 12 34 56"_s << be << u"32470123456"_s;
        // The trunk zero in brackets is not dialled from abroad.
        QTest::newRow("+32 (0)470") << u"+32 (0)470 12 34 56"_s << be << u"32470123456"_s;
        QTest::newRow("0032 (0)470") << u"0032 (0)470 12 34 56"_s << be << u"32470123456"_s;
        QTest::newRow("national with (0)") << u"(0)470 12 34 56"_s << be << u"32470123456"_s;
        QTest::newRow("Belgian land line") << u"03 123 45 67"_s << be << u"3231234567"_s;
        QTest::newRow("Belgian land line with brackets") << u"(03) 123 45 67"_s << be << u"3231234567"_s;
        QTest::newRow("already normalised") << u"32470123456"_s << be << u"32470123456"_s;
        QTest::newRow("Dutch mobile, national") << u"06 12345678"_s << nl << u"31612345678"_s;
        QTest::newRow("Dutch mobile, national, dash") << u"06-12345678"_s << nl << u"31612345678"_s;
        QTest::newRow("Dutch mobile, +31") << u"+31 6 12345678"_s << nl << u"31612345678"_s;
        QTest::newRow("Dutch mobile, +31 (0)6") << u"+31 (0)6 12345678"_s << nl << u"31612345678"_s;
        // An international number keeps its own country, whatever the default.
        QTest::newRow("Dutch number, Belgian default") << u"+31 6 12345678"_s << be << u"31612345678"_s;
        QTest::newRow("Dutch number with 00, Belgian default") << u"0031 6 1234 5678"_s << be << u"31612345678"_s;
        QTest::newRow("Belgian number, Dutch default") << u"+32 470 12 34 56"_s << nl << u"32470123456"_s;
        QTest::newRow("empty") << QString() << be << QString();
    }

    void normalizePhone()
    {
        QFETCH(QString, phone);
        QFETCH(QString, countryCode);
        QFETCH(QString, normalized);

        QCOMPARE(SearchText::normalizePhone(phone, countryCode), normalized);
    }

    void normalizePhoneDefaultsToBelgium()
    {
        QCOMPARE(SearchText::normalizePhone(u"0470 12 34 56"), u"32470123456"_s);
        QCOMPARE(SearchText::normalizePhone(u"06 12345678"), u"32612345678"_s);
    }

    void normalizeEmail_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("normalized");

        QTest::newRow("already normal") << u"jan.peeters@example.be"_s << u"jan.peeters@example.be"_s;
        QTest::newRow("mixed case") << u"Jan.Peeters@Example.BE"_s << u"jan.peeters@example.be"_s;
        QTest::newRow("white space around") << u"  jan@example.be\t\n"_s << u"jan@example.be"_s;
        QTest::newRow("accented local part keeps its accents") << u"ÉLODIE@exemple.fr"_s << u"élodie@exemple.fr"_s;
        QTest::newRow("plus addressing kept") << u"Jan+Gemeente@Example.nl"_s << u"jan+gemeente@example.nl"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void normalizeEmail()
    {
        QFETCH(QString, email);
        QFETCH(QString, normalized);

        QCOMPARE(SearchText::normalizeEmail(email), normalized);
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
