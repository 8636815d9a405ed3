// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/verwerkingenlogging/verwerkingenloggingtarget.h"

#include "common/logging.h"
#include "sync/restjob.h"
#include "sync/verwerkingenlogging/verwerkingenloggingexport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace C360
{

namespace
{
// An id as the store keeps it: short, printable, no separators.
QString plainId(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]{1,100}$"));
    return shape.match(text).hasMatch() ? text : QString();
}

QString lastPathSegment(const QString &url)
{
    QString path = QUrl(url).path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    return plainId(path.section(QLatin1Char('/'), -1));
}
} // namespace

VerwerkingenloggingTarget::VerwerkingenloggingTarget(const SyncContext &context)
    : OutboxTarget(context)
{
}

bool VerwerkingenloggingTarget::handles(const OutboxEntry &entry) const
{
    return entry.resource == QLatin1String(VerwerkingenloggingExport::resource) && entry.operation == QLatin1String("create");
}

QNetworkRequest VerwerkingenloggingTarget::request(const OutboxEntry &entry, QByteArray *method, QByteArray *body)
{
    QUrl base = context().source.baseUrl;
    if (!base.path().endsWith(QLatin1Char('/'))) {
        base.setPath(base.path() + QLatin1Char('/'));
    }
    *method = QByteArrayLiteral("POST");
    *body = entry.payload; // built by VerwerkingenloggingExport when the entry was queued
    return authorizedRequest(base.resolved(QUrl(QString::fromLatin1(VerwerkingenloggingExport::resource))), entry);
}

QString VerwerkingenloggingTarget::remoteId(const QByteArray &body, const QByteArray &location)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (const QString id = plainId(answer.value(QStringLiteral("actieId")).toString()); !id.isEmpty()) {
        return id;
    }
    if (const QString id = lastPathSegment(answer.value(QStringLiteral("url")).toString()); !id.isEmpty()) {
        return id;
    }
    return lastPathSegment(QString::fromLatin1(location));
}

Expected<OutboxTarget::Pushed, SyncProblem> VerwerkingenloggingTarget::accepted(Database &db, const OutboxEntry &entry, const RestJob &job)
{
    Q_UNUSED(db) // the audit log is append-only: the remote id is kept with the outbox entry only
    const QString id = remoteId(job.body(), job.header(QByteArrayLiteral("Location")));
    if (id.isEmpty()) {
        qCWarning(C360_SYNC) << "verwerkingsactie of outbox entry" << entry.id << "accepted without an actieId";
        SyncProblem problem;
        problem.kind = SyncProblem::Kind::Malformed;
        problem.detail = QStringLiteral("the answer to POST verwerkingsacties has no actieId, url or Location");
        return unexpected(problem);
    }
    return Pushed{id};
}

std::vector<std::unique_ptr<OutboxTarget>> makeVerwerkingenloggingTargets(const SyncContext &context)
{
    std::vector<std::unique_ptr<OutboxTarget>> targets;
    targets.push_back(std::make_unique<VerwerkingenloggingTarget>(context));
    return targets;
}

} // namespace C360
