// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/ipdc/ipdccursor.h"
#include "sync/ipdc/ipdcparser.h"
#include "sync/resourcesync.h"

#include <memory>
#include <vector>

namespace C360
{

// The product catalogue of a Flemish IPDC LDES feed as local CatalogueEntries: follows the feed's
// TREE relations page by page from its root, keeps the newest version of each product (by
// generatedAtTime), removes withdrawn (gearchiveerd) products, and on later runs starts again at the
// last page it read (an LDES only grows at its end), asking with If-None-Match.
class IpdcLdesSync final : public ResourceSync
{
public:
    // A run stops after this many pages (a server whose relations never end).
    static constexpr int maxPagesPerRun = 100000;

    explicit IpdcLdesSync(const SyncContext &context);

    QString resource() const override { return QStringLiteral("ldes"); }
    QNetworkRequest nextRequest(const SyncState &state) override;
    Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) override;
    // A page that is gone (404, 410): the last page of an earlier run means the stream was
    // reorganised, so the run starts at the root; a page linked in this run is left out.
    std::optional<Page> failed(const RestError &error, const SyncState &state) override;

    // The stream's root: "ldes" under the source's base URL.
    QUrl rootUrl() const;

private:
    QUrl pageToRead(const IpdcCursor &cursor) const;
    bool sameOrigin(const QUrl &url) const;
    Expected<void, SyncProblem> applyMember(Database &db, const IpdcMember &member, Page *page);

    IpdcParser m_parser;
};

// The IPDC resources of a source: "ldes".
std::vector<std::unique_ptr<ResourceSync>> makeIpdcSyncs(const SyncContext &context);

} // namespace C360
