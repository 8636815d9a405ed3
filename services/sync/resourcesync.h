// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "outboxentry.h"
#include "sync/sourceconfig.h"
#include "sync/synctypes.h"
#include "syncstate.h"

#include <QNetworkRequest>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace C360
{
class Clock;
class Database;
class RestJob;

// What a connector needs to talk to its back end.
struct SyncContext
{
    SourceConfig source;
    QString secret; // resolved from the SecretStore; empty for AuthKind::None
    RetryPolicy retry;
    Clock *clock = nullptr;
    QStringList confirmedDeletions; // "source/resource", see SyncEngine::Options
};

// One resource of one back end (Open311 requests, Open Klant partijen, …), synced page by page.
// The engine fetches what nextRequest() asks for, then calls apply() inside a transaction in which
// it also saves the returned cursor: a killed process resumes at the page after the last one
// committed, with nothing lost or applied twice. Implementations parse defensively: a bad record
// is skipped with a reason, never the page; a page that cannot be read at all is a Malformed
// problem (nothing applied, the cursor unchanged, the run tried again later).
class ResourceSync
{
public:
    struct Page
    {
        ResourceStats stats; // what this page changed; the engine adds pages and bytes
        QList<SkippedRecord> skipped;
        QString cursor; // the state after this page, saved with it (connector-defined, e.g. JSON)
        QString etag; // remembered for If-None-Match; empty keeps the stored one
        bool finished = false; // this run is complete
        // A finished run that deleted nothing although records were missing, and why (a Suspect
        // problem): recorded in the sync state and the summary, for an administrator to confirm.
        SyncProblem withheld;
    };

    explicit ResourceSync(const SyncContext &context);
    virtual ~ResourceSync() = default;

    QString source() const { return m_context.source.id; }
    virtual QString resource() const = 0;

    // The request for the next page; state.cursor is empty when a run starts (or restarts after
    // the previous one finished).
    virtual QNetworkRequest nextRequest(const SyncState &state) = 0;
    // Reads the fetched page and applies it to the store (in the engine's transaction).
    virtual Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) = 0;
    // The request that most likely follows the fetched page (its next page), asked before the
    // page is applied so that the back end prepares and sends it meanwhile. The engine still asks
    // nextRequest() after applying and uses the early answer only for the same request (URL and
    // headers); otherwise it is dropped. By default there is none (an empty URL).
    virtual QNetworkRequest lookahead(const RestJob &job, const SyncState &state);
    // The server answered 304 Not Modified: by default the run is complete and nothing changed.
    virtual Page unchanged(const SyncState &state);
    // The page could not be fetched (after every retry). A connector that can go on another way
    // (an LDES page that is gone: from the stream's root) returns the state to go on from, which is
    // committed like a page; by default the resource stops with the problem.
    virtual std::optional<Page> failed(const RestError &error, const SyncState &state);

protected:
    const SyncContext &context() const { return m_context; }
    // A request for url with the source's credentials (api_key parameter, Token or Bearer header)
    // and Accept: application/json.
    QNetworkRequest authorizedRequest(QUrl url) const;
    // Whether an administrator confirmed this resource's deletions for this run.
    bool deletionsConfirmed() const { return m_context.confirmedDeletions.contains(source() + QLatin1Char('/') + resource()); }
    // The zone the source's date-times without an offset are read in (SourceConfig::timeZone).
    const QTimeZone &localZone() const { return m_zone; }

private:
    SyncContext m_context;
    QTimeZone m_zone;
};

// Pushes one kind of outbox entry (a contact moment, a request, an audit export) to its back end.
//
// A push may take several requests (a request needs the klantcontact it came from): accepted()
// then says that another step follows, the engine keeps that step's remote id on the entry
// (OutboxRepository::markStep) and asks request() for the next one. Each step carries its own
// idempotency key derived from the entry's (stepKey), so a step retried after a lost answer or a
// restart is made once; a restart goes on at the first step not recorded.
class OutboxTarget
{
public:
    explicit OutboxTarget(const SyncContext &context)
        : m_context(context)
    {
    }
    virtual ~OutboxTarget() = default;

    // Why an entry cannot go now. Not permanent: it stays queued and is tried again later (it waits
    // for another entry, such as a supplement for its request). Permanent: it is refused here,
    // before anything was sent, and kept for correction. reason is shown in the sync panel.
    struct Hold
    {
        bool permanent = false;
        QString reason;
    };
    // What a step of a push made at the back end.
    struct Pushed
    {
        QString remoteId;
        bool complete = true; // false: another step follows
    };

    virtual bool handles(const OutboxEntry &entry) const = 0;
    // Called before each step's request(), outside a transaction: reads what the push needs from
    // the store, or says why it must wait. By default every entry can go.
    virtual std::optional<Hold> prepare(Database &db, const OutboxEntry &entry);
    // The request that pushes entry (entry.remoteId holds the previous step's remote id, empty at
    // the first step), carrying its Idempotency-Key, and its method and body.
    virtual QNetworkRequest request(const OutboxEntry &entry, QByteArray *method, QByteArray *body) = 0;
    // The back end accepted the step: record what it answered (the remote id, the source id of the
    // local record) in the engine's transaction.
    virtual Expected<Pushed, SyncProblem> accepted(Database &db, const OutboxEntry &entry, const RestJob &job) = 0;

    // The idempotency key of a step after the first: the entry's key with the step's name.
    static QString stepKey(const OutboxEntry &entry, const QString &step);

protected:
    const SyncContext &context() const { return m_context; }
    // A request for url with the source's credentials and the idempotency key (the entry's own
    // when key is empty).
    QNetworkRequest authorizedRequest(QUrl url, const OutboxEntry &entry, const QString &key = {}) const;

private:
    SyncContext m_context;
};

using ResourceSyncFactory = std::function<std::vector<std::unique_ptr<ResourceSync>>(const SyncContext &)>;
using OutboxTargetFactory = std::function<std::vector<std::unique_ptr<OutboxTarget>>(const SyncContext &)>;

} // namespace C360
