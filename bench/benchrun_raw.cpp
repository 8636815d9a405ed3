// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "benchrun_raw.h"

#include "benchrun_harness.h"

#include <QDateTime>
#include <QLatin1String>

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
} // namespace C360::Bench
