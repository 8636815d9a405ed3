// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace C360
{

// Where the sync of an Open311 requests resource stands; saved as SyncState.cursor (compact JSON)
// with every page, so that a stopped or killed run resumes at the page after the last one applied.
struct Open311Cursor
{
    enum class Mode {
        Incremental, // updated_after + page/page_size (the common extensions)
        Windowed, // start_date/end_date windows of at most 90 days, for servers without them
    };
    // Whether the server honours `page`: unknown until a second page was seen.
    enum class Paging { Unknown, Honoured, Ignored };

    Mode mode = Mode::Incremental;
    Paging paging = Paging::Unknown;
    bool running = false; // a run is under way; false when the last one finished (or none began)
    int page = 1; // the next page of the run (incremental) or of the window (windowed)
    QString firstId; // service_request_id of the first record of page 1, to notice a server that ignores `page`
    QString lastFirstId; // that of the page before, to notice a server that sends one page again and again

    // Incremental: the run's updated_after, and the highest updated_datetime seen so far (this run
    // included); the next run asks for records updated after that, less an overlap.
    QDateTime after;
    QDateTime maxUpdated;
    // Incremental: a run that ended on an empty page after full ones (page emptyEndPage, having
    // seen up to emptyEndMax). Such an answer may be a server's fault that hides the pages after
    // it: the cursor does not move past it until a run from the same updated_after ends the same
    // way again.
    int emptyEndPage = 0;
    QDateTime emptyEndMax;
    // The request (see Open311RequestsSync) whose complete answer SyncState.etag is the ETag of;
    // If-None-Match is sent only for that same request.
    QString etagRequest;

    // Windowed: the window being fetched and the end of this run (the time it started).
    QDateTime windowStart;
    QDateTime windowEnd;
    QDateTime until;
    // ETags of windows answered completely in one page, by request key, for If-None-Match.
    QJsonObject windowEtags;

    QString toJson() const;
    // A fresh cursor when text is empty or unreadable (a run then starts from the beginning).
    static Open311Cursor fromJson(const QString &text);
    // UTC as the specification's examples write it: 2010-01-01T00:00:00Z.
    static QString formatTime(const QDateTime &time);
};

} // namespace C360
