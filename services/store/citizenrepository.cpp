// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/citizenrepository.h"

#include "common/clock.h"
#include "searchtext.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <QStringList>

namespace C360
{

namespace
{
const RowWriter citizenRows("citizens",
                            {"given_names",
                             "family_name",
                             "search_names",
                             "birth_date",
                             "street",
                             "house_number",
                             "box",
                             "postcode",
                             "municipality",
                             "country_code",
                             "preferred_language",
                             "source_system",
                             "source_id",
                             "updated_at"},
                            "citizen");
} // namespace

CitizenRepository::CitizenRepository(Database &db)
    : m_db(db)
{
}

Expected<qint64, StoreError> CitizenRepository::insert(const Citizen &citizen)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = 0;
    if (auto r = writeRow(citizen, &id); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = writeChildren(id, citizen); !r) {
        return unexpected(std::move(r).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<void, StoreError> CitizenRepository::update(const Citizen &citizen)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    qint64 id = citizen.id;
    if (auto r = writeRow(citizen, &id); !r) {
        return r;
    }
    for (const char *table : {"citizen_identifiers", "digital_addresses", "channel_preferences", "consents"}) {
        Statement del(m_db, QStringLiteral("DELETE FROM %1 WHERE citizen_id = ?").arg(QLatin1String(table)));
        if (auto r = del.exec({id}); !r) {
            return r;
        }
    }
    if (auto r = writeChildren(id, citizen); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<qint64, StoreError> CitizenRepository::upsertBySource(const Citizen &citizen)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    auto existing = findIdBySource(citizen.source);
    if (!existing) {
        return unexpected(std::move(existing).error());
    }
    qint64 id = 0;
    if (existing->has_value()) {
        Citizen copy = citizen;
        copy.id = **existing;
        if (auto r = update(copy); !r) {
            return unexpected(std::move(r).error());
        }
        id = copy.id;
    } else {
        auto inserted = insert(citizen);
        if (!inserted) {
            return inserted;
        }
        id = *inserted;
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return id;
}

Expected<void, StoreError> CitizenRepository::remove(qint64 id)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    Statement del(m_db, QStringLiteral("DELETE FROM citizens WHERE id = ?"));
    if (auto r = del.exec({id}); !r) {
        return r;
    }
    return transaction->commit();
}

Expected<void, StoreError> CitizenRepository::writeRow(const Citizen &c, qint64 *id)
{
    const QVariantList values = {
        c.givenNames,
        c.familyName,
        SearchText::citizenNames(c),
        Sql::fromDate(c.birthDate),
        c.address.street,
        c.address.number,
        c.address.box,
        c.address.postcode,
        c.address.municipality,
        c.address.countryCode,
        c.preferredLanguage,
        Sql::sourceSystem(c.source.system),
        Sql::nullableText(c.source.id),
        Sql::fromDateTime(c.updated.isValid() ? c.updated : m_db.clock().now()),
    };
    return citizenRows.write(m_db, values, id);
}

Expected<void, StoreError> CitizenRepository::writeChildren(qint64 id, const Citizen &c)
{
    Statement identifier(m_db, QStringLiteral("INSERT INTO citizen_identifiers (citizen_id, type, value) VALUES (?, ?, ?)"));
    for (const Identifier &i : c.identifiers) {
        if (auto r = identifier.exec({id, toKey(i.type), i.value}); !r) {
            return r;
        }
    }
    Statement address(m_db, QStringLiteral("INSERT INTO digital_addresses (citizen_id, kind, value, normalized, verified_on) VALUES (?, ?, ?, ?, ?)"));
    for (const DigitalAddress &d : c.digitalAddresses) {
        const QString normalized = d.kind == DigitalAddressKind::Phone ? SearchText::normalizePhone(d.value) : SearchText::normalizeEmail(d.value);
        if (auto r = address.exec({id, toKey(d.kind), d.value, normalized, Sql::fromDate(d.verifiedOn)}); !r) {
            return r;
        }
    }
    Statement preference(m_db, QStringLiteral("INSERT INTO channel_preferences (citizen_id, topic, channel) VALUES (?, ?, ?)"));
    for (const ChannelPreference &p : c.channelPreferences) {
        if (auto r = preference.exec({id, p.topic, toKey(p.channel)}); !r) {
            return r;
        }
    }
    Statement consent(m_db, QStringLiteral("INSERT INTO consents (citizen_id, topic, granted, recorded_on) VALUES (?, ?, ?, ?)"));
    for (const Consent &k : c.consents) {
        if (auto r = consent.exec({id, toKey(k.topic), k.granted ? 1 : 0, Sql::fromDate(k.recordedOn)}); !r) {
            return r;
        }
    }
    return {};
}

Expected<std::optional<Citizen>, StoreError> CitizenRepository::find(qint64 id)
{
    Statement row(m_db,
                  QStringLiteral("SELECT given_names, family_name, birth_date, street, house_number, box, postcode, municipality, country_code, "
                                 "preferred_language, source_system, source_id, updated_at FROM citizens WHERE id = ?"));
    if (auto r = row.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!row.next()) {
        return std::optional<Citizen>();
    }
    Citizen c;
    c.id = id;
    c.givenNames = row.value(0).toString();
    c.familyName = row.value(1).toString();
    c.birthDate = Sql::toDate(row.value(2));
    c.address.street = row.value(3).toString();
    c.address.number = row.value(4).toString();
    c.address.box = row.value(5).toString();
    c.address.postcode = row.value(6).toString();
    c.address.municipality = row.value(7).toString();
    c.address.countryCode = row.value(8).toString();
    c.preferredLanguage = row.value(9).toString();
    c.source = {row.value(10).toString(), row.value(11).toString()};
    c.updated = Sql::toDateTime(row.value(12));
    row.finish();

    Statement identifiers(m_db, QStringLiteral("SELECT type, value FROM citizen_identifiers WHERE citizen_id = ? ORDER BY type, value"));
    if (auto r = identifiers.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    while (identifiers.next()) {
        if (const auto type = fromKey<IdentifierType>(identifiers.value(0).toString())) {
            c.identifiers.append({*type, identifiers.value(1).toString()});
        }
    }

    Statement addresses(m_db, QStringLiteral("SELECT kind, value, verified_on FROM digital_addresses WHERE citizen_id = ? ORDER BY id"));
    if (auto r = addresses.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    while (addresses.next()) {
        if (const auto kind = fromKey<DigitalAddressKind>(addresses.value(0).toString())) {
            c.digitalAddresses.append({*kind, addresses.value(1).toString(), Sql::toDate(addresses.value(2))});
        }
    }

    Statement preferences(m_db, QStringLiteral("SELECT topic, channel FROM channel_preferences WHERE citizen_id = ? ORDER BY topic"));
    if (auto r = preferences.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    while (preferences.next()) {
        if (const auto channel = fromKey<Channel>(preferences.value(1).toString())) {
            c.channelPreferences.append({preferences.value(0).toString(), *channel});
        }
    }

    Statement consents(m_db, QStringLiteral("SELECT topic, granted, recorded_on FROM consents WHERE citizen_id = ? ORDER BY topic"));
    if (auto r = consents.exec({id}); !r) {
        return unexpected(std::move(r).error());
    }
    while (consents.next()) {
        if (const auto topic = fromKey<ConsentTopic>(consents.value(0).toString())) {
            c.consents.append({*topic, consents.value(1).toInt() != 0, Sql::toDate(consents.value(2))});
        }
    }
    return std::optional<Citizen>(std::move(c));
}

Expected<std::optional<qint64>, StoreError> CitizenRepository::findIdByIdentifier(const Identifier &identifier)
{
    return selectId(
        m_db, QStringLiteral("SELECT citizen_id FROM citizen_identifiers WHERE type = ? AND value = ?"), {toKey(identifier.type), identifier.value});
}

Expected<std::optional<qint64>, StoreError> CitizenRepository::findIdBySource(const SourceRef &source)
{
    return selectId(m_db, QStringLiteral("SELECT id FROM citizens WHERE source_system = ? AND source_id = ?"), {Sql::sourceSystem(source.system), source.id});
}

Expected<QList<qint64>, StoreError> CitizenRepository::findIdsByDigitalAddress(DigitalAddressKind kind, const QString &value, bool verifiedOnly)
{
    const QString normalized = kind == DigitalAddressKind::Phone ? SearchText::normalizePhone(value) : SearchText::normalizeEmail(value);
    return selectIds(m_db,
                     verifiedOnly ? QStringLiteral("SELECT DISTINCT citizen_id FROM digital_addresses WHERE kind = ? AND normalized = ? AND verified_on "
                                                   "IS NOT NULL ORDER BY citizen_id")
                                  : QStringLiteral("SELECT DISTINCT citizen_id FROM digital_addresses WHERE kind = ? AND normalized = ? ORDER BY citizen_id"),
                     {toKey(kind), normalized});
}

QString CitizenRepository::ftsPrefixQuery(const QString &text)
{
    return SqlDialect::create(StoreLocation::Engine::SQLite)->prefixMatch(SearchText::fold(text));
}

Expected<QList<qint64>, StoreError> CitizenRepository::searchNames(const QString &text, int limit)
{
    const QString match = m_db.dialect().prefixMatch(SearchText::fold(text));
    if (match.isEmpty()) {
        return QList<qint64>();
    }
    return selectIds(m_db, m_db.dialect().citizenIdsByName(false), {match, limit});
}

Expected<qint64, StoreError> CitizenRepository::count()
{
    return selectCount(m_db, QStringLiteral("SELECT COUNT(*) FROM citizens"));
}

} // namespace C360
