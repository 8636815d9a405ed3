// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "store/storeerror.h"
#include "sync/commongroundlist.h"
#include "sync/resourcesync.h"

#include <QJsonObject>

#include <optional>

namespace C360
{

// How far a crawl of a Common Ground list got; saved as the SyncState cursor (small JSON), so that a
// killed process resumes at the next page of the same run, with the same run start.
struct CommonGroundCursor
{
    qint64 run = 0; // start of the run under way (ms since the epoch, UTC); 0: none
    int page = 1; // the next page of the run
    qint64 count = -1; // the list's count on the run's first page
    int unidentified = 0; // records of this run skipped without a readable uuid
    qint64 seen = 0; // distinct records this run has read (stored, unchanged, ignored or skipped)
    int pages = 0; // pages of this run applied
    qint64 known = 0; // records held here when the run began
    qint64 lastRun = 0; // start of the last complete run
    QString etag; // of the whole list, when the last complete run fitted in one page
    qint64 restartedAt = 0; // the lastErrorAt (ms) that made a run start over
    QJsonObject extra; // the subclass's (KlantinteractiesTakenSync: the actors)

    static CommonGroundCursor fromJson(const QString &json);
    QString toJson() const;
};

// A full crawl of one list of a Common Ground API (Klantinteracties, ZGW) with per-record content hashes and deletion
// detection, for the subclasses that map partijen, klantcontacten and internetaken.
//
// The list has no change timestamps, so every run reads every page (page/pageSize; the `next`
// link says whether there is another, and must be a URL of the source's own server). Each
// record's SHA-256 (CommonGroundList::contentHash with contentVersion()) is compared with its SyncRecord: an
// unchanged record costs no write to the model, only its lastSeen (set to the run start).
//
// Deletion only on proof. When a run completes, records whose lastSeen is older than the run start
// are gone from the back end and are deleted here - only when the run was complete and consistent:
// the count the server announced was believable and the same on the first and the last page, the
// run read exactly that many distinct records, all with a readable uuid, and it would not remove
// more than the source's maxDeletionShare of what is held here (unless an administrator confirmed
// the deletions for this run). Otherwise nothing is deleted and the run is suspect (Page::withheld,
// with the reason). A run cut short by a fault deletes nothing; the next engine run resumes it at
// its cursor. Every run is bounded: past what the announced count (or, without a count to trust,
// what is held here) needs in pages, with a margin, it ends, suspect.
//
// If-None-Match is sent only when the whole list fitted in one page last time: an ETag covers one
// page, and a full crawl needs every page.
class CommonGroundCrawl : public ResourceSync
{
public:
    using ResourceSync::ResourceSync;

    // An announced count above this is not believed (no municipality has that many records).
    static constexpr qint64 MaxBelievableCount = 100000000;
    // The page bound of a run without a count to trust and with nothing held here.
    static constexpr int DefaultMaxPages = 10000;

    QNetworkRequest nextRequest(const SyncState &state) override;
    // The next page, when the fetched one links to it (parsed once: apply() uses it).
    QNetworkRequest lookahead(const RestJob &job, const SyncState &state) override;
    Expected<Page, SyncProblem> apply(Database &db, const RestJob &job, const SyncState &state) override;
    Page unchanged(const SyncState &state) override;

    // A push changed the list under the ETag a one-page crawl remembers: the next pull reads it.
    static Expected<void, StoreError> forgetListEtag(Database &db, const QString &source, const QString &resource);

protected:
    // What store() did with one new or changed record.
    struct Outcome
    {
        enum class Kind {
            Stored, // inserted or updated the local record localId
            Ignored, // not for the local model (an organisation): remembered, nothing stored
            Skipped, // refused (reason); tried again when it next comes
        };
        Kind kind = Kind::Stored;
        qint64 localId = 0;
        QString reason;
        static Outcome stored(qint64 id) { return {Kind::Stored, id, {}}; }
        static Outcome ignored() { return {Kind::Ignored, 0, {}}; }
        static Outcome skipped(QString why) { return {Kind::Skipped, 0, std::move(why)}; }
        static Outcome skipped(const RecordError &error) { return skipped(error.detail); }
    };

    // The list's path under the base URL ("partijen") and the expand parameter it is read with.
    virtual QString path() const = 0;
    // The mapping's version in the content hash: a new one makes every record apply again.
    virtual const char *contentVersion() const = 0;
    virtual QString expand() const { return {}; }
    // The record as the crawl reads it: a list whose records carry no uuid member (the Catalogi
    // API's, named by their url alone) gives them one here.
    virtual QJsonObject identified(const QJsonObject &record) const { return record; }
    // Query filters the list is read with (a ZGW list narrowed to what is mapped).
    virtual QList<std::pair<QString, QString>> filters() const { return {}; }
    // Members left out of the content hash: reverse relations that change when other records come.
    virtual QStringList volatileKeys() const { return {}; }
    // Members of CommonGroundCursor::extra kept from one run to the next (by default, none).
    virtual QStringList lastingExtra() const { return {}; }
    // Maps record (new, or changed since existing) to the local model and stores it.
    virtual Expected<Outcome, StoreError> store(Database &db, const QJsonObject &record, const std::optional<SyncRecord> &existing) = 0;
    // Deletes the local record of a record the back end no longer has; false when it was gone.
    virtual Expected<bool, StoreError> removeLocal(Database &db, qint64 localId) = 0;

    // The cursor for the next request: the stored one, or a new run when none is under way.
    CommonGroundCursor position(const SyncState &state) const;
    // GET path?page=…&pageSize=…[&expand=…] under the source's base URL, with its credentials.
    QNetworkRequest listRequest(const QString &listPath, int page, const QString &expandValue) const;
    int pageSize() const;
    SyncProblem malformed(const QString &detail) const;

    CommonGroundCursor m_position; // of the request nextRequest() made last

private:
    // The page lookahead() parsed, for the job it came from.
    const RestJob *m_parsedJob = nullptr;
    std::optional<Expected<CommonGroundPage, PageError>> m_parsed;

    QJsonObject lasting(const QJsonObject &extra) const;
    int maxPages(const CommonGroundCursor &c) const;
    // Why the run's deletions cannot be trusted (None when they can, but for the share).
    SyncProblem consistency(const CommonGroundCursor &c, const CommonGroundPage &last, bool emptyTail) const;
    Expected<void, SyncProblem> finishRun(Database &db, CommonGroundCursor &c, Page *page, SyncProblem doubt);
};

} // namespace C360
