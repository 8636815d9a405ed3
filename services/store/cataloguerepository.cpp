// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/cataloguerepository.h"

#include "common/clock.h"
#include "searchtext.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

namespace C360
{

namespace
{
const QString entryColumns = QStringLiteral("e.id, e.source_system, e.source_id, e.product_id, e.target_audiences, e.themes, e.last_modified");

// The field keys of catalogue_texts.field, and where each lives in an entry.
struct TextField
{
    const char *key;
    LocalizedText CatalogueEntry::*member;
};
const TextField textFields[] = {
    {"name", &CatalogueEntry::name},
    {"description", &CatalogueEntry::description},
    {"conditions", &CatalogueEntry::conditions},
    {"procedure", &CatalogueEntry::procedure},
    {"cost", &CatalogueEntry::cost},
    {"required_documents", &CatalogueEntry::requiredDocuments},
    {"keywords", &CatalogueEntry::keywords},
};

// Keys are plain words ("citizen", "company"), so a comma cannot be part of one.
QString joinKeys(const QStringList &keys)
{
    return keys.join(QLatin1Char(','));
}

QStringList splitKeys(const QVariant &value)
{
    return value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

CatalogueEntry readEntry(const Statement &row)
{
    CatalogueEntry e;
    e.id = row.value(0).toLongLong();
    e.source = {row.value(1).toString(), row.value(2).toString()};
    e.productId = row.value(3).toString();
    e.targetAudiences = splitKeys(row.value(4));
    e.themes = splitKeys(row.value(5));
    e.lastModified = Sql::toDateTime(row.value(6));
    return e;
}

// Reads (entry_id, field, language, text) rows into the entries they belong to.
template<typename Item, typename GetEntry>
void readTexts(Statement &rows, QList<Item> &items, GetEntry entryOf)
{
    const auto idOf = [&entryOf](Item &item) {
        return entryOf(item).id;
    };
    readChildRows(rows, items, idOf, [&entryOf](Item &item, const Statement &row) {
        const QString field = row.value(1).toString();
        for (const TextField &f : textFields) {
            if (field == QLatin1String(f.key)) {
                (entryOf(item).*f.member).set(row.value(2).toString(), row.value(3).toString());
                break;
            }
        }
    });
}
} // namespace

CatalogueRepository::CatalogueRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> CatalogueRepository::upsertByProductId(const CatalogueEntry &entry)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    const QString system = Sql::sourceSystem(entry.source.system);
    Statement upsert(m_db,
                     QStringLiteral("INSERT INTO catalogue_entries (source_system, source_id, product_id, target_audiences, themes, last_modified) "
                                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_system, product_id) DO UPDATE SET source_id = excluded.source_id, "
                                    "target_audiences = excluded.target_audiences, themes = excluded.themes, last_modified = excluded.last_modified "
                                    "RETURNING id"));
    if (auto r = upsert.exec({system,
                              Sql::nullableText(entry.source.id),
                              entry.productId,
                              joinKeys(entry.targetAudiences),
                              joinKeys(entry.themes),
                              Sql::fromDateTime(entry.lastModified)});
        !r) {
        return unexpected(std::move(r).error());
    }
    if (!upsert.next()) {
        return unexpected(m_db.error(StoreError::Code::Query, QStringLiteral("the catalogue entry was not written")));
    }
    const qint64 id = upsert.value(0).toLongLong();
    upsert.finish();

    // The search index follows catalogue_texts through its triggers.
    Statement del(m_db, QStringLiteral("DELETE FROM catalogue_texts WHERE entry_id = ?"));
    if (auto r = del.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO catalogue_texts (entry_id, field, language, text) VALUES (?, ?, ?, ?)"));
    for (const TextField &f : textFields) {
        const QMap<QString, QString> &texts = (entry.*f.member).all();
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            if (auto r = insert.exec({id, QLatin1String(f.key), it.key(), it.value()}); !r) {
                return unexpected(std::move(r).error());
            }
        }
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<std::optional<CatalogueEntry>, StoreError> CatalogueRepository::find(qint64 id)
{
    return findWhere(QStringLiteral("e.id = ?"), {id});
}

Expected<std::optional<CatalogueEntry>, StoreError> CatalogueRepository::findByProductId(const QString &source, const QString &productId)
{
    return findWhere(QStringLiteral("e.source_system = ? AND e.product_id = ?"), {Sql::sourceSystem(source), productId});
}

Expected<std::optional<CatalogueEntry>, StoreError> CatalogueRepository::findWhere(const QString &condition, const QVariantList &values)
{
    Statement row(m_db, QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM catalogue_entries e WHERE ") + condition);
    if (auto r = row.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    if (!row.next()) {
        return std::optional<CatalogueEntry>();
    }
    QList<CatalogueEntry> entries = {readEntry(row)};
    row.finish();
    Statement texts(m_db, QStringLiteral("SELECT entry_id, field, language, text FROM catalogue_texts WHERE entry_id = ?"));
    if (auto r = texts.exec({entries.first().id}); !r) {
        return unexpected(std::move(r).error());
    }
    readTexts(texts, entries, [](CatalogueEntry &e) -> CatalogueEntry & {
        return e;
    });
    return std::optional<CatalogueEntry>(std::move(entries.first()));
}

Expected<QList<CatalogueEntry>, StoreError> CatalogueRepository::findMany(const QList<qint64> &ids)
{
    QList<CatalogueEntry> entries;
    if (ids.isEmpty()) {
        return entries;
    }
    QVariantList values;
    const QString in = inIds(ids, &values);
    auto found = selectAll(m_db, QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM catalogue_entries e WHERE e.id") + in, values, readEntry);
    if (!found) {
        return unexpected(std::move(found).error());
    }
    Statement texts(m_db, QStringLiteral("SELECT entry_id, field, language, text FROM catalogue_texts WHERE entry_id") + in);
    if (auto r = texts.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    readTexts(texts, *found, [](CatalogueEntry &e) -> CatalogueEntry & {
        return e;
    });
    // In the order of ids.
    QHash<qint64, qsizetype> position;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        position.insert(ids.at(i), i);
    }
    std::sort(found->begin(), found->end(), [&position](const CatalogueEntry &a, const CatalogueEntry &b) {
        return position.value(a.id) < position.value(b.id);
    });
    return found;
}

Expected<QList<qint64>, StoreError> CatalogueRepository::search(const QString &text, const QString &language, int limit)
{
    const QString match = m_db.dialect().prefixMatch(SearchText::fold(text));
    if (match.isEmpty() || limit <= 0) {
        return QList<qint64>();
    }
    // Each indexed row is one field in one language; an entry counts once, by its best row, the
    // full-text relevance in the innermost select (SqlDialect::catalogueMatches).
    const QString query = QStringLiteral("SELECT entry_id, MAX(preferred) AS preferred, MAX(in_name) AS in_name, MIN(relevance) AS relevance FROM ("
                                         "SELECT t.entry_id, CASE WHEN t.language = ? THEN 2 WHEN t.language = ? OR t.language LIKE ? THEN 1 ELSE 0 END "
                                         "AS preferred, CASE WHEN t.field = 'name' THEN 1 ELSE 0 END AS in_name, m.relevance FROM (") +
        m_db.dialect().catalogueMatches() +
        QStringLiteral(") m JOIN catalogue_texts t ON t.id = m.rowid) q "
                       "GROUP BY entry_id ORDER BY preferred DESC, in_name DESC, relevance, entry_id LIMIT ?");
    const QString base = language.section(QLatin1Char('-'), 0, 0);
    return selectIds(m_db, query, {language, base, QString(base + QLatin1String("-%")), match, limit});
}

Expected<void, StoreError> CatalogueRepository::linkToCitizen(qint64 citizenId, qint64 entryId, const QString &staffMember)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement link(m_db,
                   QStringLiteral("INSERT INTO citizen_catalogue_links (citizen_id, entry_id, linked_at, staff_member) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (citizen_id, entry_id) DO NOTHING"));
    if (auto r = link.exec({citizenId, entryId, Sql::fromDateTime(m_db.clock().now()), staffMember}); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<void, StoreError> CatalogueRepository::remove(qint64 id)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    // Texts and links go with it (ON DELETE CASCADE); the texts' triggers keep the index in step.
    Statement remove(m_db, QStringLiteral("DELETE FROM catalogue_entries WHERE id = ?"));
    if (auto r = remove.exec({id}); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<void, StoreError> CatalogueRepository::unlinkFromCitizen(qint64 citizenId, qint64 entryId)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement unlink(m_db, QStringLiteral("DELETE FROM citizen_catalogue_links WHERE citizen_id = ? AND entry_id = ?"));
    if (auto r = unlink.exec({citizenId, entryId}); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<QList<CatalogueRepository::CitizenLink>, StoreError> CatalogueRepository::linkedToCitizen(qint64 citizenId)
{
    auto links = selectAll(m_db,
                           QStringLiteral("SELECT ") + entryColumns +
                               QStringLiteral(", l.linked_at, l.staff_member FROM citizen_catalogue_links l JOIN catalogue_entries e ON e.id = l.entry_id "
                                              "WHERE l.citizen_id = ? ORDER BY l.linked_at DESC, e.id DESC"),
                           {citizenId},
                           [](const Statement &row) {
                               return CitizenLink{readEntry(row), Sql::toDateTime(row.value(7)), row.value(8).toString()};
                           });
    if (!links || links->isEmpty()) {
        return links;
    }
    Statement texts(m_db,
                    QStringLiteral("SELECT t.entry_id, t.field, t.language, t.text FROM catalogue_texts t "
                                   "JOIN citizen_catalogue_links l ON l.entry_id = t.entry_id WHERE l.citizen_id = ?"));
    if (auto r = texts.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readTexts(texts, *links, [](CitizenLink &l) -> CatalogueEntry & {
        return l.entry;
    });
    return links;
}

Expected<qint64, StoreError> CatalogueRepository::count()
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM catalogue_entries"));
}

} // namespace C360
