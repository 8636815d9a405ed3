// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The audit window's rows: one entry per row, translated action, outcome and role, the purpose in
// words (never a code), the citizen by masked number, the anomaly flags in the last column (role,
// text, tooltip, tint), the citizens a search showed folded under it; under QAbstractItemModelTester.

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
    r.maskedCitizen = u"85.07.30-•••.••"_s;
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
        // The citizen by masked number; the whole number once revealed.
        QCOMPARE(model.index(0, AuditLogModel::CitizenColumn).data().toString(), u"85.07.30-•••.••"_s);
        QCOMPARE(model.index(0, AuditLogModel::CitizenColumn).data(AuditLogModel::CitizenIdRole).toLongLong(), 10);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRevealed(10, u"85.07.30-033.61"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, AuditLogModel::CitizenColumn).data().toString(), u"85.07.30-033.61"_s);
        QCOMPARE(model.index(1, AuditLogModel::CitizenColumn).data().toString(), u"85.07.30-•••.••"_s);
        // A code in words; a purpose of the staff member's own as typed; no code anywhere.
        QCOMPARE(model.index(0, AuditLogModel::PurposeColumn).data().toString(), u"Counter visit"_s);
        QCOMPARE(model.index(0, AuditLogModel::PurposeColumn).data(Qt::ToolTipRole).toString(), u"Counter visit"_s);
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
        QCOMPARE(model.index(0, AuditLogModel::SequenceColumn).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        // A flagged row is tinted, a plain one not.
        QVERIFY(model.index(1, AuditLogModel::ActionColumn).data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(!model.index(0, AuditLogModel::ActionColumn).data(Qt::BackgroundRole).isValid());
        model.setRows({});
        QCOMPARE(model.flaggedCount(), 0);
        QCOMPARE(model.rowCount(), 0);
    }

    // One search is one row, the citizens it showed folded under it; an appearance whose search
    // is not among the rows stands on its own.
    void searchAppearancesAreFoldedUnderTheirSearch()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto shown = [](qint64 sequence, qint64 search) {
            AuditRow r = row(sequence, AuditAction::SearchResultShown, {});
            r.entry.details = QStringLiteral("{\"search\":%1}").arg(search);
            return r;
        };
        model.setRows({row(9, AuditAction::ProfileOpened, u"sign_in"_s), shown(8, 5), shown(7, 5), shown(6, 5), row(5, AuditAction::Search, {}), shown(3, 2)});
        QCOMPARE(model.rowCount(), 3); // the opening, the search, the orphan
        const QModelIndex search = model.index(1, 0);
        QCOMPARE(search.data(AuditLogModel::SequenceRole).toLongLong(), 5);
        QCOMPARE(model.rowCount(search), 3);
        QCOMPARE(model.index(1, AuditLogModel::ActionColumn).data().toString(), u"Search (3 citizens shown)"_s);
        const QModelIndex child = model.index(2, AuditLogModel::CitizenColumn, search);
        QCOMPARE(child.data(AuditLogModel::SequenceRole).toLongLong(), 6);
        QCOMPARE(child.parent(), search);
        QCOMPARE(model.rowAt(child)->entry.sequence, 6);
        QCOMPARE(model.rowCount(child), 0);
        QCOMPARE(model.index(2, AuditLogModel::ActionColumn).data().toString(), u"Shown in search results"_s);
        QCOMPARE(model.rowCount(model.index(2, 0)), 0);
        QCOMPARE(model.rows().size(), 6);
        // A code this version has no words for is not shown as a code.
        model.setPurposeNames({});
        QCOMPARE(model.index(0, AuditLogModel::PurposeColumn).data().toString(), u"Other purpose"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
