// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "contactmomentrepository.h"

#include "clock.h"
#include "database.h"
#include "sqlvalue.h"
#include "statement.h"
#include "transaction.h"

#include <QHash>

namespace c360
{

namespace
{
const QString contactColumns = QStringLiteral("id, source_system, source_id, citizen_id, channel, subject, body, outcome, staff_member, occurred_at");

StoreError invalid(const Database &db, const QString &detail)
{
    StoreError e;
    e.code = StoreError::Code::Query;
    e.path = db.path();
    e.detail = detail;
    return e;
}

ContactMoment readContact(const Statement &row)
{
    ContactMoment c;
    c.id = row.value(0).toLongLong();
    c.source = {row.value(1).toString(), row.value(2).toString()};
    c.citizenId = row.value(3).toLongLong();
    c.channel = fromKey<Channel>(row.value(4).toString()).value_or(Channel::Counter);
    c.subject = row.value(5).toString();
    c.text = row.value(6).toString();
    c.outcome = fromKey<ContactOutcome>(row.value(7).toString()).value_or(ContactOutcome::Answered);
    c.staffMember = row.value(8).toString();
    c.time = sql::toDateTime(row.value(9));
    return c;
}

// Reads (contact_moment_id, report_id, request_id, entry_id) rows into the contacts they belong to.
void readLinks(Statement &rows, QList<ContactMoment> &contacts)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        index.insert(contacts.at(i).id, i);
    }
    while (rows.next()) {
        const auto it = index.constFind(rows.value(0).toLongLong());
        if (it == index.cend()) {
            continue;
        }
        ItemLink link;
        if (!rows.value(1).isNull()) {
            link = {ItemKind::Report, rows.value(1).toLongLong()};
        } else if (!rows.value(2).isNull()) {
            link = {ItemKind::Request, rows.value(2).toLongLong()};
        } else {
            link = {ItemKind::CatalogueEntry, rows.value(3).toLongLong()};
        }
        contacts[*it].links.append(link);
    }
}
} // namespace

ContactMomentRepository::ContactMomentRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> ContactMomentRepository::insert(const ContactMoment &contact)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = 0;
    if (auto r = writeRow(contact, &id); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = writeLinks(id, contact.links); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<qint64, StoreError> ContactMomentRepository::upsertBySource(const ContactMoment &contact)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = contact.id;
    if (!contact.source.id.isEmpty()) {
        Statement existing(m_db, QStringLiteral("SELECT id FROM contact_moments WHERE source_system = ? AND source_id = ?"));
        if (auto r = existing.exec({contact.source.system.isEmpty() ? QStringLiteral("local") : contact.source.system, contact.source.id}); !r) {
            return unexpected(std::move(r).error());
        }
        id = existing.next() ? existing.value(0).toLongLong() : 0;
    }
    if (auto r = writeRow(contact, &id); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = writeLinks(id, contact.links); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<void, StoreError> ContactMomentRepository::writeRow(const ContactMoment &c, qint64 *id)
{
    QVariantList values = {
        c.source.system.isEmpty() ? QStringLiteral("local") : c.source.system,
        sql::nullableText(c.source.id),
        sql::nullableId(c.citizenId),
        toKey(c.channel),
        c.subject,
        c.text,
        toKey(c.outcome),
        c.staffMember,
        sql::fromDateTime(c.time.isValid() ? c.time : m_db.clock().now()),
    };
    if (*id == 0) {
        Statement insert(m_db,
                         QStringLiteral("INSERT INTO contact_moments (source_system, source_id, citizen_id, channel, subject, body, outcome, staff_member, "
                                        "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (auto r = insert.exec(values); !r) {
            return r;
        }
        *id = insert.lastInsertId();
        return {};
    }
    Statement update(m_db,
                     QStringLiteral("UPDATE contact_moments SET source_system = ?, source_id = ?, citizen_id = ?, channel = ?, subject = ?, body = ?, "
                                    "outcome = ?, staff_member = ?, occurred_at = ? WHERE id = ?"));
    values.append(*id);
    if (auto r = update.exec(values); !r) {
        return r;
    }
    if (update.numRowsAffected() != 1) {
        return unexpected(invalid(m_db, QStringLiteral("no contact moment with id %1").arg(*id)));
    }
    return {};
}

Expected<void, StoreError> ContactMomentRepository::writeLinks(qint64 id, const QList<ItemLink> &links)
{
    Statement del(m_db, QStringLiteral("DELETE FROM contact_moment_links WHERE contact_moment_id = ?"));
    if (auto r = del.exec({id}); !r) {
        return r;
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id, report_id, request_id, entry_id) VALUES (?, ?, ?, ?)"));
    for (const ItemLink &link : links) {
        if (link.kind == ItemKind::ContactMoment) {
            return unexpected(invalid(m_db, QStringLiteral("contact moment %1 cannot link to another contact moment").arg(id)));
        }
        // One column per kind, so that each link has a real foreign key; an id of 0 is written as
        // NULL and the row's CHECK refuses it.
        const auto column = [&link](ItemKind kind) {
            return link.kind == kind ? sql::nullableId(link.id) : sql::null();
        };
        if (auto r = insert.exec({id, column(ItemKind::Report), column(ItemKind::Request), column(ItemKind::CatalogueEntry)}); !r) {
            return r;
        }
    }
    return {};
}

Expected<std::optional<ContactMoment>, StoreError> ContactMomentRepository::find(qint64 id)
{
    Statement row(m_db, QStringLiteral("SELECT ") + contactColumns + QStringLiteral(" FROM contact_moments WHERE id = ?"));
    if (auto r = row.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!row.next()) {
        return std::optional<ContactMoment>();
    }
    QList<ContactMoment> contacts = {readContact(row)};
    row.finish();
    Statement links(m_db,
                    QStringLiteral("SELECT contact_moment_id, report_id, request_id, entry_id FROM contact_moment_links WHERE contact_moment_id = ? "
                                   "ORDER BY rowid"));
    if (auto r = links.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    readLinks(links, contacts);
    return std::optional<ContactMoment>(std::move(contacts.first()));
}

Expected<QList<ContactMoment>, StoreError> ContactMomentRepository::forCitizen(qint64 citizenId)
{
    Statement rows(
        m_db, QStringLiteral("SELECT ") + contactColumns + QStringLiteral(" FROM contact_moments WHERE citizen_id = ? ORDER BY occurred_at DESC, id DESC"));
    if (auto r = rows.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    QList<ContactMoment> contacts;
    while (rows.next()) {
        contacts.append(readContact(rows));
    }
    rows.finish();
    if (contacts.isEmpty()) {
        return contacts;
    }
    Statement links(m_db,
                    QStringLiteral("SELECT l.contact_moment_id, l.report_id, l.request_id, l.entry_id FROM contact_moment_links l "
                                   "JOIN contact_moments c ON c.id = l.contact_moment_id WHERE c.citizen_id = ? ORDER BY l.rowid"));
    if (auto r = links.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readLinks(links, contacts);
    return contacts;
}

Expected<qint64, StoreError> ContactMomentRepository::count()
{
    Statement query(m_db, QStringLiteral("SELECT COUNT(*) FROM contact_moments"));
    if (auto r = query.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    query.next();
    return query.value(0).toLongLong();
}

} // namespace c360
