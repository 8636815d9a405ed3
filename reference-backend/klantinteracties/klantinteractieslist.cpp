// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// How the Klantinteracties list routes answer: a scope or the whole collection, filters as tests
// on the rendered records, pages newest first.

#include "klantinteracties/klantinteractiesroutes.h"

#include <algorithm>

namespace C360::Ref
{

QString klantinteractiesPath(const char *collection, bool detail)
{
    return QStringLiteral("/klantinteracties/api/v1/") + QLatin1String(collection) + (detail ? QStringLiteral("/([^/]+)") : QString());
}

void KlantinteractiesList::narrow(const std::vector<quint64> &candidates)
{
    if (!scope) {
        scope = candidates;
        return;
    }
    std::vector<quint64> both;
    for (const quint64 c : *scope) {
        if (std::find(candidates.cbegin(), candidates.cend(), c) != candidates.cend()) {
            both.push_back(c);
        }
    }
    scope = both;
}

void KlantinteractiesList::add(const QString &name, std::function<bool(quint64, const QJsonObject &)> test, std::optional<bool> onGenerated)
{
    predicates.push_back({name, std::move(test), onGenerated});
}

namespace
{
QJsonValue field(const QJsonObject &record, const QString &path)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    return dot < 0 ? record.value(path) : record.value(path.left(dot)).toObject().value(path.mid(dot + 1));
}
} // namespace

void KlantinteractiesList::exact(KlantinteractiesQuery &query, const QString &name, const QString &path, std::optional<QString> allGenerated)
{
    if (const auto value = query.text(name)) {
        add(
            name,
            [path, v = *value](quint64, const QJsonObject &r) {
                return field(r, path).toString() == v;
            },
            allGenerated ? std::optional<bool>(*allGenerated == *value) : std::nullopt);
    }
}

void KlantinteractiesList::contains(KlantinteractiesQuery &query, const QString &name, const QString &path, std::optional<QString> allGenerated)
{
    if (const auto value = query.text(name)) {
        add(
            name,
            [path, v = *value](quint64, const QJsonObject &r) {
                return field(r, path).toString().contains(v, Qt::CaseInsensitive);
            },
            allGenerated ? std::optional<bool>(allGenerated->contains(*value, Qt::CaseInsensitive)) : std::nullopt);
    }
}

void KlantinteractiesList::flag(KlantinteractiesQuery &query, const QString &name, const QString &path, std::optional<bool> allGenerated)
{
    if (const auto value = query.boolean(name)) {
        add(
            name,
            [path, v = *value](quint64, const QJsonObject &r) {
                return field(r, path).isBool() && field(r, path).toBool() == v;
            },
            allGenerated ? std::optional<bool>(*allGenerated == *value) : std::nullopt);
    }
}

void KlantinteractiesList::check(KlantinteractiesQuery &query) const
{
    if (scope || none) {
        return;
    }
    for (const KlantinteractiesPredicate &p : predicates) {
        if (!p.onGenerated) {
            query.needsScope(p.name);
        }
    }
}

HttpReply serveList(const HttpRequest &request, const KlantinteractiesList &list)
{
    auto passes = [&list](quint64 index, const QJsonObject &record) {
        return std::all_of(list.predicates.cbegin(), list.predicates.cend(), [&](const KlantinteractiesPredicate &p) {
            return p.test(index, record);
        });
    };
    auto finished = [&list](QJsonObject record, quint64 index) {
        if (list.decorate) {
            list.decorate(record, index);
        }
        return record;
    };
    if (list.none) {
        return KlantinteractiesHttp::paged(request, 0, [](quint64, quint64) {
            return QJsonArray();
        });
    }

    // Newest first: indices descending (created records, numbered above the generated ones, lead).
    std::vector<std::pair<quint64, QJsonObject>> selected;
    const std::vector<quint64> &few = list.scope ? *list.scope : list.created;
    for (const quint64 index : few) {
        const QJsonObject record = list.render(index);
        if (passes(index, record)) {
            selected.emplace_back(index, record);
        }
    }
    std::sort(selected.begin(), selected.end(), [](const auto &a, const auto &b) {
        return a.first > b.first;
    });
    selected.erase(std::unique(selected.begin(),
                               selected.end(),
                               [](const auto &a, const auto &b) {
                                   return a.first == b.first;
                               }),
                   selected.end());

    const bool generatedPass = !list.scope && std::all_of(list.predicates.cbegin(), list.predicates.cend(), [](const KlantinteractiesPredicate &p) {
        return p.onGenerated.value_or(false);
    });
    const quint64 first = selected.size();
    const quint64 generated = generatedPass ? list.generatedCount() : 0;
    return KlantinteractiesHttp::paged(request, first + generated, [&](quint64 offset, quint64 limit) {
        QJsonArray results;
        quint64 position = offset;
        for (; position < first && position < offset + limit; ++position) {
            results.append(finished(selected[position].second, selected[position].first));
        }
        if (position < offset + limit && generated > 0) {
            // Descending positions q0 … q1 are ascending ordinals generated-1-q1 … generated-1-q0.
            const quint64 q0 = position - first;
            const quint64 q1 = std::min(offset + limit - first, generated) - 1;
            std::vector<quint64> ascending = list.generated(generated - 1 - q1, q1 - q0 + 1);
            std::reverse(ascending.begin(), ascending.end());
            for (const quint64 index : ascending) {
                results.append(finished(list.render(index), index));
            }
        }
        return results;
    });
}

QSet<QString> effectiveExpand(const QSet<QString> &asked)
{
    QSet<QString> out;
    for (const QString &path : asked) {
        bool parentsAsked = true;
        for (qsizetype dot = path.indexOf(QLatin1Char('.')); dot >= 0; dot = path.indexOf(QLatin1Char('.'), dot + 1)) {
            parentsAsked = parentsAsked && asked.contains(path.left(dot));
        }
        if (parentsAsked) {
            out.insert(path);
        }
    }
    return out;
}

void expandDetail(QJsonObject &record, const QJsonObject &expanded)
{
    if (!expanded.isEmpty()) {
        record[QStringLiteral("_expand")] = expanded;
    }
}

QStringList identifierChoices(const DataSet &data, const QString &field)
{
    QStringList choices;
    if (field == QLatin1String("codeObjecttype")) {
        choices = {QStringLiteral("natuurlijk_persoon"), QStringLiteral("niet_natuurlijk_persoon"), QStringLiteral("vestiging")};
    } else if (field == QLatin1String("codeRegister")) {
        choices = {QStringLiteral("brp"), QStringLiteral("hr")};
        if (data.profile() == Profile::Flanders) {
            choices << QStringLiteral("rr") << QStringLiteral("bis"); // the documented Flemish departure
        }
    } else {
        choices = {QStringLiteral("bsn"), QStringLiteral("vestigingsnummer"), QStringLiteral("kvk_nummer"), QStringLiteral("rsin")};
        if (data.profile() == Profile::Flanders) {
            choices << QStringLiteral("rijksregisternummer") << QStringLiteral("bisnummer");
        }
    }
    return choices;
}

std::optional<quint32> partyFilter(KlantinteractiesBackend &backend, KlantinteractiesQuery &query, const QString &prefix, bool *given)
{
    // Any of these names one party; a party that does not exist (or is gone) leaves no records.
    constexpr quint64 Nobody = ~quint64(0);
    *given = false;
    quint64 party = Nobody;
    auto found = [&](std::optional<quint64> index) {
        const quint64 named = index.value_or(Nobody);
        party = *given && party != named ? Nobody : named; // two filters naming different parties: none
        *given = true;
    };
    if (const auto uuid = query.uuid(prefix + QStringLiteral("__uuid"))) {
        found(backend.find(UuidKind::Party, *uuid));
    }
    if (const auto url = query.url(prefix + QStringLiteral("__url"))) {
        found(backend.findUrl(UuidKind::Party, *url));
    }
    if (const auto id = query.text(prefix + QStringLiteral("__partijIdentificator__objectId"))) {
        const auto citizen = backend.data().citizenWithIdentifier(*id);
        found(citizen && backend.live(UuidKind::Party, *citizen) ? std::optional<quint64>(*citizen) : std::nullopt);
    }
    if (const auto nummer = query.text(prefix + QStringLiteral("__nummer"))) {
        bool ok = false;
        const quint64 n = nummer->toULongLong(&ok);
        const bool valid = ok && n >= 1 && nummer->size() == 10 && backend.live(UuidKind::Party, n - 1);
        found(valid ? std::optional<quint64>(n - 1) : std::nullopt);
    }
    return party != Nobody ? std::optional<quint32>(quint32(party)) : std::nullopt;
}

void identifierCodeFilters(KlantinteractiesBackend &backend,
                           KlantinteractiesQuery &query,
                           KlantinteractiesList &list,
                           const QString &prefix,
                           std::function<QJsonArray(quint64, const QJsonObject &)> identifiers)
{
    // The profile's codes: one for every party (nl), or two per field (Flanders: register / BIS).
    const bool flanders = backend.data().profile() == Profile::Flanders;
    const struct
    {
        const char *field;
        QStringList used;
    } fields[] = {
        {"codeObjecttype", {QStringLiteral("natuurlijk_persoon")}},
        {"codeRegister", flanders ? QStringList{QStringLiteral("rr"), QStringLiteral("bis")} : QStringList{QStringLiteral("brp")}},
        {"codeSoortObjectId", flanders ? QStringList{QStringLiteral("rijksregisternummer"), QStringLiteral("bisnummer")} : QStringList{QStringLiteral("bsn")}},
    };
    for (const auto &f : fields) {
        const QString field = QLatin1String(f.field);
        // "partijIdentificator__codeRegister" on parties, "partijIdentificatorCodeRegister" (an
        // enum in the OpenAPI document) on the identifiers themselves.
        const bool nested = prefix.endsWith(QLatin1String("__"));
        const QString name = nested ? QString(prefix + field) : QString(prefix + field.at(0).toUpper() + field.mid(1));
        const auto value = nested ? query.text(name) : query.choice(name, identifierChoices(backend.data(), field));
        if (!value) {
            continue;
        }
        const std::optional<bool> onGenerated = !f.used.contains(*value) ? std::optional<bool>(false)
            : f.used.size() == 1                                         ? std::optional<bool>(true)
                                                                         : std::nullopt;
        list.add(
            name,
            [field, v = *value, identifiers](quint64 index, const QJsonObject &record) {
                const QJsonArray ids = identifiers(index, record);
                return std::any_of(ids.cbegin(), ids.cend(), [&](const QJsonValue &id) {
                    return id[QStringLiteral("partijIdentificator")][field].toString() == v;
                });
            },
            onGenerated);
    }
}

} // namespace C360::Ref
