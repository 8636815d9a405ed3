// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Life events from the birth date: which ones, on which boundary day, and the product each asks
// the catalogue for.

#include "case/lifeevents.h"

#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<int>)

class TestLifeEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void events_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QList<int>>("kinds");
        using K = LifeEvent::Kind;
        const QDate born(2014, 6, 15); // 12 on 2026-06-15, 17 on 2031-06-15, 18 on 2032-06-15
        QTest::newRow("born today") << QDate(2026, 11, 23) << QDate(2026, 11, 23) << QList<int>{int(K::KidsId)};
        QTest::newRow("11, 91 days before 12") << born << QDate(2026, 3, 16) << QList<int>{int(K::KidsId)};
        QTest::newRow("11, 90 days before 12") << born << QDate(2026, 3, 17) << QList<int>{int(K::FirstIdentityCard)};
        QTest::newRow("12 today") << born << QDate(2026, 6, 15) << QList<int>{int(K::FirstIdentityCard)};
        QTest::newRow("12, 30 days after") << born << QDate(2026, 7, 15) << QList<int>{int(K::FirstIdentityCard)};
        QTest::newRow("12, 31 days after") << born << QDate(2026, 7, 16) << QList<int>{};
        QTest::newRow("16, 91 days before 17") << born << QDate(2031, 3, 16) << QList<int>{};
        QTest::newRow("16, 90 days before 17") << born << QDate(2031, 3, 17) << QList<int>{int(K::LearnerLicence)};
        QTest::newRow("17") << born << QDate(2031, 12, 1) << QList<int>{int(K::LearnerLicence)};
        QTest::newRow("17, 90 days before 18") << born << QDate(2032, 3, 17) << QList<int>{int(K::LearnerLicence), int(K::IdentityCardExpires)};
        QTest::newRow("18 today") << born << QDate(2032, 6, 15) << QList<int>{int(K::IdentityCardExpires)};
        QTest::newRow("18, 31 days after") << born << QDate(2032, 7, 16) << QList<int>{};
        QTest::newRow("adult") << QDate(1979, 4, 2) << QDate(2026, 11, 23) << QList<int>{};
        // Born on 29 February: the birthday in other years is 28 February.
        QTest::newRow("leap day, 12 on 28 February") << QDate(2016, 2, 29) << QDate(2028, 2, 28) << QList<int>{int(K::FirstIdentityCard)};
        QTest::newRow("no birth date") << QDate() << QDate(2026, 11, 23) << QList<int>{};
        QTest::newRow("born in the future") << QDate(2027, 1, 1) << QDate(2026, 11, 23) << QList<int>{};
    }

    void events()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, today);
        QFETCH(QList<int>, kinds);
        QList<int> found;
        for (const LifeEvent &e : lifeEvents(birth, today)) {
            found.append(int(e.kind));
            QVERIFY(!e.reason.isEmpty());
            QVERIFY(!e.query.isEmpty());
            QVERIFY(e.date.isValid());
        }
        QCOMPARE(found, kinds);
    }

    // The reason tells the day, in the future or the past tense; each event asks for its product.
    void reasonsAndQueries()
    {
        const QDate born(2014, 6, 15);
        const LifeEvent before = lifeEvents(born, QDate(2026, 6, 1)).value(0);
        QCOMPARE(before.date, QDate(2026, 6, 15));
        QVERIFY2(before.reason.startsWith(u"Turns 12 on"_s), qPrintable(before.reason));
        QVERIFY(before.reason.contains(QLocale().toString(QDate(2026, 6, 15), QLocale::LongFormat)));
        QCOMPARE(before.query, u"elektronische identiteitskaart"_s);
        const LifeEvent after = lifeEvents(born, QDate(2026, 7, 1)).value(0);
        QVERIFY2(after.reason.startsWith(u"Turned 12 on"_s), qPrintable(after.reason));
        QCOMPARE(lifeEvents(born, QDate(2020, 1, 1)).value(0).query, u"kids-id"_s);
        QCOMPARE(lifeEvents(born, QDate(2031, 12, 1)).value(0).query, u"voorlopig rijbewijs"_s);
        const LifeEvent eighteen = lifeEvents(born, QDate(2032, 7, 1)).value(0);
        QCOMPARE(eighteen.kind, LifeEvent::Kind::IdentityCardExpires);
        QVERIFY2(eighteen.reason.startsWith(u"Turned 18 on"_s), qPrintable(eighteen.reason));
    }
};

QTEST_GUILESS_MAIN(TestLifeEvents)
#include "tst_lifeevents.moc"
