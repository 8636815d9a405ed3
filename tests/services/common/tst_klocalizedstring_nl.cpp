// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The KI18n calls as the application uses them, against a test catalogue, run with LANGUAGE=nl.
// With the gettext fallback and with the real KF6::I18n alike.

#include <KLazyLocalizedString>
#include <KLocalizedString>

#include <QTest>

class TestKLocalizedString : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(qgetenv("LANGUAGE"), QByteArrayLiteral("nl"));
        KLocalizedString::setApplicationDomain("c360test");
        QCOMPARE(KLocalizedString::applicationDomain(), QByteArrayLiteral("c360test"));
    }

    void translatesPlainText() { QCOMPARE(i18n("Search"), QStringLiteral("Zoeken")); }

    void untranslatedFallsBackToEnglish()
    {
        QCOMPARE(i18n("Not in any catalogue"), QStringLiteral("Not in any catalogue"));
        QCOMPARE(i18nc("@info", "Search"), QStringLiteral("Search")); // no entry for this context
    }

    void contextTellsSameWordsApart()
    {
        QCOMPARE(i18nc("@action:button", "Open"), QStringLiteral("Openen"));
        QCOMPARE(i18nc("@title:window", "Open"), QStringLiteral("Dossier openen"));
    }

    void substitutesArguments()
    {
        QCOMPARE(i18n("Hello %1, you have %2 messages", QStringLiteral("Els"), 3), QStringLiteral("Dag Els, u hebt 3 berichten"));
        // Translators may reorder arguments.
        QCOMPARE(i18n("%2 before %1", QStringLiteral("B"), QStringLiteral("A")), QStringLiteral("B na A"));
        // An argument that itself holds %2 is not substituted again.
        QCOMPARE(i18n("Hello %1, you have %2 messages", QStringLiteral("%2"), 5), QStringLiteral("Dag %2, u hebt 5 berichten"));
        QCOMPARE(i18n("Untranslated %1 and %2", QStringLiteral("x"), QStringLiteral("y")), QStringLiteral("Untranslated x and y"));
    }

    void choosesPluralForms_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << 0 << QStringLiteral("0 open vragen");
        QTest::newRow("1") << 1 << QStringLiteral("Eén open vraag");
        QTest::newRow("2") << 2 << QStringLiteral("2 open vragen");
        QTest::newRow("21") << 21 << QStringLiteral("21 open vragen");
    }

    void choosesPluralForms()
    {
        QFETCH(int, count);
        QFETCH(QString, expected);
        QCOMPARE(i18np("One open request", "%1 open requests", count), expected);
    }

    void pluralWithContextAndMoreArguments()
    {
        QCOMPARE(i18ncp("@info:status", "%1 day left for %2", "%1 days left for %2", 1, QStringLiteral("vraag 12")), QStringLiteral("Nog 1 dag voor vraag 12"));
        QCOMPARE(i18ncp("@info:status", "%1 day left for %2", "%1 days left for %2", 4, QStringLiteral("vraag 12")),
                 QStringLiteral("Nog 4 dagen voor vraag 12"));
        QCOMPARE(i18np("One apple", "%1 apples", 7), QStringLiteral("7 apples"));
        QCOMPARE(i18np("One apple", "%1 apples", 1), QStringLiteral("One apple"));
    }

    void lazyStringsTranslateWhenShown()
    {
        static constexpr KLazyLocalizedString lazy = kli18n("Lazy text");
        QCOMPARE(lazy.toString(), QStringLiteral("Luie tekst"));
        QCOMPARE(QLatin1String(lazy.untranslatedText()), QLatin1String("Lazy text"));
    }

    void switchesLanguageAtRunTime()
    {
        KLocalizedString::setLanguages({QStringLiteral("fr")});
        QCOMPARE(i18n("Search"), QStringLiteral("Rechercher"));
        QCOMPARE(i18np("One open request", "%1 open requests", 1), QStringLiteral("1 demande ouverte"));
        QCOMPARE(i18np("One open request", "%1 open requests", 0), QStringLiteral("0 demande ouverte")); // French: 0 is singular
        QVERIFY(KLocalizedString::languages().startsWith(QStringLiteral("fr")));
        KLocalizedString::setLanguages({QStringLiteral("nl")});
        QCOMPARE(i18n("Search"), QStringLiteral("Zoeken"));
    }
};

QTEST_GUILESS_MAIN(TestKLocalizedString)
#include "tst_klocalizedstring_nl.moc"
