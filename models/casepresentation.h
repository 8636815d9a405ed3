// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace C360
{

// What the case view shows of an open case, as translated rich text: the facts under the name,
// the badges of what is open, and the details of a timeline item. No widget here, so that it is
// tested without a window; every value from the store is escaped.
namespace CasePresentation
{
// The citizen's facts: birth, address, language, verified e-mail addresses and phones, channel
// preferences and consents, joined by " · " (HTML).
QString facts(const Citizen &citizen);

struct Badges
{
    QString html; // "<b>2 open requests (3 days left)</b> · 1 open report · 2 open cases (1 past its legal deadline)"
    QString accessible; // the same without markup, for a screen reader
    std::optional<qint64> fewestDaysLeft; // of the most urgent open request (negative: overdue)
};
// The open requests (with the days left of the nearest deadline, or how far it is overdue), the
// open reports of the citizen themselves and their open cases (with those past the legal
// deadline), as of now.
Badges badges(const CaseFile &file, const QDateTime &now);

// The details of item (of a request, with its supplement supplementId in bold when supplement),
// as of now; empty when the case holds no such item.
QString detailHtml(const CaseFile &file, const ItemLink &item, const QDateTime &now, bool supplement = false, qint64 supplementId = 0);

// A time as the locale writes it short, never with seconds (the C locale's short time has them).
QString timeText(const QTime &time);
// The short date and timeText() of time (local), or empty when it is not valid.
QString dateText(const QDateTime &time);
// The translated name of what a consent is about.
QString consentName(ConsentTopic topic);
// Translated names of channels, and of the statuses and outcomes by their keys.
QString channelName(Channel channel);
QHash<QString, QString> statusNames();
} // namespace CasePresentation

} // namespace C360
