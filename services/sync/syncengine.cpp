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
#include "sync/outboxpush.h"
#include "sync/resourcepull.h"
#include "sync/restjob.h"

#include <QJsonDocument>
#include <algorithm>

namespace C360
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

// A job of a run, waiting in the queue: a resource to pull or a source's outbox to push.
struct SyncEngine::Work
{
    SyncContext context;
    std::unique_ptr<ResourceSync> resource; // a pull
    std::vector<std::unique_ptr<OutboxTarget>> targets; // a push
};

SyncEngine::SyncEngine(const Options &options, QObject *parent)
    : SyncProgress(parent)
    , m_options(options)
{
    qRegisterMetaType<C360::ResourceStats>();
    qRegisterMetaType<C360::SyncProblem>();
    qRegisterMetaType<C360::SkippedRecord>();
    qRegisterMetaType<C360::SyncSummary>();
    // A child, so that moveToThread() takes the timer along to the worker thread.
}

SyncEngine::~SyncEngine()
{
    m_pull.reset();
    m_push.reset();
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
    if (auto spaced = m_db->setCheckpointSpacing(SyncCheckpointPages); !spaced) {
        qCWarning(C360_SYNC) << "cannot space the sync connection's checkpoints:" << spaced.error().detail;
    }
    // The network access manager belongs to the engine's thread: made here, not in the constructor.
    m_network = m_options.network ? m_options.network(this) : new QNetworkAccessManager(this);
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
            auto secret = m_options.secrets
                ? m_options.secrets->read(source.secretKey)
                : Expected<QString, SecretError>(unexpected(SecretError{SecretError::Kind::Unavailable, source.secretKey, QStringLiteral("no secret store")}));
            if (!secret) {
                SyncProblem p;
                p.kind = SyncProblem::Kind::Configuration;
                p.detail = QStringLiteral("no secret \"%1\": %2").arg(source.secretKey, secret.error().detail);
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
    m_pull.reset();
    m_push.reset();
    if (m_cancelled || m_queue.empty()) {
        m_queue.clear();
        finishRun();
        return;
    }
    std::unique_ptr<Work> work = std::move(m_queue.front());
    m_queue.pop_front();
    // The jobs report back queued, so that none is destroyed inside its own call.
    if (work->resource) {
        m_pull = std::make_unique<ResourcePull>(*m_db, m_network, work->context, std::move(work->resource));
        ResourcePull *pull = m_pull.get();
        connect(pull, &ResourcePull::pageApplied, this, [this, pull](const ResourceStats &soFar) {
            Q_EMIT pageApplied(pull->context().source.id, pull->resource().resource(), soFar);
        });
        connect(pull, &ResourcePull::recordSkipped, this, &SyncEngine::recordSkipped);
        connect(pull, &ResourcePull::finished, this, &SyncEngine::endResource, Qt::QueuedConnection);
        Q_EMIT resourceStarted(work->context.source.id, pull->resource().resource());
        pull->start();
    } else {
        m_push = std::make_unique<OutboxPush>(*m_db, m_network, work->context, std::move(work->targets));
        connect(m_push.get(), &OutboxPush::finished, this, &SyncEngine::endPush, Qt::QueuedConnection);
        m_push->start();
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
    if (!m_pull) {
        return;
    }
    const QString source = m_pull->context().source.id;
    const QString resource = m_pull->resource().resource();
    const ResourceStats stats = m_pull->stats();
    SyncProblem problem = stopped;
    problem.applied = stats; // what the run saved before it, for the sentence
    if (!problem.isNone()) {
        qCWarning(C360_SYNC) << "sync of" << source << resource << "stopped:" << problem.key() << problem.detail.left(120);
        recordProblem(source, resource, problem);
    }
    m_summary.resources.append({source, resource, stats, problem});
    Q_EMIT resourceFinished(source, resource, stats, problem);
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

void SyncEngine::endPush()
{
    if (!m_push) {
        return;
    }
    const OutboxPush::Counts &counts = m_push->counts();
    m_summary.pushed += counts.pushed;
    m_summary.pushFailed += counts.failed;
    m_summary.pushRejected += counts.rejected;
    next();
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
    if (m_pull) {
        m_pull->cancel();
    }
    if (m_push) {
        m_push->cancel();
    }
}

} // namespace C360
