// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "contactmoment.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QList>

#include <optional>

namespace C360
{
class Database;
class Statement;

// Stores contact moments (counter visits, calls, mails, chats) with their links to the reports,
// requests and catalogue entries they were about.
class ContactMomentRepository
{
public:
    explicit ContactMomentRepository(Database &db);

    // Inserts contact (its id is ignored; an invalid time becomes the clock's now) with its links
    // in one transaction and returns the new id. A link must point to a report, a request or a
    // catalogue entry that exists.
    Expected<qint64, StoreError> insert(const ContactMoment &contact);
    // Inserts or updates by (source.system, source.id), replacing the links; returns the local id.
    // Without a source id, contact.id decides (0 inserts).
    Expected<qint64, StoreError> upsertBySource(const ContactMoment &contact);
    // Adds one link to contact moment id (a request made during the contact, say); a link that is
    // there already is kept once.
    Expected<void, StoreError> addLink(qint64 id, const ItemLink &link);
    Expected<std::optional<ContactMoment>, StoreError> find(qint64 id);
    // The citizen's contact moments with their links, newest first.
    Expected<QList<ContactMoment>, StoreError> forCitizen(qint64 citizenId);
    Expected<qint64, StoreError> count();

private:
    // insert() or, bySource, upsertBySource().
    Expected<qint64, StoreError> save(const ContactMoment &contact, bool bySource);
    Expected<void, StoreError> writeRow(const ContactMoment &contact, qint64 *id);
    Expected<void, StoreError> writeLinks(qint64 id, const QList<ItemLink> &links);
    Expected<void, StoreError> insertLink(Statement &insert, qint64 id, const ItemLink &link);
    Database &m_db;
};

} // namespace C360
