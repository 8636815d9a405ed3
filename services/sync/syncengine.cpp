// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/syncengine.h"

#include "common/clock.h"
#include "common/logging.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"
#include "store/transaction.h"
#include "sync/restjob.h"

#include <QJsonDocument>
#include <algorithm>

namespace c360
{

bool SyncSummary::ok() const
{
    for (const Resource &r : resources) {
        if (!r.problem.isNone()) {
            return false;
        }
    }
    return true;
}

QJsonObject SyncSummary::toJson() const
{
    QJsonObject perResource;
    for (const Resource &r : resources) {
        QJsonObject o = r.stats.toJson();
        if (!r.problem.isNone()) {
            o.insert(QStringLiteral("error"), r.problem.key());
        }
        perResource.insert(r.source + QLatin1Char('/') + r.resource, o);
    }
    return {
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("resources"), perResource},
        {QStringLiteral("outbox"),
         QJsonObject{{QStringLiteral("pushed"), pushed}, {QStringLiteral("failed"), pushFailed}, {QStringLiteral("rejected"), pushRejected}}},
    };
}

struct SyncEngine::Work
{
    SyncContext context;
    std::unique_ptr<ResourceSync> resource; // a pull
    std::vector<std::unique_ptr<OutboxTarget>> targets; // a push
    SyncState state;
    ResourceStats stats;
    QList<OutboxEntry> entries;
    qsizetype nextEntry = 0;
    OutboxTarget *target = nullptr;
};

SyncEngine::SyncEngine(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<c360::ResourceStats>();
    qRegisterMetaType<c360::SyncProblem>();
    qRegisterMetaType<c360::SkippedRecord>();
    qRegisterMetaType<c360::SyncSummary>();
    // A child, so that moveToThread() takes the timer along to the worker thread.
}

SyncEngine::~SyncEngine()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
    delete m_lookahead;
    m_current.reset();
    m_queue.clear();
}

bool SyncEngine::openDatabase(SyncProblem *problem)
{
    if (m_db) {
        return true;
    }
    auto db = Database::open(m_options.databasePath, Database::OpenMode::Create, *m_options.clock);
    if (!db) {
        *problem = storeProblem(db.error());
        return false;
    }
    m_db = std::move(db).value();
    // A page lost to a power failure is fetched again: its cursor was lost with it. Outbox entries
    // are made durable by the connection that creates them; a push whose "done" was lost goes out
    // again with the same idempotency key.
    if (auto relaxed = m_db->setDurableCommits(false); !relaxed) {
        qCWarning(C360_SYNC) << "cannot relax durability for sync:" << relaxed.error().detail;
    }
    // Each page updates a dozen indexes at random places (sync records, citizens, contacts, the
    // search indexes): with SQLite's 2 MiB default cache a large store rereads their pages all
    // the time.
    if (auto cached = m_db->setCacheSize(SyncCacheMiB); !cached) {
        qCWarning(C360_SYNC) << "cannot enlarge the sync connection's cache:" << cached.error().detail;
    }
    // Each checkpoint copies the WAL's pages into the file and flushes it. Every 1,000 pages, a
    // sync spends a fifth of its time there: the same index pages are copied again and again, and
    // it waits for the flush. Every 10,000 pages (a WAL of about 40 MB), each is copied once for
    // many pages of records.
    if (auto spaced = m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(SyncCheckpointPages)); !spaced) {
        qCWarning(C360_SYNC) << "cannot space the sync connection's checkpoints:" << spaced.error().detail;
    }
    // The network access manager belongs to the engine's thread: made here, not in the constructor.
    m_network = new QNetworkAccessManager(this);
    // Entries a killed process left "sending" go out again, with the same idempotency key.
    OutboxRepository outbox(*m_db);
    if (auto requeued = outbox.requeueSending(); requeued && *requeued > 0) {
        qCInfo(C360_SYNC) << "requeued" << *requeued << "outbox entries left sending by an earlier run";
    }
    return true;
}

void SyncEngine::runOnce()
{
    if (!m_running) {
        run({});
    }
}

void SyncEngine::runConfirming(const QStringList &confirmed)
{
    m_confirmedNext = confirmed;
    if (!m_running) {
        run({});
        return;
    }
    // After the run under way: every source, once more.
    for (const SourceConfig &source : std::as_const(m_options.sources)) {
        if (!m_due.contains(source.id)) {
            m_due.append(source.id);
        }
    }
}

void SyncEngine::run(const QStringList &only)
{
    if (m_running) {
        for (const QString &id : only) {
            if (!m_due.contains(id)) {
                m_due.append(id);
            }
        }
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_summary = {};
    m_confirmedNow = m_options.confirmedDeletions + std::exchange(m_confirmedNext, {});
    Q_EMIT started();

    SyncProblem problem;
    if (!openDatabase(&problem)) {
        qCWarning(C360_SYNC) << "cannot open the store for sync:" << problem.detail;
        for (const SourceConfig &source : std::as_const(m_options.sources)) {
            m_summary.resources.append({source.id, QString(), {}, problem});
        }
        finishRun();
        return;
    }

    std::deque<std::unique_ptr<Work>> pushes;
    std::deque<std::unique_ptr<Work>> pulls;
    for (const SourceConfig &source : std::as_const(m_options.sources)) {
        if (!source.enabled || (!only.isEmpty() && !only.contains(source.id))) {
            continue;
        }
        SyncContext context{source, {}, m_options.retry, m_options.clock, m_confirmedNow};
        if (source.auth != AuthKind::None) {
            auto secret =
                m_options.secrets ? m_options.secrets->read(source.secretKey) : Expected<QString, QString>(unexpected(QStringLiteral("no secret store")));
            if (!secret) {
                SyncProblem p;
                p.kind = SyncProblem::Kind::Configuration;
                p.detail = QStringLiteral("no secret \"%1\": %2").arg(source.secretKey, secret.error());
                p.secret = source.secretKey;
                qCWarning(C360_SYNC) << "source" << source.id << "skipped:" << p.detail;
                recordProblem(source.id, QStringLiteral("*"), p);
                m_summary.resources.append({source.id, QStringLiteral("*"), {}, p});
                Q_EMIT resourceFinished(source.id, QStringLiteral("*"), {}, p);
                continue;
            }
            context.secret = *secret;
        }
        if (m_options.outbox) {
            auto push = std::make_unique<Work>();
            push->context = context;
            push->targets = m_options.outbox(context);
            if (!push->targets.empty()) {
                pushes.push_back(std::move(push));
            }
        }
        if (m_options.resources) {
            for (auto &resource : m_options.resources(context)) {
                if (!source.hasResource(resource->resource())) {
                    continue;
                }
                auto pull = std::make_unique<Work>();
                pull->context = context;
                pull->resource = std::move(resource);
                pulls.push_back(std::move(pull));
            }
        }
    }
    // Local changes go out first, so that what comes back in is recognised as ours.
    for (auto &w : pushes) {
        m_queue.push_back(std::move(w));
    }
    for (auto &w : pulls) {
        m_queue.push_back(std::move(w));
    }
    next();
}

void SyncEngine::next()
{
    m_current.reset();
    if (m_cancelled || m_queue.empty()) {
        m_queue.clear();
        finishRun();
        return;
    }
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    if (m_current->resource) {
        SyncStateRepository states(*m_db);
        auto state = states.state(m_current->context.source.id, m_current->resource->resource());
        if (!state) {
            endResource(storeProblem(state.error()));
            return;
        }
        m_current->state = *state;
        Q_EMIT resourceStarted(m_current->context.source.id, m_current->resource->resource());
        startResource();
    } else {
        startPush();
    }
}

void SyncEngine::finishRun()
{
    m_running = false;
    qCInfo(C360_SYNC) << "sync run finished:" << QJsonDocument(m_summary.toJson()).toJson(QJsonDocument::Compact);
    Q_EMIT finished(m_summary);
    if (!m_due.isEmpty() && !m_running) {
        // Sources whose time came during the run: next, after the event loop had its turn.
        QTimer::singleShot(0, this, [this, due = std::exchange(m_due, {})] {
            run(due);
        });
    }
}

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

void SyncEngine::startResource()
{
    const QNetworkRequest request = m_current->resource->nextRequest(m_current->state);
    if (m_lookahead && sameRequest(m_lookahead->request(), request)) {
        // Asked for while the previous page was applied: its answer may be here already.
        m_job = std::exchange(m_lookahead, nullptr);
        if (m_job->isFinished()) {
            QMetaObject::invokeMethod(this, &SyncEngine::onPage, Qt::QueuedConnection);
        } else {
            connect(m_job, &RestJob::finished, this, &SyncEngine::onPage);
        }
        return;
    }
    dropLookahead();
    auto *job = new RestJob(m_network, request, QByteArrayLiteral("GET"), {}, m_options.retry, this);
    m_job = job;
    connect(job, &RestJob::finished, this, &SyncEngine::onPage);
    job->start();
}

void SyncEngine::startLookahead(const QNetworkRequest &request)
{
    dropLookahead();
    m_lookahead = new RestJob(m_network, request, QByteArrayLiteral("GET"), {}, m_options.retry, this);
    m_lookahead->start();
}

void SyncEngine::dropLookahead()
{
    if (RestJob *job = std::exchange(m_lookahead, nullptr)) {
        job->disconnect(this);
        job->abort();
        job->deleteLater();
    }
}

SyncProblem SyncEngine::problemFor(const RestJob &job) const
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

void SyncEngine::onPage()
{
    RestJob *job = m_job;
    m_job = nullptr;
    if (!job || !m_current) {
        return;
    }
    if (job->succeeded() && !job->notModified() && !m_cancelled) {
        const QNetworkRequest ahead = m_current->resource->lookahead(*job, m_current->state);
        if (!ahead.url().isEmpty()) {
            // The back end makes the next page while this one is applied. The event loop first
            // hands the request to the network thread, then the page is applied.
            startLookahead(ahead);
            QTimer::singleShot(0, this, [this, job = QPointer<RestJob>(job)] {
                if (job && m_current) {
                    applyPage(job);
                }
            });
            return;
        }
    }
    applyPage(job);
}

void SyncEngine::applyPage(RestJob *job)
{
    job->deleteLater();
    ResourceSync &resource = *m_current->resource;
    SyncState state = m_current->state;
    std::optional<ResourceSync::Page> recovered;
    if (!job->succeeded()) {
        recovered = resource.failed(job->error(), state);
        if (!recovered) {
            endResource(problemFor(*job));
            return;
        }
        qCInfo(C360_SYNC) << "sync of" << resource.source() << resource.resource() << "goes on another way after HTTP" << job->error().httpStatus;
    }
    auto transaction = Transaction::begin(*m_db);
    if (!transaction) {
        endResource(storeProblem(transaction.error()));
        return;
    }
    auto page = recovered    ? Expected<ResourceSync::Page, SyncProblem>(*recovered)
        : job->notModified() ? Expected<ResourceSync::Page, SyncProblem>(resource.unchanged(state))
                             : resource.apply(*m_db, *job, state);
    if (!page) {
        // Nothing of the page stays; the problem is recorded after the rollback, so that it stays.
        transaction->rollback();
        endResource(page.error());
        return;
    }
    state.cursor = page->cursor;
    if (!page->etag.isEmpty()) {
        state.etag = page->etag;
    }
    if (page->finished) {
        state.lastSuccess = m_options.clock->now();
        state.lastError.clear();
        state.lastErrorAt = {};
    }
    SyncStateRepository states(*m_db);
    if (auto saved = states.saveState(state); !saved) {
        transaction->rollback();
        endResource(storeProblem(saved.error()));
        return;
    }
    if (auto committed = transaction->commit(); !committed) {
        transaction->rollback();
        endResource(storeProblem(committed.error()));
        return;
    }
    m_current->state = state;
    ResourceStats pageStats = page->stats;
    pageStats.pages = recovered ? 0 : 1; // a page that could not be fetched is not one
    pageStats.bytes = job->body().size();
    pageStats.skipped = std::max<qint64>(pageStats.skipped, page->skipped.size());
    m_current->stats += pageStats;
    for (const SkippedRecord &skipped : std::as_const(page->skipped)) {
        // Ids and reasons only: never the record's content.
        qCWarning(C360_SYNC) << "skipped" << skipped.source << skipped.resource << "record" << skipped.recordId << "-" << skipped.reason;
        Q_EMIT recordSkipped(skipped);
    }
    Q_EMIT pageApplied(resource.source(), resource.resource(), m_current->stats);
    if (page->finished) {
        endResource(page->withheld);
    } else if (m_cancelled) {
        SyncProblem cancelled;
        cancelled.kind = SyncProblem::Kind::Cancelled;
        endResource(cancelled);
    } else {
        startResource();
    }
}

void SyncEngine::recordProblem(const QString &source, const QString &resource, const SyncProblem &problem)
{
    if (!m_db || problem.kind == SyncProblem::Kind::Cancelled) {
        return;
    }
    SyncStateRepository states(*m_db);
    auto state = states.state(source, resource);
    if (!state) {
        return;
    }
    state->lastError = problem.toRecord();
    state->lastErrorAt = m_options.clock->now();
    if (auto saved = states.saveState(*state); !saved) {
        qCWarning(C360_SYNC) << "cannot record the sync error of" << source << resource << ":" << saved.error().detail;
    }
}

void SyncEngine::endResource(const SyncProblem &stopped)
{
    dropLookahead();
    const QString source = m_current->context.source.id;
    const QString resource = m_current->resource->resource();
    SyncProblem problem = stopped;
    problem.applied = m_current->stats; // what the run saved before it, for the sentence
    if (!problem.isNone()) {
        qCWarning(C360_SYNC) << "sync of" << source << resource << "stopped:" << problem.key() << problem.detail.left(120);
        recordProblem(source, resource, problem);
    }
    m_summary.resources.append({source, resource, m_current->stats, problem});
    Q_EMIT resourceFinished(source, resource, m_current->stats, problem);
    // A server that cannot be reached at all is not tried again for each of its other resources
    // in this run (each would wait through every retry): they share its problem.
    const bool unreachable =
        problem.kind == SyncProblem::Kind::Network && (problem.network.kind == RestError::Kind::Connection || problem.network.kind == RestError::Kind::Timeout);
    if (unreachable) {
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            if ((*it)->resource && (*it)->context.source.id == source) {
                const QString other = (*it)->resource->resource();
                recordProblem(source, other, problem);
                m_summary.resources.append({source, other, {}, problem});
                Q_EMIT resourceFinished(source, other, {}, problem);
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
    }
    next();
}

void SyncEngine::startPush()
{
    Work &work = *m_current;
    if (work.nextEntry == 0 && work.entries.isEmpty()) {
        OutboxRepository outbox(*m_db);
        auto due = outbox.due(m_options.clock->now(), 500);
        if (!due) {
            qCWarning(C360_SYNC) << "cannot read the outbox:" << due.error().detail;
            next();
            return;
        }
        for (const OutboxEntry &entry : std::as_const(*due)) {
            if (entry.source == work.context.source.id) {
                work.entries.append(entry);
            }
        }
    }
    while (work.nextEntry < work.entries.size() && !m_cancelled) {
        const OutboxEntry &entry = work.entries.at(work.nextEntry);
        work.target = nullptr;
        for (auto &target : work.targets) {
            if (target->handles(entry)) {
                work.target = target.get();
                break;
            }
        }
        if (!work.target) {
            ++work.nextEntry;
            continue;
        }
        OutboxRepository outbox(*m_db);
        if (auto sending = outbox.markSending(entry.id); !sending) {
            ++work.nextEntry;
            continue;
        }
        if (sendStep()) {
            return;
        }
    }
    next();
}

bool SyncEngine::sendStep()
{
    Work &work = *m_current;
    const OutboxEntry &entry = work.entries.at(work.nextEntry);
    if (const auto hold = work.target->prepare(*m_db, entry)) {
        OutboxRepository outbox(*m_db);
        if (hold->permanent) {
            if (auto r = outbox.markRejected(entry.id, hold->reason); !r) {
                qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "rejected:" << r.error().detail;
            }
            ++m_summary.pushRejected;
        } else {
            const int delay = RestJob::backoffMs(RetryPolicy{.maxDelayMs = 3600 * 1000}, entry.attempts + 2);
            if (auto r = outbox.markFailed(entry.id, hold->reason, m_options.clock->now().addMSecs(delay)); !r) {
                qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "failed:" << r.error().detail;
            }
            ++m_summary.pushFailed;
        }
        ++work.nextEntry;
        return false;
    }
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray body;
    const QNetworkRequest request = work.target->request(entry, &method, &body);
    auto *job = new RestJob(m_network, request, method, body, m_options.retry, this);
    m_job = job;
    connect(job, &RestJob::finished, this, &SyncEngine::onPushed);
    job->start();
    return true;
}

void SyncEngine::onPushed()
{
    RestJob *job = m_job;
    m_job = nullptr;
    if (!job || !m_current) {
        return;
    }
    job->deleteLater();
    Work &work = *m_current;
    const OutboxEntry entry = work.entries.at(work.nextEntry++);
    OutboxRepository outbox(*m_db);
    const QDateTime now = m_options.clock->now();
    if (job->succeeded()) {
        bool recorded = false;
        bool complete = true;
        QString remoteId;
        QString why;
        {
            auto transaction = Transaction::begin(*m_db);
            auto pushed = transaction ? work.target->accepted(*m_db, entry, *job) : Expected<OutboxTarget::Pushed, SyncProblem>(unexpected(SyncProblem{}));
            if (pushed) {
                complete = pushed->complete;
                remoteId = pushed->remoteId;
            } else {
                why = pushed.error().detail;
            }
            recorded =
                transaction && pushed && (complete ? outbox.markDone(entry.id, remoteId, now) : outbox.markStep(entry.id, remoteId)) && transaction->commit();
        } // not committed: rolled back here
        if (recorded && !complete) {
            // The next step of the same entry, unless the run was cancelled (it goes on from here
            // next run).
            --work.nextEntry;
            work.entries[work.nextEntry].remoteId = remoteId;
            if (m_cancelled) {
                ++work.nextEntry;
                if (auto r = outbox.markFailed(entry.id, QString(), now); !r) {
                    qCWarning(C360_SYNC) << "cannot return outbox entry" << entry.id << "to the queue:" << r.error().detail;
                }
            } else if (sendStep()) {
                return;
            }
        } else if (recorded) {
            ++m_summary.pushed;
        } else {
            // Pushed, but not recorded here: it goes out again later with the same key, which the
            // server recognises, and is recorded then.
            qCWarning(C360_SYNC) << "outbox entry" << entry.id << "was accepted but could not be recorded; it will be sent again:" << why.left(200);
            const int delay = RestJob::backoffMs(RetryPolicy{.maxDelayMs = 3600 * 1000}, entry.attempts + 2);
            if (auto r = outbox.markFailed(entry.id, QStringLiteral("accepted, not recorded: %1").arg(why.left(200)), now.addMSecs(delay)); !r) {
                qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "failed:" << r.error().detail;
            }
            ++m_summary.pushFailed;
        }
    } else {
        const RestError &e = job->error();
        const bool permanent = e.kind == RestError::Kind::Http && e.httpStatus >= 400 && e.httpStatus < 500 && e.httpStatus != 408 && e.httpStatus != 429 &&
            e.httpStatus != 401 && e.httpStatus != 403;
        if (permanent) {
            // The server refused the content: keep it, with the server's reason, for correction.
            if (auto r = outbox.markRejected(entry.id, QStringLiteral("HTTP %1: %2").arg(e.httpStatus).arg(e.detail.left(500))); !r) {
                qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "rejected:" << r.error().detail;
            }
            ++m_summary.pushRejected;
        } else {
            const int delay = RestJob::backoffMs(RetryPolicy{.maxDelayMs = 3600 * 1000}, entry.attempts + 2);
            if (auto r = outbox.markFailed(entry.id, QStringLiteral("%1 (HTTP %2)").arg(e.detail.left(200)).arg(e.httpStatus), now.addMSecs(delay)); !r) {
                qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "failed:" << r.error().detail;
            }
            ++m_summary.pushFailed;
        }
    }
    startPush();
}

void SyncEngine::startScheduler()
{
    m_timers.clear();
    for (const SourceConfig &source : std::as_const(m_options.sources)) {
        if (!source.enabled) {
            continue;
        }
        auto timer = std::make_unique<QTimer>(this);
        timer->setInterval(std::chrono::seconds(source.pollIntervalSeconds));
        connect(timer.get(), &QTimer::timeout, this, [this, id = source.id] {
            run({id});
        });
        timer->start();
        m_timers.push_back(std::move(timer));
    }
    runOnce();
}

void SyncEngine::stop()
{
    m_timers.clear();
    m_due.clear();
    if (!m_running) {
        return;
    }
    m_cancelled = true;
    dropLookahead();
    if (m_job) {
        m_job->abort();
    }
}

} // namespace c360
