// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditrepository.h"
#include "audit/auditservice.h"

#include <QDateTime>
#include <QSet>

#include <optional>

namespace C360
{
class Database;

// What a supervisor asks of the audit log; empty fields do not filter.
struct AuditFilter
{
    QString staffMember; // the actor, exactly
    qint64 citizenId = 0; // the subject
    std::optional<AuditAction> action;
    QString purposeCode;
    QDateTime from; // UTC, inclusive
    QDateTime to; // UTC, exclusive
    int limit = 5000;
};

// The supervisor's view of the audit log (supervisors and administrators; others are refused and
// the refusal audited): entries by staff member, citizen, action, purpose and period, newest
// first, each with its anomaly flags. The anomalies look at each staff member's entries around the
// rows (an hour before, a session after), not only at the entries the filter shows.
class AuditQueryService
{
public:
    // A session: from a profile opening until the same staff member opens another citizen's
    // profile, or this long at most.
    static constexpr int SessionMinutes = 120;
    // More distinct profiles than this within 60 minutes is flagged.
    static constexpr int ProfilesPerHour = 20;
    // Office hours, local time, Monday to Friday, in minutes after midnight: 07:30 to 18:30.
    static constexpr int OfficeOpens = 7 * 60 + 30;
    static constexpr int OfficeCloses = 18 * 60 + 30;

    explicit AuditQueryService(AuditService &audit);

    Expected<QList<AuditRow>, ServiceError> find(const StaffMember &staff, const AuditFilter &filter);
    // The staff members the log names, sorted: what the staff filter offers.
    Expected<QStringList, ServiceError> actors(const StaffMember &staff);
    // Checks the hash chain (AuditRepository::verify). The check is audited after it, so that its
    // own entry is not part of what was checked.
    Expected<AuditRepository::Verification, ServiceError> verifyChain(const StaffMember &staff);
    // The file of checkpoints (auditcheckpoint.h) that verifyChain() also compares the log with;
    // empty: none.
    void setCheckpointFile(const QString &file) { m_checkpointFile = file; }
    QString checkpointFile() const { return m_checkpointFile; }
    // What a verification found, translated, for a person.
    static QString describe(const AuditRepository::Verification &verification);
    // What every export of rows does first: the role check and an export entry (the format and the
    // number of rows, no citizen), durably on disk before the file is written.
    Expected<void, ServiceError> beforeExport(const StaffMember &staff, const QString &format, qsizetype rows);

    // The rows as CSV (RFC 4180, UTF-8, a header line): what the window exports.
    static QByteArray toCsv(const QList<AuditRow> &rows);
    // The rows as a readable HTML table for the PDF; criteria says what was asked (translated).
    static QString toHtml(const QList<AuditRow> &rows, const QString &criteria, const QDateTime &generated, const StaffMember &by);

private:
    // Fills each row's maskedCitizen.
    Expected<void, StoreError> addMaskedCitizens(QList<AuditRow> &rows);
    // The masked numbers (set on rows) and the (citizen, actor) pairs who share a family name, from
    // the store on a staff member's own login.
    Expected<QSet<std::pair<qint64, QString>>, StoreError> subjectsThroughServer(QList<AuditRow> &rows);

    AuditService &m_audit;
    QString m_checkpointFile;
    Database &m_db;
};

} // namespace C360
