// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The worklist: sorted by days left, overdue marked, no deadline last; under QAbstractItemModelTester.

#include "worklistmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestWorklistModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortedByDaysLeft()
    {
        WorklistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHeaderTitles({u"Days"_s, u"Citizen"_s, u"Question"_s, u"Assignee"_s, u"Deadline"_s});
        const QDateTime now(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
        WorklistItem none{1, 11, u"A"_s, u"No deadline"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now.addDays(-5), {}, {}};
        WorklistItem soon{2, 12, u"B"_s, u"Soon\nsecond line"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now, now.addDays(3), {}};
        WorklistItem late{3, 13, u"C"_s, u"Late"_s, {AssigneeKind::Person, u"P"_s}, RequestStatus::Answered, now, now.addDays(-2), {}};
        model.setItems({none, soon, late}, now);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(WorklistModel::ColumnCount));
        QCOMPARE(model.index(0, 0).data(WorklistModel::RequestIdRole).toLongLong(), 3);
        QCOMPARE(model.index(1, 0).data(WorklistModel::RequestIdRole).toLongLong(), 2);
        QCOMPARE(model.index(2, 0).data(WorklistModel::RequestIdRole).toLongLong(), 1);
        QCOMPARE(model.index(0, WorklistModel::DaysLeftColumn).data().toLongLong(), -2);
        QVERIFY(model.index(0, 0).data(WorklistModel::OverdueRole).toBool());
        QVERIFY(model.index(0, 1).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(1, 0).data(WorklistModel::OverdueRole).toBool());
        QCOMPARE(model.index(1, WorklistModel::QuestionColumn).data().toString(), u"Soon"_s);
        QCOMPARE(model.index(2, WorklistModel::DaysLeftColumn).data().toString(), QString());
        QCOMPARE(model.index(1, 0).data(WorklistModel::CitizenIdRole).toLongLong(), 12);
        QCOMPARE(model.overdueCount(), 1);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Citizen"_s);
    }

    // Every open request has days left: its deadline, or its deletion when that comes first or it
    // has no deadline. The most urgent comes first; due today is marked like overdue.
    void deletionCountsWhenItComesFirst()
    {
        WorklistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
        WorklistItem later{1, 11, u"A"_s, u"Deadline in 14 days"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now, now.addDays(14), now.addDays(30)};
        WorklistItem deleted{
            2, 12, u"B"_s, u"No deadline, deleted in 5 days"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now.addDays(-25), {}, now.addDays(5)};
        WorklistItem before{3,
                            13,
                            u"C"_s,
                            u"Deleted before its deadline"_s,
                            {AssigneeKind::Team, u"T"_s},
                            RequestStatus::Open,
                            now.addDays(-27),
                            now.addDays(20),
                            now.addDays(3)};
        WorklistItem today{4, 14, u"D"_s, u"Due today"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now, now.addSecs(6 * 3600), now.addDays(30)};
        model.setItems({later, deleted, before, today}, now);
        QCOMPARE(model.index(0, 0).data(WorklistModel::RequestIdRole).toLongLong(), 4);
        QCOMPARE(model.index(1, 0).data(WorklistModel::RequestIdRole).toLongLong(), 3);
        QCOMPARE(model.index(2, 0).data(WorklistModel::RequestIdRole).toLongLong(), 2);
        QCOMPARE(model.index(3, 0).data(WorklistModel::RequestIdRole).toLongLong(), 1);
        QCOMPARE(model.index(1, WorklistModel::DaysLeftColumn).data().toLongLong(), 3);
        QCOMPARE(model.index(2, WorklistModel::DaysLeftColumn).data().toLongLong(), 5);
        QVERIFY(model.index(2, WorklistModel::DaysLeftColumn).data(Qt::ToolTipRole).toString().startsWith(u"Deleted on"_s));
        QVERIFY(model.index(3, WorklistModel::DaysLeftColumn).data(Qt::ToolTipRole).toString().startsWith(u"Deadline"_s));
        QVERIFY(model.index(0, 0).data(WorklistModel::DueTodayRole).toBool());
        QVERIFY(model.index(0, 1).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(1, 0).data(WorklistModel::DueTodayRole).toBool());
        QCOMPARE(model.overdueCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWorklistModel)
#include "tst_worklistmodel.moc"
