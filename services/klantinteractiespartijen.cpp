// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "klantinteractiespartijen.h"

#include "citizenrepository.h"
#include "klantinteractiesmapper.h"
#include "logging.h"

namespace c360
{

Expected<KlantinteractiesCrawl::Outcome, StoreError>
KlantinteractiesPartijenSync::store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing)
{
    const auto party = KlantinteractiesParser::party(record);
    if (!party) {
        return Outcome::skipped(party.error());
    }
    if (party->soortPartij != QLatin1String("persoon")) {
        return Outcome::ignored();
    }
    auto citizen = KlantinteractiesMapper::citizen(*party, source());
    if (!citizen) {
        return Outcome::skipped(citizen.error());
    }
    if (party->digitalAddressRefs > 0 && !party->digitalAddressesExpanded && !m_warnedUnexpanded) {
        m_warnedUnexpanded = true;
        qCWarning(C360_SYNC) << source() << resource() << "the server did not expand digitaleAdressen: citizens come without e-mail addresses and phones";
    }
    CitizenRepository citizens(db);
    if (existing && existing->localId) {
        auto stored = citizens.find(existing->localId);
        if (!stored) {
            return unexpected(stored.error());
        }
        if (*stored && (*stored)->source == citizen->source) {
            citizen->consents = (*stored)->consents;
            for (const ChannelPreference &p : std::as_const((*stored)->channelPreferences)) {
                if (p.topic != QLatin1String("general")) {
                    citizen->channelPreferences.append(p);
                }
            }
        }
    }
    auto id = citizens.upsertBySource(*citizen);
    if (!id) {
        return unexpected(id.error());
    }
    return Outcome::stored(*id);
}

Expected<bool, StoreError> KlantinteractiesPartijenSync::removeLocal(Database &db, qint64 localId)
{
    // The citizen's contact moments and requests go with it (ON DELETE CASCADE), as they went at
    // the back end with the party.
    auto removed = CitizenRepository(db).remove(localId);
    if (!removed) {
        if (removed.error().code == StoreError::Code::NoSuchRecord) {
            return false;
        }
        return unexpected(removed.error());
    }
    return true;
}

} // namespace c360
