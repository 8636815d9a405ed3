// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The generated IPDC product catalogue: about 300 realistic products in six language variants,
// codes from the IPDC code lists, versions in publication order, deterministic run-time changes.

#include "ipdc/ipdcapi.h"
#include "ipdc/productcatalogue.h"
#include "population/dataset.h"
#include "referencedate.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace C360::Ref;

namespace
{
QString specDir()
{
    return qEnvironmentVariable("C360_SOURCE_DIR", QStringLiteral(".")) + QStringLiteral("/tests/refbackend/specs/product-catalogue-flanders-ipdc/");
}

// The concepts of an IPDC code list (codelijst-*.ttl): "dvc:Burger a skos:Concept".
QSet<QString> codeList(const QString &name)
{
    QFile file(specDir() + QStringLiteral("model/codelijst-") + name + QStringLiteral(".ttl"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression conceptPattern(QStringLiteral("^dvc:(\\w+)\\s*\\n\\s*a\\s+skos:Concept"), QRegularExpression::MultilineOption);
    QSet<QString> codes;
    for (auto it = conceptPattern.globalMatch(text); it.hasNext();) {
        codes.insert(it.next().captured(1));
    }
    return codes;
}

QString text(const LanguageMap &map, const QString &language)
{
    for (const auto &[tag, value] : map) {
        if (tag == language) {
            return value;
        }
    }
    return {};
}

QStringList tags(const LanguageMap &map)
{
    QStringList list;
    for (const auto &[tag, value] : map) {
        list.append(tag);
    }
    return list;
}

// The newest version of every product.
QList<ProductSnapshot> newest(const ProductCatalogue &catalogue)
{
    QList<ProductSnapshot> latest(catalogue.count());
    for (qint64 i = 0; i < catalogue.versionCount(); ++i) {
        ProductSnapshot s = catalogue.snapshot(i);
        if (s.version + 1 == catalogue.versionsOf(s.product)) {
            latest[s.product] = s;
        }
    }
    return latest;
}
} // namespace

class TestProductCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aboutThreeHundredDistinctProducts()
    {
        const ProductCatalogue catalogue(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        QVERIFY2(catalogue.count() >= 280 && catalogue.count() <= 320, qPrintable(QString::number(catalogue.count())));
        QVERIFY(catalogue.versionCount() > catalogue.count());
        QSet<QString> names;
        QSet<QString> numbers;
        QSet<QUuid> concepts;
        for (const ProductSnapshot &s : newest(catalogue)) {
            const QString name = text(s.name, QStringLiteral("nl"));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QVERIFY2(QRegularExpression(QStringLiteral("^[1-9]\\d{3}$")).match(s.productNumber).hasMatch(), qPrintable(s.productNumber));
            numbers.insert(s.productNumber);
            concepts.insert(s.conceptId);
            QCOMPARE(s.conceptId.version(), QUuid::Random);
        }
        QCOMPARE(numbers.size(), catalogue.count());
        QCOMPARE(concepts.size(), catalogue.count());
        // The municipal staples are there.
        for (const char *expected : {"Elektronische identiteitskaart (eID)",
                                     "Kids-ID",
                                     "Reispas – meerderjarigen",
                                     "Rijbewijs – eerste aanvraag",
                                     "Adreswijziging – binnen de gemeente",
                                     "Huwelijk – op zaterdag",
                                     "Ophaling van grofvuil aan huis – tot 2 m³",
                                     "Container voor restafval – 240 liter",
                                     "Evenementenvergunning – 500 tot 5.000 bezoekers, voor verenigingen",
                                     "Uittreksel uit het strafregister – model 2 (artikel 596.2), online"}) {
            QVERIFY2(names.contains(QString::fromUtf8(expected)), expected);
        }
    }

    void textsInSixLanguageVariants()
    {
        const ProductCatalogue catalogue(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        const QSet<QString> allowed = {QStringLiteral("nl"),
                                       QStringLiteral("nl-BE-x-formal"),
                                       QStringLiteral("nl-BE-x-informal"),
                                       QStringLiteral("fr"),
                                       QStringLiteral("de"),
                                       QStringLiteral("en")};
        int withoutFrench = 0;
        int sameInEnglish = 0;
        const QList<ProductSnapshot> products = newest(catalogue);
        for (const ProductSnapshot &s : products) {
            for (const LanguageMap *map : {&s.name, &s.description, &s.requirement, &s.evidence, &s.procedure, &s.cost, &s.websiteName}) {
                const QStringList languages = tags(*map);
                QVERIFY(languages.contains(QStringLiteral("nl")));
                QVERIFY(languages.contains(QStringLiteral("nl-BE-x-formal")));
                QVERIFY(languages.contains(QStringLiteral("nl-BE-x-informal")));
                QVERIFY(languages.contains(QStringLiteral("en")));
                QCOMPARE(languages.contains(QStringLiteral("fr")), languages.contains(QStringLiteral("de")));
                for (const QString &language : languages) {
                    QVERIFY2(allowed.contains(language), qPrintable(language));
                    QVERIFY(!text(*map, language).trimmed().isEmpty());
                }
            }
            withoutFrench += tags(s.name).contains(QStringLiteral("fr")) ? 0 : 1;
            sameInEnglish += text(s.name, QStringLiteral("nl")) == text(s.name, QStringLiteral("en")) ? 1 : 0;
            // Real translations, not copies.
            QVERIFY(text(s.description, QStringLiteral("nl")) != text(s.description, QStringLiteral("en")));
            if (tags(s.description).contains(QStringLiteral("fr"))) {
                QVERIFY(text(s.description, QStringLiteral("fr")) != text(s.description, QStringLiteral("en")));
                QVERIFY(text(s.description, QStringLiteral("de")) != text(s.description, QStringLiteral("en")));
            }
            // The informal register has no formal pronouns left.
            static const QRegularExpression formal(QStringLiteral("\\b[Uu]w?\\b"));
            for (const LanguageMap *map : {&s.description, &s.additionalDescription, &s.requirement, &s.evidence, &s.procedure, &s.advantage}) {
                const QString informal = text(*map, QStringLiteral("nl-BE-x-informal"));
                QVERIFY2(!formal.match(informal).hasMatch(), qPrintable(informal));
            }
        }
        // Some products lack French and German, as many IPDC concepts do; most have them.
        QVERIFY2(withoutFrench > 0 && withoutFrench < products.size() / 4, qPrintable(QString::number(withoutFrench)));
        QVERIFY(sameInEnglish < 10); // brand names only (Kids-ID, UiTPAS)
    }

    void informalDutch_data()
    {
        QTest::addColumn<QString>("formal");
        QTest::addColumn<QString>("informal");
        QTest::newRow("subject") << QStringLiteral("U bent 12 jaar of ouder.") << QStringLiteral("Je bent 12 jaar of ouder.");
        QTest::newRow("possessive") << QStringLiteral("Uw identiteitskaart en uw pasfoto") << QStringLiteral("Je identiteitskaart en je pasfoto");
        QTest::newRow("inversion") << QStringLiteral("Dan kunt u, als u wilt, uw kaart ophalen.")
                                   << QStringLiteral("Dan kun je, als je wilt, je kaart ophalen.");
        QTest::newRow("question") << QStringLiteral("Heeft u een garage?") << QStringLiteral("Heb je een garage?");
        QTest::newRow("subordinate hebt") << QStringLiteral("Als u een garage hebt") << QStringLiteral("Als je een garage hebt");
        QTest::newRow("u heeft before") << QStringLiteral("U heeft een garage.") << QStringLiteral("Je hebt een garage.");
        QTest::newRow("object") << QStringLiteral("De dienst neemt contact met u op.") << QStringLiteral("De dienst neemt contact met jou op.");
        QTest::newRow("reflexive") << QStringLiteral("Dan meldt u zich aan.") << QStringLiteral("Dan meld je je aan.");
        QTest::newRow("self") << QStringLiteral("Het gaat over uzelf.") << QStringLiteral("Het gaat over jezelf.");
        QTest::newRow("subordinate") << QStringLiteral("zodat u betaalt") << QStringLiteral("zodat je betaalt");
        QTest::newRow("no pronoun") << QStringLiteral("<ul><li>Het kind is jonger dan 12 jaar.</li></ul>")
                                    << QStringLiteral("<ul><li>Het kind is jonger dan 12 jaar.</li></ul>");
        QTest::newRow("EU") << QStringLiteral("EU-burgers (kaart EU of EU+)") << QStringLiteral("EU-burgers (kaart EU of EU+)");
    }

    void informalDutch()
    {
        QFETCH(QString, formal);
        QFETCH(QString, informal);
        QCOMPARE(ProductCatalogue::informalDutch(formal), informal);
    }

    void codesFromTheIpdcCodeLists()
    {
        const QSet<QString> types = codeList(QStringLiteral("type"));
        const QSet<QString> themes = codeList(QStringLiteral("thema"));
        const QSet<QString> audiences = codeList(QStringLiteral("doelgroep"));
        const QSet<QString> competent = codeList(QStringLiteral("bevoegd-bestuursniveau"));
        const QSet<QString> executing = codeList(QStringLiteral("uitvoerend-bestuursniveau"));
        QVERIFY(types.contains(QStringLiteral("Toelating")) && themes.contains(QStringLiteral("BouwenWonen")));
        QVERIFY(audiences.contains(QStringLiteral("Vereniging")) && executing.contains(QStringLiteral("Derden")));
        const ProductCatalogue catalogue(5, Profile::Flanders, C360::Test::fixedReferenceTime());
        QSet<QString> typesUsed;
        QSet<QString> themesUsed;
        for (const ProductSnapshot &s : newest(catalogue)) {
            QVERIFY2(types.contains(s.type), qPrintable(s.type));
            typesUsed.insert(s.type);
            QVERIFY(!s.themes.isEmpty() && !s.audiences.isEmpty() && !s.competentLevels.isEmpty());
            for (const QString &theme : s.themes) {
                QVERIFY2(themes.contains(theme), qPrintable(theme));
                themesUsed.insert(theme);
            }
            for (const QString &audience : s.audiences) {
                QVERIFY2(audiences.contains(audience), qPrintable(audience));
            }
            for (const QString &level : s.competentLevels) {
                QVERIFY2(competent.contains(level), qPrintable(level));
            }
            for (const QString &level : s.executingLevels) {
                QVERIFY2(executing.contains(level), qPrintable(level));
            }
            QVERIFY(!s.keywords.isEmpty());
        }
        QCOMPARE(typesUsed, types); // every type of product occurs
        QCOMPARE(themesUsed, themes);
    }

    void costsInEuro()
    {
        const ProductCatalogue catalogue(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        int paid = 0;
        int free = 0;
        int advantages = 0;
        for (const ProductSnapshot &s : newest(catalogue)) {
            QVERIFY(s.amount >= 0);
            if (s.financialAdvantage) {
                ++advantages;
                QVERIFY(s.amount > 0);
                QVERIFY2(text(s.advantage, QStringLiteral("nl")).contains(QStringLiteral("€ ")), qPrintable(text(s.advantage, QStringLiteral("nl"))));
                QVERIFY(text(s.advantage, QStringLiteral("en")).contains(QStringLiteral("€")));
            } else if (s.amount > 0) {
                ++paid;
                QVERIFY2(text(s.cost, QStringLiteral("nl")).contains(QStringLiteral("€ ")), qPrintable(text(s.cost, QStringLiteral("nl"))));
                QVERIFY(text(s.cost, QStringLiteral("en")).contains(QStringLiteral("€")));
            } else {
                ++free;
                QVERIFY(text(s.cost, QStringLiteral("nl")).contains(QStringLiteral("gratis")));
            }
        }
        QVERIFY(paid > 100 && free > 40 && advantages > 20);
        // Formats per language.
        const ProductCatalogue fresh(1, Profile::Flanders, C360::Test::fixedReferenceTime());
        int checked = 0;
        for (qint64 i = 0; i < fresh.versionCount(); ++i) {
            const ProductSnapshot s = fresh.snapshot(i);
            if (s.version == 0 && text(s.name, QStringLiteral("nl")) == QStringLiteral("Mijn VerbouwPremie – warmtepomp, inkomenscategorie 1")) {
                QCOMPARE(text(s.advantage, QStringLiteral("nl")), QStringLiteral("<p>U ontvangt maximaal € 8.000.</p>"));
                QCOMPARE(text(s.advantage, QStringLiteral("nl-BE-x-informal")), QStringLiteral("<p>Je ontvangt maximaal € 8.000.</p>"));
                QCOMPARE(text(s.advantage, QStringLiteral("en")), QStringLiteral("<p>You receive up to €8,000.</p>"));
                QCOMPARE(text(s.advantage, QStringLiteral("de")), QStringLiteral("<p>Sie erhalten höchstens 8.000 €.</p>"));
                QCOMPARE(text(s.advantage, QStringLiteral("fr")), QString::fromUtf8("<p>Vous recevez au maximum 8\u00A0000\u00A0€.</p>"));
                ++checked;
            }
            if (s.version == 0 && text(s.name, QStringLiteral("nl")) == QStringLiteral("Elektronische identiteitskaart (eID)")) {
                QCOMPARE(text(s.cost, QStringLiteral("nl")), QStringLiteral("<p>De kostprijs bedraagt € 22,60.</p>"));
                QCOMPARE(text(s.cost, QStringLiteral("en")), QStringLiteral("<p>The cost is €22.60.</p>"));
                ++checked;
            }
        }
        QCOMPARE(checked, 2);
    }

    void versionsInPublicationOrder()
    {
        const ProductCatalogue catalogue(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        QList<qint32> lastVersion(catalogue.count(), -1);
        QDateTime previous;
        for (qint64 i = 0; i < catalogue.versionCount(); ++i) {
            const ProductSnapshot s = catalogue.snapshot(i);
            QCOMPARE(s.generated, catalogue.generatedAt(i));
            QVERIFY(!previous.isValid() || previous <= s.generated);
            previous = s.generated;
            QVERIFY(s.generated < C360::Test::fixedReferenceTime());
            QVERIFY(s.created <= s.modified && s.modified <= s.generated);
            QCOMPARE(qint32(s.version), lastVersion[s.product] + 1); // each product's versions, oldest first
            lastVersion[s.product] = qint32(s.version);
            QCOMPARE(s.conceptId, catalogue.conceptUuid(s.product));
        }
        for (qint64 p = 0; p < catalogue.count(); ++p) {
            QCOMPARE(quint32(lastVersion[p] + 1), catalogue.versionsOf(quint32(p)));
        }
    }

    void sameSeedSameCatalogue()
    {
        const ProductCatalogue a(7, Profile::Flanders, C360::Test::fixedReferenceTime());
        const ProductCatalogue b(7, Profile::Flanders, C360::Test::fixedReferenceTime());
        const ProductCatalogue nl(7, Profile::Netherlands, C360::Test::fixedReferenceTime());
        const ProductCatalogue other(8, Profile::Flanders, C360::Test::fixedReferenceTime());
        QCOMPARE(a.versionCount(), b.versionCount());
        QCOMPARE(a.count(), nl.count());
        for (qint64 i = 0; i < a.versionCount(); ++i) {
            QCOMPARE(QJsonDocument(ipdcMember(a.snapshot(i))).toJson(), QJsonDocument(ipdcMember(b.snapshot(i))).toJson());
        }
        QCOMPARE(a.count(), other.count());
        QVERIFY(a.productNumber(0) != other.productNumber(0) || a.conceptUuid(0) != other.conceptUuid(0));
        QVERIFY(a.generatedAt(0) != other.generatedAt(0));
    }

    void changePublishesNewVersionsLast()
    {
        ProductCatalogue a(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        ProductCatalogue b(42, Profile::Flanders, C360::Test::fixedReferenceTime());
        const qint64 before = a.versionCount();
        const QDateTime last = a.generatedAt(before - 1);
        const QStringList changed = a.change(5);
        QCOMPARE(changed.size(), 5);
        QCOMPARE(QSet<QString>(changed.begin(), changed.end()).size(), 5);
        QCOMPARE(a.versionCount(), before + 5);
        QCOMPARE(a.count(), b.count());
        for (qint64 i = before; i < a.versionCount(); ++i) {
            const ProductSnapshot s = a.snapshot(i);
            QVERIFY(s.generated > last);
            QVERIFY(s.generated > C360::Test::fixedReferenceTime());
            QCOMPARE(s.productNumber, changed.at(int(i - before)));
            QCOMPARE(s.version + 1, a.versionsOf(s.product));
            QVERIFY(s.version >= 1);
            QVERIFY(s.snapshotId != a.snapshot(i - 5).snapshotId);
        }
        // Deterministic in the seed and the changes before.
        QCOMPARE(b.change(5), changed);
        QCOMPARE(a.change(3), b.change(3));
        QCOMPARE(QJsonDocument(ipdcMember(a.snapshot(a.versionCount() - 1))).toJson(), QJsonDocument(ipdcMember(b.snapshot(b.versionCount() - 1))).toJson());
        QVERIFY(a.change(0).isEmpty());
        QCOMPARE(a.change(100000).size(), a.count()); // every product once at most
    }
};

QTEST_GUILESS_MAIN(TestProductCatalogue)
#include "tst_productcatalogue.moc"
