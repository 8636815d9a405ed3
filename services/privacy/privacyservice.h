// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "casefile.h"

#include <QJsonObject>

namespace C360
{
class Database;

// What a citizen may ask of the municipality under the GDPR, each audited with its purpose before
// anything is read:
//  - the access report (art. 15): who looked at their profile, when and why;
//  - the export of everything the store holds about them (art. 15 and 20).
class PrivacyService
{
public:
    explicit PrivacyService(AuditService &audit);

    // The citizen with this national register, BIS or BSN number (separators allowed). Invalid
    // (translated, says why) for a number that is not one; NotFound for one nobody here has.
    // Reads no profile data: nothing to audit.
    Expected<qint64, ServiceError> citizenByNumber(const QString &number);

    struct AccessReport
    {
        Citizen citizen;
        QDateTime generated; // UTC
        StaffMember generatedBy;
        QList<AuditEntry> entries; // every entry about the citizen, oldest first, this one's too
    };
    // Supervisors and administrators. The report's own access_report entry is written first, and
    // is its last line.
    Expected<AccessReport, ServiceError> accessReport(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);

    struct Export
    {
        CaseFile file;
        QList<AuditEntry> accesses;
        QDateTime generated; // UTC
        StaffMember generatedBy;
        Purpose purpose;
    };
    // Administrators. Everything about the citizen, and who accessed it; the export entry is
    // written first.
    Expected<Export, ServiceError> exportCitizen(const StaffMember &staff, qint64 citizenId, const Purpose &purpose);

    // The JSON documents (field names in English, times in ISO 8601 UTC, enums as keys).
    static QJsonObject toJson(const AccessReport &report);
    static QJsonObject toJson(const Export &data);
    // The same, as readable HTML for the PDF (in the UI language).
    static QString toHtml(const AccessReport &report);
    static QString toHtml(const Export &data);

private:
    AuditService &m_audit;
    Database &m_db;
};

} // namespace C360
