// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/reportrepository.h"

#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QSet>

namespace C360
{

namespace
{
const QString reportColumns = QStringLiteral(
    "id, source_system, source_id, citizen_id, match_basis, service_code, service_name, description, status, status_notes, street, house_number, box, "
    "postcode, municipality, country_code, latitude, longitude, requested_at, updated_at, expected_at");

const RowWriter reportRows("reports",
                           {"source_system", "source_id",    "citizen_id", "match_basis",  "service_code", "service_name", "description",
                            "status",        "status_notes", "street",     "house_number", "box",          "postcode",     "municipality",
                            "country_code",  "latitude",     "longitude",  "requested_at", "updated_at",   "expected_at"},
                           "report");

QVariant nullableReal(const std::optional<GeoPoint> &point, double GeoPoint::*member)
{
    return point ? QVariant(*point.*member) : Sql::null();
}

Report readReport(const Statement &row)
{
    Report r;
    r.id = row.value(0).toLongLong();
    r.source = {row.value(1).toString(), row.value(2).toString()};
    r.citizenId = row.value(3).toLongLong();
    r.matchBasis = fromKey<MatchBasis>(row.value(4).toString()).value_or(MatchBasis::None);
    r.serviceCode = row.value(5).toString();
    r.serviceName = row.value(6).toString();
    r.description = row.value(7).toString();
    r.status = fromKey<ReportStatus>(row.value(8).toString()).value_or(ReportStatus::Open);
    r.statusNotes = row.value(9).toString();
    r.address.street = row.value(10).toString();
    r.address.number = row.value(11).toString();
    r.address.box = row.value(12).toString();
    r.address.postcode = row.value(13).toString();
    r.address.municipality = row.value(14).toString();
    r.address.countryCode = row.value(15).toString();
    if (!row.value(16).isNull() && !row.value(17).isNull()) {
        r.location = GeoPoint{row.value(16).toDouble(), row.value(17).toDouble()};
    }
    r.requested = Sql::toDateTime(row.value(18));
    r.updated = Sql::toDateTime(row.value(19));
    r.expected = Sql::toDateTime(row.value(20));
    return r;
}

// Reads (report_id, citizen_id, basis, state) rows into the reports they belong to.
void readCandidates(Statement &rows, QList<Report> &reports)
{
    const auto idOf = [](const Report &report) {
        return report.id;
    };
    readChildRows(rows, reports, idOf, [](Report &report, const Statement &row) {
        ReportCandidate c;
        c.citizenId = row.value(1).toLongLong();
        c.basis = fromKey<MatchBasis>(row.value(2).toString()).value_or(MatchBasis::Email);
        c.state = fromKey<CandidateState>(row.value(3).toString()).value_or(CandidateState::Possible);
        report.candidates.append(c);
    });
}
} // namespace

ReportRepository::ReportRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> ReportRepository::upsertBySource(const Report &report)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Report copy = report;
    QSet<qint64> rejected;
    if (!report.source.id.isEmpty()) {
        Statement existing(m_db, QStringLiteral("SELECT id, citizen_id, match_basis FROM reports WHERE source_system = ? AND source_id = ?"));
        if (auto r = existing.exec({Sql::sourceSystem(report.source.system), report.source.id}); !r) {
            return unexpected(std::move(r).error());
        }
        copy.id = 0;
        if (existing.next()) {
            copy.id = existing.value(0).toLongLong();
            if (copy.citizenId == 0 && existing.value(2).toString() == toKey(MatchBasis::Staff)) {
                copy.citizenId = existing.value(1).toLongLong();
                copy.matchBasis = MatchBasis::Staff;
            }
        }
    }
    if (copy.id != 0) {
        Statement previous(m_db, QStringLiteral("SELECT citizen_id FROM report_candidates WHERE report_id = ? AND state = ?"));
        if (auto r = previous.exec({copy.id, toKey(CandidateState::Rejected)}); !r) {
            return unexpected(std::move(r).error());
        }
        while (previous.next()) {
            rejected.insert(previous.value(0).toLongLong());
        }
    }
    QList<ReportCandidate> candidates;
    for (ReportCandidate c : std::as_const(copy.candidates)) {
        if (c.citizenId == copy.citizenId) {
            continue; // already the reporter
        }
        if (rejected.contains(c.citizenId)) {
            c.state = CandidateState::Rejected;
        }
        candidates.append(c);
    }
    qint64 id = copy.id;
    if (auto r = writeRow(copy, &id); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = writeCandidates(id, candidates); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<void, StoreError> ReportRepository::writeRow(const Report &report, qint64 *id)
{
    const QVariantList values = {
        Sql::sourceSystem(report.source.system),
        Sql::nullableText(report.source.id),
        Sql::nullableId(report.citizenId),
        toKey(report.matchBasis),
        report.serviceCode,
        report.serviceName,
        report.description,
        toKey(report.status),
        report.statusNotes,
        report.address.street,
        report.address.number,
        report.address.box,
        report.address.postcode,
        report.address.municipality,
        report.address.countryCode,
        nullableReal(report.location, &GeoPoint::latitude),
        nullableReal(report.location, &GeoPoint::longitude),
        Sql::fromDateTime(report.requested),
        Sql::fromDateTime(report.updated),
        Sql::fromDateTime(report.expected),
    };
    return reportRows.write(m_db, values, id);
}

Expected<void, StoreError> ReportRepository::writeCandidates(qint64 reportId, const QList<ReportCandidate> &candidates)
{
    Statement del(m_db, QStringLiteral("DELETE FROM report_candidates WHERE report_id = ?"));
    if (auto r = del.exec({reportId}); !r) {
        return r;
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO report_candidates (report_id, citizen_id, basis, state) VALUES (?, ?, ?, ?)"));
    for (const ReportCandidate &c : candidates) {
        if (auto r = insert.exec({reportId, c.citizenId, toKey(c.basis), toKey(c.state)}); !r) {
            return r;
        }
    }
    return {};
}

Expected<std::optional<Report>, StoreError> ReportRepository::find(qint64 id)
{
    Statement row(m_db, QStringLiteral("SELECT ") + reportColumns + QStringLiteral(" FROM reports WHERE id = ?"));
    if (auto r = row.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!row.next()) {
        return std::optional<Report>();
    }
    QList<Report> reports = {readReport(row)};
    row.finish();
    Statement candidates(m_db, QStringLiteral("SELECT report_id, citizen_id, basis, state FROM report_candidates WHERE report_id = ? ORDER BY rowid"));
    if (auto r = candidates.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    readCandidates(candidates, reports);
    return std::optional<Report>(std::move(reports.first()));
}

Expected<QList<Report>, StoreError> ReportRepository::forCitizen(qint64 citizenId)
{
    // UNION, not UNION ALL: a citizen both linked and still listed as a candidate appears once.
    const QString possible = toKey(CandidateState::Possible);
    auto reports = selectAll(m_db,
                             QStringLiteral("SELECT ") + reportColumns + QStringLiteral(" FROM reports WHERE citizen_id = ? UNION SELECT ") + reportColumns +
                                 QStringLiteral(" FROM reports WHERE id IN (SELECT report_id FROM report_candidates WHERE citizen_id = ? AND state = ?) "
                                                "ORDER BY requested_at DESC, id DESC"),
                             {citizenId, citizenId, possible},
                             readReport);
    if (!reports || reports->isEmpty()) {
        return reports;
    }
    // The candidates of all these reports in one query, selected the same way as the reports.
    Statement candidates(m_db,
                         QStringLiteral("SELECT report_id, citizen_id, basis, state FROM report_candidates WHERE report_id IN (SELECT id FROM reports "
                                        "WHERE citizen_id = ? UNION SELECT report_id FROM report_candidates WHERE citizen_id = ? AND state = ?) "
                                        "ORDER BY rowid"));
    if (auto r = candidates.exec({citizenId, citizenId, possible}); !r) {
        return unexpected(std::move(r).error());
    }
    readCandidates(candidates, *reports);
    return reports;
}

Expected<void, StoreError> ReportRepository::setCandidates(qint64 reportId, const QList<ReportCandidate> &candidates)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    auto exists = selectId(m_db, QStringLiteral("SELECT 1 FROM reports WHERE id = ?"), {reportId});
    if (!exists) {
        return unexpected(std::move(exists).error());
    }
    if (!exists->has_value()) {
        return unexpected(m_db.error(StoreError::Code::NoSuchRecord, QStringLiteral("no report with id %1").arg(reportId)));
    }
    if (auto r = writeCandidates(reportId, candidates); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<void, StoreError> ReportRepository::confirmCandidate(qint64 reportId, qint64 citizenId)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement del(m_db, QStringLiteral("DELETE FROM report_candidates WHERE report_id = ? AND citizen_id = ?"));
    if (auto r = del.exec({reportId, citizenId}); !r) {
        return r;
    }
    if (del.numRowsAffected() != 1) {
        return unexpected(
            m_db.error(StoreError::Code::NoSuchRecord, QStringLiteral("citizen %1 is not a candidate for report %2").arg(citizenId).arg(reportId)));
    }
    Statement link(m_db, QStringLiteral("UPDATE reports SET citizen_id = ?, match_basis = ? WHERE id = ?"));
    if (auto r = link.exec({citizenId, toKey(MatchBasis::Staff), reportId}); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<void, StoreError> ReportRepository::rejectCandidate(qint64 reportId, qint64 citizenId)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement reject(m_db, QStringLiteral("UPDATE report_candidates SET state = ? WHERE report_id = ? AND citizen_id = ?"));
    if (auto r = reject.exec({toKey(CandidateState::Rejected), reportId, citizenId}); !r) {
        return r;
    }
    if (reject.numRowsAffected() != 1) {
        return unexpected(
            m_db.error(StoreError::Code::NoSuchRecord, QStringLiteral("citizen %1 is not a candidate for report %2").arg(citizenId).arg(reportId)));
    }
    return transaction->commit();
}

Expected<qint64, StoreError> ReportRepository::count()
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM reports"));
}

} // namespace C360
