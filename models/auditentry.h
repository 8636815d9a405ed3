// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"
#include "role.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace C360
{

enum class AuditAction {
    Search,
    SearchResultShown,
    ProfileOpened,
    IdentifierRevealed,
    Print,
    Export,
    Change,
    Purge,
    Login,
    LoginFailed,
    AccessDenied,
    AccessReport,
    AuditVerified,
    Logout,
    SessionLocked,
    ContactEnded,
};
C360_ENUM_KEYS(AuditAction,
               {AuditAction::Search, "search"},
               {AuditAction::SearchResultShown, "search_result_shown"},
               {AuditAction::ProfileOpened, "profile_opened"},
               {AuditAction::IdentifierRevealed, "identifier_revealed"},
               {AuditAction::Print, "print"},
               {AuditAction::Export, "export"},
               {AuditAction::Change, "change"},
               {AuditAction::Purge, "purge"},
               {AuditAction::Login, "login"},
               {AuditAction::LoginFailed, "login_failed"},
               {AuditAction::AccessDenied, "access_denied"},
               {AuditAction::AccessReport, "access_report"},
               {AuditAction::AuditVerified, "audit_verified"},
               {AuditAction::Logout, "logout"},
               {AuditAction::SessionLocked, "session_locked"},
               {AuditAction::ContactEnded, "contact_ended"})

enum class AuditOutcome { Success, Denied, Failed };
C360_ENUM_KEYS(AuditOutcome, {AuditOutcome::Success, "success"}, {AuditOutcome::Denied, "denied"}, {AuditOutcome::Failed, "failed"})

// One line of the tamper-evident access log: who did what to whose profile, why, and with what
// result, chained to the line before it by a keyed hash.
struct AuditEntry
{
    qint64 sequence = 0;
    QDateTime time; // UTC
    QString actor;
    Role role = Role::CounterClerk;
    QString workstation;
    AuditAction action = AuditAction::ProfileOpened;
    qint64 subjectCitizenId = 0; // 0 = no single citizen
    QString purposeCode;
    QString purposeText;
    AuditOutcome outcome = AuditOutcome::Success;
    QString details; // JSON object, never raw identifiers or search text
    QByteArray previousHash;
    QByteArray hash;

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

// The translated name of what an audit entry records ("Profile opened").
QString auditActionName(AuditAction action);
// The translated outcome of an audited call ("Done", "Refused", "Failed").
QString auditOutcomeName(AuditOutcome outcome);

// Why an entry deserves a second look.
struct AuditAnomaly
{
    enum class Kind {
        NothingRegistered, // a profile opened with no contact or request registered in that session
        ManyProfiles, // many distinct profiles opened within an hour
        OutsideOfficeHours,
        OwnFamilyName, // a staff member opening a profile with their own family name
    };
    Kind kind;
    QString reason; // translated, with the figures
};

struct AuditRow
{
    AuditEntry entry;
    QList<AuditAnomaly> anomalies;
    QString maskedCitizen; // the subject's masked number; empty when none or no longer stored
};

} // namespace C360
