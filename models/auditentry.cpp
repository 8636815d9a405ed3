// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "auditentry.h"

#include <KLocalizedString>

namespace C360
{

QString auditActionName(AuditAction action)
{
    switch (action) {
    case AuditAction::Search:
        return i18nc("@item audit action", "Search");
    case AuditAction::SearchResultShown:
        return i18nc("@item audit action", "Shown in search results");
    case AuditAction::ProfileOpened:
        return i18nc("@item audit action", "Profile opened");
    case AuditAction::IdentifierRevealed:
        return i18nc("@item audit action", "National number shown");
    case AuditAction::Print:
        return i18nc("@item audit action", "Printed");
    case AuditAction::Export:
        return i18nc("@item audit action", "Exported");
    case AuditAction::Change:
        return i18nc("@item audit action", "Changed");
    case AuditAction::Purge:
        return i18nc("@item audit action", "Purged");
    case AuditAction::Login:
        return i18nc("@item audit action", "Signed in");
    case AuditAction::LoginFailed:
        return i18nc("@item audit action", "Sign-in failed");
    case AuditAction::AccessDenied:
        return i18nc("@item audit action", "Access refused");
    case AuditAction::AccessReport:
        return i18nc("@item audit action", "Access report made");
    case AuditAction::AuditVerified:
        return i18nc("@item audit action", "Audit log verified");
    case AuditAction::Logout:
        return i18nc("@item audit action", "Signed out");
    case AuditAction::SessionLocked:
        return i18nc("@item audit action", "Window locked");
    case AuditAction::ContactEnded:
        return i18nc("@item audit action", "Contact ended");
    }
    return toKey(action);
}

QString auditOutcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return i18nc("@item audit outcome", "Done");
    case AuditOutcome::Denied:
        return i18nc("@item audit outcome", "Refused");
    case AuditOutcome::Failed:
        return i18nc("@item audit outcome", "Failed");
    }
    return toKey(outcome);
}

} // namespace C360
