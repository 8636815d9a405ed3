// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDateTime>
#include <QStringView>
#include <QTimeZone>

namespace C360::Timestamp
{

// An ISO 8601 / RFC 3339 date-time as back ends send them, as UTC with milliseconds; invalid when
// it is none. Lenient in what it accepts: an offset or "Z", or none at all (then it is a wall-clock
// time in localZone, the source's configured zone: a time skipped by the spring change is taken an
// hour later, one that occurs twice as the first), a space instead of the "T", and any number of
// fraction digits (cut to milliseconds, not rounded). A date alone is not a date-time.
QDateTime parse(QStringView text, const QTimeZone &localZone);

// The zone a source reads offset-less times in when its configuration names none.
QTimeZone defaultZone();

} // namespace C360::Timestamp
