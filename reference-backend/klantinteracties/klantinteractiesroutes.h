// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Internal to the Klantinteracties API: how its list routes answer, shared by the route files.

#include "klantinteracties/klantinteractiesbackend.h"
#include "klantinteracties/klantinteractieshttp.h"

namespace C360::Ref
{

// One filter as a test on a rendered record, and what it means for the generated records as a
// whole when no narrowing filter is given: all pass, none pass, or it varies (then it would need a
// scan, and the route refuses it).
struct KlantinteractiesPredicate
{
    QString name;
    std::function<bool(quint64 index, const QJsonObject &record)> test;
    std::optional<bool> onGenerated;
};

// What a list route answers: a scope (the few candidates a party or contact filter leaves), or the
// whole generated collection, paged in O(page), with the live created records before it (newest
// first, as Open Klant orders by -pk).
struct KlantinteractiesList
{
    std::function<QJsonObject(quint64)> render;
    std::function<void(QJsonObject &, quint64)> decorate; // _expand, for the resources that have it
    std::vector<KlantinteractiesPredicate> predicates;
    std::optional<std::vector<quint64>> scope;
    bool none = false; // a filter already excludes everything
    std::function<quint64()> generatedCount; // asked only when generated records can match
    std::function<std::vector<quint64>(quint64 offset, quint64 limit)> generated; // ascending
    std::vector<quint64> created;

    // The generated records: backend's count of the live ones and a page of them, two member
    // functions of KlantinteractiesBackend (liveContactCount and liveContacts, …).
    template<typename Count, typename Page>
    void generatedBy(KlantinteractiesBackend &backend, Count count, Page page)
    {
        generatedCount = [&backend, count] {
            return quint64((backend.*count)());
        };
        generated = [&backend, page](quint64 offset, quint64 limit) {
            return (backend.*page)(offset, limit);
        };
    }

    // Narrows the scope to these candidates (intersecting with an earlier scope).
    void narrow(const std::vector<quint64> &candidates);
    void narrow(const QList<quint64> &candidates) { narrow(std::vector<quint64>(candidates.cbegin(), candidates.cend())); }
    void add(const QString &name, std::function<bool(quint64, const QJsonObject &)> test, std::optional<bool> onGenerated);
    // Exact, case-insensitive substring and boolean matches on a field ("group.field" for a
    // nested one). allGenerated: the value every generated record has, if they all have the same
    // (a null string for "empty or absent"); without it the filter needs a scope.
    void exact(KlantinteractiesQuery &query, const QString &name, const QString &field, std::optional<QString> allGenerated = std::nullopt);
    void contains(KlantinteractiesQuery &query, const QString &name, const QString &field, std::optional<QString> allGenerated = std::nullopt);
    void flag(KlantinteractiesQuery &query, const QString &name, const QString &field, std::optional<bool> allGenerated = std::nullopt);
    // Reports the filters that would need a scan (call once all filters are read).
    void check(KlantinteractiesQuery &query) const;
};

HttpReply serveList(const HttpRequest &request, const KlantinteractiesList &list);

// The expansions that take effect: a nested path only with its parent also asked for, as Open
// Klant's expand loader does.
QSet<QString> effectiveExpand(const QSet<QString> &asked);
// Adds _expand to a detail record when an expansion took effect.
void expandDetail(QJsonObject &record, const QJsonObject &expanded);

// Filters common to several routes: a party named by uuid, url, nummer or identifier; the codes
// of its identifier.
std::optional<quint32> partyFilter(KlantinteractiesBackend &backend, KlantinteractiesQuery &query, const QString &prefix, bool *given);
void identifierCodeFilters(KlantinteractiesBackend &backend,
                           KlantinteractiesQuery &query,
                           KlantinteractiesList &list,
                           const QString &prefix,
                           std::function<QJsonArray(quint64, const QJsonObject &)> identifiers);
// The identifier code choices for the partij-identificatoren filters: the OpenAPI enums, plus the
// Flemish codes in that profile.
QStringList identifierChoices(const DataSet &data, const QString &field);
// Live contacts whose nummer (or referentienummer) is value.
std::vector<quint64> klantinteractiesContactsNumbered(KlantinteractiesBackend &backend, const QString &field, const QString &value);

using KlantinteractiesBackendPtr = std::shared_ptr<KlantinteractiesBackend>;
void installKlantinteractiesPartyRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token);
void installKlantinteractiesContactRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token);
void installKlantinteractiesTaskRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token);
void installKlantinteractiesCreateRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token);

QString klantinteractiesPath(const char *collection, bool detail = false);

// A detail route: the record by its UUID, _expand when asked.
template<typename Render>
Handler klantinteractiesDetail(const KlantinteractiesBackendPtr &backend, UuidKind kind, const QStringList &expandChoices, Render render)
{
    return [backend, kind, expandChoices, render](const HttpRequest &request) {
        KlantinteractiesQuery q(request, {});
        // Only the routes with expansions know the parameter (elsewhere it is ignored, as unknown).
        const QSet<QString> expand = expandChoices.isEmpty() ? QSet<QString>() : effectiveExpand(q.expand(expandChoices));
        if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
            return KlantinteractiesHttp::invalid(request, errors);
        }
        const auto index = backend->find(kind, request.match.captured(1));
        if (!index) {
            return KlantinteractiesHttp::notFound(request);
        }
        return HttpReply::json(render(*backend, *index, expand, KlantinteractiesHttp::root(request)));
    };
}

} // namespace C360::Ref
