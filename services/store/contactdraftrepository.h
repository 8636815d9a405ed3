// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "contactmoment.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace C360
{
class Database;

// Keeps the contact moment a staff member is typing, one per staff member and citizen, so that a
// crash or a closed window loses nothing.
class ContactDraftRepository
{
public:
    explicit ContactDraftRepository(Database &db);

    // Stores draft as the draft of (staffMember, citizenId), replacing an earlier one (citizenId 0:
    // a contact with no citizen yet). saved becomes the clock's now. Returns the draft as stored.
    Expected<ContactDraft, StoreError> save(const ContactDraft &draft);
    Expected<std::optional<ContactDraft>, StoreError> load(const QString &staffMember, qint64 citizenId);
    // The staff member's drafts, most recently saved first.
    Expected<QList<ContactDraft>, StoreError> forStaff(const QString &staffMember);
    Expected<void, StoreError> remove(qint64 id);

private:
    Expected<QList<ContactDraft>, StoreError> select(const QString &condition, const QVariantList &values);
    static QByteArray toJson(const ContactMoment &contact);
    static std::optional<ContactMoment> fromJson(const QByteArray &json);
    Database &m_db;
};

} // namespace C360
