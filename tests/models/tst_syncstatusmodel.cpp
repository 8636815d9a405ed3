// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "syncstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace C360;

class TestSyncStatusModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upsertsRowsPerResource()
    {
        SyncStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHeaderTitles({QStringLiteral("Server"),
                               QStringLiteral("Data"),
                               QStringLiteral("State"),
                               QStringLiteral("Last"),
                               QStringLiteral("Changes"),
                               QStringLiteral("Message")});
        model.setStateNames({QStringLiteral("idle"), QStringLiteral("running"), QStringLiteral("ok"), QStringLiteral("failed")});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        SyncStatusRow row;
        row.source = QStringLiteral("open311");
        row.resource = QStringLiteral("requests");
        row.sourceName = QStringLiteral("the reports server");
        row.state = SyncStatusRow::State::Running;
        row.pages = 3;
        model.upsert(row);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(model.anyRunning());
        QCOMPARE(model.data(model.index(0, SyncStatusModel::SourceColumn)).toString(), QStringLiteral("the reports server"));
        QCOMPARE(model.data(model.index(0, SyncStatusModel::StateColumn)).toString(), QStringLiteral("running"));
        QCOMPARE(model.headerData(SyncStatusModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));

        row.state = SyncStatusRow::State::Failed;
        row.message = QStringLiteral("Cannot reach the reports server.");
        model.upsert(row);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.anyRunning());
        QVERIFY(model.anyFailed());
        QCOMPARE(model.data(model.index(0, 0), Qt::ToolTipRole).toString(), row.message);
        QCOMPARE(model.data(model.index(0, 0), SyncStatusModel::StateRole).toInt(), int(SyncStatusRow::State::Failed));

        model.upsert(row); // unchanged: no signal
        QCOMPARE(changed.count(), 1);

        SyncStatusRow other;
        other.source = QStringLiteral("openklant");
        other.resource = QStringLiteral("partijen");
        other.inserted = 12;
        other.updated = 3;
        other.deleted = 1;
        other.lastSuccess = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        model.upsert(other);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, SyncStatusModel::SourceColumn)).toString(), QStringLiteral("openklant"));
        QCOMPARE(model.data(model.index(1, SyncStatusModel::ChangesColumn)).toString(), QStringLiteral("+12 ~3 −1"));
        QVERIFY(!model.data(model.index(1, SyncStatusModel::LastSuccessColumn)).toString().isEmpty());
        QCOMPARE(model.find(QStringLiteral("openklant"), QStringLiteral("partijen"))->inserted, qint64(12));
        QVERIFY(!model.find(QStringLiteral("ipdc"), QStringLiteral("ldes")));
        QVERIFY(!model.data(model.index(5, 0)).isValid());
    }
};

QTEST_GUILESS_MAIN(TestSyncStatusModel)
#include "tst_syncstatusmodel.moc"
