// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/ipdc/ipdccursor.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace C360
{

void IpdcCursor::markVisited(const QUrl &page)
{
    const QString key = pageKey(page);
    if (!visited.contains(key)) {
        visited.append(key);
    }
}

QString IpdcCursor::pageKey(const QUrl &page)
{
    return QString::fromLatin1(QCryptographicHash::hash(page.toString(QUrl::FullyEncoded).toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

IpdcCursor IpdcCursor::fromJson(const QString &text)
{
    IpdcCursor c;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (const QJsonValue &v : o.value(QStringLiteral("queue")).toArray()) {
        const QUrl url(v.toString());
        if (url.isValid() && !url.isRelative()) {
            c.queue.append(url);
        }
    }
    const QUrl last(o.value(QStringLiteral("last")).toString());
    if (last.isValid() && !last.isRelative()) {
        c.last = last;
    }
    c.etag = o.value(QStringLiteral("etag")).toString().toLatin1();
    for (const QJsonValue &v : o.value(QStringLiteral("visited")).toArray()) {
        c.visited.append(v.toString());
    }
    c.pages = o.value(QStringLiteral("pages")).toInt();
    c.lastDigest = o.value(QStringLiteral("last_digest")).toString();
    return c;
}

QString IpdcCursor::toJson() const
{
    QJsonArray q;
    for (const QUrl &url : queue) {
        q.append(url.toString(QUrl::FullyEncoded));
    }
    QJsonObject o{{QStringLiteral("queue"), q}, {QStringLiteral("pages"), pages}};
    if (!last.isEmpty()) {
        o.insert(QStringLiteral("last"), last.toString(QUrl::FullyEncoded));
    }
    if (!etag.isEmpty()) {
        o.insert(QStringLiteral("etag"), QString::fromLatin1(etag));
    }
    if (!visited.isEmpty()) {
        o.insert(QStringLiteral("visited"), QJsonArray::fromStringList(visited));
    }
    if (!lastDigest.isEmpty()) {
        o.insert(QStringLiteral("last_digest"), lastDigest);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace C360
