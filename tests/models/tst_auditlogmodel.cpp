// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The audit window's rows: one entry per row, translated action, outcome and role, the purpose in
// words, the anomaly flags in the last column (role, text, tooltip); under QAbstractItemModelTester.

#include "auditlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
AuditRow row(qint64 sequence, AuditAction action, const QString &purposeCode, QList<AuditAnomaly> anomalies = {})
{
    AuditRow r;
    r.entry.sequence = sequence;
    r.entry.time = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC).addSecs(sequence * 60);
    r.entry.actor = u"an"_s;
    r.entry.role = Role::CounterClerk;
    r.entry.workstation = u"balie-1"_s;
    r.entry.action = action;
    r.entry.subjectCitizenId = sequence * 10;
    r.entry.purposeCode = purposeCode;
    r.anomalies = std::move(anomalies);
    return r;
}
} // namespace

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsShowTheEntries()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(AuditLogModel::ColumnCount));
        model.setPurposeNames({{u"counter_visit"_s, u"Counter visit"_s}});
        AuditRow own = row(2, AuditAction::Export, u"other"_s);
        own.entry.purposeText = u"Copy for the citizen"_s;
        own.entry.outcome = AuditOutcome::Denied;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows({row(1, AuditAction::ProfileOpened, u"counter_visit"_s), own});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AuditLogModel::SequenceColumn).data().toLongLong(), 1);
        QCOMPARE(model.index(0, AuditLogModel::SequenceColumn).data(AuditLogModel::SequenceRole).toLongLong(), 1);
        QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), auditActionName(AuditAction::ProfileOpened));
        QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), u"Profile opened"_s);
        QCOMPARE(model.index(0, AuditLogModel::RoleColumn).data().toString(), u"Counter clerk"_s);
        QCOMPARE(model.index(0, AuditLogModel::StaffColumn).data().toString(), u"an"_s);
        QCOMPARE(model.index(0, AuditLogModel::WorkstationColumn).data().toString(), u"balie-1"_s);
        QCOMPARE(model.index(0, AuditLogModel::CitizenColumn).data().toLongLong(), 10);
        // A code in words; a purpose of the staff member's own as typed; the code in the tooltip.
        QCOMPARE(model.index(0, AuditLogModel::PurposeColumn).data().toString(), u"Counter visit"_s);
        QCOMPARE(model.index(0, AuditLogModel::PurposeColumn).data(Qt::ToolTipRole).toString(), u"counter_visit"_s);
        QCOMPARE(model.index(1, AuditLogModel::PurposeColumn).data().toString(), u"Copy for the citizen"_s);
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(), u"Done"_s);
        QCOMPARE(model.index(1, AuditLogModel::OutcomeColumn).data().toString(), u"Refused"_s);
        QCOMPARE(model.index(0, AuditLogModel::TimeColumn).data(Qt::ToolTipRole).toString(), u"2026-03-10T09:01:00.000Z"_s);
        QCOMPARE(model.headerData(AuditLogModel::FlagsColumn, Qt::Horizontal).toString(), u"Flags"_s);
    }

    void anomaliesAreFlagged()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<AuditAnomaly> two = {{AuditAnomaly::Kind::OutsideOfficeHours, u"At 22:10, outside office hours."_s},
                                         {AuditAnomaly::Kind::ManyProfiles, u"25 profiles within an hour."_s}};
        model.setRows({row(1, AuditAction::Search, {}), row(2, AuditAction::ProfileOpened, u"phone_call"_s, two)});
        QCOMPARE(model.flaggedCount(), 1);
        const QModelIndex plain = model.index(0, AuditLogModel::FlagsColumn);
        const QModelIndex flagged = model.index(1, AuditLogModel::FlagsColumn);
        QVERIFY(!plain.data(AuditLogModel::FlaggedRole).toBool());
        QVERIFY(flagged.data(AuditLogModel::FlaggedRole).toBool());
        QCOMPARE(plain.data().toString(), QString());
        QCOMPARE(plain.data(Qt::AccessibleTextRole).toString(), u"Not flagged"_s);
        QCOMPARE(flagged.data().toString(), u"At 22:10, outside office hours. 25 profiles within an hour."_s);
        QCOMPARE(flagged.data(Qt::ToolTipRole).toString(), u"At 22:10, outside office hours.\n25 profiles within an hour."_s);
        // Only the flags column carries them.
        QVERIFY(!model.index(1, AuditLogModel::ActionColumn).data(Qt::ToolTipRole).isValid());
        QCOMPARE(model.index(0, AuditLogModel::CitizenColumn).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        model.setRows({});
        QCOMPARE(model.flaggedCount(), 0);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
