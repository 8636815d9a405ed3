// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/open311/open311cursor.h"

#include <QJsonDocument>

namespace C360
{

namespace
{
QDateTime timeOf(const QJsonObject &o, QLatin1String key)
{
    const QDateTime t = QDateTime::fromString(o.value(key).toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

void insertTime(QJsonObject &o, QLatin1String key, const QDateTime &time)
{
    if (time.isValid()) {
        o.insert(key, Open311Cursor::formatTime(time));
    }
}

QString pagingKey(Open311Cursor::Paging paging)
{
    switch (paging) {
    case Open311Cursor::Paging::Honoured:
        return QStringLiteral("yes");
    case Open311Cursor::Paging::Ignored:
        return QStringLiteral("no");
    case Open311Cursor::Paging::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}
} // namespace

QString Open311Cursor::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString Open311Cursor::toJson() const
{
    QJsonObject o{
        {QLatin1String("v"), 1},
        {QLatin1String("mode"), mode == Mode::Windowed ? QStringLiteral("windowed") : QStringLiteral("incremental")},
        {QLatin1String("paging"), pagingKey(paging)},
        {QLatin1String("running"), running},
        {QLatin1String("page"), page},
    };
    if (!lastFirstId.isEmpty()) {
        o.insert(QLatin1String("last_first"), lastFirstId);
    }
    if (!firstId.isEmpty()) {
        o.insert(QLatin1String("first"), firstId);
    }
    insertTime(o, QLatin1String("after"), after);
    insertTime(o, QLatin1String("max"), maxUpdated);
    if (emptyEndPage > 0) {
        o.insert(QLatin1String("empty_end_page"), emptyEndPage);
        insertTime(o, QLatin1String("empty_end_max"), emptyEndMax);
    }
    if (!etagRequest.isEmpty()) {
        o.insert(QLatin1String("etag_for"), etagRequest);
    }
    insertTime(o, QLatin1String("window_start"), windowStart);
    insertTime(o, QLatin1String("window_end"), windowEnd);
    insertTime(o, QLatin1String("until"), until);
    if (!windowEtags.isEmpty()) {
        o.insert(QLatin1String("window_etags"), windowEtags);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Open311Cursor Open311Cursor::fromJson(const QString &text)
{
    Open311Cursor c;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    if (o.value(QLatin1String("v")).toInt() != 1) {
        return c;
    }
    c.mode = o.value(QLatin1String("mode")).toString() == QLatin1String("windowed") ? Mode::Windowed : Mode::Incremental;
    const QString paging = o.value(QLatin1String("paging")).toString();
    c.paging = paging == QLatin1String("yes") ? Paging::Honoured : paging == QLatin1String("no") ? Paging::Ignored : Paging::Unknown;
    c.running = o.value(QLatin1String("running")).toBool();
    c.page = std::max(1, o.value(QLatin1String("page")).toInt(1));
    c.firstId = o.value(QLatin1String("first")).toString();
    c.lastFirstId = o.value(QLatin1String("last_first")).toString();
    c.after = timeOf(o, QLatin1String("after"));
    c.maxUpdated = timeOf(o, QLatin1String("max"));
    c.emptyEndPage = std::max(0, o.value(QLatin1String("empty_end_page")).toInt());
    c.emptyEndMax = timeOf(o, QLatin1String("empty_end_max"));
    c.etagRequest = o.value(QLatin1String("etag_for")).toString();
    c.windowStart = timeOf(o, QLatin1String("window_start"));
    c.windowEnd = timeOf(o, QLatin1String("window_end"));
    c.until = timeOf(o, QLatin1String("until"));
    c.windowEtags = o.value(QLatin1String("window_etags")).toObject();
    // A run under way needs its position; without it, start over.
    const bool positioned = c.mode == Mode::Incremental ? c.after.isValid() : (c.windowStart.isValid() && c.windowEnd.isValid() && c.until.isValid());
    if (c.running && !positioned) {
        c.running = false;
    }
    return c;
}

} // namespace C360
