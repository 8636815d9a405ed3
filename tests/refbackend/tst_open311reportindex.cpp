// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The report index behind filtered Open311 pages: the same answers as a brute-force filter for any
// range, mask, skip and limit, counting blocks only as pages reach them, and following run-time
// changes to the data set.

#include "open311/open311reportindex.h"
#include "population/dataset.h"
#include "referencedate.h"

#include <QTest>

using namespace C360::Ref;

namespace
{
QList<quint64> bruteForce(const DataSet &data, quint64 from, quint64 to, quint64 mask, quint64 skip, quint64 limit)
{
    QList<quint64> out;
    for (quint64 i = from; i < std::min(to, data.reportCount()) && quint64(out.size()) < limit; ++i) {
        if ((mask >> Open311ReportIndex::keyOf(data.reportHead(i))) & 1) {
            if (skip > 0) {
                --skip;
            } else {
                out.append(i);
            }
        }
    }
    return out;
}

// Open reports of one category, closed ones of another, all closed ones, everything.
QList<quint64> masks(const Open311ReportIndex &index)
{
    quint64 closed = 0;
    for (int key = 1; key < 64; key += 2) {
        closed |= quint64(1) << key;
    }
    return {quint64(1) << 6, (quint64(1) << 6) | (quint64(1) << 9), closed & index.allKeys(), index.allKeys()};
}
} // namespace

class TestOpen311ReportIndex : public QObject
{
    Q_OBJECT

    void compareEverywhere(DataSet &data, Open311ReportIndex &index)
    {
        const quint64 n = data.reportCount();
        const QList<std::pair<quint64, quint64>> ranges{{0, n}, {5, n - 3}, {64, 640}, {100, 101}, {n - 70, n}, {n, n}};
        for (const auto &[from, to] : ranges) {
            for (const quint64 mask : masks(index)) {
                for (const quint64 skip : {0, 1, 7, 63, 64, 500, 3000}) {
                    for (const quint64 limit : {1, 50, 500}) {
                        const QList<quint64> got = index.select(from, to, mask, skip, limit);
                        const QList<quint64> expected = bruteForce(data, from, to, mask, skip, limit);
                        if (got != expected) {
                            QFAIL(qPrintable(QStringLiteral("[%1, %2) mask %3 skip %4 limit %5: %6 instead of %7 reports")
                                                 .arg(from)
                                                 .arg(to)
                                                 .arg(mask, 0, 16)
                                                 .arg(skip)
                                                 .arg(limit)
                                                 .arg(got.size())
                                                 .arg(expected.size())));
                        }
                    }
                }
            }
        }
    }

private Q_SLOTS:
    void agreesWithABruteForceFilter()
    {
        DataSet data(3, 2000, Profile::Flanders, C360::Test::fixedReferenceDate());
        QVERIFY(data.reportCount() > 5000);
        Open311ReportIndex index(data, 64);
        compareEverywhere(data, index);
    }

    void countsBlocksOnlyAsPagesReachThem()
    {
        DataSet data(3, 2000, Profile::Flanders, C360::Test::fixedReferenceDate());
        Open311ReportIndex index(data, 64);
        const quint64 closed = masks(index).at(2); // most reports: the first matches lie in the first block
        QCOMPARE(index.select(0, data.reportCount(), closed, 0, 5).size(), 5);
        QVERIFY(index.blocksCounted() <= 1);
        index.select(0, data.reportCount(), closed, 1000, 5);
        const quint64 counted = index.blocksCounted();
        QVERIFY2(counted > 10 && counted < data.reportCount() / 64 / 2, qPrintable(QString::number(counted)));
        index.select(0, data.reportCount(), closed, 1000, 5);
        index.select(0, data.reportCount(), closed, 500, 5);
        QCOMPARE(index.blocksCounted(), counted); // counted once, then looked up
    }

    void followsRunTimeChanges()
    {
        DataSet data(4, 2000, Profile::Flanders, C360::Test::fixedReferenceDate());
        Open311ReportIndex index(data, 64);
        compareEverywhere(data, index);
        // Status changes alter counted blocks; new reports complete the last block.
        const MutationResult changes = data.mutate(80, 40, 0, 0);
        QCOMPARE(changes.changedReports.size(), 40);
        compareEverywhere(data, index);
        ReportRecord submitted;
        submitted.service = 3;
        submitted.anonymous = true;
        const quint64 added = data.addReport(submitted);
        QCOMPARE(added, data.reportCount() - 1);
        QCOMPARE(data.reportHead(added).service, 3);
        QVERIFY(!data.reportHead(added).closed);
        QCOMPARE(data.report(added).requested, data.lastMutationTime());
        QCOMPARE(data.report(added).expected, data.lastMutationTime().addDays(data.services().at(3).typicalDays));
        data.mutate(0, 10, 0, 0);
        compareEverywhere(data, index);
    }

    void headsAgreeWithReports()
    {
        DataSet data(9, 500, Profile::Netherlands, C360::Test::fixedReferenceDate());
        data.mutate(5, 5, 0, 0);
        for (quint64 i = 0; i < data.reportCount(); ++i) {
            const ReportRecord r = data.report(i);
            const ReportHead h = data.reportHead(i);
            QCOMPARE(h.service, r.service);
            QCOMPARE(h.closed, r.closed);
            QCOMPARE(h.requested, r.requested.toSecsSinceEpoch());
            QCOMPARE(h.updated, r.updated.toSecsSinceEpoch());
        }
    }
};

QTEST_GUILESS_MAIN(TestOpen311ReportIndex)
#include "tst_open311reportindex.moc"
