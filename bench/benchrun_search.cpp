// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// search_keystroke: what each keystroke in the search field costs, the product against the raw
// FTS5 and index queries, on what staff type for real citizens.
#include "benchrun_benchmarks.h"
#include "benchrun_raw.h"

#include "audit/auditservice.h"
#include "case/searchservice.h"
#include "searchhit.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/statement.h"

#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <utility>
#include <vector>

namespace C360::Bench
{
namespace
{
// --- search_keystroke ---------------------------------------------------------------------------

QStringList keystrokes(Database &db, const QList<qint64> &citizens)
{
    QStringList texts;
    Statement citizen(db, QStringLiteral("SELECT family_name, given_names, postcode, house_number FROM citizens WHERE id = ?"));
    Statement number(db, QStringLiteral("SELECT value FROM citizen_identifiers WHERE citizen_id = ? AND type IN ('be_nrn', 'be_bis') LIMIT 1"));
    Statement phone(db, QStringLiteral("SELECT value FROM digital_addresses WHERE citizen_id = ? AND kind = 'phone' LIMIT 1"));
    for (qint64 id : citizens) {
        if (citizen.exec({id}) && citizen.next()) {
            const QString family = citizen.value(0).toString();
            const QString given = citizen.value(1).toString();
            // A family name typed letter by letter, then a space and the given name's first letters.
            for (int n = 2; n <= std::min<qsizetype>(family.size(), 8); ++n) {
                texts.append(family.left(n));
            }
            for (int n = 1; n <= std::min<qsizetype>(given.size(), 3); ++n) {
                texts.append(family + QLatin1Char(' ') + given.left(n));
            }
            const QString postcode = citizen.value(2).toString();
            const QString house = citizen.value(3).toString();
            if (!postcode.isEmpty() && !house.isEmpty()) {
                texts.append(postcode + QLatin1Char(' ') + house.left(1));
                texts.append(postcode + QLatin1Char(' ') + house);
            }
        }
        citizen.finish();
        if (number.exec({id}) && number.next()) {
            const QString digits = number.value(0).toString();
            for (int n = 6; n <= digits.size(); ++n) {
                texts.append(digits.left(n));
            }
        }
        number.finish();
        if (phone.exec({id}) && phone.next()) {
            const QString value = phone.value(0).toString();
            // Typed as written, from its seventh character on (six digits at least).
            for (int n = 7; n <= value.size(); n += 2) {
                texts.append(value.left(n));
            }
        }
        phone.finish();
    }
    return texts;
}

} // namespace

Row benchSearch(Database &db, AuditService &audit, Baseline &raw, const QList<qint64> &citizens, const Goals &goals)
{
    SearchService search(audit);
    const QStringList texts = keystrokes(db, citizens);
    std::vector<double> product;
    std::vector<double> baseline;
    int differ = 0;
    int searched = 0;
    for (int i = 0; i < texts.size(); ++i) {
        const QString &text = texts.at(i);
        QElapsedTimer t;
        t.start();
        auto hits = search.search(benchClerk, text);
        const double p = msSince(t);
        if (!hits) {
            continue;
        }
        t.restart();
        const auto query = SearchService::classify(text);
        const QList<qint64> ids = query ? raw.search(*query, SearchService::DefaultLimit) : QList<qint64>();
        const double b = msSince(t);
        QList<qint64> found;
        for (const SearchHit &h : std::as_const(hits->hits)) {
            found.append(h.citizenId);
        }
        QList<qint64> expected = ids;
        std::sort(found.begin(), found.end());
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        if (found != expected) {
            ++differ;
        }
        ++searched;
        if (i >= 20) {
            product.push_back(p);
            baseline.push_back(b);
        }
    }
    const Percentiles pp = percentiles(product);
    const Percentiles bp = percentiles(baseline);
    Row row(QStringLiteral("search_keystroke"));
    row.p50 = pp.p50;
    row.p99 = pp.p99;
    row.baseline = bp.p50;
    row.ratio = pp.p50 / bp.p50;
    row.goal = QStringLiteral("p99 <= %1 ms, <= 2x").arg(goals.searchP99);
    row.pass = pp.p99 <= goals.searchP99 && row.ratio <= 2.0 && differ == 0;
    row.note = QStringLiteral("%1 keystrokes (names, numbers, phones, addresses), %2 with other ids than the baseline; baseline p99 %3 ms")
                   .arg(searched)
                   .arg(differ)
                   .arg(bp.p99, 0, 'f', 3);
    return row;
}
} // namespace C360::Bench
