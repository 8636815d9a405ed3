// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/auditrepository.h"

#include "audit/hmacsha256.h"
#include "common/clock.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <QSqlError>

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <thread>

namespace C360
{

namespace
{
const QString selectColumns = QStringLiteral(
    "SELECT sequence, occurred_at, actor, role, workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, details, previous_hash, hash "
    "FROM audit_log");
const RowWriter logRows("audit_log",
                        {"sequence",
                         "occurred_at",
                         "actor",
                         "role",
                         "workstation",
                         "action",
                         "subject_citizen_id",
                         "purpose_code",
                         "purpose_text",
                         "outcome",
                         "details",
                         "previous_hash",
                         "hash"},
                        "audit entry",
                        "sequence");

AuditEntry readEntry(const Statement &row)
{
    AuditEntry e;
    e.sequence = row.value(0).toLongLong();
    e.time = Sql::toDateTime(row.value(1));
    e.actor = row.value(2).toString();
    e.role = fromKey<Role>(row.value(3).toString()).value_or(Role::CounterClerk);
    e.workstation = row.value(4).toString();
    e.action = fromKey<AuditAction>(row.value(5).toString()).value_or(AuditAction::ProfileOpened);
    e.subjectCitizenId = row.value(6).toLongLong();
    e.purposeCode = row.value(7).toString();
    e.purposeText = row.value(8).toString();
    e.outcome = fromKey<AuditOutcome>(row.value(9).toString()).value_or(AuditOutcome::Failed);
    e.details = row.value(10).toString();
    e.previousHash = row.value(11).toByteArray();
    e.hash = row.value(12).toByteArray();
    return e;
}
} // namespace

AuditRepository::AuditRepository(Database &db, const QByteArray &key)
    : m_db(db)
    , m_key(key)
{
}

QByteArray AuditRepository::genesisHash()
{
    return QByteArray(32, '\0');
}

QByteArray AuditRepository::canonicalBytes(const AuditEntry &e)
{
    // Fields separated by the ASCII unit separator, which none of them can contain unescaped.
    const QChar us(0x1f);
    auto clean = [us](QString s) {
        return s.replace(us, QLatin1Char(' '));
    };
    const QString text = QString::number(e.sequence) + us + Sql::fromDateTime(e.time).toString() + us + clean(e.actor) + us + toKey(e.role) + us +
        clean(e.workstation) + us + toKey(e.action) + us + QString::number(e.subjectCitizenId) + us + clean(e.purposeCode) + us + clean(e.purposeText) + us +
        toKey(e.outcome) + us + clean(e.details) + us;
    return text.toUtf8() + e.previousHash;
}

QByteArray AuditRepository::computeHash(const QByteArray &key, const AuditEntry &entry)
{
    return HmacSha256(key).mac(canonicalBytes(entry));
}

Expected<AuditEntry, StoreError> AuditRepository::append(AuditEntry entry)
{
    auto appended = appendAll({std::move(entry)});
    if (!appended) {
        return unexpected(std::move(appended).error());
    }
    return appended->constFirst();
}

Expected<QList<AuditEntry>, StoreError> AuditRepository::appendAll(QList<AuditEntry> entries)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    // The chain's end, read once: the transaction holds the chain's lock (SQLite: the write lock
    // BEGIN IMMEDIATE took; PostgreSQL: an advisory lock), so it stays the end.
    if (const QString lock = m_db.dialect().lockAuditChain(); !lock.isEmpty()) {
        if (auto r = m_db.run(lock); !r) {
            return unexpected(std::move(r).error());
        }
    }
    qint64 sequence = 0;
    QByteArray previousHash = genesisHash();
    {
        Statement last(m_db, QStringLiteral("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"));
        if (auto r = last.exec({}); !r) {
            return unexpected(std::move(r).error());
        }
        if (last.next()) {
            sequence = last.value(0).toLongLong();
            previousHash = last.value(1).toByteArray();
        }
    }
    const HmacSha256 hmac(m_key);
    QList<QVariantList> rows;
    rows.reserve(entries.size());
    for (AuditEntry &entry : entries) {
        entry.sequence = ++sequence;
        entry.previousHash = previousHash;
        if (!entry.time.isValid()) {
            entry.time = m_db.clock().now();
        }
        // Stored with millisecond precision: hash what will be read back.
        entry.time = Sql::toDateTime(Sql::fromDateTime(entry.time));
        if (entry.details.isEmpty()) {
            entry.details = QStringLiteral("{}");
        }
        entry.hash = hmac.mac(canonicalBytes(entry));
        rows.append({entry.sequence,
                     Sql::fromDateTime(entry.time),
                     entry.actor,
                     toKey(entry.role),
                     entry.workstation,
                     toKey(entry.action),
                     Sql::nullableId(entry.subjectCitizenId),
                     entry.purposeCode,
                     entry.purposeText,
                     toKey(entry.outcome),
                     entry.details,
                     entry.previousHash,
                     entry.hash});
        previousHash = entry.hash;
    }
    // A search's entries (up to 50) in one statement: one round trip to a server, not one each.
    if (auto r = logRows.insertAll(m_db, rows); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return entries;
}

Expected<qint64, StoreError> AuditRepository::count()
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
}

Expected<QList<AuditEntry>, StoreError> AuditRepository::entries(qint64 fromSequence, int limit)
{
    return selectAll(m_db, selectColumns + QStringLiteral(" WHERE sequence >= ? ORDER BY sequence LIMIT ?"), {fromSequence, limit}, readEntry);
}

Expected<QList<AuditEntry>, StoreError> AuditRepository::aboutCitizen(qint64 citizenId)
{
    return selectAll(m_db, selectColumns + QStringLiteral(" WHERE subject_citizen_id = ? ORDER BY occurred_at, sequence"), {citizenId}, readEntry);
}

Expected<QList<AuditEntry>, StoreError> AuditRepository::matching(const QString &condition, const QVariantList &values)
{
    return selectAll(m_db,
                     selectColumns + (condition.isEmpty() ? QString() : QString(QStringLiteral(" WHERE ") + condition)) +
                         QStringLiteral(" ORDER BY sequence DESC LIMIT ?"),
                     values,
                     readEntry);
}

Expected<AuditRepository::Verification, StoreError> AuditRepository::verify(qint64 parallelFrom)
{
    if (sqlite3 *handle = m_db.sqliteHandle()) {
        return verifySqlite(handle, parallelFrom);
    }
    Statement query(m_db, selectColumns + QStringLiteral(" ORDER BY sequence"));
    if (auto r = query.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    Verification v;
    qint64 expectedSequence = 1;
    QByteArray previousHash = genesisHash();
    while (query.next()) {
        const AuditEntry e = readEntry(query);
        if (e.sequence != expectedSequence) {
            v.problem = Verification::Problem::Missing;
            v.firstBad = expectedSequence;
            return v;
        }
        if (computeHash(m_key, e) != e.hash) {
            v.problem = Verification::Problem::Changed;
            v.firstBad = e.sequence;
            return v;
        }
        if (e.previousHash != previousHash) {
            v.problem = Verification::Problem::BrokenLink;
            v.firstBad = e.sequence;
            return v;
        }
        previousHash = e.hash;
        v.checkedThrough = e.sequence;
        ++expectedSequence;
    }
    return v;
}

namespace
{
// Whether every column of the row has the type the log writes: the sequence an integer, the
// subject an integer or NULL, the hashes BLOBs, everything else text.
bool hasStoredTypes(sqlite3_stmt *row)
{
    for (int column = 0; column <= 12; ++column) {
        const int type = sqlite3_column_type(row, column);
        bool expected = false;
        switch (column) {
        case 0:
            expected = type == SQLITE_INTEGER;
            break;
        case 6:
            expected = type == SQLITE_INTEGER || type == SQLITE_NULL;
            break;
        case 11:
        case 12:
            expected = type == SQLITE_BLOB;
            break;
        default:
            expected = type == SQLITE_TEXT;
            break;
        }
        if (!expected) {
            return false;
        }
    }
    return true;
}

// What one range of the chain's verification found.
struct RangeCheck
{
    AuditRepository::Verification v; // within the range
    qint64 firstSequence = 0; // of the range's first row (0: none)
    QByteArray firstPrevious; // its stored previous hash: the link to the range before
    QByteArray lastHash; // the hash of the range's last intact row
    int error = SQLITE_OK; // a failed C API call (the message in detail)
    QString detail;
};

// The same checks as verify()'s portable loop over the entries from..to, on the stored bytes: the
// canonical bytes are the columns' own UTF-8 (what canonicalBytes() makes of the entry read back),
// so no row becomes a QVariant, a QString or an AuditEntry on the way. previous is the hash the
// range's first entry must link to; null: that link is left to the caller.
RangeCheck checkRange(sqlite3 *handle, const QByteArray &key, qint64 from, qint64 to, const QByteArray *previous)
{
    RangeCheck result;
    const auto fail = [&result, handle] {
        result.error = sqlite3_extended_errcode(handle);
        result.detail = QString::fromUtf8(sqlite3_errmsg(handle));
        return result;
    };
    sqlite3_stmt *statement = nullptr;
    const QByteArray sql = (selectColumns + QStringLiteral(" WHERE sequence BETWEEN ?1 AND ?2 ORDER BY sequence")).toUtf8();
    if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
        return fail();
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> finalize(statement, sqlite3_finalize);
    // From the start: any row at all below the first sequence (a forged 0) is read, and missed.
    sqlite3_bind_int64(statement, 1, from == 1 ? std::numeric_limits<sqlite3_int64>::min() : from);
    sqlite3_bind_int64(statement, 2, to);
    const HmacSha256 hmac(key);
    AuditRepository::Verification &v = result.v;
    v.checkedThrough = from - 1;
    qint64 expectedSequence = from;
    QByteArray previousHash = previous ? *previous : QByteArray();
    QByteArray canonical;
    canonical.reserve(4096);
    const auto text = [statement](int column) {
        return QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)), sqlite3_column_bytes(statement, column));
    };
    const auto blob = [statement](int column) {
        return QByteArrayView(static_cast<const char *>(sqlite3_column_blob(statement, column)), sqlite3_column_bytes(statement, column));
    };
    const auto add = [&canonical](QByteArrayView field, bool clean) {
        const qsizetype at = canonical.size();
        canonical.append(field);
        if (clean) {
            // canonicalBytes() turns the unit separator into a space in free text.
            std::replace(canonical.begin() + at, canonical.end(), '\x1f', ' ');
        }
        canonical.append('\x1f');
    };
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        // Before any column is read (reading converts, and the type is then no longer the stored one).
        const bool typesHold = hasStoredTypes(statement);
        const qint64 sequence = sqlite3_column_int64(statement, 0);
        if (result.firstSequence == 0) {
            result.firstSequence = sequence;
            result.firstPrevious = blob(11).toByteArray();
        }
        if (sequence != expectedSequence) {
            v.problem = AuditRepository::Verification::Problem::Missing;
            v.firstBad = expectedSequence;
            return result;
        }
        // The canonical bytes are each value's text: a value stored as another type with the same
        // text (78 as 78.5 read back as 78, a name as a BLOB) would pass them but drop out of every
        // query that compares it. The types are checked as part of the entry.
        if (!typesHold) {
            v.problem = AuditRepository::Verification::Problem::Changed;
            v.firstBad = sequence;
            return result;
        }
        canonical.clear();
        add(QByteArray::number(sequence), false);
        add(text(1), false); // occurred_at, as stored
        add(text(2), true); // actor
        add(text(3), false); // role
        add(text(4), true); // workstation
        add(text(5), false); // action
        add(QByteArray::number(sqlite3_column_int64(statement, 6)), false); // subject (NULL: 0)
        add(text(7), true); // purpose code
        add(text(8), true); // purpose text
        add(text(9), false); // outcome
        add(text(10), true); // details
        const QByteArrayView storedPrevious = blob(11);
        const HmacSha256::Digest mac = hmac.mac({canonical, storedPrevious});
        const QByteArrayView storedHash = blob(12);
        if (storedHash != QByteArrayView(reinterpret_cast<const char *>(mac.data()), qsizetype(mac.size()))) {
            v.problem = AuditRepository::Verification::Problem::Changed;
            v.firstBad = sequence;
            return result;
        }
        const bool linkChecked = previous || sequence != from;
        if (linkChecked && storedPrevious != QByteArrayView(previousHash)) {
            v.problem = AuditRepository::Verification::Problem::BrokenLink;
            v.firstBad = sequence;
            return result;
        }
        previousHash = storedHash.toByteArray();
        result.lastHash = previousHash;
        v.checkedThrough = sequence;
        ++expectedSequence;
    }
    if (step != SQLITE_DONE) {
        return fail();
    }
    return result;
}

// A failed SQLite C API call as the driver would have reported it (classified by its code).
QSqlError sqliteQueryError(int code, const QString &message)
{
    return QSqlError(QStringLiteral("Unable to fetch row"), message, QSqlError::StatementError, QString::number(code));
}
} // namespace

Expected<AuditRepository::Verification, StoreError> AuditRepository::verifySqlite(sqlite3 *handle, qint64 parallelFrom)
{
    const QByteArray genesis = genesisHash();
    qint64 last = 0;
    {
        Statement max(m_db, QStringLiteral("SELECT MAX(sequence) FROM audit_log"));
        if (auto r = max.exec({}); !r) {
            return unexpected(std::move(r).error());
        }
        last = max.next() ? max.value(0).toLongLong() : 0;
    }
    if (last < parallelFrom) {
        const RangeCheck whole = checkRange(handle, m_key, 1, std::max<qint64>(last, 1), &genesis);
        if (whole.error != SQLITE_OK) {
            return unexpected(m_db.error(sqliteQueryError(whole.error, whole.detail)));
        }
        return whole.v;
    }
    // Two halves at once, the second on a connection of its own in another thread; then the link
    // between them. The first problem in sequence order is the one reported, as one pass would.
    const qint64 middle = last / 2;
    RangeCheck second;
    std::thread worker([&second, path = m_db.path().toUtf8(), key = m_key, middle, last] {
        sqlite3 *own = nullptr;
        if (sqlite3_open_v2(path.constData(), &own, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            second.error = own ? sqlite3_extended_errcode(own) : SQLITE_CANTOPEN;
            second.detail = own ? QString::fromUtf8(sqlite3_errmsg(own)) : QStringLiteral("cannot open the store");
        } else {
            second = checkRange(own, key, middle + 1, last, nullptr);
        }
        sqlite3_close(own);
    });
    const RangeCheck first = checkRange(handle, m_key, 1, middle, &genesis);
    worker.join();
    if (first.error != SQLITE_OK) {
        return unexpected(m_db.error(sqliteQueryError(first.error, first.detail)));
    }
    if (!first.v.intact()) {
        return first.v;
    }
    if (second.error != SQLITE_OK) {
        return unexpected(m_db.error(sqliteQueryError(second.error, second.detail)));
    }
    const bool failsAtItsStart = !second.v.intact() && second.v.firstBad == middle + 1;
    if (!failsAtItsStart && second.firstSequence == middle + 1 && second.firstPrevious != first.lastHash) {
        Verification v;
        v.problem = Verification::Problem::BrokenLink;
        v.firstBad = middle + 1;
        v.checkedThrough = middle;
        return v;
    }
    return second.v;
}

} // namespace C360
