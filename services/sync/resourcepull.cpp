// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/resourcepull.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/syncstaterepository.h"
#include "store/transaction.h"
#include "sync/restjob.h"

#include <QTimer>

#include <algorithm>

namespace C360
{

namespace
{
// The same request as far as the back end can tell: URL and every header.
bool sameRequest(const QNetworkRequest &a, const QNetworkRequest &b)
{
    if (a.url() != b.url()) {
        return false;
    }
    QList<QByteArray> names = a.rawHeaderList();
    QList<QByteArray> others = b.rawHeaderList();
    std::sort(names.begin(), names.end());
    std::sort(others.begin(), others.end());
    if (names != others) {
        return false;
    }
    return std::all_of(names.cbegin(), names.cend(), [&](const QByteArray &name) {
        return a.rawHeader(name) == b.rawHeader(name);
    });
}
} // namespace

ResourcePull::ResourcePull(Database &db, QNetworkAccessManager *network, const SyncContext &context, std::unique_ptr<ResourceSync> resource, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_network(network)
    , m_context(context)
    , m_resource(std::move(resource))
{
}

ResourcePull::~ResourcePull()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
    delete m_lookahead;
}

void ResourcePull::start()
{
    auto state = SyncStateRepository(m_db).state(m_context.source.id, m_resource->resource());
    if (!state) {
        end(storeProblem(state.error()));
        return;
    }
    m_state = *state;
    fetch();
}

void ResourcePull::cancel()
{
    m_cancelled = true;
    dropLookahead();
    if (m_job) {
        m_job->abort();
    }
}

void ResourcePull::fetch()
{
    const QNetworkRequest request = m_resource->nextRequest(m_state);
    if (m_lookahead && sameRequest(m_lookahead->request(), request)) {
        // Asked for while the previous page was applied: its answer may be here already.
        m_job = std::exchange(m_lookahead, nullptr);
        if (m_job->isFinished()) {
            QMetaObject::invokeMethod(this, &ResourcePull::onPage, Qt::QueuedConnection);
        } else {
            connect(m_job, &RestJob::finished, this, &ResourcePull::onPage);
        }
        return;
    }
    dropLookahead();
    auto *job = new RestJob(m_network, request, QByteArrayLiteral("GET"), {}, m_context.retry, this);
    m_job = job;
    connect(job, &RestJob::finished, this, &ResourcePull::onPage);
    job->start();
}

void ResourcePull::startLookahead(const QNetworkRequest &request)
{
    dropLookahead();
    m_lookahead = new RestJob(m_network, request, QByteArrayLiteral("GET"), {}, m_context.retry, this);
    m_lookahead->start();
}

void ResourcePull::dropLookahead()
{
    if (RestJob *job = std::exchange(m_lookahead, nullptr)) {
        job->disconnect(this);
        job->abort();
        job->deleteLater();
    }
}

SyncProblem ResourcePull::problemFor(const RestJob &job) const
{
    SyncProblem p;
    p.network = job.error();
    if (job.error().kind == RestError::Kind::Aborted) {
        p.kind = SyncProblem::Kind::Cancelled;
    } else if (job.error().kind == RestError::Kind::Http && (job.error().httpStatus == 401 || job.error().httpStatus == 403)) {
        p.kind = SyncProblem::Kind::Authentication;
    } else {
        p.kind = SyncProblem::Kind::Network;
    }
    p.detail = job.error().detail.left(200);
    return p;
}

void ResourcePull::onPage()
{
    RestJob *job = m_job;
    m_job = nullptr;
    if (!job) {
        return;
    }
    if (job->succeeded() && !job->notModified() && !m_cancelled) {
        const QNetworkRequest ahead = m_resource->lookahead(*job, m_state);
        if (!ahead.url().isEmpty()) {
            // The back end makes the next page while this one is applied. The event loop first
            // hands the request to the network thread, then the page is applied.
            startLookahead(ahead);
            QTimer::singleShot(0, this, [this, job = QPointer<RestJob>(job)] {
                if (job) {
                    applyPage(job);
                }
            });
            return;
        }
    }
    applyPage(job);
}

void ResourcePull::applyPage(RestJob *job)
{
    job->deleteLater();
    SyncState state = m_state;
    std::optional<ResourceSync::Page> recovered;
    if (!job->succeeded()) {
        recovered = m_resource->failed(job->error(), state);
        if (!recovered) {
            end(problemFor(*job));
            return;
        }
        qCInfo(C360_SYNC) << "sync of" << m_resource->source() << m_resource->resource() << "goes on another way after HTTP" << job->error().httpStatus;
    }
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        end(storeProblem(transaction.error()));
        return;
    }
    auto page = recovered    ? Expected<ResourceSync::Page, SyncProblem>(*recovered)
        : job->notModified() ? Expected<ResourceSync::Page, SyncProblem>(m_resource->unchanged(state))
                             : m_resource->apply(m_db, *job, state);
    if (!page) {
        // Nothing of the page stays; the engine records the problem after the rollback, so that
        // it stays.
        transaction->rollback();
        end(page.error());
        return;
    }
    state.cursor = page->cursor;
    if (!page->etag.isEmpty()) {
        state.etag = page->etag;
    }
    if (page->finished) {
        state.lastSuccess = m_context.clock->now();
        state.lastError.clear();
        state.lastErrorAt = {};
    }
    if (auto saved = SyncStateRepository(m_db).saveState(state); !saved) {
        transaction->rollback();
        end(storeProblem(saved.error()));
        return;
    }
    if (auto committed = transaction->commit(); !committed) {
        transaction->rollback();
        end(storeProblem(committed.error()));
        return;
    }
    m_state = state;
    ResourceStats pageStats = page->stats;
    pageStats.pages = recovered ? 0 : 1; // a page that could not be fetched is not one
    pageStats.bytes = job->body().size();
    pageStats.skipped = std::max<qint64>(pageStats.skipped, page->skipped.size());
    m_stats += pageStats;
    for (const SkippedRecord &skipped : std::as_const(page->skipped)) {
        // Ids and reasons only: never the record's content.
        qCWarning(C360_SYNC) << "skipped" << skipped.source << skipped.resource << "record" << skipped.recordId << "-" << skipped.reason;
        Q_EMIT recordSkipped(skipped);
    }
    Q_EMIT pageApplied(m_stats);
    if (page->finished) {
        end(page->withheld);
    } else if (m_cancelled) {
        SyncProblem cancelled;
        cancelled.kind = SyncProblem::Kind::Cancelled;
        end(cancelled);
    } else {
        fetch();
    }
}

void ResourcePull::end(const SyncProblem &problem)
{
    dropLookahead();
    Q_EMIT finished(problem);
}

} // namespace C360
