// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/commongroundcrawl.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

namespace C360
{

// The klantcontacten of a Klantinteracties back end as local contact moments, read with
// expand=hadBetrokkenen so that the party each contact was with comes in the same request.
// The citizen is the party of the client betrokkene (KlantinteractiesMapper::partyOf), found by
// source id. A contact whose party is not here yet (created after this run read the partijen, or
// skipped) is skipped with that reason and no SyncRecord, so that the next run - which reads
// partijen first - stores it linked; a contact without a party, or with an organisation, is stored
// without a citizen. Contacts link to the requests (internetaken) they led to that are stored.
class KlantinteractiesContactenSync final : public CommonGroundCrawl
{
public:
    using CommonGroundCrawl::CommonGroundCrawl;

    QString resource() const override { return QStringLiteral("klantcontacten"); }

protected:
    QString path() const override { return QStringLiteral("klantcontacten"); }
    const char *contentVersion() const override { return KlantinteractiesParser::ContentVersion; }
    QString expand() const override { return QStringLiteral("hadBetrokkenen"); }
    Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) override;
    Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) override;
};

} // namespace C360
