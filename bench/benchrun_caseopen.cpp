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

Row benchCaseOpen(AuditService &audit, RawDb &raw, const QList<qint64> &citizens)
{
    CaseService cases(audit);
    TimelineModel model;
    RawAuditInsert insert(raw);
    const std::vector<sqlite3_stmt *> queries = {
        raw.prepare("SELECT * FROM citizens WHERE id = ?1"),
        raw.prepare("SELECT * FROM citizen_identifiers WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM digital_addresses WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM channel_preferences WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM consents WHERE citizen_id = ?1"),
        raw.prepare("SELECT * FROM reports WHERE citizen_id = ?1"),
        raw.prepare("SELECT r.*, c.basis, c.state FROM report_candidates c JOIN reports r ON r.id = c.report_id WHERE c.citizen_id = ?1"),
        raw.prepare("SELECT * FROM contact_moments WHERE citizen_id = ?1"),
        raw.prepare("SELECT l.* FROM contact_moment_links l JOIN contact_moments m ON m.id = l.contact_moment_id WHERE m.citizen_id = ?1"),
        raw.prepare("SELECT * FROM requests WHERE citizen_id = ?1"),
        raw.prepare("SELECT s.* FROM request_supplements s JOIN requests r ON r.id = s.request_id WHERE r.citizen_id = ?1"),
        raw.prepare("SELECT l.* FROM request_links l JOIN requests r ON r.id = l.request_id WHERE r.citizen_id = ?1"),
        raw.prepare("SELECT l.*, e.* FROM citizen_catalogue_links l JOIN catalogue_entries e ON e.id = l.entry_id WHERE l.citizen_id = ?1"),
    };
    Row row(QStringLiteral("case_open"));
    if (std::find(queries.cbegin(), queries.cend(), nullptr) != queries.cend()) {
        row.note = QStringLiteral("a baseline query could not be prepared");
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
        insert.run(id);
        raw.exec("BEGIN");
        for (sqlite3_stmt *q : queries) {
            sqlite3_bind_int64(q, 1, id);
            RawDb::drain(q);
        }
        raw.exec("COMMIT");
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
    row.goal = QStringLiteral("p99 <= 2 ms, <= 3x");
    row.pass = pp.p99 <= 2.0 && row.ratio <= 3.0;
    row.note = QStringLiteral("%1 cases, %2 items on average; baseline p99 %3 ms")
                   .arg(product.size())
                   .arg(double(items) / std::max<qsizetype>(citizens.size(), 1), 0, 'f', 1)
                   .arg(bp.p99, 0, 'f', 3);
    return row;
}
} // namespace C360::Bench
