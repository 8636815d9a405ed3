// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/syncmessages.h"

#include "privacy/secretstore.h"

#include <KLocalizedString>

#include <QLocale>

namespace C360::SyncMessages
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
    if (sourceId == QLatin1String("zaken")) {
        return i18nc("@item a back end", "the case system");
    }
    return i18nc("@item a back end with its configured name", "the server “%1”", sourceId);
}

QString resourceName(const QString &resource)
{
    if (resource == QLatin1String("requests")) {
        return i18nc("@item what a back end's resource holds", "reports");
    }
    if (resource == QLatin1String("partijen")) {
        return i18nc("@item what a back end's resource holds", "people");
    }
    if (resource == QLatin1String("klantcontacten")) {
        return i18nc("@item what a back end's resource holds", "contact moments");
    }
    if (resource == QLatin1String("internetaken")) {
        return i18nc("@item what a back end's resource holds", "requests and callbacks");
    }
    if (resource == QLatin1String("ldes")) {
        return i18nc("@item what a back end's resource holds", "products and services");
    }
    if (resource == QLatin1String("zaaktypen")) {
        return i18nc("@item what a back end's resource holds", "case types");
    }
    if (resource == QLatin1String("statustypen")) {
        return i18nc("@item what a back end's resource holds", "case status types");
    }
    if (resource == QLatin1String("zaken")) {
        return i18nc("@item what a back end's resource holds", "cases");
    }
    if (resource == QLatin1String("statussen")) {
        return i18nc("@item what a back end's resource holds", "case statuses");
    }
    if (resource == QLatin1String("rollen")) {
        return i18nc("@item what a back end's resource holds", "whose cases they are");
    }
    return i18nc("@item a back end's resource by its configured name", "“%1”", resource);
}

namespace
{
// What a run stopped by a problem had saved before it: its pages committed.
QString savedBefore(const SyncProblem &p)
{
    if (p.applied.pages <= 0) {
        return i18nc("@info what a stopped synchronisation saved", "Nothing of this run was saved.");
    }
    return i18ncp("@info what a stopped synchronisation saved; %2–%4 counts of records",
                  "The page before it was saved (%2 new, %3 changed, %4 removed).",
                  "The %1 pages before it were saved (%2 new, %3 changed, %4 removed).",
                  p.applied.pages,
                  QString::number(p.applied.inserted),
                  QString::number(p.applied.updated),
                  QString::number(p.applied.deleted));
}

// Why a run deleted nothing, as a clause.
QString suspectReason(const SyncProblem &p)
{
    const QString expected = QLocale().toString(p.expected);
    const QString actual = QLocale().toString(p.actual);
    switch (p.reason) {
    case SyncProblem::Reason::Incomplete:
        return i18nc("@info why deletions were withheld", "it announced %1 records but sent %2", expected, actual);
    case SyncProblem::Reason::CountChanged:
        return i18nc("@info why deletions were withheld", "the number of records changed from %1 to %2 while it was read", expected, actual);
    case SyncProblem::Reason::Unidentified:
        return i18nc("@info why deletions were withheld", "%1 records had no readable identifier", actual);
    case SyncProblem::Reason::Shrink:
        return i18nc("@info why deletions were withheld", "%1 of the %2 records held here would have been removed at once", actual, expected);
    case SyncProblem::Reason::PageBound:
        return i18nc("@info why deletions were withheld", "it kept naming a next page after %1 pages", actual);
    case SyncProblem::Reason::Repeated:
        return i18nc("@info why a synchronisation stopped early", "it sent the same records again and again after %1 pages", actual);
    case SyncProblem::Reason::Untrusted:
        return i18nc("@info why deletions were withheld", "it announced %1 records, which cannot be right", expected);
    case SyncProblem::Reason::None:
        break;
    }
    return i18nc("@info why deletions were withheld", "what it sent did not add up");
}
} // namespace

QString problem(const QString &sourceId, const SyncProblem &p)
{
    const QString server = sourceName(sourceId);
    switch (p.kind) {
    case SyncProblem::Kind::None:
        return {};
    case SyncProblem::Kind::Cancelled:
        return i18nc("@info", "Synchronisation with %1 was stopped. It continues where it left off next time.", server);
    case SyncProblem::Kind::Authentication:
        return i18nc("@info",
                     "The credentials of this workstation were refused by %1. Ask your administrator to check the token (for a case system: the "
                     "client id and its secret) for this server.",
                     server);
    case SyncProblem::Kind::Configuration:
        if (!p.secret.isEmpty()) {
            return i18nc("@info %1 a back end, %2 keychain service, %3 entry, %4 environment variable",
                         "The connection to %1 is not set up completely: its token is missing. Store it in the keychain as “%3” of the service “%2” "
                         "(for citizen360-admin, the environment variable %4 will do).",
                         server,
                         SecretStore::keychainService(),
                         p.secret,
                         SecretStore::environmentVariable(p.secret));
        }
        return i18nc(
            "@info", "The connection to %1 is not set up completely (its token is missing from the keychain). Ask your administrator to configure it.", server);
    case SyncProblem::Kind::Malformed:
        return i18nc("@info %1 a back end, %2 what was saved before",
                     "An answer from %1 could not be read, and was not saved. %2 Synchronisation tries again from there later.",
                     server,
                     savedBefore(p));
    case SyncProblem::Kind::Store:
        if (p.diskFull) {
            return i18nc("@info %1 a back end, %2 what was saved before",
                         "The disk of the store is full: a page from %1 could not be saved. %2 Free some space; synchronisation goes on from there.",
                         server,
                         savedBefore(p));
        }
        return i18nc("@info %1 a back end, %2 the store's problem, %3 what was saved before",
                     "A page from %1 could not be saved: %2 %3",
                     server,
                     p.detail,
                     savedBefore(p));
    case SyncProblem::Kind::Suspect:
        return i18nc("@info %1 a back end, %2 why",
                     "Nothing was deleted after the last synchronisation with %1, because %2. If the records are really gone there, an "
                     "administrator confirms the deletions.",
                     server,
                     suspectReason(p));
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
    if (stats.changedNothing() && stats.skipped == 0 && stats.dropped == 0) {
        return i18nc("@info:status %1 a back end", "Up to date with %1.", sourceName(sourceId));
    }
    QString text = i18nc("@info:status %1 a back end, then counts of records",
                         "From %1: %2 new, %3 changed, %4 removed, %5 skipped.",
                         sourceName(sourceId),
                         QString::number(stats.inserted),
                         QString::number(stats.updated),
                         QString::number(stats.deleted),
                         QString::number(stats.skipped));
    if (stats.dropped > 0) {
        text += QLatin1Char(' ') +
            i18ncp("@info:status",
                   "%1 record was not kept by rule (past the retention period, or not for this application).",
                   "%1 records were not kept by rule (past the retention period, or not for this application).",
                   stats.dropped);
    }
    return text;
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
    case ItemKind::Case:
        what = i18nc("@item a refused change", "A case");
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

} // namespace C360::SyncMessages
