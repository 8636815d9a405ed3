// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "klantinteractiescrawl.h"

#include "clock.h"
#include "database.h"
#include "klantinteractiesparser.h"
#include "logging.h"
#include "restjob.h"
#include "syncstaterepository.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace c360
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
} // namespace

KiCursor KiCursor::fromJson(const QString &json)
{
    KiCursor c;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    c.run = qint64(o.value(QStringLiteral("run")).toDouble());
    c.page = std::max(1, o.value(QStringLiteral("page")).toInt(1));
    c.count = qint64(o.value(QStringLiteral("count")).toDouble(-1));
    c.unidentified = o.value(QStringLiteral("unidentified")).toInt();
    c.lastRun = qint64(o.value(QStringLiteral("last_run")).toDouble());
    c.etag = o.value(QStringLiteral("etag")).toString();
    c.restartedAt = qint64(o.value(QStringLiteral("restarted_at")).toDouble());
    c.extra = o.value(QStringLiteral("extra")).toObject();
    return c;
}

QString KiCursor::toJson() const
{
    QJsonObject o;
    if (run) {
        o.insert(QStringLiteral("run"), double(run));
        o.insert(QStringLiteral("page"), page);
        o.insert(QStringLiteral("count"), double(count));
        if (unidentified) {
            o.insert(QStringLiteral("unidentified"), unidentified);
        }
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

KiCursor KlantinteractiesCrawl::position(const SyncState &state) const
{
    KiCursor c = KiCursor::fromJson(state.cursor);
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
        // Strictly later than every lastSeen written before, even with a clock that stands still.
        c.run = std::max(context().clock->now().toMSecsSinceEpoch(), c.lastRun + 1);
        c.page = 1;
        c.count = -1;
        c.unidentified = 0;
        c.extra = lasting(c.extra);
    }
    return c;
}

QJsonObject KlantinteractiesCrawl::lasting(const QJsonObject &extra) const
{
    QJsonObject kept;
    for (const QString &key : lastingExtra()) {
        if (extra.contains(key)) {
            kept.insert(key, extra.value(key));
        }
    }
    return kept;
}

Expected<void, StoreError> KlantinteractiesCrawl::forgetListEtag(Database &db, const QString &source, const QString &resource)
{
    SyncStateRepository states(db);
    auto state = states.state(source, resource);
    if (!state) {
        return unexpected(std::move(state).error());
    }
    KiCursor cursor = KiCursor::fromJson(state->cursor);
    if (cursor.etag.isEmpty()) {
        return {};
    }
    cursor.etag.clear();
    state->cursor = cursor.toJson();
    return states.saveState(*state);
}

int KlantinteractiesCrawl::pageSize() const
{
    return std::clamp(context().source.pageSize, 1, 500); // "maximum: 500"
}

QNetworkRequest KlantinteractiesCrawl::listRequest(const QString &listPath, int page, const QString &expandValue) const
{
    QUrl url = context().source.baseUrl.resolved(QUrl(listPath));
    QUrlQuery query;
    if (!expandValue.isEmpty()) {
        query.addQueryItem(QStringLiteral("expand"), expandValue);
    }
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(pageSize()));
    url.setQuery(query);
    return authorizedRequest(url);
}

SyncProblem KlantinteractiesCrawl::malformed(const QString &detail) const
{
    SyncProblem p;
    p.kind = SyncProblem::Kind::Malformed;
    p.detail = QStringLiteral("%1 %2 page %3: %4").arg(source(), resource()).arg(m_position.page).arg(detail);
    return p;
}

QNetworkRequest KlantinteractiesCrawl::nextRequest(const SyncState &state)
{
    m_position = position(state);
    QNetworkRequest request = listRequest(path(), m_position.page, expand());
    if (m_position.page == 1 && !m_position.etag.isEmpty()) {
        request.setRawHeader("If-None-Match", m_position.etag.toUtf8());
    }
    return request;
}

ResourceSync::Page KlantinteractiesCrawl::unchanged(const SyncState &state)
{
    Q_UNUSED(state)
    // Only asked with the ETag of a list that fitted in one page: the whole list is as it was.
    KiCursor c = m_position;
    c.lastRun = c.run;
    c.run = 0;
    Page page;
    page.cursor = c.toJson();
    page.finished = true;
    return page;
}

QNetworkRequest KlantinteractiesCrawl::lookahead(const RestJob &job, const SyncState &state)
{
    Q_UNUSED(state)
    m_parsedJob = &job;
    m_parsed = KlantinteractiesParser::page(job.body());
    const auto &parsed = *m_parsed;
    if (!parsed || !parsed->hasNext || parsed->records.isEmpty()) {
        return {};
    }
    const int page = m_position.page;
    return listRequest(path(), parsed->nextPage > page ? parsed->nextPage : page + 1, expand());
}

Expected<ResourceSync::Page, SyncProblem> KlantinteractiesCrawl::apply(Database &db, const RestJob &job, const SyncState &state)
{
    Q_UNUSED(state)
    KiCursor c = m_position;
    const auto parsed = m_parsedJob == &job && m_parsed ? *std::exchange(m_parsed, std::nullopt) : KlantinteractiesParser::page(job.body());
    m_parsedJob = nullptr;
    if (!parsed) {
        return unexpected(malformed(parsed.error()));
    }
    if (c.page == 1 || c.count < 0) {
        c.count = parsed->count;
    }
    const QDateTime seen = runTime(c.run);
    SyncStateRepository states(db);
    // What is known of the page's records, read at once; kept up to date as they are saved (a
    // page may hold a record twice).
    QStringList ids;
    ids.reserve(parsed->records.size());
    for (const QJsonObject &record : parsed->records) {
        if (QString id = KlantinteractiesParser::recordId(record); !id.isEmpty()) {
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
    for (qsizetype i = 0; i < parsed->records.size(); ++i) {
        const QJsonObject &record = parsed->records.at(i);
        const auto id = KlantinteractiesParser::checkRecord(record, parsed->invalidUtf8);
        if (!id) {
            const QString recordId = KlantinteractiesParser::recordId(record);
            if (recordId.isEmpty()) {
                ++c.unidentified;
            }
            page.skipped.append(
                {source(), resource(), recordId.isEmpty() ? QStringLiteral("(page %1, item %2)").arg(c.page).arg(i + 1) : recordId, id.error()});
            if (!recordId.isEmpty()) {
                // Still there: its local record must not be taken for deleted.
                if (const auto found = known->constFind(recordId); found != known->cend()) {
                    SyncRecord touched = *found;
                    touched.lastSeen = seen;
                    if (auto saved = save(touched); !saved) {
                        return unexpected(storeProblem(saved.error()));
                    }
                }
            }
            continue;
        }
        const auto found = known->constFind(*id);
        const std::optional<SyncRecord> existing = found == known->cend() ? std::nullopt : std::optional<SyncRecord>(*found);
        const QByteArray hash = KlantinteractiesParser::contentHash(record, volatileKeys());
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
    if (parsed->hasNext && !emptyTail) {
        c.page = parsed->nextPage > c.page ? parsed->nextPage : c.page + 1;
        page.cursor = c.toJson();
        return page;
    }
    // The last page: the run is complete.
    const bool consistent = !emptyTail && (c.count < 0 || parsed->count < 0 || c.count == parsed->count);
    const bool onePage = c.page == 1 && !parsed->hasNext;
    if (auto finished = finishRun(db, c, &page, consistent); !finished) {
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

Expected<void, SyncProblem> KlantinteractiesCrawl::finishRun(Database &db, KiCursor &c, Page *page, bool consistent)
{
    if (!consistent || c.unidentified > 0) {
        qCInfo(C360_SYNC) << source() << resource() << "run complete, deletions wait for the next run:"
                          << (consistent ? "records without a readable uuid were skipped" : "the list changed during the run");
        return {};
    }
    SyncStateRepository states(db);
    auto gone = states.recordsNotSeenSince(source(), resource(), runTime(c.run));
    if (!gone) {
        return unexpected(storeProblem(gone.error()));
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

} // namespace c360
