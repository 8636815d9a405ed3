// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "syncmessages.h"

#include <KLocalizedString>

#include <QLocale>

namespace c360::SyncMessages
{

QString sourceName(const QString &sourceId)
{
    if (sourceId == QLatin1String("open311")) {
        return i18nc("@item a back end", "the reports server");
    }
    if (sourceId == QLatin1String("openklant")) {
        return i18nc("@item a back end", "the customer contact server");
    }
    if (sourceId == QLatin1String("ipdc")) {
        return i18nc("@item a back end", "the product catalogue");
    }
    if (sourceId == QLatin1String("verwerkingenlogging")) {
        return i18nc("@item a back end", "the central processing log");
    }
    return i18nc("@item a back end with its configured name", "the server “%1”", sourceId);
}

QString problem(const QString &sourceId, const SyncProblem &p)
{
    const QString server = sourceName(sourceId);
    switch (p.kind) {
    case SyncProblem::Kind::None:
        return {};
    case SyncProblem::Kind::Cancelled:
        return i18nc("@info", "Synchronisation with %1 was stopped. It continues where it left off next time.", server);
    case SyncProblem::Kind::Authentication:
        return i18nc("@info", "The credentials of this workstation were refused by %1. Ask your administrator to check the token for this server.", server);
    case SyncProblem::Kind::Configuration:
        return i18nc(
            "@info", "The connection to %1 is not set up completely (its token is missing from the keychain). Ask your administrator to configure it.", server);
    case SyncProblem::Kind::Malformed:
        return i18nc("@info", "The answer from %1 could not be read. Nothing was changed; synchronisation tries again later.", server);
    case SyncProblem::Kind::Store:
        return i18nc("@info", "The data from %1 could not be saved: %2", server, p.detail);
    case SyncProblem::Kind::Network:
        break;
    }
    const RestError &e = p.network;
    switch (e.kind) {
    case RestError::Kind::Timeout:
        return i18ncp("@info",
                      "No answer from %2 in time (%1 attempt). Work goes on with the data already here; synchronisation tries again later.",
                      "No answer from %2 in time (%1 attempts). Work goes on with the data already here; synchronisation tries again later.",
                      e.attempts,
                      server);
    case RestError::Kind::Connection:
        return i18nc("@info", "Cannot reach %1. Work goes on with the data already here; synchronisation tries again later.", server);
    case RestError::Kind::Throttled:
        if (e.retryAfterMs > 0) {
            return i18ncp("@info",
                          "Too busy: %2 asked to wait %1 second. Synchronisation tries again then.",
                          "Too busy: %2 asked to wait %1 seconds. Synchronisation tries again then.",
                          (e.retryAfterMs + 999) / 1000,
                          server);
        }
        return i18nc("@info", "Too busy: %1 asked to wait. Synchronisation tries again later.", server);
    case RestError::Kind::TooLarge:
        return i18nc("@info", "The answer from %1 was far larger than expected and was refused. Ask your administrator to check the server.", server);
    case RestError::Kind::Http:
        if (e.httpStatus >= 500) {
            return i18nc("@info", "An error on %1 stopped synchronisation (server error %2). It tries again later.", server, QString::number(e.httpStatus));
        }
        return i18nc(
            "@info", "The request was refused by %1 (error %2). Ask your administrator to check the configuration.", server, QString::number(e.httpStatus));
    case RestError::Kind::Aborted:
        return i18nc("@info", "Synchronisation with %1 was stopped. It continues where it left off next time.", server);
    case RestError::Kind::None:
        break;
    }
    return i18nc("@info", "Synchronisation with %1 failed. It tries again later.", server);
}

QString storedProblem(const QString &sourceId, const QString &record)
{
    return problem(sourceId, SyncProblem::fromRecord(record));
}

QString summary(const QString &sourceId, const QString &resource, const ResourceStats &stats)
{
    Q_UNUSED(resource);
    if (stats.changedNothing() && stats.skipped == 0) {
        return i18nc("@info:status %1 a back end", "Up to date with %1.", sourceName(sourceId));
    }
    return i18nc("@info:status %1 a back end, then counts of records",
                 "From %1: %2 new, %3 changed, %4 removed, %5 skipped.",
                 sourceName(sourceId),
                 QString::number(stats.inserted),
                 QString::number(stats.updated),
                 QString::number(stats.deleted),
                 QString::number(stats.skipped));
}

QString outboxSummary(const QMap<OutboxState, qint64> &counts)
{
    const qint64 waiting = counts.value(OutboxState::Pending) + counts.value(OutboxState::Sending) + counts.value(OutboxState::Failed);
    const qint64 refused = counts.value(OutboxState::Rejected);
    QStringList parts;
    if (waiting > 0) {
        parts.append(i18ncp("@info:status",
                            "%1 change made here waits to be sent; it goes out when the server answers.",
                            "%1 changes made here wait to be sent; they go out when the servers answer.",
                            waiting));
    }
    if (refused > 0) {
        parts.append(i18ncp("@info:status",
                            "%1 change was refused by a server and is kept here for correction.",
                            "%1 changes were refused by a server and are kept here for correction.",
                            refused));
    }
    return parts.join(QLatin1Char(' '));
}

QString refusedChange(const OutboxEntry &entry)
{
    QString what;
    switch (entry.entityKind) {
    case ItemKind::ContactMoment:
        what = i18nc("@item a refused change", "A contact moment");
        break;
    case ItemKind::Request:
        what = i18nc("@item a refused change", "A request");
        break;
    case ItemKind::Report:
        what = i18nc("@item a refused change", "A report");
        break;
    case ItemKind::CatalogueEntry:
        what = i18nc("@item a refused change", "A catalogue link");
        break;
    }
    if (entry.resource == QLatin1String("verwerkingsacties")) {
        what = i18nc("@item a refused change", "An audit entry");
    }
    return i18nc("@info %1 what, %2 when, %3 the server's own words",
                 "%1 (%2), refused by the server: %3",
                 what,
                 QLocale().toString(entry.created.toLocalTime(), QLocale::ShortFormat),
                 entry.lastError);
}

} // namespace c360::SyncMessages
