// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/synctypes.h"

#include <QJsonDocument>

#include <algorithm>
#include <utility>

namespace C360
{

ResourceStats &ResourceStats::operator+=(const ResourceStats &o)
{
    inserted += o.inserted;
    updated += o.updated;
    deleted += o.deleted;
    skipped += o.skipped;
    dropped += o.dropped;
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
        {QStringLiteral("dropped"), dropped},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("bytes"), bytes},
    };
}

ResourceStats ResourceStats::fromJson(const QJsonObject &o)
{
    ResourceStats s;
    s.inserted = o.value(QStringLiteral("inserted")).toInteger();
    s.updated = o.value(QStringLiteral("updated")).toInteger();
    s.deleted = o.value(QStringLiteral("deleted")).toInteger();
    s.skipped = o.value(QStringLiteral("skipped")).toInteger();
    s.dropped = o.value(QStringLiteral("dropped")).toInteger();
    s.pages = o.value(QStringLiteral("pages")).toInteger();
    s.bytes = o.value(QStringLiteral("bytes")).toInteger();
    return s;
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
    {"suspect", SyncProblem::Kind::Suspect},
};

constexpr std::pair<const char *, SyncProblem::Reason> reasons[] = {
    {"incomplete", SyncProblem::Reason::Incomplete},
    {"count_changed", SyncProblem::Reason::CountChanged},
    {"unidentified", SyncProblem::Reason::Unidentified},
    {"shrink", SyncProblem::Reason::Shrink},
    {"page_bound", SyncProblem::Reason::PageBound},
    {"untrusted", SyncProblem::Reason::Untrusted},
    {"repeated", SyncProblem::Reason::Repeated},
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

SyncProblem SyncProblem::suspect(Reason reason, qint64 expected, qint64 actual, QString detail)
{
    SyncProblem p;
    p.kind = Kind::Suspect;
    p.reason = reason;
    p.expected = expected;
    p.actual = actual;
    p.detail = std::move(detail);
    return p;
}

QString SyncProblem::toRecord() const
{
    if (isNone()) {
        return {};
    }
    QJsonObject o{{QStringLiteral("kind"), key()}, {QStringLiteral("detail"), detail.left(300)}};
    for (const auto &[name, value] : reasons) {
        if (value == reason) {
            o.insert(QStringLiteral("reason"), QLatin1String(name));
            o.insert(QStringLiteral("expected"), expected);
            o.insert(QStringLiteral("actual"), actual);
        }
    }
    if (applied.pages > 0) {
        o.insert(QStringLiteral("applied"), applied.toJson());
    }
    if (diskFull) {
        o.insert(QStringLiteral("disk_full"), true);
    }
    if (!secret.isEmpty()) {
        o.insert(QStringLiteral("secret"), secret);
    }
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
    p.diskFull = error.code == StoreError::Code::DiskFull;
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
    const QString reason = o.value(QStringLiteral("reason")).toString();
    for (const auto &[n, value] : reasons) {
        if (reason == QLatin1String(n)) {
            p.reason = value;
            p.expected = o.value(QStringLiteral("expected")).toInteger(-1);
            p.actual = o.value(QStringLiteral("actual")).toInteger(-1);
        }
    }
    p.applied = ResourceStats::fromJson(o.value(QStringLiteral("applied")).toObject());
    p.diskFull = o.value(QStringLiteral("disk_full")).toBool();
    p.secret = o.value(QStringLiteral("secret")).toString();
    p.network.kind = RestError::Kind(std::clamp(o.value(QStringLiteral("network")).toInt(), 0, int(RestError::Kind::Aborted)));
    p.network.httpStatus = o.value(QStringLiteral("http")).toInt();
    p.network.attempts = o.value(QStringLiteral("attempts")).toInt();
    p.network.retryAfterMs = o.value(QStringLiteral("retry_after_ms")).toInt();
    return p;
}

} // namespace C360
