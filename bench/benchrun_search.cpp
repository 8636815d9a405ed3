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

QString prefixEnd(const QString &prefix)
{
    QString end = prefix;
    end.back() = QChar(end.back().unicode() + 1);
    return end;
}

// The product's work in raw SQLite: the ids a query finds, counted up to the cap (the inner
// LIMIT ?2), of which the first ?5 in name order are shown.
class RawSearch
{
public:
    explicit RawSearch(RawDb &raw)
        : m_raw(raw)
        , m_name(shown("SELECT rowid FROM citizen_search WHERE citizen_search MATCH ?1 LIMIT ?2"))
        , m_numberExact(shown("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value = ?1 LIMIT ?2"))
        , m_numberPrefix(shown("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value >= ?1 AND value < ?3 LIMIT ?2"))
        , m_digital(shown("SELECT DISTINCT citizen_id FROM digital_addresses WHERE kind = ?4 AND normalized >= ?1 AND normalized < ?3 LIMIT ?2"))
        , m_postcode(shown("SELECT id FROM citizens WHERE postcode = ?1 LIMIT ?2"))
        , m_address(shown("SELECT id FROM citizens WHERE postcode = ?1 AND upper(replace(house_number, ' ', '')) = ?3 LIMIT ?2"))
        , m_birth(shown("SELECT id FROM citizens WHERE birth_date = ?1 LIMIT ?2"))
    {
    }
    QList<qint64> find(const SearchService::Query &q, int limit)
    {
        sqlite3_stmt *s = nullptr;
        QByteArray first;
        QByteArray third;
        QByteArray fourth;
        switch (q.kind) {
        case SearchKind::Name:
            s = m_name;
            first = CitizenRepository::ftsPrefixQuery(q.text).toUtf8();
            break;
        case SearchKind::NationalNumber:
            s = q.text.size() == 11 ? m_numberExact : m_numberPrefix;
            first = q.text.toUtf8();
            third = prefixEnd(q.text).toUtf8();
            break;
        case SearchKind::Phone:
        case SearchKind::Email:
            s = m_digital;
            first = q.text.toUtf8();
            third = prefixEnd(q.text).toUtf8();
            fourth = q.kind == SearchKind::Phone ? "phone" : "email";
            break;
        case SearchKind::BirthDate:
            s = m_birth;
            first = q.date.toString(Qt::ISODate).toUtf8();
            break;
        case SearchKind::Address:
            s = q.houseNumber.isEmpty() ? m_postcode : m_address;
            first = q.postcode.toUtf8();
            third = q.houseNumber.toUtf8();
            break;
        }
        RawDb::bindText(s, 1, first);
        sqlite3_bind_int(s, 2, SearchResult::CountCap + 1);
        sqlite3_bind_int(s, 5, limit);
        if (sqlite3_bind_parameter_count(s) >= 3) {
            RawDb::bindText(s, 3, third);
        }
        if (sqlite3_bind_parameter_count(s) >= 4) {
            RawDb::bindText(s, 4, fourth);
        }
        QList<qint64> ids;
        RawDb::drain(s, &ids);
        return ids;
    }

private:
    sqlite3_stmt *shown(const char *inner)
    {
        const QByteArray sql = QByteArrayLiteral("SELECT c.id FROM citizens c WHERE c.id IN (") + inner +
            QByteArrayLiteral(") ORDER BY c.family_name, c.given_names, c.birth_date, c.id LIMIT ?5");
        return m_raw.prepare(sql.constData());
    }

    RawDb &m_raw;
    sqlite3_stmt *m_name;
    sqlite3_stmt *m_numberExact;
    sqlite3_stmt *m_numberPrefix;
    sqlite3_stmt *m_digital;
    sqlite3_stmt *m_postcode;
    sqlite3_stmt *m_address;
    sqlite3_stmt *m_birth;
};
} // namespace

Row benchSearch(Database &db, AuditService &audit, RawDb &raw, const QList<qint64> &citizens)
{
    SearchService search(audit);
    RawSearch rawSearch(raw);
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
        const QList<qint64> ids = query ? rawSearch.find(*query, SearchService::DefaultLimit) : QList<qint64>();
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
    row.goal = QStringLiteral("p99 <= 10 ms, <= 2x");
    row.pass = pp.p99 <= 10.0 && row.ratio <= 2.0 && differ == 0;
    row.note = QStringLiteral("%1 keystrokes (names, numbers, phones, addresses), %2 with other ids than the baseline; baseline p99 %3 ms")
                   .arg(searched)
                   .arg(differ)
                   .arg(bp.p99, 0, 'f', 3);
    return row;
}
} // namespace C360::Bench
