// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/timestamp.h"

#include <QRegularExpression>

namespace C360::Timestamp
{

QDateTime parse(QStringView text, const QTimeZone &localZone)
{
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,](\\d+))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch m = shape.match(text.trimmed().toString());
    if (!m.hasMatch()) {
        return {};
    }
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    QString clock = m.captured(2);
    if (clock.size() == 5) {
        clock += QStringLiteral(":00");
    }
    QTime time = QTime::fromString(clock, Qt::ISODate);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    const int millis = QString(m.captured(3) + QStringLiteral("000")).left(3).toInt();
    time = time.addMSecs(millis);
    const QString offset = m.captured(4);
    if (offset.isEmpty()) {
        if (!localZone.isValid()) {
            return {};
        }
        QDateTime local(date, time, localZone);
        if (!local.isValid() || local.time() != time) {
            // In the hour the clocks skip in spring: the same reading an hour later.
            local = QDateTime(date, time.addSecs(3600), localZone);
        }
        if (!local.isValid()) {
            return {};
        }
        // In the hour that comes twice in autumn: the first time (summer time).
        if (const QDateTime earlier = local.addSecs(-3600); earlier.date() == date && earlier.time() == local.time()) {
            local = earlier;
        }
        return local.toUTC();
    }
    int seconds = 0;
    if (offset != QLatin1String("Z") && offset != QLatin1String("z")) {
        const QString digits = QString(offset).remove(QLatin1Char(':'));
        const int hours = digits.mid(1, 2).toInt();
        const int minutes = digits.size() >= 5 ? digits.mid(3, 2).toInt() : 0;
        if (hours > 18 || minutes > 59) {
            return {};
        }
        seconds = (hours * 3600 + minutes * 60) * (offset.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-seconds);
}

QTimeZone defaultZone()
{
    static const QTimeZone brussels(QByteArrayLiteral("Europe/Brussels"));
    return brussels;
}

} // namespace C360::Timestamp
