// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "auditrepository.h"

#include "clock.h"
#include "database.h"
#include "sqlvalue.h"
#include "statement.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace c360
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
                        "audit entry");

AuditEntry readEntry(const Statement &row)
{
    AuditEntry e;
    e.sequence = row.value(0).toLongLong();
    e.time = sql::toDateTime(row.value(1));
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
    const QString text = QString::number(e.sequence) + us + sql::fromDateTime(e.time).toString() + us + clean(e.actor) + us + toKey(e.role) + us +
        clean(e.workstation) + us + toKey(e.action) + us + QString::number(e.subjectCitizenId) + us + clean(e.purposeCode) + us + clean(e.purposeText) + us +
        toKey(e.outcome) + us + clean(e.details) + us;
    return text.toUtf8() + e.previousHash;
}

QByteArray AuditRepository::computeHash(const QByteArray &key, const AuditEntry &entry)
{
    return QMessageAuthenticationCode::hash(canonicalBytes(entry), key, QCryptographicHash::Sha256);
}

Expected<AuditEntry, StoreError> AuditRepository::append(AuditEntry entry)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement last(m_db, QStringLiteral("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"));
    if (auto r = last.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    if (last.next()) {
        entry.sequence = last.value(0).toLongLong() + 1;
        entry.previousHash = last.value(1).toByteArray();
    } else {
        entry.sequence = 1;
        entry.previousHash = genesisHash();
    }
    last.finish();
    if (!entry.time.isValid()) {
        entry.time = m_db.clock().now();
    }
    // Stored with millisecond precision: hash what will be read back.
    entry.time = sql::toDateTime(sql::fromDateTime(entry.time));
    if (entry.details.isEmpty()) {
        entry.details = QStringLiteral("{}");
    }
    entry.hash = computeHash(m_key, entry);

    if (auto r = logRows.insert(m_db,
                                {entry.sequence,
                                 sql::fromDateTime(entry.time),
                                 entry.actor,
                                 toKey(entry.role),
                                 entry.workstation,
                                 toKey(entry.action),
                                 sql::nullableId(entry.subjectCitizenId),
                                 entry.purposeCode,
                                 entry.purposeText,
                                 toKey(entry.outcome),
                                 entry.details,
                                 entry.previousHash,
                                 entry.hash});
        !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return entry;
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

Expected<AuditRepository::Verification, StoreError> AuditRepository::verify()
{
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

} // namespace c360
