// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/commongroundcrawl.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

namespace C360
{

// The partijen of a Klantinteracties back end as local citizens (persons only; organisations and
// contact persons are remembered but not stored), read with expand=digitaleAdressen so that a
// party's e-mail addresses and phones come in the same request. See KlantinteractiesMapper for
// the mapping. A citizen's local data the back end does not have (consents, channel preferences
// for other topics than "general") survives an update. A citizen the back end removed takes its
// contact moments and requests along; they, and its reports' links to it, come back when the
// party does.
class KlantinteractiesPartijenSync final : public CommonGroundCrawl
{
public:
    using CommonGroundCrawl::CommonGroundCrawl;

    QString resource() const override { return QStringLiteral("partijen"); }

protected:
    QString path() const override { return QStringLiteral("partijen"); }
    const char *contentVersion() const override { return KlantinteractiesParser::ContentVersion; }
    QString expand() const override { return QStringLiteral("digitaleAdressen"); }
    // betrokkenen grows with every contact; the citizen does not change with it.
    QStringList volatileKeys() const override { return {QStringLiteral("betrokkenen")}; }
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;

private:
    // Gives a citizen back the report links it had when a sync removed it (detached_links).
    Expected<void, StoreError> reattach(Database &db, qint64 citizenId, const SourceRef &party);

    bool m_warnedUnexpanded = false;
    bool m_detachedChecked = false;
    bool m_anyDetached = false;
};

} // namespace C360
