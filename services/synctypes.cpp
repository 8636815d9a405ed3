// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "synctypes.h"

#include <QJsonDocument>

#include <algorithm>
#include <utility>

namespace c360
{

ResourceStats &ResourceStats::operator+=(const ResourceStats &o)
{
    inserted += o.inserted;
    updated += o.updated;
    deleted += o.deleted;
    skipped += o.skipped;
    pages += o.pages;
    bytes += o.bytes;
    return *this;
}

QJsonObject ResourceStats::toJson() const
{
    return {
        {QStringLiteral("inserted"), inserted},
        {QStringLiteral("updated"), updated},
        {QStringLiteral("deleted"), deleted},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("bytes"), bytes},
    };
}

namespace
{
constexpr std::pair<const char *, SyncProblem::Kind> problemKinds[] = {
    {"network", SyncProblem::Kind::Network},
    {"authentication", SyncProblem::Kind::Authentication},
    {"malformed", SyncProblem::Kind::Malformed},
    {"store", SyncProblem::Kind::Store},
    {"configuration", SyncProblem::Kind::Configuration},
    {"cancelled", SyncProblem::Kind::Cancelled},
};
} // namespace

QString SyncProblem::key() const
{
    for (const auto &[name, value] : problemKinds) {
        if (value == kind) {
            return QLatin1String(name);
        }
    }
    return {};
}

QString SyncProblem::toRecord() const
{
    if (isNone()) {
        return {};
    }
    QJsonObject o{{QStringLiteral("kind"), key()}, {QStringLiteral("detail"), detail.left(300)}};
    if (kind == Kind::Network || kind == Kind::Authentication) {
        o.insert(QStringLiteral("network"), int(network.kind));
        o.insert(QStringLiteral("http"), network.httpStatus);
        o.insert(QStringLiteral("attempts"), network.attempts);
        o.insert(QStringLiteral("retry_after_ms"), network.retryAfterMs);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SyncProblem storeProblem(const StoreError &error)
{
    SyncProblem p;
    p.kind = SyncProblem::Kind::Store;
    p.detail = error.message();
    return p;
}

SyncProblem SyncProblem::fromRecord(const QString &record)
{
    SyncProblem p;
    if (record.isEmpty()) {
        return p;
    }
    const QJsonObject o = QJsonDocument::fromJson(record.toUtf8()).object();
    const QString name = o.value(QStringLiteral("kind")).toString();
    p.kind = Kind::Network; // a record from a later version: still a failure
    for (const auto &[n, value] : problemKinds) {
        if (name == QLatin1String(n)) {
            p.kind = value;
        }
    }
    p.detail = o.value(QStringLiteral("detail")).toString();
    p.network.kind = RestError::Kind(std::clamp(o.value(QStringLiteral("network")).toInt(), 0, int(RestError::Kind::Aborted)));
    p.network.httpStatus = o.value(QStringLiteral("http")).toInt();
    p.network.attempts = o.value(QStringLiteral("attempts")).toInt();
    p.network.retryAfterMs = o.value(QStringLiteral("retry_after_ms")).toInt();
    return p;
}

} // namespace c360
