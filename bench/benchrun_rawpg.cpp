// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The baselines of a store on PostgreSQL: the product's statements through libpq directly, each
// prepared once on its own connection, their values sent as text as the product's driver does,
// every value of every row read; durable as the product is (synchronous_commit on).
#include "benchrun_harness.h"
#include "benchrun_raw.h"

#include "searchhit.h"
#include "searchtext.h"
#include "store/sqldialect.h"

#include <QElapsedTimer>
#include <QUrl>

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <vector>

namespace C360::Bench
{
namespace
{
// One libpq connection with its prepared statements, which are named by number.
class PgConnection
{
public:
    explicit PgConnection(const QString &uri)
        : m_conn(PQconnectdb(uri.toUtf8().constData()))
    {
        if (PQstatus(m_conn) != CONNECTION_OK) {
            m_problem = QStringLiteral("libpq cannot connect: %1").arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        }
    }
    ~PgConnection() { PQfinish(m_conn); }
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    const QString &problem() const { return m_problem; }

    bool exec(const char *sql)
    {
        PGresult *r = PQexec(m_conn, sql);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ok && m_problem.isEmpty()) {
            m_problem = QStringLiteral("raw SQL failed: %1: %2").arg(QLatin1String(sql), QString::fromUtf8(PQresultErrorMessage(r)).trimmed());
            say(m_problem);
        }
        PQclear(r);
        return ok;
    }

    // Prepares sql; its number for run(), or -1.
    int prepare(const char *sql)
    {
        const QByteArray name = "s" + QByteArray::number(m_prepared);
        PGresult *r = PQprepare(m_conn, name.constData(), sql, 0, nullptr);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok && m_problem.isEmpty()) {
            m_problem = QStringLiteral("raw prepare failed: %1: %2").arg(QLatin1String(sql), QString::fromUtf8(PQresultErrorMessage(r)).trimmed());
            say(m_problem);
        }
        PQclear(r);
        return ok ? m_prepared++ : -1;
    }

    // Runs statement with values (as text) and reads every value of every row; the first
    // column's ids go to ids when given, every row's values (a null one as a null QByteArray) to
    // table. The rows, or -1 when it failed.
    int run(int statement, const std::vector<QByteArray> &values, QList<qint64> *ids = nullptr, QList<QByteArrayList> *table = nullptr)
    {
        const QByteArray name = "s" + QByteArray::number(statement);
        std::vector<const char *> params;
        params.reserve(values.size());
        for (const QByteArray &v : values) {
            params.push_back(v.constData());
        }
        PGresult *r = PQexecPrepared(m_conn, name.constData(), int(params.size()), params.data(), nullptr, nullptr, 0);
        const ExecStatusType status = PQresultStatus(r);
        int rows = -1;
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            rows = PQntuples(r);
            const int columns = PQnfields(r);
            size_t bytes = 0;
            for (int row = 0; row < rows; ++row) {
                for (int c = 0; c < columns; ++c) {
                    bytes += size_t(PQgetlength(r, row, c)) + (PQgetvalue(r, row, c)[0] != 0);
                }
                if (ids) {
                    ids->append(std::strtoll(PQgetvalue(r, row, 0), nullptr, 10));
                }
                if (table) {
                    QByteArrayList cells;
                    for (int c = 0; c < columns; ++c) {
                        cells.append(PQgetisnull(r, row, c) ? QByteArray() : QByteArray(PQgetvalue(r, row, c), PQgetlength(r, row, c)));
                    }
                    table->append(cells);
                }
            }
            m_read += bytes;
        }
        PQclear(r);
        return rows;
    }

private:
    PGconn *m_conn;
    QString m_problem;
    int m_prepared = 0;
    size_t m_read = 0; // what was read, so that reading it is not optimised away
};

QByteArray prefixEnd(const QString &prefix)
{
    QString end = prefix;
    end.back() = QChar(end.back().unicode() + 1);
    return end.toUtf8();
}

// The outer query of a search: the first limit ($3) of the ids the inner query finds, in name order.
QByteArray shown(const char *inner)
{
    return QByteArrayLiteral("SELECT c.id FROM citizens c WHERE c.id IN (") + inner +
        QByteArrayLiteral(") ORDER BY c.family_name, c.given_names, c.birth_date, c.id LIMIT $3");
}

class PostgresBaseline final : public Baseline
{
public:
    explicit PostgresBaseline(const QString &uri)
        : m_db(uri)
    {
        if (!m_db.problem().isEmpty()) {
            return;
        }
        m_db.exec("CREATE TABLE IF NOT EXISTS bench_raw_audit (sequence BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, occurred_at TEXT NOT NULL, "
                  "actor TEXT NOT NULL, role TEXT NOT NULL, workstation TEXT NOT NULL, action TEXT NOT NULL, subject_citizen_id BIGINT, purpose_code "
                  "TEXT NOT NULL DEFAULT '', purpose_text TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}', "
                  "previous_hash BYTEA NOT NULL, hash BYTEA NOT NULL)");
        m_audit = m_db.prepare(
            "INSERT INTO bench_raw_audit (occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, "
            "details, previous_hash, hash) VALUES ($1, 'bench.balie', 'counter_clerk', 'bench-1', 'profile_opened', $2, 'counter_visit', '', 'success', "
            "'{}', $3, $3)");
        for (const char *sql : {
                 "SELECT * FROM citizens WHERE id = $1",
                 "SELECT * FROM citizen_identifiers WHERE citizen_id = $1",
                 "SELECT * FROM digital_addresses WHERE citizen_id = $1",
                 "SELECT * FROM channel_preferences WHERE citizen_id = $1",
                 "SELECT * FROM consents WHERE citizen_id = $1",
                 "SELECT * FROM reports WHERE citizen_id = $1",
                 "SELECT r.*, c.basis, c.state FROM report_candidates c JOIN reports r ON r.id = c.report_id WHERE c.citizen_id = $1",
                 "SELECT * FROM contact_moments WHERE citizen_id = $1",
                 "SELECT l.* FROM contact_moment_links l JOIN contact_moments m ON m.id = l.contact_moment_id WHERE m.citizen_id = $1",
                 "SELECT * FROM requests WHERE citizen_id = $1",
                 "SELECT s.* FROM request_supplements s JOIN requests r ON r.id = s.request_id WHERE r.citizen_id = $1",
                 "SELECT l.* FROM request_links l JOIN requests r ON r.id = l.request_id WHERE r.citizen_id = $1",
                 "SELECT l.*, e.* FROM citizen_catalogue_links l JOIN catalogue_entries e ON e.id = l.entry_id WHERE l.citizen_id = $1",
                 "SELECT * FROM cases WHERE citizen_id = $1",
                 "SELECT s.* FROM case_statuses s JOIN cases c ON c.id = s.case_id WHERE c.citizen_id = $1",
             }) {
            m_case.push_back(m_db.prepare(sql));
        }
        // Parameters: $1 what is looked for, $2 the count's cap, $3 the limit shown, $4 the end of
        // a prefix range or a house number, $5 the kind of digital address.
        m_name = m_db.prepare(shown("SELECT id FROM citizens WHERE search_vector @@ to_tsquery('simple'::regconfig, $1) LIMIT $2").constData());
        // One word's prefix (schema 12), as c360_name_ids reads it: the names' words in word order
        // with the names they keep, as many entries as it takes to hold the cap's citizens; then
        // the first lines in name order.
        m_nameWord = m_db.prepare("SELECT w.citizen_id, w.family_name, w.given_names, w.birth_date FROM citizen_name_words w WHERE w.word ^@ $1 ORDER BY "
                                  "w.word, w.citizen_id LIMIT $2");
        m_linesOf = m_db.prepare("SELECT c.id FROM citizens c WHERE c.id = ANY(CAST($1 AS bigint[])) ORDER BY c.family_name, c.given_names, "
                                 "c.birth_date, c.id LIMIT $2");
        m_numberExact =
            m_db.prepare(shown("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value = $1 LIMIT $2").constData());
        m_numberPrefix = m_db.prepare(
            shown("SELECT citizen_id FROM citizen_identifiers WHERE type IN ('be_nrn', 'be_bis') AND value >= $1 AND value < $4 LIMIT $2").constData());
        m_digital = m_db.prepare(
            shown("SELECT DISTINCT citizen_id FROM digital_addresses WHERE kind = $5 AND normalized >= $1 AND normalized < $4 LIMIT $2").constData());
        m_postcode = m_db.prepare(shown("SELECT id FROM citizens WHERE postcode = $1 LIMIT $2").constData());
        m_address = m_db.prepare(shown("SELECT id FROM citizens WHERE postcode = $1 AND upper(replace(house_number, ' ', '')) = $4 LIMIT $2").constData());
        m_birth = m_db.prepare(shown("SELECT id FROM citizens WHERE birth_date = $1 LIMIT $2").constData());
    }

    QString problem() const override { return m_db.problem(); }

    void openCase(qint64 citizen) override
    {
        appendAudit(citizen);
        const std::vector<QByteArray> id{QByteArray::number(citizen)};
        m_db.exec("BEGIN");
        for (int q : m_case) {
            m_db.run(q, id);
        }
        m_db.exec("COMMIT");
    }

    QList<qint64> search(const SearchService::Query &q, int limit) override
    {
        const QByteArray cap = QByteArray::number(SearchResult::CountCap + 1);
        const QByteArray shownLimit = QByteArray::number(limit);
        QList<qint64> ids;
        // Planned for the words searched, as the product plans each search (planEachSearch); the
        // case's statements keep their generic plans.
        m_db.exec("SET plan_cache_mode = force_custom_plan");
        searchOnce(q, cap, shownLimit, ids);
        m_db.exec("RESET plan_cache_mode");
        return ids;
    }

    void searchOnce(const SearchService::Query &q, const QByteArray &cap, const QByteArray &shownLimit, QList<qint64> &ids)
    {
        switch (q.kind) {
        case SearchKind::Name:
            // A word alone has its rows in the word index (at most four entries a citizen among the
            // first, which the bench's names never exceed); more words, the GIN index.
            if (const QString folded = SearchText::fold(q.text); !folded.contains(QLatin1Char(' '))) {
                searchWord(folded.toUtf8(), cap.toInt(), shownLimit, ids);
            } else {
                m_db.run(m_name, {m_dialect->prefixMatch(folded).toUtf8(), cap, shownLimit}, &ids);
            }
            break;
        case SearchKind::NationalNumber:
            if (q.text.size() == 11) {
                m_db.run(m_numberExact, {q.text.toUtf8(), cap, shownLimit}, &ids);
            } else {
                m_db.run(m_numberPrefix, {q.text.toUtf8(), cap, shownLimit, prefixEnd(q.text)}, &ids);
            }
            break;
        case SearchKind::Phone:
        case SearchKind::Email:
            m_db.run(m_digital, {q.text.toUtf8(), cap, shownLimit, prefixEnd(q.text), q.kind == SearchKind::Phone ? "phone" : "email"}, &ids);
            break;
        case SearchKind::BirthDate:
            m_db.run(m_birth, {q.date.toString(Qt::ISODate).toUtf8(), cap, shownLimit}, &ids);
            break;
        case SearchKind::Address:
            if (q.houseNumber.isEmpty()) {
                m_db.run(m_postcode, {q.postcode.toUtf8(), cap, shownLimit}, &ids);
            } else {
                m_db.run(m_address, {q.postcode.toUtf8(), cap, shownLimit, q.houseNumber.toUtf8()}, &ids);
            }
            break;
        }
    }

    // The first cap citizens among the word index's first entries (read double until they hold
    // cap citizens or end), in the order of their ids, ordered by their names (as the index keeps
    // them, byte order); then the lines of the first shownLimit of them.
    void searchWord(const QByteArray &word, int cap, const QByteArray &shownLimit, QList<qint64> &ids)
    {
        struct Entry
        {
            qint64 id;
            QByteArrayList row;
        };
        std::vector<Entry> found;
        for (int read = cap;; read *= 2) {
            QList<QByteArrayList> table;
            m_db.run(m_nameWord, {word, QByteArray::number(read)}, nullptr, &table);
            found.clear();
            for (const QByteArrayList &row : std::as_const(table)) {
                found.push_back({row.value(0).toLongLong(), row});
            }
            std::stable_sort(found.begin(), found.end(), [](const Entry &a, const Entry &b) {
                return a.id < b.id;
            });
            found.erase(std::unique(found.begin(),
                                    found.end(),
                                    [](const Entry &a, const Entry &b) {
                                        return a.id == b.id;
                                    }),
                        found.end());
            if (qsizetype(found.size()) >= cap || table.size() < read) {
                break;
            }
        }
        found.resize(std::min<size_t>(found.size(), size_t(cap)));
        // Family name, given names, birth date (a null last), id.
        std::sort(found.begin(), found.end(), [](const Entry &a, const Entry &b) {
            for (int c = 1; c <= 3; ++c) {
                const QByteArray &x = a.row.at(c);
                const QByteArray &y = b.row.at(c);
                if (x.isNull() != y.isNull()) {
                    return y.isNull();
                }
                if (const int order = std::memcmp(x.constData(), y.constData(), size_t(std::min(x.size(), y.size()))); order != 0) {
                    return order < 0;
                }
                if (x.size() != y.size()) {
                    return x.size() < y.size();
                }
            }
            return a.id < b.id;
        });
        QByteArray array = "{";
        for (size_t i = 0; i < std::min<size_t>(found.size(), size_t(shownLimit.toInt())); ++i) {
            array += (i ? "," : "") + QByteArray::number(found.at(i).id);
        }
        m_db.run(m_linesOf, {array + "}", shownLimit}, &ids);
    }

    bool appendAudit(qint64 citizen) override
    {
        return m_db.run(m_audit, {benchClock().now().toString(Qt::ISODateWithMs).toUtf8(), QByteArray::number(citizen), m_hash}) >= 0;
    }

private:
    PgConnection m_db;
    std::unique_ptr<SqlDialect> m_dialect = SqlDialect::create(StoreLocation::Engine::PostgreSQL);
    QByteArray m_hash = "\\x" + QByteArray(32, '\x5a').toHex();
    int m_audit = -1;
    std::vector<int> m_case;
    int m_name = -1;
    int m_nameWord = -1;
    int m_linesOf = -1;
    int m_numberExact = -1;
    int m_numberPrefix = -1;
    int m_digital = -1;
    int m_postcode = -1;
    int m_address = -1;
    int m_birth = -1;
};
} // namespace

std::unique_ptr<Baseline> postgresBaseline(const QString &uri)
{
    return std::make_unique<PostgresBaseline>(uri);
}

IngestBaseline postgresIngest(const QList<QByteArray> &pages, const QString &uri)
{
    PgConnection db(uri);
    IngestBaseline result;
    if (!db.problem().isEmpty() || !db.exec("DROP TABLE IF EXISTS bench_raw_records") ||
        !db.exec("CREATE TABLE bench_raw_records (id TEXT PRIMARY KEY, body TEXT NOT NULL)")) {
        return result;
    }
    const int insert = db.prepare("INSERT INTO bench_raw_records (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = excluded.body");
    QElapsedTimer t;
    t.start();
    db.exec("BEGIN");
    result = parseRecords(pages, [&db, insert](const QByteArray &id, const QByteArray &json) {
        db.run(insert, {id, json});
    });
    db.exec("COMMIT");
    result.seconds = msSince(t) / 1000.0;
    return result;
}

QString freshServerDatabase(const QString &uri, const QString &name, QString *problem)
{
    PgConnection db(uri);
    // An identifier in double quotes, any double quote in it doubled.
    const QByteArray quoted = '"' + name.toUtf8().replace('"', "\"\"") + '"';
    if (!db.problem().isEmpty() || !db.exec(QByteArray("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)").constData()) ||
        !db.exec(QByteArray("CREATE DATABASE " + quoted + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'").constData())) {
        *problem = db.problem();
        return {};
    }
    QUrl url(uri);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}
} // namespace C360::Bench
