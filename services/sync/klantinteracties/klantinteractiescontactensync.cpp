// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiescontactensync.h"

#include "store/citizenrepository.h"
#include "store/contactmomentrepository.h"
#include "store/statement.h"
#include "store/syncstaterepository.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"

namespace C360
{

Expected<CommonGroundCrawl::Outcome, StoreError>
KlantinteractiesContactenSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing)
{
    if (existing && existing->localId == 0) {
        // A supplement pushed from here (KlantinteractiesRequestTarget): it is held as a
        // supplement of its request, not as a contact moment as well.
        return Outcome::ignored();
    }
    const auto contact = KlantinteractiesParser::contact(record);
    if (!contact) {
        return Outcome::skipped(contact.error());
    }
    if (contact->involvedRefs > 0 && !contact->involvedExpanded) {
        return Outcome::skipped(QStringLiteral("the server did not expand hadBetrokkenen: the party is unknown"));
    }
    qint64 citizenId = 0;
    if (const QString party = KlantinteractiesMapper::partyOf(*contact); !party.isEmpty()) {
        auto citizen = CitizenRepository(db).findIdBySource({source(), party});
        if (!citizen) {
            return unexpected(citizen.error());
        }
        if (*citizen) {
            citizenId = **citizen;
        } else {
            // Known but not a person (an organisation): the contact is stored without a citizen.
            auto known = SyncStateRepository(db).record(source(), QStringLiteral("partijen"), party);
            if (!known) {
                return unexpected(known.error());
            }
            if (!*known || (*known)->localId != 0) {
                return Outcome::skipped(QStringLiteral("party %1 is not synchronised yet; the contact is tried again next run").arg(party));
            }
        }
    }
    ContactMoment moment = KlantinteractiesMapper::contactMoment(*contact, source(), citizenId);
    for (const QString &task : contact->taskUuids) {
        auto request = selectId(db, QStringLiteral("SELECT id FROM requests WHERE source_system = ? AND source_id = ?"), {source(), task});
        if (!request) {
            return unexpected(request.error());
        }
        if (*request) {
            moment.links.append({ItemKind::Request, **request});
        }
    }
    auto id = ContactMomentRepository(db).upsertBySource(moment);
    if (!id) {
        return unexpected(id.error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> KlantinteractiesContactenSync::removeLocal(Database &db, qint64 localId)
{
    // ContactMomentRepository deletes nothing (contacts made here are kept); one the back end
    // deleted goes, with its links.
    Statement del(db, QStringLiteral("DELETE FROM contact_moments WHERE id = ?"));
    if (auto r = del.exec({localId}); !r) {
        return unexpected(r.error());
    }
    return del.numRowsAffected() > 0;
}

} // namespace C360
