// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "benchrun_raw.h"

#include "benchrun_harness.h"

#include "searchhit.h"
#include "store/citizenrepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1String>

#include <algorithm>
#include <functional>

namespace C360::Bench
{
// --- the raw SQLite C API -------------------------------------------------------------------

RawDb::RawDb(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        say(QStringLiteral("cannot open %1 with the C API").arg(path));
        m_db = nullptr;
    }
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA busy_timeout=5000");
}

RawDb::~RawDb()
{
    for (sqlite3_stmt *s : m_statements) {
        sqlite3_finalize(s);
    }
    sqlite3_close(m_db);
}

bool RawDb::exec(const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        say(QStringLiteral("raw SQL failed: %1: %2").arg(QLatin1String(sql), QString::fromUtf8(error ? error : "")));
        sqlite3_free(error);
        return false;
    }
    return true;
}

sqlite3_stmt *RawDb::prepare(const char *sql)
{
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
        say(QStringLiteral("raw prepare failed: %1: %2").arg(QLatin1String(sql), QString::fromUtf8(sqlite3_errmsg(m_db))));
        return nullptr;
    }
    m_statements.push_back(s);
    return s;
}

int RawDb::drain(sqlite3_stmt *s, QList<qint64> *ids)
{
    int rows = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        ++rows;
        const int columns = sqlite3_column_count(s);
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(s, c)) {
            case SQLITE_TEXT:
                (void)sqlite3_column_text(s, c);
                break;
            case SQLITE_BLOB:
                (void)sqlite3_column_blob(s, c);
                break;
            default:
                (void)sqlite3_column_int64(s, c);
            }
        }
        if (ids) {
            ids->append(sqlite3_column_int64(s, 0));
        }
    }
    sqlite3_reset(s);
    return rows;
}

// --- the raw audit row ----------------------------------------------------------------------

bool makeRawAuditTable(RawDb &raw)
{
    return raw.exec(
        "CREATE TABLE IF NOT EXISTS bench_raw_audit (sequence INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, "
        "workstation TEXT NOT NULL, action TEXT NOT NULL, subject_citizen_id INTEGER, purpose_code TEXT NOT NULL DEFAULT '', purpose_text TEXT NOT NULL "
        "DEFAULT '', outcome TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}', previous_hash BLOB NOT NULL, hash BLOB NOT NULL)");
}

RawAuditInsert::RawAuditInsert(RawDb &raw)
    : m_insert(raw.prepare(
          "INSERT INTO bench_raw_audit (occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, "
          "details, previous_hash, hash) VALUES (?1, 'bench.balie', 'counter_clerk', 'bench-1', 'profile_opened', ?2, 'counter_visit', '', 'success', "
          "'{}', ?3, ?4)"))
{
}

bool RawAuditInsert::run(qint64 citizen)
{
    const QByteArray time = benchClock().now().toString(Qt::ISODateWithMs).toUtf8();
    RawDb::bindText(m_insert, 1, time);
    sqlite3_bind_int64(m_insert, 2, citizen);
    sqlite3_bind_blob(m_insert, 3, m_hash.constData(), int(m_hash.size()), SQLITE_STATIC);
    sqlite3_bind_blob(m_insert, 4, m_hash.constData(), int(m_hash.size()), SQLITE_STATIC);
    const bool ok = sqlite3_step(m_insert) == SQLITE_DONE;
    sqlite3_reset(m_insert);
    return ok;
}

namespace
{
// --- the SQLite baseline --------------------------------------------------------------------

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

class SqliteBaseline final : public Baseline
{
public:
    explicit SqliteBaseline(const QString &path)
        : m_raw(path)
        , m_audit(withAuditTable(m_raw))
        , m_search(m_raw)
        , m_case({
              m_raw.prepare("SELECT * FROM citizens WHERE id = ?1"),
              m_raw.prepare("SELECT * FROM citizen_identifiers WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM digital_addresses WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM channel_preferences WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM consents WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM reports WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT r.*, c.basis, c.state FROM report_candidates c JOIN reports r ON r.id = c.report_id WHERE c.citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM contact_moments WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT l.* FROM contact_moment_links l JOIN contact_moments m ON m.id = l.contact_moment_id WHERE m.citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM requests WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT s.* FROM request_supplements s JOIN requests r ON r.id = s.request_id WHERE r.citizen_id = ?1"),
              m_raw.prepare("SELECT l.* FROM request_links l JOIN requests r ON r.id = l.request_id WHERE r.citizen_id = ?1"),
              m_raw.prepare("SELECT l.*, e.* FROM citizen_catalogue_links l JOIN catalogue_entries e ON e.id = l.entry_id WHERE l.citizen_id = ?1"),
              m_raw.prepare("SELECT * FROM cases WHERE citizen_id = ?1"),
              m_raw.prepare("SELECT s.* FROM case_statuses s JOIN cases c ON c.id = s.case_id WHERE c.citizen_id = ?1"),
          })
    {
    }

    QString problem() const override
    {
        if (!m_raw.handle() || std::find(m_case.cbegin(), m_case.cend(), nullptr) != m_case.cend()) {
            return QStringLiteral("a baseline query could not be prepared");
        }
        return {};
    }

    void openCase(qint64 citizen) override
    {
        m_audit.run(citizen);
        m_raw.exec("BEGIN");
        for (sqlite3_stmt *q : m_case) {
            sqlite3_bind_int64(q, 1, citizen);
            RawDb::drain(q);
        }
        m_raw.exec("COMMIT");
    }

    QList<qint64> search(const SearchService::Query &query, int limit) override { return m_search.find(query, limit); }
    bool appendAudit(qint64 citizen) override { return m_audit.run(citizen); }

private:
    static RawDb &withAuditTable(RawDb &raw)
    {
        makeRawAuditTable(raw);
        return raw;
    }

    RawDb m_raw;
    RawAuditInsert m_audit;
    RawSearch m_search;
    std::vector<sqlite3_stmt *> m_case;
};
} // namespace

std::unique_ptr<Baseline> sqliteBaseline(const QString &path)
{
    return std::make_unique<SqliteBaseline>(path);
}

IngestBaseline parseRecords(const QList<QByteArray> &pages, const std::function<void(const QByteArray &id, const QByteArray &json)> &insert)
{
    IngestBaseline result;
    for (const QByteArray &page : pages) {
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        const QJsonArray items = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("results")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            const QJsonValue id = o.contains(QStringLiteral("uuid")) ? o.value(QStringLiteral("uuid")) : o.value(QStringLiteral("service_request_id"));
            insert(id.toVariant().toString().toUtf8(), QJsonDocument(o).toJson(QJsonDocument::Compact));
            ++result.records;
        }
    }
    return result;
}

IngestBaseline sqliteIngest(const QList<QByteArray> &pages, const QString &path)
{
    RawDb raw(path);
    raw.exec("PRAGMA synchronous=NORMAL");
    raw.exec("CREATE TABLE records (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
    sqlite3_stmt *insert = raw.prepare("INSERT OR REPLACE INTO records (id, body) VALUES (?1, ?2)");
    QElapsedTimer t;
    t.start();
    raw.exec("BEGIN");
    IngestBaseline result = parseRecords(pages, [insert](const QByteArray &id, const QByteArray &json) {
        RawDb::bindText(insert, 1, id);
        RawDb::bindText(insert, 2, json);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    });
    raw.exec("COMMIT");
    result.seconds = msSince(t) / 1000.0;
    return result;
}
} // namespace C360::Bench
