// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "case/casechanges.h"
#include "casefile.h"

namespace C360
{

// The municipality's products and services in a case: searched, suggested for the open case, and
// linked to the citizen (a change, audited in the link's transaction).
class CatalogueService
{
public:
    explicit CatalogueService(AuditService &audit);

    Expected<void, ServiceError> linkCatalogue(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, qint64 entryId);
    // Products and services whose texts hold every word of text as a prefix, those in language
    // (else Dutch) first. No profile data: not audited.
    Expected<QList<CatalogueEntry>, ServiceError> searchCatalogue(const QString &text, const QString &language, int limit = 50);
    // Products that relate to the case, not linked yet, each with its reason: first those for the
    // citizen's life events as of today (lifeevents.h), then those matching the categories of the
    // open reports and the questions of the open requests.
    Expected<QList<CatalogueSuggestion>, ServiceError> suggestions(const CaseFile &file, const QString &language, int limit = 5);

private:
    AuditService &m_audit;
    Database &m_db;
    CaseChanges m_changes; // for the link's audit entry; a link is not pushed
};

} // namespace C360
