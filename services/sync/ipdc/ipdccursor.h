// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace C360
{

// How far an IPDC LDES sync got, kept as the resource's cursor (a small JSON object): the pages
// still to read in this run, the last page read (where the next run starts again: an LDES grows at
// its end), its ETag, and the pages this run has read (short hashes, against relation cycles).
struct IpdcCursor
{
    QList<QUrl> queue; // pages to read in this run; empty: no run under way
    QUrl last; // the last page read
    QByteArray etag; // of last, for If-None-Match when a run starts there
    QStringList visited; // short hashes of the pages read in this run
    int pages = 0; // read in this run
    QString lastDigest; // of the members of the page read before in this run

    bool isRunning() const { return !queue.isEmpty(); }
    bool hasVisited(const QUrl &page) const { return visited.contains(pageKey(page)); }
    void markVisited(const QUrl &page);

    // {"queue": [...], "last": "...", "etag": "...", "visited": [...], "pages": n}; an empty or
    // unreadable text gives a fresh cursor (a run from the stream's root).
    static IpdcCursor fromJson(const QString &text);
    QString toJson() const;
    static QString pageKey(const QUrl &page);
};

} // namespace C360
