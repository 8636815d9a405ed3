// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/commongroundcrawl.h"

#include "common/clock.h"
#include "common/logging.h"
#include "jsonnumber.h"
#include "store/database.h"
#include "store/syncstaterepository.h"
#include "sync/commongroundlist.h"
#include "sync/commongroundreader.h"
#include "sync/restjob.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include <limits>

namespace C360
{

namespace
{
QDateTime runTime(qint64 run)
{
    return QDateTime::fromMSecsSinceEpoch(run, Qt::UTC);
}

// The HTTP status of the problem the engine recorded last, 0 when it was none.
int lastHttpStatus(const SyncState &state)
{
    if (state.lastError.isEmpty()) {
        return 0;
    }
    return QJsonDocument::fromJson(state.lastError.toUtf8()).object().value(QStringLiteral("http")).toInt();
}

// The page after page. The next link says whether there is one, not which: a page number from
// the server could skip part of the list, or overflow; the run's page bound keeps this one small.
int nextPageOf(int page, int linked)
{
    Q_UNUSED(linked)
    return page + 1;
}
} // namespace

CommonGroundCursor CommonGroundCursor::fromJson(const QString &json)
{
    CommonGroundCursor c;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    c.run = wholeNumberOr(o.value(QStringLiteral("run")), 0);
    c.page = std::max(1, o.value(QStringLiteral("page")).toInt(1));
    c.count = wholeNumberOr(o.value(QStringLiteral("count")), -1);
    c.unidentified = o.value(QStringLiteral("unidentified")).toInt();
    c.seen = wholeNumberOr(o.value(QStringLiteral("seen")), 0);
    c.pages = o.value(QStringLiteral("pages")).toInt();
    c.known = wholeNumberOr(o.value(QStringLiteral("known")), 0);
    c.lastRun = wholeNumberOr(o.value(QStringLiteral("last_run")), 0);
    c.etag = o.value(QStringLiteral("etag")).toString();
    c.restartedAt = wholeNumberOr(o.value(QStringLiteral("restarted_at")), 0);
    c.extra = o.value(QStringLiteral("extra")).toObject();
    return c;
}

QString CommonGroundCursor::toJson() const
{
    QJsonObject o;
    if (run) {
        o.insert(QStringLiteral("run"), double(run));
        o.insert(QStringLiteral("page"), page);
        o.insert(QStringLiteral("count"), double(count));
        if (unidentified) {
            o.insert(QStringLiteral("unidentified"), unidentified);
        }
        o.insert(QStringLiteral("seen"), double(seen));
        o.insert(QStringLiteral("pages"), pages);
        o.insert(QStringLiteral("known"), double(known));
    }
    if (lastRun) {
        o.insert(QStringLiteral("last_run"), double(lastRun));
    }
    if (!etag.isEmpty()) {
        o.insert(QStringLiteral("etag"), etag);
    }
    if (restartedAt) {
        o.insert(QStringLiteral("restarted_at"), double(restartedAt));
    }
    if (!extra.isEmpty()) {
        o.insert(QStringLiteral("extra"), extra);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

CommonGroundCursor CommonGroundCrawl::position(const SyncState &state) const
{
    CommonGroundCursor c = CommonGroundCursor::fromJson(state.cursor);
    // A resumed run whose page is gone (404: the list shrank while the run was interrupted) could
    // never finish: it starts over, once per failure.
    const qint64 errorAt = state.lastErrorAt.isValid() ? state.lastErrorAt.toMSecsSinceEpoch() : 0;
    if (c.run && c.page > 1 && lastHttpStatus(state) == 404 && errorAt != c.restartedAt) {
        qCInfo(C360_SYNC) << source() << resource() << "page" << c.page << "is gone: the crawl starts over";
        c.restartedAt = errorAt;
        c.lastRun = std::max(c.lastRun, c.run);
        c.run = 0;
    }
    if (!c.run) {
        // Strictly later than every lastSeen written before, even with a clock that stands still
        // (a push just before the run records what it made as seen "now"): a record this run has
        // seen is one whose lastSeen is the run's start.
        c.run = std::max(context().clock->now().toMSecsSinceEpoch() + 1, c.lastRun + 1);
        c.page = 1;
        c.count = -1;
        c.unidentified = 0;
        c.seen = 0;
        c.pages = 0;
        c.known = -1; // counted when the first page is applied
        c.extra = lasting(c.extra);
    }
    return c;
}

int CommonGroundCrawl::maxPages(const CommonGroundCursor &c) const
{
    // What the announced count needs (or, without one to believe, what is held here), a tenth more
    // for records added during the run, and a few pages for a repeating page or two.
    const qint64 believed = c.count >= 0 && c.count <= MaxBelievableCount ? c.count : 0;
    const qint64 records = std::max(believed, c.known);
    if (records <= 0 && believed != c.count) {
        return DefaultMaxPages;
    }
    const qint64 pages = (records + records / 10 + pageSize() - 1) / pageSize() + 10;
    return int(std::min<qint64>(pages, std::numeric_limits<int>::max()));
}

QJsonObject CommonGroundCrawl::lasting(const QJsonObject &extra) const
{
    QJsonObject kept;
    for (const QString &key : lastingExtra()) {
        if (extra.contains(key)) {
            kept.insert(key, extra.value(key));
        }
    }
    return kept;
}

Expected<void, StoreError> CommonGroundCrawl::forgetListEtag(Database &db, const QString &source, const QString &resource)
{
    SyncStateRepository states(db);
    auto state = states.state(source, resource);
    if (!state) {
        return unexpected(std::move(state).error());
    }
    CommonGroundCursor cursor = CommonGroundCursor::fromJson(state->cursor);
    if (cursor.etag.isEmpty()) {
        return {};
    }
    cursor.etag.clear();
    state->cursor = cursor.toJson();
    return states.saveState(*state);
}

int CommonGroundCrawl::pageSize() const
{
    return std::clamp(context().source.pageSize, 1, 500); // "maximum: 500"
}

QNetworkRequest CommonGroundCrawl::listRequest(const QString &listPath, int page, const QString &expandValue) const
{
    QUrl url = context().source.baseUrl.resolved(QUrl(listPath));
    QUrlQuery query;
    if (listPath == path()) {
        for (const auto &[key, value] : filters()) {
            query.addQueryItem(key, value);
        }
    }
    if (!expandValue.isEmpty()) {
        query.addQueryItem(QStringLiteral("expand"), expandValue);
    }
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(pageSize()));
    url.setQuery(query);
    return authorizedRequest(url);
}

SyncProblem CommonGroundCrawl::malformed(const QString &detail) const
{
    SyncProblem p;
    p.kind = SyncProblem::Kind::Malformed;
    p.detail = QStringLiteral("%1 %2 page %3: %4").arg(source(), resource()).arg(m_position.page).arg(detail);
    return p;
}

QNetworkRequest CommonGroundCrawl::nextRequest(const SyncState &state)
{
    m_position = position(state);
    QNetworkRequest request = listRequest(path(), m_position.page, expand());
    if (m_position.page == 1 && !m_position.etag.isEmpty()) {
        request.setRawHeader("If-None-Match", m_position.etag.toUtf8());
    }
    return request;
}

ResourceSync::Page CommonGroundCrawl::unchanged(const SyncState &state)
{
    Q_UNUSED(state)
    // Only asked with the ETag of a list that fitted in one page: the whole list is as it was.
    CommonGroundCursor c = m_position;
    c.lastRun = c.run;
    c.run = 0;
    Page page;
    page.cursor = c.toJson();
    page.finished = true;
    return page;
}

QNetworkRequest CommonGroundCrawl::lookahead(const RestJob &job, const SyncState &state)
{
    Q_UNUSED(state)
    m_parsedJob = &job;
    m_parsed = CommonGroundList::page(job.body());
    const auto &parsed = *m_parsed;
    if (!parsed || !parsed->hasNext || parsed->records.isEmpty()) {
        return {};
    }
    const int page = m_position.page;
    return listRequest(path(), nextPageOf(page, parsed->nextPage), expand());
}

Expected<ResourceSync::Page, SyncProblem> CommonGroundCrawl::apply(Database &db, const RestJob &job, const SyncState &state)
{
    Q_UNUSED(state)
    CommonGroundCursor c = m_position;
    const auto parsed = m_parsedJob == &job && m_parsed ? *std::exchange(m_parsed, std::nullopt) : CommonGroundList::page(job.body());
    m_parsedJob = nullptr;
    if (!parsed) {
        return unexpected(malformed(parsed.error().detail));
    }
    if (parsed->hasNext) {
        // Only the page number of the link is used, but a link elsewhere (or none at all) says
        // that this is not the list asked for.
        const QUrl next(parsed->next, QUrl::StrictMode);
        const QUrl base = context().source.baseUrl;
        if (!next.isValid() || next.isRelative() || next.scheme() != base.scheme() || next.host().compare(base.host(), Qt::CaseInsensitive) != 0 ||
            next.port(next.scheme() == QLatin1String("https") ? 443 : 80) != base.port(base.scheme() == QLatin1String("https") ? 443 : 80)) {
            return unexpected(malformed(QStringLiteral("the link to the next page is not a URL of %1: \"%2\"").arg(base.host(), parsed->next.left(100))));
        }
    }
    SyncStateRepository states(db);
    if (c.page == 1 || c.count < 0) {
        c.count = parsed->count;
    }
    if (c.known < 0) {
        auto known = states.recordCount(source(), resource());
        if (!known) {
            return unexpected(storeProblem(known.error()));
        }
        c.known = *known;
    }
    ++c.pages;
    const QDateTime seen = runTime(c.run);
    const CommonGround::LocalZoneScope zone(localZone());
    // What is known of the page's records, read at once; kept up to date as they are saved (a
    // page may hold a record twice).
    QList<QJsonObject> records;
    records.reserve(parsed->records.size());
    for (const QJsonObject &record : parsed->records) {
        records.append(identified(record));
    }
    QStringList ids;
    ids.reserve(records.size());
    for (const QJsonObject &record : std::as_const(records)) {
        if (QString id = CommonGroundList::recordId(record); !id.isEmpty()) {
            ids.append(std::move(id));
        }
    }
    auto known = states.recordsIn(source(), resource(), ids);
    if (!known) {
        return unexpected(storeProblem(known.error()));
    }
    const auto save = [&](const SyncRecord &record) {
        known->insert(record.sourceId, record);
        return states.saveRecord(record);
    };
    Page page;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject &record = records.at(i);
        const auto id = CommonGroundList::checkRecord(record, parsed->invalidUtf8);
        if (!id) {
            const QString recordId = CommonGroundList::recordId(record);
            if (recordId.isEmpty()) {
                ++c.unidentified;
            }
            page.skipped.append(
                {source(), resource(), recordId.isEmpty() ? QStringLiteral("(page %1, item %2)").arg(c.page).arg(i + 1) : recordId, id.error().detail});
            if (recordId.isEmpty()) {
                ++c.seen;
            } else if (const auto found = known->constFind(recordId); found != known->cend()) {
                // Still there: its local record must not be taken for deleted.
                if (found->lastSeen != seen) {
                    ++c.seen;
                    SyncRecord touched = *found;
                    touched.lastSeen = seen;
                    if (auto saved = save(touched); !saved) {
                        return unexpected(storeProblem(saved.error()));
                    }
                }
            } else {
                ++c.seen;
            }
            continue;
        }
        const auto found = known->constFind(*id);
        const std::optional<SyncRecord> existing = found == known->cend() ? std::nullopt : std::optional<SyncRecord>(*found);
        if (!existing || existing->lastSeen != seen) {
            ++c.seen; // the first time in this run
        }
        const QByteArray hash = CommonGroundList::contentHash(contentVersion(), record, volatileKeys());
        SyncRecord next{source(), resource(), *id, hash, 0, seen};
        if (existing && existing->contentHash == hash) {
            if (existing->lastSeen == seen) {
                continue; // seen twice in one run (a page repeating its neighbour's records)
            }
            next.localId = existing->localId;
        } else {
            auto outcome = store(db, record, existing);
            if (!outcome) {
                return unexpected(storeProblem(outcome.error()));
            }
            switch (outcome->kind) {
            case Outcome::Kind::Stored:
                ++(existing && existing->localId ? page.stats.updated : page.stats.inserted);
                next.localId = outcome->localId;
                break;
            case Outcome::Kind::Ignored:
                ++page.stats.dropped;
                break;
            case Outcome::Kind::Skipped:
                page.skipped.append({source(), resource(), *id, outcome->reason});
                if (!existing) {
                    continue; // nothing to keep: it is tried again when it next comes
                }
                next = *existing; // the old hash, so that it is tried again
                next.lastSeen = seen;
                break;
            }
        }
        if (auto saved = save(next); !saved) {
            return unexpected(storeProblem(saved.error()));
        }
    }
    page.stats.skipped = page.skipped.size();
    const bool emptyTail = parsed->records.isEmpty() && parsed->hasNext;
    const bool bounded = parsed->hasNext && c.pages >= maxPages(c);
    if (parsed->hasNext && !emptyTail && !bounded) {
        c.page = nextPageOf(c.page, parsed->nextPage);
        page.cursor = c.toJson();
        return page;
    }
    // The last page, or as far as a run may go: the run is complete.
    SyncProblem doubt = bounded
        ? SyncProblem::suspect(SyncProblem::Reason::PageBound,
                               c.count,
                               c.pages,
                               QStringLiteral("the server named a next page after %1 pages (announced: %2 records)").arg(c.pages).arg(c.count))
        : consistency(c, *parsed, emptyTail);
    const bool onePage = c.page == 1 && !parsed->hasNext;
    if (auto finished = finishRun(db, c, &page, doubt); !finished) {
        return unexpected(finished.error());
    }
    // A 304 next time would also skip the records refused now, which must be tried again.
    c.etag = onePage && page.skipped.isEmpty() ? QString::fromUtf8(job.header(QByteArrayLiteral("ETag"))) : QString();
    c.lastRun = c.run;
    c.run = 0;
    c.extra = lasting(c.extra);
    page.cursor = c.toJson();
    page.finished = true;
    return page;
}

SyncProblem CommonGroundCrawl::consistency(const CommonGroundCursor &c, const CommonGroundPage &last, bool emptyTail) const
{
    using Reason = SyncProblem::Reason;
    if (c.count > MaxBelievableCount || last.count > MaxBelievableCount) {
        return SyncProblem::suspect(
            Reason::Untrusted, std::max(c.count, last.count), c.seen, QStringLiteral("an announced count of %1").arg(std::max(c.count, last.count)));
    }
    if (c.count >= 0 && last.count >= 0 && c.count != last.count) {
        return SyncProblem::suspect(
            Reason::CountChanged, c.count, last.count, QStringLiteral("the count went from %1 to %2 during the run").arg(c.count).arg(last.count));
    }
    if (emptyTail || (c.count >= 0 && c.seen != c.count)) {
        return SyncProblem::suspect(Reason::Incomplete, c.count, c.seen, QStringLiteral("%1 records announced, %2 read").arg(c.count).arg(c.seen));
    }
    if (c.unidentified > 0) {
        return SyncProblem::suspect(Reason::Unidentified, c.count, c.unidentified, QStringLiteral("%1 records without a readable uuid").arg(c.unidentified));
    }
    return {};
}

Expected<void, SyncProblem> CommonGroundCrawl::finishRun(Database &db, CommonGroundCursor &c, Page *page, SyncProblem doubt)
{
    if (!doubt.isNone()) {
        qCWarning(C360_SYNC) << source() << resource() << "run complete, nothing deleted:" << doubt.detail;
        page->withheld = doubt;
        return {};
    }
    SyncStateRepository states(db);
    auto gone = states.recordsNotSeenSince(source(), resource(), runTime(c.run));
    if (!gone) {
        return unexpected(storeProblem(gone.error()));
    }
    // A list that shrinks by more than the allowed share at once is more likely a server that
    // lost its way than a municipality that lost its residents: an administrator decides.
    const qint64 held = std::max<qint64>(c.known, gone->size());
    const double share = context().source.maxDeletionShare;
    if (!gone->isEmpty() && double(gone->size()) > share * double(held) && !deletionsConfirmed()) {
        page->withheld = SyncProblem::suspect(SyncProblem::Reason::Shrink,
                                              held,
                                              gone->size(),
                                              QStringLiteral("%1 of %2 records would go, more than %3 %").arg(gone->size()).arg(held).arg(share * 100));
        qCWarning(C360_SYNC) << source() << resource() << "run complete, nothing deleted:" << page->withheld.detail;
        return {};
    }
    for (const SyncRecord &record : std::as_const(*gone)) {
        if (record.localId) {
            auto removed = removeLocal(db, record.localId);
            if (!removed) {
                return unexpected(storeProblem(removed.error()));
            }
            // Counted even when the local record went already (a citizen's contacts go with it):
            // the back end deleted it.
            ++page->stats.deleted;
        }
        if (auto r = states.removeRecord(source(), resource(), record.sourceId); !r) {
            return unexpected(storeProblem(r.error()));
        }
    }
    return {};
}

} // namespace C360
