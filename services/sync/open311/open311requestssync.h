// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "sync/open311/open311cursor.h"
#include "sync/open311/open311parser.h"
#include "sync/resourcesync.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace C360
{
struct Open311Record;

// How an Open311 requests sync walks its server.
struct Open311Options
{
    enum class Crawl {
        Auto, // incremental; windowed from the moment the server turns out to ignore `page`
        Incremental, // updated_after + page/page_size + extensions=true (Chicago's extensions)
        Windowed, // start_date/end_date windows only: the specification without extensions
    };
    Crawl crawl = Crawl::Auto;
    // Where history starts: the first run's updated_after, and the first window. Invalid: this
    // many days before the run's "now" (the clock's), ten years by default — as far back as the
    // longest retention a store can have.
    QDateTime since;
    int historyDays = 3650;
    int windowDays = 90; // the specification allows no wider range
    // Taken off the highest updated_datetime seen for the next run's updated_after: records that
    // share that second are fetched again (their content hash makes them cost no write).
    int overlapSeconds = 1;
    // Chicago documents 500 as the largest page_size; a server that silently caps a larger one
    // would answer a short page and end the run early.
    int maxPageSize = 500;
    // "Default query limit is a span of 90 days or first 1000 requests": an unpaged window that
    // answers this many may have been cut off, and is halved (down to an hour).
    int windowLimit = 1000;
};

// The service requests of an Open311 GeoReport v2 server as local Reports, with their reporters
// matched to citizens (see IdentityMatcher). The cursor (Open311Cursor) says how far a run got.
class Open311RequestsSync final : public ResourceSync
{
public:
    explicit Open311RequestsSync(const SyncContext &context, const Open311Options &options = {});

    QString resource() const override { return QStringLiteral("requests"); }
    QNetworkRequest nextRequest(const SyncState &state) override;
    // The next page of a full page of a paged answer (parsed once: apply() uses it).
    QNetworkRequest lookahead(const RestJob &job, const SyncState &state) override;
    Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) override;
    Page unchanged(const SyncState &state) override;

    // The cursor for the next request: the stored one, with a new run begun when none is under way.
    Open311Cursor position(const SyncState &state) const;

private:
    int pageSize() const;
    QString format() const;
    QString requestKey(const Open311Cursor &c) const;
    Expected<void, SyncProblem> applyRecords(Database &db, const QList<Open311Record> &records, Page *page);
    QNetworkRequest requestFor(const Open311Cursor &c, const QString &stateEtag) const;
    void endOfAnswer(Open311Cursor &c, const QList<Open311Record> &records, const RestJob &job, Page *page);
    void nextWindow(Open311Cursor &c, Page *page) const;
    QDateTime now() const;
    QDateTime historyStart() const;

    Open311Options m_options;
    Open311Cursor m_position; // of the request nextRequest() made
    int m_pagesThisRun = 0; // pages applied in this run of the engine
    bool m_positioned = false;
    // The answer lookahead() parsed, for the job it came from.
    const RestJob *m_parsedJob = nullptr;
    std::optional<Expected<QList<Open311Record>, PageError>> m_parsed;
};

// The Open311 resources of a source: "requests". The second form takes crawl options (tests, and
// servers without the extensions).
std::vector<std::unique_ptr<ResourceSync>> makeOpen311Syncs(const SyncContext &context);
std::vector<std::unique_ptr<ResourceSync>> makeOpen311Syncs(const SyncContext &context, const Open311Options &options);

} // namespace C360
