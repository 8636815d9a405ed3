// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The product catalogue's HTML from the feed, reduced to text with its structure: nothing to click,
// load or run.

#include "richtext.h"

#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestRichText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feedHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("safe");
        QTest::newRow("structure stays") << u"<p>Breng mee:</p><ul><li><strong>identiteitskaart</strong></li><li>foto</li></ul>"_s
                                         << u"<p>Breng mee:</p><ul><li><strong>identiteitskaart</strong></li><li>foto</li></ul>"_s;
        QTest::newRow("attributes go") << u"<p class=\"x\" style=\"color:red\" onclick=\"steal()\">Tekst</p>"_s << u"<p>Tekst</p>"_s;
        QTest::newRow("a link becomes text") << u"<p>Zie <a href=\"https://www.vlaanderen.be/eid\">de site</a>.</p>"_s
                                             << u"<p>Zie de site (https://www.vlaanderen.be/eid).</p>"_s;
        QTest::newRow("a javascript link") << u"<a href=\"javascript:alert(1)\">klik</a>"_s << u"klik"_s;
        QTest::newRow("a file link") << u"<a href='file:///etc/passwd'>klik</a>"_s << u"klik"_s;
        QTest::newRow("script and its text") << u"<p>a</p><script>var x = \"<p>\";</script><p>b</p>"_s << u"<p>a</p><p>b</p>"_s;
        QTest::newRow("style") << u"<style>p { display: none }</style>Zichtbaar"_s << u"Zichtbaar"_s;
        QTest::newRow("image") << u"<p><img src=\"file:///home/clerk/.ssh/id_rsa\">x</p>"_s << u"<p>x</p>"_s;
        QTest::newRow("iframe and form") << u"<iframe src=\"https://evil.example\"></iframe><form><input name=\"p\"></form>x"_s << u"x"_s;
        QTest::newRow("comment") << u"a<!-- <script>x</script> -->b"_s << u"ab"_s;
        QTest::newRow("upper case") << u"<P>Tekst</P><SCRIPT>x</SCRIPT>"_s << u"<p>Tekst</p>"_s;
        QTest::newRow("stray angle") << u"3 < 5 & 4 > 2"_s << u"3 &lt; 5 & 4 > 2"_s;
        QTest::newRow("quoted >") << u"<p title=\"a > b\">t</p>"_s << u"<p>t</p>"_s;
        QTest::newRow("entities stay") << u"<p>&euro; 25 &amp; meer</p>"_s << u"<p>&euro; 25 &amp; meer</p>"_s;
        QTest::newRow("plain text") << u"Gewoon tekst"_s << u"Gewoon tekst"_s;
    }

    void feedHtml()
    {
        QFETCH(QString, html);
        QFETCH(QString, safe);
        QCOMPARE(RichText::safeFeedHtml(html), safe);
    }
};

QTEST_GUILESS_MAIN(TestRichText)
#include "tst_richtext.moc"
