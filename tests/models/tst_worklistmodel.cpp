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
        WorklistItem none{1, 11, u"A"_s, u"No deadline"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now.addDays(-5), {}};
        WorklistItem soon{2, 12, u"B"_s, u"Soon\nsecond line"_s, {AssigneeKind::Team, u"T"_s}, RequestStatus::Open, now, now.addDays(3)};
        WorklistItem late{3, 13, u"C"_s, u"Late"_s, {AssigneeKind::Person, u"P"_s}, RequestStatus::Answered, now, now.addDays(-2)};
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
};

QTEST_GUILESS_MAIN(TestWorklistModel)
#include "tst_worklistmodel.moc"
