// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "common/clock.h"

#include <QTest>

using namespace C360;

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemClockIsUtcNow()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = SystemClock::instance().now();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(now.timeSpec(), Qt::UTC);
        QVERIFY(before <= now && now <= after);
        QCOMPARE(&SystemClock::instance(), &SystemClock::instance());
    }

    void shiftedClockRunsWithTheSystemClock()
    {
        const qint64 fortyDaysBack = -40LL * 24 * 3600 * 1000;
        const ShiftedClock clock(fortyDaysBack);
        QCOMPARE(clock.offsetMs(), fortyDaysBack);
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(fortyDaysBack);
        const QDateTime now = clock.now();
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(fortyDaysBack);
        QCOMPARE(now.timeSpec(), Qt::UTC);
        QVERIFY(before <= now && now <= after);
    }

    void manualClockMovesOnlyWhenTold()
    {
        const QDateTime start(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC); // the night clocks go forward in Belgium
        ManualClock clock(start);
        QCOMPARE(clock.now(), start);
        QCOMPARE(clock.now(), start);
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        clock.advance(1500);
        QCOMPARE(clock.now(), start.addMSecs(1500));
        clock.advanceDays(30);
        QCOMPARE(clock.now(), start.addMSecs(1500).addDays(30));
        const QDateTime later(QDate(2027, 1, 1), QTime(8, 0), Qt::UTC);
        clock.set(later);
        QCOMPARE(clock.now(), later);
        // A local time is taken as the same instant.
        clock.set(later.toLocalTime());
        QCOMPARE(clock.now(), later);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
