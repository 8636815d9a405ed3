// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/contactdraftrepository.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace C360
{

namespace
{
// Bumped when the payload changes shape, so that an older draft can still be read or set aside.
constexpr int payloadFormat = 1;

const RowWriter draftRows("contact_drafts", {"staff_member", "citizen_id", "payload", "saved_at"}, "contact draft");

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return value.isString() ? Sql::toDateTime(value.toString()) : QDateTime();
}
} // namespace

ContactDraftRepository::ContactDraftRepository(Database &db)
    : m_db(db)
{
}

QByteArray ContactDraftRepository::toJson(const ContactMoment &c)
{
    QJsonArray links;
    for (const ItemLink &link : c.links) {
        links.append(QJsonObject{{QStringLiteral("kind"), toKey(link.kind)}, {QStringLiteral("id"), link.id}});
    }
    const QJsonObject object{
        {QStringLiteral("format"), payloadFormat},
        {QStringLiteral("id"), c.id},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("system"), c.source.system}, {QStringLiteral("id"), c.source.id}}},
        {QStringLiteral("citizenId"), c.citizenId},
        {QStringLiteral("channel"), toKey(c.channel)},
        {QStringLiteral("subject"), c.subject},
        {QStringLiteral("text"), c.text},
        {QStringLiteral("outcome"), toKey(c.outcome)},
        {QStringLiteral("staffMember"), c.staffMember},
        {QStringLiteral("time"), timeToJson(c.time)},
        {QStringLiteral("links"), links},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<ContactMoment> ContactDraftRepository::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    if (o.value(QLatin1String("format")).toInt() != payloadFormat) {
        return std::nullopt;
    }
    ContactMoment c;
    c.id = o.value(QLatin1String("id")).toInteger();
    const QJsonObject source = o.value(QLatin1String("source")).toObject();
    c.source = {source.value(QLatin1String("system")).toString(), source.value(QLatin1String("id")).toString()};
    c.citizenId = o.value(QLatin1String("citizenId")).toInteger();
    c.channel = fromKey<Channel>(o.value(QLatin1String("channel")).toString()).value_or(Channel::Counter);
    c.subject = o.value(QLatin1String("subject")).toString();
    c.text = o.value(QLatin1String("text")).toString();
    c.outcome = fromKey<ContactOutcome>(o.value(QLatin1String("outcome")).toString()).value_or(ContactOutcome::Answered);
    c.staffMember = o.value(QLatin1String("staffMember")).toString();
    c.time = timeFromJson(o.value(QLatin1String("time")));
    const QJsonArray links = o.value(QLatin1String("links")).toArray();
    for (const QJsonValue &value : links) {
        const QJsonObject link = value.toObject();
        if (const auto kind = fromKey<ItemKind>(link.value(QLatin1String("kind")).toString())) {
            c.links.append({*kind, link.value(QLatin1String("id")).toInteger()});
        }
    }
    return c;
}

Expected<ContactDraft, StoreError> ContactDraftRepository::save(const ContactDraft &draft)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    ContactDraft stored = draft;
    stored.saved = Sql::toDateTime(Sql::fromDateTime(m_db.clock().now()));
    // "IS" rather than "=": a draft without a citizen has a NULL citizen_id, which UNIQUE does not
    // treat as equal to another NULL, so the lookup has to.
    auto existing = selectId(m_db,
                             QStringLiteral("SELECT id FROM contact_drafts WHERE staff_member = ? AND citizen_id IS NOT DISTINCT FROM ?"),
                             {draft.staffMember, Sql::nullableId(draft.citizenId)});
    if (!existing) {
        return unexpected(std::move(existing).error());
    }
    stored.id = existing->value_or(0);

    // An update writes staff member and citizen too: the same values the row was found by.
    const QString payload = QString::fromUtf8(toJson(draft.contact));
    if (auto r = draftRows.write(m_db, {draft.staffMember, Sql::nullableId(draft.citizenId), payload, Sql::fromDateTime(stored.saved)}, &stored.id); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return stored;
}

Expected<QList<ContactDraft>, StoreError> ContactDraftRepository::select(const QString &condition, const QVariantList &values)
{
    Statement rows(m_db, QStringLiteral("SELECT id, staff_member, citizen_id, payload, saved_at FROM contact_drafts ") + condition);
    if (auto r = rows.exec(values); !r) {
        return unexpected(std::move(r).error());
    }
    QList<ContactDraft> drafts;
    while (rows.next()) {
        ContactDraft d;
        d.id = rows.value(0).toLongLong();
        const auto contact = fromJson(rows.value(3).toString().toUtf8());
        if (!contact) {
            // Kept, not deleted: what the person typed may still be recovered by hand.
            qCWarning(C360_STORE) << "contact draft" << d.id << "cannot be read; it is left out";
            continue;
        }
        d.staffMember = rows.value(1).toString();
        d.citizenId = rows.value(2).toLongLong();
        d.contact = *contact;
        d.saved = Sql::toDateTime(rows.value(4));
        drafts.append(d);
    }
    return drafts;
}

Expected<std::optional<ContactDraft>, StoreError> ContactDraftRepository::load(const QString &staffMember, qint64 citizenId)
{
    auto drafts = select(QStringLiteral("WHERE staff_member = ? AND citizen_id IS NOT DISTINCT FROM ?"), {staffMember, Sql::nullableId(citizenId)});
    if (!drafts) {
        return unexpected(std::move(drafts).error());
    }
    return drafts->isEmpty() ? std::optional<ContactDraft>() : std::optional<ContactDraft>(drafts->constFirst());
}

Expected<QList<ContactDraft>, StoreError> ContactDraftRepository::forStaff(const QString &staffMember)
{
    return select(QStringLiteral("WHERE staff_member = ? ORDER BY saved_at DESC, id DESC"), {staffMember});
}

Expected<void, StoreError> ContactDraftRepository::remove(qint64 id)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement del(m_db, QStringLiteral("DELETE FROM contact_drafts WHERE id = ?"));
    if (auto r = del.exec({id}); !r) {
        return r;
    }
    return transaction->commit();
}

} // namespace C360
