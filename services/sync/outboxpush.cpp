// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/outboxpush.h"

#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/transaction.h"
#include "sync/restjob.h"

namespace C360
{

namespace
{
// At most this many entries per run; the rest go next run.
constexpr int EntriesPerRun = 500;
} // namespace

OutboxPush::OutboxPush(
    Database &db, QNetworkAccessManager *network, const SyncContext &context, std::vector<std::unique_ptr<OutboxTarget>> targets, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_network(network)
    , m_context(context)
    , m_targets(std::move(targets))
{
}

OutboxPush::~OutboxPush()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
}

void OutboxPush::start()
{
    OutboxRepository outbox(m_db);
    auto due = outbox.due(m_context.clock->now(), EntriesPerRun);
    if (!due) {
        qCWarning(C360_SYNC) << "cannot read the outbox:" << due.error().detail;
        Q_EMIT finished();
        return;
    }
    for (const OutboxEntry &entry : std::as_const(*due)) {
        if (entry.source == m_context.source.id) {
            m_entries.append(entry);
        }
    }
    pushNext();
}

void OutboxPush::cancel()
{
    m_cancelled = true;
    if (m_job) {
        m_job->abort();
    }
}

void OutboxPush::pushNext()
{
    while (m_next < m_entries.size() && !m_cancelled) {
        const OutboxEntry &entry = m_entries.at(m_next);
        m_target = nullptr;
        for (auto &target : m_targets) {
            if (target->handles(entry)) {
                m_target = target.get();
                break;
            }
        }
        if (!m_target) {
            ++m_next;
            continue;
        }
        if (auto sending = OutboxRepository(m_db).markSending(entry.id); !sending) {
            ++m_next;
            continue;
        }
        if (sendStep()) {
            return;
        }
    }
    Q_EMIT finished();
}

void OutboxPush::retryLater(const OutboxEntry &entry, const QString &why)
{
    const int delay = m_context.retry.backoffMs(entry.attempts + 2, m_context.retry.heldBackMaxDelayMs);
    if (auto r = OutboxRepository(m_db).markFailed(entry.id, why, m_context.clock->now().addMSecs(delay)); !r) {
        qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "failed:" << r.error().detail;
    }
    ++m_counts.failed;
}

bool OutboxPush::sendStep()
{
    const OutboxEntry &entry = m_entries.at(m_next);
    if (const auto hold = m_target->prepare(m_db, entry)) {
        if (hold->permanent) {
            if (auto r = OutboxRepository(m_db).markRejected(entry.id, hold->reason); !r) {
                qCWarning(C360_SYNC) << "cannot mark outbox entry" << entry.id << "rejected:" << r.error().detail;
            }
            ++m_counts.rejected;
        } else {
            retryLater(entry, hold->reason);
        }
        ++m_next;
        return false;
    }
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray body;
    const QNetworkRequest request = m_target->request(entry, &method, &body);
    auto *job = new RestJob(m_network, request, method, body, m_context.retry, this);
    m_job = job;
    connect(job, &RestJob::finished, this, &OutboxPush::onPushed);
    job->start();
    return true;
}

void OutboxPush::onPushed()
{
    RestJob *job = m_job;
    m_job = nullptr;
    if (!job) {
        return;
    }
    job->deleteLater();
    const OutboxEntry entry = m_entries.at(m_next++);
    OutboxRepository outbox(m_db);
    const QDateTime now = m_context.clock->now();
    if (job->succeeded()) {
        bool recorded = false;
        bool complete = true;
        QString remoteId;
        QString why;
        {
            auto transaction = Transaction::begin(m_db);
            auto pushed = transaction ? m_target->accepted(m_db, entry, *job) : Expected<OutboxTarget::Pushed, SyncProblem>(unexpected(SyncProblem{}));
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
            // The next step of the same entry, unless the push was cancelled (it goes on from
            // here next run).
            --m_next;
            m_entries[m_next].remoteId = remoteId;
            if (m_cancelled) {
                ++m_next;
                if (auto r = outbox.markFailed(entry.id, QString(), now); !r) {
                    qCWarning(C360_SYNC) << "cannot return outbox entry" << entry.id << "to the queue:" << r.error().detail;
                }
            } else if (sendStep()) {
                return;
            }
        } else if (recorded) {
            ++m_counts.pushed;
        } else {
            // Pushed, but not recorded here: it goes out again later with the same key, which the
            // server recognises, and is recorded then.
            qCWarning(C360_SYNC) << "outbox entry" << entry.id << "was accepted but could not be recorded; it will be sent again:" << why.left(200);
            retryLater(entry, QStringLiteral("accepted, not recorded: %1").arg(why.left(200)));
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
            ++m_counts.rejected;
        } else {
            retryLater(entry, QStringLiteral("%1 (HTTP %2)").arg(e.detail.left(200)).arg(e.httpStatus));
        }
    }
    pushNext();
}

} // namespace C360
