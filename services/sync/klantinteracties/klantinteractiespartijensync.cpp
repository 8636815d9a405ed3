// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/klantinteracties/klantinteractiespartijensync.h"

#include "common/logging.h"
#include "store/citizenrepository.h"
#include "store/statement.h"
#include "store/syncstaterepository.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"

namespace C360
{

Expected<CommonGroundCrawl::Outcome, StoreError>
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
    if (!existing || !existing->localId) {
        if (auto back = reattach(db, *id, citizen->source); !back) {
            return unexpected(back.error());
        }
    }
    return Outcome::stored(*id);
}

Expected<void, StoreError> KlantinteractiesPartijenSync::reattach(Database &db, qint64 citizenId, const SourceRef &party)
{
    if (!m_detachedChecked) {
        // Most runs have nothing detached: one look, not three statements a citizen.
        Statement any(db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM detached_links)"));
        if (auto r = any.exec({}); !r) {
            return r;
        }
        m_anyDetached = any.next() && any.value(0).toBool();
        m_detachedChecked = true;
    }
    if (!m_anyDetached) {
        return {};
    }
    Statement reporter(db,
                       QStringLiteral("UPDATE reports SET citizen_id = ?, match_basis = d.basis FROM detached_links d WHERE d.report_id = reports.id AND "
                                      "d.party_source = ? AND d.party_source_id = ? AND d.role = 'reporter' AND reports.citizen_id IS NULL"));
    if (auto r = reporter.exec({citizenId, party.system, party.id}); !r) {
        return r;
    }
    Statement candidates(db,
                         QStringLiteral("INSERT INTO report_candidates (report_id, citizen_id, basis, state) SELECT report_id, ?, basis, state "
                                        "FROM detached_links WHERE party_source = ? AND party_source_id = ? AND role = 'candidate' "
                                        "ON CONFLICT (report_id, citizen_id) DO NOTHING"));
    if (auto r = candidates.exec({citizenId, party.system, party.id}); !r) {
        return r;
    }
    Statement done(db, QStringLiteral("DELETE FROM detached_links WHERE party_source = ? AND party_source_id = ?"));
    return done.exec({party.system, party.id});
}

Expected<bool, StoreError> KlantinteractiesPartijenSync::removeLocal(Database &db, qint64 localId)
{
    // What depends on the citizen comes back with the party, should the back end bring it back:
    // its contact moments and requests go with it (ON DELETE CASCADE), as they went at the back end
    // with the party, and the content of their sync records is forgotten, so that they are stored
    // anew then instead of being taken for unchanged; its reports' links to it are kept by the
    // party's id.
    SyncStateRepository states(db);
    const QVariantList citizen{localId};
    if (auto r =
            states.forgetContentOf(source(), QStringLiteral("klantcontacten"), QStringLiteral("SELECT id FROM contact_moments WHERE citizen_id = ?"), citizen);
        !r) {
        return unexpected(r.error());
    }
    if (auto r = states.forgetContentOf(source(), QStringLiteral("internetaken"), QStringLiteral("SELECT id FROM requests WHERE citizen_id = ?"), citizen);
        !r) {
        return unexpected(r.error());
    }
    Statement reporter(
        db,
        QStringLiteral("INSERT INTO detached_links (report_id, party_source, party_source_id, role, basis) SELECT r.id, c.source_system, "
                       "c.source_id, 'reporter', r.match_basis FROM reports r JOIN citizens c ON c.id = r.citizen_id WHERE r.citizen_id = ? AND "
                       "c.source_id IS NOT NULL ON CONFLICT (report_id, party_source, party_source_id, role) DO UPDATE SET basis = excluded.basis, "
                       "state = excluded.state"));
    if (auto r = reporter.exec({localId}); !r) {
        return unexpected(r.error());
    }
    Statement candidates(
        db,
        QStringLiteral("INSERT INTO detached_links (report_id, party_source, party_source_id, role, basis, state) SELECT rc.report_id, "
                       "c.source_system, c.source_id, 'candidate', rc.basis, rc.state FROM report_candidates rc JOIN citizens c ON c.id = "
                       "rc.citizen_id WHERE rc.citizen_id = ? AND c.source_id IS NOT NULL ON CONFLICT (report_id, party_source, party_source_id, role) "
                       "DO UPDATE SET basis = excluded.basis, state = excluded.state"));
    if (auto r = candidates.exec({localId}); !r) {
        return unexpected(r.error());
    }
    m_detachedChecked = false;
    auto removed = CitizenRepository(db).remove(localId);
    if (!removed) {
        if (removed.error().code == StoreError::Code::NoSuchRecord) {
            return false;
        }
        return unexpected(removed.error());
    }
    return true;
}

} // namespace C360
