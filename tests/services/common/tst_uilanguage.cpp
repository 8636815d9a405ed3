// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The interface language: the first requested one with a catalogue (built into share/locale beside
// the test programs), a requested one without a catalogue named in a message, and the formats
// that go with the language (Belgian unless LANG is of the language).

#include "common/uilanguage.h"

#include <KLocalizedString>

#include <QDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestUiLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { KLocalizedString::setApplicationDomain("citizen360"); }
    void cleanupTestCase() { UiLanguage::apply({u"en_US"_s}); }

    void theFirstLanguageWithACatalogue()
    {
        QVERIFY(KLocalizedString::isApplicationTranslatedInto(u"nl"_s));
        QVERIFY(KLocalizedString::isApplicationTranslatedInto(u"nl_BE"_s)); // its language's catalogue
        QVERIFY(!KLocalizedString::isApplicationTranslatedInto(u"sv"_s));
        const UiLanguage::Choice choice = UiLanguage::resolve({u"sv"_s, u"nl"_s, u"en_US"_s});
        QCOMPARE(choice.language, u"nl"_s);
        QCOMPARE(choice.missing, QStringList{u"sv"_s});
        const QString message = UiLanguage::missingMessage(choice);
        QVERIFY2(message.contains(u"sv"_s) && message.contains(QDir::toNativeSeparators(KLocalizedString::localeDirectory())), qPrintable(message));
        // Only missing ones: English, said so.
        const UiLanguage::Choice none = UiLanguage::resolve({u"sv"_s, u"fi"_s});
        QCOMPARE(none.language, u"en"_s);
        QCOMPARE(none.missing, (QStringList{u"sv"_s, u"fi"_s}));
        QVERIFY(UiLanguage::missingMessage(UiLanguage::resolve({u"fr"_s})).isEmpty());
    }

    void formatsFollowTheLanguage()
    {
        qputenv("LANG", "C.UTF-8");
        QCOMPARE(UiLanguage::locale(u"nl"_s).name(), u"nl_BE"_s);
        QCOMPARE(UiLanguage::locale(u"de"_s).name(), u"de_BE"_s);
        qputenv("LANG", "nl_NL.UTF-8");
        QCOMPARE(UiLanguage::locale(u"nl"_s).name(), u"nl_NL"_s); // the system's own Dutch
        QCOMPARE(UiLanguage::locale(u"fr"_s).name(), u"fr_BE"_s);
        qputenv("LANG", "C.UTF-8");
        UiLanguage::apply({u"nl"_s});
        QCOMPARE(QLocale().name(), u"nl_BE"_s);
        QCOMPARE(QLocale().toString(QDate(2026, 11, 16), QLocale::ShortFormat), u"16/11/2026"_s);
    }
};

QTEST_GUILESS_MAIN(TestUiLanguage)
#include "tst_uilanguage.moc"
