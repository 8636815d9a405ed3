// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/auditrepository.h"

#include "audit/hmacsha256.h"
#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <QtEndian>

#include <algorithm>
#include <limits>
#include <memory>
#include <thread>
#include <vector>

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

bool AuditRepository::writesThroughServer() const
{
    return m_key.isEmpty() && m_db.dialect().engine() == StoreLocation::Engine::PostgreSQL;
}

Expected<QList<AuditEntry>, StoreError> AuditRepository::appendThroughServer(QList<AuditEntry> entries)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    for (AuditEntry &entry : entries) {
        if (entry.details.isEmpty()) {
            entry.details = QStringLiteral("{}");
        }
        if (entry.action == AuditAction::Change) {
            // The store's triggers and functions write it, under the session's user, in the
            // change's transaction; the application's copy would be a second entry.
            entry.sequence = 0;
            continue;
        }
        const bool opening = entry.action == AuditAction::ProfileOpened && entry.outcome == AuditOutcome::Success;
        // An access report or an export reads the citizen's record under a grant, as a profile is
        // read (schema 10).
        const bool reading = (entry.action == AuditAction::AccessReport || entry.action == AuditAction::Export) && entry.outcome == AuditOutcome::Success &&
            entry.subjectCitizenId > 0 && m_db.schemaVersion() >= 10;
        Statement call(m_db,
                       opening       ? QStringLiteral("SELECT entry_sequence FROM c360_open_profile(?, ?, ?, ?)")
                           : reading ? QStringLiteral("SELECT entry_sequence FROM c360_open_record(?, ?, ?, ?, ?)")
                                     : QStringLiteral("SELECT c360_audit(?, ?, ?, ?, ?, ?, CAST(? AS jsonb))"));
        // A profile not opened (the role may not) is an access denied: only c360_open_profile
        // writes profile_opened.
        const QString action = entry.action == AuditAction::ProfileOpened && !opening ? toKey(AuditAction::AccessDenied) : toKey(entry.action);
        const QVariantList values = opening ? QVariantList{entry.subjectCitizenId, entry.purposeCode, entry.purposeText, entry.workstation}
            : reading                       ? QVariantList{entry.subjectCitizenId, action, entry.purposeCode, entry.purposeText, entry.workstation}
                                            : QVariantList{action,
                                     Sql::nullableId(entry.subjectCitizenId),
                                     entry.purposeCode,
                                     entry.purposeText,
                                     toKey(entry.outcome),
                                     entry.workstation,
                                     entry.details};
        if (auto r = call.exec(values); !r) {
            return unexpected(std::move(r).error());
        }
        if (!call.next() || call.value(0).isNull()) {
            return unexpected(m_db.error(StoreError::Code::Query, QStringLiteral("the store wrote no audit entry")));
        }
        entry.sequence = call.value(0).toLongLong();
        entry.time = Sql::toDateTime(Sql::fromDateTime(m_db.clock().now()));
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return entries;
}

Expected<QList<AuditEntry>, StoreError> AuditRepository::appendAll(QList<AuditEntry> entries)
{
    if (writesThroughServer()) {
        return appendThroughServer(std::move(entries));
    }
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
    if (writesThroughServer()) {
        return verifyThroughServer();
    }
    if (sqlite3 *handle = m_db.sqliteHandle()) {
        return verifySqlite(handle, parallelFrom);
    }
    if (pg_conn *handle = m_db.postgresHandle()) {
        if (auto fast = verifyPostgres(handle, parallelFrom)) {
            return *fast;
        }
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

Expected<AuditRepository::Verification, StoreError> AuditRepository::verifyThroughServer()
{
    // A staff member's own login cannot read the key: the store checks the chain with it.
    Statement check(m_db, QStringLiteral("SELECT checked_through, first_bad, problem FROM c360_verify_audit()"));
    if (auto r = check.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!check.next()) {
        return unexpected(m_db.error(StoreError::Code::Query, QStringLiteral("the store did not verify its audit log")));
    }
    Verification v;
    v.checkedThrough = check.value(0).toLongLong();
    v.firstBad = check.value(1).toLongLong();
    const QString problem = check.value(2).toString();
    v.problem = problem == QLatin1String("missing") ? Verification::Problem::Missing
        : problem == QLatin1String("changed")       ? Verification::Problem::Changed
        : problem == QLatin1String("broken_link")   ? Verification::Problem::BrokenLink
                                                    : Verification::Problem::None;
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

// One stored row of the log as its bytes, for the fast paths of the verification: the canonical
// bytes are the columns' own UTF-8 (what canonicalBytes() makes of the entry read back), so no row
// becomes a QVariant, a QString or an AuditEntry on the way.
struct StoredRow
{
    qint64 sequence = 0;
    QByteArrayView occurredAt, actor, role, workstation, action;
    qint64 subject = 0; // NULL: 0
    QByteArrayView purposeCode, purposeText, outcome, details, previous, hash;
};

// The checks of verify()'s portable loop, one row at a time in sequence order, over a range that
// begins at from. previous is the hash the range's first entry must link to; null: that link is
// left to the caller.
class ChainCheck
{
public:
    ChainCheck(const QByteArray &key, qint64 from, const QByteArray *previous, RangeCheck &result)
        : m_hmac(key)
        , m_from(from)
        , m_linkFirst(previous != nullptr)
        , m_expected(from)
        , m_previousHash(previous ? *previous : QByteArray())
        , m_result(result)
    {
        m_canonical.reserve(4096);
        result.v.checkedThrough = from - 1;
    }

    // Each row's checks begin here, before its columns are read: the one it must be. false at the
    // first bad row (the result says why): stop there.
    bool begin(qint64 sequence, QByteArrayView previous)
    {
        if (m_result.firstSequence == 0) {
            m_result.firstSequence = sequence;
            m_result.firstPrevious = previous.toByteArray();
        }
        if (sequence != m_expected) {
            m_result.v.problem = AuditRepository::Verification::Problem::Missing;
            m_result.v.firstBad = m_expected;
            return false;
        }
        return true;
    }

    // The rest of the row's checks, once begin() passed: its MAC and its link.
    bool check(const StoredRow &row)
    {
        m_canonical.clear();
        field(QByteArray::number(row.sequence), false);
        field(row.occurredAt, false); // as stored
        field(row.actor, true);
        field(row.role, false);
        field(row.workstation, true);
        field(row.action, false);
        field(QByteArray::number(row.subject), false);
        field(row.purposeCode, true);
        field(row.purposeText, true);
        field(row.outcome, false);
        field(row.details, true);
        const HmacSha256::Digest mac = m_hmac.mac({m_canonical, row.previous});
        if (row.hash != QByteArrayView(reinterpret_cast<const char *>(mac.data()), qsizetype(mac.size()))) {
            return bad(AuditRepository::Verification::Problem::Changed, row.sequence);
        }
        const bool linkChecked = m_linkFirst || row.sequence != m_from;
        if (linkChecked && row.previous != QByteArrayView(m_previousHash)) {
            return bad(AuditRepository::Verification::Problem::BrokenLink, row.sequence);
        }
        m_previousHash = row.hash.toByteArray();
        m_result.lastHash = m_previousHash;
        m_result.v.checkedThrough = row.sequence;
        ++m_expected;
        return true;
    }

    bool bad(AuditRepository::Verification::Problem problem, qint64 sequence)
    {
        m_result.v.problem = problem;
        m_result.v.firstBad = sequence;
        return false;
    }

private:
    void field(QByteArrayView value, bool clean)
    {
        const qsizetype at = m_canonical.size();
        m_canonical.append(value);
        if (clean) {
            // canonicalBytes() turns the unit separator into a space in free text.
            std::replace(m_canonical.begin() + at, m_canonical.end(), '\x1f', ' ');
        }
        m_canonical.append('\x1f');
    }

    const HmacSha256 m_hmac;
    const qint64 m_from;
    const bool m_linkFirst;
    qint64 m_expected;
    QByteArray m_previousHash;
    QByteArray m_canonical;
    RangeCheck &m_result;
};

// verify()'s checks over the entries from..to, read with the SQLite C API.
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
    ChainCheck chain(key, from, previous, result);
    const auto text = [statement](int column) {
        return QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)), sqlite3_column_bytes(statement, column));
    };
    const auto blob = [statement](int column) {
        return QByteArrayView(static_cast<const char *>(sqlite3_column_blob(statement, column)), sqlite3_column_bytes(statement, column));
    };
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        // Before any column is read (reading converts, and the type is then no longer the stored one).
        const bool typesHold = hasStoredTypes(statement);
        const qint64 sequence = sqlite3_column_int64(statement, 0);
        if (!chain.begin(sequence, blob(11))) {
            return result;
        }
        // The canonical bytes are each value's text: a value stored as another type with the same
        // text (78 as 78.5 read back as 78, a name as a BLOB) would pass them but drop out of every
        // query that compares it. The types are checked as part of the entry.
        if (!typesHold) {
            chain.bad(AuditRepository::Verification::Problem::Changed, sequence);
            return result;
        }
        StoredRow row;
        row.sequence = sequence;
        row.occurredAt = text(1);
        row.actor = text(2);
        row.role = text(3);
        row.workstation = text(4);
        row.action = text(5);
        row.subject = sqlite3_column_int64(statement, 6);
        row.purposeCode = text(7);
        row.purposeText = text(8);
        row.outcome = text(9);
        row.details = text(10);
        row.previous = blob(11);
        row.hash = blob(12);
        if (!chain.check(row)) {
            return result;
        }
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

namespace
{
// The verification of a log checked in two halves at once (first: 1..middle): the first problem
// in sequence order, as one pass would report it, and the link between the halves.
AuditRepository::Verification joined(const RangeCheck &first, const RangeCheck &second, qint64 middle)
{
    if (!first.v.intact()) {
        return first.v;
    }
    const bool failsAtItsStart = !second.v.intact() && second.v.firstBad == middle + 1;
    if (!failsAtItsStart && second.firstSequence == middle + 1 && second.firstPrevious != first.lastHash) {
        AuditRepository::Verification v;
        v.problem = AuditRepository::Verification::Problem::BrokenLink;
        v.firstBad = middle + 1;
        v.checkedThrough = middle;
        return v;
    }
    return second.v;
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
    if (first.v.intact() && second.error != SQLITE_OK) {
        return unexpected(m_db.error(sqliteQueryError(second.error, second.detail)));
    }
    return joined(first, second, middle);
}

namespace
{
// Reads the rows of a binary COPY (PostgreSQL's own format: a header, then per row the number of
// fields and each field's length and bytes, big-endian) as StoredRows, in the order of
// verifyPostgres()'s query.
class BinaryCopyReader
{
public:
    enum class State { Reading, Finished, Malformed };

    // Takes one CopyData message; calls row for each complete row (stop reading when it returns
    // false).
    template<typename RowHandler>
    State feed(const char *data, int size, RowHandler &&row)
    {
        QByteArrayView bytes(data, size);
        if (!m_pending.isEmpty()) {
            m_pending.append(bytes);
            bytes = m_pending;
        }
        qsizetype at = 0;
        if (!m_headerRead) {
            static constexpr char Signature[] = "PGCOPY\n\377\r\n";
            if (bytes.size() < 19) {
                return keep(bytes, at);
            }
            if (bytes.first(11) != QByteArrayView(Signature, 11)) {
                return State::Malformed;
            }
            const qint32 extension = qFromBigEndian<qint32>(bytes.data() + 15);
            if (extension < 0 || bytes.size() < 19 + extension) {
                return extension < 0 ? State::Malformed : keep(bytes, at);
            }
            at = 19 + extension;
            m_headerRead = true;
        }
        while (at + 2 <= bytes.size()) {
            const qint16 fields = qFromBigEndian<qint16>(bytes.data() + at);
            if (fields == -1) {
                return State::Finished;
            }
            if (fields != 13) {
                return State::Malformed;
            }
            QByteArrayView values[13];
            qsizetype p = at + 2;
            bool complete = true;
            for (int f = 0; f < 13 && complete; ++f) {
                if (p + 4 > bytes.size()) {
                    complete = false;
                    break;
                }
                const qint32 length = qFromBigEndian<qint32>(bytes.data() + p);
                p += 4;
                if (length < 0) {
                    return State::Malformed; // no column of the query is NULL
                }
                if (p + length > bytes.size()) {
                    complete = false;
                    break;
                }
                values[f] = bytes.sliced(p, length);
                p += length;
            }
            if (!complete) {
                break;
            }
            if (values[0].size() != 8 || values[6].size() != 8) {
                return State::Malformed;
            }
            StoredRow stored;
            stored.sequence = qFromBigEndian<qint64>(values[0].data());
            stored.occurredAt = values[1];
            stored.actor = values[2];
            stored.role = values[3];
            stored.workstation = values[4];
            stored.action = values[5];
            stored.subject = qFromBigEndian<qint64>(values[6].data());
            stored.purposeCode = values[7];
            stored.purposeText = values[8];
            stored.outcome = values[9];
            stored.details = values[10];
            stored.previous = values[11];
            stored.hash = values[12];
            at = p;
            if (!row(stored)) {
                m_pending.clear();
                return State::Finished;
            }
        }
        return keep(bytes, at);
    }

private:
    // Keeps what was not read yet of bytes (from at) for the next message.
    State keep(QByteArrayView bytes, qsizetype at)
    {
        m_pending = bytes.sliced(at).toByteArray();
        return State::Reading;
    }

    bool m_headerRead = false;
    QByteArray m_pending;
};
} // namespace

namespace
{
// verify()'s checks over the entries from..to (from 1: any row below it too, a forged 0 among them),
// read in one binary COPY on handle: no row becomes a QVariant, and no hash travels as hex text.
// error is not 0 when the COPY could not be had (detail says why).
RangeCheck copyRange(pg_conn *handle, const QByteArray &key, qint64 from, qint64 to, const QByteArray *previous)
{
    RangeCheck range;
    const QByteArray lower = from > 1 ? "sequence >= " + QByteArray::number(from) + " AND " : QByteArray();
    const QByteArray sql = "COPY (SELECT sequence, occurred_at, actor, role, workstation, action, COALESCE(subject_citizen_id, 0), purpose_code, "
                           "purpose_text, outcome, details, previous_hash, hash FROM audit_log WHERE " +
        lower + "sequence <= " + QByteArray::number(to) + " ORDER BY sequence) TO STDOUT (FORMAT binary)";
    PGresult *started = PQexec(handle, sql.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_OUT;
    if (!copying) {
        range.error = 1;
        range.detail = QString::fromUtf8(PQresultErrorMessage(started)).trimmed();
    }
    PQclear(started);
    if (!copying) {
        return range;
    }
    ChainCheck chain(key, from, previous, range);
    BinaryCopyReader reader;
    BinaryCopyReader::State state = BinaryCopyReader::State::Reading;
    char *buffer = nullptr;
    int size = 0;
    // Read to the end even after the first bad row: the connection is then free again.
    while ((size = PQgetCopyData(handle, &buffer, 0)) > 0) {
        if (state == BinaryCopyReader::State::Reading) {
            state = reader.feed(buffer, size, [&chain](const StoredRow &row) {
                return chain.begin(row.sequence, row.previous) && chain.check(row);
            });
        }
        PQfreemem(buffer);
    }
    bool failed = size == -2;
    while (PGresult *end = PQgetResult(handle)) {
        failed = failed || PQresultStatus(end) != PGRES_COMMAND_OK;
        PQclear(end);
    }
    if (failed || state == BinaryCopyReader::State::Malformed) {
        range.error = 1;
        range.detail = failed ? QString::fromUtf8(PQerrorMessage(handle)).trimmed() : QStringLiteral("an unexpected row in the COPY");
    }
    return range;
}

// A second connection to the server and database of handle, as its user (its password, when it
// gave one, too), for the other half of the log; null when it cannot be had.
pg_conn *connectionLike(pg_conn *handle)
{
    PQconninfoOption *options = PQconninfo(handle);
    if (!options) {
        return nullptr;
    }
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    for (const PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val && *o->val) {
            keywords.push_back(o->keyword);
            values.push_back(o->val);
        }
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn *own = PQconnectdbParams(keywords.data(), values.data(), 0);
    PQconninfoFree(options);
    if (PQstatus(own) != CONNECTION_OK) {
        PQfinish(own);
        return nullptr;
    }
    return own;
}
} // namespace

std::optional<AuditRepository::Verification> AuditRepository::verifyPostgres(pg_conn *handle, qint64 parallelFrom)
{
    const QByteArray genesis = genesisHash();
    qint64 last = 0;
    {
        Statement max(m_db, QStringLiteral("SELECT MAX(sequence) FROM audit_log"));
        if (!max.exec({})) {
            return std::nullopt;
        }
        last = max.next() ? max.value(0).toLongLong() : 0;
    }
    const auto fallBack = [](const RangeCheck &range) {
        qCWarning(C360_AUDIT) << "the audit log's COPY failed; verifying through the driver:" << range.detail;
        return std::nullopt;
    };
    pg_conn *other = last >= parallelFrom ? connectionLike(handle) : nullptr;
    if (!other) {
        const RangeCheck whole = copyRange(handle, m_key, 1, std::max<qint64>(last, 1), &genesis);
        if (whole.error) {
            return fallBack(whole);
        }
        return whole.v;
    }
    // Two halves at once, the second on a connection of its own in another thread (and a server
    // process of its own); then the link between them.
    const qint64 middle = last / 2;
    RangeCheck second;
    std::thread worker([&second, other, key = m_key, middle, last] {
        second = copyRange(other, key, middle + 1, last, nullptr);
        PQfinish(other);
    });
    const RangeCheck first = copyRange(handle, m_key, 1, middle, &genesis);
    worker.join();
    if (first.error || (first.v.intact() && second.error)) {
        return fallBack(first.error ? first : second);
    }
    return joined(first, second, middle);
}

} // namespace C360
