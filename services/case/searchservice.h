// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditservice.h"
#include "searchhit.h"

#include <QDateTime>
#include <QSet>

#include <QDate>

namespace C360
{

// Finds citizens from what staff type: a name (any order of given and family names, prefixes,
// accents and case ignored, particles written apart or together), a national register number
// (with or without separators, whole or its first digits), a phone number in any format, an
// e-mail address, a birth date (31/12/1980, 31-12-1980, 31.12.1980, 1980-12-31) or a postcode with
// a house number ("9000 12").
//
// Each search writes a search entry to the audit log (its kind, and a keyed hash instead of the
// text when it holds an identifier) and a search_result_shown entry for each citizen returned
// that this typing did not show yet, committed before the results are returned (see search()).
// Texts under two characters find nothing and are not searched.
//
// Typing is one search session: keystrokes of one staff member at one workstation, each text
// extending or shortening the one before, at most SessionGapSeconds apart. A citizen shown on
// "Pee", "Peet" and "Peeters" appeared in that one search: the first keystroke that shows them
// records it, and every keystroke still has its own search entry with its result count.
class SearchService
{
public:
    static constexpr int DefaultLimit = 50;
    static constexpr int SessionGapSeconds = 30;

    explicit SearchService(AuditService &audit);

    struct Query
    {
        SearchKind kind = SearchKind::Name;
        QString text; // normalised for its kind: folded name, digits, phone digits, lower-case e-mail
        QDate date; // BirthDate
        QString postcode; // Address
        QString houseNumber; // Address, may be empty
        int birthYear = 0; // Name: a year typed with the name ("peeters 1985"), 0 for none
    };
    // What text is taken for; nullopt when it is too short to search.
    static std::optional<Query> classify(const QString &text);

    // The first limit citizens text finds, in name order, and how many it finds in all (counted up
    // to SearchResult::CountCap). Audited: the search and each citizen shown.
    Expected<SearchResult, ServiceError> search(const StaffMember &staff, const QString &text, int limit = DefaultLimit);
    // The ids the query finds, without audit and without the rows: what search() and the
    // benchmark's baseline share.
    Expected<QList<qint64>, StoreError> findIds(const Query &query, int limit);

private:
    // search() once the query is known: the ids, their rows and the audit entries, in one transaction.
    Expected<SearchResult, ServiceError> searchAndAudit(const StaffMember &staff, const Query &query, const QString &typed, int limit);
    // The same on a shared store signed in to as a staff member's own role, which reads no
    // citizen unaudited: the store's c360_search finds, shows and audits in one call (schema 9).
    Expected<SearchResult, ServiceError> searchThroughServer(const StaffMember &staff, const Query &query, const QString &typed, int limit);
    // The citizens already shown (and audited) to this staff member in this typing, if typed
    // continues it.
    QSet<qint64> shownInThisTyping(const QString &staffKey, const QString &typed, const QDateTime &now) const;
    // What the search entry says of the search (never an identifier in clear).
    QJsonObject searchDetails(const Query &query, const QString &typed) const;
    // The ids query of a search, ending in "LIMIT ?" (its value for the caller to add).
    struct IdQuery
    {
        QString sql;
        QVariantList values;
    };
    std::optional<IdQuery> idQuery(const Query &query) const;
    // The first limit citizens query finds, in name order, and how many it finds (up to the cap + 1).
    Expected<QList<SearchHit>, StoreError> hits(const Query &query, int limit, int *matches);

    AuditService &m_audit;
    Database &m_db;
    // The search session typing is in (see above).
    struct Session
    {
        QString staff; // name and workstation
        QString text; // the last keystroke's text
        QDateTime at;
        QSet<qint64> shown; // citizens whose search_result_shown entry it wrote
    };
    Session m_session;
};

} // namespace C360
