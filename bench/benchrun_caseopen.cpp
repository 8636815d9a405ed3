// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// case_open: what opening a citizen's case costs, the product against the raw queries.
#include "benchrun_benchmarks.h"
#include "benchrun_raw.h"

#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "casefile.h"
#include "timelinemodel.h"

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace C360::Bench
{
// --- case_open ------------------------------------------------------------------------------

Row benchCaseOpen(AuditService &audit, Baseline &raw, const QList<qint64> &citizens, const Goals &goals)
{
    CaseService cases(audit);
    TimelineModel model;
    Row row(QStringLiteral("case_open"));
    if (const QString problem = raw.problem(); !problem.isEmpty()) {
        row.note = problem;
        return row;
    }
    std::vector<double> product;
    std::vector<double> baseline;
    qint64 items = 0;
    for (int i = 0; i < citizens.size(); ++i) {
        const qint64 id = citizens.at(i);
        QElapsedTimer t;
        t.start();
        auto file = cases.open(benchClerk, id, benchPurpose);
        if (!file) {
            row.note = file.error().message;
            return row;
        }
        model.setCase(*file);
        const double p = msSince(t);
        items += model.rowCount();

        t.restart();
        raw.openCase(id);
        const double b = msSince(t);
        if (i >= 20) { // the first ones warm the caches
            product.push_back(p);
            baseline.push_back(b);
        }
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    row.p50 = pp.p50;
    row.p99 = pp.p99;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.goal = QStringLiteral("p99 <= %1 ms, <= 3x").arg(goals.caseOpenP99);
    row.pass = pp.p99 <= goals.caseOpenP99 && row.ratio <= 3.0;
    row.note = QStringLiteral("%1 cases, %2 items on average; baseline p99 %3 ms")
                   .arg(product.size())
                   .arg(double(items) / std::max<qsizetype>(citizens.size(), 1), 0, 'f', 1)
                   .arg(bp.p99, 0, 'f', 3);
    return row;
}
} // namespace C360::Bench
