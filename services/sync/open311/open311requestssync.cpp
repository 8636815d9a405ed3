// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/open311/open311requestssync.h"

#include "case/identitymatcher.h"
#include "common/clock.h"
#include "common/logging.h"
#include "store/reportrepository.h"
#include "store/syncstaterepository.h"
#include "sync/open311/open311mapper.h"
#include "sync/open311/open311parser.h"
#include "sync/restjob.h"

#include <QCryptographicHash>
#include <QUrlQuery>

namespace C360
{

namespace
{
constexpr int MinWindowSeconds = 3600;
// Pages one run of the engine reads of one crawl; the next run goes on where it stopped.
constexpr int MaxPagesPerRun = 10000;

// The record as received plus what the reporter matched: a citizen who appears in the store later
// changes the hash, so that the report is written again with the link.
QByteArray contentHash(const QByteArray &canonical, const QByteArray &match)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(canonical);
    hash.addData(QByteArrayView("\n"));
    hash.addData(match);
    return hash.result();
}

void endRun(Open311Cursor &c, ResourceSync::Page *page)
{
    c.running = false;
    c.page = 1;
    c.firstId.clear();
    c.lastFirstId.clear();
    page->finished = true;
}
} // namespace

Open311RequestsSync::Open311RequestsSync(const SyncContext &context, const Open311Options &options)
    : ResourceSync(context)
    , m_options(options)
{
    m_options.windowDays = std::clamp(m_options.windowDays, 1, 90);
    m_options.overlapSeconds = std::max(0, m_options.overlapSeconds);
    m_options.maxPageSize = std::max(1, m_options.maxPageSize);
    m_options.windowLimit = std::max(1, m_options.windowLimit);
    m_options.since = m_options.since.toUTC();
    m_options.historyDays = std::max(1, m_options.historyDays);
}

QDateTime Open311RequestsSync::now() const
{
    const QDateTime t = context().clock ? context().clock->now() : QDateTime::currentDateTimeUtc();
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), Qt::UTC);
}

QDateTime Open311RequestsSync::historyStart() const
{
    if (m_options.since.isValid()) {
        return m_options.since;
    }
    // From the start of a day, so that the runs of one day ask the same windows.
    return now().addDays(-m_options.historyDays).date().startOfDay(Qt::UTC);
}

int Open311RequestsSync::pageSize() const
{
    return std::clamp(context().source.pageSize, 1, m_options.maxPageSize);
}

QString Open311RequestsSync::format() const
{
    return context().source.format == QLatin1String("xml") ? QStringLiteral("xml") : QStringLiteral("json");
}

QString Open311RequestsSync::requestKey(const Open311Cursor &c) const
{
    if (c.mode == Open311Cursor::Mode::Incremental) {
        return QStringLiteral("%1|%2|%3").arg(format()).arg(pageSize()).arg(Open311Cursor::formatTime(c.after));
    }
    const QString size = c.paging == Open311Cursor::Paging::Ignored ? QStringLiteral("all") : QString::number(pageSize());
    return QStringLiteral("%1|%2|%3/%4").arg(format(), size, Open311Cursor::formatTime(c.windowStart), Open311Cursor::formatTime(c.windowEnd));
}

Open311Cursor Open311RequestsSync::position(const SyncState &state) const
{
    Open311Cursor c = Open311Cursor::fromJson(state.cursor);
    const bool windowed = c.mode == Open311Cursor::Mode::Windowed;
    if (m_options.crawl == Open311Options::Crawl::Windowed && !windowed) {
        c.mode = Open311Cursor::Mode::Windowed;
        c.running = false;
    } else if (m_options.crawl == Open311Options::Crawl::Incremental && windowed) {
        c.mode = Open311Cursor::Mode::Incremental;
        c.running = false;
    }
    if (c.running) {
        return c;
    }
    c.running = true;
    c.page = 1;
    c.firstId.clear();
    if (c.mode == Open311Cursor::Mode::Incremental) {
        c.after = c.maxUpdated.isValid() ? c.maxUpdated.addSecs(-m_options.overlapSeconds) : historyStart();
    } else {
        // Every window again: without updated_after, a change can be anywhere in the history.
        c.until = now();
        c.windowStart = historyStart();
        c.windowEnd = std::min(c.windowStart.addDays(m_options.windowDays), std::max(c.until, c.windowStart));
    }
    return c;
}

QNetworkRequest Open311RequestsSync::nextRequest(const SyncState &state)
{
    m_position = position(state);
    m_positioned = true;
    return requestFor(m_position, state.etag);
}

QNetworkRequest Open311RequestsSync::lookahead(const RestJob &job, const SyncState &state)
{
    m_parsedJob = &job;
    m_parsed = Open311Parser::parse(job.body());
    const Open311Cursor &c = m_positioned ? m_position : position(state);
    const auto &records = *m_parsed;
    // Only the plain case: a full page of an answer paged as asked. Anything else (a window's
    // end, a server that ignores `page`) is left to apply().
    const bool paged = c.mode == Open311Cursor::Mode::Incremental || c.paging == Open311Cursor::Paging::Honoured;
    if (!records || records->size() < pageSize() || !paged || m_pagesThisRun + 1 >= MaxPagesPerRun) {
        return {};
    }
    const QString first = Open311Mapper::recordId(records->first());
    if (c.page >= 2 && ((!c.firstId.isEmpty() && first == c.firstId) || (!c.lastFirstId.isEmpty() && first == c.lastFirstId))) {
        return {};
    }
    Open311Cursor next = c;
    ++next.page;
    return requestFor(next, state.etag);
}

QNetworkRequest Open311RequestsSync::requestFor(const Open311Cursor &c, const QString &stateEtag) const
{
    QUrl url = context().source.baseUrl.resolved(QUrl(QStringLiteral("requests.") + format()));
    QUrlQuery query;
    // UTC with "Z", the specification's own format; an offset's '+' would need escaping in a query.
    if (c.mode == Open311Cursor::Mode::Incremental) {
        query.addQueryItem(QStringLiteral("updated_after"), Open311Cursor::formatTime(c.after));
    } else {
        query.addQueryItem(QStringLiteral("start_date"), Open311Cursor::formatTime(c.windowStart));
        query.addQueryItem(QStringLiteral("end_date"), Open311Cursor::formatTime(c.windowEnd));
    }
    if (c.mode == Open311Cursor::Mode::Incremental || c.paging != Open311Cursor::Paging::Ignored) {
        query.addQueryItem(QStringLiteral("page"), QString::number(c.page));
        query.addQueryItem(QStringLiteral("page_size"), QString::number(pageSize()));
    }
    // The reporter (extended_attributes) comes only with this and a valid api_key.
    query.addQueryItem(QStringLiteral("extensions"), QStringLiteral("true"));
    url.setQuery(query);
    QNetworkRequest request = authorizedRequest(url);
    if (format() == QLatin1String("xml")) {
        request.setRawHeader("Accept", "text/xml, application/xml;q=0.9");
    }
    if (c.page == 1) {
        // Only for the very request whose complete answer the ETag belongs to: a 304 then means
        // that nothing of the run (or the window) changed.
        QString etag;
        if (c.mode == Open311Cursor::Mode::Incremental) {
            etag = c.etagRequest == requestKey(c) ? stateEtag : QString();
        } else {
            etag = c.windowEtags.value(requestKey(c)).toString();
        }
        if (!etag.isEmpty()) {
            request.setRawHeader("If-None-Match", etag.toLatin1());
        }
    }
    return request;
}

Expected<ResourceSync::Page, SyncProblem> Open311RequestsSync::apply(Database &db, const RestJob &job, const SyncState &state)
{
    Open311Cursor c = m_positioned ? m_position : position(state);
    const auto records = m_parsedJob == &job && m_parsed ? *std::exchange(m_parsed, std::nullopt) : Open311Parser::parse(job.body());
    m_parsedJob = nullptr;
    if (!records) {
        SyncProblem p;
        p.kind = SyncProblem::Kind::Malformed;
        p.detail = QStringLiteral("page %1 of requests: %2").arg(c.page).arg(records.error().detail);
        return unexpected(p);
    }
    Page page;
    ++m_pagesThisRun;
    if (c.page >= 2) {
        // A server that ignores `page` answers every page with the first one.
        const bool repeat = !records->isEmpty() && !c.firstId.isEmpty() && Open311Mapper::recordId(records->first()) == c.firstId;
        if (repeat) {
            c.paging = Open311Cursor::Paging::Ignored;
            if (c.mode == Open311Cursor::Mode::Windowed) {
                c.page = 1; // the window again, unpaged: its answer is all the server gives for it
                c.firstId.clear();
                c.lastFirstId.clear();
            } else if (m_options.crawl == Open311Options::Crawl::Auto) {
                qCInfo(C360_SYNC) << "source" << source() << "ignores the page parameter of requests: switching to a windowed crawl";
                c.mode = Open311Cursor::Mode::Windowed;
                c.running = false;
            } else {
                qCWarning(C360_SYNC) << "source" << source() << "ignores the page parameter of requests: only its first page is synced";
                endRun(c, &page);
            }
            page.cursor = c.toJson();
            return page;
        }
        c.paging = Open311Cursor::Paging::Honoured;
        // A server that answers every page past its end with its last page would page for ever.
        if (!records->isEmpty() && !c.lastFirstId.isEmpty() && Open311Mapper::recordId(records->first()) == c.lastFirstId) {
            page.withheld = SyncProblem::suspect(
                SyncProblem::Reason::Repeated, -1, c.page, QStringLiteral("page %1 of requests repeats the page before; the run ends there").arg(c.page));
            qCWarning(C360_SYNC) << "source" << source() << page.withheld.detail;
            // The pages not read may hold records updated before the newest seen: the next run
            // asks again from where this one began.
            if (c.mode == Open311Cursor::Mode::Incremental) {
                c.maxUpdated = c.after.addSecs(m_options.overlapSeconds);
            }
            endRun(c, &page);
            page.cursor = c.toJson();
            return page;
        }
    }
    if (auto applied = applyRecords(db, *records, &page); !applied) {
        return unexpected(applied.error());
    }
    for (const Open311Record &r : *records) {
        const QDateTime changed = Open311Mapper::changedAt(r, localZone());
        if (changed.isValid() && (!c.maxUpdated.isValid() || changed > c.maxUpdated)) {
            c.maxUpdated = changed;
        }
    }
    if (c.page == 1) {
        c.firstId = records->isEmpty() ? QString() : Open311Mapper::recordId(records->first());
    }
    c.lastFirstId = records->isEmpty() ? QString() : Open311Mapper::recordId(records->first());
    endOfAnswer(c, *records, job, &page);
    page.cursor = c.toJson();
    return page;
}

void Open311RequestsSync::endOfAnswer(Open311Cursor &c, const QList<Open311Record> &records, const RestJob &job, Page *page)
{
    const bool full = records.size() >= pageSize();
    if (full && m_pagesThisRun >= MaxPagesPerRun) {
        // Enough for one run of the engine: the next one goes on at the next page of this crawl,
        // with the same updated_after (or window), so that nothing between is left out.
        qCInfo(C360_SYNC) << "source" << source() << "answered" << MaxPagesPerRun << "full pages of requests in this run; the next run goes on from there";
        ++c.page;
        page->finished = true;
        return;
    }
    if (c.mode == Open311Cursor::Mode::Incremental) {
        if (c.page == 1) {
            // A short first page is the whole answer: its ETag can stand for the run.
            page->etag = full ? QString() : QString::fromLatin1(job.header("ETag"));
            c.etagRequest = page->etag.isEmpty() ? QString() : requestKey(c);
        }
        // Until a second page was seen, a short first page may be all of a server that ignores
        // `page` (and updated_after): page 2 tells, once.
        const bool probe =
            !full && c.page == 1 && !records.isEmpty() && c.paging == Open311Cursor::Paging::Unknown && m_options.crawl == Open311Options::Crawl::Auto;
        if (full || probe) {
            ++c.page;
            return;
        }
        if (records.isEmpty() && c.page >= 2) {
            // An empty page after full ones: the end of a list of a whole number of pages, or a
            // server (a proxy, a failing database) that answered a page with nothing. The pages
            // not read may hold records updated before the newest seen, so the cursor moves on
            // only when a run from the same updated_after ends the same way twice (same page, same
            // newest record); until then the next run asks again from where this one began.
            const bool confirmed = c.emptyEndPage == c.page && c.emptyEndMax == c.maxUpdated;
            if (!confirmed) {
                qCInfo(C360_SYNC) << "source" << source() << "answered page" << c.page << "of requests with nothing; the next run reads them again";
                c.emptyEndPage = c.page;
                c.emptyEndMax = c.maxUpdated;
                c.maxUpdated = c.after.addSecs(m_options.overlapSeconds);
                endRun(c, page);
                return;
            }
        }
        c.emptyEndPage = 0;
        c.emptyEndMax = {};
        endRun(c, page);
        return;
    }
    if (c.paging == Open311Cursor::Paging::Ignored) {
        if (records.size() >= m_options.windowLimit && c.windowStart.secsTo(c.windowEnd) >= 2 * MinWindowSeconds) {
            // Possibly cut off at the server's limit: the first half again, then the rest.
            c.windowEnd = c.windowStart.addSecs(c.windowStart.secsTo(c.windowEnd) / 2);
            return;
        }
    } else if (full) {
        ++c.page;
        return;
    }
    if (c.page == 1) {
        // The window was answered in one page: remember its ETag, replacing one of an older end.
        const QString key = requestKey(c);
        const QString prefix = key.left(key.lastIndexOf(QLatin1Char('/')) + 1);
        const QStringList keys = c.windowEtags.keys();
        for (const QString &k : keys) {
            if (k.startsWith(prefix)) {
                c.windowEtags.remove(k);
            }
        }
        const QString etag = QString::fromLatin1(job.header("ETag"));
        if (!etag.isEmpty()) {
            c.windowEtags.insert(key, etag);
        }
    }
    nextWindow(c, page);
}

void Open311RequestsSync::nextWindow(Open311Cursor &c, Page *page) const
{
    if (c.windowEnd >= c.until) {
        endRun(c, page);
        return;
    }
    // Windows share their boundary second; a request on it comes twice and is written once.
    c.windowStart = c.windowEnd;
    c.windowEnd = std::min(c.windowStart.addDays(m_options.windowDays), c.until);
    c.page = 1;
    c.firstId.clear();
    c.lastFirstId.clear();
}

ResourceSync::Page Open311RequestsSync::unchanged(const SyncState &state)
{
    Open311Cursor c = m_positioned ? m_position : position(state);
    Page page;
    if (c.mode == Open311Cursor::Mode::Incremental) {
        endRun(c, &page);
    } else {
        nextWindow(c, &page);
    }
    page.cursor = c.toJson();
    return page;
}

Expected<void, SyncProblem> Open311RequestsSync::applyRecords(Database &db, const QList<Open311Record> &records, Page *page)
{
    ReportRepository reports(db);
    SyncStateRepository states(db);
    IdentityMatcher matcher(db);
    const QDateTime seen = now();
    // What is known of the page's records, read at once; kept up to date as they are saved (an
    // answer may hold a request twice).
    QStringList ids;
    ids.reserve(records.size());
    for (const Open311Record &record : records) {
        ids.append(Open311Mapper::recordId(record));
    }
    auto knownRecords = states.recordsIn(source(), resource(), ids);
    if (!knownRecords) {
        return unexpected(storeProblem(knownRecords.error()));
    }
    for (const Open311Record &record : records) {
        const QString id = Open311Mapper::recordId(record);
        auto mapped = Open311Mapper::map(record, source(), localZone());
        if (!mapped) {
            page->skipped.append({source(), resource(), id, mapped.error().detail});
            continue;
        }
        const auto match = matcher.match(mapped->reporter);
        if (!match) {
            return unexpected(storeProblem(match.error()));
        }
        if (match->invalidNationalId) {
            // The report is real and goes in, but nothing may be linked on an identifier that fails
            // its check. The identifier itself is personal data and stays out of the log.
            qCWarning(C360_SYNC) << "source" << source() << "request" << id << "names its reporter by a national number that fails its check; stored unlinked";
        }
        Report report = mapped->report;
        report.citizenId = match->citizenId;
        report.matchBasis = match->basis;
        report.candidates = match->candidates;
        const QByteArray hash = contentHash(record.canonical, match->fingerprint());
        const auto known = knownRecords->constFind(id);
        const bool isKnown = known != knownRecords->cend();
        if (isKnown && known->contentHash == hash) {
            continue; // as last time: no write
        }
        const auto localId = reports.upsertBySource(report);
        if (!localId) {
            return unexpected(storeProblem(localId.error()));
        }
        const SyncRecord saved{source(), resource(), id, hash, *localId, seen};
        if (auto r = states.saveRecord(saved); !r) {
            return unexpected(storeProblem(r.error()));
        }
        ++(isKnown ? page->stats.updated : page->stats.inserted);
        knownRecords->insert(id, saved);
    }
    page->stats.skipped = page->skipped.size();
    return {};
}

std::vector<std::unique_ptr<ResourceSync>> makeOpen311Syncs(const SyncContext &context)
{
    return makeOpen311Syncs(context, Open311Options());
}

std::vector<std::unique_ptr<ResourceSync>> makeOpen311Syncs(const SyncContext &context, const Open311Options &options)
{
    std::vector<std::unique_ptr<ResourceSync>> syncs;
    syncs.push_back(std::make_unique<Open311RequestsSync>(context, options));
    return syncs;
}

} // namespace C360
