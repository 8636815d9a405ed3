// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/contactmomentrepository.h"

#include "common/clock.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

namespace C360
{

namespace
{
const QString contactColumns = QStringLiteral("id, source_system, source_id, citizen_id, channel, subject, body, outcome, staff_member, occurred_at");

const RowWriter contactRows("contact_moments",
                            {"source_system", "source_id", "citizen_id", "channel", "subject", "body", "outcome", "staff_member", "occurred_at"},
                            "contact moment");

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
    c.time = Sql::toDateTime(row.value(9));
    return c;
}

// Reads (contact_moment_id, report_id, request_id, entry_id) rows into the contacts they belong to.
void readLinks(Statement &rows, QList<ContactMoment> &contacts)
{
    const auto idOf = [](const ContactMoment &contact) {
        return contact.id;
    };
    readChildRows(rows, contacts, idOf, [](ContactMoment &contact, const Statement &row) {
        if (!row.value(1).isNull()) {
            contact.links.append({ItemKind::Report, row.value(1).toLongLong()});
        } else if (!row.value(2).isNull()) {
            contact.links.append({ItemKind::Request, row.value(2).toLongLong()});
        } else {
            contact.links.append({ItemKind::CatalogueEntry, row.value(3).toLongLong()});
        }
    });
}
} // namespace

ContactMomentRepository::ContactMomentRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> ContactMomentRepository::insert(const ContactMoment &contact)
{
    return save(contact, false);
}

Expected<qint64, StoreError> ContactMomentRepository::upsertBySource(const ContactMoment &contact)
{
    return save(contact, true);
}

Expected<qint64, StoreError> ContactMomentRepository::save(const ContactMoment &contact, bool bySource)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = bySource ? contact.id : 0;
    if (bySource && !contact.source.id.isEmpty()) {
        auto existing = selectId(m_db,
                                 QStringLiteral("SELECT id FROM contact_moments WHERE source_system = ? AND source_id = ?"),
                                 {Sql::sourceSystem(contact.source.system), contact.source.id});
        if (!existing) {
            return unexpected(std::move(existing).error());
        }
        id = existing->value_or(0);
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
    const QVariantList values = {
        Sql::sourceSystem(c.source.system),
        Sql::nullableText(c.source.id),
        Sql::nullableId(c.citizenId),
        toKey(c.channel),
        c.subject,
        c.text,
        toKey(c.outcome),
        c.staffMember,
        Sql::fromDateTime(c.time.isValid() ? c.time : m_db.clock().now()),
    };
    return contactRows.write(m_db, values, id);
}

Expected<void, StoreError> ContactMomentRepository::writeLinks(qint64 id, const QList<ItemLink> &links)
{
    Statement del(m_db, QStringLiteral("DELETE FROM contact_moment_links WHERE contact_moment_id = ?"));
    if (auto r = del.exec({id}); !r) {
        return r;
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id, report_id, request_id, entry_id) VALUES (?, ?, ?, ?)"));
    for (const ItemLink &link : links) {
        if (auto r = insertLink(insert, id, link); !r) {
            return r;
        }
    }
    return {};
}

Expected<void, StoreError> ContactMomentRepository::insertLink(Statement &insert, qint64 id, const ItemLink &link)
{
    if (link.kind == ItemKind::ContactMoment) {
        return unexpected(m_db.error(StoreError::Code::Query, QStringLiteral("contact moment %1 cannot link to another contact moment").arg(id)));
    }
    // One column per kind, so that each link has a real foreign key; an id of 0 is written as
    // NULL and the row's CHECK refuses it.
    const auto column = [&link](ItemKind kind) {
        return link.kind == kind ? Sql::nullableId(link.id) : Sql::null();
    };
    return insert.exec({id, column(ItemKind::Report), column(ItemKind::Request), column(ItemKind::CatalogueEntry)});
}

Expected<void, StoreError> ContactMomentRepository::addLink(qint64 id, const ItemLink &link)
{
    const QString column = link.kind == ItemKind::Report ? QStringLiteral("report_id")
        : link.kind == ItemKind::Request                 ? QStringLiteral("request_id")
                                                         : QStringLiteral("entry_id");
    auto there =
        selectId(m_db, QStringLiteral("SELECT 1 FROM contact_moment_links WHERE contact_moment_id = ? AND ") + column + QStringLiteral(" = ?"), {id, link.id});
    if (!there) {
        return unexpected(std::move(there).error());
    }
    if (*there) {
        return {};
    }
    Statement insert(m_db, QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id, report_id, request_id, entry_id) VALUES (?, ?, ?, ?)"));
    return insertLink(insert, id, link);
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
    auto contacts =
        selectAll(m_db,
                  QStringLiteral("SELECT ") + contactColumns + QStringLiteral(" FROM contact_moments WHERE citizen_id = ? ORDER BY occurred_at DESC, id DESC"),
                  {citizenId},
                  readContact);
    if (!contacts || contacts->isEmpty()) {
        return contacts;
    }
    Statement links(m_db,
                    QStringLiteral("SELECT l.contact_moment_id, l.report_id, l.request_id, l.entry_id FROM contact_moment_links l "
                                   "JOIN contact_moments c ON c.id = l.contact_moment_id WHERE c.citizen_id = ? ORDER BY l.rowid"));
    if (auto r = links.exec({citizenId}); !r) {
        return unexpected(std::move(r).error());
    }
    readLinks(links, *contacts);
    return contacts;
}

Expected<qint64, StoreError> ContactMomentRepository::count()
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM contact_moments"));
}

} // namespace C360
