// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "store/storeerror.h"
#include "sync/restjob.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace C360
{

// What a sync run did to one resource.
struct ResourceStats
{
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 skipped = 0; // refused (a bad record): tried again when it next comes
    qint64 dropped = 0; // left out by rule (past the retention period, not for this model)
    qint64 pages = 0;
    qint64 bytes = 0;

    ResourceStats &operator+=(const ResourceStats &other);
    bool changedNothing() const { return inserted == 0 && updated == 0 && deleted == 0; }
    // {"inserted": …, "updated": …, "deleted": …, "skipped": …, "dropped": …, "pages": …, "bytes": …}
    QJsonObject toJson() const;
    static ResourceStats fromJson(const QJsonObject &o);
};

// A record left out of the store, and why: source, resource and the back end's id for it, never
// personal data. reason is English, for the log.
struct SkippedRecord
{
    QString source;
    QString resource;
    QString recordId;
    QString reason;
};

// Why a resource could not be synced this time. The UI makes it a translated, actionable sentence
// (see SyncMessages); detail is English, for the log.
struct SyncProblem
{
    enum class Kind {
        None,
        Network, // RestJob failed: error says how
        Authentication, // 401/403: the secret is wrong or missing
        Malformed, // the page could not be read at all (not JSON, wrong shape)
        Store, // the local store refused (disk full, …)
        Configuration, // no secret, bad URL
        Cancelled,
        // The run went through, but what it saw does not prove that records are gone at the back
        // end: nothing was deleted (reason says why); an administrator may confirm.
        Suspect,
    };
    // Why a run is suspect.
    enum class Reason {
        None,
        Incomplete, // it saw `actual` records where the server announced `expected`
        CountChanged, // the announced count changed during the run (from expected to actual)
        Unidentified, // `actual` records had no readable id
        Shrink, // it would delete `actual` of `expected` records, more than the allowed share
        PageBound, // the server named a next page after `actual` pages (it announced `expected` records)
        Untrusted, // the announced count (`expected`) cannot be right
        Repeated, // it sent the same page again (after `actual` pages), or nothing new for several pages
    };
    Kind kind = Kind::None;
    RestError network;
    QString detail;
    Reason reason = Reason::None;
    qint64 expected = -1;
    qint64 actual = -1;
    // What the run had stored when the problem stopped it (the pages before it committed).
    ResourceStats applied;
    bool diskFull = false; // a Store problem: the disk is full
    QString secret; // a Configuration problem: the secret store's key that holds no secret
    bool isNone() const { return kind == Kind::None; }

    // "network", "malformed", … (empty for None): the summary's and the log's name of the kind.
    QString key() const;
    static SyncProblem suspect(Reason reason, qint64 expected, qint64 actual, QString detail);
    // How a problem is kept in sync_state.last_error: a small JSON object that the UI turns into
    // a translated sentence later (fromRecord), in the language of the day.
    QString toRecord() const;
    static SyncProblem fromRecord(const QString &record);
};

// The local store refused: a Store problem with the store's message (ids, no personal data).
SyncProblem storeProblem(const StoreError &error);

} // namespace C360

Q_DECLARE_METATYPE(C360::ResourceStats)
Q_DECLARE_METATYPE(C360::SyncProblem)
Q_DECLARE_METATYPE(C360::SkippedRecord)
