// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/ipdc/ipdcldessync.h"

#include "common/logging.h"
#include "store/cataloguerepository.h"
#include "store/statement.h"
#include "store/syncstaterepository.h"
#include "sync/restjob.h"

#include <QCryptographicHash>
#include <QHash>

namespace C360
{

IpdcLdesSync::IpdcLdesSync(const SyncContext &context)
    : ResourceSync(context)
    , m_parser(context.source.id, localZone())
{
}

QUrl IpdcLdesSync::rootUrl() const
{
    QUrl base = context().source.baseUrl;
    if (!base.path().endsWith(QLatin1Char('/'))) {
        base.setPath(base.path() + QLatin1Char('/'));
    }
    return base.resolved(QUrl(QStringLiteral("ldes")));
}

bool IpdcLdesSync::sameOrigin(const QUrl &url) const
{
    const QUrl root = rootUrl();
    return url.scheme() == root.scheme() && url.host() == root.host() &&
        url.port(url.scheme() == QLatin1String("https") ? 443 : 80) == root.port(root.scheme() == QLatin1String("https") ? 443 : 80);
}

QUrl IpdcLdesSync::pageToRead(const IpdcCursor &cursor) const
{
    if (cursor.isRunning()) {
        return cursor.queue.first();
    }
    // A new run reads the last page again: new versions are added at the end of the stream. A
    // cursor from another base URL (the source was moved) starts over at the root.
    if (!cursor.last.isEmpty() && sameOrigin(cursor.last)) {
        return cursor.last;
    }
    return rootUrl();
}

QNetworkRequest IpdcLdesSync::nextRequest(const SyncState &state)
{
    const IpdcCursor cursor = IpdcCursor::fromJson(state.cursor);
    const QUrl url = pageToRead(cursor);
    QNetworkRequest request = authorizedRequest(url);
    request.setRawHeader("Accept", "application/ld+json, application/json;q=0.9");
    // The cursor's ETag is that of its last page, the one a new run starts with.
    if (!cursor.isRunning() && url == cursor.last && !cursor.etag.isEmpty()) {
        request.setRawHeader("If-None-Match", cursor.etag);
    }
    return request;
}

std::optional<ResourceSync::Page> IpdcLdesSync::failed(const RestError &error, const SyncState &state)
{
    if (error.kind != RestError::Kind::Http || (error.httpStatus != 404 && error.httpStatus != 410)) {
        return std::nullopt;
    }
    IpdcCursor cursor = IpdcCursor::fromJson(state.cursor);
    const QUrl url = pageToRead(cursor);
    Page page;
    if (cursor.isRunning()) {
        qCWarning(C360_SYNC) << "source" << source() << "LDES page" << cursor.pages << "of this run is gone; left out";
        cursor.markVisited(cursor.queue.takeFirst());
        // What only that page linked to is out of reach this run: the next run starts at the root
        // unless a later page of this one becomes the last read.
        cursor.last = QUrl();
        cursor.etag.clear();
        page.finished = cursor.queue.isEmpty();
        page.cursor = cursor.toJson();
        return page;
    }
    if (url == rootUrl()) {
        return std::nullopt; // the stream itself is gone: a problem for the administrator
    }
    qCWarning(C360_SYNC) << "source" << source() << "the last LDES page read is gone; the run starts at the root";
    page.cursor = IpdcCursor().toJson();
    return page;
}

Expected<ResourceSync::Page, SyncProblem> IpdcLdesSync::apply(Database &db, const RestJob &job, const SyncState &state)
{
    IpdcCursor cursor = IpdcCursor::fromJson(state.cursor);
    const QUrl url = pageToRead(cursor);
    // The Content-Type is not checked: a server that labels its JSON-LD text/plain or
    // application/octet-stream still serves a page that reads; one that does not is Malformed below.
    auto parsed = m_parser.parsePage(job.body(), url);
    if (!parsed) {
        SyncProblem problem;
        problem.kind = SyncProblem::Kind::Malformed;
        problem.detail = QStringLiteral("IPDC page %1: %2").arg(url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), parsed.error().detail);
        return unexpected(problem);
    }

    Page page;
    for (const IpdcRejected &r : std::as_const(parsed->rejected)) {
        page.skipped.append({source(), resource(), r.memberId, r.error.detail});
    }
    page.stats.skipped = parsed->rejected.size();

    // A page may hold several versions of one product: only its newest counts.
    QList<IpdcMember> members;
    QHash<QString, qsizetype> byProduct;
    for (IpdcMember &m : parsed->members) {
        const auto seen = byProduct.constFind(m.productIri);
        if (seen == byProduct.cend()) {
            byProduct.insert(m.productIri, members.size());
            members.append(std::move(m));
        } else if (members.at(*seen).versionStamp() < m.versionStamp()) {
            members[*seen] = std::move(m);
        }
    }
    for (const IpdcMember &m : std::as_const(members)) {
        if (auto r = applyMember(db, m, &page); !r) {
            return unexpected(r.error());
        }
    }

    // Where to go next: the relations to newer members, within this server, each page once a run.
    if (cursor.isRunning()) {
        cursor.queue.removeFirst();
    } else {
        cursor.visited.clear();
        cursor.pages = 0;
        cursor.lastDigest.clear();
    }
    cursor.markVisited(url);
    ++cursor.pages;
    // Every page of a stream holds other versions than the page before: one that holds the same
    // ones again is a server repeating itself (under ever new URLs, which the visited pages
    // cannot catch).
    QCryptographicHash digest(QCryptographicHash::Sha1);
    for (const IpdcMember &m : std::as_const(members)) {
        digest.addData(m.productIri.toUtf8());
        digest.addData(m.versionStamp());
    }
    const QString pageDigest = members.isEmpty() ? QString() : QString::fromLatin1(digest.result().toHex().left(16));
    const bool repeated = !pageDigest.isEmpty() && pageDigest == cursor.lastDigest;
    cursor.lastDigest = pageDigest;
    for (const QUrl &next : std::as_const(parsed->forward)) {
        if (!sameOrigin(next)) {
            qCWarning(C360_SYNC) << "IPDC page" << url.path() << "links to another server; not followed:" << next.host();
            continue;
        }
        if (!cursor.hasVisited(next) && !cursor.queue.contains(next)) {
            cursor.queue.append(next);
        }
    }
    if (cursor.pages >= maxPagesPerRun && cursor.isRunning()) {
        qCWarning(C360_SYNC) << "IPDC run stopped after" << cursor.pages << "pages";
        page.withheld = SyncProblem::suspect(SyncProblem::Reason::PageBound, -1, cursor.pages, QStringLiteral("stopped after %1 pages").arg(cursor.pages));
        cursor.queue.clear();
    } else if (repeated) {
        page.withheld = SyncProblem::suspect(SyncProblem::Reason::Repeated,
                                             -1,
                                             cursor.pages,
                                             QStringLiteral("page %1 of the run repeats the page before; the run ends there").arg(cursor.pages));
        qCWarning(C360_SYNC) << "IPDC" << page.withheld.detail;
        cursor.queue.clear();
    }
    if (!repeated || cursor.last.isEmpty()) {
        // The next run starts at the last page read, but never at a repeat.
        cursor.last = url;
        cursor.etag = job.header(QByteArrayLiteral("ETag"));
    }
    page.finished = !cursor.isRunning();
    if (page.finished) {
        cursor.visited.clear(); // the next run starts afresh at cursor.last
        cursor.pages = 0;
        cursor.lastDigest.clear();
    }
    page.cursor = cursor.toJson();
    page.etag = QString::fromLatin1(cursor.etag);
    return page;
}

Expected<void, SyncProblem> IpdcLdesSync::applyMember(Database &db, const IpdcMember &member, Page *page)
{
    SyncStateRepository states(db);
    auto record = states.record(source(), resource(), member.productIri);
    if (!record) {
        return unexpected(storeProblem(record.error()));
    }
    const QByteArray stamp = member.versionStamp();
    // The stored version is this one or a newer one (versions may come out of order, and pages
    // are read again): nothing to write.
    if (*record && (*record)->contentHash >= stamp) {
        return {};
    }
    CatalogueRepository catalogue(db);
    qint64 localId = 0;
    if (member.archived) {
        // Withdrawn: the product leaves the catalogue; its record stays, so that an older version
        // read later does not bring it back.
        auto existing = catalogue.findByProductId(source(), member.productIri);
        if (!existing) {
            return unexpected(storeProblem(existing.error()));
        }
        if (existing->has_value()) {
            if (auto r = catalogue.remove((*existing)->id); !r) {
                return unexpected(storeProblem(r.error()));
            }
            ++page->stats.deleted;
        }
    } else {
        const bool existed = *record && (*record)->localId > 0;
        auto id = catalogue.upsertByProductId(member.entry);
        if (!id) {
            return unexpected(storeProblem(id.error()));
        }
        localId = *id;
        ++(existed ? page->stats.updated : page->stats.inserted);
    }
    if (auto r = states.saveRecord({source(), resource(), member.productIri, stamp, localId, {}}); !r) {
        return unexpected(storeProblem(r.error()));
    }
    return {};
}

std::vector<std::unique_ptr<ResourceSync>> makeIpdcSyncs(const SyncContext &context)
{
    std::vector<std::unique_ptr<ResourceSync>> syncs;
    if (context.source.hasResource(QStringLiteral("ldes"))) {
        syncs.push_back(std::make_unique<IpdcLdesSync>(context));
    }
    return syncs;
}

} // namespace C360
